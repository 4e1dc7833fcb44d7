//! Amounts, years and days of the month stated in a passage, with their values.
//!
//! "1.4bn", "1.4 billion" and "1,400 million" are the same amount; "18,000" and
//! "eighteen thousand" too (number words are folded to digits by the tokenizer). A
//! hedged amount ("about 2,000", "more than 2,000") or a range ("1 to 3 percent") is
//! compatible with any value close to or inside it, since a paraphrase may round.

use std::ops::Range;

use super::super::lexicon;
use super::super::tokens::Token;

/// What an amount measures, as far as its surroundings tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityClass {
    /// A calendar year ("since 1998").
    Year,
    /// A day of the month, next to the month's name ("March 3").
    Day,
    /// A time of day ("4 a.m.", "10:33", "1018 GMT").
    Time,
    /// Anything else: counts, money, percentages, measures.
    Amount,
    /// A rank: "third-largest", "the 2nd round".
    Rank,
}

/// One number as a passage states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Token indices the number spans (with its scale word and symbol).
    pub tokens: Range<usize>,
    pub value: f64,
    pub class: QuantityClass,
    /// The word after the number ("%", "homes", "crowns"), folded; empty at the end.
    pub unit: String,
    /// Preceded by "about", "more than", "nearly" and the like.
    pub hedged: bool,
    /// Stated as an upper bound ("up to 120", "as many as 1 million"): a range agrees
    /// with it only where the range ends.
    pub ceiling: bool,
    /// The upper end when the passage gives a range ("1 to 3", "between 5 and 7") or a
    /// decade ("the 90s" runs to 99).
    pub upto: Option<f64>,
    /// Digits after the decimal point as written ("1.36" has 2); `None` when the
    /// number is spelled out in words ("three").
    pub decimals: Option<usize>,
    /// The words after the unit, up to a comma or a stop: "700 MONUC troops" counts
    /// troops as well.
    pub nouns: Vec<String>,
}

/// The value of one unit in the last place of a figure with `decimals` decimals:
/// 0.01 for "1.36".
pub fn last_place(decimals: usize) -> f64 {
    10f64.powi(-i32::try_from(decimals).unwrap_or(0))
}

/// Whether two figures written with different decimals are one figure, the rougher
/// the finer rounded: "1.4" for "1.36", "931" for "931.12".
pub fn rounded_alike(a: &Quantity, b: &Quantity) -> bool {
    match (a.decimals, b.decimals) {
        (Some(x), Some(y)) if x != y => {
            let (precise, rough, places) = if x > y { (a, b, y) } else { (b, a, x) };
            let factor = 10f64.powi(i32::try_from(places).unwrap_or(0));
            same_value((precise.value * factor).round() / factor, rough.value)
        }
        _ => false,
    }
}

/// Whether two values are one value, not two close ones (floating-point noise aside).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl Quantity {
    /// Whether two figures count the same thing: the same unit, or one's unit among
    /// the words after the other ("700 MONUC troops" and "350 troops").
    pub fn counts_as(&self, other: &Quantity) -> bool {
        self.unit == other.unit
            || (!other.unit.is_empty() && self.nouns.contains(&other.unit))
            || (!self.unit.is_empty() && other.nouns.contains(&self.unit))
    }

    /// Whether this figure is one end of `range` ("29.4" of "from 29.4 to 32.6"): a
    /// copy that writes a range's ends apart states the range, but a figure that only
    /// falls inside it ("43 days" inside "30 to 64") is another figure.
    pub fn ends(&self, range: &Quantity) -> bool {
        self.upto.is_none()
            && range.upto.is_some_and(|top| same_value(self.value, range.value) || same_value(self.value, top))
    }

    /// Whether a paraphrase stating `other` could mean this quantity.
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        let rounding = if self.hedged || other.hedged { 0.1 } else { ROUNDING };
        let close = |a: f64, b: f64| {
            same_value(a, b) || self.class == QuantityClass::Amount && (a - b).abs() <= rounding * a.abs().max(b.abs())
        };
        // Two ranges agree only end for end: "8-10 percent" is not "4-10 percent", and
        // "less than $1 billion to $2.8 billion" is "$952 million or $2.8 billion".
        if let (Some(top), Some(other_top)) = (self.upto, other.upto) {
            return close(self.value, other.value) && close(top, other_top);
        }
        if same_value(self.value, other.value) {
            return true;
        }
        // A figure inside the other copy's range agrees with it, except a ceiling ("as
        // many as 1 million"), which must be where the range ends ("100,000 to 2 million").
        let inside = |range: &Quantity, figure: &Quantity| {
            range.upto.is_some_and(|top| {
                if figure.ceiling {
                    close(figure.value, top)
                } else {
                    range.value <= figure.value && figure.value <= top
                }
            })
        };
        if inside(self, other) || inside(other, self) {
            return true;
        }
        // "1.36" rounded as the other copy writes it is "1.4".
        if rounded_alike(self, other) && !scaled_apart(self, other) {
            return true;
        }
        // "4.9 percent" said in words is "five percent".
        let spelled_round = |spelled: &Quantity, written: &Quantity| {
            spelled.decimals.is_none()
                && written.decimals.is_some_and(|d| d > 0)
                && written.value.abs() < 1000.0
                && same_value(written.value.round(), spelled.value)
        };
        if spelled_round(self, other) || spelled_round(other, self) {
            return true;
        }
        let apart = (self.value - other.value).abs() / self.value.abs().max(other.value.abs());
        // A hedged amount allows rounding by a tenth either way. Any amount allows the
        // last digits to differ: copies round, and quote a price or an index at
        // different times of the day ("9,266.51" and "9,240.25").
        // "About 3 p.m." covers "3:22 p.m." and "2:45 p.m." (hours, with minutes as
        // hundredths), "shortly before 9 a.m." covers "8:45 a.m.".
        if self.class == QuantityClass::Time && (self.hedged || other.hedged) {
            let minutes = |hours: f64| hours.trunc() * 60.0 + (hours.fract() * 100.0).round();
            return (minutes(self.value) - minutes(other.value)).abs() <= 30.0 && self.unit == other.unit;
        }
        self.class == QuantityClass::Amount && self.value.abs() >= 10.0 && apart <= rounding
    }
}

