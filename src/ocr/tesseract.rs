//! Running the `tesseract` program: a child process with a deadline that Cancel kills.
//!
//! Tesseract is a large C++ program; like the PDF reader (`import::pdf::child`), it runs in
//! its own process, so a picture it chokes on costs at most the deadline and never the app.
//! The picture goes in on standard input as PNG, the TSV comes back on standard output.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use super::OcrError;

/// Environment variable naming the program to run instead of `tesseract` on the `PATH`.
pub const PROGRAM_VARIABLE: &str = "CROSSCHECK_TESSERACT";

/// How long one page may take: a dense A4 scan at 300 dpi takes a few seconds here.
pub const PAGE_DEADLINE: Duration = Duration::from_mins(2);

/// How often a running reader checks the cancel flag.
const POLL: Duration = Duration::from_millis(50);

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

    /// Tesseract's TSV for the PNG `picture`, read in `language`.
    pub fn read_tsv(&self, picture: Vec<u8>, language: &str, cancel: &AtomicBool) -> Result<String, OcrError> {
        let output = self.run(&["stdin", "stdout", "-l", language, "--psm", "3", "tsv"], picture, cancel)?;
        String::from_utf8(output).map_err(|_| OcrError::Failed("Tesseract's answer was not UTF-8 text".to_owned()))
    }

    fn run(&self, args: &[&str], input: Vec<u8>, cancel: &AtomicBool) -> Result<Vec<u8>, OcrError> {
        let started = Command::new(&self.program)
            .args(args)
            // Tesseract's own threads would fight the app's for two cores; one page at a time is fast enough.
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match started {
            Ok(child) => child,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Err(OcrError::missing()),
            Err(error) => return Err(OcrError::Failed(format!("Tesseract could not be started ({error})"))),
        };
        let mut stdin = child.stdin.take();
        let writer = std::thread::Builder::new().name("ocr-input".to_owned()).spawn(move || {
            // A reader that dies early closes the pipe; its exit status says why.
            stdin.as_mut().map(|pipe| pipe.write_all(&input));
        });
        let mut stdout = child.stdout.take();
        let reader = std::thread::Builder::new().name("ocr-output".to_owned()).spawn(move || {
            let mut answer = Vec::new();
            stdout.as_mut().map(|pipe| pipe.read_to_end(&mut answer));
            answer
        });
        let mut stderr = child.stderr.take();
        let complaints = std::thread::Builder::new().name("ocr-errors".to_owned()).spawn(move || {
            let mut said = Vec::new();
            stderr.as_mut().map(|pipe| pipe.take(64 << 10).read_to_end(&mut said));
            said
        });
        let began = Instant::now();
        let status = loop {
            match child.wait_timeout(POLL) {
                Ok(Some(status)) => break status,
                Ok(None) if cancel.load(Ordering::Relaxed) || began.elapsed() > self.deadline => {
                    // Killing closes the pipes, which lets the pipe threads finish.
                    child.kill().ok();
                    child.wait().ok();
                    return Err(if cancel.load(Ordering::Relaxed) {
                        OcrError::Cancelled
                    } else {
                        OcrError::Overran(self.deadline.as_secs())
                    });
                }
                Ok(None) => {}
                Err(error) => return Err(OcrError::Failed(format!("Tesseract could not be waited for ({error})"))),
            }
        };
        if let Ok(writer) = writer {
            writer.join().ok();
        }
        let answer = reader.ok().and_then(|reader| reader.join().ok()).unwrap_or_default();
        let said = complaints.ok().and_then(|thread| thread.join().ok()).unwrap_or_default();
        if !status.success() {
            let said = String::from_utf8_lossy(&said);
            let last = said.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or("no message");
            return Err(OcrError::Failed(format!("Tesseract stopped without reading it ({last})")));
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

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
