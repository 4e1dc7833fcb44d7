//! Bringing files in: importing new sources, re-importing changed originals and
//! relinking moved ones, all read on a worker thread with progress and Cancel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use eframe::egui;

use super::shell::CrosscheckApp;
use crate::edit::Edit;
use crate::model::SourceId;
use crate::session::{ImportEvent, ImportJob, Notice, Workspace};

impl CrosscheckApp {
    /// Reads `paths` (folders searched) on a worker: each file `replaces` names replaces
    /// that source's text, the others become new sources.
    pub(super) fn start_import(&mut self, paths: Vec<PathBuf>, replaces: BTreeMap<PathBuf, SourceId>) {
        if self.import.is_some() {
            self.error("An import is already running; wait for it or cancel it first.");
            return;
        }
        if self.session.workspace().is_none() {
            self.session.workspace = Some(Workspace::new_project());
        }
        let folder = self.session.workspace().and_then(|w| w.folder().map(Path::to_owned));
        match ImportJob::start(paths, replaces, folder, self.wake()) {
            Ok(job) => self.import = Some(job),
            Err(error) => self.error(format!("Cannot start importing: {error}")),
        }
    }

    pub(super) fn start_reimport(&mut self, id: SourceId) {
        let Some(workspace) = self.session.workspace() else { return };
        match workspace.original_to_read(id) {
            Ok(file) => self.start_import(vec![file.clone()], std::iter::once((file, id)).collect()),
            Err(message) => self.error(message),
        }
    }

    /// Replaces a source's text with a fresh import of its original, re-finding every
    /// passage, and tells the analyst what moved and what could not be found.
    pub(super) fn finish_reimport(&mut self, id: SourceId, new: crate::store::NewSource) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        let Some(reanchored) = crate::analysis::reanchor_source(&workspace.project, id, new.source.content) else {
            self.error(format!("Source {id} no longer exists."));
            return;
        };
        let report = &reanchored.report;
        let (moved, orphaned) = (report.moved(), report.orphaned());
        let unchanged = report.passages.len() - moved - orphaned;
        match workspace.apply(reanchored.edit, None) {
            Ok(()) => {
                workspace.reveal(id, None);
                let mut message = format!(
                    "Re-imported {id}: {unchanged} passages unchanged, {moved} moved, {orphaned} could not be found"
                );
                if orphaned > 0 {
                    message.push_str(" (marked orphaned for review)");
                }
                self.notices.push(Notice::info(message));
                self.check_originals();
            }
            Err(error) => self.error(format!("Cannot replace the text of {id}: {error}")),
        }
    }

    pub(super) fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(job) = self.import.as_mut() else { return };
        let events = job.drain();
        let finished = job.is_finished();
        let replaces = job.replaces.clone();
        self.apply_import_events(events, &replaces);
        if finished {
            self.import = None;
        } else {
            // The import thread wakes the UI on each file; this keeps the progress bar moving between.
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
    }

    /// Stops the import at once: files already read are added, and the file being read is
    /// dropped when it is done (a PDF's child process ends by its deadline at the latest).
    pub(super) fn cancel_import(&mut self) {
        let Some(mut job) = self.import.take() else { return };
        job.cancel();
        let events = job.drain();
        let replaces = job.replaces.clone();
        // Dropping the job closes its channel; the thread stops at its next file.
        drop(job);
        self.apply_import_events(events, &replaces);
        "Import cancelled; files already read are kept.".clone_into(&mut self.status);
    }

    /// Notes that the analyst picked `file`, so that a first save may copy it in.
    fn remember_chosen(&mut self, file: &Path) {
        if let Some(workspace) = self.session.workspace.as_mut() {
            workspace.chosen_originals.insert(std::path::absolute(file).unwrap_or_else(|_| file.to_owned()));
        }
    }

    /// Adds or replaces the sources an import read, as one undoable step.
    fn apply_import_events(&mut self, events: Vec<ImportEvent>, replaces: &BTreeMap<PathBuf, SourceId>) {
        let mut fresh = Vec::new();
        for event in events {
            match event {
                ImportEvent::Imported { file, source } => {
                    self.remember_chosen(&file);
                    match replaces.get(&file) {
                        Some(&id) => self.finish_reimport(id, *source),
                        None => fresh.push(ImportEvent::Imported { file, source }),
                    }
                }
                failed @ ImportEvent::Failed(_) => fresh.push(failed),
            }
        }
        let events = fresh;
        let mut edits = Vec::new();
        for event in events {
            match event {
                ImportEvent::Imported { source: new, .. } => {
                    let Some(workspace) = self.session.workspace.as_mut() else { continue };
                    let id = workspace.project.ids.next_source();
                    for note in &new.notes {
                        self.notices.push(Notice::info(format!("{}: {note}", new.source.display_title())));
                    }
                    edits.push(Edit::InsertSource { id, source: Box::new(new.source) });
                }
                ImportEvent::Failed(message) => self.notices.push(Notice::error(message)),
            }
        }
        if !edits.is_empty()
            && let Some(workspace) = self.session.workspace.as_mut()
        {
            let first = match edits.first() {
                Some(Edit::InsertSource { id, .. }) => Some(*id),
                _ => None,
            };
            let count = edits.len();
            let label = if count == 1 { "Import 1 source".to_owned() } else { format!("Import {count} sources") };
            match workspace.apply(Edit::Batch { label, edits }, None) {
                Ok(()) => {
                    if let Some(id) = first {
                        workspace.reveal(id, None);
                    }
                    self.status = format!("Imported {count} source{}", if count == 1 { "" } else { "s" });
                    self.check_originals();
                }
                Err(error) => self.notices.push(Notice::error(format!("Cannot add the imported sources: {error}"))),
            }
        }
    }
}
