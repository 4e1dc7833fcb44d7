//! The facts view: every person, organisation, place, agency, number and date the
//! project's sources state, which sources state it, and the disagreements that show
//! only across whole documents, each with Make conflict / Not a problem / Show passage.
//!
//! The table is built on a worker thread for the project as it stands; an edit makes
//! it stale and a new one is started, the old one cancelled.

use std::sync::Arc;

use eframe::egui::{self, RichText};

use super::actions::{Action, Actions};
use super::compare::flag_or_dismiss;
use super::panels::one_line;
use super::theme::Palette;
use crate::analysis::facts::table::{self, FactConflict, FactKind, FactsTable};
use crate::model::{Anchor, SourceId};
use crate::session::Workspace;
use crate::session::tasks::Task;

/// A table being built, and the project state it is for.
type Running = (u64, Task<Result<FactsTable, String>>);

/// Kinds in the order the table lists them.
const KINDS: [FactKind; 6] =
    [FactKind::Person, FactKind::Organisation, FactKind::Place, FactKind::Agency, FactKind::Number, FactKind::Date];

#[derive(Default)]
pub struct FactsView {
    result: Option<(u64, Arc<FactsTable>)>,
    running: Option<Running>,
    error: Option<String>,
    /// Only facts some source states and another does not.
    only_partial: bool,
    /// Kinds hidden from the table.
    hidden: Vec<FactKind>,
    filter: String,
    /// The facts shown for the table and filters they were chosen with: worked out
    /// when either changes, not every frame (a project can state 100,000 facts).
    shown: Option<(ShownKey, Arc<Vec<usize>>)>,
}

/// What the shown facts depend on: the table (by its project state) and the filters.
#[derive(Clone, PartialEq)]
struct ShownKey {
    generation: u64,
    hidden: Vec<FactKind>,
    only_partial: bool,
    filter: String,
}

