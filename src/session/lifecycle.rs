//! The project's life cycle as rules with no window: new, open, save, close and quit
//! behind the unsaved-changes question, save-as-then-continue, recovered work, a project
//! file changed on disk, and what file dialogs were opened for.
//!
//! [`Session::handle`] takes one [`Request`] and returns what the window must do about it
//! as [`Effect`] values (show a dialog, a notice, start an import). At most one question
//! waits for the analyst at a time, [`Session::prompt`]; while it does, every request but
//! its answer is refused, so that `Ctrl+Q` under "Recover unsaved work?" cannot delete
//! the file the question offers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Workspace;
use super::agreement_job::AgreementFormat;
use crate::model::SourceId;
use crate::store::{self, OriginalStatus};

/// Something that replaces or closes the open project, and so must ask about unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    NewProject,
    /// Open this project, or ask which one.
    OpenProject(Option<PathBuf>),
    CloseProject,
    Quit,
}

/// What a file dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    /// Save the project to a new file, then carry on with `then` (a guarded action whose
    /// "Save" answer needed a file name first).
    SaveAs {
        then: Option<PendingAction>,
    },
    Import,
    SaveReport,
    Relink(SourceId),
    RelinkFolder,
    /// Other analysts' copies of the project, to compare judgements with.
    CompareJudgements,
    /// Where to save the agreement report, in this format.
    SaveAgreement(AgreementFormat),
}

/// The answer to "the project file changed on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideChoice {
    /// Replace the open project with the file on disk.
    Reload,
    /// Keep working on this copy; the next save asks before replacing the file.
    KeepMine,
    /// Replace the file on disk with this copy now.
    Overwrite,
}

/// The answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardAnswer {
    Save,
    Discard,
    Cancel,
}

/// A question that must be answered before anything else happens.
#[derive(Debug)]
pub enum Prompt {
    /// "Save changes?" before carrying out the action.
    UnsavedChanges(PendingAction),
    /// Unsaved work a previous run left, with a sentence saying what it adds. Boxed: it
    /// holds a whole project, the other questions a flag or a path.
    Recovery { recovery: Box<store::Recovery>, summary: String },
    /// The project file changed on disk; `while_saving` when a save found it.
    ChangedOnDisk { while_saving: bool },
}

/// What the analyst (or the window) asks of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// New, open, close or quit: asks about unsaved changes first.
    Guarded(PendingAction),
    Save,
    SaveAs,
    /// The window's close button.
    CloseWindow,
    AnswerUnsaved(GuardAnswer),
    /// Restore (true) or throw away (false) recovered work.
    AnswerRecovery(bool),
    AnswerChangedOnDisk(OutsideChoice),
    /// The open file dialog was answered (no paths: cancelled).
    DialogAnswered(Vec<PathBuf>),
    /// The window has the focus again: another program may have changed the project file.
    FocusRegained,
    /// Relink the missing originals to files of the same name in a folder.
    RelinkFolder,
    /// Point one source at a file chosen in a dialog.
    Relink(SourceId),
    /// Ask for files to import.
    Import,
    /// Ask where to save the report.
    SaveReport,
    /// Ask for other analysts' copies to compare judgements with.
    CompareJudgements,
    /// Ask where to save the agreement report.
    SaveAgreement(AgreementFormat),
}

/// A message shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: true }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: false }
    }
}

/// What the window must do after a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    ShowDialog(DialogPurpose),
    Notice(Notice),
    /// A line for the status bar.
    Status(String),
    RememberRecent(PathBuf),
    ForgetRecent(PathBuf),
    /// Another project, or none, is open: views and the autosave clock start over.
    ProjectReplaced,
    /// The open project's work is in its file: the autosave clock starts over.
    Saved,
    /// Close the window now.
    CloseWindow,
    /// Keep the window open: the close button was pressed with a question to answer.
    KeepWindowOpen,
    /// Read `files` on a worker: each replaces the text of the source `replaces` pairs it
    /// with, or becomes a new source.
    Import {
        files: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
    },
    /// Write the report the export dialog describes to this file.
    SaveReport(PathBuf),
    /// Compare the open project's judgements with these copies (on a worker: each is a
    /// whole project to load).
    CompareJudgements(Vec<PathBuf>),
    /// Write the agreement report on screen to this file.
    SaveAgreement(PathBuf, AgreementFormat),
    /// Check the open project's originals against their files again (off the UI thread:
    /// each may be tens of megabytes to hash).
    CheckOriginals,
}

