//! Which differences between aligned sentences matter to a fact-checker, and what kind
//! of difference each one is.
//!
//! A word diff of folded tokens has already dropped punctuation, case, spelling
//! variants and "%" versus "percent". What remains is judged by what changed and where:
//! a reversal or a dropped "not" first (it flips the meaning, wherever it is), then
//! words inside quotation marks, dates, amounts, places (by the words around them),
//! speakers next to "said"/"according to", and other capitalised names. Everything
//! else — paraphrase, dropped qualifiers — is left alone. A word only counts as changed
//! if the other copy's sentence does not have it anywhere, so reordering is harmless.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use super::align::Hunk;
use super::lexicon;
use super::tokens::Token;
use crate::model::{Anchor, ConflictKind};

/// What a discrepancy is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum DiscrepancyKind {
    /// A person's or organisation's name.
    Name,
    /// A number or amount.
    Number,
    /// A date or weekday.
    Date,
    Place,
    /// Who said it, or which agency reported it.
    Attribution,
    /// Words inside a quotation.
    Quote,
    /// A negation or reversal: "opposed" for "supported", a dropped "not".
    Negation,
    /// A sentence that only one copy has.
    OnlyInOne,
}

impl DiscrepancyKind {
    pub const ALL: [DiscrepancyKind; 8] = [
        Self::Name,
        Self::Number,
        Self::Date,
        Self::Place,
        Self::Attribution,
        Self::Quote,
        Self::Negation,
        Self::OnlyInOne,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Number => "Number",
            Self::Date => "Date",
            Self::Place => "Place",
            Self::Attribution => "Attribution",
            Self::Quote => "Quote",
            Self::Negation => "Negation",
            Self::OnlyInOne => "Only in one copy",
        }
    }

    /// The kind of conflict a discrepancy becomes when the analyst flags it.
    pub fn conflict_kind(self) -> ConflictKind {
        match self {
            Self::Name => ConflictKind::Name,
            Self::Number => ConflictKind::Number,
            Self::Date => ConflictKind::Date,
            Self::Place => ConflictKind::Place,
            Self::Attribution => ConflictKind::Attribution,
            Self::Quote => ConflictKind::Quote,
            Self::Negation | Self::OnlyInOne => ConflictKind::Other,
        }
    }
}

/// A difference between two copies that matters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// The passage in the left and in the right source. For [`DiscrepancyKind::OnlyInOne`]
    /// the copy without the sentence has an empty passage where it would be.
    pub passages: [Anchor; 2],
    /// One line for the analyst: what differs.
    pub explanation: String,
    /// Stays the same while the differing words and their sources do, wherever the
    /// sentence moves; remembered in `Project::dismissed` when the analyst dismisses it.
    pub fingerprint: String,
    /// Index of the aligned row it comes from.
    pub row: usize,
}

/// The words of one side of an aligned row, with what classification needs to know.
pub(crate) struct RowSide<'a> {
    pub text: &'a str,
    pub tokens: Vec<&'a Token>,
    /// Token indices that begin a sentence.
    pub sentence_starts: HashSet<usize>,
    /// Byte ranges inside quotation marks.
    pub quotes: Vec<Range<usize>>,
    /// Folded forms of every token of the row side.
    pub words: HashSet<&'a str>,
    /// The people the whole document names in full, for resolving a surname alone.
    pub people: &'a [super::facts::names::FullName],
    /// When the copy was published, if known: "yesterday" is the day before.
    pub published: Option<chrono::NaiveDate>,
    /// The city of the copy's dateline, if it has one.
    pub filed_in: Option<&'static super::gazetteer::Place>,
}

