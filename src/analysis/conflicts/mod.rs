//! Which facts of two aligned passages conflict.
//!
//! Copies of a story paraphrase each other, so words differing says little. What a
//! fact-checker cares about is a fact one copy states that the other states
//! differently: a number, a date, a place, a name, a credited agency, a reversed
//! verb. Each side's facts are read (see `facts`), facts both sides agree on are set
//! aside, and only a fact left over on *both* sides in the same slot is flagged, with
//! the two narrow passages that state it. Differences the facts do not cover (a
//! speaker next to "said", a word changed inside a quotation, a place known only from
//! its cue "in ...") are flagged only where the two passages are otherwise the same
//! words: a small substitution with identical words around it (see `framed`).

mod bearings;
mod capital;
mod codes;
mod currencies;
mod framed;
mod inside_names;
mod market;
mod names;
mod occupations;
mod periods;
mod polarity;
mod ranges;
mod roles;
mod speakers;
mod tallies;
mod tolls;
mod units;
mod zones;

use std::ops::Range;

use super::align::{Hunk, stem};
use super::dateline;
use super::discrepancy::{DiscrepancyKind, Finding, RowSide};
use super::facts::names::same_word;
use super::facts::{self, PassageFacts, QuantityClass};
use super::gazetteer;
use super::lexicon;
use super::tokens::Token;
use units::{Measure, converted, converts, currency_named, measure};

/// The facts of one side of a row, with the tokens already part of a finding.
struct Reading<'r, 'a> {
    side: &'r RowSide<'a>,
    facts: PassageFacts,
    claimed: Vec<bool>,
}

impl<'r, 'a> Reading<'r, 'a> {
    fn new(side: &'r RowSide<'a>) -> Self {
        let facts = facts::read(side.text, &side.tokens, &|i| side.sentence_starts.contains(&i));
        Self { side, facts, claimed: vec![false; side.tokens.len()] }
    }

    fn free(&self, range: &Range<usize>) -> bool {
        range.clone().all(|i| !self.claimed.get(i).copied().unwrap_or(true))
    }

    fn claim(&mut self, range: &Range<usize>) {
        for i in range.clone() {
            if let Some(slot) = self.claimed.get_mut(i) {
                *slot = true;
            }
        }
    }
}

/// The findings of a row.
struct Findings<'r, 'a> {
    left: Reading<'r, 'a>,
    right: Reading<'r, 'a>,
    found: Vec<Finding>,
}

impl Findings<'_, '_> {
    /// Records a conflict between `left` and `right` token ranges unless either is
    /// already part of one.
    fn add(&mut self, kind: DiscrepancyKind, left: Range<usize>, right: Range<usize>) {
        if !self.left.free(&left) || !self.right.free(&right) {
            return;
        }
        self.left.claim(&left);
        self.right.claim(&right);
        self.found.push(Finding { kind, hunk: Hunk { left, right } });
    }
}

