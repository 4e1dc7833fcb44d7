//! The app killed with unsaved work at random moments, 50 times: every restart offers the
//! work back, the offered work holds every edit older than the last finished autosave, and
//! the project file itself is never touched.
//!
//! The "GUI process" is a child running the real app in an `egui_kittest` harness, typing
//! into a claim's statement while autosave runs; the parent kills it with SIGKILL.

#![cfg(feature = "gui")]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crosscheck::app::{Launch, ScriptedDialogs};
use crosscheck::model::ClaimId;
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app_autosaving_after, copy_sample_into};

const CHILD_ENV: &str = "CROSSCHECK_KILL_GUI_PROJECT";

fn harness(project: &Path, autosave_after: Duration) -> App {
    app_autosaving_after(project, &ScriptedDialogs::default(), autosave_after)
}

fn statement(harness: &App) -> String {
    harness.state().workspace().map(|w| w.project.claims[&ClaimId(1)].statement.clone()).unwrap_or_default()
}

/// Run by the parent in a child process: types into claim C1's statement forever and
/// prints the statement's length each time an autosave finishes.
#[test]
#[ignore = "runs only as the child of `killing_the_app_never_loses_autosaved_work`"]
fn typing_child() {
    let Ok(project) = std::env::var(CHILD_ENV) else { return };
    let mut harness = harness(Path::new(&project), Duration::ZERO);
    harness.get_by_label_contains("The accord was initialled in Halvik").click();
    harness.run();
    harness.get_by_label("Statement").focus();
    harness.run();
    let mut lengths = std::collections::HashMap::new();
    let mut reported = None;
    loop {
        harness.get_by_label("Statement").type_text("x");
        harness.step();
        let state = harness.state();
        if let Some(workspace) = state.workspace() {
            lengths.insert(workspace.history.generation(), statement(&harness).chars().count());
        }
        let done = harness.state().autosaved_generation();
        if done.is_some() && done != reported {
            if let Some(length) = done.and_then(|generation| lengths.get(&generation)) {
                println!("{length}");
            }
            reported = done;
        }
    }
}

#[test]
fn killing_the_app_never_loses_autosaved_work() {
    let folder = tempfile::tempdir().expect("folder");
    let project = copy_sample_into(folder.path());
    let original = std::fs::read(&project).expect("read");
    let recovery = crosscheck::store::recovery_path(Some(&project)).expect("recovery path");
    let original_length =
        crosscheck::store::load(&project).expect("loads").project.claims[&ClaimId(1)].statement.chars().count();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::fs::remove_file(&recovery).ok();
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "kill_gui::typing_child", "--ignored", "--nocapture", "--quiet", "--test-threads=1"])
            .env(CHILD_ENV, &project)
            .stdout(Stdio::piped())
            .spawn()
            .expect("child starts");
        let lengths = Arc::new(Mutex::new(Vec::<usize>::new()));
        let reader = {
            let lengths = lengths.clone();
            let stdout = child.stdout.take().expect("piped");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Ok(length) = line.trim().parse() {
                        lengths.lock().expect("lock").push(length);
                    }
                }
            })
        };
        // Wait for the first finished autosave, then kill at a random moment after it.
        for _ in 0..1000 {
            if !lengths.lock().expect("lock").is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(seed % 250));
        child.kill().expect("SIGKILL");
        child.wait().expect("child ends");
        reader.join().expect("reader ends");
        let autosaved = lengths.lock().expect("lock").last().copied().expect("at least one autosave finished");

        assert_eq!(std::fs::read(&project).expect("read"), original, "round {round}: the project file changed");
        let recovered = crosscheck::store::load(&recovery)
            .unwrap_or_else(|error| panic!("round {round}: the recovery file does not load: {error}"));
        let length = recovered.project.claims[&ClaimId(1)].statement.chars().count();
        assert!(
            length >= autosaved && length > original_length,
            "round {round}: recovered {length}, autosaved {autosaved}"
        );

        // Every fifth round, restart the app and check it offers the work back.
        if round % 5 == 0 {
            let restarted = harness(&project, Launch::AUTOSAVE_AFTER);
            assert!(restarted.query_by_label_contains("Recover unsaved work?").is_some(), "round {round}: no offer");
        }
    }
}
