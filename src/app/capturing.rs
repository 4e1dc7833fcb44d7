//! Capturing sources from the web: the address window (`Ctrl+Shift+I`), addresses pasted
//! into the window, and "Capture again". The capture runs as an import ([`ImportJob`]),
//! with its progress bar and Cancel; each page becomes an undoable new source.

use eframe::egui;

use super::actions::{Action, Actions};
use super::shell::{CentralView, CrosscheckApp};
use crate::capture::FetchOptions;
use crate::model::SourceId;
use crate::session::ImportJob;

/// The "Capture from the web" window.
#[derive(Default)]
pub struct CaptureDialog {
    pub open: bool,
    pub addresses: String,
    /// How fetches behave; tests shorten the time-out.
    pub options: FetchOptions,
    /// The newest source when a "Capture again" started, to tell the new capture apart.
    pub newest_before: Option<SourceId>,
    /// Give the address field the keyboard on the next frame (just opened).
    pub focus: bool,
}

impl CaptureDialog {
    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Actions) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Capture from the web").open(&mut open).collapsible(false).resizable(true).show(ctx, |ui| {
            let label = ui.label("Web addresses, one per line");
            let field = ui
                .add(
                    egui::TextEdit::multiline(&mut self.addresses)
                        .hint_text("https://example.org/story")
                        .desired_rows(4)
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            ui.weak("Each page is fetched now, kept as a WARC archive in the project's sources folder, and added as a source with when and where it was captured.");
            ui.horizontal(|ui| {
                let urls = web_addresses(&self.addresses);
                let capture = ui.add_enabled(!urls.is_empty(), egui::Button::new("Capture"));
                if capture.clicked() {
                    actions.push(Action::CaptureUrls(urls));
                    self.addresses.clear();
                    self.open = false;
                }
                if ui.button("Close").clicked() {
                    self.open = false;
                }
            });
        });
        self.open &= open;
    }
}

/// The `http(s)` addresses in `text`, one per line or separated by spaces.
pub fn web_addresses(text: &str) -> Vec<String> {
    text.split_whitespace().filter(|word| crate::capture::parse_web_url(word).is_ok()).map(str::to_owned).collect()
}

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

#[cfg(test)]
mod tests {
    use super::web_addresses;

    #[test]
    fn only_web_addresses_are_taken_from_pasted_text() {
        assert_eq!(
            web_addresses("https://a.example/x\n  http://b.example/y?z=1 notes ftp://c.example/"),
            ["https://a.example/x", "http://b.example/y?z=1"]
        );
    }
}
