//! The picture beside a picture source's text: zoom, pan (scrolling) and fit; the word
//! boxes of the selected text drawn on it, words read with low confidence outlined, and a
//! box dragged on the picture selecting the words inside it.
//!
//! The original file is read and decoded on a named thread (no file I/O on the UI thread),
//! scaled down to what a texture may hold, and uploaded once per source.

use std::path::PathBuf;

use eframe::egui::{self, Color32, ColorImage, Pos2, Rect, Role, Sense, Stroke, TextureHandle, WidgetInfo, pos2, vec2};

use crate::app::actions::{Action, Actions};
use crate::app::theme::Palette;
use crate::model::{OcrLayer, PixelBox, SourceId};
use crate::session::tasks::Task;
use crate::session::{TextRange, Workspace};

/// The largest side of the texture; larger pictures are shown scaled down (boxes stay in
/// the original's pixels and are scaled with it).
const MAX_TEXTURE_SIDE: u32 = 4096;

/// What the picture pane needs of a source: which file, and its identity.
type Key = (SourceId, String);

enum Picture {
    Loading(Task<Result<Decoded, String>>),
    Shown { texture: TextureHandle, width: u32, height: u32 },
    Failed(String),
}

struct Decoded {
    image: ColorImage,
    width: u32,
    height: u32,
}

/// How the picture is scaled on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zoom {
    Fit,
    Scale(f32),
}

/// State of the picture pane between frames.
pub struct PictureView {
    key: Option<Key>,
    picture: Option<Picture>,
    pub zoom: Zoom,
    /// Where a box drag started, in the picture's pixels.
    drag_from: Option<Pos2>,
}

impl Default for PictureView {
    fn default() -> Self {
        Self { key: None, picture: None, zoom: Zoom::Fit, drag_from: None }
    }
}

/// The identity of the source's picture file and its OCR layer, when it is a picture source.
pub fn picture_of(workspace: &Workspace, id: SourceId) -> Option<(&str, Option<&OcrLayer>)> {
    let source = workspace.project.sources.get(&id)?;
    let original = source.content.original.as_ref()?;
    (source.content.format == crate::model::SourceFormat::Image)
        .then_some((original.sha256.as_str(), original.ocr.as_deref()))
}

