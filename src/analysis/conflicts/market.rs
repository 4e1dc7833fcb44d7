//! Market figures are snapshots of a moving price.
//!
//! Copy about shares, indices and currencies is rewritten through the trading day: one
//! copy gives a price "in morning trading" or "as of 9:33 a.m.", another at the close.
//! Both can be right, so where two copies give their figures at different moments the
//! price, its move and the time of the snapshot are not compared. A copy that names
//! no moment is read as giving the close, and two copies that name the same moment are
//! compared as usual: "up 3 percent at midday" against "up 6 percent at midday" is a
//! changed figure. Copies that name no moment but disagree on several of a price's
//! figures at once also give it at different moments, and so do copies that quote the
//! price a few cents apart: then a move that differs by as much is the same move.
//! Copies that quote the price at one level, whatever moments they name, took it at
//! one moment: their moves must agree, up to rounding.

use super::super::discrepancy::RowSide;
use super::super::facts::numbers::{last_place, rounded_alike, same_value};
use super::super::facts::{Quantity, QuantityClass};

/// Words that say a passage is about a traded price.
const MARKET_WORDS: &[&str] = &[
    "shares", "share", "stock", "stocks", "index", "indices", "indexes", "trading", "trade", "dealings", "futures",
    "bond", "bonds", "yield", "yields", "currency", "exchange", "nasdaq", "nyse", "ftse", "nikkei", "dow",
];

/// Words before "trading" or "dealings" that place a price inside the day.
const PARTS_OF_DAY: &[&str] =
    &["morning", "afternoon", "midday", "early", "late", "recent", "intraday", "lunchtime", "midmorning", "overnight"];

/// Words of a market session: "in afternoon trade".
const SESSION_WORDS: &[&str] = &["trading", "trade", "dealings", "deals", "business"];

/// Time zones a snapshot's time is given in: "by 1018 GMT".
const ZONES: &[&str] = &["gmt", "utc", "et", "edt", "est", "bst", "cet"];

/// The moment of the trading day a side gives its figures at, if it names one: a
/// part of the day ("morning"), a time ("9:33"), or "as much as" for the day's extreme.
fn moment(side: &RowSide) -> Option<String> {
    let word = |k: usize| side.norm(k);
    let has_digits = |k: usize| word(k).bytes().any(|b| b.is_ascii_digit());
    (0..side.tokens.len()).find_map(|i| {
        let w = word(i);
        if SESSION_WORDS.contains(&w) {
            let before = [i.checked_sub(1), i.checked_sub(2)];
            return before.into_iter().flatten().map(word).find(|b| PARTS_OF_DAY.contains(b)).map(str::to_owned);
        }
        match w {
            "midday" | "noon" | "lunchtime" => Some(w.to_owned()),
            "as" if word(i + 1) == "of" && has_digits(i + 2) => Some(word(i + 2).to_owned()),
            "by" | "at" if has_digits(i + 1) && ZONES.contains(&word(i + 2)) => Some(word(i + 1).to_owned()),
            "as" if word(i + 1) == "much" && word(i + 2) == "as" => Some("as much as".to_owned()),
            _ => None,
        }
    })
}

/// Whether a side is about a traded price.
fn about_a_market(side: &RowSide) -> bool {
    side.tokens.iter().any(|t| MARKET_WORDS.contains(&t.norm.as_str()))
}

/// Whether two sides report a traded price at different moments of the day.
pub(super) fn at_different_moments(left: &RowSide, right: &RowSide) -> bool {
    if !about_a_market(left) && !about_a_market(right) {
        return false;
    }
    let (l, r) = (moment(left), moment(right));
    (l.is_some() || r.is_some()) && l != r
}

/// How far apart two sides about a traded price quote one price ("at $13.60" / "to
/// $13.62"), with the price, when they agree only as rounding would make them agree:
/// the copies took the price at different moments (`left` and `right` are all the
/// figures of each side).
pub(super) fn drift(left: &RowSide, l: &[Quantity], right: &RowSide, r: &[Quantity]) -> Option<(f64, f64)> {
    let price = |q: &Quantity| q.class == QuantityClass::Amount && q.decimals.is_some_and(|d| d > 0) && !q.hedged;
    if !about_a_market(left) && !about_a_market(right) {
        return None;
    }
    l.iter().filter(|a| price(a)).find_map(|a| {
        r.iter()
            .filter(|b| price(b))
            .find(|b| !same_value(a.value, b.value) && a.decimals == b.decimals && a.agrees_with(b))
            .map(|b| ((a.value - b.value).abs(), a.value.min(b.value)))
    })
}

