//! Reversed meaning: a "not" one copy adds to a verb the other copy states plainly, or a
//! word swapped for its opposite ("rose" for "fell").
//!
//! Paraphrase says the negative many ways ("were not disclosed", "without giving
//! details"), so a negation only conflicts when the other copy has the very same verb
//! un-negated and says fewer negative things overall.

use std::ops::Range;

use super::super::align::Hunk;
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
    "failing",
    "fail",
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
    // "sanctions unless the subsidies are repealed" is "if they are not repealed".
    "unless",
];

/// Words that take something away, saying "not in" another way: "removed from the
/// bill" / "was not in the bill".
const TAKING_AWAY: &[&str] =
    &["remove", "removed", "removes", "removing", "exclude", "excluded", "excludes", "omitted"];

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
    let negated = if matches!(word, "not" | "never") {
        let before = i.checked_sub(1)?;
        if in_compound(side, i) {
            return None;
        }
        Negated { auxiliary: auxiliary(side.norm(before))?, tokens: before..i + 1 }
    } else {
        let auxiliary = match word {
            "cannot" | "cant" => "can",
            "wont" => "will",
            _ => auxiliary(word.strip_suffix("nt")?)?,
        };
        Negated { auxiliary, tokens: i..i + 1 }
    };
    (!negates_nothing(side, i)).then_some(negated)
}

/// Whether the word at `i` is hyphened inside a compound ("the do-not-call list"): a
/// "not" there negates nothing. One that opens a compound still does: "a not-guilty
/// plea" is no guilty plea.
fn in_compound(side: &RowSide, i: usize) -> bool {
    let gap = |from: usize, to: usize| {
        side.tokens.get(to).and_then(|next| side.text.get(side.tokens.get(from)?.bytes.end..next.bytes.start))
    };
    i.checked_sub(1).is_some_and(|before| gap(before, i) == Some("-")) && gap(i, i + 1) == Some("-")
}

/// Whether the word at `i` is a negative word ("not", "no", "never") that negates.
fn negator_at(side: &RowSide, i: usize) -> bool {
    lexicon::NEGATIONS.contains(&side.norm(i)) && !in_compound(side, i) && !negates_nothing(side, i)
}

/// Whether a negative at `i` only says when something happens ("the vote isn't until
/// May", "the line will not open until 2027" say it happens then), closes a choice
/// ("whether to move or not" denies nothing) or says "only" ("had nothing but praise").
fn negates_nothing(side: &RowSide, i: usize) -> bool {
    let closes_a_choice = side.norm(i) == "not" && i.checked_sub(1).is_some_and(|k| side.norm(k) == "or");
    let only = matches!(side.norm(i), "nothing" | "none") && side.norm(i + 1) == "but";
    closes_a_choice
        || only
        || (i + 1..side.tokens.len().min(i + 5)).any(|k| matches!(side.norm(k), "until" | "till"))
        || not_for_a_while(side, i)
}

/// Whether a future negative at `i` only says how long until it happens: "the terms
/// will not be announced for weeks" says they will be, within weeks. A counted span
/// ("will not continue to brighten for another 20 years") is how long something
/// lasts, and "has not been seen for weeks" denies: both stay negatives.
fn not_for_a_while(side: &RowSide, i: usize) -> bool {
    const SPANS: &[&str] = &["hours", "days", "weeks", "months", "years", "decades"];
    let future = side.norm(i) == "wont" || i.checked_sub(1).is_some_and(|k| matches!(side.norm(k), "will" | "would"));
    let vague_span = |k: usize| {
        (k + 1..side.tokens.len().min(k + 4))
            .take_while(|&m| !side.tokens[m].has_digit())
            .any(|m| SPANS.contains(&side.norm(m)))
    };
    future && (i + 1..side.tokens.len().min(i + 6)).any(|k| side.norm(k) == "for" && vague_span(k))
}

fn negations(side: &RowSide) -> Vec<Negated> {
    (0..side.tokens.len()).filter_map(|i| negated_at(side, i)).collect()
}

/// How many negative words a side uses. Some negatives take no negative word: "has
/// yet to exhibit" is "has not shown", "decided against pursuing" is "decided not to
/// pursue"; and "neither … nor" is one negative, as "not … or" is.
fn negativity(side: &RowSide) -> usize {
    let after_neither = |i: usize| (i.saturating_sub(8)..i).any(|k| side.norm(k) == "neither");
    (0..side.tokens.len())
        .filter(|&i| {
            let word = side.norm(i);
            let unwritten =
                (word == "yet" && side.norm(i + 1) == "to") || (word == "against" && side.norm(i + 1).ends_with("ing"));
            (negator_at(side, i) && !(word == "nor" && after_neither(i)))
                || NEGATIVE_WORDS.contains(&word)
                || negated_at(side, i).is_some()
                || unwritten
        })
        .count()
}

