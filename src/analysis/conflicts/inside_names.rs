//! A place written over by another in the same words, often inside a name: "South
//! Linford's biggest employer" / "South Orvale's biggest employer", "routes in
//! Britain" / "routes in Great Orvale", "Frankly, Linford must be warned" / "Orvale must
//! be warned".
//!
//! Fact reading takes a place word joined to other capitalised words for part of a
//! person's or a body's name ("Georgia Smith", "Texas Instruments"), so `places` never
//! sees it. Here a place the gazetteer knows anywhere in a short substitution is set
//! against one in the other copy's side of the same substitution: one copy wrote one
//! place where the other wrote another.

use std::ops::Range;

use super::super::align::Hunk;
use super::super::discrepancy::DiscrepancyKind;
use super::super::facts::names::{is_title, same_word};
use super::super::gazetteer::{self, Place};
use super::{Findings, Reading};

/// Longest substitution, in words per side, whose places are set against each other:
/// beyond it the two sides are rewritten sentences, where a place in each says little.
const MAX_WORDS: usize = 8;
/// Longest place name in the gazetteer, in words.
const LONGEST: usize = 6;

/// A place the gazetteer knows at some tokens, whether or not the fact reading took it
/// for a place there.
struct Spot {
    tokens: Range<usize>,
    place: &'static Place,
    /// The fact reading took it for part of a name.
    hidden: bool,
}

/// Every gazetteer place in `range` of a side, capitalised words only and none right
/// after a title.
fn spots(reading: &Reading, range: Range<usize>) -> Vec<Spot> {
    let side = reading.side;
    let mut found = Vec::new();
    let mut k = range.start;
    while k < range.end {
        let token = side.tokens[k];
        // "US" is the country, "us" is not.
        let capital = token.capitalised && (token.norm != "us" || token.all_caps);
        // "Judge Lyon" is a person named like a city.
        let after_title = k.checked_sub(1).is_some_and(|p| is_title(side.norm(p)));
        let end = range.end.min(k + LONGEST);
        let words: Vec<&str> = (k..end).map(|i| side.norm(i)).collect();
        match gazetteer::place_at(&words).filter(|_| capital && !after_title) {
            Some((length, place)) => {
                let tokens = k..k + length;
                let overlaps = |p: &Range<usize>| p.start < tokens.end && tokens.start < p.end;
                let hidden = !reading.facts.places.iter().any(|p| overlaps(&p.tokens));
                found.push(Spot { tokens, place, hidden });
                k += length;
            }
            None => k += 1,
        }
    }
    found
}

/// Flags a place that a short substitution replaces with another place. Neither may be
/// in the other side of the substitution, even spelled another way ("Linford" /
/// "Lynford, west of Orvale"); one of them must be new to the other copy's passage
/// (neither named there nor lying in or around a place named there); the two must not
/// lie in each other ("Ashby, Texas" / "Ashby, Dallas" may only say the city). Where
/// fact reading saw both as places, an item of a list is left alone: lists are
/// reordered and extended ("Leeds, and Bristol" / "Bristol, England, and Cardiff").
pub(super) fn conflicts(row: &mut Findings, hunks: &[Hunk]) {
    let small = |r: &Range<usize>| (1..=MAX_WORDS).contains(&r.len());
    // Most rows substitute no place for a place: only those are read whole.
    let substituted: Vec<(&Hunk, Vec<Spot>, Vec<Spot>)> = hunks
        .iter()
        .filter(|h| small(&h.left) && small(&h.right))
        .map(|h| (h, spots(&row.left, h.left.clone()), spots(&row.right, h.right.clone())))
        .filter(|(_, left, right)| !left.is_empty() && !right.is_empty())
        .collect();
    if substituted.is_empty() {
        return;
    }
    let everywhere = |reading: &Reading| spots(reading, 0..reading.side.tokens.len());
    let (all_left, all_right) = (everywhere(&row.left), everywhere(&row.right));
    let named = |all: &[Spot], place: &Place| all.iter().any(|s| s.place.name == place.name);
    let new_to = |all: &[Spot], place: &Place| !all.iter().any(|s| gazetteer::same_or_within(place, s.place));
    // The place's words written in the other side of the substitution, perhaps spelled
    // another way.
    let written_in = |spot: &Spot, side: &Reading, own: &Reading, range: &Range<usize>| {
        spot.tokens.clone().all(|k| range.clone().any(|j| same_word(own.side.norm(k), side.side.norm(j))))
    };
    let mut found = Vec::new();
    for (hunk, left, right) in &substituted {
        let pair = left.iter().find_map(|a| {
            let b = right.iter().find(|b| {
                (a.hidden || b.hidden || (!listed(&row.left, &a.tokens) && !listed(&row.right, &b.tokens)))
                    && !gazetteer::same_or_within(a.place, b.place)
                    && !named(right, a.place)
                    && !named(left, b.place)
                    && !written_in(a, &row.right, &row.left, &hunk.right)
                    && !written_in(b, &row.left, &row.right, &hunk.left)
                    && (new_to(&all_right, a.place) || new_to(&all_left, b.place))
            })?;
            Some((a.tokens.clone(), b.tokens.clone()))
        });
        found.extend(pair);
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Place, l, r);
    }
}

/// Whether the place at `tokens` is an item of a list: "and" or "or" right before or
/// after it, or a comma parting it from another name ("Honduras, Mexico, Peru").
fn listed(reading: &Reading, tokens: &Range<usize>) -> bool {
    let side = reading.side;
    let joins = |k: usize| matches!(side.norm(k), "and" | "or");
    let comma_between = |a: usize, b: usize| {
        side.text.get(side.tokens[a].bytes.end..side.tokens[b].bytes.start).is_some_and(|gap| gap.contains(','))
    };
    let a_name = |k: usize| side.tokens[k].capitalised && !side.sentence_starts.contains(&k);
    let before = tokens.start.checked_sub(1).is_some_and(|k| joins(k) || (comma_between(k, tokens.start) && a_name(k)));
    let after = tokens.end < side.tokens.len()
        && (joins(tokens.end) || (comma_between(tokens.end - 1, tokens.end) && a_name(tokens.end)));
    before || after
}
