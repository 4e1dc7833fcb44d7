//! Names of people and organisations as a passage writes them: runs of capitalised
//! words, with the titles and roles before them ("Finance Minister Ann Kessel",
//! "Institute for Supply Management").

use std::ops::Range;

use super::super::lexicon;
use super::super::tokens::Token;

/// One name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    pub tokens: Range<usize>,
    /// Indices of the words that name (not titles, roles or connectors).
    pub names: Vec<usize>,
    /// Indices of titles and roles ("Dr", "Minister").
    pub titles: Vec<usize>,
}

/// Lower-case words that may sit inside a name ("Bank of England", "Ludwig van Beethoven").
const CONNECTORS: &[&str] =
    &["of", "for", "de", "du", "van", "von", "der", "bin", "al", "el", "la", "le", "da", "di", "del"];

/// Whether the token at `i` is a capitalised word that can be part of a name.
pub fn is_name_word(tokens: &[&Token], i: usize) -> bool {
    let Some(token) = tokens.get(i) else { return false };
    let norm = token.norm.as_str();
    let common = token.is_stopword()
        || lexicon::SENTENCE_OPENERS.contains(&norm)
        || lexicon::MONTHS.contains(&norm)
        || lexicon::WEEKDAYS.contains(&norm);
    token.capitalised && !token.has_digit() && !common
}

/// Whether the word is a title or role that precedes names.
pub fn is_title(norm: &str) -> bool {
    lexicon::TITLES.contains(&norm) || lexicon::ROLE_TITLES.contains(&norm)
}

