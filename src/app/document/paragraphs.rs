//! A source's text cut into lines, with their measured heights and laid-out galleys, so
//! the document view lays out only what is on screen and reuses what it laid out before.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use eframe::egui::{self, Color32, Galley, Stroke, text::LayoutJob, text::TextFormat};

use super::highlights::Highlight;
use crate::analysis::furniture;
use crate::app::theme::{self, Palette};

/// One line of the source text (a paragraph, in prose).
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_char: usize,
    pub end_char: usize,
}

impl Line {
    pub fn is_blank(&self, text: &str) -> bool {
        text[self.start_byte..self.end_byte].trim().is_empty()
    }
}

/// Galleys kept beyond this are dropped, keeping memory flat on long documents.
const CACHE_LIMIT: usize = 600;
/// Estimated width of an average character, as a share of the font size.
const AVERAGE_CHAR_WIDTH: f32 = 0.48;

/// The layout state of one source's text.
pub struct Paragraphs {
    pub lines: Vec<Line>,
    /// Height of each line: measured once laid out, estimated before.
    heights: Vec<f32>,
    /// Top of each line; one more entry than lines (the total height at the end).
    tops: Vec<f32>,
    width: f32,
    galleys: HashMap<usize, (u64, Arc<Galley>)>,
}

impl Paragraphs {
    pub fn new(text: &str) -> Self {
        let mut lines = Vec::new();
        let (mut start_byte, mut start_char) = (0, 0);
        let mut chars = 0;
        for (byte, c) in text.char_indices() {
            // A form feed separates the pages of a PDF: it ends a line as a newline does,
            // rather than showing as a missing glyph.
            if c == '\n' || c == crate::import::pdf::PAGE_BREAK {
                lines.push(Line { start_byte, end_byte: byte, start_char, end_char: chars });
                start_byte = byte + 1;
                start_char = chars + 1;
            }
            chars += 1;
        }
        lines.push(Line { start_byte, end_byte: text.len(), start_char, end_char: chars });
        let count = lines.len();
        Self { lines, heights: vec![0.0; count], tops: vec![0.0; count + 1], width: 0.0, galleys: HashMap::new() }
    }

    /// Re-estimates heights for a new column width.
    pub fn set_width(&mut self, width: f32, text: &str) {
        if (width - self.width).abs() < 0.5 {
            return;
        }
        self.width = width;
        let per_row = (width / (theme::DOCUMENT_FONT_SIZE * AVERAGE_CHAR_WIDTH)).max(1.0);
        for (height, line) in self.heights.iter_mut().zip(&self.lines) {
            *height = if line.is_blank(text) {
                theme::PARAGRAPH_GAP
            } else {
                let rows = ((line.end_char - line.start_char) as f32 / per_row).ceil().max(1.0);
                rows * theme::DOCUMENT_LINE_HEIGHT + theme::PARAGRAPH_GAP / 2.0
            };
        }
        self.galleys.clear();
        self.recompute_tops();
    }

    fn recompute_tops(&mut self) {
        let mut top = 0.0;
        for (slot, height) in self.tops.iter_mut().zip(&self.heights) {
            *slot = top;
            top += height;
        }
        if let Some(last) = self.tops.last_mut() {
            *last = top;
        }
    }

    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    pub fn top(&self, line: usize) -> f32 {
        self.tops.get(line).copied().unwrap_or(0.0)
    }

