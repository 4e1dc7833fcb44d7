//! The life-cycle rules without a window: every question × every request, then each
//! answer's outcome. Each question is reached the way the analyst reaches it (an edit then
//! Close, a crash's recovery file, another program writing the project file).

use std::path::{Path, PathBuf};

use super::{
    DialogPurpose, Effect, GuardAnswer, OutsideChoice, PendingAction, Prompt, Request, Session, UiCommand, Unavailable,
};
use crate::edit::{ClaimChange, Edit, ProjectChange};
use crate::model::{Project, SourceId};
use crate::store;

/// The questions, each as the analyst meets it.
#[derive(Debug, Clone, PartialEq)]
enum Asked {
    Unsaved(PendingAction),
    Recovery,
    ChangedOnDisk { while_saving: bool },
}

fn every_question(other: &Path) -> Vec<Asked> {
    vec![
        Asked::Unsaved(PendingAction::NewProject),
        Asked::Unsaved(PendingAction::OpenProject(None)),
        Asked::Unsaved(PendingAction::OpenProject(Some(other.to_owned()))),
        Asked::Unsaved(PendingAction::CloseProject),
        Asked::Unsaved(PendingAction::Quit),
        Asked::Recovery,
        Asked::ChangedOnDisk { while_saving: false },
        Asked::ChangedOnDisk { while_saving: true },
    ]
}

fn every_request(other: &Path) -> Vec<Request> {
    let mut requests: Vec<Request> = [
        PendingAction::NewProject,
        PendingAction::OpenProject(None),
        PendingAction::OpenProject(Some(other.to_owned())),
        PendingAction::CloseProject,
        PendingAction::Quit,
    ]
    .into_iter()
    .map(Request::Guarded)
    .collect();
    requests.extend([
        Request::Save,
        Request::SaveAs,
        Request::CloseWindow,
        Request::AnswerUnsaved(GuardAnswer::Save),
        Request::AnswerUnsaved(GuardAnswer::Discard),
        Request::AnswerUnsaved(GuardAnswer::Cancel),
        Request::AnswerRecovery(true),
        Request::AnswerRecovery(false),
        Request::AnswerChangedOnDisk(OutsideChoice::Reload),
        Request::AnswerChangedOnDisk(OutsideChoice::KeepMine),
        Request::AnswerChangedOnDisk(OutsideChoice::Overwrite),
        Request::DialogAnswered(vec![other.to_owned()]),
        Request::FocusRegained,
        Request::RelinkFolder,
        Request::Relink(SourceId(1)),
        Request::Import,
        Request::SaveReport,
        Request::CancelOpening,
    ]);
    requests
}

/// Whether `request` answers the question `asked`.
fn answers(asked: &Asked, request: &Request) -> bool {
    matches!(
        (asked, request),
        (Asked::Unsaved(_), Request::AnswerUnsaved(_))
            | (Asked::Recovery, Request::AnswerRecovery(_))
            | (Asked::ChangedOnDisk { .. }, Request::AnswerChangedOnDisk(_))
    )
}

struct Fixture {
    _folder: tempfile::TempDir,
    path: PathBuf,
    other: PathBuf,
}

/// A copy of the sample project, and a second project to open instead.
fn fixture() -> Fixture {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("project.ron");
    let other = folder.path().join("other.ron");
    let project = store::load(&crate::sample_project_path()).expect("the sample loads").project;
    store::save(&project, &path).expect("saves");
    let mut second = project;
    second.info.title = "The other project".to_owned();
    store::save(&second, &other).expect("saves");
    Fixture { _folder: folder, path, other }
}

/// Hands `request` to the session and waits for the project file work it starts: what the
/// window would see over the next frames, in one list.
fn handled(session: &mut Session, request: Request) -> Vec<Effect> {
    let mut effects = session.handle(request);
    effects.extend(session.wait_for_files());
    effects
}

fn open(path: &Path) -> Session {
    let mut session = Session::default();
    handled(&mut session, Request::Guarded(PendingAction::OpenProject(Some(path.to_owned()))));
    assert!(session.workspace().is_some(), "{} opens", path.display());
    session
}

