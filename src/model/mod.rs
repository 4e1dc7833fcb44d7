//! The data of a fact-check: sources, claims, evidence, conflicts and verdicts.
//!
//! Plain data with no I/O and no GUI. Every change goes through [`crate::edit::Edit`];
//! [`Project::problems`] checks the invariants that files from elsewhere may break.

mod advice;
mod anchor;
mod chars;
mod claim;
mod conflict;
mod evidence;
mod ids;
mod merge_conflict;
mod ocr;
mod source;
mod unique_keys;
mod validate;
mod verdict;
mod web;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use advice::{Advice, Field};
pub use anchor::{Anchor, CONTEXT_CHARS};
pub use chars::{CharIndex, char_len};
pub use claim::Claim;
pub use conflict::{Conflict, ConflictKind, ConflictStatus};
pub use evidence::{Evidence, Stance};
pub use ids::{ClaimId, ConflictId, EvidenceId, IdCounters, SourceId};
pub use merge_conflict::{MergeConflict, MergeItem, MergeSide};
pub use ocr::{LOW_CONFIDENCE, OcrLayer, OcrPage, OcrWord, PixelBox};
pub use source::{
    Capture, EarlierCapture, OriginalFile, Redirect, Source, SourceContent, SourceFormat, SourceMeta, readable_utc,
};
pub use validate::Problem;
pub use verdict::{Tone, VerdictLevel, VerdictScale};
pub use web::{date_problem, iso_date, web_url};

/// Report-level settings kept with the project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct Project {
    pub info: ProjectInfo,
    #[serde(default)]
    pub scale: VerdictScale,
    #[serde(default, deserialize_with = "unique_keys::map")]
    pub sources: BTreeMap<SourceId, Source>,
    #[serde(default, deserialize_with = "unique_keys::map")]
    pub claims: BTreeMap<ClaimId, Claim>,
    #[serde(default, deserialize_with = "unique_keys::map")]
    pub evidence: BTreeMap<EvidenceId, Evidence>,
    #[serde(default, deserialize_with = "unique_keys::map")]
    pub conflicts: BTreeMap<ConflictId, Conflict>,
    /// Where id allocation stands; see [`IdCounters`].
    #[serde(default)]
    pub ids: IdCounters,
    /// Fingerprints of discrepancies between sources that the analyst marked as not a
    /// problem (see `analysis::Discrepancy::fingerprint`). Left out of the file while
    /// empty, so projects that never compared sources keep their bytes.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub dismissed: BTreeSet<String>,
    /// Fields a merge of two analysts' branches left for a person to settle (see
    /// `teamwork::merge`). Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_conflicts: Vec<MergeConflict>,
}

/// Where one passage of a project lives: the slot an [`Anchor`] fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PassageRef {
    /// Appearance number `index` (0-based) of a claim.
    Appearance { claim: ClaimId, index: usize },
    /// The passage of an evidence link.
    Evidence(EvidenceId),
    /// Passage number `index` (0-based) of a conflict.
    Conflict { conflict: ConflictId, index: usize },
}

impl std::fmt::Display for PassageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Appearance { claim, index } => write!(f, "claim {claim}, appearance {}", index + 1),
            Self::Evidence(id) => write!(f, "evidence {id}"),
            Self::Conflict { conflict, index } => write!(f, "conflict {conflict}, passage {}", index + 1),
        }
    }
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

    /// The anchor in a passage slot.
    pub fn passage(&self, at: PassageRef) -> Option<&Anchor> {
        match at {
            PassageRef::Appearance { claim, index } => self.claims.get(&claim)?.appearances.get(index),
            PassageRef::Evidence(id) => self.evidence.get(&id).map(|evidence| &evidence.passage),
            PassageRef::Conflict { conflict, index } => self.conflicts.get(&conflict)?.passages.get(index),
        }
    }

    pub(crate) fn passage_mut(&mut self, at: PassageRef) -> Option<&mut Anchor> {
        match at {
            PassageRef::Appearance { claim, index } => self.claims.get_mut(&claim)?.appearances.get_mut(index),
            PassageRef::Evidence(id) => self.evidence.get_mut(&id).map(|evidence| &mut evidence.passage),
            PassageRef::Conflict { conflict, index } => self.conflicts.get_mut(&conflict)?.passages.get_mut(index),
        }
    }

    /// Every passage in `source`, claims first, then evidence, then conflicts, in id order.
    pub fn passages_in(&self, source: SourceId) -> Vec<(PassageRef, &Anchor)> {
        let mut found = Vec::new();
        for (&claim, found_claim) in &self.claims {
            for (index, anchor) in found_claim.appearances.iter().enumerate() {
                found.push((PassageRef::Appearance { claim, index }, anchor));
            }
        }
        for (&id, evidence) in &self.evidence {
            found.push((PassageRef::Evidence(id), &evidence.passage));
        }
        for (&conflict, found_conflict) in &self.conflicts {
            for (index, anchor) in found_conflict.passages.iter().enumerate() {
                found.push((PassageRef::Conflict { conflict, index }, anchor));
            }
        }
        found.retain(|(_, anchor)| anchor.source == source);
        found
    }

    pub fn open_conflicts(&self) -> usize {
        self.conflicts.values().filter(|c| c.status.is_open()).count()
    }
}
