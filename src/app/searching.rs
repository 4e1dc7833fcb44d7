//! Searching every source on a worker: results worked out again only when the query or
//! the texts change, and moving through them, each result becoming the text selection.

use super::shell::CrosscheckApp;
use std::sync::Arc;

use crate::model::SourceId;
use crate::search::{Corpus, SearchHit};
use crate::session::TextRange;
use crate::session::tasks::Task;

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

    /// Brings the results up to date with the query and the texts: collects a search
    /// that finished, starts one when either changed. Searching ten megabytes takes longer
    /// than a frame, so it runs on a worker.
    pub(super) fn refresh_search(&mut self) {
        // Hits depend only on the texts, which only structural edits change: rewording a
        // claim while a search is shown does not search every source again.
        let Some(structure) = self.session.workspace().map(|w| w.history.structure()) else { return };
        let key = (structure, self.search.query.clone());
        if let Some((at, task)) = self.search.running.as_mut() {
            if *at != key {
                // Stale: dropping the task cancels it.
                self.search.running = None;
            } else if let Some(hits) = task.take() {
                self.search.running = None;
                self.show_hits(structure, hits);
            } else if task.is_finished() {
                self.search.running = None;
            }
        }
        if self.search.computed_at == Some(structure) || self.search.running.is_some() {
            return;
        }
        if self.search.hits.first().is_some_and(|_| self.search.computed_at.is_some_and(|at| at != structure)) {
            // The texts changed: old results may point past their ends.
            self.search.hits.clear();
            self.search.current = None;
        }
        if self.search.query.trim().is_empty() {
            self.search.texts = None;
            self.show_hits(structure, Vec::new());
            return;
        }
        let texts = match &self.search.texts {
            Some((at, texts)) if *at == structure => Arc::clone(texts),
            _ => {
                let Some(workspace) = self.session.workspace() else { return };
                let copied: Vec<(SourceId, String)> =
                    workspace.project.sources.iter().map(|(&id, source)| (id, source.text().to_owned())).collect();
                let texts = Arc::new(Corpus::new(copied));
                self.search.texts = Some((structure, Arc::clone(&texts)));
                texts
            }
        };
        let query = self.search.query.clone();
        let spawned = Task::spawn("search", self.wake(), move |worker| {
            worker.send(texts.find(&query, worker.cancel_flag()));
        });
        match spawned {
            Ok(task) => self.search.running = Some((key, task)),
            Err(error) => self.error(format!("Cannot start searching: {error}")),
        }
    }

    /// Waits for the search under way, if any: Enter pressed before the results came in
    /// means the analyst wants them now. A search takes milliseconds (50 at most, by the
    /// benchmark's target), so the wait is short.
    pub(super) fn wait_for_search(&mut self) {
        self.refresh_search();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while self.search.running.is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
            self.refresh_search();
        }
    }

    fn show_hits(&mut self, structure: u64, hits: Vec<SearchHit>) {
        self.search.hits = hits;
        self.search.computed_at = Some(structure);
        if self.search.current.is_some_and(|n| n >= self.search.hits.len()) {
            self.search.current = None;
        }
    }
}
