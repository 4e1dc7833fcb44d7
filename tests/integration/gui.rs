//! The desktop app driven the way an analyst drives it: by accessible labels, mouse
//! drags and shortcuts, with every assertion made on the project the app holds.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crosscheck::app::{CrosscheckApp, Launch, PendingAction, ScriptedDialogs};
use crosscheck::model::{ConflictStatus, Project, SourceId, Stance};
use crosscheck::session::Selection;
use eframe::egui::{Key, Modifiers, Pos2, Role, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// A private copy of the sample project, so tests can save over it.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("folder");
    let from = crosscheck::sample_project_path().parent().expect("sample folder").to_owned();
    std::fs::create_dir_all(folder.path().join("sources")).expect("create");
    for entry in std::fs::read_dir(from.join("sources")).expect("list") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), folder.path().join("sources").join(entry.file_name())).expect("copy");
    }
    let project = folder.path().join("harbour-accord.ron");
    std::fs::copy(crosscheck::sample_project_path(), &project).expect("copy");
    (folder, project)
}

fn app(project: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, CrosscheckApp> {
    app_autosaving_after(project, dialogs, Launch::AUTOSAVE_AFTER)
}

fn app_autosaving_after(
    project: &Path,
    dialogs: &ScriptedDialogs,
    autosave_after: std::time::Duration,
) -> Harness<'static, CrosscheckApp> {
    let project = project.to_owned();
    let dialogs = dialogs.clone();
    // Background work (previews, comparisons) wakes the app a few times before it settles.
    let mut harness = Harness::builder().with_size(vec2(1440.0, 900.0)).with_max_steps(64).build_eframe(move |cc| {
        CrosscheckApp::new(cc, Launch { project: Some(project), dialogs: Box::new(dialogs), autosave_after })
    });
    harness.run();
    // Opening checks the originals on a worker; the tests read what it found.
    step_until(&mut harness, |h| !h.state().is_checking_originals());
    harness.run();
    harness
}

fn project(harness: &Harness<'_, CrosscheckApp>) -> Project {
    harness.state().workspace().expect("a project is open").project.clone()
}

fn shortcut(harness: &mut Harness<'_, CrosscheckApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Drags the mouse across `width` points of the line whose text contains `line_text`.
fn drag_across(harness: &mut Harness<'_, CrosscheckApp>, line_text: &str, width: f32) {
    let rect = harness.get_by_label_contains(line_text).rect();
    let start = rect.left_top() + vec2(1.0, 10.0);
    let end: Pos2 = start + vec2(width, 0.0);
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(start + vec2(width * step as f32 / 4.0, 0.0));
        harness.run();
    }
    harness.drop_at(end);
    harness.run();
}

/// Selects the first occurrence of `text` through Find (Ctrl+F, type, Enter).
fn find_and_select(harness: &mut Harness<'_, CrosscheckApp>, text: &str) {
    shortcut(harness, Modifiers::COMMAND, Key::F);
    let field = harness.get_by_label("Find");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Find").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let range = harness.state().workspace().and_then(|w| w.text_selection).expect("the result is selected");
    assert_eq!(range.end - range.start, text.chars().count());
}