/// Whether a negation sits within three words before token `i`.
fn negated_near(side: &RowSide, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|k| lexicon::NEGATIONS.contains(&side.norm(k)) || negated_at(side, k).is_some())
}

/// Token ranges of reversed meaning, as (left, right) pairs.
pub fn reversals(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = added_negations(left, right);
    found.extend(added_negations(right, left).into_iter().map(|(r, l)| (l, r)));
    found.extend(opposites(left, right));
    found.extend(framed_opposites(left, right, hunks));
    found.extend(glued_not(left, right));
    found.extend(glued_not(right, left).into_iter().map(|(r, l)| (l, r)));
    found.extend(lone_negators(left, right, hunks));
    found.extend(denied_verbs(left, right));
    found.extend(denied_verbs(right, left).into_iter().map(|(r, l)| (l, r)));
    found.extend(what_could_be_done(left, right));
    found.extend(what_could_be_done(right, left).into_iter().map(|(r, l)| (l, r)));
    found
}

/// An adjective of what can be done ("preventable", "avoidable", "unavoidable") against
/// the other copy's "could (not) have been" done with the same verb ("prevented"),
/// the one denied where the other is not: "was entirely preventable" / "could not
/// have been prevented".
fn what_could_be_done(adjectives: &RowSide, modals: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    for i in 0..adjectives.tokens.len() {
        let word = adjectives.norm(i);
        let Some(stem) = word.strip_suffix("able").filter(|_| word.len() >= 8) else { continue };
        let (verb, denied_by_prefix) = match stem.strip_prefix("un") {
            Some(verb) => (verb, true),
            None => (stem, false),
        };
        let denied = denied_by_prefix != negated_near(adjectives, i);
        let done = (0..modals.tokens.len()).find_map(|j| {
            if !form_of(modals.norm(j), verb) || !modals.norm(j).ends_with("ed") {
                return None;
            }
            let modal = (j.saturating_sub(5)..j).find(|&k| {
                matches!(modals.norm(k), "can" | "could" | "cannot" | "cant" | "couldnt")
                    && (k + 1..j).any(|m| matches!(modals.norm(m), "be" | "been"))
            })?;
            let modal_denied = (modal..j).any(|k| negator_at(modals, k) || negated_at(modals, k).is_some());
            Some((modal..j + 1, modal_denied))
        });
        if let Some((range, modal_denied)) = done
            && modal_denied != denied
        {
            found.push((i..i + 1, range));
        }
    }
    found
}

/// A verb denied with "do" ("did not give in", "doesn't plan") or with "failed to"
/// that the other copy states in one of its own forms ("gave in", "had given in",
/// "plans"), where the denying copy says more negative things overall: the rewrite turned the sentence
/// around, whatever else it reworded.
fn denied_verbs(negative: &RowSide, plain: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    if negativity(negative) <= negativity(plain) {
        return Vec::new();
    }
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // "did not assess", and "failed to assess" said the other way.
    let failed_to = (0..negative.tokens.len().saturating_sub(1))
        .filter(|&i| {
            matches!(negative.norm(i), "fail" | "fails" | "failed" | "failing") && negative.norm(i + 1) == "to"
        })
        .map(|i| Negated { auxiliary: "do", tokens: i..i + 2 });
    // "refused to concede" against "conceded defeat": a refusal is an act of its own, so
    // the verb is the other copy's whatever follows it. Declining to say something is
    // not the reverse of saying something else.
    let refused_to = (0..negative.tokens.len().saturating_sub(1))
        .filter(|&i| {
            matches!(negative.norm(i), "refuse" | "refuses" | "refused" | "refusing") && negative.norm(i + 1) == "to"
        })
        .filter(|&i| !lexicon::ATTRIBUTION_VERBS.contains(&negative.norm(i + 2)))
        .map(|i| Negated { auxiliary: "refuse", tokens: i..i + 2 });
    for negated in negations(negative).into_iter().filter(|n| n.auxiliary == "do").chain(failed_to).chain(refused_to) {
        let Some(at) = main_verb_at(negative, negated.tokens.end) else { continue };
        let verb = negative.norm(at);
        // The verb goes on as the other copy's does ("give in" / "given in", "approve
        // the" / "approved the"): the same statement, not the verb used elsewhere.
        let goes_on = negative.tokens.get(at + 1).map(|t| t.norm.as_str());
        let refusal = negated.auxiliary == "refuse";
        let stated = (0..plain.tokens.len()).find(|&j| {
            form_of(plain.norm(j), verb)
                && (refusal || goes_on.is_some() && plain.tokens.get(j + 1).map(|t| t.norm.as_str()) == goes_on)
                // "turning over the papers would violate his rights" states no act done.
                && !(refusal && plain.norm(j).ends_with("ing"))
                && !negated_near(plain, j)
                // "tries to stay", "failure to disclose": an infinitive states nothing done.
                && !(j >= 1 && plain.norm(j - 1) == "to")
                && !found.iter().any(|(_, taken)| taken.contains(&j))
        });
        if let Some(j) = stated {
            found.push((negated.tokens.clone(), j..j + 1));
        }
    }
    found
}

