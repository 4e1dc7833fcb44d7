//! Every change to a project, as a value.
//!
//! Applying an [`Edit`] changes the project and returns the edit that undoes it, so undo
//! is exact and cheap, and the GUI, the command line and tests all change projects the
//! same way. An edit that would break an invariant (a dangling id, an id used twice) is
//! refused and leaves the project as it was.

use std::collections::BTreeSet;

use thiserror::Error;

use crate::model::{
    Anchor, CharIndex, Claim, ClaimId, Conflict, ConflictId, ConflictKind, ConflictStatus, Evidence, EvidenceId,
    MergeConflict, PassageRef, Project, ProjectInfo, Source, SourceContent, SourceId, SourceMeta, Stance, VerdictScale,
};

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("{0} does not exist")]
    Missing(String),
    #[error("{0} already exists")]
    Exists(String),
    #[error("{0} was never allocated; take new ids from the project's counters")]
    Unallocated(String),
    #[error("{thing} is still used by {user}")]
    InUse { thing: String, user: String },
    #[error("{0}")]
    Invalid(String),
}

/// A new value for one field of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChange {
    Meta(SourceMeta),
    /// New text (and original file), as after a re-import.
    Content(SourceContent),
}

/// A new value for one field of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimChange {
    Statement(String),
    Claimant(String),
    Verdict(String),
    Explanation(String),
    Tags(BTreeSet<String>),
    Notes(String),
    Appearances(Vec<Anchor>),
}

/// A new value for one field of an evidence link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceChange {
    Stance(Stance),
    Note(String),
    Passage(Anchor),
}

/// A new value for one field of a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictChange {
    Kind(ConflictKind),
    Summary(String),
    Passages(Vec<Anchor>),
    Status(ConflictStatus),
}

/// A new value for one project-wide setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectChange {
    Info(ProjectInfo),
    Scale(VerdictScale),
}