/// Whether two moves of a price differ by no more than the price itself drifted
/// between the copies' moments (`drift`): "up 12 cents at $13.60" / "rose 14 cents to
/// $13.62" is one move seen twice, "rose 10 percent to $38.28" / "rose 20 percent to
/// $38.30" is not.
pub(super) fn moved_by_drift(a: &Quantity, b: &Quantity, (drift, price): (f64, f64)) -> bool {
    let apart = (a.value - b.value).abs();
    let slack = 0.005;
    // "66 Canadian cents" counts cents.
    let unit = |q: &Quantity| {
        if q.nouns.first().is_some_and(|n| n == "cent") { "cent".to_owned() } else { q.unit.clone() }
    };
    match unit(a).as_str() {
        _ if unit(a) != unit(b) => false,
        "cent" => apart / 100.0 <= drift + slack,
        "%" => price > 0.0 && apart <= 100.0 * (drift + slack) / price,
        _ => false,
    }
}

/// Whether two sides about a traded price each leave two or more moving figures
/// unmatched (`left` and `right` are the figures no figure of the other side accounts
/// for). A price that moved changes its move, its share and its level together, so
/// copies that disagree on several of them give the price at different moments even
/// when neither says when; one figure changed among figures that agree is an error.
pub(super) fn moved_apart(left: &RowSide, l: &[Quantity], right: &RowSide, r: &[Quantity]) -> bool {
    let several = |figures: &[Quantity]| figures.iter().filter(|q| moves(q)).count() >= 2;
    (about_a_market(left) || about_a_market(right)) && several(l) && several(r)
}

/// Whether a figure moves with the market: a price, a change in it, the volume traded
/// or the time it was taken at, not what names the instrument ("the Standard & Poor's
/// 500 Index").
pub(super) fn moves(quantity: &Quantity) -> bool {
    match quantity.class {
        QuantityClass::Time => true,
        QuantityClass::Amount => {
            let money =
                |word: &str| matches!(super::measure(word), Some(super::Measure::Share | super::Measure::Money));
            // "6 Canadian cents" counts cents.
            !super::counts_something(quantity)
                || matches!(quantity.unit.as_str(), "basis" | "share")
                || money(&quantity.unit)
                || quantity.nouns.first().is_some_and(|noun| money(noun))
        }
        _ => false,
    }
}

/// How far apart two quotes of one price level may be and still be the same price
/// taken at two moments of a day: a price moves by a few percent in a session, not by
/// half.
const LEVEL_DRIFT: f64 = 0.25;

/// Whether two figures both give the level of a traded price ("at $30.50", "to
/// 924.42") in passages about a market: one slot, however many figures the copies
/// report apart.
pub(super) fn levels(left: &RowSide, a: &Quantity, right: &RowSide, b: &Quantity) -> bool {
    let level = |side: &RowSide, q: &Quantity| {
        let before = q.tokens.start.checked_sub(1).map(|k| side.norm(k));
        about_a_market(side)
            && q.class == QuantityClass::Amount
            && matches!(before, Some("at" | "to"))
            // A move, or the volume traded ("at 500.22 million shares"), is no level.
            && !matches!(q.unit.as_str(), "%" | "cent" | "point" | "basis" | "share" | "contract")
            && q.upto.is_none()
    };
    level(left, a) && level(right, b)
}

/// Whether two sides quote a price at one level ("to $16.96" / "at $16.96", or "to
/// 931" against "to 931.12" rounded): they took the price at one moment, whatever
/// moment each names, so its move and its share must agree as well.
pub(super) fn same_level(left: &RowSide, l: &[Quantity], right: &RowSide, r: &[Quantity]) -> bool {
    l.iter()
        .any(|a| r.iter().any(|b| levels(left, a, right, b) && (same_value(a.value, b.value) || rounded_alike(a, b))))
}

/// Whether one move is the other written with fewer decimals, rounded either way
/// ("1.25 percent" / "1.2 percent"): one move of one snapshot.
pub(super) fn rounded_either_way(a: &Quantity, b: &Quantity) -> bool {
    match (a.decimals, b.decimals) {
        (Some(x), Some(y)) if x != y => (a.value - b.value).abs() <= last_place(x.min(y)) / 2.0 + 1e-9,
        _ => false,
    }
}

/// Whether two levels of a price (`levels`) are so far apart that no time of day
/// explains it: a changed figure, not a later snapshot.
pub(super) fn level_jumped(left: &RowSide, a: &Quantity, right: &RowSide, b: &Quantity) -> bool {
    let apart = (a.value - b.value).abs() / a.value.abs().max(b.value.abs()).max(f64::MIN_POSITIVE);
    levels(left, a, right, b) && apart > LEVEL_DRIFT
}
