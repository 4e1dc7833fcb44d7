//! Frame time of the document view while scrolling a 2 MB source with 2,000 highlights,
//! measured on the CPU in a headless egui context (the whole app, every panel), and a
//! check that an idle app asks for no repaint.
//!
//! Prints p50/p99/max frame times; exits with an error if the idle check fails.

use std::time::{Duration, Instant};

use crosscheck::app::{CrosscheckApp, Launch, ScriptedDialogs};
use crosscheck::fixtures::{Size, generate};
use eframe::egui::{self, Event, Modifiers, MouseWheelUnit, pos2, vec2};
use egui_kittest::Harness;

const FRAMES: usize = 400;

fn main() {
    let size = Size { sources: 1, chars_per_source: 2_000_000, claims: 1_000, evidence: 1_000, conflicts: 0 };
    let project = generate(size);
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("long.ron");
    crosscheck::store::save(&project, &path).expect("saves");
    let text_len = project.sources.values().map(|s| s.text().len()).sum::<usize>();

    let mut harness =
        Harness::builder().with_size(vec2(1440.0, 900.0)).with_max_steps(10_000).build_eframe(move |cc| {
            CrosscheckApp::new(
                cc,
                Launch {
                    project: Some(path),
                    dialogs: Box::new(ScriptedDialogs::default()),
                    autosave_after: Launch::AUTOSAVE_AFTER,
                },
            )
        });
    // The project file is read on a worker; the document is there once it lands.
    while harness.state().workspace().is_none() {
        std::thread::sleep(Duration::from_millis(1));
        harness.step();
    }
    harness.run();
    let over_text = pos2(640.0, 400.0);
    harness.hover_at(over_text);
    harness.run();

    let top_before = harness.state().document_top_line();
    let mut frames: Vec<Duration> = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES {
        // Scroll down steadily, with a jump every 50 frames as a dragged scroll bar would.
        let delta = if frame % 50 == 49 { -20_000.0 } else { -90.0 };
        harness.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, delta),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        let started = Instant::now();
        harness.step();
        frames.push(started.elapsed());
    }
    let top_after = harness.state().document_top_line();
    assert!(top_after > top_before, "the document did not scroll: {top_before:?} -> {top_after:?}");
    frames.sort();
    // Nearest-rank percentile: the frame below which `per_mille`/1000 of frames fall.
    let percentile = |per_mille: usize| frames[(frames.len() - 1) * per_mille / 1000];
    println!(
        "document view, {:.1} MB source, {} highlights, {FRAMES} scrolling frames: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        text_len as f64 / 1e6,
        size.claims + size.evidence,
        percentile(500).as_secs_f64() * 1e3,
        percentile(990).as_secs_f64() * 1e3,
        frames.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );

    harness.run();
    harness.step();
    let idle_repaint = harness.ctx.has_requested_repaint();
    println!("idle app requests a repaint: {idle_repaint}");
    if idle_repaint {
        eprintln!("an idle app must not repaint");
        std::process::exit(1);
    }
}
