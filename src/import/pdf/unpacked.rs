//! Compressed streams that unpack to far more than the file: decompression bombs.
//!
//! `lopdf` inflates object streams while loading and `pdf-extract` inflates every content
//! stream it draws, each into one buffer with no limit. A 1 MB PDF can hold a gigabyte of
//! spaces (and took 2.2 GB of memory to read before this check); a 20 MB one would take the
//! machine's memory and the app with it. So before anything is parsed, every stream in the
//! raw bytes is inflated into nothing, counting, and the document is refused when one
//! stream or all of them together unpack beyond what any real report holds.

use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use memchr::memmem;

/// No single stream may unpack to more than this: the largest file Crosscheck imports.
pub const MAX_STREAM_BYTES: u64 = super::super::MAX_IMPORT_BYTES;

/// Nor all streams together to more than this.
pub const MAX_TOTAL_BYTES: u64 = 8 * MAX_STREAM_BYTES;

/// Refuses the document, worded for "cannot import FILE: …", when a stream unpacks too large.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let mut total = 0;
    for start in stream_starts(bytes) {
        let unpacked = inflated_len(&bytes[start..], MAX_STREAM_BYTES + 1);
        if unpacked > MAX_STREAM_BYTES {
            return Err(format!(
                "a compressed stream at byte {start} unpacks to more than {} MB (a decompression bomb?)",
                MAX_STREAM_BYTES >> 20
            ));
        }
        total += unpacked;
        if total > MAX_TOTAL_BYTES {
            return Err(format!(
                "its compressed streams unpack to more than {} MB together (a decompression bomb?)",
                MAX_TOTAL_BYTES >> 20
            ));
        }
    }
    Ok(())
}

/// Where each stream's data begins: after a `stream` keyword (not `endstream`) and its end
/// of line. Found in the raw bytes, so a damaged cross-reference table hides nothing.
fn stream_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memmem::find_iter(bytes, b"stream").filter_map(move |at| {
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            return None;
        }
        let mut start = at + b"stream".len();
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        Some(start)
    })
}

/// How many bytes the compressed data at the start of `data` inflates to, counting up to
/// `limit`. Like `lopdf`, data whose zlib header is broken is read again as raw deflate after
/// those two bytes. Data that is neither (an uncompressed stream, a JPEG) inflates to nothing.
fn inflated_len(data: &[u8], limit: u64) -> u64 {
    match counted(ZlibDecoder::new(data), limit) {
        0 if data.len() > 2 => counted(DeflateDecoder::new(&data[2..]), limit),
        unpacked => unpacked,
    }
}

fn counted(decoder: impl Read, limit: u64) -> u64 {
    let mut decoder = decoder.take(limit);
    let mut buffer = [0; 16 * 1024];
    let mut total = 0;
    // A read error is damaged data: what came out before it is all there is.
    while let Ok(read @ 1..) = decoder.read(&mut buffer) {
        total += read as u64;
    }
    total
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    use super::*;

    fn deflated(text: &[u8], copies: usize) -> Vec<u8> {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        for _ in 0..copies {
            encoder.write_all(text).expect("in memory");
        }
        encoder.finish().expect("in memory")
    }

    fn pdf_with_streams(streams: &[Vec<u8>]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        for (number, data) in streams.iter().enumerate() {
            write!(pdf, "{} 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\r\n", number + 1, data.len())
                .expect("in memory");
            pdf.extend_from_slice(data);
            pdf.extend_from_slice(b"\nendstream\nendobj\n");
        }
        pdf
    }

    #[test]
    fn ordinary_compressed_pages_pass() {
        let page = deflated(b"BT /F1 10 Tf 72 700 Td (The minister said the accord holds.) Tj ET\n", 2_000);
        assert_eq!(check(&pdf_with_streams(&[page.clone(), page])), Ok(()));
        assert_eq!(check(include_bytes!("../../../tests/fixtures/import/hundred-pages.pdf")), Ok(()));
    }

    #[test]
    fn a_stream_that_unpacks_past_the_limit_is_refused_with_its_offset() {
        let bomb = deflated(&vec![b' '; 1 << 20], 65);
        assert!(bomb.len() < 100_000, "a small file: {} bytes", bomb.len());
        let pdf = pdf_with_streams(&[bomb]);
        let data = memmem::find(&pdf, b"stream\r\n").expect("a stream") + b"stream\r\n".len();
        let refusal = check(&pdf).expect_err("a bomb");
        assert_eq!(
            refusal,
            format!("a compressed stream at byte {data} unpacks to more than 64 MB (a decompression bomb?)")
        );
    }

    #[test]
    fn many_streams_under_the_limit_are_refused_together() {
        let big = deflated(&vec![b' '; 1 << 20], 60);
        let refusal = check(&pdf_with_streams(&vec![big; 9])).expect_err("a spread-out bomb");
        assert!(refusal.contains("more than 512 MB together"), "{refusal}");
    }

    /// lopdf reads a stream whose zlib header is broken as raw deflate, so this must too.
    #[test]
    fn a_bomb_behind_a_broken_zlib_header_is_still_counted() {
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), Compression::best());
        for _ in 0..65 {
            encoder.write_all(&vec![b' '; 1 << 20]).expect("in memory");
        }
        let mut bomb = b"XX".to_vec();
        bomb.extend(encoder.finish().expect("in memory"));
        assert!(check(&pdf_with_streams(&[bomb])).is_err(), "the raw-deflate bomb is refused");
    }

    #[test]
    fn endstream_and_uncompressed_data_are_not_streams_to_inflate() {
        let plain = b"%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n";
        assert_eq!(stream_starts(plain).count(), 1);
        assert_eq!(inflated_len(b"hello", 100), 0);
    }
}