/// Every name in `tokens`, in order. A name never crosses a sentence start, nor
/// punctuation other than an initial's period or a hyphen: "the Minister for Water and
/// Rivers, Davor Lind" names a post and then a person.
pub fn mentions(text: &str, tokens: &[&Token], sentence_starts: &dyn Fn(usize) -> bool) -> Vec<NameMention> {
    let gap_before = |k: usize| k.checked_sub(1).and_then(|p| text.get(tokens[p].bytes.end..tokens[k].bytes.start));
    // "Paul (Jerry) Bremer": a one-word nickname in brackets is part of the name.
    let nickname = |k: usize| {
        gap_before(k).is_some_and(|gap| gap.trim() == "(")
            && k + 1 < tokens.len()
            && gap_before(k + 1).is_some_and(|gap| gap.trim() == ")")
    };
    let joined = |k: usize| {
        // "Jean-Luc", "J. Smith", "O'Neill" hold together; "MORANZA - Kessary" does not.
        let plain = gap_before(k).is_some_and(|gap| {
            let tight = matches!(gap, "-" | "'" | "’");
            tight || gap.chars().all(|c| c.is_whitespace() || c == '.')
        });
        plain || nickname(k) || (k > 0 && nickname(k - 1))
    };
    let sentence_starts = |k: usize| sentence_starts(k) || !joined(k);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(tokens, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && !sentence_starts(end) && is_name_word(tokens, end) {
                end += 1;
            } else if end + 1 < tokens.len()
                // "Watson, of Lindale": a comma before the connector ends the name.
                && !sentence_starts(end)
                && !person_of(tokens, start..end)
                && CONNECTORS.contains(&tokens[end].norm.as_str())
                && !tokens[end].capitalised
                && is_name_word(tokens, end + 1)
                && !sentence_starts(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        let words = start..end;
        // A title word closing a name after a first name is a surname: "Barclay Major",
        // "John Major" (but "Secretary General" stays a post).
        let surname = |k: usize| {
            k + 1 == end
                && k > start
                && tokens[k - 1].capitalised
                && !is_title(&tokens[k - 1].norm)
                && !lexicon::INSTITUTIONS.contains(&tokens[k - 1].norm.as_str())
        };
        let titles: Vec<usize> = words.clone().filter(|&k| is_title(&tokens[k].norm) && !surname(k)).collect();
        let names: Vec<usize> = words
            .clone()
            .filter(|&k| {
                tokens[k].capitalised && !titles.contains(&k) && !CONNECTORS.contains(&tokens[k].norm.as_str())
            })
            .collect();
        if !names.is_empty() {
            found.push(NameMention { tokens: words, names, titles });
        }
        i = end;
    }
    found
}

/// Whether `words`, followed by "of", end in a person's full name ("Sheena Young of
/// Child"): the words after "of" name where the person is from or works, not more of
/// the name. A body named with "of" has a word saying so ("Bank of England", "Federal
/// Reserve Bank of New York").
fn person_of(tokens: &[&Token], words: Range<usize>) -> bool {
    let of = tokens.get(words.end).is_some_and(|t| t.norm == "of");
    // The words after a post are the person's ("Agriculture Minister Sean Doyle of
    // Ireland"); a post with none after it is completed by "of" ("Minister of Agriculture").
    let after_post = words.clone().rfind(|&k| is_title(&tokens[k].norm)).map_or(words.start, |k| k + 1);
    let own = after_post..words.end;
    let body = own.clone().any(|k| {
        let w = tokens[k].norm.as_str();
        lexicon::INSTITUTIONS.contains(&w) || lexicon::NAMED_THINGS.contains(&w)
    });
    of && own.len() >= 2 && !body
}

/// Whether two folded words are the same name: equal, one the other's plural or
/// possessive written without its apostrophe ("Aronovs"), or its short form.
pub fn same_word(a: &str, b: &str) -> bool {
    // A short form of at least four letters names the same ("Doug", "Douglas").
    let short_form = |short: &str, long: &str| short.len() >= 4 && long.starts_with(short);
    a == b
        || a.strip_suffix('s') == Some(b)
        || b.strip_suffix('s') == Some(a)
        || short_form(a, b)
        || short_form(b, a)
        || one_letter_more(a, b)
        || one_letter_more(b, a)
        || silent_e(a, b)
        || silent_e(b, a)
        || one_vowel_changed(a, b)
        || lexicon::NICKNAMES.iter().chain(lexicon::PARTY_NAMES).any(|&(x, y)| (a, b) == (x, y) || (b, a) == (x, y))
        || same_consonants(a, b)
}

/// Whether a name is the other with a silent "e" at its end: "Anne" / "Ann",
/// "Lynne" / "Lynn".
fn silent_e(long: &str, short: &str) -> bool {
    short.chars().count() >= 3 && long.strip_suffix('e') == Some(short) && !short.ends_with(['a', 'e', 'i', 'o', 'u'])
}

/// Whether two words of five letters or more begin alike and have the same consonants
/// in the same order, doubled ones written once: how transliterations of one name
/// differ in their vowels ("Rasheed"/"Rashid", "Zulifquar"/"Zulfiqar"), as long as
/// most letters stay. A consonant changed ("Magdi"/"Mahdi") is another name.
fn same_consonants(a: &str, b: &str) -> bool {
    let (sa, sb) = (consonant_skeleton(a), consonant_skeleton(b));
    a.chars().count().max(b.chars().count()) >= 5
        && a.chars().next() == b.chars().next()
        && sa.len() >= 3
        && sa == sb
        && sa.iter().all(char::is_ascii_alphabetic)
        // "Burton" and "Britain" share their consonants but hardly their spelling.
        && super::super::fuzzy::similarity(a, b) >= 0.6
}

/// The consonants of a folded word in order, a doubled letter once ("noureddine" is
/// n, r, d, n): what spellings and transliterations of one name keep.
pub fn consonant_skeleton(word: &str) -> Vec<char> {
    let mut consonants: Vec<char> = word.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')).collect();
    consonants.dedup();
    consonants
}

/// Whether `long` is `short` with one letter added: how transliterations and spellings
/// of one name differ ("Jemaah"/"Jemah", "Domecq"/"Domeq"). A letter *changed*
/// ("Corvane"/"Corvale") is another name.
fn one_letter_more(long: &str, short: &str) -> bool {
    if short.chars().count() < 4 || long.chars().count() != short.chars().count() + 1 {
        return false;
    }
    let (long, short): (Vec<char>, Vec<char>) = (long.chars().collect(), short.chars().collect());
    let first_difference = short.iter().zip(&long).position(|(a, b)| a != b).unwrap_or(short.len());
    long[first_difference + 1..] == short[first_difference..]
}

/// Whether two words of at least four letters differ in one vowel only: how
/// transliterations of one name differ ("Qaeda"/"Qaida", "Mohammed"/"Muhammed"). A
/// consonant changed ("Corvane"/"Corvale") is another name.
fn one_vowel_changed(a: &str, b: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 4 || a.len() != b.len() {
        return false;
    }
    let mut differences = a.iter().zip(&b).filter(|(x, y)| x != y);
    matches!((differences.next(), differences.next()), (Some((&x, &y)), None) if vowel(x) && vowel(y))
}

/// A person named in full ("Ivan Petrov"), where the document names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullName {
    /// Byte offset of the mention in the document.
    pub at: usize,
    pub first: String,
    pub last: String,
}

