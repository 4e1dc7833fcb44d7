//! Two copies naming the same person differently: "Justice Ann Kessel" and "Justice
//! Ann Moro", "Officer Lane" and "Officer Brandt".
//!
//! Names of each side are paired with the name of the other side they share most words
//! with (a first name, a surname, a title); a pair whose remaining name words differ on
//! both sides is a conflict when one of those words is nowhere in the other copy's
//! passage. Names sharing nothing are different people, not a swapped name.

use std::ops::Range;

use super::super::discrepancy::{DiscrepancyKind, RowSide};
use super::super::facts::NameMention;
use super::super::facts::names::{consonant_skeleton, same_word};
use super::super::lexicon;
use super::Findings;

struct Pairing {
    score: usize,
    left: usize,
    right: usize,
    shared_names: usize,
}

fn words<'a>(side: &'a RowSide, indices: &[usize]) -> Vec<&'a str> {
    indices.iter().map(|&i| side.norm(i)).collect()
}

/// The name mentions of each side without the words both copies name alike as a
/// place or an agency ("UN Development Program" against "United Nations Development
/// Program" differs in nothing).
fn own_names(row: &Findings) -> (Vec<NameMention>, Vec<NameMention>) {
    let shared_of = |facts: &super::PassageFacts, other: &super::PassageFacts| -> Vec<std::ops::Range<usize>> {
        facts
            .places
            .iter()
            .filter(|p| other.places.iter().any(|o| o.place.name == p.place.name))
            .map(|p| p.tokens.clone())
            .chain(
                facts
                    .agencies
                    .iter()
                    .filter(|a| other.agencies.iter().any(|o| o.agency.name == a.agency.name))
                    .map(|a| a.tokens.clone()),
            )
            .collect()
    };
    let strip = |m: &NameMention, shared: &[std::ops::Range<usize>]| -> Option<NameMention> {
        let names: Vec<usize> = m.names.iter().copied().filter(|&k| !shared.iter().any(|r| r.contains(&k))).collect();
        (!names.is_empty()).then(|| NameMention { names, ..m.clone() })
    };
    let (left_shared, right_shared) =
        (shared_of(&row.left.facts, &row.right.facts), shared_of(&row.right.facts, &row.left.facts));
    (
        row.left.facts.names.iter().filter_map(|m| strip(m, &left_shared)).collect(),
        row.right.facts.names.iter().filter_map(|m| strip(m, &right_shared)).collect(),
    )
}

/// Tokens of names a side writes exactly as the other side does somewhere.
fn settled(side: &RowSide, mine: &[NameMention], other_side: &RowSide, theirs: &[NameMention]) -> Vec<bool> {
    let mut settled = vec![false; side.tokens.len()];
    for m in mine.iter().filter(|m| theirs.iter().any(|o| words(side, &m.names) == words(other_side, &o.names))) {
        for k in m.tokens.clone() {
            settled[k] = true;
        }
    }
    settled
}

/// Every pair of a left and a right name that share a word, best first.
fn pairings(left: &RowSide, lm: &[NameMention], right: &RowSide, rm: &[NameMention]) -> Vec<Pairing> {
    let shares = |a: &[&str], b: &[&str]| a.iter().filter(|x| b.iter().any(|y| same_word(x, y))).count();
    // A word either passage also writes in lower case is a common noun inside a name
    // ("Hurricane Claudette" / "the National Hurricane Center ... the hurricane"): it
    // says nothing about who is named.
    let common =
        |word: &str| [left, right].iter().any(|side| side.tokens.iter().any(|t| !t.capitalised && t.norm == word));
    let (left_naming, right_naming): (Vec<Vec<&str>>, Vec<Vec<&str>>) = (
        lm.iter().map(|m| words(left, &m.names).into_iter().filter(|w| !common(w)).collect()).collect(),
        rm.iter().map(|m| words(right, &m.names).into_iter().filter(|w| !common(w)).collect()).collect(),
    );
    let mut pairings = Vec::new();
    for (i, a) in lm.iter().enumerate() {
        for (j, b) in rm.iter().enumerate() {
            let shared_names = shares(&left_naming[i], &right_naming[j]);
            let shared_titles = shares(&words(left, &a.titles), &words(right, &b.titles));
            // Sharing the last name word ("Davor Lind" / "Water Minister Daria Lind")
            // says more than sharing a word of the post ("Minister for Water").
            let same_last = match (a.names.last(), b.names.last()) {
                (Some(&x), Some(&y)) => same_word(left.norm(x), right.norm(y)),
                _ => false,
            };
            // A word of the person after their post ("George" of "CIA Director George
            // Tenet") says more than the body the post is with ("CIA").
            let shared_person = shares(&person_words(left, a), &words(right, &b.names))
                + shares(&person_words(right, b), &words(left, &a.names));
            if shared_names + shared_titles > 0 {
                let score =
                    3 * usize::from(same_last) + 2 * shared_names + shared_titles + usize::from(shared_person > 0);
                pairings.push(Pairing { score, left: i, right: j, shared_names });
            }
        }
    }
    pairings.sort_by(|a, b| b.score.cmp(&a.score).then(a.left.cmp(&b.left)).then(a.right.cmp(&b.right)));
    pairings
}