/// The conflicting facts of one aligned row, in reading order of the left side.
pub(crate) fn find(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> Vec<Finding> {
    let mut row = Findings { left: Reading::new(left), right: Reading::new(right), found: Vec::new() };
    for (l, r) in polarity::reversals(left, right, hunks) {
        row.add(DiscrepancyKind::Negation, l, r);
    }
    ranges::conflicts(&mut row);
    tallies::conflicts(&mut row);
    let snapshots = quantities(&mut row);
    calendar(&mut row, snapshots);
    currencies::conflicts(&mut row);
    tolls::conflicts(&mut row);
    framed::years_turned_into_counts(&mut row, hunks);
    codes::conflicts(&mut row);
    places(&mut row);
    capital::conflicts(&mut row);
    bearings::conflicts(&mut row);
    periods::conflicts(&mut row);
    agencies(&mut row);
    inside_names::conflicts(&mut row, hunks);
    names::conflicts(&mut row);
    framed::conflicts(&mut row, hunks);
    speakers::conflicts(&mut row);
    roles::conflicts(&mut row);
    occupations::conflicts(&mut row);
    let mut found = row.found;
    found.sort_by_key(|f| (f.hunk.left.start, f.hunk.right.start));
    found
}

/// Pairs what is left over on each side, first those `close` says belong together,
/// then the rest in order.
fn pair_up<T>(left: &[T], right: &[T], close: impl Fn(&T, &T) -> bool) -> Vec<(usize, usize)> {
    pair_up_by(left, right, &[&close])
}

/// Whether two facts left over on either side belong together.
type Closeness<'c, T> = dyn Fn(&T, &T) -> bool + 'c;

/// Pairs what is left over on each side by each test of `closeness` in turn (the
/// strictest first), then the rest in order.
fn pair_up_by<T>(left: &[T], right: &[T], closeness: &[&Closeness<'_, T>]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut left_used, mut right_used) = (vec![false; left.len()], vec![false; right.len()]);
    for close in closeness {
        for (i, l) in left.iter().enumerate() {
            if left_used[i] {
                continue;
            }
            if let Some(j) = (0..right.len()).find(|&j| !right_used[j] && close(l, &right[j])) {
                left_used[i] = true;
                right_used[j] = true;
                pairs.push((i, j));
            }
        }
    }
    let rest: Vec<usize> = (0..right.len()).filter(|&j| !right_used[j]).collect();
    pairs.extend((0..left.len()).filter(|&i| !left_used[i]).zip(rest));
    pairs
}

/// Numbers one side states that no number of the other side matches, paired by class
/// (years with years). Among amounts, a number pairs with one counting the same thing
/// ("20 cents" with "60 cents"), never with one counting something else ("120
/// points" with "three months"). Where both copies leave several numbers unmatched
/// they report different figures rather than one changed figure, so a pair must then
/// also say what the figure is of ("14 percent for saturated fat"), or sit between the
/// same words ("Poor's 500 Index" / "Poor's 250 Index").
///
/// Returns whether the row gives a traded price at different moments (see `market`).
fn quantities(row: &mut Findings) -> bool {
    let (l, r) = unmatched_quantities(&row.left.facts.quantities, &row.right.facts.quantities);
    // "up 12 percent on 2023" against "in 2024, up 12 percent from a year earlier": a
    // year next to the one the other copy names relatively is that year's neighbour.
    // Only where the copies name a year relatively in different ways ("a year earlier"
    // / "last year", or one only): both saying "last year" explains no difference
    // between the years they write out.
    let relative = relative_year(row.left.side) != relative_year(row.right.side);
    let (all_left, all_right) = (&row.left.facts.quantities, &row.right.facts.quantities);
    let snapshots = (market::at_different_moments(row.left.side, row.right.side)
        || market::moved_apart(row.left.side, &l, row.right.side, &r))
        && !market::same_level(row.left.side, all_left, row.right.side, all_right);
    let drift = market::drift(row.left.side, all_left, row.right.side, all_right);
    for class in
        [QuantityClass::Year, QuantityClass::Day, QuantityClass::Time, QuantityClass::Amount, QuantityClass::Rank]
    {
        let of = |side: &[facts::Quantity]| side.iter().filter(|q| q.class == class).cloned().collect::<Vec<_>>();
        let (lc, rc) = (of(&l), of(&r));
        let kind = if matches!(class, QuantityClass::Amount | QuantityClass::Rank) {
            DiscrepancyKind::Number
        } else {
            DiscrepancyKind::Date
        };
        // A figure given in other units of a physical measure ("80,937 hectares" /
        // "200,000 acres") is a conversion, not another report of the figures.
        let conversions = lc.iter().filter(|a| rc.iter().any(|b| converted(a, b))).count();
        // Only figures that could be one of the other side's count: "a three-term
        // congressman" reports nothing the other copy's "88,747 votes" could be.
        let pairable = |own: &[facts::Quantity], other: &[facts::Quantity]| {
            own.iter().filter(|a| other.iter().any(|b| could_pair(a, b))).count()
        };
        let several =
            pairable(&lc, &rc).saturating_sub(conversions) > 1 && pairable(&rc, &lc).saturating_sub(conversions) > 1;
        let framed = |a: &facts::Quantity, b: &facts::Quantity| {
            // The word before must say something ("Poor's"): "or 0.2 percent" against "or
            // 0.48 percent" is two reports of a moving figure, not one changed.
            let telling = word_before(row.left.side, a).is_some_and(|w| !lexicon::STOPWORDS.contains(&w));
            (telling && after_one_word(row.left.side, a, row.right.side, b))
                || part_of_whole(row.left.side, a, row.right.side, b)
        };
        // A whole number right after the same capitalised word names something
        // ("Standard & Poor's 500", "Route 66", "Boeing 747"): another number there
        // names something else, however many figures the copies report apart.
        let named = |a: &facts::Quantity, b: &facts::Quantity| {
            let whole = |q: &facts::Quantity| q.value.fract() == 0.0 && q.upto.is_none();
            class == QuantityClass::Amount
                && whole(a)
                && whole(b)
                && framed(a, b)
                && after_a_name(row.left.side, a)
                && after_a_name(row.right.side, b)
        };
        let levels = |a: &facts::Quantity, b: &facts::Quantity| market::levels(row.left.side, a, row.right.side, b);
        let same_thing = |a: &facts::Quantity, b: &facts::Quantity| {
            // A price level far from the other copy's is that level changed.
            if named(a, b) || market::level_jumped(row.left.side, a, row.right.side, b) {
                return true;
            }
            // "declined 1.1 percent" / "fell $500": a share and a sum are two facts.
            let (measure_a, measure_b) = (measure_of(row.left.side, a), measure_of(row.right.side, b));
            if measure_a.is_some() && measure_b.is_some() && measure_a != measure_b {
                return false;
            }
            if class == QuantityClass::Rank {
                return same_rank(row.left.side, a, row.right.side, b);
            }
            // "three" written out is often loose ("three of them"): it pairs with a
            // figure only when both count the same thing.
            let spelled = a.decimals.is_none() != b.decimals.is_none();
            // Two figures after the same telling word ("BTS 10200 Softswitch" / "BTS
            // 20400 soft switch") stand in one slot, whatever word follows them, unless
            // they measure different things; so do two counts of nothing measured after
            // the same hedge ("killed at least 112 people" / "at least 224 dead").
            // Units of one measure may be a conversion ("52km" / "32 miles").
            let measures_nothing = measure(&a.unit).is_none() && measure(&b.unit).is_none();
            let hedge = (hedge_of(row.left.side, a), hedge_of(row.right.side, b));
            let same_hedge = hedge.0.is_some() && hedge.0 == hedge.1;
            let one_slot = (framed(a, b) || (same_hedge && measures_nothing))
                && (measures_nothing || a.unit == b.unit || !counts_something(a) || !counts_something(b));
            (a.counts_as(b) || (!spelled && (!counts_something(a) || !counts_something(b) || (!several && one_slot))))
                && (!several
                    || (framed(a, b) && counts_something(a) && a.unit == b.unit)
                    || (a.unit == b.unit && subject(row.left.side, a) == subject(row.right.side, b)))
        };
        let other_ends = |a: &facts::Quantity, b: &facts::Quantity| {
            class == QuantityClass::Year
                && matches!((span_role(row.left.side, a), span_role(row.right.side, b)), (Some(x), Some(y)) if x != y)
        };
        let years_apart_by_one = |a: &facts::Quantity, b: &facts::Quantity| {
            class == QuantityClass::Year && relative && ((a.value - b.value).abs() - 1.0).abs() < 0.5
        };
        // Figures counting the same thing pair first, then figures after the same
        // telling word ("destroyed 32 caravans" / "destroyed 96 trailers", not "Two
        // other bodies"), then the rest in order.
        // "$298" pairs with "(US$149)", not with "12,390 baht" before it.
        let same_currency = |a: &facts::Quantity, b: &facts::Quantity| {
            currency_sign(row.left.side, a).is_some()
                && currency_sign(row.left.side, a) == currency_sign(row.right.side, b)
        };
        // Then figures written alike ("10,000" with "30,000", not with "$575"; "from 87
        // the week before" with "78 a week earlier", not with "seven days").
        let written_alike = |a: &facts::Quantity, b: &facts::Quantity| {
            (a.unit == b.unit || !counts_something(a) && !counts_something(b))
                && a.decimals.is_none() == b.decimals.is_none()
                && currency_sign(row.left.side, a) == currency_sign(row.right.side, b)
        };
        let same_lead = |a: &facts::Quantity, b: &facts::Quantity| {
            class == QuantityClass::Year && after_one_word(row.left.side, a, row.right.side, b)
        };
        // Last, before the rest in order, figures that could be one: "247 million" with
        // "274 million crowns", not "three months" read first.
        let passes: [&Closeness<'_, facts::Quantity>; 7] =
            [&counting_alike, &levels, &same_currency, &framed, &same_lead, &written_alike, &could_pair];
        for (i, j) in pair_up_by(&lc, &rc, &passes) {
            let moving = market::moves(&lc[i])
                && market::moves(&rc[j])
                && (snapshots
                    || drift.is_some_and(|d| market::moved_by_drift(&lc[i], &rc[j], d))
                    || market::rounded_either_way(&lc[i], &rc[j]))
                && !market::level_jumped(row.left.side, &lc[i], row.right.side, &rc[j]);
            let excused = years_apart_by_one(&lc[i], &rc[j])
                || other_ends(&lc[i], &rc[j])
                || moving
                || told_otherwise(row, &lc[i], &rc[j])
                || same_digits(row, &lc[i], &rc[j]);
            if same_thing(&lc[i], &rc[j]) && !excused {
                row.add(kind, lc[i].tokens.clone(), rc[j].tokens.clone());
            }
        }
    }
    snapshots
}

/// Whether two ranks rank the same thing. A rank says nothing without what it ranks:
/// "a third movie" is not "the second of a trilogy", "the third-largest lender" is
/// "the second-largest". A rank with no noun after it ranks what its passage is
/// about, where the words after the other's noun follow it: "the second strike at the
/// port" / "The strike was the third at the port".
fn same_rank(left: &RowSide, a: &facts::Quantity, right: &RowSide, b: &facts::Quantity) -> bool {
    let ranks_too = |bare: &facts::Quantity, bare_side: &RowSide, ranked: &facts::Quantity, side: &RowSide| {
        counts_something(ranked)
            && !counts_something(bare)
            && bare_side.words.contains(ranked.unit.as_str())
            && bare_side.norm(bare.tokens.end) == side.norm(ranked.tokens.end + 1)
    };
    (counts_something(a) && a.unit == b.unit) || ranks_too(b, right, a, left) || ranks_too(a, left, b, right)
}

/// Whether two figures are the whole of one part both copies give ("seven of the 14" /
/// "seven of the 28"): the same count of a part, then "of the", then the figure.
fn part_of_whole(left: &RowSide, a: &facts::Quantity, right: &RowSide, b: &facts::Quantity) -> bool {
    let lead = |side: &RowSide, q: &facts::Quantity| -> Option<[String; 3]> {
        let at = q.tokens.start.checked_sub(3)?;
        let words = [side.norm(at).to_owned(), side.norm(at + 1).to_owned(), side.norm(at + 2).to_owned()];
        let counted = side.tokens[at].has_digit() || lexicon::NUMBER_WORDS.iter().any(|&(word, _)| word == words[0]);
        (counted && words[1] == "of" && words[2] == "the").then_some(words)
    };
    lead(left, a).is_some_and(|words| Some(words) == lead(right, b))
}

/// Whether a year starts a span ("from 2005") or ends one ("through 2021"): two years
/// in different roles are not one year changed.
fn span_role(side: &RowSide, year: &facts::Quantity) -> Option<bool> {
    match word_before(side, year) {
        Some("from" | "since" | "starting") => Some(true),
        Some("through" | "until" | "till" | "to") => Some(false),
        _ => None,
    }
}

/// Whether two figures follow the same word, whatever it is. Years after one word ("By
/// 2030," / "By 2032 rail freight ... that of 2025") stand in one slot: a year counts
/// nothing, whatever word follows it.
fn after_one_word(left: &RowSide, a: &facts::Quantity, right: &RowSide, b: &facts::Quantity) -> bool {
    word_before(left, a).is_some_and(|word| word_before(right, b) == Some(word))
}

/// The folded word right before a figure, if any.
fn word_before<'s>(side: &'s RowSide, quantity: &facts::Quantity) -> Option<&'s str> {
    quantity.tokens.start.checked_sub(1).map(|k| side.norm(k))
}

/// Whether two figures say they count the same thing. A change in a share ("0.3
/// percentage points") is not the share ("47.1 percent").
fn counting_alike(a: &facts::Quantity, b: &facts::Quantity) -> bool {
    let points = |q: &facts::Quantity| q.nouns.first().is_some_and(|n| n == "point");
    !a.unit.is_empty() && a.counts_as(b) && points(a) == points(b)
}

/// Whether two figures are one figure told in another currency or time zone:
/// "$165,000" / "£90,000" converts at a rate the copies do not give, "3:49 p.m.
/// Eastern time" / "1:49 p.m. MDT" is one moment.
fn told_otherwise(row: &Findings, a: &facts::Quantity, b: &facts::Quantity) -> bool {
    let (left, right) = (row.left.side, row.right.side);
    if a.class == QuantityClass::Time {
        let after = |side: &RowSide, q: &facts::Quantity| -> Vec<String> {
            (q.tokens.end..side.tokens.len().min(q.tokens.end + 3)).map(|k| side.norm(k).to_owned()).collect()
        };
        return zones::one_moment(a, &after(left, a), b, &after(right, b));
    }
    let currency = |side: &RowSide, q: &facts::Quantity| {
        currency_sign(side, q).or_else(|| currency_named(&q.unit)).map(str::to_owned)
    };
    let (left_currency, right_currency) = (currency(left, a), currency(right, b));
    left_currency.is_some() && right_currency.is_some() && left_currency != right_currency
}

/// Whether two figures are written with the same digits, only the marks between them
/// differing: "4-7" / "4/7", "31/2" / "3 1/2".
fn same_digits(row: &Findings, a: &facts::Quantity, b: &facts::Quantity) -> bool {
    let digits = |side: &RowSide, q: &facts::Quantity| -> String {
        let bytes = side.span(&q.tokens);
        side.text.get(bytes).unwrap_or_default().chars().filter(char::is_ascii_digit).collect()
    };
    let (left, right) = (digits(row.left.side, a), digits(row.right.side, b));
    left.len() >= 2 && left == right
}

/// What a figure measures: money when written with a currency sign, else its unit's
/// measure.
fn measure_of(side: &RowSide, quantity: &facts::Quantity) -> Option<Measure> {
    if currency_sign(side, quantity).is_some() { Some(Measure::Money) } else { measure(&quantity.unit) }
}

/// The currency sign a figure is written with ("$" of "$298", "US$729").
fn currency_sign<'s>(side: &'s RowSide, quantity: &facts::Quantity) -> Option<&'s str> {
    let word = side.norm(quantity.tokens.start);
    (word != "%" && lexicon::AMOUNT_SYMBOLS.contains(&word)).then_some(word)
}

