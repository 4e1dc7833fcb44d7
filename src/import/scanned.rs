//! The scanned pages of an imported PDF, read with OCR and put in their places in the text.
//!
//! The PDF reader leaves each page without a text layer as an empty page between form
//! feeds. Each is filled here with what OCR read, and the OCR layer records where every
//! word of it lies in the whole text; pages with a text layer stay exactly as the reader
//! made them. When OCR cannot run, the document is still a source, and its OCR layer lists
//! the unread pages so that "Read text with OCR" is offered for them.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::pdf::PAGE_BREAK;
use super::{Imported, Refusal};
use crate::model::{LOW_CONFIDENCE, OcrLayer, OcrWord};
use crate::ocr::scanned::{Readers, ScannedReading};
use crate::ocr::{OcrError, PageReading};

/// Reads the pages of the PDF in `bytes` that `document` lists as having no text layer,
/// in the language of the tag `language`, into `document`'s text and notes. `progress` hears
/// (pages done, pages to read) after each page. Only Cancel stops the import; any other
/// failure is said in the notes.
pub fn read_scanned_pages(
    bytes: &[u8],
    document: &mut Imported,
    readers: &Readers,
    language: &str,
    cancel: &AtomicBool,
    progress: &dyn Fn(usize, usize),
) -> Result<Option<OcrLayer>, Refusal> {
    if document.pages_without_text.is_empty() {
        return Ok(None);
    }
    let pdf: Arc<[u8]> = bytes.into();
    let pages = &document.pages_without_text;
    let layer = match crate::ocr::scanned::read_pages(readers, &pdf, pages, language, cancel, progress) {
        Ok(reading) => {
            let (text, layer) = splice(&document.text, &reading);
            document.text = text;
            document.notes.extend(notes(&reading, &layer));
            layer
        }
        Err(OcrError::Cancelled) => return Err(Refusal::Cancelled),
        Err(error) => {
            let unread: Vec<u32> = pages.iter().map(|page| page.page).collect();
            let layer = OcrLayer { unread, ..OcrLayer::default() };
            let which = layer.unread_note().unwrap_or_default();
            document.notes.push(format!("{which}: {error}"));
            layer
        }
    };
    // Form feeds alone are no text: a fully scanned document read by nobody has none, like a picture.
    if document.text.chars().all(char::is_whitespace) {
        document.text.clear();
    }
    Ok(Some(layer))
}

/// The text with each page OCR read in its place, and the layer of those pages' words.
fn splice(text: &str, reading: &ScannedReading) -> (String, OcrLayer) {
    let read: BTreeMap<u32, &PageReading> = reading.pages.iter().map(|page| (page.read.page, page)).collect();
    let mut spliced =
        String::with_capacity(text.len() + reading.pages.iter().map(|page| page.text.len()).sum::<usize>());
    let mut chars = 0;
    let mut words = Vec::new();
    for (number, slot) in (1..).zip(text.split(PAGE_BREAK)) {
        if number > 1 {
            spliced.push(PAGE_BREAK);
            chars += 1;
        }
        match read.get(&number) {
            // Only an empty page is filled: the reader's text, where there is any, is kept.
            Some(page) if slot.trim().is_empty() => {
                words.extend(page.words.iter().map(|word| OcrWord {
                    start: word.start + chars,
                    end: word.end + chars,
                    ..word.clone()
                }));
                spliced.push_str(&page.text);
                chars += page.text.chars().count();
            }
            _ => {
                spliced.push_str(slot);
                chars += slot.chars().count();
            }
        }
    }
    let pages = reading.pages.iter().map(|page| page.read.clone()).collect();
    let unread = reading.failed.iter().map(|(page, _)| *page).collect();
    (spliced, OcrLayer { pages, words, unread })
}