    /// The line holding character `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|line| line.end_char < offset).min(self.lines.len().saturating_sub(1))
    }

    /// Lines overlapping the vertical range `from..to`.
    pub fn visible(&self, from: f32, to: f32) -> std::ops::Range<usize> {
        let first = self.tops.partition_point(|&top| top <= from).saturating_sub(1);
        let last = self.tops.partition_point(|&top| top < to).min(self.lines.len());
        first..last.max(first)
    }

    /// The galley of line `index` with its highlights; cached until they change.
    /// Returns whether the line's height changed (the caller then repaints once more).
    pub fn galley(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        index: usize,
        highlights: &[Highlight],
        palette: &Palette,
        text_color: Color32,
    ) -> (Arc<Galley>, bool) {
        let line = self.lines[index];
        let local: Vec<Highlight> = highlights
            .iter()
            .filter(|h| h.start < line.end_char && h.end > line.start_char)
            .map(|h| Highlight {
                start: h.start.max(line.start_char) - line.start_char,
                end: h.end.min(line.end_char) - line.start_char,
                ..*h
            })
            .collect();
        let mut hasher = std::hash::DefaultHasher::new();
        (self.width.to_bits(), text_color, &local).hash(&mut hasher);
        let key = hasher.finish();
        if let Some((cached_key, galley)) = self.galleys.get(&index)
            && *cached_key == key
        {
            return (galley.clone(), false);
        }
        let line_text = &text[line.start_byte..line.end_byte];
        let furniture = furniture_chars(line_text);
        let job = layout_job(line_text, &local, &furniture, palette, text_color, self.width);
        let galley = ctx.fonts_mut(|fonts| fonts.layout_job(job));
        if self.galleys.len() > CACHE_LIMIT {
            self.galleys.clear();
        }
        self.galleys.insert(index, (key, galley.clone()));
        let measured = galley.rect.height() + theme::PARAGRAPH_GAP / 2.0;
        let changed = (measured - self.heights[index]).abs() > 0.5;
        if changed {
            self.heights[index] = measured;
            self.recompute_tops();
        }
        (galley, changed)
    }
}

/// Lays out one line: each stretch between highlight boundaries gets the background of
/// its most specific highlight and, where another kind overlaps it, an underline in that
/// kind's colour, so overlapping highlights stay visible and readable.
/// Character ranges of site furniture within one line ("Share this article", an
/// author's biography), which the view dims: kept in the text, out of the way.
fn furniture_chars(line: &str) -> Vec<std::ops::Range<usize>> {
    let index = crate::model::CharIndex::new(line);
    furniture::spans(line)
        .into_iter()
        .map(|r| index.char_offset(line, r.start)..index.char_offset(line, r.end))
        .collect()
}

fn layout_job(
    line: &str,
    local: &[Highlight],
    furniture: &[std::ops::Range<usize>],
    palette: &Palette,
    text_color: Color32,
    width: f32,
) -> LayoutJob {
    let mut job = LayoutJob { wrap: egui::text::TextWrapping::wrap_at_width(width), ..LayoutJob::default() };
    let base = TextFormat {
        font_id: theme::document_font(),
        color: text_color,
        line_height: Some(theme::DOCUMENT_LINE_HEIGHT),
        ..TextFormat::default()
    };
    let char_count = line.chars().count();
    let mut cuts: Vec<usize> = local
        .iter()
        .flat_map(|h| [h.start, h.end])
        .chain(furniture.iter().flat_map(|r| [r.start, r.end]))
        .chain([0, char_count])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let byte_at: Vec<usize> = line.char_indices().map(|(b, _)| b).chain([line.len()]).collect();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from >= to {
            continue;
        }
        let mut covering: Vec<&Highlight> = local.iter().filter(|h| h.start <= from && to <= h.end).collect();
        covering.sort_by_key(|h| (std::cmp::Reverse(h.mark), h.end - h.start));
        let mut format = base.clone();
        if furniture.iter().any(|r| r.start <= from && to <= r.end) {
            format.color = text_color.gamma_multiply(theme::FURNITURE_DIMMING);
        }
        if let Some(primary) = covering.first() {
            format.background = palette.mark(primary.mark);
            if let Some(other) = covering.iter().find(|h| h.mark != primary.mark) {
                format.underline = Stroke::new(2.0, palette.mark_strong(other.mark));
            }
            if covering.iter().any(|h| h.selected) {
                format.underline = Stroke::new(2.0, text_color);
            }
        }
        job.append(&line[byte_at[from]..byte_at[to]], 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::Paragraphs;

    #[test]
    fn pages_and_paragraphs_each_start_a_line() {
        let text = "Dear Ms Hartley,\nYours sincerely\u{c}To whom it may concern";
        let paragraphs = Paragraphs::new(text);
        let lines: Vec<&str> = paragraphs.lines.iter().map(|l| &text[l.start_byte..l.end_byte]).collect();
        assert_eq!(lines, ["Dear Ms Hartley,", "Yours sincerely", "To whom it may concern"]);
        let last = paragraphs.lines[2];
        assert_eq!(text.chars().skip(last.start_char).collect::<String>(), "To whom it may concern");
    }
}
