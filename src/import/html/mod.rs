//! Saved web pages (`.html`, `.htm`, and the same gzip-compressed): the article body as
//! readable text, and the page's own account of its headline, byline, date and publisher.
//!
//! Decoding honours a declared `<meta charset>`; extraction is in [`extract`], metadata in
//! [`metadata`]. Hostile pages are bounded before any third-party extractor sees them:
//! decompression stops at a size cap, and a page too large or nested too deeply for the
//! extractors' recursive algorithms gets the visible-text walk, which is iterative.

mod blocks;
mod extract;
mod hostile;
mod metadata;

use std::io::Read;

use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

use super::{Imported, Refusal, decode_text};
use crate::model::SourceFormat;

pub use extract::words;

const IMPORTER: &str = "html-1";

/// A compressed page may unpack to at most this many bytes (a decompression bomb stops here).
pub const MAX_UNPACKED_BYTES: u64 = 64 << 20;

/// Pages larger than this skip article extraction, whose cost grows faster than the page.
const MAX_EXTRACTED_BYTES: usize = 16 << 20;

/// Pages whose elements nest deeper than this skip article extraction: real pages stay
/// under a hundred levels, and the extractors recurse once per level.
const MAX_EXTRACTED_DEPTH: usize = 400;

/// Pages whose tags (roughly counted) nest deeper than this are not parsed into a DOM at all.
const MAX_PARSED_DEPTH: usize = 5_000;

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let (html, mut notes) = decode_html(bytes)?;
    if hostile::rough_depth(&html, MAX_PARSED_DEPTH) > MAX_PARSED_DEPTH {
        notes.push("The page's elements nest thousands deep, as no real page does; its tags were stripped.".to_owned());
        let text = hostile::strip_tags(&html);
        if text.is_empty() {
            return Err(Refusal::Empty);
        }
        return Ok(Imported {
            format: SourceFormat::Html,
            text,
            meta: crate::model::SourceMeta::default(),
            importer: IMPORTER,
            notes,
        });
    }
    let document = Document::from(html.as_str());
    let meta = metadata::metadata(&document);
    let root = document.root();
    let visible = body_blocks(&document);
    let extraction = if html.len() > MAX_EXTRACTED_BYTES {
        notes.push("The page is too large for article extraction; showing its whole visible text.".to_owned());
        extract::Extraction { text: blocks::render(&visible), notes: Vec::new() }
    } else if nesting_depth(&root) > MAX_EXTRACTED_DEPTH {
        notes.push("The page is nested too deeply for article extraction; showing its whole visible text.".to_owned());
        extract::Extraction { text: blocks::render(&visible), notes: Vec::new() }
    } else {
        extract::article(&html, &visible)
    };
    notes.extend(extraction.notes);
    if extraction.text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(Imported { format: SourceFormat::Html, text: extraction.text, meta, importer: IMPORTER, notes })
}

/// A gzip-compressed page: unpacked through a size cap, then read as a page.
pub fn import_gzip(bytes: &[u8]) -> Result<Imported, Refusal> {
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
    import(&unpacked)
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
