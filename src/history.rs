//! Undo and redo.
//!
//! The history keeps the inverse of each applied edit. Edits that continue one gesture —
//! the letters of one burst of typing into one field — share a [`MergeKey`] and become one
//! undo step, until the history is sealed (the field loses focus, another edit arrives).
//! Each state of the project has a generation number, so "unsaved changes" is exact:
//! undoing back to the saved state clears it. Generations are unique in the process, so
//! whatever is cached by generation (lookups, comparisons, search results) can never be
//! taken for another project's.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{Edit, EditError};
use crate::model::Project;

/// The next generation number any history in this process hands out.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// Identifies a gesture whose edits merge into one undo step, e.g. typing into the
/// statement of claim C3.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MergeKey(pub String);

#[derive(Debug, Clone, Copy)]
enum Direction {
    Back,
    Forward,
}

#[derive(Debug, Clone)]
struct Step {
    /// Undoes the step.
    inverse: Edit,
    label: String,
    merge: Option<MergeKey>,
    /// Generation of the project before and after the step.
    before: u64,
    after: u64,
    /// Applying, undoing or redoing the step changes sources or much at once.
    significant: bool,
}

/// Undo and redo stacks for one open project.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    generation: u64,
    /// Changes whenever an edit, undo or redo changes the project's structure (see
    /// [`Edit::changes_structure`]); stays put while the analyst only rewords things.
    structure: u64,
    saved_generation: Option<u64>,
    /// Set when the next edit must start a new step even if its merge key matches.
    sealed: bool,
    limit: usize,
    /// Counts significant steps applied, undone or redone (see `Edit::is_significant`).
    significant_changes: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// Steps kept before the oldest is forgotten.
    pub const DEFAULT_LIMIT: usize = 1000;

    /// A history for a project that matches its file on disk.
    pub fn new() -> Self {
        let generation = fresh_generation();
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            generation,
            structure: generation,
            saved_generation: Some(generation),
            sealed: true,
            limit: Self::DEFAULT_LIMIT,
            significant_changes: 0,
        }
    }

    /// A history for a project that has never been saved.
    pub fn unsaved() -> Self {
        Self { saved_generation: None, ..Self::new() }
    }

    /// Applies `edit` as a new undo step.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        self.apply_merging(project, edit, None)
    }

    /// Applies `edit`, merging it into the previous step when both carry the same key
    /// and the history has not been sealed in between.
    pub fn apply_merging(
        &mut self,
        project: &mut Project,
        edit: Edit,
        merge: Option<MergeKey>,
    ) -> Result<(), EditError> {
        let label = edit.describe();
        let significant = edit.is_significant();
        let restructures = edit.changes_structure();
        let inverse = edit.apply(project)?;
        self.redo.clear();
        let after = fresh_generation();
        let merges = !self.sealed && merge.is_some() && self.undo.last().is_some_and(|step| step.merge == merge);
        match self.undo.last_mut() {
            // The older inverse already restores the state before the gesture began.
            Some(step) if merges => step.after = after,
            _ => {
                self.undo.push(Step { inverse, label, merge, before: self.generation, after, significant });
                if self.undo.len() > self.limit {
                    self.undo.remove(0);
                }
            }
        }
        self.generation = after;
        if restructures {
            self.structure = after;
        }
        self.sealed = false;
        self.significant_changes += u64::from(significant);
        Ok(())
    }

    /// Ends the current gesture: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        self.replay(project, Direction::Back)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        self.replay(project, Direction::Forward)
    }

    /// Moves one step between the stacks, applying its inverse on the way. Should an
    /// inverse ever fail, the project no longer matches the history, so both are cleared.
    fn replay(&mut self, project: &mut Project, direction: Direction) -> Result<Option<String>, EditError> {
        let (from, to) = match direction {
            Direction::Back => (&mut self.undo, &mut self.redo),
            Direction::Forward => (&mut self.redo, &mut self.undo),
        };
        let Some(step) = from.pop() else { return Ok(None) };
        let restructures = step.inverse.changes_structure();
        let reverse = match step.inverse.apply(project) {
            Ok(reverse) => reverse,
            Err(error) => {
                from.clear();
                to.clear();
                return Err(error);
            }
        };
        self.generation = match direction {
            Direction::Back => step.before,
            Direction::Forward => step.after,
        };
        if restructures {
            self.structure = fresh_generation();
        }
        self.sealed = true;
        self.significant_changes += u64::from(step.significant);
        let label = step.label.clone();
        to.push(Step { inverse: reverse, ..step });
        Ok(Some(label))
    }

    /// Label of the step Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// Label of the step Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Records that the project as it is now matches its file.
    pub fn mark_saved(&mut self) {
        self.saved_generation = Some(self.generation);
        self.seal();
    }

    /// Records which state the project's file holds: `generation` (a save that began then
    /// has landed), or none this history can return to (`None`).
    pub fn mark_saved_at(&mut self, generation: Option<u64>) {
        self.saved_generation = generation;
    }

    /// Whether the project differs from its file (or has none).
    pub fn has_unsaved_changes(&self) -> bool {
        self.saved_generation != Some(self.generation)
    }

    /// Identifies the project's current state; changes with every edit, undo and redo.
    /// Identifies the project's structure: equal values mean no item was added, removed,
    /// moved, relinked, retagged or resolved in between (rewording does not count).
    pub fn structure(&self) -> u64 {
        self.structure
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Grows with every significant step applied, undone or redone; the autosave compares
    /// it with the count its last recovery file saw.
    pub fn significant_changes(&self) -> u64 {
        self.significant_changes
    }
}

fn fresh_generation() -> u64 {
    NEXT_GENERATION.fetch_add(1, Ordering::Relaxed)
}
