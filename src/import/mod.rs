//! Turning files into sources.
//!
//! Each format is one module with one function, `import(&[u8]) -> Result<Imported, Refusal>`,
//! that knows nothing of paths or projects. [`import_file`] picks the module, enforces the
//! size limit, and names the file in every error.

mod decode;
pub mod html;
pub mod image;
mod markdown;
pub mod office;
pub mod pdf;
mod plain;
mod scanned;
mod sniff;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use thiserror::Error;

use sniff::Container;

use crate::model::{SourceFormat, SourceMeta};

pub use decode::{Decoded, decode_text};

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 64 << 20;

/// What an importer made of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub format: SourceFormat,
    /// The text the analyst reads.
    pub text: String,
    /// Whatever the file says about itself; empty fields are unknown.
    pub meta: SourceMeta,
    /// Importer name and version, recorded with the source so upgrades can offer re-import.
    pub importer: &'static str,
    /// Things the analyst should know about this import (a guessed encoding, say).
    pub notes: Vec<String>,
    /// A PDF's pages that have no text layer (scans), for OCR to read; their places in
    /// `text` are empty pages. Empty for every other format.
    pub pages_without_text: Vec<pdf::PageWithoutText>,
}

/// Why an importer could not read some bytes; [`ImportError`] adds the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("it is not text: {0}")]
    Binary(String),
    #[error("it is empty")]
    Empty,
    #[error("{0}")]
    Malformed(String),
    #[error("it is named .{named} but it is {actually}; rename it to match its content")]
    Mislabelled { named: String, actually: &'static str },
    #[error("it is encrypted; remove the password (for example by printing it to a new PDF) and import that")]
    Encrypted,
    #[error("the import was cancelled")]
    Cancelled,
}

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("cannot read {}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: crate::store::AccessError },
    #[error("{} is more than {} MB; Crosscheck imports files up to {} MB", path.display(), MAX_IMPORT_BYTES >> 20, MAX_IMPORT_BYTES >> 20)]
    TooLarge { path: PathBuf },
    #[error("{} has a format Crosscheck cannot import ({what}); it reads {}", path.display(), supported_list())]
    Unsupported { path: PathBuf, what: String },
    #[error("cannot import {}: {refusal}", path.display())]
    Refused { path: PathBuf, refusal: Refusal },
}

/// A file's bytes and what its importer made of them.
#[derive(Debug)]
pub struct ImportedFile {
    pub bytes: Vec<u8>,
    pub document: Imported,
    /// For a picture or a scanned PDF: where each word of the text was read (`None` when OCR
    /// could not run on a picture, or a PDF has a text layer on every page).
    pub ocr: Option<crate::model::OcrLayer>,
}

/// An importer is handed the cancel flag of the import it runs in.
type Importer = fn(&[u8], &AtomicBool) -> Result<Imported, Refusal>;

/// Importers whose work is short or bounded by its own deadline ignore the flag.
macro_rules! uncancellable {
    ($importer:path) => {{
        fn run(bytes: &[u8], _cancel: &AtomicBool) -> Result<Imported, Refusal> {
            $importer(bytes)
        }
        run as Importer
    }};
}

/// File name extensions, what the bytes of such a file must be, and the importer that reads
/// them. Compound extensions come before their last part.
const IMPORTERS: &[(&str, Container, Importer)] = &[
    ("html.gz", Container::Gzip, html::import_gzip_until),
    ("htm.gz", Container::Gzip, html::import_gzip_until),
    ("txt", Container::Text, uncancellable!(plain::import)),
    ("text", Container::Text, uncancellable!(plain::import)),
    ("md", Container::Text, uncancellable!(markdown::import)),
    ("markdown", Container::Text, uncancellable!(markdown::import)),
    ("html", Container::Text, html::import_until),
    ("htm", Container::Text, html::import_until),
    ("pdf", Container::Pdf, uncancellable!(pdf::import)),
    ("docx", Container::Zip, uncancellable!(office::docx::import)),
    ("odt", Container::Zip, uncancellable!(office::odt::import)),
    // Pictures: decoded here; their text is read by OCR in `import_file_until`.
    ("png", Container::Other("a PNG image"), uncancellable!(image::import)),
    ("jpg", Container::Other("a JPEG image"), uncancellable!(image::import)),
    ("jpeg", Container::Other("a JPEG image"), uncancellable!(image::import)),
    ("gif", Container::Other("a GIF image"), uncancellable!(image::import)),
    ("webp", Container::Other("a WebP image"), uncancellable!(image::import)),
    ("tif", Container::Other("a TIFF image"), uncancellable!(image::import)),
    ("tiff", Container::Other("a TIFF image"), uncancellable!(image::import)),
];

fn supported_list() -> String {
    IMPORTERS.iter().map(|(extension, _, _)| format!(".{extension}")).collect::<Vec<_>>().join(", ")
}

/// Whether files with this name can be imported.
pub fn is_supported(path: &Path) -> bool {
    importer_for(path).is_some() || crate::capture::is_warc(path)
}

/// File name extensions Crosscheck imports, for file dialogs.
pub fn supported_extensions() -> Vec<&'static str> {
    // Web archives hold pages rather than being one; `crate::capture` reads them.
    IMPORTERS.iter().map(|(extension, _, _)| *extension).chain(["warc", "warc.gz"]).collect()
}

