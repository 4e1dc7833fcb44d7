//! Writing the recovery file in the background while there are unsaved changes.
//!
//! The first unsaved change starts a clock; the recovery file is written when the clock
//! reaches the interval (30 s by default), and again at most once per interval while
//! changes continue. A significant edit (an import, a source removed, a large batch: see
//! `Edit::is_significant`) is written within [`SIGNIFICANT_GAP`] instead of on the clock.
//! Writing happens on a worker thread from a copy of the project, so the window never
//! waits for the disk. With nothing unsaved, nothing is scheduled.

use std::time::{Duration, Instant};

use super::Workspace;
use super::tasks::{Task, Wake};
use crate::store;

/// How soon after a significant edit the recovery file is written (never sooner after the
/// previous write, so a run of imports is not a run of writes).
pub const SIGNIFICANT_GAP: Duration = Duration::from_secs(2);

pub struct Autosave {
    interval: Duration,
    /// `History::significant_changes` when the recovery file was last brought up to date.
    written_significant: u64,
    dirty_since: Option<Instant>,
    last_written: Option<Instant>,
    /// The project state the recovery file holds.
    written_generation: Option<u64>,
    writing: Option<Task<Result<(), String>>>,
    /// The project state held by the last recovery file that finished writing.
    completed_generation: Option<u64>,
}

impl Autosave {
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            written_significant: 0,
            dirty_since: None,
            last_written: None,
            written_generation: None,
            writing: None,
            completed_generation: None,
        }
    }

    /// Forgets the clock, after a save or when another project opens.
    pub fn reset(&mut self) {
        *self = Self::new(self.interval);
    }

    /// Starts a write when one is due. Returns a message if the last write failed, and
    /// how long until the next write is due, for the window to wake up then.
    pub fn tick(&mut self, workspace: &Workspace, wake: &Wake) -> (Option<String>, Option<Duration>) {
        let mut failure = None;
        if let Some(task) = self.writing.as_mut() {
            let outcome = task.take();
            if !task.is_finished() && outcome.is_none() {
                return (None, None);
            }
            self.writing = None;
            if let Some(outcome) = outcome {
                if outcome.is_ok() {
                    self.completed_generation = self.written_generation;
                }
                failure = outcome.err();
            }
        }
        if !workspace.history.has_unsaved_changes() {
            // Undone back to the saved state: the recovery file holds nothing worth offering.
            if self.written_generation.take().is_some()
                && let Some(path) = store::recovery_path(workspace.path.as_deref())
                && let Err(error) = store::discard_recovery(&path)
            {
                failure = Some(format!("Cannot remove the recovery file {}: {error}", path.display()));
            }
            self.dirty_since = None;
            self.written_significant = workspace.history.significant_changes();
            return (failure, None);
        }
        let generation = workspace.history.generation();
        if self.written_generation == Some(generation) {
            return (failure, None);
        }
        let now = Instant::now();
        let since = *self.dirty_since.get_or_insert(now);
        let mut due = self.last_written.map_or(since, |last| last.max(since)) + self.interval;
        let significant = workspace.history.significant_changes();
        if significant != self.written_significant {
            let soon = self.last_written.map_or(now, |last| last + SIGNIFICANT_GAP.min(self.interval));
            due = due.min(soon);
        }
        if now < due {
            return (failure, Some(due - now));
        }
        let Some(path) = store::recovery_path(workspace.path.as_deref()) else { return (failure, None) };
        let project = workspace.project.clone();
        let spawned = Task::spawn("autosave", std::sync::Arc::clone(wake), move |worker| {
            let outcome = store::write_recovery(&project, &path)
                .map_err(|error| format!("Cannot write the recovery file {}: {error}", path.display()));
            worker.send(outcome);
        });
        match spawned {
            Ok(task) => {
                self.writing = Some(task);
                self.written_generation = Some(generation);
                self.written_significant = significant;
                self.last_written = Some(now);
            }
            Err(error) => failure = Some(format!("Cannot start writing the recovery file: {error}")),
        }
        (failure, None)
    }

    /// Whether a write is still under way (tests wait for it).
    pub fn is_writing(&self) -> bool {
        self.writing.is_some()
    }

    /// The project state (history generation) the last finished recovery file holds.
    pub fn completed_generation(&self) -> Option<u64> {
        self.completed_generation
    }
}
