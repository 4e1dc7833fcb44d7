//! Places and credited agencies a passage names, found in the gazetteer.

use std::ops::Range;

use super::super::dateline;
use super::super::gazetteer::{self, Agency, Place};
use super::super::lexicon;
use super::super::tokens::{Token, gap_before};
use super::names::{NameMention, is_name_word, is_title};

/// The longest place or agency name in the gazetteer is this many words long.
const LONGEST: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub tokens: Range<usize>,
    pub place: &'static Place,
    /// Written in capitals at the start of a sentence ("HALVIK, May 14 -"): where the
    /// story was filed, not where its events happened.
    pub dateline: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgencyMention {
    pub tokens: Range<usize>,
    pub agency: &'static Agency,
}

fn words<'t>(tokens: &[&'t Token], i: usize) -> Vec<&'t str> {
    tokens[i..tokens.len().min(i + LONGEST)].iter().map(|t| t.norm.as_str()).collect()
}

/// "US" and "U.S." are the country, "us" is not.
fn could_be_acronym(text: &str, token: &Token) -> bool {
    token.all_caps || token.raw(text).contains('.')
}

/// Whether only spaces or a hyphen part token `i` from the one before: "Panama City;
/// Atlanta" are two names, "Georgia Smith" one.
fn adjacent(text: &str, tokens: &[&Token], i: usize) -> bool {
    let joined = |gap: &str| gap.chars().all(|c| c.is_whitespace() || c == '-');
    gap_before(text, tokens, i).is_some_and(joined)
}

/// Whether the word at `next` continues a name begun by a place word: "Georgia Smith"
/// or "Texas Instruments" name a person or a company, not a place.
fn before_surname(text: &str, tokens: &[&Token], next: usize) -> bool {
    adjacent(text, tokens, next)
        && is_name_word(tokens, next)
        // "the New York Attorney General": a post in a place, not a person's name.
        && !is_title(&tokens[next].norm)
        && !lexicon::PLACE_AFTER.contains(&tokens[next].norm.as_str())
        && gazetteer::place_at(&words(tokens, next)).is_none()
        && gazetteer::agency_at(&words(tokens, next)).is_none()
}

/// Every gazetteer place in `tokens`. A capitalised word right after a first name is
/// part of a person's name ("Michael Jordan"), not a place; so is one right before a
/// surname.
pub fn places(text: &str, tokens: &[&Token]) -> Vec<PlaceMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        // "south Asia" is "South Asia" written in lower case: a bearing may open a
        // region's name before a capitalised word.
        let bearing = !token.capitalised
            && matches!(token.norm.as_str(), "north" | "south" | "east" | "west" | "central" | "southeast")
            && tokens.get(i + 1).is_some_and(|next| next.capitalised);
        let candidate = bearing || token.capitalised && (token.norm != "us" || could_be_acronym(text, token));
        // Only a capitalised word can start a place; the lookups below are the cost.
        if !candidate {
            i += 1;
            continue;
        }
        let after_place = found.last().is_some_and(|p: &PlaceMention| p.tokens.end == i);
        let after_first_name = i > 0
            && !after_place
            && adjacent(text, tokens, i)
            && is_name_word(tokens, i - 1)
            && !is_title(&tokens[i - 1].norm)
            && gazetteer::place_at(&words(tokens, i - 1)).is_none();
        // "Judge Nottingham" is a person named like a city.
        let after_title = i > 0 && adjacent(text, tokens, i) && is_title(&tokens[i - 1].norm);
        // "Moscow's Red Square": a place's own thing follows, not more of a name.
        let possessive = |length: usize| {
            let raw = tokens[i + length - 1].raw(text);
            raw.ends_with("'s") || raw.ends_with("’s")
        };
        let hit = gazetteer::place_at(&words(tokens, i)).filter(|&(length, _)| {
            (!bearing || length > 1)
                && !after_first_name
                && !after_title
                && (possessive(length) || !before_surname(text, tokens, i + length))
        });
        match hit {
            Some((length, place)) => {
                let dateline = dateline::opens_at(text, token.bytes.start);
                found.push(PlaceMention { tokens: i..i + length, place, dateline });
                i += length;
            }
            None => i += 1,
        }
    }
    found
}

