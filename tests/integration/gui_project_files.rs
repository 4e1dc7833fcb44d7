//! The project file read and written off the window's thread: opening a large project
//! shows its progress (and can be cancelled) while the window keeps drawing, and an edit
//! made while a save runs is still unsaved when the save lands.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crosscheck::app::ScriptedDialogs;
use crosscheck::fixtures::{Size, generate};
use eframe::egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app, sample_copy, settle, step_until};

/// A project large enough that reading or writing it spans several frames (about 6 MB).
fn large_project(folder: &Path) -> PathBuf {
    let size = Size { sources: 60, chars_per_source: 60_000, claims: 3_000, evidence: 3_000, conflicts: 100 };
    let path = folder.join("large.ron");
    crosscheck::store::save(&generate(size), &path).expect("saves");
    path
}

/// The claims list's label of the first claim (statements are cut at 90 characters).
fn first_claim_label(harness: &App) -> String {
    let workspace = harness.state().workspace().expect("a project is open");
    let claim = workspace.project.claims.values().next().expect("a claim");
    let line: String = claim.statement.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 90 { line } else { line.chars().take(89).collect::<String>() + "…" }
}

/// Opens `large` through File ▸ Open and steps until its progress is on screen.
fn start_opening(harness: &mut App, dialogs: &ScriptedDialogs, large: &Path) {
    dialogs.answer(vec![large.to_owned()]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    step_until(harness, |h| h.query_by_label("Cancel opening").is_some());
    assert!(harness.state().is_opening(), "the project is read on a worker");
    assert!(harness.query_by_label("Cancel opening").is_some(), "the status bar shows the opening");
}

#[test]
fn opening_a_large_project_shows_progress_then_its_sources() {
    let (folder, path) = sample_copy();
    let large = large_project(folder.path());
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    start_opening(&mut harness, &dialogs, &large);
    assert_eq!(harness.state().workspace().and_then(|w| w.path.clone()), Some(path), "the sample stays meanwhile");

    settle(&mut harness);
    assert!(harness.query_by_label("Cancel opening").is_none(), "the progress is gone");
    assert_eq!(harness.state().workspace().and_then(|w| w.path.clone()), Some(large.clone()));
    let first_source = crosscheck::store::load(&large)
        .expect("loads")
        .project
        .sources
        .values()
        .next()
        .map(|s| s.display_title().to_owned());
    let first_source = first_source.expect("a source");
    assert!(harness.query_all_by_label(&first_source).next().is_some(), "the sources list shows {first_source}");
}

#[test]
fn cancelling_an_opening_keeps_the_open_project() {
    let (folder, path) = sample_copy();
    let large = large_project(folder.path());
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    start_opening(&mut harness, &dialogs, &large);
    harness.get_by_label("Cancel opening").click();
    settle(&mut harness);
    assert!(!harness.state().is_opening());
    assert_eq!(harness.state().workspace().and_then(|w| w.path.clone()), Some(path));
    assert!(harness.query_by_label_contains("Stopped opening").is_some(), "the status bar says so");
}

#[test]
fn an_edit_made_while_saving_keeps_unsaved_changes() {
    let folder = tempfile::tempdir().expect("folder");
    let large = large_project(folder.path());
    let mut harness = app(&large, &ScriptedDialogs::default());
    let claim = first_claim_label(&harness);
    let statement = |project: &crosscheck::model::Project| {
        project.claims.values().next().map(|claim| claim.statement.clone()).expect("a claim")
    };
    let original = statement(&harness.state().workspace().expect("open").project);
    harness.get_by_label(&claim).click();
    harness.run();
    harness.get_by_label("Statement").focus();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    assert!(harness.state().is_saving(), "the file is written on a worker");
    assert!(harness.query_by_label_contains("Saving large.ron").is_some(), "the status bar says so");
    harness.event(Event::Text("!".to_owned()));
    harness.step();
    // The edit is applied after the frame that took the key; the next frame shows it.
    harness.step();
    assert!(harness.state().is_saving(), "typed while the save ran (make the project larger if this fails)");
    assert!(harness.query_by_label("• unsaved changes").is_some());

    settle(&mut harness);
    assert!(!harness.state().is_saving());
    assert!(harness.query_by_label("• unsaved changes").is_some(), "the typed letter is not in the file");
    let typed = statement(&harness.state().workspace().expect("open").project);
    assert_eq!(typed.chars().count(), original.chars().count() + 1, "{typed}");
    let saved = crosscheck::store::load(&large).expect("loads").project;
    assert_eq!(statement(&saved), original, "the save wrote the text as it was when it began");
}
