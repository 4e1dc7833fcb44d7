//! Counts in English, for messages an analyst reads: "1 claim edited", "3 claims edited".

/// `n` followed by the singular or plural form: `count(1, "claim", "claims")` is "1 claim".
pub fn count<N: std::fmt::Display + PartialEq + From<u8> + Copy>(n: N, one: &str, many: &str) -> String {
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1usize, "claim", "claims"), "1 claim");
        assert_eq!(count(0u64, "claim", "claims"), "0 claims");
        assert_eq!(count(2usize, "piece of evidence", "pieces of evidence"), "2 pieces of evidence");
    }
}
