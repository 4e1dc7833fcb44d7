//! Bearings: "60 km northwest of the city" against "60 km southeast of" it.
//!
//! A bearing is no name, number or place the gazetteer holds, so no other rule reads
//! it, yet a reader checks it. A row is flagged only where each side states exactly
//! one, so a passage that gives several ("north of the capital and east of the
//! coast") is left to the reader.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::Findings;

/// A compass point as its two halves ("northwest" is north and west); a lone half is
/// the other's `None`.
type Bearing = (Option<&'static str>, Option<&'static str>);

fn half(word: &str) -> Option<Bearing> {
    Some(match word {
        "north" | "northern" | "northward" => (Some("north"), None),
        "south" | "southern" | "southward" => (Some("south"), None),
        "east" | "eastern" | "eastward" => (None, Some("east")),
        "west" | "western" | "westward" => (None, Some("west")),
        "northeast" | "northeastern" => (Some("north"), Some("east")),
        "northwest" | "northwestern" => (Some("north"), Some("west")),
        "southeast" | "southeastern" => (Some("south"), Some("east")),
        "southwest" | "southwestern" => (Some("south"), Some("west")),
        _ => return None,
    })
}

/// The bearings a side states of a place: "northwest of the city", "in northern
/// Peru". Lower case only ("North Korea" and "West Bank" name places); a hyphened pair
/// is one ("north-east"). A bearing of nothing named ("a few miles further east is")
/// is too loose to hold a copy to.
fn bearings(side: &RowSide) -> Vec<(Range<usize>, Bearing)> {
    let of_a_place = |range: &Range<usize>| side.norm(range.end) == "of" || side.norm(range.end - 1).ends_with("ern");
    located(side).into_iter().filter(|(range, _)| of_a_place(range)).collect()
}

/// Every bearing a side writes.
fn located(side: &RowSide) -> Vec<(Range<usize>, Bearing)> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < side.tokens.len() {
        // Capitalised only to open a sentence, and then not before a name ("Northern
        // Ireland").
        let opens = side.sentence_starts.contains(&k) && !side.tokens.get(k + 1).is_some_and(|t| t.capitalised);
        let Some(first) = half(side.norm(k)).filter(|_| !side.tokens[k].capitalised || opens) else {
            k += 1;
            continue;
        };
        let hyphened = super::super::tokens::gap_before(side.text, &side.tokens, k + 1) == Some("-");
        if let Some(second) = half(side.norm(k + 1)).filter(|_| hyphened) {
            found.push((k..k + 2, (first.0.or(second.0), first.1.or(second.1))));
            k += 2;
        } else {
            found.push((k..k + 1, first));
            k += 1;
        }
    }
    found
}

/// Whether two bearings cannot both be right: "northwest" and "southeast" differ,
/// "north" and "northwest" may be one bearing told roughly.
fn disagree(a: Bearing, b: Bearing) -> bool {
    let clash = |x: Option<&str>, y: Option<&str>| matches!((x, y), (Some(x), Some(y)) if x != y);
    clash(a.0, b.0) || clash(a.1, b.1)
}

pub(super) fn conflicts(row: &mut Findings) {
    if let ([(l, a)], [(r, b)]) = (bearings(row.left.side).as_slice(), bearings(row.right.side).as_slice())
        && disagree(*a, *b)
    {
        row.add(DiscrepancyKind::Place, l.clone(), r.clone());
    }
}
