//! The "Capture from the web" window (`Ctrl+Shift+I`): web addresses typed or pasted, one
//! per line, handed to the app as a capture action.

use eframe::egui;

use super::actions::{Action, Actions};
use crate::capture::FetchOptions;
use crate::model::SourceId;

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
