//! The data of a fact-check: sources, claims, evidence, conflicts and verdicts.
//!
//! Plain data with no I/O and no GUI. Every change goes through [`crate::edit::Edit`];
//! [`Project::problems`] checks the invariants that files from elsewhere may break.

mod anchor;
mod chars;
mod claim;
mod conflict;
mod evidence;
mod ids;
mod source;
mod validate;
mod verdict;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, CONTEXT_CHARS};
pub use chars::{CharIndex, char_len};
pub use claim::Claim;
pub use conflict::{Conflict, ConflictKind, ConflictStatus};
pub use evidence::{Evidence, Stance};
pub use ids::{ClaimId, ConflictId, EvidenceId, IdCounters, SourceId};
pub use source::{OriginalFile, Source, SourceContent, SourceFormat, SourceMeta};
pub use validate::Problem;
pub use verdict::{Tone, VerdictLevel, VerdictScale};

/// Report-level settings kept with the project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectInfo {
    /// The fact-check's title, used as the report title.
    pub title: String,
    /// The organisation publishing the fact-check.
    #[serde(default)]
    pub organisation: String,
    /// Where the published fact-check lives (`ClaimReview` `url`).
    #[serde(default)]
    pub url: String,
}

/// A whole fact-check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub info: ProjectInfo,
    #[serde(default)]
    pub scale: VerdictScale,
    #[serde(default)]
    pub sources: BTreeMap<SourceId, Source>,
    #[serde(default)]
    pub claims: BTreeMap<ClaimId, Claim>,
    #[serde(default)]
    pub evidence: BTreeMap<EvidenceId, Evidence>,
    #[serde(default)]
    pub conflicts: BTreeMap<ConflictId, Conflict>,
    /// Where id allocation stands; see [`IdCounters`].
    #[serde(default)]
    pub ids: IdCounters,
}

/// How much of the project touches one source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceUsage {
    pub claims: usize,
    pub evidence: usize,
    pub conflicts: usize,
}

impl Project {
    pub fn new(title: &str) -> Self {
        Self { info: ProjectInfo { title: title.to_owned(), ..ProjectInfo::default() }, ..Self::default() }
    }

    /// Evidence linked to `claim`, in id order.
    pub fn evidence_for(&self, claim: ClaimId) -> impl Iterator<Item = (EvidenceId, &Evidence)> {
        self.evidence.iter().filter(move |(_, evidence)| evidence.claim == claim).map(|(id, e)| (*id, e))
    }

    /// Conflicts with a passage overlapping one of `claim`'s appearances or evidence.
    pub fn conflicts_for(&self, claim: ClaimId) -> Vec<ConflictId> {
        let Some(found) = self.claims.get(&claim) else { return Vec::new() };
        let mut passages: Vec<&Anchor> = found.appearances.iter().collect();
        passages.extend(self.evidence_for(claim).map(|(_, evidence)| &evidence.passage));
        self.conflicts
            .iter()
            .filter(|(_, conflict)| conflict.passages.iter().any(|p| passages.iter().any(|q| p.overlaps(q))))
            .map(|(id, _)| *id)
            .collect()
    }

    /// Counts of claims, evidence and conflicts with a passage in `source`.
    pub fn usage_of(&self, source: SourceId) -> SourceUsage {
        SourceUsage {
            claims: self.claims.values().filter(|c| c.appearances.iter().any(|a| a.source == source)).count(),
            evidence: self.evidence.values().filter(|e| e.passage.source == source).count(),
            conflicts: self.conflicts.values().filter(|c| c.passages.iter().any(|a| a.source == source)).count(),
        }
    }

    /// Number of claims with each verdict, in scale order (labels outside the scale last).
    pub fn verdict_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = self
            .scale
            .levels
            .iter()
            .map(|level| (level.label.clone(), self.claims.values().filter(|c| c.verdict == level.label).count()))
            .collect();
        for claim in self.claims.values() {
            if self.scale.level(&claim.verdict).is_none() {
                match counts.iter_mut().find(|(label, _)| *label == claim.verdict) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((claim.verdict.clone(), 1)),
                }
            }
        }
        counts
    }

    pub fn open_conflicts(&self) -> usize {
        self.conflicts.values().filter(|c| c.status.is_open()).count()
    }
}
