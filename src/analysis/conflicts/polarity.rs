//! Reversed meaning: a "not" one copy adds to a verb the other copy states plainly, or a
//! word swapped for its opposite ("rose" for "fell").
//!
//! Paraphrase says the negative many ways ("were not disclosed", "without giving
//! details"), so a negation only conflicts when the other copy has the very same verb
//! un-negated and says fewer negative things overall.

use std::ops::Range;

use super::super::discrepancy::RowSide;
use super::super::lexicon;

/// Verbs that take "not" right after them.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "has", "have", "had", "will", "would", "can",
    "could", "shall", "should", "may", "might", "must", "need",
];

/// Words that state a negative without "not".
const NEGATIVE_WORDS: &[&str] = &[
    "declined",
    "declines",
    "refused",
    "refuses",
    "denied",
    "denies",
    "failed",
    "fails",
    "lack",
    "lacked",
    "lacks",
    "unclear",
    "unknown",
    "unlikely",
    "unwilling",
    "unaware",
    "unsure",
    "uncertain",
    "impossible",
    "absent",
];

/// A negated verb: the auxiliary it negates and the tokens ("will not", "cannot").
struct Negated {
    auxiliary: &'static str,
    tokens: Range<usize>,
}

/// The auxiliary `word` is a form of, by its first form: reported speech and paraphrase
/// change tense and person ("We are not facing a crisis" / "This is a crisis", "will" /
/// "would"), so the forms of one verb are one auxiliary.
fn auxiliary(word: &str) -> Option<&'static str> {
    let form = AUXILIARIES.iter().copied().find(|&aux| aux == word)?;
    Some(match form {
        "are" | "was" | "were" | "be" | "been" | "am" => "is",
        "does" | "did" => "do",
        "have" | "had" => "has",
        "would" => "will",
        "could" => "can",
        "might" => "may",
        other => other,
    })
}

/// The negated auxiliary at token `i`, if `i` is a negation.
fn negated_at(side: &RowSide, i: usize) -> Option<Negated> {
    let word = side.norm(i);
    if matches!(word, "not" | "never") {
        let before = i.checked_sub(1)?;
        return auxiliary(side.norm(before)).map(|auxiliary| Negated { auxiliary, tokens: before..i + 1 });
    }
    let auxiliary = match word {
        "cannot" | "cant" => "can",
        "wont" => "will",
        _ => auxiliary(word.strip_suffix("nt")?)?,
    };
    Some(Negated { auxiliary, tokens: i..i + 1 })
}

fn negations(side: &RowSide) -> Vec<Negated> {
    (0..side.tokens.len()).filter_map(|i| negated_at(side, i)).collect()
}

/// How many negative words a side uses.
fn negativity(side: &RowSide) -> usize {
    (0..side.tokens.len())
        .filter(|&i| {
            let word = side.norm(i);
            lexicon::NEGATIONS.contains(&word) || NEGATIVE_WORDS.contains(&word) || negated_at(side, i).is_some()
        })
        .count()
}

/// Whether a negation sits within three words before token `i`.
fn negated_near(side: &RowSide, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|k| lexicon::NEGATIONS.contains(&side.norm(k)) || negated_at(side, k).is_some())
}

/// Token ranges of reversed meaning, as (left, right) pairs.
pub fn reversals(left: &RowSide, right: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = added_negations(left, right);
    found.extend(added_negations(right, left).into_iter().map(|(r, l)| (l, r)));
    found.extend(opposites(left, right));
    found
}

/// A "not" that `negative` adds to an auxiliary `plain` states un-negated.
fn added_negations(negative: &RowSide, plain: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    if negativity(negative) <= negativity(plain) {
        return Vec::new();
    }
    let plain_negated = negations(plain);
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for negated in negations(negative) {
        let count = |side: &[Negated]| side.iter().filter(|n| n.auxiliary == negated.auxiliary).count();
        if count(&plain_negated) >= count(&negations(negative)) {
            continue;
        }
        let unnegated = (0..plain.tokens.len()).find(|&j| {
            auxiliary(plain.norm(j)) == Some(negated.auxiliary)
                && !plain_negated.iter().any(|n| n.tokens.contains(&j))
                && !found.iter().any(|(_, taken)| taken.contains(&j))
        });
        if let Some(j) = unnegated {
            found.push((negated.tokens, j..j + 1));
        }
    }
    found
}

/// A word one side has where the other has its opposite, neither having both.
fn opposites(left: &RowSide, right: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    for &(x, y) in lexicon::REVERSALS {
        for (a, b) in [(x, y), (y, x)] {
            let (Some(i), Some(j)) = (position(left, a), position(right, b)) else { continue };
            if left.words.contains(b) || right.words.contains(a) {
                continue;
            }
            // "did not approve" and "rejected" say the same thing.
            if negated_near(left, i) != negated_near(right, j) {
                continue;
            }
            found.push((i..i + 1, j..j + 1));
        }
    }
    found
}

fn position(side: &RowSide, word: &str) -> Option<usize> {
    (0..side.tokens.len()).find(|&i| side.norm(i) == word)
}
