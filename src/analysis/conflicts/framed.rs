//! Differences no fact reading covers, flagged only inside a frame: a substitution of
//! at most three words, with the same words right before or after it in both copies.
//!
//! In a near-copy that is how a swapped speaker ("the bankers' association said"), a
//! place known only by its cue ("from Grantham Falls to Ostley") or a changed word in a
//! quotation shows. In a paraphrase the words around a difference are rarely the same,
//! so a loose rewording never reaches these rules.

use std::ops::Range;

use super::super::align::Hunk;
use super::super::align::stem;
use super::super::dateline;
use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts;
use super::super::facts::names::{FullName, resolve, same_word};
use super::super::lexicon;
use super::super::tokens::gap_before;
use super::Findings;
use super::initials;
use super::names::abbreviates;

/// Longest substitution, in words per side, that still counts as framed.
const MAX_WORDS: usize = 3;
/// Identical words needed on one side of the substitution (fewer at a passage's edge).
const FRAME: usize = 2;
/// Identical words needed around a change inside a quotation, both sides together.
const QUOTE_FRAME: usize = 3;

/// How many tokens before (`back`) or after the hunk are the same in both copies.
fn same_run(left: &RowSide, right: &RowSide, hunk: &Hunk, back: bool) -> usize {
    let mut run = 0;
    loop {
        let (l, r) = if back {
            (hunk.left.start.checked_sub(run + 1), hunk.right.start.checked_sub(run + 1))
        } else {
            (Some(hunk.left.end + run), Some(hunk.right.end + run))
        };
        match (l, r) {
            (Some(l), Some(r)) if l < left.tokens.len() && r < right.tokens.len() && left.norm(l) == right.norm(r) => {
                run += 1;
            }
            // Both copies start (or end) here: the edge frames it too.
            (None, None) => return FRAME,
            (Some(l), Some(r)) if l >= left.tokens.len() && r >= right.tokens.len() => return FRAME,
            _ => return run,
        }
    }
}

pub(super) fn is_framed(left: &RowSide, right: &RowSide, hunk: &Hunk) -> bool {
    let small = |r: &Range<usize>| (1..=MAX_WORDS).contains(&r.len());
    small(&hunk.left)
        && small(&hunk.right)
        && (same_run(left, right, hunk, true) >= FRAME || same_run(left, right, hunk, false) >= FRAME)
}

pub(super) fn conflicts(row: &mut Findings, hunks: &[Hunk]) {
    let (left, right) = (row.left.side, row.right.side);
    // Where the gazetteer knows a place or a body in the change, the fact readings
    // have already judged it; a rule on the words around must not judge it again.
    let known = |facts: &super::PassageFacts, range: &Range<usize>| {
        let overlaps = |t: &Range<usize>| t.start < range.end && range.start < t.end;
        facts.places.iter().any(|p| overlaps(&p.tokens)) || facts.agencies.iter().any(|a| overlaps(&a.tokens))
    };
    let judged = |h: &Hunk| known(&row.left.facts, &h.left) || known(&row.right.facts, &h.right);
    let framed: Vec<&Hunk> = hunks.iter().filter(|h| is_framed(left, right, h) && !judged(h)).collect();
    let copied = near_copy(left, right, hunks);
    for hunk in framed {
        if let Some(kind) = classify(left, right, hunk, copied) {
            row.add(kind, hunk.left.clone(), hunk.right.clone());
        }
    }
}

/// Share of each side's words a near-copy keeps unchanged.
const NEAR_COPY: f64 = 0.8;

/// Whether the two passages are one text edited rather than two outlets' own
/// sentences: most words of each side are kept in place.
fn near_copy(left: &RowSide, right: &RowSide, hunks: &[Hunk]) -> bool {
    let kept =
        |total: usize, changed: usize| total > 0 && (total - changed.min(total)) as f64 >= NEAR_COPY * total as f64;
    kept(left.tokens.len(), hunks.iter().map(|h| h.left.len()).sum())
        && kept(right.tokens.len(), hunks.iter().map(|h| h.right.len()).sum())
}