pub(super) fn reword_first_claim(session: &mut Session, statement: &str) {
    let workspace = session.workspace.as_mut().expect("open");
    let id = *workspace.project.claims.keys().next().expect("a claim");
    workspace.apply(Edit::SetClaim { id, change: ClaimChange::Statement(statement.to_owned()) }, None).expect("edits");
}

/// Another program writes the project file: a different length, so the stamp differs
/// even within the file system's time resolution.
fn change_on_disk(path: &Path) -> Project {
    let mut project = store::load(path).expect("loads").project;
    project.info.title = "Changed by another program, at some length".to_owned();
    store::save(&project, path).expect("saves");
    project
}

/// A session asking `asked`, reached the way the analyst reaches it, on its own copy of
/// the project (questions leave files behind: recovery files, changed projects).
fn asking(asked: &Asked) -> (Fixture, Session) {
    let fixture = fixture();
    let session = match asked {
        Asked::Unsaved(action) => {
            let mut session = open(&fixture.path);
            reword_first_claim(&mut session, "Edited here.");
            handled(&mut session, Request::Guarded(action.clone()));
            session
        }
        Asked::Recovery => {
            let mut recovered = store::load(&fixture.path).expect("loads").project;
            recovered.info.title = "Recovered".to_owned();
            let recovery = store::recovery_path(Some(&fixture.path)).expect("a recovery path");
            // Newer than the project file, as a crash after the last save leaves it.
            std::thread::sleep(std::time::Duration::from_millis(20));
            store::write_recovery(&recovered, &recovery).expect("writes");
            open(&fixture.path)
        }
        Asked::ChangedOnDisk { while_saving } => {
            let mut session = open(&fixture.path);
            change_on_disk(&fixture.path);
            if *while_saving {
                reword_first_claim(&mut session, "Edited here.");
                handled(&mut session, Request::Save);
            } else {
                handled(&mut session, Request::FocusRegained);
            }
            session
        }
    };
    assert_eq!(asked_now(&session).as_ref(), Some(asked), "the question is on screen");
    (fixture, session)
}

fn asked_now(session: &Session) -> Option<Asked> {
    Some(match session.prompt()? {
        Prompt::UnsavedChanges(action) => Asked::Unsaved(action.clone()),
        Prompt::Recovery { .. } => Asked::Recovery,
        Prompt::ChangedOnDisk { while_saving } => Asked::ChangedOnDisk { while_saving: *while_saving },
    })
}

#[test]
fn while_a_question_waits_only_its_answer_is_taken_and_no_command_is_available() {
    let fixture = fixture();
    for asked in every_question(&fixture.other) {
        let (_copy, session) = asking(&asked);
        for command in UiCommand::ALL {
            assert_eq!(command.available(&session), Err(Unavailable::Asking), "{asked:?} × {command:?}");
        }
        for request in every_request(&fixture.other) {
            if answers(&asked, &request) {
                continue;
            }
            let (copy, mut session) = asking(&asked);
            let before = session.workspace().map(|w| (w.project.clone(), w.path.clone()));
            let recovery = store::recovery_path(Some(&copy.path)).expect("a recovery path");
            let recovery_there = recovery.exists();
            let effects = handled(&mut session, request.clone());
            let case = format!("{asked:?} × {request:?}: {effects:?}");
            assert_eq!(asked_now(&session).as_ref(), Some(&asked), "{case}");
            assert_eq!(session.workspace().map(|w| (w.project.clone(), w.path.clone())), before, "{case}");
            assert!(!session.is_quitting(), "{case}");
            assert_eq!(recovery.exists(), recovery_there, "the recovery file stays: {case}");
            assert!(
                effects.iter().all(|effect| matches!(effect, Effect::KeepWindowOpen)),
                "nothing but keeping the window open: {case}"
            );
        }
    }
}

#[test]
fn the_close_button_under_a_question_keeps_the_window_only_when_work_would_be_lost() {
    let elsewhere = fixture();
    for asked in every_question(&elsewhere.other) {
        let (_copy, mut session) = asking(&asked);
        let unsaved = session.has_unsaved_changes();
        let effects = handled(&mut session, Request::CloseWindow);
        assert_eq!(effects.contains(&Effect::KeepWindowOpen), unsaved, "{asked:?}: {effects:?}");
    }
}

