//! Reading a PDF in a child process.
//!
//! The checks beside this module refuse every input known to crash or hang `pdf-extract`, but
//! it is a large library written for well-formed files, and the failures left in it cannot
//! be handled from inside: a stack overflow or exhausted memory ends the process, and a
//! thread in an endless loop cannot be stopped. A child process can be given a memory limit,
//! killed at the deadline, and its death reported as a refusal while the app carries on.
//!
//! The app and the command line run themselves as the child (`crosscheck read-pdf-worker`,
//! see `main.rs`); a program that never calls [`read_in_child_processes`] (the tests, the
//! fuzzers) reads PDFs on a worker thread instead.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

use super::{DEADLINE, IMPORTER, Imported, PageWithoutText, Refusal};
use crate::model::{SourceFormat, SourceMeta};

/// Address space a child may use: a document whose streams pass the unpacking limits needs a
/// fraction of this, so reaching it means the reader has run away.
pub const CHILD_MEMORY_BYTES: u64 = 4 << 30;

/// How to start a child that reads a PDF on standard input and answers on standard output.
#[derive(Debug, Clone)]
pub struct ChildReader {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub deadline: Duration,
}

static CHILD_READER: OnceLock<ChildReader> = OnceLock::new();

/// From now on, every PDF this process imports is read by `program args…`. Called once, at
/// start-up; later calls change nothing.
pub fn read_in_child_processes(program: PathBuf, args: Vec<OsString>) {
    CHILD_READER.get_or_init(|| ChildReader { program, args, deadline: DEADLINE });
}

pub(super) fn configured() -> Option<&'static ChildReader> {
    CHILD_READER.get()
}

/// What a child sends back: the reading, or the refusal.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Read { text: String, meta: SourceMeta, notes: Vec<String>, pages_without_text: Vec<PageWithoutText> },
    Empty,
    Encrypted,
    Malformed(String),
}

impl ChildReader {
    /// Reads `bytes` in a new child process, waiting at most the deadline.
    pub fn read(&self, bytes: &[u8]) -> Result<Imported, Refusal> {
        let started = Command::new(&self.program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = started else {
            return Err(Refusal::Malformed("the PDF reader could not be started".to_owned()));
        };
        // Both pipes are served on their own threads, so neither side waits for the other.
        let mut stdin = child.stdin.take();
        let input = bytes.to_vec();
        let writer = std::thread::spawn(move || {
            // A child that dies early closes the pipe; its exit status says why.
            stdin.as_mut().map(|pipe| pipe.write_all(&input));
        });
        let mut stdout = child.stdout.take();
        let reader = std::thread::spawn(move || {
            let mut answer = Vec::new();
            stdout.as_mut().map(|pipe| pipe.read_to_end(&mut answer));
            answer
        });
        let Ok(Some(status)) = child.wait_timeout(self.deadline) else {
            // Killing closes the pipes, which lets both pipe threads finish.
            child.kill().ok();
            child.wait().ok();
            return Err(super::overran(self.deadline));
        };
        writer.join().ok();
        let answer = reader.join().unwrap_or_default();
        if !status.success() {
            return Err(Refusal::Malformed(
                "the PDF reader stopped on it without an answer (it crashed or ran out of memory); it may be damaged"
                    .to_owned(),
            ));
        }
        match serde_json::from_slice(&answer) {
            Ok(Reply::Read { text, meta, notes, pages_without_text }) => {
                Ok(Imported { format: SourceFormat::Pdf, text, meta, importer: IMPORTER, notes, pages_without_text })
            }
            Ok(Reply::Empty) => Err(Refusal::Empty),
            Ok(Reply::Encrypted) => Err(Refusal::Encrypted),
            Ok(Reply::Malformed(reason)) => Err(Refusal::Malformed(reason)),
            Err(_) => Err(Refusal::Malformed("the PDF reader gave an answer Crosscheck cannot read".to_owned())),
        }
    }
}

/// Caps this process's address space at [`CHILD_MEMORY_BYTES`], so a runaway reading fails
/// an allocation and ends the child rather than taking the machine's memory. For the child
/// only: it is the whole process's limit.
pub fn limit_memory() {
    // Best effort: where address-space limits are not available the child reads unguarded.
    rlimit::Resource::AS.set(CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES).ok();
}

/// The child's side: a PDF on `input`, the outcome as JSON on `output`.
pub fn serve(mut input: impl Read, output: impl Write) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let reply = match super::read_on_thread(&bytes) {
        Ok(imported) => Reply::Read {
            text: imported.text,
            meta: imported.meta,
            notes: imported.notes,
            pages_without_text: imported.pages_without_text,
        },
        Err(Refusal::Empty) => Reply::Empty,
        Err(Refusal::Encrypted) => Reply::Encrypted,
        Err(other) => Reply::Malformed(other.to_string()),
    };
    serde_json::to_writer(output, &reply).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &[u8] = include_bytes!("../../../tests/fixtures/import/report.pdf");

    /// A stand-in child: a shell script, so each way a real child can fail is reproduced.
    fn shell(script: &str, deadline: Duration) -> ChildReader {
        ChildReader { program: "sh".into(), args: vec!["-c".into(), script.into()], deadline }
    }

    #[test]
    fn a_childs_answer_is_the_same_as_reading_in_process() {
        let mut answer = Vec::new();
        serve(REPORT, &mut answer).expect("serves");
        let folder = tempfile::tempdir().expect("folder");
        let reply = folder.path().join("reply.json");
        std::fs::write(&reply, &answer).expect("write");
        let child = shell(&format!("cat >/dev/null; cat '{}'", reply.display()), Duration::from_secs(10));
        assert_eq!(child.read(REPORT), super::super::read_on_thread(REPORT));
    }

    #[test]
    fn a_child_that_crashes_is_a_refusal_not_a_crash() {
        let refusal = shell("kill -SEGV $$", Duration::from_secs(10)).read(REPORT).expect_err("crashed");
        assert!(refusal.to_string().contains("stopped on it without an answer"), "{refusal}");
    }

    #[test]
    fn a_child_past_its_deadline_is_killed_and_named_as_slow() {
        let refusal = shell("exec sleep 30", Duration::from_millis(200)).read(REPORT).expect_err("too slow");
        assert!(refusal.to_string().contains("took longer than"), "{refusal}");
    }

    #[test]
    fn a_child_that_answers_nonsense_is_refused() {
        let refusal = shell("cat >/dev/null; echo nonsense", Duration::from_secs(10)).read(REPORT).expect_err("bad");
        assert!(refusal.to_string().contains("answer Crosscheck cannot read"), "{refusal}");
    }

    #[test]
    fn refusals_cross_the_pipe_intact() {
        let mut answer = Vec::new();
        serve(&b"%PDF-1.7\nnot really"[..], &mut answer).expect("serves");
        let reply: Reply = serde_json::from_slice(&answer).expect("json");
        assert!(matches!(reply, Reply::Malformed(_)), "{reply:?}");
    }
}
