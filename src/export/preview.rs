//! A report's rendered bytes read back as blocks of styled text, for the export dialog's
//! preview.
//!
//! The preview shows what the saved file says, not a second rendering of the project: the
//! HTML report is parsed with the same HTML5 parser the importer uses (`dom_query`), and
//! the Markdown report with the `CommonMark` parser the importer uses (`pulldown-cmark`),
//! into headings, paragraphs, list items and quotes with bold, italic, links and verdict
//! colours. A writer bug that drops a paragraph or breaks a list therefore shows in the
//! preview too. Data formats (CSV, JSON-LD) are shown as the text they are.
//!
//! Plain Rust: the app draws the blocks with egui; tests read them without a window.

use dom_query::{Document, NodeRef};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::Format;
use crate::model::Tone;

/// Bytes of a report read for the preview; the saved file is always complete.
pub const PREVIEW_BYTES: usize = 400_000;

/// What the preview shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preview {
    /// A report laid out as a document.
    Document { blocks: Vec<Block>, cut: bool },
    /// A data format, shown as its text.
    Text { text: String, cut: bool },
}

/// One block of a laid-out report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// `1` for the report's title.
    Heading(u8),
    Paragraph,
    /// A quoted passage.
    Quote,
    /// A list item; `depth` 0 is the outermost list; `marker` is "•" or "3.".
    Item {
        depth: usize,
        marker: String,
    },
    /// A thematic break.
    Rule,
    Code,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent text attributes, as in a rich-text format: any combination is valid"
)]
pub struct Style {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// Highlighted, as the disputed words of a conflict passage.
    pub mark: bool,
    /// Where a link goes (shown, not followed).
    pub link: Option<String>,
    /// The verdict colour of a chip or verdict box.
    pub tone: Option<Tone>,
}

impl Block {
    /// The block's text without styles, as a screen reader reads it.
    pub fn text(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }
}

/// The preview of a report in `format` whose bytes are `report`.
pub fn preview(format: Format, report: &[u8]) -> Preview {
    let cut = report.len() > PREVIEW_BYTES;
    let text = String::from_utf8_lossy(&report[..report.len().min(PREVIEW_BYTES)]);
    // A cut may split a character; drop the replacement character it leaves.
    let text = if cut { text.trim_end_matches('\u{fffd}').to_owned() } else { text.into_owned() };
    match format {
        Format::Html => Preview::Document { blocks: html_blocks(&text), cut },
        Format::Markdown => Preview::Document { blocks: markdown_blocks(&text), cut },
        Format::Csv | Format::ClaimReview | Format::Annotations => Preview::Text { text, cut },
    }
}

/// Collects spans into blocks as a walk enters and leaves elements.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    kind: Option<BlockKind>,
    spans: Vec<Span>,
    style: Style,
    /// Whether a space is owed before the next text (collapsed HTML whitespace).
    space: bool,
    /// The style where that whitespace was: a space between a link and a chip is plain,
    /// one between the parts of a verdict box keeps the box's colour.
    space_style: Style,
}

impl Builder {
    fn start(&mut self, kind: BlockKind) {
        self.flush();
        self.kind = Some(kind);
    }

    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        let kind = self.kind.take().unwrap_or(BlockKind::Paragraph);
        self.space = false;
        if kind == BlockKind::Rule || spans.iter().any(|span| !span.text.trim().is_empty()) {
            self.blocks.push(Block { kind, spans });
        }
    }

    /// Text as HTML shows it: runs of whitespace collapse to one space. A space owed
    /// between two elements takes the style of where the whitespace was, so neither a
    /// link's underline nor a verdict chip's colour takes the space after it.
    fn push_collapsed(&mut self, text: &str) {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.spans.is_empty() || !out.is_empty();
                self.space_style.clone_from(&self.style);
            } else {
                if self.space {
                    if out.is_empty() {
                        if self.spans.last().is_some_and(|last| !last.text.ends_with([' ', '\n'])) {
                            let style = std::mem::replace(&mut self.style, self.space_style.clone());
                            self.push_exact(" ");
                            self.style = style;
                        }
                    } else {
                        out.push(' ');
                    }
                }
                self.space = false;
                out.push(c);
            }
        }
        self.push_exact(&out);
    }

    fn push_exact(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.style == self.style => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_owned(), style: self.style.clone() }),
        }
    }
}

const SKIPPED: &[&str] = &["head", "style", "script", "template", "noscript"];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "table",
    "tr",
    "address",
];

