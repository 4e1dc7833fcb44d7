//! `crosscheck compare A B`: what to compare, and the discrepancy list as text or JSON.
//!
//! Each of A and B is a file Crosscheck can import (`report.md`), or a source of a
//! project written `PROJECT.ron:S2` — the project file, a colon, and a source id. A
//! path that merely contains a colon is read as a file unless what follows the last
//! colon is a source id.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::facts::table::FactsTable;
use super::sentences::Sentence;
use super::{Discrepancy, PairComparison};
use crate::model::{Anchor, SourceId};

/// One side of a comparison from the command line.
#[derive(Debug, Clone)]
pub struct Input {
    /// How the side is named in the output: the argument as given.
    pub label: String,
    pub source: SourceId,
    pub text: String,
    /// The publication date the file or the project gives, as written ("2024-05-14").
    pub published: String,
}

/// Why a command-line argument could not be read as something to compare.
#[derive(Debug, Error)]
pub enum InputError {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error(transparent)]
    Load(#[from] crate::store::LoadError),
    #[error("{} has no source {id}", project.display())]
    NoSuchSource { project: PathBuf, id: SourceId },
    #[error("{} is a project: name one of its sources as {}:S1", project.display(), project.display())]
    WholeProject { project: PathBuf },
}

/// Reads `argument` (a file, or `PROJECT.ron:S1`); `fallback` is the source id a plain
/// file gets.
pub fn read_input(argument: &str, fallback: SourceId) -> Result<Input, InputError> {
    if let Some((path, id)) = argument.rsplit_once(':')
        && let Ok(source) = id.parse::<SourceId>()
    {
        let project = Path::new(path);
        let loaded = crate::store::load(project)?;
        let found = loaded
            .project
            .sources
            .get(&source)
            .ok_or_else(|| InputError::NoSuchSource { project: project.to_owned(), id: source })?;
        return Ok(Input {
            label: argument.to_owned(),
            source,
            text: found.text().to_owned(),
            published: found.meta.published.clone(),
        });
    }
    let path = Path::new(argument);
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        return Err(InputError::WholeProject { project: path.to_owned() });
    }
    let imported = crate::import::import_file(path)?;
    let published = imported.document.meta.published.clone();
    Ok(Input { label: argument.to_owned(), source: fallback, text: imported.document.text, published })
}

fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = flat.chars().take(100).collect();
    if short.len() < flat.len() { format!("{short}…") } else { short }
}

fn passage(anchor: &Anchor) -> String {
    if anchor.exact.is_empty() {
        format!("{}..{} (nothing here)", anchor.start, anchor.end)
    } else {
        format!("{}..{} \"{}\"", anchor.start, anchor.end, one_line(&anchor.exact))
    }
}

/// The discrepancy list as text for people.
pub fn render_text(left: &Input, right: &Input, comparison: &PairComparison, facts: &FactsTable) -> String {
    let list = &comparison.discrepancies;
    let mut out = String::new();
    let noun = if list.len() == 1 { "discrepancy" } else { "discrepancies" };
    let _ = writeln!(out, "Comparing {} (left) with {} (right): {} {noun}", left.label, right.label, list.len());
    let summary = AlignmentSummary::of(comparison);
    let _ = writeln!(
        out,
        "Sentences: {} matched, {} only in the left copy, {} only in the right copy",
        summary.matched, summary.only_left, summary.only_right
    );
    for (n, discrepancy) in list.iter().enumerate() {
        let [l, r] = &discrepancy.passages;
        let _ = writeln!(out, "\n{:>3}. {}: {}", n + 1, discrepancy.kind.label(), discrepancy.explanation);
        let _ = writeln!(out, "     left  {}", passage(l));
        let _ = writeln!(out, "     right {}", passage(r));
    }
    if !comparison.repeats.is_empty() {
        let _ = writeln!(out, "\nSaid again elsewhere (each copy's sentence also matches one in another row):");
        for repeat in &comparison.repeats {
            let sentence = |sentences: &[Sentence], text: &str, n: usize| {
                sentences.get(n).map_or_else(String::new, |s| {
                    format!("{}..{} \"{}\"", s.chars.start, s.chars.end, one_line(s.text(text)))
                })
            };
            let _ = writeln!(out, "\n     left  {}", sentence(&comparison.left_sentences, &left.text, repeat.left));
            let _ = writeln!(out, "     right {}", sentence(&comparison.right_sentences, &right.text, repeat.right));
        }
    }
    if !facts.conflicts.is_empty() {
        let _ = writeln!(out, "\nAcross the whole documents:");
        for (n, conflict) in facts.conflicts.iter().enumerate() {
            let [l, r] = &conflict.passages;
            let _ = writeln!(out, "\n{:>3}. {}: {}", n + 1, conflict.kind.label(), conflict.summary);
            let _ = writeln!(out, "     left  {}", passage(l));
            let _ = writeln!(out, "     right {}", passage(r));
        }
    }
    out
}

fn anchor_json(label: &str, anchor: &Anchor) -> serde_json::Value {
    serde_json::json!({
        "input": label,
        "source": anchor.source,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
    })
}

