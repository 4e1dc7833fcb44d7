//! Re-anchoring measured on generated edits: sources with anchored passages are edited
//! (sentences inserted and deleted, paragraphs moved, typos fixed, whitespace and
//! quotation marks changed, anchored passages reworded or deleted) while the true new
//! place of every passage is tracked, then every passage is re-anchored.

use super::reanchor::{Outcome, reanchor_source};
use super::tests::WIRE;
use crate::model::{
    Anchor, Claim, ClaimId, PassageRef, Project, Source, SourceContent, SourceFormat, SourceId, SourceMeta,
};

/// A small deterministic random number generator (xorshift), so runs repeat exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
struct Sentence {
    text: Vec<char>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// The passage is still there (perhaps with a typo fixed, or whitespace changed).
    Survives,
    /// Its words were rewritten: finding it there or orphaning it are both right.
    Reworded,
    Deleted,
}

#[derive(Debug, Clone)]
struct Tracked {
    paragraph: usize,
    sentence: usize,
    range: std::ops::Range<usize>,
    fate: Fate,
}

#[derive(Debug, Clone)]
struct Document {
    paragraphs: Vec<Vec<Sentence>>,
}

impl Document {
    fn parse(text: &str) -> Self {
        let paragraphs = text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                super::sentences::split(p).iter().map(|s| Sentence { text: s.text(p).chars().collect() }).collect()
            })
            .collect();
        Self { paragraphs }
    }

    /// The text and the character offset of every sentence.
    fn render(&self) -> (String, Vec<Vec<usize>>) {
        let mut text = String::new();
        let mut offsets = Vec::new();
        let mut chars = 0;
        for (p, paragraph) in self.paragraphs.iter().enumerate() {
            if p > 0 {
                text.push_str("\n\n");
                chars += 2;
            }
            let mut starts = Vec::new();
            for (s, sentence) in paragraph.iter().enumerate() {
                if s > 0 {
                    text.push(' ');
                    chars += 1;
                }
                starts.push(chars);
                text.extend(sentence.text.iter());
                chars += sentence.text.len();
            }
            offsets.push(starts);
        }
        (text, offsets)
    }
}

const FILLER: &[&str] = &[
    "Officials from both sides declined to comment further on the timetable.",
    "A separate report on river quality is expected before the end of the year.",
    "The talks were held behind closed doors at a hotel near the station.",
    "Local newspapers had reported the outline of the deal a week earlier.",
    "Several hundred people gathered outside the building during the meeting.",
];