fn tone_of(class: &str) -> Option<Tone> {
    class.split_whitespace().find_map(|name| match name {
        "tone-accurate" => Some(Tone::Accurate),
        "tone-mixed" => Some(Tone::Mixed),
        "tone-inaccurate" => Some(Tone::Inaccurate),
        "tone-neutral" => Some(Tone::Neutral),
        _ => None,
    })
}

/// A step of the walk: enter a node, or leave an element with the style it changed.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { name: String, style: Style, lists: usize },
}

fn html_blocks(html: &str) -> Vec<Block> {
    let document = Document::from(html);
    let mut out = Builder::default();
    // Ordered lists count their items; unordered ones push `None`.
    let mut lists: Vec<Option<usize>> = Vec::new();
    let mut stack = vec![Step::Enter(document.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    out.push_collapsed(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node.node_name().map(|name| name.to_ascii_lowercase()).unwrap_or_default();
                if SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                stack.push(Step::Leave { name: name.clone(), style: out.style.clone(), lists: lists.len() });
                enter_element(&mut out, &mut lists, &name, &node);
                let children: Vec<_> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
            Step::Leave { name, style, lists: depth } => {
                if is_block(&name) {
                    out.flush();
                }
                out.style = style;
                lists.truncate(depth);
            }
        }
    }
    out.flush();
    out.blocks
}

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
        || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "hr")
}

fn enter_element(out: &mut Builder, lists: &mut Vec<Option<usize>>, name: &str, node: &NodeRef<'_>) {
    if let Some(tone) = node.attr("class").and_then(|class| tone_of(&class)) {
        out.style.tone = Some(tone);
    }
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = name[1..].parse().unwrap_or(2);
            out.start(BlockKind::Heading(level));
        }
        "li" => {
            let depth = lists.len().saturating_sub(1);
            let marker = match lists.last_mut() {
                Some(Some(count)) => {
                    *count += 1;
                    format!("{count}.")
                }
                _ => "•".to_owned(),
            };
            out.start(BlockKind::Item { depth, marker });
        }
        "ol" => {
            out.flush();
            lists.push(Some(0));
        }
        "ul" => {
            out.flush();
            lists.push(None);
        }
        "blockquote" => out.start(BlockKind::Quote),
        "pre" => out.start(BlockKind::Code),
        "hr" => {
            out.start(BlockKind::Rule);
            out.flush();
        }
        "br" => out.push_exact("\n"),
        "strong" | "b" | "th" => out.style.strong = true,
        "em" | "i" | "cite" => out.style.emphasis = true,
        "code" | "kbd" | "samp" => out.style.code = true,
        "mark" => out.style.mark = true,
        "a" => out.style.link = Some(node.attr("href").map(|href| href.to_string()).unwrap_or_default()),
        "td" if out.spans.iter().any(|span| !span.text.is_empty()) => out.push_exact(" | "),
        // A block inside a list item or caption (a note in a figcaption) starts a new
        // paragraph at the item's depth.
        _ if BLOCKS.contains(&name) => out.start(BlockKind::Paragraph),
        _ => {}
    }
}

