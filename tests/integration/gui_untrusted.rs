//! The desktop app on project folders built as an attacker would build them (issue 12):
//! what it refuses to read, copy or write over, and what it tells the analyst.

#![cfg(all(feature = "gui", unix))]

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use crosscheck::app::ScriptedDialogs;
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;

use super::gui_support::{app, copy_sample_into, settle};

const WIRE_STORY: &str = "Varenland, Kessary agree Sella river flow guarantee and 40 mln euro dam fund";

/// `root/project/` holds a copy of the sample project; `root/victim/` a private file.
fn attack() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().expect("folder");
    let project = copy_sample_into(&root.path().join("project"));
    let victim = root.path().join("victim/id_ed25519");
    std::fs::create_dir_all(root.path().join("victim")).expect("create");
    std::fs::write(&victim, "-----BEGIN OPENSSH PRIVATE KEY-----\n").expect("write");
    (root, project, victim)
}

fn name_wire_original(project: &Path, path: &str) {
    let text = std::fs::read_to_string(project).expect("read");
    std::fs::write(project, text.replace("\"sources/wire.txt\"", &format!("{path:?}"))).expect("write");
}

#[test]
fn an_outside_original_is_marked_with_a_notice_and_never_copied_in_on_save() {
    for outside in ["absolute", "../victim/id_ed25519"] {
        let (_root, project, victim) = attack();
        let named = if outside == "absolute" { victim.display().to_string() } else { outside.to_owned() };
        name_wire_original(&project, &named);
        let mut harness = app(&project, &ScriptedDialogs::default());
        let notices = harness.state().notices().join("\n");
        assert!(notices.contains("did not read") && notices.contains(&named), "{outside}: {notices}");
        let refused = harness.state().workspace().map_or(0, |w| {
            w.original_status.values().filter(|s| matches!(s, crosscheck::store::OriginalStatus::Refused(_))).count()
        });
        assert_eq!(refused, 1, "{outside}: the source is marked");

        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        settle(&mut harness);
        let folder = project.parent().expect("folder");
        assert!(!folder.join("sources/id_ed25519").exists(), "{outside}: the private file was copied in");
        let saved = std::fs::read_to_string(&project).expect("read");
        assert!(saved.contains(&format!("{named:?}")), "{outside}: the source still names the outside path");
    }
}

#[test]
fn a_source_linked_out_of_the_project_offers_relink_not_reimport() {
    let (_root, project, victim) = attack();
    let wire = project.parent().expect("folder").join("sources/wire.txt");
    std::fs::remove_file(&wire).expect("remove");
    symlink(&victim, &wire).expect("link");
    let mut harness = app(&project, &ScriptedDialogs::default());
    harness.get_by_role_and_label(Role::Button, WIRE_STORY).click();
    harness.run();
    assert!(harness.query_all_by_label_contains("symbolic link").next().is_some(), "the app says why");
    assert!(harness.query_by_label("Re-import from original").is_none(), "no way to read the link");
    assert!(harness.query_by_label("Relink…").is_some());
    let workspace = harness.state().workspace().expect("open");
    let id = *workspace.original_status.keys().next().expect("flagged");
    let refused = workspace.original_to_read(id).expect_err("refused");
    assert!(refused.contains("symbolic link"), "{refused}");
}

/// Issue 12, item 1: `git clone` of a repository with `.p.ron.lock -> ../home/.bashrc`
/// and opening it overwrote `.bashrc`; quitting then removed the link.
#[test]
fn a_lock_link_planted_in_the_folder_is_reported_and_its_target_untouched() {
    let (root, project, _victim) = attack();
    let bashrc = root.path().join("victim/.bashrc");
    std::fs::write(&bashrc, "alias ls='ls --color'\n").expect("write");
    let lock = crosscheck::store::lock_path(&project);
    symlink(&bashrc, &lock).expect("link");
    let harness = app(&project, &ScriptedDialogs::default());
    assert!(harness.state().workspace().is_some(), "the project opens");
    let notices = harness.state().notices().join("\n");
    assert!(notices.contains(".harbour-accord.ron.lock is a symbolic link"), "{notices}");
    drop(harness);
    assert_eq!(std::fs::read_to_string(&bashrc).expect("read"), "alias ls='ls --color'\n");
    assert!(std::fs::symlink_metadata(&lock).expect("the link stays").file_type().is_symlink());
}

