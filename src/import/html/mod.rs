//! Saved web pages (`.html`, `.htm`, and the same gzip-compressed): the article body as
//! readable text, and the page's own account of its headline, byline, date and publisher.
//!
//! Decoding honours a declared `<meta charset>`; extraction is in [`extract`], metadata in
//! [`metadata`]. Hostile pages are bounded before any third-party parser sees them:
//! decompression stops at a size cap; a page whose nesting would make an HTML5 tree builder
//! quadratic (see [`hostile`]) or that is too large is tag-stripped in one linear pass; and
//! one too large or nested too deeply for the extractors' recursive algorithms gets the
//! visible-text walk, which is iterative.

mod blocks;
mod extract;
mod hostile;
mod metadata;

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

use super::{Imported, Refusal, decode_text};
use crate::model::SourceFormat;

pub use extract::words;

const IMPORTER: &str = "html-1";

/// A compressed page may unpack to at most this many bytes (a decompression bomb stops here).
pub const MAX_UNPACKED_BYTES: u64 = 64 << 20;

/// Pages larger than this are not parsed into a DOM: even a linear parse of more takes
/// seconds, and no article is that long (the largest page of the shared set is 1.4 MB).
const MAX_PARSED_BYTES: usize = 8 << 20;

/// Pages larger than this skip article extraction, whose cost grows faster than the page.
const MAX_EXTRACTED_BYTES: usize = 4 << 20;

/// Pages whose elements nest deeper than this skip article extraction: real pages stay
/// under a hundred levels, and the extractors recurse once per level.
const MAX_EXTRACTED_DEPTH: usize = 400;

/// Pages whose tags (roughly counted) nest deeper than this are not parsed into a DOM at all.
const MAX_PARSED_DEPTH: usize = 5_000;

/// A tree builder's work on a page (see [`hostile::Shape::work`]) above which it is not
/// parsed: about a second of `dom_query`'s parse on the 2-core development machine. The
/// busiest page of the shared set needs 22,000.
const MAX_PARSED_WORK: usize = 20_000_000;

/// The same for article extraction, where `dom_smoothie` and `rs-trafilatura` each parse
/// the page again and walk it several times.
const MAX_EXTRACTED_WORK: usize = 2_000_000;

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    import_until(bytes, &AtomicBool::new(false))
}

/// [`import`], stopping with [`Refusal::Cancelled`] soon after `cancel` is set: it is
/// checked between stages and inside the ones Crosscheck runs itself, and the budgets above
/// keep each stage it cannot interrupt short.
pub fn import_until(bytes: &[u8], cancel: &AtomicBool) -> Result<Imported, Refusal> {
    let stop = || if cancel.load(Ordering::Relaxed) { Err(Refusal::Cancelled) } else { Ok(()) };
    let (html, mut notes) = decode_html(bytes)?;
    stop()?;
    let shape = hostile::shape(&html, MAX_PARSED_WORK);
    stop()?;
    if let Some(why) = unparsable(&html, shape) {
        notes.push(format!("{why}; its tags were stripped rather than parsed."));
        let text = hostile::strip_tags(&html, cancel).ok_or(Refusal::Cancelled)?;
        if text.is_empty() {
            return Err(Refusal::Empty);
        }
        let meta = crate::model::SourceMeta::default();
        return Ok(Imported {
            format: SourceFormat::Html,
            text,
            meta,
            importer: IMPORTER,
            notes,
            pages_without_text: Vec::new(),
        });
    }
    let document = Document::from(html.as_str());
    stop()?;
    let meta = metadata::metadata(&document);
    let root = document.root();
    let visible = body_blocks(&document);
    stop()?;
    let extraction = if html.len() > MAX_EXTRACTED_BYTES {
        notes.push("The page is too large for article extraction; showing its whole visible text.".to_owned());
        extract::Extraction { text: blocks::render(&visible), notes: Vec::new() }
    } else if shape.work > MAX_EXTRACTED_WORK || nesting_depth(&root) > MAX_EXTRACTED_DEPTH {
        notes.push("The page is nested too deeply for article extraction; showing its whole visible text.".to_owned());
        extract::Extraction { text: blocks::render(&visible), notes: Vec::new() }
    } else {
        extract::article(&html, &visible, cancel).ok_or(Refusal::Cancelled)?
    };
    notes.extend(extraction.notes);
    if extraction.text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(Imported {
        format: SourceFormat::Html,
        text: extraction.text,
        meta,
        importer: IMPORTER,
        notes,
        pages_without_text: Vec::new(),
    })
}

/// Why a page must not be parsed into a DOM, for the note the analyst sees.
fn unparsable(html: &str, shape: hostile::Shape) -> Option<&'static str> {
    if shape.depth > MAX_PARSED_DEPTH {
        Some("The page's elements nest thousands deep, as no real page does")
    } else if shape.work > MAX_PARSED_WORK {
        Some("The page's elements nest so deeply and so often that parsing it would take minutes")
    } else if html.len() > MAX_PARSED_BYTES {
        Some("The page is too large to parse")
    } else {
        None
    }
}

/// A gzip-compressed page: unpacked through a size cap, then read as a page.
pub fn import_gzip(bytes: &[u8]) -> Result<Imported, Refusal> {
    import_gzip_until(bytes, &AtomicBool::new(false))
}

/// [`import_gzip`], stopping soon after `cancel` is set.
pub fn import_gzip_until(bytes: &[u8], cancel: &AtomicBool) -> Result<Imported, Refusal> {
    if !bytes.starts_with(b"\x1F\x8B") {
        return Err(Refusal::Malformed("it is named as gzip-compressed but is not".to_owned()));
    }
    let mut unpacked = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(MAX_UNPACKED_BYTES + 1);
    reader
        .read_to_end(&mut unpacked)
        .map_err(|error| Refusal::Malformed(format!("its gzip compression is damaged ({error})")))?;
    if unpacked.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(Refusal::Malformed(format!("it unpacks to more than {} MB", MAX_UNPACKED_BYTES >> 20)));
    }
    import_until(&unpacked, cancel)
}

/// The page as text: the charset the page declares when its bytes are not UTF-8, otherwise
/// the usual detection.
fn decode_html(bytes: &[u8]) -> Result<(String, Vec<String>), Refusal> {
    if std::str::from_utf8(bytes).is_err()
        && Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = declared_charset(bytes)
    {
        let (text, _, _) = encoding.decode(bytes);
        if text.trim().is_empty() {
            return Err(Refusal::Empty);
        }
        return Ok((text.into_owned(), Vec::new()));
    }
    let decoded = decode_text(bytes)?;
    let notes = decoded.notes();
    Ok((decoded.text, notes))
}

/// The encoding named by `<meta charset=…>` or `http-equiv` in the first few kilobytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    // A page that says UTF-8 but is not is better guessed than decoded with replacement marks.
    Encoding::for_label(label.as_bytes()).filter(|encoding| *encoding != encoding_rs::UTF_8)
}

/// The visible blocks of the body (or of the whole document when it has no body).
fn body_blocks(document: &Document) -> Vec<blocks::Block> {
    document.body().map_or_else(|| blocks::blocks(&document.root()), |body| blocks::blocks(&body))
}

/// How deeply elements nest under `root`, counted without recursion.
fn nesting_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if deepest > MAX_EXTRACTED_DEPTH {
            break;
        }
        stack.extend(node.children_it(false).filter(NodeRef::is_element).map(|child| (child, depth + 1)));
    }
    deepest
}

#[cfg(test)]
mod tests;