/// Every gazetteer agency in `tokens`; short ones ("AP", "WHO") only in capitals.
pub fn agencies(text: &str, tokens: &[&Token]) -> Vec<AgencyMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if !token.capitalised {
            i += 1;
            continue;
        }
        let hit = gazetteer::agency_at(&words(tokens, i))
            .filter(|(_, agency)| !agency.acronym_only || could_be_acronym(text, token));
        match hit {
            Some((length, agency)) => {
                found.push(AgencyMention { tokens: i..i + length, agency });
                i += length;
            }
            None => i += 1,
        }
    }
    found
}

/// Whether the words before a name (nearest first, up to `CUE_REACH`) lead to a place:
/// "held in", "across the". "to" does so after a journey ("a visit to", "flew to the")
/// or a starting place ("from Lyon to"); elsewhere it leads to a person or a group
/// ("according to", "his commitment to").
fn leads_to_place(before: [&str; CUE_REACH]) -> bool {
    // "the port of Aqaba", "the state of Halvia".
    if let ["of", kind, ..] = &before
        && lexicon::PLACE_AFTER.contains(kind)
    {
        return true;
    }
    let (to, rest): (&str, &[&str]) = match &before {
        ["the", cue, rest @ ..] => (cue, rest),
        [cue, rest @ ..] => (cue, rest),
    };
    if !lexicon::PLACE_BEFORE.contains(&to) {
        return false;
    }
    to != "to"
        || rest.first().is_some_and(|&word| lexicon::JOURNEY_TO.contains(&super::super::align::stem(word)))
        || rest.contains(&"from")
}

/// How many words before a name `leads_to_place` reads.
pub(crate) const CUE_REACH: usize = 5;

/// Whether the words before token `at` lead to a place there (`leads_to_place`). The
/// cue must run into the name, with only whitespace between: in "will not give in,\"
/// Marsh told" the last word of a quotation leads nowhere outside it.
pub(crate) fn cued_at(text: &str, tokens: &[&Token], at: usize) -> bool {
    let norm = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map_or("", |t| t.norm.as_str());
    let joined = gap_before(text, tokens, at).is_some_and(|gap| gap.trim().is_empty());
    joined && leads_to_place(std::array::from_fn(|k| norm(at.checked_sub(k + 1))))
}

/// Names the words around make a place although the gazetteer does not know them:
/// "held in Halvik", "along the Pell River", "Residents of Low Street". A name with a
/// title is a person; one the gazetteer knows is already a place or an agency.
pub fn cue_places(text: &str, tokens: &[&Token], names: &[NameMention], known: &[Range<usize>]) -> Vec<NameMention> {
    let norm = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map_or("", |t| t.norm.as_str());
    let cue_before = |at: usize| cued_at(text, tokens, at);
    let cue_after = |mention: &NameMention| {
        let last = norm(Some(mention.tokens.end - 1));
        lexicon::PLACE_AFTER.contains(&last) || lexicon::PLACE_AFTER.contains(&norm(Some(mention.tokens.end)))
    };
    // "in the Belsk capital Hollin", "the Jordanian port of Aqaba": the place stated is
    // Hollin or Aqaba; Belsk only says whose capital it is.
    let qualifies_another = |mention: &NameMention| {
        let next = mention.tokens.end;
        let stated = next + if norm(Some(next + 1)) == "of" { 2 } else { 1 };
        lexicon::PLACE_AFTER.contains(&norm(Some(next))) && tokens.get(stated).is_some_and(|t| t.capitalised)
    };
    names
        .iter()
        .filter(|m| m.titles.is_empty())
        // "from Harbour News Agency" names a body, "at Lakeside Hospital" a building.
        .filter(|m| {
            !m.names.iter().filter_map(|&k| tokens.get(k)).any(|t| {
                let w = t.norm.as_str();
                lexicon::INSTITUTIONS.contains(&w) || lexicon::NAMED_THINGS.contains(&w)
            })
        })
        .filter(|m| !known.iter().any(|k| k.start < m.tokens.end && m.tokens.start < k.end))
        // Single letters name no place: "at C$3.93" is a price in Canadian dollars.
        .filter(|m| m.names.iter().any(|&k| tokens.get(k).is_some_and(|t| t.norm.chars().count() > 1)))
        .filter(|m| (cue_before(m.tokens.start) || cue_after(m)) && !qualifies_another(m))
        .cloned()
        .collect()
}

