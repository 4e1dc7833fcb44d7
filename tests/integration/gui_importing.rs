//! Bringing files into the app: importing (and cancelling an import), re-importing a changed
//! original, and relinking moved originals one by one or by folder.

#![cfg(feature = "gui")]

use crosscheck::app::{CrosscheckApp, ScriptedDialogs};
use eframe::egui::Role;
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app, project, sample_copy, step_until, undo};

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

/// Steps until the background import has finished.
fn wait_for_import(harness: &mut App, done: impl Fn(&CrosscheckApp) -> bool) {
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
