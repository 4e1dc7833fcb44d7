//! Pictures as sources: screenshots of posts, photographed letters, scanned pages.
//!
//! The `image` crate decodes PNG, JPEG, WebP, GIF (its first frame) and TIFF in pure Rust.
//! Every decode goes through [`decode`], which sets [`image::Limits`] before any pixel is
//! allocated: a small file that claims to be a gigapixel picture (a decompression bomb) is
//! refused by its header, not discovered by running out of memory. The text of a picture is
//! read afterwards by [`crate::ocr`].

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use super::{Imported, Refusal};
use crate::model::{PixelBox, SourceFormat, SourceMeta};

pub const IMPORTER: &str = "image-1";

/// The widest or tallest picture accepted, in pixels: beyond a poster scanned at 600 dpi.
pub const MAX_SIDE: u32 = 20_000;

/// Memory a decode may take. A 12,000 × 8,000 photograph in RGB needs ~290 MB.
pub const MAX_DECODE_BYTES: u64 = 384 << 20;

/// The limits every decode runs under.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// The picture in `bytes`, decoded under the limits; refusals say what was wrong.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| Refusal::Malformed(format!("it could not be read as a picture ({error})")))?;
    let Some(format) = reader.format() else {
        return Err(Refusal::Malformed(
            "it is not a picture Crosscheck reads (PNG, JPEG, WebP, GIF or TIFF)".to_owned(),
        ));
    };
    reader.limits(limits());
    reader.decode().map_err(|error| refusal(format, &error))
}

fn refusal(format: ImageFormat, error: &image::ImageError) -> Refusal {
    let kind = format.extensions_str().first().map_or("image", |extension| *extension).to_uppercase();
    match error {
        image::ImageError::Limits(_) => Refusal::Malformed(format!(
            "it is a {kind} picture too large to open safely (over {MAX_SIDE} pixels a side or {} MB decoded); \
             it may be a decompression bomb, or scale it down first",
            MAX_DECODE_BYTES >> 20
        )),
        image::ImageError::Unsupported(_) => {
            Refusal::Malformed(format!("it is a {kind} picture in a variant Crosscheck cannot read ({error})"))
        }
        _ => Refusal::Malformed(format!("it is a damaged {kind} picture ({error})")),
    }
}

/// Checks that `bytes` are a picture Crosscheck can show and read. The text is left empty:
/// [`crate::ocr`] reads it (or says why it could not) when the file is imported.
pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let picture = decode(bytes)?;
    let notes = vec![format!("A picture of {} × {} pixels.", picture.width(), picture.height())];
    Ok(Imported {
        format: SourceFormat::Image,
        text: String::new(),
        meta: SourceMeta::default(),
        importer: IMPORTER,
        notes,
        pages_without_text: Vec::new(),
    })
}

/// The picture as an 8-bit greyscale PNG, the form handed to the OCR reader (one format
/// it surely reads, whatever the original was).
pub fn greyscale_png(picture: &DynamicImage) -> Result<Vec<u8>, Refusal> {
    encode_png(&DynamicImage::ImageLuma8(picture.to_luma8()))
}

/// `area` of the picture in `bytes` as a PNG, for a report's view of a passage.
pub fn crop_png(bytes: &[u8], area: PixelBox) -> Result<Vec<u8>, Refusal> {
    let picture = decode(bytes)?;
    let area = area.padded(0, picture.width(), picture.height());
    if area.width == 0 || area.height == 0 {
        return Err(Refusal::Malformed("the region lies outside the picture".to_owned()));
    }
    encode_png(&picture.crop_imm(area.left, area.top, area.width, area.height))
}

fn encode_png(picture: &DynamicImage) -> Result<Vec<u8>, Refusal> {
    let mut png = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|error| Refusal::Malformed(format!("the picture could not be converted ({error})")))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        encode_png(&DynamicImage::new_luma8(width, height)).expect("png")
    }

    #[test]
    fn a_picture_imports_with_its_size_noted() {
        let imported = import(&png(30, 20)).expect("imports");
        assert_eq!(imported.format, SourceFormat::Image);
        assert!(imported.notes[0].contains("30 × 20"), "{:?}", imported.notes);
    }

    #[test]
    fn a_decompression_bomb_is_refused_by_its_header() {
        // A real PNG header claiming 100,000 × 100,000 pixels, with a tiny body.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        // The header's checksum covers its type and fields; the claim must pass it to be believed.
        let mut crc = flate2::Crc::new();
        crc.update(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.sum().to_be_bytes());
        let refusal = import(&bomb).expect_err("refused");
        assert!(refusal.to_string().contains("too large to open safely"), "{refusal}");
    }

    #[test]
    fn nonsense_and_damage_are_refusals() {
        assert_eq!(import(b""), Err(Refusal::Empty));
        assert!(import(b"hello").expect_err("text").to_string().contains("not a picture"));
        let mut broken = png(40, 40);
        broken.truncate(40);
        assert!(import(&broken).expect_err("cut").to_string().contains("damaged PNG"));
    }

    #[test]
    fn a_region_crops_to_a_png_of_its_size() {
        let cropped = crop_png(&png(50, 40), PixelBox { left: 10, top: 5, width: 20, height: 60 }).expect("crop");
        let picture = decode(&cropped).expect("decodes");
        assert_eq!((picture.width(), picture.height()), (20, 35));
    }

    proptest::proptest! {
        /// A few hundred damaged pictures in every format, short of a fuzzer: each is a
        /// picture or a refusal, never a panic (`fuzz/fuzz_targets/import_image.rs` goes further).
        #[test]
        fn damaged_pictures_are_refused_not_panicked_on(
            format in 0..5usize,
            flips in proptest::collection::vec((0..4096usize, proptest::prelude::any::<u8>()), 1..8),
            cut in 0..4096usize,
        ) {
            let formats = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Gif, ImageFormat::WebP, ImageFormat::Tiff];
            let mut bytes = Vec::new();
            DynamicImage::ImageRgb8(image::RgbImage::from_fn(24, 16, |x, y| image::Rgb([u8::try_from(x * 9).unwrap_or(255), u8::try_from(y * 13).unwrap_or(255), 77])))
                .write_to(&mut Cursor::new(&mut bytes), formats[format])
                .expect("encodes");
            for (at, value) in flips {
                let len = bytes.len();
                bytes[at % len] ^= value;
            }
            bytes.truncate(cut.max(1));
            let _ = import(&bytes);
            let _ = crop_png(&bytes, PixelBox { left: 2, top: 2, width: 10, height: 10 });
        }
    }
}