/// Issue 12, item 5, in the app: saving a report over the open project replaced it.
#[test]
fn the_export_dialog_refuses_to_save_a_report_over_the_project() {
    let (_root, project, _victim) = attack();
    let before = std::fs::read(&project).expect("read");
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&project, &dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Markdown report").click();
    harness.run();
    dialogs.answer(vec![project.clone()]);
    harness.get_by_label("Save report…").click();
    for _ in 0..200 {
        harness.step();
        if !harness.state().notices().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let notices = harness.state().notices().join("\n");
    assert!(notices.contains("harbour-accord.ron is a Crosscheck project file name"), "{notices}");
    assert_eq!(std::fs::read(&project).expect("read"), before, "the project is untouched");
}

/// Issue 12, item 6: "Reload from disk" closed the project, and the unsaved work with it,
/// when the file on disk no longer loaded (git conflict markers, a folder in its place).
#[test]
fn reload_keeps_the_window_s_work_when_the_file_on_disk_does_not_load() {
    for breakage in ["conflict markers", "a folder"] {
        let (_root, project, _victim) = attack();
        let mut harness = app(&project, &ScriptedDialogs::default());
        harness.get_by_label_contains("The accord was initialled in Halvik").click();
        harness.run();
        harness.get_by_label("Verdict").click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, "Mixed").click();
        harness.run();
        let ours = harness.state().workspace().expect("open").project.clone();
        std::thread::sleep(std::time::Duration::from_millis(20));
        if breakage == "a folder" {
            std::fs::remove_file(&project).expect("remove");
            std::fs::create_dir(&project).expect("a folder in its place");
        } else {
            let text = std::fs::read_to_string(&project).expect("read");
            std::fs::write(&project, format!("<<<<<<< HEAD\n{text}=======\n>>>>>>> theirs\n")).expect("write");
        }
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        settle(&mut harness);
        harness.get_by_label("Reload from disk").click();
        settle(&mut harness);
        let workspace = harness.state().workspace().unwrap_or_else(|| panic!("{breakage}: the project stays open"));
        assert_eq!(workspace.project, ours, "{breakage}: the window's work is kept");
        assert!(workspace.history.has_unsaved_changes(), "{breakage}: and still unsaved");
        let notices = harness.state().notices().join("\n");
        assert!(notices.contains("Not reloaded") && notices.contains("harbour-accord.ron"), "{breakage}: {notices}");
        assert!(notices.contains("Save As"), "{breakage}: {notices}");
    }
}

/// Save As into a folder with a link planted at the new lock's name: the link is left
/// alone and the analyst hears of it, as on open.
#[test]
fn save_as_next_to_a_planted_lock_link_reports_it_and_leaves_its_target() {
    let (root, project, _victim) = attack();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&project, &dialogs);
    let bashrc = root.path().join("victim/.bashrc");
    std::fs::write(&bashrc, "alias ls='ls --color'\n").expect("write");
    let elsewhere = root.path().join("shared/moved.ron");
    std::fs::create_dir_all(elsewhere.parent().expect("parent")).expect("create");
    symlink(&bashrc, crosscheck::store::lock_path(&elsewhere)).expect("link");
    dialogs.answer(vec![elsewhere.clone()]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut harness);
    assert!(elsewhere.exists(), "saved");
    let notices = harness.state().notices().join("\n");
    assert!(notices.contains(".moved.ron.lock is a symbolic link"), "{notices}");
    assert_eq!(std::fs::read_to_string(&bashrc).expect("read"), "alias ls='ls --color'\n");
}
