//! What the app says to the analyst: the unsaved-changes prompt, error notices, the
//! status bar and the welcome screen.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::actions::{Action, Actions};
use super::theme::Palette;
use crate::session::{
    FileActivity, GuardAnswer, ImportJob, Notice, OutsideChoice, Prompt, Request, Session, UiCommand, Workspace,
};
use crate::wording::count;

/// Notices shown at once; older ones wait below the fold of this limit.
const VISIBLE_NOTICES: usize = 4;

/// The question the session is asking, if any, as a modal dialog.
pub fn show(ctx: &egui::Context, session: &Session, actions: &mut Actions) {
    let name = session.workspace().map_or_else(String::new, Workspace::display_name);
    let answer = match session.prompt() {
        None => return,
        Some(Prompt::UnsavedChanges(_)) => unsaved_changes(ctx, &name).map(Request::AnswerUnsaved),
        Some(Prompt::Recovery { recovery, summary }) => {
            recovery_prompt(ctx, recovery, summary).map(Request::AnswerRecovery)
        }
        Some(Prompt::ChangedOnDisk { while_saving }) => {
            outside_change(ctx, &name, *while_saving).map(Request::AnswerChangedOnDisk)
        }
    };
    if let Some(answer) = answer {
        actions.push(Action::Request(answer));
    }
}

fn unsaved_changes(ctx: &egui::Context, name: &str) -> Option<GuardAnswer> {
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
    modal.inner.or_else(|| modal.should_close().then_some(GuardAnswer::Cancel))
}

fn recovery_prompt(ctx: &egui::Context, recovery: &crate::store::Recovery, summary: &str) -> Option<bool> {
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
    modal.inner
}

fn outside_change(ctx: &egui::Context, name: &str, while_saving: bool) -> Option<OutsideChoice> {
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
    modal.inner
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

pub fn notices(ctx: &egui::Context, notices: &[Notice], actions: &mut Actions) {
    if notices.is_empty() {
        return;
    }
    let palette = Palette::current(ctx);
    egui::Area::new(egui::Id::unique("notices"))
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-16.0, 40.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            for (n, notice) in notices.iter().enumerate().take(VISIBLE_NOTICES) {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        let color = if notice.is_error { palette.error } else { palette.accurate };
                        ui.colored_label(color, if notice.is_error { "Problem" } else { "Note" });
                        ui.add(egui::Label::new(&notice.text).wrap());
                    });
                    if ui.small_button("Dismiss").clicked() {
                        actions.push(Action::DismissNotice(n));
                    }
                });
            }
            if notices.len() > VISIBLE_NOTICES {
                ui.weak(format!("{} more", notices.len() - VISIBLE_NOTICES));
            }
        });
}

pub fn status_bar(
    ui: &mut egui::Ui,
    session: &Session,
    import: Option<&ImportJob>,
    status: &str,
    actions: &mut Actions,
) {
    ui.horizontal(|ui| {
        match session.file_activity() {
            Some(FileActivity::Opening { path, progress }) => {
                let text = format!("Opening {}", file_name(path));
                ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(180.0).text(text));
                if ui.button("Cancel opening").clicked() {
                    actions.push(Action::Request(Request::CancelOpening));
                }
            }
            Some(FileActivity::Saving { path }) => {
                ui.label(format!("Saving {}…", file_name(path)));
            }
            None => {}
        }
        if let Some(job) = import {
            let progress = job.progress();
            let text = if progress.total == 0 {
                "Looking for files to import".to_owned()
            } else if progress.part_total > 0 {
                // A scanned PDF: its pages take a second or so each, so each is counted.
                let page = (progress.part_done + 1).min(progress.part_total);
                format!(
                    "Importing {} of {} · OCR page {page} of {}",
                    progress.done + 1,
                    progress.total,
                    progress.part_total
                )
            } else {
                format!("Importing {} of {}", progress.done, progress.total)
            };
            ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(180.0).text(text));
            if ui.button("Cancel import").clicked() {
                actions.push(Action::CancelImport);
            }
        }
        ui.label(status);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(workspace) = session.workspace() {
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

/// The last part of `path`, as the status bar names a file.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
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