pub(super) fn conflicts(row: &mut Findings) {
    let (left, right) = (row.left.side, row.right.side);
    let (lm, rm) = own_names(row);
    let (left_settled, right_settled) = (settled(left, &lm, right, &rm), settled(right, &rm, left, &lm));
    let (mut left_used, mut right_used) = (vec![false; lm.len()], vec![false; rm.len()]);
    for pairing in pairings(left, &lm, right, &rm) {
        if left_used[pairing.left] || right_used[pairing.right] {
            continue;
        }
        left_used[pairing.left] = true;
        right_used[pairing.right] = true;
        let (a, b) = (&lm[pairing.left], &rm[pairing.right]);
        let (mut da, mut db) = (differing(left, a, right, b), differing(right, b, left, a));
        // "Ahold Chairman Henny de Ruiter" / "Board Chairman Henny de Ruiter": the same
        // person after a role, whoever the role is with, unless both copies place it
        // ("Ohio Attorney General" / "Canada Attorney General" is a place changed; a
        // place against a body, "Florida Speaker" / "Speaker of the House", is not).
        let place_named = |side: &RowSide, d: &[usize]| {
            let words: Vec<&str> = d.iter().map(|&k| side.norm(k)).collect();
            (0..words.len()).find_map(|at| super::super::gazetteer::place_at(&words[at..]).map(|(_, place)| place.name))
        };
        let after_role = |m: &NameMention, side: &RowSide| -> Vec<String> {
            after_post(m, side).unwrap_or_default().iter().map(|&k| side.norm(k).to_owned()).collect()
        };
        let (person_a, person_b) = (after_role(a, left), after_role(b, right));
        // "South African Archbishop" / "South Africa's Nobel laureate Archbishop" place
        // the role alike.
        let places_swapped = matches!((place_named(left, &da), place_named(right, &db)), (Some(x), Some(y)) if x != y);
        if !person_a.is_empty()
            && !places_swapped
            && person_a.len() == person_b.len()
            && person_a.iter().zip(&person_b).all(|(x, y)| same_word(x, y))
        {
            if let Some((l, r)) = other_portfolio(left, a, right, b) {
                row.add(DiscrepancyKind::Name, l, r);
            }
            continue;
        }
        // Initials ("Douglas J. Feith") and company forms ("PG&E Corp.") name no one new.
        let telling = |side: &RowSide, k: &usize| {
            let word = side.norm(*k);
            word.chars().count() > 1 && !lexicon::COMPANY_FORMS.contains(&word)
        };
        da.retain(|k| telling(left, k));
        db.retain(|k| telling(right, k));
        same_kind_of_body(left, &mut da, right, &mut db);
        // "Hynix CEO E.J. Woo" and "Hynix Semiconductors" share the company, not a
        // person: a role between the shared words and the differing ones parts them.
        if parted_by_role(a, &da) || parted_by_role(b, &db) {
            continue;
        }
        // "Petrov" against "Oleg Petrov": the lone surname is whoever its own copy named
        // in full before, and that may be Ivan Petrov.
        if da.is_empty() != db.is_empty() {
            if let Some((l, r)) = resolved_conflict(left, a, right, b) {
                row.add(DiscrepancyKind::Name, l, r);
            }
            continue;
        }
        if da.is_empty() || db.is_empty() {
            continue;
        }
        // "Visual Basic" and "VisualBasic" are one name written two ways, and so are
        // "Business Week" and "BusinessWeek Online" (one holds the other whole);
        // "Pratt & Whitney" and "P&W", "United States" and "U.S." by their initials.
        let joined = |side: &RowSide, d: &[usize]| d.iter().map(|&k| side.norm(k)).collect::<String>();
        let initials =
            |side: &RowSide, d: &[usize]| d.iter().filter_map(|&k| side.norm(k).chars().next()).collect::<String>();
        let (whole_a, whole_b) = (joined(left, &a.names), joined(right, &b.names));
        if joined(left, &da) == joined(right, &db)
            || (da.len() != db.len() && transliterated(&joined(left, &da), &joined(right, &db)))
            || whole_a.contains(&whole_b)
            || whole_b.contains(&whole_a)
            || abbreviates(&initials(left, &da), &joined(right, &db), da.len())
            || abbreviates(&initials(right, &db), &joined(left, &da), db.len())
        {
            continue;
        }
        // Words of a name both copies write alike ("Joan B. Kroc") do not make a word
        // present elsewhere: "Ray Kroc" / "Ray Cowger" beside it is still a swap.
        // A word in lower case counts only as itself ("the pass" for "Siskiyou Pass"):
        // "Costley" is not the "cost" of "cost structure".
        // The words the partner shares with this name are accounted for: "Greg
        // Gregg" against "Greg Stuart" is a surname new to the other copy, however like
        // the shared first name it is spelled.
        let absent = |side: &RowSide, k: usize, other: &RowSide, settled: &[bool], shared: &[usize]| {
            let (word, capitalised) = (side.norm(k), |j: usize| other.tokens[j].capitalised);
            !(0..other.tokens.len()).any(|j| {
                !settled[j]
                    && !shared.contains(&j)
                    && if capitalised(j) { same_word(word, other.norm(j)) } else { other.norm(j) == word }
            })
        };
        let shared_words = |m: &NameMention, side: &RowSide, other: &NameMention, other_side: &RowSide| {
            let theirs = words(other_side, &other.names);
            m.names.iter().copied().filter(|&k| theirs.iter().any(|w| side.norm(k) == *w)).collect::<Vec<_>>()
        };
        let (shared_a, shared_b) = (shared_words(a, left, b, right), shared_words(b, right, a, left));
        let absent_a = da.iter().filter(|&&k| absent(left, k, right, &right_settled, &shared_b)).count();
        let absent_b = db.iter().filter(|&&k| absent(right, k, left, &left_settled, &shared_a)).count();
        // A name swapped for another is new to each copy on both sides; where one
        // side's words appear elsewhere in the other passage the copies only order or
        // split the name differently ("John F. Kennedy Profile in Courage Awards" /
        // "Profile in Courage Awards from the John F. Kennedy Library"). Sharing only a
        // title ("Officer"), the names must be wholly new to each other.
        let conflict = if pairing.shared_names > 0 {
            absent_a > 0 && absent_b > 0
        } else {
            absent_a == da.len() && absent_b == db.len()
        };
        if conflict {
            // The person's own words, not the post before them: "Daria", not "Water
            // Minister Daria".
            let person = |m: &NameMention, d: &[usize]| -> Vec<usize> {
                let after: Vec<usize> = d.iter().copied().filter(|&k| m.titles.iter().all(|&t| k > t)).collect();
                if after.is_empty() { d.to_vec() } else { after }
            };
            let (pa, pb) = (person(a, &da), person(b, &db));
            let span = |d: &[usize]| d[0]..d[d.len() - 1] + 1;
            row.add(kind_of(left, a, right, b), span(&pa), span(&pb));
        }
    }
}

