//! Synthetic projects for benchmarks and tests: large, deterministic and sound.

use crate::model::{
    Anchor, CharIndex, Claim, Conflict, ConflictKind, ConflictStatus, Evidence, OriginalFile, Project, Source,
    SourceContent, SourceFormat, SourceMeta, Stance,
};

/// Sizes of a generated project.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub sources: usize,
    /// Characters of text per source.
    pub chars_per_source: usize,
    pub claims: usize,
    pub evidence: usize,
    pub conflicts: usize,
}

impl Size {
    /// The benchmark project of the model issue: 1,000 sources, 10 MB of text, 20,000
    /// claims, 40,000 evidence links.
    pub const LARGE: Size =
        Size { sources: 1000, chars_per_source: 10_000, claims: 20_000, evidence: 40_000, conflicts: 2_000 };

    /// Small enough for a unit test, with every kind of item in several sources.
    pub const SMALL: Size = Size { sources: 20, chars_per_source: 2_000, claims: 300, evidence: 600, conflicts: 60 };
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "river",
    "accord",
    "fund",
    "million",
    "euros",
    "Halvik",
    "Moranza",
    "agency",
    "reported",
    "dam",
    "safety",
    "flow",
    "cubic",
    "metres",
    "per",
    "second",
    "share",
    "Kessary",
    "Varenland",
    "“signed”",
    "Zürich",
    "talks",
    "would",
    "not",
    "be",
    "delayed",
    "officials",
    "confirmed",
    "42%",
];

/// A small deterministic generator, so every run builds the same project.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let high = self.0 >> 33;
        usize::try_from(high).unwrap_or(usize::MAX) % below.max(1)
    }
}

fn prose(random: &mut Lcg, chars: usize) -> String {
    let mut text = String::with_capacity(chars + 16);
    let mut sentence_words = 0;
    let mut written = 0;
    while written < chars {
        let word = WORDS[random.next(WORDS.len())];
        text.push_str(word);
        written += word.chars().count() + 1;
        sentence_words += 1;
        if sentence_words > 8 + random.next(12) {
            text.push_str(if random.next(6) == 0 { ".\n\n" } else { ". " });
            written += 2;
            sentence_words = 0;
        } else {
            text.push(' ');
        }
    }
    text
}

/// A sound project of the given size.
pub fn generate(size: Size) -> Project {
    let mut random = Lcg(42);
    let mut project = Project::new("Generated benchmark project");
    // Where a fact-check is published and by whom: ClaimReview export refuses without them.
    "Benchmark desk".clone_into(&mut project.info.organisation);
    "https://example.org/factchecks/benchmark".clone_into(&mut project.info.url);
    let mut texts = Vec::with_capacity(size.sources);
    for n in 0..size.sources {
        let id = project.ids.next_source();
        let text = prose(&mut random, size.chars_per_source);
        let meta = SourceMeta {
            title: format!("Report {n} on the river accord"),
            outlet: format!("Outlet {}", n % 37),
            published: "2024-05-14".to_owned(),
            url: format!("https://example.org/report/{n}"),
            ..SourceMeta::default()
        };
        let original = OriginalFile {
            path: format!("sources/report-{n}.txt"),
            sha256: crate::store::sha256_hex(text.as_bytes()),
            importer: "plain-1".to_owned(),
            capture: None,
            ocr: None,
        };
        texts.push((id, CharIndex::new(&text), text.clone()));
        let content = SourceContent { format: SourceFormat::PlainText, text, original: Some(original) };
        project.sources.insert(id, Source { meta, content });
    }
    let passage = |random: &mut Lcg| {
        let (id, index, text) = &texts[random.next(texts.len())];
        let start = random.next(index.char_len().saturating_sub(120));
        let end = start + 20 + random.next(100);
        Anchor::capture_indexed(*id, text, index, start, end.min(index.char_len()))
    };
    let verdicts: Vec<String> = project.scale.levels.iter().map(|level| level.label.clone()).collect();
    let mut claims = Vec::with_capacity(size.claims);
    for n in 0..size.claims {
        let Some(anchor) = passage(&mut random) else { continue };
        let mut claim = Claim::marked(anchor, &verdicts[random.next(verdicts.len())]);
        claim.claimant = format!("Official {}", n % 101);
        "Checked against the ministry's release and the wire copy.".clone_into(&mut claim.explanation);
        claim.tags.insert(["numbers", "names", "places"][n % 3].to_owned());
        let id = project.ids.next_claim();
        project.claims.insert(id, claim);
        claims.push(id);
    }
    for _ in 0..size.evidence {
        let Some(passage) = passage(&mut random) else { continue };
        let claim = claims[random.next(claims.len())];
        let stance = Stance::ALL[random.next(3)];
        let id = project.ids.next_evidence();
        project.evidence.insert(id, Evidence { claim, passage, stance, note: String::new() });
    }
    for n in 0..size.conflicts {
        let (Some(first), Some(second)) = (passage(&mut random), passage(&mut random)) else { continue };
        let status = if n % 2 == 0 {
            ConflictStatus::Open
        } else {
            ConflictStatus::Resolved { note: "The wire copy is right.".to_owned(), correct: Some(0) }
        };
        let conflict =
            Conflict { kind: ConflictKind::ALL[n % 7], summary: String::new(), passages: vec![first, second], status };
        let id = project.ids.next_conflict();
        project.conflicts.insert(id, conflict);
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_projects_are_sound_and_repeatable() {
        let size = Size { sources: 5, chars_per_source: 2_000, claims: 40, evidence: 80, conflicts: 6 };
        let project = generate(size);
        assert!(project.problems().is_empty(), "{:?}", project.problems());
        assert_eq!(project.claims.len(), 40);
        assert_eq!(project.evidence.len(), 80);
        assert_eq!(project, generate(size));
    }
}
