//! Carrying out what the analyst asked for: project life cycle (new, open, save, close,
//! quit, with the unsaved-changes guard), imports, search, and every panel action.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::actions::Action;
use super::commands::UiCommand;
use super::dialogs::DialogKind;
use super::prefs::BottomTab;
use super::prompts::Notice;
use super::shell::{CentralView, CrosscheckApp};
use crate::edit::Edit;
use crate::session::{Selection, TextRange, Workspace};
use crate::store;

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
    SaveAs,
    Import,
    SaveReport,
    Relink(crate::model::SourceId),
    RelinkFolder,
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

impl CrosscheckApp {
    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.notices.push(Notice::error(text));
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.status = text.into();
    }

    /// Opens the project at `path`, replacing the open one (the caller has asked).
    pub(super) fn open(&mut self, path: &Path) {
        match store::load(path) {
            Ok(loaded) => self.opened(path, loaded),
            Err(error) => {
                self.prefs.forget(path);
                self.error(error.to_string());
            }
        }
    }

    /// Locks the project file at `path`, telling the analyst what stands in the way.
    fn lock(&mut self, path: &Path) -> Option<store::ProjectLock> {
        match store::lock_project(path) {
            Ok(lock) => {
                if let Some(notice) = lock.notice() {
                    self.notices.push(Notice::info(notice));
                }
                Some(lock)
            }
            Err(store::LockError::Held(holder)) => {
                self.error(format!(
                    "{} is also open in another Crosscheck ({holder}). Saving here may overwrite the other copy's work.",
                    path.display()
                ));
                None
            }
            Err(refused @ store::LockError::Refused { .. }) => {
                self.error(refused.to_string());
                None
            }
            // A folder we cannot write to will say so on save; no lock is no harm.
            Err(store::LockError::Io(_)) => None,
        }
    }

    /// Makes a project just read from `path` the open one.
    fn opened(&mut self, path: &Path, loaded: store::Loaded) {
        // The analyst already agreed to leave the current project (see `request`); closing
        // it here, whichever way the new one was chosen, removes its recovery file and lock.
        self.close_workspace();
        let mut workspace = Workspace::opened(loaded.project, path.to_owned());
        workspace.lock = self.lock(path);
        workspace.reveal_selection();
        if let Some(notice) = workspace.refused_originals_notice() {
            self.error(notice);
        }
        self.workspace = Some(workspace);
        self.prefs.remember(path);
        self.search.computed_at = None;
        self.info(format!("Opened {}", path.display()));
        if let Some(version) = loaded.migrated_from {
            self.notices.push(Notice::info(format!(
                "{} was written in format version {version}; saving will upgrade it.",
                path.display()
            )));
        }
        for problem in loaded.problems.iter().take(5) {
            self.error(format!("{}: {problem}", path.display()));
        }
        self.autosave.reset();
        self.offer_recovery(path);
    }

    /// Offers the unsaved work a previous run left for the project at `path`.
    fn offer_recovery(&mut self, path: &Path) {
        match store::find_recovery(Some(path)) {
            None => {}
            Some(Ok(recovery)) => {
                let saved = self.workspace.as_ref().map(|w| &w.project);
                let summary =
                    saved.map_or_else(String::new, |saved| store::describe_difference(saved, &recovery.project));
                self.recovery = Some((recovery, summary));
            }
            Some(Err(error)) => self.error(format!("Unsaved work was found but cannot be read: {error}")),
        }
    }

    fn answer_recovery(&mut self, restore: bool) {
        let Some((recovery, _)) = self.recovery.take() else { return };
        if restore {
            if let Some(workspace) = self.workspace.as_mut() {
                let mut restored = Workspace::opened(recovery.project, workspace.path.clone().unwrap_or_default());
                restored.path.clone_from(&workspace.path);
                // The restored work is not in the project file yet.
                restored.history = crate::history::History::unsaved();
                restored.lock = workspace.lock.take();
                restored.reveal_selection();
                *workspace = restored;
                self.info("Restored the unsaved work; save to keep it.");
            }
        } else if let Err(error) = store::discard_recovery(&recovery.path) {
            self.error(format!("Cannot remove the recovery file {}: {error}", recovery.path.display()));
        }
    }

    /// Closes the open project; its recovery file goes too (its work was saved or discarded).
    fn close_workspace(&mut self) {
        self.discard_recovery_file();
        self.workspace = None;
        self.autosave.reset();
        self.recovery = None;
    }

    /// Removes the open project's recovery file: the analyst saved or chose to discard its work.
    fn discard_recovery_file(&mut self) {
        let Some(workspace) = &self.workspace else { return };
        if let Some(recovery) = store::recovery_path(workspace.path.as_deref())
            && let Err(error) = store::discard_recovery(&recovery)
        {
            self.error(format!("Cannot remove the recovery file {}: {error}", recovery.display()));
        }
    }

    /// Runs `action` now if nothing would be lost, otherwise asks first.
    pub(super) fn request(&mut self, action: PendingAction) {
        let unsaved = self.workspace.as_ref().is_some_and(|w| w.history.has_unsaved_changes());
        if unsaved {
            self.guard = Some(action);
        } else {
            self.perform(action);
        }
    }

    pub(super) fn answer_guard(&mut self, answer: GuardAnswer) {
        let Some(action) = self.guard.take() else { return };
        match answer {
            GuardAnswer::Cancel => {}
            GuardAnswer::Discard => self.perform(action),
            GuardAnswer::Save => {
                let path = self.workspace.as_ref().and_then(|w| w.path.clone());
                if let Some(path) = path {
                    if self.save_to(&path) {
                        self.perform(action);
                    }
                } else {
                    self.after_save = Some(action);
                    self.show_dialog(DialogPurpose::SaveAs);
                }
            }
        }
    }

    fn perform(&mut self, action: PendingAction) {
        match action {
            PendingAction::NewProject => {
                self.close_workspace();
                self.workspace = Some(Workspace::new_project());
                self.info("New project");
            }
            // A project that fails to load leaves the current one open.
            PendingAction::OpenProject(Some(path)) => self.open(&path),
            PendingAction::OpenProject(None) => self.show_dialog(DialogPurpose::Open),
            PendingAction::CloseProject => {
                self.close_workspace();
                self.search = super::panels::search::SearchState::default();
                self.info("Project closed");
            }
            PendingAction::Quit => {
                self.discard_recovery_file();
                self.quitting = true;
                self.actions.push(Action::Command(UiCommand::Quit));
            }
        }
    }

    fn show_dialog(&mut self, purpose: DialogPurpose) {
        let kind = match purpose {
            DialogPurpose::Open => DialogKind::OpenProject,
            DialogPurpose::Import => DialogKind::ImportSources,
            DialogPurpose::Relink(_) => DialogKind::FindOriginal,
            DialogPurpose::RelinkFolder => DialogKind::FindOriginalsFolder,
            DialogPurpose::SaveReport => DialogKind::SaveReport {
                suggested_name: self.workspace.as_ref().map_or_else(String::new, |w| self.export.suggested_name(w)),
                extension: self.export.format.extension(),
            },
            DialogPurpose::SaveAs => DialogKind::SaveProjectAs {
                suggested_name: format!(
                    "{}.ron",
                    self.workspace.as_ref().map_or_else(|| "project".to_owned(), Workspace::display_name)
                ),
            },
        };
        let ctx = self.ctx.clone();
        let receiver = self.dialogs.show(kind, &ctx);
        self.pending_dialog = Some((purpose, receiver));
    }

    fn answer_outside_change(&mut self, choice: OutsideChoice) {
        self.outside_change = None;
        let path = self.workspace.as_ref().and_then(|w| w.path.clone());
        match (choice, path) {
            // Read the file first: only a file that loads may replace the window's work.
            (OutsideChoice::Reload, Some(path)) => match store::load(&path) {
                Ok(loaded) => {
                    // Drop our lock first so reopening takes it again.
                    self.workspace = None;
                    self.opened(&path, loaded);
                }
                Err(error) => {
                    self.overwrite_confirmed = false;
                    self.error(format!(
                        "Not reloaded: {error}. The work in this window is kept; use Save As… to keep it in another file."
                    ));
                }
            },
            (OutsideChoice::Overwrite, Some(path)) => {
                self.overwrite_confirmed = true;
                self.save_to(&path);
            }
            _ => self.overwrite_confirmed = false,
        }
    }

    /// Saves the open project to `path`; on failure reports why and leaves it unsaved.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let replacing_changed_file =
            self.workspace.as_ref().is_some_and(|w| w.path.as_deref() == Some(path) && w.changed_on_disk());
        if replacing_changed_file && !self.overwrite_confirmed {
            self.outside_change = Some(true);
            return false;
        }
        self.overwrite_confirmed = false;
        let Some(workspace) = self.workspace.as_mut() else { return false };
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        match store::collect_originals(&workspace.project, workspace.folder(), &folder, &workspace.chosen_originals) {
            Ok(Some(edit)) => {
                if let Err(error) = workspace.apply(edit, None) {
                    self.error(format!("Cannot point the sources at their copied files: {error}"));
                    return false;
                }
            }
            Ok(None) => {}
            Err(error) => {
                self.error(format!(
                    "Cannot copy the source files into {}: {error}. The project is still open and unsaved.",
                    folder.display()
                ));
                return false;
            }
        }
        if let Err(error) = store::save(&workspace.project, path) {
            self.error(format!("{error}. The project is still open and unsaved."));
            return false;
        }
        workspace.history.mark_saved();
        // The saved file now holds the work; recovery files (beside it, or the untitled one) are stale.
        for recovery in
            [store::recovery_path(workspace.path.as_deref()), store::recovery_path(Some(path))].into_iter().flatten()
        {
            if let Err(error) = store::discard_recovery(&recovery) {
                self.notices
                    .push(Notice::error(format!("Cannot remove the recovery file {}: {error}", recovery.display())));
            }
        }
        self.autosave.reset();
        let Some(workspace) = self.workspace.as_mut() else { return false };
        if workspace.path.as_deref() != Some(path) {
            // Saved somewhere new: hold that file now and let the old one go.
            workspace.lock = None;
            let lock = self.lock(path);
            let Some(workspace) = self.workspace.as_mut() else { return false };
            workspace.lock = lock;
        }
        let Some(workspace) = self.workspace.as_mut() else { return false };
        workspace.path = Some(path.to_owned());
        workspace.disk_stamp = store::file_stamp(path);
        workspace.refresh_original_status();
        self.prefs.remember(path);
        self.info(format!("Saved {}", path.display()));
        true
    }

    fn save(&mut self) {
        let path = self.workspace.as_ref().and_then(|w| w.path.clone());
        match path {
            Some(path) => {
                self.save_to(&path);
            }
            None => self.show_dialog(DialogPurpose::SaveAs),
        }
    }

    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        self.ctx = ctx.clone();
        if let Some((purpose, receiver)) = &self.pending_dialog {
            match receiver.try_recv() {
                Ok(paths) => {
                    let purpose = purpose.clone();
                    self.pending_dialog = None;
                    self.dialog_answered(&purpose, paths);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.pending_dialog = None,
            }
        }
        self.poll_import(ctx);
        self.poll_export(ctx);
    }

    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(workspace) = &self.workspace else { return };
        let Some((path, rendered)) = self.export.poll(workspace, ctx) else { return };
        match super::export_dialog::write_report(workspace.path.as_deref(), &path, &rendered) {
            Ok(written) => {
                self.info(format!("Report saved to {}", written.join(", ")));
                if self.export.open_when_saved
                    && let Err(error) = open::that_detached(&path)
                {
                    self.error(format!("The report was saved but could not be opened: {error}"));
                }
            }
            Err(error) => self.error(error),
        }
    }

    fn dialog_answered(&mut self, purpose: &DialogPurpose, paths: Vec<PathBuf>) {
        match purpose {
            DialogPurpose::Open => {
                if let Some(path) = paths.into_iter().next() {
                    self.open(&path);
                }
            }
            DialogPurpose::SaveAs => {
                let Some(mut path) = paths.into_iter().next() else {
                    self.after_save = None;
                    return;
                };
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                if self.save_to(&path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform(action);
                }
            }
            DialogPurpose::Import => {
                if !paths.is_empty() {
                    self.start_import(paths);
                }
            }
            DialogPurpose::Relink(id) => {
                if let Some(file) = paths.into_iter().next() {
                    self.start_replacing(vec![(file, *id)]);
                }
            }
            DialogPurpose::RelinkFolder => {
                if let Some(folder) = paths.into_iter().next() {
                    self.relink_folder(&folder);
                }
            }
            DialogPurpose::SaveReport => {
                if let (Some(path), Some(workspace)) = (paths.into_iter().next(), &self.workspace) {
                    self.export.save_to(&workspace.project, path, &self.ctx);
                }
            }
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting {
            let unsaved = self.workspace.as_ref().is_some_and(|w| w.history.has_unsaved_changes());
            if unsaved {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.guard = Some(PendingAction::Quit);
            }
        }
    }

    /// Whether a question is waiting for the analyst's answer. While one is, no shortcut
    /// runs: Ctrl+Q under "Recover unsaved work?" would delete the file being offered.
    pub(super) fn asking(&self) -> bool {
        self.guard.is_some() || self.recovery.is_some() || self.outside_change.is_some()
    }

    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.asking() {
            return;
        }
        for command in UiCommand::WITH_SHORTCUTS {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.actions.command(command);
            }
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.actions.push(Action::ImportFiles(dropped));
        }
    }

    /// Carries out the actions the panels pushed this frame.
    pub(super) fn run_actions(&mut self, ctx: &egui::Context) {
        // This frame has drawn the scroll requested last frame.
        if let Some(workspace) = self.workspace.as_mut() {
            workspace.reveal = None;
        }
        let actions = self.actions.take();
        if !actions.is_empty() {
            // What the actions changed is drawn on the next frame.
            ctx.request_repaint();
        }
        for action in actions {
            self.run_action(ctx, action);
        }
        self.refresh_search();
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => self.run_command(ctx, command),
            Action::Edit { edit, merge } => {
                let Some(workspace) = self.workspace.as_mut() else { return };
                if let Err(error) = workspace.apply(edit, merge) {
                    self.error(format!("That change was refused: {error}"));
                }
            }
            Action::Seal => {
                if let Some(workspace) = self.workspace.as_mut() {
                    workspace.history.seal();
                }
            }
            Action::Select(selection) => {
                self.central = CentralView::Document;
                if let Some(workspace) = self.workspace.as_mut() {
                    workspace.history.seal();
                    workspace.selection = selection;
                    if !matches!(selection, Selection::Source(_)) {
                        workspace.reveal_selection();
                    }
                }
            }
            Action::Reveal { source, range } => {
                self.central = CentralView::Document;
                if let Some(workspace) = self.workspace.as_mut() {
                    workspace.reveal(source, range);
                }
            }
            Action::SelectText(range) => {
                if let Some(workspace) = self.workspace.as_mut() {
                    workspace.text_selection = range;
                }
            }
            Action::AddToConflict(existing) => self.add_to_conflict(existing),
            Action::DiscardConflictDraft => {
                if let Some(workspace) = self.workspace.as_mut() {
                    workspace.conflict_draft = None;
                }
            }
            Action::OpenProject(path) => self.request(PendingAction::OpenProject(Some(path))),
            Action::OpenSample => match crate::sample::locate_sample() {
                Ok(path) => self.request(PendingAction::OpenProject(Some(path))),
                Err(error) => self.error(format!("Cannot find or unpack the sample project: {error}")),
            },
            Action::ImportFiles(paths) => self.start_import(paths),
            Action::Reimport(id) => self.start_reimport(id),
            Action::Relink(id) => self.show_dialog(DialogPurpose::Relink(id)),
            Action::RelinkFolder => self.show_dialog(DialogPurpose::RelinkFolder),
            Action::RecoveryAnswer(restore) => self.answer_recovery(restore),
            Action::OutsideChange(choice) => self.answer_outside_change(choice),
            Action::CancelImport => self.cancel_import(),
            Action::Search(query) => {
                self.search.query = query;
                self.search.computed_at = None;
                self.search.current = None;
            }
            Action::NextHit { backwards } => {
                self.refresh_search();
                let count = self.search.hits.len();
                if count > 0 {
                    let next = match (self.search.current, backwards) {
                        (None, false) => 0,
                        (None, true) => count - 1,
                        (Some(n), false) => (n + 1) % count,
                        (Some(n), true) => (n + count - 1) % count,
                    };
                    self.reveal_hit(next);
                }
            }
            Action::RevealHit(n) => self.reveal_hit(n),
            Action::DismissNotice(n) => {
                if n < self.notices.len() {
                    self.notices.remove(n);
                }
            }
            Action::GuardAnswer(answer) => self.answer_guard(answer),
            Action::SaveReport => self.show_dialog(DialogPurpose::SaveReport),
            Action::FlagDiscrepancy(conflict) => self.insert_and_select(|workspace| {
                let id = workspace.project.ids.next_conflict();
                (Edit::InsertConflict { id, conflict }, Selection::Conflict(id), format!("Flagged conflict {id}"))
            }),
            Action::AcceptSuggestion(claim) => self.insert_and_select(|workspace| {
                let id = workspace.project.ids.next_claim();
                (Edit::InsertClaim { id, claim }, Selection::Claim(id), format!("Marked claim {id}"))
            }),
        }
    }

    /// Applies an edit that adds something, then selects it.
    fn insert_and_select(&mut self, build: impl FnOnce(&mut Workspace) -> (Edit, Selection, String)) {
        let Some(workspace) = self.workspace.as_mut() else { return };
        let (edit, selection, message) = build(workspace);
        match workspace.apply(edit, None) {
            Ok(()) => {
                workspace.selection = selection;
                self.info(message);
            }
            Err(error) => self.error(format!("That change was refused: {error}")),
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewProject => self.request(PendingAction::NewProject),
            UiCommand::OpenProject => self.request(PendingAction::OpenProject(None)),
            UiCommand::SaveProject => self.save(),
            UiCommand::SaveProjectAs => {
                if self.workspace.is_some() {
                    self.show_dialog(DialogPurpose::SaveAs);
                }
            }
            UiCommand::CloseProject => self.request(PendingAction::CloseProject),
            UiCommand::Quit => {
                if self.quitting {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else {
                    self.request(PendingAction::Quit);
                }
            }
            UiCommand::ImportSources => self.show_dialog(DialogPurpose::Import),
            UiCommand::ExportReport => self.export.open = self.workspace.is_some(),
            UiCommand::CompareSources => {
                self.central = self.central.toggled(CentralView::Compare, self.workspace.is_some());
            }
            UiCommand::ShowFacts => self.central = self.central.toggled(CentralView::Facts, self.workspace.is_some()),
            UiCommand::Undo | UiCommand::Redo => self.undo_or_redo(command == UiCommand::Undo),
            UiCommand::Find => {
                self.prefs.show_bottom = true;
                self.prefs.bottom_tab = BottomTab::Search;
                self.search.focus = true;
            }
            UiCommand::MarkClaim => self.with_selection(|workspace| {
                let (edit, id) = workspace.mark_claim()?;
                Ok((edit, Selection::Claim(id), format!("Marked claim {id}")))
            }),
            UiCommand::AttachEvidence(stance) => self.with_selection(|workspace| {
                let claim = workspace.selection;
                let (edit, id) = workspace.attach_evidence(stance)?;
                Ok((edit, claim, format!("Attached evidence {id} ({})", stance.label().to_lowercase())))
            }),
            UiCommand::AddToConflict => {
                let existing = match self.workspace.as_ref().map(|w| w.selection) {
                    Some(Selection::Conflict(id)) => Some(id),
                    _ => None,
                };
                self.add_to_conflict(existing);
            }
            UiCommand::DeleteSelected => {
                let edit = self.workspace.as_ref().and_then(Workspace::delete_selected);
                if let (Some(edit), Some(workspace)) = (edit, self.workspace.as_mut()) {
                    let label = edit.describe();
                    match workspace.apply(edit, None) {
                        Ok(()) => self.info(label),
                        Err(error) => self.error(format!("Cannot delete: {error}")),
                    }
                }
            }
            UiCommand::ToggleSources => self.prefs.show_sources = !self.prefs.show_sources,
            UiCommand::ToggleClaims => self.prefs.show_claims = !self.prefs.show_claims,
            UiCommand::ToggleBottom => self.prefs.show_bottom = !self.prefs.show_bottom,
            UiCommand::ToggleTheme => self.prefs.theme = self.prefs.theme.toggled(),
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let Some(workspace) = self.workspace.as_mut() else { return };
        let result = if undo { workspace.undo() } else { workspace.redo() };
        match result {
            Ok(Some(label)) => self.info(format!("{} {label}", if undo { "Undid:" } else { "Redid:" })),
            Ok(None) => {}
            Err(error) => self.error(format!("The history could not be replayed and was cleared: {error}")),
        }
    }

    /// Builds an edit from the text selection, applies it, selects the result.
    fn with_selection(&mut self, build: impl FnOnce(&mut Workspace) -> Result<(Edit, Selection, String), String>) {
        let Some(workspace) = self.workspace.as_mut() else { return };
        match build(workspace) {
            Ok((edit, selection, message)) => match workspace.apply(edit, None) {
                Ok(()) => {
                    workspace.selection = selection;
                    workspace.text_selection = None;
                    self.info(message);
                }
                Err(error) => self.error(error.to_string()),
            },
            Err(message) => self.error(message),
        }
    }

    fn add_to_conflict(&mut self, existing: Option<crate::model::ConflictId>) {
        let Some(workspace) = self.workspace.as_mut() else { return };
        match workspace.add_to_conflict(existing) {
            Ok((edit, message)) => {
                if let Some(edit) = edit
                    && let Err(error) = workspace.apply(edit, None)
                {
                    self.error(error.to_string());
                    return;
                }
                workspace.text_selection = None;
                self.info(message);
            }
            Err(message) => self.error(message),
        }
    }

    fn reveal_hit(&mut self, n: usize) {
        let Some(hit) = self.search.hits.get(n).cloned() else { return };
        self.search.current = Some(n);
        if let Some(workspace) = self.workspace.as_mut() {
            workspace.reveal(hit.source, Some((hit.start, hit.end)));
            // The found text becomes the selection, ready to be marked or attached.
            workspace.text_selection = Some(TextRange { source: hit.source, start: hit.start, end: hit.end });
        }
    }

    fn refresh_search(&mut self) {
        let Some(workspace) = &self.workspace else { return };
        // Hits depend only on the texts, which only structural edits change: rewording a
        // claim while a search is shown does not search every source again.
        let structure = workspace.history.structure();
        if self.search.computed_at != Some(structure) {
            self.search.hits = crate::search::find_all(&workspace.project, &self.search.query);
            self.search.computed_at = Some(structure);
            if self.search.current.is_some_and(|n| n >= self.search.hits.len()) {
                self.search.current = None;
            }
        }
    }
}
