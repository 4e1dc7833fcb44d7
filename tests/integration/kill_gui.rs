//! The app killed with unsaved work at random moments, 50 times: every restart offers the
//! work back, the offered work holds every edit older than the last finished autosave, and
//! the project file itself is never touched.
//!
//! The "GUI process" is a child running the real app in an `egui_kittest` harness, typing
//! into a claim's statement while autosave runs; the parent kills it with SIGKILL.

#![cfg(feature = "gui")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crosscheck::app::{CrosscheckApp, Launch, ScriptedDialogs};
use crosscheck::model::ClaimId;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const CHILD_ENV: &str = "CROSSCHECK_KILL_GUI_PROJECT";

fn harness(project: &Path, autosave_after: Duration) -> Harness<'static, CrosscheckApp> {
    let project = project.to_owned();
    let mut harness =
        Harness::builder().with_size(eframe::egui::vec2(1440.0, 900.0)).with_max_steps(64).build_eframe(move |cc| {
            CrosscheckApp::new(
                cc,
                Launch { project: Some(project), dialogs: Box::new(ScriptedDialogs::default()), autosave_after },
            )
        });
    harness.run();
    harness
}

fn statement(harness: &Harness<'_, CrosscheckApp>) -> String {
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

fn sample_copy(folder: &Path) -> PathBuf {
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

#[test]
fn killing_the_app_never_loses_autosaved_work() {
    let folder = tempfile::tempdir().expect("folder");
    let project = sample_copy(folder.path());
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