/// Steps frame by frame, giving worker threads time, until `done` holds (or 3 s pass).
fn step_until(harness: &mut Harness<'_, CrosscheckApp>, done: impl Fn(&Harness<'_, CrosscheckApp>) -> bool) {
    for _ in 0..300 {
        harness.step();
        if done(harness) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn undo(harness: &mut Harness<'_, CrosscheckApp>) {
    shortcut(harness, Modifiers::COMMAND, Key::Z);
}

fn redo(harness: &mut Harness<'_, CrosscheckApp>) {
    shortcut(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
}

fn select_claim(harness: &mut Harness<'_, CrosscheckApp>, statement_start: &str) {
    harness.get_by_label_contains(statement_start).click();
    harness.run();
}

#[test]
fn selecting_text_and_marking_a_claim_is_undoable() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    drag_across(&mut harness, "HALVIK, May 14 (Meridian Press Agency)", 160.0);
    let range = harness.state().workspace().and_then(|w| w.text_selection).expect("text is selected");
    assert!(range.end - range.start > 10, "the drag selected {range:?}");

    harness.get_by_label("Mark claim").click();
    harness.run();
    let after = project(&harness);
    assert_eq!(after.claims.len(), before.claims.len() + 1);
    let (&id, claim) = after.claims.iter().next_back().expect("new claim");
    let passage = &claim.appearances[0];
    assert!(passage.exact.len() > 10 && "HALVIK, May 14 (Meridian Press Agency)".starts_with(passage.exact.as_str()));
    assert_eq!(claim.statement, passage.exact.trim());
    assert_eq!(harness.state().workspace().map(|w| w.selection), Some(Selection::Claim(id)));

    undo(&mut harness);
    assert_eq!(project(&harness).claims, before.claims);
    redo(&mut harness);
    assert_eq!(project(&harness).claims, after.claims);
}

#[test]
fn evidence_attaches_with_each_stance_and_undoes() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness
        .state()
        .workspace()
        .and_then(crosscheck::session::Workspace::selected_claim)
        .expect("a claim is selected");
    let before = project(&harness);

    let passages =
        [("Mattias Orlen", Stance::Supports), ("Ammery", Stance::Contradicts), ("Tarn Gorge Dam", Stance::Context)];
    for (text, stance) in passages {
        find_and_select(&mut harness, text);
        harness.get_by_role_and_label(Role::Button, stance.label()).click();
        harness.run();
    }
    let after = project(&harness);
    let added: Vec<_> =
        after.evidence.iter().filter(|(id, _)| !before.evidence.contains_key(id)).map(|(_, e)| e).collect();
    assert_eq!(added.len(), 3);
    for ((text, stance), evidence) in passages.iter().zip(&added) {
        assert_eq!(evidence.claim, claim);
        assert_eq!(evidence.stance, *stance);
        assert_eq!(evidence.passage.exact, *text);
    }
    for _ in 0..3 {
        undo(&mut harness);
    }
    assert_eq!(project(&harness).evidence, before.evidence);
    for _ in 0..3 {
        redo(&mut harness);
    }
    assert_eq!(project(&harness).evidence, after.evidence);
}

#[test]
fn a_conflict_between_two_sources_is_flagged_resolved_and_undone() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    find_and_select(&mut harness, "home to about 210,000 people");
    harness.get_by_label("Add to conflict").click();
    harness.run();
    assert!(harness.state().workspace().is_some_and(|w| w.conflict_draft.is_some()));
    find_and_select(&mut harness, "Water Minister Daria Lind");
    harness.get_by_label("Add to conflict").click();
    harness.run();

    let flagged = project(&harness);
    assert_eq!(flagged.conflicts.len(), before.conflicts.len() + 1);
    let (&id, conflict) = flagged.conflicts.iter().next_back().expect("new conflict");
    assert_eq!(conflict.passages.len(), 2);
    assert_eq!(conflict.passages[0].exact, "home to about 210,000 people");
    assert_eq!(conflict.passages[1].exact, "Water Minister Daria Lind");
    assert_ne!(conflict.passages[0].source, conflict.passages[1].source, "passages from two sources");
    assert_eq!(harness.state().workspace().map(|w| w.selection), Some(Selection::Conflict(id)));

    harness.get_by_label("Resolved").click();
    harness.run();
    harness.get_by_label("Resolution note").focus();
    harness.get_by_label("Resolution note").type_text("Checked with the ministry.");
    harness.run();
    harness.get_by_label("Passage 1 is right").click();
    harness.run();
    let resolved = project(&harness).conflicts[&id].status.clone();
    assert_eq!(resolved, ConflictStatus::Resolved { note: "Checked with the ministry.".into(), correct: Some(0) });

    for _ in 0..3 {
        undo(&mut harness);
    }
    assert!(project(&harness).conflicts[&id].status.is_open(), "resolution undone");
    undo(&mut harness);
    assert_eq!(project(&harness).conflicts, before.conflicts);
    for _ in 0..4 {
        redo(&mut harness);
    }
    assert_eq!(project(&harness).conflicts[&id].status, resolved);
}

#[test]
fn changing_a_verdict_shows_in_the_undo_menu() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness.state().workspace().and_then(crosscheck::session::Workspace::selected_claim).expect("selected");
    assert_eq!(project(&harness).claims[&claim].verdict, "True");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Mostly false").click();
    harness.run();
    assert_eq!(project(&harness).claims[&claim].verdict, "Mostly false");

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains(&format!("Undo Change verdict of {claim}")).click();
    harness.run();
    assert_eq!(project(&harness).claims[&claim].verdict, "True");
    redo(&mut harness);
    assert_eq!(project(&harness).claims[&claim].verdict, "Mostly false");
}

#[test]
fn typing_a_statement_is_one_undo_step() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness.state().workspace().and_then(crosscheck::session::Workspace::selected_claim).expect("selected");
    let original = project(&harness).claims[&claim].statement.clone();
    harness.get_by_label("Statement").focus();
    harness.run();
    for word in [" Confirmed", " by", " two", " sources."] {
        harness.get_by_label("Statement").type_text(word);
        harness.run();
    }
    let typed = project(&harness).claims[&claim].statement.clone();
    assert!(typed.ends_with("Confirmed by two sources."), "{typed}");
    assert_eq!(typed.len(), original.len() + " Confirmed by two sources.".len());
    undo(&mut harness);
    assert_eq!(project(&harness).claims[&claim].statement, original);
}

