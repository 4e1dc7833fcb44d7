//! Tolls: one copy says nobody died, was hurt or was arrested, where the other counts
//! them ("No deaths have been reported" / "Two children have died").
//!
//! A count of nobody is written without a figure, so `quantities` never sees it: the
//! zero is read from "no", "nobody" or "no one" before a word of harm, the count from a
//! figure next to one ("two children have died", "killing 12", "42 dead").

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::{Quantity, QuantityClass};
use super::Findings;

/// What a toll counts: the dead, the hurt, the arrested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Harm {
    Death,
    Injury,
    Arrest,
}

/// The harm a word names. "Casualties" counts the dead and the hurt together, so it
/// names neither.
fn harm(word: &str) -> Option<Harm> {
    match word {
        "death" | "deaths" | "dead" | "died" | "die" | "dies" | "killed" | "killing" | "fatalities" | "fatality"
        | "perished" => Some(Harm::Death),
        "injury" | "injuries" | "injured" | "injuring" | "wounded" | "wounding" | "hurt" => Some(Harm::Injury),
        "arrest" | "arrests" | "arrested" | "detained" | "detention" | "detentions" => Some(Harm::Arrest),
        _ => None,
    }
}

/// How far after a figure, or after "no", the word of harm may stand: "two children
/// have died", "none of the passengers was injured".
const REACH: usize = 5;

/// One copy's statement of a toll: the tokens that state it and whether it is nobody.
struct Toll {
    harm: Harm,
    tokens: Range<usize>,
    nobody: bool,
}

/// The first word of harm in `from..` within `REACH` words, stopping at another figure.
fn harm_after(side: &RowSide, quantities: &[Quantity], from: usize) -> Option<(usize, Harm)> {
    (from..side.tokens.len().min(from + REACH))
        .take_while(|&k| !quantities.iter().any(|q| q.tokens.start == k))
        .find_map(|k| harm(side.norm(k)).map(|h| (k, h)))
}

/// Whether "no" at `i` is the zero of a count ("no deaths", "no one", "nobody").
fn says_nobody(side: &RowSide, i: usize) -> bool {
    matches!(side.norm(i), "no" | "nobody" | "none")
}

/// The tolls a side states.
fn tolls(side: &RowSide, quantities: &[Quantity]) -> Vec<Toll> {
    let mut found = Vec::new();
    for i in (0..side.tokens.len()).filter(|&i| says_nobody(side, i)) {
        if let Some((k, harm)) = harm_after(side, quantities, i + 1).or_else(|| {
            // "No one was killed": the "one" is part of the zero, not a figure.
            (side.norm(i + 1) == "one").then(|| harm_after(side, &[], i + 2)).flatten()
        }) {
            found.push(Toll { harm, tokens: i..k + 1, nobody: true });
        }
    }
    for quantity in quantities.iter().filter(|q| q.class == QuantityClass::Amount && q.value > 0.0) {
        let start = quantity.tokens.start;
        if start > 0 && says_nobody(side, start - 1) {
            continue;
        }
        // "killing at least 12 people": the verb of harm before the figure and its hedge.
        let before = (start.saturating_sub(3)..start).rev().find_map(|k| harm(side.norm(k)).map(|h| (k, h)));
        let after = harm_after(side, quantities, quantity.tokens.end);
        if let Some((k, harm)) = after {
            found.push(Toll { harm, tokens: start..k + 1, nobody: false });
        } else if let Some((k, harm)) = before {
            found.push(Toll { harm, tokens: k..quantity.tokens.end, nobody: false });
        }
    }
    found
}

/// A toll of nobody on one side against a count of the same harm on the other, where
/// neither side states both.
pub(super) fn conflicts(row: &mut Findings) {
    let left = tolls(row.left.side, &row.left.facts.quantities);
    let right = tolls(row.right.side, &row.right.facts.quantities);
    let mut found = Vec::new();
    for harm in [Harm::Death, Harm::Injury, Harm::Arrest] {
        let of = |tolls: &[Toll], nobody: bool| {
            tolls.iter().find(|t| t.harm == harm && t.nobody == nobody).map(|t| t.tokens.clone())
        };
        match (of(&left, true), of(&left, false), of(&right, true), of(&right, false)) {
            (Some(zero), None, None, Some(count)) => found.push((zero, count)),
            (None, Some(count), Some(zero), None) => found.push((count, zero)),
            _ => {}
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Number, l, r);
    }
}
