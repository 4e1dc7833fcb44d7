//! Project files: RON on disk, saved atomically, versioned and migrated.
//!
//! A project is one `.ron` file; its sources' original files live in a `sources/` folder
//! beside it, so the folder can be zipped, moved or committed and still open.

mod access;
mod atomic;
mod format;
mod lock;
mod migrate;
mod originals;
mod recovery;

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::{Problem, Project};

pub use access::{
    AccessError, create_new, inside_project, is_outside, kind_of, read_chosen, read_in_project, read_own_file,
};
pub use atomic::{backup_path, replace_atomically, write_atomically};
pub use format::{FORMAT_NAME, FORMAT_VERSION, from_ron, to_ron};
pub use lock::{Holder, LockError, ProjectLock, lock_path, lock_project};
pub use originals::{
    NewSource, OriginalStatus, SOURCES_DIR, SourceFileError, adopt_original, collect_originals, original_status,
    sha256_hex, source_from_file, source_from_file_in_language,
};
pub use recovery::{Recovery, describe_difference, discard_recovery, find_recovery, recovery_path, write_recovery};

/// Project files larger than this are refused rather than read into memory.
pub const MAX_PROJECT_BYTES: u64 = 1 << 30;

/// Why a project file could not be opened.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("cannot read {}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: AccessError },
    #[error("{} is more than the {MAX_PROJECT_BYTES} bytes a project file may have", path.display())]
    TooLarge { path: PathBuf },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{} is not a Crosscheck project (its format is {found:?})", path.display())]
    NotAProject { path: PathBuf, found: String },
    #[error(
        "{} was written in project format version {version}, newer than this Crosscheck reads (up to {FORMAT_VERSION}); update Crosscheck to open it",
        path.display()
    )]
    Newer { path: PathBuf, version: u32 },
}

/// Why a project could not be saved. The file on disk is left as it was.
#[derive(Debug, Error)]
pub enum SaveError {
    // `reason`, not `source`: the cause is in the message, and a chain printed with `{:#}`
    // would say it twice.
    #[error("cannot save {}: {reason}", path.display())]
    Io { path: PathBuf, reason: std::io::Error },
    #[error("cannot write the project as RON: {0}")]
    Serialize(String),
}

/// A project read from disk, with any broken invariants found in it.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// Invariants the file breaks; the project opens anyway so they can be fixed.
    pub problems: Vec<Problem>,
    /// The format version the file was written in, if it was migrated from an older one.
    pub migrated_from: Option<u32>,
}

/// Reads a project file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    // A regular file only, read capped: a project named on the command line may be a FIFO.
    load_bytes(path, read_chosen(path, MAX_PROJECT_BYTES))
}

/// Reads a project file Crosscheck names itself in the project's folder (a recovery file):
/// a link under its name is not followed.
fn load_own_file(path: &Path) -> Result<Loaded, LoadError> {
    load_bytes(path, read_own_file(path, MAX_PROJECT_BYTES))
}

fn load_bytes(path: &Path, read: Result<Vec<u8>, AccessError>) -> Result<Loaded, LoadError> {
    let bytes = read.map_err(|reason| match reason {
        AccessError::TooLarge(_) => LoadError::TooLarge { path: path.to_owned() },
        reason => LoadError::Unreadable { path: path.to_owned(), reason },
    })?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&error.as_bytes()[..error.utf8_error().valid_up_to()]);
        LoadError::Syntax { path: path.to_owned(), line, column, message: "the file is not UTF-8 text".to_owned() }
    })?;
    // Editors on Windows may start a UTF-8 file with a byte-order mark; it is not RON.
    // Positions stay right: the mark is no column of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (project, migrated_from) = from_ron(text).map_err(|error| error.at(path))?;
    let problems = project.problems();
    Ok(Loaded { project, problems, migrated_from })
}

/// Writes a project file atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = to_ron(project).map_err(|error| SaveError::Serialize(error.to_string()))?;
    write_atomically(path, text.as_bytes()).map_err(|reason| SaveError::Io { path: path.to_owned(), reason })
}

/// What a file on disk looked like when Crosscheck last read or wrote it, to notice
/// when something else (another instance, a `git pull`) changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: std::time::SystemTime,
    pub len: u64,
}

/// The file's stamp now; `None` when it cannot be read (gone, or no permission).
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(FileStamp { modified: meta.modified().ok()?, len: meta.len() })
}

/// 1-based line and column just after `bytes`.
fn line_column(bytes: &[u8]) -> (usize, usize) {
    let line = bytes.split(|&b| b == b'\n').count();
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&bytes[line_start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