/// One change to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    InsertSource {
        id: SourceId,
        source: Box<Source>,
    },
    DeleteSource {
        id: SourceId,
    },
    SetSource {
        id: SourceId,
        change: SourceChange,
    },
    InsertClaim {
        id: ClaimId,
        claim: Box<Claim>,
    },
    DeleteClaim {
        id: ClaimId,
    },
    SetClaim {
        id: ClaimId,
        change: ClaimChange,
    },
    InsertEvidence {
        id: EvidenceId,
        evidence: Box<Evidence>,
    },
    DeleteEvidence {
        id: EvidenceId,
    },
    SetEvidence {
        id: EvidenceId,
        change: EvidenceChange,
    },
    InsertConflict {
        id: ConflictId,
        conflict: Box<Conflict>,
    },
    DeleteConflict {
        id: ConflictId,
    },
    SetConflict {
        id: ConflictId,
        change: ConflictChange,
    },
    SetProject(ProjectChange),
    /// Replaces a source's text and, in the same step, the passages in it that moved or
    /// were orphaned (see `analysis::reanchor`). Afterwards every passage in the source
    /// must fit the new text or be flagged orphaned; the inverse restores old text and
    /// old passages together, which is why this is one edit and not a batch.
    ReplaceSourceText {
        id: SourceId,
        content: SourceContent,
        passages: Vec<(PassageRef, Anchor)>,
    },
    /// Marks a discrepancy between sources as not a problem, by its fingerprint.
    DismissDiscrepancy {
        fingerprint: String,
    },
    /// Lists a dismissed discrepancy again.
    RestoreDiscrepancy {
        fingerprint: String,
    },
    /// Settles recorded merge conflict number `index` (see `teamwork::resolve`): its field
    /// takes `value` (as the conflict writes values), or keeps its value when `None`, and
    /// the record leaves the project.
    SettleMergeConflict {
        index: usize,
        value: Option<String>,
    },
    /// Puts a settled merge conflict back at `index`, and its field back to `previous`.
    ReopenMergeConflict {
        index: usize,
        conflict: Box<MergeConflict>,
        previous: Option<String>,
    },
    /// Several edits applied as one: all or none, undone as one step.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::InsertSource { id, source } => insert_source(project, id, *source),
            Edit::DeleteSource { id } => delete_source(project, id),
            Edit::SetSource { id, change } => set_source(project, id, change),
            Edit::InsertClaim { id, claim } => insert_claim(project, id, *claim),
            Edit::DeleteClaim { id } => delete_claim(project, id),
            Edit::SetClaim { id, change } => set_claim(project, id, change),
            Edit::InsertEvidence { id, evidence } => insert_evidence(project, id, *evidence),
            Edit::DeleteEvidence { id } => {
                let evidence = project.evidence.remove(&id).ok_or_else(|| missing(id))?;
                Ok(Edit::InsertEvidence { id, evidence: Box::new(evidence) })
            }
            Edit::SetEvidence { id, change } => set_evidence(project, id, change),
            Edit::InsertConflict { id, conflict } => insert_conflict(project, id, *conflict),
            Edit::DeleteConflict { id } => {
                let conflict = project.conflicts.remove(&id).ok_or_else(|| missing(id))?;
                Ok(Edit::InsertConflict { id, conflict: Box::new(conflict) })
            }
            Edit::SetConflict { id, change } => set_conflict(project, id, change),
            Edit::SetProject(change) => set_project(project, change).map(Edit::SetProject),
            Edit::ReplaceSourceText { id, content, passages } => replace_source_text(project, id, content, passages),
            Edit::DismissDiscrepancy { fingerprint } => {
                if !project.dismissed.insert(fingerprint.clone()) {
                    return Err(EditError::Exists(format!("dismissal of discrepancy {fingerprint}")));
                }
                Ok(Edit::RestoreDiscrepancy { fingerprint })
            }
            Edit::RestoreDiscrepancy { fingerprint } => {
                if !project.dismissed.remove(&fingerprint) {
                    return Err(missing(format!("dismissal of discrepancy {fingerprint}")));
                }
                Ok(Edit::DismissDiscrepancy { fingerprint })
            }
            Edit::SettleMergeConflict { index, value } => {
                crate::teamwork::resolve::settle(project, index, value.as_deref())
            }
            Edit::ReopenMergeConflict { index, conflict, previous } => {
                crate::teamwork::resolve::reopen(project, index, *conflict, previous.as_deref())
            }
            Edit::Batch { label, edits } => apply_batch(project, label, edits),
        }
    }

    /// Whether this edit can change what [`crate::session::ProjectIndex`] derives: which
    /// items exist, where their passages lie, what links to what, tags and conflict status.
    /// Rewording a statement or a note does not, so typing need not rebuild the index.
    pub fn changes_structure(&self) -> bool {
        match self {
            Edit::SetClaim { change, .. } => matches!(change, ClaimChange::Tags(_) | ClaimChange::Appearances(_)),
            Edit::SetEvidence { change, .. } => !matches!(change, EvidenceChange::Note(_)),
            Edit::SetConflict { change, .. } => !matches!(change, ConflictChange::Summary(_)),
            Edit::SetSource { change, .. } => matches!(change, SourceChange::Content(_)),
            Edit::SetProject(_) | Edit::DismissDiscrepancy { .. } | Edit::RestoreDiscrepancy { .. } => false,
            Edit::Batch { edits, .. } => edits.iter().any(Edit::changes_structure),
            _ => true,
        }
    }

    /// Whether losing this edit to a crash would cost more than the next timed autosave
    /// risks: a source added, removed or given new text (an import, a re-import), or a
    /// batch of [`Edit::SIGNIFICANT_BATCH`] edits or more (accepting many suggestions).
    /// The app writes its recovery file soon after such an edit rather than on the clock.
    pub fn is_significant(&self) -> bool {
        match self {
            Edit::InsertSource { .. }
            | Edit::DeleteSource { .. }
            | Edit::ReplaceSourceText { .. }
            | Edit::SetSource { change: SourceChange::Content(_), .. } => true,
            Edit::Batch { edits, .. } => {
                edits.len() >= Self::SIGNIFICANT_BATCH || edits.iter().any(Edit::is_significant)
            }
            _ => false,
        }
    }

    /// Batches this large are significant on their own (see [`Edit::is_significant`]).
    pub const SIGNIFICANT_BATCH: usize = 10;

    /// What the edit does, in the analyst's words ("Change verdict of C3"), for the
    /// Undo and Redo menu items.
    pub fn describe(&self) -> String {
        match self {
            Edit::InsertSource { id, .. } => format!("Add source {id}"),
            Edit::DeleteSource { id } => format!("Remove source {id}"),
            Edit::SetSource { id, change: SourceChange::Meta(_) } => format!("Edit details of source {id}"),
            Edit::SetSource { id, change: SourceChange::Content(_) } => format!("Replace text of source {id}"),
            Edit::InsertClaim { id, .. } => format!("Mark claim {id}"),
            Edit::DeleteClaim { id } => format!("Remove claim {id}"),
            Edit::SetClaim { id, change } => format!("Change {} of {id}", change.field_name()),
            Edit::InsertEvidence { id, evidence } => {
                format!("Attach evidence {id} to {} ({})", evidence.claim, evidence.stance.label().to_lowercase())
            }
            Edit::DeleteEvidence { id } => format!("Remove evidence {id}"),
            Edit::SetEvidence { id, change } => format!("Change {} of evidence {id}", change.field_name()),
            Edit::InsertConflict { id, .. } => format!("Flag conflict {id}"),
            Edit::DeleteConflict { id } => format!("Remove conflict {id}"),
            Edit::SetConflict { id, change: ConflictChange::Status(ConflictStatus::Open) } => {
                format!("Reopen conflict {id}")
            }
            Edit::SetConflict { id, change: ConflictChange::Status(_) } => format!("Resolve conflict {id}"),
            Edit::SetConflict { id, change } => format!("Change {} of conflict {id}", change.field_name()),
            Edit::SetProject(ProjectChange::Info(_)) => "Edit project details".to_owned(),
            Edit::SetProject(ProjectChange::Scale(_)) => "Change verdict scale".to_owned(),
            Edit::ReplaceSourceText { id, .. } => format!("Update text of source {id} and re-anchor its passages"),
            Edit::DismissDiscrepancy { .. } => "Mark discrepancy as not a problem".to_owned(),
            Edit::RestoreDiscrepancy { .. } => "Restore dismissed discrepancy".to_owned(),
            Edit::SettleMergeConflict { .. } => "Settle merge conflict".to_owned(),
            Edit::ReopenMergeConflict { .. } => "Reopen merge conflict".to_owned(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// Removes a source with everything that would dangle without it: passages in it are
    /// dropped from claims and conflicts, and claims or conflicts left with too few
    /// passages go too (with their evidence).
    pub fn remove_source(project: &Project, id: SourceId) -> Edit {
        let mut edits = Vec::new();
        for (&evidence_id, evidence) in &project.evidence {
            let claim_goes =
                project.claims.get(&evidence.claim).is_some_and(|c| c.appearances.iter().all(|a| a.source == id));
            if evidence.passage.source == id || claim_goes {
                edits.push(Edit::DeleteEvidence { id: evidence_id });
            }
        }
        for (&claim_id, claim) in &project.claims {
            let kept: Vec<Anchor> = claim.appearances.iter().filter(|a| a.source != id).cloned().collect();
            if kept.is_empty() {
                edits.push(Edit::DeleteClaim { id: claim_id });
            } else if kept.len() != claim.appearances.len() {
                edits.push(Edit::SetClaim { id: claim_id, change: ClaimChange::Appearances(kept) });
            }
        }
        for (&conflict_id, conflict) in &project.conflicts {
            let kept: Vec<Anchor> = conflict.passages.iter().filter(|a| a.source != id).cloned().collect();
            if kept.len() < 2 {
                edits.push(Edit::DeleteConflict { id: conflict_id });
            } else if kept.len() != conflict.passages.len() {
                edits.push(Edit::SetConflict { id: conflict_id, change: ConflictChange::Passages(kept) });
            }
        }
        edits.push(Edit::DeleteSource { id });
        Edit::Batch { label: format!("Remove source {id}"), edits }
    }

    /// Removes a claim together with its evidence.
    pub fn remove_claim(project: &Project, id: ClaimId) -> Edit {
        let mut edits: Vec<Edit> =
            project.evidence_for(id).map(|(evidence_id, _)| Edit::DeleteEvidence { id: evidence_id }).collect();
        edits.push(Edit::DeleteClaim { id });
        Edit::Batch { label: format!("Remove claim {id}"), edits }
    }
}

impl ClaimChange {
    fn field_name(&self) -> &'static str {
        match self {
            Self::Statement(_) => "statement",
            Self::Claimant(_) => "claimant",
            Self::Verdict(_) => "verdict",
            Self::Explanation(_) => "explanation",
            Self::Tags(_) => "tags",
            Self::Notes(_) => "notes",
            Self::Appearances(_) => "passages",
        }
    }
}

impl EvidenceChange {
    fn field_name(&self) -> &'static str {
        match self {
            Self::Stance(_) => "stance",
            Self::Note(_) => "note",
            Self::Passage(_) => "passage",
        }
    }
}

