//! The project's life cycle as rules with no window: new, open, save, close and quit
//! behind the unsaved-changes question, save-as-then-continue, recovered work, a project
//! file changed on disk, and what file dialogs were opened for.
//!
//! [`Session::handle`] takes one [`Request`] and returns what the window must do about it
//! as [`Effect`] values (show a dialog, a notice, start an import). At most one question
//! waits for the analyst at a time, [`Session::prompt`]; while it does, every request but
//! its answer is refused, so that `Ctrl+Q` under "Recover unsaved work?" cannot delete
//! the file the question offers.
//!
//! The project file is read and written on a worker ([`super::file_work`]); the window
//! calls [`Session::poll`] each frame to take what landed. While a save runs, a guarded
//! action or the close button waits for it and then runs by the same rules (asking again
//! only if the project was edited meanwhile), so quitting never loses the work being saved.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Workspace;
use super::file_work::{Opened, Opening, SaveOutcome, Saving, Written, lock, report_lock};
use super::requests::{DialogPurpose, Effect, GuardAnswer, Notice, OutsideChoice, PendingAction, Prompt, Request};
use super::tasks::{Progress, Wake};
use crate::model::SourceId;
use crate::store::{self, OriginalStatus};

/// The open project, if any, and the question waiting for an answer, if any.
pub struct Session {
    pub workspace: Option<Workspace>,
    prompt: Option<Prompt>,
    /// What the file dialog being shown was opened for.
    dialog: Option<DialogPurpose>,
    /// The analyst chose to quit and nothing stands in the way.
    quitting: bool,
    /// A project file being read, to replace the open project when it lands.
    opening: Option<Opening>,
    /// The open project being written to its file.
    saving: Option<Saving>,
    /// Wakes the window when a file task lands.
    wake: Wake,
}

impl Default for Session {
    /// A session whose workers wake nobody (tests, which call [`Session::wait_for_files`]).
    fn default() -> Self {
        Self::new(Arc::new(|| {}))
    }
}

