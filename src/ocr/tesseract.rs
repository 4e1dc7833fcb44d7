//! Running the `tesseract` program: a child process with a deadline that Cancel kills.
//!
//! Tesseract is a large C++ program; like the PDF reader (`import::pdf::child`), it runs in
//! its own process ([`super::program`]), so a picture it chokes on costs at most the deadline
//! and never the app. The picture goes in on standard input as PNG, the TSV comes back on
//! standard output.

use std::ffi::{OsStr, OsString};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::OcrError;
use super::program::{Run, RunError};

/// Environment variable naming the program to run instead of `tesseract` on the `PATH`.
pub const PROGRAM_VARIABLE: &str = "CROSSCHECK_TESSERACT";

/// How long one page may take: a dense A4 scan at 300 dpi takes a few seconds here.
pub const PAGE_DEADLINE: Duration = Duration::from_mins(2);

/// How Tesseract looks for the text on a page (its page segmentation mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Columns, captions and blocks found on the page (mode 3).
    Automatic,
    /// One block of lines, top to bottom (mode 6): a page photographed at an angle,
    /// whose tilted lines automatic layout breaks into blocks read out of order.
    OneBlock,
}

/// The OCR program and how long it may take.
#[derive(Debug, Clone)]
pub struct Tesseract {
    pub program: OsString,
    pub deadline: Duration,
}

impl Tesseract {
    /// `tesseract` from the `PATH`, or the program `CROSSCHECK_TESSERACT` names.
    pub fn system() -> Self {
        let program = std::env::var_os(PROGRAM_VARIABLE).unwrap_or_else(|| "tesseract".into());
        Self { program, deadline: PAGE_DEADLINE }
    }

    /// The languages installed for Tesseract (`eng`, `deu`, …), without its script detector.
    pub fn languages(&self) -> Result<Vec<String>, OcrError> {
        let output = self.run(&["--list-langs"], Vec::new(), &AtomicBool::new(false))?;
        let listing = String::from_utf8_lossy(&output);
        Ok(listing
            .lines()
            .skip_while(|line| !line.starts_with("List of available languages"))
            .skip(1)
            .map(str::trim)
            .filter(|name| !name.is_empty() && *name != "osd")
            .map(str::to_owned)
            .collect())
    }

    /// Tesseract's TSV for the PNG `picture`, read in `language` with its automatic
    /// layout: columns, captions and blocks found on the page.
    pub fn read_tsv(&self, picture: Vec<u8>, language: &str, cancel: &AtomicBool) -> Result<String, OcrError> {
        self.read_tsv_as(picture, language, Layout::Automatic, cancel)
    }

    /// Tesseract's TSV for the PNG `picture`, read in `language` with `layout`.
    pub fn read_tsv_as(
        &self,
        picture: Vec<u8>,
        language: &str,
        layout: Layout,
        cancel: &AtomicBool,
    ) -> Result<String, OcrError> {
        let mode = match layout {
            Layout::Automatic => "3",
            Layout::OneBlock => "6",
        };
        let output = self.run(&["stdin", "stdout", "-l", language, "--psm", mode, "tsv"], picture, cancel)?;
        String::from_utf8(output).map_err(|_| OcrError::Failed("Tesseract's answer was not UTF-8 text".to_owned()))
    }

    fn run(&self, args: &[&str], input: Vec<u8>, cancel: &AtomicBool) -> Result<Vec<u8>, OcrError> {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let run = Run {
            program: &self.program,
            args: &args,
            // Tesseract's own threads would fight the app's for two cores; one page at a time is fast enough.
            env: &[("OMP_THREAD_LIMIT", "1")],
            deadline: self.deadline,
        };
        run.output(input, cancel).map_err(|error| match error {
            RunError::NotFound => OcrError::missing(),
            RunError::Unstartable(why) => OcrError::Failed(format!("Tesseract could not be started ({why})")),
            RunError::Exited(last) => OcrError::Failed(format!("Tesseract stopped without reading it ({last})")),
            RunError::Overran => OcrError::Overran(self.deadline.as_secs()),
            RunError::Cancelled => OcrError::Cancelled,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Instant;

    use super::*;

    /// A stand-in reader: a shell script, so each way a real reader can fail is reproduced.
    fn script(folder: &tempfile::TempDir, body: &str, deadline: Duration) -> Tesseract {
        let path = folder.path().join("fake-tesseract");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("mode");
        Tesseract { program: path.into(), deadline }
    }

    #[test]
    fn a_missing_program_says_how_to_install_it() {
        let missing = Tesseract { program: "/nonexistent/tesseract".into(), deadline: PAGE_DEADLINE };
        let error = missing.languages().expect_err("missing");
        assert!(matches!(error, OcrError::Missing { .. }), "{error}");
        assert!(error.to_string().contains("install"), "{error}");
    }

    #[test]
    fn a_slow_reader_is_killed_at_its_deadline_and_cancel_stops_it_sooner() {
        let folder = tempfile::tempdir().expect("folder");
        let slow = script(&folder, "exec sleep 30", Duration::from_millis(300));
        let began = Instant::now();
        let error = slow.read_tsv(Vec::new(), "eng", &AtomicBool::new(false)).expect_err("slow");
        assert!(matches!(error, OcrError::Overran(_)), "{error}");
        let error = slow.read_tsv(Vec::new(), "eng", &AtomicBool::new(true)).expect_err("cancelled");
        assert!(matches!(error, OcrError::Cancelled), "{error}");
        assert!(began.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_reader_that_fails_passes_on_its_last_complaint() {
        let folder = tempfile::tempdir().expect("folder");
        let failing = script(&folder, "echo 'Error opening data file' >&2; exit 1", PAGE_DEADLINE);
        let error = failing.read_tsv(Vec::new(), "xyz", &AtomicBool::new(false)).expect_err("fails");
        assert!(error.to_string().contains("Error opening data file"), "{error}");
    }
}
