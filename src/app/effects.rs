//! Between the window and the session: window events (close button, focus, shortcuts,
//! dropped files, dialog answers) become [`Request`]s, and the [`Effect`]s the session
//! returns are carried out here, the only place that does.

use std::path::PathBuf;

use eframe::egui;

use super::actions::Action;
use super::agreement::AgreementView;
use super::commands::keyboard_shortcut;
use super::compare::CompareView;
use super::dialogs::{DialogAnswer, DialogKind};
use super::facts::FactsView;
use super::file_dialog::InAppDialog;
use super::panels::search::SearchState;
use super::shell::CrosscheckApp;
use crate::session::{DialogPurpose, Effect, Notice, Request, UiCommand, Workspace};

impl CrosscheckApp {
    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.notices.push(Notice::error(text));
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.status = text.into();
    }

    /// Asks the session, then does what it says.
    pub(super) fn request(&mut self, request: Request) {
        let effects = self.session.handle(request);
        for effect in effects {
            self.carry_out(effect);
        }
    }

    pub(super) fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::ShowDialog(purpose) => self.show_dialog(&purpose),
            Effect::Notice(notice) => self.notices.push(notice),
            Effect::Status(text) => self.info(text),
            Effect::RememberRecent(path) => self.prefs.remember(&path),
            Effect::ForgetRecent(path) => self.prefs.forget(&path),
            Effect::ProjectReplaced => {
                self.autosave.reset();
                // Work on the previous project says nothing about this one: dropping it
                // cancels a comparison or facts table still running and frees its results.
                self.originals = None;
                self.compare = CompareView::default();
                self.facts = FactsView::default();
                self.agreement = AgreementView::default();
                self.search.computed_at = None;
                if self.session.workspace().is_none() {
                    self.search = SearchState::default();
                }
            }
            Effect::Saved => self.autosave.reset(),
            Effect::CloseWindow => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Effect::KeepWindowOpen => self.ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose),
            Effect::Import { files, replaces } => self.start_import(files, replaces),
            Effect::SaveReport(path) => {
                if let Some(workspace) = self.session.workspace() {
                    self.export.save_to(&workspace.project, path, &self.ctx);
                }
            }
            Effect::CheckOriginals => self.check_originals(),
            Effect::CompareJudgements(files) => self.start_agreement(files),
            Effect::SaveAgreement(path, format) => self.save_agreement(&path, format),
        }
    }

    fn show_dialog(&mut self, purpose: &DialogPurpose) {
        let workspace = self.session.workspace();
        let kind = match purpose {
            DialogPurpose::Open => DialogKind::OpenProject,
            DialogPurpose::Import => DialogKind::ImportSources,
            DialogPurpose::Relink(_) => DialogKind::FindOriginal,
            DialogPurpose::RelinkFolder => DialogKind::FindOriginalsFolder,
            DialogPurpose::CompareJudgements => DialogKind::CompareProjects,
            DialogPurpose::SaveAgreement(format) => DialogKind::SaveReport {
                suggested_name: format!(
                    "{}-agreement.{}",
                    workspace.map_or_else(|| "project".to_owned(), Workspace::display_name),
                    format.extension()
                ),
                extension: format.extension(),
            },
            DialogPurpose::SaveReport => DialogKind::SaveReport {
                suggested_name: workspace.map_or_else(String::new, |w| self.export.suggested_name(w)),
                extension: self.export.format.extension(),
            },
            DialogPurpose::SaveAs { .. } => DialogKind::SaveProjectAs {
                suggested_name: format!(
                    "{}.ron",
                    workspace.map_or_else(|| "project".to_owned(), Workspace::display_name)
                ),
            },
        };
        let wake = self.wake();
        self.dialog_answer = Some((kind.clone(), self.dialogs.show(kind, wake)));
    }

    /// Hands the file dialog's answer, once it arrives, to the session.
    pub(super) fn poll_dialog(&mut self) {
        let Some((kind, task)) = self.dialog_answer.as_mut() else { return };
        let paths = match task.take() {
            Some(DialogAnswer::Chosen(paths)) => paths,
            Some(DialogAnswer::NoDialog(why)) => {
                let kind = kind.clone();
                let folder = self.start_folder();
                self.in_app_dialog = Some(InAppDialog::new(kind, why, folder));
                self.dialog_answer = None;
                return;
            }
            None if task.is_finished() => Vec::new(),
            // Still open.
            None => return,
        };
        self.dialog_answer = None;
        self.request(Request::DialogAnswered(paths));
    }

    /// Where the in-app dialog starts: the project's folder, else the home folder.
    fn start_folder(&self) -> PathBuf {
        let project = self.session.workspace().and_then(Workspace::folder).map(std::path::Path::to_owned);
        project
            .or_else(|| directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned()))
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Draws the in-app file dialog, if one is open, and hands its answer to the session.
    pub(super) fn show_in_app_dialog(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.in_app_dialog.as_mut() else { return };
        let recent: Vec<PathBuf> =
            self.prefs.recent.iter().filter_map(|p| p.parent().map(std::path::Path::to_owned)).collect();
        if let Some(paths) = dialog.show(ctx, &recent) {
            self.in_app_dialog = None;
            self.request(Request::DialogAnswered(paths));
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            self.request(Request::CloseWindow);
        }
    }

    /// Coming back to the window is when a `git pull` or another instance may have changed
    /// the project file; look then, not on a timer, so an idle app stays idle.
    pub(super) fn check_disk_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused && !self.was_focused {
            self.request(Request::FocusRegained);
        }
        self.was_focused = focused;
    }

    /// Runs the command whose shortcut was pressed, if it applies now; while a question is
    /// on screen none does (Ctrl+Q under "Recover unsaved work?" would delete its file).
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.in_app_dialog.is_some() {
            // Keys belong to the dialog's file name field.
            return;
        }
        for command in UiCommand::ALL {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&keyboard_shortcut(shortcut)))
            {
                match command.available(&self.session) {
                    Ok(()) => self.actions.command(command),
                    Err(reason) => self.info(reason.explain()),
                }
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
}
