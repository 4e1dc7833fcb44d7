//! Bytes to text: UTF-8 when it is, otherwise the encoding the bytes most likely use.
//!
//! Old newsroom files come as Windows-1252, Latin-1 or UTF-16; a PDF or an image renamed
//! `.txt` must be refused, not shown as mojibake.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::Refusal;

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text with line endings normalised to `\n` and stray control characters removed.
    pub text: String,
    /// Name of the encoding the bytes were read as.
    pub encoding: &'static str,
    /// Whether the encoding was guessed rather than declared or plain UTF-8.
    pub guessed: bool,
}

impl Decoded {
    /// What the analyst should know about how the text was read.
    pub fn notes(&self) -> Vec<String> {
        if self.guessed {
            vec![format!("The file is not UTF-8; it was read as {}, the most likely encoding.", self.encoding)]
        } else {
            Vec::new()
        }
    }
}

/// Decodes `bytes` as text, or refuses them as binary.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    let (encoding, guessed) = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        (encoding, false)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        (encoding, true)
    } else {
        if let Some(kind) = known_binary(bytes) {
            return Err(Refusal::Binary(format!("it looks like {kind}")));
        }
        if bytes.contains(&0) {
            return Err(Refusal::Binary("it contains NUL bytes".to_owned()));
        }
        if std::str::from_utf8(bytes).is_ok() {
            (UTF_8, false)
        } else {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, chardetng::Utf8Detection::Deny), true)
        }
    };
    let (text, _, _) = encoding.decode(bytes);
    if looks_binary(&text) {
        return Err(Refusal::Binary("most of it is control characters".to_owned()));
    }
    let text = normalise(&text);
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(Decoded { text, encoding: encoding.name(), guessed })
}

/// UTF-16 text without a byte-order mark shows as ASCII with a zero byte beside every
/// character.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_at = |offset: usize| bytes.iter().skip(offset).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    let mostly = |count: usize| count * 10 >= pairs * 9;
    if mostly(odd) && even == 0 {
        Some(UTF_16LE)
    } else if mostly(even) && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Names formats whose magic numbers mark them as not text.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (such as a Word or OpenDocument file)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "a program"),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// Text where more than one character in ten is a control character is not prose.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(64 * 1024).collect();
    let control = sample.iter().filter(|c| c.is_control() && !c.is_whitespace()).count();
    control * 10 > sample.len()
}

/// `\r\n` and `\r` become `\n`; a stray control character other than tab, newline and
/// form feed becomes U+FFFD, the replacement character: the reader sees where something
/// unreadable was (often a mangled apostrophe), and positions in the text stay those of
/// the file.
fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            // A form feed separates pages, as in text read from a PDF.
            '\n' | '\t' | '\u{c}' => out.push(c),
            c if c.is_control() => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_control_character_is_marked_in_place_not_dropped() {
        let decoded = decode_text("Treasury\u{12}s plan".as_bytes()).expect("text");
        assert_eq!(decoded.text, "Treasury\u{fffd}s plan");
        assert_eq!(decoded.text.chars().count(), "Treasury\u{12}s plan".chars().count());
    }

    #[test]
    fn utf8_is_read_as_is_with_windows_line_endings_normalised() {
        let decoded = decode_text("Zürich\r\nBern\rGenf".as_bytes()).expect("text");
        assert_eq!(decoded.text, "Zürich\nBern\nGenf");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(!decoded.guessed);
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"The minister\x92s \x93final\x94 offer was \x80 40 million, said the caf\xe9 owner.";
        let decoded = decode_text(bytes).expect("text");
        assert_eq!(
            decoded.text,
            "The minister\u{2019}s \u{201c}final\u{201d} offer was \u{20ac} 40 million, said the café owner."
        );
        assert!(decoded.guessed);
        assert_eq!(decoded.notes().len(), 1);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Größe und Gewicht";
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&with_bom).expect("text").text, text);
        let big_endian: Vec<u8> = "plain ascii words".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let decoded = decode_text(&big_endian).expect("text");
        assert_eq!(decoded.text, "plain ascii words");
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn binary_files_are_refused_with_a_reason() {
        assert_eq!(decode_text(b"%PDF-1.7\n..."), Err(Refusal::Binary("it looks like a PDF document".to_owned())));
        assert!(matches!(decode_text(&[1, 2, 0, 5, 6, 0, 0, 9, 3]), Err(Refusal::Binary(_))));
        let noise: Vec<u8> = (0..4096u32).map(|i| u8::try_from(i % 27 + 1).unwrap_or(1)).collect();
        assert!(matches!(decode_text(&noise), Err(Refusal::Binary(_))));
        assert_eq!(decode_text(b""), Err(Refusal::Empty));
        assert_eq!(decode_text(b" \n\t "), Err(Refusal::Empty));
    }
}
