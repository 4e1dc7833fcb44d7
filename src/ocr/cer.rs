//! Character error rate: how far OCR's text is from what the picture says.
//!
//! CER is the edit distance (insertions, deletions, substitutions of characters) between the
//! reading and the ground truth, divided by the length of the ground truth. Runs of
//! whitespace count as one space, since where a reader breaks lines is not an error.

/// `text` with every run of whitespace as one space and no space at either end.
pub fn normalise(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !chars.is_empty() {
            chars.push(' ');
        }
        chars.extend(word.chars());
    }
    chars
}

/// Levenshtein distance between two character sequences, in one row of memory.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &left) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &right) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(left != right)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Errors and length of the truth, so rates over several pages weigh pages by their length.
pub fn errors(truth: &str, reading: &str) -> (usize, usize) {
    let truth = normalise(truth);
    (edit_distance(&truth, &normalise(reading)), truth.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_not_errors_but_letters_are() {
        assert_eq!(errors("one two\nthree", "one  two three"), (0, 13));
        assert_eq!(errors("ferry at 22:15", "ferry at 22.15"), (1, 14));
        assert_eq!(errors("abc", ""), (3, 3));
        assert_eq!(edit_distance(&normalise("kitten"), &normalise("sitting")), 3);
    }
}
