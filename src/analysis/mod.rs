//! Reading sources against each other: sentences, alignment, discrepancies, claim
//! suggestions and re-anchoring of passages after a source's text changed.
//!
//! Plain Rust with no GUI. The app calls [`compare`] off the UI thread with a cancel
//! flag, draws the [`PairComparison`] rows side by side and lists its discrepancies;
//! the command line prints them (see [`report`]).

mod align;
mod conflicts;
pub mod credits;
mod dateline;
mod discrepancy;
pub mod facts;
pub mod furniture;
mod fuzzy;
mod gazetteer;
mod lexicon;
pub mod reanchor;
mod repeats;
pub mod report;
mod senses;
pub mod sentences;
pub mod suggest;
pub mod tokens;

#[cfg(test)]
mod paraphrase_eval;
#[cfg(test)]
mod paraphrase_rules;
#[cfg(test)]
mod reanchor_eval;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::AtomicBool;

use serde::Serialize;
use thiserror::Error;

pub use discrepancy::{Discrepancy, DiscrepancyKind};
pub use furniture::is_furniture;
pub use reanchor::{Located, ReanchorReport, Reanchored, reanchor_source};
pub use repeats::Repeat;
pub use sentences::Sentence;
pub use suggest::{Suggestion, suggest};

use crate::edit::Edit;
use crate::model::{Anchor, CharIndex, Conflict, ConflictStatus, Project, SourceId};
use align::{Row, Side};
use discrepancy::RowSide;

/// Long work stopped because its cancel flag was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("cancelled")]
pub struct Cancelled;

/// Why sources could not be compared.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CompareError {
    #[error("source {0} does not exist")]
    MissingSource(SourceId),
    #[error("comparing needs at least two sources")]
    TooFew,
    #[error("cancelled")]
    Cancelled,
}

impl From<Cancelled> for CompareError {
    fn from(_: Cancelled) -> Self {
        Self::Cancelled
    }
}

/// A word-level difference inside an aligned row, in characters of each source, for
/// highlighting. `matters` is false for differences that made no discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordChange {
    pub left: Range<usize>,
    pub right: Range<usize>,
    pub matters: bool,
}

/// Sentences of the two sources that say the same thing (indices into
/// [`PairComparison::left_sentences`] and `right_sentences`); one side is empty for a
/// sentence in one copy only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedRow {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub boilerplate: bool,
    /// How alike the row's first two sentences are, 0 to 1 (0 for one side only).
    pub score: f64,
    pub changes: Vec<WordChange>,
    /// Other rows that say what this row says (see [`Repeat`]), in reading order.
    pub also: Vec<usize>,
}

/// Two sources read against each other.
#[derive(Debug, Clone, Serialize)]
pub struct PairComparison {
    pub left: SourceId,
    pub right: SourceId,
    #[serde(skip)]
    pub left_sentences: Vec<Sentence>,
    #[serde(skip)]
    pub right_sentences: Vec<Sentence>,
    #[serde(skip)]
    pub rows: Vec<AlignedRow>,
    /// Sentences in different rows that say the same thing all the same.
    #[serde(skip)]
    pub repeats: Vec<Repeat>,
    pub discrepancies: Vec<Discrepancy>,
}

/// Several sources, each read against the first.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub base: SourceId,
    pub pairs: Vec<PairComparison>,
}

/// Compares the first of `sources` with each of the others. Checks `cancel` between
/// sentences; the GUI runs this on a worker thread.
pub fn compare(project: &Project, sources: &[SourceId], cancel: &AtomicBool) -> Result<Comparison, CompareError> {
    let copy = |id: SourceId| {
        let source = project.sources.get(&id).ok_or(CompareError::MissingSource(id))?;
        Ok::<_, CompareError>(Dated::new(id, source.text(), &source.meta.published))
    };
    let (&base, others) = sources.split_first().ok_or(CompareError::TooFew)?;
    if others.is_empty() {
        return Err(CompareError::TooFew);
    }
    let base_copy = copy(base)?;
    let mut pairs = Vec::with_capacity(others.len());
    for &other in others {
        pairs.push(compare_dated(base_copy, copy(other)?, cancel)?);
    }
    Ok(Comparison { base, pairs })
}

impl PairComparison {
    /// Discrepancies the analyst has not dismissed.
    pub fn open<'a>(&'a self, project: &'a Project) -> impl Iterator<Item = &'a Discrepancy> {
        self.discrepancies.iter().filter(|d| !project.dismissed.contains(&d.fingerprint))
    }
}

impl Discrepancy {
    /// The conflict this discrepancy becomes when the analyst flags it (status open).
    pub fn to_conflict(&self) -> Conflict {
        Conflict {
            kind: self.kind.conflict_kind(),
            summary: self.explanation.clone(),
            passages: self.passages.to_vec(),
            status: ConflictStatus::Open,
        }
    }

