//! Finding passages again after a source's text changed (re-import, extractor upgrade,
//! hand edit of the original).
//!
//! Text is compared in a normalised form — whitespace runs as one space, curly quotes
//! and dashes as their plain forms, soft hyphens dropped — so those changes never cost
//! anything. A passage is first looked for verbatim near its old position (shifted by
//! how far the passages before it moved), then anywhere, then approximately around
//! seeds: the end of its prefix, the start of its suffix, the ends of the quote.
//!
//! Every candidate is scored by how many characters of quote and context agree. A short
//! quote ("Lind") needs its context to be trusted; a long one stands on its own. Two
//! candidates that agree equally well make neither trustworthy. Below [`ACCEPT`] the
//! passage is orphaned with the best candidates listed: re-anchoring never moves a
//! passage to text it is not sure of.

use memchr::memmem;

use super::fuzzy;
use crate::edit::Edit;
use crate::model::{Anchor, CharIndex, PassageRef, Project, SourceContent, SourceId};

/// Confidence at or above which a passage is re-attached without asking.
pub const ACCEPT: f64 = 0.75;
/// Characters of agreeing quote and context that make a candidate certain.
const CERTAIN_CHARS: f64 = 40.0;
/// How far from its expected position a passage is first looked for, in bytes.
const WINDOW: usize = 2048;
/// Candidates no better than the best by this many agreeing characters make it ambiguous.
const AMBIGUOUS_CHARS: f64 = 8.0;

/// A place where a passage might be now.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Characters of the new text.
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub confidence: f64,
}

/// Where a passage is in the new text.
#[derive(Debug, Clone, PartialEq)]
pub enum Located {
    Found {
        anchor: Anchor,
        confidence: f64,
    },
    /// Not found with confidence; the best candidates, best first, for review.
    Orphaned {
        candidates: Vec<Candidate>,
    },
}

/// A text prepared for finding many passages in it.
pub struct Finder<'t> {
    text: &'t str,
    index: CharIndex,
    norm: String,
    /// Original character offset of each byte of `norm` (one extra for the end).
    to_orig: Vec<u32>,
    /// Byte of `norm` at each original character offset (one extra for the end).
    from_orig: Vec<u32>,
}

fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '–' | '—' | '‒' | '−' | '‐' | '‑' => '-',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// The normalised form of a quote or context string.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Characters in common at the end of `a` and the end of `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// A byte offset moved down to the nearest character boundary of `text`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The quote and context of an anchor in normalised form.
struct Wanted {
    quote: String,
    prefix: String,
    suffix: String,
    quote_chars: usize,
}

/// A scored place in normalised bytes.
#[derive(Debug, Clone)]
struct Scored {
    range: std::ops::Range<usize>,
    /// Agreeing characters of quote and context.
    agreement: f64,
    /// How much of the quote itself agrees, 0..=1.
    quote_similarity: f64,
}

