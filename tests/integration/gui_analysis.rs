//! The app's views over the whole project: the export dialog against the command line, the
//! compare view's discrepancies and suggestions, and the facts table.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use crosscheck::app::ScriptedDialogs;
use crosscheck::model::SourceId;
use crosscheck::session::Selection;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app, project, sample_copy, shortcut, step_until, wait_for_facts};

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
fn wait_for_comparison(harness: &mut App) {
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

/// The sample with the rewrite's sentence on the farmers' harvest said again in its
/// last paragraph, as rewrites that recap do.
fn sample_with_a_recap() -> (tempfile::TempDir, PathBuf) {
    let (folder, path) = sample_copy();
    let ron = std::fs::read_to_string(&path).expect("read");
    let rewrite = ron.find("\"S2\": (").expect("the rewrite");
    let body_end = rewrite + ron[rewrite..].find("\n\nRelated stories:").expect("its last paragraph ends");
    let recap = "To recap: farmers in the Brede valley lost an estimated 18 percent of their harvest \
                 in the dry summer of 2022, Orlen said.";
    std::fs::write(&path, format!("{}\n\n{recap}{}", &ron[..body_end], &ron[body_end..])).expect("write");
    (folder, path)
}

#[test]
fn a_statement_made_twice_links_each_place_to_the_other() {
    let (_folder, path) = sample_with_a_recap();
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    wait_for_comparison(&mut harness);
    // The harvest's row and the recap's row each point at the other.
    assert_eq!(harness.query_all_by_label("Said again elsewhere:").count(), 2);
    // The recap is also in the discrepancy list as a sentence only the rewrite has
    // (quoted, as the link is); its row in the aligned columns is the last mention.
    let recap_top = |harness: &App| {
        harness.query_all_by_label_contains("To recap:").next_back().expect("the recap's row").rect().top()
    };
    let link = |harness: &App| harness.query_all_by_label_contains("“To recap:").next_back().expect("the link").rect();
    let far_down = link(&harness);
    harness.query_all_by_label_contains("“To recap:").next_back().expect("the link").scroll_to_me();
    harness.run();
    assert!(link(&harness).top() < far_down.top(), "the link scrolled into view");
    let before = recap_top(&harness);
    harness.query_all_by_label_contains("“To recap:").next_back().expect("the link").click();
    harness.run();
    harness.run();
    assert!(recap_top(&harness) < before, "the recap scrolled into view: {} -> {}", before, recap_top(&harness));
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