/// The extension a file is known by, what its bytes must be, and its importer.
fn importer_for(path: &Path) -> Option<(&'static str, Container, Importer)> {
    // A name that is not UTF-8 still has an ASCII extension to go by.
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    IMPORTERS
        .iter()
        .copied()
        .find(|(known, _, _)| name.strip_suffix(known).is_some_and(|stem| stem.len() > 1 && stem.ends_with('.')))
}

/// Imports `bytes` that came from a file named `.{extension}`: the bytes must be what the
/// name promises, so that a PDF renamed `.docx` is refused with a clear reason rather than
/// a parse error from the wrong reader.
pub fn import_bytes(name: &Path, bytes: &[u8]) -> Result<Imported, Refusal> {
    import_bytes_until(name, bytes, &AtomicBool::new(false))
}

/// [`import_bytes`], stopping with [`Refusal::Cancelled`] soon after `cancel` is set.
pub fn import_bytes_until(name: &Path, bytes: &[u8], cancel: &AtomicBool) -> Result<Imported, Refusal> {
    let Some((extension, container, importer)) = importer_for(name) else {
        return Err(Refusal::Malformed("Crosscheck does not read files of this kind".to_owned()));
    };
    check_container(extension, container, bytes)?;
    importer(bytes, cancel)
}

fn check_container(extension: &str, expected: Container, bytes: &[u8]) -> Result<(), Refusal> {
    match sniff::container(bytes) {
        // Word saves a password-protected .docx inside an old-style compound file.
        Some(Container::Other(_)) if extension == "docx" && bytes.starts_with(b"\xD0\xCF\x11\xE0") => {
            Err(Refusal::Encrypted)
        }
        Some(actual) if actual != expected => {
            Err(Refusal::Mislabelled { named: extension.to_owned(), actually: actual.describe() })
        }
        _ => Ok(()),
    }
}

/// Reads and imports one file the analyst chose.
pub fn import_file(path: &Path) -> Result<ImportedFile, ImportError> {
    import_file_until(path, &AtomicBool::new(false))
}

/// [`import_file`], stopping soon after `cancel` is set. The file must be a regular file
/// (a link to one is followed: the analyst chose it); at most [`MAX_IMPORT_BYTES`] are read.
pub fn import_file_until(path: &Path, cancel: &AtomicBool) -> Result<ImportedFile, ImportError> {
    import_file_in_language(path, "", cancel, &|_, _| {})
}

/// [`import_file_until`], reading a picture's or a scanned PDF's text in the language of the
/// tag `language` (such as `de-CH`, the source's language when a source is read again);
/// empty for English. `pages` hears (pages done, pages to read) as a scanned PDF is read.
pub fn import_file_in_language(
    path: &Path,
    language: &str,
    cancel: &AtomicBool,
    pages: &dyn Fn(usize, usize),
) -> Result<ImportedFile, ImportError> {
    let Some((extension, container, importer)) = importer_for(path) else {
        let what = path.extension().map_or_else(
            || "no file name extension".to_owned(),
            |extension| format!(".{}", extension.to_string_lossy()),
        );
        return Err(ImportError::Unsupported { path: path.to_owned(), what });
    };
    let bytes = crate::store::read_chosen(path, MAX_IMPORT_BYTES).map_err(|reason| match reason {
        crate::store::AccessError::TooLarge(_) => ImportError::TooLarge { path: path.to_owned() },
        reason => ImportError::Unreadable { path: path.to_owned(), reason },
    })?;
    let refused = |refusal| ImportError::Refused { path: path.to_owned(), refusal };
    check_container(extension, container, &bytes).map_err(refused)?;
    let mut document = importer(&bytes, cancel).map_err(refused)?;
    let ocr = match document.format {
        SourceFormat::Image => read_picture_text(&bytes, &mut document, language, cancel).map_err(refused)?,
        SourceFormat::Pdf => {
            let readers = crate::ocr::scanned::Readers::system();
            scanned::read_scanned_pages(&bytes, &mut document, &readers, language, cancel, pages).map_err(refused)?
        }
        _ => None,
    };
    Ok(ImportedFile { bytes, document, ocr })
}

/// Reads a picture's text with OCR into `document`. A missing or failing reader leaves the
/// picture a source without text and says why in the notes (it can be read later from the
/// inspector); only Cancel stops the import.
fn read_picture_text(
    bytes: &[u8],
    document: &mut Imported,
    language: &str,
    cancel: &AtomicBool,
) -> Result<Option<crate::model::OcrLayer>, Refusal> {
    let picture = image::decode(bytes)?;
    match crate::ocr::read_picture(&crate::ocr::Tesseract::system(), &picture, language, cancel) {
        Ok(reading) => {
            document.text = reading.text;
            document.notes.extend(reading.notes);
            Ok(Some(reading.layer))
        }
        Err(crate::ocr::OcrError::Cancelled) => Err(Refusal::Cancelled),
        Err(error) => {
            document.notes.push(format!("The text was not read: {error}"));
            Ok(None)
        }
    }
}

/// The first line of `text` that is not site furniture ("Skip to content") as a
/// title, if it is short enough to be one.
fn title_from_first_line(text: &str) -> String {
    const LONGEST_TITLE: usize = 150;
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !crate::analysis::is_furniture(line))
        .filter(|line| line.chars().count() <= LONGEST_TITLE)
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests;
