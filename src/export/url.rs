//! Which URLs a report may link to.
//!
//! Source URLs are typed or pasted by analysts and imported from documents, so a report
//! treats them as untrusted: only `http` and `https` URLs become links (or `url` fields in
//! JSON-LD); anything else, such as `javascript:` or `data:`, is shown as inert text.
//! Characters that could end a link early in HTML or Markdown are percent-encoded.
//! Whether a URL is one is decided by the `url` crate, as a browser would.

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `raw` as a URL safe to link to, or `None` when it is not an `http(s)` URL a browser
/// would open ([`crate::model::web_url`]).
///
/// The URL is written in the parser's serialisation (punycode host, percent-encoded
/// spaces and quotes), with the characters that end a Markdown link or an HTML attribute
/// value early also encoded.
pub(crate) fn web_link(raw: &str) -> Option<String> {
    let url = crate::model::web_url(raw).ok()?;
    let mut safe = String::with_capacity(url.as_str().len());
    for c in url.as_str().chars() {
        match c {
            ' ' | '"' | '\'' | '<' | '>' | '\\' | '`' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' => {
                for byte in c.to_string().bytes() {
                    safe.push('%');
                    safe.push(char::from(HEX[usize::from(byte >> 4)]));
                    safe.push(char::from(HEX[usize::from(byte & 0xF)]));
                }
            }
            _ => safe.push(c),
        }
    }
    Some(safe)
}

/// `url` with a `#fragment` naming one thing in the report, when `url` is a web link.
pub(crate) fn with_fragment(url: &str, fragment: &str) -> Option<String> {
    let base = web_link(url)?;
    let base = base.split('#').next().unwrap_or(&base);
    Some(format!("{base}#{fragment}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(web_link(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1".to_owned()));
        assert_eq!(web_link("HTTP://example.org"), Some("http://example.org/".to_owned()));
        // Issue 14: a space in the host was linked.
        assert_eq!(web_link("http://exa mple.org/"), None);
        assert_eq!(web_link("https://example.org:99999/"), None);
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("javascript://%0aalert(1)"), None);
        assert_eq!(web_link("data:text/html,<script>"), None);
        assert_eq!(web_link("https://"), None);
        assert_eq!(web_link("https://example.org/\nx"), None);
        assert_eq!(web_link("example.org"), None);
    }

    #[test]
    fn characters_that_end_a_link_are_encoded() {
        assert_eq!(
            web_link("https://example.org/\"><img src=x>(a)").as_deref(),
            Some("https://example.org/%22%3E%3Cimg%20src=x%3E%28a%29")
        );
        assert_eq!(
            with_fragment("https://example.org/check#old", "claim-C1").as_deref(),
            Some("https://example.org/check#claim-C1")
        );
    }
}
