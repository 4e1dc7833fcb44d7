//! Reading and writing the project file on a worker, through the one task primitive
//! ([`Task`]): a 35 MB project takes a third of a second to read and as long to write, and
//! the window keeps drawing meanwhile.
//!
//! An [`Opening`] reads the project and any recovery file a crash left beside it, and can
//! be cancelled (dropping it is enough: what it read is thrown away). A [`Saving`] writes a
//! copy of the project taken when the save began, at one history generation: the
//! [`super::Session`] compares that generation with the project's when the save lands, so an
//! edit made meanwhile keeps the project unsaved.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::tasks::{Progress, Task, Wake};
use super::{Effect, Notice, PendingAction, ProjectIndex};
use crate::edit::Edit;
use crate::model::Project;
use crate::store::{self, FileStamp};

/// Recovered work found beside a project, with a sentence saying what it adds.
pub struct FoundRecovery {
    pub recovery: store::Recovery,
    pub summary: String,
}

/// What reading a project file produced: everything the window needs to show it, so
/// that the frame the project arrives in does no disk work and no pass over the project.
pub struct Opened {
    pub loaded: store::Loaded,
    /// Unsaved work a previous run left for this project: found, unreadable (why), or none.
    pub recovery: Option<Result<FoundRecovery, String>>,
    /// The file as it was before it was read, to notice another program changing it.
    pub stamp: Option<FileStamp>,
    /// The project's lock, taken here; `None` when the window already held this file's
    /// lock as the reading began (reopening its own file), which carries over instead.
    pub lock: Option<Result<store::ProjectLock, store::LockError>>,
    /// Lookups over the project, built here: 35 MB of project take 70 ms to index.
    pub index: ProjectIndex,
}

/// A project file being read.
pub struct Opening {
    pub path: PathBuf,
    /// Reloading the open project's own file, changed on disk, rather than opening another.
    pub reload: bool,
    /// The open project's history generation when the opening began (`None`: none open):
    /// an edit made meanwhile must not be lost to the project that lands.
    pub generation_before: Option<u64>,
    task: Task<Result<Box<Opened>, String>>,
}

impl Opening {
    /// Starts reading the project at `path` on a thread; `take_lock` unless the window
    /// already holds this file's lock.
    pub fn start(
        path: &Path,
        reload: bool,
        generation_before: Option<u64>,
        take_lock: bool,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let file = path.to_owned();
        let task = Task::spawn("open project", wake, move |worker| {
            worker.set_total(3);
            let stamp = store::file_stamp(&file);
            let loaded = match store::load(&file) {
                Ok(loaded) => loaded,
                Err(error) => {
                    worker.send(Err(error.to_string()));
                    return;
                }
            };
            worker.advance();
            if worker.is_cancelled() {
                return;
            }
            let recovery = find_recovery(&file, &loaded.project);
            worker.advance();
            let index = ProjectIndex::build(&loaded.project);
            worker.advance();
            if worker.is_cancelled() {
                return;
            }
            let lock = take_lock.then(|| store::lock_project(&file));
            worker.send(Ok(Box::new(Opened { loaded, recovery, stamp, lock, index })));
        })?;
        Ok(Self { path: path.to_owned(), reload, generation_before, task })
    }

    pub fn progress(&self) -> Progress {
        self.task.progress()
    }

    /// What the worker produced, once it has finished; a worker that ended without a word
    /// (it cannot, short of a panic) counts as a failure.
    pub fn poll(&mut self) -> Option<Result<Box<Opened>, String>> {
        if let Some(outcome) = self.task.take() {
            return Some(outcome);
        }
        self.task.is_finished().then(|| Err(format!("Reading {} stopped before it finished.", self.path.display())))
    }
}

/// The recovery file a previous run left for the project at `path`, compared with `saved`
/// (both may be tens of megabytes: this is worker work).
fn find_recovery(path: &Path, saved: &Project) -> Option<Result<FoundRecovery, String>> {
    Some(match store::find_recovery(Some(path))? {
        Ok(recovery) => {
            let summary = store::describe_difference(saved, &recovery.project);
            Ok(FoundRecovery { recovery, summary })
        }
        Err(error) => Err(error.to_string()),
    })
}

/// Everything a save needs, copied from the workspace so that the worker owns it.
pub struct SaveOrder {
    pub project: Project,
    pub path: PathBuf,
    /// The file the project was in (`None`: never saved); relative originals are read
    /// from its folder, and its recovery file goes once the work is saved.
    pub previous: Option<PathBuf>,
    /// Originals outside the folder the analyst picked in this session (see
    /// [`store::collect_originals`]).
    pub chosen: BTreeSet<PathBuf>,
    /// The file must still look like this, or another program changed it and the analyst
    /// is asked first; `None` when it may be replaced whatever it is.
    pub expected: Option<FileStamp>,
}

/// How a save ended.
#[derive(Debug)]
pub enum SaveOutcome {
    Saved(Box<Written>),
    /// Another program changed the file since it was read or written here.
    ChangedOnDisk,
    /// Nothing was written; the sentence says why and names the file.
    Failed(String),
}

