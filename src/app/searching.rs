//! Searching every source: results worked out again only when the texts change, and
//! moving through them, each result becoming the text selection.

use super::shell::CrosscheckApp;
use crate::session::TextRange;

impl CrosscheckApp {
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