fn classify(left: &RowSide, right: &RowSide, hunk: &Hunk, copied: bool) -> Option<DiscrepancyKind> {
    let l = left.changed(&hunk.left, right);
    let r = right.changed(&hunk.right, left);
    if l.is_empty() || r.is_empty() {
        return None;
    }
    let content = |side: &RowSide, ids: &[usize]| ids.iter().any(|&i| !side.tokens[i].is_stopword());
    if !content(left, &l) && !content(right, &r) {
        return None;
    }
    let (whole_l, whole_r): (Vec<usize>, Vec<usize>) = (hunk.left.clone().collect(), hunk.right.clone().collect());
    if same_when_joined(left, &l, right, &r)
        || same_when_joined(left, &whole_l, right, &whole_r)
        || same_stems(left, &l, right, &r)
        || same_written_otherwise(left, &l, right, &r)
    {
        return None;
    }
    // A quotation both copies give as the speaker's words, one word changed inside
    // words that are otherwise the same: outlets that paraphrase a quote loosely
    // ("will" for "are going to") rarely keep three words around the change. Only in
    // a near-copy is a changed word an edit of the quote: two outlets writing their
    // own sentences often heard or transcribed it apart ("outrageous act" / "outrageous
    // tactic"), and the facts inside a quote (numbers, names, a "not") are compared
    // anyway.
    let kept = same_run(left, right, hunk, true).min(QUOTE_FRAME) + same_run(left, right, hunk, false).min(QUOTE_FRAME);
    let quoted = left.quote_of(&hunk.left).is_some() && right.quote_of(&hunk.right).is_some();
    if quoted && !copied {
        return None;
    }
    // Words an editor puts in brackets inside a quote ("these (pension) payments",
    // "[They] were") are the outlet's gloss, not the speaker's words.
    let glossed = |side: &RowSide, range: &Range<usize>| {
        let (Some(first), Some(last)) =
            (side.tokens.get(range.start), range.end.checked_sub(1).and_then(|k| side.tokens.get(k)))
        else {
            return false;
        };
        let from = first.bytes.start.saturating_sub(1);
        let to = (last.bytes.end + 1).min(side.text.len());
        side.text.get(from..to).is_some_and(|span| span.contains(['(', ')', '[', ']']))
    };
    if quoted && kept >= QUOTE_FRAME && !glossed(left, &hunk.left) && !glossed(right, &hunk.right) {
        return Some(DiscrepancyKind::Quote);
    }
    let name_words = |side: &RowSide, ids: &[usize]| -> Vec<usize> {
        ids.iter()
            .copied()
            // A capital that only opens a sentence ("Regional utility…") and a title
            // ("Dr") say nothing about a name.
            .filter(|&i| !side.sentence_starts.contains(&i) || side.tokens[i].all_caps)
            .filter(|&i| !super::super::facts::names::is_title(side.norm(i)))
            .filter(|&i| side.is_name(i) || (side.tokens[i].all_caps && !side.tokens[i].is_stopword()))
            .collect()
    };
    let (names_l, names_r) = (name_words(left, &l), name_words(right, &r));
    let both_named = !names_l.is_empty() && !names_r.is_empty();
    if both_named
        && (same_names(left, &names_l, right, &names_r)
            || written_short(left, &hunk.left, right, &hunk.right)
            || one_person(left, &names_l, right, &names_r))
    {
        return None;
    }
    if both_named && (is_place(left, &hunk.left, &names_l) || is_place(right, &hunk.right, &names_r)) {
        return Some(DiscrepancyKind::Place);
    }
    // "Hynix CEO Ed Woo" against "Hynix Semiconductors": a role on one side only
    // names the company's officer, not another company.
    let role = |side: &RowSide, range: &Range<usize>| {
        range.clone().any(|i| super::super::facts::names::is_title(side.norm(i)))
    };
    if both_named
        && role(left, &hunk.left) == role(right, &hunk.right)
        && is_name_variant(left, &hunk.left)
        && is_name_variant(right, &hunk.right)
    {
        return Some(DiscrepancyKind::Name);
    }
    // A speaker is a name, or a speaker noun with words saying whose ("the growers'
    // association"); a bare "officials" or "the company" names nobody in particular.
    let speaker = |side: &RowSide, ids: &[usize], names: &[usize], range: &Range<usize>| {
        let noun = |i: &usize| lexicon::SPEAKER_NOUNS.contains(&side.norm(*i));
        // "a June statement" says when, not whose.
        let calendar = |i: &usize| {
            let word = side.norm(*i);
            lexicon::MONTHS.contains(&word) || lexicon::WEEKDAYS.contains(&word) || side.tokens[*i].has_digit()
        };
        let whose = ids.iter().any(|i| !noun(i) && !side.tokens[*i].is_stopword() && !calendar(i));
        // The noun after the change is whose only without a break between ("the
        // insurers' association"): "No deaths were reported, officials said" names the
        // same officials.
        let joined_to_next = gap_before(side.text, &side.tokens, range.end)
            .is_some_and(|gap| gap.trim_start_matches(['\'', '’']).chars().all(char::is_whitespace));
        !names.is_empty() || (whose && (ids.iter().any(noun) || (noun(&range.end) && joined_to_next)))
    };
    // Words inside the quotation on one side only ("returning, including Dylan,\"
    // Kelley said" / "returning,\" producer David E. Kelley said") are no speaker.
    let in_quote = |side: &RowSide, range: &Range<usize>| range.clone().any(|i| side.in_quote(i).is_some());
    if in_quote(left, &hunk.left) != in_quote(right, &hunk.right) {
        return None;
    }
    if relayed(left, &hunk.left) || relayed(right, &hunk.right) {
        return None;
    }
    // "the industry group said" / "the SIA said": a speaker described on one side and
    // named on the other may well be the one body, described as outlets do once they
    // have named it. Only an edit of one text ("the bankers' association" / "the
    // Kessary Bank") swaps a named speaker for a described one.
    if names_l.is_empty() != names_r.is_empty() && !copied {
        return None;
    }
    if (near_attribution(left, &hunk.left) || near_attribution(right, &hunk.right))
        && speaker(left, &l, &names_l, &hunk.left)
        && speaker(right, &r, &names_r, &hunk.right)
    {
        return Some(DiscrepancyKind::Attribution);
    }
    None
}