/// The people a document names in full, in order: name mentions of two or more name
/// words after any title, with no institution word in them.
pub fn full_names(text: &str, sentences: &[Vec<Token>]) -> Vec<FullName> {
    let mut found = Vec::new();
    for sentence in sentences {
        let tokens: Vec<&Token> = sentence.iter().collect();
        for mention in mentions(text, &tokens, &|i| i == 0) {
            let after_title = mention.titles.last().map_or(0, |&t| t + 1);
            let names: Vec<&Token> = mention.names.iter().filter(|&&k| k >= after_title).map(|&k| tokens[k]).collect();
            let body = |t: &&Token| {
                lexicon::INSTITUTIONS.contains(&t.norm.as_str()) || lexicon::NAMED_THINGS.contains(&t.norm.as_str())
            };
            // "Speaker of the House Johnnie Byrd": the body ends the post, the person follows.
            let after_body = names.iter().rposition(body).map_or(0, |k| k + 1);
            let names = if names.len() >= after_body + 2 { &names[after_body..] } else { &names[..] };
            let institution = names.iter().any(body);
            if let (false, [first, .., last]) = (institution, names) {
                found.push(FullName { at: first.bytes.start, first: first.norm.clone(), last: last.norm.clone() });
            }
        }
    }
    found
}

/// The person a surname (or first name) used alone at byte `at` refers to: the last
/// one named in full before it with that name.
pub fn resolve<'p>(people: &'p [FullName], word: &str, at: usize) -> Option<&'p FullName> {
    people.iter().rev().filter(|p| p.at < at).find(|p| same_word(&p.last, word) || same_word(&p.first, word))
}

#[cfg(test)]
mod tests {
    use super::{full_names, same_word};
    use crate::analysis::tokens::tokenize;

    #[test]
    fn a_body_before_a_person_is_part_of_the_post_not_of_the_name() {
        let text = "The Speaker of the House Lena Marsh tabled the bill. The Bank of Orlen agreed.";
        let sentences: Vec<_> =
            crate::analysis::sentences::split_bytes(text).into_iter().map(|range| tokenize(text, range)).collect();
        let people: Vec<(String, String)> =
            full_names(text, &sentences).into_iter().map(|p| (p.first, p.last)).collect();
        assert_eq!(people, [("lena".to_owned(), "marsh".to_owned())]);
    }

    #[test]
    fn a_nickname_in_brackets_is_part_of_the_name() {
        let text = "The Reverend (Jesse) Halvik spoke after Paul (Jerry) Marsh.";
        let sentences: Vec<_> =
            crate::analysis::sentences::split_bytes(text).into_iter().map(|range| tokenize(text, range)).collect();
        let people: Vec<(String, String)> =
            full_names(text, &sentences).into_iter().map(|p| (p.first, p.last)).collect();
        assert_eq!(people, [("jesse".to_owned(), "halvik".to_owned()), ("paul".to_owned(), "marsh".to_owned())]);
    }

    #[test]
    fn short_forms_and_transliterations_name_one_person_and_a_changed_consonant_another() {
        for (a, b) in [
            ("jim", "james"),
            ("ed", "edward"),
            ("rasheed", "rashid"),
            ("zulifquar", "zulfiqar"),
            ("rami", "ramy"),
            ("omar", "omer"),
            ("gop", "republican"),
        ] {
            assert!(same_word(a, b), "{a} / {b}");
        }
        for (a, b) in [("magdi", "mahdi"), ("burton", "britain"), ("corvane", "corvale"), ("jim", "john")] {
            assert!(!same_word(a, b), "{a} / {b}");
        }
    }
}
