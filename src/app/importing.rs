//! Bringing files in: importing new sources, re-importing changed originals and
//! relinking moved ones, all read on a worker thread with progress and Cancel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use eframe::egui;

use super::shell::CrosscheckApp;
use crate::model::SourceId;
use crate::session::{ImportEvent, ImportJob, Workspace, import_job};

impl CrosscheckApp {
    /// Reads `paths` (folders searched) on a worker: each file `replaces` names replaces
    /// that source's text, the others become new sources.
    pub(super) fn start_import(&mut self, paths: Vec<PathBuf>, replaces: BTreeMap<PathBuf, SourceId>) {
        self.start_import_in_languages(paths, replaces, BTreeMap::new());
    }

    /// [`Self::start_import`], pictures named in `languages` read in their language.
    fn start_import_in_languages(
        &mut self,
        paths: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
        languages: BTreeMap<PathBuf, String>,
    ) {
        if self.import.is_some() {
            self.error("An import is already running; wait for it or cancel it first.");
            return;
        }
        if self.session.workspace().is_none() {
            self.session.workspace = Some(Workspace::new_project());
        }
        let folder = self.session.workspace().and_then(|w| w.folder().map(Path::to_owned));
        match ImportJob::start_in_languages(paths, replaces, languages, folder, self.wake()) {
            Ok(job) => self.import = Some(job),
            Err(error) => self.error(format!("Cannot start importing: {error}")),
        }
    }

    pub(super) fn start_reimport(&mut self, id: SourceId) {
        let Some(workspace) = self.session.workspace() else { return };
        match workspace.original_to_read(id) {
            Ok(file) => {
                // A picture is read again in the source's language (OCR follows it).
                let language = workspace.project.sources.get(&id).map(|source| source.meta.language.clone());
                let languages = language.map(|language| (file.clone(), language)).into_iter().collect();
                self.start_import_in_languages(vec![file.clone()], std::iter::once((file, id)).collect(), languages);
            }
            Err(message) => self.error(message),
        }
    }

    pub(super) fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(job) = self.import.as_mut() else { return };
        let events = job.drain();
        let finished = job.is_finished();
        let replaces = job.replaces.clone();
        self.take_imported(events, &replaces);
        if finished {
            if let Some(earlier) = self.import.take().and_then(|job| job.compare_with) {
                self.compare_captures(earlier);
            }
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
        self.take_imported(events, &replaces);
        "Import cancelled; files already read are kept.".clone_into(&mut self.status);
    }

    /// Hands what the import read to the workspace and carries out what it says.
    fn take_imported(&mut self, events: Vec<ImportEvent>, replaces: &BTreeMap<PathBuf, SourceId>) {
        let Some(workspace) = self.session.workspace.as_mut() else { return };
        for effect in import_job::take_imported(workspace, events, replaces) {
            self.carry_out(effect);
        }
    }
}