/// The same words inflected differently: "attack" and "attacks", "chose" kept apart
/// from "chosen" only by tense is still the speaker's word.
fn same_stems(left: &RowSide, l: &[usize], right: &RowSide, r: &[usize]) -> bool {
    fn stems(side: &RowSide, ids: &[usize]) -> Vec<String> {
        ids.iter()
            .map(|&i| side.norm(i))
            .filter(|w| !lexicon::STOPWORDS.contains(w))
            .map(|w| stem(w).to_owned())
            .collect()
    }
    // "chose" / "has chosen", "spoke" / "had spoken": the auxiliary is a stopword.
    let participle =
        |a: &str, b: &str| b.strip_prefix(a).is_some_and(|rest| matches!(rest, "n" | "en")) && a.chars().count() >= 4;
    // "smuggling" / "smugglers": one word in another form, not another word.
    let family = |a: &str, b: &str| {
        let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        shared >= 6 && a.chars().count().max(b.chars().count()) - shared <= 3
    };
    let (a, b) = (stems(left, l), stems(right, r));
    a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x == y || participle(x, y) || participle(y, x) || family(x, y))
}

/// The same words in another form: "do not" for "don't", "Sept" for "September",
/// "Gen" for "General", "Brontes" for "Bronte's", "Jemah" for "Jemaah".
fn same_written_otherwise(left: &RowSide, l: &[usize], right: &RowSide, r: &[usize]) -> bool {
    fn expanded(side: &RowSide, ids: &[usize]) -> Vec<String> {
        let mut words = Vec::new();
        for &i in ids {
            let word = side.norm(i);
            if let Some(&(_, full)) = lexicon::MONTH_NAMES.iter().find(|(short, _)| *short == word) {
                words.push(full.to_owned());
            } else if let Some(&(_, full)) = lexicon::TITLE_FORMS.iter().find(|(short, _)| *short == word) {
                words.push(full.to_owned());
            } else if let Some(stem) = contraction(word) {
                words.push(stem.to_owned());
                words.push("not".to_owned());
            } else {
                words.push(word.to_owned());
            }
        }
        words
    }
    let (a, b) = (expanded(left, l), expanded(right, r));
    a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| same_word(x, y))
}

/// The verb a negative contraction stands for with "not": "dont" is "do not".
fn contraction(word: &str) -> Option<&str> {
    match word {
        "cant" | "cannot" => Some("can"),
        "wont" => Some("will"),
        "shant" => Some("shall"),
        _ => word.strip_suffix("nt").filter(|stem| lexicon::AUXILIARY_STEMS.contains(stem)),
    }
}