#[test]
fn saved_work_is_there_after_reopening_and_save_as_takes_the_sources_along() {
    let (folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    find_and_select(&mut harness, "a shared early-warning system");
    harness.get_by_label("Mark claim").click();
    harness.run();
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Unprovable").click();
    harness.run();
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    let edited = project(&harness);
    assert!(!harness.state().workspace().is_some_and(|w| w.history.has_unsaved_changes()));

    let reopened = app(&path, &dialogs);
    assert_eq!(project(&reopened), edited);
    assert!(reopened.state().notices().is_empty(), "{:?}", reopened.state().notices());

    let elsewhere = folder.path().join("copy").join("moved.ron");
    std::fs::create_dir_all(elsewhere.parent().expect("parent")).expect("create");
    dialogs.answer(vec![elsewhere.clone()]);
    shortcut(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let loaded = crosscheck::store::load(&elsewhere).expect("the copy loads");
    assert!(loaded.problems.is_empty());
    let report = crosscheck::check::check_project(&elsewhere).expect("checks");
    assert!(report.is_sound(), "{report}");
    // Originals are stored content-addressed (`wire.<sha256 prefix>.txt`): each path the
    // copy names is there.
    for source in loaded.project.sources.values() {
        let original = source.content.original.as_ref().expect("an original");
        assert!(original.path.starts_with("sources/wire.") || !original.path.contains("wire"));
        assert!(elsewhere.parent().expect("parent").join(&original.path).exists(), "{}", original.path);
    }
}

#[test]
fn the_unsaved_changes_guard_cancels_discards_and_saves() {
    let (_folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    let saved = project(&harness);
    select_claim(&mut harness, "The accord was initialled in Halvik");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Mixed").click();
    harness.run();
    let edited = project(&harness);

    // Cancel: nothing happens.
    shortcut(&mut harness, Modifiers::COMMAND, Key::W);
    assert_eq!(harness.state().pending_guard(), Some(&PendingAction::CloseProject));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().pending_guard(), None);
    assert_eq!(project(&harness), edited);

    // Discard: the project closes and the file keeps the old version.
    shortcut(&mut harness, Modifiers::COMMAND, Key::W);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().workspace().is_none());
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, saved);

    // Save: the edit reaches the file, then the app quits.
    let mut harness = app(&path, &dialogs);
    select_claim(&mut harness, "The accord was initialled in Halvik");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Mixed").click();
    harness.run();
    shortcut(&mut harness, Modifiers::COMMAND, Key::Q);
    assert_eq!(harness.state().pending_guard(), Some(&PendingAction::Quit));
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    assert!(harness.state().is_quitting());
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, project(&harness));
    assert_ne!(project(&harness), saved);
}

#[test]
fn an_unchanged_project_closes_without_asking() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    shortcut(&mut harness, Modifiers::COMMAND, Key::W);
    assert_eq!(harness.state().pending_guard(), None);
    assert!(harness.state().workspace().is_none());
}

#[test]
fn an_idle_app_requests_no_repaint() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    harness.run();
    harness.step();
    assert!(!harness.ctx.has_requested_repaint(), "nothing changes, so nothing should be redrawn");
}

