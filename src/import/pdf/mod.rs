//! PDF documents: the text of every page in reading order, pages kept apart so evidence can
//! cite one, and the document's title, author and date.
//!
//! `pdf-extract` lays out each page's glyphs (it handles the font encodings that make PDF
//! text hard) on top of `lopdf`, which also gives the page list, encryption state and the
//! Info dictionary. Both were written for well-formed files and panic on some broken ones, so
//! the work runs in a child process (see [`child`]) or, where none is set up, on a named
//! worker thread behind `catch_unwind` and a deadline: a hostile file costs at most the
//! deadline, never the app. A panic on one page loses that page, not the document. Stack
//! overflows, endless loops and exhausted memory cannot be caught or stopped, so before any
//! page is read `unpacked` refuses decompression bombs, `page_tree` page trees that loop,
//! and `forms` drawings that would recurse without end.
//!
//! A page with no text layer (a scan) keeps its place as an empty page and is listed in
//! [`Imported::pages_without_text`]; `import::scanned` reads such pages with OCR.

pub mod child;
mod forms;
mod page_tree;
mod tidy;
mod unpacked;
mod without_text;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use pdf_extract::{Document, Object, OutputDev, PlainTextOutput};

use super::{Imported, Refusal};
use crate::model::{SourceFormat, SourceMeta};

pub use tidy::{PAGE_BREAK, page_of};
pub use without_text::PageWithoutText;

const IMPORTER: &str = "pdf-1";

/// Documents with more pages are refused: far beyond any report, and a cheap bomb otherwise.
pub const MAX_PAGES: usize = 5_000;

/// How long extraction may take before the file is given up on.
const DEADLINE: Duration = Duration::from_mins(1);

/// The worker thread's name. Panics on it are contained and reported as refusals or notes,
/// so a program's panic hook may keep them quiet (the command line does, as does the fuzzer).
pub const WORKER_THREAD: &str = "pdf-import";

/// Why a document the reader panics on, or cannot read a single page of, is refused.
const DAMAGED: &str = "it is a damaged or unusual PDF the reader cannot follow";

/// Stack for the worker: lopdf follows object references recursively.
const WORKER_STACK: usize = 64 << 20;

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if super::sniff::container(bytes) != Some(super::sniff::Container::Pdf) {
        return Err(Refusal::Malformed("it is not a PDF document (it has no PDF header)".to_owned()));
    }
    match child::configured() {
        Some(reader) => reader.read(bytes),
        None => read_on_thread(bytes),
    }
}

/// Reads on a worker thread behind `catch_unwind`, waiting at most the deadline.
fn read_on_thread(bytes: &[u8]) -> Result<Imported, Refusal> {
    let owned = bytes.to_vec();
    let (sender, receiver) = mpsc::channel();
    let worker = std::thread::Builder::new().name(WORKER_THREAD.to_owned()).stack_size(WORKER_STACK).spawn(move || {
        let outcome = catch_unwind(AssertUnwindSafe(|| read(&owned)))
            .unwrap_or_else(|_| Err(Refusal::Malformed(DAMAGED.to_owned())));
        // The receiver is gone only when the deadline passed; nobody is left to tell.
        sender.send(outcome).ok();
    });
    if worker.is_err() {
        return Err(Refusal::Malformed("no thread could be started to read it".to_owned()));
    }
    receiver.recv_timeout(DEADLINE).unwrap_or_else(|_| Err(overran(DEADLINE)))
}

/// Why a reading given up at `deadline` is refused, on a thread or in a child process.
fn overran(deadline: Duration) -> Refusal {
    Refusal::Malformed(format!("reading it took longer than {} seconds; it may be damaged", deadline.as_secs()))
}

