//! Capturing sources from the web: the address window's captures, addresses pasted into
//! the window, and "Capture again". The capture runs as an import ([`ImportJob`]), with its
//! progress bar and Cancel; each page becomes an undoable new source.

use eframe::egui;

use super::actions::Action;
use super::capture_dialog::web_addresses;
use super::shell::{CentralView, CrosscheckApp};
use crate::capture::FetchOptions;
use crate::model::SourceId;
use crate::session::ImportJob;

impl CrosscheckApp {
    /// How captures fetch from now on (the time-out, the size cap, whether a proxy from the
    /// environment is used).
    pub fn set_fetch_options(&mut self, options: FetchOptions) {
        self.capture.options = options;
    }

    /// Captures `urls` (or, with `again`, that source's page anew) on a worker.
    pub(super) fn start_capture(&mut self, urls: Vec<String>, again: Option<SourceId>) {
        if self.import.is_some() {
            self.error("An import is already running; wait for it or cancel it first.");
            return;
        }
        let Some(workspace) = self.session.workspace() else {
            self.error("Open or start a project first.");
            return;
        };
        let Some(folder) = workspace.folder().map(std::path::Path::to_owned) else {
            self.error("Save the project first: a capture is kept as a WARC archive in the project's sources folder.");
            return;
        };
        self.capture.newest_before = workspace.project.sources.keys().next_back().copied();
        let again = again.and_then(|id| workspace.project.sources.get(&id).map(|source| (id, source.clone())));
        match ImportJob::capture(urls, again, folder, self.capture.options.clone(), self.wake()) {
            Ok(job) => {
                "Capturing…".clone_into(&mut self.status);
                self.import = Some(job);
            }
            Err(error) => self.error(format!("Cannot start capturing: {error}")),
        }
    }

    /// After "Capture again": shows the earlier capture and the newest side by side.
    pub(super) fn compare_captures(&mut self, earlier: SourceId) {
        let before = self.capture.newest_before.take();
        let Some(workspace) = self.session.workspace() else { return };
        let newest = workspace.project.sources.keys().next_back().copied();
        if let Some(newest) = newest.filter(|&newest| Some(newest) != before && newest != earlier) {
            self.compare.base = Some(earlier);
            self.compare.others = vec![newest];
            self.compare.pair = 0;
            self.central = CentralView::Compare;
        }
    }

    /// Web addresses pasted while no text field has the keyboard become captures.
    pub(super) fn handle_pasted_addresses(&mut self, ctx: &egui::Context) {
        if ctx.memory(|memory| memory.focused().is_some()) || self.capture.open {
            return;
        }
        let pasted: Vec<String> = ctx.input(|input| {
            input
                .events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::Paste(text) => Some(web_addresses(text)),
                    _ => None,
                })
                .flatten()
                .collect()
        });
        if !pasted.is_empty() {
            self.actions.push(Action::CaptureUrls(pasted));
        }
    }
}
