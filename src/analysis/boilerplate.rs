//! Page furniture and press-release scaffolding that is not part of the story:
//! "Share this article", newsletter prompts, navigation bars, copyright lines.
//!
//! Such lines differ between outlets as a matter of course; the alignment keeps them in
//! its rows (so the side-by-side view shows them) but they never make a discrepancy.

use super::lexicon;

/// Whether a sentence (or line) is boilerplate.
pub fn is_boilerplate(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    if lexicon::BOILERPLATE_OPENERS.iter().any(|opener| lower.starts_with(opener)) {
        return true;
    }
    // Navigation bars and "Related stories: a | b | c" lines.
    if lower.matches(" | ").count() >= 2 {
        return true;
    }
    let words = lower.split_whitespace().count();
    words <= 12 && lexicon::BOILERPLATE.iter().any(|phrase| lower.contains(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_recognised_and_story_sentences_are_not() {
        for line in [
            "Share this article",
            "Sign up for our newsletter",
            "Skip to content",
            "Copyright 2024 Northgate Daily. All rights reserved.",
            "© 2024 Meridian Press Agency",
            "Home | World | Business | Climate",
            "Related stories: Drought slashes harvests | Port expansion | Dam safety",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "The minister said the fund would subscribe to new bonds worth 40 million euros over the next five years.",
            "Varenland supported a proposal to give the commission new powers.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
