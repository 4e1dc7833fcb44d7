//! The export dialog: choose a format and what goes in, see the report as it will be
//! written, save it through a native dialog, optionally open it.
//!
//! Rendering runs on a worker ([`Task`]) with progress and Cancel, through the same
//! [`crate::export::render`] the command line uses, so both give the same bytes. The
//! preview is those bytes read back ([`crate::export::preview`], on the same thread) and
//! drawn as a document: the HTML and Markdown reports show as headings, lists and quotes,
//! not as their source.

mod preview;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, RichText};

use super::actions::{Action, Actions};
use crate::edit::{Edit, ProjectChange};
use crate::export::preview::Preview;
use crate::export::{ExportOptions, Format, Rendered, render};
use crate::model::Project;
use crate::session::Workspace;
use crate::session::tasks::Task;

/// What a finished render is for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Purpose {
    Preview,
    Save(PathBuf),
}

/// A render running on a worker thread.
struct Job {
    purpose: Purpose,
    task: Task<Result<(Rendered, Option<Preview>), String>>,
}

/// State of the export dialog.
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub options: ExportOptions,
    pub open_when_saved: bool,
    preview: Option<Preview>,
    /// Generation of the project and options the preview shows.
    preview_of: Option<(u64, Format, ExportOptions)>,
    job: Option<Job>,
    pub message: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Html,
            // The command line dates reports today (UTC) by default; so does the app.
            options: ExportOptions { published: crate::export::today_utc(), ..ExportOptions::default() },
            open_when_saved: false,
            preview: None,
            preview_of: None,
            job: None,
            message: None,
        }
    }
}

impl ExportDialog {
    /// Starts rendering `project` on a worker thread, cancelling a render under way.
    fn start(&mut self, project: &Project, purpose: Purpose, ctx: &egui::Context) {
        self.job = None;
        let project = project.clone();
        let (format, options) = (self.format, self.options.clone());
        let wants_preview = purpose == Purpose::Preview;
        let ctx = ctx.clone();
        let spawned = Task::spawn("export", Arc::new(move || ctx.request_repaint()), move |worker| {
            worker.set_total(project.claims.len());
            let progress = |p: crate::export::Progress| worker.set_done(p.done);
            let rendered = render(&project, format, &options, &progress, worker.cancel_flag()).map(|rendered| {
                let preview = wants_preview.then(|| crate::export::preview::preview(format, &rendered.report));
                (rendered, preview)
            });
            worker.send(rendered.map_err(|e| e.to_string()));
        });
        match spawned {
            Ok(task) => self.job = Some(Job { purpose, task }),
            Err(error) => self.message = Some(format!("Cannot start the export: {error}")),
        }
    }

    /// Checks on a running render; returns a finished save's path and bytes.
    pub fn poll(&mut self, workspace: &Workspace, ctx: &egui::Context) -> Option<(PathBuf, Rendered)> {
        let key = (workspace.history.generation(), self.format, self.options.clone());
        if self.open && self.job.is_none() && self.preview_of.as_ref() != Some(&key) {
            self.preview_of = Some(key);
            self.start(&workspace.project, Purpose::Preview, ctx);
        }
        let job = self.job.as_mut()?;
        let outcome = match job.task.take() {
            Some(outcome) => outcome,
            None if job.task.is_finished() => Err("the export stopped unexpectedly".to_owned()),
            None => return None,
        };
        let purpose = job.purpose.clone();
        self.job = None;
        match (purpose, outcome) {
            (Purpose::Preview, Ok((_, preview))) => {
                self.preview = preview;
                self.message = None;
                None
            }
            (Purpose::Save(path), Ok((rendered, _))) => Some((path, rendered)),
            (_, Err(message)) => {
                self.preview = None;
                self.message = Some(message);
                None
            }
        }
    }

    /// Renders the report for saving at `path`.
    pub fn save_to(&mut self, project: &Project, path: PathBuf, ctx: &egui::Context) {
        self.start(project, Purpose::Save(path), ctx);
    }

    pub fn suggested_name(&self, workspace: &Workspace) -> String {
        format!("{}-report.{}", workspace.display_name(), self.format.extension())
    }

