//! A range one copy writes with an end changed so that it runs backwards: "40 million
//! to 50 million litres" / "40 million to 25 million litres", "a 6-9 percent rate" /
//! "a 12-9 percent rate".
//!
//! Figure reading takes only an upward "X to Y" for a range ("voted 256 to 170" gives
//! two figures), so the backward copy states two figures: the first agrees with one
//! end of the other copy's range, and the second is left over with nothing to pair
//! with. Where the other copy gives a range one of whose ends the two figures keep in
//! its place, they are that range written again, and the other figure is the other
//! end changed.

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::{Quantity, QuantityClass};
use super::Findings;

/// Whether `second` follows `first` as the other end of a range: after "to", "-" or
/// "or", the first figure's unit perhaps repeated ("14 percent to 16 percent").
fn follows(side: &RowSide, first: &Quantity, second: &Quantity) -> bool {
    let (end, start) = (first.tokens.end, second.tokens.start);
    let joined_by_word = |k: usize| matches!(side.norm(k), "to" | "or");
    let dash = || {
        let gap = side.text.get(side.tokens[end - 1].bytes.end..side.tokens[start].bytes.start).unwrap_or_default();
        matches!(gap.trim(), "-" | "–" | "—")
    };
    let repeated_unit = || end < start && side.norm(end) == first.unit && !first.unit.is_empty();
    (start == end && dash())
        || (start == end + 1 && joined_by_word(end))
        || (start == end + 2 && repeated_unit() && joined_by_word(end + 1))
}

/// Flags the changed figure of a range written backwards against the other side's
/// range.
pub(super) fn conflicts(row: &mut Findings) {
    let mut found = Vec::new();
    for left_has_range in [true, false] {
        let (ranged, written) = if left_has_range { (&row.left, &row.right) } else { (&row.right, &row.left) };
        let figures = &written.facts.quantities;
        for range in ranged.facts.quantities.iter().filter(|q| q.class == QuantityClass::Amount) {
            let Some(top) = range.upto else { continue };
            let bottom = Quantity { upto: None, ..range.clone() };
            let top = Quantity { value: top, upto: None, ..range.clone() };
            for pair in figures.windows(2) {
                let [first, second] = pair else { continue };
                let backwards = first.upto.is_none() && second.upto.is_none() && second.value < first.value;
                if !backwards || !follows(written.side, first, second) {
                    continue;
                }
                // One end kept, the other changed.
                let changed = match (first.agrees_with(&bottom), second.agrees_with(&top)) {
                    (true, false) if !second.agrees_with(&bottom) => second,
                    (false, true) if !first.agrees_with(&top) => first,
                    _ => continue,
                };
                let (range, changed) = (range.tokens.clone(), changed.tokens.clone());
                found.push(if left_has_range { (range, changed) } else { (changed, range) });
            }
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Number, l, r);
    }
}
