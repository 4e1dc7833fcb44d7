//! Times of day given in different time zones.
//!
//! Copies written in different places give the clock of their own readers: "3:49
//! p.m. Eastern time" and "1:49 p.m. MDT" are one moment. Two times in named zones
//! are compared after converting both; a zone we cannot convert ("local time")
//! against another zone leaves the times uncompared.

use super::super::facts::Quantity;

/// Hours ahead of UTC for a zone's abbreviation or name; Eastern, Central, Mountain
/// and Pacific time without "standard" or "daylight" may be either.
const ZONES: &[(&str, &[f64])] = &[
    ("gmt", &[0.0]),
    ("utc", &[0.0]),
    ("bst", &[1.0]),
    ("cet", &[1.0]),
    ("cest", &[2.0]),
    ("edt", &[-4.0]),
    ("est", &[-5.0]),
    ("et", &[-4.0, -5.0]),
    ("eastern", &[-4.0, -5.0]),
    ("cdt", &[-5.0]),
    ("cst", &[-6.0]),
    ("ct", &[-5.0, -6.0]),
    ("central", &[-5.0, -6.0]),
    ("mdt", &[-6.0]),
    ("mst", &[-7.0]),
    ("mt", &[-6.0, -7.0]),
    ("mountain", &[-6.0, -7.0]),
    // Arizona keeps Mountain Standard Time all year.
    ("arizona", &[-7.0]),
    ("pdt", &[-7.0]),
    ("pst", &[-8.0]),
    ("pt", &[-7.0, -8.0]),
    ("pacific", &[-7.0, -8.0]),
];

/// The zone a time is given in.
#[derive(Debug, Clone, PartialEq)]
enum Zone {
    /// Hours ahead of UTC it may be.
    Known(&'static [f64]),
    /// A zone named by a word we hold no offset for ("Tokyo time", "local time").
    Other(String),
}

/// The zone written in the words after a time: an abbreviation ("EDT") or a word
/// before "time" ("Eastern time").
fn zone(after: &[String]) -> Option<Zone> {
    let known = |word: &str| ZONES.iter().find(|(name, _)| *name == word).map(|(_, hours)| Zone::Known(hours));
    after.iter().find_map(|w| known(w)).or_else(|| {
        let before_time = after.windows(2).find(|pair| pair[1] == "time").map(|pair| pair[0].as_str())?;
        Some(known(before_time).unwrap_or_else(|| Zone::Other(before_time.to_owned())))
    })
}

/// Minutes in a day.
const DAY: f64 = 24.0 * 60.0;

/// Minutes after midnight of a time read as "3.49" with its unit ("pm").
fn minutes(time: &Quantity) -> f64 {
    let hours = time.value.trunc();
    let minutes = (time.value.fract() * 100.0).round();
    // "12 a.m." is midnight, "12 p.m." noon.
    let hours = match time.unit.as_str() {
        "pm" if hours < 12.0 => hours + 12.0,
        "am" if hours >= 12.0 => hours - 12.0,
        _ => hours,
    };
    hours * 60.0 + minutes
}

/// Whether two times given in different zones may be one moment: the zones convert
/// and the times agree, or a zone does not convert. `after_a` and `after_b` are the
/// words after each time ("pm", "mdt", "today").
pub(super) fn one_moment(a: &Quantity, after_a: &[String], b: &Quantity, after_b: &[String]) -> bool {
    match (zone(after_a), zone(after_b)) {
        (Some(Zone::Known(x)), Some(Zone::Known(y))) if x != y => x.iter().any(|hx| {
            y.iter().any(|hy| {
                let apart = ((minutes(a) - hx * 60.0) - (minutes(b) - hy * 60.0)).rem_euclid(DAY);
                !(0.5..=DAY - 0.5).contains(&apart)
            })
        }),
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::one_moment;
    use crate::analysis::facts::Quantity;
    use crate::analysis::tokens::tokenize;

    /// The first figure of `text` and the three words after it.
    fn time(text: &str) -> (Quantity, Vec<String>) {
        let tokens = tokenize(text, 0..text.len());
        let refs: Vec<_> = tokens.iter().collect();
        let figure = crate::analysis::facts::numbers::quantities(text, &refs).remove(0);
        let after = tokens.iter().skip(figure.tokens.end).take(3).map(|t| t.norm.clone()).collect();
        (figure, after)
    }

    fn same(a: &str, b: &str) -> bool {
        let ((a, after_a), (b, after_b)) = (time(a), time(b));
        one_moment(&a, &after_a, &b, &after_b)
    }

    #[test]
    fn times_in_zones_that_convert_to_one_moment_are_one_moment() {
        assert!(same("at 3:49 p.m. Eastern time today", "at 1:49 p.m. MDT today"));
        assert!(same("until 6 p.m. EDT Sunday", "until 3 p.m. Arizona time Sunday"));
        assert!(!same("at 3:49 p.m. EDT", "at 2:49 p.m. MDT"));
        assert!(same("at 9 a.m. local time", "at 2 p.m. GMT"), "no offset for local time");
        assert!(!same("at 9 a.m. EDT", "at 10 a.m. EDT"), "one zone: compared as usual");
    }
}
