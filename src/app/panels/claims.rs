//! The claims list: filter, sort, and see each claim's verdict at a glance.

use eframe::egui::{self, RichText};

use super::super::actions::{Action, Actions};
use super::super::theme::Palette;
use super::super::workspace::{Selection, Workspace};
use super::{one_line, verdict_chip};
use crate::model::SourceId;
use crate::query::{ClaimOrder, ClaimQuery, all_tags, claims_matching};

pub fn show(ui: &mut egui::Ui, workspace: &Workspace, query: &mut ClaimQuery, actions: &mut Actions) {
    let project = &workspace.project;
    ui.heading("Claims");
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(egui::TextEdit::singleline(&mut query.text).hint_text("words…").desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let any = |value: &Option<String>| value.clone().unwrap_or_else(|| "any".to_owned());
        egui::ComboBox::from_label("Verdict filter").selected_text(any(&query.verdict)).show_ui(ui, |ui| {
            ui.selectable_value(&mut query.verdict, None, "any");
            for level in &project.scale.levels {
                ui.selectable_value(&mut query.verdict, Some(level.label.clone()), &level.label);
            }
        });
        egui::ComboBox::from_label("Tag").selected_text(any(&query.tag)).show_ui(ui, |ui| {
            ui.selectable_value(&mut query.tag, None, "any");
            for tag in all_tags(project) {
                ui.selectable_value(&mut query.tag, Some(tag.clone()), tag);
            }
        });
        let source_name = |id: Option<SourceId>| {
            id.and_then(|id| project.sources.get(&id))
                .map_or_else(|| "any".to_owned(), |s| one_line(s.display_title(), 24))
        };
        egui::ComboBox::from_label("Source").selected_text(source_name(query.source)).show_ui(ui, |ui| {
            ui.selectable_value(&mut query.source, None, "any");
            for (&id, source) in &project.sources {
                ui.selectable_value(&mut query.source, Some(id), one_line(source.display_title(), 40));
            }
        });
        egui::ComboBox::from_label("Sort").selected_text(query.order.label()).show_ui(ui, |ui| {
            for order in ClaimOrder::ALL {
                ui.selectable_value(&mut query.order, order, order.label());
            }
        });
    });
    let found = claims_matching(project, query);
    let palette = Palette::current(ui.ctx());
    ui.colored_label(
        palette.muted_text,
        RichText::new(if query.is_filtering() {
            format!("{} of {} claims", found.len(), project.claims.len())
        } else {
            format!("{} claims", project.claims.len())
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
