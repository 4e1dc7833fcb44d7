//! A person described as two things: "Marsh, a 44-year-old former judge" /
//! "Marsh, a 44-year-old former prosecutor". An apposition right after a name says
//! what the person is; two copies giving one person two occupations disagree on a fact
//! about them. Posts ("the company's president" / "its chief executive") are left out:
//! one person often holds two.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::names::same_word;
use super::super::lexicon;
use super::Findings;

/// Most words between the article of an apposition and its occupation ("a 44-year-old
/// former").
const REACH: usize = 5;

/// The group of `lexicon::OCCUPATIONS` a word names.
fn occupation(word: &str) -> Option<usize> {
    lexicon::group_of(lexicon::OCCUPATIONS, word)
}

/// The occupations a side gives people in apposition: (the name word before the comma,
/// the occupation's token, its group).
fn described(side: &RowSide) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for k in 0..side.tokens.len() {
        let Some(occupation) = occupation(side.norm(k)) else { continue };
        // Back to the article that opens the apposition, then the comma and the name.
        let Some(article) = (k.saturating_sub(REACH)..k).rev().find(|&a| matches!(side.norm(a), "a" | "an" | "the"))
        else {
            continue;
        };
        let Some(name) = article.checked_sub(1) else { continue };
        let comma = side
            .text
            .get(side.tokens[name].bytes.end..side.tokens[article].bytes.start)
            .is_some_and(|gap| gap.trim() == ",");
        if comma && side.is_name(name) {
            found.push((name, k, occupation));
        }
    }
    found
}

pub(super) fn conflicts(row: &mut Findings) {
    let (left, right) = (row.left.side, row.right.side);
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (l_name, l_job, l_group) in described(left) {
        for (r_name, r_job, r_group) in described(right) {
            let same_person = same_word(left.norm(l_name), right.norm(r_name));
            // Each copy's word for the job must be its own: "a judge and former
            // prosecutor" names both.
            let named_there =
                |side: &RowSide, group: usize| (0..side.tokens.len()).any(|k| occupation(side.norm(k)) == Some(group));
            let own = !named_there(right, l_group) && !named_there(left, r_group);
            if same_person && l_group != r_group && own {
                found.push((l_job..l_job + 1, r_job..r_job + 1));
            }
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Name, l, r);
    }
}