#[test]
fn importing_files_adds_sources_and_names_the_files_that_fail() {
    let (folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    let good = folder.path().join("briefing.txt");
    std::fs::write(&good, "Ministry briefing\n\nThe fund holds 40 million euros.").expect("write");
    let bad = folder.path().join("scan.md");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    dialogs.answer(vec![good, bad]);
    harness.get_by_label("+ Import").click();
    // The import runs on its own thread and keeps asking for repaints until it ends, so
    // step frame by frame rather than waiting for the app to settle.
    step_until(&mut harness, |h| h.state().workspace().is_some_and(|w| w.project.sources.len() == 4));
    harness.run();
    let project = project(&harness);
    assert_eq!(project.sources.len(), 4);
    let added = project.sources.values().next_back().expect("new source");
    assert_eq!(added.meta.title, "Ministry briefing");
    let copied = &added.content.original.as_ref().expect("an original").path;
    // Content-addressed: `briefing.<12 hex digits of its SHA-256>.txt`.
    let hash = copied.strip_prefix("sources/briefing.").and_then(|rest| rest.strip_suffix(".txt"));
    assert!(hash.is_some_and(|h| h.len() == 12 && h.chars().all(|c| c.is_ascii_hexdigit())), "{copied}");
    assert!(folder.path().join(copied).exists(), "the original is copied into the project");
    let notices = harness.state().notices();
    assert!(notices.iter().any(|n| n.contains("scan.md") && n.contains("PNG")), "{notices:?}");
    undo(&mut harness);
    assert_eq!(harness.state().workspace().map(|w| w.project.sources.len()), Some(3));
}

#[test]
fn cancelling_an_import_stops_it_at_once_and_keeps_what_was_read() {
    let (folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    let briefings = folder.path().join("briefings");
    std::fs::create_dir_all(&briefings).expect("create");
    // Enough text that reading it all takes far longer than the few frames before Cancel.
    let body = "The fund holds forty million euros. ".repeat(3_000);
    for number in 0..300 {
        let text = format!("Briefing {number}\n\n{body}");
        std::fs::write(briefings.join(format!("briefing-{number:03}.txt")), text).expect("write");
    }
    dialogs.answer(vec![briefings]);
    harness.get_by_label("+ Import").click();
    step_until(&mut harness, |h| h.query_by_label("Cancel import").is_some());
    harness.get_by_label("Cancel import").click();
    harness.run();
    assert!(harness.query_by_label_contains("Import cancelled").is_some(), "the status bar says so");
    assert!(harness.query_by_label("Cancel import").is_none(), "the progress bar is gone at once");
    let kept = project(&harness).sources.len();
    assert!(kept < 3 + 300, "the import stopped before the last file");

    // Whatever the import thread was reading when cancelled is not added later.
    std::thread::sleep(std::time::Duration::from_millis(300));
    harness.run();
    assert_eq!(project(&harness).sources.len(), kept);
    assert!(project(&harness).problems().is_empty());
}

#[test]
fn the_export_dialog_writes_the_same_bytes_as_the_command_line() {
    let (folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    shortcut(&mut harness, Modifiers::COMMAND, Key::E);
    harness.get_by_label("Markdown report").click();
    harness.run();
    harness.get_by_label("Notes").click();
    harness.run();
    let from_app = folder.path().join("from-app.md");
    dialogs.answer(vec![from_app.clone()]);
    harness.get_by_label("Save report…").click();
    step_until(&mut harness, |_| from_app.exists());
    // The preview may still be rendering on its thread; a few frames let the save settle.
    harness.run_steps(3);
    assert!(harness.state().notices().is_empty(), "{:?}", harness.state().notices());

    let from_cli = folder.path().join("from-cli.md");
    let today = crosscheck::export::today_utc();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["export", path.to_str().expect("utf-8"), "--format", "md", "--no-notes", "--date", &today, "-o"])
        .arg(&from_cli)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let app_bytes = std::fs::read(&from_app).expect("the app wrote the report");
    assert!(!app_bytes.is_empty());
    assert_eq!(app_bytes, std::fs::read(&from_cli).expect("the CLI wrote the report"));
}

/// Steps until the comparison, computed on a worker thread, is on screen.
fn wait_for_comparison(harness: &mut Harness<'_, CrosscheckApp>) {
    step_until(harness, |h| {
        h.query_all_by_label("Comparing…").next().is_none() && h.query_all_by_label("Make conflict").next().is_some()
    });
    harness.run();
}

#[test]
fn the_compare_view_flags_dismisses_and_suggests() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    wait_for_comparison(&mut harness);
    let offered = harness.query_all_by_label("Make conflict").count();
    assert!(offered >= 5, "the wire and the rewrite differ in at least five ways; {offered} shown");

    harness.query_all_by_label("Make conflict").next().expect("a discrepancy").click();
    wait_for_comparison(&mut harness);
    let flagged = project(&harness);
    assert_eq!(flagged.conflicts.len(), before.conflicts.len() + 1);
    let (&id, conflict) = flagged.conflicts.iter().next_back().expect("new conflict");
    assert_eq!(conflict.passages.len(), 2);
    assert_ne!(conflict.passages[0].source, conflict.passages[1].source);
    assert_eq!(harness.state().workspace().map(|w| w.selection), Some(Selection::Conflict(id)));

    let shown = harness.query_all_by_label("Not a problem").count();
    harness.query_all_by_label("Not a problem").next().expect("a discrepancy").click();
    wait_for_comparison(&mut harness);
    assert_eq!(project(&harness).dismissed.len(), 1, "the dismissal is remembered in the project");
    // Identical differences share a fingerprint, so one dismissal may hide more than one row.
    let still_shown = harness.query_all_by_label("Not a problem").count();
    assert!(still_shown < shown, "{still_shown} of {shown} still shown");

    let claims = project(&harness).claims.len();
    harness.query_all_by_label("Accept as claim").next().expect("a suggestion").scroll_to_me();
    wait_for_comparison(&mut harness);
    harness.query_all_by_label("Accept as claim").next().expect("a suggestion").click();
    wait_for_comparison(&mut harness);
    let accepted = project(&harness);
    assert_eq!(accepted.claims.len(), claims + 1);
    let claim = accepted.claims.values().next_back().expect("new claim");
    assert!(claim.appearances[0].exact.len() > 20, "a whole sentence: {:?}", claim.appearances[0].exact);
    assert!(accepted.problems().is_empty());
}

/// The sample with a credit line added at the end of the rewrite, so the two copies
/// credit different agencies: the wire's dateline names one, the rewrite's last line another.
fn sample_with_two_credits() -> (tempfile::TempDir, PathBuf) {
    let (folder, path) = sample_copy();
    let ron = std::fs::read_to_string(&path).expect("read");
    let rewrite = ron.find("\"S2\": (").expect("the rewrite");
    let end = rewrite + ron[rewrite..].find("\"#,").expect("its text ends");
    let edited = format!("{}\n\nSource: Coastal News Service{}", &ron[..end], &ron[end..]);
    std::fs::write(&path, edited).expect("write");
    (folder, path)
}

fn wait_for_facts(harness: &mut Harness<'_, CrosscheckApp>) {
    step_until(harness, |h| {
        h.query_all_by_label("Reading the facts…").next().is_none()
            && h.query_all_by_label_contains(" facts").next().is_some()
    });
    harness.run();
}

#[test]
fn the_facts_view_lists_facts_and_flags_or_dismisses_whole_document_disagreements() {
    let (_folder, path) = sample_with_two_credits();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    harness.get_by_label("Facts").click();
    wait_for_facts(&mut harness);
    // People, places and agencies from every source, each with a way to its passage.
    assert!(harness.query_all_by_label("Mattias Orlen").next().is_some(), "people come first");
    // Hiding kinds brings the others into view.
    for (hide, expected) in [(&["People", "Organisations"][..], "Halvik"), (&["Places"][..], "Meridian Press Agency")] {
        for kind in hide {
            harness.get_by_label(kind).click();
            harness.run();
        }
        assert!(harness.query_all_by_label(expected).next().is_some(), "{expected} is not listed without {hide:?}");
    }
    assert!(harness.query_all_by_label("Coastal News Service").next().is_some());
    assert!(harness.query_all_by_label("Show passage").count() >= 10);
    let credited = harness.query_all_by_label_contains("credited to").count();
    assert!(credited >= 1, "the two credits disagree");

    harness.get_by_label("Make conflict").click();
    wait_for_facts(&mut harness);
    let flagged = project(&harness);
    assert_eq!(flagged.conflicts.len(), before.conflicts.len() + 1);
    let (_, conflict) = flagged.conflicts.iter().next_back().expect("new conflict");
    assert_eq!(conflict.kind, crosscheck::model::ConflictKind::Attribution);
    let sources: Vec<SourceId> = conflict.passages.iter().map(|p| p.source).collect();
    assert_eq!(sources, [SourceId(1), SourceId(2)]);

    harness.get_by_label("Facts").click();
    wait_for_facts(&mut harness);
    harness.get_by_label("Not a problem").click();
    wait_for_facts(&mut harness);
    assert_eq!(project(&harness).dismissed.len(), 1, "the dismissal is remembered in the project");
    assert!(harness.query_by_label("Not a problem").is_none());
    assert!(harness.query_all_by_label("1 marked as not a problem").next().is_some());

    harness.query_all_by_label("Show passage").next().expect("a fact").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("Disagreements").next().is_none(), "Show passage opens the document");
}

