//! Text from files, made safe to print to a terminal.
//!
//! Titles, file names, passages and error messages all come from files someone else may
//! have written. Printed raw, an escape sequence in them clears the screen, sets the
//! window title or hides the lines before it; a carriage return or a right-to-left
//! override makes a line read as something else. The command line prints such text only
//! through these functions, which show every control character as a Rust escape
//! (`\u{1b}`), so the reader sees that it is there and what it is.

use std::borrow::Cow;
use std::fmt::Write;

/// One line of text: every control character escaped, line breaks included, so a title
/// or a file name cannot start a line of its own ("No problems found.").
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// A block of text: line breaks and tabs kept, every other control character escaped.
pub fn block(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !keep(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            // Writing to a String cannot fail.
            write!(escaped, "\\u{{{:x}}}", u32::from(c)).ok();
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// C0 and C1 controls and DEL (escape sequences, carriage return, backspace), and the
/// bidirectional overrides and isolates that reorder what a line shows.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(line("\u{1b}[2J\u{1b}]0;owned\u{7}Title"), "\\u{1b}[2J\\u{1b}]0;owned\\u{7}Title");
        assert_eq!(line("a\nNo problems found.\r"), "a\\u{a}No problems found.\\u{d}");
        assert_eq!(line("\u{9b}31m"), "\\u{9b}31m", "the one-byte CSI of C1");
        assert_eq!(line("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(block("two\nlines\tand\u{1b}c"), "two\nlines\tand\\u{1b}c");
        assert!(matches!(line("Sella Harbour Accord — «ok»"), Cow::Borrowed(_)), "ordinary text is not copied");
    }
}
