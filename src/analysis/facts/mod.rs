//! The facts a passage states: amounts and years, names of people and organisations,
//! places, credited agencies, months and weekdays.
//!
//! Comparison reads these from both copies of an aligned passage and flags only facts
//! that conflict (see `conflicts`); the project's facts table gathers them from every
//! source (see `table`).

pub mod names;
pub mod numbers;
pub mod places;
pub mod table;

use super::lexicon;
use super::tokens::Token;
pub use names::NameMention;
pub use numbers::{Quantity, QuantityClass};
pub use places::{AgencyMention, PlaceMention};

/// A month or weekday named in a passage, by its full folded name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarWord {
    pub token: usize,
    pub name: &'static str,
    pub weekday: bool,
}

/// Everything a passage states that comparison checks.
#[derive(Debug, Clone, Default)]
pub struct PassageFacts {
    pub quantities: Vec<Quantity>,
    pub names: Vec<NameMention>,
    pub places: Vec<PlaceMention>,
    /// Places known only from the words around them ("held in Halvik").
    pub cue_places: Vec<NameMention>,
    pub agencies: Vec<AgencyMention>,
    /// News outlets the gazetteer lacks, credited with a statement ("told the Nordline
    /// News Service").
    pub outlets: Vec<NameMention>,
    pub calendar: Vec<CalendarWord>,
}

/// Reads the facts of `tokens` (one passage of `text`); `sentence_starts` says which
/// token indices begin a sentence.
pub fn read(text: &str, tokens: &[&Token], sentence_starts: &dyn Fn(usize) -> bool) -> PassageFacts {
    let names = names::mentions(text, tokens, sentence_starts);
    let places = places::places(text, tokens);
    let agencies = places::agencies(text, tokens);
    let known: Vec<_> =
        places.iter().map(|p| p.tokens.clone()).chain(agencies.iter().map(|a| a.tokens.clone())).collect();
    let cue_places = places::cue_places(text, tokens, &names, &known);
    let outlets = places::credited_outlets(tokens, &names, &known);
    PassageFacts {
        quantities: numbers::quantities(text, tokens),
        names,
        places,
        cue_places,
        agencies,
        outlets,
        calendar: calendar(tokens),
    }
}

/// Months and weekdays, abbreviations spelled out. "May" counts only capitalised;
/// "today" and "yesterday" name no day.
fn calendar(tokens: &[&Token]) -> Vec<CalendarWord> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.capitalised)
        .filter_map(|(token, t)| {
            let norm = t.norm.as_str();
            if let Some(&(_, name)) = lexicon::MONTH_NAMES.iter().find(|(written, _)| *written == norm) {
                return Some(CalendarWord { token, name, weekday: false });
            }
            let weekday = lexicon::WEEKDAYS.iter().take(7).find(|&&day| day == norm)?;
            Some(CalendarWord { token, name: weekday, weekday: true })
        })
        .collect()
}