const HEDGES: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "over",
    "than",
    "least",
    "under",
    "estimated",
    "just",
    "close",
    "circa",
    "upwards",
    "approx",
];

/// Nouns of a body of people counted after "of": "a crowd of 52,000".
const COLLECTIVES: &[&str] = &["crowd", "audience", "congregation", "gathering", "workforce", "force", "army"];

/// What the figure at token `at`, whose words end before token `end`, counts: its unit
/// and the words after the unit ("eight more moons" counts moons). A comma or a stop
/// ends the figure: "Fishman, 51, will" counts nothing.
fn counted(text: &str, tokens: &[&Token], at: usize, end: usize) -> (String, Vec<String>) {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let joined = |k: usize| {
        k > 0
            && k < tokens.len()
            && text
                .get(tokens[k - 1].bytes.end..tokens[k].bytes.start)
                .is_some_and(|gap| gap.trim().is_empty() || gap == "-")
    };
    // "twice" is two times, as "three times" is three.
    if tokens.get(at).is_some_and(|t| t.raw(text).eq_ignore_ascii_case("twice")) {
        return ("time".to_owned(), Vec::new());
    }
    let mut unit_at = end;
    while unit_at < tokens.len().min(end + 3) && joined(unit_at) && COUNT_MODIFIERS.contains(&norm(unit_at)) {
        unit_at += 1;
    }
    // "a crowd of 52,000 watched": the figure counts the crowd, and the word after it
    // is what they did, so it is left to count what the other copy says it counts
    // ("25,000 fans"). "a crowd of 52,000 fans" counts fans.
    let collective = at >= 2 && norm(at - 1) == "of" && COLLECTIVES.contains(&norm(at - 2));
    if collective && !norm(unit_at).ends_with('s') {
        return (String::new(), Vec::new());
    }
    let unit = match glued_unit(norm(at)) {
        // "500G-byte": the letter of a size of memory glued on, "byte" after it.
        Some(unit @ ("k" | "m" | "g" | "t")) if joined(unit_at) && singular(norm(unit_at)) == "byte" => {
            format!("{unit}b")
        }
        Some(unit) => singular(unit),
        None if joined(unit_at) => singular(norm(unit_at)),
        // "$700,000, or 2 cents" counts nothing: the words after the comma are another
        // figure's.
        None => return (String::new(), Vec::new()),
    };
    let nouns =
        (unit_at + 1..tokens.len().min(unit_at + 3)).take_while(|&k| joined(k)).map(|k| singular(norm(k))).collect();
    (unit, nouns)
}

/// How the words before a figure bound it.
struct Bounds {
    /// "about 2,000", "more than 2,000", "up to 120".
    hedged: bool,
    /// "up to 120", "as many as 1 million", "at most 40".
    ceiling: bool,
}