    /// The edit that remembers this discrepancy as not a problem.
    pub fn dismiss(&self) -> Edit {
        Edit::DismissDiscrepancy { fingerprint: self.fingerprint.clone() }
    }
}

fn prepare(text: &str) -> Side<'_> {
    let sentences = sentences::split_bytes(text);
    let tokens: Vec<Vec<tokens::Token>> = sentences.iter().map(|range| tokens::tokenize(text, range.clone())).collect();
    let boilerplate = furniture::flags(text, &sentences);
    let people = facts::names::full_names(text, &tokens);
    let filed_in = filed_in(text, &tokens);
    Side { text, sentences, tokens, boilerplate, people, filed_in }
}

/// The place of a dateline among a copy's first sentences (a headline may come first).
fn filed_in(text: &str, sentences: &[Vec<tokens::Token>]) -> Option<&'static gazetteer::Place> {
    sentences.iter().take(3).find_map(|sentence| {
        let tokens: Vec<&tokens::Token> = sentence.iter().collect();
        facts::places::places(text, &tokens).into_iter().find(|p| p.dateline).map(|p| p.place)
    })
}

/// One source's half of building a comparison: text, sentences and a char index.
struct Half<'t> {
    id: SourceId,
    side: Side<'t>,
    index: CharIndex,
    published: Option<chrono::NaiveDate>,
}

/// One copy of a story to compare: its source, its text and, where known, the day it
/// was published, against which "yesterday" and "today" name a weekday.
#[derive(Debug, Clone, Copy)]
pub struct Dated<'t> {
    pub id: SourceId,
    pub text: &'t str,
    pub published: Option<chrono::NaiveDate>,
}

impl<'t> Dated<'t> {
    /// A copy whose publication date is written "2024-05-14" (or "2024-05-14T09:00…");
    /// anything else leaves it undated.
    pub fn new(id: SourceId, text: &'t str, published: &str) -> Self {
        let day = published.get(..10).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        Self { id, text, published: day }
    }
}

impl Half<'_> {
    fn chars(&self, bytes: &Range<usize>) -> Range<usize> {
        self.index.char_offset(self.side.text, bytes.start)..self.index.char_offset(self.side.text, bytes.end)
    }

    fn anchor(&self, bytes: &Range<usize>) -> Anchor {
        let chars = self.chars(bytes);
        Anchor::capture_indexed(self.id, self.side.text, &self.index, chars.start, chars.end)
            .unwrap_or_else(|| empty_anchor(self.id))
    }

    fn row_side(&self, sentences: &[usize]) -> RowSide<'_> {
        let parts: Vec<(Range<usize>, &[tokens::Token])> =
            sentences.iter().map(|&s| (self.side.sentences[s].clone(), self.side.tokens[s].as_slice())).collect();
        RowSide {
            people: &self.side.people,
            published: self.published,
            filed_in: self.side.filed_in,
            ..RowSide::new(self.side.text, &parts)
        }
    }

    fn sentences(&self) -> Vec<Sentence> {
        self.side.sentences.iter().map(|bytes| Sentence { chars: self.chars(bytes), bytes: bytes.clone() }).collect()
    }
}

/// Never needed for offsets that come from the text itself; keeps the types total.
fn empty_anchor(source: SourceId) -> Anchor {
    Anchor {
        source,
        start: 0,
        end: 0,
        exact: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        orphaned: false,
    }
}

/// Compares two texts (sources of a project, or files read for the command line).
pub fn compare_texts(
    left: (SourceId, &str),
    right: (SourceId, &str),
    cancel: &AtomicBool,
) -> Result<PairComparison, Cancelled> {
    let (left, right) =
        (Dated { id: left.0, text: left.1, published: None }, Dated { id: right.0, text: right.1, published: None });
    compare_dated(left, right, cancel)
}

impl<'t> Half<'t> {
    fn of(copy: Dated<'t>) -> Self {
        Half { id: copy.id, side: prepare(copy.text), index: CharIndex::new(copy.text), published: copy.published }
    }
}

