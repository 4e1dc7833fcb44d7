//! Random edit scripts for testing merges: what two analysts might do on two branches.
//!
//! Every edit goes through [`Edit::apply`], as the app's would. Deterministic for a seed,
//! so a failing case can be replayed.

use crate::edit::{ClaimChange, Edit, EvidenceChange, SourceChange};
use crate::fixtures::{Size, generate};
use crate::model::{Anchor, Claim, Evidence, Project, Stance};

/// A small, seeded random number generator (xorshift64*): enough for test scripts, and it
/// keeps the library free of a randomness crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { usize::try_from(self.next_u64() % n as u64).unwrap_or(0) }
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

/// A small project both branches start from: three sources, claims with evidence.
pub fn base_project() -> Project {
    let mut project = generate(Size { sources: 3, chars_per_source: 800, claims: 8, evidence: 12, conflicts: 2 });
    for source in project.sources.values_mut() {
        source.content.original = None;
    }
    project
}

/// One random edit, applied; returns what it did, or `None` if the edit was refused.
pub fn random_edit(project: &mut Project, rng: &mut Rng, side: &str) -> Option<String> {
    let claims: Vec<_> = project.claims.keys().copied().collect();
    let evidence: Vec<_> = project.evidence.keys().copied().collect();
    let sources: Vec<_> = project.sources.keys().copied().collect();
    let verdicts: Vec<String> = project.scale.levels.iter().map(|l| l.label.clone()).collect();
    let nonce = rng.next_u64() % 100_000;
    let edit = match rng.below(11) {
        0 | 1 => {
            let id = rng.pick(&claims)?;
            Edit::SetClaim { id, change: ClaimChange::Verdict(verdicts[rng.below(verdicts.len())].clone()) }
        }
        2 => {
            let id = rng.pick(&claims)?;
            Edit::SetClaim { id, change: ClaimChange::Notes(format!("{side} note {nonce}")) }
        }
        3 => {
            let id = rng.pick(&claims)?;
            let mut tags = project.claims[&id].tags.clone();
            if !tags.insert(format!("{side}-{}", nonce % 4)) {
                tags.clear();
            }
            Edit::SetClaim { id, change: ClaimChange::Tags(tags) }
        }
        4 => {
            let source = rng.pick(&sources)?;
            let text = project.sources[&source].text();
            let length = text.chars().count();
            let start = rng.below(length.saturating_sub(30));
            let anchor = Anchor::capture(source, text, start, start + 12 + rng.below(18))?;
            let id = project.ids.next_claim();
            let mut claim = Claim::marked(anchor, project.scale.initial());
            claim.notes = format!("{side} added {nonce}");
            Edit::InsertClaim { id, claim: Box::new(claim) }
        }
        5 => {
            let claim = rng.pick(&claims)?;
            let source = rng.pick(&sources)?;
            let text = project.sources[&source].text();
            let start = rng.below(text.chars().count().saturating_sub(30));
            let passage = Anchor::capture(source, text, start, start + 20)?;
            let stance = [Stance::Supports, Stance::Contradicts, Stance::Context][rng.below(3)];
            let id = project.ids.next_evidence();
            let note = format!("{side} evidence {nonce}");
            Edit::InsertEvidence { id, evidence: Box::new(Evidence { claim, passage, stance, note }) }
        }
        6 => Edit::remove_claim(project, rng.pick(&claims)?),
        7 => Edit::DeleteEvidence { id: rng.pick(&evidence)? },
        8 => {
            let id = rng.pick(&evidence)?;
            Edit::SetEvidence { id, change: EvidenceChange::Note(format!("{side} note {nonce}")) }
        }
        9 => {
            let id = rng.pick(&sources)?;
            let mut meta = project.sources[&id].meta.clone();
            meta.title = format!("{side} title {nonce}");
            Edit::SetSource { id, change: SourceChange::Meta(meta) }
        }
        _ => {
            // A re-import: a sentence added at the start moves every passage.
            let id = rng.pick(&sources)?;
            let mut content = project.sources[&id].content.clone();
            content.text = format!("Updated by {side} ({nonce}). {}", content.text);
            crate::analysis::reanchor_source(project, id, content)?.edit
        }
    };
    let described = edit.describe();
    edit.apply(project).ok().map(|_| described)
}

/// Applies `count` random edits; returns what was done.
pub fn random_script(project: &mut Project, seed: u64, count: usize, side: &str) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count).filter_map(|_| random_edit(project, &mut rng, side)).collect()
}
