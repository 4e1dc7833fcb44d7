//! From the text of each page to the text an analyst reads: running heads and page numbers
//! removed, words hyphenated at line ends mended, pages separated by form feeds so that
//! evidence can cite a page.

use std::collections::HashMap;

/// Separates pages in imported PDF text; [`page_of`] counts them.
pub const PAGE_BREAK: char = '\u{c}';

/// Lines this close to the top or bottom of a page are candidates for running heads and feet.
const EDGE_LINES: usize = 3;

/// The page (from 1) on which the character at `char_offset` of an imported PDF's text
/// lies; text from other formats is all on page 1.
pub fn page_of(text: &str, char_offset: usize) -> usize {
    1 + text.chars().take(char_offset).filter(|&c| c == PAGE_BREAK).count()
}

/// Joins pages into one text, dropping lines repeated at the edges of most pages.
pub fn join_pages(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> = pages.iter().map(|page| page.lines().map(str::trim_end).collect()).collect();
    let repeated = running_lines(&pages);
    let mut out = String::new();
    for (number, lines) in pages.iter().enumerate() {
        if number > 0 {
            out.push(PAGE_BREAK);
        }
        let content = content_range(lines);
        let body = &lines[content.clone()];
        let kept: Vec<&str> = body
            .iter()
            .enumerate()
            .filter(|(index, line)| {
                let near_edge = *index < EDGE_LINES || index + EDGE_LINES >= content.len();
                !(near_edge && repeated.contains_key(&shape(line)))
            })
            .map(|(_, line)| *line)
            .collect();
        // A page that would be left with nothing is all content, not a running head: slides
        // that repeat one title, or one page listed several times in the page tree.
        let kept = if kept.iter().all(|line| line.trim().is_empty()) { body } else { &kept[..] };
        out.push_str(&paragraphs(kept));
    }
    out
}

/// The lines between the first and last non-blank ones.
fn content_range(lines: &[&str]) -> std::ops::Range<usize> {
    let first = lines.iter().position(|line| !line.trim().is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|line| !line.trim().is_empty()).map_or(first, |last| last + 1);
    first..last.max(first)
}

/// A line with its digits and spacing ignored, so "Page 3 of 9" on every page is one shape.
fn shape(line: &str) -> String {
    line.split_whitespace().collect::<String>().chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Shapes that occur near the top or bottom of at least half the pages (and of at least
/// three): running heads, feet and page numbers.
fn running_lines(pages: &[Vec<&str>]) -> HashMap<String, usize> {
    if pages.len() < 3 {
        return HashMap::new();
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let content = content_range(lines);
        let lines = &lines[content];
        let mut edge: Vec<String> = lines.iter().take(EDGE_LINES).map(|line| shape(line)).collect();
        edge.extend(lines.iter().rev().take(EDGE_LINES).map(|line| shape(line)));
        edge.sort();
        edge.dedup();
        for line in edge.into_iter().filter(|line| !line.is_empty()) {
            *seen.entry(line).or_default() += 1;
        }
    }
    seen.retain(|_, count| *count * 2 >= pages.len());
    seen
}

/// A page's lines with line-end hyphenation mended and blank-line runs collapsed.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        let line = line.trim_start_matches(' ');
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
            blank = false;
        } else if !out.is_empty() {
            if let Some(stem) = hyphenated_stem(&out, line) {
                out.truncate(stem);
                out.push_str(line);
                continue;
            }
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// When `text` ends in a word broken by a hyphen and `next` continues it in lower case,
/// the length of `text` without the hyphen.
fn hyphenated_stem(text: &str, next: &str) -> Option<usize> {
    let stem = text.strip_suffix('-').or_else(|| text.strip_suffix('\u{ad}'))?;
    let before = stem.chars().next_back()?;
    let after = next.chars().next()?;
    (before.is_alphabetic() && after.is_lowercase()).then_some(stem.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_and_page_numbers_go() {
        let bodies = [
            "Silt was sampled.\nSix points.",
            "Zinc was high.\nLead fell.",
            "Work stopped.\nBarges moved.",
            "Work resumes.\nIn April.",
        ];
        let pages: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(n, body)| format!("Harbour Report 2026\n\n{body}\n\nPage {} of 4\n", n + 1))
            .collect();
        let text = join_pages(&pages);
        assert!(!text.contains("Harbour Report"), "{text:?}");
        assert!(!text.contains("of 4"), "{text:?}");
        assert_eq!(text.matches(PAGE_BREAK).count(), 3);
        assert!(text.starts_with("Silt was sampled.\nSix points.\u{c}Zinc"), "{text:?}");
    }

    #[test]
    fn two_pages_keep_everything() {
        let pages = ["Title\nOne".to_owned(), "Title\nTwo".to_owned()];
        assert_eq!(join_pages(&pages), "Title\nOne\u{c}Title\nTwo");
    }

    #[test]
    fn pages_that_are_only_a_repeated_line_are_kept() {
        let pages = vec!["Agenda".to_owned(); 3];
        assert_eq!(join_pages(&pages), "Agenda\u{c}Agenda\u{c}Agenda");
    }

    #[test]
    fn hyphenation_at_line_ends_is_mended() {
        assert_eq!(
            paragraphs(&["the environ-", "mental office", "North-", "South talks"]),
            "the environmental office\nNorth-\nSouth talks"
        );
    }

    #[test]
    fn page_of_counts_form_feeds() {
        let text = "one\u{c}two\u{c}three";
        assert_eq!(page_of(text, 0), 1);
        assert_eq!(page_of(text, 4), 2);
        assert_eq!(page_of(text, 9), 3);
    }
}