/// The portfolio words of one person's post where the copies give two: "Transport
/// Minister Rui Daskal" / "Finance Minister Rui Daskal".
fn other_portfolio(
    left: &RowSide,
    a: &NameMention,
    right: &RowSide,
    b: &NameMention,
) -> Option<(Range<usize>, Range<usize>)> {
    let portfolio =
        |side: &RowSide, m: &NameMention| m.tokens.clone().find(|&k| lexicon::PORTFOLIOS.contains(&side.norm(k)));
    let (k, j) = (portfolio(left, a)?, portfolio(right, b)?);
    let same_post = left.norm(k + 1) == right.norm(j + 1);
    (left.norm(k) != right.norm(j) && same_post).then(|| (k..k + 1, j..j + 1))
}

/// The words of `m` that no word of `other` accounts for. Each word of the other name
/// accounts for one word only, exact matches first: "Greg Gregg" against "Greg
/// Stuart" keeps "Gregg", however like "Greg" it is spelled.
fn differing(side: &RowSide, m: &NameMention, other_side: &RowSide, other: &NameMention) -> Vec<usize> {
    let theirs = words(other_side, &other.names);
    let mut used = vec![false; theirs.len()];
    for &k in &m.names {
        if let Some(at) = theirs.iter().enumerate().position(|(i, w)| !used[i] && side.norm(k) == *w) {
            used[at] = true;
        }
    }
    let mut left_over = Vec::new();
    for &k in &m.names {
        if theirs.contains(&side.norm(k)) {
            continue;
        }
        match theirs.iter().enumerate().position(|(i, w)| !used[i] && same_word(side.norm(k), w)) {
            Some(at) => used[at] = true,
            None => left_over.push(k),
        }
    }
    left_over
}

/// Takes out of the differing words `da` and `db` one word each saying the same kind of
/// body: "Orlen Forensic Hospital" / "Orlen Forensic Center" names one body.
fn same_kind_of_body(left: &RowSide, da: &mut Vec<usize>, right: &RowSide, db: &mut Vec<usize>) {
    let kind = |side: &RowSide, k: usize| lexicon::group_of(lexicon::KINDS_OF_BODY, side.norm(k));
    let pair = da.iter().enumerate().find_map(|(i, &k)| {
        let group = kind(left, k)?;
        db.iter().position(|&m| kind(right, m) == Some(group)).map(|j| (i, j))
    });
    if let Some((i, j)) = pair {
        da.remove(i);
        db.remove(j);
    }
}

