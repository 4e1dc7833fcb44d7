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

    #[test]
    fn a_second_page_follows_after_an_empty_line() {
        let mut text = "é".to_owned();
        let mut chars = 1;
        let words = append_page(&sample(), 2, &mut text, &mut chars);
        assert!(text.starts_with("é\n\nFerry"));
        assert_eq!((words[0].page, words[0].start), (2, 3));
    }
}
