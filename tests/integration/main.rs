//! Crosscheck's integration tests, linked into one test binary: each file below used to be
//! its own binary, and each linked the whole app (egui included) again. One binary keeps
//! `cargo test` fast to link and `target/` small enough for the CI machine's disk.

mod article_extraction;
mod capture;
mod cli;
mod export_cli;
mod export_escaping;
mod export_sample;
mod fuzz_regressions;
mod gui_agreement;
mod gui_analysis;
mod gui_editing;
mod gui_importing;
mod gui_lifecycle;
mod gui_merge_conflicts;
mod gui_pictures;
mod gui_project_files;
mod gui_recovery;
mod gui_reports;
mod gui_support;
mod gui_untrusted;
mod kill_gui;
mod kill_save;
mod ocr;
mod ocr_scanned;
mod print_report;
mod roundtrip;
mod teamwork_git;
mod untrusted_projects;
