//! The desktop app: everything that draws, and the only code that knows about egui.
//!
//! The app draws a [`crate::session::Session`] (the open project, its history, the one
//! question waiting for an answer) and sends it requests; the rules live there, without
//! egui. Panels read the session and push [`actions::Action`]s; [`CrosscheckApp`] carries
//! them out after the frame is drawn, changing the project only through
//! [`crate::edit::Edit`]s.
//!
//! Layering: imports run downwards only, so there is no loop (within a layer a file may use
//! one listed before it: `commands` uses `actions`, `compare` uses `panels`).
//! 1. `theme`, `prefs`, `actions`, `commands`, `dialogs`: values, the look, and egui glue
//!    for the session's commands and tasks.
//! 2. `panels`, `document`, `compare`, `facts`, `agreement`, `export_dialog`,
//!    `file_dialog`, `capture_dialog`, `merge_conflicts`, `prompts`, `menu`: draw what they
//!    are given (the session or a workspace) and push actions.
//! 3. `shell`: the window's state and the order a frame runs in.
//! 4. `effects`, `run`, `searching`, `importing`, `capturing`, `background`: carrying out
//!    what a frame asked for, each a part of [`CrosscheckApp`]'s work named by what it does.

mod actions;
mod agreement;
mod background;
mod capture_dialog;
mod capturing;
mod commands;
mod compare;
pub mod dialogs;
mod document;
mod effects;
mod export_dialog;
mod facts;
mod file_dialog;
mod importing;
mod menu;
mod merge_conflicts;
mod panels;
mod prefs;
mod prompts;
mod run;
mod searching;
mod shell;
pub mod theme;

use std::path::PathBuf;

pub use crate::session::PendingAction;
pub use dialogs::{DialogAnswer, DialogKind, FileDialogs, NativeDialogs, ScriptedDialogs};
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