/// Whether a figure follows a capitalised word it names something with ("Route 66",
/// "Poor's 500", "Hwy. 404"), not a month, a currency or a sentence's first word.
fn after_a_name(side: &RowSide, quantity: &facts::Quantity) -> bool {
    let at = quantity.tokens.start;
    at.checked_sub(1).is_some_and(|k| {
        // "Route 66", and "Hwy. 404" after an abbreviation's stop.
        let gap = side.text.get(side.tokens[k].bytes.end..side.tokens[at].bytes.start);
        gap.is_some_and(|gap| gap.trim_start_matches('.').chars().all(char::is_whitespace))
            && !side.sentence_starts.contains(&at)
            && side.tokens[k].capitalised
            && !side.sentence_starts.contains(&k)
            && !lexicon::MONTHS.contains(&side.norm(k))
            && !lexicon::AMOUNT_SYMBOLS.contains(&side.norm(k))
    })
}

/// The two words of the hedge before a hedged figure ("at least", "more than").
fn hedge_of<'s>(side: &'s RowSide, quantity: &facts::Quantity) -> Option<(&'s str, &'s str)> {
    let first = quantity.tokens.start.checked_sub(2)?;
    quantity.hedged.then(|| (side.norm(first), side.norm(first + 1)))
}

/// How a side names a year relatively ("last year", "a year earlier", "a year ago"),
/// as the word that says so, if it does.
fn relative_year<'s>(side: &'s RowSide) -> Option<&'s str> {
    let word = |k: Option<usize>| k.filter(|&k| k < side.tokens.len()).map_or("", |k| side.norm(k));
    (0..side.tokens.len()).find_map(|i| {
        if side.norm(i) != "year" {
            return None;
        }
        let (before, after) = (word(i.checked_sub(1)), word(Some(i + 1)));
        if matches!(before, "last" | "this" | "next" | "previous" | "prior") {
            Some(before)
        } else if matches!(after, "earlier" | "ago" | "before" | "later") {
            Some(after)
        } else {
            None
        }
    })
}