/// Word boundaries of a sentence: (start, end) of each word.
fn words(sentence: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in sentence.iter().chain([&' ']).enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Replaces `range` of a sentence, keeping the passages in it where they belong.
fn splice(
    doc: &mut Document,
    anchors: &mut [Tracked],
    at: (usize, usize),
    range: std::ops::Range<usize>,
    new: &[char],
) {
    let sentence = &mut doc.paragraphs[at.0][at.1].text;
    sentence.splice(range.clone(), new.iter().copied());
    let delta = new.len().cast_signed() - range.len().cast_signed();
    for anchor in anchors.iter_mut().filter(|a| (a.paragraph, a.sentence) == at && a.fate != Fate::Deleted) {
        if anchor.range.start >= range.end {
            anchor.range.start = anchor.range.start.saturating_add_signed(delta);
            anchor.range.end = anchor.range.end.saturating_add_signed(delta);
        } else if anchor.range.end > range.start {
            anchor.range.end = anchor.range.end.saturating_add_signed(delta);
        }
    }
}

#[expect(clippy::too_many_lines, reason = "one match arm per kind of edit reads best side by side")]
fn edit(doc: &mut Document, anchors: &mut [Tracked], rng: &mut Rng) {
    let mut p = rng.below(doc.paragraphs.len());
    let choice = rng.below(10);
    if choice == 9 {
        // The sentence of an anchored passage is deleted.
        let Some(a) = anchors.iter().find(|a| a.fate == Fate::Survives && doc.paragraphs[a.paragraph].len() > 1) else {
            return;
        };
        p = a.paragraph;
        let s = a.sentence;
        doc.paragraphs[p].remove(s);
        for a in anchors.iter_mut().filter(|a| a.paragraph == p) {
            if a.sentence == s {
                a.fate = Fate::Deleted;
            } else if a.sentence > s {
                a.sentence -= 1;
            }
        }
        return;
    }
    match choice {
        0 => {
            let s = rng.below(doc.paragraphs[p].len() + 1);
            let filler = FILLER[rng.below(FILLER.len())].chars().collect();
            doc.paragraphs[p].insert(s, Sentence { text: filler });
            for a in anchors.iter_mut().filter(|a| a.paragraph == p && a.sentence >= s) {
                a.sentence += 1;
            }
        }
        1 if doc.paragraphs[p].len() > 1 => {
            let s = rng.below(doc.paragraphs[p].len());
            doc.paragraphs[p].remove(s);
            for a in anchors.iter_mut().filter(|a| a.paragraph == p) {
                if a.sentence == s {
                    a.fate = Fate::Deleted;
                } else if a.sentence > s {
                    a.sentence -= 1;
                }
            }
        }
        2 if doc.paragraphs.len() > 1 => {
            let to = rng.below(doc.paragraphs.len());
            let moved = doc.paragraphs.remove(p);
            doc.paragraphs.insert(to, moved);
            for a in anchors.iter_mut() {
                a.paragraph = match a.paragraph {
                    x if x == p => to,
                    x if p < to && x > p && x <= to => x - 1,
                    x if to < p && x >= to && x < p => x + 1,
                    x => x,
                };
            }
        }
        3 | 4 => {
            // A typo fixed inside an anchored passage: two letters swap.
            let Some(a) = anchors.iter().filter(|a| a.fate == Fate::Survives).nth(rng.below(anchors.len())).cloned()
            else {
                return;
            };
            let text = &doc.paragraphs[a.paragraph][a.sentence].text;
            let inside: Vec<usize> = (a.range.start + 1..a.range.end.saturating_sub(2))
                .filter(|&i| text[i].is_alphabetic() && text[i + 1].is_alphabetic() && text[i] != text[i + 1])
                .collect();
            if inside.len() > 12 {
                let i = inside[rng.below(inside.len())];
                let swapped = [text[i + 1], text[i]];
                splice(doc, anchors, (a.paragraph, a.sentence), i..i + 2, &swapped);
            }
        }
        5 => {
            // Whitespace: a line break where a space was, or a doubled space.
            let s = rng.below(doc.paragraphs[p].len());
            let spaces: Vec<usize> =
                (0..doc.paragraphs[p][s].text.len()).filter(|&i| doc.paragraphs[p][s].text[i] == ' ').collect();
            if !spaces.is_empty() {
                let i = spaces[rng.below(spaces.len())];
                let new: &[char] = if rng.below(2) == 0 { &['\n'] } else { &[' ', ' '] };
                splice(doc, anchors, (p, s), i..i + 1, new);
            }
        }
        6 => {
            // Straight quotation marks become curly ones throughout.
            for sentence in doc.paragraphs.iter_mut().flatten() {
                let mut open = true;
                for c in &mut sentence.text {
                    if *c == '"' {
                        *c = if open { '“' } else { '”' };
                        open = !open;
                    }
                }
            }
        }
        7 => {
            // A word inserted just before an anchored passage changes its context.
            let Some(a) = anchors.iter().filter(|a| a.fate == Fate::Survives).nth(rng.below(anchors.len())).cloned()
            else {
                return;
            };
            let new: Vec<char> = "reportedly ".chars().collect();
            splice(doc, anchors, (a.paragraph, a.sentence), a.range.start..a.range.start, &new);
        }
        _ => {
            // The anchored passage itself is reworded.
            let Some(index) = anchors.iter().position(|a| a.fate == Fate::Survives && a.range.len() > 20) else {
                return;
            };
            let a = anchors[index].clone();
            let old: String = doc.paragraphs[a.paragraph][a.sentence].text[a.range.clone()].iter().collect();
            let mut reworded: Vec<&str> = old.split(' ').collect();
            reworded.reverse();
            let new: Vec<char> = format!("in other words, {}", reworded.join(" ")).chars().collect();
            splice(doc, anchors, (a.paragraph, a.sentence), a.range.clone(), &new);
            anchors[index].fate = Fate::Reworded;
        }
    }
}

/// Passages to anchor: word-aligned spans, from one word (names) to whole sentences.
fn pick_anchors(doc: &Document, rng: &mut Rng, count: usize) -> Vec<Tracked> {
    let mut picked: Vec<Tracked> = Vec::new();
    for _ in 0..count * 4 {
        if picked.len() == count {
            break;
        }
        let paragraph = rng.below(doc.paragraphs.len());
        let sentence = rng.below(doc.paragraphs[paragraph].len());
        let spans = words(&doc.paragraphs[paragraph][sentence].text);
        if spans.len() < 3 {
            continue;
        }
        let first = rng.below(spans.len());
        let length = [1, 2, 4, 8, 40][rng.below(5)];
        let last = (first + length - 1).min(spans.len() - 1);
        let range = spans[first].0..spans[last].1;
        if picked.iter().any(|p| {
            p.paragraph == paragraph && p.sentence == sentence && p.range.start < range.end && range.start < p.range.end
        }) {
            continue;
        }
        picked.push(Tracked { paragraph, sentence, range, fate: Fate::Survives });
    }
    picked
}

fn source(text: &str) -> Source {
    Source {
        meta: SourceMeta::default(),
        content: SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None },
    }
}

