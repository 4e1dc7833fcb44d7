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
        Self { text, tokens, sentence_starts, quotes, words }
    }

    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    fn in_quote(&self, i: usize) -> Option<usize> {
        let token = self.tokens.get(i)?;
        self.quotes.iter().position(|q| q.start <= token.bytes.start && token.bytes.end <= q.end)
    }

    /// The quotation a change at `range` sits in, if any (for an insertion: the one
    /// around both neighbours).
    fn quote_of(&self, range: &Range<usize>) -> Option<usize> {
        if range.is_empty() {
            let before = range.start.checked_sub(1).and_then(|i| self.in_quote(i));
            return before.filter(|q| self.in_quote(range.start) == Some(*q));
        }
        range.clone().find_map(|i| self.in_quote(i))
    }

    /// A capitalised word that names something: not merely the first word of a sentence.
    fn is_name(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else { return false };
        let common = token.is_stopword()
            || lexicon::SENTENCE_OPENERS.contains(&token.norm.as_str())
            || lexicon::MONTHS.contains(&token.norm.as_str())
            || lexicon::WEEKDAYS.contains(&token.norm.as_str());
        token.capitalised && !token.has_digit() && !common
    }

    /// Tokens in `range` whose folded form the `other` side lacks anywhere in its row.
    fn changed(&self, range: &Range<usize>, other: &RowSide) -> Vec<usize> {
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
    pub quote: Option<usize>,
}

/// Classifies the word changes of one row; harmless ones are dropped and neighbouring
/// changes of the same kind merged.
pub(crate) fn classify_row(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    for hunk in hunks {
        let Some(kind) = classify(left, right, hunk) else { continue };
        let quote = left.quote_of(&hunk.left).or_else(|| right.quote_of(&hunk.right));
        match findings.last_mut() {
            Some(last)
                if last.kind == kind
                    && (kind == DiscrepancyKind::Quote && last.quote == quote
                        || hunk.left.start <= last.hunk.left.end + 3
                            && hunk.right.start <= last.hunk.right.end + 3) =>
            {
                last.hunk.left.end = hunk.left.end;
                last.hunk.right.end = hunk.right.end;
            }
            _ => findings.push(Finding { kind, hunk: hunk.clone(), quote }),
        }
    }
    findings
}

fn any_in(side: &RowSide, indices: &[usize], list: &[&str]) -> bool {
    indices.iter().any(|&i| list.contains(&side.norm(i)))
}

fn classify(left: &RowSide, right: &RowSide, hunk: &Hunk) -> Option<DiscrepancyKind> {
    let all_l: Vec<usize> = hunk.left.clone().collect();
    let all_r: Vec<usize> = hunk.right.clone().collect();
    if is_reversal(left, right, &all_l, &all_r) {
        return Some(DiscrepancyKind::Negation);
    }
    // In a place cue ("in the Varenland capital") a swapped name is a different place even
    // if the other copy mentions that name elsewhere, so all words of the change count.
    let place_l: Vec<usize> = all_l.iter().copied().filter(|&i| left.is_name(i) || left.tokens[i].all_caps).collect();
    let place_r: Vec<usize> = all_r.iter().copied().filter(|&i| right.is_name(i) || right.tokens[i].all_caps).collect();
    let swapped = |a: &RowSide, x: &[usize], b: &RowSide, y: &[usize]| {
        x.iter().any(|&i| !y.iter().any(|&j| a.norm(i) == b.norm(j)))
    };
    let places_differ = !place_l.is_empty()
        && !place_r.is_empty()
        && swapped(left, &place_l, right, &place_r)
        && swapped(right, &place_r, left, &place_l);
    if places_differ && (is_place(left, &hunk.left, &place_l) || is_place(right, &hunk.right, &place_r)) {
        return Some(DiscrepancyKind::Place);
    }
    let l = left.changed(&hunk.left, right);
    let r = right.changed(&hunk.right, left);
    if l.is_empty() && r.is_empty() {
        return None;
    }
    let content = |side: &RowSide, ids: &[usize]| ids.iter().any(|&i| !side.tokens[i].is_stopword());
    if (left.quote_of(&hunk.left).is_some() || right.quote_of(&hunk.right).is_some())
        && (content(left, &l) || content(right, &r))
    {
        return Some(DiscrepancyKind::Quote);
    }
    if is_date(left, &l) && is_date(right, &r) {
        return Some(DiscrepancyKind::Date);
    }
    let amount = |side: &RowSide, ids: &[usize]| {
        ids.iter().any(|&i| {
            let norm = side.norm(i);
            side.tokens[i].has_digit()
                || lexicon::SCALE_WORDS.contains(&norm)
                || lexicon::AMOUNT_SYMBOLS.contains(&norm)
        })
    };
    // Amounts compare within the change itself: "May 14" elsewhere in the sentence does
    // not make "14 million" for "40 million" harmless.
    let amounts = |side: &RowSide, ids: &[usize]| -> Vec<String> {
        ids.iter().filter(|&&i| amount(side, &[i])).map(|&i| side.norm(i).to_owned()).collect()
    };
    let (amounts_l, amounts_r) = (amounts(left, &all_l), amounts(right, &all_r));
    if !amounts_l.is_empty() && !amounts_r.is_empty() && amounts_l != amounts_r {
        return Some(DiscrepancyKind::Number);
    }
    let names_l: Vec<usize> = l.iter().copied().filter(|&i| left.is_name(i) || left.tokens[i].all_caps).collect();
    let names_r: Vec<usize> = r.iter().copied().filter(|&i| right.is_name(i) || right.tokens[i].all_caps).collect();
    let names_differ = !names_l.is_empty() && !names_r.is_empty();
    if names_differ && is_name_variant(left, &hunk.left) && is_name_variant(right, &hunk.right) {
        return Some(DiscrepancyKind::Name);
    }
    // Whoever is right before "said" is the speaker, named or not ("the insurers' association").
    let subject = |side: &RowSide, range: &Range<usize>| {
        (range.end..range.end + 3)
            .any(|i| lexicon::ATTRIBUTION_VERBS.contains(&side.norm(i)) && side.in_quote(i).is_none())
    };
    let speaker = |side: &RowSide, ids: &[usize], names: &[usize], range: &Range<usize>| {
        !names.is_empty() || any_in(side, ids, lexicon::SPEAKER_NOUNS) || (content(side, ids) && subject(side, range))
    };
    if (near_attribution(left, &hunk.left) || near_attribution(right, &hunk.right))
        && speaker(left, &l, &names_l, &hunk.left)
        && speaker(right, &r, &names_r, &hunk.right)
    {
        return Some(DiscrepancyKind::Attribution);
    }
    names_differ.then_some(DiscrepancyKind::Name)
}

