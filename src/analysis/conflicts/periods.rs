//! Times named in words: "on Thursday afternoon" against "on Thursday morning", "next
//! week" against "next month".
//!
//! Neither is a date or a figure, so `quantities` and `calendar` never see them. A row
//! is flagged only where each side names exactly one of a kind, so a passage giving
//! several ("this week and again next month") is left to the reader.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::Findings;

/// Parts of the day a side names.
fn parts_of_day(side: &RowSide) -> Vec<(Range<usize>, &'static str)> {
    (0..side.tokens.len())
        .filter_map(|k| {
            let part = ["morning", "afternoon", "evening"].into_iter().find(|&p| side.norm(k) == p)?;
            Some((k..k + 1, part))
        })
        .collect()
}

/// A period named from now: which way ("next" and "coming" ahead, "last", "past" and
/// "previous" behind, "this") and how long.
fn relative_periods(side: &RowSide) -> Vec<(Range<usize>, (&'static str, &'static str))> {
    (1..side.tokens.len())
        .filter_map(|k| {
            let way = match side.norm(k - 1) {
                "next" | "coming" => "ahead",
                "last" | "past" | "previous" => "behind",
                "this" => "now",
                _ => return None,
            };
            let span = ["week", "weekend", "month", "year"].into_iter().find(|&s| side.norm(k) == s)?;
            Some((k - 1..k + 1, (way, span)))
        })
        .collect()
}

pub(super) fn conflicts(row: &mut Findings) {
    if let ([(l, a)], [(r, b)]) = (parts_of_day(row.left.side).as_slice(), parts_of_day(row.right.side).as_slice())
        && a != b
    {
        row.add(DiscrepancyKind::Date, l.clone(), r.clone());
    }
    // "next week" against "next month" is one plan put at two times; "next week"
    // against "last year" tells of two things.
    let (left, right) = (relative_periods(row.left.side), relative_periods(row.right.side));
    if let ([(l, (way_a, span_a))], [(r, (way_b, span_b))]) = (left.as_slice(), right.as_slice())
        && way_a == way_b
        && span_a != span_b
    {
        row.add(DiscrepancyKind::Date, l.clone(), r.clone());
    }
}
