//! One open project: its data, its undo history, its file, and what the analyst has
//! selected and is looking at.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Memo, ProjectIndex};

use crate::edit::{ConflictChange, Edit, EditError};
use crate::history::{History, MergeKey};
use crate::model::{
    Anchor, Claim, ClaimId, Conflict, ConflictId, ConflictKind, ConflictStatus, Evidence, EvidenceId, Project,
    SourceId, Stance,
};
use crate::query::ClaimQuery;
use crate::store::{self, OriginalStatus};

/// What the inspector shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    Nothing,
    Source(SourceId),
    Claim(ClaimId),
    Evidence(EvidenceId),
    Conflict(ConflictId),
}

/// Text selected with the mouse in one source, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRange {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

/// A request to scroll the document to a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

/// The originals of a project and its folder, to check against the files on disk.
pub struct OriginalsCheck {
    folder: PathBuf,
    originals: Vec<(SourceId, crate::model::OriginalFile)>,
}

impl OriginalsCheck {
    /// The sources whose original is missing, changed or refused; stops early, with what
    /// it found so far, when `cancel` is set.
    pub fn run(&self, cancel: &std::sync::atomic::AtomicBool) -> BTreeMap<SourceId, OriginalStatus> {
        let mut found = BTreeMap::new();
        for (id, original) in &self.originals {
            if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                break;
            }
            let status = store::original_status(&self.folder, original);
            if status != OriginalStatus::Unchanged {
                found.insert(*id, status);
            }
        }
        found
    }
}

pub struct Workspace {
    pub project: Project,
    pub history: History,
    /// The project file; `None` until a new project is first saved.
    pub path: Option<PathBuf>,
    pub selection: Selection,
    /// The source shown in the document view.
    pub current_source: Option<SourceId>,
    pub text_selection: Option<TextRange>,
    pub reveal: Option<Reveal>,
    /// The first passage of a conflict being flagged, until a second one is added.
    pub conflict_draft: Option<Anchor>,
    /// Sources whose original file is missing or has changed.
    pub original_status: BTreeMap<SourceId, OriginalStatus>,
    /// Tells other Crosscheck instances that this project is open here.
    pub lock: Option<store::ProjectLock>,
    /// The project file as last read or written here.
    pub disk_stamp: Option<store::FileStamp>,
    /// Files the analyst picked in this session (import, relink), by absolute path: the
    /// only originals outside the project folder that a save may copy in.
    pub chosen_originals: std::collections::BTreeSet<PathBuf>,
    /// Lookups over the project at one structure revision; see [`Workspace::index`].
    index: Memo<u64, ProjectIndex>,
    /// The claims list's last filter and its result, at one generation.
    claims_found: Memo<(u64, ClaimQuery), Vec<ClaimId>>,
}

impl Workspace {
    pub fn new_project() -> Self {
        Self::with(Project::new("Untitled fact-check"), History::new(), None)
    }

    /// A project read from `path`. Its originals are not checked yet: reading and hashing
    /// them (each may be tens of megabytes) is the caller's to start, off the window's
    /// thread ([`Workspace::originals_to_check`]), or [`Workspace::refresh_original_status`].
    pub fn opened(project: Project, path: PathBuf) -> Self {
        let stamp = store::file_stamp(&path);
        let index = ProjectIndex::build(&project);
        Self::read_on_worker(project, path, stamp, index)
    }

    /// A project read from `path` on a worker, which also noted the file's `stamp` before
    /// reading it and built the project's `index`, so that nothing of that is left to the
    /// frame that shows it.
    pub fn read_on_worker(
        project: Project,
        path: PathBuf,
        stamp: Option<store::FileStamp>,
        index: ProjectIndex,
    ) -> Self {
        let mut workspace = Self::with(project, History::new(), Some(path));
        workspace.disk_stamp = stamp;
        workspace.index.get(workspace.history.structure(), || index);
        workspace
    }

    fn with(project: Project, history: History, path: Option<PathBuf>) -> Self {
        let current_source = project.sources.keys().next().copied();
        Self {
            project,
            history,
            path,
            selection: Selection::Nothing,
            current_source,
            text_selection: None,
            reveal: None,
            conflict_draft: None,
            original_status: BTreeMap::new(),
            lock: None,
            disk_stamp: None,
            chosen_originals: std::collections::BTreeSet::new(),
            index: Memo::default(),
            claims_found: Memo::default(),
        }
    }

    /// Lookups over the project as it is now, built on first use after each change, so
    /// that panels drawing every frame never scan the whole project.
    pub fn index(&self) -> Arc<ProjectIndex> {
        self.index.get(self.history.structure(), || ProjectIndex::build(&self.project))
    }

