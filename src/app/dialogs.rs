//! Native file dialogs, each a [`Task`] off the UI thread, behind a trait so that tests
//! script the answers instead of opening real dialogs.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::session::tasks::{Task, Wake};

/// Which dialog to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    OpenProject,
    SaveProjectAs {
        suggested_name: String,
    },
    ImportSources,
    SaveReport {
        suggested_name: String,
        extension: &'static str,
    },
    /// One document: where a source's original went.
    FindOriginal,
    /// A folder holding moved originals.
    FindOriginalsFolder,
    /// Other analysts' copies of the project (several allowed).
    CompareProjects,
}

/// What a file dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The chosen paths; none when cancelled.
    Chosen(Vec<PathBuf>),
    /// No dialog could be shown, and why: the app shows its own instead.
    NoDialog(String),
}

/// Shows file dialogs. The answer arrives on the returned channel, so the window keeps
/// drawing while a dialog is open.
pub trait FileDialogs {
    fn show(&mut self, kind: DialogKind, wake: Wake) -> Task<DialogAnswer>;
}

/// A native dialog that answers "nothing chosen" sooner than this was never on screen:
/// rfd reports a missing portal (and a missing zenity after it) as a cancel, and no one
/// cancels a dialog that fast.
const NEVER_SHOWN: std::time::Duration = std::time::Duration::from_millis(150);

/// The operating system's dialogs, through `rfd`, each on its own thread.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn show(&mut self, kind: DialogKind, wake: Wake) -> Task<DialogAnswer> {
        let spawned = Task::spawn("file dialog", wake, move |worker| {
            let started = std::time::Instant::now();
            let project_filter = |dialog: rfd::FileDialog| dialog.add_filter("Crosscheck project", &["ron"]);
            let chosen: Vec<PathBuf> = match kind {
                DialogKind::OpenProject => {
                    project_filter(rfd::FileDialog::new().set_title("Open project")).pick_file().into_iter().collect()
                }
                DialogKind::SaveProjectAs { suggested_name } => {
                    project_filter(rfd::FileDialog::new().set_title("Save project as").set_file_name(suggested_name))
                        .save_file()
                        .into_iter()
                        .collect()
                }
                DialogKind::SaveReport { suggested_name, extension } => rfd::FileDialog::new()
                    .set_title("Save report")
                    .set_file_name(suggested_name)
                    .add_filter("Report", &[extension])
                    .save_file()
                    .into_iter()
                    .collect(),
                DialogKind::FindOriginal => {
                    rfd::FileDialog::new().set_title("Find the moved original").pick_file().into_iter().collect()
                }
                DialogKind::FindOriginalsFolder => rfd::FileDialog::new()
                    .set_title("Folder with the moved originals")
                    .pick_folder()
                    .into_iter()
                    .collect(),
                DialogKind::CompareProjects => {
                    project_filter(rfd::FileDialog::new().set_title("Compare judgements with other copies"))
                        .pick_files()
                        .unwrap_or_default()
                }
                DialogKind::ImportSources => rfd::FileDialog::new()
                    .set_title("Import sources")
                    .add_filter("Documents", &crate::import::supported_extensions())
                    .pick_files()
                    .unwrap_or_default(),
            };
            let answer = if chosen.is_empty() && started.elapsed() < NEVER_SHOWN {
                DialogAnswer::NoDialog(
                    "This desktop offers no file dialog (no XDG desktop portal, no zenity), so Crosscheck shows its own."
                        .to_owned(),
                )
            } else {
                DialogAnswer::Chosen(chosen)
            };
            // The app may have moved on (closed the project); nobody waiting is fine.
            worker.send(answer);
        });
        spawned.unwrap_or_else(|error| {
            Task::done("file dialog", vec![DialogAnswer::NoDialog(format!("No thread for the file dialog: {error}."))])
        })
    }
}

/// Dialogs whose answers a test queues in advance; records what was asked.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    inner: Arc<Mutex<Script>>,
}

#[derive(Default)]
struct Script {
    answers: VecDeque<DialogAnswer>,
    asked: Vec<DialogKind>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn answer(&self, paths: Vec<PathBuf>) {
        if let Ok(mut script) = self.inner.lock() {
            script.answers.push_back(DialogAnswer::Chosen(paths));
        }
    }

    /// Queues "no native dialog could be shown" as the next answer, as on a desktop
    /// without a portal.
    pub fn no_native_dialog(&self) {
        if let Ok(mut script) = self.inner.lock() {
            script.answers.push_back(DialogAnswer::NoDialog("No file dialog in this test.".to_owned()));
        }
    }

    /// The dialogs shown so far.
    pub fn asked(&self) -> Vec<DialogKind> {
        self.inner.lock().map(|script| script.asked.clone()).unwrap_or_default()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn show(&mut self, kind: DialogKind, _wake: Wake) -> Task<DialogAnswer> {
        let answer = self.inner.lock().map_or(DialogAnswer::Chosen(Vec::new()), |mut script| {
            script.asked.push(kind);
            script.answers.pop_front().unwrap_or(DialogAnswer::Chosen(Vec::new()))
        });
        Task::done("scripted dialog", vec![answer])
    }
}
