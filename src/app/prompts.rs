//! What the app says to the analyst: the unsaved-changes prompt, error notices, the
//! status bar and the welcome screen.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::actions::{Action, Actions};
use super::commands::UiCommand;
use super::lifecycle::{GuardAnswer, OutsideChoice};
use super::shell::CrosscheckApp;
use super::theme::Palette;
use crate::wording::count;

/// A message shown until dismissed.
#[derive(Debug, Clone)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: true }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: false }
    }
}

/// Notices shown at once; older ones wait below the fold of this limit.
const VISIBLE_NOTICES: usize = 4;

pub fn unsaved_changes(ctx: &egui::Context, app: &mut CrosscheckApp) {
    if app.guard.is_none() {
        return;
    }
    let name = app.workspace.as_ref().map_or_else(String::new, crate::session::Workspace::display_name);
    let modal = egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading(format!("Save changes to “{name}”?"));
        ui.label("Your changes will be lost if you don't save them.");
        ui.add_space(8.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(GuardAnswer::Save);
            }
            if ui.button("Discard").on_hover_text("Close without saving").clicked() {
                answer = Some(GuardAnswer::Discard);
            }
            if ui.button("Cancel").on_hover_text("Keep working on the project").clicked() {
                answer = Some(GuardAnswer::Cancel);
            }
        });
        answer
    });
    let answer = modal.inner.or_else(|| modal.should_close().then_some(GuardAnswer::Cancel));
    if let Some(answer) = answer {
        app.actions.push(Action::GuardAnswer(answer));
    }
}

pub fn recovery(ctx: &egui::Context, app: &mut CrosscheckApp) {
    let Some((recovery, summary)) = &app.recovery else { return };
    let age = recovery.written.elapsed().map_or_else(|_| "recently".to_owned(), |age| describe_age(age.as_secs()));
    let modal = egui::Modal::new(egui::Id::unique("recover unsaved work")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Recover unsaved work?");
        ui.label(format!("Crosscheck closed {age} without saving this project. The unsaved work has: {summary}."));
        ui.add_space(8.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button("Restore").on_hover_text("Open the unsaved work; save to keep it").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard recovered work").on_hover_text("Keep the project as it was last saved").clicked() {
                answer = Some(false);
            }
        });
        answer
    });
    if let Some(answer) = modal.inner {
        app.actions.push(Action::RecoveryAnswer(answer));
    }
}

pub fn outside_change(ctx: &egui::Context, app: &mut CrosscheckApp) {
    let Some(while_saving) = app.outside_change else { return };
    let name = app.workspace.as_ref().map_or_else(String::new, crate::session::Workspace::display_name);
    let modal = egui::Modal::new(egui::Id::unique("project changed on disk")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(format!("“{name}” changed on disk"));
        ui.label("Another program changed the project file after Crosscheck last read or wrote it (another window, a sync or a git pull).");
        ui.add_space(8.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui.button("Reload from disk").on_hover_text("Open the file as it is now; changes made here are lost").clicked() {
                choice = Some(OutsideChoice::Reload);
            }
            if while_saving {
                if ui.button("Overwrite").on_hover_text("Replace the file on disk with the project as it is here").clicked() {
                    choice = Some(OutsideChoice::Overwrite);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(OutsideChoice::KeepMine);
                }
            } else if ui.button("Keep mine").on_hover_text("Keep working here; saving will ask before replacing the file").clicked() {
                choice = Some(OutsideChoice::KeepMine);
            }
        });
        choice
    });
    if let Some(choice) = modal.inner {
        app.actions.push(Action::OutsideChange(choice));
    }
}

/// "3 minutes ago", for seconds elapsed.
fn describe_age(seconds: u64) -> String {
    match seconds {
        0..60 => "less than a minute ago".to_owned(),
        60..3600 => format!("{} ago", count(seconds / 60, "minute", "minutes")),
        3600..86_400 => format!("{} ago", count(seconds / 3600, "hour", "hours")),
        _ => format!("{} ago", count(seconds / 86_400, "day", "days")),
    }
}

pub fn notices(ctx: &egui::Context, app: &mut CrosscheckApp) {
    if app.notices.is_empty() {
        return;
    }
    let palette = Palette::current(ctx);
    egui::Area::new(egui::Id::unique("notices"))
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-16.0, 40.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            for (n, notice) in app.notices.iter().enumerate().take(VISIBLE_NOTICES) {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        let color = if notice.is_error { palette.error } else { palette.accurate };
                        ui.colored_label(color, if notice.is_error { "Problem" } else { "Note" });
                        ui.add(egui::Label::new(&notice.text).wrap());
                    });
                    if ui.small_button("Dismiss").clicked() {
                        app.actions.push(Action::DismissNotice(n));
                    }
                });
            }
            if app.notices.len() > VISIBLE_NOTICES {
                ui.weak(format!("{} more", app.notices.len() - VISIBLE_NOTICES));
            }
        });
}

pub fn status_bar(ui: &mut egui::Ui, app: &mut CrosscheckApp) {
    ui.horizontal(|ui| {
        if let Some(job) = &app.import {
            let done = job.done();
            let fraction = if job.total == 0 { 1.0 } else { done as f32 / job.total as f32 };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(180.0)
                    .text(format!("Importing {done} of {}", job.total)),
            );
            if ui.button("Cancel import").clicked() {
                app.actions.push(Action::CancelImport);
            }
        }
        ui.label(&app.status);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(workspace) = &app.workspace {
                let project = &workspace.project;
                let palette = Palette::current(ui.ctx());
                ui.colored_label(
                    palette.muted_text,
                    format!(
                        "{} · {} · {} evidence · {}",
                        count(project.sources.len(), "source", "sources"),
                        count(project.claims.len(), "claim", "claims"),
                        project.evidence.len(),
                        count(workspace.index().open_conflicts(), "open conflict", "open conflicts"),
                    ),
                );
                if workspace.history.has_unsaved_changes() {
                    ui.colored_label(palette.warning, "• unsaved changes");
                }
            }
        });
    });
}

pub fn welcome(ui: &mut egui::Ui, recent: &[PathBuf], actions: &mut Actions) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 4.0);
        ui.heading(RichText::new("Crosscheck").size(28.0));
        ui.label("Check claims against their sources.");
        ui.add_space(12.0);
        for command in [UiCommand::NewProject, UiCommand::OpenProject] {
            if ui.button(command.label()).on_hover_text(command.tooltip()).clicked() {
                actions.command(command);
            }
        }
        if ui.button("Open the sample project").clicked() {
            actions.push(Action::OpenSample);
        }
        if !recent.is_empty() {
            ui.add_space(12.0);
            ui.label(RichText::new("Recent projects").strong());
            for path in recent {
                if ui.link(path.display().to_string()).clicked() {
                    actions.push(Action::OpenProject(path.clone()));
                }
            }
        }
    });
}