/// The open project, if any, and the question waiting for an answer, if any.
#[derive(Default)]
pub struct Session {
    pub workspace: Option<Workspace>,
    prompt: Option<Prompt>,
    /// What the file dialog being shown was opened for.
    dialog: Option<DialogPurpose>,
    /// The analyst chose to quit and nothing stands in the way.
    quitting: bool,
}

impl Session {
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// The question waiting for an answer.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The action waiting for an answer to "save changes?".
    pub fn pending_guard(&self) -> Option<&PendingAction> {
        match &self.prompt {
            Some(Prompt::UnsavedChanges(action)) => Some(action),
            _ => None,
        }
    }

    /// What the file dialog being shown was opened for.
    pub fn dialog(&self) -> Option<&DialogPurpose> {
        self.dialog.as_ref()
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.workspace.as_ref().is_some_and(|w| w.history.has_unsaved_changes())
    }

    /// Takes what a worker found checking the originals ([`Effect::CheckOriginals`]),
    /// whatever is being asked meanwhile, and names once the files the project may not read.
    pub fn originals_checked(&mut self, status: BTreeMap<SourceId, OriginalStatus>) -> Vec<Effect> {
        let Some(workspace) = self.workspace.as_mut() else { return Vec::new() };
        let refused_before = workspace.refused_originals_notice();
        workspace.set_original_status(status);
        match workspace.refused_originals_notice() {
            Some(notice) if Some(&notice) != refused_before.as_ref() => vec![Effect::Notice(Notice::error(notice))],
            _ => Vec::new(),
        }
    }

