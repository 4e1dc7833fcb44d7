//! The document view: a source's text with claims, evidence, conflicts and search
//! results highlighted; mouse selection, and the actions that turn a selection into a
//! claim, evidence or a conflict passage.
//!
//! Only the lines on screen are laid out, and their galleys are cached until their
//! highlights change, so a 2 MB source scrolls as smoothly as a short one.

mod highlights;
mod paragraphs;
mod picture;
mod selection;

use std::sync::Arc;

use eframe::egui::{self, Galley, Pos2, Rect, Role, Sense, WidgetInfo, pos2, vec2};

use highlights::{Highlight, Target};
use paragraphs::Paragraphs;

use super::actions::{Action, Actions};
use super::theme::{self, Palette};
use crate::model::SourceId;
use crate::search::SearchHit;
use crate::session::{Session, TextRange, UiCommand, Workspace};

/// One laid-out line on screen this frame.
struct Placed {
    line: usize,
    rect: Rect,
    galley: Arc<Galley>,
}

/// State the document view keeps between frames.
#[derive(Default)]
pub struct DocumentView {
    /// Source and text identity the paragraphs were built for.
    built_for: Option<(SourceId, usize, usize)>,
    paragraphs: Option<Paragraphs>,
    /// Character where the current mouse selection started.
    drag_anchor: Option<usize>,
    /// Several highlights under one click: the analyst picks which one.
    chooser: Option<(Pos2, Vec<Target>)>,
    /// First line laid out in the last frame; tests and benchmarks read it to see scrolling.
    top_line: Option<usize>,
    /// The picture beside the text of a picture source.
    picture: picture::PictureView,
}

impl DocumentView {
    pub fn show(&mut self, ui: &mut egui::Ui, session: &Session, hits: &[SearchHit], actions: &mut Actions) {
        let Some(workspace) = session.workspace() else { return };
        let Some(source_id) = workspace.current_source else {
            empty_state(ui, actions);
            return;
        };
        if !workspace.project.sources.contains_key(&source_id) {
            return;
        }
        header(ui, workspace, source_id, actions);
        ui.separator();
        if picture::picture_of(workspace, source_id).is_some() {
            // A picture source: the picture on the left, its text on the right.
            let full = ui.available_rect_before_wrap();
            let split = full.left() + (full.width() * 0.5).round();
            let left = Rect::from_min_max(full.min, pos2(split - 6.0, full.max.y));
            let right = Rect::from_min_max(pos2(split + 6.0, full.min.y), full.max);
            let mut picture_ui = ui.new_child(egui::UiBuilder::new().max_rect(left).id_salt("picture pane"));
            picture_ui.set_clip_rect(left.intersect(ui.clip_rect()));
            self.picture.show(&mut picture_ui, workspace, source_id, actions);
            let mut text_ui = ui.new_child(egui::UiBuilder::new().max_rect(right).id_salt("text pane"));
            self.show_text(&mut text_ui, session, source_id, hits, actions);
            ui.advance_cursor_after_rect(full);
        } else {
            self.show_text(ui, session, source_id, hits, actions);
        }
    }

