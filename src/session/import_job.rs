//! Importing files as a [`Task`]: folders are walked and each file read on the task's
//! thread, so a dropped folder of hundreds of PDFs never holds up the window.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::tasks::{Progress, Task, Wake};
use crate::model::SourceId;
use crate::store::{self, NewSource};

/// What the import thread reports.
pub enum ImportEvent {
    /// Boxed: a source carries its whole text, a failure only a message.
    Imported {
        file: PathBuf,
        source: Box<NewSource>,
    },
    Failed(String),
}

/// A running import.
pub struct ImportJob {
    /// Sources whose text the file at each path replaces (re-import or relink); files
    /// not listed become new sources.
    pub replaces: BTreeMap<PathBuf, SourceId>,
    task: Task<ImportEvent>,
}

impl ImportJob {
    /// Starts importing `paths` (folders are searched for importable files).
    pub fn start(
        paths: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
        project_dir: Option<PathBuf>,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let task = Task::spawn("import", wake, move |worker| {
            let files = expand(paths);
            worker.set_total(files.len());
            for file in files {
                if worker.is_cancelled() {
                    break;
                }
                let event = match store::source_from_file(&file, project_dir.as_deref(), worker.cancel_flag()) {
                    Ok(source) => ImportEvent::Imported { file: file.clone(), source: Box::new(source) },
                    // Cancelled in the middle of this file: nothing to report.
                    Err(store::SourceFileError::Import(crate::import::ImportError::Refused {
                        refusal: crate::import::Refusal::Cancelled,
                        ..
                    })) => break,
                    Err(error) => ImportEvent::Failed(error.to_string()),
                };
                worker.advance();
                if !worker.send(event) {
                    break;
                }
            }
        })?;
        Ok(Self { replaces, task })
    }

    pub fn progress(&self) -> Progress {
        self.task.progress()
    }

    pub fn cancel(&self) {
        self.task.cancel();
    }

    /// Events that arrived since the last call; `is_finished` turns true when the thread ends.
    pub fn drain(&mut self) -> Vec<ImportEvent> {
        self.task.drain()
    }

    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }
}

/// The files to import: given files as they are, folders searched (one level deep and
/// below) for files with a supported extension, in name order.
fn expand(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_folder(&path, &mut files, 0);
        } else {
            files.push(path);
        }
    }
    files
}

fn collect_folder(folder: &Path, files: &mut Vec<PathBuf>, depth: usize) {
    const DEEPEST: usize = 8;
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth < DEEPEST {
                collect_folder(&path, files, depth + 1);
            }
        } else if crate::import::is_supported(&path) {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ImportEvent, ImportJob};
    use std::sync::Arc;

    #[test]
    fn a_folder_is_walked_on_the_task_s_thread_and_each_supported_file_read() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let nested = folder.path().join("nested");
        std::fs::create_dir(&nested).expect("folder");
        std::fs::write(folder.path().join("a.txt"), "First source.").expect("write");
        std::fs::write(nested.join("b.md"), "Second source.").expect("write");
        std::fs::write(folder.path().join("ignored.xyz"), "Not a document.").expect("write");
        let started = std::time::Instant::now();
        let mut job = ImportJob::start(
            vec![folder.path().to_owned()],
            std::collections::BTreeMap::default(),
            None,
            Arc::new(|| {}),
        )
        .expect("starts");
        let mut events = Vec::new();
        while !job.is_finished() && started.elapsed() < std::time::Duration::from_secs(10) {
            events.extend(job.drain());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let imported: Vec<String> = events
            .iter()
            .filter_map(|event| match event {
                ImportEvent::Imported { file, .. } => file.file_name().map(|n| n.to_string_lossy().into_owned()),
                ImportEvent::Failed(_) => None,
            })
            .collect();
        assert_eq!(imported, ["a.txt", "b.md"]);
        assert_eq!((job.progress().done, job.progress().total), (2, 2));
    }
}