#[test]
fn reimporting_a_changed_original_refinds_passages_and_reports_the_lost_ones() {
    let (folder, path) = sample_copy();
    let wire = folder.path().join("sources/wire.txt");
    let original = std::fs::read_to_string(&wire).expect("read");
    let edited = original
        .replacen("HALVIK, May 14", "UPDATED 15:40 with the ministry's reaction.\n\nHALVIK, May 14", 1)
        .replacen(
            " \"For them, a guaranteed flow is not an abstraction,\" he told a news conference in Halvik.",
            "",
            1,
        );
    std::fs::write(&wire, &edited).expect("write");
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    assert!(harness.state().workspace().is_some_and(|w| !w.original_status.is_empty()), "the change is noticed");

    harness
        .get_by_role_and_label(
            Role::Button,
            "Varenland, Kessary agree Sella river flow guarantee and 40 mln euro dam fund",
        )
        .click();
    harness.run();
    harness.get_by_label("Re-import from original").click();
    let old_text = before.sources[&crosscheck::model::SourceId(1)].text().to_owned();
    step_until(&mut harness, |h| project(h).sources[&crosscheck::model::SourceId(1)].text() != old_text);
    harness.run();
    let after = project(&harness);
    let wire_id = crosscheck::model::SourceId(1);
    assert!(after.sources[&wire_id].text().starts_with("Varenland, Kessary agree"));
    assert!(after.sources[&wire_id].text().contains("UPDATED 15:40"));
    let shift = "UPDATED 15:40 with the ministry's reaction.\n\n".chars().count();
    let claim = &after.claims[&crosscheck::model::ClaimId(1)].appearances[0];
    assert_eq!(claim.start, before.claims[&crosscheck::model::ClaimId(1)].appearances[0].start + shift);
    assert!(!claim.orphaned);
    let lost = &after.evidence[&crosscheck::model::EvidenceId(2)].passage;
    assert!(lost.orphaned, "the deleted sentence's evidence is orphaned, not attached elsewhere");
    let notices = harness.state().notices();
    assert!(notices.iter().any(|n| n.contains("Re-imported S1") && n.contains("could not be found")), "{notices:?}");
    step_until(&mut harness, |h| h.state().workspace().is_some_and(|w| w.original_status.is_empty()));
    assert!(
        harness.state().workspace().is_some_and(|w| w.original_status.is_empty()),
        "the source matches its file again"
    );

    undo(&mut harness);
    assert_eq!(project(&harness).sources, before.sources);
    assert_eq!(project(&harness).evidence, before.evidence);
}

/// Changes the first claim's verdict through the inspector.
fn change_first_verdict(harness: &mut Harness<'_, CrosscheckApp>, verdict: &str) {
    select_claim(harness, "The accord was initialled in Halvik");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, verdict).click();
    harness.run();
}