/// Whether a name is a news outlet's ("Nordline News", "Harbour Radio"): two words or
/// more, one of them a word outlets are named with.
pub fn is_outlet(tokens: &[&Token], mention: &NameMention) -> bool {
    mention.names.len() >= 2
        && mention
            .names
            .iter()
            .any(|&k| tokens.get(k).is_some_and(|t| lexicon::OUTLET_WORDS.contains(&t.norm.as_str())))
}

/// News outlets the gazetteer does not know, named where a statement is credited to
/// them: "told the Nordline News Service", "Harbour Radio reported", "according to
/// Nordline News". Named elsewhere ("an interview on Harbour Radio"), an outlet is only
/// what the sentence is about.
pub fn credited_outlets(tokens: &[&Token], names: &[NameMention], known: &[Range<usize>]) -> Vec<NameMention> {
    names
        .iter()
        .filter(|m| is_outlet(tokens, m) && credited_by_attribution(tokens, m))
        .filter(|m| !known.iter().any(|k| k.start < m.tokens.end && m.tokens.start < k.end))
        .cloned()
        .collect()
}

/// Whether a statement is attributed to the name: a verb of saying right after it
/// ("Nordline News said"), or "told", "according to" or a verb of saying and "by" right
/// before it, an article between allowed ("told the Nordline News Service").
pub fn credited_by_attribution(tokens: &[&Token], mention: &NameMention) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| tokens.get(k)).map_or("", |t| t.norm.as_str());
    let start = mention.tokens.start;
    let start = if word(start.checked_sub(1)) == "the" { start - 1 } else { start };
    let (before, two_before) = (word(start.checked_sub(1)), word(start.checked_sub(2)));
    let said_after = lexicon::ATTRIBUTION_VERBS.contains(&word(Some(mention.tokens.end)));
    said_after
        || before == "told"
        || (before == "to" && two_before == "according")
        || (before == "by" && lexicon::ATTRIBUTION_VERBS.contains(&two_before))
}

/// If the place at `place` is where something is based ("an Oslo-based carrier", "the
/// company, which is based in Bergen", "headquartered in Turku"), what is based there:
/// `Some(Some(name))` for a name ("Oslo-based Nordline" gives "nordline"), `Some(None)`
/// for a common noun ("the company"), which may be anything the story is about.
pub fn based_here(text: &str, tokens: &[&Token], place: &Range<usize>) -> Option<Option<String>> {
    const BASED: &[&str] = &["based", "headquartered"];
    let word = |k: usize| tokens.get(k).map(|t| t.norm.as_str());
    let named = |k: usize| is_name_word(tokens, k).then(|| tokens[k].norm.clone());
    let hyphened =
        word(place.end).is_some_and(|w| BASED.contains(&w)) && gap_before(text, tokens, place.end) == Some("-");
    if hyphened {
        // "Oslo-based Nordline", "the Oslo-based shipping group Nordline": the first name
        // after, within the phrase.
        return Some((place.end + 1..place.end + 4).find_map(named));
    }
    let before = |back: usize| place.start.checked_sub(back).and_then(word);
    if before(1) != Some("in") || !before(2).is_some_and(|w| BASED.contains(&w)) {
        return None;
    }
    // "Nordline, based in Bergen", "Nordline, which is based in Bergen".
    let subject = (place.start.saturating_sub(6)..place.start - 2)
        .rev()
        .find(|&k| !matches!(word(k), Some("which" | "that" | "is" | "are" | "was")));
    Some(subject.and_then(named))
}
