//! A DOM as the reader sees it: a list of text blocks (paragraphs, headings, list items,
//! table rows), each knowing how much of its text is link text.
//!
//! The walk is iterative, so a page nested ten thousand levels deep cannot overflow the
//! stack, and it skips what a browser would not show (scripts, styles, `hidden`).

use dom_query::NodeRef;

/// One paragraph-like run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// Characters of `text` that sit inside links; navigation and "related" lists are
    /// mostly link text, prose is not.
    pub link_chars: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Preformatted,
}

impl Block {
    /// Share of the block's characters that are link text, from 0 to 1.
    pub fn link_density(&self) -> f64 {
        let total = self.text.chars().filter(|c| !c.is_whitespace()).count();
        if total == 0 { 0.0 } else { self.link_chars as f64 / total as f64 }
    }
}

/// Elements whose content is never shown as text.
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "canvas", "iframe", "object", "embed",
    "select", "option", "button", "input", "textarea", "audio", "video", "picture", "source", "map",
];

/// Elements that start a block of their own.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
    "center",
    "body",
    "html",
];

/// Whether an element is hidden by markup alone (CSS files are not consulted).
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|value| value.eq_ignore_ascii_case("true")) {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Collects blocks while walking.
struct Collector {
    blocks: Vec<Block>,
    text: String,
    link_chars: usize,
    kind: BlockKind,
    /// Whether a space is owed before the next word (collapsed whitespace).
    space: bool,
}

impl Collector {
    fn flush(&mut self) {
        let text = self.text.trim();
        if !text.is_empty() {
            self.blocks.push(Block { text: text.to_owned(), kind: self.kind, link_chars: self.link_chars });
        }
        self.text.clear();
        self.link_chars = 0;
        self.kind = BlockKind::Paragraph;
        self.space = false;
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        self.kind = kind;
        if kind == BlockKind::ListItem {
            self.text.push_str("• ");
        }
    }

    fn push_text(&mut self, raw: &str, in_link: bool, preformatted: bool) {
        if preformatted {
            self.text.push_str(raw);
            if in_link {
                self.link_chars += raw.chars().filter(|c| !c.is_whitespace()).count();
            }
            return;
        }
        for word in raw.split_whitespace() {
            if self.space || (raw.starts_with(char::is_whitespace) && self.text.ends_with(|c: char| !c.is_whitespace()))
            {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.space = true;
            if in_link {
                self.link_chars += word.chars().count();
            }
        }
        // Words split across inline tags ("<b>Ber</b>lin") must stay joined, so a space is
        // owed only when the text itself ended with whitespace.
        self.space = raw.ends_with(char::is_whitespace) && !self.text.is_empty();
    }

    fn push_separator(&mut self, separator: &str) {
        if !self.text.trim().is_empty() {
            self.text.push_str(separator);
            self.space = false;
        }
    }
}

/// A step of the walk: enter a node, or leave an element entered earlier.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { name: String },
}

/// The visible text blocks under `root`, in document order.
pub fn blocks(root: &NodeRef) -> Vec<Block> {
    let mut out =
        Collector { blocks: Vec::new(), text: String::new(), link_chars: 0, kind: BlockKind::Paragraph, space: false };
    let mut stack = vec![Step::Enter(*root)];
    let (mut links, mut pre) = (0usize, 0usize);
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    out.push_text(&node.text(), links > 0, pre > 0);
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node.node_name().map(|name| name.to_ascii_lowercase()).unwrap_or_default();
                if INVISIBLE.contains(&name.as_str()) || (node.is_element() && is_hidden(&node)) {
                    continue;
                }
                enter(&mut out, &name, &mut links, &mut pre);
                stack.push(Step::Leave { name });
                let children: Vec<_> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
            Step::Leave { name } => leave(&mut out, &name, &mut links, &mut pre),
        }
    }
    out.flush();
    out.blocks
}

fn enter(out: &mut Collector, name: &str, links: &mut usize, pre: &mut usize) {
    match name {
        "a" => *links += 1,
        "br" => {
            out.text.push('\n');
            out.space = false;
        }
        "td" | "th" => out.push_separator(" | "),
        "img" => {}
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.start(BlockKind::Heading),
        "li" | "dt" | "dd" => out.start(BlockKind::ListItem),
        "pre" => {
            *pre += 1;
            out.start(BlockKind::Preformatted);
        }
        _ if BLOCK_LEVEL.contains(&name) => out.start(BlockKind::Paragraph),
        _ => {}
    }
}

fn leave(out: &mut Collector, name: &str, links: &mut usize, pre: &mut usize) {
    match name {
        "a" => *links = links.saturating_sub(1),
        "pre" => {
            *pre = pre.saturating_sub(1);
            out.flush();
        }
        _ if BLOCK_LEVEL.contains(&name) => out.flush(),
        _ => {}
    }
}

/// Blocks as text: one per paragraph, separated by blank lines.
pub fn render(blocks: &[Block]) -> String {
    blocks.iter().map(|block| block.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let document = Document::from(html);
        blocks(&document.root()).into_iter().map(|block| block.text).collect()
    }

    #[test]
    fn paragraphs_headings_and_lists_become_blocks() {
        let html =
            "<h1>Title</h1><p>One <b>bold</b> word,\n  split <i>Ber</i>lin.</p><ul><li>first</li><li>second</li></ul>";
        assert_eq!(texts(html), ["Title", "One bold word, split Berlin.", "• first", "• second"]);
    }

    #[test]
    fn invisible_content_is_skipped() {
        let html = "<p>Shown</p><script>var x = 1;</script><p hidden>gone</p><div style=\"display: none\">gone</div>\
                    <span aria-hidden=\"true\">gone</span><style>p{}</style>";
        assert_eq!(texts(html), ["Shown"]);
    }

    #[test]
    fn link_density_measures_link_text() {
        let document = Document::from("<p><a href=x>Read more</a></p><p>Plain words and <a href=y>one</a></p>");
        let found = blocks(&document.root());
        assert!((found[0].link_density() - 1.0).abs() < 1e-9);
        assert!(found[1].link_density() < 0.3);
    }

    #[test]
    fn table_cells_are_separated() {
        assert_eq!(texts("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"), ["a | b", "c"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!("{}deep{}", "<div><span>".repeat(20_000), "</span></div>".repeat(20_000));
        assert_eq!(texts(&html), ["deep"]);
    }
}