#[test]
fn unsaved_work_left_by_a_crash_is_offered_back() {
    let (_folder, path) = sample_copy();
    let saved = crosscheck::store::load(&path).expect("loads").project;
    let recovery = crosscheck::store::recovery_path(Some(&path)).expect("recovery path");
    {
        let mut harness = app_autosaving_after(&path, &ScriptedDialogs::default(), std::time::Duration::ZERO);
        change_first_verdict(&mut harness, "Mostly false");
        step_until(&mut harness, |h| recovery.exists() && !h.state().is_autosaving());
        assert!(recovery.exists(), "the recovery file is written in the background");
        // The harness is dropped here without saving or closing: the app "crashed".
    }
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, saved, "the project file is untouched");

    let mut harness = app(&path, &ScriptedDialogs::default());
    assert!(harness.query_by_label_contains("1 claim edited").is_some(), "the prompt says what the work adds");
    harness.get_by_label("Restore").click();
    harness.run();
    let restored = project(&harness);
    assert_eq!(restored.claims[&crosscheck::model::ClaimId(1)].verdict, "Mostly false");
    assert!(harness.state().workspace().is_some_and(|w| w.history.has_unsaved_changes()), "restored work is unsaved");
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!recovery.exists(), "a save removes the recovery file");
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, restored);
}

#[test]
fn an_import_is_autosaved_within_seconds_while_a_verdict_waits_for_the_clock() {
    let (folder, path) = sample_copy();
    let recovery = crosscheck::store::recovery_path(Some(&path)).expect("recovery path");
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    change_first_verdict(&mut harness, "Mixed");
    step_until(&mut harness, |_| recovery.exists());
    assert!(!recovery.exists(), "an ordinary edit waits for the 30-second clock");

    let briefing = folder.path().join("briefing.txt");
    std::fs::write(&briefing, "Ministry briefing\n\nThe fund holds 40 million euros.").expect("write");
    dialogs.answer(vec![briefing]);
    harness.get_by_label("+ Import").click();
    step_until(&mut harness, |h| recovery.exists() && !h.state().is_autosaving());
    let recovered = crosscheck::store::find_recovery(Some(&path)).expect("a recovery file").expect("loads");
    assert_eq!(recovered.project.sources.len(), 4, "the imported source is safe");
    assert_eq!(recovered.project.claims[&crosscheck::model::ClaimId(1)].verdict, "Mixed", "and the edit before it");
}

