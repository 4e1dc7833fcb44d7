//! What can be done with selected text: the floating bar under it and the right-click
//! menu. Both ask [`UiCommand::available`], like the menu bar and the shortcuts.

use eframe::egui::{self, Pos2};

use super::super::actions::{Action, Actions};
use super::super::commands;
use super::shorten;
use crate::model::Stance;
use crate::session::{Selection, Session, UiCommand};

/// The floating bar under a selection.
pub fn bar(ctx: &egui::Context, pos: Pos2, session: &Session, actions: &mut Actions) {
    egui::Area::new(egui::Id::unique("selection bar")).fixed_pos(pos).order(egui::Order::Foreground).show(ctx, |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| buttons(ui, session, actions));
        });
    });
}

fn buttons(ui: &mut egui::Ui, session: &Session, actions: &mut Actions) {
    let Some(workspace) = session.workspace() else { return };
    let mut button = |ui: &mut egui::Ui, command: UiCommand| {
        commands::button(ui, session, command, command.label(), actions);
    };
    button(ui, UiCommand::MarkClaim);
    ui.separator();
    let claim = workspace.selected_claim();
    ui.weak(claim.map_or_else(|| "Evidence:".to_owned(), |id| format!("Evidence for {id}:")));
    for stance in Stance::ALL {
        button(ui, UiCommand::AttachEvidence(stance));
    }
    ui.separator();
    button(ui, UiCommand::AddToConflict);
}

/// The right-click menu of the document.
pub fn menu(ui: &mut egui::Ui, session: &Session, actions: &mut Actions) {
    let Some(workspace) = session.workspace() else { return };
    if UiCommand::MarkClaim.available(session).is_err() {
        ui.weak("Select text to mark a claim, attach evidence or flag a conflict.");
        return;
    }
    if commands::button(ui, session, UiCommand::MarkClaim, UiCommand::MarkClaim.label(), actions) {
        ui.close();
    }
    let attach = UiCommand::AttachEvidence(Stance::Supports).available(session);
    let response = ui.add_enabled_ui(attach.is_ok(), |ui| {
        ui.menu_button("Attach as evidence", |ui| {
            for stance in Stance::ALL {
                if commands::button(ui, session, UiCommand::AttachEvidence(stance), stance.label(), actions) {
                    ui.close();
                }
            }
        });
    });
    if let Err(reason) = attach {
        response.response.on_disabled_hover_text(reason.explain());
    }
    ui.menu_button(UiCommand::AddToConflict.label(), |ui| {
        if ui.button("New conflict").clicked() {
            actions.push(Action::AddToConflict(None));
            ui.close();
        }
        for (&id, conflict) in &workspace.project.conflicts {
            let label = format!("{id} · {} · {}", conflict.kind.label(), shorten(&conflict.summary, 40));
            if ui.button(label).clicked() {
                actions.push(Action::AddToConflict(Some(id)));
                ui.close();
            }
        }
    });
    if let Selection::Conflict(id) = workspace.selection {
        ui.weak(format!("Add to conflict adds to {id}"));
    }
}