/// Whether `word` is a form of the verb `base`: "gives", "gave", "given", "giving";
/// "approved", "approving"; "stopped"; "carried".
fn form_of(word: &str, base: &str) -> bool {
    let irregular =
        lexicon::IRREGULAR_VERBS.iter().any(|&(b, past, participle)| b == base && (word == past || word == participle));
    let Some(end) = word.strip_prefix(base) else {
        // "approve" / "approving", "carry" / "carried".
        let shortened = |last: char, ends: &[&str]| {
            base.strip_suffix(last).and_then(|stem| word.strip_prefix(stem)).is_some_and(|end| ends.contains(&end))
        };
        return irregular || shortened('e', &["ing"]) || shortened('y', &["ies", "ied"]);
    };
    // "stop" / "stopped": the last consonant doubled.
    let doubled =
        base.chars().last().and_then(|c| end.strip_prefix(c)).is_some_and(|rest| matches!(rest, "ed" | "ing"));
    irregular || matches!(end, "" | "s" | "es" | "d" | "ed" | "ing") || doubled
}

/// A word swapped for its opposite in a small change with the same words around it
/// ("to clean up its image" / "to clean down its image"), even where a copy uses the
/// opposite elsewhere too ("brought down by a scandal"), which `opposites` leaves alone.
fn framed_opposites(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    for hunk in hunks.iter().filter(|h| super::framed::is_framed(left, right, h)) {
        let word_in = |side: &RowSide, range: &Range<usize>, word: &str| range.clone().find(|&i| side.norm(i) == word);
        for &(x, y) in lexicon::REVERSALS {
            for (a, b) in [(x, y), (y, x)] {
                let (Some(i), Some(j)) = (word_in(left, &hunk.left, a), word_in(right, &hunk.right, b)) else {
                    continue;
                };
                // A word the other copy also uses elsewhere has moved: two clauses in
                // another order ("below 50 ... contraction" / "above 25 suggests growth
                // ... below that level indicates contraction").
                let reordered = right.words.contains(a);
                if !reordered
                    && word_in(left, &hunk.left, b).is_none()
                    && negated_near(left, i) == negated_near(right, j)
                    && !toned_down(left, i)
                    && !toned_down(right, j)
                {
                    found.push((i..i + 1, j..j + 1));
                }
            }
        }
    }
    found
}

/// A "not" written onto a word the other copy states plainly ("is" / "isnot"): a
/// typing slip that still reverses the sentence. "cannot" is read as a negation
/// anyway.
fn glued_not(negative: &RowSide, plain: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    (0..negative.tokens.len())
        .filter_map(|i| {
            let word = negative.norm(i);
            let stem = word.strip_suffix("not").filter(|s| s.len() >= 2 && word != "cannot")?;
            if negative.words.contains(stem) {
                return None;
            }
            let j = (0..plain.tokens.len()).find(|&j| plain.norm(j) == stem)?;
            Some((i..i + 1, j..j + 1))
        })
        .collect()
}

/// How much of the shorter side's content words the other side has, for telling a
/// sentence garbled into its opposite from a paraphrase that words the negative its own way.
const SAME_WORDS: f64 = 0.8;

/// How many words a changed stretch holding a lone negator may have on either side: a
/// longer one is a clause reworded, not a sentence turned into its opposite.
const SHORT_CHANGE: usize = 3;

/// The content words of a side, without their commonest inflection, leaving out the
/// negative words that are the change itself.
fn content_words<'s>(side: &'s RowSide) -> std::collections::HashSet<&'s str> {
    (0..side.tokens.len())
        .map(|i| side.norm(i))
        .filter(|w| !lexicon::STOPWORDS.contains(w) && !lexicon::NEGATIONS.contains(w))
        .map(super::super::align::stem)
        .collect()
}

