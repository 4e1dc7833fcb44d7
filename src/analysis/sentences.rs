//! Sentences of a source, with their offsets.
//!
//! Unicode's sentence rules (UAX #29, via `unicode-segmentation`) work for any script
//! and already keep decimals ("2.4") and "U.S. officials" whole, but they end a sentence
//! after every "Mr." and inside quotations that hold several sentences. We merge those
//! pieces back: after titles and initials, after soft abbreviations when no new
//! sentence obviously starts, and while a quotation is open. Line breaks always end a
//! sentence, so headlines, datelines and list items stand alone.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lexicon;
use crate::model::CharIndex;

/// One sentence: where it is, in characters (as anchors count) and in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

impl Sentence {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.bytes.clone()).unwrap_or_default()
    }
}

/// Splits `text` into sentences, trimmed of surrounding whitespace.
pub fn split(text: &str) -> Vec<Sentence> {
    let index = CharIndex::new(text);
    split_bytes(text)
        .into_iter()
        .map(|bytes| Sentence {
            chars: index.char_offset(text, bytes.start)..index.char_offset(text, bytes.end),
            bytes,
        })
        .collect()
}

/// Byte ranges of the sentences of `text`.
pub fn split_bytes(text: &str) -> Vec<Range<usize>> {
    let mut sentences: Vec<Range<usize>> = Vec::new();
    let pieces = text.split_sentence_bound_indices().flat_map(|(start, piece)| {
        let mut cuts = figure_openings(piece);
        cuts.push(piece.len());
        let mut from = 0;
        cuts.into_iter().map(move |cut| start + std::mem::replace(&mut from, cut)..start + cut)
    });
    for piece in pieces {
        let Some(range) = trimmed(text, piece) else { continue };
        match sentences.last_mut() {
            Some(last) if continues(text, last, &range) => last.end = range.end,
            _ => sentences.push(range),
        }
    }
    sentences
}

/// Marks that may open a sentence before its first word: a quotation or a bracket.
const OPENING_MARKS: [char; 4] = ['"', '“', '‘', '('];

/// Byte offsets in `piece` where a sentence may open on a figure after a stop
/// (`reaction. "90 years waiting"`, `in 2003. 30 people`). Unicode's rules keep these
/// inside one sentence because a lowercase word follows the figure; `continues` then
/// joins back the pieces a title or an abbreviation ended ("No. 1", "Nov. 30").
fn figure_openings(piece: &str) -> Vec<usize> {
    let bytes = piece.as_bytes();
    let mut cuts = Vec::new();
    for (at, &byte) in bytes.iter().enumerate() {
        if !matches!(byte, b'.' | b'!' | b'?') {
            continue;
        }
        let rest = &piece[at + 1..];
        let after_close = rest.trim_start_matches(['"', '”', '’', '\'', ')']);
        let next = after_close.trim_start_matches([' ', '\t']);
        if next.len() == after_close.len() {
            continue;
        }
        let opening = next.trim_start_matches(OPENING_MARKS);
        if opening.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            cuts.push(piece.len() - next.len());
        }
    }
    cuts
}

fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    (start < end && text[start..end].chars().any(char::is_alphanumeric)).then_some(start..end)
}

