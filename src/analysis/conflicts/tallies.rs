//! Tallies: a vote or a score given as two figures ("voted 14-5", "a 4-1 ruling", "by
//! three votes to two").
//!
//! `quantities` reads a tally as two figures, and where a sentence reports several
//! figures it pairs only figures that count the same thing, which the two halves of a
//! tally do not say. Read whole, two tallies disagree when their figures differ,
//! whichever way round each copy writes them.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::numbers::{TALLY_AFTER, TALLY_BEFORE};
use super::super::facts::{Quantity, QuantityClass};
use super::super::tokens;
use super::Findings;

/// A tally a copy states: the tokens from its first figure to its last, and the two
/// figures, larger first.
struct Tally {
    tokens: Range<usize>,
    figures: (f64, f64),
}

/// The tallies a side states: two whole figures joined by a dash after or before a word
/// of voting ("voted 14-5", "a 4-1 ruling"), by "to" after such a word ("voted 256 to
/// 170"), or "N votes to M".
fn tallies(side: &RowSide, quantities: &[Quantity]) -> Vec<Tally> {
    let whole = |q: &Quantity| q.class == QuantityClass::Amount && q.upto.is_none() && q.value.fract() == 0.0;
    let mut found = Vec::new();
    for pair in quantities.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if !whole(a) || !whole(b) {
            continue;
        }
        let before = a.tokens.start.checked_sub(1).map(|k| side.norm(k));
        let voted = before.is_some_and(|w| TALLY_BEFORE.contains(&w) || w == "by")
            || b.tokens.end < side.tokens.len() && TALLY_AFTER.contains(&side.norm(b.tokens.end));
        let between: Vec<&str> = (a.tokens.end..b.tokens.start).map(|k| side.norm(k)).collect();
        let dash = between.is_empty()
            && tokens::gap_before(side.text, &side.tokens, b.tokens.start)
                .is_some_and(|gap| matches!(gap.trim(), "-" | "–"));
        let to = between == ["to"];
        let votes_to = matches!(between.as_slice(), [word, "to"] if TALLY_AFTER.contains(word));
        if votes_to || (voted && (dash || to)) {
            found.push(Tally {
                tokens: a.tokens.start..b.tokens.end,
                figures: (a.value.max(b.value), a.value.min(b.value)),
            });
        }
    }
    found
}

/// Two copies that each give one tally, with different figures.
pub(super) fn conflicts(row: &mut Findings) {
    let left = tallies(row.left.side, &row.left.facts.quantities);
    let right = tallies(row.right.side, &row.right.facts.quantities);
    if let ([l], [r]) = (left.as_slice(), right.as_slice())
        && l.figures != r.figures
    {
        row.add(DiscrepancyKind::Number, l.tokens.clone(), r.tokens.clone());
    }
}
