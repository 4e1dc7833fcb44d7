//! Pages with no text layer (scanned pages), and the resolution each is drawn at for OCR.
//!
//! A page is drawn at 300 dpi, what scanners use, unless its media box is so large that the
//! drawing would pass the limits every picture is decoded under: then it is drawn coarser,
//! so a page claiming to be metres wide costs no more memory than the largest picture.

use pdf_extract::{Document, Object, ObjectId};
use serde::{Deserialize, Serialize};

use super::page_tree;
use crate::import::image::MAX_SIDE;
use crate::ocr::render::DPI;

/// PDF's unit: a point, 1/72 inch.
const POINTS_PER_INCH: f64 = 72.0;

/// The side of a page with no usable media box: A4's long side, in points.
const DEFAULT_SIDE_POINTS: f64 = 842.0;

/// A page whose text is only in its pixels, left for OCR to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageWithoutText {
    /// Its number, from 1, as in the text's form-feed-separated pages.
    pub page: u32,
    /// The resolution to draw it at, in dots per inch.
    pub dpi: u32,
}

impl PageWithoutText {
    pub fn new(document: &Document, page: u32, id: ObjectId) -> Self {
        Self { page, dpi: dpi_for(longest_side_points(document, id)) }
    }
}

/// The longer side of the page's media box, in points.
fn longest_side_points(document: &Document, id: ObjectId) -> f64 {
    let corners: Option<Vec<f64>> = match page_tree::inherited(document, id, b"MediaBox") {
        Some(Object::Array(corners)) => corners.iter().map(number).collect(),
        Some(Object::Reference(reference)) => match document.get_object(*reference) {
            Ok(Object::Array(corners)) => corners.iter().map(number).collect(),
            _ => None,
        },
        _ => None,
    };
    match corners.as_deref() {
        Some(&[left, bottom, right, top]) => {
            let longest = (right - left).abs().max((top - bottom).abs());
            if longest.is_finite() && longest > 0.0 { longest } else { DEFAULT_SIDE_POINTS }
        }
        _ => DEFAULT_SIDE_POINTS,
    }
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(value) => Some(*value as f64),
        Object::Real(value) => Some(f64::from(*value)),
        _ => None,
    }
}

/// [`DPI`], or less where that would draw the longest side past [`MAX_SIDE`] pixels.
fn dpi_for(longest_points: f64) -> u32 {
    let fitting = (f64::from(MAX_SIDE) - 1.0) * POINTS_PER_INCH / longest_points;
    if fitting >= f64::from(DPI) {
        return DPI;
    }
    // At least one dot per inch: a page this large is a bomb or nonsense, and draws tiny.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "between 0 and DPI here")]
    let fitting = fitting.floor().max(1.0) as u32;
    fitting
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_drawn_at_300_dpi_and_huge_ones_coarser() {
        assert_eq!(dpi_for(842.0), 300);
        assert_eq!(dpi_for(4_800.0), 299, "66 inches at 300 dpi is 20,000 pixels: just too many");
        assert_eq!(dpi_for(14_400.0), 99);
        assert_eq!(dpi_for(1.0e12), 1);
        let drawn = 14_400.0 / POINTS_PER_INCH * f64::from(dpi_for(14_400.0));
        assert!(drawn < f64::from(MAX_SIDE), "{drawn}");
    }

    #[test]
    fn the_media_box_comes_from_the_page_or_its_parents() {
        let path = format!("{}/tests/fixtures/ocr/mixed.pdf", env!("CARGO_MANIFEST_DIR"));
        let document = Document::load(path).expect("fixture loads");
        let pages = document.get_pages();
        assert!((longest_side_points(&document, pages[&1]) - 842.0).abs() < 0.01);
        assert!((longest_side_points(&document, pages[&2]) - 168.96).abs() < 0.01);
    }
}
