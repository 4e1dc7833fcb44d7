//! `crosscheck merge-driver %O %A %B %P`: git's merge driver contract, for project files.
//!
//! Git hands the driver three temporary files — the common ancestor (`%O`), ours (`%A`)
//! and theirs (`%B`) — and takes the result from `%A`; exit status 0 means merged
//! cleanly, anything else leaves the path marked as conflicted. All three are read as
//! projects (older format versions migrated first). The merged project is written only
//! after it has been turned into RON and read back to the same project with no new
//! problems; otherwise `%A` is left untouched and the driver says why.

use std::path::{Path, PathBuf};

use super::merge::{MergeError, MergeReport, SideLabels, merge};
use crate::model::Project;
use crate::store::{self, LoadError};

/// Why the driver refused to merge; `%A` is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("{side}: {error}")]
    Load { side: &'static str, error: LoadError },
    #[error(transparent)]
    Merge(#[from] MergeError),
    #[error("the merged project would not load again ({0}); left the file as it was")]
    NotReloadable(String),
    #[error("the merged project would break invariants neither side broke: {}", .0.join("; "))]
    NewProblems(Vec<String>),
    #[error("cannot write the merged project to {}: {reason}", path.display())]
    Write { path: PathBuf, reason: std::io::Error },
}

/// What the driver did.
#[derive(Debug)]
pub struct DriverOutcome {
    pub report: MergeReport,
}

fn load_side(path: &Path, side: &'static str, empty_is_new: bool) -> Result<Project, DriverError> {
    // Git gives an empty ancestor when both branches added the file.
    if empty_is_new && std::fs::metadata(path).is_ok_and(|meta| meta.len() == 0) {
        return Ok(Project::default());
    }
    store::load(path).map(|loaded| loaded.project).map_err(|error| DriverError::Load { side, error })
}

/// Merges the projects at `base`, `ours` and `theirs` into `ours`.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path, labels: &SideLabels) -> Result<DriverOutcome, DriverError> {
    let base_project = load_side(base, "common ancestor", true)?;
    let ours_project = load_side(ours, "ours", false)?;
    let theirs_project = load_side(theirs, "theirs", false)?;
    let merged = merge(&base_project, &ours_project, &theirs_project, labels)?;
    let text = store::to_ron(&merged.project).map_err(|error| DriverError::NotReloadable(error.to_string()))?;
    match store::from_ron(&text) {
        Ok((again, _)) if again == merged.project => {}
        Ok(_) => return Err(DriverError::NotReloadable("it reads back differently".to_owned())),
        Err(error) => return Err(DriverError::NotReloadable(format!("{error:?}"))),
    }
    let before: Vec<String> =
        ours_project.problems().iter().chain(theirs_project.problems().iter()).map(ToString::to_string).collect();
    let new_problems: Vec<String> = merged
        .project
        .problems()
        .iter()
        .filter(|p| !is_orphan_notice(p))
        .map(ToString::to_string)
        .filter(|p| !before.contains(p))
        .collect();
    if !new_problems.is_empty() {
        return Err(DriverError::NewProblems(new_problems));
    }
    store::replace_atomically(ours, text.as_bytes())
        .map_err(|reason| DriverError::Write { path: ours.to_owned(), reason })?;
    Ok(DriverOutcome { report: merged.report })
}

/// A passage re-anchoring could not find in a source's merged text stays in the project
/// flagged orphaned, for review, exactly as after a re-import; `check` lists it. That is
/// the merge keeping work, not breaking the project.
pub fn is_orphan_notice(problem: &crate::model::Problem) -> bool {
    problem.message.contains(" is orphaned: ")
}
