//! The facts of a whole project: every person, organisation, place, number, date and
//! credited agency any source states, with the sources and passages that state it,
//! and the disagreements that show only across whole documents.
//!
//! A sentence-by-sentence comparison misses a minister named "Davor Lind" in one copy
//! and "Daria Lind" in another when the two sentences do not align, or a story credited
//! to one agency by a credit line at the end of one copy and to another inside the
//! other copy's sentences. Read per document, with surnames resolved to the full name
//! the document used first ("Petrov" after "Ivan Petrov"), those show here.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use super::super::tokens::{self, Token};
use super::super::{Cancelled, DiscrepancyKind, credits, dateline, furniture, gazetteer, lexicon, sentences};
use super::names::{is_title, same_word};
use super::{NameMention, QuantityClass};
use crate::model::{Anchor, CharIndex, Conflict, ConflictStatus, SourceId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FactKind {
    Person,
    Organisation,
    Place,
    Agency,
    Number,
    Date,
}

impl FactKind {
    /// The kind of many facts, as a heading or a filter says it.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Person => "People",
            Self::Organisation => "Organisations",
            Self::Place => "Places",
            Self::Agency => "Agencies",
            Self::Number => "Numbers",
            Self::Date => "Dates",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organisation => "Organisation",
            Self::Place => "Place",
            Self::Agency => "Agency",
            Self::Number => "Number",
            Self::Date => "Date",
        }
    }
}

/// One thing the sources state, with every passage that states it.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// As the first source to state it wrote it ("Davor Lind", "40 million euros").
    pub label: String,
    pub mentions: Vec<Anchor>,
}

