//! Work kept safe: the recovery file a crash leaves offered back (or discarded), and a
//! project file or original another program changed while the window was open.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use crosscheck::app::ScriptedDialogs;
use crosscheck::model::Project;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_support::{
    App, app, app_autosaving_after, change_first_verdict, change_on_disk, project, sample_copy, set_window_focus,
    settle, shortcut, step_until,
};

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
    settle(&mut harness);
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
    settle(&mut harness);
    assert_eq!(project(&harness), theirs);
    assert!(crosscheck::store::lock_path(&path).exists(), "the reopened project is locked again");
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
    settle(&mut harness);
    assert_eq!(project(&harness), theirs);
}

#[test]
fn an_original_deleted_while_the_window_was_away_is_flagged_on_return() {
    let (folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let flagged = |harness: &App| harness.state().workspace().map_or(0, |w| w.original_status.len());
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
