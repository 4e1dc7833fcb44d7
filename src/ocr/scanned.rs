//! The scanned pages of a PDF read with OCR, one at a time: each is drawn as a picture
//! ([`super::render`]) and read like one ([`super::read_page`]). Progress is reported after
//! every page; Cancel is checked between pages and kills the program running within one.
//!
//! A page that fails (the renderer chokes on it, or overruns its deadline) is noted and the
//! next one is tried; a program that is not installed stops the reading, since no page
//! would fare better.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::render::Renderer;
use super::{Needed, OcrError, PageReading, Tesseract, install_hint_for};
use crate::import::pdf::PageWithoutText;

/// The programs that read a scanned page.
#[derive(Debug, Clone)]
pub struct Readers {
    pub renderer: Renderer,
    pub tesseract: Tesseract,
}

impl Readers {
    /// The system's renderer and Tesseract (or those the environment variables name).
    pub fn system() -> Self {
        Self { renderer: Renderer::system(), tesseract: Tesseract::system() }
    }
}

/// What OCR made of a document's scanned pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedReading {
    /// The pages read, in page order.
    pub pages: Vec<PageReading>,
    /// The pages that could not be read, and why.
    pub failed: Vec<(u32, OcrError)>,
    /// Said when the source's language could not be used.
    pub language_note: Option<String>,
}

/// Reads `pages` of `pdf` in the language of the tag `language` (empty for English), telling
/// `progress` how many of them are done after each.
pub fn read_pages(
    readers: &Readers,
    pdf: &Arc<[u8]>,
    pages: &[PageWithoutText],
    language: &str,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<ScannedReading, OcrError> {
    let (code, language_note) = match super::choose_language(&readers.tesseract, language) {
        // A scanned PDF needs the renderer as well; say so now rather than after the next install.
        Err(OcrError::Missing { .. }) => {
            return Err(OcrError::Missing { install: install_hint_for(Needed::RendererAndReader) });
        }
        chosen => chosen?,
    };
    let mut reading = ScannedReading { pages: Vec::new(), failed: Vec::new(), language_note };
    progress(0, pages.len());
    for (done, page) in pages.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(OcrError::Cancelled);
        }
        let read = readers
            .renderer
            .render(pdf, page.page, page.dpi, cancel)
            .and_then(|picture| super::read_page(&readers.tesseract, &picture, &code, page.page, cancel));
        match read {
            Ok(read) => reading.pages.push(read),
            Err(error) if error == OcrError::Cancelled || error.is_missing_program() => return Err(error),
            Err(error) => reading.failed.push((page.page, error)),
        }
        progress(done + 1, pages.len());
    }
    Ok(reading)
}
