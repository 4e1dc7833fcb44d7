//! Where a passage is, in words a reader can follow: page and characters.
//!
//! Positions count characters of the extracted text, as anchors do. For PDFs the reader
//! wants a page: the PDF importer separates pages with form feeds (U+000C), so the page
//! of a passage is one more than the form feeds before it.

use crate::model::{Anchor, Source, SourceFormat};

/// The page (for PDFs) and character range of `anchor` in `source`.
pub(crate) fn describe(anchor: &Anchor, source: Option<&Source>) -> String {
    let characters = format!("characters {}\u{2013}{}", anchor.start, anchor.end);
    match source.and_then(|source| page(anchor, source)) {
        Some(page) => format!("page {page}, {characters}"),
        None => characters,
    }
}

/// The 1-based page of `anchor`, for PDF sources.
pub(crate) fn page(anchor: &Anchor, source: &Source) -> Option<usize> {
    if source.content.format != SourceFormat::Pdf {
        return None;
    }
    let breaks = source.text().chars().take(anchor.start).filter(|&c| c == '\u{c}').count();
    Some(breaks + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceContent, SourceId, SourceMeta};

    fn source(format: SourceFormat, text: &str) -> Source {
        Source { meta: SourceMeta::default(), content: SourceContent { format, text: text.to_owned(), original: None } }
    }

    #[test]
    fn pdf_passages_name_their_page() {
        let text = "first page\u{c}second page\u{c}third page";
        let anchor = Anchor::find(SourceId(1), text, "third").expect("found");
        assert_eq!(describe(&anchor, Some(&source(SourceFormat::Pdf, text))), "page 3, characters 23\u{2013}28");
        assert_eq!(describe(&anchor, Some(&source(SourceFormat::PlainText, text))), "characters 23\u{2013}28");
        assert_eq!(describe(&anchor, None), "characters 23\u{2013}28");
    }
}