    /// The claims `query` finds, worked out again only when the project or the query
    /// changes: filtering 20,000 claims on every frame would hold up typing.
    pub fn claims_matching(&self, query: &ClaimQuery) -> Arc<Vec<ClaimId>> {
        let key = (self.history.generation(), query.clone());
        self.claims_found.get(key, || crate::query::claims_matching(&self.project, query))
    }

    /// The name shown in the title bar and prompts.
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(|| "Untitled".to_owned(), |stem| stem.to_string_lossy().into_owned())
    }

    /// Whether the project file changed on disk since it was last read or written here.
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else { return false };
        self.disk_stamp.is_some() && store::file_stamp(path) != self.disk_stamp
    }

    /// What a save to `path` needs, copied for a worker; the typing gesture under way ends
    /// here, so that the state written is one Undo can come back to. The file is replaced
    /// even if another program changed it only when `overwrite` says the analyst agreed.
    pub fn save_order(&mut self, path: &Path, overwrite: bool) -> super::file_work::SaveOrder {
        self.history.seal();
        let expected = if !overwrite && self.path.as_deref() == Some(path) { self.disk_stamp } else { None };
        super::file_work::SaveOrder {
            project: self.project.clone(),
            path: path.to_owned(),
            previous: self.path.clone(),
            chosen: self.chosen_originals.clone(),
            expected,
        }
    }

    pub fn folder(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    pub fn apply(&mut self, edit: Edit, merge: Option<MergeKey>) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.project, edit, merge)?;
        self.forget_what_is_gone();
        Ok(())
    }

    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        let label = self.history.undo(&mut self.project)?;
        self.forget_what_is_gone();
        Ok(label)
    }

    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        let label = self.history.redo(&mut self.project)?;
        self.forget_what_is_gone();
        Ok(label)
    }

    /// Drops selections that point at things an edit or undo removed.
    fn forget_what_is_gone(&mut self) {
        let project = &self.project;
        let exists = match self.selection {
            Selection::Nothing => true,
            Selection::Source(id) => project.sources.contains_key(&id),
            Selection::Claim(id) => project.claims.contains_key(&id),
            Selection::Evidence(id) => project.evidence.contains_key(&id),
            Selection::Conflict(id) => project.conflicts.contains_key(&id),
        };
        if !exists {
            self.selection = Selection::Nothing;
        }
        if self.current_source.is_some_and(|id| !project.sources.contains_key(&id)) {
            self.current_source = project.sources.keys().next().copied();
            self.text_selection = None;
        }
        if self.conflict_draft.as_ref().is_some_and(|a| !project.sources.contains_key(&a.source)) {
            self.conflict_draft = None;
        }
        self.original_status.retain(|id, _| project.sources.contains_key(id));
    }

    /// Files in `folder` named like the originals that have gone missing, each with the
    /// source it would relink.
    pub fn relink_candidates(&self, folder: &Path) -> Vec<(PathBuf, SourceId)> {
        let missing = self.original_status.iter().filter(|(_, status)| status.needs_relink());
        missing
            .filter_map(|(&id, _)| {
                let original = self.project.sources.get(&id)?.content.original.as_ref()?;
                let candidate = folder.join(Path::new(&original.path).file_name()?);
                candidate.is_file().then_some((candidate, id))
            })
            .collect()
    }

    /// Checks every original against its file now, on this thread.
    pub fn refresh_original_status(&mut self) {
        if let Some(check) = self.originals_to_check() {
            self.original_status = check.run(&std::sync::atomic::AtomicBool::new(false));
        }
    }

    /// What checking the originals needs, copied out of the project so that a worker can
    /// read and hash the files (each may be tens of megabytes) while the window draws.
    pub fn originals_to_check(&self) -> Option<OriginalsCheck> {
        let folder = self.folder()?.to_owned();
        let originals = self
            .project
            .sources
            .iter()
            .filter_map(|(id, source)| Some((*id, source.content.original.clone()?)))
            .collect();
        Some(OriginalsCheck { folder, originals })
    }

    /// Takes the outcome of an [`OriginalsCheck`], for the sources that still exist.
    pub fn set_original_status(&mut self, mut status: BTreeMap<SourceId, OriginalStatus>) {
        status.retain(|id, _| self.project.sources.contains_key(id));
        self.original_status = status;
    }

    /// A sentence naming the sources whose originals the project may not read, if any.
    pub fn refused_originals_notice(&self) -> Option<String> {
        let refused: Vec<String> = self
            .original_status
            .iter()
            .filter_map(|(id, status)| match status {
                OriginalStatus::Refused(reason) => {
                    let path = self.project.sources.get(id)?.content.original.as_ref()?.path.clone();
                    Some(format!("{id} names {path:?} ({reason})"))
                }
                _ => None,
            })
            .collect();
        (!refused.is_empty()).then(|| {
            format!(
                "Crosscheck did not read these original files, which lie outside the project folder or behind a link: {}. \
                 Relink each source to a file you choose.",
                refused.join("; ")
            )
        })
    }

    /// The file a re-import of `id` reads, if the project may read it: inside the project
    /// folder, or (for a project never saved) a file the analyst chose in this session.
    pub fn original_to_read(&self, id: SourceId) -> Result<PathBuf, String> {
        let original = self
            .project
            .sources
            .get(&id)
            .and_then(|source| source.content.original.as_ref())
            .ok_or_else(|| format!("Source {id} has no original file to read again."))?;
        let refused =
            |reason: String| format!("Source {id}: the original file {} was not read: {reason}", original.path);
        match self.folder() {
            Some(folder) => store::inside_project(folder, &original.path).map_err(|error| refused(error.to_string())),
            None if self.chosen_originals.contains(Path::new(&original.path)) => Ok(PathBuf::from(&original.path)),
            None => {
                Err(refused("it was not chosen in this session; relink the source to a file you choose".to_owned()))
            }
        }
    }

    /// The claim the selection belongs to: the claim itself, or the claim of selected evidence.
    pub fn selected_claim(&self) -> Option<ClaimId> {
        match self.selection {
            Selection::Claim(id) => Some(id),
            Selection::Evidence(id) => self.project.evidence.get(&id).map(|e| e.claim),
            _ => None,
        }
    }

    /// The selected text as an anchor.
    fn selected_passage(&self) -> Result<Anchor, String> {
        let range = self.text_selection.ok_or("Select a passage in the document first.")?;
        if range.start == range.end {
            return Err("Select a passage in the document first.".to_owned());
        }
        let source = self.project.sources.get(&range.source).ok_or("The selected source no longer exists.")?;
        Anchor::capture(range.source, source.text(), range.start, range.end)
            .ok_or_else(|| "The selection no longer fits the source text.".to_owned())
    }

    /// The edit that marks the selected text as a new claim, and the new claim's id.
    pub fn mark_claim(&mut self) -> Result<(Edit, ClaimId), String> {
        let passage = self.selected_passage()?;
        let id = self.project.ids.next_claim();
        let claim = Claim::marked(passage, self.project.scale.initial());
        Ok((Edit::InsertClaim { id, claim: Box::new(claim) }, id))
    }

    /// The edit that attaches the selected text to the selected claim.
    pub fn attach_evidence(&mut self, stance: Stance) -> Result<(Edit, EvidenceId), String> {
        let claim = self.selected_claim().ok_or("Select the claim this passage is evidence for first.")?;
        let passage = self.selected_passage()?;
        let id = self.project.ids.next_evidence();
        let evidence = Evidence { claim, passage, stance, note: String::new() };
        Ok((Edit::InsertEvidence { id, evidence: Box::new(evidence) }, id))
    }

    /// Adds the selected text to a conflict: to `existing`, or to the draft of a new one.
    /// Returns the edit to apply, if the conflict is complete, and a message for the analyst.
    pub fn add_to_conflict(&mut self, existing: Option<ConflictId>) -> Result<(Option<Edit>, String), String> {
        let passage = self.selected_passage()?;
        if let Some(id) = existing {
            let conflict = self.project.conflicts.get(&id).ok_or("That conflict no longer exists.")?;
            if conflict
                .passages
                .iter()
                .any(|p| p.source == passage.source && p.start == passage.start && p.end == passage.end)
            {
                return Err(format!("This passage is already part of conflict {id}."));
            }
            let mut passages = conflict.passages.clone();
            passages.push(passage);
            let edit = Edit::SetConflict { id, change: ConflictChange::Passages(passages) };
            return Ok((Some(edit), format!("Added the passage to conflict {id}.")));
        }
        let Some(first) = self.conflict_draft.take() else {
            self.conflict_draft = Some(passage);
            return Ok((None, "Now select the passage that disagrees and choose Add to conflict again.".to_owned()));
        };
        if first.source == passage.source && first.start == passage.start && first.end == passage.end {
            self.conflict_draft = Some(first);
            return Err("Select a different passage: a conflict needs two that disagree.".to_owned());
        }
        let id = self.project.ids.next_conflict();
        let conflict = Conflict {
            kind: ConflictKind::Other,
            summary: String::new(),
            passages: vec![first, passage],
            status: ConflictStatus::Open,
        };
        self.selection = Selection::Conflict(id);
        Ok((Some(Edit::InsertConflict { id, conflict: Box::new(conflict) }), format!("Flagged conflict {id}.")))
    }

    /// The edit that deletes whatever is selected.
    pub fn delete_selected(&self) -> Option<Edit> {
        match self.selection {
            Selection::Nothing => None,
            Selection::Source(id) => Some(Edit::remove_source(&self.project, id)),
            Selection::Claim(id) => Some(Edit::remove_claim(&self.project, id)),
            Selection::Evidence(id) => Some(Edit::DeleteEvidence { id }),
            Selection::Conflict(id) => Some(Edit::DeleteConflict { id }),
        }
    }

    /// Shows `source` scrolled to a passage.
    pub fn reveal(&mut self, source: SourceId, range: Option<(usize, usize)>) {
        if self.current_source != Some(source) {
            self.text_selection = None;
        }
        self.current_source = Some(source);
        let (start, end) = range.unwrap_or((0, 0));
        self.reveal = Some(Reveal { source, start, end });
    }

    /// Shows the first passage of what is selected.
    pub fn reveal_selection(&mut self) {
        let project = &self.project;
        let anchor = match self.selection {
            Selection::Claim(id) => project.claims.get(&id).and_then(|c| c.appearances.first()),
            Selection::Evidence(id) => project.evidence.get(&id).map(|e| &e.passage),
            Selection::Conflict(id) => project
                .conflicts
                .get(&id)
                .and_then(|c| c.passages.iter().find(|p| Some(p.source) == self.current_source).or(c.passages.first())),
            Selection::Source(id) => {
                self.reveal(id, None);
                return;
            }
            Selection::Nothing => None,
        };
        if let Some(anchor) = anchor.cloned() {
            self.reveal(anchor.source, Some((anchor.start, anchor.end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ClaimChange;

    /// The sample project copied into a temporary folder, with every original removed.
    fn sample_without_originals() -> (tempfile::TempDir, Workspace) {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("sample.ron");
        let project = store::load(&crate::sample_project_path()).expect("sample loads").project;
        let mut workspace = Workspace::opened(project, path);
        workspace.refresh_original_status();
        (folder, workspace)
    }

    #[test]
    fn relinking_after_a_source_was_removed_offers_only_sources_that_exist() {
        let (folder, mut workspace) = sample_without_originals();
        let missing: Vec<SourceId> = workspace.original_status.keys().copied().collect();
        assert!(missing.len() >= 2, "the copy has no originals: {missing:?}");
        let removed = missing[0];
        let remove = Edit::remove_source(&workspace.project, removed);
        workspace.apply(remove, None).expect("removes");
        let relink = folder.path().join("found");
        std::fs::create_dir(&relink).expect("folder");
        for &id in &missing {
            let original = workspace.project.sources.get(&id).and_then(|s| s.content.original.clone());
            let name =
                original.map_or_else(|| format!("{id}.txt"), |o| o.path.rsplit('/').next().unwrap_or("").to_owned());
            std::fs::write(relink.join(name), "text").expect("write");
        }
        let candidates = workspace.relink_candidates(&relink);
        assert!(candidates.iter().all(|(_, id)| *id != removed), "{candidates:?}");
        assert_eq!(candidates.len(), missing.len() - 1);
    }

    #[test]
    fn rewording_keeps_the_index_and_retagging_rebuilds_it() {
        let (_folder, mut workspace) = sample_without_originals();
        let claim = *workspace.project.claims.keys().next().expect("a claim");
        let before = workspace.index();
        let reword = Edit::SetClaim { id: claim, change: ClaimChange::Statement("Reworded.".to_owned()) };
        workspace.apply(reword, None).expect("rewords");
        assert!(Arc::ptr_eq(&before, &workspace.index()), "typing does not rebuild the index");
        let tags = std::iter::once("fresh-tag".to_owned()).collect();
        workspace.apply(Edit::SetClaim { id: claim, change: ClaimChange::Tags(tags) }, None).expect("retags");
        assert!(workspace.index().tags().contains(&"fresh-tag".to_owned()));
        workspace.undo().expect("undoes");
        assert!(!workspace.index().tags().contains(&"fresh-tag".to_owned()), "undo rebuilds it too");
    }

    #[test]
    fn a_new_project_has_no_unsaved_changes_until_it_is_edited() {
        let workspace = Workspace::new_project();
        assert!(!workspace.history.has_unsaved_changes());
    }
}
