//! An HTML buffer where project text can only go in escaped.
//!
//! Markup is accepted only as `&'static str`, i.e. as literals written in this crate; every
//! string that comes from a project passes through [`Html::text`] or [`Html::attr`]. That
//! makes "no project text reaches the page unescaped" a property the compiler checks,
//! which is the reason for this small writer rather than a template engine.

use super::super::url;

pub(crate) struct Html {
    out: String,
}

impl Html {
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Self { out: String::with_capacity(bytes) }
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    /// Markup written in this crate.
    pub(crate) fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Text content, escaped. Text holding bidirectional controls is isolated in `<bdi>`:
    /// an unclosed right-to-left override (U+202E) at the end of a title would otherwise
    /// reverse the outlet, date and place printed after it.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        if text.chars().any(is_bidi_control) {
            self.out.push_str("<bdi>");
            escape_into(&mut self.out, text);
            self.out.push_str("</bdi>");
        } else {
            escape_into(&mut self.out, text);
        }
        self
    }

    /// Text where no element may go (the page's `<title>`): escaped, with bidirectional
    /// controls left out since nothing there could isolate them.
    pub(crate) fn bare_text(&mut self, text: &str) -> &mut Self {
        let kept: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
        escape_into(&mut self.out, &kept);
        self
    }

    /// A number as text.
    pub(crate) fn number(&mut self, value: impl std::fmt::Display) -> &mut Self {
        self.text(&value.to_string())
    }

    /// An attribute with a quoted, escaped value: ` name="value"`.
    pub(crate) fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        let kept: String = value.chars().filter(|&c| !is_bidi_control(c)).collect();
        escape_into(&mut self.out, &kept);
        self.out.push('"');
        self
    }

    /// `text` as a link to `href` when it is an `http(s)` URL, as plain text otherwise.
    pub(crate) fn web_link(&mut self, href: &str, text: &str) -> &mut Self {
        match url::web_link(href) {
            Some(safe) => {
                self.raw("<a").attr("href", &safe).attr("rel", "noopener noreferrer").raw(">");
                self.text(text).raw("</a>")
            }
            None => self.text(text),
        }
    }

    /// A link to something inside the report, e.g. `#source-S1`.
    pub(crate) fn local_link(&mut self, fragment: &str, text: &str) -> &mut Self {
        self.raw("<a").attr("href", &format!("#{fragment}")).raw(">").text(text).raw("</a>")
    }

    /// `text` as paragraphs `<p>…</p>`, one per blank-line-separated block.
    pub(crate) fn paragraphs(&mut self, text: &str) -> &mut Self {
        for paragraph in super::super::text::paragraphs(text) {
            self.raw("<p>").text(&paragraph).raw("</p>");
        }
        self
    }
}

/// Characters that open or close a bidirectional embedding, override or isolate.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab and line breaks have no business in a report and
            // some (NUL, form feed) confuse parsers or printers.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut html = Html::with_capacity(64);
        html.raw("<p").attr("title", "\"><script>").raw(">").text("<b>&'x'</b>").raw("</p>");
        let out = String::from_utf8(html.finish()).expect("utf-8");
        assert_eq!(out, "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&#39;x&#39;&lt;/b&gt;</p>");
    }

    #[test]
    fn only_web_urls_are_linked() {
        let mut html = Html::with_capacity(64);
        html.web_link("javascript:alert(1)", "click").raw("|").web_link("https://example.org/a\"b", "ok");
        let out = String::from_utf8(html.finish()).expect("utf-8");
        assert_eq!(out, "click|<a href=\"https://example.org/a%22b\" rel=\"noopener noreferrer\">ok</a>");
    }

    #[test]
    fn a_right_to_left_override_cannot_reverse_what_follows() {
        let mut html = Html::with_capacity(64);
        html.raw("<title>").bare_text("Report \u{202E}txet").raw("</title><p>").text("Title \u{202E}txet");
        html.raw(" · Outlet</p>");
        let out = String::from_utf8(html.finish()).expect("utf-8");
        assert_eq!(out, "<title>Report txet</title><p><bdi>Title \u{202E}txet</bdi> · Outlet</p>");
    }
}
