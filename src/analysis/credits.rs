//! Credit lines: the short line, usually the last of a story, that names the agency it
//! comes from ("Source: Meridian", "(With inputs from Meridian)", "— Meridian").
//!
//! Who a story comes from is a fact an analyst checks, so the facts table reads these
//! lines as credited agencies, and the web-page importer keeps them although article
//! extractors drop them as too short to be prose.

/// What a credit line opens with before the name of the agency it credits.
const LEADS: &[&str] = &[
    "source:",
    "sources:",
    "source",
    "via",
    "credit:",
    "courtesy",
    "courtesy of",
    "with inputs from",
    "with input from",
    "additional reporting by",
    "—",
    "–",
    "-",
];

/// A credit names an agency or two, not a sentence's worth of words.
const LONGEST_NAME: usize = 6;

/// Whether `lead`, the start of a line up to a name, already lower-cased and trimmed,
/// is how a credit line opens (with or without an opening parenthesis).
pub fn is_lead(lead: &str) -> bool {
    let lead = lead.strip_prefix('(').unwrap_or(lead).trim_start();
    LEADS.contains(&lead)
}

/// Whether a whole line is a credit line: a lead followed by a short capitalised name.
/// "Source: Meridian" and "(With inputs from Nordline News)" are; "Source: officials
/// said the talks would resume" is not.
pub fn is_credit_line(line: &str) -> bool {
    let line = line.trim();
    let inner = line.strip_prefix('(').and_then(|rest| rest.strip_suffix(')')).unwrap_or(line).trim();
    let lower = inner.to_lowercase();
    // The longest lead that opens the line, ending at a word boundary.
    let lead = LEADS
        .iter()
        .filter(|lead| {
            lower.starts_with(*lead)
                && lower[lead.len()..].chars().next().is_some_and(|c| c.is_whitespace() || lead.ends_with(':'))
        })
        .max_by_key(|lead| lead.len());
    // Lower-casing may change a letter's length in bytes, so the name is read from the
    // line as written only where the lead's length still ends a character there.
    let Some(rest) = lead.and_then(|lead| inner.get(lead.len()..)) else { return false };
    let name: Vec<&str> = rest.split_whitespace().collect();
    let capitalised = |word: &&str| {
        let word = word.trim_matches(|c: char| c.is_ascii_punctuation());
        word.is_empty() || word.chars().next().is_some_and(char::is_uppercase) || matches!(word, "and" | "of")
    };
    !name.is_empty()
        && name.len() <= LONGEST_NAME
        && name.iter().all(capitalised)
        && !inner.ends_with('.')
        && name.first().is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines_name_an_agency_after_a_lead() {
        for line in
            ["Source: Meridian", "(With inputs from Nordline News)", "— Meridian Press Agency", "Via Harbour Radio"]
        {
            assert!(is_credit_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_open_like_a_credit_are_not_credit_lines() {
        for line in [
            "Source: officials said the talks would resume",
            "Sources close to the talks said the deal was near.",
            "- the harbour reopened",
            "Courtesy calls were paid to the mayor",
            "Sourced from the archive",
        ] {
            assert!(!is_credit_line(line), "{line}");
        }
    }

    #[test]
    fn names_in_letters_that_change_length_when_lower_cased_are_read() {
        // "Ⱥ" takes two bytes, its lower case three.
        assert!(is_credit_line("Source: Ⱥrvik News"));
        assert!(is_credit_line("SOURCE: ȺRVIK NEWS"));
        assert!(!is_credit_line("ȺȺȺ: Meridian"));
    }

    #[test]
    fn leads_are_read_with_or_without_a_parenthesis() {
        assert!(is_lead("with inputs from"));
        assert!(is_lead("(with inputs from"));
        assert!(!is_lead("according to"));
    }
}