    /// The source's text, with its highlights and the pointer handling of selections.
    fn show_text(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        source_id: SourceId,
        hits: &[SearchHit],
        actions: &mut Actions,
    ) {
        let Some(workspace) = session.workspace() else { return };
        let Some(source) = workspace.project.sources.get(&source_id) else { return };
        let text = source.text();
        let identity = (source_id, text.as_ptr() as usize, text.len());
        if self.built_for != Some(identity) {
            self.paragraphs = Some(Paragraphs::new(text));
            self.built_for = Some(identity);
            self.drag_anchor = None;
            self.chooser = None;
        }
        // Taken out for the frame so the pointer handling below can borrow `self`.
        let Some(mut paragraphs) = self.paragraphs.take() else { return };
        let highlights = highlights::collect(workspace, source_id, hits, workspace.text_selection);
        let palette = Palette::current(ui.ctx());
        let text_color = ui.visuals().text_color();

        let column = ui.available_width().min(theme::DOCUMENT_MAX_WIDTH + 40.0);
        paragraphs.set_width(column - 40.0, text);
        let mut scroll = egui::ScrollArea::vertical().id_salt(("document", source_id.0)).auto_shrink(false);
        if let Some(reveal) = workspace.reveal.filter(|r| r.source == source_id) {
            let line = paragraphs.line_of(reveal.start);
            scroll = scroll.vertical_scroll_offset((paragraphs.top(line) - ui.available_height() / 3.0).max(0.0));
        }

        let mut placed = Vec::new();
        let mut relayout = false;
        let output = scroll.show_viewport(ui, |ui, viewport| {
            let left = ui.max_rect().left() + ((ui.available_width() - column) / 2.0).max(0.0) + 20.0;
            let origin = pos2(left, ui.max_rect().top() + 8.0);
            for line in paragraphs.visible(viewport.min.y - 200.0, viewport.max.y + 200.0) {
                if paragraphs.lines[line].is_blank(text) {
                    continue;
                }
                let (galley, changed) = paragraphs.galley(ui.ctx(), text, line, &highlights, palette, text_color);
                relayout |= changed;
                let rect = Rect::from_min_size(origin + vec2(0.0, paragraphs.top(line)), galley.rect.size());
                ui.painter().galley(rect.min, galley.clone(), text_color);
                let node = ui.interact(rect, ui.scope_id().with(("line", line)), Sense::hover());
                let line_text = &text[paragraphs.lines[line].start_byte..paragraphs.lines[line].end_byte];
                node.widget_info(|| WidgetInfo::labeled(Role::Label, true, line_text));
                placed.push(Placed { line, rect, galley });
            }
            let total = paragraphs.total_height() + 80.0;
            let area = Rect::from_min_size(origin, vec2(column - 40.0, total));
            ui.set_min_size(vec2(ui.available_width(), total));
            ui.interact(area, ui.scope_id().with("text"), Sense::click_and_drag())
                .on_hover_cursor(egui::CursorIcon::Text)
        });
        if relayout {
            ui.ctx().request_repaint();
        }
        self.top_line = placed.first().map(|p| p.line);
        let response = output.inner;
        let hit = |pos: Pos2| char_at(&placed, &paragraphs, pos);
        self.handle_pointer(ui, &response, workspace, source_id, &highlights, actions, hit);
        if let Some(range) = workspace.text_selection.filter(|r| r.source == source_id && r.start < r.end)
            && self.drag_anchor.is_none()
            && let Some(anchor_pos) = position_of(&placed, &paragraphs, range.end)
        {
            selection::bar(ui.ctx(), anchor_pos, session, actions);
        }
        self.show_chooser(ui.ctx(), workspace, actions);
        let hover_char = response.hover_pos().and_then(hit);
        response.context_menu(|ui| selection::menu(ui, session, actions));
        if self.drag_anchor.is_none()
            && self.chooser.is_none()
            && let Some(offset) = hover_char
        {
            let under: Vec<Highlight> =
                highlights::at(&highlights, offset).into_iter().filter(|h| h.target != Target::TextSelection).collect();
            if !under.is_empty() {
                response.on_hover_ui_at_pointer(|ui| {
                    for highlight in under {
                        ui.label(highlights::describe(workspace, highlight.target));
                    }
                    ui.weak("Click to select");
                });
            }
        }
        self.paragraphs = Some(paragraphs);
    }

    /// The first line on screen in the last frame.
    pub fn top_line(&self) -> Option<usize> {
        self.top_line
    }

    #[expect(clippy::too_many_arguments, reason = "one pointer gesture needs the whole view's state")]
    fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        workspace: &Workspace,
        source: SourceId,
        highlights: &[Highlight],
        actions: &mut Actions,
        hit: impl Fn(Pos2) -> Option<usize>,
    ) {
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin());
            self.drag_anchor = origin.and_then(&hit);
            self.chooser = None;
        }
        if (response.dragged() || response.drag_stopped())
            && let (Some(anchor), Some(pointer)) = (self.drag_anchor, response.interact_pointer_pos())
            && let Some(offset) = hit(pointer)
        {
            let range = TextRange { source, start: anchor.min(offset), end: anchor.max(offset) };
            if workspace.text_selection != Some(range) {
                actions.push(Action::SelectText(Some(range)));
            }
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let targets: Vec<Target> = hit(pointer)
                .map(|offset| highlights::at(highlights, offset))
                .unwrap_or_default()
                .into_iter()
                .filter_map(|h| h.target.selection().map(|_| h.target))
                .collect();
            actions.push(Action::SelectText(None));
            match targets.as_slice() {
                [] => self.chooser = None,
                [only] => {
                    if let Some(selection) = only.selection() {
                        actions.push(Action::Select(selection));
                    }
                }
                several => self.chooser = Some((pointer, several.to_vec())),
            }
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.chooser = None;
            if workspace.text_selection.is_some() {
                actions.push(Action::SelectText(None));
            }
        }
    }

    fn show_chooser(&mut self, ctx: &egui::Context, workspace: &Workspace, actions: &mut Actions) {
        let Some((pos, targets)) = self.chooser.clone() else { return };
        let mut close = false;
        let area = egui::Area::new(egui::Id::unique("highlight chooser")).fixed_pos(pos).order(egui::Order::Foreground);
        let shown = area.show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.weak("Overlapping highlights:");
                for target in targets {
                    if ui.button(highlights::describe(workspace, target)).clicked() {
                        if let Some(selection) = target.selection() {
                            actions.push(Action::Select(selection));
                        }
                        close = true;
                    }
                }
            });
        });
        if close || shown.response.clicked_elsewhere() {
            self.chooser = None;
        }
    }
}

