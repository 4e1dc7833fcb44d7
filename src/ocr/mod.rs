//! Reading the text of pictures with OCR (the `tesseract` program).
//!
//! [`read_picture`] turns a decoded picture into the text the analyst reads and an
//! [`OcrLayer`] tying each word of it to its box in the picture, with the reader's
//! confidence. Tesseract runs as a child process ([`tesseract`]) with a deadline and Cancel;
//! when it is not installed, the caller is told how to install it on this system.

pub mod cer;
pub mod language;
pub mod tesseract;
mod tsv;

use std::sync::atomic::AtomicBool;

use image::DynamicImage;
use thiserror::Error;

use crate::model::{OcrLayer, OcrPage};

pub use tesseract::Tesseract;

/// Why a picture's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OcrError {
    #[error("Tesseract (the OCR program) is not installed, so the picture's text was not read. {install}")]
    Missing { install: String },
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
}

/// How to install Tesseract on the system Crosscheck runs on.
pub fn install_hint() -> String {
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default().to_ascii_lowercase();
    let family = |names: &[&str]| {
        release
            .lines()
            .filter(|line| line.starts_with("id=") || line.starts_with("id_like="))
            .any(|line| names.iter().any(|name| line.split(['=', ' ', '"']).any(|word| word == *name)))
    };
    let how = if cfg!(target_os = "macos") {
        "Install it with Homebrew: brew install tesseract"
    } else if cfg!(target_os = "windows") {
        "Install it from https://github.com/UB-Mannheim/tesseract/wiki and make sure tesseract.exe is on the PATH"
    } else if family(&["debian", "ubuntu"]) {
        "Install it with: sudo apt install tesseract-ocr tesseract-ocr-eng"
    } else if family(&["fedora", "rhel", "centos"]) {
        "Install it with: sudo dnf install tesseract tesseract-langpack-eng"
    } else if family(&["arch"]) {
        "Install it with: sudo pacman -S tesseract tesseract-data-eng"
    } else if family(&["opensuse", "suse"]) {
        "Install it with: sudo zypper install tesseract-ocr tesseract-ocr-traineddata-english"
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
    let installed = tesseract.languages()?;
    let (code, note) = language::choose(language, &installed);
    let png = crate::import::image::greyscale_png(picture).map_err(|refusal| OcrError::Failed(refusal.to_string()))?;
    let tsv = tesseract.read_tsv(png, &code, cancel)?;
    let mut text = String::new();
    let mut chars = 0;
    let words = tsv::append_page(&tsv, 1, &mut text, &mut chars);
    let mut layer = OcrLayer { pages: Vec::new(), words };
    let confidence = layer.confidence().unwrap_or(0);
    layer.pages.push(OcrPage { page: 1, width: picture.width(), height: picture.height(), language: code, confidence });
    let mut notes: Vec<String> = note.into_iter().collect();
    notes.push(format!("{}.", layer.summary()));
    if layer.words.is_empty() {
        notes.push("OCR found no text in the picture.".to_owned());
    }
    Ok(Reading { text, layer, notes })
}
