//! Text read from pictures: which words of a source's text came from which region of its
//! original image, and how sure the reader was of each.
//!
//! A source imported from an image (or a scanned page) keeps an [`OcrLayer`] with its
//! original file. Each word records the characters of the source's text it became and its
//! box in the picture's pixels, so a passage the analyst marks maps to regions of the
//! picture and a region the analyst drags over maps back to a passage.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Words below this confidence (percent) are marked for the analyst to check by eye.
pub const LOW_CONFIDENCE: u8 = 60;

/// What optical character recognition read from a source's pictures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OcrLayer {
    /// The pages (or the one picture) that were read, in order.
    pub pages: Vec<OcrPage>,
    /// Every word read, in text order; character ranges do not overlap.
    pub words: Vec<OcrWord>,
    /// Pages of a scanned document that have no text layer and could not be read (OCR was
    /// not installed, or failed on them): "Read text with OCR" is offered for them. Absent
    /// in files from before scanned PDFs were read, which had no such pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<u32>,
}

/// One picture that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OcrPage {
    /// 1 for an image; the page number in a scanned document.
    pub page: u32,
    /// The picture's size in pixels, the space word boxes are measured in.
    pub width: u32,
    pub height: u32,
    /// The reader's language code, such as `eng`.
    pub language: String,
    /// Mean word confidence on the page, percent.
    pub confidence: u8,
}

/// A rectangle of a picture, in pixels from its top-left corner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PixelBox {
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
}

impl PixelBox {
    pub fn right(self) -> u32 {
        self.left.saturating_add(self.width)
    }

    pub fn bottom(self) -> u32 {
        self.top.saturating_add(self.height)
    }

    pub fn intersects(self, other: Self) -> bool {
        self.left < other.right() && other.left < self.right() && self.top < other.bottom() && other.top < self.bottom()
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        let left = self.left.min(other.left);
        let top = self.top.min(other.top);
        Self {
            left,
            top,
            width: self.right().max(other.right()) - left,
            height: self.bottom().max(other.bottom()) - top,
        }
    }

    /// The box grown by `margin` on every side, kept inside a `width` × `height` picture.
    #[must_use]
    pub fn padded(self, margin: u32, width: u32, height: u32) -> Self {
        let left = self.left.saturating_sub(margin);
        let top = self.top.saturating_sub(margin);
        let right = self.right().saturating_add(margin).min(width);
        let bottom = self.bottom().saturating_add(margin).min(height);
        Self { left, top, width: right.saturating_sub(left), height: bottom.saturating_sub(top) }
    }
}

/// One word read from a picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OcrWord {
    pub page: u32,
    /// Characters of the source's text this word became.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "box")]
    pub area: PixelBox,
    /// How sure the reader was, percent.
    pub confidence: u8,
}

impl OcrWord {
    pub fn chars(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn is_low_confidence(&self) -> bool {
        self.confidence < LOW_CONFIDENCE
    }
}

impl OcrLayer {
    /// The words any character of `chars` belongs to.
    pub fn words_in(&self, chars: Range<usize>) -> impl Iterator<Item = &OcrWord> {
        // Words are in text order, so the overlapping ones are one run.
        let first = self.words.partition_point(|word| word.end <= chars.start);
        self.words[first..].iter().take_while(move |word| word.start < chars.end)
    }

    /// The boxes a passage covers on each page, one per line of words: a passage reads as
    /// the lines it spans rather than as a scatter of words.
    pub fn regions(&self, chars: Range<usize>) -> Vec<(u32, PixelBox)> {
        let mut regions: Vec<(u32, PixelBox)> = Vec::new();
        for word in self.words_in(chars) {
            match regions.last_mut() {
                Some((page, area)) if *page == word.page && same_line(*area, word.area) => {
                    *area = area.union(word.area);
                }
                _ => regions.push((word.page, word.area)),
            }
        }
        regions
    }

    /// The characters from the first to the last word whose box meets `area` on `page`.
    pub fn chars_in_box(&self, page: u32, area: PixelBox) -> Option<Range<usize>> {
        let mut hits = self.words.iter().filter(|word| word.page == page && word.area.intersects(area));
        let first = hits.next()?;
        let last = hits.next_back().unwrap_or(first);
        Some(first.start..last.end)
    }

    /// The page a picture of this number was read as.
    pub fn page(&self, page: u32) -> Option<&OcrPage> {
        self.pages.iter().find(|read| read.page == page)
    }

    /// Mean word confidence over every page, percent.
    pub fn confidence(&self) -> Option<u8> {
        let total: u64 = self.words.iter().map(|word| u64::from(word.confidence)).sum();
        let count = u64::try_from(self.words.len()).ok().filter(|count| *count > 0)?;
        u8::try_from(total / count).ok()
    }

    pub fn low_confidence_words(&self) -> impl Iterator<Item = &OcrWord> {
        self.words.iter().filter(|word| word.is_low_confidence())
    }

    /// What the analyst is told about the reading, such as "page 1 read by OCR (eng), 91% confidence".
    pub fn summary(&self) -> String {
        let pages: Vec<String> = self
            .pages
            .iter()
            .map(|page| format!("page {} ({}, {}% confidence)", page.page, page.language, page.confidence))
            .collect();
        let low = self.low_confidence_words().count();
        let plural = if low == 1 { "" } else { "s" };
        format!("Read by OCR: {}; {low} word{plural} below {LOW_CONFIDENCE}% confidence", pages.join(", "))
    }

