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

/// `text` when it is an ISO 8601 date that the calendar has, the form JSON-LD dates must
/// take; analysts may type dates any way they like elsewhere, and `2024-02-30` is refused
/// rather than published. The check is the model's, so the app marks the same dates.
pub(crate) fn iso_date(text: &str) -> Option<&str> {
    crate::model::iso_date(text)
}

/// A full ISO date as the start of that day in UTC (`2024-06-01T00:00:00Z`): the
/// `xsd:dateTime` that Web Annotation's `created` requires.
pub(crate) fn iso_date_time(text: &str) -> Option<String> {
    iso_date(text).filter(|date| date.len() == 10).map(|date| format!("{date}T00:00:00Z"))
}

/// JSON made safe to paste into an HTML `<script>` element: `<`, `>` and `&` occur in
/// JSON only inside strings, where their `\u` escapes mean the same, so `</script>` in a
/// claim can no longer end the element.
pub(crate) fn script_safe_json(json: Vec<u8>) -> Vec<u8> {
    let mut safe = Vec::with_capacity(json.len());
    for byte in json {
        match byte {
            b'<' => safe.extend_from_slice(br"\u003c"),
            b'>' => safe.extend_from_slice(br"\u003e"),
            b'&' => safe.extend_from_slice(br"\u0026"),
            other => safe.push(other),
        }
    }
    safe
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
    fn dates_the_calendar_lacks_are_not_dates() {
        assert_eq!(iso_date("2024-02-30"), None);
        assert_eq!(iso_date("2024-13-45"), None);
        assert_eq!(iso_date("2024-13"), None);
        assert_eq!(iso_date("2024-02-29"), Some("2024-02-29"));
        assert_eq!(iso_date_time("2024-06-01").as_deref(), Some("2024-06-01T00:00:00Z"));
        assert_eq!(iso_date_time("2024-06"), None);
    }

    #[test]
    fn json_for_a_script_element_cannot_close_it() {
        let json = serde_json::to_vec(&serde_json::json!({"claim": "</script><b>&"})).expect("json");
        let safe = String::from_utf8(script_safe_json(json)).expect("utf-8");
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["claim"], "</script><b>&");
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
