//! Shaping the project's free text for reports, whatever the format.
//!
//! Quotes and context come from extracted documents and keep their line breaks; in a
//! report they read better as running text. Explanations and notes are the analyst's own
//! and keep their paragraphs.

/// `text` with every run of whitespace (line breaks included) made one space.
pub(crate) fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The paragraphs of `text` (separated by blank lines), each squashed to one line.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                found.push(squash(&current));
                current.clear();
            }
        } else {
            current.push_str(line);
            current.push(' ');
        }
    }
    if !current.trim().is_empty() {
        found.push(squash(&current));
    }
    found
}

/// Whether `text` has anything but whitespace.
pub(crate) fn present(text: &str) -> bool {
    !text.trim().is_empty()
}

/// `text` when it is an ISO 8601 date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), the form
/// JSON-LD dates must take; analysts may type dates any way they like elsewhere.
pub(crate) fn iso_date(text: &str) -> Option<&str> {
    let date = text.trim();
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let mut parts = date.split('-');
    let year_ok = parts.next().is_some_and(|year| digits(year, 4));
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest.len() <= 2 && rest.iter().all(|part| digits(part, 2));
    (year_ok && rest_ok).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashes_whitespace_and_keeps_paragraphs() {
        assert_eq!(squash("  a\n\n b\tc  "), "a b c");
        assert_eq!(paragraphs("one\ntwo\n\n\nthree\n"), vec!["one two".to_owned(), "three".to_owned()]);
        assert!(paragraphs(" \n ").is_empty());
    }

    #[test]
    fn recognises_iso_dates() {
        assert_eq!(iso_date(" 2024-05-14 "), Some("2024-05-14"));
        assert_eq!(iso_date("2024-05"), Some("2024-05"));
        assert_eq!(iso_date("2024"), Some("2024"));
        assert_eq!(iso_date("May 14, 2024"), None);
        assert_eq!(iso_date("2024-5-14"), None);
        assert_eq!(iso_date(""), None);
    }
}