impl Fact {
    /// The sources stating this fact, in id order.
    pub fn sources(&self) -> Vec<SourceId> {
        let mut ids: Vec<SourceId> = self.mentions.iter().map(|m| m.source).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Two facts that cannot both be right, each stated by sources the other is not.
#[derive(Debug, Clone, Serialize)]
pub struct FactConflict {
    pub kind: DiscrepancyKind,
    pub summary: String,
    /// Indices into [`FactsTable::facts`].
    pub facts: [usize; 2],
    /// A passage stating each fact.
    pub passages: [Anchor; 2],
    /// Stable across runs, so "not a problem" is remembered in the project.
    pub fingerprint: String,
}

impl FactConflict {
    /// The conflict this becomes when the analyst flags it (status open).
    pub fn to_conflict(&self) -> Conflict {
        Conflict {
            kind: self.kind.conflict_kind(),
            summary: self.summary.clone(),
            passages: self.passages.to_vec(),
            status: ConflictStatus::Open,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FactsTable {
    /// By kind, then label.
    pub facts: Vec<Fact>,
    pub conflicts: Vec<FactConflict>,
}

impl FactsTable {
    /// Conflicts involving fact `index`.
    pub fn conflicts_of(&self, index: usize) -> impl Iterator<Item = &FactConflict> {
        self.conflicts.iter().filter(move |c| c.facts.contains(&index))
    }
}

/// A fact while the table is built: its key, and for people their name parts.
struct Entry {
    fact: Fact,
    /// First and last name of a person, folded; empty otherwise.
    first: String,
    last: String,
    /// Role words written with a person's name ("transport", "minister"), folded, in
    /// the order first written.
    role: Vec<String>,
    /// The first passage of each source that gives the place as where something is
    /// based ("an Oslo-based carrier"), with the name of what is based there if given.
    based: Vec<(Anchor, Option<String>)>,
}

/// Builds the table from the sources' texts. Checks `cancel` between sentences.
pub fn build(sources: &[(SourceId, &str)], cancel: &AtomicBool) -> Result<FactsTable, Cancelled> {
    let mut entries: BTreeMap<(FactKind, String), Entry> = BTreeMap::new();
    for &(id, text) in sources {
        read_source(id, text, &mut entries, cancel)?;
    }
    let (keys, entries): (Vec<String>, Vec<Entry>) = entries.into_iter().map(|((_, key), e)| (key, e)).unzip();
    let mut conflicts = conflicts(&entries);
    conflicts.extend(bases(&entries, &keys));
    Ok(FactsTable { facts: entries.into_iter().map(|e| e.fact).collect(), conflicts })
}

/// A person named in one document: full name, for resolving later mentions.
struct Known {
    key: String,
    first: String,
    last: String,
}

/// One source being read into the table.
struct Reader<'a> {
    id: SourceId,
    text: &'a str,
    index: CharIndex,
    entries: &'a mut BTreeMap<(FactKind, String), Entry>,
    people: Vec<Known>,
}

impl Reader<'_> {
    /// The text of tokens `range`, as written.
    fn raw(&self, tokens: &[&Token], range: &Range<usize>) -> String {
        let (Some(first), Some(last)) = (tokens.get(range.start), range.end.checked_sub(1).and_then(|e| tokens.get(e)))
        else {
            return String::new();
        };
        self.text.get(first.bytes.start..last.bytes.end).unwrap_or_default().to_owned()
    }

    /// Adds a mention of the fact `key` at tokens `range`, labelled by `shown` the first time.
    fn add(
        &mut self,
        tokens: &[&Token],
        kind: FactKind,
        key: String,
        range: &Range<usize>,
        shown: &Range<usize>,
    ) -> Option<&mut Entry> {
        let (start, end) = (tokens.get(range.start)?.bytes.start, tokens.get(range.end.checked_sub(1)?)?.bytes.end);
        let (text, index) = (self.text, &self.index);
        let anchor = Anchor::capture_indexed(
            self.id,
            text,
            index,
            index.char_offset(text, start),
            index.char_offset(text, end),
        )?;
        let label = self.raw(tokens, shown);
        let entry = self.entries.entry((kind, key)).or_insert_with(|| Entry {
            fact: Fact { kind, label, mentions: Vec::new() },
            first: String::new(),
            last: String::new(),
            role: Vec::new(),
            based: Vec::new(),
        });
        entry.fact.mentions.push(anchor);
        Some(entry)
    }

    fn sentence(&mut self, tokens: &[&Token]) {
        let facts = super::read(self.text, tokens, &|i| i == 0);
        let places = facts.places.iter().map(|p| (p.place.name.to_owned(), &p.tokens));
        let cued = facts.cue_places.iter().map(|p| (fold_words(tokens, &p.names), &p.tokens));
        for (key, range) in places.chain(cued) {
            let based = super::places::based_here(self.text, tokens, range);
            let id = self.id;
            if let Some(entry) = self.add(tokens, FactKind::Place, key, range, range)
                && let Some(subject) = based
                && !entry.based.iter().any(|(b, _)| b.source == id)
                && let Some(mention) = entry.fact.mentions.last().cloned()
            {
                entry.based.push((mention, subject));
            }
        }
        for agency in &facts.agencies {
            let kind = if agency.agency.news { FactKind::Agency } else { FactKind::Organisation };
            self.add(tokens, kind, agency.agency.name.to_owned(), &agency.tokens, &agency.tokens);
        }
        for quantity in &facts.quantities {
            let kind = if matches!(quantity.class, QuantityClass::Amount | QuantityClass::Rank) {
                FactKind::Number
            } else {
                FactKind::Date
            };
            // "4 a.m." and "4 p.m." are two times; a day or a year has no unit.
            let counted = kind == FactKind::Number || quantity.class == QuantityClass::Time;
            let unit = if counted { quantity.unit.as_str() } else { "" };
            let key = format!("{} {unit}", quantity.value);
            let mut shown = quantity.tokens.clone();
            if counted && !unit.is_empty() && !lexicon::STOPWORDS.contains(&unit) {
                shown.end = (shown.end + 1).min(tokens.len());
            }
            // A day is shown with its month: "14 May", "May 14".
            if quantity.class == QuantityClass::Day {
                let month = |k: usize| tokens.get(k).is_some_and(|t| lexicon::MONTHS.contains(&t.norm.as_str()));
                if month(shown.end) {
                    shown.end += 1;
                } else if shown.start > 0 && month(shown.start - 1) {
                    shown.start -= 1;
                }
            }
            self.add(tokens, kind, key, &quantity.tokens, &shown);
        }
        for day in &facts.calendar {
            let range = day.token..day.token + 1;
            self.add(tokens, FactKind::Date, day.name.to_owned(), &range, &range);
        }
        let taken: Vec<Range<usize>> = facts
            .places
            .iter()
            .map(|p| p.tokens.clone())
            .chain(facts.cue_places.iter().map(|p| p.tokens.clone()))
            .chain(facts.agencies.iter().map(|a| a.tokens.clone()))
            .collect();
        // A name is read unless a place or an agency covers all of it: "Police Chief Anna
        // Varga" is a person although "Police" is a body.
        let covered = |m: &&NameMention| m.names.iter().all(|&k| taken.iter().any(|t| t.contains(&k)));
        for mention in facts.names.iter().filter(|m| !covered(m)) {
            if self.credited(tokens, mention) {
                let key = fold_words(tokens, &mention.names);
                self.add(tokens, FactKind::Agency, key, &mention.tokens, &mention.tokens);
            } else {
                self.name(tokens, mention);
            }
        }
    }

    /// Whether a name is credited as the story's source: a whole parenthesis in a
    /// dateline ("HALVIK, May 14 (Meridian Press Agency) -"), what a credit line names
    /// ("Source: Meridian", "(With inputs from Meridian)", "— Meridian"), or a news
    /// outlet a statement is attributed to ("Nordline News said", "told Harbour Radio").
    fn credited(&self, tokens: &[&Token], mention: &NameMention) -> bool {
        if attributed_outlet(tokens, mention) {
            return true;
        }
        let (Some(first), Some(last)) = (tokens.get(mention.tokens.start), tokens.get(mention.tokens.end - 1)) else {
            return false;
        };
        let before = self.text.get(..first.bytes.start).unwrap_or_default();
        let after = self.text.get(last.bytes.end..).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let lead = before[line_start..].trim().to_lowercase();
        let parenthesised = before.trim_end().ends_with('(') && after.trim_start().starts_with(')');
        let a_body = mention.names.len() >= 2 && !is_person_like(tokens, mention);
        let dateline = || dateline::around(self.text, first.bytes.start).is_some();
        let credit_line = credits::is_lead(&lead);
        (parenthesised && (a_body || dateline())) || credit_line
    }

    /// Records one name mention: a full name becomes (or joins) a person; a single
    /// name word that is the surname or first name of a person this document named
    /// earlier joins that person; a name with an institution noun is an organisation.
    fn name(&mut self, tokens: &[&Token], mention: &NameMention) {
        let words: Vec<String> = mention.names.iter().filter_map(|&k| tokens.get(k)).map(|t| t.norm.clone()).collect();
        let Some(last) = words.last().cloned() else { return };
        let range = mention.names[0]..mention.names[mention.names.len() - 1] + 1;
        if words.iter().any(|w| lexicon::INSTITUTIONS.contains(&w.as_str()))
            || lexicon::NAMED_THINGS.contains(&last.as_str())
        {
            // "the Fund", "the Ministry": a short reference, not a name to list.
            let acronym = mention.names.iter().filter_map(|&k| tokens.get(k)).all(|t| t.all_caps);
            if words.len() >= 2 || acronym {
                self.add(tokens, FactKind::Organisation, words.join(" "), &range, &range);
            }
            return;
        }
        if lexicon::LANDMARKS.contains(&last.as_str()) || lexicon::PLACE_AFTER.contains(&last.as_str()) {
            self.add(tokens, FactKind::Place, words.join(" "), &range, &range);
            return;
        }
        // "Minister for Water and Rivers", "Minister of Environment": a post, not a name.
        let last_title = mention.titles.last().copied();
        if last_title.is_some_and(|t| tokens.get(t + 1).is_some_and(|next| !next.capitalised)) {
            return;
        }
        // "Water Minister Daria Lind": the person's name is what follows the role.
        let (words, range) = match last_title {
            Some(title) => {
                let after: Vec<usize> = mention.names.iter().copied().filter(|&k| k > title).collect();
                let Some((&from, &to)) = after.first().zip(after.last()) else { return };
                (after.iter().filter_map(|&k| tokens.get(k)).map(|t| t.norm.clone()).collect::<Vec<_>>(), from..to + 1)
            }
            None => (words, range),
        };
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else { return };
        let mut role: Vec<String> = mention
            .titles
            .iter()
            .filter_map(|&k| tokens.get(k))
            .map(|t| t.norm.clone())
            .filter(|w| lexicon::ROLE_TITLES.contains(&w.as_str()))
            .collect();
        if role.is_empty() {
            role = role_written_before(self.text, tokens, mention.tokens.start);
        }
        if role.is_empty() {
            role = appositive_role(self.text, tokens, mention.tokens.end);
        }
        let mut seen = std::collections::HashSet::new();
        role.retain(|w| seen.insert(w.clone()));
        let (key, first, last) = if words.len() >= 2 {
            let key = words.join(" ");
            if !self.people.iter().any(|p| p.key == key) {
                self.people.push(Known { key: key.clone(), first: first.clone(), last: last.clone() });
            }
            (key, first, last)
        } else if let Some(person) =
            self.people.iter().rev().find(|p| same_word(&p.last, &first) || same_word(&p.first, &first))
        {
            // One word: the latest person of this document with that surname or first name.
            let key = person.key.clone();
            self.add(tokens, FactKind::Person, key, &range, &range);
            return;
        } else if mention
            .titles
            .iter()
            .filter_map(|&k| tokens.get(k))
            .any(|t| lexicon::TITLES.contains(&t.norm.as_str()) || lexicon::PERSON_ROLES.contains(&t.norm.as_str()))
        {
            // "Mr. So", "Officer Lane": a person known by one name.
            (first.clone(), String::new(), first)
        } else {
            return;
        };
        if let Some(entry) = self.add(tokens, FactKind::Person, key, &range, &range) {
            if entry.last.is_empty() {
                entry.first = first;
                entry.last = last;
            }
            if entry.role.is_empty() {
                entry.role = role;
            }
        }
    }
}

fn read_source(
    id: SourceId,
    text: &str,
    entries: &mut BTreeMap<(FactKind, String), Entry>,
    cancel: &AtomicBool,
) -> Result<(), Cancelled> {
    let spans = sentences::split_bytes(text);
    let skip = furniture::flags(text, &spans);
    let mut reader = Reader { id, text, index: CharIndex::new(text), entries, people: Vec::new() };
    for (bytes, _) in spans.iter().zip(skip).filter(|(_, furniture)| !furniture) {
        if cancel.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        let owned = tokens::tokenize(text, bytes.clone());
        let tokens: Vec<&Token> = owned.iter().collect();
        reader.sentence(&tokens);
    }
    Ok(())
}

/// Whether a name is a news outlet's ("Nordline News", "Harbour Radio") and a statement
/// is attributed to it: "Nordline News said", "told Nordline News", "according to
/// Nordline News", "reported by Nordline News".
fn attributed_outlet(tokens: &[&Token], mention: &NameMention) -> bool {
    super::places::is_outlet(tokens, mention) && super::places::credited_by_attribution(tokens, mention)
}

/// Whether a name reads as a person's: no institution or publication word in it.
fn is_person_like(tokens: &[&Token], mention: &NameMention) -> bool {
    !mention.names.iter().filter_map(|&k| tokens.get(k)).any(|t| {
        let w = t.norm.as_str();
        lexicon::INSTITUTIONS.contains(&w) || lexicon::NAMED_THINGS.contains(&w) || lexicon::SPEAKER_NOUNS.contains(&w)
    })
}

fn fold_words(tokens: &[&Token], indices: &[usize]) -> String {
    indices.iter().filter_map(|&k| tokens.get(k)).map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
}

/// Role words in lower case right before a name ("the regional health director Dr.
/// Miriam Lind"), which the name itself does not take in.
fn role_written_before(text: &str, tokens: &[&Token], before: usize) -> Vec<String> {
    let joined = |k: usize| tokens::gap_before(text, tokens, k + 1).is_some_and(|g| g.trim().is_empty());
    let mut start = before;
    while let Some(k) = start.checked_sub(1).filter(|&k| is_title(&tokens[k].norm) && joined(k)) {
        start = k;
    }
    let words: Vec<String> = tokens[start..before].iter().map(|t| t.norm.clone()).collect();
    if words.iter().any(|w| lexicon::ROLE_TITLES.contains(&w.as_str())) { words } else { Vec::new() }
}

/// The role an apposition after a name gives it ("Elena Morava, the transport
/// minister, said"; "Miriam Adebayo, the region's health director."): role words after
/// a comma and an article or a possessive, up to the next comma or the sentence's end.
fn appositive_role(text: &str, tokens: &[&Token], after: usize) -> Vec<String> {
    let gap = |k: usize| tokens::gap_before(text, tokens, k);
    if gap(after).is_none_or(|g| g.trim() != ",") {
        return Vec::new();
    }
    let mut k = after;
    while tokens.get(k).is_some_and(|t| {
        let raw = t.raw(text);
        matches!(t.norm.as_str(), "the" | "a" | "an" | "its" | "their") || raw.ends_with("'s") || raw.ends_with("’s")
    }) {
        k += 1;
    }
    let start = k;
    while tokens.get(k).is_some_and(|t| is_title(&t.norm))
        && (k == start || gap(k).is_some_and(|g| g.trim().is_empty()))
    {
        k += 1;
    }
    let closed = k >= tokens.len() || gap(k).is_some_and(|g| g.contains([',', ';', '.']));
    let words: Vec<String> = tokens[start..k].iter().map(|t| t.norm.clone()).collect();
    if k == start || !closed || !words.iter().any(|w| lexicon::ROLE_TITLES.contains(&w.as_str())) {
        return Vec::new();
    }
    words
}

/// Whether two roles are the same words in any order ("Transport Minister" /
/// "Minister of Transport").
fn same_role(a: &[String], b: &[String]) -> bool {
    let sorted = |words: &[String]| {
        let mut words = words.to_vec();
        words.sort();
        words
    };
    sorted(a) == sorted(b)
}

/// Disagreements between whole documents: a person named two ways, a role held by two
/// names, a story credited to different agencies.
fn conflicts(entries: &[Entry]) -> Vec<FactConflict> {
    let mut found = Vec::new();
    let disjoint = |a: &Fact, b: &Fact| {
        let theirs = b.sources();
        a.sources().iter().all(|s| !theirs.contains(s))
    };
    for (i, a) in entries.iter().enumerate() {
        for (j, b) in entries.iter().enumerate().skip(i + 1) {
            if a.fact.kind != b.fact.kind || !disjoint(&a.fact, &b.fact) {
                continue;
            }
            // Told in source order: the fact of the lower-numbered source first.
            let first_source = |e: &Entry| e.fact.mentions.first().map(|m| m.source);
            let ((i, a), (j, b)) = if first_source(a) <= first_source(b) { ((i, a), (j, b)) } else { ((j, b), (i, a)) };
            let summary = match a.fact.kind {
                FactKind::Person if a.last.is_empty() || b.last.is_empty() => None,
                // "Davor Lind" / "Daria Lind": one surname, two first names.
                FactKind::Person if same_word(&a.last, &b.last) && !same_word(&a.first, &b.first) => {
                    Some(format!("the same person is named {} and {}", a.fact.label, b.fact.label))
                }
                // "Minister Ann Kessel" / "Minister Ann Moro".
                FactKind::Person
                    if a.first == b.first
                        && !same_word(&a.last, &b.last)
                        && !a.role.is_empty()
                        && same_role(&a.role, &b.role) =>
                {
                    Some(format!("the {} is named {} and {}", a.role.join(" "), a.fact.label, b.fact.label))
                }
                FactKind::Agency => Some(format!("the story is credited to {} and to {}", a.fact.label, b.fact.label)),
                _ => None,
            };
            let kind =
                if a.fact.kind == FactKind::Agency { DiscrepancyKind::Attribution } else { DiscrepancyKind::Name };
            if let (Some(summary), Some(left), Some(right)) =
                (summary, a.fact.mentions.first(), b.fact.mentions.first())
            {
                let fingerprint =
                    format!("fact:{:?}:{}|{}", a.fact.kind, a.fact.label.to_lowercase(), b.fact.label.to_lowercase());
                found.push(FactConflict {
                    kind,
                    summary,
                    facts: [i, j],
                    passages: [left.clone(), right.clone()],
                    fingerprint,
                });
            }
        }
    }
    found
}

/// Where something is based, stated two ways: one source has "an Oslo-based carrier",
/// another "the company, which is based in Bergen". Only sources that each give one
/// base: a story about two firms gives two, and which is whose is not read.
fn bases(entries: &[Entry], keys: &[String]) -> Vec<FactConflict> {
    let based: Vec<usize> = (0..entries.len()).filter(|&i| !entries[i].based.is_empty()).collect();
    let one_base = |(passage, _): &(Anchor, Option<String>)| {
        based.iter().filter(|&&i| entries[i].based.iter().any(|(b, _)| b.source == passage.source)).count() == 1
    };
    // "Oslo" and "Norway" agree; a place the gazetteer lacks agrees with itself written
    // the same or misspelt ("Bregen").
    let apart = |i: usize, j: usize| match (gazetteer::place_named(&keys[i]), gazetteer::place_named(&keys[j])) {
        (Some(a), Some(b)) => !gazetteer::same_or_within(a, b),
        _ => !same_word(&keys[i], &keys[j]),
    };
    // "Oslo-based Nordline" and "Bergen-based Halvik Lines" are two firms.
    let one_subject = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => same_word(a, b),
        _ => true,
    };
    let mut found = Vec::new();
    for (n, &i) in based.iter().enumerate() {
        for &j in &based[n + 1..] {
            let (a, b) = (&entries[i], &entries[j]);
            let alone = a.based.iter().chain(&b.based).all(one_base);
            let told_apart = a.based.iter().all(|(p, _)| !b.based.iter().any(|(q, _)| q.source == p.source));
            let (Some((left, left_subject)), Some((right, right_subject))) = (a.based.first(), b.based.first()) else {
                continue;
            };
            if !alone || !told_apart || !apart(i, j) || !one_subject(left_subject, right_subject) {
                continue;
            }
            let ((i, left), (j, right)) =
                if left.source <= right.source { ((i, left), (j, right)) } else { ((j, right), (i, left)) };
            found.push(FactConflict {
                kind: DiscrepancyKind::Place,
                summary: format!("one source says it is based in {}, another in {}", left.exact, right.exact),
                facts: [i, j],
                passages: [left.clone(), right.clone()],
                fingerprint: format!("fact:Base:{}|{}", keys[i], keys[j]),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(sources: &[&str]) -> FactsTable {
        let owned: Vec<(SourceId, &str)> = sources.iter().zip(1..).map(|(text, n)| (SourceId(n), *text)).collect();
        build(&owned, &AtomicBool::new(false)).expect("not cancelled")
    }

    fn labels(table: &FactsTable, kind: FactKind) -> Vec<&str> {
        table.facts.iter().filter(|f| f.kind == kind).map(|f| f.label.as_str()).collect()
    }

    #[test]
    fn facts_of_every_kind_are_listed_with_their_sources() {
        let table = table(&[
            "Finance Minister Ivan Petrov met officials in Paris on Monday. Petrov said 40 million euros were set aside in 2024, Reuters reported.",
            "Ivan Petrov visited Paris.",
        ]);
        assert_eq!(labels(&table, FactKind::Person), ["Ivan Petrov"]);
        let petrov = table.facts.iter().find(|f| f.label == "Ivan Petrov").expect("listed");
        assert_eq!(petrov.mentions.len(), 3, "the surname alone is resolved to the full name");
        assert_eq!(petrov.sources(), [SourceId(1), SourceId(2)]);
        assert_eq!(labels(&table, FactKind::Place), ["Paris"]);
        assert_eq!(labels(&table, FactKind::Agency), ["Reuters"]);
        assert!(labels(&table, FactKind::Number).iter().any(|l| l.starts_with("40 million")));
        assert!(labels(&table, FactKind::Date).contains(&"2024"));
        assert!(table.conflicts.is_empty(), "{:?}", table.conflicts);
    }

    #[test]
    fn a_surname_alone_resolves_to_the_person_its_document_named() {
        let table = table(&[
            "Ivan Petrov, the energy minister, arrived late. Petrov said the deal was done.",
            "Oleg Petrov, the energy minister, arrived late. Petrov said the deal was done.",
        ]);
        assert_eq!(table.conflicts.len(), 1, "{:?}", table.conflicts);
        let conflict = &table.conflicts[0];
        assert_eq!(conflict.kind, DiscrepancyKind::Name);
        assert!(conflict.summary.contains("Ivan Petrov") && conflict.summary.contains("Oleg Petrov"));
        assert_eq!([conflict.passages[0].source, conflict.passages[1].source], [SourceId(1), SourceId(2)]);
    }

    #[test]
    fn a_base_given_two_ways_conflicts_unless_two_firms_are_based() {
        let bases = |sources: &[&str]| -> Vec<String> {
            let table = table(sources);
            table.conflicts.iter().filter(|c| c.kind == DiscrepancyKind::Place).map(|c| c.summary.clone()).collect()
        };
        let found = bases(&[
            "Nordline, the Oslo-based carrier, said profit rose. Its shares rose in Oslo.",
            "Shares rose in Oslo. Profit was up, the company, which is based in Bergen, said.",
        ]);
        assert_eq!(found, ["one source says it is based in Oslo, another in Bergen"]);
        // A city and its country agree; two named firms are two bases.
        assert!(
            bases(&["Oslo-based Nordline said profit rose.", "Nordline, based in Norway, said profit rose."])
                .is_empty()
        );
        assert!(
            bases(&["Oslo-based Nordline said profit rose.", "Bergen-based Halvik Lines said profit rose."]).is_empty()
        );
    }

    #[test]
    fn different_agencies_credited_by_different_copies_conflict() {
        let table = table(&[
            "The talks ended without a deal.\n\nSource: Reuters",
            "The talks ended without a deal, the Associated Press reported.",
        ]);
        let credited: Vec<&FactConflict> =
            table.conflicts.iter().filter(|c| c.kind == DiscrepancyKind::Attribution).collect();
        assert_eq!(credited.len(), 1, "{:?}", table.conflicts);
        assert!(credited[0].summary.contains("Reuters") && credited[0].summary.contains("Associated Press"));
    }

    #[test]
    fn credit_lines_and_datelines_credit_an_agency() {
        let table = table(&[
            "HALVIK, May 14 (Northline Wire) - The talks ended.",
            "The talks ended without a deal.\n\nSource: Coastal News Service",
        ]);
        assert_eq!(labels(&table, FactKind::Agency), ["Coastal News Service", "Northline Wire"]);
        assert_eq!(table.conflicts.len(), 1, "{:?}", table.conflicts);
        assert_eq!(table.conflicts[0].kind, DiscrepancyKind::Attribution);
    }

    #[test]
    fn a_news_outlet_a_statement_is_attributed_to_is_credited() {
        let table = table(&[
            "HALVIK, May 14 (Northline Wire) - The talks ended.",
            "The minister told Harbour Radio the talks had ended. Talks will resume, Coastal News said.",
            "Lakeside Times reporters were at the talks. The mayor told the Marsh News Service so.",
        ]);
        assert_eq!(
            labels(&table, FactKind::Agency),
            ["Coastal News", "Harbour Radio", "Marsh News Service", "Northline Wire"]
        );
        assert_eq!(labels(&table, FactKind::Organisation), ["Lakeside Times"], "named, not credited");
        assert!(table.conflicts.iter().all(|c| c.kind == DiscrepancyKind::Attribution), "{:?}", table.conflicts);
    }

    #[test]
    fn a_name_after_capital_is_the_capital_city() {
        let table = table(&["The ministers met in Korval on Tuesday.", "They met in the Belsk capital Hollin."]);
        assert!(labels(&table, FactKind::Place).contains(&"Hollin"), "{:?}", labels(&table, FactKind::Place));
    }

    #[test]
    fn a_role_before_a_name_is_not_part_of_it() {
        let table = table(&["Water Minister Daria Lind spoke. The Minister for Water and Rivers was absent."]);
        assert_eq!(labels(&table, FactKind::Person), ["Daria Lind"]);
    }

    #[test]
    fn a_role_held_by_two_names_is_told_in_the_words_written() {
        let table = table(&[
            "Transport Minister Elena Daskal met the unions on Monday.",
            "The talks were led by Transport Minister Elena Morava.",
        ]);
        let summaries: Vec<&str> = table.conflicts.iter().map(|c| c.summary.as_str()).collect();
        assert_eq!(summaries, ["the transport minister is named Elena Daskal and Elena Morava"]);
    }

    #[test]
    fn a_role_given_after_the_name_is_the_same_role() {
        let named = table(&[
            "Transport Minister Elena Daskal met the unions on Monday.",
            "Elena Morava, the transport minister, met the unions on Monday.",
        ]);
        let summaries: Vec<&str> = named.conflicts.iter().map(|c| c.summary.as_str()).collect();
        assert_eq!(summaries, ["the transport minister is named Elena Daskal and Elena Morava"]);
        // A role of something else after the comma is no apposition.
        let other = table(&[
            "Transport Minister Elena Daskal met the unions on Monday.",
            "Elena Morava, the transport minister's deputy, met the unions on Monday.",
        ]);
        assert!(other.conflicts.is_empty(), "{:?}", other.conflicts);
    }

    #[test]
    fn a_college_named_like_a_person_is_an_organisation() {
        let table = table(&["Georgia Tech beat Lisbon in the final.", "Florence Tech beat Lisbon in the final."]);
        assert!(labels(&table, FactKind::Person).is_empty(), "{:?}", labels(&table, FactKind::Person));
        assert_eq!(labels(&table, FactKind::Organisation), ["Florence Tech", "Georgia Tech"]);
        assert!(table.conflicts.is_empty(), "{:?}", table.conflicts);
    }

    #[test]
    fn furniture_states_no_facts() {
        let table = table(&["Follow us on Facebook and X\n\nThe vote passed in Paris."]);
        assert_eq!(labels(&table, FactKind::Place), ["Paris"]);
        assert!(labels(&table, FactKind::Organisation).is_empty());
    }
}
