//! The conflicts board: every disagreement between sources, open ones first.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::Palette;
use super::one_line;
use crate::model::{ConflictId, ConflictStatus};
use crate::session::{Selection, Workspace};

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
    let project = &workspace.project;
    let palette = Palette::current(ui.ctx());
    if project.conflicts.is_empty() {
        ui.weak(
            "No conflicts flagged. Select a passage, choose Add to conflict, then select the passage that disagrees.",
        );
        return;
    }
    let index = workspace.index();
    let board = index.board();
    let row_height = ui.spacing().interact_size.y;
    // Only the rows in view are laid out: a project can hold thousands of conflicts.
    egui::ScrollArea::vertical().id_salt("conflicts board").auto_shrink(false).show_rows(
        ui,
        row_height,
        board.len() + 1,
        |ui, rows| {
            egui::Grid::new("conflicts grid")
                .striped(true)
                .num_columns(5)
                .spacing([12.0, 4.0])
                .min_row_height(row_height)
                .show(ui, |ui| {
                    for row in rows {
                        match row.checked_sub(1).and_then(|n| board.get(n)) {
                            None => headings(ui),
                            Some(&id) => conflict_row(ui, workspace, id, palette, actions),
                        }
                        ui.end_row();
                    }
                });
        },
    );
}

fn headings(ui: &mut egui::Ui) {
    for heading in ["Conflict", "Kind", "Status", "Passages", "Summary"] {
        ui.label(RichText::new(heading).small().strong());
    }
}

fn conflict_row(ui: &mut egui::Ui, workspace: &Workspace, id: ConflictId, palette: &Palette, actions: &mut Actions) {
    let Some(conflict) = workspace.project.conflicts.get(&id) else { return };
    let selected = workspace.selection == Selection::Conflict(id);
    if ui.selectable_label(selected, id.to_string()).on_hover_text("Show this conflict in the inspector").clicked() {
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
    // The last column takes what width is left and ends in "…" rather than being cut off
    // at the panel's edge; the whole summary shows on hover.
    ui.add(egui::Label::new(one_line(&conflict.summary, 200)).truncate());
}
