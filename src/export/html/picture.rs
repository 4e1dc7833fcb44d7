//! The region of a picture a passage was read from, as an inline `data:` image, so a report
//! on screenshots and scans shows what the source looked like and stays one self-contained file.

use std::path::Path;

use super::writer::Html;
use crate::export::report::Report;
use crate::model::{Anchor, PixelBox};

/// Space kept around the words, in the picture's pixels.
const MARGIN: u32 = 6;

/// Writes `<img>` with the region of the picture `anchor`'s words were read from, when the
/// report was given the project folder and the source is a picture read by OCR. A picture
/// that cannot be read leaves the passage as text alone.
pub(super) fn passage_picture(html: &mut Html, report: &Report<'_>, anchor: &Anchor) {
    let Some(folder) = report.options.pictures.as_deref() else { return };
    let Some(source) = report.source(anchor) else { return };
    // A scanned PDF's layer has boxes too, but the original is no picture to crop.
    if source.content.format != crate::model::SourceFormat::Image {
        return;
    }
    let Some(original) = source.content.original.as_ref() else { return };
    let Some(layer) = original.ocr.as_deref() else { return };
    let Some(page) = layer.page(1) else { return };
    let region = layer
        .regions(anchor.start..anchor.end)
        .into_iter()
        .filter(|(number, _)| *number == 1)
        .map(|(_, area)| area)
        .reduce(PixelBox::union);
    let Some(region) = region.map(|area| area.padded(MARGIN, page.width, page.height)) else { return };
    let Some(png) = crop(folder, &original.path, region) else { return };
    html.raw("<img class=\"passage-picture\"");
    html.attr("src", &format!("data:image/png;base64,{}", base64(&png)));
    html.attr("width", &region.width.to_string()).attr("height", &region.height.to_string());
    html.attr(
        "alt",
        &format!("The passage as it appears in the picture of {}: {}", source.display_title(), anchor.exact),
    );
    html.raw(">\n");
}

fn crop(folder: &Path, relative: &str, region: PixelBox) -> Option<Vec<u8>> {
    let bytes = crate::store::read_in_project(folder, relative, crate::import::MAX_IMPORT_BYTES).ok()?;
    crate::import::image::crop_png(&bytes, region).ok()
}

/// Standard Base64 with padding (RFC 4648 §4), as `data:` URLs take it.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }
}
