//! The article body of a web page.
//!
//! Two extractors built on different ideas run on every page: `dom_smoothie` (Mozilla
//! Readability's scoring of candidate containers) and `rs-trafilatura` (trafilatura's
//! tag-and-text heuristics). On the shared benchmark each reaches F1 of about 0.955, but they
//! fail on different pages: one keeps a "related stories" rail the other dropped, one takes a
//! whole listing page where the other found the single paragraph. So the body is
//! Readability's blocks, in its order and paragraphing, kept only where trafilatura's text
//! agrees, and with link lists removed. When the two barely agree, one of them has failed
//! outright and the other is used alone; when both find little, the page's whole visible text
//! is shown and a note says so.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use dom_query::Document;

use super::blocks::{Block, BlockKind, blocks, render};

/// What extraction produced, and whether it fell back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub text: String,
    pub notes: Vec<String>,
}

/// Fewer words than this means the extractors found no article.
const LITTLE: usize = 25;

/// A Readability block is kept when at least this share of its word 4-grams is in
/// trafilatura's text too.
const AGREEMENT: f64 = 0.5;

/// The body of the page in `html`; `visible` is the page's whole visible text, computed by
/// the caller from its own parse.
/// `None` when `cancel` was set between the two extractors.
pub fn article(html: &str, visible: &[Block], cancel: &AtomicBool) -> Option<Extraction> {
    let readability = readability_blocks(html);
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let trafilatura = trafilatura_text(html);
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let body = combine(readability.as_deref(), trafilatura.as_deref());
    let words = body.as_deref().map_or(0, word_count);
    if words >= LITTLE {
        let text = with_credit_line(body.unwrap_or_default(), visible);
        return Some(Extraction { text, notes: Vec::new() });
    }
    let text = render(visible);
    let mut notes =
        vec!["Article extraction found little on this page; showing the whole visible text, menus and all.".to_owned()];
    if text.trim().is_empty() {
        notes = vec!["The page has no visible text.".to_owned()];
    }
    Some(Extraction { text, notes })
}

/// How many blocks after the article's last paragraph may hold its credit line: a photo
/// credit or a tag list can sit between them.
const CREDIT_REACH: usize = 3;

/// `body` with the credit line that follows its last paragraph on the page ("Source:
/// Meridian", "(With inputs from Meridian)"). Extractors drop such a line as too short to
/// be prose, but the agency a story comes from is a fact the analyst checks.
fn with_credit_line(body: String, visible: &[Block]) -> String {
    let paragraphs: HashSet<&str> = body.split("\n\n").map(str::trim).collect();
    let Some(last) = visible.iter().rposition(|block| paragraphs.contains(block.text.trim())) else { return body };
    let credit = visible
        .iter()
        .skip(last + 1)
        .take(CREDIT_REACH)
        .find(|block| crate::analysis::credits::is_credit_line(&block.text));
    match credit {
        Some(block) => format!("{body}\n\n{}", block.text.trim()),
        None => body,
    }
}

/// Readability's article as blocks, or `None` if it found none.
fn readability_blocks(html: &str) -> Option<Vec<Block>> {
    let config = dom_smoothie::Config { max_elements_to_parse: 200_000, ..dom_smoothie::Config::default() };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let document = Document::from(article.content);
    let found = blocks(&document.root());
    (!found.is_empty()).then_some(found)
}

/// Trafilatura's article text, or `None` if it found none.
fn trafilatura_text(html: &str) -> Option<String> {
    let result = rs_trafilatura::extract(html).ok()?;
    (!result.content_text.trim().is_empty()).then_some(result.content_text)
}

/// Readability's blocks that trafilatura agrees with, minus link lists.
fn combine(readability: Option<&[Block]>, trafilatura: Option<&str>) -> Option<String> {
    match (readability, trafilatura) {
        (None, None) => None,
        (None, Some(text)) => Some(tidy(text)),
        (Some(found), None) => Some(render(&without_link_lists(found))),
        (Some(found), Some(text)) => {
            let kept = agreed(found, text);
            let kept_words: usize = kept.iter().map(|block| word_count(&block.text)).sum();
            let readability_words: usize = found.iter().map(|block| word_count(&block.text)).sum();
            // Agreement on under a fifth of the smaller text means one extractor took the
            // wrong part of the page; Readability's container choice is the safer bet.
            if kept_words * 5 < readability_words.min(word_count(text)) {
                return Some(render(&without_link_lists(found)));
            }
            Some(render(&without_link_lists(&kept)))
        }
    }
}

