//! The menu bar. Items take their labels, tooltips, shortcuts and whether they apply from
//! [`UiCommand`], through [`commands::menu_item`].

use eframe::egui;

use super::actions::{Action, Actions};
use super::commands;
use super::prefs::Preferences;
use crate::model::Stance;
use crate::session::{Session, UiCommand};

/// A menu item for `command`; greyed out, with the reason, when it cannot run.
fn item(ui: &mut egui::Ui, session: &Session, command: UiCommand, label: &str, actions: &mut Actions) {
    if commands::menu_item(ui, session, command, label, actions) {
        ui.close();
    }
}

fn toggle(ui: &mut egui::Ui, command: UiCommand, on: bool, actions: &mut Actions) {
    let mut checked = on;
    if ui.checkbox(&mut checked, command.label()).on_hover_text(command.tooltip()).clicked() {
        actions.command(command);
    }
}

pub fn show(ui: &mut egui::Ui, session: &Session, prefs: &Preferences, actions: &mut Actions) {
    let plain = |ui: &mut egui::Ui, command: UiCommand, actions: &mut Actions| {
        item(ui, session, command, command.label(), actions);
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            plain(ui, UiCommand::NewProject, actions);
            plain(ui, UiCommand::OpenProject, actions);
            ui.menu_button("Open recent", |ui| {
                if prefs.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in &prefs.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenProject(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            plain(ui, UiCommand::SaveProject, actions);
            plain(ui, UiCommand::SaveProjectAs, actions);
            ui.separator();
            plain(ui, UiCommand::ImportSources, actions);
            plain(ui, UiCommand::CaptureFromWeb, actions);
            plain(ui, UiCommand::ExportReport, actions);
            plain(ui, UiCommand::CompareJudgements, actions);
            ui.separator();
            plain(ui, UiCommand::CloseProject, actions);
            plain(ui, UiCommand::Quit, actions);
        });
        ui.menu_button("Edit", |ui| {
            let history = session.workspace().map(|w| &w.history);
            let undo = history.and_then(|h| h.undo_label()).map(|label| format!("Undo {label}"));
            let redo = history.and_then(|h| h.redo_label()).map(|label| format!("Redo {label}"));
            item(ui, session, UiCommand::Undo, undo.as_deref().unwrap_or("Undo"), actions);
            item(ui, session, UiCommand::Redo, redo.as_deref().unwrap_or("Redo"), actions);
            ui.separator();
            plain(ui, UiCommand::MarkClaim, actions);
            for stance in Stance::ALL {
                let label = format!("Attach as evidence: {}", stance.label().to_lowercase());
                item(ui, session, UiCommand::AttachEvidence(stance), &label, actions);
            }
            plain(ui, UiCommand::AddToConflict, actions);
            ui.separator();
            plain(ui, UiCommand::DeleteSelected, actions);
            ui.separator();
            plain(ui, UiCommand::Find, actions);
        });
        ui.menu_button("View", |ui| {
            plain(ui, UiCommand::CompareSources, actions);
            plain(ui, UiCommand::ShowFacts, actions);
            ui.separator();
            toggle(ui, UiCommand::ToggleSources, prefs.show_sources, actions);
            toggle(ui, UiCommand::ToggleClaims, prefs.show_claims, actions);
            toggle(ui, UiCommand::ToggleBottom, prefs.show_bottom, actions);
            ui.separator();
            toggle(ui, UiCommand::ToggleTheme, prefs.theme.is_dark(), actions);
        });
    });
}