/// Whether a figure says what it counts ("3 percent", "three months"; not "rose 3").
fn counts_something(quantity: &facts::Quantity) -> bool {
    !quantity.unit.is_empty() && !lexicon::STOPWORDS.contains(&quantity.unit.as_str())
}

/// Whether two figures could be one: a rank is only ever another rank and a day of the
/// month another day ("on November 2" is not "the second woman").
fn alike_kind(a: &facts::Quantity, b: &facts::Quantity) -> bool {
    use QuantityClass::{Day, Rank};
    let own_kind = |q: &facts::Quantity| matches!(q.class, Day | Rank);
    (!own_kind(a) && !own_kind(b)) || a.class == b.class
}

/// Whether two figures may count the same thing: one says nothing of what it counts,
/// both count the same, both count things in words that measure nothing ("4,000
/// workers" and "4,000 employees"), or both are of one measure ("6.1 percent" and "6.1
/// percentage points"). A share, a sum of money and a span of time are each their own
/// measure: "3 percent" is not "three months".
fn may_count_alike(a: &facts::Quantity, b: &facts::Quantity) -> bool {
    !counts_something(a) || !counts_something(b) || a.counts_as(b) || measure(&a.unit) == measure(&b.unit)
}

/// Whether two figures could be one figure reported twice: one says nothing of what it
/// counts, both count the same, or both are of one known measure.
fn could_pair(a: &facts::Quantity, b: &facts::Quantity) -> bool {
    !counts_something(a)
        || !counts_something(b)
        || a.counts_as(b)
        || measure(&a.unit).is_some_and(|m| measure(&b.unit) == Some(m))
}

/// A way two quantities may count the same thing, tried in turn.
type Pass = dyn Fn(&facts::Quantity, &facts::Quantity) -> bool;

/// The quantities of each side that no quantity of the other side accounts for. Each
/// one accounts for one only, first by a figure that counts the same thing, then by
/// one written the same way (digits or words), then by any: "two boats" must not use
/// up the "2" of "2 p.m." that the other copy writes as "4 p.m.".
fn unmatched_quantities(
    left: &[facts::Quantity],
    right: &[facts::Quantity],
) -> (Vec<facts::Quantity>, Vec<facts::Quantity>) {
    let (mut left_used, mut right_used) = (vec![false; left.len()], vec![false; right.len()]);
    // Last, a figure with no unit ("rose 3") matches any, but two figures that both
    // count something match only if it is the same thing: "3 percent" is not "three
    // months". The same value pairs before a close one: "half" is near "47.1 percent"
    // but is the other copy's "half".
    let passes: [&Pass; 4] = [
        &|a, b| a.unit == b.unit && facts::numbers::same_value(a.value, b.value) && a.upto == b.upto,
        &|a, b| a.unit == b.unit,
        &|a, b| a.decimals.is_none() == b.decimals.is_none() && may_count_alike(a, b),
        &may_count_alike,
    ];
    for pass in passes {
        for (i, a) in left.iter().enumerate() {
            if left_used[i] {
                continue;
            }
            if let Some(j) = (0..right.len())
                .find(|&j| !right_used[j] && alike_kind(a, &right[j]) && pass(a, &right[j]) && a.agrees_with(&right[j]))
            {
                left_used[i] = true;
                right_used[j] = true;
            }
        }
    }
    // "220 pounds" is "100 kg": one figure given in two units.
    for (i, a) in left.iter().enumerate() {
        if left_used[i] {
            continue;
        }
        if let Some(j) = (0..right.len()).find(|&j| !right_used[j] && converts(a, &right[j])) {
            left_used[i] = true;
            right_used[j] = true;
        }
    }
    // "two officials and at least five other people" is "seven people" counted apart.
    account_for_sums(left, &mut left_used, right, &mut right_used);
    account_for_sums(right, &mut right_used, left, &mut left_used);
    // A figure one copy repeats ("40 percent ... those 40 percent") is stated once, and
    // a range ("from 29.4 to 32.6") accounts for both ends written apart.
    let rest = |side: &[facts::Quantity], used: &[bool], other: &[facts::Quantity]| {
        // Repeated is the same value: "eased to 61.2 from 61.4" states two figures,
        // however close.
        let repeated = |i: usize| {
            side.iter().enumerate().any(|(k, o)| {
                k != i
                    && used[k]
                    && o.unit == side[i].unit
                    && facts::numbers::same_value(o.value, side[i].value)
                    && o.upto == side[i].upto
            })
        };
        let in_range = |i: usize| other.iter().any(|o| side[i].ends(o));
        (0..side.len())
            .filter(|&i| !used[i] && !repeated(i) && !in_range(i))
            .map(|i| side[i].clone())
            .collect::<Vec<_>>()
    };
    (rest(left, &left_used, right), rest(right, &right_used, left))
}