/// The character under `pos`; positions above or below the text clamp to its ends.
fn char_at(placed: &[Placed], paragraphs: &Paragraphs, pos: Pos2) -> Option<usize> {
    let first = placed.first()?;
    let last = placed.last()?;
    if pos.y < first.rect.top() {
        return Some(paragraphs.lines[first.line].start_char);
    }
    if pos.y > last.rect.bottom() {
        return Some(paragraphs.lines[last.line].end_char);
    }
    let entry = placed.iter().find(|p| pos.y <= p.rect.bottom()).unwrap_or(last);
    let cursor = entry.galley.cursor_from_pos(pos - entry.rect.min);
    let line = paragraphs.lines[entry.line];
    Some((line.start_char + cursor.index.0).min(line.end_char))
}

/// Screen position just below character `offset`, if its line is on screen.
fn position_of(placed: &[Placed], paragraphs: &Paragraphs, offset: usize) -> Option<Pos2> {
    let line = paragraphs.line_of(offset);
    let entry = placed.iter().find(|p| p.line == line)?;
    let local = offset.saturating_sub(paragraphs.lines[line].start_char);
    let cursor = entry.galley.pos_from_cursor(egui::text::CCursor::new(local));
    Some(entry.rect.min + vec2(cursor.left(), cursor.bottom() + 4.0))
}

/// "S2 · Outlet · Author · Date · Format", leaving out what the source does not say.
fn details_line(id: SourceId, source: &crate::model::Source) -> String {
    let meta = &source.meta;
    let id = id.to_string();
    let parts = [id.as_str(), meta.outlet.as_str(), meta.author.as_str(), meta.published.as_str()];
    let known = parts.into_iter().map(str::trim).filter(|part| !part.is_empty());
    known.chain([source.content.format.label()]).collect::<Vec<_>>().join(" · ")
}

fn header(ui: &mut egui::Ui, workspace: &Workspace, id: SourceId, actions: &mut Actions) {
    let Some(source) = workspace.project.sources.get(&id) else { return };
    let palette = Palette::current(ui.ctx());
    ui.add_space(4.0);
    ui.heading(source.display_title());
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(palette.muted_text, details_line(id, source));
        if let Some(warning) = super::panels::original_warning(workspace.original_status.get(&id)) {
            ui.colored_label(palette.warning, format!("! {warning}"));
        }
    });
    if let Some(draft) = &workspace.conflict_draft {
        ui.horizontal(|ui| {
            ui.colored_label(
                palette.warning,
                format!(
                    "New conflict: first passage “{}” chosen; select the passage that disagrees.",
                    shorten(&draft.exact, 50)
                ),
            );
            if ui.small_button("Discard").on_hover_text("Stop flagging this conflict").clicked() {
                actions.push(Action::DiscardConflictDraft);
            }
        });
    }
}

fn empty_state(ui: &mut egui::Ui, actions: &mut Actions) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading("No source yet");
        ui.label("Import the reports you are checking, or drop files on this window.");
        if ui.button(UiCommand::ImportSources.label()).on_hover_text(UiCommand::ImportSources.tooltip()).clicked() {
            actions.command(UiCommand::ImportSources);
        }
    });
}

pub(super) fn shorten(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max { line } else { line.chars().take(max - 1).collect::<String>() + "…" }
}

#[cfg(test)]
mod tests {
    use super::details_line;
    use crate::model::{Source, SourceContent, SourceFormat, SourceId, SourceMeta};

    fn source(outlet: &str, published: &str) -> Source {
        let meta = SourceMeta { outlet: outlet.to_owned(), published: published.to_owned(), ..SourceMeta::default() };
        let content = SourceContent { format: SourceFormat::PlainText, text: "Text.".to_owned(), original: None };
        Source { meta, content }
    }

    #[test]
    fn the_details_line_leaves_out_what_the_source_does_not_say() {
        assert_eq!(details_line(SourceId(2), &source("", "")), "S2 · Plain text");
        assert_eq!(details_line(SourceId(2), &source("Wire", " ")), "S2 · Wire · Plain text");
        assert_eq!(details_line(SourceId(3), &source("Wire", "2024-06-01")), "S3 · Wire · 2024-06-01 · Plain text");
    }
}