impl<'t> Finder<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut norm = String::with_capacity(text.len());
        let mut to_orig = Vec::with_capacity(text.len() + 1);
        let mut from_orig = Vec::with_capacity(text.len() + 1);
        let mut chars = 0;
        for c in text.chars() {
            from_orig.push(to_u32(norm.len()));
            if let Some(folded) = fold_char(c)
                && !(folded == ' ' && norm.ends_with(' '))
            {
                norm.push(folded);
                to_orig.extend(std::iter::repeat_n(to_u32(chars), folded.len_utf8()));
            }
            chars += 1;
        }
        from_orig.push(to_u32(norm.len()));
        to_orig.push(to_u32(chars));
        Self { text, index: CharIndex::new(text), norm, to_orig, from_orig }
    }

    /// Original characters of a normalised byte range.
    fn original(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        let start = self.to_orig[range.start] as usize;
        let end = if range.end > range.start { self.to_orig[range.end - 1] as usize + 1 } else { start };
        (start, end)
    }

    fn anchor_at(&self, source: SourceId, range: &std::ops::Range<usize>) -> Option<Anchor> {
        let (start, end) = self.original(range);
        Anchor::capture_indexed(source, self.text, &self.index, start, end)
    }

    /// Characters of context agreeing either side of a normalised range, exactly.
    fn context_agreement(&self, wanted: &Wanted, range: &std::ops::Range<usize>) -> (usize, usize) {
        let before =
            &self.norm[floor_boundary(&self.norm, range.start.saturating_sub(wanted.prefix.len()))..range.start];
        let after = &self.norm[range.end..floor_boundary(&self.norm, range.end + wanted.suffix.len())];
        (common_suffix(&wanted.prefix, before), common_prefix(&wanted.suffix, after))
    }

    /// Finds `anchor` in this text. `shift` is how far passages before it moved (new
    /// minus old character offset), so the first look is where it most likely is.
    pub fn locate(&self, anchor: &Anchor, shift: isize) -> Located {
        let wanted = Wanted {
            quote: normalise(&anchor.exact),
            prefix: normalise(&anchor.prefix),
            suffix: normalise(&anchor.suffix),
            quote_chars: anchor.exact.chars().count(),
        };
        let expected_char = anchor.start.saturating_add_signed(shift).min(self.from_orig.len() - 1);
        let expected = self.from_orig[expected_char] as usize;
        if wanted.quote.is_empty() {
            return self.locate_empty(anchor, &wanted);
        }
        if let Some(found) = self.nearby_exact(anchor.source, &wanted, expected) {
            return found;
        }
        let mut scored = self.exact_everywhere(&wanted);
        if decide(&scored, expected).is_none_or(|(_, confidence)| confidence < ACCEPT) {
            scored.extend(self.approximate(&wanted, expected));
        }
        match decide(&scored, expected) {
            Some((best, confidence)) if confidence >= ACCEPT => match self.anchor_at(anchor.source, &best.range) {
                Some(found) => Located::Found { anchor: found, confidence },
                None => Located::Orphaned { candidates: Vec::new() },
            },
            _ => Located::Orphaned { candidates: self.candidates(&scored) },
        }
    }

    /// The fast path: the quote verbatim near where it is expected, with all its context.
    fn nearby_exact(&self, source: SourceId, wanted: &Wanted, expected: usize) -> Option<Located> {
        let from = floor_boundary(&self.norm, expected.saturating_sub(WINDOW));
        let to = floor_boundary(&self.norm, expected + wanted.quote.len() + WINDOW);
        let full_context = (wanted.prefix.chars().count(), wanted.suffix.chars().count());
        memmem::find_iter(&self.norm.as_bytes()[from..to], wanted.quote.as_bytes())
            .map(|at| from + at..from + at + wanted.quote.len())
            .filter(|range| self.context_agreement(wanted, range) == full_context)
            .min_by_key(|range| range.start.abs_diff(expected))
            .and_then(|range| self.anchor_at(source, &range))
            .map(|anchor| Located::Found { anchor, confidence: 1.0 })
    }

    fn exact_everywhere(&self, wanted: &Wanted) -> Vec<Scored> {
        memmem::find_iter(self.norm.as_bytes(), wanted.quote.as_bytes())
            .take(5000)
            .map(|at| {
                let range = at..at + wanted.quote.len();
                let (before, after) = self.context_agreement(wanted, &range);
                let agreement = wanted.quote_chars as f64 + context_weight(wanted, before as f64, after as f64);
                Scored { range, agreement, quote_similarity: 1.0 }
            })
            .collect()
    }

    /// Places where an edited quote may be, scored by approximate agreement.
    fn approximate(&self, wanted: &Wanted, expected: usize) -> Vec<Scored> {
        let quote: Vec<char> = wanted.quote.chars().collect();
        if quote.len() < 4 {
            return Vec::new();
        }
        let mut starts = vec![expected];
        let seed = |text: &str, from_end: bool| -> String {
            let chars: Vec<char> = text.chars().collect();
            let n = chars.len().min(16);
            if from_end { chars[chars.len() - n..].iter().collect() } else { chars[..n].iter().collect() }
        };
        let quote_len = wanted.quote.len();
        let mut look = |needle: String, offset: isize| {
            if needle.chars().count() < 6 {
                return;
            }
            let mut hits: Vec<usize> = memmem::find_iter(self.norm.as_bytes(), needle.as_bytes()).take(400).collect();
            hits.sort_by_key(|&at| at.abs_diff(expected));
            starts.extend(hits.into_iter().take(6).map(|at| at.saturating_add_signed(offset)));
        };
        let prefix_tail = seed(&wanted.prefix, true);
        let tail_len = isize::try_from(prefix_tail.len()).unwrap_or(0);
        look(prefix_tail, tail_len);
        let quote_len_signed = isize::try_from(quote_len).unwrap_or(0);
        look(seed(&wanted.suffix, false), -quote_len_signed);
        look(seed(&wanted.quote, false), 0);
        let quote_tail = seed(&wanted.quote, true);
        let quote_tail_len = isize::try_from(quote_tail.len()).unwrap_or(0);
        look(quote_tail, quote_tail_len - quote_len_signed);

        let slack = quote_len / 3 + 24;
        let mut regions: Vec<(usize, usize)> = starts
            .into_iter()
            .map(|s| {
                (floor_boundary(&self.norm, s.saturating_sub(slack)), floor_boundary(&self.norm, s + quote_len + slack))
            })
            .collect();
        regions.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (from, to) in regions {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        merged.into_iter().filter_map(|(from, to)| self.fit_in(wanted, &quote, from, to)).collect()
    }

    fn fit_in(&self, wanted: &Wanted, quote: &[char], from: usize, to: usize) -> Option<Scored> {
        let region = &self.norm[from..to];
        let offsets: Vec<usize> = region.char_indices().map(|(at, _)| from + at).chain([to]).collect();
        let chars: Vec<char> = region.chars().collect();
        let (cost, matched) = fuzzy::best_fit(quote, &chars);
        let range = offsets[matched.start]..offsets[matched.end];
        if range.is_empty() {
            return None;
        }
        let quote_similarity = 1.0 - cost as f64 / quote.len() as f64;
        let context = |wanted: &str, found: &str| {
            let n = wanted.chars().count() as f64;
            n * (2.0 * fuzzy::similarity(wanted, found) - 1.0).max(0.0)
        };
        let before =
            &self.norm[floor_boundary(&self.norm, range.start.saturating_sub(wanted.prefix.len()))..range.start];
        let after = &self.norm[range.end..floor_boundary(&self.norm, range.end + wanted.suffix.len())];
        let agreement = wanted.quote_chars as f64 * quote_similarity
            + context_weight(wanted, context(&wanted.prefix, before), context(&wanted.suffix, after));
        Some(Scored { range, agreement, quote_similarity })
    }

    fn candidates(&self, scored: &[Scored]) -> Vec<Candidate> {
        let mut ranked: Vec<&Scored> = scored.iter().collect();
        ranked.sort_by(|a, b| confidence_of(b).total_cmp(&confidence_of(a)));
        let mut out: Vec<Candidate> = Vec::new();
        for scored in ranked {
            let (start, end) = self.original(&scored.range);
            if out.iter().any(|c| c.start < end && start < c.end) {
                continue;
            }
            let exact = self.index.slice(self.text, start, end).unwrap_or_default().to_owned();
            out.push(Candidate { start, end, exact, confidence: confidence_of(scored) });
            if out.len() == 3 {
                break;
            }
        }
        out
    }

    /// An empty passage (a place, not words) is found by its context alone.
    fn locate_empty(&self, anchor: &Anchor, wanted: &Wanted) -> Located {
        let both = format!("{}{}", wanted.prefix, wanted.suffix);
        let hits: Vec<usize> = if both.chars().count() >= 12 {
            memmem::find_iter(self.norm.as_bytes(), both.as_bytes()).take(2).collect()
        } else {
            Vec::new()
        };
        match hits.as_slice() {
            [only] => {
                let at = only + wanted.prefix.len();
                self.anchor_at(anchor.source, &(at..at)).map_or(Located::Orphaned { candidates: Vec::new() }, |found| {
                    Located::Found { anchor: found, confidence: 1.0 }
                })
            }
            _ => Located::Orphaned { candidates: Vec::new() },
        }
    }
}

