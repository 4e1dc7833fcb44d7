//! Edits started from commands and search: marking, attaching, conflicts, undo, and
//! moving through search results.

use super::shell::CrosscheckApp;
use crate::edit::Edit;
use crate::session::{Selection, TextRange, Workspace};

impl CrosscheckApp {
    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        let result = if undo { workspace.undo() } else { workspace.redo() };
        match result {
            Ok(Some(label)) => self.info(format!("{} {label}", if undo { "Undid:" } else { "Redid:" })),
            Ok(None) => {}
            Err(error) => self.error(format!("The history could not be replayed and was cleared: {error}")),
        }
    }

    /// Builds an edit from the text selection, applies it, selects the result.
    pub(super) fn with_selection(
        &mut self,
        build: impl FnOnce(&mut Workspace) -> Result<(Edit, Selection, String), String>,
    ) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        match build(workspace) {
            Ok((edit, selection, message)) => match workspace.apply(edit, None) {
                Ok(()) => {
                    workspace.selection = selection;
                    workspace.text_selection = None;
                    self.info(message);
                }
                Err(error) => self.error(error.to_string()),
            },
            Err(message) => self.error(message),
        }
    }

    pub(super) fn add_to_conflict(&mut self, existing: Option<crate::model::ConflictId>) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        match workspace.add_to_conflict(existing) {
            Ok((edit, message)) => {
                if let Some(edit) = edit
                    && let Err(error) = workspace.apply(edit, None)
                {
                    self.error(error.to_string());
                    return;
                }
                workspace.text_selection = None;
                self.info(message);
            }
            Err(message) => self.error(message),
        }
    }

    pub(super) fn reveal_hit(&mut self, n: usize) {
        let Some(hit) = self.search.hits.get(n).cloned() else { return };
        self.search.current = Some(n);
        if let Some(workspace) = self.session.workspace.as_mut() {
            workspace.reveal(hit.source, Some((hit.start, hit.end)));
            // The found text becomes the selection, ready to be marked or attached.
            workspace.text_selection = Some(TextRange { source: hit.source, start: hit.start, end: hit.end });
        }
    }

    pub(super) fn refresh_search(&mut self) {
        let Some(workspace) = self.session.workspace() else { return };
        // Hits depend only on the texts, which only structural edits change: rewording a
        // claim while a search is shown does not search every source again.
        let structure = workspace.history.structure();
        if self.search.computed_at != Some(structure) {
            self.search.hits = crate::search::find_all(&workspace.project, &self.search.query);
            self.search.computed_at = Some(structure);
            if self.search.current.is_some_and(|n| n >= self.search.hits.len()) {
                self.search.current = None;
            }
        }
    }
}