impl ConflictChange {
    fn field_name(&self) -> &'static str {
        match self {
            Self::Kind(_) => "kind",
            Self::Summary(_) => "summary",
            Self::Passages(_) => "passages",
            Self::Status(_) => "status",
        }
    }
}

fn missing(id: impl std::fmt::Display) -> EditError {
    EditError::Missing(id.to_string())
}

/// Refuses ids that exist already or that the counters never handed out.
fn check_new_id(exists: bool, id: u32, next: u32, name: impl std::fmt::Display) -> Result<(), EditError> {
    if exists {
        return Err(EditError::Exists(name.to_string()));
    }
    if id >= next {
        return Err(EditError::Unallocated(name.to_string()));
    }
    Ok(())
}

fn check_anchors<'a>(project: &Project, anchors: impl IntoIterator<Item = &'a Anchor>) -> Result<(), EditError> {
    // An orphaned passage no longer fits by definition; edits may carry it (undo of a
    // re-anchoring restores it), and validation keeps reporting it until it is reviewed.
    for anchor in anchors.into_iter().filter(|anchor| !anchor.orphaned) {
        let source = project.sources.get(&anchor.source).ok_or_else(|| missing(anchor.source))?;
        if !anchor.fits(source.text(), &CharIndex::new(source.text())) {
            return Err(EditError::Invalid(format!(
                "passage {}..{} does not hold {:?} in source {}",
                anchor.start, anchor.end, anchor.exact, anchor.source
            )));
        }
    }
    Ok(())
}