/// What the analyst is told: the pages read and how surely, words to check, pages that failed.
fn notes(reading: &ScannedReading, layer: &OcrLayer) -> Vec<String> {
    let mut notes: Vec<String> = reading.language_note.iter().cloned().collect();
    notes.extend(layer.pages_note().map(|note| format!("{note}.")));
    let low = layer.low_confidence_words().count();
    if low > 0 {
        let words = crate::wording::count(low, "word", "words");
        notes.push(format!("{words} read below {LOW_CONFIDENCE} % confidence are marked in the text for checking."));
    }
    if !layer.pages.is_empty() && layer.words.is_empty() {
        notes.push("OCR found no text on the scanned pages.".to_owned());
    }
    for (page, error) in &reading.failed {
        notes.push(format!("Page {page} was not read by OCR: {error}."));
    }
    notes
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Duration;

    use super::*;
    use crate::model::{OcrPage, PixelBox};
    use crate::ocr::Tesseract;
    use crate::ocr::render::{Dialect, Renderer};

    const MIXED: &[u8] = include_bytes!("../../tests/fixtures/ocr/mixed.pdf");

    /// A stand-in program: a shell script, so each way a real one can fail is reproduced.
    fn script(folder: &tempfile::TempDir, name: &str, body: &str) -> std::ffi::OsString {
        let path = folder.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("mode");
        path.into()
    }

    /// Readers whose Tesseract knows English, and whose renderer runs `renderer`.
    fn readers(folder: &tempfile::TempDir, renderer: std::ffi::OsString, deadline: Duration) -> Readers {
        let tesseract = script(folder, "fake-tesseract", "echo 'List of available languages (1):'; echo eng");
        Readers {
            renderer: Renderer { programs: vec![(renderer, Dialect::Poppler)], deadline },
            tesseract: Tesseract { program: tesseract, deadline },
        }
    }

    fn mixed() -> Imported {
        super::super::pdf::import(MIXED).expect("the mixed fixture reads")
    }

    #[test]
    fn without_a_renderer_the_document_is_still_a_source_and_says_what_to_install() {
        let folder = tempfile::tempdir().expect("folder");
        let readers = readers(&folder, "/nonexistent/pdftoppm".into(), Duration::from_secs(10));
        let mut document = mixed();
        let text_page = document.text.clone();
        let layer = read_scanned_pages(MIXED, &mut document, &readers, "", &AtomicBool::new(false), &|_, _| {})
            .expect("imports")
            .expect("a layer listing the unread page");
        assert_eq!(document.text, text_page, "the text page is kept as it was");
        assert_eq!(layer.unread, [2]);
        let note = document.notes.last().expect("a note");
        assert!(note.starts_with("Page 2 has no text layer and has not been read by OCR: no PDF renderer"), "{note}");
        assert!(note.contains("nstall") && note.contains("Read text with OCR"), "{note}");
    }

    #[test]
    fn a_renderer_that_hangs_is_stopped_at_the_deadline_and_the_page_noted() {
        let folder = tempfile::tempdir().expect("folder");
        let sleeper = script(&folder, "fake-renderer", "exec sleep 30");
        let readers = readers(&folder, sleeper, Duration::from_secs(1));
        let mut document = mixed();
        let began = std::time::Instant::now();
        let layer = read_scanned_pages(MIXED, &mut document, &readers, "", &AtomicBool::new(false), &|_, _| {})
            .expect("imports")
            .expect("a layer");
        assert!(began.elapsed() < Duration::from_secs(10), "killed at the deadline: {:?}", began.elapsed());
        assert_eq!(layer.unread, [2]);
        let note = document.notes.last().expect("a note");
        assert_eq!(
            note,
            "Page 2 was not read by OCR: drawing page 2 took longer than 1 seconds (fake-renderer was stopped)."
        );
    }

    #[test]
    fn cancel_stops_the_import() {
        let folder = tempfile::tempdir().expect("folder");
        let sleeper = script(&folder, "fake-renderer", "exec sleep 30");
        let readers = readers(&folder, sleeper, Duration::from_secs(20));
        let cancel = AtomicBool::new(false);
        let began = std::time::Instant::now();
        let cancelling = |_, _| cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        let outcome = read_scanned_pages(MIXED, &mut mixed(), &readers, "", &cancel, &cancelling);
        assert_eq!(outcome, Err(Refusal::Cancelled));
        assert!(began.elapsed() < Duration::from_secs(10));
    }

    fn page(number: u32, text: &str) -> PageReading {
        let words = text
            .split(' ')
            .scan(0, |start, word| {
                let at = *start;
                *start += word.chars().count() + 1;
                Some(OcrWord {
                    page: number,
                    start: at,
                    end: at + word.chars().count(),
                    area: PixelBox::default(),
                    confidence: 50,
                })
            })
            .collect();
        let read = OcrPage { page: number, width: 10, height: 10, language: "eng".into(), confidence: 50 };
        PageReading { text: text.to_owned(), words, read }
    }

    #[test]
    fn read_pages_fill_their_empty_places_and_text_pages_stay_as_they_were() {
        let text = "Zinc was high.\u{c}\u{c}Work stopped.\u{c}";
        let reading = ScannedReading {
            pages: vec![page(2, "Dear Ms Hartley"), page(4, "Yours sincerely")],
            failed: vec![(5, OcrError::Overran(60))],
            language_note: None,
        };
        let (spliced, layer) = splice(text, &reading);
        assert_eq!(spliced, "Zinc was high.\u{c}Dear Ms Hartley\u{c}Work stopped.\u{c}Yours sincerely");
        assert!(layer.problem(spliced.chars().count()).is_none());
        let chars: Vec<char> = spliced.chars().collect();
        let word = |n: usize| chars[layer.words[n].chars()].iter().collect::<String>();
        assert_eq!((word(0), word(2), word(3)), ("Dear".to_owned(), "Hartley".to_owned(), "Yours".to_owned()));
        assert_eq!(crate::import::pdf::page_of(&spliced, layer.words[3].start), 4);
        assert_eq!(layer.unread, [5]);
        let notes = notes(&reading, &layer);
        assert_eq!(notes[0], "Pages 2, 4 read by OCR (eng), mean confidence 50 %.");
        assert!(notes[1].starts_with("5 words read below 60 % confidence"), "{notes:?}");
        assert!(notes[2].starts_with("Page 5 was not read by OCR: reading the text took longer"), "{notes:?}");
    }
}
