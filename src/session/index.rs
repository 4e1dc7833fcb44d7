//! What panels ask of the whole project, worked out once per revision instead of on every
//! frame: which passages lie in each source, how much of each source is used, which
//! evidence and conflicts belong to each claim, the tags in use, the board's order.
//!
//! A project of 20,000 claims made every frame scan every item once per source; built
//! here once, each of these is a lookup. The answers equal the [`Project`] methods that
//! compute them one at a time (`usage_of`, `evidence_for`, `conflicts_for`,
//! `passages_in`), which tests check.

use std::collections::{BTreeSet, HashMap};

use crate::model::{ClaimId, ConflictId, EvidenceId, PassageRef, Project, SourceId, SourceUsage};

/// Lookups derived from one state of a project.
#[derive(Debug, Default)]
pub struct ProjectIndex {
    passages: HashMap<SourceId, Vec<PassageRef>>,
    usage: HashMap<SourceId, SourceUsage>,
    evidence: HashMap<ClaimId, Vec<EvidenceId>>,
    conflicts: HashMap<ClaimId, Vec<ConflictId>>,
    /// Claims with an appearance or evidence in each source.
    claims_touching: HashMap<SourceId, BTreeSet<ClaimId>>,
    tags: Vec<String>,
    board: Vec<ConflictId>,
    open_conflicts: usize,
}

impl ProjectIndex {
    pub fn build(project: &Project) -> Self {
        let mut index = Self::default();
        index.collect_passages(project);
        for (&id, evidence) in &project.evidence {
            index.evidence.entry(evidence.claim).or_default().push(id);
        }
        index.collect_claim_conflicts(project);
        let tags: BTreeSet<&String> = project.claims.values().flat_map(|claim| claim.tags.iter()).collect();
        index.tags = tags.into_iter().cloned().collect();
        index.board = project.conflicts.keys().copied().collect();
        index.board.sort_by_key(|id| (!project.conflicts[id].status.is_open(), *id));
        index.open_conflicts = project.conflicts.values().filter(|c| c.status.is_open()).count();
        index
    }

    /// Passages by source, and the counts a source's row shows: a claim or conflict with
    /// two passages in one source counts once there.
    fn collect_passages(&mut self, project: &Project) {
        for (&claim, found) in &project.claims {
            let mut counted = BTreeSet::new();
            for (index, anchor) in found.appearances.iter().enumerate() {
                self.passages.entry(anchor.source).or_default().push(PassageRef::Appearance { claim, index });
                self.claims_touching.entry(anchor.source).or_default().insert(claim);
                if counted.insert(anchor.source) {
                    self.usage.entry(anchor.source).or_default().claims += 1;
                }
            }
        }
        for (&id, evidence) in &project.evidence {
            let source = evidence.passage.source;
            self.passages.entry(source).or_default().push(PassageRef::Evidence(id));
            self.claims_touching.entry(source).or_default().insert(evidence.claim);
            self.usage.entry(source).or_default().evidence += 1;
        }
        for (&conflict, found) in &project.conflicts {
            let mut counted = BTreeSet::new();
            for (index, anchor) in found.passages.iter().enumerate() {
                self.passages.entry(anchor.source).or_default().push(PassageRef::Conflict { conflict, index });
                if counted.insert(anchor.source) {
                    self.usage.entry(anchor.source).or_default().conflicts += 1;
                }
            }
        }
    }

    /// A conflict belongs to a claim when one of its passages overlaps one of the claim's
    /// appearances or evidence passages; only conflicts in the same source can.
    fn collect_claim_conflicts(&mut self, project: &Project) {
        let mut conflict_passages: HashMap<SourceId, Vec<(ConflictId, &crate::model::Anchor)>> = HashMap::new();
        for (&id, conflict) in &project.conflicts {
            for anchor in &conflict.passages {
                conflict_passages.entry(anchor.source).or_default().push((id, anchor));
            }
        }
        for (&claim, found) in &project.claims {
            let evidence = self.evidence.get(&claim).into_iter().flatten().map(|id| &project.evidence[id].passage);
            let mut touching = BTreeSet::new();
            for passage in found.appearances.iter().chain(evidence) {
                for (conflict, anchor) in conflict_passages.get(&passage.source).into_iter().flatten() {
                    if anchor.overlaps(passage) {
                        touching.insert(*conflict);
                    }
                }
            }
            if !touching.is_empty() {
                self.conflicts.insert(claim, touching.into_iter().collect());
            }
        }
    }

    /// Every passage in `source`: claims' appearances, then evidence, then conflicts.
    pub fn passages_in(&self, source: SourceId) -> &[PassageRef] {
        self.passages.get(&source).map_or(&[], Vec::as_slice)
    }

    pub fn usage_of(&self, source: SourceId) -> SourceUsage {
        self.usage.get(&source).copied().unwrap_or_default()
    }

    /// Evidence linked to `claim`, in id order.
    pub fn evidence_for(&self, claim: ClaimId) -> &[EvidenceId] {
        self.evidence.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// Conflicts overlapping `claim`'s appearances or evidence, in id order.
    pub fn conflicts_for(&self, claim: ClaimId) -> &[ConflictId] {
        self.conflicts.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// Whether `claim` appears in `source` or has evidence there.
    pub fn claim_touches(&self, claim: ClaimId, source: SourceId) -> bool {
        self.claims_touching.get(&source).is_some_and(|claims| claims.contains(&claim))
    }

    /// Every tag on a claim, alphabetically.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Conflicts as the board lists them: open ones first, each group in id order.
    pub fn board(&self) -> &[ConflictId] {
        &self.board
    }

    pub fn open_conflicts(&self) -> usize {
        self.open_conflicts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{Size, generate};

    fn projects() -> Vec<Project> {
        let sample = crate::store::load(&crate::sample_project_path()).expect("sample loads").project;
        vec![sample, generate(Size::SMALL), Project::new("empty")]
    }

    #[test]
    fn every_lookup_equals_what_the_project_computes_item_by_item() {
        for project in projects() {
            let index = ProjectIndex::build(&project);
            for &source in project.sources.keys() {
                assert_eq!(index.usage_of(source), project.usage_of(source), "usage of {source}");
                let passages: Vec<PassageRef> = project.passages_in(source).into_iter().map(|(at, _)| at).collect();
                assert_eq!(index.passages_in(source), passages.as_slice(), "passages in {source}");
            }
            for &claim in project.claims.keys() {
                let evidence: Vec<EvidenceId> = project.evidence_for(claim).map(|(id, _)| id).collect();
                assert_eq!(index.evidence_for(claim), evidence.as_slice(), "evidence of {claim}");
                assert_eq!(index.conflicts_for(claim), project.conflicts_for(claim).as_slice(), "conflicts of {claim}");
            }
            assert_eq!(index.tags(), crate::query::all_tags(&project).as_slice());
            assert_eq!(index.open_conflicts(), project.open_conflicts());
        }
    }

    #[test]
    fn the_board_lists_open_conflicts_before_resolved_ones() {
        let project = generate(Size::SMALL);
        let index = ProjectIndex::build(&project);
        let open: Vec<bool> = index.board().iter().map(|id| project.conflicts[id].status.is_open()).collect();
        assert!(open.windows(2).all(|pair| pair[0] >= pair[1]), "open first: {open:?}");
        assert_eq!(index.board().len(), project.conflicts.len());
    }
}
