//! The project file read and written on a worker, without a window: edits made while a
//! save runs stay unsaved, a failed save names its file and keeps the work, closing waits
//! for a save, and opening can be cancelled or interrupted by an edit without loss.

use std::path::{Path, PathBuf};

use super::tests::reword_first_claim;
use super::{Effect, GuardAnswer, PendingAction, Prompt, Request, Session};
use crate::store;

fn fixture() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("project.ron");
    let other = folder.path().join("other.ron");
    let mut project = store::load(&crate::sample_project_path()).expect("the sample loads").project;
    store::save(&project, &path).expect("saves");
    project.info.title = "The other project".to_owned();
    store::save(&project, &other).expect("saves");
    (folder, path, other)
}

fn open(path: &Path) -> Session {
    let mut session = Session::default();
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(path.to_owned()))));
    assert!(session.is_opening(), "read on a worker");
    session.wait_for_files();
    assert!(session.workspace().is_some(), "{} opens", path.display());
    session
}

fn statements_on_disk(path: &Path) -> Vec<String> {
    store::load(path).expect("loads").project.claims.values().map(|claim| claim.statement.clone()).collect()
}

#[test]
fn an_edit_made_while_saving_keeps_the_project_unsaved_until_undone_to_what_was_written() {
    let (_folder, path, _) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Written by the save.");
    session.handle(Request::Save);
    assert!(session.is_saving());
    reword_first_claim(&mut session, "Typed while the save ran.");
    let effects = session.wait_for_files();
    assert!(effects.contains(&Effect::Saved), "{effects:?}");
    assert!(session.has_unsaved_changes(), "the file holds the older revision");
    let on_disk = statements_on_disk(&path);
    assert!(on_disk.iter().any(|s| s == "Written by the save.") && !on_disk.iter().any(|s| s.starts_with("Typed")));
    session.workspace.as_mut().expect("open").undo().expect("undoes");
    assert!(!session.has_unsaved_changes(), "undone back to the revision the file holds");
}

#[test]
fn a_save_without_edits_meanwhile_leaves_nothing_unsaved() {
    let (_folder, path, _) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Saved.");
    session.handle(Request::Save);
    assert!(session.has_unsaved_changes(), "not saved until the file is written");
    session.wait_for_files();
    assert!(!session.has_unsaved_changes());
}

#[test]
fn a_failed_save_names_the_file_and_keeps_the_project_unsaved() {
    let (folder, path, _) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Not saved.");
    let nowhere = folder.path().join("missing folder").join("project.ron");
    let workspace = session.workspace.as_mut().expect("open");
    workspace.path = Some(nowhere.clone());
    workspace.disk_stamp = None;
    session.handle(Request::Guarded(PendingAction::Quit));
    session.handle(Request::AnswerUnsaved(GuardAnswer::Save));
    let effects = session.wait_for_files();
    let named = effects.iter().any(|effect| {
        matches!(effect, Effect::Notice(notice) if notice.is_error && notice.text.contains(&nowhere.display().to_string()))
    });
    assert!(named, "the error names the file: {effects:?}");
    assert!(session.has_unsaved_changes() && !session.is_quitting() && session.prompt().is_none(), "{effects:?}");
    assert!(!effects.contains(&Effect::CloseWindow));
}

#[test]
fn closing_the_window_while_saving_waits_for_the_save_then_closes() {
    let (_folder, path, _) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Saved before closing.");
    session.handle(Request::Save);
    let effects = session.handle(Request::CloseWindow);
    assert!(effects.contains(&Effect::KeepWindowOpen) && session.prompt().is_none(), "{effects:?}");
    let effects = session.wait_for_files();
    assert!(session.is_quitting() && effects.contains(&Effect::CloseWindow), "{effects:?}");
    assert!(statements_on_disk(&path).iter().any(|s| s == "Saved before closing."));
}

