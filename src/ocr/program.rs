//! Running a helper program (the OCR reader, the PDF renderer) as a child process: input on
//! standard input, the answer on standard output, killed at its deadline or on Cancel.
//!
//! Both helpers are large C and C++ programs reading untrusted files; in a child process a
//! file one of them chokes on costs at most the deadline and never the app. The pipes are
//! served on their own threads so that neither side waits for the other.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// How often a running program is checked for Cancel.
const POLL: Duration = Duration::from_millis(50);

/// How much of a program's complaints is kept: its last line is what the analyst sees.
const MOST_COMPLAINTS: u64 = 64 << 10;

/// One run of a helper program.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub program: &'a OsStr,
    pub args: &'a [&'a OsStr],
    /// Extra environment variables for the child.
    pub env: &'a [(&'a str, &'a str)],
    pub deadline: Duration,
}

/// Why a run gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The program is not installed (not found where it was looked for).
    NotFound,
    /// It could not be started or waited for, for another reason.
    Unstartable(String),
    /// It ended with a failure; the last line it wrote on standard error, if any.
    Exited(String),
    Overran,
    Cancelled,
}

impl Run<'_> {
    /// Runs the program with `input` on its standard input and returns its standard output.
    /// `input` is shared rather than copied where it is large (a PDF rendered page by page).
    pub fn output(&self, input: impl AsRef<[u8]> + Send + 'static, cancel: &AtomicBool) -> Result<Vec<u8>, RunError> {
        let started = Command::new(self.program)
            .args(self.args)
            .envs(self.env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match started {
            Ok(child) => child,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Err(RunError::NotFound),
            Err(error) => return Err(RunError::Unstartable(error.to_string())),
        };
        let mut stdin = child.stdin.take();
        let writer = std::thread::Builder::new().name("child-input".to_owned()).spawn(move || {
            // A program that dies early closes the pipe; its exit status says why.
            stdin.as_mut().map(|pipe| pipe.write_all(input.as_ref()));
        });
        let mut stdout = child.stdout.take();
        let reader = std::thread::Builder::new().name("child-output".to_owned()).spawn(move || {
            let mut answer = Vec::new();
            stdout.as_mut().map(|pipe| pipe.read_to_end(&mut answer));
            answer
        });
        let mut stderr = child.stderr.take();
        let complaints = std::thread::Builder::new().name("child-errors".to_owned()).spawn(move || {
            let mut said = Vec::new();
            stderr.as_mut().map(|pipe| pipe.take(MOST_COMPLAINTS).read_to_end(&mut said));
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
                    return Err(if cancel.load(Ordering::Relaxed) { RunError::Cancelled } else { RunError::Overran });
                }
                Ok(None) => {}
                Err(error) => {
                    child.kill().ok();
                    child.wait().ok();
                    return Err(RunError::Unstartable(format!("it could not be waited for ({error})")));
                }
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
            return Err(RunError::Exited(last.trim().to_owned()));
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell<'a>(script: &'a [&'a OsStr; 2], deadline: Duration) -> Run<'a> {
        Run { program: OsStr::new("sh"), args: script, env: &[("GREETING", "hello")], deadline }
    }

    #[test]
    fn input_goes_in_and_output_comes_back_with_the_environment() {
        let script = [OsStr::new("-c"), OsStr::new("printf \"$GREETING \"; cat")];
        let answer = shell(&script, Duration::from_secs(10)).output(b"world".to_vec(), &AtomicBool::new(false));
        assert_eq!(answer, Ok(b"hello world".to_vec()));
    }

    #[test]
    fn each_way_a_program_can_fail_is_named() {
        let missing = Run { program: OsStr::new("/nonexistent/program"), args: &[], env: &[], deadline: POLL };
        assert_eq!(missing.output(Vec::new(), &AtomicBool::new(false)), Err(RunError::NotFound));
        let failing = [OsStr::new("-c"), OsStr::new("echo 'first'; echo 'the last complaint' >&2; exit 3")];
        assert_eq!(
            shell(&failing, Duration::from_secs(10)).output(Vec::new(), &AtomicBool::new(false)),
            Err(RunError::Exited("the last complaint".to_owned()))
        );
        let slow = [OsStr::new("-c"), OsStr::new("exec sleep 30")];
        let began = Instant::now();
        let run = shell(&slow, Duration::from_millis(300));
        assert_eq!(run.output(Vec::new(), &AtomicBool::new(false)), Err(RunError::Overran));
        assert_eq!(run.output(Vec::new(), &AtomicBool::new(true)), Err(RunError::Cancelled));
        assert!(began.elapsed() < Duration::from_secs(10));
    }
}