/// A negative word that only one copy has, in a changed stretch of an otherwise
/// near-identical sentence ("Neither side has agreed" / "Both sides have agreed",
/// "has no plans to close" / "plans to close", "Nobody was injured" / "Several people
/// were injured"), where that copy says more negative things overall.
fn lone_negators(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> Vec<(Range<usize>, Range<usize>)> {
    let negator = |side: &RowSide, range: &Range<usize>| range.clone().find(|&i| negator_at(side, i));
    let short = |h: &&Hunk| h.left.len() <= SHORT_CHANGE && h.right.len() <= SHORT_CHANGE;
    let lone = |h: &&Hunk| negator(left, &h.left).is_some() != negator(right, &h.right).is_some();
    // Most rows have no such stretch; only those are worth comparing word by word.
    let changed: Vec<&Hunk> = hunks.iter().filter(short).filter(lone).collect();
    if changed.is_empty() {
        return Vec::new();
    }
    let (l, r) = (content_words(left), content_words(right));
    // Stems cut unevenly ("side" / "sid" from "sides"): a word matches its own prefix.
    let alike = |a: &str, b: &str| a == b || (a.len().min(b.len()) >= 3 && (a.starts_with(b) || b.starts_with(a)));
    let shared = l.iter().filter(|a| r.iter().any(|b| alike(a, b))).count();
    if (shared as f64) < SAME_WORDS * l.len().min(r.len()).max(1) as f64 {
        return Vec::new();
    }
    // The words across from a pure insertion: the word after it, or before it at the end.
    let across = |side: &RowSide, range: &Range<usize>| -> Option<Range<usize>> {
        if !range.is_empty() {
            return Some(range.clone());
        }
        let at = if range.start < side.tokens.len() { range.start } else { range.start.checked_sub(1)? };
        Some(at..at + 1)
    };
    // "failing to meet" for "not meeting", "unpenalised" for "without penalty".
    let says_negative = |side: &RowSide, range: &Range<usize>| {
        range.clone().map(|i| side.norm(i)).any(|w| {
            NEGATIVE_WORDS.contains(&w)
                || TAKING_AWAY.contains(&w)
                || w.starts_with("fail")
                || (w.len() > 5 && w.starts_with("un"))
        })
    };
    // What the negative word denies must be something the other copy states: "has no
    // plans" / "plans", but not "for not disturbing" / "for keeping", which denies a
    // word the other copy never uses (an opposite, negated).
    let denies_shared = |side: &RowSide, at: usize, other: &std::collections::HashSet<&str>| {
        (at + 1..side.tokens.len())
            .map(|k| side.norm(k))
            .find(|w| !lexicon::STOPWORDS.contains(w) && !lexicon::NEGATIONS.contains(w))
            .is_none_or(|w| other.iter().any(|o| alike(super::super::align::stem(w), o)))
    };
    let mut found = Vec::new();
    for hunk in changed {
        if says_negative(left, &hunk.left) || says_negative(right, &hunk.right) {
            continue;
        }
        let (in_left, in_right) = (negator(left, &hunk.left), negator(right, &hunk.right));
        let in_left = in_left.filter(|&i| denies_shared(left, i, &r));
        let in_right = in_right.filter(|&j| denies_shared(right, j, &l));
        match (in_left, in_right) {
            (Some(i), None) if negativity(left) > negativity(right) => {
                if let Some(other) = across(right, &hunk.right) {
                    found.push((i..i + 1, other));
                }
            }
            (None, Some(j)) if negativity(right) > negativity(left) => {
                if let Some(other) = across(left, &hunk.left) {
                    found.push((other, j..j + 1));
                }
            }
            _ => {}
        }
    }
    found
}

/// A "not" that `negative` adds to an auxiliary `plain` states un-negated.
fn added_negations(negative: &RowSide, plain: &RowSide) -> Vec<(Range<usize>, Range<usize>)> {
    let more_negative = negativity(negative) > negativity(plain);
    let (plain_negated, negative_negated) = (negations(plain), negations(negative));
    // "is being sued not because of what it sells" / "is not being sued for what it
    // sells": a "not" the other copy puts before a phrase moved, not added.
    let bare_not = (0..plain.tokens.len()).any(|k| plain.norm(k) == "not" && negated_at(plain, k).is_none());
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for negated in &negative_negated {
        let count = |side: &[Negated]| side.iter().filter(|n| n.auxiliary == negated.auxiliary).count();
        if count(&plain_negated) >= count(&negative_negated) {
            continue;
        }
        // "The victim, who was not named, was taken to hospital": a "not" in a clause
        // about a person says something of its own, not the reverse of the main verb. A
        // "which" clause often restates the main verb ("the router, which will not be
        // sold before March"), so it is read as one.
        let relative = |side: &RowSide, at: usize| at.checked_sub(1).is_some_and(|k| side.norm(k) == "who");
        let in_clause = relative(negative, negated.tokens.start);
        // "has failed to" states no more plainly than "has not": the negative word
        // after the auxiliary is the other copy's way of saying it. So is an opposite
        // there: "would not stop" / "would continue".
        let verb = main_verb(negative, negated.tokens.end);
        // The other copy may state the opposite with the same auxiliary anywhere in the
        // sentence ("was not difficult" / "the decision was an easy one"): the same fact.
        // "has failed to" is a denial of its own, not an opposite stated.
        let same_auxiliary = |j: usize| {
            auxiliary(plain.norm(j)) == Some(negated.auxiliary) && !NEGATIVE_WORDS.contains(&plain.norm(j + 1))
        };
        let opposite_stated = verb.is_some_and(|v| {
            (0..plain.tokens.len())
                .any(|j| same_auxiliary(j) && main_verb(plain, j + 1).is_some_and(|w| lexicon::are_opposites(v, w)))
        });
        if opposite_stated {
            continue;
        }
        // "will accept no roster" denies what "will not accept a roster" denies.
        let object_denied = |j: usize| {
            main_verb_at(plain, j + 1)
                .is_some_and(|at| matches!(plain.norm(at + 1), "no" | "nothing" | "nobody" | "none" | "neither"))
        };
        // "unless the subsidies are repealed" is "if they are not repealed".
        let after_unless = |j: usize| (j.saturating_sub(5)..j).any(|k| plain.norm(k) == "unless");
        let free = |j: usize| {
            relative(plain, j) == in_clause
                && !after_unless(j)
                && same_auxiliary(j)
                && !object_denied(j)
                && !verb.zip(main_verb(plain, j + 1)).is_some_and(|(v, w)| lexicon::are_opposites(v, w))
                && !plain_negated.iter().any(|n| n.tokens.contains(&j))
                && !found.iter().any(|(_, taken)| taken.contains(&j))
        };
        // Where the copies say as many negative things, the "not" must fall on the very
        // verb the other copy states plainly ("were not tested" / "were tested"): a
        // negative said elsewhere ("no longer kept") is then another fact.
        let unnegated = if more_negative {
            (0..plain.tokens.len()).find(|&j| free(j))
        } else if bare_not {
            None
        } else {
            (0..plain.tokens.len())
                .find(|&j| free(j) && !negated_near(plain, j) && verb.is_some() && main_verb(plain, j + 1) == verb)
        };
        if let Some(j) = unnegated {
            found.push((negated.tokens.clone(), j..j + 1));
        }
    }
    found
}

/// The word an auxiliary ending before `from` carries: the next word past "be", "been",
/// "have" or an article, if it is a lower-case content word ("tested" of "were not
/// tested", "picked" of "would be picked", "sole" of "was not the sole year"; nothing
/// in "isn't until March").
fn main_verb<'s>(side: &'s RowSide, from: usize) -> Option<&'s str> {
    main_verb_at(side, from).map(|at| side.norm(at))
}

/// The token index of `main_verb`.
fn main_verb_at(side: &RowSide, from: usize) -> Option<usize> {
    let at = (from..side.tokens.len().min(from + 3))
        .find(|&k| !matches!(side.norm(k), "be" | "been" | "being" | "have" | "not" | "never" | "the" | "a" | "an"))?;
    let token = &side.tokens[at];
    let verb_like = !token.capitalised && !token.has_digit() && !lexicon::STOPWORDS.contains(&side.norm(at));
    verb_like.then_some(at)
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
            if toned_down(left, i) || toned_down(right, j) {
                continue;
            }
            found.push((i..i + 1, j..j + 1));
        }
    }
    found
}

/// Whether the word at `at` is toned down into its opposite: "less-severe decline" is
/// a mild one.
fn toned_down(side: &RowSide, at: usize) -> bool {
    at.checked_sub(1).is_some_and(|k| side.norm(k) == "less")
}

fn position(side: &RowSide, word: &str) -> Option<usize> {
    (0..side.tokens.len()).find(|&i| side.norm(i) == word)
}
