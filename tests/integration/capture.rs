//! Capturing web pages end to end against a local server: `crosscheck capture`, reading
//! the WARC back, a standard WARC reader (warcio) on what was written, and the app's
//! address window, "Capture again" and undo.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crosscheck::model::Project;

const PAGE: &str = "<!DOCTYPE html><html><head><title>Dredging contract signed</title></head><body>\
    <article><h1>Dredging contract signed</h1><p>The port authority signed the dredging contract on \
    Wednesday after a council vote of nine to four, a spokesperson said.</p><p>Work on the outer \
    channel is due to begin in April and to last eighteen months.</p></article></body></html>";

/// A server on 127.0.0.1: `/old` redirects to `/page`, `/page` is the article, anything
/// else is 404. Returns the base address.
pub fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request = String::new();
            reader.read_line(&mut request).ok();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
            let (status, extra, body) = match request.split_whitespace().nth(1) {
                Some("/old") => ("301 Moved Permanently", "Location: /page\r\n", ""),
                Some("/page") => ("200 OK", "Content-Type: text/html; charset=utf-8\r\n", PAGE),
                _ => ("404 Not Found", "", ""),
            };
            let head =
                format!("HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            stream.write_all(head.as_bytes()).ok();
            stream.write_all(body.as_bytes()).ok();
        }
    });
    format!("http://{address}")
}

fn crosscheck(args: &[&str]) -> Output {
    // Requests to 127.0.0.1 must not go to a proxy the test machine may set.
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("crosscheck runs")
}

fn empty_project() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("web.ron");
    crosscheck::store::save(&Project::new("Web captures"), &path).expect("saved");
    (folder, path)
}

fn load(path: &Path) -> Project {
    crosscheck::store::load(path).expect("loads").project
}

