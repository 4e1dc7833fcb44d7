//! Ids for what the other branch added, chosen so that no id ever changes meaning.
//!
//! The scheme: ids stay short counters (`C16`). Every id of the branch merged into
//! ("ours") keeps its number, and so does everything both branches inherited. An item
//! the other branch ("theirs") added keeps its number too, unless ours has ever handed
//! that number out (it is at or past ours' counter at the fork); then it is given the
//! next number past both branches' counters, and every reference to it in theirs —
//! evidence to its claim, passages to their source, recorded merge conflicts — is
//! rewritten before the merge. An id therefore never names two things in one history.

use std::collections::BTreeMap;

use crate::model::{Anchor, ClaimId, ConflictId, EvidenceId, MergeItem, Project, SourceId};

/// What one merge renumbered in the other branch, old id to new.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renumbering {
    pub sources: BTreeMap<SourceId, SourceId>,
    pub claims: BTreeMap<ClaimId, ClaimId>,
    pub evidence: BTreeMap<EvidenceId, EvidenceId>,
    pub conflicts: BTreeMap<ConflictId, ConflictId>,
}

impl Renumbering {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.claims.is_empty() && self.evidence.is_empty() && self.conflicts.is_empty()
    }

    /// "C16 → C18" for each renumbered id.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        lines.extend(self.sources.iter().map(|(a, b)| format!("{a} → {b}")));
        lines.extend(self.claims.iter().map(|(a, b)| format!("{a} → {b}")));
        lines.extend(self.evidence.iter().map(|(a, b)| format!("{a} → {b}")));
        lines.extend(self.conflicts.iter().map(|(a, b)| format!("{a} → {b}")));
        lines
    }
}

/// Plans new numbers for one kind of id: `theirs_new` are the ids theirs added since the
/// fork; `ours_counter` is the first number ours never handed out; `next` the first free
/// number past every branch.
fn plan(theirs_new: impl Iterator<Item = u32>, ours_counter: u32, next: &mut u32) -> BTreeMap<u32, u32> {
    let mut plan = BTreeMap::new();
    for number in theirs_new {
        if number < ours_counter {
            plan.insert(number, *next);
            *next = next.saturating_add(1);
        }
    }
    plan
}

fn first_free<K>(counters: [u32; 3], maps: [&BTreeMap<K, impl Sized>; 3], number: impl Fn(&K) -> u32) -> u32 {
    let past_ids = maps.iter().filter_map(|m| m.keys().map(&number).max()).map(|n| n.saturating_add(1));
    counters.into_iter().chain(past_ids).max().unwrap_or(1).max(1)
}

