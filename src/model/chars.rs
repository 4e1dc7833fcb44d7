//! Character positions in source text.
//!
//! Anchors count characters (Unicode scalar values), as the W3C Web Annotation model and
//! every text widget do, while Rust strings are indexed by bytes. [`CharIndex`] converts
//! between the two in near-constant time so that long documents with thousands of anchors
//! stay cheap to check and to draw.

/// How many characters lie between two remembered byte offsets.
const STRIDE: usize = 64;

/// Maps character offsets of one text to byte offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every `STRIDE`-th character.
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (chars_seen, (byte, _)) in text.char_indices().enumerate() {
            if chars_seen % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = chars_seen + 1;
        }
        Self { checkpoints, char_len }
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of character `char_offset`; the text's length for the end position.
    /// `None` when the offset lies past the end.
    pub fn byte_offset(&self, text: &str, char_offset: usize) -> Option<usize> {
        if char_offset > self.char_len {
            return None;
        }
        if char_offset == self.char_len {
            return Some(text.len());
        }
        let checkpoint = self.checkpoints[char_offset / STRIDE];
        let rest = char_offset % STRIDE;
        text[checkpoint..].char_indices().nth(rest).map(|(byte, _)| checkpoint + byte)
    }

    /// Character offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, text: &str, byte_offset: usize) -> usize {
        let slot = self.checkpoints.partition_point(|&byte| byte <= byte_offset).saturating_sub(1);
        let base = self.checkpoints.get(slot).copied().unwrap_or(0);
        slot * STRIDE + text.get(base..byte_offset).map_or(0, |between| between.chars().count())
    }

    /// The text between two character offsets, or `None` if the range does not fit.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let from = self.byte_offset(text, start)?;
        let to = self.byte_offset(text, end)?;
        text.get(from..to)
    }
}

/// Number of characters in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_between_characters_and_bytes_in_mixed_scripts() {
        let text = "Zürich — 北京 ".repeat(50);
        let index = CharIndex::new(&text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_offset(&text, chars), Some(bytes));
            assert_eq!(index.char_offset(&text, bytes), chars);
        }
        assert_eq!(index.byte_offset(&text, index.char_len()), Some(text.len()));
        assert_eq!(index.byte_offset(&text, index.char_len() + 1), None);
    }

    #[test]
    fn slices_by_characters() {
        let text = "Straße in Zürich";
        let index = CharIndex::new(text);
        assert_eq!(index.slice(text, 10, 16), Some("Zürich"));
        assert_eq!(index.slice(text, 5, 3), None);
        assert_eq!(index.slice(text, 0, 40), None);
    }

    #[test]
    fn empty_text_has_one_position() {
        let index = CharIndex::new("");
        assert_eq!(index.char_len(), 0);
        assert_eq!(index.slice("", 0, 0), Some(""));
    }
}