fn insert_source(project: &mut Project, id: SourceId, source: Source) -> Result<Edit, EditError> {
    check_new_id(project.sources.contains_key(&id), id.0, project.ids.source, id)?;
    project.sources.insert(id, source);
    Ok(Edit::DeleteSource { id })
}

fn delete_source(project: &mut Project, id: SourceId) -> Result<Edit, EditError> {
    if !project.sources.contains_key(&id) {
        return Err(missing(id));
    }
    let in_use = |user: String| Err(EditError::InUse { thing: id.to_string(), user });
    if let Some((claim, _)) = project.claims.iter().find(|(_, c)| c.appearances.iter().any(|a| a.source == id)) {
        return in_use(format!("claim {claim}"));
    }
    if let Some((evidence, _)) = project.evidence.iter().find(|(_, e)| e.passage.source == id) {
        return in_use(format!("evidence {evidence}"));
    }
    if let Some((conflict, _)) = project.conflicts.iter().find(|(_, c)| c.passages.iter().any(|a| a.source == id)) {
        return in_use(format!("conflict {conflict}"));
    }
    let source = project.sources.remove(&id).ok_or_else(|| missing(id))?;
    Ok(Edit::InsertSource { id, source: Box::new(source) })
}

fn set_source(project: &mut Project, id: SourceId, change: SourceChange) -> Result<Edit, EditError> {
    let source = project.sources.get_mut(&id).ok_or_else(|| missing(id))?;
    let old = match change {
        SourceChange::Meta(meta) => SourceChange::Meta(std::mem::replace(&mut source.meta, meta)),
        SourceChange::Content(content) => SourceChange::Content(std::mem::replace(&mut source.content, content)),
    };
    Ok(Edit::SetSource { id, change: old })
}

fn insert_claim(project: &mut Project, id: ClaimId, claim: Claim) -> Result<Edit, EditError> {
    check_new_id(project.claims.contains_key(&id), id.0, project.ids.claim, id)?;
    if claim.appearances.is_empty() {
        return Err(EditError::Invalid(format!("claim {id} needs a passage where it appears")));
    }
    check_anchors(project, &claim.appearances)?;
    project.claims.insert(id, claim);
    Ok(Edit::DeleteClaim { id })
}

