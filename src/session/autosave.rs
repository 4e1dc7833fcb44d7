//! Writing the recovery file in the background while there are unsaved changes.
//!
//! The first unsaved change starts a clock; the recovery file is written when the clock
//! reaches the interval (30 s by default), and again at most once per interval while
//! changes continue. A significant edit (an import, a source removed, a large batch: see
//! `Edit::is_significant`) is written within [`SIGNIFICANT_GAP`] instead of on the clock.
//! Writing happens on a worker thread from a copy of the project, so the window never
//! waits for the disk. With nothing unsaved, nothing is scheduled.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::session::Workspace;
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
    writing: Option<Receiver<Result<(), String>>>,
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

    /// Starts a write when one is due; returns a message if the last write failed.
    pub fn tick(&mut self, workspace: &Workspace, ctx: &egui::Context) -> Option<String> {
        let mut failure = None;
        if let Some(receiver) = &self.writing {
            match receiver.try_recv() {
                Ok(outcome) => {
                    self.writing = None;
                    if outcome.is_ok() {
                        self.completed_generation = self.written_generation;
                    }
                    failure = outcome.err();
                }
                Err(TryRecvError::Disconnected) => self.writing = None,
                Err(TryRecvError::Empty) => return None,
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
            return failure;
        }
        let generation = workspace.history.generation();
        if self.written_generation == Some(generation) {
            return failure;
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
            ctx.request_repaint_after(due - now);
            return failure;
        }
        let Some(path) = store::recovery_path(workspace.path.as_deref()) else { return failure };
        let project = workspace.project.clone();
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("autosave".to_owned()).spawn(move || {
            let outcome = store::write_recovery(&project, &path)
                .map_err(|error| format!("Cannot write the recovery file {}: {error}", path.display()));
            sender.send(outcome).ok();
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.writing = Some(receiver);
                self.written_generation = Some(generation);
                self.written_significant = significant;
                self.last_written = Some(now);
            }
            Err(error) => failure = Some(format!("Cannot start writing the recovery file: {error}")),
        }
        failure
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
