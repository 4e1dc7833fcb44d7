//! Scanned PDFs (`tests/fixtures/ocr/scanned.pdf`, `mixed.pdf`, made by `make_pdfs.py` from
//! the letter pictures): their pages without a text layer are drawn and read with OCR. Prints
//! the character error rate and seconds per page for README ("Pictures and OCR").
//!
//! Skipped, saying so, only where Tesseract or both PDF renderers are missing; CI installs them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crosscheck::import::pdf::{PAGE_BREAK, page_of};
use crosscheck::import::{ImportError, Refusal, import_file, import_file_in_language};
use crosscheck::ocr::{OcrError, Tesseract, cer};

/// CER recorded in README for the scanned letters (Tesseract 5.3, Debian 12's `eng`, pdftoppm
/// 22.12): the same as reading the pictures, since the pages are drawn at their own size.
const RECORDED: f64 = 0.0021;

/// Room for another Tesseract or renderer build reading a letter or two differently.
const MARGIN: f64 = 0.01;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr").join(name)
}

fn truth(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("truth")
}

fn installed(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

/// Whether OCR of scanned pages can run here; says why not when it cannot.
fn readers_available() -> bool {
    let tesseract = match Tesseract::system().languages() {
        Ok(languages) => languages.iter().any(|language| language == "eng"),
        Err(OcrError::Missing { .. }) => false,
        Err(error) => panic!("Tesseract is installed but fails: {error}"),
    };
    if !tesseract || !(installed("pdftoppm") || installed("gs")) {
        eprintln!(
            "SKIPPED: needs Tesseract with English data and pdftoppm or gs (apt install poppler-utils tesseract-ocr)"
        );
        return false;
    }
    true
}

#[test]
fn a_scanned_pdf_is_read_page_by_page_with_its_pages_and_confidence_noted() {
    if !readers_available() {
        return;
    }
    let began = Instant::now();
    let imported = import_file(&fixture("scanned.pdf")).expect("imports");
    let seconds = began.elapsed().as_secs_f64() / 3.0;
    let text = &imported.document.text;
    let pages: Vec<&str> = text.split(PAGE_BREAK).collect();
    assert_eq!(pages.len(), 3, "{text:?}");
    let (mut errors, mut length) = (0, 0);
    for (page, name) in pages.iter().zip(["letter-01.txt", "letter-02.txt", "letter-03.txt"]) {
        let (wrong, of) = cer::errors(&truth(name), page);
        errors += wrong;
        length += of;
    }
    let rate = errors as f64 / length as f64;
    eprintln!("scanned.pdf: 3 pages, CER {rate:.4} ({errors}/{length}), {seconds:.2} s per page (draw and read)");
    assert!(rate <= RECORDED + MARGIN, "CER {rate:.4} is worse than the recorded {RECORDED:.4}");

    let layer = imported.ocr.expect("an OCR layer");
    assert!(layer.problem(text.chars().count()).is_none());
    assert_eq!(layer.pages.iter().map(|page| page.page).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(layer.unread.is_empty());
    let on_page_3 = layer.words.iter().find(|word| word.page == 3).expect("words on page 3");
    assert_eq!(page_of(text, on_page_3.start), 3, "words carry their page");
    let confidence = layer.confidence().expect("words");
    let note = format!("Pages 1, 2, 3 read by OCR (eng), mean confidence {confidence} %.");
    assert!(imported.document.notes.contains(&note), "{:?}", imported.document.notes);
}

#[test]
fn a_mixed_pdf_keeps_its_text_page_verbatim_and_reads_the_scanned_one() {
    if !readers_available() {
        return;
    }
    let without_ocr =
        crosscheck::import::pdf::import(&std::fs::read(fixture("mixed.pdf")).expect("fixture")).expect("reads");
    let text_page = without_ocr.text.split(PAGE_BREAK).next().expect("page 1").to_owned();
    let imported = import_file(&fixture("mixed.pdf")).expect("imports");
    let text = &imported.document.text;
    let (first, second) = text.split_once(PAGE_BREAK).expect("two pages");
    assert_eq!(first, text_page, "the text layer's page is kept as it was");
    let (wrong, of) = cer::errors(&truth("letter-04.txt"), second);
    assert!((wrong as f64) / (of as f64) <= RECORDED + MARGIN, "{wrong}/{of}: {second:?}");
    let layer = imported.ocr.expect("an OCR layer");
    assert_eq!(layer.pages.iter().map(|page| page.page).collect::<Vec<_>>(), [2]);
    let first_chars = first.chars().count();
    assert!(layer.words.iter().all(|word| word.page == 2 && word.start > first_chars));
    assert!(imported.document.notes.iter().any(|note| note.starts_with("Page 2 read by OCR (eng), mean confidence")));
}

#[test]
fn cancel_stops_a_scanned_pdf_between_pages() {
    if !readers_available() {
        return;
    }
    let cancel = AtomicBool::new(false);
    let heard = Mutex::new(Vec::new());
    let progress = |done, total| {
        heard.lock().expect("not poisoned").push((done, total));
        if done == 1 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let outcome = import_file_in_language(&fixture("scanned.pdf"), "", &cancel, &progress);
    assert!(
        matches!(outcome, Err(ImportError::Refused { refusal: Refusal::Cancelled, .. })),
        "{:?}",
        outcome.map(|file| file.document.text)
    );
    assert_eq!(*heard.lock().expect("not poisoned"), [(0, 3), (1, 3)], "stopped after page 1 of 3");
}

/// The command line with no renderer to be found: the document still imports, without
/// text, and the notes say what to install.
#[test]
fn without_a_renderer_a_scanned_pdf_imports_without_text_and_says_what_to_install() {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "--json"])
        .arg(fixture("scanned.pdf"))
        .env(crosscheck::ocr::render::PROGRAM_VARIABLE, "/nonexistent/pdftoppm")
        .output()
        .expect("crosscheck runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["text"], "");
    let notes: Vec<&str> = json["notes"].as_array().expect("notes").iter().filter_map(|note| note.as_str()).collect();
    let unread = notes.iter().find(|note| note.starts_with("Pages 1, 2, 3 have no text layer and have not been read"));
    let unread = unread.unwrap_or_else(|| panic!("{notes:?}"));
    // With Tesseract missing as well, it is named first; either way the hint covers both.
    assert!(unread.contains("poppler") && unread.contains("tesseract"), "{unread}");
    if Path::new("/etc/debian_version").exists() {
        assert!(unread.contains("apt install poppler-utils tesseract-ocr"), "{unread}");
    }
}
