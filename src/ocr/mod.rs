//! Reading the text of pictures with OCR (the `tesseract` program).
//!
//! [`read_picture`] turns a decoded picture into the text the analyst reads and an
//! [`OcrLayer`] tying each word of it to its box in the picture, with the reader's
//! confidence. Tesseract runs as a child process ([`tesseract`]) with a deadline and Cancel;
//! when it is not installed, the caller is told how to install it on this system. The pages
//! of a scanned PDF are rendered to pictures first ([`render`]) and read one by one
//! ([`scanned`]).

pub mod cer;
pub mod language;
mod program;
pub mod render;
pub mod scanned;
pub mod tesseract;
mod tsv;

use std::sync::atomic::AtomicBool;

use image::DynamicImage;
use thiserror::Error;

use crate::model::{OcrLayer, OcrPage, OcrWord};

pub use tesseract::Tesseract;

/// Why a picture's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OcrError {
    #[error("Tesseract (the OCR program) is not installed. {install}")]
    Missing { install: String },
    #[error("no PDF renderer (pdftoppm from Poppler, or Ghostscript) is installed. {install}")]
    RendererMissing { install: String },
    #[error("{0}")]
    Failed(String),
    #[error("reading the text took longer than {0} seconds")]
    Overran(u64),
    #[error("reading the text was cancelled")]
    Cancelled,
}

impl OcrError {
    pub(crate) fn missing() -> Self {
        Self::Missing { install: install_hint() }
    }

    /// Whether no page can be read until a program is installed, rather than one page failing.
    pub fn is_missing_program(&self) -> bool {
        matches!(self, Self::Missing { .. } | Self::RendererMissing { .. })
    }
}

/// Which programs an analyst needs to install.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// Tesseract, to read pictures.
    Reader,
    /// A PDF renderer and Tesseract, to read scanned PDFs.
    RendererAndReader,
}

/// How to install Tesseract on the system Crosscheck runs on.
pub fn install_hint() -> String {
    install_hint_for(Needed::Reader)
}

/// How to install what `needed` names on the system Crosscheck runs on.
pub fn install_hint_for(needed: Needed) -> String {
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default().to_ascii_lowercase();
    let family = |names: &[&str]| {
        release
            .lines()
            .filter(|line| line.starts_with("id=") || line.starts_with("id_like="))
            .any(|line| names.iter().any(|name| line.split(['=', ' ', '"']).any(|word| word == *name)))
    };
    let pdf = needed == Needed::RendererAndReader;
    let how = if cfg!(target_os = "macos") {
        if pdf {
            "Install them with Homebrew: brew install poppler tesseract"
        } else {
            "Install it with Homebrew: brew install tesseract"
        }
    } else if cfg!(target_os = "windows") {
        if pdf {
            "Install Tesseract from https://github.com/UB-Mannheim/tesseract/wiki and Poppler's pdftoppm, and make sure both are on the PATH"
        } else {
            "Install it from https://github.com/UB-Mannheim/tesseract/wiki and make sure tesseract.exe is on the PATH"
        }
    } else if family(&["debian", "ubuntu"]) {
        if pdf {
            "Install them with: sudo apt install poppler-utils tesseract-ocr tesseract-ocr-eng"
        } else {
            "Install it with: sudo apt install tesseract-ocr tesseract-ocr-eng"
        }
    } else if family(&["fedora", "rhel", "centos"]) {
        if pdf {
            "Install them with: sudo dnf install poppler-utils tesseract tesseract-langpack-eng"
        } else {
            "Install it with: sudo dnf install tesseract tesseract-langpack-eng"
        }
    } else if family(&["arch"]) {
        if pdf {
            "Install them with: sudo pacman -S poppler tesseract tesseract-data-eng"
        } else {
            "Install it with: sudo pacman -S tesseract tesseract-data-eng"
        }
    } else if family(&["opensuse", "suse"]) {
        if pdf {
            "Install them with: sudo zypper install poppler-tools tesseract-ocr tesseract-ocr-traineddata-english"
        } else {
            "Install it with: sudo zypper install tesseract-ocr tesseract-ocr-traineddata-english"
        }
    } else if pdf {
        "Install the poppler-utils and tesseract-ocr packages with your system's package manager"
    } else {
        "Install the tesseract-ocr package with your system's package manager"
    };
    format!("{how}, then choose \"Read text with OCR\" in the source's inspector.")
}

/// What OCR made of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub text: String,
    pub layer: OcrLayer,
    /// Things the analyst should know: the language used, low-confidence words.
    pub notes: Vec<String>,
}

/// Reads `picture` (page 1 of its source) in the language of the tag `language` (such as
/// `de-CH`; empty for English), stopping soon after `cancel` is set.
pub fn read_picture(
    tesseract: &Tesseract,
    picture: &DynamicImage,
    language: &str,
    cancel: &AtomicBool,
) -> Result<Reading, OcrError> {
    let (code, note) = choose_language(tesseract, language)?;
    let page = read_page(tesseract, picture, &code, 1, cancel)?;
    let layer = OcrLayer { pages: vec![page.read], words: page.words, unread: Vec::new() };
    let mut notes: Vec<String> = note.into_iter().collect();
    notes.push(format!("{}.", layer.summary()));
    if layer.words.is_empty() {
        notes.push("OCR found no text in the picture.".to_owned());
    }
    Ok(Reading { text: page.text, layer, notes })
}

/// Tesseract's data name to read the language of the tag `language` with, and a note when
/// that language could not be used.
pub fn choose_language(tesseract: &Tesseract, language: &str) -> Result<(String, Option<String>), OcrError> {
    let installed = tesseract.languages()?;
    Ok(language::choose(language, &installed))
}

/// The text of one picture, page `page` of its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageReading {
    pub text: String,
    /// The words, their characters counted from the start of this page's `text`.
    pub words: Vec<OcrWord>,
    pub read: OcrPage,
}

/// Reads `picture` as page `page` in Tesseract's language `code`.
pub fn read_page(
    tesseract: &Tesseract,
    picture: &DynamicImage,
    code: &str,
    page: u32,
    cancel: &AtomicBool,
) -> Result<PageReading, OcrError> {
    let png = crate::import::image::greyscale_png(picture).map_err(|refusal| OcrError::Failed(refusal.to_string()))?;
    let mut tsv = tesseract.read_tsv(png.clone(), code, cancel)?;
    if tsv::lines_broken_apart(&tsv) {
        tsv = tesseract.read_tsv_as(png, code, tesseract::Layout::OneBlock, cancel)?;
    }
    let mut text = String::new();
    let mut chars = 0;
    let words = tsv::append_page(&tsv, page, &mut text, &mut chars);
    let on_page = OcrLayer { pages: Vec::new(), words, unread: Vec::new() };
    let confidence = on_page.confidence().unwrap_or(0);
    let read =
        OcrPage { page, width: picture.width(), height: picture.height(), language: code.to_owned(), confidence };
    Ok(PageReading { text, words: on_page.words, read })
}