    pub fn show(&mut self, ctx: &egui::Context, workspace: &Workspace, actions: &mut Actions) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Export report").open(&mut open).default_size([900.0, 640.0]).resizable(true).show(
            ctx,
            |ui| {
                egui::Panel::left("export options").resizable(false).exact_size(300.0).show(ui, |ui| {
                    self.save_ui(ui, workspace, actions);
                    egui::ScrollArea::vertical()
                        .id_salt("export options scroll")
                        .show(ui, |ui| self.options_ui(ui, workspace, actions));
                });
                egui::CentralPanel::default().show(ui, |ui| self.preview_ui(ui));
            },
        );
        self.open = open;
    }

    fn options_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
        // HTML reports crop passages read by OCR from the pictures in the project's folder.
        let pictures = workspace.folder().map(std::path::Path::to_owned);
        if self.options.pictures != pictures {
            self.options.pictures = pictures;
        }
        let project = &workspace.project;
        ui.label(RichText::new("Format").strong());
        for format in Format::ALL {
            ui.radio_value(&mut self.format, format, format.label());
        }
        ui.separator();
        ui.label(RichText::new("Claims").strong());
        ui.weak("Tick verdicts or tags to export only those; none ticked exports all.");
        ui.horizontal_wrapped(|ui| {
            for level in &project.scale.levels {
                let mut on = self.options.verdicts.contains(&level.label);
                if ui.checkbox(&mut on, &level.label).changed() {
                    toggle(&mut self.options.verdicts, &level.label, on);
                }
            }
        });
        let tags = crate::query::all_tags(project);
        if !tags.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for tag in &tags {
                    let mut on = self.options.tags.contains(tag);
                    if ui.checkbox(&mut on, format!("#{tag}")).changed() {
                        toggle(&mut self.options.tags, tag, on);
                    }
                }
            });
        }
        ui.separator();
        ui.label(RichText::new("Include").strong());
        ui.checkbox(&mut self.options.open_conflicts, "Open conflicts");
        ui.checkbox(&mut self.options.notes, "Notes");
        ui.checkbox(&mut self.options.quotes, "Evidence quotes");
        if self.format == Format::Csv {
            ui.checkbox(&mut self.options.evidence_rows, "Evidence table (a second CSV file)");
        }
        ui.separator();
        ui.label(RichText::new("Report").strong());
        let info = &project.info;
        let fields: [(&str, &str, InfoField); 3] = [
            ("Report title", &info.title, |i| &mut i.title),
            ("Organisation", &info.organisation, |i| &mut i.organisation),
            ("Published at (URL)", &info.url, |i| &mut i.url),
        ];
        for (label, value, field) in fields {
            super::panels::text_field(ui, label, value, false, format!("report {label}"), actions, |v| {
                let mut changed = info.clone();
                *field(&mut changed) = v;
                Edit::SetProject(ProjectChange::Info(changed))
            });
        }
        // Said before saving, not after: what this format needs, and what it will leave out.
        let palette = super::theme::Palette::current(ui.ctx());
        for need in crate::export::unmet(project, self.format) {
            ui.colored_label(palette.error, format!("! Cannot save: {need}"));
        }
        for warning in crate::export::warnings(project, self.format) {
            ui.colored_label(palette.warning, format!("! {warning}"));
        }
        if self.format == Format::Html {
            ui.weak("For a PDF, open the saved report in a browser and print it: each claim starts a new page.");
        }
    }

    /// The primary action, kept in view above the scrolling options.
    fn save_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
        ui.horizontal(|ui| {
            let busy = self.job.as_ref().is_some_and(|job| matches!(job.purpose, Purpose::Save(_)));
            let unmet = !crate::export::unmet(&workspace.project, self.format).is_empty();
            if ui.add_enabled(!busy && !unmet, egui::Button::new("Save report…")).clicked() {
                actions.push(Action::SaveReport);
            }
            ui.checkbox(&mut self.open_when_saved, "Open when saved");
        });
        ui.separator();
    }

    fn preview_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(job) = &self.job {
            ui.horizontal(|ui| {
                let progress = job.task.progress();
                let what = if matches!(job.purpose, Purpose::Save(_)) { "Writing" } else { "Preparing preview" };
                ui.add(
                    egui::ProgressBar::new(progress.fraction())
                        .desired_width(220.0)
                        .text(format!("{what}: {} of {} claims", progress.done, progress.total)),
                );
                if ui.button("Cancel export").clicked() {
                    job.task.cancel();
                }
            });
        }
        if let Some(message) = &self.message {
            ui.colored_label(super::theme::Palette::current(ui.ctx()).warning, message);
        }
        ui.label(RichText::new(format!("Preview: {}", self.format.label())).strong());
        egui::ScrollArea::vertical().id_salt("export preview").auto_shrink(false).show(ui, |ui| {
            if let Some(preview) = &self.preview {
                preview::show(ui, preview);
            }
        });
    }
}

/// Picks one field of the project's report settings.
type InfoField = fn(&mut crate::model::ProjectInfo) -> &mut String;

fn toggle(set: &mut std::collections::BTreeSet<String>, value: &str, on: bool) {
    if on {
        set.insert(value.to_owned());
    } else {
        set.remove(value);
    }
}

/// Writes a rendered report (and its evidence table, for CSV) beside each other,
/// atomically; returns the files written or a message naming the one that failed.
pub fn write_report(
    project: Option<&std::path::Path>,
    path: &std::path::Path,
    rendered: &Rendered,
) -> Result<Vec<String>, String> {
    let refused = |refused| format!("The report was not saved: {refused}.");
    crate::export::check_destination(project, path).map_err(refused)?;
    let evidence = rendered.evidence_csv.as_ref().map(|table| (evidence_table_path(path), table));
    if let Some((evidence_path, _)) = &evidence {
        crate::export::check_destination(project, evidence_path).map_err(refused)?;
    }
    let mut written = Vec::new();
    crate::store::replace_atomically(path, &rendered.report)
        .map_err(|error| format!("Cannot write the report to {}: {error}", path.display()))?;
    written.push(path.display().to_string());
    if let Some((evidence_path, table)) = evidence {
        crate::store::replace_atomically(&evidence_path, table)
            .map_err(|error| format!("Cannot write the evidence table to {}: {error}", evidence_path.display()))?;
        written.push(evidence_path.display().to_string());
    }
    Ok(written)
}

/// `report.csv` → `report-evidence.csv`.
pub fn evidence_table_path(path: &std::path::Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{stem}-evidence.csv"))
}
