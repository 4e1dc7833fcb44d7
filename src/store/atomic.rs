//! Atomic file replacement.
//!
//! A crash or a kill at any moment of a save must leave either the old file or the new
//! one, never a mixture: the new bytes go to a temporary file in the same folder, are
//! flushed to the disk, and only then renamed over the old name, which POSIX makes atomic.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the previous version of `path` is kept: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(ToOwned::to_owned).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` atomically and keeps the old file as its backup.
/// On error the file at `path` is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, true)
}

/// Replaces `path` with `bytes` atomically, keeping no backup: for files Crosscheck can
/// write again at any time, such as exported reports.
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, false)
}

fn replace(path: &Path, bytes: &[u8], keep_previous: bool) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut temporary = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".saving").tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    if keep_previous && path.exists() {
        keep_backup(path)?;
    }
    temporary.persist(path).map_err(|error| error.error)?;
    sync_folder(folder)
}

/// Makes `NAME.bak` a copy of `path`, itself replaced atomically so that a crash leaves
/// the previous backup or the new one.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let staged = backup.with_extension("bak.saving");
    // A hard link costs nothing; fall back to copying where links are not supported.
    if fs::hard_link(path, &staged).is_err() {
        // Stale staging from an interrupted save.
        if staged.exists() {
            fs::remove_file(&staged)?;
        }
        if fs::hard_link(path, &staged).is_err() {
            fs::copy(path, &staged)?;
        }
    }
    fs::rename(&staged, &backup)
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_the_previous_version() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("case.ron");
        write_atomically(&path, b"first").expect("first save");
        assert!(!backup_path(&path).exists(), "nothing to back up on the first save");
        write_atomically(&path, b"second").expect("second save");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(fs::read(backup_path(&path)).expect("read backup"), b"first");
        let leftovers: Vec<_> = fs::read_dir(folder.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".saving"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_alone() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("case.ron");
        write_atomically(&path, b"kept").expect("first save");
        let missing_folder = folder.path().join("gone").join("case.ron");
        assert!(write_atomically(&missing_folder, b"lost").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"kept");
    }
}
