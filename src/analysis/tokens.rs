//! Words of a text with their byte offsets, and the folded form comparison uses.
//!
//! Folding makes harmless differences vanish before anything is compared: case,
//! punctuation (never a token), British/American spelling, "per cent"/"percent"/"%",
//! spelled-out small numbers, thousands separators, possessive "'s", dots in "U.S.".

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::lexicon;

/// One word, number or amount symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the word is in the text, in bytes.
    pub bytes: Range<usize>,
    /// The folded form that comparison uses.
    pub norm: String,
    /// Starts with a capital letter (a name, or the first word of a sentence).
    pub capitalised: bool,
    /// Every letter is a capital and there are at least two ("HALVIK", "UN").
    pub all_caps: bool,
}

impl Token {
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.bytes.clone()).unwrap_or_default()
    }

    pub fn has_digit(&self) -> bool {
        self.norm.bytes().any(|b| b.is_ascii_digit())
    }

    pub fn is_stopword(&self) -> bool {
        lexicon::STOPWORDS.contains(&self.norm.as_str())
    }
}

/// The text between token `k - 1` and token `k` (spaces, punctuation), if both exist.
pub fn gap_before<'t>(text: &'t str, tokens: &[&Token], k: usize) -> Option<&'t str> {
    let before = tokens.get(k.checked_sub(1)?)?;
    text.get(before.bytes.end..tokens.get(k)?.bytes.start)
}

fn is_symbol(c: char) -> bool {
    matches!(c, '%' | '$' | '€' | '£' | '¥')
}

/// Whether `c` at this point continues the word that `word` has so far.
fn joins(word: &str, c: char, next: Option<char>) -> bool {
    let Some(prev) = word.chars().next_back() else { return false };
    let Some(next) = next else { return false };
    match c {
        '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                // Dotted initialisms: "U.S", "e.g" — one letter between dots.
                || (prev.is_alphabetic() && next.is_alphabetic() && word.rsplit('.').next().is_some_and(|part| part.chars().count() == 1))
        }
        _ => false,
    }
}

/// Spaces that may group the digits of a number: plain, no-break and thin.
const NUMBER_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Whether the space `gap` at the start of `rest` separates thousands inside one
/// number ("80 937", "1 250 000"): the number so far is groups of digits with at most
/// three in the first, and exactly three digits follow the space.
fn thousands_gap(word: &str, gap: char, rest: &str) -> bool {
    if !NUMBER_SPACES.contains(&gap) {
        return false;
    }
    let mut groups = word.split(NUMBER_SPACES);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let after = &rest[gap.len_utf8()..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let ends = after[digits..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != ',' && c != '.');
    first_ok && rest_ok && digits == 3 && ends
}

/// Splits `text[range]` into tokens; offsets are absolute bytes of `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut tokens = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if is_symbol(c) {
            let end = start + c.len_utf8();
            tokens.push(make_token(text, range.start + start..range.start + end));
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            let word = &slice[start..end];
            let after = slice[at + next.len_utf8()..].chars().next();
            if next.is_alphanumeric() || joins(word, next, after) || thousands_gap(word, next, &slice[at..]) {
                end = at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        tokens.push(make_token(text, range.start + start..range.start + end));
    }
    merge_per_cent(&mut tokens);
    merge_currency_codes(text, &mut tokens);
    tokens
}

fn make_token(text: &str, bytes: Range<usize>) -> Token {
    let raw = &text[bytes.clone()];
    let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 2 && raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    Token { norm: fold(raw), bytes, capitalised, all_caps }
}

/// "per cent" is one amount symbol, like "percent" and "%".
fn merge_per_cent(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        if tokens[i].norm == "per" && tokens[i + 1].norm == "cent" {
            let end = tokens[i + 1].bytes.end;
            tokens[i].bytes.end = end;
            "%".clone_into(&mut tokens[i].norm);
            tokens.remove(i + 1);
        }
        i += 1;
    }
}

/// A country's letters written onto a dollar sign ("US$729", "$US346", "C$3.93") are
/// part of the symbol: the amount is a dollar amount, and the letters name no place.
fn merge_currency_codes(text: &str, tokens: &mut Vec<Token>) {
    let code = |raw: &str| (1..=3).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_uppercase());
    let adjacent = |a: &Token, b: &Token| a.bytes.end == b.bytes.start;
    let mut i = 0;
    while i + 1 < tokens.len() {
        let (symbol, next) = (&tokens[i], &tokens[i + 1]);
        if symbol.norm == "$" && adjacent(symbol, next) {
            // "$US346,807": the letters lead the number's token.
            let raw = next.raw(text);
            let letters = raw.bytes().take_while(u8::is_ascii_uppercase).count();
            if letters > 0 && code(&raw[..letters]) && raw.as_bytes().get(letters).is_some_and(u8::is_ascii_digit) {
                let split = next.bytes.start + letters;
                let number = make_token(text, split..next.bytes.end);
                tokens[i].bytes.end = split;
                tokens[i + 1] = number;
            }
        } else if code(symbol.raw(text))
            && next.norm == "$"
            && adjacent(symbol, next)
            && tokens.get(i + 2).is_some_and(|n| adjacent(next, n) && n.has_digit())
        {
            // "US$729": the letters stand before the sign.
            let end = next.bytes.end;
            tokens[i].bytes.end = end;
            "$".clone_into(&mut tokens[i].norm);
            tokens[i].capitalised = false;
            tokens[i].all_caps = false;
            tokens.remove(i + 1);
        }
        i += 1;
    }
}