/// Whether `next` continues the sentence `current` rather than starting a new one.
fn continues(text: &str, current: &Range<usize>, next: &Range<usize>) -> bool {
    if text[current.end..next.start].contains(['\n', '\r', '\u{2029}']) {
        return false;
    }
    // A full stop with no space after it is inside a word or a code (".SPX", "<.N>");
    // scripts that write no spaces end sentences with their own stop ("。").
    let ascii_stop = text[..current.end].ends_with(['.', '<', '>']);
    if current.end == next.start && ascii_stop {
        return true;
    }
    let sentence = &text[current.clone()];
    let word = sentence.strip_suffix('.').map(|s| last_word(s).to_lowercase());
    // "Mr." never ends a sentence, not even inside a quotation its copy left open.
    if word.as_deref().is_some_and(|w| lexicon::TITLES.contains(&w)) {
        return true;
    }
    // A quotation left open continues the sentence if the next quotation mark in the
    // paragraph closes it: a quote truncated by its copy (`presented "excellent
    // proposals.`) does not swallow the sentences after it, nor the next quotation's.
    if quotation_open(sentence) {
        let paragraph_end =
            text[current.end..].find(['\n', '\r', '\u{2029}']).map_or(text.len(), |at| current.end + at);
        return next_mark_closes(&text[current.end..paragraph_end]);
    }
    let following = &text[next.clone()];
    let Some(word) = word else { return false };
    // "Hwy. 404", "Apt. 4": a short capitalised word before a stop and a figure is an
    // abbreviation the lists do not hold, not the end of a sentence.
    let written = sentence.strip_suffix('.').map(last_word).unwrap_or_default();
    let short_capitalised = written.chars().next().is_some_and(char::is_uppercase) && written.chars().count() <= 4;
    if short_capitalised && following.trim_start_matches(OPENING_MARKS).starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let next_word: String = following.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let next_is_lower = following.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    // "Monroe's." ends in a possessive, not an initial.
    let possessive = sentence.strip_suffix('.').is_some_and(|s| s.ends_with("'s") || s.ends_with("’s"));
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic) && !possessive;
    let is_initialism = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1);
    if is_initial || is_initialism {
        // "J. Smith", "U.S. Army" — unless the next word plainly opens a sentence.
        return !lexicon::SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    lexicon::SOFT_ABBREVIATIONS.contains(&word.as_str()) && next_is_lower
}

/// The word before the end of `text` (letters and inner dots).
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    &text[start..]
}

/// Whether the first quotation mark in `rest` closes a quotation rather than opens one.
fn next_mark_closes(rest: &str) -> bool {
    let mut previous: Option<char> = None;
    for c in rest.chars() {
        match c {
            '"' => return previous.is_some_and(|p| !opens_after(p)),
            '”' | '»' => return true,
            '“' | '„' | '«' => return false,
            _ => {}
        }
        previous = Some(c);
    }
    false
}

/// Whether a straight quote after `previous` opens a quotation.
fn opens_after(previous: char) -> bool {
    previous.is_whitespace() || matches!(previous, '(' | '[' | '—' | '–')
}

