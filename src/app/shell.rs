//! The main window: its panels, the order a frame runs in, and the state between frames.

use std::path::PathBuf;

use eframe::egui;

use super::actions::Actions;
use super::agreement::AgreementView;
use super::compare::CompareView;
use super::dialogs::{DialogAnswer, DialogKind, FileDialogs};
use super::document::DocumentView;
use super::export_dialog::ExportDialog;
use super::facts::FactsView;
use super::file_dialog::InAppDialog;
use super::menu;
use super::panels::{self, search::SearchState};
use super::prefs::{BottomTab, Preferences};
use super::prompts;
use super::theme::{self, Theme};
use crate::model::SourceId;
use crate::query::ClaimQuery;
use crate::session::autosave::Autosave;
use crate::session::tasks::{Task, Wake};
use crate::session::{ImportJob, Notice, PendingAction, Session, UiCommand, Workspace};
use crate::store::OriginalStatus;
use std::collections::BTreeMap;

/// How the app starts.
pub struct Launch {
    /// Project to open; `None` opens the bundled sample.
    pub project: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// How long unsaved work may wait before it is written to the recovery file.
    pub autosave_after: std::time::Duration,
}

impl Launch {
    /// Unsaved work reaches the recovery file within this time.
    pub const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_secs(30);
}

/// What the middle of the window shows: one document, sources compared, or the facts
/// of the whole project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentralView {
    Document,
    Compare,
    Facts,
}

impl CentralView {
    /// The view a command for `view` switches to: `view`, or back to the document when
    /// it is already shown (or no project is open).
    pub fn toggled(self, view: Self, open: bool) -> Self {
        if self == view || !open { Self::Document } else { view }
    }
}

pub struct CrosscheckApp {
    /// The open project and the question waiting for an answer: the rules, with no window.
    pub(super) session: Session,
    pub(super) prefs: Preferences,
    pub(super) dialogs: Box<dyn FileDialogs>,
    /// The file dialog on screen and where its answer will arrive, for [`Session::dialog`]'s purpose.
    pub(super) dialog_answer: Option<(DialogKind, Task<DialogAnswer>)>,
    /// The app's own file dialog, shown where the desktop has none.
    pub(super) in_app_dialog: Option<InAppDialog>,
    pub(super) import: Option<ImportJob>,
    /// Originals being checked against their files.
    pub(super) originals: Option<Task<BTreeMap<SourceId, OriginalStatus>>>,
    pub(super) notices: Vec<Notice>,
    pub(super) status: String,
    pub(super) search: SearchState,
    pub(super) claim_query: ClaimQuery,
    pub(super) document: DocumentView,
    pub(super) export: ExportDialog,
    pub(super) compare: CompareView,
    pub(super) capture: super::capture_dialog::CaptureDialog,
    pub(super) facts: FactsView,
    /// Judgements compared with other analysts' copies.
    pub(super) agreement: AgreementView,
    /// What the middle of the window shows.
    pub(super) central: CentralView,
    pub(super) actions: Actions,
    pub(super) autosave: Autosave,
    pub(super) was_focused: bool,
    pub(super) ctx: egui::Context,
    title: String,
    applied_theme: Option<Theme>,
}

