//! Writing the recovery file in the background while there are unsaved changes.
//!
//! The first unsaved change starts a clock; the recovery file is written when the clock
//! reaches the interval (30 s by default), and again at most once per interval while
//! changes continue. A significant edit (an import, a source removed, a large batch: see
//! `Edit::is_significant`) is written within [`SIGNIFICANT_GAP`] instead of on the clock.
//! Writing happens on a worker thread from a copy of the project, so the window never
//! waits for the disk. With nothing unsaved, nothing is scheduled.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    writing: Option<Writing>,
    /// The project state held by the last recovery file that finished writing.
    completed_generation: Option<u64>,
    /// Writes abandoned by [`Autosave::reset`] that have not finished yet.
    finishing: Vec<Writing>,
}

/// A recovery file being written on a worker thread.
struct Writing {
    task: Task<Result<(), String>>,
    path: PathBuf,
    /// Set when the work was saved or discarded while the file was being written: the
    /// worker then removes the file it wrote, which would otherwise offer that work again.
    abandoned: Arc<AtomicBool>,
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
            finishing: Vec::new(),
        }
    }

    /// Forgets the clock, after a save, when another project opens or when the app
    /// quits. A recovery file still being written is removed once written: the work it
    /// holds was saved or discarded.
    pub fn reset(&mut self) {
        let mut finishing = std::mem::take(&mut self.finishing);
        if let Some(writing) = self.writing.take() {
            // The flag first, then the removal: a write that lands after the removal
            // sees the flag and removes its own file. The session has already reported
            // a file it could not remove; failing again here says nothing new.
            writing.abandoned.store(true, Ordering::SeqCst);
            let _ = store::discard_recovery(&writing.path);
            finishing.push(writing);
        }
        *self = Self { finishing, ..Self::new(self.interval) };
        self.forget_finished();
    }

    /// Drops the abandoned writes whose threads have ended.
    fn forget_finished(&mut self) {
        self.finishing.retain_mut(|writing| {
            writing.task.take();
            !writing.task.is_finished()
        });
    }

    /// Starts a write when one is due. Returns a message if the last write failed, and
    /// how long until the next write is due, for the window to wake up then.
    pub fn tick(&mut self, workspace: &Workspace, wake: &Wake) -> (Option<String>, Option<Duration>) {
        self.forget_finished();
        let mut failure = None;
        if let Some(writing) = self.writing.as_mut() {
            let outcome = writing.task.take();
            if !writing.task.is_finished() && outcome.is_none() {
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
        let abandoned = Arc::new(AtomicBool::new(false));
        let (target, flag) = (path.clone(), Arc::clone(&abandoned));
        let spawned = Task::spawn("autosave", Arc::clone(wake), move |worker| {
            let outcome = store::write_recovery(&project, &target)
                .map_err(|error| format!("Cannot write the recovery file {}: {error}", target.display()));
            if flag.load(Ordering::SeqCst) {
                let _ = store::discard_recovery(&target);
            }
            worker.send(outcome);
        });
        match spawned {
            Ok(task) => {
                self.writing = Some(Writing { task, path, abandoned });
                self.written_generation = Some(generation);
                self.written_significant = significant;
                self.last_written = Some(now);
            }
            Err(error) => failure = Some(format!("Cannot start writing the recovery file: {error}")),
        }
        (failure, None)
    }

    /// Whether a write is still under way, an abandoned one included (tests wait for it).
    pub fn is_writing(&self) -> bool {
        self.writing.is_some() || !self.finishing.is_empty()
    }

    /// The project state (history generation) the last finished recovery file holds.
    pub fn completed_generation(&self) -> Option<u64> {
        self.completed_generation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, ProjectChange};

    #[test]
    fn a_recovery_file_being_written_when_the_work_is_saved_or_discarded_does_not_stay() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut workspace = Workspace::new_project();
        workspace.path = Some(folder.path().join("story.ron"));
        let mut info = workspace.project.info.clone();
        info.title = "Edited".to_owned();
        workspace.apply(Edit::SetProject(ProjectChange::Info(info)), None).expect("edits");
        let recovery = store::recovery_path(workspace.path.as_deref()).expect("recovery path");
        let wake: Wake = Arc::new(|| {});
        for _ in 0..20 {
            let mut autosave = Autosave::new(Duration::ZERO);
            autosave.tick(&workspace, &wake);
            assert!(autosave.is_writing(), "a write is under way");
            // Saved or discarded at once, however far the write has got.
            autosave.reset();
            let deadline = Instant::now() + Duration::from_secs(10);
            while autosave.is_writing() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
                autosave.reset();
            }
            assert!(!autosave.is_writing(), "the abandoned write ends");
            assert!(!recovery.exists(), "the saved or discarded work is not offered next time");
        }
    }
}