/// Marks a whole count on one side and the two or three counts on the other side that
/// add up to it as agreeing: one toll given as a total and as its parts.
fn account_for_sums(
    totals: &[facts::Quantity],
    totals_used: &mut [bool],
    parts: &[facts::Quantity],
    parts_used: &mut [bool],
) {
    let count = |q: &facts::Quantity| {
        q.class == QuantityClass::Amount && q.upto.is_none() && q.value.fract() == 0.0 && q.value > 0.0
    };
    for (t, total) in totals.iter().enumerate() {
        if totals_used[t] || !count(total) {
            continue;
        }
        let free: Vec<usize> = (0..parts.len()).filter(|&k| !parts_used[k] && count(&parts[k])).collect();
        let adds_up =
            |ks: &[usize]| (ks.iter().map(|&k| parts[k].value).sum::<f64>() - total.value).abs() < f64::EPSILON;
        let mut found: Option<Vec<usize>> = None;
        'search: for (n, &a) in free.iter().enumerate() {
            for (m, &b) in free.iter().enumerate().skip(n + 1) {
                if adds_up(&[a, b]) {
                    found = Some(vec![a, b]);
                    break 'search;
                }
                for &c in free.iter().skip(m + 1) {
                    if adds_up(&[a, b, c]) {
                        found = Some(vec![a, b, c]);
                        break 'search;
                    }
                }
            }
        }
        if let Some(ks) = found {
            totals_used[t] = true;
            for k in ks {
                parts_used[k] = true;
            }
        }
    }
}

/// The first content word after a number and its unit: what "14 percent for saturated
/// fat" is a figure of.
fn subject<'s>(side: &'s RowSide, quantity: &facts::Quantity) -> Option<&'s str> {
    // A unit written onto its number ("500GB disk") leaves no unit word to skip.
    let end = quantity.tokens.end;
    let after_unit = if end < side.tokens.len() && facts::numbers::singular(side.norm(end)) == quantity.unit {
        end + 1
    } else {
        end
    };
    (after_unit..side.tokens.len()).map(|i| side.norm(i)).find(|w| !lexicon::STOPWORDS.contains(w))
}

/// Months and weekdays one side names that the other does not, month for month. The
/// days of two snapshots of a price (`snapshots`) are not the day of one event.
fn calendar(row: &mut Findings, snapshots: bool) {
    let (left_days, right_days) = (days(&row.left), days(&row.right));
    for weekday in [false, true] {
        let unmatched = |a: &[(usize, &'static str, bool)], b: &[(usize, &'static str, bool)]| -> Vec<usize> {
            a.iter()
                .filter(|(_, name, is_day)| *is_day == weekday && !b.iter().any(|(_, other, _)| other == name))
                .map(|(token, _, _)| *token)
                .collect()
        };
        let l = unmatched(&left_days, &right_days);
        let r = unmatched(&right_days, &left_days);
        // "a statement said Tuesday" dates the statement, "Also Monday, one soldier
        // died" the event: a day after a verb of saying pairs only with another such.
        let (left_side, right_side) = (row.left.side, row.right.side);
        // The date of a dateline is when the story was filed: it pairs only with
        // another dateline's date ("HALVIK, Oct 2 (Agency) -" says nothing against
        // "a cut as soon as December").
        for in_dateline in [false, true] {
            let (l, r): (Vec<usize>, Vec<usize>) = (
                l.iter().copied().filter(|&k| dateline_date(left_side, k) == in_dateline).collect(),
                r.iter().copied().filter(|&k| dateline_date(right_side, k) == in_dateline).collect(),
            );
            for (i, j) in pair_up(&l, &r, |_, _| false) {
                if said_on(left_side, l[i]) == said_on(right_side, r[j]) && !(weekday && snapshots) {
                    row.add(DiscrepancyKind::Date, l[i]..l[i] + 1, r[j]..r[j] + 1);
                }
            }
        }
    }
}

/// Whether the date word at token `k` is part of a dateline ("HALVIK, Oct 2 (Meridian
/// Press) -").
fn dateline_date(side: &RowSide, k: usize) -> bool {
    side.tokens.get(k).is_some_and(|token| dateline::around(side.text, token.bytes.start).is_some())
}

/// Whether the day at token `day` says when something was said ("said Tuesday", "told
/// reporters on Monday").
fn said_on(side: &RowSide, day: usize) -> bool {
    let before = |back: usize| day.checked_sub(back).map(|k| side.norm(k));
    let verb = |word: Option<&str>| word.is_some_and(|w| lexicon::ATTRIBUTION_VERBS.contains(&w));
    verb(before(1)) || (before(1) == Some("on") && verb(before(2)))
}

