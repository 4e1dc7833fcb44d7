//! Pages built to hurt a parser, spotted before any parser sees them.
//!
//! An HTML5 tree builder checks "is there a `p` in button scope?" and the like on every start
//! tag by walking its stack of open elements, so its cost is the sum, over every tag, of how
//! deep the tag sits: 100,000 `<div/>` (which HTML opens and never closes: `/>` means nothing
//! on a `div`) took 84 s, and 100,000 `<div></br>` (`</br>` is read as `<br>`) 466 s, in
//! `dom_query`'s parse and again, slower, in `dom_smoothie`'s and `rs-trafilatura`'s. A byte
//! scan here estimates that sum with a rough tree builder of its own, linear in the page; a
//! page over budget is read by [`strip_tags`], also linear, instead of being parsed.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Elements that never take a closing tag, so they do not deepen the nesting.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose content is text up to their own closing tag: a `<` inside is not a tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Elements whose start tag closes an open `p`, as the tree builder does.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// What a page's tags look like to a tree builder, roughly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// How deeply elements nest at most.
    pub depth: usize,
    /// The sum over start tags of the depth each opens at: the tree builder's scope checks
    /// cost about this much.
    pub work: usize,
    /// Start tags seen.
    pub tags: usize,
}

/// The open elements of the rough tree builder: a stack, and how many of each name it
/// holds, so that a closing tag with no open element of its name costs nothing and one that
/// closes several pops each element once.
#[derive(Default)]
struct OpenElements {
    stack: Vec<String>,
    counts: HashMap<String, usize>,
    /// Elements on the stack inside `svg` or `math`, where `/>` does close an element.
    foreign: usize,
}

impl OpenElements {
    fn push(&mut self, name: &str) {
        if self.foreign > 0 || name == "svg" || name == "math" {
            self.foreign += 1;
        }
        *self.counts.entry(name.to_owned()).or_default() += 1;
        self.stack.push(name.to_owned());
    }

    fn is_open(&self, name: &str) -> bool {
        self.counts.get(name).is_some_and(|&count| count > 0)
    }

    /// Pops elements up to and including the innermost `name`, if one is open.
    fn close(&mut self, name: &str) {
        if !self.is_open(name) {
            return;
        }
        while let Some(top) = self.stack.pop() {
            self.foreign = self.foreign.saturating_sub(1);
            if let Some(count) = self.counts.get_mut(&top) {
                *count -= 1;
            }
            if top == name {
                break;
            }
        }
    }
}

/// A tag at `at` (just after its `<`): its lower-cased name, whether it closes, and where
/// it ends (just after its `>`, or the end of the page).
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    end: usize,
}

/// Finds `>` at or after `from`; `cache` remembers the last one found, so a page full of `<`
/// without `>` is still scanned once.
fn next_gt(bytes: &[u8], from: usize, cache: &mut Option<usize>) -> usize {
    match *cache {
        Some(found) if found >= from => found,
        _ => {
            let found = memchr::memchr(b'>', &bytes[from.min(bytes.len())..]).map_or(bytes.len(), |p| from + p);
            *cache = Some(found);
            found
        }
    }
}

fn read_tag(bytes: &[u8], at: usize, gt_cache: &mut Option<usize>) -> Option<Tag> {
    let closing = bytes.get(at) == Some(&b'/');
    let name_start = if closing { at + 1 } else { at };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = bytes[name_start..].iter().take(16).take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
    let name = String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase();
    let gt = next_gt(bytes, name_start, gt_cache);
    let self_closing = gt > 0 && gt < bytes.len() && bytes[gt - 1] == b'/';
    Some(Tag { name, closing, self_closing, end: (gt + 1).min(bytes.len()) })
}

/// Where the raw text of a `name` element opened before `from` ends: at its closing tag,
/// found without regard to case, or at the end of the page.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(offset) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + offset + 2;
        let candidate = &bytes[start..(start + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return at + offset;
        }
        at = start;
    }
    bytes.len()
}

