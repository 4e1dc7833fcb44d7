//! Two copies naming the same person differently: "Justice Ann Kessel" and "Justice
//! Ann Moro", "Officer Lane" and "Officer Brandt".
//!
//! Names of each side are paired with the name of the other side they share most words
//! with (a first name, a surname, a title); a pair whose remaining name words differ on
//! both sides is a conflict when one of those words is nowhere in the other copy's
//! passage. Names sharing nothing are different people, not a swapped name.

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::NameMention;
use super::super::facts::names::same_word;
use super::super::lexicon;
use super::Findings;

struct Pairing {
    score: usize,
    left: usize,
    right: usize,
    shared_names: usize,
}

fn words<'a>(side: &'a RowSide, indices: &[usize]) -> Vec<&'a str> {
    indices.iter().map(|&i| side.norm(i)).collect()
}

pub(super) fn conflicts(row: &mut Findings) {
    let (left, right) = (row.left.side, row.right.side);
    // A name that is a place or an agency the other copy also names ("United Nations"
    // and "UN") agrees, however it is written.
    let shared_of = |facts: &super::PassageFacts, other: &super::PassageFacts| -> Vec<std::ops::Range<usize>> {
        facts
            .places
            .iter()
            .filter(|p| other.places.iter().any(|o| o.place.name == p.place.name))
            .map(|p| p.tokens.clone())
            .chain(
                facts
                    .agencies
                    .iter()
                    .filter(|a| other.agencies.iter().any(|o| o.agency.name == a.agency.name))
                    .map(|a| a.tokens.clone()),
            )
            .collect()
    };
    let (left_shared, right_shared) =
        (shared_of(&row.left.facts, &row.right.facts), shared_of(&row.right.facts, &row.left.facts));
    // The words of a name outside what both copies name alike ("UN Development Program"
    // against "United Nations Development Program" differs in nothing).
    let strip = |m: &NameMention, shared: &[std::ops::Range<usize>]| -> Option<NameMention> {
        let names: Vec<usize> = m.names.iter().copied().filter(|&k| !shared.iter().any(|r| r.contains(&k))).collect();
        (!names.is_empty()).then(|| NameMention { names, ..m.clone() })
    };
    let lm: Vec<NameMention> = row.left.facts.names.iter().filter_map(|m| strip(m, &left_shared)).collect();
    let rm: Vec<NameMention> = row.right.facts.names.iter().filter_map(|m| strip(m, &right_shared)).collect();
    let shares = |a: &[&str], b: &[&str]| a.iter().filter(|x| b.iter().any(|y| same_word(x, y))).count();
    let mut pairings = Vec::new();
    for (i, a) in lm.iter().enumerate() {
        for (j, b) in rm.iter().enumerate() {
            let shared_names = shares(&words(left, &a.names), &words(right, &b.names));
            let shared_titles = shares(&words(left, &a.titles), &words(right, &b.titles));
            if shared_names + shared_titles > 0 {
                pairings.push(Pairing { score: 2 * shared_names + shared_titles, left: i, right: j, shared_names });
            }
        }
    }
    pairings.sort_by(|a, b| b.score.cmp(&a.score).then(a.left.cmp(&b.left)).then(a.right.cmp(&b.right)));
    let (mut left_used, mut right_used) = (vec![false; lm.len()], vec![false; rm.len()]);
    for pairing in pairings {
        if left_used[pairing.left] || right_used[pairing.right] {
            continue;
        }
        left_used[pairing.left] = true;
        right_used[pairing.right] = true;
        let (a, b) = (&lm[pairing.left], &rm[pairing.right]);
        let differing = |m: &NameMention, side: &RowSide, other: &NameMention, other_side| {
            let theirs = words(other_side, &other.names);
            m.names.iter().copied().filter(|&k| !theirs.iter().any(|w| same_word(side.norm(k), w))).collect::<Vec<_>>()
        };
        let (da, db) = (differing(a, left, b, right), differing(b, right, a, left));
        // "Petrov" against "Oleg Petrov": the lone surname is whoever its own copy named
        // in full before, and that may be Ivan Petrov.
        if da.is_empty() != db.is_empty() {
            if let Some((l, r)) = resolved_conflict(left, a, right, b) {
                row.add(DiscrepancyKind::Name, l, r);
            }
            continue;
        }
        if da.is_empty() || db.is_empty() {
            continue;
        }
        // "Visual Basic" and "VisualBasic" are one name written two ways.
        let joined = |side: &RowSide, d: &[usize]| d.iter().map(|&k| side.norm(k)).collect::<String>();
        if joined(left, &da) == joined(right, &db) {
            continue;
        }
        let absent =
            |side: &RowSide, k: usize, other: &RowSide| !other.words.iter().any(|w| same_word(side.norm(k), w));
        let absent_a = da.iter().filter(|&&k| absent(left, k, right)).count();
        let absent_b = db.iter().filter(|&&k| absent(right, k, left)).count();
        // Sharing only a title ("Officer"), the names must be wholly new to each other.
        let conflict = if pairing.shared_names > 0 {
            absent_a + absent_b > 0
        } else {
            absent_a == da.len() && absent_b == db.len()
        };
        if conflict {
            let span = |d: &[usize]| d[0]..d[d.len() - 1] + 1;
            row.add(kind_of(left, a, right, b), span(&da), span(&db));
        }
    }
}

/// A name that is an institution ("the Water Ministry") credits a statement; one that
/// ends in "Street" or "River" is a place; the rest are people.
fn kind_of(left: &RowSide, a: &NameMention, right: &RowSide, b: &NameMention) -> DiscrepancyKind {
    // The name's own words, not the role before it: "Police Chief Anna Varga" is a person.
    let any = |side: &RowSide, m: &NameMention, words: &[&str]| m.names.iter().any(|&k| words.contains(&side.norm(k)));
    if any(left, a, lexicon::INSTITUTIONS) && any(right, b, lexicon::INSTITUTIONS) {
        DiscrepancyKind::Attribution
    } else if any(left, a, lexicon::PLACE_AFTER) && any(right, b, lexicon::PLACE_AFTER) {
        DiscrepancyKind::Place
    } else {
        DiscrepancyKind::Name
    }
}

/// A name written as one word on one side and in full on the other, where the one word
/// resolves within its own document to a person with another first name. Returns the
/// token ranges to flag.
fn resolved_conflict(
    left: &RowSide,
    a: &NameMention,
    right: &RowSide,
    b: &NameMention,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let span = |m: &NameMention| m.names[0]..m.names[m.names.len() - 1] + 1;
    let lone_against_full = |lone_side: &RowSide, lone: &NameMention, full_side: &RowSide, full: &NameMention| {
        let [word] = lone.names.as_slice() else { return None };
        let [first, .., last] = full.names.as_slice() else { return None };
        let token = lone_side.tokens.get(*word)?;
        let person = super::super::facts::names::resolve(lone_side.people, &token.norm, token.bytes.start)?;
        let theirs = full_side.norm(*first);
        Some(!same_word(&person.first, theirs) && same_word(&person.last, full_side.norm(*last)))
    };
    if a.names.len() == 1 && lone_against_full(left, a, right, b) == Some(true) {
        return Some((span(a), b.names[0]..b.names[0] + 1));
    }
    if b.names.len() == 1 && lone_against_full(right, b, left, a) == Some(true) {
        return Some((a.names[0]..a.names[0] + 1, span(b)));
    }
    None
}