/// A copy of the sample with a recovery file, newer than the project, whose first
/// claim's verdict is "Mixed"; returns the folder, project path, saved project and recovery path.
fn sample_with_recovered_work() -> (tempfile::TempDir, PathBuf, Project, PathBuf) {
    let (folder, path) = sample_copy();
    let saved = crosscheck::store::load(&path).expect("loads").project;
    let recovery = crosscheck::store::recovery_path(Some(&path)).expect("recovery path");
    let mut edited = saved.clone();
    if let Some(claim) = edited.claims.values_mut().next() {
        "Mixed".clone_into(&mut claim.verdict);
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    crosscheck::store::write_recovery(&edited, &recovery).expect("write");
    (folder, path, saved, recovery)
}

#[test]
fn recovered_work_can_be_discarded() {
    let (_folder, path, saved, recovery) = sample_with_recovered_work();

    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.get_by_label("Discard recovered work").click();
    harness.run();
    assert_eq!(project(&harness), saved);
    assert!(!recovery.exists());
    assert!(!harness.state().workspace().is_some_and(|w| w.history.has_unsaved_changes()));
}

#[test]
fn closing_shortcuts_wait_while_recovered_work_is_offered() {
    let (_folder, path, _saved, recovery) = sample_with_recovered_work();

    let mut harness = app(&path, &ScriptedDialogs::default());
    shortcut(&mut harness, Modifiers::COMMAND, Key::W);
    shortcut(&mut harness, Modifiers::COMMAND, Key::Q);
    assert!(recovery.exists(), "the work being offered is still there");
    assert!(harness.state().workspace().is_some(), "the project is still open");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(project(&harness).claims[&crosscheck::model::ClaimId(1)].verdict, "Mixed");
}

#[test]
fn opening_another_project_from_the_dialog_closes_the_discarded_one() {
    let (_folder, path) = sample_copy();
    let (_other_folder, other) = sample_copy();
    let recovery = crosscheck::store::recovery_path(Some(&path)).expect("recovery path");
    let dialogs = ScriptedDialogs::default();
    let mut harness = app_autosaving_after(&path, &dialogs, std::time::Duration::ZERO);
    change_first_verdict(&mut harness, "Mostly false");
    step_until(&mut harness, |h| recovery.exists() && !h.state().is_autosaving());

    dialogs.answer(vec![other.clone()]);
    shortcut(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(harness.state().workspace().and_then(|w| w.path.clone()), Some(other));
    assert!(!recovery.exists(), "discarded work is not offered again");
    assert!(!crosscheck::store::lock_path(&path).exists(), "the first project is no longer locked");
}

#[test]
fn opening_a_project_another_instance_holds_warns_who_holds_it() {
    let (_folder, path) = sample_copy();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    // Process 1 is always alive: another Crosscheck holding the project.
    std::fs::write(crosscheck::store::lock_path(&path), format!("1 {}\n", host.trim())).expect("write");
    let harness = app(&path, &ScriptedDialogs::default());
    let notices = harness.state().notices();
    assert!(
        notices.iter().any(|n| n.contains("also open in another Crosscheck") && n.contains("process 1")),
        "{notices:?}"
    );
    assert!(harness.state().workspace().is_some(), "the project still opens");
}

#[test]
fn an_open_project_is_locked_and_released_on_close() {
    let (_folder, path) = sample_copy();
    let lock = crosscheck::store::lock_path(&path);
    let mut harness = app(&path, &ScriptedDialogs::default());
    assert!(lock.exists());
    shortcut(&mut harness, Modifiers::COMMAND, Key::W);
    assert!(!lock.exists(), "closing the project releases it");
}

#[test]
fn a_save_that_fails_keeps_the_project_open_unsaved_and_the_old_file_intact() {
    let (folder, path) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    let on_disk = std::fs::read(&path).expect("read");
    change_first_verdict(&mut harness, "Mixed");
    // A "folder" that is really a file: the save cannot create anything there.
    let blocker = folder.path().join("not-a-folder");
    std::fs::write(&blocker, "x").expect("write");
    dialogs.answer(vec![blocker.join("moved.ron")]);
    shortcut(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let notices = harness.state().notices();
    assert!(notices.iter().any(|n| n.contains("not-a-folder") && n.contains("still open and unsaved")), "{notices:?}");
    let workspace = harness.state().workspace().expect("still open");
    assert!(workspace.history.has_unsaved_changes());
    assert_eq!(workspace.path.as_deref(), Some(path.as_path()), "still the original file");
    assert_eq!(std::fs::read(&path).expect("read"), on_disk, "the old file is intact");
}

/// Another program saves the project with a different title.
fn change_on_disk(path: &Path) -> Project {
    let mut theirs = crosscheck::store::load(path).expect("loads").project;
    "Edited in another window".clone_into(&mut theirs.info.title);
    std::thread::sleep(std::time::Duration::from_millis(20));
    crosscheck::store::save(&theirs, path).expect("saves");
    theirs
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    change_first_verdict(&mut harness, "Mixed");
    let theirs = change_on_disk(&path);
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.query_by_label_contains("changed on disk").is_some(), "the analyst is asked");
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, theirs, "nothing written yet");

    harness.get_by_label("Overwrite").click();
    harness.run();
    let ours = project(&harness);
    assert_eq!(crosscheck::store::load(&path).expect("loads").project, ours);
    assert!(!harness.state().workspace().is_some_and(|w| w.history.has_unsaved_changes()));
}

#[test]
fn a_file_changed_on_disk_can_be_reloaded() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    change_first_verdict(&mut harness, "Mixed");
    let theirs = change_on_disk(&path);
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Reload from disk").click();
    harness.run();
    assert_eq!(project(&harness), theirs);
    assert!(crosscheck::store::lock_path(&path).exists(), "the reopened project is locked again");
}

/// The window loses or regains focus, as when the analyst switches to a terminal and back.
fn set_window_focus(harness: &mut Harness<'_, CrosscheckApp>, focused: bool) {
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().focused = Some(focused);
    harness.run();
}

#[test]
fn a_project_changed_while_the_window_was_away_is_noticed_on_return() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    change_first_verdict(&mut harness, "Mixed");
    set_window_focus(&mut harness, false);
    let theirs = change_on_disk(&path);
    assert!(harness.query_by_label_contains("changed on disk").is_none(), "nothing is checked while away");

    set_window_focus(&mut harness, true);
    assert!(harness.query_by_label_contains("changed on disk").is_some(), "the analyst is told on return");
    harness.get_by_label("Reload from disk").click();
    harness.run();
    assert_eq!(project(&harness), theirs);
}

