//! Colours and type: the one place the app chooses them.
//!
//! Highlight colours are picked in pairs so that each kind stays distinct on both the
//! light and the dark background and the text over it keeps its contrast.

use eframe::egui::{self, Color32, FontId};
use serde::{Deserialize, Serialize};

use crate::model::{Stance, Tone};

/// Light or dark, remembered between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }

    pub fn is_dark(self) -> bool {
        self == Self::Dark
    }
}

/// What a highlight in the document marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// A word OCR read with low confidence: first, so any other mark on it takes the background.
    Uncertain,
    Claim,
    Evidence(Stance),
    Conflict,
    SearchHit,
    Selection,
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub claim: Color32,
    pub supports: Color32,
    pub contradicts: Color32,
    pub context: Color32,
    pub conflict: Color32,
    pub search_hit: Color32,
    pub selection: Color32,
    pub muted_text: Color32,
    pub warning: Color32,
    pub error: Color32,
    pub accurate: Color32,
    pub mixed: Color32,
    pub inaccurate: Color32,
    pub neutral: Color32,
    pub chip_text: Color32,
    pub page: Color32,
    pub dark: bool,
}

#[expect(clippy::disallowed_methods, reason = "this module is where colours are defined")]
const LIGHT: Palette = Palette {
    claim: Color32::from_rgb(255, 226, 140),
    supports: Color32::from_rgb(190, 232, 196),
    contradicts: Color32::from_rgb(250, 196, 196),
    context: Color32::from_rgb(200, 218, 250),
    conflict: Color32::from_rgb(232, 200, 250),
    search_hit: Color32::from_rgb(255, 170, 60),
    selection: Color32::from_rgb(150, 190, 255),
    muted_text: Color32::from_rgb(110, 110, 118),
    warning: Color32::from_rgb(190, 110, 0),
    error: Color32::from_rgb(190, 30, 30),
    accurate: Color32::from_rgb(30, 130, 70),
    mixed: Color32::from_rgb(190, 130, 0),
    inaccurate: Color32::from_rgb(190, 40, 40),
    neutral: Color32::from_rgb(110, 110, 125),
    chip_text: Color32::from_rgb(255, 255, 255),
    page: Color32::from_rgb(253, 252, 248),
    dark: false,
};

#[expect(clippy::disallowed_methods, reason = "this module is where colours are defined")]
const DARK: Palette = Palette {
    claim: Color32::from_rgb(110, 90, 20),
    supports: Color32::from_rgb(30, 92, 50),
    contradicts: Color32::from_rgb(120, 38, 42),
    context: Color32::from_rgb(36, 64, 120),
    conflict: Color32::from_rgb(88, 44, 120),
    search_hit: Color32::from_rgb(170, 95, 0),
    selection: Color32::from_rgb(40, 80, 150),
    muted_text: Color32::from_rgb(150, 150, 160),
    warning: Color32::from_rgb(240, 170, 60),
    error: Color32::from_rgb(255, 110, 110),
    accurate: Color32::from_rgb(60, 160, 95),
    mixed: Color32::from_rgb(200, 145, 20),
    inaccurate: Color32::from_rgb(210, 70, 70),
    neutral: Color32::from_rgb(105, 105, 120),
    chip_text: Color32::from_rgb(255, 255, 255),
    page: Color32::from_rgb(30, 31, 34),
    dark: true,
};

impl Palette {
    pub fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// The colour for the current egui visuals.
    pub fn current(ctx: &egui::Context) -> &'static Palette {
        if ctx.theme() == egui::Theme::Dark { &DARK } else { &LIGHT }
    }

    pub fn mark(&self, mark: Mark) -> Color32 {
        match mark {
            Mark::Claim => self.claim,
            Mark::Evidence(Stance::Supports) => self.supports,
            Mark::Evidence(Stance::Contradicts) => self.contradicts,
            Mark::Evidence(Stance::Context) => self.context,
            Mark::Conflict => self.conflict,
            Mark::SearchHit => self.search_hit,
            Mark::Selection => self.selection,
            Mark::Uncertain => self.warning.gamma_multiply(0.3),
        }
    }

    /// A stronger version of a mark's colour, for underlines and edges.
    pub fn mark_strong(&self, mark: Mark) -> Color32 {
        let base = self.mark(mark);
        if self.dark { base.lerp_to_gamma(Color32::WHITE, 0.35) } else { base.lerp_to_gamma(Color32::BLACK, 0.35) }
    }

    pub fn tone(&self, tone: Tone) -> Color32 {
        match tone {
            Tone::Accurate => self.accurate,
            Tone::Mixed => self.mixed,
            Tone::Inaccurate => self.inaccurate,
            Tone::Neutral => self.neutral,
        }
    }
}

/// Size of the document text; larger than the interface for long reading.
pub const DOCUMENT_FONT_SIZE: f32 = 15.5;
/// Line height of the document text.
pub const DOCUMENT_LINE_HEIGHT: f32 = 24.0;
/// Widest the document column grows, for comfortable line lengths.
pub const DOCUMENT_MAX_WIDTH: f32 = 720.0;
/// Space between paragraphs of the document.
pub const PARAGRAPH_GAP: f32 = 10.0;

pub fn document_font() -> FontId {
    FontId::proportional(DOCUMENT_FONT_SIZE)
}

/// Applies a theme to the whole interface.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(if theme.is_dark() { egui::Theme::Dark } else { egui::Theme::Light });
    ctx.all_styles_mut(|style| {
        style.visuals.selection.bg_fill =
            Palette::of(if style.visuals.dark_mode { Theme::Dark } else { Theme::Light }).selection;
        style.text_styles = [
            (egui::TextStyle::Small, FontId::proportional(11.5)),
            (egui::TextStyle::Body, FontId::proportional(14.0)),
            (egui::TextStyle::Button, FontId::proportional(14.0)),
            (egui::TextStyle::Heading, FontId::proportional(19.0)),
            (egui::TextStyle::Monospace, FontId::monospace(12.5)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
}

/// How much site furniture's text keeps of the text colour in the document view.
pub const FURNITURE_DIMMING: f32 = 0.45;
