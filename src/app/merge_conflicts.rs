//! The "Merge conflicts" window: shown while a merge of two analysts' branches has left
//! fields to settle (`teamwork::merge`). Each one shows the common ancestor's value and
//! both sides'; the analyst keeps a side or writes a new value, each an undoable edit.

use eframe::egui::{self, RichText};

use super::actions::Actions;
use crate::model::MergeConflict;
use crate::session::Workspace;
use crate::teamwork::resolve::{self, Pick};

/// Values longer than this are shown cut, with the length.
const SHOWN_CHARS: usize = 240;

fn shown(value: Option<&str>) -> String {
    match value {
        None => "(deleted)".to_owned(),
        Some("") => "(empty)".to_owned(),
        Some(text) if text.chars().count() > SHOWN_CHARS => {
            let cut: String = text.chars().take(SHOWN_CHARS).collect();
            format!("{cut}… ({} characters)", text.chars().count())
        }
        Some(text) => text.to_owned(),
    }
}

pub fn show(ctx: &egui::Context, workspace: &Workspace, actions: &mut Actions) {
    let recorded = &workspace.project.merge_conflicts;
    if recorded.is_empty() {
        return;
    }
    egui::Window::new(format!("Merge conflicts ({})", recorded.len()))
        .id(egui::Id::unique("merge conflicts window"))
        .default_size([560.0, 420.0])
        // Over the document, clear of the sources list and the menu.
        .default_pos([300.0, 80.0])
        .resizable(true)
        .show(ctx, |ui| {
            ui.weak("Two branches changed these differently. The project holds the first value until you choose.");
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (index, conflict) in recorded.iter().enumerate() {
                    ui.separator();
                    conflict_ui(ui, workspace, index, conflict, actions);
                }
            });
        });
}

fn conflict_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    index: usize,
    conflict: &MergeConflict,
    actions: &mut Actions,
) {
    let what = conflict.describe();
    ui.label(RichText::new(&what).strong());
    egui::Grid::new(("merge conflict values", index)).num_columns(2).show(ui, |ui| {
        if !conflict.field.is_empty() {
            ui.weak("Before");
            ui.label(shown(conflict.base.as_deref()));
            ui.end_row();
        }
        ui.weak(&conflict.ours.label);
        ui.label(shown(conflict.ours.value.as_deref()));
        ui.end_row();
        ui.weak(&conflict.theirs.label);
        ui.label(shown(conflict.theirs.value.as_deref()));
        ui.end_row();
    });
    let project = &workspace.project;
    ui.horizontal(|ui| {
        for (side, pick) in [(&conflict.ours, Pick::Ours), (&conflict.theirs, Pick::Theirs)] {
            let verb = if side.value.is_none() { "Delete as" } else { "Keep" };
            let label = format!("{verb} {}: {what}", side.label);
            if ui.button(format!("{verb} {}", side.label)).on_hover_text(&label).clicked() {
                push(ui, index, actions, resolve::pick(project, index, pick));
            }
        }
    });
    if conflict.field.is_empty() {
        return;
    }
    let key = egui::Id::unique(("merge conflict new value", index, &conflict.item, &conflict.field));
    let mut draft: String = ui.data(|data| data.get_temp(key)).unwrap_or_default();
    ui.horizontal(|ui| {
        let field = ui.add(egui::TextEdit::singleline(&mut draft).hint_text("or write a new value"));
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("New value: {what}")));
        let ready = !draft.is_empty();
        if ui.add_enabled(ready, egui::Button::new("Use new value")).clicked() {
            push(ui, index, actions, resolve::write_value(project, index, &draft));
        }
    });
    ui.data_mut(|data| data.insert_temp(key, draft));
    if let Some(refused) = ui.data(|data| data.get_temp::<String>(egui::Id::unique(("merge conflict refusal", index))))
    {
        ui.colored_label(ui.visuals().error_fg_color, refused);
    }
}

/// Sends the edit; a refused one (a value that does not fit the field) is said under it.
fn push(ui: &egui::Ui, index: usize, actions: &mut Actions, edit: Result<crate::edit::Edit, crate::edit::EditError>) {
    let key = egui::Id::unique(("merge conflict refusal", index));
    match edit {
        Ok(edit) => {
            actions.edit(edit);
            ui.data_mut(|data| data.remove::<String>(key));
        }
        Err(error) => {
            ui.data_mut(|data| data.insert_temp(key, error.to_string()));
        }
    }
}