/// The months and weekdays a side names, as (token, name, is a weekday), with
/// "yesterday", "today" and "tomorrow" read as weekdays when the copy's publication
/// date is known (a copy of Wednesday 15 May saying "yesterday" means Tuesday).
fn days(reading: &Reading) -> Vec<(usize, &'static str, bool)> {
    let mut days: Vec<(usize, &'static str, bool)> =
        reading.facts.calendar.iter().map(|c| (c.token, c.name, c.weekday)).collect();
    if let Some(published) = reading.side.published {
        for (token, word) in reading.side.tokens.iter().enumerate() {
            let offset = match word.norm.as_str() {
                "yesterday" => -1,
                "today" | "tonight" => 0,
                "tomorrow" => 1,
                _ => continue,
            };
            let Some(day) = published.checked_add_signed(chrono::TimeDelta::days(offset)) else { continue };
            let index = usize::try_from(chrono::Datelike::weekday(&day).num_days_from_monday()).unwrap_or(0);
            if let Some(&name) = lexicon::WEEKDAYS.get(index) {
                days.push((token, name, true));
            }
        }
        days.sort_by_key(|(token, _, _)| *token);
    }
    days
}

/// Places one side names that neither are nor contain nor lie in a place the other
/// names, and places known only from their cue ("in Halvik") whose words the other
/// copy never uses, paired in reading order.
fn places(row: &mut Findings) {
    // Each mention of a place is matched once, by the same place on the other side:
    // two "Japan"s against one "Japan" and one "Germany" leave a Japan and a Germany.
    let leftover = |a: &[facts::PlaceMention], b: &[facts::PlaceMention]| -> Vec<usize> {
        let mut used = vec![false; b.len()];
        (0..a.len())
            .filter(|&i| match (0..b.len()).find(|&j| !used[j] && b[j].place.name == a[i].place.name) {
                Some(j) => {
                    used[j] = true;
                    false
                }
                None => true,
            })
            .collect()
    };
    let (lp, rp) = (&row.left.facts.places, &row.right.facts.places);
    let (mut spare_left, mut spare_right) = (leftover(lp, rp), leftover(rp, lp));
    same_frame_places(row, &mut spare_left, &mut spare_right);
    // A place that lies in a left-over place of the other side ("Lyon" and "France")
    // agrees with it; each such place explains one place only, so "Washington" for
    // "the United States" leaves "Chicago" against "Iraq".
    let (lp, rp) = (&row.left.facts.places, &row.right.facts.places);
    take_pairs(&mut spare_left, &mut spare_right, |i, j| gazetteer::same_or_within(lp[i].place, rp[j].place));
    let unmatched = |a: &Reading, b: &Reading, own: &[usize], others: &[usize]| -> [Vec<Range<usize>>; 3] {
        let (mine, theirs) = (&a.facts.places, &b.facts.places);
        // A place left over agrees with a left-over place of the other side that it lies
        // in or that lies in it ("Lyon" and "France"); with none left over there, with
        // any place the other side names.
        let explained = |p: &facts::PlaceMention| {
            let candidates: Vec<&facts::PlaceMention> =
                if others.is_empty() { theirs.iter().collect() } else { others.iter().map(|&j| &theirs[j]).collect() };
            candidates.iter().any(|o| gazetteer::same_or_within(p.place, o.place))
        };
        // A place the other copy writes inside a name ("Lincoln closed" / "Anna
        // Lincoln") is no other place: one of the two readings is a person.
        let in_a_name =
            |k: usize| b.side.tokens[k].capitalised && !b.facts.places.iter().any(|o| o.tokens.contains(&k));
        let written_there = |p: &facts::PlaceMention| {
            let words: Vec<&str> = p.tokens.clone().map(|k| a.side.norm(k)).collect();
            written_at(b.side, &words).any(in_a_name)
        };
        let known: Vec<&facts::PlaceMention> =
            own.iter().map(|&i| &mine[i]).filter(|p| !explained(p) && !written_there(p)).collect();
        let datelines = known.iter().filter(|p| p.dateline).map(|p| p.tokens.clone()).collect();
        let known = known.iter().filter(|p| !p.dateline).map(|p| p.tokens.clone()).collect();
        let cued = a
            .facts
            .cue_places
            .iter()
            .filter(|m| {
                // "Low Street" against "High Street": the cue word itself says nothing.
                let distinctive = |side: &RowSide, k: usize| !lexicon::PLACE_AFTER.contains(&side.norm(k));
                let named_there = |word: &str| {
                    b.facts
                        .cue_places
                        .iter()
                        .flat_map(|o| o.names.iter())
                        .any(|&k| distinctive(b.side, k) && same_word(word, b.side.norm(k)))
                };
                // "UCSD" is "UC San Diego" written short.
                let short_for = |o: &facts::NameMention| {
                    initials_match(a.side, &m.names, b.side, &o.names)
                        || initials_match(b.side, &o.names, a.side, &m.names)
                };
                // "the Henderson Center's Big Green Room" / "the Big Green Room of the
                // Henderson Center": every word of the name is in the other passage, and
                // no place named there keeps part of it ("at Eddie Bauer" / "at Eddie
                // Abraham ... said Eddie Bauer spokeswoman").
                let distinct: Vec<&str> =
                    m.names.iter().filter(|&&k| distinctive(a.side, k)).map(|&k| a.side.norm(k)).collect();
                let part_kept = b.facts.cue_places.iter().any(|o| {
                    let theirs: Vec<&str> = o.names.iter().map(|&k| b.side.norm(k)).collect();
                    distinct.iter().any(|w| theirs.contains(w)) && !distinct.iter().all(|w| theirs.contains(w))
                });
                // One word found elsewhere is as often another mention ("in the
                // Varenland capital" / "Varenland's minister").
                let written_there =
                    distinct.len() > 1 && !part_kept && distinct.iter().all(|w| b.side.words.contains(w));
                !written_there
                    && !placed_as_well(a.side, &m.names, b.side)
                    && !b.facts.cue_places.iter().any(short_for)
                    && distinct.iter().any(|w| !named_there(w))
            })
            .map(|m| m.tokens.clone());
        [known, datelines, cued.collect()]
    };
    // A known place pairs with a known place, a dateline with a dateline, a cued one
    // with a cued one: "in Halvik" against "in Paris" is as likely a company ("at
    // Juniper Networks") as a place, and where a story was filed is not where it happened.
    let l = unmatched(&row.left, &row.right, &spare_left, &spare_right);
    let r = unmatched(&row.right, &row.left, &spare_right, &spare_left);
    // Places in the same slot pair first: "commitments in Afghanistan" with
    // "commitments in Madrid" rather than "involvement in Liberia", then "from Canada"
    // with "from Hong Kong", not with "into the United States".
    let (left_side, right_side) = (row.left.side, row.right.side);
    let cue = |side: &RowSide, range: &Range<usize>| place_cue(side, range).map(str::to_owned);
    let slot = |side: &RowSide, range: &Range<usize>| {
        let at = range.start.checked_sub(1)?;
        let at = if side.norm(at) == "the" { at.checked_sub(1)? } else { at };
        Some((side.norm(at.checked_sub(1)?).to_owned(), side.norm(at).to_owned()))
    };
    let same_slot =
        |a: &Range<usize>, b: &Range<usize>| slot(left_side, a).is_some() && slot(left_side, a) == slot(right_side, b);
    let same_cue =
        |a: &Range<usize>, b: &Range<usize>| cue(left_side, a).is_some() && cue(left_side, a) == cue(right_side, b);
    let one_thing = |a: &Range<usize>, b: &Range<usize>| {
        same_head(left_side, a, right_side, b) || same_head(right_side, b, left_side, a)
    };
    let (mut l, mut r) = (l, r);
    known_against_cued(row, &mut l, &mut r);
    for (l, r) in l.into_iter().zip(r) {
        for (i, j) in pair_up_by(&l, &r, &[&same_slot, &same_cue, &one_thing]) {
            if !different_roles(left_side, &l[i], right_side, &r[j]) {
                row.add(DiscrepancyKind::Place, l[i].clone(), r[j].clone());
            }
        }
    }
}

/// Whether the other copy names a place known only by its cue as well, after a word
/// that places it: "near the Halvik Mall" / "near the Halvik Cemetery, south of the
/// Halvik Mall".
fn placed_as_well(own: &RowSide, names: &[usize], other: &RowSide) -> bool {
    let words: Vec<&str> = names.iter().map(|&k| own.norm(k)).collect();
    written_at(other, &words).any(|k| {
        place_cue(other, &(k..k + words.len())).is_some_and(|w| w == "of" || lexicon::PLACE_BEFORE.contains(&w))
    })
}

/// The tokens of `side` where `words` are written one after another, in order.
fn written_at<'s>(side: &'s RowSide, words: &'s [&str]) -> impl Iterator<Item = usize> + 's {
    (0..side.tokens.len()).filter(move |&k| {
        k + words.len() <= side.tokens.len() && words.iter().zip(k..).all(|(w, o)| side.norm(o) == *w)
    })
}

/// Flags a known place against a place known only from its cue where both stand
/// "in" the same words ("met union leaders in Sofia on Wednesday" / "sat down with
/// union representatives in Halvik on Wednesday"), and takes both out of the lists
/// (`[known, datelines, cued]` per side). Known and cued places are otherwise kept
/// apart ("at Juniper Networks" is as likely a company as a place); with the same
/// word after "in X" on both sides, or each the end of a journey ("a visit to Sofia" /
/// "a trip to Halvik"), the two say where one thing happened.
fn known_against_cued(row: &mut Findings, left: &mut [Vec<Range<usize>>; 3], right: &mut [Vec<Range<usize>>; 3]) {
    fn after<'s>(side: &'s RowSide, range: &Range<usize>) -> Option<&'s str> {
        side.tokens.get(range.end).map(|t| t.norm.as_str()).filter(|w| !w.is_empty())
    }
    let (left_side, right_side) = (row.left.side, row.right.side);
    // "a visit to Sofia" / "a trip to Halvik": both say where someone went.
    let journey = |side: &RowSide, range: &Range<usize>| {
        let to = range.start.checked_sub(if range.start > 0 && side.norm(range.start - 1) == "the" { 2 } else { 1 });
        to.is_some_and(|to| side.norm(to) == "to")
            && to.and_then(|to| to.checked_sub(1)).is_some_and(|k| lexicon::JOURNEY_TO.contains(&stem(side.norm(k))))
    };
    let framed = |a_side: &RowSide, a: &Range<usize>, b_side: &RowSide, b: &Range<usize>| {
        let in_the_same_words = place_cue(a_side, a) == Some("in")
            && place_cue(b_side, b) == Some("in")
            && after(a_side, a).is_some()
            && after(a_side, a) == after(b_side, b);
        in_the_same_words || (journey(a_side, a) && journey(b_side, b))
    };
    // "Alaska's" / "Alaskas": the gazetteer's place written another way.
    let spelled = |side: &RowSide, range: &Range<usize>| range.clone().map(|k| side.norm(k)).collect::<String>();
    let (known, cued) = (0, 2);
    let mut found = Vec::new();
    for known_is_left in [true, false] {
        let (own, other, own_side, other_side) = if known_is_left {
            (&mut *left, &mut *right, left_side, right_side)
        } else {
            (&mut *right, &mut *left, right_side, left_side)
        };
        let mut i = 0;
        while i < own[known].len() {
            let a = own[known][i].clone();
            // "the Solomons" / "the Solomon Islands": one word of a longer name, as a plural.
            let one_word_of = |b: &Range<usize>| {
                b.len() == 1
                    && other_side.norm(b.start).len() >= 5
                    && a.clone().any(|k| same_word(own_side.norm(k), other_side.norm(b.start)))
            };
            let written_otherwise =
                |b: &Range<usize>| same_word(&spelled(own_side, &a), &spelled(other_side, b)) || one_word_of(b);
            if let Some(j) =
                other[cued].iter().position(|b| framed(own_side, &a, other_side, b) && !written_otherwise(b))
            {
                let b = other[cued].remove(j);
                own[known].remove(i);
                found.push(if known_is_left { (a, b) } else { (b, a) });
            } else {
                i += 1;
            }
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Place, l, r);
    }
}