impl FactsView {
    fn refresh(&mut self, workspace: &Workspace, ctx: &egui::Context) {
        let generation = workspace.history.generation();
        if let Some((at, task)) = self.running.as_mut() {
            if let Some(outcome) = task.take() {
                match outcome {
                    Ok(table) => {
                        self.result = Some((*at, Arc::new(table)));
                        self.error = None;
                    }
                    Err(message) => self.error = Some(message),
                }
                self.running = None;
            } else if *at != generation || task.is_finished() {
                // Stale: dropping the task cancels it.
                self.running = None;
            }
        }
        let current = self.result.as_ref().is_some_and(|(at, _)| *at == generation);
        if current || self.running.is_some() {
            return;
        }
        let project = workspace.project.clone();
        let ctx = ctx.clone();
        let spawned = Task::spawn("facts", Arc::new(move || ctx.request_repaint()), move |worker| {
            let sources: Vec<(SourceId, &str)> = project.sources.iter().map(|(&id, s)| (id, s.text())).collect();
            let outcome =
                table::build(&sources, worker.cancel_flag()).map_err(|_| "Reading the facts was cancelled".to_owned());
            worker.send(outcome);
        });
        match spawned {
            Ok(task) => self.running = Some((generation, task)),
            Err(error) => self.error = Some(format!("Cannot start reading the facts: {error}")),
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
        self.refresh(workspace, ui.ctx());
        if let Some(error) = &self.error {
            ui.colored_label(Palette::current(ui.ctx()).error, error);
        }
        let Some((_, table)) = self.result.clone() else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the facts…");
            });
            return;
        };
        if workspace.project.sources.is_empty() {
            ui.weak("Import sources to see the facts they state.");
            return;
        }
        egui::Panel::right("fact conflicts").resizable(true).default_size(380.0).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("fact conflicts").auto_shrink(false).show(ui, |ui| {
                conflict_list(ui, workspace, &table, actions);
            });
        });
        egui::CentralPanel::default().show(ui, |ui| self.fact_table(ui, workspace, &table, actions));
    }

    fn controls(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            for kind in KINDS {
                let mut shown = !self.hidden.contains(&kind);
                if ui.checkbox(&mut shown, kind.plural()).changed() {
                    self.hidden.retain(|k| *k != kind);
                    if !shown {
                        self.hidden.push(kind);
                    }
                }
            }
            ui.separator();
            ui.checkbox(&mut self.only_partial, "Only where sources differ")
                .on_hover_text("Show only facts that some sources state and others do not");
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("Filter facts").desired_width(160.0));
        });
    }

    /// Indices of the facts the filters let through, recomputed only when they change.
    fn shown(&mut self, workspace: &Workspace, table: &FactsTable) -> Arc<Vec<usize>> {
        let generation = self.result.as_ref().map_or(0, |(at, _)| *at);
        let key = ShownKey {
            generation,
            hidden: self.hidden.clone(),
            only_partial: self.only_partial,
            filter: self.filter.to_lowercase(),
        };
        if let Some((cached, shown)) = &self.shown
            && *cached == key
        {
            return shown.clone();
        }
        let sources = workspace.project.sources.len();
        let shown: Vec<usize> = table
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| !key.hidden.contains(&f.kind))
            .filter(|(_, f)| !key.only_partial || f.sources().len() < sources)
            .filter(|(_, f)| key.filter.is_empty() || f.label.to_lowercase().contains(&key.filter))
            .map(|(index, _)| index)
            .collect();
        let shown = Arc::new(shown);
        self.shown = Some((key, shown.clone()));
        shown
    }

    fn fact_table(&mut self, ui: &mut egui::Ui, workspace: &Workspace, table: &FactsTable, actions: &mut Actions) {
        self.controls(ui);
        ui.separator();
        let shown = self.shown(workspace, table);
        ui.label(format!("{} of {} facts", shown.len(), table.facts.len()));
        let palette = Palette::current(ui.ctx());
        let row_height = ui.spacing().interact_size.y + 4.0;
        egui::ScrollArea::vertical().id_salt("facts").auto_shrink(false).show_rows(
            ui,
            row_height,
            shown.len(),
            |ui, rows| {
                for &index in &shown[rows] {
                    let Some(fact) = table.facts.get(index) else { continue };
                    ui.horizontal(|ui| {
                        ui.add_sized(
                            [96.0, row_height - 4.0],
                            egui::Label::new(RichText::new(fact.kind.label()).weak()),
                        );
                        // The button first, so a long label never pushes it out of view.
                        if let Some(first) = fact.mentions.first()
                            && ui.small_button("Show passage").on_hover_text("Open the source at this fact").clicked()
                        {
                            reveal(actions, first);
                        }
                        let disputed = table.conflicts_of(index).next().is_some();
                        let label = RichText::new(one_line(&fact.label, 60));
                        ui.label(if disputed { label.strong().color(palette.warning) } else { label });
                        let ids: Vec<String> = fact.sources().iter().map(ToString::to_string).collect();
                        ui.weak(format!("in {} ({}×)", ids.join(", "), fact.mentions.len()));
                    });
                }
            },
        );
    }
}

fn reveal(actions: &mut Actions, anchor: &Anchor) {
    actions.push(Action::Reveal { source: anchor.source, range: Some((anchor.start, anchor.end)) });
}

/// Whole-document disagreements the analyst has not set aside.
fn conflict_list(ui: &mut egui::Ui, workspace: &Workspace, table: &FactsTable, actions: &mut Actions) {
    let project = &workspace.project;
    let open: Vec<&FactConflict> =
        table.conflicts.iter().filter(|c| !project.dismissed.contains(&c.fingerprint)).collect();
    let dismissed = table.conflicts.len() - open.len();
    ui.heading(format!("Disagreements ({})", open.len()));
    if dismissed > 0 {
        ui.weak(format!("{dismissed} marked as not a problem"));
    }
    if open.is_empty() {
        ui.weak("No source names a person, credits an agency or states a fact the others contradict.");
    }
    let palette = Palette::current(ui.ctx());
    for conflict in open {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(conflict.kind.label()).strong().color(palette.warning));
            ui.label(&conflict.summary);
            for passage in &conflict.passages {
                ui.horizontal(|ui| {
                    ui.weak(format!("{}: “{}”", passage.source, one_line(&passage.exact, 60)));
                    if ui.small_button("Show passage").on_hover_text("Open the source at this passage").clicked() {
                        reveal(actions, passage);
                    }
                });
            }
            flag_or_dismiss(ui, actions, "disagreement", || conflict.to_conflict(), &conflict.fingerprint);
        });
    }
}
