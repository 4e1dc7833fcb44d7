//! Project folders built as an attacker would build them (issue 12): each test makes its
//! own in a temporary folder and checks that opening, checking, saving or exporting it
//! touches nothing outside the project and never hangs.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `crosscheck` and fails the test, rather than hanging it, past `limit`.
fn crosscheck_within(limit: Duration, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosscheck runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            child.kill().expect("kill");
            panic!("crosscheck {args:?} was still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn crosscheck(args: &[&str]) -> Output {
    crosscheck_within(Duration::from_mins(1), args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `root/project/` holds a copy of the sample project; `root/victim/` holds a private file.
struct Attack {
    root: tempfile::TempDir,
    project: PathBuf,
}

impl Attack {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("folder");
        let folder = root.path().join("project");
        let project = crate::gui_support::copy_sample_into(&folder);
        std::fs::create_dir_all(root.path().join("victim")).expect("create");
        std::fs::write(root.path().join("victim/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n").expect("write");
        Self { root, project }
    }

    fn folder(&self) -> &Path {
        self.project.parent().expect("folder")
    }

    fn victim(&self) -> PathBuf {
        self.root.path().join("victim/id_ed25519")
    }

    fn project_arg(&self) -> &str {
        self.project.to_str().expect("utf-8 path")
    }

    /// Points the project's wire story at `path` instead of `sources/wire.txt`.
    fn name_original(&self, path: &str) {
        let text = std::fs::read_to_string(&self.project).expect("read");
        assert!(text.contains("\"sources/wire.txt\""));
        std::fs::write(&self.project, text.replace("\"sources/wire.txt\"", &format!("{path:?}"))).expect("write");
    }

    /// Replaces `sources/wire.txt` with a symbolic link to `target`.
    fn link_wire_story_to(&self, target: &Path) {
        let wire = self.folder().join("sources/wire.txt");
        std::fs::remove_file(&wire).expect("remove");
        symlink(target, wire).expect("link");
    }
}

#[test]
fn originals_outside_the_project_are_not_read_and_check_says_so() {
    let attack = Attack::new();
    attack.name_original(attack.victim().to_str().expect("utf-8"));
    let output = crosscheck(&["check", attack.project_arg()]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("was not read: it is an absolute path, outside the project folder"), "{report}");

    let attack = Attack::new();
    attack.name_original("../victim/id_ed25519");
    let report = text(&crosscheck(&["check", attack.project_arg()]).stdout);
    assert!(report.contains("was not read: it climbs out of the project folder"), "{report}");
}

#[test]
fn saving_a_project_never_copies_an_outside_original_it_names() {
    for named in ["absolute", "../victim/id_ed25519"] {
        let attack = Attack::new();
        let path = if named == "absolute" { attack.victim().display().to_string() } else { named.to_owned() };
        attack.name_original(&path);
        let loaded = crosscheck::store::load(&attack.project).expect("loads");
        let folder = attack.folder();
        let edit = crosscheck::store::collect_originals(&loaded.project, Some(folder), folder, &BTreeSet::new())
            .expect("collects");
        assert!(edit.is_none(), "{named}: nothing is copied");
        // Saved to a new folder too: the outside file stays outside.
        let elsewhere = attack.root.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).expect("create");
        let edit = crosscheck::store::collect_originals(&loaded.project, Some(folder), &elsewhere, &BTreeSet::new())
            .expect("collects");
        let copied = edit.map(|edit| edit.describe()).unwrap_or_default();
        assert!(!elsewhere.join("sources/id_ed25519").exists(), "{named}: {copied}");
        assert!(!folder.join("sources/id_ed25519").exists(), "{named}");
    }
}

#[test]
fn a_source_linked_out_of_the_project_is_not_read() {
    let attack = Attack::new();
    attack.link_wire_story_to(&attack.victim());
    let report = text(&crosscheck(&["check", attack.project_arg()]).stdout);
    assert!(report.contains("sources/wire.txt was not read: sources/wire.txt is a symbolic link"), "{report}");
    let status = crosscheck::store::original_status(
        attack.folder(),
        &crosscheck::model::OriginalFile {
            path: "sources/wire.txt".to_owned(),
            sha256: String::new(),
            importer: String::new(),
            capture: None,
            ocr: None,
        },
    );
    assert!(matches!(status, crosscheck::store::OriginalStatus::Refused(_)), "{status:?}");
    // The sources folder itself linked elsewhere is refused as well.
    let attack = Attack::new();
    let sources = attack.folder().join("sources");
    std::fs::rename(&sources, attack.root.path().join("real-sources")).expect("move");
    symlink(attack.root.path().join("real-sources"), &sources).expect("link");
    let report = text(&crosscheck(&["check", attack.project_arg()]).stdout);
    assert!(report.contains("sources is a symbolic link"), "{report}");
}

#[test]
fn a_fifo_or_dev_zero_as_an_original_does_not_hang_check_or_extract() {
    let attack = Attack::new();
    attack.link_wire_story_to(Path::new("/dev/zero"));
    let output = crosscheck_within(Duration::from_secs(20), &["check", attack.project_arg()]);
    assert!(text(&output.stdout).contains("sources/wire.txt was not read"), "{}", text(&output.stdout));

    let attack = Attack::new();
    let wire = attack.folder().join("sources/wire.txt");
    std::fs::remove_file(&wire).expect("remove");
    assert!(Command::new("mkfifo").arg(&wire).status().expect("mkfifo").success());
    let output = crosscheck_within(Duration::from_secs(20), &["check", attack.project_arg()]);
    let report = text(&output.stdout);
    assert!(report.contains("sources/wire.txt was not read: it is a named pipe (FIFO)"), "{report}");
    let output = crosscheck_within(Duration::from_secs(20), &["extract", wire.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("not a regular file"), "{}", text(&output.stderr));

    // A project file that is a FIFO is refused as well, not waited on.
    let fifo_project = attack.root.path().join("pipe.ron");
    assert!(Command::new("mkfifo").arg(&fifo_project).status().expect("mkfifo").success());
    let output = crosscheck_within(Duration::from_secs(20), &["check", fifo_project.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2));
}

/// Issue 12, item 5: `export P.ron --format md -o P.ron` replaced the project with its
/// report and exited 0; `-o /dev/full` (as root) replaced the device with a file.
#[test]
fn export_refuses_to_write_over_its_project_a_ron_file_or_a_device() {
    let attack = Attack::new();
    let before = std::fs::read(&attack.project).expect("read");
    let other = attack.folder().join("other.ron");
    let fifo = attack.folder().join("report.md");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let original = attack.folder().join("sources/wire-report.md");
    for (output, says) in [
        (attack.project.clone(), "harbour-accord.ron is a Crosscheck project file name"),
        (other.clone(), "other.ron is a Crosscheck project file name"),
        (PathBuf::from("/dev/full"), "/dev/full is a character device, not a regular file"),
        (fifo.clone(), "report.md is a named pipe (FIFO), not a regular file"),
        (original.clone(), "wire-report.md is in the project's sources/ folder"),
    ] {
        let output_arg = output.to_str().expect("utf-8");
        let run =
            crosscheck_within(Duration::from_secs(20), &["export", attack.project_arg(), "-f", "md", "-o", output_arg]);
        assert_eq!(run.status.code(), Some(2), "{output_arg}");
        let message = text(&run.stderr);
        assert!(message.contains(says), "{output_arg}: {message}");
    }
    assert_eq!(std::fs::read(&attack.project).expect("read"), before, "the project is untouched");
    assert!(!other.exists() && !original.exists());
    let fifo_kind = std::fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&fifo_kind), "the FIFO is left as it was");
}

/// Issue 12, item 11: `-o /dev/stdout` failed for anyone but root (the rename into /dev).
#[test]
fn export_to_dev_stdout_writes_standard_output() {
    let attack = Attack::new();
    let dash = crosscheck(&["export", attack.project_arg(), "-f", "md", "-o", "-", "--date", "2024-05-20"]);
    let named = crosscheck(&["export", attack.project_arg(), "-f", "md", "-o", "/dev/stdout", "--date", "2024-05-20"]);
    assert!(named.status.success(), "{}", text(&named.stderr));
    assert!(!dash.stdout.is_empty());
    assert_eq!(named.stdout, dash.stdout);
}

/// Issue 12, item 10: escape sequences in project strings and file names reached the
/// terminal raw through `check` and error messages (clear screen, set the title).
#[test]
fn check_and_error_messages_show_control_characters_escaped() {
    let attack = Attack::new();
    let saved = std::fs::read_to_string(&attack.project).expect("read");
    let title_at = saved.find("title: \"").expect("a title") + "title: \"".len();
    let hostile = format!("{}\\u{{1b}}[2J\\u{{1b}}]0;owned\\u{{7}}{}", &saved[..title_at], &saved[title_at..]);
    let hostile = hostile.replacen("\"sources/wire.txt\"", "\"sources/wire\\u{1b}[31m.txt\\nNo problems found.\"", 1);
    std::fs::write(&attack.project, hostile).expect("write");
    let output = crosscheck(&["check", attack.project_arg()]);
    let report = text(&output.stdout);
    assert!(!report.contains('\u{1b}') && !report.contains('\u{7}'), "{report:?}");
    assert!(report.contains("\\u{1b}[2J\\u{1b}]0;owned\\u{7}"), "{report}");
    assert!(report.contains("sources/wire\\u{1b}[31m.txt\\u{a}No problems found."), "{report}");
    assert!(!report.lines().any(|line| line == "No problems found."), "no line forged: {report}");

    let named = attack.folder().join("\u{1b}]0;owned\u{7}.ron");
    let output = crosscheck(&["check", named.to_str().expect("utf-8")]);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(!message.contains('\u{1b}') && message.contains("\\u{1b}]0;owned\\u{7}.ron"), "{message:?}");
}