/// Compares two copies, reading relative days against their publication dates.
pub fn compare_dated(left: Dated, right: Dated, cancel: &AtomicBool) -> Result<PairComparison, Cancelled> {
    let (left, right) = (Half::of(left), Half::of(right));
    let align::Alignment { rows, repeats } = align::align(&left.side, &right.side, cancel)?;
    let mut aligned = Vec::with_capacity(rows.len());
    let mut discrepancies = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let mut changes = Vec::new();
        if !row.boilerplate {
            if row.left.is_empty() || row.right.is_empty() {
                discrepancies.extend(only_in_one(&left, &right, &rows, n));
            } else {
                compare_row(&left, &right, row, n, &mut changes, &mut discrepancies);
            }
        }
        aligned.push(AlignedRow {
            left: row.left.clone(),
            right: row.right.clone(),
            boilerplate: row.boilerplate,
            score: row.score,
            changes,
            also: Vec::new(),
        });
    }
    link_repeats(&mut aligned, &repeats);
    Ok(PairComparison {
        left: left.id,
        right: right.id,
        left_sentences: left.sentences(),
        right_sentences: right.sentences(),
        rows: aligned,
        repeats,
        discrepancies,
    })
}

/// Points each row holding one sentence of a repeat at the row holding the other.
fn link_repeats(rows: &mut [AlignedRow], repeats: &[Repeat]) {
    let mut left_row = HashMap::new();
    let mut right_row = HashMap::new();
    for (n, row) in rows.iter().enumerate() {
        left_row.extend(row.left.iter().map(|&i| (i, n)));
        right_row.extend(row.right.iter().map(|&j| (j, n)));
    }
    for repeat in repeats {
        let (Some(&a), Some(&b)) = (left_row.get(&repeat.left), right_row.get(&repeat.right)) else { continue };
        for (from, to) in [(a, b), (b, a)] {
            if !rows[from].also.contains(&to) {
                rows[from].also.push(to);
                rows[from].also.sort_unstable();
            }
        }
    }
}

fn compare_row(
    left: &Half,
    right: &Half,
    row: &Row,
    n: usize,
    changes: &mut Vec<WordChange>,
    discrepancies: &mut Vec<Discrepancy>,
) {
    let (l, r) = (left.row_side(&row.left), right.row_side(&row.right));
    let hunks = align::word_changes(&l.tokens, &r.tokens);
    let findings = conflicts::find(&l, &r, &hunks);
    for hunk in &hunks {
        let overlaps =
            |a: &Range<usize>, b: &Range<usize>| a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1);
        let matters =
            findings.iter().any(|f| overlaps(&f.hunk.left, &hunk.left) || overlaps(&f.hunk.right, &hunk.right));
        changes.push(WordChange {
            left: left.chars(&l.span(&hunk.left)),
            right: right.chars(&r.span(&hunk.right)),
            matters,
        });
    }
    for finding in findings {
        let folded = |side: &RowSide, range: &Range<usize>| {
            range.clone().map(|i| side.tokens[i].norm.as_str()).collect::<Vec<_>>().join(" ")
        };
        let fingerprint = discrepancy::fingerprint(
            finding.kind,
            [(left.id, folded(&l, &finding.hunk.left)), (right.id, folded(&r, &finding.hunk.right))],
        );
        discrepancies.push(Discrepancy {
            kind: finding.kind,
            passages: [left.anchor(&l.span(&finding.hunk.left)), right.anchor(&r.span(&finding.hunk.right))],
            explanation: discrepancy::explain(finding.kind, &l, &r, &finding.hunk),
            fingerprint,
            row: n,
        });
    }
}

/// A sentence one copy has and the other lacks; the other copy's passage is empty,
/// placed after the sentence that precedes it in the alignment.
fn only_in_one(left: &Half, right: &Half, rows: &[Row], n: usize) -> Option<Discrepancy> {
    let row = &rows[n];
    let left_has = !row.left.is_empty();
    let (present, absent, sentences) = if left_has { (left, right, &row.left) } else { (right, left, &row.right) };
    let first = *sentences.first()?;
    let last = *sentences.last()?;
    // Fragments such as "ENDS" or a lone byline word say nothing worth flagging, nor
    // does a line that only signs the copy.
    if present.side.tokens[first].len() < 3 {
        return None;
    }
    let bytes = present.side.sentences[first].start..present.side.sentences[last].end;
    if first == last && present.side.text.get(bytes.clone()).is_some_and(furniture::signs_the_copy) {
        return None;
    }
    let insertion = rows[..n]
        .iter()
        .rev()
        .find_map(|earlier| if left_has { earlier.right.last() } else { earlier.left.last() })
        .map_or(0, |&s| absent.side.sentences[s].end);
    let words: Vec<&str> = present.side.tokens[first].iter().map(|t| t.norm.as_str()).collect();
    let missing = absent.anchor(&(insertion..insertion));
    let found = present.anchor(&bytes);
    let passages = if left_has { [found, missing] } else { [missing, found] };
    let kind = DiscrepancyKind::OnlyInOne;
    Some(Discrepancy {
        kind,
        passages,
        explanation: format!("only {} has this sentence", present.id),
        fingerprint: discrepancy::fingerprint(kind, [(present.id, words.join(" ")), (absent.id, String::new())]),
        row: n,
    })
}