#[derive(Debug, Default)]
struct Counts {
    surviving: usize,
    exact: usize,
    missed: usize,
    wrong: usize,
    reworded: usize,
    reworded_found: usize,
    deleted: usize,
    deleted_orphaned: usize,
}

fn run_trial(base: &str, rng: &mut Rng, counts: &mut Counts) {
    let mut doc = Document::parse(base);
    let mut tracked = pick_anchors(&doc, rng, 12);
    let (old_text, old_offsets) = doc.render();
    let id = SourceId(1);
    let mut project = Project::new("Re-anchoring");
    project.sources.insert(id, source(&old_text));
    for (n, t) in tracked.iter().enumerate() {
        let start = old_offsets[t.paragraph][t.sentence] + t.range.start;
        let anchor = Anchor::capture(id, &old_text, start, start + t.range.len()).expect("fits");
        let claim = ClaimId(u32::try_from(n).unwrap_or(0));
        project.claims.insert(claim, Claim::marked(anchor, "Unverified"));
    }
    for _ in 0..=rng.below(6) {
        edit(&mut doc, &mut tracked, rng);
    }
    let (new_text, new_offsets) = doc.render();
    let content = SourceContent { format: SourceFormat::PlainText, text: new_text.clone(), original: None };
    let reanchored = reanchor_source(&project, id, content).expect("source exists");
    for (at, outcome) in &reanchored.report.passages {
        let PassageRef::Appearance { claim, .. } = at else { continue };
        let t = &tracked[claim.0 as usize];
        let truth = (t.fate != Fate::Deleted).then(|| {
            let start = new_offsets[t.paragraph][t.sentence] + t.range.start;
            start..start + t.range.len()
        });
        let found = match outcome {
            Outcome::Unchanged => {
                Some(project.claims[claim].appearances[0].start..project.claims[claim].appearances[0].end)
            }
            Outcome::Moved { anchor, .. } => Some(anchor.start..anchor.end),
            Outcome::Orphaned { .. } => None,
        };
        match (t.fate, found, truth) {
            (Fate::Deleted, None, _) => {
                counts.deleted += 1;
                counts.deleted_orphaned += 1;
            }
            (Fate::Deleted, Some(found), _) => {
                counts.deleted += 1;
                counts.wrong += 1;
                eprintln!(
                    "deleted passage {:?} attached to {:?}",
                    project.claims[claim].appearances[0].exact,
                    slice(&new_text, &found)
                );
            }
            (Fate::Reworded, None, _) => counts.reworded += 1,
            (Fate::Reworded, Some(found), Some(truth)) => {
                counts.reworded += 1;
                if found.start < truth.end && truth.start < found.end {
                    counts.reworded_found += 1;
                } else {
                    counts.wrong += 1;
                }
            }
            (Fate::Survives, Some(found), Some(truth)) => {
                counts.surviving += 1;
                if found == truth {
                    counts.exact += 1;
                } else {
                    counts.wrong += 1;
                    eprintln!(
                        "{:?} found at {:?}, truth {:?}",
                        project.claims[claim].appearances[0].exact,
                        slice(&new_text, &found),
                        slice(&new_text, &truth)
                    );
                }
            }
            (Fate::Survives, None, _) => {
                counts.surviving += 1;
                counts.missed += 1;
            }
            _ => {}
        }
    }
}