/// Whether `short` is one word in capitals made of the initials of the words of
/// `long`, an acronym among them giving all its letters ("UCSD", "UC San Diego").
fn initials_match(short_side: &RowSide, short: &[usize], long_side: &RowSide, long: &[usize]) -> bool {
    let [only] = short else { return false };
    if !short_side.tokens[*only].all_caps || long.len() < 2 {
        return false;
    }
    initials(long_side, long) == short_side.norm(*only)
}

/// The initials of the words at `indices`, an acronym among them giving all its letters:
/// "United States" gives "us", "UC San Diego" gives "ucsd".
fn initials(side: &RowSide, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&k| {
            let word = side.norm(k);
            if side.tokens[k].all_caps { word } else { word.get(..1).unwrap_or_default() }
        })
        .collect()
}

/// Flags left-over places the two copies name in the same frame of words ("the civilian
/// administrator for Iraq" / "the American administrator for Texas", "an Ohio law" /
/// "an Atlanta law"), and takes them out of `spare_left` and `spare_right`. Another
/// place either copy names elsewhere ("U.S. forces", "Circuit Court") does not explain
/// a place changed in its frame. Two places one of which lies in the other conflict
/// only as where something happened ("the largest in Europe in a decade" / "in Norway
/// in a decade"): elsewhere one is the other written wider ("the late U.S. level" /
/// "the late New York level").
fn same_frame_places(row: &mut Findings, spare_left: &mut Vec<usize>, spare_right: &mut Vec<usize>) {
    let (left, right) = (row.left.side, row.right.side);
    let frame = |side: &RowSide, range: &Range<usize>| {
        let word = |k: Option<usize>| k.filter(|&k| k < side.tokens.len()).map(|k| side.norm(k).to_owned());
        (word(range.start.checked_sub(2)), word(range.start.checked_sub(1)), word(Some(range.end)))
    };
    // "Florida Speaker" / "Porto's Speaker": two places modifying one content word.
    let modifies_alike = |l: &Range<usize>, r: &Range<usize>| {
        let content = |t: &Token| !t.is_stopword();
        modified_word(left, l).is_some_and(content) && modified_word(right, r).is_some_and(content)
    };
    let framed_alike = |a: &facts::PlaceMention, b: &facts::PlaceMention| {
        let ((two_l, one_l, next_l), (two_r, one_r, next_r)) = (frame(left, &a.tokens), frame(right, &b.tokens));
        let telling = |word: &Option<String>| word.as_ref().is_some_and(|w| !w.is_empty());
        let same_next = telling(&next_l) && next_l == next_r;
        let where_it_happened = one_l.as_deref() == Some("in");
        !a.dateline
            && !b.dateline
            && (where_it_happened || !gazetteer::same_or_within(a.place, b.place))
            && ((telling(&one_l) && one_l == one_r && ((telling(&two_l) && two_l == two_r) || same_next))
                || (same_next && modifies_alike(&a.tokens, &b.tokens)))
    };
    let (lp, rp) = (&row.left.facts.places, &row.right.facts.places);
    let found: Vec<(Range<usize>, Range<usize>)> =
        take_pairs(spare_left, spare_right, |i, j| framed_alike(&lp[i], &rp[j]))
            .into_iter()
            .map(|(i, j)| (lp[i].tokens.clone(), rp[j].tokens.clone()))
            .collect();
    for (l, r) in found {
        row.add(DiscrepancyKind::Place, l, r);
    }
}

