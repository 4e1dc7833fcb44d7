//! Draws a report's preview: the blocks [`crate::export::preview`] read back from the
//! rendered bytes, as headings, paragraphs, list items and quotes in egui.
//!
//! Links are shown (underlined, their target on hover) but not followed: the preview is
//! for reading what will be published, and a report's links point at the analyst's
//! sources or at anchors inside the saved page.

use eframe::egui::{self, FontId, RichText, Stroke, text::LayoutJob};

use crate::app::theme::{Mark, Palette};
use crate::export::preview::{Block, BlockKind, Preview, Span};

/// Blocks drawn at most; a longer preview ends with a note (the saved file is complete).
const MAX_BLOCKS: usize = 3_000;

pub fn show(ui: &mut egui::Ui, preview: &Preview) {
    match preview {
        Preview::Text { text, cut } => {
            ui.add(egui::Label::new(RichText::new(text).monospace().size(12.0)).wrap());
            ends_here(ui, *cut);
        }
        Preview::Document { blocks, cut } => {
            ui.spacing_mut().item_spacing.y = 6.0;
            for block in blocks.iter().take(MAX_BLOCKS) {
                block_ui(ui, block);
            }
            ends_here(ui, *cut || blocks.len() > MAX_BLOCKS);
        }
    }
}

fn ends_here(ui: &mut egui::Ui, cut: bool) {
    if cut {
        ui.weak("[… preview ends here; the saved file is complete]");
    }
}

fn block_ui(ui: &mut egui::Ui, block: &Block) {
    let palette = Palette::current(ui.ctx());
    match &block.kind {
        BlockKind::Heading(level) => {
            let size = match level {
                1 => 24.0,
                2 => 19.0,
                3 => 15.5,
                _ => 14.0,
            };
            ui.add_space(if *level <= 2 { 8.0 } else { 2.0 });
            ui.label(job(ui, &block.spans, size, true, None));
        }
        BlockKind::Paragraph => {
            ui.label(job(ui, &block.spans, 14.0, false, None));
        }
        BlockKind::Code => {
            ui.label(RichText::new(block.text()).monospace().size(12.5));
        }
        BlockKind::Quote => {
            egui::Frame::new()
                .fill(palette.mark(Mark::Claim).gamma_multiply(0.25))
                .inner_margin(egui::Margin { left: 10, right: 6, top: 3, bottom: 3 })
                .show(ui, |ui| ui.label(job(ui, &block.spans, 14.0, false, None)));
        }
        BlockKind::Item { depth, marker } => {
            ui.horizontal_top(|ui| {
                ui.add_space(12.0 + 18.0 * *depth as f32);
                ui.label(job(ui, &block.spans, 14.0, false, Some(marker)));
            });
        }
        BlockKind::Rule => {
            ui.separator();
        }
    }
}

/// The spans of one block as one wrapped text, each span in its style.
fn job(ui: &egui::Ui, spans: &[Span], size: f32, heading: bool, marker: Option<&str>) -> LayoutJob {
    let palette = Palette::current(ui.ctx());
    let visuals = ui.visuals();
    let mut job =
        LayoutJob { wrap: egui::text::TextWrapping::wrap_at_width(ui.available_width()), ..LayoutJob::default() };
    let plain = egui::TextFormat {
        font_id: FontId::proportional(size),
        color: if heading { visuals.strong_text_color() } else { visuals.text_color() },
        ..egui::TextFormat::default()
    };
    if let Some(marker) = marker {
        job.append(&format!("{marker} "), 0.0, plain.clone());
    }
    for span in spans {
        let style = &span.style;
        let mut format = plain.clone();
        if style.code {
            format.font_id = FontId::monospace(size - 1.0);
        }
        if style.strong {
            format.color = visuals.strong_text_color();
        }
        format.italics = style.emphasis;
        if style.link.is_some() {
            format.color = visuals.hyperlink_color;
            format.underline = Stroke::new(1.0, visuals.hyperlink_color);
        }
        if style.mark {
            format.background = palette.mark(Mark::Conflict);
        }
        if let Some(tone) = style.tone {
            format.background = palette.tone(tone);
            format.color = palette.chip_text;
        }
        job.append(&span.text, 0.0, format);
    }
    job
}
