//! Words news copy uses for one another: "deal" and "agreement", "talks" and
//! "negotiations". Alignment counts such words as one when it pairs sentences, because
//! a paraphrase swaps them freely; comparison never does, so no fact is read through
//! them.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::align::stem;

/// Groups of words that stand for one another in news copy, each group on one line.
/// General English, kept small: a word goes in only where nearly every use of it in a
/// news story could be written with the others.
const GROUPS: &str = "
deal agreement accord pact
talks negotiations
company firm
shares stock
profit earnings
begin start
resign quit
plan proposal
law legislation
fire blaze
country nation
officials authorities
attack assault
purchase buy acquire
strike walkout stoppage
ship vessel
wages pay salaries
workers employees staff
injured wounded hurt
arrested detained
lawsuit suit
spokesman spokeswoman spokesperson
rebels insurgents militants
troops soldiers
inquiry investigation probe
blast explosion
quake earthquake tremor
cargo freight
offer bid
";

/// Each stemmed word of a group, with the stem of its group's first word.
static CANONICAL: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut table = HashMap::new();
    for line in GROUPS.lines() {
        let mut words = line.split_whitespace().map(stem);
        let Some(first) = words.next() else { continue };
        table.insert(first, first);
        for word in words {
            table.insert(word, first);
        }
    }
    table
});

/// The word standing for `stemmed` and its like ("agreement" → "deal"), or itself.
pub fn sense(stemmed: &str) -> &str {
    CANONICAL.get(stemmed).copied().unwrap_or(stemmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_group_share_a_sense_and_others_keep_their_own() {
        assert_eq!(sense(stem("agreements")), sense(stem("deal")));
        assert_eq!(sense(stem("negotiations")), sense(stem("talks")));
        assert_eq!(sense(stem("stoppage")), sense(stem("strike")));
        assert_eq!(sense(stem("vessels")), sense(stem("ships")));
        assert_eq!(sense(stem("harbour")), "harbour");
    }
}
