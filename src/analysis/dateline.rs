//! Datelines: the head of a line of wire copy that says where and when the story was
//! filed, and for whom ("HALVIK, Oct 2 (Meridian Press) -", "OSLO -", "PORTO:").
//!
//! What a dateline states is about the filing, not the events: its place is not where
//! things happened, its date pairs only with another dateline's, and an agency in its
//! brackets is credited with the story. One reader finds it for all three.

use std::ops::Range;

/// How far a dateline may run from the start of its line, in bytes.
const REACH: usize = 100;

/// Marks that end a dateline.
const DASHES: [&str; 3] = [" -", "–", "—"];

/// The dateline that byte `at` of `text` lies in, if it lies in one: from the start of
/// its line to the end of the mark that closes it.
///
/// A dateline opens its line with a place in capitals, followed by a dash or a colon
/// ("OSLO -", "PORTO:"), or by a comma or a bracket and, further on the line, a dash
/// ("HALVIK, Oct 2 (Meridian Press) -", "PORTO (Meridian Press) -"). Only the bytes a
/// dateline can span are read, so a word deep in a long paragraph costs nothing.
pub fn around(text: &str, at: usize) -> Option<Range<usize>> {
    let start = line_start(text, at)?;
    let line = text.get(start..floor(text, (start + REACH).min(text.len())))?;
    let line = line.split('\n').next().unwrap_or_default();
    let place_end = line.find([',', '(', ':', '-', '–', '—'])?;
    let place = &line[..place_end];
    let in_capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place.chars().all(|c| !c.is_lowercase() && !c.is_ascii_digit());
    if !in_capitals {
        return None;
    }
    let rest = &line[place_end..];
    let end = if rest.starts_with([',', '(']) {
        DASHES.iter().filter_map(|dash| rest.find(dash).map(|k| k + dash.len())).min()?
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    let span = start..start + place_end + end;
    (at < span.end).then_some(span)
}

/// Whether a dateline opens at byte `at`: the place of "HALVIK, Oct 2 -" begins there.
pub fn opens_at(text: &str, at: usize) -> bool {
    let line_opens = at == 0 || text.as_bytes().get(at - 1) == Some(&b'\n');
    line_opens && around(text, at).is_some_and(|span| span.start == at)
}

/// The start of the line holding byte `at`, if it is within `REACH` bytes.
fn line_start(text: &str, at: usize) -> Option<usize> {
    let from = floor(text, at.saturating_sub(REACH));
    let before = text.get(from..floor(text, at))?;
    match before.rfind('\n') {
        Some(newline) => Some(from + newline + 1),
        None if from == 0 => Some(0),
        None => None,
    }
}

/// The nearest char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline_of(text: &str, word: &str) -> Option<String> {
        let at = text.find(word)?;
        around(text, at).map(|span| text[span].to_owned())
    }

    #[test]
    fn a_dateline_runs_from_its_place_to_its_dash() {
        let text = "Rates held\n\nHALVIK, Oct 2 (Meridian Press) - The bank held rates in October.";
        assert_eq!(dateline_of(text, "Oct").as_deref(), Some("HALVIK, Oct 2 (Meridian Press) -"));
        assert_eq!(dateline_of(text, "Meridian").as_deref(), Some("HALVIK, Oct 2 (Meridian Press) -"));
        assert!(opens_at(text, text.find("HALVIK").unwrap_or(0)));
        // The story after the dash is no part of it.
        assert_eq!(dateline_of(text, "October"), None);
        assert_eq!(dateline_of("PORTO: Ferries resumed.", "PORTO").as_deref(), Some("PORTO:"));
        assert_eq!(dateline_of("OSLO - Talks ended.", "OSLO").as_deref(), Some("OSLO -"));
        let bracketed = "PORTO (Meridian Press) - Ferries resumed.";
        assert_eq!(dateline_of(bracketed, "Meridian").as_deref(), Some("PORTO (Meridian Press) -"));
    }

    #[test]
    fn a_line_that_opens_otherwise_has_no_dateline() {
        assert_eq!(dateline_of("Halvik - The bank held rates.", "Halvik"), None);
        assert_eq!(dateline_of("In HALVIK, Oct 2, the bank held rates - again.", "Oct"), None);
        assert_eq!(dateline_of("HALVIK, the port city, held its vote.", "HALVIK"), None);
        let deep = format!("{} on Oct 2 - nothing.", "word ".repeat(40));
        assert_eq!(dateline_of(&deep, "Oct"), None);
    }
}