impl<'a> RowSide<'a> {
    pub fn new(text: &'a str, sentences: &[(Range<usize>, &'a [Token])]) -> Self {
        let mut tokens = Vec::new();
        let mut sentence_starts = HashSet::new();
        let mut quotes = Vec::new();
        for (bytes, sentence_tokens) in sentences {
            sentence_starts.insert(tokens.len());
            tokens.extend(sentence_tokens.iter());
            quotes.extend(quotation_spans(text, bytes.clone()));
        }
        let words = tokens.iter().map(|t| t.norm.as_str()).collect();
        Self { text, tokens, sentence_starts, quotes, words, people: &[], published: None, filed_in: None }
    }

    pub(crate) fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    pub(crate) fn in_quote(&self, i: usize) -> Option<usize> {
        let token = self.tokens.get(i)?;
        self.quotes.iter().position(|q| q.start <= token.bytes.start && token.bytes.end <= q.end)
    }

    /// The quotation a change at `range` sits in, if any (for an insertion: the one
    /// around both neighbours).
    pub(crate) fn quote_of(&self, range: &Range<usize>) -> Option<usize> {
        if range.is_empty() {
            let before = range.start.checked_sub(1).and_then(|i| self.in_quote(i));
            return before.filter(|q| self.in_quote(range.start) == Some(*q));
        }
        range.clone().find_map(|i| self.in_quote(i))
    }

    /// A capitalised word that names something: not merely the first word of a sentence.
    pub(crate) fn is_name(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else { return false };
        let common = token.is_stopword()
            || lexicon::SENTENCE_OPENERS.contains(&token.norm.as_str())
            || lexicon::MONTHS.contains(&token.norm.as_str())
            || lexicon::WEEKDAYS.contains(&token.norm.as_str());
        token.capitalised && !token.has_digit() && !common
    }

    /// Tokens in `range` whose folded form the `other` side lacks anywhere in its row.
    pub(crate) fn changed(&self, range: &Range<usize>, other: &RowSide) -> Vec<usize> {
        range.clone().filter(|&i| !other.words.contains(self.norm(i))).collect()
    }

    /// Byte range covering the tokens in `range`, or the words around an insertion.
    pub fn span(&self, range: &Range<usize>) -> Range<usize> {
        let (first, last) = if range.is_empty() {
            (range.start.saturating_sub(1), range.start.min(self.tokens.len().saturating_sub(1)))
        } else {
            (range.start, range.end - 1)
        };
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) => a.bytes.start.min(b.bytes.start)..a.bytes.end.max(b.bytes.end),
            _ => 0..0,
        }
    }

    fn words_of(&self, range: &Range<usize>) -> String {
        let span = self.span(range);
        let text = self.text.get(span).unwrap_or_default();
        let short: String = text.chars().take(80).collect();
        if short.len() < text.len() { format!("{short}…") } else { short }
    }
}

/// Byte ranges between quotation marks inside `bytes`; an unclosed quotation runs to
/// the end of the sentence.
pub(crate) fn quotation_spans(text: &str, bytes: Range<usize>) -> Vec<Range<usize>> {
    let Some(sentence) = text.get(bytes.clone()) else { return Vec::new() };
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in sentence.char_indices() {
        let position = bytes.start + at;
        match (c, open) {
            ('"' | '“' | '„' | '«', None) => open = Some(position + c.len_utf8()),
            ('"' | '”' | '»', Some(start)) => {
                spans.push(start..position);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push(start..bytes.end);
    }
    spans
}

/// One classified change, before it becomes a [`Discrepancy`] with anchors.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub kind: DiscrepancyKind,
    pub hunk: Hunk,
}

/// The one line shown beside a discrepancy.
pub(crate) fn explain(kind: DiscrepancyKind, left: &RowSide, right: &RowSide, hunk: &Hunk) -> String {
    let (a, b) = (left.words_of(&hunk.left), right.words_of(&hunk.right));
    match kind {
        DiscrepancyKind::Name => format!("the name differs: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Number => format!("the number differs: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Date => format!("the date differs: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Place => format!("the place differs: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Attribution => format!("attributed to different speakers: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Quote => format!("the quoted words differ: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::Negation => format!("the meaning is reversed: \"{a}\" vs \"{b}\""),
        DiscrepancyKind::OnlyInOne => "this sentence is only in one copy".to_owned(),
    }
}

/// A fingerprint from what differs, not where: kind, sources and the folded words.
pub(crate) fn fingerprint(kind: DiscrepancyKind, sides: [(crate::model::SourceId, String); 2]) -> String {
    let mut sides = sides;
    sides.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    feed(kind.label().as_bytes());
    for (source, words) in &sides {
        feed(source.to_string().as_bytes());
        feed(words.as_bytes());
    }
    let code = match kind {
        DiscrepancyKind::OnlyInOne => "only",
        _ => kind.label(),
    };
    format!("{}-{hash:016x}", code.to_lowercase())
}