/// Whether a quotation opened in `sentence` is still open at its end.
fn quotation_open(sentence: &str) -> bool {
    // A straight quote opens after a space (or at the start) and closes after a word: a
    // sentence that begins inside a quotation opened earlier ("funding," said Rowe.)
    // holds only a closing one and leaves nothing open.
    let mut depth: i32 = 0;
    let mut previous: Option<char> = None;
    for c in sentence.chars() {
        match c {
            '"' if previous.is_none_or(opens_after) => depth += 1,
            '“' | '„' | '«' => depth += 1,
            '"' | '”' | '»' => depth = (depth - 1).max(0),
            _ => {}
        }
        previous = Some(c);
    }
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_stay_inside_sentences() {
        let text = "Mr. Lind met Dr. A. Orlen in the U.S. capital. Growth was 2.4 percent. U.S. officials agreed. \
                    The talks ended at 5 p.m. on Friday, the U.S. said. The fund, run by Acme Inc., grew.";
        assert_eq!(
            texts(text),
            [
                "Mr. Lind met Dr. A. Orlen in the U.S. capital.",
                "Growth was 2.4 percent.",
                "U.S. officials agreed.",
                "The talks ended at 5 p.m. on Friday, the U.S. said.",
                "The fund, run by Acme Inc., grew.",
            ]
        );
    }

    #[test]
    fn a_sentence_ending_in_an_abbreviated_place_ends_before_the_next_one() {
        assert_eq!(
            texts("He was killed in Amherst, N.Y. All the companies said they would help. The U.S. Army agreed."),
            ["He was killed in Amherst, N.Y.", "All the companies said they would help.", "The U.S. Army agreed."]
        );
    }

    #[test]
    fn a_possessive_before_the_stop_is_no_initial() {
        assert_eq!(
            texts("He would not let Lind's character meet Moro's. \"Belska should be on notice,\" he said."),
            ["He would not let Lind's character meet Moro's.", "\"Belska should be on notice,\" he said."]
        );
    }

    #[test]
    fn a_sentence_may_open_on_a_figure_but_not_after_an_abbreviation() {
        assert_eq!(
            texts("Unions had a mixed reaction. \"40 years of waiting,\" read one sign. 12 people were hurt."),
            ["Unions had a mixed reaction.", "\"40 years of waiting,\" read one sign.", "12 people were hurt."]
        );
        assert_eq!(
            texts("The No. 2 seed won on Nov. 30 at 9 a.m. 40 guests came near Hwy. 404 and Apt. 4."),
            ["The No. 2 seed won on Nov. 30 at 9 a.m. 40 guests came near Hwy. 404 and Apt. 4."]
        );
    }

    #[test]
    fn a_stop_without_a_space_after_it_ends_no_sentence() {
        assert_eq!(
            texts("The index .SPX fell 4 points. It closed lower."),
            ["The index .SPX fell 4 points.", "It closed lower."]
        );
    }

    #[test]
    fn a_sentence_that_closes_an_earlier_quotation_ends_at_its_stop() {
        assert_eq!(
            texts("Funding matters,\" said Dr. Rowe. But Miami is competing."),
            ["Funding matters,\" said Dr. Rowe.", "But Miami is competing."]
        );
    }

    #[test]
    fn a_stop_after_a_curly_quote_splits_without_a_panic() {
        assert_eq!(texts("The deal was “signed”. Talks ended."), ["The deal was “signed”.", "Talks ended."]);
    }

    #[test]
    fn a_quotation_never_closed_does_not_swallow_the_paragraph() {
        assert_eq!(
            texts("He said they had made \"excellent proposals. The board met on Monday. It agreed."),
            ["He said they had made \"excellent proposals.", "The board met on Monday.", "It agreed."]
        );
    }

    #[test]
    fn a_quotation_left_open_ends_before_the_next_one_opens() {
        assert_eq!(
            texts("Li said: \"It was a shock. Ann Fox said Mr Bo “will come”. \"We wait,\" he said."),
            ["Li said: \"It was a shock.", "Ann Fox said Mr Bo “will come”.", "\"We wait,\" he said."]
        );
        assert_eq!(
            texts("He said: \"We will go. We will win.\" Then he left."),
            ["He said: \"We will go. We will win.\"", "Then he left."]
        );
        // A title inside a quotation its copy never closes still does not end one.
        assert_eq!(
            texts("The lawyer read a statement: \"Mr. Ames was saddened by the ruling. The end came later."),
            ["The lawyer read a statement: \"Mr. Ames was saddened by the ruling.", "The end came later."]
        );
    }

    #[test]
    fn quotations_and_lines_bound_sentences() {
        let text = "HALVIK, May 14\n\"This accord matters. Every metre counts,\" the ministry said. It ended.\n\n“Yes. No.” He left";
        assert_eq!(
            texts(text),
            [
                "HALVIK, May 14",
                "\"This accord matters. Every metre counts,\" the ministry said.",
                "It ended.",
                "“Yes. No.”",
                "He left",
            ]
        );
    }

    #[test]
    fn offsets_count_characters() {
        let text = "Zürich grew. Genève shrank.";
        let sentences = split(text);
        assert_eq!(sentences[1].chars, 13..27);
        assert_eq!(sentences[1].text(text), "Genève shrank.");
    }

    #[test]
    fn other_scripts_split_too() {
        assert_eq!(texts("大坝很安全。资金已到位。"), ["大坝很安全。", "资金已到位。"]);
    }
}