impl CrosscheckApp {
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let prefs: Preferences =
            cc.storage.and_then(|storage| eframe::get_value(storage, Preferences::STORAGE_KEY)).unwrap_or_default();
        let ctx = cc.egui_ctx.clone();
        let mut app = Self {
            session: Session::new(std::sync::Arc::new(move || ctx.request_repaint())),
            prefs,
            dialogs: launch.dialogs,
            dialog_answer: None,
            in_app_dialog: None,
            import: None,
            originals: None,
            notices: Vec::new(),
            status: String::new(),
            search: SearchState::default(),
            claim_query: ClaimQuery::default(),
            document: DocumentView::default(),
            export: ExportDialog::default(),
            compare: CompareView::default(),
            capture: super::capture_dialog::CaptureDialog::default(),
            facts: FactsView::default(),
            agreement: AgreementView::default(),
            central: CentralView::Document,
            actions: Actions::default(),
            autosave: Autosave::new(launch.autosave_after),
            was_focused: true,
            ctx: cc.egui_ctx.clone(),
            title: String::new(),
            applied_theme: None,
        };
        match launch.project.map_or_else(crate::sample::locate_sample, Ok) {
            Ok(path) => app.request(crate::session::Request::Guarded(PendingAction::OpenProject(Some(path)))),
            Err(error) => app.error(format!("Cannot find or unpack the sample project: {error}")),
        }
        app
    }

    /// The open project, if any.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.session.workspace()
    }

    /// The action waiting for an answer to the unsaved-changes prompt.
    pub fn pending_guard(&self) -> Option<&PendingAction> {
        self.session.pending_guard()
    }

    /// Whether the app has decided to close its window.
    pub fn is_quitting(&self) -> bool {
        self.session.is_quitting()
    }

    /// The first line of the shown source that is on screen.
    pub fn document_top_line(&self) -> Option<usize> {
        self.document.top_line()
    }

    /// Whether the recovery file is being written right now.
    pub fn is_autosaving(&self) -> bool {
        self.autosave.is_writing()
    }

    /// The history generation held by the last recovery file that finished writing.
    pub fn autosaved_generation(&self) -> Option<u64> {
        self.autosave.completed_generation()
    }

    /// Whether a project file is being read right now.
    pub fn is_opening(&self) -> bool {
        self.session.is_opening()
    }

    /// Whether the project is being written to its file right now.
    pub fn is_saving(&self) -> bool {
        self.session.is_saving()
    }

    /// Whether the originals are being read and compared with their files right now.
    pub fn is_checking_originals(&self) -> bool {
        self.originals.is_some()
    }

    /// How many results the last search across all sources found.
    pub fn search_hit_count(&self) -> usize {
        self.search.hits.len()
    }

    /// Error and information messages on screen.
    pub fn notices(&self) -> Vec<String> {
        self.notices.iter().map(|notice| notice.text.clone()).collect()
    }

    /// Wakes this window from a worker thread: what the worker sent is drawn next frame.
    pub(super) fn wake(&self) -> Wake {
        let ctx = self.ctx.clone();
        std::sync::Arc::new(move || ctx.request_repaint())
    }

    /// Writes the recovery file when it is due, and wakes the window when the next one is.
    fn tick_autosave(&mut self, ctx: &egui::Context) {
        // Quitting discarded the recovery file on purpose (or saved the work); writing it
        // again while the window closes, or letting a write under way land, would offer
        // that work next time.
        if self.session.is_quitting() {
            self.autosave.reset();
            return;
        }
        let Some(workspace) = self.session.workspace() else { return };
        let (failure, due_in) = self.autosave.tick(workspace, &self.wake());
        if let Some(message) = failure {
            self.notices.push(Notice::error(message));
        }
        if let Some(due_in) = due_in {
            ctx.request_repaint_after(due_in);
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.prefs.theme) {
            theme::apply(ctx, self.prefs.theme);
            self.applied_theme = Some(self.prefs.theme);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.session.workspace() {
            Some(workspace) => {
                let mark = if workspace.history.has_unsaved_changes() { "• " } else { "" };
                format!("{mark}{} — Crosscheck", workspace.display_name())
            }
            None => "Crosscheck".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn draw_panels(&mut self, ui: &mut egui::Ui) {
        let Self { session, prefs, actions, document, search, claim_query, compare, facts, central, .. } = self;
        let Some(workspace) = session.workspace() else {
            egui::CentralPanel::default().show(ui, |ui| prompts::welcome(ui, &prefs.recent, actions));
            return;
        };
        if prefs.show_sources {
            egui::Panel::left("sources panel").resizable(true).default_size(250.0).min_size(160.0).show(ui, |ui| {
                panels::sources::show(ui, workspace, actions);
            });
        }
        if prefs.show_claims {
            egui::Panel::right("claims panel").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
                egui::Panel::top("claims list panel").resizable(true).default_size(300.0).min_size(120.0).show(
                    ui,
                    |ui| {
                        panels::claims::show(ui, workspace, claim_query, actions);
                    },
                );
                egui::CentralPanel::default().show(ui, |ui| panels::inspector::show(ui, workspace, actions));
            });
        }
        if prefs.show_bottom {
            // egui draws a bottom panel's separator across the whole window, over the claims
            // panel beside it; this one draws its own, along its own width.
            egui::Panel::bottom("board panel")
                .show_separator_line(false)
                .resizable(true)
                .default_size(190.0)
                .min_size(90.0)
                .show(ui, |ui| {
                    // The panel's own painter clips to its content; the line sits in its margin.
                    let top = ui.max_rect();
                    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
                    ui.ctx().layer_painter(ui.layer_id()).hline(top.x_range(), top.top() - 2.0, stroke);
                    ui.horizontal(|ui| {
                        let open = workspace.index().open_conflicts();
                        ui.selectable_value(
                            &mut prefs.bottom_tab,
                            BottomTab::Conflicts,
                            format!("Conflicts ({open} open)"),
                        );
                        ui.selectable_value(
                            &mut prefs.bottom_tab,
                            BottomTab::Search,
                            format!("Search ({})", search.hits.len()),
                        );
                    });
                    ui.separator();
                    match prefs.bottom_tab {
                        BottomTab::Conflicts => panels::conflicts::show(ui, workspace, actions),
                        BottomTab::Search => panels::search::show(ui, &workspace.project, search, actions),
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(central, CentralView::Document, "Document");
                ui.selectable_value(central, CentralView::Compare, UiCommand::CompareSources.label())
                    .on_hover_text(UiCommand::CompareSources.tooltip());
                ui.selectable_value(central, CentralView::Facts, UiCommand::ShowFacts.label())
                    .on_hover_text(UiCommand::ShowFacts.tooltip());
            });
            match central {
                CentralView::Document => document.show(ui, session, &search.hits, actions),
                CentralView::Compare => compare.show(ui, workspace, actions),
                CentralView::Facts => facts.show(ui, workspace, actions),
            }
        });
    }
}

impl eframe::App for CrosscheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.poll_background(&ctx);
        self.handle_close_request(&ctx);
        self.check_disk_on_focus(&ctx);
        self.handle_shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_pasted_addresses(&ctx);

        egui::Panel::top("menu bar").show(ui, |ui| menu::show(ui, &self.session, &self.prefs, &mut self.actions));
        egui::Panel::bottom("status bar").show(ui, |ui| {
            prompts::status_bar(ui, &self.session, self.import.as_ref(), &self.status, &mut self.actions);
        });
        self.draw_panels(ui);
        if let Some(workspace) = self.session.workspace() {
            self.export.show(&ctx, workspace, &mut self.actions);
            super::merge_conflicts::show(&ctx, workspace, &mut self.actions);
            self.agreement.show(&ctx, &mut self.actions);
        }
        self.capture.show(&ctx, &mut self.actions);
        prompts::show(&ctx, &self.session, &mut self.actions);
        self.show_in_app_dialog(&ctx);
        prompts::notices(&ctx, &self.notices, &mut self.actions);

        self.run_actions(&ctx);
        self.tick_autosave(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Preferences::STORAGE_KEY, &self.prefs);
    }
}
