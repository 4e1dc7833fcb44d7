//! "The capital" against a named city: a copy filed from Vilnius that says the winner
//! "told supporters in the capital" places them in Vilnius, so another copy's "told
//! supporters in Riga" places them elsewhere.
//!
//! Only where the copy saying "the capital" was filed from a city, names no place in
//! the passage itself, and the other copy names one city there, after the same word
//! ("in the capital" / "in Riga"), that lies outside the country of the filing city.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::PlaceMention;
use super::super::gazetteer::{self, PlaceKind};
use super::Findings;

/// "the capital" written as a place of its own: not "the capital Hollin", "the capital,
/// Halvik", or "the capital of Norway", which name it.
fn the_capital(side: &RowSide) -> Option<Range<usize>> {
    let at = (1..side.tokens.len()).find(|&k| side.norm(k) == "capital" && side.norm(k - 1) == "the")?;
    let next = side.tokens.get(at + 1);
    let named_after = next.is_some_and(|t| t.capitalised || t.norm == "of" || t.norm == "city");
    (!named_after).then_some(at - 1..at + 1)
}

/// The one place a side names outside its dateline, if it names exactly one.
fn only_place(places: &[PlaceMention]) -> Option<&PlaceMention> {
    let mut named = places.iter().filter(|p| !p.dateline);
    let first = named.next()?;
    named.next().is_none().then_some(first)
}

pub(super) fn conflicts(row: &mut Findings) {
    for capital_on_left in [true, false] {
        let (capital_side, capital_places, named_side, named_places) = if capital_on_left {
            (row.left.side, &row.left.facts.places, row.right.side, &row.right.facts.places)
        } else {
            (row.right.side, &row.right.facts.places, row.left.side, &row.left.facts.places)
        };
        let Some(filed) = capital_side.filed_in.filter(|p| p.kind == PlaceKind::City) else { continue };
        if capital_places.iter().any(|p| !p.dateline) {
            continue;
        }
        let Some(capital) = the_capital(capital_side) else { continue };
        let Some(city) = only_place(named_places).filter(|p| p.place.kind == PlaceKind::City) else { continue };
        let country = filed.within.and_then(gazetteer::place_named).unwrap_or(filed);
        let slot = capital.start.checked_sub(1).map(|k| capital_side.norm(k))
            == city.tokens.start.checked_sub(1).map(|k| named_side.norm(k));
        if !slot || gazetteer::same_or_within(city.place, country) {
            continue;
        }
        let (left, right) =
            if capital_on_left { (capital, city.tokens.clone()) } else { (city.tokens.clone(), capital) };
        row.add(DiscrepancyKind::Place, left, right);
    }
}
