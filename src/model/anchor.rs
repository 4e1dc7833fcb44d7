//! Where a passage sits in a source: the W3C Web Annotation selector pair.
//!
//! A position (`start..end` in characters) finds the passage quickly; the quote (exact
//! text with a little context either side) finds it again when the text has changed and
//! the position no longer fits. When re-anchoring cannot find it with confidence, the
//! anchor is kept as it was and flagged `orphaned`, so the analyst reviews it instead of
//! the passage silently moving to the wrong text.

use serde::{Deserialize, Serialize};

use super::chars::CharIndex;
use super::ids::SourceId;

/// How many characters of context an anchor keeps either side of its passage.
pub const CONTEXT_CHARS: usize = 32;

/// A passage of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub source: SourceId,
    /// First character of the passage (`TextPositionSelector.start`).
    pub start: usize,
    /// One past the last character (`TextPositionSelector.end`).
    pub end: usize,
    /// The passage itself (`TextQuoteSelector.exact`).
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before the passage.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the passage.
    #[serde(default)]
    pub suffix: String,
    /// The source's text changed and the passage could not be found again with
    /// confidence: position and quote are the last known ones, kept for review. Edits
    /// accept an orphaned anchor that does not fit its text; validation reports it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

impl Anchor {
    /// Anchors `start..end` (characters) of `text`, capturing quote and context.
    /// `None` when the range does not fit the text.
    pub fn capture(source: SourceId, text: &str, start: usize, end: usize) -> Option<Self> {
        Self::capture_indexed(source, text, &CharIndex::new(text), start, end)
    }

    /// Like [`Anchor::capture`], reusing an index of `text` built once for many anchors.
    pub fn capture_indexed(source: SourceId, text: &str, index: &CharIndex, start: usize, end: usize) -> Option<Self> {
        let exact = index.slice(text, start, end)?;
        let prefix = index.slice(text, start.saturating_sub(CONTEXT_CHARS), start)?;
        let suffix = index.slice(text, end, (end + CONTEXT_CHARS).min(index.char_len()))?;
        Some(Self {
            source,
            start,
            end,
            exact: exact.to_owned(),
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
            orphaned: false,
        })
    }

    /// Anchors the first occurrence of `quote` in `text`.
    pub fn find(source: SourceId, text: &str, quote: &str) -> Option<Self> {
        if quote.is_empty() {
            return None;
        }
        let byte = text.find(quote)?;
        let index = CharIndex::new(text);
        let start = index.char_offset(text, byte);
        Self::capture_indexed(source, text, &index, start, start + quote.chars().count())
    }

    /// Number of characters in the passage.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether the two passages share at least one character of the same source.
    pub fn overlaps(&self, other: &Anchor) -> bool {
        self.source == other.source && self.start < other.end && other.start < self.end
    }

    /// The same anchor, flagged as orphaned (see [`Anchor::orphaned`]).
    #[must_use]
    pub fn into_orphan(self) -> Self {
        Self { orphaned: true, ..self }
    }

    /// Whether the anchor's position still holds its quote in `text`.
    pub fn fits(&self, text: &str, index: &CharIndex) -> bool {
        index.slice(text, self.start, self.end) == Some(self.exact.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_quote_and_bounded_context() {
        let text = "The minister met her counterpart in Valmora on Tuesday to sign the accord on the shared river.";
        let anchor = Anchor::find(SourceId(1), text, "Valmora").expect("quote is in the text");
        assert_eq!(anchor.start, 36);
        assert_eq!(anchor.end, 43);
        assert_eq!(anchor.prefix, "minister met her counterpart in ");
        assert_eq!(anchor.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(anchor.suffix, " on Tuesday to sign the accord o");
        assert!(anchor.fits(text, &CharIndex::new(text)));
    }

    #[test]
    fn context_is_clipped_at_the_ends_of_the_text() {
        let anchor = Anchor::capture(SourceId(1), "Ärzte warnen", 0, 5).expect("range fits");
        assert_eq!(anchor.exact, "Ärzte");
        assert_eq!(anchor.prefix, "");
        assert_eq!(anchor.suffix, " warnen");
        assert!(Anchor::capture(SourceId(1), "short", 2, 9).is_none());
    }

    #[test]
    fn overlap_needs_the_same_source_and_shared_characters() {
        let a = Anchor::capture(SourceId(1), "abcdefgh", 0, 4).expect("fits");
        let b = Anchor::capture(SourceId(1), "abcdefgh", 3, 6).expect("fits");
        let c = Anchor::capture(SourceId(1), "abcdefgh", 4, 6).expect("fits");
        let d = Anchor::capture(SourceId(2), "abcdefgh", 0, 4).expect("fits");
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert!(!a.overlaps(&d));
    }
}