fn delete_claim(project: &mut Project, id: ClaimId) -> Result<Edit, EditError> {
    if let Some((evidence, _)) = project.evidence_for(id).next() {
        return Err(EditError::InUse { thing: id.to_string(), user: format!("evidence {evidence}") });
    }
    let claim = project.claims.remove(&id).ok_or_else(|| missing(id))?;
    Ok(Edit::InsertClaim { id, claim: Box::new(claim) })
}

fn set_claim(project: &mut Project, id: ClaimId, change: ClaimChange) -> Result<Edit, EditError> {
    if let ClaimChange::Appearances(anchors) = &change {
        if anchors.is_empty() {
            return Err(EditError::Invalid(format!("claim {id} needs a passage where it appears")));
        }
        check_anchors(project, anchors)?;
    }
    if let ClaimChange::Verdict(verdict) = &change
        && project.scale.level(verdict).is_none()
    {
        return Err(EditError::Invalid(format!("{verdict:?} is not on the project's verdict scale")));
    }
    let claim = project.claims.get_mut(&id).ok_or_else(|| missing(id))?;
    let old = match change {
        ClaimChange::Statement(new) => ClaimChange::Statement(std::mem::replace(&mut claim.statement, new)),
        ClaimChange::Claimant(new) => ClaimChange::Claimant(std::mem::replace(&mut claim.claimant, new)),
        ClaimChange::Verdict(new) => ClaimChange::Verdict(std::mem::replace(&mut claim.verdict, new)),
        ClaimChange::Explanation(new) => ClaimChange::Explanation(std::mem::replace(&mut claim.explanation, new)),
        ClaimChange::Tags(new) => ClaimChange::Tags(std::mem::replace(&mut claim.tags, new)),
        ClaimChange::Notes(new) => ClaimChange::Notes(std::mem::replace(&mut claim.notes, new)),
        ClaimChange::Appearances(new) => ClaimChange::Appearances(std::mem::replace(&mut claim.appearances, new)),
    };
    Ok(Edit::SetClaim { id, change: old })
}

fn insert_evidence(project: &mut Project, id: EvidenceId, evidence: Evidence) -> Result<Edit, EditError> {
    check_new_id(project.evidence.contains_key(&id), id.0, project.ids.evidence, id)?;
    if !project.claims.contains_key(&evidence.claim) {
        return Err(missing(evidence.claim));
    }
    check_anchors(project, [&evidence.passage])?;
    project.evidence.insert(id, evidence);
    Ok(Edit::DeleteEvidence { id })
}

fn set_evidence(project: &mut Project, id: EvidenceId, change: EvidenceChange) -> Result<Edit, EditError> {
    if let EvidenceChange::Passage(anchor) = &change {
        check_anchors(project, [anchor])?;
    }
    let evidence = project.evidence.get_mut(&id).ok_or_else(|| missing(id))?;
    let old = match change {
        EvidenceChange::Stance(new) => EvidenceChange::Stance(std::mem::replace(&mut evidence.stance, new)),
        EvidenceChange::Note(new) => EvidenceChange::Note(std::mem::replace(&mut evidence.note, new)),
        EvidenceChange::Passage(new) => EvidenceChange::Passage(std::mem::replace(&mut evidence.passage, new)),
    };
    Ok(Edit::SetEvidence { id, change: old })
}

fn check_conflict_shape(id: ConflictId, passages: &[Anchor], status: &ConflictStatus) -> Result<(), EditError> {
    if passages.len() < 2 {
        return Err(EditError::Invalid(format!("conflict {id} needs at least two passages")));
    }
    if let ConflictStatus::Resolved { correct: Some(index), .. } = status
        && *index >= passages.len()
    {
        return Err(EditError::Invalid(format!("conflict {id} has no passage {}", index + 1)));
    }
    Ok(())
}

fn insert_conflict(project: &mut Project, id: ConflictId, conflict: Conflict) -> Result<Edit, EditError> {
    check_new_id(project.conflicts.contains_key(&id), id.0, project.ids.conflict, id)?;
    check_conflict_shape(id, &conflict.passages, &conflict.status)?;
    check_anchors(project, &conflict.passages)?;
    project.conflicts.insert(id, conflict);
    Ok(Edit::DeleteConflict { id })
}

