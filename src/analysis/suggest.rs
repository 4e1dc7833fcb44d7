//! Sentences worth checking, ranked, each with the reasons it was suggested.
//!
//! Fact-checkers check what can be wrong in a verifiable way: amounts, named people and
//! bodies, who said what, comparisons and claims of cause. Each signal adds to a score;
//! the reasons are plain text the app shows beside the suggestion.

use std::ops::Range;

use serde::Serialize;

use super::tokens::{Token, tokenize};
use super::{furniture, lexicon, sentences};
use crate::model::{CharIndex, Project, SourceId};

/// A sentence suggested as a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Characters of the source.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub score: f64,
    /// Why, for the analyst: "has a number: 40 million euros", "attributed: “the ministry said”".
    pub reasons: Vec<String>,
}

const COMPARISONS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "up from",
    "down from",
    "compared with",
    "compared to",
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "record",
    "first time",
    "twice as",
    "half as",
    "most",
    "least",
    "worst",
    "best",
    "increase of",
    "rise of",
];

const CAUSES: &[&str] = &[
    "because",
    "due to",
    "caused",
    "causing",
    "led to",
    "leads to",
    "as a result",
    "result of",
    "blamed",
    "thanks to",
    "in order to",
    "so that",
    "triggered",
    "responsible for",
];

/// Words that follow a number without being its unit ("24 million last year").
const NOT_UNITS: &[&str] = &["last", "next", "ago", "earlier", "later", "before", "since", "this", "that", "a", "an"];

/// Ranked suggestions for a text, best first.
pub fn suggest(text: &str) -> Vec<Suggestion> {
    let index = CharIndex::new(text);
    let sentences = sentences::split_bytes(text);
    let furniture = furniture::flags(text, &sentences);
    let mut found: Vec<Suggestion> = sentences
        .into_iter()
        .zip(furniture)
        .filter_map(|(bytes, furniture)| {
            let sentence = &text[bytes.clone()];
            if furniture {
                return None;
            }
            let tokens = tokenize(text, bytes.clone());
            if tokens.len() < 6 {
                return None;
            }
            let (score, reasons) = assess(text, sentence, &tokens);
            (score > 0.0).then(|| Suggestion {
                start: index.char_offset(text, bytes.start),
                end: index.char_offset(text, bytes.end),
                text: sentence.to_owned(),
                score,
                reasons,
            })
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
    found
}

/// Suggestions for a project source, leaving out sentences already marked as claims.
pub fn suggest_for_source(project: &Project, id: SourceId) -> Vec<Suggestion> {
    let Some(source) = project.sources.get(&id) else { return Vec::new() };
    let marked: Vec<Range<usize>> = project
        .claims
        .values()
        .flat_map(|claim| claim.appearances.iter())
        .filter(|anchor| anchor.source == id)
        .map(|anchor| anchor.start..anchor.end)
        .collect();
    suggest(source.text()).into_iter().filter(|s| !marked.iter().any(|m| m.start < s.end && s.start < m.end)).collect()
}

fn quoted(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() { format!("“{short}…”") } else { format!("“{short}”") }
}

fn span<'t>(text: &'t str, tokens: &[Token]) -> &'t str {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => text.get(a.bytes.start..b.bytes.end).unwrap_or_default(),
        _ => "",
    }
}

fn assess(text: &str, sentence: &str, tokens: &[Token]) -> (f64, Vec<String>) {
    let mut score = 0.0;
    let mut reasons = Vec::new();
    let numbers = numbers(text, tokens);
    if !numbers.is_empty() {
        score += 2.0 + 0.5 * (numbers.len() - 1).min(2) as f64;
        reasons.push(format!("has a number: {}", numbers.iter().take(3).cloned().collect::<Vec<_>>().join(", ")));
    }
    let names = names(text, tokens);
    if !names.is_empty() {
        score += 1.0 + 0.3 * (names.len() - 1).min(3) as f64;
        reasons.push(format!("names {}", names.iter().take(3).cloned().collect::<Vec<_>>().join(", ")));
    }
    if let Some(attribution) = attribution(text, tokens) {
        score += 1.5;
        reasons.push(format!("attributed: {}", quoted(attribution)));
    }
    let lower = sentence.to_lowercase();
    if let Some(phrase) = COMPARISONS.iter().find(|p| contains_phrase(&lower, p)) {
        score += 1.5;
        reasons.push(format!("makes a comparison: “{phrase}”"));
    }
    if let Some(phrase) = CAUSES.iter().find(|p| contains_phrase(&lower, p)) {
        score += 1.5;
        reasons.push(format!("claims a cause: “{phrase}”"));
    }
    if sentence.contains(['"', '“', '”']) {
        score += 0.5;
        reasons.push("quotes someone".to_owned());
    }
    (score, reasons)
}

fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[at + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// Numbers with the scale and unit words that follow them: "40 million euros".
fn numbers(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].has_digit() {
            let mut end = i + 1;
            while end < tokens.len()
                && end < i + 3
                && (lexicon::SCALE_WORDS.contains(&tokens[end].norm.as_str())
                    || lexicon::AMOUNT_SYMBOLS.contains(&tokens[end].norm.as_str())
                    || ((end == i + 1 || lexicon::SCALE_WORDS.contains(&tokens[end - 1].norm.as_str()))
                        && !tokens[end].is_stopword()
                        && !NOT_UNITS.contains(&tokens[end].norm.as_str())
                        && !tokens[end].capitalised))
            {
                end += 1;
            }
            let start = if i > 0 && lexicon::AMOUNT_SYMBOLS.contains(&tokens[i - 1].norm.as_str()) { i - 1 } else { i };
            found.push(span(text, &tokens[start..end]).to_owned());
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Runs of capitalised words after the first word: people, bodies, places.
fn names(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut run: Vec<Token> = Vec::new();
    let is_name = |t: &Token| {
        t.capitalised
            && !t.has_digit()
            && !lexicon::MONTHS.contains(&t.norm.as_str())
            && !lexicon::WEEKDAYS.contains(&t.norm.as_str())
    };
    let end = Token { bytes: 0..0, norm: String::new(), capitalised: false, all_caps: false };
    for (i, token) in tokens.iter().chain([&end]).enumerate() {
        // The first word is capitalised anyway; it counts when it is not a common word.
        let common = token.is_stopword() || lexicon::SENTENCE_OPENERS.contains(&token.norm.as_str());
        if is_name(token) && !(i == 0 && common) {
            run.push(token.clone());
        } else if !run.is_empty() {
            let name = span(text, &run).to_owned();
            if !found.contains(&name) {
                found.push(name);
            }
            run.clear();
        }
    }
    found
}

/// The speaker and verb: "the ministry said", or "according to …".
fn attribution<'t>(text: &'t str, tokens: &[Token]) -> Option<&'t str> {
    let at = tokens.iter().position(|t| lexicon::ATTRIBUTION_VERBS.contains(&t.norm.as_str()))?;
    if tokens[at].norm == "according" {
        let end = (at + 5).min(tokens.len());
        return Some(span(text, &tokens[at..end]));
    }
    // The speaker is the few words before the verb, back to the nearest punctuation.
    let mut start = at;
    while start > 0 && at - start < 4 {
        let gap = text.get(tokens[start - 1].bytes.end..tokens[start].bytes.start).unwrap_or_default();
        if gap.contains([',', ';', '.', '"', '“', '”', ':']) {
            break;
        }
        start -= 1;
    }
    Some(span(text, &tokens[start..=at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_checkable_sentences_first_and_says_why() {
        let text = "It was a sunny day in the valley and everyone was happy about it. \
                    Kessary will put 40 million euros into the fund, up from 24 million last year, the ministry said. \
                    Mattias Orlen met farmers near the border on the river.";
        let found = suggest(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        let top = &found[0];
        assert!(top.text.starts_with("Kessary will put"));
        assert!(top.reasons.iter().any(|r| r == "has a number: 40 million euros, 24 million"), "{:?}", top.reasons);
        assert!(
            top.reasons.iter().any(|r| r.starts_with("attributed: “") && r.contains("the ministry said")),
            "{:?}",
            top.reasons
        );
        assert!(top.reasons.iter().any(|r| r == "makes a comparison: “up from”"), "{:?}", top.reasons);
        assert!(found[1].reasons.iter().any(|r| r == "names Mattias Orlen"), "{:?}", found[1].reasons);
    }
}