#[test]
fn cancel_keeps_the_project_and_its_edits() {
    for action in [PendingAction::NewProject, PendingAction::CloseProject, PendingAction::Quit] {
        let (_copy, mut session) = asking(&Asked::Unsaved(action.clone()));
        let effects = handled(&mut session, Request::AnswerUnsaved(GuardAnswer::Cancel));
        assert!(effects.is_empty(), "{action:?}: {effects:?}");
        assert!(session.prompt().is_none() && session.has_unsaved_changes() && !session.is_quitting());
    }
}

#[test]
fn discard_carries_out_each_guarded_action() {
    let discard = Request::AnswerUnsaved(GuardAnswer::Discard);

    let (_copy, mut session) = asking(&Asked::Unsaved(PendingAction::NewProject));
    handled(&mut session, discard.clone());
    assert!(session.workspace().is_some_and(|w| w.path.is_none()), "a new, untitled project");

    let (fixture, mut session) = asking(&Asked::Unsaved(PendingAction::OpenProject(None)));
    let effects = handled(&mut session, discard.clone());
    assert!(effects.contains(&Effect::ShowDialog(DialogPurpose::Open)), "{effects:?}");
    handled(&mut session, Request::DialogAnswered(vec![fixture.other.clone()]));
    assert_eq!(session.workspace().and_then(|w| w.path.clone()), Some(fixture.other.clone()));

    let (_copy, mut session) = asking(&Asked::Unsaved(PendingAction::OpenProject(Some(fixture.other.clone()))));
    handled(&mut session, discard.clone());
    assert_eq!(session.workspace().map(|w| w.project.info.title.as_str()), Some("The other project"));

    let (_copy, mut session) = asking(&Asked::Unsaved(PendingAction::CloseProject));
    handled(&mut session, discard.clone());
    assert!(session.workspace().is_none());

    let (_copy, mut session) = asking(&Asked::Unsaved(PendingAction::Quit));
    let effects = handled(&mut session, discard);
    assert!(session.is_quitting() && effects.contains(&Effect::CloseWindow), "{effects:?}");
}

#[test]
fn save_writes_the_file_then_carries_on() {
    let (fixture, mut session) = asking(&Asked::Unsaved(PendingAction::CloseProject));
    handled(&mut session, Request::AnswerUnsaved(GuardAnswer::Save));
    assert!(session.workspace().is_none(), "closed after saving");
    let saved = store::load(&fixture.path).expect("loads").project;
    assert!(saved.claims.values().any(|claim| claim.statement == "Edited here."));
}

#[test]
fn save_on_an_untitled_project_asks_where_then_carries_on() {
    let fixture = fixture();
    let mut session = Session::default();
    handled(&mut session, Request::Guarded(PendingAction::NewProject));
    let workspace = session.workspace.as_mut().expect("open");
    let mut info = workspace.project.info.clone();
    info.title = "Named".to_owned();
    workspace.apply(Edit::SetProject(ProjectChange::Info(info)), None).expect("edits");
    handled(&mut session, Request::Guarded(PendingAction::Quit));
    let effects = handled(&mut session, Request::AnswerUnsaved(GuardAnswer::Save));
    let then = Some(PendingAction::Quit);
    assert!(effects.contains(&Effect::ShowDialog(DialogPurpose::SaveAs { then })), "{effects:?}");
    let chosen = fixture.path.with_file_name("named");
    let effects = handled(&mut session, Request::DialogAnswered(vec![chosen.clone()]));
    assert!(chosen.with_extension("ron").is_file(), "saved with the extension added");
    assert!(session.is_quitting() && effects.contains(&Effect::CloseWindow), "{effects:?}");
}

#[test]
fn recovered_work_is_restored_unsaved_or_discarded_with_its_file() {
    let (_copy, mut session) = asking(&Asked::Recovery);
    handled(&mut session, Request::AnswerRecovery(true));
    assert_eq!(session.workspace().map(|w| w.project.info.title.as_str()), Some("Recovered"));
    assert!(session.has_unsaved_changes(), "restored work is not in the file yet");

    let (fixture, mut session) = asking(&Asked::Recovery);
    let recovery = store::recovery_path(Some(&fixture.path)).expect("a recovery path");
    handled(&mut session, Request::AnswerRecovery(false));
    assert!(!recovery.exists(), "the recovery file is gone");
    assert!(!session.has_unsaved_changes());
}

