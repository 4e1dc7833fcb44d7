//! What a file's first bytes say it is, whatever its name says.
//!
//! Names lie (a PDF saved as `.docx`, a web page saved as `.pdf`); the importer for the name
//! runs only when the bytes are of the kind that importer reads.

/// The outer kind of a file, as far as choosing an importer goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Text of some encoding (plain text, Markdown, HTML).
    Text,
    Pdf,
    /// A ZIP archive: Word and ODF files.
    Zip,
    Gzip,
    /// Some other binary format named by its magic number.
    Other(&'static str),
}

impl Container {
    /// The kind as the analyst would name it, for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Text => "a text file",
            Self::Pdf => "a PDF document",
            Self::Zip => "a ZIP archive (such as a Word or OpenDocument file)",
            Self::Gzip => "a gzip-compressed file",
            Self::Other(kind) => kind,
        }
    }
}

/// The container `bytes` are, when their magic number says; `None` for text and unknowns,
/// which the importers judge for themselves.
pub fn container(bytes: &[u8]) -> Option<Container> {
    const MAGIC: &[(&[u8], Container)] = &[
        (b"PK\x03\x04", Container::Zip),
        // An empty archive, or one written in streaming mode, still says PK.
        (b"PK\x05\x06", Container::Zip),
        (b"\x1F\x8B", Container::Gzip),
        (b"\x89PNG", Container::Other("a PNG image")),
        (b"\xFF\xD8\xFF", Container::Other("a JPEG image")),
        (b"GIF8", Container::Other("a GIF image")),
        (b"II*\0", Container::Other("a TIFF image")),
        (b"MM\0*", Container::Other("a TIFF image")),
        (b"\x7FELF", Container::Other("a program")),
        (b"\xD0\xCF\x11\xE0", Container::Other("an old Microsoft Office document (.doc); save it as .docx")),
        (b"{\\rtf", Container::Other("an RTF document; save it as .docx")),
    ];
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some(Container::Other("a WebP image"));
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(*kind);
    }
    // PDF readers accept the header anywhere in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|window| window == b"%PDF-") {
        return Some(Container::Pdf);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_are_recognised() {
        assert_eq!(container(b"%PDF-1.7\n"), Some(Container::Pdf));
        assert_eq!(container(b"\r\n%PDF-1.4"), Some(Container::Pdf));
        assert_eq!(container(b"PK\x03\x04rest"), Some(Container::Zip));
        assert_eq!(container(b"\x1F\x8B\x08"), Some(Container::Gzip));
        assert_eq!(container(b"<html>"), None);
        assert_eq!(container(b""), None);
    }
}
