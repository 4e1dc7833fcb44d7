//! Progress and cancellation of a running export.
//!
//! Writers call [`Ticker::claim_done`] once per claim; the ticker passes progress on and
//! looks at the cancel flag only every [`EVERY`] claims, so a 20,000-claim export pays
//! for a hundred callbacks rather than twenty thousand.

use std::sync::atomic::{AtomicBool, Ordering};

use super::ExportError;

/// How many claims pass between two progress reports.
const EVERY: usize = 200;

/// How far an export has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Claims written so far.
    pub done: usize,
    /// Claims in the report.
    pub total: usize,
}

impl Progress {
    /// Completed share between 0 and 1, for a progress bar.
    pub fn fraction(self) -> f64 {
        if self.total == 0 { 1.0 } else { self.done as f64 / self.total as f64 }
    }
}

/// Counts claims as a writer finishes them.
pub(crate) struct Ticker<'a> {
    done: usize,
    total: usize,
    progress: &'a dyn Fn(Progress),
    cancel: &'a AtomicBool,
}

impl<'a> Ticker<'a> {
    pub(crate) fn new(total: usize, progress: &'a dyn Fn(Progress), cancel: &'a AtomicBool) -> Self {
        Self { done: 0, total, progress, cancel }
    }

    /// Notes one more claim written; fails once the export has been cancelled.
    pub(crate) fn claim_done(&mut self) -> Result<(), ExportError> {
        self.done += 1;
        if self.done.is_multiple_of(EVERY) {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(ExportError::Cancelled);
            }
            (self.progress)(Progress { done: self.done, total: self.total });
        }
        Ok(())
    }

    /// Reports completion, so a progress bar always ends full.
    pub(crate) fn finish(&self) {
        (self.progress)(Progress { done: self.total, total: self.total });
    }
}
