//! The HTML report printed to PDF by a real browser: Crosscheck's print-ready PDF.
//!
//! Crosscheck writes no PDF itself (README, "Reports", says why): the HTML report carries
//! a print stylesheet, and this test holds it to its promise by printing the edge-case
//! project's report with headless Chromium and reading the PDF back with Crosscheck's own
//! PDF importer: every claim starts a page, the sources start a page, and nothing of the
//! report is lost.
//!
//! It needs Chromium (Debian's `chromium`, which `.ci/run` installs, or `CHROMIUM=path`)
//! and fails, saying so, when there is none: a skipped test would hide a broken promise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crosscheck::export::{ExportOptions, Format, render};
use wait_timeout::ChildExt;

fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for folder in std::env::split_paths(&path) {
            if folder.join(name).is_file() {
                return folder.join(name);
            }
        }
    }
    panic!("this test prints the HTML report with Chromium: install it (apt-get install chromium) or set CHROMIUM");
}

fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let mut child = Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Chromium starts");
    let status = child.wait_timeout(Duration::from_mins(2)).expect("waits");
    if status.is_none() {
        child.kill().ok();
        panic!("Chromium did not print within two minutes");
    }
    assert!(pdf.is_file(), "Chromium wrote no PDF");
}

#[test]
fn the_html_report_prints_each_claim_on_a_new_page() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/edge-cases/edge-cases.ron");
    let project = crosscheck::store::load(&path).expect("the edge-case project loads").project;
    let options = ExportOptions { published: "2025-03-10".to_owned(), ..ExportOptions::default() };
    let rendered = render(&project, Format::Html, &options, &|_| {}, &AtomicBool::new(false)).expect("renders");
    let folder = tempfile::tempdir().expect("folder");
    let (html, pdf) = (folder.path().join("report.html"), folder.path().join("report.pdf"));
    std::fs::write(&html, &rendered.report).expect("writes");
    let profile = folder.path().join("profile");
    print_to_pdf(&html, &pdf, &profile);

    let imported = crosscheck::import::import_file(&pdf).expect("the PDF reads back");
    let pages: Vec<&str> = imported.document.text.split('\u{c}').collect();
    // The first two lines of each page: the masthead's organisation comes before the first
    // claim on page 1.
    let first_lines: Vec<String> =
        pages.iter().map(|page| unspaced(&page.trim_start().lines().take(2).collect::<String>())).collect();
    for (id, claim) in &project.claims {
        let heading = unspaced(&format!("{id} {}", claim.statement));
        assert!(
            first_lines.iter().any(|line| line.contains(&heading)),
            "claim {id} does not start a page; first lines: {first_lines:#?}"
        );
    }
    assert!(first_lines.iter().any(|line| line.starts_with("sources")), "sources start a page: {first_lines:#?}");
    assert!(!first_lines[0].starts_with("c1"), "the summary is on a page of its own before the claims");
    assert!(pages.len() >= project.claims.len() + 2, "{} pages", pages.len());
    // Nothing written into the report is lost to the page breaks.
    let text = unspaced(&imported.document.text);
    for claim in project.claims.values() {
        assert!(text.contains(&unspaced(&claim.explanation)), "{:?} is not in the PDF", claim.explanation);
    }
}

/// `text` without whitespace, in lower case, with ligatures undone (NFKC): text read back
/// from a PDF has spaces where the layout put gaps (Chromium's PDFs read back as
/// "2 0 2 5"), line breaks where it wrapped, "ﬁ" for "fi", and headings in the capitals
/// of the stylesheet's `text-transform`.
fn unspaced(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfkc().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}
