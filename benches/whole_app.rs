//! The whole app on the benchmark project (1,000 sources, 20,000 claims, 40,000 pieces of
//! evidence, 2,000 conflicts) and on ten 1 MB sources, run headless on the CPU: what an
//! analyst waits for when opening, scrolling, typing, switching sources and searching.
//!
//! Prints one line per measurement (p50/p99/max of frame times) and exits with an error if
//! an idle app keeps asking for frames.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crosscheck::app::{CrosscheckApp, Launch, ScriptedDialogs};
use crosscheck::fixtures::{Size, generate};
use eframe::egui::{self, Event, Key, Modifiers, MouseWheelUnit, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main() {
    let mut idle_ok = true;
    for (name, size) in [
        ("benchmark project", Size::LARGE),
        (
            "ten 1 MB sources",
            Size { sources: 10, chars_per_source: 1_000_000, claims: 2_000, evidence: 4_000, conflicts: 200 },
        ),
    ] {
        println!("{name}:");
        idle_ok &= measure(size);
    }
    if !idle_ok {
        eprintln!("an idle app must not repaint");
        std::process::exit(1);
    }
}

/// Runs every measurement on a project of `size`; returns whether the idle app rested.
fn measure(size: Size) -> bool {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("large.ron");
    crosscheck::store::save(&generate(size), &path).expect("saves");
    let started = Instant::now();
    crosscheck::store::load(&path).expect("loads");
    report("load the project file", &[started.elapsed()]);

    let started = Instant::now();
    let mut harness = open(path);
    harness.step();
    report("open, up to the window's first frame (the project still being read)", &[started.elapsed()]);
    // The project file is read on a worker while the window draws.
    let mut reading = Vec::new();
    while harness.state().workspace().is_none() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(1));
        let frame = Instant::now();
        harness.step();
        reading.push(frame.elapsed());
    }
    report("open, up to the first frame with the project drawn", &[started.elapsed()]);
    if !reading.is_empty() {
        report("frames while the project is read", &reading);
    }
    harness.run();

    let idle = frames(&mut harness, 100, |_| {});
    report("idle frame", &idle);
    harness.run();
    harness.step();
    let rested = !harness.ctx.has_requested_repaint();
    println!("  idle app asks for no frame: {rested}");

    let first_claim = first_claim_label(&harness);
    let over_claims = harness.get_by_label(&first_claim).rect().center();
    harness.hover_at(over_claims);
    harness.run();
    let scrolling = frames(&mut harness, 200, |harness| wheel(harness, -60.0));
    report("scrolling the claims list", &scrolling);
    let _ = frames(&mut harness, 1, |harness| wheel(harness, 1_000_000.0));
    harness.run();

    harness.get_by_label(&first_claim).click();
    harness.run();
    harness.get_by_label("Statement").focus();
    harness.run();
    let typing = frames(&mut harness, 60, |harness| harness.event(Event::Text("a".to_owned())));
    report("typing into a claim's statement, key to frame", &typing);
    harness.run();

    // Saving writes the file on a worker: the window keeps drawing, and typing goes on.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    let started = Instant::now();
    let mut saving = Vec::new();
    harness.step();
    while harness.state().is_saving() && started.elapsed() < Duration::from_secs(30) {
        harness.event(Event::Text("b".to_owned()));
        let frame = Instant::now();
        harness.step();
        saving.push(frame.elapsed());
        std::thread::sleep(Duration::from_millis(2));
    }
    report("save, key to the file written", &[started.elapsed()]);
    if !saving.is_empty() {
        report("typing while the project is saved, key to frame", &saving);
    }
    harness.run();

    let sources: Vec<String> = harness
        .state()
        .workspace()
        .map(|w| w.project.sources.values().take(12).map(|s| s.display_title().to_owned()).collect())
        .unwrap_or_default();
    let mut switching = Vec::new();
    for title in sources.iter().cycle().take(40) {
        harness.get_by_label(title).click();
        let started = Instant::now();
        harness.step();
        switching.push(started.elapsed());
        harness.run();
    }
    report("switching sources, click to frame", &switching);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let started = Instant::now();
    harness.event(Event::Text("minister".to_owned()));
    harness.step();
    while harness.state().search_hit_count() == 0 && started.elapsed() < Duration::from_secs(10) {
        harness.step();
    }
    report("search all sources for a word, key to results", &[started.elapsed()]);

    // Each key typed into Find starts a new search; the frame that takes the key must
    // not wait for it.
    let mut keys = ["s", "x"].into_iter().cycle();
    let typing = frames(&mut harness, 40, |harness| {
        let key = keys.next().unwrap_or("s");
        if key == "x" {
            harness.key_press(Key::Backspace);
        } else {
            harness.event(Event::Text(key.to_owned()));
        }
    });
    report("typing into Find, key to frame", &typing);
    rested
}

fn open(path: PathBuf) -> Harness<'static, CrosscheckApp> {
    Harness::builder().with_size(vec2(1440.0, 900.0)).with_max_steps(10_000).build_eframe(move |cc| {
        let dialogs = Box::new(ScriptedDialogs::default());
        CrosscheckApp::new(cc, Launch { project: Some(path), dialogs, autosave_after: Launch::AUTOSAVE_AFTER })
    })
}

/// The claims list's label of the first claim.
fn first_claim_label(harness: &Harness<'_, CrosscheckApp>) -> String {
    let workspace = harness.state().workspace().expect("a project is open");
    let claim = workspace.project.claims.values().next().expect("a claim");
    let line: String = claim.statement.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 90 { line } else { line.chars().take(89).collect::<String>() + "…" }
}

fn wheel(harness: &mut Harness<'_, CrosscheckApp>, delta: f32) {
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, delta),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
}

/// Times `count` frames, each after `input`.
fn frames(
    harness: &mut Harness<'_, CrosscheckApp>,
    count: usize,
    mut input: impl FnMut(&mut Harness<'_, CrosscheckApp>),
) -> Vec<Duration> {
    (0..count)
        .map(|_| {
            input(harness);
            let started = Instant::now();
            harness.step();
            started.elapsed()
        })
        .collect()
}

fn report(what: &str, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    if let [only] = sorted.as_slice() {
        println!("  {what}: {:.1} ms", ms(*only));
        return;
    }
    // Nearest-rank percentiles.
    let at = |per_mille: usize| sorted[(sorted.len() - 1) * per_mille / 1000];
    println!(
        "  {what} ({} frames): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        sorted.len(),
        ms(at(500)),
        ms(at(990)),
        ms(sorted.last().copied().unwrap_or_default())
    );
}