/// The blocks whose word 4-grams mostly occur in `other`.
fn agreed(found: &[Block], other: &str) -> Vec<Block> {
    let other_words = words(other);
    let other_grams: HashSet<&[String]> = other_words.windows(4).collect();
    let other_vocabulary: HashSet<&String> = other_words.iter().collect();
    found
        .iter()
        .filter(|block| {
            let mine = words(&block.text);
            if mine.is_empty() {
                return false;
            }
            if mine.len() < 4 {
                return mine.iter().all(|word| other_vocabulary.contains(word));
            }
            let grams = mine.windows(4);
            let total = grams.len();
            let shared = mine.windows(4).filter(|gram| other_grams.contains(gram)).count();
            shared as f64 >= AGREEMENT * total as f64
        })
        .cloned()
        .collect()
}

/// Drops runs of link-only blocks ("Related", "Read more", lists of headlines).
fn without_link_lists(found: &[Block]) -> Vec<Block> {
    found.iter().filter(|block| !is_link_list_entry(block)).cloned().collect()
}

fn is_link_list_entry(block: &Block) -> bool {
    // A long paragraph made of linked words is still prose the author wrote.
    const LONGEST_LINK_LINE: usize = 30;
    block.kind != BlockKind::Preformatted && block.link_density() > 0.5 && word_count(&block.text) <= LONGEST_LINK_LINE
}

/// Trafilatura's text with its indentation and runs of blank lines removed.
fn tidy(text: &str) -> String {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Lower-cased words (letters, digits, underscore), the unit both the agreement test and the
/// benchmark's metric count in.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|word| !word.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, link_chars: usize) -> Block {
        Block { text: text.to_owned(), kind: BlockKind::Paragraph, link_chars }
    }

    #[test]
    fn blocks_the_other_extractor_lacks_are_dropped() {
        let found = [
            block("The council approved the harbour budget on Monday after a long debate.", 0),
            block("Sign up for our newsletter and never miss a story from the harbour desk.", 0),
        ];
        let other = "The council approved the harbour budget on Monday after a long debate.";
        let kept = agreed(&found, other);
        assert_eq!(kept.len(), 1);
        assert!(kept[0].text.starts_with("The council"));
    }

    #[test]
    fn link_lists_are_dropped_but_linked_prose_stays() {
        let found = [block("Ministers resign", 15), block("The report, published online, was read widely.", 9)];
        let kept = without_link_lists(&found);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn the_credit_line_after_the_last_paragraph_is_kept() {
        let visible = [
            block("The council approved the harbour budget on Monday after a long debate.", 0),
            block("Photo: harbour office", 0),
            block("Source: Meridian", 0),
            block("Source: Elsewhere", 0),
        ];
        let body = "The council approved the harbour budget on Monday after a long debate.".to_owned();
        assert_eq!(with_credit_line(body.clone(), &visible), format!("{body}\n\nSource: Meridian"));
        let far = [visible[0].clone(), block("a", 0), block("b", 0), block("c", 0), visible[2].clone()];
        assert_eq!(with_credit_line(body.clone(), &far), body, "a credit four blocks on belongs to something else");
    }

    #[test]
    fn a_page_with_no_article_falls_back_to_visible_text() {
        let visible = [block("Home", 4), block("Contact", 7)];
        let never = AtomicBool::new(false);
        let page = "<html><body><a href=/>Home</a> <a href=/c>Contact</a></body></html>";
        let extraction = article(page, &visible, &never).expect("not cancelled");
        assert_eq!(extraction.text, "Home\n\nContact");
        assert_eq!(extraction.notes.len(), 1);
    }
}
