//! The project's life cycle in the app: saving, the unsaved-changes guard, opening another
//! project, locks, a save that fails, the app's own file dialog, a new project.

#![cfg(feature = "gui")]

use crosscheck::app::{PendingAction, ScriptedDialogs};
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;

use super::gui_support::{
    app, app_autosaving_after, change_first_verdict, find_and_select, project, sample_copy, select_claim, settle,
    shortcut, step_until, wait_for_facts,
};

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
    settle(&mut harness);
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
    settle(&mut harness);
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
    settle(&mut harness);
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