fn slice(text: &str, range: &std::ops::Range<usize>) -> String {
    text.chars().skip(range.start).take(range.len()).collect()
}

#[test]
fn passages_are_refound_after_generated_edits_and_never_attached_to_wrong_text() {
    let project = crate::store::load(&crate::sample_project_path()).expect("sample loads").project;
    let mut bases: Vec<String> = project.sources.values().map(|s| s.text().to_owned()).collect();
    bases.push(WIRE.to_owned());
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let mut counts = Counts::default();
    for _ in 0..60 {
        for base in &bases {
            run_trial(base, &mut rng, &mut counts);
        }
    }
    let exact_rate = counts.exact as f64 / counts.surviving as f64;
    println!("re-anchoring: {counts:?}, exact rate {exact_rate:.3}");
    assert!(counts.surviving > 1000 && counts.deleted > 50 && counts.reworded > 50, "{counts:?}");
    assert!(exact_rate >= 0.95, "{counts:?}");
    assert_eq!(counts.wrong, 0, "{counts:?}");
    assert_eq!(counts.deleted_orphaned, counts.deleted, "{counts:?}");
}

#[test]
fn re_importing_a_changed_source_moves_and_orphans_its_passages_in_one_undo_step() {
    let mut project = crate::store::load(&crate::sample_project_path()).expect("sample loads").project;
    let wire = SourceId(1);
    let old = project.sources[&wire].text().to_owned();
    // A new lead paragraph, curly quotes, and the "supported" sentence gone.
    let cut = old.find("Varenland supported").expect("in the wire");
    let cut_end = cut + old[cut..].find("\n\n").expect("paragraph end") + 2;
    let text =
        format!("Editor's note: this story was updated.\n\n{}{}", &old[..cut], &old[cut_end..]).replace('"', "”");
    let content = SourceContent { format: SourceFormat::PlainText, text, original: None };
    let reanchored = reanchor_source(&project, wire, content).expect("source exists");
    assert!(reanchored.report.moved() > 10, "{:?}", reanchored.report);
    let orphaned: Vec<Anchor> = reanchored
        .report
        .passages
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Orphaned { .. }))
        .filter_map(|(at, _)| project.passage(*at).cloned())
        .collect();
    let removed = &old[cut..cut_end];
    assert!(orphaned.iter().any(|a| a.exact.contains("supported")), "{orphaned:?}");
    assert!(orphaned.iter().all(|a| removed.contains(&a.exact)), "only passages of the cut paragraph: {orphaned:?}");

    let before = project.clone();
    let mut history = crate::history::History::new();
    history.apply(&mut project, reanchored.edit).expect("applies");
    let problems = project.problems();
    assert_eq!(problems.len(), orphaned.len(), "{problems:?}");
    assert!(problems.iter().all(|p| p.message.contains("orphaned")), "{problems:?}");
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
}
