//! A process killed at any moment of a save leaves a project file that loads and holds
//! either the old version or the new one.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crosscheck::model::{Project, Source, SourceContent, SourceFormat, SourceMeta};
use crosscheck::store;

const CHILD_ENV: &str = "CROSSCHECK_SAVE_LOOP_PATH";

/// One of two versions, each large enough that a save takes a few milliseconds.
fn version(which: usize) -> Project {
    let mut project = Project::new(&format!("version {which}"));
    let id = project.ids.next_source();
    let text = format!("Paragraph of version {which}, with \"quotes\" and ünïcode.\n").repeat(20_000);
    let content = SourceContent { format: SourceFormat::PlainText, text, original: None };
    project.sources.insert(id, Source { meta: SourceMeta::default(), content });
    project
}

/// Run by the parent test in a child process: saves the two versions in turn, forever.
#[test]
#[ignore = "runs only as the child of `a_save_killed_at_random_moments_never_corrupts_the_file`"]
fn save_loop_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else { return };
    let versions = [version(0), version(1)];
    for turn in 0.. {
        store::save(&versions[turn % 2], Path::new(&path)).expect("saves");
    }
}

#[test]
fn a_save_killed_at_random_moments_never_corrupts_the_file() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("looping.ron");
    store::save(&version(0), &path).expect("first save");
    let titles = ["version 0", "version 1"];
    let mut finished = [0usize; 2];
    // A cheap, seeded generator is enough to spread the kills over the save.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "kill_save::save_loop_child", "--ignored", "--quiet", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .spawn()
            .expect("child starts");
        let started = Instant::now();
        // Up to 150 ms: on a loaded 2-core machine the child takes tens of milliseconds
        // just to start, and some kills must land after its first save has finished.
        std::thread::sleep(Duration::from_micros(5_000 + seed % 145_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("child ends");
        let loaded = store::load(&path)
            .unwrap_or_else(|error| panic!("round {round}, killed after {:?}: {error}", started.elapsed()));
        let which = titles.iter().position(|t| *t == loaded.project.info.title).expect("one of the two versions");
        assert_eq!(loaded.project, version(which), "round {round}: a mixture of versions");
        finished[which] += 1;
    }
    assert!(finished[1] > 0, "the child never finished a save; the kills came too early to test anything");
}
