//! The menu bar. Items take their labels, tooltips and shortcuts from [`UiCommand`].

use eframe::egui;

use super::actions::Action;
use super::commands::UiCommand;
use super::shell::CrosscheckApp;
use crate::model::Stance;

/// A menu item for `command`; greyed out when it cannot run.
fn item(ui: &mut egui::Ui, app: &mut CrosscheckApp, command: UiCommand, label: &str, enabled: bool) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).on_hover_text(command.tooltip()).clicked() {
        app.actions.command(command);
        ui.close();
    }
}

fn toggle(ui: &mut egui::Ui, app: &mut CrosscheckApp, command: UiCommand, on: bool) {
    let mut checked = on;
    if ui.checkbox(&mut checked, command.label()).on_hover_text(command.tooltip()).clicked() {
        app.actions.command(command);
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut CrosscheckApp) {
    let open = app.workspace.is_some();
    let has_selection = app.workspace.as_ref().is_some_and(|w| w.text_selection.is_some_and(|r| r.start < r.end));
    let has_claim = app.workspace.as_ref().is_some_and(|w| w.selected_claim().is_some());
    let has_selected_item = app.workspace.as_ref().is_some_and(|w| w.selection != crate::session::Selection::Nothing);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, app, UiCommand::NewProject, UiCommand::NewProject.label(), true);
            item(ui, app, UiCommand::OpenProject, UiCommand::OpenProject.label(), true);
            ui.menu_button("Open recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in app.prefs.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        app.actions.push(Action::OpenProject(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, app, UiCommand::SaveProject, UiCommand::SaveProject.label(), open);
            item(ui, app, UiCommand::SaveProjectAs, UiCommand::SaveProjectAs.label(), open);
            ui.separator();
            item(ui, app, UiCommand::ImportSources, UiCommand::ImportSources.label(), true);
            item(ui, app, UiCommand::ExportReport, UiCommand::ExportReport.label(), open);
            ui.separator();
            item(ui, app, UiCommand::CloseProject, UiCommand::CloseProject.label(), open);
            item(ui, app, UiCommand::Quit, UiCommand::Quit.label(), true);
        });
        ui.menu_button("Edit", |ui| {
            let history = app.workspace.as_ref().map(|w| &w.history);
            let undo = history.and_then(|h| h.undo_label()).map(|label| format!("Undo {label}"));
            let redo = history.and_then(|h| h.redo_label()).map(|label| format!("Redo {label}"));
            item(ui, app, UiCommand::Undo, undo.as_deref().unwrap_or("Undo"), undo.is_some());
            item(ui, app, UiCommand::Redo, redo.as_deref().unwrap_or("Redo"), redo.is_some());
            ui.separator();
            item(ui, app, UiCommand::MarkClaim, UiCommand::MarkClaim.label(), has_selection);
            for stance in Stance::ALL {
                let command = UiCommand::AttachEvidence(stance);
                let label = format!("Attach as evidence: {}", stance.label().to_lowercase());
                item(ui, app, command, &label, has_selection && has_claim);
            }
            item(ui, app, UiCommand::AddToConflict, UiCommand::AddToConflict.label(), has_selection);
            ui.separator();
            item(ui, app, UiCommand::DeleteSelected, UiCommand::DeleteSelected.label(), has_selected_item);
            ui.separator();
            item(ui, app, UiCommand::Find, UiCommand::Find.label(), open);
        });
        ui.menu_button("View", |ui| {
            item(ui, app, UiCommand::CompareSources, UiCommand::CompareSources.label(), open);
            item(ui, app, UiCommand::ShowFacts, UiCommand::ShowFacts.label(), open);
            ui.separator();
            toggle(ui, app, UiCommand::ToggleSources, app.prefs.show_sources);
            toggle(ui, app, UiCommand::ToggleClaims, app.prefs.show_claims);
            toggle(ui, app, UiCommand::ToggleBottom, app.prefs.show_bottom);
            ui.separator();
            toggle(ui, app, UiCommand::ToggleTheme, app.prefs.theme.is_dark());
        });
    });
}
