//! A place changed inside a name: "South Linford's biggest employer" / "South Orvale's
//! biggest employer", "festivals in Britain" / "festivals in Great Orvale", "Orvale
//! Tech's athletes" / "Linford Tech's athletes".
//!
//! Fact reading takes a place word joined to other capitalised words for part of a
//! person's or a body's name ("Georgia Smith", "Texas Instruments"), so `places` never
//! sees it. Here a place the gazetteer knows anywhere in a short substitution is set
//! against one in the other copy's side of the same substitution: one copy wrote one
//! place where the other wrote another.

use std::ops::Range;

use super::super::align::Hunk;
use super::super::discrepancy::DiscrepancyKind;
use super::super::facts::names::is_title;
use super::super::gazetteer::{self, Place};
use super::{Findings, Reading};

/// Longest substitution, in words per side, whose places are set against each other:
/// beyond it the two sides are rewritten sentences, where a place in each says little.
const MAX_WORDS: usize = 6;
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
        // "Judge Nottingham" is a person named like a city.
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

/// Flags a place inside a name that a short substitution replaces with another place.
/// Neither may be in the other side of the substitution, one of them must be new to
/// the other copy's passage (neither named there nor lying in or around a place named
/// there), and the two must not lie in each other ("Waco, Texas" / "Waco, Houston"
/// may only say the city); where fact reading saw both as places, `places` has
/// already judged them.
pub(super) fn conflicts(row: &mut Findings, hunks: &[Hunk]) {
    let small = |r: &Range<usize>| (1..=MAX_WORDS).contains(&r.len());
    let everywhere = |reading: &Reading| spots(reading, 0..reading.side.tokens.len());
    let (all_left, all_right) = (everywhere(&row.left), everywhere(&row.right));
    let named = |all: &[Spot], place: &Place| all.iter().any(|s| s.place.name == place.name);
    let new_to = |all: &[Spot], place: &Place| !all.iter().any(|s| gazetteer::same_or_within(place, s.place));
    let mut found = Vec::new();
    for hunk in hunks.iter().filter(|h| small(&h.left) && small(&h.right)) {
        let (left, right) = (spots(&row.left, hunk.left.clone()), spots(&row.right, hunk.right.clone()));
        let pair = left.iter().find_map(|a| {
            let b = right.iter().find(|b| {
                (a.hidden || b.hidden)
                    && !gazetteer::same_or_within(a.place, b.place)
                    && !named(&right, a.place)
                    && !named(&left, b.place)
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
