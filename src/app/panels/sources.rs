//! The sources list: what the project reads, how much of each is used, and which
//! originals have gone missing or changed.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::commands::UiCommand;
use super::super::theme::Palette;
use super::super::workspace::{Selection, Workspace};
use crate::wording::count;

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        ui.heading("Sources");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("+ Import").on_hover_text(UiCommand::ImportSources.tooltip()).clicked() {
                actions.command(UiCommand::ImportSources);
            }
        });
    });
    ui.separator();
    if workspace.project.sources.is_empty() {
        ui.weak("No sources yet. Import text or Markdown files, or drop them on the window.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("sources list").auto_shrink(false).show(ui, |ui| {
        for (&id, source) in &workspace.project.sources {
            let shown = workspace.current_source == Some(id);
            let usage = workspace.project.usage_of(id);
            let response = ui
                .add(egui::Button::selectable(shown, RichText::new(source.display_title()).strong()).truncate())
                .on_hover_text(format!("Show {id} in the document view; its details in the inspector"));
            if response.clicked() {
                actions.push(Action::Reveal { source: id, range: None });
                actions.push(Action::Select(Selection::Source(id)));
            }
            let meta = &source.meta;
            let byline: Vec<&str> =
                [meta.outlet.as_str(), meta.published.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
            if !byline.is_empty() {
                ui.colored_label(palette.muted_text, RichText::new(byline.join(" · ")).small());
            }
            ui.horizontal(|ui| {
                let counts = format!(
                    "{} · {} evidence · {}",
                    count(usage.claims, "claim", "claims"),
                    usage.evidence,
                    count(usage.conflicts, "conflict", "conflicts")
                );
                ui.colored_label(palette.muted_text, RichText::new(counts).small());
                if let Some(warning) = super::original_warning(workspace.original_status.get(&id)) {
                    ui.colored_label(palette.warning, "!").on_hover_text(warning);
                }
            });
            ui.add_space(6.0);
        }
    });
}
