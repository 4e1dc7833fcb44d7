//! The sources list: what the project reads, how much of each is used, and which
//! originals have gone missing or changed.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::Palette;
use crate::model::{SourceId, SourceUsage};
use crate::session::UiCommand;
use crate::session::{Selection, Workspace};
use crate::wording::count;

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, actions: &mut Actions) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        ui.heading("Sources");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("+ Import").on_hover_text(UiCommand::ImportSources.tooltip()).clicked() {
                actions.command(UiCommand::ImportSources);
            }
            if ui.button("+ Web").on_hover_text(UiCommand::CaptureFromWeb.tooltip()).clicked() {
                actions.command(UiCommand::CaptureFromWeb);
            }
        });
    });
    ui.separator();
    if workspace.project.sources.is_empty() {
        ui.weak("No sources yet. Import documents (text, Markdown, web pages, PDF, Word, OpenDocument), or drop them on the window.");
        return;
    }
    let index = workspace.index();
    let ids: Vec<SourceId> = workspace.project.sources.keys().copied().collect();
    // Every row has the same three lines so that only the visible ones need drawing: a
    // project of a thousand sources would otherwise lay out every row on every frame.
    let small = ui.text_style_height(&egui::TextStyle::Small).max(ui.text_style_height(&egui::TextStyle::Body));
    let spacing = ui.spacing().item_spacing.y;
    let row_height = ui.spacing().interact_size.y + 2.0 * (small + spacing) + ROW_GAP;
    egui::ScrollArea::vertical().id_salt("sources list").auto_shrink(false).show_rows(
        ui,
        row_height,
        ids.len(),
        |ui, rows| {
            for &id in &ids[rows] {
                ui.allocate_ui_with_layout(
                    egui::vec2(ui.available_width(), row_height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_min_height(row_height);
                        row(ui, workspace, id, index.usage_of(id), palette, actions);
                    },
                );
            }
        },
    );
}

/// Space between one source's row and the next.
const ROW_GAP: f32 = 6.0;

fn row(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    id: SourceId,
    usage: SourceUsage,
    palette: &Palette,
    actions: &mut Actions,
) {
    let Some(source) = workspace.project.sources.get(&id) else { return };
    let shown = workspace.current_source == Some(id);
    let response = ui
        .add(egui::Button::selectable(shown, RichText::new(source.display_title()).strong()).truncate())
        .on_hover_text(format!("Show {id} in the document view; its details in the inspector"));
    if response.clicked() {
        actions.push(Action::Reveal { source: id, range: None });
        actions.push(Action::Select(Selection::Source(id)));
    }
    let meta = &source.meta;
    let byline: Vec<&str> =
        [meta.outlet.as_str(), meta.published.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    let byline = if byline.is_empty() { source.content.format.label().to_owned() } else { byline.join(" · ") };
    ui.add(egui::Label::new(RichText::new(byline).small().color(palette.muted_text)).truncate());
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
}
