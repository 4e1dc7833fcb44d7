//! Carrying out what the panels and menus asked for this frame: each [`Action`] and
//! [`UiCommand`], after every panel has drawn. Life-cycle requests go to the session
//! ([`super::effects`]); edits to the session's [`editing`], as undoable edits.

use eframe::egui;

use super::actions::Action;
use super::prefs::BottomTab;
use super::shell::{CentralView, CrosscheckApp};
use crate::session::{Effect, PendingAction, Request, Selection, UiCommand, Workspace, editing};

impl CrosscheckApp {
    /// Carries out the actions the panels pushed this frame.
    pub(super) fn run_actions(&mut self, ctx: &egui::Context) {
        // This frame has drawn the scroll requested last frame.
        if let Some(workspace) = self.session.workspace.as_mut() {
            workspace.reveal = None;
        }
        let actions = self.actions.take();
        if !actions.is_empty() {
            // What the actions changed is drawn on the next frame.
            ctx.request_repaint();
        }
        for action in actions {
            self.run_action(action);
        }
        self.refresh_search();
    }

    fn run_action(&mut self, action: Action) {
        // While a question is on screen, nothing but its answer changes anything: a file
        // dropped on the window under "Recover unsaved work?" would be imported into the
        // project the answer is about to replace.
        let answering = matches!(
            action,
            Action::Request(_) | Action::DismissNotice(_) | Action::CancelImport | Action::CancelAgreement
        );
        if self.session.prompt().is_some() && !answering {
            return;
        }
        match action {
            Action::Command(command) => self.run_command(command),
            Action::Edit { edit, merge } => {
                let Some(workspace) = self.session.workspace.as_mut() else { return };
                if let Err(error) = workspace.apply(edit, merge) {
                    self.error(format!("That change was refused: {error}"));
                }
            }
            Action::Seal => {
                if let Some(workspace) = self.session.workspace.as_mut() {
                    workspace.history.seal();
                }
            }
            Action::Select(selection) => {
                self.central = CentralView::Document;
                if let Some(workspace) = self.session.workspace.as_mut() {
                    workspace.history.seal();
                    workspace.selection = selection;
                    if !matches!(selection, Selection::Source(_)) {
                        workspace.reveal_selection();
                    }
                }
            }
            Action::Reveal { source, range } => {
                self.central = CentralView::Document;
                if let Some(workspace) = self.session.workspace.as_mut() {
                    workspace.reveal(source, range);
                }
            }
            Action::SelectText(range) => {
                if let Some(workspace) = self.session.workspace.as_mut() {
                    workspace.text_selection = range;
                }
            }
            Action::AddToConflict(existing) => self.edit_with(|w| editing::add_to_conflict(w, existing)),
            Action::DiscardConflictDraft => {
                if let Some(workspace) = self.session.workspace.as_mut() {
                    workspace.conflict_draft = None;
                }
            }
            Action::OpenProject(path) => self.request(Request::Guarded(PendingAction::OpenProject(Some(path)))),
            Action::OpenSample => match crate::sample::locate_sample() {
                Ok(path) => self.request(Request::Guarded(PendingAction::OpenProject(Some(path)))),
                Err(error) => self.error(format!("Cannot find or unpack the sample project: {error}")),
            },
            Action::ImportFiles(paths) => self.start_import(paths, std::collections::BTreeMap::new()),
            Action::Reimport(id) => self.start_reimport(id),
            Action::Relink(id) => self.request(Request::Relink(id)),
            Action::RelinkFolder => self.request(Request::RelinkFolder),
            Action::Request(request) => self.request(request),
            Action::CancelImport => self.cancel_import(),
            Action::CaptureUrls(urls) => self.start_capture(urls, None),
            Action::CaptureAgain(id) => self.start_capture(Vec::new(), Some(id)),
            Action::Search(query) => {
                self.search.query = query;
                self.search.computed_at = None;
                self.search.current = None;
            }
            Action::NextHit { backwards } => {
                self.wait_for_search();
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
            Action::SaveReport => self.request(Request::SaveReport),
            Action::FlagDiscrepancy(conflict) => self.edit_with(|w| editing::flag_discrepancy(w, conflict)),
            Action::AcceptSuggestion(claim) => self.edit_with(|w| editing::accept_suggestion(w, claim)),
            Action::CancelAgreement => self.cancel_agreement(),
        }
    }

    /// Runs an edit of the workspace, if a project is open, and carries out what it says.
    fn edit_with(&mut self, edit: impl FnOnce(&mut Workspace) -> Vec<Effect>) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        for effect in edit(workspace) {
            self.carry_out(effect);
        }
    }

    /// Runs `command` if it applies now (a button drawn a frame earlier may be stale).
    fn run_command(&mut self, command: UiCommand) {
        if let Err(reason) = command.available(&self.session) {
            self.info(reason.explain());
            return;
        }
        match command {
            UiCommand::NewProject => self.request(Request::Guarded(PendingAction::NewProject)),
            UiCommand::OpenProject => self.request(Request::Guarded(PendingAction::OpenProject(None))),
            UiCommand::SaveProject => self.request(Request::Save),
            UiCommand::SaveProjectAs => self.request(Request::SaveAs),
            UiCommand::CloseProject => self.request(Request::Guarded(PendingAction::CloseProject)),
            UiCommand::Quit => self.request(Request::Guarded(PendingAction::Quit)),
            UiCommand::ImportSources => self.request(Request::Import),
            UiCommand::CaptureFromWeb => {
                self.capture.open = true;
                self.capture.focus = true;
            }
            UiCommand::ExportReport => self.export.open = self.session.workspace().is_some(),
            UiCommand::CompareJudgements => self.request(Request::CompareJudgements),
            UiCommand::CompareSources => {
                self.central = self.central.toggled(CentralView::Compare, self.session.workspace().is_some());
            }
            UiCommand::ShowFacts => {
                self.central = self.central.toggled(CentralView::Facts, self.session.workspace().is_some());
            }
            UiCommand::Find => {
                self.prefs.show_bottom = true;
                self.prefs.bottom_tab = BottomTab::Search;
                self.search.focus = true;
            }
            UiCommand::Undo
            | UiCommand::Redo
            | UiCommand::MarkClaim
            | UiCommand::AttachEvidence(_)
            | UiCommand::AddToConflict
            | UiCommand::DeleteSelected => self.edit_with(|w| editing::run(w, command)),
            UiCommand::ToggleSources => self.prefs.show_sources = !self.prefs.show_sources,
            UiCommand::ToggleClaims => self.prefs.show_claims = !self.prefs.show_claims,
            UiCommand::ToggleBottom => self.prefs.show_bottom = !self.prefs.show_bottom,
            UiCommand::ToggleTheme => self.prefs.theme = self.prefs.theme.toggled(),
        }
    }
}