fn set_conflict(project: &mut Project, id: ConflictId, change: ConflictChange) -> Result<Edit, EditError> {
    let conflict = project.conflicts.get(&id).ok_or_else(|| missing(id))?;
    match &change {
        ConflictChange::Passages(passages) => {
            check_conflict_shape(id, passages, &conflict.status)?;
            check_anchors(project, passages)?;
        }
        ConflictChange::Status(status) => check_conflict_shape(id, &conflict.passages, status)?,
        ConflictChange::Kind(_) | ConflictChange::Summary(_) => {}
    }
    let conflict = project.conflicts.get_mut(&id).ok_or_else(|| missing(id))?;
    let old = match change {
        ConflictChange::Kind(new) => ConflictChange::Kind(std::mem::replace(&mut conflict.kind, new)),
        ConflictChange::Summary(new) => ConflictChange::Summary(std::mem::replace(&mut conflict.summary, new)),
        ConflictChange::Passages(new) => ConflictChange::Passages(std::mem::replace(&mut conflict.passages, new)),
        ConflictChange::Status(new) => ConflictChange::Status(std::mem::replace(&mut conflict.status, new)),
    };
    Ok(Edit::SetConflict { id, change: old })
}

fn replace_source_text(
    project: &mut Project,
    id: SourceId,
    content: SourceContent,
    passages: Vec<(PassageRef, Anchor)>,
) -> Result<Edit, EditError> {
    if !project.sources.contains_key(&id) {
        return Err(missing(id));
    }
    for (at, anchor) in &passages {
        let current = project.passage(*at).ok_or_else(|| missing(at))?;
        if current.source != id || anchor.source != id {
            return Err(EditError::Invalid(format!("{at} is not a passage of source {id}")));
        }
    }
    let index = CharIndex::new(&content.text);
    let updated = |at: PassageRef| passages.iter().rev().find(|(slot, _)| *slot == at).map(|(_, anchor)| anchor);
    for (at, current) in project.passages_in(id) {
        let after = updated(at).unwrap_or(current);
        if !after.orphaned && !after.fits(&content.text, &index) {
            return Err(EditError::Invalid(format!(
                "{at}: {:?} is not at {}..{} of the new text of source {id}; re-anchor it or flag it orphaned",
                after.exact, after.start, after.end
            )));
        }
    }
    let source = project.sources.get_mut(&id).ok_or_else(|| missing(id))?;
    let old_content = std::mem::replace(&mut source.content, content);
    let mut old_passages = Vec::with_capacity(passages.len());
    for (at, anchor) in passages {
        let slot = project.passage_mut(at).ok_or_else(|| missing(at))?;
        old_passages.push((at, std::mem::replace(slot, anchor)));
    }
    old_passages.reverse();
    Ok(Edit::ReplaceSourceText { id, content: old_content, passages: old_passages })
}

fn set_project(project: &mut Project, change: ProjectChange) -> Result<ProjectChange, EditError> {
    Ok(match change {
        ProjectChange::Info(info) => ProjectChange::Info(std::mem::replace(&mut project.info, info)),
        ProjectChange::Scale(scale) => {
            if scale.levels.is_empty() {
                return Err(EditError::Invalid("a verdict scale needs at least one verdict".to_owned()));
            }
            if let Some((id, claim)) = project.claims.iter().find(|(_, claim)| scale.level(&claim.verdict).is_none()) {
                return Err(EditError::InUse {
                    thing: format!("verdict {:?}", claim.verdict),
                    user: format!("claim {id}"),
                });
            }
            ProjectChange::Scale(std::mem::replace(&mut project.scale, scale))
        }
    })
}

fn apply_batch(project: &mut Project, label: String, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                roll_back(project, inverses);
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch { label, edits: inverses })
}

/// Undoes the already-applied part of a failed batch. Each inverse was produced by a
/// successful apply on exactly this state, so applying it cannot fail.
fn roll_back(project: &mut Project, inverses: Vec<Edit>) {
    for inverse in inverses.into_iter().rev() {
        let undone = inverse.apply(project);
        debug_assert!(undone.is_ok(), "an inverse edit failed: {undone:?}");
    }
}

#[cfg(test)]
mod tests;
