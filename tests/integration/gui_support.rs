//! What the GUI tests share: a private copy of the sample project, the app opened on it in
//! an `egui_kittest` harness, and stepping the app until work on its threads has landed.
//!
//! The app reads and writes the project file, checks originals, imports and compares on
//! worker threads; `harness.run()` only steps while the app asks for a frame at once, so a
//! test that needs a worker's result steps with [`step_until`] or [`settle`].

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::time::Duration;

use crosscheck::app::{CrosscheckApp, Launch, ScriptedDialogs};
use crosscheck::model::Project;
use eframe::egui::{Key, Modifiers, Pos2, Role, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

pub type App = Harness<'static, CrosscheckApp>;

/// Copies the sample project and its sources into `folder`; returns the project file.
pub fn copy_sample_into(folder: &Path) -> PathBuf {
    let from = crosscheck::sample_project_path().parent().expect("sample folder").to_owned();
    std::fs::create_dir_all(folder.join("sources")).expect("create");
    for entry in std::fs::read_dir(from.join("sources")).expect("list") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), folder.join("sources").join(entry.file_name())).expect("copy");
    }
    let project = folder.join("harbour-accord.ron");
    std::fs::copy(crosscheck::sample_project_path(), &project).expect("copy");
    project
}

/// A private copy of the sample project, so tests can save over it.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("folder");
    let project = copy_sample_into(folder.path());
    (folder, project)
}

/// The app on `project`, opened and with its originals checked.
pub fn app(project: &Path, dialogs: &ScriptedDialogs) -> App {
    app_autosaving_after(project, dialogs, Launch::AUTOSAVE_AFTER)
}

/// [`app`], writing the recovery file `autosave_after` an edit.
pub fn app_autosaving_after(project: &Path, dialogs: &ScriptedDialogs, autosave_after: Duration) -> App {
    let project = project.to_owned();
    let dialogs = dialogs.clone();
    // Background work (previews, comparisons) wakes the app a few times before it settles.
    let mut harness = Harness::builder().with_size(vec2(1440.0, 900.0)).with_max_steps(64).build_eframe(move |cc| {
        CrosscheckApp::new(cc, Launch { project: Some(project), dialogs: Box::new(dialogs), autosave_after })
    });
    settle(&mut harness);
    harness
}

/// Runs the app until it rests with no project file being read or written and no
/// originals being checked (opening a project starts that check).
pub fn settle(harness: &mut App) {
    harness.run();
    step_until(harness, |h| {
        let app = h.state();
        !app.is_opening() && !app.is_saving() && !app.is_checking_originals()
    });
    harness.run();
}

/// Steps frame by frame, giving worker threads time, until `done` holds (or 5 s pass).
pub fn step_until(harness: &mut App, done: impl Fn(&App) -> bool) {
    for _ in 0..500 {
        harness.step();
        if done(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn project(harness: &App) -> Project {
    harness.state().workspace().expect("a project is open").project.clone()
}

/// Presses a shortcut and lets what it started (a save, an opening) finish.
pub fn shortcut(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    settle(harness);
}

pub fn undo(harness: &mut App) {
    shortcut(harness, Modifiers::COMMAND, Key::Z);
}

pub fn redo(harness: &mut App) {
    shortcut(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
}

pub fn select_claim(harness: &mut App, statement_start: &str) {
    harness.get_by_label_contains(statement_start).click();
    harness.run();
}

/// Changes the first claim's verdict through the inspector.
pub fn change_first_verdict(harness: &mut App, verdict: &str) {
    select_claim(harness, "The accord was initialled in Halvik");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, verdict).click();
    harness.run();
}

/// Drags the mouse across `width` points of the line whose text contains `line_text`.
pub fn drag_across(harness: &mut App, line_text: &str, width: f32) {
    let rect = harness.get_by_label_contains(line_text).rect();
    let start = rect.left_top() + vec2(1.0, 10.0);
    let end: Pos2 = start + vec2(width, 0.0);
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(start + vec2(width * step as f32 / 4.0, 0.0));
        harness.run();
    }
    harness.drop_at(end);
    harness.run();
}

/// Selects the first occurrence of `text` through Find (Ctrl+F, type, Enter).
pub fn find_and_select(harness: &mut App, text: &str) {
    shortcut(harness, Modifiers::COMMAND, Key::F);
    let field = harness.get_by_label("Find");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Find").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let range = harness.state().workspace().and_then(|w| w.text_selection).expect("the result is selected");
    assert_eq!(range.end - range.start, text.chars().count());
}

/// Steps until the facts table, read on a worker, is on screen.
pub fn wait_for_facts(harness: &mut App) {
    step_until(harness, |h| {
        h.query_all_by_label("Reading the facts…").next().is_none()
            && h.query_all_by_label_contains(" facts").next().is_some()
    });
    harness.run();
}

/// The window loses or regains focus, as when the analyst switches to a terminal and back.
pub fn set_window_focus(harness: &mut App, focused: bool) {
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().focused = Some(focused);
    settle(harness);
}

/// Another program saves the project with a different title.
pub fn change_on_disk(path: &Path) -> Project {
    let mut theirs = crosscheck::store::load(path).expect("loads").project;
    "Edited in another window".clone_into(&mut theirs.info.title);
    std::thread::sleep(Duration::from_millis(20));
    crosscheck::store::save(&theirs, path).expect("saves");
    theirs
}