#[test]
fn an_original_deleted_while_the_window_was_away_is_flagged_on_return() {
    let (folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let flagged =
        |harness: &Harness<'_, CrosscheckApp>| harness.state().workspace().map_or(0, |w| w.original_status.len());
    assert_eq!(flagged(&harness), 0);
    set_window_focus(&mut harness, false);
    std::fs::remove_file(folder.path().join("sources/wire.txt")).expect("delete");
    set_window_focus(&mut harness, true);
    // Originals are hashed on a worker, not while the window draws.
    step_until(&mut harness, |h| flagged(h) == 1);
    harness.run();
    assert_eq!(flagged(&harness), 1, "the deleted original is flagged");
    assert!(harness.query_by_label_contains("The original file is missing").is_some(), "and the list says so");
}

/// Steps until the background import has finished.
fn wait_for_import(harness: &mut Harness<'_, CrosscheckApp>, done: impl Fn(&CrosscheckApp) -> bool) {
    step_until(harness, |h| done(h.state()));
    harness.run();
}

#[test]
fn moved_originals_are_relinked_one_by_one_or_by_folder() {
    let (folder, path) = sample_copy();
    let moved = folder.path().join("moved");
    std::fs::create_dir_all(&moved).expect("create");
    for name in ["statement.txt", "rewrite.md"] {
        std::fs::rename(folder.path().join("sources").join(name), moved.join(name)).expect("move");
    }
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    let before = project(&harness);
    let missing = |app: &CrosscheckApp| app.workspace().map_or(0, |w| w.original_status.len());
    assert_eq!(missing(harness.state()), 2, "both moved originals are flagged");

    // One source, by picking its file.
    let statement = "Kessary and Varenland sign the Sella Harbour Accord on water sharing and dam safety";
    harness.get_by_role_and_label(Role::Button, statement).click();
    harness.run();
    dialogs.answer(vec![moved.join("statement.txt")]);
    harness.get_by_label("Relink…").click();
    wait_for_import(&mut harness, |app| missing(app) == 1);
    assert_eq!(missing(harness.state()), 1);

    // The rest, by picking the folder.
    harness
        .get_by_role_and_label(Role::Button, "Varenland and Kessary strike river deal as dam safety fund agreed")
        .click();
    harness.run();
    dialogs.answer(vec![moved.clone()]);
    harness.get_by_label("Relink folder…").click();
    wait_for_import(&mut harness, |app| missing(app) == 0);
    assert_eq!(missing(harness.state()), 0, "{:?}", harness.state().notices());

    let after = project(&harness);
    assert_eq!(after.claims, before.claims, "the same text: every passage stays where it was");
    assert_eq!(after.evidence, before.evidence);
    let statement =
        after.sources.values().filter_map(|s| s.content.original.as_ref()).find(|o| o.path.contains("statement"));
    let statement = &statement.expect("the statement's original").path;
    assert!(folder.path().join(statement).exists(), "the original is back in the project: {statement}");
    assert!(after.problems().is_empty());
}

#[test]
fn a_greyed_out_menu_item_says_why_and_its_shortcut_does_nothing_but_say_so() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.ctx.all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    let before = project(&harness);

    harness.get_by_label("Edit").click();
    harness.run();
    let item = harness.get_by_label_contains("Mark claim");
    assert!(item.accesskit_node().is_disabled(), "nothing is selected: Mark claim is greyed out");
    item.hover();
    harness.run();
    assert!(
        harness.query_by_label_contains("Select a passage in the document first").is_some(),
        "the hover text says why"
    );
    harness.key_press(Key::Escape);
    harness.run();

    shortcut(&mut harness, Modifiers::COMMAND, Key::M);
    assert_eq!(project(&harness), before, "the shortcut marked nothing");
    assert!(harness.query_by_label_contains("Select a passage in the document first").is_some(), "and says why");
}

#[test]
fn without_a_native_file_dialog_the_app_shows_its_own() {
    let (_folder, path) = sample_copy();
    let (_other_folder, other) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);

    dialogs.no_native_dialog();
    shortcut(&mut harness, Modifiers::COMMAND, Key::O);
    assert!(harness.query_by_label_contains("No file dialog in this test").is_some(), "it says why");
    let listed = harness.query_by_label("harbour-accord.ron").is_some();
    assert!(listed, "the project's folder is listed, filtered to project files");
    assert!(harness.query_by_label("sources/").is_some(), "with its folders");

    harness.get_by_label("File name").focus();
    harness.get_by_label("File name").type_text(&other.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().workspace().and_then(|w| w.path.clone()), Some(other), "a typed path opens");

    dialogs.no_native_dialog();
    shortcut(&mut harness, Modifiers::COMMAND, Key::I);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Import").is_none(), "Cancel closes it");
}

#[test]
fn a_new_project_does_not_show_the_previous_project_s_facts() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    shortcut(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    wait_for_facts(&mut harness);
    assert!(harness.query_all_by_label_contains("Mattias Orlen").next().is_some(), "the sample's facts");

    shortcut(&mut harness, Modifiers::COMMAND, Key::N);
    shortcut(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    step_until(&mut harness, |h| h.query_by_label_contains("Import sources to see the facts").is_some());
    assert!(harness.query_all_by_label_contains("Mattias Orlen").next().is_none(), "none left from the sample");
}

#[test]
fn quitting_without_saving_leaves_no_recovery_file_behind() {
    let (_folder, path) = sample_copy();
    let recovery = crosscheck::store::recovery_path(Some(&path)).expect("recovery path");
    let mut harness = app_autosaving_after(&path, &ScriptedDialogs::default(), std::time::Duration::ZERO);
    change_first_verdict(&mut harness, "Mostly false");
    step_until(&mut harness, |h| recovery.exists() && !h.state().is_autosaving());
    change_first_verdict(&mut harness, "Mixed");

    shortcut(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Discard").click();
    step_until(&mut harness, |h| h.state().is_quitting() && !h.state().is_autosaving());
    assert!(harness.state().is_quitting());
    assert!(!recovery.exists(), "the discarded work is not offered next time");
}