    /// Carries out `request` by the rules, returning what the window must do.
    pub fn handle(&mut self, request: Request) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.prompt.is_some() {
            self.while_asking(request, &mut effects);
            return effects;
        }
        match request {
            Request::Guarded(action) => {
                if self.has_unsaved_changes() {
                    self.prompt = Some(Prompt::UnsavedChanges(action));
                } else {
                    self.perform(action, &mut effects);
                }
            }
            Request::Save => self.save(&mut effects),
            Request::SaveAs => {
                if self.workspace.is_some() {
                    self.show_dialog(DialogPurpose::SaveAs { then: None }, &mut effects);
                }
            }
            Request::CloseWindow => {
                if !self.quitting && self.has_unsaved_changes() {
                    effects.push(Effect::KeepWindowOpen);
                    self.prompt = Some(Prompt::UnsavedChanges(PendingAction::Quit));
                }
            }
            Request::DialogAnswered(paths) => {
                if let Some(purpose) = self.dialog.take() {
                    self.dialog_answered(purpose, paths, &mut effects);
                }
            }
            Request::FocusRegained => self.focus_regained(&mut effects),
            Request::Relink(id) => self.show_dialog(DialogPurpose::Relink(id), &mut effects),
            Request::RelinkFolder => self.show_dialog(DialogPurpose::RelinkFolder, &mut effects),
            Request::Import => self.show_dialog(DialogPurpose::Import, &mut effects),
            Request::SaveReport => {
                if self.workspace.is_some() {
                    self.show_dialog(DialogPurpose::SaveReport, &mut effects);
                }
            }
            Request::CompareJudgements => {
                if self.workspace.is_some() {
                    self.show_dialog(DialogPurpose::CompareJudgements, &mut effects);
                }
            }
            Request::SaveAgreement(format) => self.show_dialog(DialogPurpose::SaveAgreement(format), &mut effects),
            // Nothing is being asked: a stale answer (a second click on a closing dialog).
            Request::AnswerUnsaved(_) | Request::AnswerRecovery(_) | Request::AnswerChangedOnDisk(_) => {}
        }
        effects
    }

    /// A question is open: only its answer is taken. A dialog answered meanwhile is
    /// dropped with a word, since carrying it out could replace what the question is about.
    fn while_asking(&mut self, request: Request, effects: &mut Vec<Effect>) {
        match (self.prompt.take(), request) {
            (Some(Prompt::UnsavedChanges(action)), Request::AnswerUnsaved(answer)) => {
                self.answer_guard(action, answer, effects);
            }
            (Some(Prompt::Recovery { recovery, .. }), Request::AnswerRecovery(restore)) => {
                self.answer_recovery(recovery, restore, effects);
            }
            (Some(Prompt::ChangedOnDisk { .. }), Request::AnswerChangedOnDisk(choice)) => {
                self.answer_changed_on_disk(choice, effects);
            }
            (prompt, Request::DialogAnswered(paths)) => {
                self.prompt = prompt;
                if self.dialog.take().is_some() && !paths.is_empty() {
                    effects.push(Effect::Notice(Notice::info(
                        "The file dialog's choice was not used: answer the question first, then choose again.",
                    )));
                }
            }
            (prompt, Request::CloseWindow) => {
                self.prompt = prompt;
                // Closing under a question would skip its answer; recovered work is kept
                // for next time either way, but unsaved work would be lost.
                if self.has_unsaved_changes() {
                    effects.push(Effect::KeepWindowOpen);
                }
            }
            (prompt, _) => self.prompt = prompt,
        }
    }

    fn answer_guard(&mut self, action: PendingAction, answer: GuardAnswer, effects: &mut Vec<Effect>) {
        match answer {
            GuardAnswer::Cancel => {}
            GuardAnswer::Discard => self.perform(action, effects),
            GuardAnswer::Save => match self.workspace.as_ref().and_then(|w| w.path.clone()) {
                Some(path) => {
                    if self.save_to(&path, false, effects) {
                        self.perform(action, effects);
                    }
                }
                None => self.show_dialog(DialogPurpose::SaveAs { then: Some(action) }, effects),
            },
        }
    }

    fn perform(&mut self, action: PendingAction, effects: &mut Vec<Effect>) {
        match action {
            PendingAction::NewProject => {
                self.close_workspace(effects);
                self.workspace = Some(Workspace::new_project());
                effects.push(Effect::ProjectReplaced);
                effects.push(Effect::Status("New project".to_owned()));
            }
            // A project that fails to load leaves the current one open.
            PendingAction::OpenProject(Some(path)) => self.open(&path, effects),
            PendingAction::OpenProject(None) => self.show_dialog(DialogPurpose::Open, effects),
            PendingAction::CloseProject => {
                self.close_workspace(effects);
                effects.push(Effect::ProjectReplaced);
                effects.push(Effect::Status("Project closed".to_owned()));
            }
            PendingAction::Quit => {
                self.discard_recovery_file(effects);
                self.quitting = true;
                effects.push(Effect::CloseWindow);
            }
        }
    }

    fn show_dialog(&mut self, purpose: DialogPurpose, effects: &mut Vec<Effect>) {
        self.dialog = Some(purpose.clone());
        effects.push(Effect::ShowDialog(purpose));
    }

    fn dialog_answered(&mut self, purpose: DialogPurpose, paths: Vec<PathBuf>, effects: &mut Vec<Effect>) {
        let Some(first) = paths.first().cloned() else { return };
        match purpose {
            // The analyst agreed to leave the open project before the dialog was shown.
            DialogPurpose::Open => self.open(&first, effects),
            DialogPurpose::SaveAs { then } => {
                let mut path = first;
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                if self.save_to(&path, false, effects)
                    && let Some(action) = then
                {
                    self.perform(action, effects);
                }
            }
            DialogPurpose::Import => effects.push(Effect::Import { files: paths, replaces: BTreeMap::new() }),
            DialogPurpose::Relink(id) => {
                let replaces = std::iter::once((first.clone(), id)).collect();
                effects.push(Effect::Import { files: vec![first], replaces });
            }
            DialogPurpose::RelinkFolder => self.relink_folder(&first, effects),
            DialogPurpose::SaveReport => effects.push(Effect::SaveReport(first)),
            DialogPurpose::CompareJudgements => effects.push(Effect::CompareJudgements(paths)),
            DialogPurpose::SaveAgreement(format) => {
                let mut path = first;
                if path.extension().is_none() {
                    path.set_extension(format.extension());
                }
                effects.push(Effect::SaveAgreement(path, format));
            }
        }
    }

    /// Relinks sources whose original is missing to files found in `folder` with the same
    /// name, each read again like a re-import.
    fn relink_folder(&self, folder: &Path, effects: &mut Vec<Effect>) {
        let Some(workspace) = &self.workspace else { return };
        let pairs = workspace.relink_candidates(folder);
        if pairs.is_empty() {
            let text = format!("{} has no files named like the missing originals.", folder.display());
            effects.push(Effect::Notice(Notice::error(text)));
            return;
        }
        let files = pairs.iter().map(|(file, _)| file.clone()).collect();
        effects.push(Effect::Import { files, replaces: pairs.into_iter().collect() });
    }

    /// Looks for a project file and originals changed by another program.
    fn focus_regained(&mut self, effects: &mut Vec<Effect>) {
        if self.workspace.is_none() {
            return;
        }
        // Originals may have been edited, moved or deleted while the window was away.
        effects.push(Effect::CheckOriginals);
        if self.workspace.as_ref().is_some_and(Workspace::changed_on_disk) {
            self.prompt = Some(Prompt::ChangedOnDisk { while_saving: false });
        }
    }

    /// Opens the project at `path`, replacing the open one (the caller has asked).
    pub fn open(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        match store::load(path) {
            Ok(loaded) => self.opened(path, loaded, effects),
            Err(error) => {
                effects.push(Effect::ForgetRecent(path.to_owned()));
                effects.push(Effect::Notice(Notice::error(error.to_string())));
            }
        }
    }

    /// Makes a project just read from `path` the open one.
    fn opened(&mut self, path: &Path, loaded: store::Loaded, effects: &mut Vec<Effect>) {
        // Closing the current project, whichever way the new one was chosen, removes its
        // recovery file and lock: the analyst already agreed to leave it.
        self.close_workspace(effects);
        let mut workspace = Workspace::opened(loaded.project, path.to_owned());
        workspace.lock = lock(path, effects);
        workspace.reveal_selection();
        self.workspace = Some(workspace);
        effects.push(Effect::ProjectReplaced);
        effects.push(Effect::CheckOriginals);
        effects.push(Effect::RememberRecent(path.to_owned()));
        effects.push(Effect::Status(format!("Opened {}", path.display())));
        if let Some(version) = loaded.migrated_from {
            effects.push(Effect::Notice(Notice::info(format!(
                "{} was written in format version {version}; saving will upgrade it.",
                path.display()
            ))));
        }
        for problem in loaded.problems.iter().take(5) {
            effects.push(Effect::Notice(Notice::error(format!("{}: {problem}", path.display()))));
        }
        self.offer_recovery(path, effects);
    }

    /// Offers the unsaved work a previous run left for the project at `path`.
    fn offer_recovery(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        match store::find_recovery(Some(path)) {
            None => {}
            Some(Ok(recovery)) => {
                let saved = self.workspace.as_ref().map(|w| &w.project);
                let summary =
                    saved.map_or_else(String::new, |saved| store::describe_difference(saved, &recovery.project));
                self.prompt = Some(Prompt::Recovery { recovery: Box::new(recovery), summary });
            }
            Some(Err(error)) => effects
                .push(Effect::Notice(Notice::error(format!("Unsaved work was found but cannot be read: {error}")))),
        }
    }

    fn answer_recovery(&mut self, recovery: Box<store::Recovery>, restore: bool, effects: &mut Vec<Effect>) {
        if !restore {
            if let Err(error) = store::discard_recovery(&recovery.path) {
                let text = format!("Cannot remove the recovery file {}: {error}", recovery.path.display());
                effects.push(Effect::Notice(Notice::error(text)));
            }
            return;
        }
        let Some(workspace) = self.workspace.as_mut() else { return };
        let mut restored = Workspace::opened(recovery.project, workspace.path.clone().unwrap_or_default());
        restored.path.clone_from(&workspace.path);
        // The restored work is not in the project file yet.
        restored.history = crate::history::History::unsaved();
        restored.lock = workspace.lock.take();
        restored.reveal_selection();
        *workspace = restored;
        effects.push(Effect::ProjectReplaced);
        effects.push(Effect::CheckOriginals);
        effects.push(Effect::Status("Restored the unsaved work; save to keep it.".to_owned()));
    }

    fn answer_changed_on_disk(&mut self, choice: OutsideChoice, effects: &mut Vec<Effect>) {
        let Some(path) = self.workspace.as_ref().and_then(|w| w.path.clone()) else { return };
        match choice {
            // Read the file first: only a file that loads may replace the window's work.
            OutsideChoice::Reload => match store::load(&path) {
                Ok(loaded) => {
                    // Dropped, not closed: its lock goes so that reopening takes it again,
                    // and its recovery file stays, offered again if it is newer.
                    self.workspace = None;
                    self.opened(&path, loaded, effects);
                }
                Err(error) => effects.push(Effect::Notice(Notice::error(format!(
                    "Not reloaded: {error}. The work in this window is kept; use Save As… to keep it in another file."
                )))),
            },
            OutsideChoice::Overwrite => {
                self.save_to(&path, true, effects);
            }
            OutsideChoice::KeepMine => {}
        }
    }

    /// Closes the open project; its recovery file goes too (its work was saved or discarded).
    fn close_workspace(&mut self, effects: &mut Vec<Effect>) {
        self.discard_recovery_file(effects);
        self.workspace = None;
    }

    /// Removes the open project's recovery file: the analyst saved or chose to discard its work.
    fn discard_recovery_file(&self, effects: &mut Vec<Effect>) {
        let Some(workspace) = &self.workspace else { return };
        if let Some(recovery) = store::recovery_path(workspace.path.as_deref())
            && let Err(error) = store::discard_recovery(&recovery)
        {
            let text = format!("Cannot remove the recovery file {}: {error}", recovery.display());
            effects.push(Effect::Notice(Notice::error(text)));
        }
    }

    fn save(&mut self, effects: &mut Vec<Effect>) {
        let Some(workspace) = &self.workspace else { return };
        match workspace.path.clone() {
            Some(path) => {
                self.save_to(&path, false, effects);
            }
            None => self.show_dialog(DialogPurpose::SaveAs { then: None }, effects),
        }
    }

    /// Saves the open project to `path`; on failure says why and leaves it unsaved. A file
    /// another program changed is replaced only when `overwrite` says the analyst agreed.
    fn save_to(&mut self, path: &Path, overwrite: bool, effects: &mut Vec<Effect>) -> bool {
        let Some(workspace) = self.workspace.as_mut() else { return false };
        if !overwrite && workspace.path.as_deref() == Some(path) && workspace.changed_on_disk() {
            self.prompt = Some(Prompt::ChangedOnDisk { while_saving: true });
            return false;
        }
        if let Err(error) = workspace.write_to(path) {
            effects.push(Effect::Notice(Notice::error(error)));
            return false;
        }
        // The saved file now holds the work; recovery files (beside it, or the untitled one) are stale.
        for recovery in
            [store::recovery_path(workspace.path.as_deref()), store::recovery_path(Some(path))].into_iter().flatten()
        {
            if let Err(error) = store::discard_recovery(&recovery) {
                let text = format!("Cannot remove the recovery file {}: {error}", recovery.display());
                effects.push(Effect::Notice(Notice::error(text)));
            }
        }
        if workspace.path.as_deref() != Some(path) {
            // Saved somewhere new: hold that file now and let the old one go.
            workspace.lock = None;
            workspace.lock = lock(path, effects);
        }
        workspace.path = Some(path.to_owned());
        workspace.disk_stamp = store::file_stamp(path);
        effects.push(Effect::Saved);
        effects.push(Effect::CheckOriginals);
        effects.push(Effect::RememberRecent(path.to_owned()));
        effects.push(Effect::Status(format!("Saved {}", path.display())));
        true
    }
}

/// Locks the project file at `path`, telling the analyst what stands in the way.
fn lock(path: &Path, effects: &mut Vec<Effect>) -> Option<store::ProjectLock> {
    match store::lock_project(path) {
        Ok(lock) => {
            if let Some(notice) = lock.notice() {
                effects.push(Effect::Notice(Notice::info(notice)));
            }
            Some(lock)
        }
        Err(store::LockError::Held(holder)) => {
            effects.push(Effect::Notice(Notice::error(format!(
                "{} is also open in another Crosscheck ({holder}). Saving here may overwrite the other copy's work.",
                path.display()
            ))));
            None
        }
        Err(refused @ store::LockError::Refused { .. }) => {
            effects.push(Effect::Notice(Notice::error(refused.to_string())));
            None
        }
        // A folder we cannot write to will say so on save; no lock is no harm.
        Err(store::LockError::Io(_)) => None,
    }
}