/// Estimates how a tree builder would see `html`, in one pass, stopping early once its
/// work passes `enough` (the caller's budget: the page is refused either way).
pub fn shape(html: &str, enough: usize) -> Shape {
    let bytes = html.as_bytes();
    let mut open = OpenElements::default();
    let mut found = Shape::default();
    let mut gt_cache = None;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset + 1;
        at = start;
        if bytes[start..].starts_with(b"!--") {
            at = memchr::memmem::find(&bytes[start..], b"-->").map_or(bytes.len(), |p| start + p + 3);
            continue;
        }
        let Some(tag) = read_tag(bytes, start, &mut gt_cache) else { continue };
        at = tag.end;
        if tag.closing {
            // `</br>` is read as `<br>` and `</p>` with no open `p` as an empty one: neither deepens.
            open.close(&tag.name);
            continue;
        }
        found.tags += 1;
        found.work = found.work.saturating_add(open.stack.len());
        if found.work > enough {
            break;
        }
        if CLOSES_P.contains(&tag.name.as_str()) {
            open.close("p");
        }
        match tag.name.as_str() {
            "li" | "dt" | "dd" | "option" | "tr" => open.close(&tag.name),
            "td" | "th" => {
                open.close("td");
                open.close("th");
            }
            _ => {}
        }
        let closes_itself = VOID.contains(&tag.name.as_str()) || (tag.self_closing && open.foreign > 0);
        if !closes_itself {
            open.push(&tag.name);
            found.depth = found.depth.max(open.stack.len());
        }
        if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
            at = raw_text_end(bytes, at, &tag.name);
        }
    }
    found
}

/// Tags after which the text starts a new line.
const LINE_BREAKING: &[&str] =
    &["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"];

/// The text of `html` with tags removed, script and style contents dropped, and block-like
/// tags turned into line breaks. Linear in the page; stops with `None` when `cancel` is set.
pub fn strip_tags(html: &str, cancel: &AtomicBool) -> Option<String> {
    const CHECK_EVERY: usize = 1 << 16;
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut gt_cache = None;
    let mut at = 0;
    let mut checked_at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        if at - checked_at >= CHECK_EVERY {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            checked_at = at;
        }
        let open = at + offset;
        push_words(&mut out, &html[at..open]);
        let start = open + 1;
        if bytes[start..].starts_with(b"!--") {
            at = memchr::memmem::find(&bytes[start..], b"-->").map_or(bytes.len(), |p| start + p + 3);
            continue;
        }
        let Some(tag) = read_tag(bytes, start, &mut gt_cache) else {
            // A `<` that starts no tag is text.
            push_words(&mut out, "<");
            at = start;
            continue;
        };
        at = tag.end;
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style" | "title" | "textarea") {
            at = raw_text_end(bytes, at, &tag.name);
        }
        if LINE_BREAKING.contains(&tag.name.as_str()) && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    push_words(&mut out, &html[at.min(html.len())..]);
    Some(out.trim().to_owned())
}

fn push_words(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_estimated_from_tags() {
        assert_eq!(shape("<p>a<br>b<img src=x/><b>c</b></p>", usize::MAX).depth, 2);
        let deep = format!("{}x{}", "<div>".repeat(3000), "</div>".repeat(3000));
        assert_eq!(shape(&deep, usize::MAX).depth, 3000);
    }

    #[test]
    fn self_closing_divs_and_closing_brs_nest_as_a_browser_nests_them() {
        // `<div/>` opens a div; `</br>` is a line break, not the end of anything.
        assert_eq!(shape(&"<div/>".repeat(1000), usize::MAX).depth, 1000);
        assert_eq!(shape(&"<div></br>".repeat(1000), usize::MAX).depth, 1000);
        // Inside SVG, `/>` does close the element.
        let icons = format!("<svg>{}</svg>", "<path d='M0'/>".repeat(1000));
        assert_eq!(shape(&icons, usize::MAX).depth, 1);
    }

    #[test]
    fn implied_end_tags_keep_flat_pages_flat() {
        let unclosed = "<p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>".repeat(500);
        assert!(shape(&unclosed, usize::MAX).depth <= 5, "{:?}", shape(&unclosed, usize::MAX));
    }

    #[test]
    fn scripts_and_comments_hide_their_tags() {
        let page = format!("<script>{}</SCRIPT><!-- {} -->", "<div>".repeat(100), "<div>".repeat(100));
        assert_eq!(shape(&page, usize::MAX).depth, 1);
    }

    #[test]
    fn tags_are_stripped_and_scripts_dropped() {
        let never = AtomicBool::new(false);
        let html = "<div>One <b>two</b></div><script>var a = '<p>';</script><p>Three</p> 1 < 2";
        assert_eq!(strip_tags(html, &never).as_deref(), Some("One two\nThree\n1 < 2"));
    }

    #[test]
    fn stripping_stops_when_cancelled() {
        let cancelled = AtomicBool::new(true);
        assert_eq!(strip_tags(&"<p>word</p>".repeat(100_000), &cancelled), None);
    }
}