/// What a save that wrote the file leaves for the open project.
#[derive(Debug)]
pub struct Written {
    /// Points the sources at the originals copied into the project's folder; already in
    /// the file, to be applied to the open project as well.
    pub originals: Option<Edit>,
    pub stamp: Option<FileStamp>,
    /// Things that went wrong after the file was written (a stale recovery file kept).
    pub problems: Vec<String>,
    /// The lock on the file, taken when it is not the one the project was in.
    pub lock: Option<Result<store::ProjectLock, store::LockError>>,
}

/// A save being written.
pub struct Saving {
    pub path: PathBuf,
    /// The history generation written.
    pub generation: u64,
    /// What to do once the project is saved: a guarded action answered "Save", or one asked
    /// for while the save ran (the latest wins).
    pub then: Option<PendingAction>,
    task: Task<SaveOutcome>,
}

impl Saving {
    pub fn start(order: SaveOrder, generation: u64, then: Option<PendingAction>, wake: Wake) -> std::io::Result<Self> {
        let path = order.path.clone();
        let task = Task::spawn("save project", wake, move |worker| {
            worker.send(write(order));
        })?;
        Ok(Self { path, generation, then, task })
    }

    /// How the save ended, once it has.
    pub fn poll(&mut self) -> Option<SaveOutcome> {
        if let Some(outcome) = self.task.take() {
            return Some(outcome);
        }
        self.task.is_finished().then(|| {
            SaveOutcome::Failed(format!(
                "Saving {} stopped before it finished. The project is still open and unsaved.",
                self.path.display()
            ))
        })
    }
}

/// Writes the project the order carries: its originals copied in first, then the file,
/// then the recovery files it makes stale removed.
fn write(order: SaveOrder) -> SaveOutcome {
    let SaveOrder { mut project, path, previous, chosen, expected } = order;
    let from_dir = previous.as_deref().and_then(Path::parent);
    if let Some(expected) = expected
        && store::file_stamp(&path) != Some(expected)
    {
        return SaveOutcome::ChangedOnDisk;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let originals = match store::collect_originals(&project, from_dir, &folder, &chosen) {
        Ok(Some(edit)) => {
            if let Err(error) = edit.clone().apply(&mut project) {
                return SaveOutcome::Failed(format!(
                    "Cannot save {}: the sources cannot point at their copied files: {error}. The project is still open and unsaved.",
                    path.display()
                ));
            }
            Some(edit)
        }
        Ok(None) => None,
        Err(error) => {
            return SaveOutcome::Failed(format!(
                "Cannot save {}: cannot copy the source files into {}: {error}. The project is still open and unsaved.",
                path.display(),
                folder.display()
            ));
        }
    };
    if let Err(error) = store::save(&project, &path) {
        let said = match error {
            store::SaveError::Io { .. } => error.to_string(),
            store::SaveError::Serialize(_) => format!("cannot save {}: {error}", path.display()),
        };
        return SaveOutcome::Failed(format!("{said}. The project is still open and unsaved."));
    }
    // The saved file now holds the work; recovery files (beside it, beside the file it was
    // saved from, or the untitled one) are stale.
    let mut problems = Vec::new();
    let stale = [store::recovery_path(previous.as_deref()), store::recovery_path(Some(&path))];
    for recovery in stale.into_iter().flatten() {
        if let Err(error) = store::discard_recovery(&recovery) {
            problems.push(format!("Cannot remove the recovery file {}: {error}", recovery.display()));
        }
    }
    let lock = (previous.as_deref() != Some(path.as_path())).then(|| store::lock_project(&path));
    SaveOutcome::Saved(Box::new(Written { originals, stamp: store::file_stamp(&path), problems, lock }))
}

/// Locks the project file at `path`, telling the analyst what stands in the way.
pub(super) fn lock(path: &Path, effects: &mut Vec<Effect>) -> Option<store::ProjectLock> {
    report_lock(path, store::lock_project(path), effects)
}

/// The lock a worker took on `path`, or what stands in the way told to the analyst.
pub(super) fn report_lock(
    path: &Path,
    taken: Result<store::ProjectLock, store::LockError>,
    effects: &mut Vec<Effect>,
) -> Option<store::ProjectLock> {
    match taken {
        Ok(lock) => {
            if let Some(notice) = lock.notice() {
                effects.push(Effect::Notice(Notice::info(notice)));
            }
            Some(lock)
        }
        Err(store::LockError::Held(holder)) => {
            effects.push(Effect::Notice(Notice::error(format!(
                "{} is also open in another Crosscheck ({holder}). Saving here may overwrite the other copy's work.",
                path.display()
            ))));
            None
        }
        Err(refused @ store::LockError::Refused { .. }) => {
            effects.push(Effect::Notice(Notice::error(refused.to_string())));
            None
        }
        // A folder we cannot write to will say so on save; no lock is no harm.
        Err(store::LockError::Io(_)) => None,
    }
}
