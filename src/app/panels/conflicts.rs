//! The conflicts board: every disagreement between sources, open ones first.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::Palette;
use super::super::workspace::{Selection, Workspace};
use super::one_line;
use crate::model::ConflictStatus;

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
    let project = &workspace.project;
    let palette = Palette::current(ui.ctx());
    if project.conflicts.is_empty() {
        ui.weak(
            "No conflicts flagged. Select a passage, choose Add to conflict, then select the passage that disagrees.",
        );
        return;
    }
    let mut ordered: Vec<_> = project.conflicts.iter().collect();
    ordered.sort_by_key(|(id, conflict)| (!conflict.status.is_open(), **id));
    egui::ScrollArea::vertical().id_salt("conflicts board").auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("conflicts grid").striped(true).num_columns(5).spacing([12.0, 4.0]).show(ui, |ui| {
            for heading in ["Conflict", "Kind", "Status", "Passages", "Summary"] {
                ui.label(RichText::new(heading).small().strong());
            }
            ui.end_row();
            for (&id, conflict) in ordered {
                let selected = workspace.selection == Selection::Conflict(id);
                if ui
                    .selectable_label(selected, id.to_string())
                    .on_hover_text("Show this conflict in the inspector")
                    .clicked()
                {
                    actions.push(Action::Select(Selection::Conflict(id)));
                }
                ui.label(conflict.kind.label());
                match &conflict.status {
                    ConflictStatus::Open => ui.colored_label(palette.warning, "open"),
                    ConflictStatus::Resolved { .. } => ui.colored_label(palette.accurate, "resolved"),
                };
                let passages: Vec<String> =
                    conflict.passages.iter().map(|p| format!("{}: “{}”", p.source, one_line(&p.exact, 28))).collect();
                ui.label(passages.join("  ≠  "));
                // The last column takes what width is left and ends in "…" rather than being
                // cut off at the panel's edge; the whole summary shows on hover.
                ui.add(egui::Label::new(one_line(&conflict.summary, 200)).truncate());
                ui.end_row();
            }
        });
    });
}
