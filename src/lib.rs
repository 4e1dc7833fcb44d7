//! Crosscheck: a workbench for fact-checkers.
//!
//! The library holds everything but the window: the project model, edits and history,
//! project files, importers, report exports. The desktop app in `app` draws the model and sends edits.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod capture;
pub mod check;
pub mod edit;
pub mod export;
pub mod fixtures;
pub mod history;
pub mod import;
pub mod model;
pub mod ocr;
pub mod query;
pub mod sample;
pub mod search;
pub mod session;
pub mod store;
pub mod teamwork;
pub mod terminal;
pub mod wording;

pub use sample::sample_project_path;