#[test]
fn a_file_changed_on_disk_is_reloaded_kept_or_overwritten() {
    let (_copy, mut session) = asking(&Asked::ChangedOnDisk { while_saving: false });
    handled(&mut session, Request::AnswerChangedOnDisk(OutsideChoice::Reload));
    assert_eq!(
        session.workspace().map(|w| w.project.info.title.as_str()),
        Some("Changed by another program, at some length")
    );

    let (fixture, mut session) = asking(&Asked::ChangedOnDisk { while_saving: true });
    handled(&mut session, Request::AnswerChangedOnDisk(OutsideChoice::KeepMine));
    assert!(session.prompt().is_none() && session.has_unsaved_changes(), "kept, still unsaved");
    handled(&mut session, Request::Save);
    assert!(
        matches!(session.prompt(), Some(Prompt::ChangedOnDisk { while_saving: true })),
        "saving asks again before replacing the file"
    );
    handled(&mut session, Request::AnswerChangedOnDisk(OutsideChoice::Overwrite));
    assert!(!session.has_unsaved_changes());
    let on_disk = store::load(&fixture.path).expect("loads").project;
    assert!(on_disk.claims.values().any(|claim| claim.statement == "Edited here."), "ours replaced theirs");
    assert!(handled(&mut session, Request::FocusRegained).iter().all(|e| *e == Effect::CheckOriginals));
    assert!(session.prompt().is_none(), "our own save is no outside change");
}

#[test]
fn without_unsaved_changes_guarded_actions_run_at_once() {
    let fixture = fixture();
    let mut session = open(&fixture.path);
    let effects = handled(&mut session, Request::Guarded(PendingAction::CloseProject));
    assert!(session.prompt().is_none() && session.workspace().is_none(), "{effects:?}");
    assert!(handled(&mut session, Request::CloseWindow).is_empty(), "nothing to lose: the window closes");
}

#[test]
fn opening_from_the_dialog_closes_the_discarded_project_and_its_recovery_file() {
    let (fixture, mut session) = asking(&Asked::Unsaved(PendingAction::OpenProject(None)));
    let recovery = store::recovery_path(Some(&fixture.path)).expect("a recovery path");
    let project = session.workspace().expect("open").project.clone();
    store::write_recovery(&project, &recovery).expect("writes");
    handled(&mut session, Request::AnswerUnsaved(GuardAnswer::Discard));
    handled(&mut session, Request::DialogAnswered(vec![fixture.other.clone()]));
    assert!(!recovery.exists(), "discarded work is not offered again");
}

#[test]
fn opening_leaves_the_originals_to_a_worker_and_names_refused_ones_once() {
    let fixture = fixture();
    let mut project = store::load(&fixture.path).expect("loads").project;
    let source = project.sources.values_mut().next().expect("a source");
    source.content.original.as_mut().expect("an original").path = "/etc/hostname".to_owned();
    store::save(&project, &fixture.path).expect("saves");

    let mut session = Session::default();
    let effects = handled(&mut session, Request::Guarded(PendingAction::OpenProject(Some(fixture.path.clone()))));
    assert!(effects.contains(&Effect::CheckOriginals), "the check is handed to a worker");
    let workspace = session.workspace().expect("open");
    assert!(workspace.original_status.is_empty(), "nothing was read on the window's thread");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Notice(_))), "no verdict before the check: {effects:?}");

    let check = workspace.originals_to_check().expect("a saved project");
    let status = check.run(&std::sync::atomic::AtomicBool::new(false));
    let effects = session.originals_checked(status.clone());
    assert!(
        matches!(&effects[..], [Effect::Notice(notice)] if notice.text.contains("/etc/hostname")),
        "the refused original is named: {effects:?}"
    );
    assert!(session.originals_checked(status).is_empty(), "and only once");
}