/// How the words before the figure starting at token `start` bound it.
fn bounds<'w>(norm: &impl Fn(usize) -> &'w str, start: usize) -> Bounds {
    let before = |back: usize| start.checked_sub(back).map_or("", norm);
    // "up to 120" is a hedge, "up 120 points" a change.
    let up_to = (before(2), before(1)) == ("up", "to");
    let hedged = up_to || HEDGES.contains(&before(2)) || HEDGES.contains(&before(1));
    let ceiling = up_to
        || matches!(
            (before(3), before(2), before(1)),
            ("as", "many" | "much", "as") | (_, "at", "most") | ("no", "more", "than")
        );
    Bounds { hedged, ceiling }
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "thousands" | "k" => 1e3,
        "million" | "millions" | "mln" | "mn" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// The numeric value of a folded token such as "2.4", "18000", "1.4bn" or "5th".
fn parse(norm: &str) -> Option<(f64, Option<f64>)> {
    let digits_end = norm.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(norm.len());
    let (number, suffix) = norm.split_at(digits_end);
    let value: f64 = number.trim_end_matches('.').parse().ok()?;
    match suffix {
        "" | "st" | "nd" | "rd" | "th" | "s" => Some((value, None)),
        _ => match scale(suffix) {
            Some(factor) => Some((value * factor, Some(factor))),
            None => glued_unit(norm).map(|_| (value, None)),
        },
    }
}

/// A unit written onto its number ("40g", "10km", "3ghz", "1am"). Other letters make
/// a name or a code ("11i", "3com"), not an amount.
fn glued_unit(norm: &str) -> Option<&str> {
    let digits_end = norm.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let unit = &norm[digits_end..];
    (digits_end > 0 && GLUED_UNITS.contains(&unit)).then_some(unit)
}

/// Units written onto a number: lengths, weights, speeds, frequencies, sizes of
/// memory, power, volumes, spans of time and the two halves of the day.
const GLUED_UNITS: &[&str] = &[
    "km", "cm", "mm", "mi", "ft", "kg", "g", "mg", "lb", "lbs", "oz", "t", "mph", "kph", "kmh", "hz", "khz", "mhz",
    "ghz", "kb", "gb", "tb", "mb", "w", "kw", "mw", "gw", "kwh", "v", "kv", "ml", "l", "s", "ms", "h", "hr", "hrs",
    "min", "mins", "sec", "secs", "yr", "yrs", "am", "pm", "c", "f", "x",
];

/// The value of a fraction written as one character ("½").
fn vulgar_fraction(raw: &str) -> Option<f64> {
    Some(match raw {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Words after a figure that make it a time of day.
const CLOCK_WORDS: &[&str] = &["am", "pm", "gmt", "utc", "edt", "est", "bst", "cet", "cest", "pdt", "pst"];

/// What a figure counts, in one form for singular and plural: "16-page" and "33 pages"
/// both count pages.
pub fn singular(word: &str) -> String {
    // "percentage points" is the unit "percent" ("%") is.
    if word == "percentage" {
        return "%".to_owned();
    }
    let stem = if word.len() > 4 && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes")) {
        &word[..word.len() - 2]
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    };
    // "8 kilos" and "17 kilograms" count one thing.
    UNIT_NAMES.iter().find(|(short, _)| *short == stem).map_or(stem, |(_, full)| full).to_owned()
}

/// Units written short, with the name `singular` gives them.
const UNIT_NAMES: &[(&str, &str)] = &[
    ("kilo", "kilogram"),
    ("kg", "kilogram"),
    ("kilogramme", "kilogram"),
    ("km", "kilometer"),
    ("tonne", "ton"),
    ("feet", "foot"),
    ("ft", "foot"),
    ("hr", "hour"),
    ("hrs", "hour"),
    ("yrs", "year"),
    ("yr", "year"),
];

/// Whether two values carry a scale word that rounding must not cross ("1.4 million"
/// rounded is not "1 million" written as "1,000,000"): only plain values round.
fn scaled_apart(a: &Quantity, b: &Quantity) -> bool {
    a.value.abs() >= 1000.0 || b.value.abs() >= 1000.0
}

/// How far apart two plain amounts may be and still be one figure rounded or updated.
const ROUNDING: f64 = 0.025;

/// Words before a tally of votes or a score ("voted 128-170", "ruling 5-4").
pub(crate) const TALLY_BEFORE: &[&str] =
    &["voted", "vote", "ruled", "ruling", "won", "lost", "beat", "defeated", "score", "scored", "split"];
/// Words after a tally ("a 5-4 decision").
pub(crate) const TALLY_AFTER: &[&str] =
    &["vote", "votes", "ruling", "decision", "verdict", "victory", "win", "defeat", "loss", "majority", "margin"];

/// Words between a number and what it counts: "eight more moons", "two other men".
const COUNT_MODIFIERS: &[&str] = &["more", "other", "new", "additional", "extra", "further", "fewer", "less", "than"];

/// A number as written across tokens: words joined by a hyphen ("fifty-seven"), a fraction ("5/8", "2 1/2", "2 ½"), a time of day
/// ("10:33") or a decade ("the 90s", "the 90's").
struct Written {
    value: f64,
    /// One past the last token of the number.
    end: usize,
    clock: bool,
    decade: bool,
}

/// Reads the number `value` at token `i` with what follows it.
fn written(text: &str, tokens: &[&Token], i: usize, mut value: f64) -> Written {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let mut end = i + 1;
    // "fifty-seven" is one number, not fifty and seven.
    let spelled = |t: &Token| !t.raw(text).bytes().any(|b| b.is_ascii_digit());
    if spelled(tokens[i])
        && value % 10.0 == 0.0
        && (20.0..=90.0).contains(&value)
        && let Some(next) =
            tokens.get(end).filter(|t| spelled(t) && text.get(tokens[i].bytes.end..t.bytes.start) == Some("-"))
        && let Some((units, None)) = parse(&next.norm).filter(|(v, _)| (1.0..=9.0).contains(v))
    {
        value += units;
        end += 1;
    }
    let gap = |a: usize, b: usize| -> &str {
        tokens.get(a).zip(tokens.get(b)).and_then(|(x, y)| text.get(x.bytes.end..y.bytes.start)).unwrap_or("")
    };
    let digits = |k: usize| {
        tokens.get(k).filter(|t| t.norm.bytes().all(|b| b.is_ascii_digit())).and_then(|t| t.norm.parse::<f64>().ok())
    };
    // "5/8": a numerator below a small denominator is a fraction, not a date.
    let slashed = |k: usize| -> Option<f64> {
        let (numerator, denominator) = (digits(k)?, digits(k + 1)?);
        (gap(k, k + 1) == "/" && numerator < denominator && (2.0..=16.0).contains(&denominator))
            .then_some(numerator / denominator)
    };
    // "a 21/2-week trial": "2½" whose "½" lost its glyph on the way, a digit and a
    // half, quarter or three quarters run together. Only before a word it measures,
    // not a day and month ("on 21/2").
    let lost_glyph = |k: usize| -> Option<f64> {
        let raw = tokens.get(k)?.raw(text);
        let (whole, numerator) = (raw.get(..1)?.parse::<f64>().ok()?, raw.get(1..)?);
        let fraction = match (numerator, digits(k + 1)?) {
            ("1", 2.0) => 0.5,
            ("1", 4.0) => 0.25,
            ("3", 4.0) => 0.75,
            _ => return None,
        };
        let measured = tokens.get(k + 2).is_some_and(|t| !t.has_digit() && !t.capitalised)
            && matches!(gap(k + 1, k + 2), "-" | " ");
        let dated = k.checked_sub(1).is_some_and(|p| matches!(norm(p), "on" | "by" | "until" | "from" | "since"));
        (raw.len() == 2 && whole > 0.0 && gap(k, k + 1) == "/" && measured && !dated).then_some(whole + fraction)
    };
    let (mut clock, mut decade) = (false, false);
    if let Some(mixed) = lost_glyph(i) {
        value = mixed;
        end = i + 2;
    } else if let Some(fraction) = slashed(i) {
        value = fraction;
        end = i + 2;
    } else if gap(i, i + 1) == ":"
        && value <= 24.0
        && tokens.get(i + 1).is_some_and(|t| t.norm.len() == 2 || CLOCK_WORDS.contains(&norm(i + 2)))
        && let Some(minutes) = digits(i + 1)
    {
        // "10:33" is one time of day, not 10 and 33; so is a mistyped "9:120 a.m.".
        value += minutes / 100.0;
        end = i + 2;
        clock = true;
    } else if value.fract() == 0.0 && gap(i, end).trim().is_empty() {
        // "2 1/2" and "2 ½" are two and a half.
        if let Some(fraction) = tokens.get(end).and_then(|t| vulgar_fraction(t.raw(text))) {
            value += fraction;
            end += 1;
        } else if let Some(fraction) = slashed(end) {
            value += fraction;
            end += 2;
        }
    }
    // "the 90s", "the 1980s", "the 90's": a decade, any year or age inside it; a
    // mistyped "the 1981s" is still one, if not the 1980s ("2001's" is a possessive).
    let mistyped_decade = (1000.0..10_000.0).contains(&value) && tokens[i].raw(text).ends_with('s');
    if end == i + 1 && value >= 10.0 && (value % 10.0 == 0.0 || mistyped_decade) {
        if norm(i).ends_with('s') {
            decade = true;
        } else if norm(end) == "s" && gap(i, end) == "'" {
            decade = true;
            end += 1;
        }
    }
    Written { value, end, clock, decade }
}

/// The parts a fraction word divides into, as written after "a" or "one" ("a third")
/// or after a count ("two thirds"). "third" and "fifth" are folded to ranks.
fn denominator(word: &str, plural: bool) -> Option<f64> {
    match (word, plural) {
        ("#3", false) | ("thirds", true) => Some(3.0),
        ("quarter", false) | ("quarters", true) => Some(4.0),
        ("#5", false) | ("fifths", true) => Some(5.0),
        _ => None,
    }
}

/// A share written as a fraction at token `i`: "a quarter of", "two-thirds of", "half
/// of", "half the". Read as the percentage a paraphrase writes ("25 percent of"), and
/// hedged: a fraction is a round figure.
fn fraction_at(tokens: &[&Token], i: usize) -> Option<Quantity> {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let (parts, whole, end) = if norm(i) == "half" {
        // "two and a half", "a half": a count, not a share.
        let counted = i.checked_sub(1).is_some_and(|k| matches!(norm(k), "a" | "and") || tokens[k].has_digit());
        if counted || !matches!(norm(i + 1), "of" | "the") {
            return None;
        }
        (1.0, 2.0, i + 1)
    } else {
        let parts: f64 = match norm(i) {
            "a" | "one" => 1.0,
            word if tokens[i].has_digit() => word.parse().ok().filter(|n| (2.0..=9.0).contains(n))?,
            _ => return None,
        };
        let whole = denominator(norm(i + 1), parts > 1.0)?;
        if norm(i + 2) != "of" || parts >= whole {
            return None;
        }
        (parts, whole, i + 2)
    };
    Some(Quantity {
        tokens: i..end,
        value: 100.0 * parts / whole,
        class: QuantityClass::Amount,
        unit: "%".to_owned(),
        hedged: true,
        ceiling: false,
        upto: None,
        decimals: None,
        nouns: Vec::new(),
    })
}

/// The rank at token `i` ("third-largest", "the 2nd round"), with what it ranks as its
/// unit; a day of the month written as an ordinal ("June 15th") is a day.
fn rank_at(text: &str, tokens: &[&Token], i: usize) -> Option<Quantity> {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let gap_after = |k: usize| tokens.get(k + 1).and_then(|next| text.get(tokens[k].bytes.end..next.bytes.start));
    // "third" and "3rd" are folded to "#3".
    let value: f64 = norm(i).strip_prefix('#')?.parse().ok()?;
    let last = i;
    let month = |k: Option<usize>| k.is_some_and(|k| lexicon::MONTHS.contains(&norm(k)));
    let next_month = month(Some(last + 1)) || (norm(last + 1) == "of" && month(Some(last + 2)));
    let class =
        if (month(i.checked_sub(1)) || next_month) && value <= 31.0 { QuantityClass::Day } else { QuantityClass::Rank };
    let joined = gap_after(last).is_some_and(|gap| gap.trim().is_empty() || gap == "-");
    let unit = if joined && class == QuantityClass::Rank { singular(norm(last + 1)) } else { String::new() };
    Some(Quantity {
        tokens: i..last + 1,
        value,
        class,
        unit,
        hedged: false,
        ceiling: false,
        upto: None,
        decimals: Some(0),
        nouns: Vec::new(),
    })
}

/// "One in five voters", "3 out of 10 homes": a share, read as the percentage a
/// paraphrase writes ("20 percent of voters"), counting what the whole counts.
fn shares_of_wholes(tokens: &[&Token], found: Vec<Quantity>) -> Vec<Quantity> {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let of_whole = |part: &Quantity, whole: &Quantity| {
        let between: Vec<&str> = (part.tokens.end..whole.tokens.start).map(norm).collect();
        matches!(between.as_slice(), ["in"] | ["out", "of"])
            && [part, whole].iter().all(|q| q.class == QuantityClass::Amount && q.upto.is_none())
            && 0.0 < part.value
            && part.value < whole.value
            && whole.value <= 1000.0
    };
    let mut shares = Vec::with_capacity(found.len());
    let mut rest = found.into_iter().peekable();
    while let Some(part) = rest.next() {
        match rest.next_if(|whole| of_whole(&part, whole)) {
            Some(whole) => {
                let mut nouns = vec![whole.unit.clone()];
                nouns.extend(whole.nouns);
                shares.push(Quantity {
                    tokens: part.tokens.start..whole.tokens.end,
                    value: 100.0 * part.value / whole.value,
                    class: QuantityClass::Amount,
                    unit: "%".to_owned(),
                    hedged: part.hedged || whole.hedged,
                    ceiling: part.ceiling,
                    upto: None,
                    decimals: Some(0),
                    nouns,
                });
            }
            None => shares.push(part),
        }
    }
    shares
}

/// What a number is, with where it sits and how it is written.
#[derive(Clone, Copy)]
struct Reading {
    /// The number's own token, the first token with its symbol, and one past its end.
    at: usize,
    start: usize,
    end: usize,
    value: f64,
    /// A whole number written without a point or a separator.
    whole: bool,
    /// Followed or suffixed by a scale word ("million", "bn").
    scaled: bool,
    /// Written as a time of day ("10:33").
    clock: bool,
}

/// Whether a number is a year, a day of the month, a time of day or an amount.
fn class_of(tokens: &[&Token], reading: Reading) -> QuantityClass {
    let Reading { at: i, start, end, value, whole, scaled, clock } = reading;
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    let month_next = |j: usize| lexicon::MONTHS.contains(&norm(j)) && tokens.get(j).is_some_and(|t| t.capitalised);
    // "15 a.m." is no hour of the clock, but it is written as one: a time, to be
    // compared with the other copy's time.
    let clock_word = CLOCK_WORDS.contains(&norm(end))
        && (value <= 24.0 || (!matches!(norm(end), "am" | "pm") && value <= 2400.0 && value % 100.0 < 60.0));
    // "1am", "11pm".
    let glued_clock = value <= 12.0 && matches!(glued_unit(norm(i)), Some("am" | "pm"));
    let clock = clock || glued_clock;
    // "more than 2000 people", "about 2100 troops": a hedged count, not a year ("about
    // 1900, the city", "around 2010 the market" and "over 2001's" stay years).
    let hedged_count = {
        let before = i.checked_sub(1).map_or("", norm);
        let plural_next = tokens.get(end).is_some_and(|t| {
            !t.capitalised
                && t.norm.len() > 3
                && t.norm.ends_with('s')
                && !lexicon::STOPWORDS.contains(&t.norm.as_str())
        });
        matches!(before, "than" | "least" | "nearly" | "almost" | "some" | "approximately" | "roughly")
            || (matches!(before, "about" | "around" | "over") && plural_next)
    };
    if clock || clock_word {
        QuantityClass::Time
    } else if whole && !scaled && (1800.0..=2100.0).contains(&value) && start == i && norm(end) != "%" && !hedged_count
    {
        QuantityClass::Year
    } else if whole
        && !scaled
        && ((1.0..=31.0).contains(&value) && month_next(end)
            // "March 33" is a day, if an impossible one: it must meet "March 11".
            || (1.0..=99.0).contains(&value) && i > 0 && month_next(i - 1))
    {
        QuantityClass::Day
    } else {
        QuantityClass::Amount
    }
}

pub fn quantities(text: &str, tokens: &[&Token]) -> Vec<Quantity> {
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    let mut found: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        // Figures written as words of their own: "a quarter of", "third-largest".
        if let Some(figure) = fraction_at(tokens, i).or_else(|| rank_at(text, tokens, i)) {
            i = figure.tokens.end;
            found.push(figure);
            continue;
        }
        let Some((value, suffix_scale)) = token.has_digit().then(|| parse(&token.norm)).flatten() else {
            i += 1;
            continue;
        };
        let start =
            if i > 0 && lexicon::AMOUNT_SYMBOLS.contains(&norm(i - 1)) && norm(i - 1) != "%" { i - 1 } else { i };
        let Written { mut value, mut end, clock, decade } = written(text, tokens, i, value);
        let scaled = suffix_scale.is_some() || scale(norm(end)).is_some();
        if suffix_scale.is_none()
            && let Some(factor) = scale(norm(end))
        {
            value *= factor;
            end += 1;
        }
        let raw = token.raw(text);
        let whole = value.fract() == 0.0 && !raw.contains(['.', ',']);
        let class = class_of(tokens, Reading { at: i, start, end, value, whole, scaled, clock });
        let Bounds { hedged, ceiling } = bounds(&norm, start);
        // "before 9 a.m." gives a time only roughly.
        let hedged =
            hedged || (class == QuantityClass::Time && start > 0 && matches!(norm(start - 1), "before" | "after"));
        let (unit, nouns) = counted(text, tokens, i, end);
        // "1 to 3 percent", "1-3", "between 5 and 7": the second number closes a range.
        // "ruled 5-4", "a 128-170 vote": a tally of two figures, not a range.
        let tally = |p: &Quantity| {
            p.tokens.start.checked_sub(1).is_some_and(|k| TALLY_BEFORE.contains(&norm(k)))
                || TALLY_AFTER.contains(&norm(end))
        };
        let dash = |p: &Quantity| {
            !tally(p)
                && p.tokens.end == start
                && text
                    .get(tokens[p.tokens.end - 1].bytes.end..token.bytes.start)
                    .is_some_and(|gap| matches!(gap.trim(), "-" | "–"))
        };
        // The unit may be written at both ends ("1 percent to 3 percent"); "and" makes a
        // range only after "between", else it lists two figures.
        let between = |p: &Quantity| p.tokens.start > 0 && norm(p.tokens.start - 1) == "between";
        // "$729 million, or 10 cents a share" restates, it does not give a range.
        let unbroken = |k: usize| {
            k > 0 && text.get(tokens[k - 1].bytes.end..tokens[k].bytes.start).is_some_and(|gap| !gap.contains(','))
        };
        // "from the current 50,000, to 170,000" is still a range.
        let from =
            |p: &Quantity| (1..=3).any(|back| p.tokens.start.checked_sub(back).is_some_and(|k| norm(k) == "from"));
        let joins = |p: &Quantity, k: usize| match norm(k) {
            "to" => unbroken(k) || from(p),
            "or" => unbroken(k),
            "and" => between(p),
            _ => false,
        };
        let word = |p: &Quantity| {
            (p.tokens.end + 1 == start && joins(p, p.tokens.end))
                || (p.tokens.end + 2 == start && norm(p.tokens.end) == norm(end) && joins(p, p.tokens.end + 1))
        };
        // A range runs upwards; "voted 256 to 170" gives two figures. Only "between"
        // makes a range whichever way it is written ("between $150 million and $85
        // million").
        let upwards = |p: &Quantity| value > p.value || (between(p) && value < p.value);
        if let Some(previous) =
            found.last_mut().filter(|p| p.upto.is_none() && p.class == class && upwards(p) && (dash(p) || word(p)))
        {
            previous.upto = Some(value.max(previous.value));
            previous.value = value.min(previous.value);
            previous.tokens.end = end;
            // "between 30 and 80 pounds" counts pounds, written once after the range.
            if matches!(previous.unit.as_str(), "" | "to" | "and" | "or") {
                previous.unit = unit;
                previous.nouns = nouns;
            }
        } else {
            let decimals = raw.bytes().any(|b| b.is_ascii_digit()).then(|| {
                raw.split_once('.').map_or(0, |(_, after)| after.bytes().take_while(u8::is_ascii_digit).count())
            });
            let decade_top = decade.then_some(value + 9.999);
            found.push(Quantity {
                tokens: start..end,
                value,
                class,
                unit,
                hedged,
                ceiling,
                upto: decade_top,
                decimals,
                nouns,
            });
        }
        i = end;
    }
    let mut found = shares_of_wholes(tokens, found);
    for quantity in &mut found {
        // "1.5 to 2 billion": the scale written once applies to both ends.
        if let (Some(top), Some(factor)) = (quantity.upto, scale(norm(quantity.tokens.end - 1)))
            && quantity.value * factor <= top
        {
            quantity.value *= factor;
        }
        in_bytes(quantity);
    }
    found
}

/// Sizes of memory in bytes, however written: "256MB", "256 megabytes", "256M bytes"
/// and "a 256-megabyte card" are one size.
fn in_bytes(quantity: &mut Quantity) {
    let factor = |unit: &str| match unit {
        "kb" | "kilobyte" => Some(1e3),
        "mb" | "megabyte" => Some(1e6),
        "gb" | "gigabyte" => Some(1e9),
        "tb" | "terabyte" => Some(1e12),
        _ => None,
    };
    if let Some(scale) = factor(&quantity.unit) {
        quantity.value *= scale;
        quantity.upto = quantity.upto.map(|top| top * scale);
        "byte".clone_into(&mut quantity.unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn read(text: &str) -> Vec<Quantity> {
        let tokens = tokenize(text, 0..text.len());
        let refs: Vec<&Token> = tokens.iter().collect();
        quantities(text, &refs)
    }

    #[test]
    fn a_size_of_memory_is_read_in_bytes_however_written() {
        for written in ["a 256MB card", "a 256 MB card", "256M bytes of memory", "256 megabytes", "a 256-megabyte card"]
        {
            let size = &read(written)[0];
            assert_eq!((size.value, size.unit.as_str()), (256e6, "byte"), "{written}");
        }
        let disk = &read("a 500G-byte solid disk")[0];
        assert_eq!((disk.value, disk.unit.as_str(), disk.nouns[0].as_str()), (500e9, "byte", "solid"));
    }

    #[test]
    fn fractions_of_a_whole_are_read_as_percentages() {
        let share = |text: &str| read(text).first().map(|q| (q.value.round(), q.unit.clone()));
        assert_eq!(share("about a quarter of the farms"), Some((25.0, "%".to_owned())));
        assert_eq!(share("two-thirds of voters"), Some((67.0, "%".to_owned())));
        assert_eq!(share("more than half of the margin"), Some((50.0, "%".to_owned())));
        assert_eq!(share("a third of the staff"), Some((33.0, "%".to_owned())));
        // A rank or a count is no share.
        assert_ne!(share("for a third day"), Some((33.0, "%".to_owned())));
        assert!(read("two and a half years").iter().all(|q| q.unit != "%"));
    }

    #[test]
    fn ranks_are_read_with_what_they_rank_and_an_ordinal_by_a_month_is_a_day() {
        let read_all = read("the third-largest lender, its 2nd round, and June 15th");
        let ranks: Vec<(f64, QuantityClass, &str)> =
            read_all.iter().map(|q| (q.value, q.class, q.unit.as_str())).collect();
        assert_eq!(
            ranks,
            [
                (3.0, QuantityClass::Rank, "largest"),
                (2.0, QuantityClass::Rank, "round"),
                (15.0, QuantityClass::Day, "")
            ]
        );
    }

    #[test]
    fn one_in_five_is_a_share_written_as_a_percentage() {
        let shares = read("One in five voters and 3 out of 10 homes, but 2 in 2024");
        let values: Vec<(f64, &str)> = shares.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(values[..2], [(20.0, "%"), (30.0, "%")]);
        assert!(shares[0].agrees_with(&read("20 percent of voters")[0]));
        assert_eq!(shares.len(), 4, "'2 in 2024' is two figures, not a share: {shares:?}");
    }

    #[test]
    fn scales_symbols_and_suffixes_give_one_value() {
        let values: Vec<f64> = read("$1.4bn, 1.4 billion and 1,400 million").iter().map(|q| q.value).collect();
        assert_eq!(values, [1.4e9, 1.4e9, 1.4e9]);
        assert!((read("eighteen thousand homes")[0].value - 18_000.0).abs() < 1e-9);
        let glued = &read("a 40G link")[0];
        assert_eq!((glued.value, glued.unit.as_str()), (40.0, "g"));
        assert!(!glued.agrees_with(&read("a 20G link")[0]));
    }

    #[test]
    fn years_and_days_are_told_from_amounts() {
        let found = read("On March 3, 1998, it cost 1998 dollars and 40 percent");
        let classes: Vec<QuantityClass> = found.iter().map(|q| q.class).collect();
        assert_eq!(classes, [QuantityClass::Day, QuantityClass::Year, QuantityClass::Year, QuantityClass::Amount]);
    }

    #[test]
    fn ranges_and_hedges_agree_with_what_they_cover() {
        let range = &read("only 1 percent to 3 percent")[0];
        assert_eq!(range.upto, Some(3.0));
        assert!(range.agrees_with(&read("about 2.5 percent")[0]));
        let hedged = &read("more than 2,000 fighters")[0];
        assert!(hedged.agrees_with(&read("2,100 fighters")[0]));
        assert!(!read("2,000 fighters")[0].agrees_with(&read("4,000 fighters")[0]));
        assert!(read("closed at 9,266.51")[0].agrees_with(&read("closed at 9,240.25")[0]), "rounding and updates");
        assert!(!read("1,200 jobs")[0].agrees_with(&read("1,100 jobs")[0]));
        assert!(!read("4 killed")[0].agrees_with(&read("5 killed")[0]));
        assert!(!read("an 8-10 percent rate")[0].agrees_with(&read("a 4-10 percent rate")[0]), "ranges end for end");
    }

    #[test]
    fn only_units_make_a_glued_figure_and_a_glued_half_of_the_day_is_a_time() {
        let morning = &read("from 1am to noon")[0];
        assert_eq!((morning.class, morning.value), (QuantityClass::Time, 1.0));
        assert!(morning.agrees_with(&read("from 1 a.m. to noon")[0]));
        assert!(read("to replace 11i with another suite").is_empty(), "a product code is no amount");
        assert!(read("plus or minus five percentage points")[0].agrees_with(&read("plus or minus 4.9 percent")[0]));
        assert!(!read("five people")[0].agrees_with(&read("5.6 people")[0]));
    }

    #[test]
    fn between_makes_a_range_either_way_and_an_hour_before_am_is_a_time() {
        let range = &read("between $150 million and $85 million")[0];
        assert_eq!((range.value, range.upto), (85e6, Some(150e6)));
        assert!(!range.agrees_with(&read("$150 million to $170 million")[0]));
        assert_eq!(read("voted 256 to 170").len(), 2, "a tally is two figures");
        assert_eq!(read("the 15 a.m. blast")[0].class, QuantityClass::Time);
    }

    #[test]
    fn a_rough_time_covers_half_an_hour_either_way_in_minutes() {
        let time = |text: &str| read(text).into_iter().next().expect("a time");
        assert!(time("shortly before 9 a.m.").agrees_with(&time("about 8:45 a.m.")));
        assert!(time("about 3 p.m.").agrees_with(&time("at 2:45 p.m.")), "15 minutes, not 55 hundredths");
        assert!(!time("about 3 p.m.").agrees_with(&time("at 2:15 p.m.")));
        assert!(!time("at 9 a.m.").agrees_with(&time("at 8:45 a.m.")), "exact times must agree exactly");
    }

    #[test]
    fn a_ceiling_agrees_with_a_range_only_where_the_range_ends() {
        let range = &read("between 100,000 and 2 million homes")[0];
        assert!(range.agrees_with(&read("1 million homes")[0]), "a figure inside the range");
        let as_many_as = &read("as many as 1 million homes")[0];
        assert!(as_many_as.ceiling);
        assert!(!range.agrees_with(as_many_as), "the range ends at 2 million, not 1 million");
        assert!(range.agrees_with(&read("up to 2 million homes")[0]));
        assert!(!read("no more than 40 boats")[0].agrees_with(&read("from 10 to 60 boats")[0]));
    }

    #[test]
    fn fractions_decades_and_times_of_day_are_read_whole() {
        let value = |text: &str| read(text)[0].value;
        assert!((value("a 2 1/2 week trial") - 2.5).abs() < 1e-9);
        assert!((value("contains 2 ½ servings") - 2.5).abs() < 1e-9);
        // A "½" that lost its glyph, but not a day and month.
        assert!((value("after a 21/2-week trial") - 2.5).abs() < 1e-9);
        assert!((value("a 33/4 mile walk") - 3.75).abs() < 1e-9);
        assert!((value("due on 21/2 at noon") - 2.5).abs() > 1e-9);
        assert!((value("the 3 5/8 percent note") - 3.625).abs() < 1e-9);
        assert!(!read("a 2 1/2 week trial")[0].agrees_with(&read("a 2 1/4 week trial")[0]));
        assert!(read("even into his 90s")[0].agrees_with(&read("after he turned 94")[0]), "a decade holds its years");
        assert!(read("in the 1980s")[0].agrees_with(&read("in 1985")[0]));
        assert!(!read("in the 1980s")[0].agrees_with(&read("in 1992")[0]));
        assert!(!read("in the 1980s")[0].agrees_with(&read("in the 1981s")[0]), "a mistyped decade is another");
        assert_eq!(read("over 2001's 8.9 million")[0].upto, None, "a possessive year is no decade");
        let time = &read("at 10:33 a.m. in New York")[0];
        assert_eq!((time.class, read("at 10:33 a.m. in New York").len()), (QuantityClass::Time, 1));
        assert_eq!(read("by 1018 GMT")[0].class, QuantityClass::Time);
        assert_eq!(read("around 2 p.m. Tuesday")[0].class, QuantityClass::Time);
        assert_eq!(read("has about 2100 troops there")[0].class, QuantityClass::Amount, "a hedged count");
        assert_eq!(read("more than 2000 people")[0].class, QuantityClass::Amount);
        assert_eq!(read("around 2010 the market fell")[0].class, QuantityClass::Year);
        assert_eq!(read("a rise over 2001's 8.9 million")[0].class, QuantityClass::Year);
        let mistyped = read("began at 9:120 a.m. on Friday");
        assert_eq!((mistyped.len(), mistyped[0].class), (1, QuantityClass::Time), "a mistyped time is still one time");
        assert!(!mistyped[0].agrees_with(&read("began at 9:40 a.m.")[0]));
        assert_eq!(read("a 16-page letter")[0].unit, read("33 pages of documents")[0].unit);
    }

    #[test]
    fn a_hyphenated_number_word_is_one_number() {
        let values: Vec<f64> = read("Fifty-seven senators, including 24 Republicans").iter().map(|q| q.value).collect();
        assert_eq!(values, [57.0, 24.0]);
        assert!((read("the 20-7 vote")[0].value - 20.0).abs() < 1e-9, "digits around a hyphen are a score, not 27");
        assert_eq!(read("the court ruled 2-4 in the case").len(), 2, "a tally is two figures, not a range");
        assert_eq!(read("the House voted 128-170 on Tuesday").len(), 2);
        assert_eq!(read("rose 1-3 percent").len(), 1, "a range still reads as one");
        assert_eq!(read("since March 33")[0].class, QuantityClass::Day, "an impossible day is still a day");
    }

    #[test]
    fn a_unit_written_short_counts_what_its_full_name_counts() {
        let units = |text: &str| read(text).into_iter().map(|q| q.unit).collect::<Vec<_>>();
        assert_eq!(units("lost 8 kilos in 3 hrs over 52km"), units("lost 17 kilograms in 2 hours over 30 kilometres"));
        assert_eq!(units("a 6ft wall")[0], units("six feet")[0]);
    }
}
