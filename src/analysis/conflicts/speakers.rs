//! Speakers: one statement credited to two people whom both copies name, or to a
//! person one copy names and a name the other never introduces.
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

/// Single-word names before or after a verb of saying that name nobody the document
/// names in full ("…, Dolan said." where no Dolan was ever introduced).
fn strangers(side: &RowSide, names: &[NameMention]) -> Vec<Range<usize>> {
    let saying = |k: usize| lexicon::ATTRIBUTION_VERBS.contains(&side.norm(k)) && side.in_quote(k).is_none();
    names
        .iter()
        .filter(|m| m.titles.is_empty() && m.names.len() == 1)
        .filter(|m| saying(m.tokens.end) || m.tokens.start.checked_sub(1).is_some_and(saying))
        .filter(|m| {
            let word = side.norm(m.names[0]);
            !side.people.iter().any(|p| same_word(&p.last, word) || same_word(&p.first, word))
        })
        .map(|m| m.tokens.clone())
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
    misnamed(row, &left, &right);
    let ([(l, a)], [(r, b)]) = (left.as_slice(), right.as_slice()) else { return };
    let same = same_word(&a.last, &b.last) || same_word(&a.first, &b.first);
    // A copy that names both people and gives the words to one of them has told them
    // apart. Where only one copy names both, the row must quote both sides: the same
    // words put in another mouth, not a paraphrase of what someone else said.
    let (left_knows, right_knows) = (knows(row.left.side, b), knows(row.right.side, a));
    let quoted = !row.left.side.quotes.is_empty() && !row.right.side.quotes.is_empty();
    let named_in_both = (left_knows && right_knows) || ((left_knows || right_knows) && quoted);
    // Each sentence speaks of one person only: a sentence naming both is about both.
    let mentions = |side: &RowSide, person: &FullName| side.words.contains(person.last.as_str());
    let apart = !mentions(row.left.side, b) && !mentions(row.right.side, a);
    if !same && named_in_both && apart {
        row.add(DiscrepancyKind::Attribution, l.clone(), r.clone());
    }
}

/// A speaker one copy names, whom the other copy names in full elsewhere, against a
/// single name beginning alike that the other copy gives here and never introduces:
/// "Doyle said" / "Dolan said" where the second copy names Sean Doyle but no Dolan.
/// The name was mixed up; a name unlike it is as likely another person quoted.
fn misnamed(row: &mut Findings, left: &[(Range<usize>, &FullName)], right: &[(Range<usize>, &FullName)]) {
    let mentions = |side: &RowSide, person: &FullName| side.words.contains(person.last.as_str());
    // Begins like the person's surname: a name mixed up, not another person quoted.
    let alike = |side: &RowSide, range: &Range<usize>, person: &FullName| {
        let word = side.norm(range.end - 1);
        word.chars().zip(person.last.chars()).take_while(|(a, b)| a == b).count() >= 2
    };
    if let ([(l, person)], []) = (left, right)
        && let [r] = strangers(row.right.side, &row.right.facts.names).as_slice()
        && knows(row.right.side, person)
        && !mentions(row.right.side, person)
        && alike(row.right.side, r, person)
    {
        row.add(DiscrepancyKind::Name, l.clone(), r.clone());
    }
    if let ([], [(r, person)]) = (left, right)
        && let [l] = strangers(row.left.side, &row.left.facts.names).as_slice()
        && knows(row.left.side, person)
        && !mentions(row.left.side, person)
        && alike(row.left.side, l, person)
    {
        row.add(DiscrepancyKind::Name, l.clone(), r.clone());
    }
}
