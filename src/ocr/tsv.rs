//! Tesseract's TSV output turned into text with word boxes.
//!
//! Tesseract writes one row per page, block, paragraph, line and word
//! (`level page_num block_num par_num line_num word_num left top width height conf text`).
//! The words are joined into the text the analyst reads: words of a line by a space, lines
//! of a paragraph by a line break, paragraphs and blocks by an empty line. Each word keeps
//! the characters it became, so the text and the picture map onto each other.

use crate::model::{OcrWord, PixelBox};

/// Tesseract's level number for a word row.
const WORD_LEVEL: &str = "5";

/// A word as Tesseract reported it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    block: u32,
    paragraph: u32,
    line: u32,
    area: PixelBox,
    confidence: f32,
    text: String,
}

/// The words of one page, in reading order; rows that are not words, or not numbers where
/// numbers belong, are skipped (Tesseract's own output, but a reader that dies mid-line
/// leaves a partial row).
fn rows(tsv: &str) -> Vec<Row> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 12 || fields[0] != WORD_LEVEL {
                return None;
            }
            let number = |index: usize| fields[index].trim().parse::<u32>().ok();
            let text = fields[11..].join("\t").trim().to_owned();
            if text.is_empty() {
                return None;
            }
            Some(Row {
                block: number(2)?,
                paragraph: number(3)?,
                line: number(4)?,
                area: PixelBox { left: number(6)?, top: number(7)?, width: number(8)?, height: number(9)? },
                confidence: fields[10].trim().parse().ok()?,
                text,
            })
        })
        .collect()
}

/// One line as Tesseract found it: its place in the layout and the box around its words.
#[derive(Debug, Clone, Copy)]
struct Line {
    block: u32,
    left: u32,
    top: u32,
    right: u32,
    bottom: u32,
}

impl Line {
    fn height(&self) -> u32 {
        self.bottom.saturating_sub(self.top).max(1)
    }

    /// Whether the two lines share at least half the height of the lower one.
    fn level_with(&self, other: &Line) -> bool {
        let shared = self.bottom.min(other.bottom).saturating_sub(self.top.max(other.top));
        2 * shared >= self.height().min(other.height())
    }

    /// The horizontal gap between two lines side by side, `None` if they overlap.
    fn gap_to(&self, other: &Line) -> Option<u32> {
        if self.right <= other.left {
            Some(other.left - self.right)
        } else if other.right <= self.left {
            Some(self.left - other.right)
        } else {
            None
        }
    }
}

fn lines(rows: &[Row]) -> Vec<Line> {
    let mut found: Vec<((u32, u32, u32), Line)> = Vec::new();
    for row in rows {
        let key = (row.block, row.paragraph, row.line);
        let (left, top) = (row.area.left, row.area.top);
        let (right, bottom) = (left + row.area.width, top + row.area.height);
        match found.last_mut() {
            Some((last, line)) if *last == key => {
                line.left = line.left.min(left);
                line.top = line.top.min(top);
                line.right = line.right.max(right);
                line.bottom = line.bottom.max(bottom);
            }
            _ => found.push((key, Line { block: row.block, left, top, right, bottom })),
        }
    }
    found.into_iter().map(|(_, line)| line).collect()
}

/// Whether Tesseract's automatic layout broke lines of one column into pieces in
/// different blocks, which it then reads block after block, out of order: a page
/// photographed at an angle, whose tilted lines it cuts where they cross a block's edge.
/// Such a page reads right as one block of lines. A page with columns (blocks of several
/// lines side by side) keeps its automatic layout, so that columns are not read across.
pub fn lines_broken_apart(tsv: &str) -> bool {
    let lines = lines(&rows(tsv));
    let mut lines_per_block: std::collections::BTreeMap<u32, Vec<Line>> = std::collections::BTreeMap::new();
    for line in &lines {
        lines_per_block.entry(line.block).or_default().push(*line);
    }
    let span = |block: &[Line]| Line {
        block: block[0].block,
        left: block.iter().map(|l| l.left).min().unwrap_or(0),
        top: block.iter().map(|l| l.top).min().unwrap_or(0),
        right: block.iter().map(|l| l.right).max().unwrap_or(0),
        bottom: block.iter().map(|l| l.bottom).max().unwrap_or(0),
    };
    let tall: Vec<Line> = lines_per_block.values().filter(|block| block.len() >= 3).map(|block| span(block)).collect();
    let columns =
        tall.iter().enumerate().any(|(i, a)| tall[i + 1..].iter().any(|b| a.level_with(b) && a.gap_to(b).is_some()));
    if columns {
        return false;
    }
    // Two pieces of one line: level with each other, side by side, a word space apart.
    lines.iter().enumerate().any(|(i, a)| {
        lines[i + 1..].iter().any(|b| {
            a.block != b.block
                && a.level_with(b)
                && a.gap_to(b).is_some_and(|gap| gap <= 2 * a.height().max(b.height()))
        })
    })
}