/// Characters that context agreeing `before` and `after` a candidate is worth. The
/// weaker side counts most: a passage whose sentence was deleted can still have one
/// side of its context right (the unchanged sentence before it), and that alone must
/// not carry a short quote such as "The" to some other sentence that starts the same.
fn context_weight(wanted: &Wanted, before: f64, after: f64) -> f64 {
    let ratio = |agree: f64, context: &str| {
        let n = context.chars().count() as f64;
        if n == 0.0 { 1.0 } else { agree / n }
    };
    let (a, b) = (ratio(before, &wanted.prefix), ratio(after, &wanted.suffix));
    crate::model::CONTEXT_CHARS as f64 * (1.5 * a.min(b) + 0.5 * a.max(b))
}

/// Confidence in one candidate, before weighing it against the others.
fn confidence_of(scored: &Scored) -> f64 {
    // A quote that agrees less than about 60% is another passage, whatever surrounds it.
    let quote_factor = ((scored.quote_similarity - 0.6) / 0.35).clamp(0.0, 1.0);
    quote_factor * (scored.agreement / CERTAIN_CHARS).min(1.0)
}

/// The best candidate and the confidence in it, weighed against the runner-up.
fn decide(scored: &[Scored], expected: usize) -> Option<(&Scored, f64)> {
    let mut ranked: Vec<&Scored> = scored.iter().collect();
    ranked.sort_by(|a, b| {
        confidence_of(b)
            .total_cmp(&confidence_of(a))
            .then(b.agreement.total_cmp(&a.agreement))
            .then(a.range.start.abs_diff(expected).cmp(&b.range.start.abs_diff(expected)))
    });
    let best = *ranked.first()?;
    let mut confidence = confidence_of(best);
    let rival =
        ranked.iter().skip(1).find(|other| other.range.start >= best.range.end || other.range.end <= best.range.start);
    if let Some(rival) = rival
        && rival.agreement + AMBIGUOUS_CHARS > best.agreement
        && confidence_of(rival) > 0.0
    {
        // Equally good places elsewhere: only the old position can tell them apart, and
        // only when the best is right where the passage was expected and the rival is not.
        let near = |s: &Scored| s.range.start.abs_diff(expected) <= 64;
        confidence *= if near(best) && !near(rival) { 0.8 } else { 0.5 };
    }
    Some((best, confidence))
}

