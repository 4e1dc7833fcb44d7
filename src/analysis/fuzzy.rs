//! Approximate matching for re-anchoring: where in a stretch of text a quote best
//! fits, allowing edits (semi-global Levenshtein alignment), and how alike two short
//! strings are.
//!
//! Quotes run to a few hundred characters and are only aligned inside small windows
//! found by exact seeds, so the quadratic alignment stays cheap; `diff-match-patch`'s
//! bitap matcher would cap patterns at 32 characters.

/// The best fit of `pattern` anywhere inside `text`: edit distance and the matched
/// range, in indices of `text`.
pub fn best_fit(pattern: &[char], text: &[char]) -> (usize, std::ops::Range<usize>) {
    let m = pattern.len();
    // Row over text positions: (cost, start of the match ending here).
    let mut prev: Vec<(usize, usize)> = (0..=text.len()).map(|j| (0, j)).collect();
    let mut cur = prev.clone();
    for (i, &p) in pattern.iter().enumerate() {
        cur[0] = (i + 1, 0);
        for j in 1..=text.len() {
            let substitution = (prev[j - 1].0 + usize::from(p != text[j - 1]), prev[j - 1].1);
            let deletion = (prev[j].0 + 1, prev[j].1);
            let insertion = (cur[j - 1].0 + 1, cur[j - 1].1);
            cur[j] = [substitution, deletion, insertion].into_iter().min_by_key(|c| c.0).unwrap_or(substitution);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    // Among the cheapest ends, the match whose length is closest to the pattern's.
    let mut best = (usize::MAX, 0..0);
    for (end, &(cost, start)) in prev.iter().enumerate() {
        let better_length = (end - start).abs_diff(m) < best.1.len().abs_diff(m);
        if cost < best.0 || (cost == best.0 && better_length) {
            best = (cost, start..end);
        }
    }
    best
}

/// Levenshtein similarity of two strings in 0..=1 (1 when equal, or both empty).
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn finds_an_edited_quote_inside_longer_text() {
        let text = chars("Kessary will contribute 24 milion euros to the fund.");
        let (cost, range) = best_fit(&chars("24 million euros"), &text);
        assert_eq!(cost, 1);
        assert_eq!(text[range].iter().collect::<String>(), "24 milion euros");
    }

    #[test]
    fn similarity_is_one_for_equal_and_lower_for_different() {
        assert!((similarity("abc", "abc") - 1.0).abs() < f64::EPSILON);
        assert!(similarity("kitten", "sitting") < 0.6);
    }
}
