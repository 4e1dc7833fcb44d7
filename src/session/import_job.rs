//! Importing files on a background thread, with progress and cancel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use eframe::egui;

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
    pub total: usize,
    /// Sources whose text the file at each path replaces (re-import or relink); files
    /// not listed become new sources.
    pub replaces: std::collections::HashMap<PathBuf, crate::model::SourceId>,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    events: Receiver<ImportEvent>,
    finished: bool,
}

impl ImportJob {
    /// Starts importing `paths` (folders are searched for importable files).
    pub fn start(paths: Vec<PathBuf>, project_dir: Option<PathBuf>, ctx: &egui::Context) -> std::io::Result<Self> {
        let files = expand(paths);
        let total = files.len();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, events) = mpsc::channel();
        let (thread_done, thread_cancel, ctx) = (done.clone(), cancel.clone(), ctx.clone());
        std::thread::Builder::new().name("import".to_owned()).spawn(move || {
            for file in files {
                if thread_cancel.load(Ordering::Relaxed) {
                    break;
                }
                let event = match store::source_from_file(&file, project_dir.as_deref(), &thread_cancel) {
                    Ok(source) => ImportEvent::Imported { file: file.clone(), source: Box::new(source) },
                    // Cancelled in the middle of this file: nothing to report.
                    Err(store::SourceFileError::Import(crate::import::ImportError::Refused {
                        refusal: crate::import::Refusal::Cancelled,
                        ..
                    })) => break,
                    Err(error) => ImportEvent::Failed(error.to_string()),
                };
                thread_done.fetch_add(1, Ordering::Relaxed);
                if sender.send(event).is_err() {
                    break;
                }
                ctx.request_repaint();
            }
        })?;
        Ok(Self { total, replaces: std::collections::HashMap::new(), done, cancel, events, finished: total == 0 })
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Events that arrived since the last call; `finished` turns true when the thread ends.
    pub fn drain(&mut self) -> Vec<ImportEvent> {
        let mut events = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(event) => events.push(event),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
            }
        }
        events
    }

    pub fn is_finished(&self) -> bool {
        self.finished
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
