//! The `crosscheck` command on the bundled sample project and on broken inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).output().expect("crosscheck runs")
}

fn sample() -> PathBuf {
    crosscheck::sample_project_path()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies the sample project folder so a test can break it.
fn copy_of_sample(folder: &Path) -> PathBuf {
    let from = sample().parent().expect("project folder").to_owned();
    std::fs::create_dir_all(folder.join("sources")).expect("create");
    for entry in std::fs::read_dir(from.join("sources")).expect("list") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), folder.join("sources").join(entry.file_name())).expect("copy");
    }
    let project = folder.join("harbour-accord.ron");
    std::fs::copy(sample(), &project).expect("copy");
    project
}

#[test]
fn check_passes_on_the_sample_and_summarises_it() {
    let output = crosscheck(&["check", sample().to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    assert!(text.contains("sources:   3"), "{text}");
    assert!(text.contains("claims:    15"), "{text}");
    assert!(text.contains("False: 5"), "{text}");
    assert!(text.contains("conflicts: 7 (2 open)"), "{text}");
    assert!(text.contains("No problems found."), "{text}");
}

#[test]
fn check_fails_with_a_clear_message_on_a_broken_copy() {
    let folder = tempfile::tempdir().expect("folder");
    let project = copy_of_sample(folder.path());

    std::fs::write(folder.path().join("sources/wire.txt"), "someone edited the original").expect("write");
    let text = std::fs::read_to_string(&project).expect("read");
    std::fs::write(&project, text.replacen("claim: \"C1\"", "claim: \"C77\"", 1)).expect("write");
    let output = crosscheck(&["check", project.to_str().expect("utf-8 path")]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("2 problems found"), "{report}");
    assert!(report.contains("supports claim C77, which does not exist"), "{report}");
    assert!(report.contains("original file sources/wire.txt has changed"), "{report}");

    std::fs::write(&project, &text[..text.len() / 2]).expect("truncate");
    let output = crosscheck(&["check", project.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let place = message.split("harbour-accord.ron:").nth(1).unwrap_or_default();
    let mut numbers = place.split(':').take(2).map(str::parse::<usize>);
    assert!(numbers.all(|n| n.is_ok()), "the message names line:column: {message}");
}

#[test]
fn extract_prints_text_and_json_metadata() {
    let rewrite = sample().parent().expect("folder").join("sources/rewrite.md");
    let output = crosscheck(&["extract", rewrite.to_str().expect("utf-8 path")]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Varenland opposed a proposal"), "{text}");
    assert!(!text.contains("**"), "Markdown markup is gone");

    let output = crosscheck(&["extract", "--json", rewrite.to_str().expect("utf-8 path")]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["format"], "Markdown");
    assert!(json["meta"]["title"].as_str().is_some_and(|title| !title.is_empty()));
    assert!(json["text"].as_str().is_some_and(|t| t.contains("MORANZA")));
}

#[test]
fn extract_decodes_legacy_encodings_and_refuses_binaries() {
    let folder = tempfile::tempdir().expect("folder");
    let latin = folder.path().join("latin.txt");
    std::fs::write(&latin, b"Caf\xe9 owners in Z\xfcrich said the \x93new\x94 levy was unfair.").expect("write");
    let output = crosscheck(&["extract", latin.to_str().expect("utf-8 path")]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim_end(), "Café owners in Zürich said the \u{201c}new\u{201d} levy was unfair.");

    let binary = folder.path().join("photo.txt");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01").expect("write");
    let output = crosscheck(&["extract", binary.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("photo.txt") && message.contains("a JPEG image"), "{message}");
}

/// An 850-byte PDF whose form draws itself used to overflow the stack inside pdf-extract
/// and abort the process (status 134), taking any unsaved work in the app with it.
#[test]
fn extract_refuses_a_pdf_that_would_recurse_forever_without_aborting() {
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/form-draws-itself.pdf");
    let output = crosscheck(&["extract", pdf.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("form-draws-itself.pdf") && message.contains("draws itself"), "{message}");
}

/// One page of this PDF makes pdf-extract panic; the page is left out, the note says so on
/// standard error, and the contained panic prints nothing that reads like a crash.
#[test]
fn extract_reports_a_damaged_page_quietly() {
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/pdf-name-expected-integer.pdf");
    let output = crosscheck(&["extract", pdf.to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("points along the northern channel"));
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{message}");
    assert!(
        message.contains("pdf-name-expected-integer.pdf: 1 of 100 pages is damaged and was left out."),
        "{message}"
    );
}

#[test]
fn compare_lists_the_discrepancies_between_two_sources_of_a_project() {
    let wire = format!("{}:S1", sample().display());
    let rewrite = format!("{}:S2", sample().display());
    let output = crosscheck(&["compare", &wire, &rewrite]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    for expected in
        ["Name: the name differs", "Place: the place differs", "Negation: the meaning is reversed", "\"supported\""]
    {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }

    let output = crosscheck(&["compare", "--json", &wire, &rewrite]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let list = value["discrepancies"].as_array().expect("a list");
    assert!(
        list.iter().any(|d| d["kind"] == "Number" && d["left"]["exact"].as_str().is_some_and(|e| e.contains("40")))
    );
    // The alignment an analyst can inspect: sentence spans in characters, with a score.
    let rows = value["alignment"].as_array().expect("an alignment list");
    assert!(rows.len() >= 8, "the wire and the rewrite share most sentences: {rows:?}");
    for row in rows {
        let (start, end) = (row["left"]["start"].as_u64().expect("start"), row["left"]["end"].as_u64().expect("end"));
        assert!(start < end, "{row}");
        let score = row["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score), "{row}");
    }
}

#[test]
fn compare_lists_a_statement_made_twice_as_a_repeat() {
    let folder = tempfile::tempdir().expect("folder");
    let left = folder.path().join("left.txt");
    let right = folder.path().join("right.txt");
    std::fs::write(&left, "The port of Halvik reopened on Monday after the storm. Ferries to Orlen sail again.\n")
        .expect("write");
    std::fs::write(
        &right,
        "The port of Halvik reopened on Monday after the storm. Ferries to Orlen sail again. \
         On Monday the port of Halvik reopened after the storm, officials said.\n",
    )
    .expect("write");
    let (left, right) = (left.to_str().expect("utf-8"), right.to_str().expect("utf-8"));
    let output = crosscheck(&["compare", "--json", left, right]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rows = value["alignment"].as_array().expect("an alignment list");
    let repeats: Vec<_> = rows.iter().filter(|row| row["repeat"] == true).collect();
    assert_eq!(repeats.len(), 1, "{rows:?}");
    assert_eq!(repeats[0]["left"]["start"], 0, "the port sentence, said again at the end: {rows:?}");
    let text = stdout(&crosscheck(&["compare", left, right]));
    assert!(text.contains("Said again elsewhere"), "{text}");
}

/// Two saved pages of one wire story from two sites, each in its own words and its own
/// furniture, with four disagreements written in (see the fixtures).
#[test]
fn compare_of_two_saved_pages_finds_their_disagreements_and_ignores_the_furniture() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    let (ledger, valley) = (folder.join("cod-ledger.html"), folder.join("cod-valley.html"));
    let output = crosscheck(&["compare", "--json", ledger.to_str().expect("utf-8"), valley.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let pairs: Vec<(String, String, String)> = value["discrepancies"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            let exact = |side: &str| d[side]["exact"].as_str().unwrap_or_default().to_owned();
            (d["kind"].as_str().unwrap_or_default().to_owned(), exact("left"), exact("right"))
        })
        .collect();
    let flagged = |kind: &str, left: &str, right: &str| {
        pairs.iter().any(|(k, l, r)| k == kind && l.contains(left) && r.contains(right))
    };
    assert!(flagged("Name", "Lunde", "Lindholm"), "{pairs:#?}");
    assert!(flagged("Place", "Reykjavik", "Akureyri"), "a visit and a trip to two places: {pairs:#?}");
    assert!(flagged("Negation", "reject", "approve"), "{pairs:#?}");
    assert!(flagged("Date", "May", "June"), "{pairs:#?}");
    assert_eq!(pairs.len(), 4, "no flag on a reworded sentence or on the sites' furniture: {pairs:#?}");
    let across: Vec<&str> =
        value["fact_conflicts"].as_array().expect("a list").iter().filter_map(|c| c["summary"].as_str()).collect();
    assert!(
        across.iter().any(|s| s.contains("Reuters") && s.contains("AFP")),
        "the credit line at the foot of one page against the agency the other quotes: {across:?}"
    );
}

#[test]
fn compare_text_says_how_many_sentences_matched() {
    let wire = format!("{}:S1", sample().display());
    let rewrite = format!("{}:S2", sample().display());
    let text = stdout(&crosscheck(&["compare", &wire, &rewrite]));
    let line = text.lines().find(|l| l.starts_with("Sentences: ")).expect("a summary line");
    let numbers: Vec<usize> = line.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    assert_eq!(numbers.len(), 3, "{line}");
    assert!(numbers[0] >= 8 && numbers[1] >= 1 && numbers[2] >= 1, "{line}");
}

#[test]
fn compare_reads_files_and_refuses_a_project_without_a_source() {
    let folder = sample().parent().expect("folder").join("sources");
    let wire = folder.join("wire.txt");
    let rewrite = folder.join("rewrite.md");
    let output = crosscheck(&["compare", wire.to_str().expect("utf-8"), rewrite.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Attribution"));
    let output = crosscheck(&["compare", sample().to_str().expect("utf-8"), wire.to_str().expect("utf-8")]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains(":S1"), "{}", stderr(&output));
}

/// Runs `crosscheck` with its standard output read by nobody, as `| head` leaves it.
fn with_reader_gone(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("crosscheck runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("crosscheck ends")
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    let sample = sample();
    let source = sample.parent().expect("folder").join("sources");
    let wire = source.join("wire.txt");
    let rewrite = std::fs::read_dir(&source)
        .expect("list")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path != &wire && path.extension().is_some_and(|e| e == "txt"))
        .expect("a second text source");
    let wire = wire.to_str().expect("utf-8");
    let rewrite = rewrite.to_str().expect("utf-8");
    for args in [
        vec!["check", sample.to_str().expect("utf-8")],
        vec!["compare", wire, rewrite],
        vec!["compare", "--json", wire, rewrite],
    ] {
        let output = with_reader_gone(&args);
        let errors = stderr(&output);
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");
        assert_ne!(output.status.code(), Some(101), "{args:?}: {errors}");
    }
}

/// Issue 14: a source's impossible date or non-web URL showed only in the exports.
#[test]
fn check_lists_source_details_a_report_would_leave_out_without_failing() {
    let folder = tempfile::tempdir().expect("folder");
    let project = copy_of_sample(folder.path());
    let text = std::fs::read_to_string(&project).expect("read");
    let broken = text.replacen("published: \"2024-05-14\"", "published: \"2024-02-30\"", 1).replacen(
        "url: \"https://example.org/meridian",
        "url: \"http://exa mple.org/meridian",
        1,
    );
    assert_ne!(broken, text, "the sample has the fields to change");
    std::fs::write(&project, broken).expect("write");
    let output = crosscheck(&["check", project.to_str().expect("utf-8 path")]);
    let report = stdout(&output);
    assert!(output.status.success(), "advice is not a problem: {report}");
    assert!(report.contains("Before export:"), "{report}");
    assert!(report.contains("source S1: Date 2024-02-30 is not a date on the calendar"), "{report}");
    assert!(report.contains("source S1: This URL is not a valid URL"), "{report}");
}