fn discrepancy_json(left: &Input, right: &Input, discrepancy: &Discrepancy) -> serde_json::Value {
    let [l, r] = &discrepancy.passages;
    serde_json::json!({
        "kind": discrepancy.kind,
        "conflict_kind": discrepancy.kind.conflict_kind(),
        "explanation": discrepancy.explanation,
        "fingerprint": discrepancy.fingerprint,
        "left": anchor_json(&left.label, l),
        "right": anchor_json(&right.label, r),
    })
}

/// How many sentences of each copy found a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignmentSummary {
    /// Sentences of the left copy in a row with the right copy.
    pub matched: usize,
    pub only_left: usize,
    pub only_right: usize,
}

impl AlignmentSummary {
    pub fn of(comparison: &PairComparison) -> Self {
        let mut summary = Self { matched: 0, only_left: 0, only_right: 0 };
        for row in comparison.rows.iter().filter(|row| !row.boilerplate) {
            match (row.left.is_empty(), row.right.is_empty()) {
                (false, false) => summary.matched += row.left.len(),
                (false, true) => summary.only_left += row.left.len(),
                (true, false) => summary.only_right += row.right.len(),
                (true, true) => {}
            }
        }
        summary
    }
}

/// The sentences of one side of a row as runs of consecutive sentences, each run as
/// the characters it spans: a merge of sentences 3 and 4 is one run, a row holding
/// sentences 3 and 9 two.
fn runs(sentences: &[Sentence], indices: &[usize]) -> Vec<serde_json::Value> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &i in indices {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == i => *last = i,
            _ => runs.push((i, i)),
        }
    }
    runs.into_iter()
        .filter_map(|(first, last)| {
            let (first, last) = (sentences.get(first)?, sentences.get(last)?);
            Some(serde_json::json!({ "start": first.chars.start, "end": last.chars.end }))
        })
        .collect()
}

/// Rows with sentences on both sides, as character spans with their similarity, then
/// the repeats (`"repeat": true`): sentences in different rows that say the same thing.
fn alignment_json(comparison: &PairComparison) -> Vec<serde_json::Value> {
    let mut rows = Vec::new();
    for row in &comparison.rows {
        let score = (row.score * 1000.0).round() / 1000.0;
        for left in runs(&comparison.left_sentences, &row.left) {
            for right in runs(&comparison.right_sentences, &row.right) {
                rows.push(serde_json::json!({ "left": left, "right": right, "score": score }));
            }
        }
    }
    for repeat in &comparison.repeats {
        let score = (repeat.score * 1000.0).round() / 1000.0;
        for left in runs(&comparison.left_sentences, &[repeat.left]) {
            for right in runs(&comparison.right_sentences, &[repeat.right]) {
                rows.push(serde_json::json!({ "left": left, "right": right, "score": score, "repeat": true }));
            }
        }
    }
    rows
}

/// The label of the input a passage is in.
fn input_of<'a>(left: &'a Input, right: &'a Input, anchor: &Anchor) -> &'a str {
    if anchor.source == left.source { &left.label } else { &right.label }
}

/// Every fact either input states, with where, and the whole-document conflicts.
fn facts_json(left: &Input, right: &Input, facts: &FactsTable) -> (serde_json::Value, serde_json::Value) {
    let list = facts
        .facts
        .iter()
        .enumerate()
        .map(|(n, fact)| {
            let sources: Vec<&str> = fact
                .sources()
                .iter()
                .map(|&s| if s == left.source { left.label.as_str() } else { right.label.as_str() })
                .collect();
            serde_json::json!({
                "kind": fact.kind,
                "label": fact.label,
                "sources": sources,
                "mentions": fact.mentions.iter().map(|m| anchor_json(input_of(left, right, m), m)).collect::<Vec<_>>(),
                "conflicts": facts.conflicts_of(n).map(|c| c.summary.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect::<Vec<_>>();
    let conflicts = facts
        .conflicts
        .iter()
        .map(|c| {
            let [l, r] = &c.passages;
            serde_json::json!({
                "kind": c.kind,
                "summary": c.summary,
                "fingerprint": c.fingerprint,
                "left": anchor_json(input_of(left, right, l), l),
                "right": anchor_json(input_of(left, right, r), r),
            })
        })
        .collect::<Vec<_>>();
    (serde_json::Value::Array(list), serde_json::Value::Array(conflicts))
}

/// The discrepancy list as JSON for machines.
pub fn render_json(left: &Input, right: &Input, comparison: &PairComparison, facts: &FactsTable) -> serde_json::Value {
    let (facts, fact_conflicts) = facts_json(left, right, facts);
    serde_json::json!({
        "left": left.label,
        "right": right.label,
        "discrepancies": comparison.discrepancies.iter().map(|d| discrepancy_json(left, right, d)).collect::<Vec<_>>(),
        "alignment": alignment_json(comparison),
        "facts": facts,
        "fact_conflicts": fact_conflicts,
    })
}