/// Whether two spellings of a name, written in a different number of words, are one
/// name transliterated: "Noureddine" and "Nur al-Din" (the article aside) keep their
/// consonants in order, doubled letters once. Written in as many words, a shared
/// skeleton proves less ("Darren" / "Doreen"), and `same_word` decides.
fn transliterated(a: &str, b: &str) -> bool {
    let (sa, sb) = (consonant_skeleton(a), consonant_skeleton(b));
    sa.len() >= 3 && sa == sb && a.chars().next() == b.chars().next()
}

/// Whether `short` is an acronym of a name of `words` words with these `initials`; it
/// may leave out a last generic word ("Merrow & Ostley Engineering", "M&O").
pub(super) fn abbreviates(initials: &str, short: &str, words: usize) -> bool {
    words > 1 && short.len() > 1 && initials.starts_with(short)
}

/// Whether every word `mention` shares with its partner comes before a title inside
/// it and every word it differs by after it: an organisation and its officer.
fn parted_by_role(mention: &NameMention, differing: &[usize]) -> bool {
    let Some(&role) = mention.titles.iter().find(|&&t| mention.names.iter().any(|&k| k < t)) else { return false };
    let shared = mention.names.iter().filter(|k| !differing.contains(k));
    !differing.is_empty()
        && differing.iter().all(|&k| k > role)
        && shared.clone().count() > 0
        && shared.into_iter().all(|&k| k < role)
}

/// The words of a name after the post it follows, if it follows one: a title or role
/// ("Police Chief Anna Varga"), or a body, which ends a post as a role does ("Speaker of
/// the House Johnnie Byrd").
fn after_post(m: &NameMention, side: &RowSide) -> Option<Vec<usize>> {
    let body = m.names.iter().copied().rfind(|&k| lexicon::INSTITUTIONS.contains(&side.norm(k)));
    let post = m.titles.last().copied().max(body)?;
    Some(m.names.iter().copied().filter(|&k| k > post).collect())
}

/// The words naming the person after a post ("George Tenet" of "CIA Director George
/// Tenet"); none where the name follows no post.
fn person_words<'a>(side: &'a RowSide, m: &NameMention) -> Vec<&'a str> {
    after_post(m, side).map_or_else(Vec::new, |own| words(side, &own))
}

/// A name that is an institution ("the Water Ministry") credits a statement; one that
/// ends in "Street" or "River" is a place; the rest are people.
fn kind_of(left: &RowSide, a: &NameMention, right: &RowSide, b: &NameMention) -> DiscrepancyKind {
    // The name's own words, not the post before it: "House Speaker Anna Varga" is a person.
    let own = |side: &RowSide, m: &NameMention| after_post(m, side).filter(|words| !words.is_empty());
    let any = |side: &RowSide, m: &NameMention, words: &[&str]| {
        own(side, m).unwrap_or_else(|| m.names.clone()).iter().any(|&k| words.contains(&side.norm(k)))
    };
    if any(left, a, lexicon::INSTITUTIONS) && any(right, b, lexicon::INSTITUTIONS) {
        DiscrepancyKind::Attribution
    } else if any(left, a, lexicon::PLACE_AFTER) && any(right, b, lexicon::PLACE_AFTER) {
        DiscrepancyKind::Place
    } else {
        DiscrepancyKind::Name
    }
}

/// A name written as one word on one side and in full on the other, where the one word
/// resolves within its own document to a person with another first name. Returns the
/// token ranges to flag.
fn resolved_conflict(
    left: &RowSide,
    a: &NameMention,
    right: &RowSide,
    b: &NameMention,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let span = |m: &NameMention| m.names[0]..m.names[m.names.len() - 1] + 1;
    let lone_against_full = |lone_side: &RowSide, lone: &NameMention, full_side: &RowSide, full: &NameMention| {
        let [word] = lone.names.as_slice() else { return None };
        let [first, .., last] = full.names.as_slice() else { return None };
        let token = lone_side.tokens.get(*word)?;
        let person = super::super::facts::names::resolve(lone_side.people, &token.norm, token.bytes.start)?;
        let theirs = full_side.norm(*first);
        Some(!same_word(&person.first, theirs) && same_word(&person.last, full_side.norm(*last)))
    };
    if a.names.len() == 1 && lone_against_full(left, a, right, b) == Some(true) {
        return Some((span(a), b.names[0]..b.names[0] + 1));
    }
    if b.names.len() == 1 && lone_against_full(right, b, left, a) == Some(true) {
        return Some((a.names[0]..a.names[0] + 1, span(b)));
    }
    None
}
