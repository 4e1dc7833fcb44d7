//! Units of measure: what a figure's unit measures, and whether two figures in two
//! units of one measure give one quantity.
//!
//! Units are named as `facts::numbers::singular` names them ("km" is "kilometer",
//! "feet" is "foot"); the short forms are listed too, for words read elsewhere.

use super::super::facts::Quantity;
use super::super::lexicon;

/// What a unit measures. A share, a sum of money and a span of time are each their own
/// measure: "3 percent" is not "three months".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    Share,
    Time,
    Money,
    Length,
    Area,
    Weight,
    Speed,
}

/// Each unit with what it measures and, where figures in it convert, its size in one
/// base unit of the measure. "Pound" is a sum first and a weight when it converts: a
/// copy that gives "220 pounds" where the other gives "100 kg" converts, but "pounds"
/// next to "dollars" is money. A ton is short or metric, so it converts into nothing.
const UNITS: &[(&str, Measure, Option<f64>)] = &[
    ("percent", Measure::Share, None),
    ("%", Measure::Share, None),
    ("per", Measure::Share, None),
    ("pct", Measure::Share, None),
    ("percentage", Measure::Share, None),
    ("point", Measure::Share, None),
    ("second", Measure::Time, None),
    ("minute", Measure::Time, None),
    ("hour", Measure::Time, None),
    ("day", Measure::Time, None),
    ("week", Measure::Time, None),
    ("month", Measure::Time, None),
    ("year", Measure::Time, None),
    ("decade", Measure::Time, None),
    ("century", Measure::Time, None),
    ("dollar", Measure::Money, None),
    ("euro", Measure::Money, None),
    ("pound", Measure::Money, None),
    ("yen", Measure::Money, None),
    ("yuan", Measure::Money, None),
    ("rupee", Measure::Money, None),
    ("cent", Measure::Money, None),
    ("crown", Measure::Money, None),
    ("franc", Measure::Money, None),
    ("peso", Measure::Money, None),
    ("meter", Measure::Length, Some(1.0)),
    ("metre", Measure::Length, Some(1.0)),
    ("m", Measure::Length, Some(1.0)),
    ("kilometer", Measure::Length, Some(1000.0)),
    ("kilometre", Measure::Length, Some(1000.0)),
    ("km", Measure::Length, Some(1000.0)),
    ("mile", Measure::Length, Some(1609.344)),
    ("mi", Measure::Length, Some(1609.344)),
    ("foot", Measure::Length, Some(0.3048)),
    ("feet", Measure::Length, Some(0.3048)),
    ("ft", Measure::Length, Some(0.3048)),
    ("yard", Measure::Length, Some(0.9144)),
    ("inch", Measure::Length, Some(0.0254)),
    ("cm", Measure::Length, Some(0.01)),
    ("mm", Measure::Length, Some(0.001)),
    ("hectare", Measure::Area, Some(10_000.0)),
    ("ha", Measure::Area, Some(10_000.0)),
    ("acre", Measure::Area, Some(4_046.86)),
    ("kilogram", Measure::Weight, Some(1.0)),
    ("kg", Measure::Weight, Some(1.0)),
    ("gram", Measure::Weight, Some(0.001)),
    ("g", Measure::Weight, Some(0.001)),
    ("pound", Measure::Weight, Some(0.453_592)),
    ("lb", Measure::Weight, Some(0.453_592)),
    ("ounce", Measure::Weight, Some(0.028_35)),
    ("oz", Measure::Weight, Some(0.028_35)),
    ("ton", Measure::Weight, None),
    ("tonne", Measure::Weight, None),
    ("mph", Measure::Speed, Some(1.609_344)),
    ("kph", Measure::Speed, Some(1.0)),
    ("kmh", Measure::Speed, Some(1.0)),
];

/// What a unit measures, if it is one; a currency sign ("$", "€") measures money.
pub(super) fn measure(unit: &str) -> Option<Measure> {
    UNITS
        .iter()
        .find(|(name, _, _)| *name == unit)
        .map(|&(_, measure, _)| measure)
        .or_else(|| lexicon::AMOUNT_SYMBOLS.contains(&unit).then_some(Measure::Money))
}

/// What a unit measures and its size in the measure's base unit, where it converts.
fn size(unit: &str) -> Option<(Measure, f64)> {
    UNITS.iter().find_map(|&(name, measure, size)| (name == unit).then_some(size).flatten().map(|size| (measure, size)))
}

/// Whether two figures give one measure in two units that convert ("52km" and "32
/// miles"), whatever their values. Money is left out: a sum in another currency may
/// well be another sum.
pub(super) fn converted(a: &Quantity, b: &Quantity) -> bool {
    a.unit != b.unit && size(&a.unit).zip(size(&b.unit)).is_some_and(|((m, _), (n, _))| m == n)
}

/// How far apart a figure and its conversion may be: copies round what they convert
/// ("30 miles" is "50 km", "220 pounds" is "100 kg").
const CONVERSION_ROUNDING: f64 = 0.06;

/// Whether two figures in different units of one measure give one quantity, ranges
/// end for end.
pub(super) fn converts(a: &Quantity, b: &Quantity) -> bool {
    let (Some((measure_a, size_a)), Some((measure_b, size_b))) = (size(&a.unit), size(&b.unit)) else {
        return false;
    };
    let close = |x: f64, y: f64| {
        (x * size_a - y * size_b).abs() <= CONVERSION_ROUNDING * (x * size_a).abs().max((y * size_b).abs())
    };
    a.unit != b.unit
        && measure_a == measure_b
        && close(a.value, b.value)
        && match (a.upto, b.upto) {
            (Some(x), Some(y)) => close(x, y),
            (None, None) => true,
            _ => false,
        }
}

/// The sign of the currency a unit names ("euros" is "€").
pub(super) fn currency_named(unit: &str) -> Option<&'static str> {
    match unit {
        "dollar" => Some("$"),
        "euro" => Some("€"),
        "pound" | "sterling" => Some("£"),
        "yen" | "yuan" => Some("¥"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::facts::QuantityClass;

    fn figure(value: f64, unit: &str) -> Quantity {
        Quantity {
            tokens: 0..1,
            value,
            class: QuantityClass::Amount,
            unit: unit.to_owned(),
            hedged: false,
            ceiling: false,
            upto: None,
            decimals: Some(0),
            nouns: Vec::new(),
        }
    }

    #[test]
    fn a_pound_is_a_sum_until_it_converts_against_a_weight() {
        assert_eq!(measure("pound"), Some(Measure::Money));
        assert_eq!(measure("$"), Some(Measure::Money));
        assert!(converts(&figure(220.0, "pound"), &figure(100.0, "kilogram")));
        assert!(!converts(&figure(220.0, "pound"), &figure(150.0, "kilogram")));
        assert!(!converts(&figure(220.0, "dollar"), &figure(100.0, "kilogram")));
    }

    #[test]
    fn units_of_one_measure_convert_and_a_ton_does_not() {
        assert!(converts(&figure(30.0, "mile"), &figure(48.0, "kilometer")));
        assert!(converts(&figure(60.0, "mph"), &figure(97.0, "kph")));
        assert!(converted(&figure(200_000.0, "acre"), &figure(5.0, "hectare")));
        assert!(!converted(&figure(3.0, "ton"), &figure(3000.0, "kilogram")));
        assert!(!converted(&figure(3.0, "percent"), &figure(3.0, "month")));
    }
}
