//! The desktop app: everything that draws, and the only code that knows about egui.
//!
//! The app keeps one [`crate::session::Workspace`] (the open project and its history).
//! Panels read it and push [`actions::Action`]s; [`CrosscheckApp`] carries them out after
//! the frame is drawn, changing the project only through [`crate::edit::Edit`]s.

mod actions;
mod autosave;
mod commands;
mod compare;
pub mod dialogs;
mod document;
mod export_dialog;
mod facts;
mod importing;
mod jobs;
mod lifecycle;
mod menu;
mod panels;
mod prefs;
mod prompts;
mod shell;
pub mod theme;

use std::path::PathBuf;

pub use dialogs::{DialogKind, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use lifecycle::PendingAction;
pub use shell::{CrosscheckApp, Launch};

/// Opens the main window on `project` and runs until it closes.
pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Crosscheck")
            .with_app_id("crosscheck")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Crosscheck",
        options,
        Box::new(move |cc| {
            Ok(Box::new(CrosscheckApp::new(
                cc,
                Launch { project, dialogs: Box::new(NativeDialogs), autosave_after: Launch::AUTOSAVE_AFTER },
            )))
        }),
    )
    .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))
}