/// The comparison form of one word.
pub fn fold(raw: &str) -> String {
    // "Chrétien" and "Chretien" are one name: decompose, then drop the accents.
    let mut word: String = raw
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase();
    for possessive in ["'s", "'"] {
        if word.len() > possessive.len() + 1 && word.ends_with(possessive) {
            word.truncate(word.len() - possessive.len());
        }
    }
    // "don't" and "dont", "O'Neill" and "ONeill" are the same word.
    if word.contains('\'') {
        word.retain(|c| c != '\'');
    }
    if word.bytes().any(|b| b.is_ascii_digit()) {
        // A rank, "3rd", folds as "third" does (below).
        if let Some(digits) = ["st", "nd", "rd", "th"].iter().find_map(|suffix| word.strip_suffix(suffix))
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            return format!("#{digits}");
        }
        // "1,2 million" is written with a decimal comma; "18,000" with a thousands one.
        if let Some((whole, part)) = word.rsplit_once(',')
            && !whole.contains([',', '.'])
            && (1..=2).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
        {
            return format!("{whole}.{part}");
        }
        return word.replace(',', "").replace(NUMBER_SPACES, "");
    }
    if word.contains('.') {
        return word.replace('.', "");
    }
    if matches!(word.as_str(), "percent" | "pct") {
        return "%".to_owned();
    }
    if let Some((_, digits)) = lexicon::NUMBER_WORDS.iter().find(|(name, _)| *name == word) {
        return (*digits).to_owned();
    }
    // A rank written out folds to "#3", as "3rd" does, so the two agree.
    if let Some((_, rank)) = lexicon::ORDINAL_WORDS.iter().find(|(name, _)| *name == word) {
        return format!("#{rank}");
    }
    american(&word).unwrap_or(word)
}

/// The American spelling of a British one, if `word` is one.
fn american(word: &str) -> Option<String> {
    if let Some((_, us)) = lexicon::SPELLINGS.iter().find(|(uk, _)| *uk == word) {
        return Some((*us).to_owned());
    }
    for (suffix, single) in [("lled", "led"), ("lling", "ling"), ("ller", "ler")] {
        if let Some(stem) = word.strip_suffix(suffix)
            && lexicon::DOUBLED_L_STEMS.iter().any(|s| s.strip_suffix('l') == Some(stem))
        {
            return Some(format!("{stem}{single}"));
        }
    }
    for (suffix, z) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix) {
            let base = format!("{stem}{}", if suffix.starts_with('y') { "yse" } else { "ise" });
            // "compromise" is "promise" with a prefix, but "terrorise" and "authorise"
            // are not "rise": a short word is exempt only by itself.
            let exempt = lexicon::ISE_WORDS.iter().any(|w| base == *w || (w.len() >= 6 && base.ends_with(w)));
            if stem.chars().count() >= 3 && !exempt {
                return Some(format!("{stem}{z}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text, 0..text.len()).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn punctuation_is_never_a_token_and_numbers_keep_their_separators() {
        assert_eq!(
            norms("It rose 2.4%, to 210,000 — in the U.S."),
            ["it", "rose", "2.4", "%", "to", "210000", "in", "the", "us"]
        );
        assert_eq!(norms("Kessary's dam-safety fund"), ["kessary", "dam", "safety", "fund"]);
    }

    #[test]
    fn harmless_variants_fold_together() {
        assert_eq!(norms("42 per cent"), norms("42 percent"));
        assert_eq!(norms("42 percent"), norms("42%"));
        assert_eq!(
            norms("the neighbours organised a programme in the centre"),
            norms("the neighbors organized a program in the center")
        );
        assert_eq!(norms("seven cubic metres, travelled"), norms("7 cubic meters, traveled"));
        assert_eq!(norms("Don’t"), norms("don't"));
        assert_ne!(norms("rise"), norms("rize"));
        assert_ne!(norms("filled"), norms("filed"));
        assert_eq!(fold("surprised"), "surprised");
        assert_eq!(fold("exercising"), "exercising");
        assert_eq!(norms("to terrorise and vandalise, authorised"), norms("to terrorize and vandalize, authorized"));
        assert_eq!(fold("compromise"), "compromise");
    }

    #[test]
    fn a_country_code_on_a_dollar_sign_is_part_of_the_sign() {
        let text = "US$729 and $US346,807, not C$ alone";
        let tokens = tokenize(text, 0..text.len());
        let raws: Vec<&str> = tokens.iter().map(|t| t.raw(text)).collect();
        assert_eq!(raws, ["US$", "729", "and", "$US", "346,807", "not", "C", "$", "alone"]);
        assert_eq!(tokens[0].norm, "$");
        assert_eq!(tokens[3].norm, "$");
        assert_eq!(tokens[4].norm, "346807");
    }

    #[test]
    fn a_number_grouped_in_thousands_by_spaces_is_one_number() {
        assert_eq!(norms("nearly 80 937 hectares"), ["nearly", "80937", "hectares"]);
        assert_eq!(norms("1 250 000 people"), ["1250000", "people"]);
        // Two figures side by side stay two: a year and a count, or a group of four.
        assert_eq!(norms("in 2003 500 people, 12 3456"), ["in", "2003", "500", "people", "12", "3456"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_whole_text() {
        let text = "Zürich: 40 €";
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(tokens.iter().map(|t| t.raw(text)).collect::<Vec<_>>(), ["Zürich", "40", "€"]);
        assert!(tokens[0].capitalised && !tokens[0].all_caps);
    }
}
