//! The panels around the document. Each reads the workspace and pushes actions.

pub mod claims;
pub mod conflicts;
pub mod inspector;
pub mod search;
pub mod sources;

use eframe::egui::{self, RichText};

use super::actions::Actions;
use super::theme::Palette;
use crate::edit::Edit;
use crate::model::VerdictScale;

/// A labelled text field whose every change becomes an edit; the changes of one visit
/// to the field merge into one undo step under `key`.
pub fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    multiline: bool,
    key: String,
    actions: &mut Actions,
    make_edit: impl FnOnce(String) -> Edit,
) {
    let label_response = ui.label(RichText::new(label).small().strong());
    let mut text = value.to_owned();
    let editor = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui.add(editor.desired_width(f32::INFINITY).id_salt(&key)).labelled_by(label_response.id);
    if response.changed() {
        actions.typing(make_edit(text), key);
    }
    if response.lost_focus() {
        actions.push(super::actions::Action::Seal);
    }
}

/// A coloured chip showing a verdict at a glance.
pub fn verdict_chip(ui: &mut egui::Ui, scale: &VerdictScale, verdict: &str) -> egui::Response {
    let palette = Palette::current(ui.ctx());
    let tone = scale.level(verdict).map_or(crate::model::Tone::Neutral, |level| level.tone);
    egui::Frame::new()
        .fill(palette.tone(tone))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(RichText::new(verdict).small().color(palette.chip_text).strong()))
        .inner
}

/// A passage's text on one line, shortened.
pub fn one_line(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        cut.trim_end().to_owned() + "…"
    }
}

/// What to tell the analyst about a source's original file, if anything is wrong with it.
pub fn original_warning(status: Option<&crate::store::OriginalStatus>) -> Option<String> {
    status?.warning()
}
