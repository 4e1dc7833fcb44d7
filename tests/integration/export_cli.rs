//! `crosscheck export` writes exactly what the library's `export::render` returns for the
//! same options: the command line and the app share one code path, byte for byte.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use crosscheck::export::{self, ExportOptions, Format};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).output().expect("crosscheck runs")
}

fn sample() -> String {
    crosscheck::sample_project_path().to_str().expect("UTF-8 path").to_owned()
}

/// What the app does: load the project, build options, call `export::render`.
fn library_render(format: Format, options: &ExportOptions) -> export::Rendered {
    let project = crosscheck::store::load(Path::new(&sample())).expect("loads").project;
    export::render(&project, format, options, &|_| {}, &AtomicBool::new(false)).expect("exports")
}

#[test]
fn cli_and_library_give_identical_bytes_in_every_format() {
    let folder = tempfile::tempdir().expect("folder");
    let project = sample();
    let options = ExportOptions {
        verdicts: BTreeSet::from(["False".to_owned(), "True".to_owned()]),
        tags: BTreeSet::from(["names".to_owned(), "numbers".to_owned(), "location".to_owned()]),
        open_conflicts: false,
        notes: false,
        quotes: true,
        evidence_rows: false,
        published: "2024-05-20".to_owned(),
        pictures: None,
    };
    for format in Format::ALL {
        let out = folder.path().join(format!("report.{}", format.extension()));
        let out = out.to_str().expect("UTF-8 path");
        let evidence = folder.path().join("evidence.csv");
        let evidence = evidence.to_str().expect("UTF-8 path");
        let mut args = vec!["export", &project, "--format", format.name(), "-o", out, "--date", "2024-05-20"];
        args.extend(["--verdict", "False", "--verdict", "True", "--no-open-conflicts", "--no-notes"]);
        args.extend(["--tag", "names", "--tag", "numbers", "--tag", "location"]);
        let expected_options = if format == Format::Csv {
            args.extend(["--evidence-csv", evidence]);
            ExportOptions { evidence_rows: true, ..options.clone() }
        } else {
            options.clone()
        };
        let output = crosscheck(&args);
        assert!(output.status.success(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        let expected = library_render(format, &expected_options);
        assert_eq!(std::fs::read(out).expect("report written"), expected.report, "{format}");
        if format == Format::Csv {
            assert_eq!(Some(std::fs::read(evidence).expect("evidence written")), expected.evidence_csv);
        }
    }
}

#[test]
fn without_an_output_file_the_report_goes_to_standard_output() {
    let output = crosscheck(&["export", &sample(), "--format", "md", "--date", "2024-05-20"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let options = ExportOptions { published: "2024-05-20".to_owned(), ..ExportOptions::default() };
    assert_eq!(output.stdout, library_render(Format::Markdown, &options).report);
}

#[test]
fn mistakes_are_reported_with_a_clear_message() {
    let cases: [(&[&str], &str); 4] = [
        (&["--format", "pdf"], "not a report format"),
        (&["--format", "html", "--verdict", "Flase"], "verdict \"Flase\" is not on the project's scale"),
        (&["--format", "html", "--date", "20 May"], "is not a date in the form YYYY-MM-DD"),
        (&["--format", "md", "--evidence-csv", "x.csv"], "--evidence-csv goes with --format csv"),
    ];
    let project = sample();
    for (extra, message) in cases {
        let mut args = vec!["export", project.as_str()];
        args.extend_from_slice(extra);
        let output = crosscheck(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn export_warns_on_standard_error_about_what_a_format_leaves_out() {
    let mut project = crosscheck::store::load(&crosscheck::sample_project_path()).expect("loads").project;
    project.info.url.clear();
    if let Some(claim) = project.claims.values_mut().next() {
        claim.appearances.clear();
    }
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("p.ron");
    crosscheck::store::save(&project, &path).expect("saves");
    let export = |format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["export", path.to_str().expect("utf-8"), "--format", format])
            .output()
            .expect("runs")
    };
    let output = export("annotations");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{errors}");
    assert!(errors.contains("warning:") && errors.contains("left out of the annotations"), "{errors}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("\"target\": []"), "no empty target");

    // Issue 14: a ClaimReview without the url Google requires was written with exit 0.
    let output = export("claimreview");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "refused");
    assert!(errors.contains("needs the web address"), "{errors}");
    assert!(output.stdout.is_empty(), "nothing written");
}
