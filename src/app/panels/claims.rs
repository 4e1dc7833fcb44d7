//! The claims list: filter, sort, and see each claim's verdict at a glance.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::Palette;
use super::{one_line, verdict_chip};
use crate::model::SourceId;
use crate::query::{ClaimOrder, ClaimQuery};
use crate::session::{Selection, Workspace};
use crate::wording::count;

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, query: &mut ClaimQuery, actions: &mut Actions) {
    let project = &workspace.project;
    ui.heading("Claims");
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(egui::TextEdit::singleline(&mut query.text).hint_text("words…").desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    egui::Grid::new("claim filters").num_columns(4).spacing([6.0, 4.0]).show(ui, |ui| {
        let any = |value: &Option<String>| value.clone().unwrap_or_else(|| "any".to_owned());
        let label = ui.label("Verdict:");
        combo(ui, "verdict filter", &label, any(&query.verdict), |ui| {
            ui.selectable_value(&mut query.verdict, None, "any");
            for level in &project.scale.levels {
                ui.selectable_value(&mut query.verdict, Some(level.label.clone()), &level.label);
            }
        });
        let label = ui.label("Tag:");
        combo(ui, "tag filter", &label, any(&query.tag), |ui| {
            ui.selectable_value(&mut query.tag, None, "any");
            for tag in workspace.index().tags() {
                ui.selectable_value(&mut query.tag, Some(tag.clone()), tag);
            }
        });
        ui.end_row();
        let source_name = |id: Option<SourceId>| {
            id.and_then(|id| project.sources.get(&id))
                .map_or_else(|| "any".to_owned(), |s| one_line(s.display_title(), 18))
        };
        let label = ui.label("Source:");
        combo(ui, "source filter", &label, source_name(query.source), |ui| {
            ui.selectable_value(&mut query.source, None, "any");
            for (&id, source) in &project.sources {
                ui.selectable_value(&mut query.source, Some(id), one_line(source.display_title(), 40));
            }
        });
        let label = ui.label("Sort:");
        combo(ui, "claim order", &label, query.order.label().to_owned(), |ui| {
            for order in ClaimOrder::ALL {
                ui.selectable_value(&mut query.order, order, order.label());
            }
        });
        ui.end_row();
    });
    let found = workspace.claims_matching(query);
    let palette = Palette::current(ui.ctx());
    ui.colored_label(
        palette.muted_text,
        RichText::new(if query.is_filtering() {
            format!("{} of {} claims", found.len(), project.claims.len())
        } else {
            count(project.claims.len(), "claim", "claims")
        })
        .small(),
    );
    ui.separator();
    let selected = workspace.selected_claim();
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical().id_salt("claims list").auto_shrink(false).show_rows(
        ui,
        row_height,
        found.len(),
        |ui, rows| {
            for id in &found[rows] {
                let claim = &project.claims[id];
                ui.horizontal(|ui| {
                    verdict_chip(ui, &project.scale, &claim.verdict);
                    let row = ui
                        .add(egui::Button::selectable(selected == Some(*id), one_line(&claim.statement, 90)).truncate())
                        .on_hover_text(format!("{id}: {}", claim.statement));
                    if row.clicked() {
                        actions.push(Action::Select(Selection::Claim(*id)));
                    }
                });
            }
        },
    );
}

/// A combo box of fixed width, labelled for screen readers by `label`.
fn combo(ui: &mut egui::Ui, id: &str, label: &egui::Response, selected: String, menu: impl FnOnce(&mut egui::Ui)) {
    let shown = egui::ComboBox::from_id_salt(id).selected_text(selected).width(120.0).show_ui(ui, menu);
    shown.response.labelled_by(label.id);
}
