//! Teamwork through git: merging two analysts' branches of a project, diffs in the
//! analyst's words, and agreement between analysts who judged the same claims.
//!
//! No server: git moves the files, and these modules make project files merge as
//! projects rather than as lines of RON.

pub mod agreement;
pub mod diff;
pub mod dismissals;
pub mod driver;
pub mod fields;
pub mod git_setup;
pub mod merge;
pub mod renumber;
pub mod resolve;
pub mod scripts;
pub mod verify;

pub use driver::{DriverError, DriverOutcome, merge_files};
pub use merge::{MergeError, MergeReport, Merged, SideLabels, merge};

#[cfg(test)]
mod tests;
