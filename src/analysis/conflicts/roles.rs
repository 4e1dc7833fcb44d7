//! Roles swapped within a list: "Lisbon and Oslo voted against, while Porto
//! abstained" / "Lisbon and Porto voted against, with Oslo abstaining".
//!
//! Every name is in both copies, so no fact is left over on either side; what differs
//! is which names share a clause. Where both copies name the same three or more
//! places or people once each, grouped into clauses the same way except that two of
//! them trade places, the copies give those two each other's role.

use std::collections::BTreeSet;
use std::ops::Range;

use super::super::align::stem;
use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::PassageFacts;
use super::super::facts::names::resolve;
use super::super::tokens;
use super::Findings;

/// A place or name a side states, with the clause it sits in.
struct Member {
    key: String,
    tokens: Range<usize>,
    clause: usize,
    place: bool,
}

/// Words that begin a clause of their own after one that has said something, unless
/// they join two names.
const JOINS: &[&str] = &["and", "but", "while", "whereas", "or"];

/// The clause of each token. Punctuation inside a sentence and a joining word part
/// clauses, but a part with no lower-case word of its own is an item of a list
/// ("Lisbon, Oslo and Porto voted") and belongs to the part after it.
fn clauses(side: &RowSide) -> Vec<usize> {
    let parted = |k: usize| {
        side.sentence_starts.contains(&k)
            // "behind Oslo and Porto" lists names; "rose and Porto fell" joins clauses.
            || (JOINS.contains(&side.norm(k)) && k > 0 && !side.tokens[k - 1].capitalised)
            || tokens::gap_before(side.text, &side.tokens, k)
                .is_some_and(|gap| gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–')))
    };
    let says_something = |k: usize| says_something(side, k);
    let mut clause_of = vec![0; side.tokens.len()];
    let (mut clause, mut part_start, mut wordy) = (0, 0, false);
    for (k, slot) in clause_of.iter_mut().enumerate() {
        if k > 0 && parted(k) && wordy {
            clause += 1;
            wordy = false;
            part_start = k;
        }
        wordy |= says_something(k);
        *slot = clause;
    }
    // A last part with nothing to say ("…, Porto.") closes the clause before it.
    if !wordy && clause > 0 {
        for slot in &mut clause_of[part_start..] {
            *slot = clause - 1;
        }
    }
    clause_of
}

/// Whether token `k` is a lower-case word that says something, not a name or a figure.
fn says_something(side: &RowSide, k: usize) -> bool {
    let token = side.tokens[k];
    !token.capitalised && !token.has_digit() && !token.is_stopword()
}

/// The stems of the words that say something in `clause`.
fn wording<'s>(side: &'s RowSide, clause_of: &[usize], clause: usize) -> BTreeSet<&'s str> {
    (0..side.tokens.len())
        .filter(|&k| clause_of[k] == clause && says_something(side, k))
        .map(|k| stem(side.norm(k)))
        .collect()
}

/// The places (datelines aside) and people a side states, each keyed by what it
/// names. Organisations are left out: a paraphrase moves "the bank" and its product
/// between clauses freely, and they hold no roles a list assigns.
fn members(side: &RowSide, facts: &PassageFacts, clause_of: &[usize]) -> Vec<Member> {
    let mut found: Vec<Member> = facts
        .places
        .iter()
        .filter(|p| !p.dateline)
        .map(|p| Member {
            key: p.place.name.to_string(),
            tokens: p.tokens.clone(),
            clause: clause_of[p.tokens.start],
            place: true,
        })
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    for name in &facts.names {
        if found.iter().any(|m| overlaps(&m.tokens, &name.tokens)) {
            continue;
        }
        let Some(&last) = name.names.last() else { continue };
        let Some(token) = side.tokens.get(last) else { continue };
        let Some(person) = resolve(side.people, &token.norm, token.bytes.start) else { continue };
        found.push(Member {
            key: person.last.clone(),
            tokens: name.tokens.clone(),
            clause: clause_of[name.tokens.start],
            place: false,
        });
    }
    found
}

/// The members' keys, grouped by the clause they sit in.
fn grouping<'m>(members: &[&'m Member]) -> BTreeSet<BTreeSet<&'m str>> {
    let clauses: BTreeSet<usize> = members.iter().map(|m| m.clause).collect();
    clauses.into_iter().map(|c| members.iter().filter(|m| m.clause == c).map(|m| m.key.as_str()).collect()).collect()
}

/// `groups` with the keys `a` and `b` traded.
fn swapped<'k>(groups: &BTreeSet<BTreeSet<&'k str>>, a: &'k str, b: &'k str) -> BTreeSet<BTreeSet<&'k str>> {
    let trade = |k: &'k str| {
        if k == a {
            b
        } else if k == b {
            a
        } else {
            k
        }
    };
    groups.iter().map(|g| g.iter().map(|&k| trade(k)).collect()).collect()
}

/// Flags two members both copies name whose clauses the copies swap.
pub(super) fn conflicts(row: &mut Findings) {
    let (left_clauses, right_clauses) = (clauses(row.left.side), clauses(row.right.side));
    let left = members(row.left.side, &row.left.facts, &left_clauses);
    let right = members(row.right.side, &row.right.facts, &right_clauses);
    let once = |all: &[Member], key: &str| all.iter().filter(|m| m.key == key).count() == 1;
    let shared = |own: &[Member], other: &[Member]| -> Option<Vec<usize>> {
        let picked: Vec<usize> =
            (0..own.len()).filter(|&i| once(own, &own[i].key) && once(other, &own[i].key)).collect();
        (picked.len() == own.len()).then_some(picked)
    };
    // Every member is in both copies once: a name only one copy has is a fact of its own.
    let (Some(l), Some(r)) = (shared(&left, &right), shared(&right, &left)) else { return };
    if l.len() < 3 {
        return;
    }
    let l: Vec<&Member> = l.iter().map(|&i| &left[i]).collect();
    let r: Vec<&Member> = r.iter().map(|&i| &right[i]).collect();
    let (left_groups, right_groups) = (grouping(&l), grouping(&r));
    if left_groups == right_groups || left_groups.len() < 2 {
        return;
    }
    let mut swaps = Vec::new();
    for (i, a) in l.iter().enumerate() {
        for b in &l[i + 1..] {
            if a.clause != b.clause && a.place == b.place && swapped(&left_groups, &a.key, &b.key) == right_groups {
                swaps.push((*a, *b));
            }
        }
    }
    let [(a, b)] = swaps.as_slice() else { return };
    let (Some(right_a), Some(right_b)) = (r.iter().find(|m| m.key == a.key), r.iter().find(|m| m.key == b.key)) else {
        return;
    };
    // The clauses must say the same things in both copies, only of the other member:
    // "voted against" of Oslo in one and of Porto in the other. A paraphrase that
    // regroups its clauses says different things in them, and a word the second copy
    // gives both members ("rose") tells nothing.
    let parallel = |left: &Member, right: &Member, right_own: &Member| {
        let said = wording(row.left.side, &left_clauses, left.clause);
        let there = wording(row.right.side, &right_clauses, right.clause);
        let own = wording(row.right.side, &right_clauses, right_own.clause);
        said.intersection(&there).any(|w| !own.contains(w))
    };
    if !parallel(a, right_b, right_a) || !parallel(b, right_a, right_b) {
        return;
    }
    // Where the left copy has `a`, the right has `b`.
    let kind = if a.place { DiscrepancyKind::Place } else { DiscrepancyKind::Name };
    row.add(kind, a.tokens.clone(), right_b.tokens.clone());
}