fn markdown_blocks(markdown: &str) -> Vec<Block> {
    let mut out = Builder::default();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut quotes = 0usize;
    let mut styles: Vec<Style> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => {
                styles.push(out.style.clone());
                match tag {
                    Tag::Heading { level, .. } => out.start(BlockKind::Heading(heading_level(level))),
                    Tag::Paragraph if out.kind.is_none() => {
                        out.start(if quotes > 0 { BlockKind::Quote } else { BlockKind::Paragraph });
                    }
                    Tag::Paragraph if !out.spans.is_empty() => out.push_exact("\n"),
                    Tag::BlockQuote(_) => {
                        out.flush();
                        quotes += 1;
                    }
                    Tag::CodeBlock(_) => out.start(BlockKind::Code),
                    Tag::List(first) => {
                        out.flush();
                        lists.push(first);
                    }
                    Tag::Item => {
                        let depth = lists.len().saturating_sub(1);
                        let marker = match lists.last_mut() {
                            Some(Some(number)) => {
                                let marker = format!("{number}.");
                                *number += 1;
                                marker
                            }
                            _ => "•".to_owned(),
                        };
                        out.start(BlockKind::Item { depth, marker });
                    }
                    Tag::Strong => out.style.strong = true,
                    Tag::Emphasis => out.style.emphasis = true,
                    Tag::Link { dest_url, .. } => out.style.link = Some(dest_url.to_string()),
                    _ => {}
                }
            }
            Event::End(end) => {
                match end {
                    // A paragraph inside a list item ends with the item.
                    TagEnd::Paragraph if matches!(out.kind, Some(BlockKind::Item { .. })) => {}
                    TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Paragraph | TagEnd::Item => out.flush(),
                    TagEnd::BlockQuote(_) => {
                        out.flush();
                        quotes = quotes.saturating_sub(1);
                    }
                    TagEnd::List(_) => {
                        out.flush();
                        lists.pop();
                    }
                    _ => {}
                }
                out.style = styles.pop().unwrap_or_default();
            }
            // The report writes no raw HTML; any that came through is shown as text.
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => out.push_exact(&text),
            Event::Code(text) => {
                let style = out.style.clone();
                out.style.code = true;
                out.push_exact(&text);
                out.style = style;
            }
            Event::SoftBreak => out.push_exact(" "),
            Event::HardBreak => out.push_exact("\n"),
            Event::Rule => {
                out.start(BlockKind::Rule);
                out.flush();
            }
            _ => {}
        }
    }
    out.flush();
    out.blocks
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(format: Format, text: &str) -> Vec<Block> {
        match preview(format, text.as_bytes()) {
            Preview::Document { blocks, .. } => blocks,
            Preview::Text { .. } => panic!("a document"),
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn html_reads_as_headings_paragraphs_and_lists_not_source() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Report</h1><p>Published <time>2024-05-20</time> · <a href=\"https://example.org/\">site</a></p>\
            <ol><li><a href=\"#c1\">First</a> <span class=\"verdict-chip tone-accurate\">True</span></li></ol>\
            <figure><blockquote>quoted   words</blockquote><figcaption><span>Supports</span><div class=\"note\"><p>A note.</p></div></figcaption></figure>\
            </body></html>";
        let found = blocks(Format::Html, html);
        assert_eq!(
            texts(&found),
            ["Report", "Published 2024-05-20 · site", "First True", "quoted words", "Supports", "A note."]
        );
        assert_eq!(found[0].kind, BlockKind::Heading(1));
        assert_eq!(found[2].kind, BlockKind::Item { depth: 0, marker: "1.".to_owned() });
        assert_eq!(found[3].kind, BlockKind::Quote);
        let chip = found[2].spans.iter().find(|span| span.text == "True").expect("chip");
        assert_eq!(chip.style.tone, Some(Tone::Accurate));
        let first = found[2].spans.iter().find(|span| span.text.starts_with("First")).expect("link");
        assert_eq!(first.text, "First", "the space between link and chip is neither's");
        let verdict =
            blocks(Format::Html, "<div class=\"verdict tone-mixed\"><span>Verdict</span> <strong>Mixed</strong></div>");
        assert!(verdict[0].spans.iter().all(|span| span.style.tone == Some(Tone::Mixed)), "{verdict:?}");
        let link = found[1].spans.iter().find(|span| span.text == "site").expect("link");
        assert_eq!(link.style.link.as_deref(), Some("https://example.org/"));
        assert!(!texts(&found).concat().contains('<'), "no markup shown");
    }

    #[test]
    fn markdown_reads_as_the_same_kinds_of_block() {
        let markdown =
            "# Report\n\n**Desk** · [site](https://example.org/)\n\n- one\n- two\n\n  > quoted\n\n---\n\n1. first\n";
        let found = blocks(Format::Markdown, markdown);
        assert_eq!(texts(&found), ["Report", "Desk · site", "one", "two", "quoted", "", "first"]);
        assert!(found[1].spans[0].style.strong);
        assert_eq!(found[2].kind, BlockKind::Item { depth: 0, marker: "•".to_owned() });
        assert_eq!(found[4].kind, BlockKind::Quote);
        assert_eq!(found[5].kind, BlockKind::Rule);
        assert_eq!(found[6].kind, BlockKind::Item { depth: 0, marker: "1.".to_owned() });
    }

    #[test]
    fn data_formats_show_their_text_and_long_reports_are_cut() {
        assert_eq!(preview(Format::Csv, b"a,b\r\n"), Preview::Text { text: "a,b\r\n".to_owned(), cut: false });
        let long = format!("<p>{}</p>", "é".repeat(PREVIEW_BYTES));
        let Preview::Document { blocks, cut } = preview(Format::Html, long.as_bytes()) else { panic!("a document") };
        assert!(cut && !blocks[0].text().contains('\u{fffd}'));
    }
}
