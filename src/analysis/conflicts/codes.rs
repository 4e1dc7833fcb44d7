//! Codes: model numbers, versions and tickers that carry a figure in letters.
//!
//! "the x86 version", "the v1.2 standard", "W32/Sobig" and "US10YT" are not amounts,
//! so the reading of numbers passes them by, yet a copy that writes "x64" or "v2.4"
//! states another product. A code one copy writes that the other does not, against
//! one of the same shape there ("x" and a figure), is one code changed.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::Findings;

/// The shape of a code: its letters with each figure replaced by `#` ("x86" and
/// "x64" are both "x#", "v1.2" is "v#"), or `None` for a word that is no code. A
/// code starts with a letter and holds a digit; "3g" and "40mb" are amounts with
/// their unit and "3rd" a rank, read elsewhere.
fn shape(word: &str) -> Option<String> {
    if !word.starts_with(|c: char| c.is_ascii_alphabetic()) || !word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut shape = String::with_capacity(word.len());
    let mut in_figure = false;
    for c in word.chars() {
        let figure = c.is_ascii_digit() || (in_figure && c == '.');
        if figure && !in_figure {
            shape.push('#');
        } else if !figure {
            shape.push(c);
        }
        in_figure = figure;
    }
    Some(shape)
}

/// The codes of `side` that `other` does not write, with their shapes.
fn left_over(side: &RowSide, other: &RowSide) -> Vec<(usize, String)> {
    (0..side.tokens.len())
        .filter(|&i| !other.words.contains(side.norm(i)))
        .filter_map(|i| shape(side.norm(i)).map(|s| (i, s)))
        .collect()
}

/// Flags a code each side writes alone where the other side writes exactly one code
/// of the same shape.
pub(super) fn conflicts(row: &mut Findings) {
    let (left, right) = (left_over(row.left.side, row.right.side), left_over(row.right.side, row.left.side));
    let alone = |codes: &[(usize, String)], shape: &str| {
        let mut same = codes.iter().filter(|(_, s)| s == shape);
        same.next().map(|(i, _)| *i).filter(|_| same.next().is_none())
    };
    let found: Vec<(Range<usize>, Range<usize>)> = left
        .iter()
        .filter_map(|(i, shape)| {
            let j = alone(&right, shape)?;
            alone(&left, shape)?;
            Some((*i..i + 1, j..j + 1))
        })
        .collect();
    for (l, r) in found {
        row.add(DiscrepancyKind::Number, l, r);
    }
}

#[cfg(test)]
mod tests {
    use super::shape;

    #[test]
    fn a_code_is_its_letters_around_its_figures() {
        assert_eq!(shape("x86").as_deref(), Some("x#"));
        assert_eq!(shape("x172"), shape("x86"));
        assert_eq!(shape("v1.2").as_deref(), Some("v#"));
        assert_eq!(shape("us10yt").as_deref(), Some("us#yt"));
        assert_eq!(shape("40mb"), None);
        assert_eq!(shape("#3"), None);
        assert_eq!(shape("report"), None);
    }
}
