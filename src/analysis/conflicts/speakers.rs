//! Speakers: one statement credited to two people whom both copies name.
//!
//! Outlets often quote different people on one event, so two names before "said" are
//! not in themselves a conflict (`names` pairs only names sharing a word). But where
//! each copy names both people, and the paired sentences give one speaker each, the
//! copies disagree on who said it: "…," Marsh told reporters / "…," Daskal told
//! journalists, with Lena Marsh and Ivo Daskal named in both copies.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::NameMention;
use super::super::facts::names::{FullName, resolve, same_word};
use super::super::lexicon;
use super::Findings;

/// The person a name before or after a verb of saying refers to, with the name's
/// tokens: "Marsh told", "said Lena Marsh".
fn speakers<'s>(side: &'s RowSide, names: &[NameMention]) -> Vec<(Range<usize>, &'s FullName)> {
    let saying = |k: usize| lexicon::ATTRIBUTION_VERBS.contains(&side.norm(k)) && side.in_quote(k).is_none();
    names
        .iter()
        .filter(|m| m.titles.is_empty() || m.names.len() > m.titles.len())
        .filter(|m| saying(m.tokens.end) || m.tokens.start.checked_sub(1).is_some_and(saying))
        .filter_map(|m| {
            let &last = m.names.last()?;
            let token = side.tokens.get(last)?;
            // The full name itself resolves to the person it names (its first word is
            // before its last); a surname used before the full name is given refers to
            // the one person of that name the document names later.
            let later = || {
                let mut namesakes = side.people.iter().filter(|p| same_word(&p.last, &token.norm));
                let first = namesakes.next()?;
                namesakes.all(|p| same_word(&p.first, &first.first)).then_some(first)
            };
            let person = resolve(side.people, &token.norm, token.bytes.start).or_else(later)?;
            Some((m.tokens.clone(), person))
        })
        .collect()
}

/// Whether a document names `person` in full.
fn knows(side: &RowSide, person: &FullName) -> bool {
    side.people.iter().any(|p| same_word(&p.last, &person.last) && same_word(&p.first, &person.first))
}

/// One speaker on each side, two different people both copies name.
pub(super) fn conflicts(row: &mut Findings) {
    let left = speakers(row.left.side, &row.left.facts.names);
    let right = speakers(row.right.side, &row.right.facts.names);
    let ([(l, a)], [(r, b)]) = (left.as_slice(), right.as_slice()) else { return };
    let same = same_word(&a.last, &b.last) || same_word(&a.first, &b.first);
    let named_in_both = knows(row.left.side, b) && knows(row.right.side, a);
    // Each sentence speaks of one person only: a sentence naming both is about both.
    let mentions = |side: &RowSide, person: &FullName| side.words.contains(person.last.as_str());
    let apart = !mentions(row.left.side, b) && !mentions(row.right.side, a);
    if !same && named_in_both && apart {
        row.add(DiscrepancyKind::Attribution, l.clone(), r.clone());
    }
}