/// The project file work under way, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileActivity<'a> {
    Opening { path: &'a Path, progress: Progress },
    Saving { path: &'a Path },
}

impl Session {
    /// A session whose workers call `wake` when they have something for the window.
    pub fn new(wake: Wake) -> Self {
        Self { workspace: None, prompt: None, dialog: None, quitting: false, opening: None, saving: None, wake }
    }

    /// Whether a project file is being read.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Whether the open project is being written to its file.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// The file being read or written, if any.
    pub fn file_activity(&self) -> Option<FileActivity<'_>> {
        if let Some(opening) = &self.opening {
            return Some(FileActivity::Opening { path: &opening.path, progress: opening.progress() });
        }
        self.saving.as_ref().map(|saving| FileActivity::Saving { path: &saving.path })
    }

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
        if request == Request::CancelOpening {
            // Harmless under a question too: nothing changes but the reading stops.
            if let Some(opening) = self.opening.take() {
                effects.push(Effect::Status(format!("Stopped opening {}", opening.path.display())));
            }
            return effects;
        }
        if self.prompt.is_some() {
            self.while_asking(request, &mut effects);
            return effects;
        }
        match request {
            Request::Guarded(action) => self.guarded(action, &mut effects),
            Request::Save => self.save(&mut effects),
            Request::SaveAs => {
                if self.workspace.is_some() {
                    self.show_dialog(DialogPurpose::SaveAs { then: None }, &mut effects);
                }
            }
            Request::CloseWindow => {
                if let Some(saving) = self.saving.as_mut() {
                    // Closing now would cut the file off half written: close once it lands.
                    saving.then = Some(PendingAction::Quit);
                    effects.push(Effect::KeepWindowOpen);
                    effects.push(Effect::Status("Closing once the save is written…".to_owned()));
                } else if !self.quitting && self.has_unsaved_changes() {
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
            Request::AnswerUnsaved(_)
            | Request::AnswerRecovery(_)
            | Request::AnswerChangedOnDisk(_)
            | Request::CancelOpening => {}
        }
        effects
    }

    /// New, open, close or quit: asks about unsaved changes first. While a save runs the
    /// action waits for it (the save may be what leaves nothing unsaved); a project still
    /// being read is given up, since the analyst has chosen something else.
    fn guarded(&mut self, action: PendingAction, effects: &mut Vec<Effect>) {
        if let Some(saving) = self.saving.as_mut() {
            saving.then = Some(action);
            effects.push(Effect::Status("Waiting for the save to finish…".to_owned()));
            return;
        }
        self.opening = None;
        if self.has_unsaved_changes() {
            self.prompt = Some(Prompt::UnsavedChanges(action));
        } else {
            self.perform(action, effects);
        }
    }

    /// Takes what the file workers produced since the last call: a project read, a save
    /// written. The window calls this once per frame.
    pub fn poll(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(result) = self.opening.as_mut().and_then(Opening::poll)
            && let Some(opening) = self.opening.take()
        {
            self.finish_opening(&opening, result, &mut effects);
        }
        if let Some(outcome) = self.saving.as_mut().and_then(Saving::poll)
            && let Some(saving) = self.saving.take()
        {
            self.finish_saving(saving, outcome, &mut effects);
        }
        effects
    }

    /// Waits for the file workers and takes what they produced, for callers without a
    /// frame to poll from (tests, a command-line run).
    pub fn wait_for_files(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        while self.opening.is_some() || self.saving.is_some() {
            effects.extend(self.poll());
            std::thread::sleep(std::time::Duration::from_millis(1));
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
                if self.has_unsaved_changes() || self.saving.is_some() {
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
                Some(path) => self.save_to(&path, false, Some(action), effects),
                None => self.show_dialog(DialogPurpose::SaveAs { then: Some(action) }, effects),
            },
        }
    }

    fn perform(&mut self, action: PendingAction, effects: &mut Vec<Effect>) {
        match action {
            PendingAction::NewProject => {
                self.opening = None;
                self.close_workspace(effects);
                self.workspace = Some(Workspace::new_project());
                effects.push(Effect::ProjectReplaced);
                effects.push(Effect::Status("New project".to_owned()));
            }
            // A project that fails to load leaves the current one open.
            PendingAction::OpenProject(Some(path)) => self.start_opening(&path, false, effects),
            PendingAction::OpenProject(None) => self.show_dialog(DialogPurpose::Open, effects),
            PendingAction::CloseProject => {
                self.opening = None;
                self.close_workspace(effects);
                effects.push(Effect::ProjectReplaced);
                effects.push(Effect::Status("Project closed".to_owned()));
            }
            PendingAction::Quit => {
                self.opening = None;
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
            DialogPurpose::Open => self.start_opening(&first, false, effects),
            DialogPurpose::SaveAs { then } => {
                let mut path = first;
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                self.save_to(&path, false, then, effects);
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
        // A save under way changes the file itself; a project being read replaces this one.
        if self.workspace.is_none() || self.saving.is_some() || self.opening.is_some() {
            return;
        }
        // Originals may have been edited, moved or deleted while the window was away.
        effects.push(Effect::CheckOriginals);
        if self.workspace.as_ref().is_some_and(Workspace::changed_on_disk) {
            self.prompt = Some(Prompt::ChangedOnDisk { while_saving: false });
        }
    }

    /// Starts reading the project at `path`, to replace the open one when it lands (the
    /// caller has asked about unsaved changes). `reload`: it is the open project's own
    /// file, changed on disk.
    fn start_opening(&mut self, path: &Path, reload: bool, effects: &mut Vec<Effect>) {
        let generation = self.workspace.as_ref().map(|w| w.history.generation());
        // The lock on the open project's own file carries over to its new reading.
        let holds_lock = self.workspace.as_ref().is_some_and(|w| w.lock.is_some() && w.path.as_deref() == Some(path));
        match Opening::start(path, reload, generation, !holds_lock, Arc::clone(&self.wake)) {
            Ok(opening) => {
                self.opening = Some(opening);
                effects.push(Effect::Status(format!("Opening {}…", path.display())));
            }
            Err(error) => {
                let text = format!("Cannot start reading {}: {error}", path.display());
                effects.push(Effect::Notice(Notice::error(text)));
            }
        }
    }

    /// A project file was read (or failed to be): it replaces the open project, unless
    /// that was edited while it was being read, when the analyst is asked first.
    fn finish_opening(&mut self, opening: &Opening, result: Result<Box<Opened>, String>, effects: &mut Vec<Effect>) {
        let path = &opening.path;
        let opened = match result {
            Ok(opened) => opened,
            Err(error) if opening.reload => {
                effects.push(Effect::Notice(Notice::error(format!(
                    "Not reloaded: {error}. The work in this window is kept; use Save As… to keep it in another file."
                ))));
                return;
            }
            // A project that fails to load leaves the current one open.
            Err(error) => {
                effects.push(Effect::ForgetRecent(path.clone()));
                effects.push(Effect::Notice(Notice::error(error)));
                return;
            }
        };
        let generation = self.workspace.as_ref().map(|w| w.history.generation());
        if self.prompt.is_some() || (generation != opening.generation_before && self.has_unsaved_changes()) {
            // Edited while the file was read: those edits are not given up unasked.
            if self.prompt.is_none() {
                self.prompt = Some(Prompt::UnsavedChanges(PendingAction::OpenProject(Some(path.clone()))));
            }
            return;
        }
        // Reopening the window's own file: the lock it holds on it carries over.
        let held = self.workspace.as_mut().filter(|w| w.path.as_deref() == Some(path)).and_then(|w| w.lock.take());
        if opening.reload {
            // Dropped, not closed: its recovery file stays, offered again if it is newer.
            self.workspace = None;
        }
        self.opened(path, *opened, held, effects);
    }

    /// Makes a project just read from `path` the open one; `held` is the lock the window
    /// already had on that file.
    fn opened(&mut self, path: &Path, opened: Opened, held: Option<store::ProjectLock>, effects: &mut Vec<Effect>) {
        let Opened { loaded, recovery, stamp, lock: taken, index } = opened;
        // Closing the current project, whichever way the new one was chosen, removes its
        // recovery file and lock: the analyst already agreed to leave it.
        self.close_workspace(effects);
        let mut workspace = Workspace::read_on_worker(loaded.project, path.to_owned(), stamp, index);
        workspace.lock = match (held, taken) {
            (held, Some(taken)) => {
                let taken = report_lock(path, taken, effects);
                // Both handles name this process: the older one must not remove the file.
                if let (Some(held), Some(keeper)) = (held, &taken) {
                    held.hand_over_to(keeper);
                }
                taken
            }
            (Some(held), None) => Some(held),
            // The window let its lock go while the file was read.
            (None, None) => lock(path, effects),
        };
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
        // Offers the unsaved work a previous run left for this project.
        match recovery {
            None => {}
            Some(Ok(found)) => {
                self.prompt = Some(Prompt::Recovery { recovery: Box::new(found.recovery), summary: found.summary });
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
            OutsideChoice::Reload => self.start_opening(&path, true, effects),
            OutsideChoice::Overwrite => self.save_to(&path, true, None, effects),
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
            Some(path) => self.save_to(&path, false, None, effects),
            None => self.show_dialog(DialogPurpose::SaveAs { then: None }, effects),
        }
    }

    /// Starts saving the open project to `path`, then doing `then`. A file another program
    /// changed is replaced only when `overwrite` says the analyst agreed.
    fn save_to(&mut self, path: &Path, overwrite: bool, then: Option<PendingAction>, effects: &mut Vec<Effect>) {
        let Some(workspace) = self.workspace.as_mut() else { return };
        if self.saving.is_some() {
            effects.push(Effect::Status("A save is already under way.".to_owned()));
            return;
        }
        let order = workspace.save_order(path, overwrite);
        let generation = workspace.history.generation();
        match Saving::start(order, generation, then, Arc::clone(&self.wake)) {
            Ok(saving) => {
                self.saving = Some(saving);
                effects.push(Effect::Status(format!("Saving {}…", path.display())));
            }
            Err(error) => effects.push(Effect::Notice(Notice::error(format!(
                "Cannot start saving {}: {error}. The project is still open and unsaved.",
                path.display()
            )))),
        }
    }

    /// A save landed. The file holds the project as it was when the save began: the project
    /// is saved only if it is still in that state. What was waiting for the save runs now,
    /// asking again if the project was edited meanwhile; a save that failed or found the
    /// file changed drops it, so nothing unsaved is closed.
    fn finish_saving(&mut self, saving: Saving, outcome: SaveOutcome, effects: &mut Vec<Effect>) {
        let Saving { path, generation, then, .. } = saving;
        let (originals, stamp, problems, taken) = match outcome {
            SaveOutcome::Saved(written) => {
                let Written { originals, stamp, problems, lock } = *written;
                (originals, stamp, problems, lock)
            }
            SaveOutcome::ChangedOnDisk => {
                self.prompt = Some(Prompt::ChangedOnDisk { while_saving: true });
                return;
            }
            SaveOutcome::Failed(message) => {
                effects.push(Effect::Notice(Notice::error(message)));
                return;
            }
        };
        let Some(workspace) = self.workspace.as_mut() else { return };
        let unchanged = workspace.history.generation() == generation;
        let copied = originals.is_some();
        if let Some(edit) = originals
            && let Err(error) = workspace.apply(edit, None)
        {
            let text = format!("Saved {}, but the sources cannot point at their copied files: {error}", path.display());
            effects.push(Effect::Notice(Notice::error(text)));
        }
        if unchanged {
            workspace.history.mark_saved();
        } else {
            // Edits made meanwhile are not in the file; with the originals' edit on top of
            // them, no state in the history is the file's.
            workspace.history.mark_saved_at((!copied).then_some(generation));
        }
        effects.extend(problems.into_iter().map(|problem| Effect::Notice(Notice::error(problem))));
        if workspace.path.as_deref() != Some(path.as_path()) {
            // Saved somewhere new: hold that file now (the worker locked it) and let the
            // old one go.
            workspace.lock = None;
            workspace.lock = match taken {
                Some(taken) => report_lock(&path, taken, effects),
                None => lock(&path, effects),
            };
        } else if let (Some(Ok(taken)), Some(keeper)) = (taken, &workspace.lock) {
            // Both handles name this process: the one kept must not lose its file.
            taken.hand_over_to(keeper);
        }
        workspace.path = Some(path.clone());
        workspace.disk_stamp = stamp;
        effects.push(Effect::Saved);
        effects.push(Effect::CheckOriginals);
        effects.push(Effect::RememberRecent(path.clone()));
        let status = if unchanged {
            format!("Saved {}", path.display())
        } else {
            format!("Saved {}; changes made while it was written are not saved yet", path.display())
        };
        effects.push(Effect::Status(status));
        if let Some(action) = then {
            self.guarded(action, effects);
        }
    }
}