/// Pairs items of `left` with the first unpaired item of `right` that `belong` to them,
/// takes the paired ones out of both lists and returns the pairs.
fn take_pairs(
    left: &mut Vec<usize>,
    right: &mut Vec<usize>,
    belong: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut taken = vec![false; right.len()];
    left.retain(|&i| {
        let partner = (0..right.len()).find(|&k| !taken[k] && belong(i, right[k]));
        if let Some(k) = partner {
            taken[k] = true;
            pairs.push((i, right[k]));
        }
        partner.is_none()
    });
    let mut taken = taken.into_iter();
    right.retain(|_| !taken.next().unwrap_or(false));
    pairs
}

/// Whether the place at `m` modifies a word ("a 1997 Georgia killing") that comes
/// shortly before the place at `at` on the other side ("a killing in the state of
/// Italy"): both place one thing.
fn same_head(modified: &RowSide, m: &Range<usize>, located: &RowSide, at: &Range<usize>) -> bool {
    let head = modified.tokens.get(m.end).map(|t| t.norm.as_str()).filter(|w| !lexicon::STOPWORDS.contains(w));
    head.is_some_and(|head| (at.start.saturating_sub(5)..at.start).any(|k| located.norm(k) == head))
}

/// The word before a place, looking past "the": "from" in "from the Netherlands".
fn place_cue<'s>(side: &'s RowSide, range: &Range<usize>) -> Option<&'s str> {
    let at = range.start.checked_sub(1)?;
    let word = side.norm(at);
    if word == "the" { at.checked_sub(1).map(|k| side.norm(k)) } else { Some(word) }
}

/// Whether two places play parts too different to be one fact stated two ways: where
/// something happened ("democracy in Iraq", "the city of Lyon") against who did it
/// ("U.S. forces") or one item of a list ("42 countries, including Canada").
fn different_roles(left: &RowSide, l: &Range<usize>, right: &RowSide, r: &Range<usize>) -> bool {
    let locative = |side: &RowSide, range: &Range<usize>| match place_cue(side, range) {
        Some("of") => range.start.checked_sub(2).is_some_and(|k| lexicon::PLACE_AFTER.contains(&side.norm(k))),
        Some(word) => lexicon::PLACE_BEFORE.contains(&word),
        None => false,
    };
    let aside = |side: &RowSide, range: &Range<usize>| {
        // A modifier: the next word, after one space, is a lower-case content word.
        let modifier = modified_word(side, range).is_some_and(|next| !next.capitalised && !next.is_stopword());
        !locative(side, range) && (modifier || matches!(place_cue(side, range), Some("including" | "and" | "or")))
    };
    (locative(left, l) && aside(right, r) && !same_head(right, r, left, l))
        || (locative(right, r) && aside(left, l) && !same_head(left, l, right, r))
}

/// The word right after the place at `range`, with one space between ("Ohio law",
/// "Porto's mayor", "U.S. forces"): the word the place modifies.
fn modified_word<'s>(side: &'s RowSide, range: &Range<usize>) -> Option<&'s Token> {
    let next = side.tokens.get(range.end)?;
    let gap = side.text.get(side.tokens[range.end.checked_sub(1)?].bytes.end..next.bytes.start)?;
    (gap.trim_start_matches('.') == " ").then_some(next)
}

/// Agencies and outlets one side credits that the other does not, while the other
/// credits its own ("told Baltic Wire" / "told the Nordline News Service"). An agency
/// the other copy names by its last word ("The New York Times" / "The Times") is the
/// same agency.
fn agencies(row: &mut Findings) {
    let unmatched = |a: &Reading, b: &Reading| -> Vec<Range<usize>> {
        // The last word alone, not as part of another agency's name: "the Interior
        // Ministry" is no short form of "the Health Ministry".
        let short_form = |m: &facts::AgencyMention| {
            let last = m.tokens.end.checked_sub(1).map(|k| a.side.norm(k));
            let in_an_agency = |k: usize| b.facts.agencies.iter().any(|o| o.tokens.contains(&k));
            m.tokens.len() > 1
                && b.side
                    .tokens
                    .iter()
                    .enumerate()
                    .any(|(k, t)| t.capitalised && Some(t.norm.as_str()) == last && !in_an_agency(k))
        };
        // An outlet the gazetteer lacks is named in the other copy when the words
        // that set it apart are ("Nordline" of "Nordline News").
        let named_there = |m: &facts::NameMention| {
            let words: Vec<&str> = m.names.iter().map(|&k| a.side.norm(k)).collect();
            let own: Vec<&str> = words.iter().copied().filter(|w| !lexicon::OUTLET_WORDS.contains(w)).collect();
            let own = if own.is_empty() { words } else { own };
            own.iter().all(|w| b.side.tokens.iter().any(|t| t.capitalised && t.norm == *w))
        };
        let agencies = a
            .facts
            .agencies
            .iter()
            .filter(|m| !b.facts.agencies.iter().any(|o| o.agency.name == m.agency.name) && !short_form(m))
            .map(|m| m.tokens.clone());
        let outlets = a.facts.outlets.iter().filter(|m| !named_there(m)).map(|m| m.tokens.clone());
        agencies.chain(outlets).collect()
    };
    let l = unmatched(&row.left, &row.right);
    let r = unmatched(&row.right, &row.left);
    let (left, right) = (row.left.side, row.right.side);
    for (i, j) in pair_up(&l, &r, |_, _| false) {
        // Two credits conflict; an agency merely named ("about a C.I.A. officer" /
        // "The White House said", "obtained by Reuters" / "The EU statement") is what
        // the sentence is about, not who it is credited to.
        if credited(left, &l[i]) && credited(right, &r[j]) {
            row.add(DiscrepancyKind::Attribution, l[i].clone(), r[j].clone());
        }
    }
}

/// Whether the agency at `range` is credited with what the passage says: a verb of
/// saying near it ("Reuters reported", "told the AP"), "according to" or "source" before
/// it, or a credit in brackets or after a dash ("(Reuters) -", "— AFP").
fn credited(side: &RowSide, range: &Range<usize>) -> bool {
    let word = |k: Option<usize>| k.filter(|&k| k < side.tokens.len()).map_or("", |k| side.norm(k));
    let saying = |k: Option<usize>| lexicon::ATTRIBUTION_VERBS.contains(&word(k));
    let near_verb = (1..=4).any(|d| saying(Some(range.end + d - 1)) || saying(range.start.checked_sub(d)));
    let cue_before =
        (1..=2).any(|d| matches!(word(range.start.checked_sub(d)), "according" | "source" | "sources" | "by"));
    let (start, end) = (side.tokens[range.start].bytes.start, side.tokens[range.end - 1].bytes.end);
    let before = side.text.get(..start).unwrap_or_default().trim_end();
    let after = side.text.get(end..).unwrap_or_default().trim_start();
    let set_off = before.ends_with(['(', '—', '–', '-']) || after.starts_with([')', '—', '–']);
    near_verb || cue_before || set_off
}