#[test]
fn closing_while_saving_after_another_edit_asks_once_about_that_edit() {
    let (_folder, path, _) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "First.");
    session.handle(Request::Save);
    reword_first_claim(&mut session, "Second, while saving.");
    session.handle(Request::CloseWindow);
    assert!(session.prompt().is_none(), "no question while the save runs");
    session.wait_for_files();
    assert!(matches!(session.prompt(), Some(Prompt::UnsavedChanges(PendingAction::Quit))));
    assert!(!session.is_quitting());
    session.handle(Request::AnswerUnsaved(GuardAnswer::Save));
    let effects = session.wait_for_files();
    assert!(session.is_quitting() && effects.contains(&Effect::CloseWindow), "{effects:?}");
    assert!(session.prompt().is_none(), "asked once");
    assert!(statements_on_disk(&path).iter().any(|s| s == "Second, while saving."));
}

#[test]
fn a_guarded_action_asked_for_while_saving_runs_once_the_save_lands() {
    let (_folder, path, other) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Saved, then the other opens.");
    session.handle(Request::Save);
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(other.clone()))));
    assert_eq!(session.workspace().and_then(|w| w.path.clone()), Some(path.clone()), "waits for the save");
    session.wait_for_files();
    assert_eq!(session.workspace().and_then(|w| w.path.clone()), Some(other));
    assert!(statements_on_disk(&path).iter().any(|s| s == "Saved, then the other opens."));
}

#[test]
fn opening_can_be_cancelled_and_the_open_project_stays() {
    let (_folder, path, other) = fixture();
    let mut session = open(&path);
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(other))));
    assert!(session.is_opening());
    session.handle(Request::CancelOpening);
    assert!(!session.is_opening());
    session.wait_for_files();
    assert_eq!(session.workspace().and_then(|w| w.path.clone()), Some(path));
}

#[test]
fn an_edit_made_while_another_project_is_read_is_asked_about_not_lost() {
    let (_folder, path, other) = fixture();
    let mut session = open(&path);
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(other.clone()))));
    reword_first_claim(&mut session, "Edited while the other was read.");
    session.wait_for_files();
    assert_eq!(session.workspace().and_then(|w| w.path.clone()), Some(path), "still open");
    assert!(
        matches!(session.prompt(), Some(Prompt::UnsavedChanges(PendingAction::OpenProject(Some(p)))) if *p == other)
    );
}

#[test]
fn save_is_unavailable_while_saving_or_opening() {
    let (_folder, path, other) = fixture();
    let mut session = open(&path);
    reword_first_claim(&mut session, "Saving.");
    session.handle(Request::Save);
    assert_eq!(super::UiCommand::SaveProject.available(&session), Err(super::Unavailable::Saving));
    session.wait_for_files();
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(other))));
    assert_eq!(super::UiCommand::SaveProjectAs.available(&session), Err(super::Unavailable::Opening));
    session.wait_for_files();
    assert_eq!(super::UiCommand::SaveProject.available(&session), Ok(()));
}

#[test]
fn the_open_project_is_locked_and_reopening_its_own_file_keeps_the_lock() {
    let (_folder, path, other) = fixture();
    let mut session = open(&path);
    assert!(store::lock_path(&path).exists(), "the worker that read it took the lock");
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(path.clone()))));
    session.wait_for_files();
    assert!(session.workspace().is_some());
    assert!(
        store::lock_path(&path).exists(),
        "the lock held before carries over, and is not removed with the old copy"
    );
    session.handle(Request::Guarded(PendingAction::OpenProject(Some(other.clone()))));
    session.wait_for_files();
    assert!(!store::lock_path(&path).exists(), "the project left is released");
    assert!(store::lock_path(&other).exists(), "the project opened is locked");
}

#[test]
fn saving_under_a_new_name_moves_the_lock_to_the_new_file() {
    let (folder, path, _) = fixture();
    let copy = folder.path().join("copy.ron");
    let mut session = open(&path);
    session.handle(Request::SaveAs);
    session.handle(Request::DialogAnswered(vec![copy.clone()]));
    let effects = session.wait_for_files();
    assert!(effects.contains(&Effect::Saved), "{effects:?}");
    assert!(store::lock_path(&copy).exists(), "the file saved to is locked");
    assert!(!store::lock_path(&path).exists(), "the file left is released");
}
