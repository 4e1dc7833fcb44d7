//! Places and credited agencies a passage names, found in the gazetteer.

use std::ops::Range;

use super::super::gazetteer::{self, Agency, Place};
use super::super::tokens::Token;
use super::names::{is_name_word, is_title};

/// The longest place or agency name in the gazetteer is this many words long.
const LONGEST: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub tokens: Range<usize>,
    pub place: &'static Place,
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

/// Every gazetteer place in `tokens`. A capitalised word right after a first name is
/// part of a person's name ("Michael Jordan"), not a place.
pub fn places(text: &str, tokens: &[&Token]) -> Vec<PlaceMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let candidate = token.capitalised && !(token.norm == "us" && !could_be_acronym(text, token));
        let after_first_name = i > 0
            && is_name_word(tokens, i - 1)
            && !is_title(&tokens[i - 1].norm)
            && gazetteer::place_at(&words(tokens, i - 1)).is_none();
        match gazetteer::place_at(&words(tokens, i)).filter(|_| candidate && !after_first_name) {
            Some((length, place)) => {
                found.push(PlaceMention { tokens: i..i + length, place });
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
        let hit = gazetteer::agency_at(&words(tokens, i))
            .filter(|(_, agency)| token.capitalised && (!agency.acronym_only || could_be_acronym(text, token)));
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