    /// What a scanned document's import says about its pages read by OCR, such as
    /// "Pages 2, 5 read by OCR (eng), mean confidence 87 %"; `None` when none was read.
    pub fn pages_note(&self) -> Option<String> {
        if self.pages.is_empty() {
            return None;
        }
        let numbers: Vec<String> = self.pages.iter().map(|page| page.page.to_string()).collect();
        let mut languages: Vec<&str> = self.pages.iter().map(|page| page.language.as_str()).collect();
        languages.dedup();
        let label = if self.pages.len() == 1 { "Page" } else { "Pages" };
        let confidence =
            self.confidence().map_or_else(|| "no words found".to_owned(), |mean| format!("mean confidence {mean} %"));
        Some(format!("{label} {} read by OCR ({}), {confidence}", numbers.join(", "), languages.join("+")))
    }

    /// The pages left unread, as the inspector and the import notes name them.
    pub fn unread_note(&self) -> Option<String> {
        let numbers: Vec<String> = self.unread.iter().map(u32::to_string).collect();
        match numbers.len() {
            0 => None,
            1 => Some(format!("Page {} has no text layer and has not been read by OCR", numbers[0])),
            _ => Some(format!("Pages {} have no text layer and have not been read by OCR", numbers.join(", "))),
        }
    }

    /// Why the layer does not fit a text of `text_chars` characters, if it does not.
    pub fn problem(&self, text_chars: usize) -> Option<String> {
        let mut previous_end = 0;
        for word in &self.words {
            if word.start < previous_end || word.end < word.start || word.end > text_chars {
                return Some(format!(
                    "OCR word at characters {}..{} is out of order or past the text",
                    word.start, word.end
                ));
            }
            if self.page(word.page).is_none() {
                return Some(format!(
                    "OCR word at characters {}..{} names page {}, which was not read",
                    word.start, word.end, word.page
                ));
            }
            previous_end = word.end;
        }
        None
    }
}

/// Whether two boxes sit on one line of text: their vertical extents overlap by at least
/// half the shorter one.
fn same_line(a: PixelBox, b: PixelBox) -> bool {
    let overlap = a.bottom().min(b.bottom()).saturating_sub(a.top.max(b.top));
    overlap * 2 >= a.height.min(b.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(start: usize, end: usize, left: u32, top: u32) -> OcrWord {
        OcrWord { page: 1, start, end, area: PixelBox { left, top, width: 40, height: 12 }, confidence: 90 }
    }

    fn layer() -> OcrLayer {
        // "one two\nthree": two words on the first line, one on the second.
        OcrLayer {
            pages: vec![OcrPage { page: 1, width: 200, height: 100, language: "eng".into(), confidence: 90 }],
            words: vec![word(0, 3, 10, 10), word(4, 7, 60, 10), word(8, 13, 10, 30)],
            unread: Vec::new(),
        }
    }

    #[test]
    fn a_passage_maps_to_one_box_per_line() {
        let regions = layer().regions(1..10);
        assert_eq!(regions.len(), 2);
        assert_eq!(regions[0].1, PixelBox { left: 10, top: 10, width: 90, height: 12 });
        assert_eq!(regions[1].1.top, 30);
    }

    #[test]
    fn a_dragged_box_maps_back_to_its_words() {
        let second = PixelBox { left: 65, top: 5, width: 10, height: 10 };
        assert_eq!(layer().chars_in_box(1, second), Some(4..7));
        // A box over words on two lines selects from the first word it meets to the last, as text does.
        let area = PixelBox { left: 45, top: 5, width: 20, height: 30 };
        assert_eq!(layer().chars_in_box(1, area), Some(0..13));
        assert_eq!(layer().chars_in_box(1, PixelBox { left: 150, top: 80, width: 5, height: 5 }), None);
        assert_eq!(layer().chars_in_box(2, area), None);
    }

    #[test]
    fn a_scanned_document_names_its_pages_read_and_unread() {
        let mut layer = layer();
        layer.pages[0].page = 2;
        layer.pages.push(OcrPage { page: 5, width: 200, height: 100, language: "eng".into(), confidence: 80 });
        layer.words[2].confidence = 81;
        assert_eq!(layer.pages_note().as_deref(), Some("Pages 2, 5 read by OCR (eng), mean confidence 87 %"));
        layer.unread = vec![3];
        assert_eq!(layer.unread_note().as_deref(), Some("Page 3 has no text layer and has not been read by OCR"));
        assert_eq!(OcrLayer::default().pages_note(), None);
    }

    /// Project files saved before scanned PDFs were read have no `unread` list.
    #[test]
    fn a_layer_saved_before_unread_pages_still_loads() {
        let saved = "(pages: [(page: 1, width: 10, height: 10, language: \"eng\", confidence: 90)], words: [])";
        let layer: OcrLayer = ron::from_str(saved).expect("loads");
        assert!(layer.unread.is_empty());
        assert!(!ron::to_string(&layer).expect("saves").contains("unread"));
    }

    #[test]
    fn a_layer_past_its_text_is_a_problem() {
        assert!(layer().problem(13).is_none());
        assert!(layer().problem(12).is_some());
    }
}