impl PictureView {
    pub fn show(&mut self, ui: &mut egui::Ui, workspace: &Workspace, id: SourceId, actions: &mut Actions) {
        let Some((sha256, layer)) = picture_of(workspace, id) else { return };
        let key = (id, sha256.to_owned());
        if self.key.as_ref() != Some(&key) {
            self.key = Some(key);
            self.picture = Some(match workspace.original_to_read(id) {
                Ok(path) => start_loading(path, ui.ctx()),
                Err(reason) => Picture::Failed(reason),
            });
            self.drag_from = None;
        }
        self.poll(ui.ctx());
        self.toolbar(ui, layer);
        match &self.picture {
            Some(Picture::Shown { texture, width, height }) => {
                let (texture, width, height) = (texture.clone(), *width, *height);
                self.draw(ui, workspace, id, layer, &texture, (width, height), actions);
            }
            Some(Picture::Failed(reason)) => {
                ui.colored_label(Palette::current(ui.ctx()).warning, format!("The picture cannot be shown: {reason}"));
            }
            // The loading task wakes the window when the picture is ready.
            Some(Picture::Loading(_)) | None => {
                ui.label("Loading the picture…");
            }
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some(Picture::Loading(task)) = &mut self.picture else { return };
        let loaded = match task.take() {
            Some(Ok(decoded)) => {
                let texture = ctx.load_texture("source picture", decoded.image, egui::TextureOptions::LINEAR);
                Picture::Shown { texture, width: decoded.width, height: decoded.height }
            }
            Some(Err(reason)) => Picture::Failed(reason),
            None if task.is_finished() => Picture::Failed("the picture could not be read".to_owned()),
            None => return,
        };
        self.picture = Some(loaded);
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, layer: Option<&OcrLayer>) {
        ui.horizontal(|ui| {
            if ui.button("Fit").on_hover_text("Fit the whole picture in the pane").clicked() {
                self.zoom = Zoom::Fit;
            }
            let current = match self.zoom {
                Zoom::Fit => None,
                Zoom::Scale(scale) => Some(scale),
            };
            if ui.button("Zoom in").on_hover_text("Show the picture larger").clicked() {
                self.zoom = Zoom::Scale((current.unwrap_or(1.0) * 1.25).min(8.0));
            }
            if ui.button("Zoom out").on_hover_text("Show the picture smaller").clicked() {
                self.zoom = Zoom::Scale((current.unwrap_or(1.0) / 1.25).max(0.1));
            }
            if let Some(scale) = current {
                ui.weak(format!("{:.0}%", scale * 100.0));
            }
        });
        if let Some(layer) = layer {
            ui.add(egui::Label::new(egui::RichText::new(layer.summary()).weak()).wrap())
                .on_hover_text("Words read with low confidence are outlined on the picture and marked in the text");
        }
    }

    #[expect(clippy::too_many_arguments, reason = "one pane drawing the picture, its boxes and the drag")]
    fn draw(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        id: SourceId,
        layer: Option<&OcrLayer>,
        texture: &TextureHandle,
        (width, height): (u32, u32),
        actions: &mut Actions,
    ) {
        let available = ui.available_size();
        let scale = match self.zoom {
            Zoom::Fit => (available.x / width as f32).min(available.y / height as f32).max(0.01),
            Zoom::Scale(scale) => scale,
        };
        let size = vec2(width as f32 * scale, height as f32 * scale);
        let palette = Palette::current(ui.ctx());
        egui::ScrollArea::both().id_salt(("picture", id.0)).auto_shrink(false).show(ui, |ui| {
            let (rect, response) = ui.allocate_exact_size(size, Sense::drag());
            response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Picture of the source"));
            let painter = ui.painter_at(rect);
            painter.image(texture.id(), rect, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)), Color32::WHITE);
            let to_screen = |area: PixelBox| {
                Rect::from_min_size(
                    rect.min + vec2(area.left as f32 * scale, area.top as f32 * scale),
                    vec2(area.width as f32 * scale, area.height as f32 * scale),
                )
            };
            let to_pixels = |pos: Pos2| ((pos - rect.min) / scale).to_pos2();
            if let Some(layer) = layer {
                for word in layer.low_confidence_words().filter(|word| word.page == 1) {
                    painter.rect_stroke(
                        to_screen(word.area),
                        1.0,
                        Stroke::new(1.5, palette.warning),
                        egui::StrokeKind::Outside,
                    );
                }
                if let Some(range) =
                    workspace.text_selection.filter(|range| range.source == id && range.start < range.end)
                {
                    for (_, area) in layer.regions(range.start..range.end).into_iter().filter(|(page, _)| *page == 1) {
                        let shown = to_screen(area).expand(2.0);
                        painter.rect_filled(shown, 2.0, palette.selection.gamma_multiply(0.45));
                        painter.rect_stroke(shown, 2.0, Stroke::new(1.5, palette.selection), egui::StrokeKind::Outside);
                    }
                }
            }
            if response.drag_started() {
                self.drag_from = ui.input(|input| input.pointer.press_origin()).map(to_pixels);
            }
            if let (Some(from), Some(to)) = (self.drag_from, response.interact_pointer_pos().map(to_pixels)) {
                let dragged = Rect::from_two_pos(from, to);
                painter.rect_stroke(
                    Rect::from_two_pos(rect.min + from.to_vec2() * scale, rect.min + to.to_vec2() * scale),
                    0.0,
                    Stroke::new(1.0, palette.selection),
                    egui::StrokeKind::Middle,
                );
                if response.drag_stopped() || response.dragged() {
                    select_words(layer, id, dragged, workspace.text_selection, actions);
                }
            }
            if response.drag_stopped() {
                self.drag_from = None;
            }
        });
    }
}

/// Selects the words a box dragged on the picture touches.
fn select_words(
    layer: Option<&OcrLayer>,
    id: SourceId,
    dragged: Rect,
    current: Option<TextRange>,
    actions: &mut Actions,
) {
    let Some(layer) = layer else { return };
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0 and rounded; pictures are under 20,000 pixels a side"
    )]
    let pixels = |value: f32| value.max(0.0).round() as u32;
    let area = PixelBox {
        left: pixels(dragged.min.x),
        top: pixels(dragged.min.y),
        width: pixels(dragged.width()).max(1),
        height: pixels(dragged.height()).max(1),
    };
    let selection =
        layer.chars_in_box(1, area).map(|chars| TextRange { source: id, start: chars.start, end: chars.end });
    if selection.is_some() && selection != current {
        actions.push(Action::SelectText(selection));
    }
}

/// Reads and decodes the picture on a worker, which wakes the window when it is ready.
fn start_loading(path: PathBuf, ctx: &egui::Context) -> Picture {
    let ctx = ctx.clone();
    let spawned = Task::spawn("picture load", std::sync::Arc::new(move || ctx.request_repaint()), move |worker| {
        // The pane may be gone by the time the picture is ready; then nobody needs it.
        worker.send(load(&path));
    });
    match spawned {
        Ok(task) => Picture::Loading(task),
        Err(error) => Picture::Failed(format!("no thread could be started to read it ({error})")),
    }
}

fn load(path: &std::path::Path) -> Result<Decoded, String> {
    let bytes = crate::store::read_chosen(path, crate::import::MAX_IMPORT_BYTES)
        .map_err(|error| format!("{} cannot be read: {error}", path.display()))?;
    let picture = crate::import::image::decode(&bytes).map_err(|refusal| format!("{}: {refusal}", path.display()))?;
    let (width, height) = (picture.width(), picture.height());
    let shown = if width.max(height) > MAX_TEXTURE_SIDE {
        picture.thumbnail(MAX_TEXTURE_SIDE, MAX_TEXTURE_SIDE)
    } else {
        picture
    };
    let rgba = shown.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(Decoded { image: ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()), width, height })
}