/// Whether the changed words are part of a longer name whose other part is the same
/// in both copies ("Ines Vaurel" / "Irene Vaurel"): a misspelt or swapped name, not a
/// different speaker — unless the shared part is an institution ("Kessary Ministry").
fn is_name_variant(side: &RowSide, range: &Range<usize>) -> bool {
    let neighbour = |i: usize| side.is_name(i) && !lexicon::SPEAKER_NOUNS.contains(&side.norm(i));
    range.start.checked_sub(1).is_some_and(neighbour) || neighbour(range.end)
}

/// A dropped or added negation, or a word swapped for its opposite.
fn is_reversal(left: &RowSide, right: &RowSide, l: &[usize], r: &[usize]) -> bool {
    let negations =
        |side: &RowSide, ids: &[usize]| ids.iter().filter(|&&i| lexicon::NEGATIONS.contains(&side.norm(i))).count();
    if negations(left, l) != negations(right, r) {
        return true;
    }
    l.iter().any(|&i| {
        r.iter().any(|&j| {
            let (a, b) = (left.norm(i), right.norm(j));
            lexicon::REVERSALS.iter().any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
        })
    })
}

fn is_date(side: &RowSide, ids: &[usize]) -> bool {
    ids.iter().any(|&i| {
        let norm = side.norm(i);
        let year = norm.len() == 4 && norm.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
        let by_month = side.tokens[i].has_digit()
            && norm.len() <= 2
            && [i.wrapping_sub(1), i + 1].iter().any(|&n| lexicon::MONTHS.contains(&side.norm(n)));
        year || by_month || lexicon::MONTHS.contains(&norm) || lexicon::WEEKDAYS.contains(&norm)
    })
}

/// Names in `range` that the words around them make a place.
fn is_place(side: &RowSide, range: &Range<usize>, names: &[usize]) -> bool {
    let before = range.start.checked_sub(1).map_or("", |i| side.norm(i));
    let before_the = range.start.checked_sub(2).map_or("", |i| side.norm(i));
    let after = side.norm(range.end);
    let dateline = names.iter().any(|&i| side.sentence_starts.contains(&i) && side.tokens[i].all_caps);
    let according = |i: Option<usize>| i.is_some_and(|i| side.norm(i) == "according");
    let cue_before =
        lexicon::PLACE_BEFORE.contains(&before) && !(before == "to" && according(range.start.checked_sub(2)));
    let cue_before_the = before == "the"
        && lexicon::PLACE_BEFORE.contains(&before_the)
        && !(before_the == "to" && according(range.start.checked_sub(3)));
    cue_before || cue_before_the || lexicon::PLACE_AFTER.contains(&after) || dateline
}

/// Whether a change at `range` names the speaker of an attribution: it ends a few
/// words before "said", or starts right after "according to" or "said".
fn near_attribution(side: &RowSide, range: &Range<usize>) -> bool {
    let is_verb = |i: usize| lexicon::ATTRIBUTION_VERBS.contains(&side.norm(i));
    let outside_quote = |i: usize| side.in_quote(i).is_none();
    let end = range.end.max(range.start + 1);
    let before_verb = (end..end + 6).any(|i| is_verb(i) && outside_quote(i));
    let after_verb = range.start.saturating_sub(3)..range.start;
    before_verb || after_verb.clone().any(|i| is_verb(i) && outside_quote(i)) && range.clone().all(outside_quote)
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