fn read(bytes: &[u8]) -> Result<Imported, Refusal> {
    unpacked::check(bytes).map_err(Refusal::Malformed)?;
    let mut document = Document::load_mem(bytes).map_err(|error| load_refusal(&error))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(Refusal::Encrypted);
    }
    let pages = document.get_pages();
    if pages.is_empty() {
        return Err(Refusal::Malformed("it is a PDF with no pages".to_owned()));
    }
    if pages.len() > MAX_PAGES {
        return Err(Refusal::Malformed(format!("it has {} pages; Crosscheck reads up to {MAX_PAGES}", pages.len())));
    }
    page_tree::check(&document, &pages).map_err(Refusal::Malformed)?;
    forms::check(&document, &pages).map_err(Refusal::Malformed)?;
    let mut texts = Vec::with_capacity(pages.len());
    let mut unreadable = 0;
    let mut pages_without_text = Vec::new();
    for (&number, &id) in &pages {
        let text = page_text(&document, number);
        unreadable += usize::from(text.is_none());
        if text.as_deref().is_some_and(|text| text.trim().is_empty()) {
            pages_without_text.push(PageWithoutText::new(&document, number, id));
        }
        texts.push(text.unwrap_or_default());
    }
    if unreadable == texts.len() {
        return Err(Refusal::Malformed(DAMAGED.to_owned()));
    }
    let text = tidy::join_pages(&texts);
    let meta = metadata(&document);
    let mut notes = Vec::new();
    let empty = pages_without_text.len();
    if empty > 0 {
        let verb = if empty == 1 { "has" } else { "have" };
        notes.push(format!("{empty} of {} pages {verb} no text layer (scanned pages or images).", texts.len()));
    }
    if unreadable > 0 {
        let verb = if unreadable == 1 { "is damaged and was" } else { "are damaged and were" };
        notes.push(format!("{unreadable} of {} pages {verb} left out.", texts.len()));
    }
    Ok(Imported { format: SourceFormat::Pdf, text, meta, importer: IMPORTER, notes, pages_without_text })
}

/// One page's text, or `None` when the extractor cannot follow the page (an error or a
/// panic inside `pdf-extract`), so one damaged page does not lose the document.
fn page_text(document: &Document, number: u32) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut text = String::new();
        let mut output = PlainTextOutput::new(&mut text);
        pdf_extract::output_doc_page(document, &mut output as &mut dyn OutputDev, number).ok().map(|()| text)
    }))
    .ok()
    .flatten()
}

fn load_refusal(error: &pdf_extract::Error) -> Refusal {
    let message = error.to_string();
    if matches!(error, pdf_extract::Error::Decryption(_)) || message.to_ascii_lowercase().contains("encrypt") {
        Refusal::Encrypted
    } else {
        Refusal::Malformed(format!("it is a damaged PDF ({message})"))
    }
}

/// Title, author and date from the document's Info dictionary.
fn metadata(document: &Document) -> SourceMeta {
    let info = document.trailer.get(b"Info").ok().and_then(|object| match object {
        Object::Reference(id) => document.get_dictionary(*id).ok(),
        Object::Dictionary(dictionary) => Some(dictionary),
        _ => None,
    });
    let field = |key: &[u8]| {
        info.and_then(|dictionary| dictionary.get(key).ok())
            .and_then(|object| object.as_str().ok())
            .map(pdf_string)
            .unwrap_or_default()
    };
    SourceMeta {
        title: field(b"Title"),
        author: field(b"Author"),
        published: pdf_date(&field(b"CreationDate")),
        ..SourceMeta::default()
    }
}

/// A PDF text string: UTF-16 with a byte-order mark, otherwise the PDF document encoding, which agrees
/// with Latin-1 for the letters that occur in names and titles.
fn pdf_string(bytes: &[u8]) -> String {
    let text = if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = utf16.chunks_exact(2).map(|pair| u16::from_be_bytes([pair[0], pair[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        bytes.iter().map(|&byte| char::from(byte)).collect()
    };
    text.trim().trim_matches('\0').to_owned()
}

/// `D:20260217093000+01'00'` → `2026-02-17`.
fn pdf_date(date: &str) -> String {
    let digits: String = date.trim_start_matches("D:").chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 8 { format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]) } else { String::new() }
}

#[cfg(test)]
mod tests;