/// Renumbers theirs' additions that could collide with ours; see the module comment.
/// Updates theirs' counters past the new numbers.
pub fn renumber_theirs(base: &Project, ours: &Project, theirs: &mut Project) -> Renumbering {
    let mut next = first_free(
        [base.ids.source, ours.ids.source, theirs.ids.source],
        [&base.sources, &ours.sources, &theirs.sources],
        |id| id.0,
    );
    let new_sources = theirs.sources.keys().filter(|id| !base.sources.contains_key(id)).map(|id| id.0);
    let sources = plan(new_sources, ours.ids.source.max(first_ours(&ours.sources, |id| id.0)), &mut next);
    theirs.ids.source = theirs.ids.source.max(next);

    let mut next = first_free(
        [base.ids.claim, ours.ids.claim, theirs.ids.claim],
        [&base.claims, &ours.claims, &theirs.claims],
        |id| id.0,
    );
    let new_claims = theirs.claims.keys().filter(|id| !base.claims.contains_key(id)).map(|id| id.0);
    let claims = plan(new_claims, ours.ids.claim.max(first_ours(&ours.claims, |id| id.0)), &mut next);
    theirs.ids.claim = theirs.ids.claim.max(next);

    let mut next = first_free(
        [base.ids.evidence, ours.ids.evidence, theirs.ids.evidence],
        [&base.evidence, &ours.evidence, &theirs.evidence],
        |id| id.0,
    );
    let new_evidence = theirs.evidence.keys().filter(|id| !base.evidence.contains_key(id)).map(|id| id.0);
    let evidence = plan(new_evidence, ours.ids.evidence.max(first_ours(&ours.evidence, |id| id.0)), &mut next);
    theirs.ids.evidence = theirs.ids.evidence.max(next);

    let mut next = first_free(
        [base.ids.conflict, ours.ids.conflict, theirs.ids.conflict],
        [&base.conflicts, &ours.conflicts, &theirs.conflicts],
        |id| id.0,
    );
    let new_conflicts = theirs.conflicts.keys().filter(|id| !base.conflicts.contains_key(id)).map(|id| id.0);
    let conflicts = plan(new_conflicts, ours.ids.conflict.max(first_ours(&ours.conflicts, |id| id.0)), &mut next);
    theirs.ids.conflict = theirs.ids.conflict.max(next);

    let renumbering = Renumbering {
        sources: sources.into_iter().map(|(a, b)| (SourceId(a), SourceId(b))).collect(),
        claims: claims.into_iter().map(|(a, b)| (ClaimId(a), ClaimId(b))).collect(),
        evidence: evidence.into_iter().map(|(a, b)| (EvidenceId(a), EvidenceId(b))).collect(),
        conflicts: conflicts.into_iter().map(|(a, b)| (ConflictId(a), ConflictId(b))).collect(),
    };
    if !renumbering.is_empty() {
        rewrite(theirs, &renumbering);
    }
    renumbering
}

/// Past ours' highest id, in case ours' counter is behind its ids (a hand-edited file).
fn first_ours<K, V>(map: &BTreeMap<K, V>, number: impl Fn(&K) -> u32) -> u32 {
    map.keys().map(number).max().map_or(0, |n| n.saturating_add(1))
}

fn remap<K: Ord + Copy, V>(map: BTreeMap<K, V>, ids: &BTreeMap<K, K>) -> BTreeMap<K, V> {
    map.into_iter().map(|(id, value)| (*ids.get(&id).unwrap_or(&id), value)).collect()
}

fn rewrite_anchor(anchor: &mut Anchor, sources: &BTreeMap<SourceId, SourceId>) {
    if let Some(&new) = sources.get(&anchor.source) {
        anchor.source = new;
    }
}

fn rewrite(project: &mut Project, ids: &Renumbering) {
    project.sources = remap(std::mem::take(&mut project.sources), &ids.sources);
    project.claims = remap(std::mem::take(&mut project.claims), &ids.claims);
    project.evidence = remap(std::mem::take(&mut project.evidence), &ids.evidence);
    project.conflicts = remap(std::mem::take(&mut project.conflicts), &ids.conflicts);
    for claim in project.claims.values_mut() {
        claim.appearances.iter_mut().for_each(|a| rewrite_anchor(a, &ids.sources));
    }
    for evidence in project.evidence.values_mut() {
        rewrite_anchor(&mut evidence.passage, &ids.sources);
        if let Some(&new) = ids.claims.get(&evidence.claim) {
            evidence.claim = new;
        }
    }
    for conflict in project.conflicts.values_mut() {
        conflict.passages.iter_mut().for_each(|a| rewrite_anchor(a, &ids.sources));
    }
    for recorded in &mut project.merge_conflicts {
        recorded.item = match recorded.item {
            MergeItem::Source(id) => MergeItem::Source(*ids.sources.get(&id).unwrap_or(&id)),
            MergeItem::Claim(id) => MergeItem::Claim(*ids.claims.get(&id).unwrap_or(&id)),
            MergeItem::Evidence(id) => MergeItem::Evidence(*ids.evidence.get(&id).unwrap_or(&id)),
            MergeItem::Conflict(id) => MergeItem::Conflict(*ids.conflicts.get(&id).unwrap_or(&id)),
            MergeItem::Project => MergeItem::Project,
        };
    }
}