/// Appends one page's words to `text` (which counts `chars` characters), returning the
/// words with their character ranges in it.
pub fn append_page(tsv: &str, page: u32, text: &mut String, chars: &mut usize) -> Vec<OcrWord> {
    let mut words = Vec::new();
    let mut previous: Option<(u32, u32, u32)> = None;
    for row in rows(tsv) {
        let place = (row.block, row.paragraph, row.line);
        let separator = match previous {
            None if text.is_empty() => "",
            None => "\n\n",
            Some((block, paragraph, _)) if (block, paragraph) != (place.0, place.1) => "\n\n",
            Some(line) if line != place => "\n",
            Some(_) => " ",
        };
        previous = Some(place);
        text.push_str(separator);
        *chars += separator.chars().count();
        let start = *chars;
        text.push_str(&row.text);
        *chars += row.text.chars().count();
        // Confidences run 0..=100 as floats; the model keeps whole percents.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=100 first")]
        let confidence = row.confidence.clamp(0.0, 100.0).round() as u8;
        words.push(OcrWord { page, start, end: *chars, area: row.area, confidence });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    fn sample() -> String {
        let rows = [
            "1\t1\t0\t0\t0\t0\t0\t0\t300\t100\t-1\t",
            "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tFerry",
            "5\t1\t1\t1\t1\t2\t55\t10\t30\t12\t91\tleaves",
            "5\t1\t1\t1\t2\t1\t10\t30\t40\t12\t42.2\tat",
            "5\t1\t2\t1\t1\t1\t10\t60\t40\t12\t88\t22:15",
            "5\t1\t2\t1\t1\t2\t60\t60\t40\t12\t-1\t ",
            "5\t1\t2\t1",
        ];
        format!("{HEADER}{}\n", rows.join("\n"))
    }

    #[test]
    fn words_become_lines_and_paragraphs_with_their_characters() {
        let mut text = String::new();
        let mut chars = 0;
        let words = append_page(&sample(), 1, &mut text, &mut chars);
        assert_eq!(text, "Ferry leaves\nat\n\n22:15");
        assert_eq!(words.len(), 4);
        assert_eq!((words[1].start, words[1].end), (6, 12));
        assert_eq!(&text[words[3].start..words[3].end], "22:15");
        assert_eq!(words[2].confidence, 42);
        assert_eq!(words[0].area, PixelBox { left: 10, top: 10, width: 40, height: 12 });
    }

    fn word(block: u32, line: u32, left: u32, top: u32, text: &str) -> String {
        format!("5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t60\t20\t95\t{text}")
    }

    #[test]
    fn a_line_cut_into_two_blocks_is_broken_apart_but_columns_are_not() {
        // The right half of the first line in block 1, its left half in block 2.
        let tilted = [word(1, 1, 380, 28, "Monday."), word(2, 1, 56, 36, "Fares"), word(2, 1, 300, 36, "rise")];
        assert!(lines_broken_apart(&format!("{HEADER}{}\n", tilted.join("\n"))));
        assert!(!lines_broken_apart(&sample()), "one block of lines");
        // Two columns of three lines each, side by side.
        let columns: Vec<String> = (0..3)
            .flat_map(|k| [word(1, k + 1, 10, 10 + 30 * k, "left"), word(2, k + 1, 200, 10 + 30 * k, "right")])
            .collect();
        assert!(!lines_broken_apart(&format!("{HEADER}{}\n", columns.join("\n"))));
    }

    #[test]
    fn a_second_page_follows_after_an_empty_line() {
        let mut text = "é".to_owned();
        let mut chars = 1;
        let words = append_page(&sample(), 2, &mut text, &mut chars);
        assert!(text.starts_with("é\n\nFerry"));
        assert_eq!((words[0].page, words[0].start), (2, 3));
    }
}