#[test]
fn the_capture_command_adds_the_page_with_provenance_and_reports_failures() {
    let base = serve();
    let (folder, path) = empty_project();
    let project_arg = path.to_str().expect("UTF-8");
    let output = crosscheck(&["capture", project_arg, &format!("{base}/old"), &format!("{base}/nowhere")]);
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "one address failed: {out} {err}");
    assert!(out.contains("S1: captured ") && out.contains(&format!("UTC from {base}/page, SHA-256 ")), "{out}");
    assert!(err.contains(&format!("{base}/nowhere answered 404 Not Found")), "{err}");

    let project = load(&path);
    assert_eq!(project.sources.len(), 1);
    let source = project.sources.values().next().expect("the page");
    assert!(source.text().contains("signed the dredging contract"));
    let capture = source.capture().expect("provenance saved");
    assert_eq!(capture.requested_url, format!("{base}/old"));
    assert_eq!(capture.redirects.len(), 1);
    let warc = folder.path().join(&source.content.original.as_ref().expect("archive").path);

    // The report cites the capture.
    let report = crosscheck(&["export", project_arg, "--format", "md"]);
    let report = String::from_utf8_lossy(&report.stdout);
    let cited = format!("UTC from [{base}/page]({base}/page), SHA-256 {}", capture.payload_sha256);
    assert!(report.contains("Captured 20") && report.contains(&cited), "{report}");

    // The archive reads back as a source of another project, with the same provenance.
    let (_other_folder, other) = empty_project();
    let output = crosscheck(&["capture", other.to_str().expect("UTF-8"), warc.to_str().expect("UTF-8")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let again = load(&other);
    let read = again.sources.values().next().expect("a source from the archive");
    assert_eq!(read.text(), source.text());
    assert_eq!(read.capture().map(|c| &c.payload_sha256), Some(&capture.payload_sha256));
    assert_eq!(read.capture().map(|c| &c.redirects), Some(&capture.redirects));

    check_with_warcio(&warc);
}

/// Runs `tools/check-warc.py` when warcio is installed (`WARCIO_PYTHON` names the Python
/// that has it; CI sets it up); says so and passes when it is not.
fn check_with_warcio(warc: &Path) {
    let python = std::env::var("WARCIO_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let available =
        Command::new(&python).args(["-c", "import warcio"]).output().is_ok_and(|output| output.status.success());
    if !available {
        eprintln!("warcio is not installed for {python}: the standard-reader check is skipped");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/check-warc.py");
    let output = Command::new(&python).arg(script).arg(warc).output().expect("python runs");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "warcio refused the archive: {out}{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("all digests verified") && out.contains("response"), "{out}");
}

#[cfg(feature = "gui")]
mod gui {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use crosscheck::app::{CrosscheckApp, Launch, ScriptedDialogs};
    use crosscheck::capture::FetchOptions;
    use eframe::egui::{self, Key, Modifiers, Role, vec2};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn open(project: &Path) -> Harness<'static, CrosscheckApp> {
        let project = project.to_owned();
        let mut harness =
            Harness::builder().with_size(vec2(1440.0, 900.0)).with_max_steps(64).build_eframe(move |cc| {
                CrosscheckApp::new(
                    cc,
                    Launch {
                        project: Some(project),
                        dialogs: Box::new(ScriptedDialogs::default()),
                        autosave_after: Launch::AUTOSAVE_AFTER,
                    },
                )
            });
        super::super::gui_support::settle(&mut harness);
        harness.state_mut().set_fetch_options(FetchOptions { proxy_from_env: false, ..FetchOptions::default() });
        harness
    }

    /// Runs frames until the project has `count` sources (the capture's thread wakes the app).
    fn wait_for_sources(harness: &mut Harness<'_, CrosscheckApp>, count: usize) {
        let started = Instant::now();
        while harness.state().workspace().map_or(0, |w| w.project.sources.len()) < count {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the capture did not land: {:?}",
                harness.state().notices()
            );
            std::thread::sleep(Duration::from_millis(20));
            harness.run();
        }
        harness.run();
    }

    #[test]
    fn the_address_window_captures_and_capture_again_compares_the_two_versions() {
        let base = super::serve();
        let (_folder, path) = super::empty_project();
        let mut harness = open(&path);
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
        harness.run();
        harness.get_by_label("Web addresses, one per line").focus();
        harness.run();
        harness.get_by_label("Web addresses, one per line").type_text(&format!("{base}/old"));
        harness.run();
        harness.get_by_label("Capture").click();
        harness.run();
        wait_for_sources(&mut harness, 1);
        let project = harness.state().workspace().expect("open").project.clone();
        let (&first, source) = project.sources.iter().next().expect("captured");
        assert_eq!(source.capture().map(|c| c.final_url.clone()), Some(format!("{base}/page")));

        // The inspector shows the source's provenance and offers a new capture.
        harness.get_by_role_and_label(Role::Button, "Dredging contract signed").click();
        harness.run();
        assert!(harness.query_by_label_contains(&format!("UTC from {base}/page")).is_some(), "the provenance line");
        assert!(harness.query_by_label("History: 1 capture").is_some(), "the history of captures");
        harness.get_by_label("Capture again").scroll_to_me();
        harness.run();
        harness.get_by_label("Capture again").click();
        harness.run();
        wait_for_sources(&mut harness, 2);
        let project = harness.state().workspace().expect("open").project.clone();
        let (&second, newer) = project.sources.iter().next_back().expect("the new capture");
        assert_ne!(first, second);
        let history = &newer.capture().expect("provenance").history;
        assert_eq!(history.len(), 1, "the first capture is in the history");
        // Compare sources opens on the pair: the earlier capture against the new one.
        assert!(harness.query_by_label("with").is_some(), "Compare sources is open");
        assert!(
            harness.query_all_by_label_contains(&format!("{second} · ")).count() > 0,
            "the new capture is compared"
        );

        // Each capture is one undoable step.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(harness.state().workspace().expect("open").project.sources.len(), 1);

        // An address pasted while no text field has the keyboard is captured too.
        harness.key_press(Key::Escape);
        harness.run();
        harness.event(egui::Event::Paste(format!("{base}/page")));
        harness.run();
        wait_for_sources(&mut harness, 2);
        let project = harness.state().workspace().expect("open").project.clone();
        let pasted = project.sources.values().next_back().and_then(|source| source.capture().cloned());
        assert_eq!(pasted.map(|capture| capture.requested_url), Some(format!("{base}/page")));
    }
}