/// What happened to one passage.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Unchanged,
    Moved { anchor: Anchor, confidence: f64 },
    Orphaned { candidates: Vec<Candidate> },
}

/// What re-anchoring a source did to each of its passages.
#[derive(Debug, Clone, PartialEq)]
pub struct ReanchorReport {
    pub source: SourceId,
    pub passages: Vec<(PassageRef, Outcome)>,
}

impl ReanchorReport {
    pub fn moved(&self) -> usize {
        self.passages.iter().filter(|(_, o)| matches!(o, Outcome::Moved { .. })).count()
    }

    pub fn orphaned(&self) -> usize {
        self.passages.iter().filter(|(_, o)| matches!(o, Outcome::Orphaned { .. })).count()
    }
}

/// The edit that gives a source new text and re-anchors its passages, with a report.
#[derive(Debug, Clone)]
pub struct Reanchored {
    /// An [`Edit::ReplaceSourceText`]: applying it is one undo step.
    pub edit: Edit,
    pub report: ReanchorReport,
}

/// Re-anchors every claim, evidence and conflict passage in source `id` against its new
/// `content`. Orphaned passages keep their old quote and position, flagged orphaned,
/// so they stay in the project for review. `None` if the source does not exist.
pub fn reanchor_source(project: &Project, id: SourceId, content: SourceContent) -> Option<Reanchored> {
    project.sources.get(&id)?;
    let finder = Finder::new(&content.text);
    let mut passages = project.passages_in(id);
    passages.sort_by_key(|(_, anchor)| anchor.start);
    let mut shift: isize = 0;
    let mut updates = Vec::new();
    let mut outcomes = Vec::new();
    for (at, old) in passages {
        let outcome = match finder.locate(old, shift) {
            Located::Found { anchor, confidence } => {
                shift = signed(anchor.start) - signed(old.start);
                if anchor == *old {
                    Outcome::Unchanged
                } else {
                    updates.push((at, anchor.clone()));
                    Outcome::Moved { anchor, confidence }
                }
            }
            Located::Orphaned { candidates } => {
                if !old.orphaned {
                    updates.push((at, old.clone().into_orphan()));
                }
                Outcome::Orphaned { candidates }
            }
        };
        outcomes.push((at, outcome));
    }
    outcomes.sort_by_key(|(at, _)| *at);
    let report = ReanchorReport { source: id, passages: outcomes };
    Some(Reanchored { edit: Edit::ReplaceSourceText { id, content, passages: updates }, report })
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}