/// The same words written together, apart or hyphenated: "cyber assets" and
/// "cyberassets", "co-mingling" and "comingling".
fn same_when_joined(left: &RowSide, l: &[usize], right: &RowSide, r: &[usize]) -> bool {
    let joined = |side: &RowSide, ids: &[usize]| ids.iter().map(|&i| side.norm(i)).collect::<String>();
    joined(left, l) == joined(right, r)
}

/// Whether the changed words are part of a longer name whose other part is the same
/// in both copies ("Ines Vaurel" / "Irene Vaurel") — unless the shared part is an
/// institution ("Kessary Ministry").
fn is_name_variant(side: &RowSide, range: &Range<usize>) -> bool {
    let neighbour = |i: usize| side.is_name(i) && !lexicon::SPEAKER_NOUNS.contains(&side.norm(i));
    // Held to it by a space, not set off by punctuation: "Legato Systems (Nasdaq:
    // LGTO)" adds a ticker, not another name.
    let tight = |a: usize, b: usize| match (side.tokens.get(a), side.tokens.get(b)) {
        (Some(x), Some(y)) => side
            .text
            .get(x.bytes.end..y.bytes.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == '.' || c == '-')),
        _ => false,
    };
    // One name, not a stretch of a list: "AT&T Corp., SBC" / "and Sprint".
    let listed =
        range.clone().any(|i| matches!(side.norm(i), "and" | "or")) || range.clone().skip(1).any(|i| !tight(i - 1, i));
    // "the Northerners" describes whom it means; a name is not written after "the".
    let described = side.tokens.get(range.start).is_some_and(|t| !t.capitalised && t.norm == "the");
    // The name runs on through the changed word next to the shared part: "Thomas
    // quoted Marsh" / "Raymond Marsh" changes no part of Marsh's name.
    let capital = |i: usize| side.tokens.get(i).is_some_and(|t| t.capitalised);
    !listed
        && !described
        && (range.start.checked_sub(1).is_some_and(|i| neighbour(i) && tight(i, range.start) && capital(range.start))
            || (neighbour(range.end) && range.end > 0 && tight(range.end - 1, range.end) && capital(range.end - 1)))
}

/// Whether the changed name words of one side are all the other side's, written short
/// or with an initial more ("Doug" / "Douglas J."): the other side names more, not
/// someone else ("South African" / "South Africa's Nobel laureate").
fn same_names(left: &RowSide, l: &[usize], right: &RowSide, r: &[usize]) -> bool {
    let words = |side: &RowSide, ids: &[usize]| -> Vec<usize> {
        ids.iter().copied().filter(|&i| side.norm(i).chars().count() > 1).collect()
    };
    let (a, b) = (words(left, l), words(right, r));
    let covered = |xs: &[usize], x_side: &RowSide, ys: &[usize], y_side: &RowSide| {
        xs.iter().all(|&x| ys.iter().any(|&y| same_word(x_side.norm(x), y_side.norm(y))))
    };
    // "Pratt & Whitney" is "P&W", "United States" is "U.S.", "UC San Diego" is "UCSD".
    let joined = |ids: &[usize], side: &RowSide| ids.iter().map(|&i| side.norm(i)).collect::<String>();
    let (joined_a, joined_b) = (joined(l, left), joined(r, right));
    abbreviates(&initials(left, &a), &joined_b, a.len())
        || abbreviates(&initials(right, &b), &joined_a, b.len())
        || (!a.is_empty() && !b.is_empty() && (covered(&a, left, &b, right) || covered(&b, right, &a, left)))
}

/// Whether one name word on each side refers to the one person each document named
/// in full before: "Mr. Daskal" and "Sir Ivo" after "Sir Ivo Daskal".
fn one_person(left: &RowSide, l: &[usize], right: &RowSide, r: &[usize]) -> bool {
    fn person<'s>(side: &RowSide<'s>, ids: &[usize]) -> Option<&'s FullName> {
        let [only] = ids else { return None };
        resolve(side.people, side.norm(*only), side.tokens[*only].bytes.start)
    }
    person(left, l)
        .zip(person(right, r))
        .is_some_and(|(a, b)| same_word(&a.first, &b.first) && same_word(&a.last, &b.last))
}

/// Whether one side writes the other's capitalised words as their initials, a title
/// among them giving its letter too ("GE" / "General Electric Co.").
fn written_short(left: &RowSide, l: &Range<usize>, right: &RowSide, r: &Range<usize>) -> bool {
    let capitals = |side: &RowSide, range: &Range<usize>| -> Vec<usize> {
        range.clone().filter(|&i| side.tokens[i].capitalised).collect()
    };
    let (a, b) = (capitals(left, l), capitals(right, r));
    let joined = |ids: &[usize], side: &RowSide| ids.iter().map(|&i| side.norm(i)).collect::<String>();
    let short = |ids: &[usize], side: &RowSide| ids.len() == 1 && side.tokens[ids[0]].all_caps;
    (short(&b, right) && abbreviates(&initials(left, &a), &joined(&b, right), a.len()))
        || (short(&a, left) && abbreviates(&initials(right, &b), &joined(&a, left), b.len()))
}

/// Names in `range` that the words around them make a place.
fn is_place(side: &RowSide, range: &Range<usize>, names: &[usize]) -> bool {
    let after = side.norm(range.end);
    // "HALVIK, May 14 -": the place a dateline opens with.
    let dateline = names.iter().any(|&i| dateline::opens_at(side.text, side.tokens[i].bytes.start));
    facts::places::cued_at(side.text, &side.tokens, range.start) || lexicon::PLACE_AFTER.contains(&after) || dateline
}

/// Whether a change at `range` names the speaker of an attribution: it ends a few
/// words before "said", or starts right after "according to" or "said".
fn near_attribution(side: &RowSide, range: &Range<usize>) -> bool {
    let is_verb = |i: usize| lexicon::ATTRIBUTION_VERBS.contains(&side.norm(i));
    let outside_quote = |i: usize| side.in_quote(i).is_none();
    let end = range.end.max(range.start + 1);
    let before_verb = (end..end + 6).any(|i| is_verb(i) && outside_quote(i));
    let after_verb = range.start.saturating_sub(3)..range.start;
    before_verb || after_verb.clone().any(|i| is_verb(i) && outside_quote(i)) && range.clone().all(outside_quote)
}

/// Whether the changed words name who passed the words on, not who said them:
/// "Orlen quoted Daskal as saying" gives the words to Daskal, the name after
/// "quoted", which the other copy may well name as its speaker: that name is then
/// outside the change, common to both copies.
fn relayed(side: &RowSide, range: &Range<usize>) -> bool {
    range.clone().any(|i| {
        matches!(side.norm(i), "quoted" | "quoting")
            && i + 1 == range.end
            && side.tokens.get(i + 1).is_some_and(|t| t.capitalised)
            && (i + 2..i + 6).any(|k| side.norm(k) == "as" && matches!(side.norm(k + 1), "saying" | "telling"))
    })
}

/// Flags a year written over in place by a figure that is no year: a framed
/// substitution that begins with a year on one side and a count on the other ("was
/// opened to traffic in 1871." / "… in 3742."). Figures pair only within their class,
/// so the two would never be compared; between the same words one stands where the
/// other copy has the other.
pub(super) fn years_turned_into_counts(row: &mut Findings, hunks: &[Hunk]) {
    use facts::QuantityClass::{Amount, Year};
    let (left, right) = (row.left.side, row.right.side);
    let (lq, rq) = (&row.left.facts.quantities, &row.right.facts.quantities);
    let at = |quantities: &[facts::Quantity], k: usize| quantities.iter().find(|q| q.tokens.contains(&k)).cloned();
    let mut found = Vec::new();
    for hunk in hunks.iter().filter(|h| is_framed(left, right, h)) {
        let (Some(a), Some(b)) = (at(lq, hunk.left.start), at(rq, hunk.right.start)) else { continue };
        // Written in digits, unhedged: "in three" is loose, not a year changed.
        let exact = |q: &facts::Quantity| q.decimals == Some(0) && !q.hedged && q.upto.is_none();
        let classes = [a.class, b.class];
        if exact(&a) && exact(&b) && classes.contains(&Year) && classes.contains(&Amount) && !either_counts(&a, &b) {
            found.push((a.tokens, b.tokens));
        }
    }
    for (l, r) in found {
        row.add(DiscrepancyKind::Number, l, r);
    }
}

/// Whether either figure says what it counts: "in 1871" against "in 1871 days" is not
/// one slot.
fn either_counts(a: &facts::Quantity, b: &facts::Quantity) -> bool {
    super::counts_something(a) || super::counts_something(b)
}
