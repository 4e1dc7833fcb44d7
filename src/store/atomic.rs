//! Atomic file replacement.
//!
//! A crash or a kill at any moment of a save must leave either the old file or the new
//! one, never a mixture: the new bytes go to a temporary file in the same folder, are
//! flushed to the disk, and only then renamed over the old name, which POSIX makes atomic.
//!
//! The temporary file is created fresh in the target's folder (`O_EXCL`, `O_NOFOLLOW`), so a
//! link planted under its name is never written through; it gets the umask's mode, or the
//! mode and group of the file it replaces, so a project on a group folder stays shared.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

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
    let name = path.file_name().map(ToOwned::to_owned).unwrap_or_default();
    remove_stale_temporaries(folder, &name);
    let (temporary, mut file) = create_temporary(folder, &name)?;
    let written = (|| {
        file.write_all(bytes)?;
        keep_mode_and_group(path, &file)?;
        file.sync_all()?;
        if keep_previous && fs::symlink_metadata(path).is_ok() {
            keep_backup(path)?;
        }
        // rename replaces a link planted at `path` itself; it never writes through one.
        fs::rename(&temporary, path)?;
        sync_folder(folder)
    })();
    if written.is_err() {
        // Best effort: the save has already failed and says why.
        fs::remove_file(&temporary).ok();
    }
    written
}

/// A temporary file beside the target, `.NAME.PID-N.saving`, created fresh (never an
/// existing file, never through a link) with the mode new files get under the umask.
fn create_temporary(folder: &Path, name: &OsStr) -> io::Result<(PathBuf, fs::File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut attempts = 0;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temporary_name = OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}-{n}{TEMPORARY_SUFFIX}", std::process::id()));
        let temporary = folder.join(temporary_name);
        match super::access::create_new(&temporary, 0o666) {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => attempts += 1,
            Err(error) => return Err(error),
        }
    }
}

/// What every temporary file of a save ends with.
const TEMPORARY_SUFFIX: &str = ".saving";

/// Temporary files older than this are left by a save that was killed; a save in progress
/// takes well under a second even for a 37 MB project.
const STALE_AFTER: Duration = Duration::from_mins(10);

/// Removes temporary files of `name` that a killed save left behind.
fn remove_stale_temporaries(folder: &Path, name: &OsStr) {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let (prefix, now) = (prefix.to_string_lossy().into_owned(), SystemTime::now());
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        // `.NAME.PID-N.saving`, or `.NAME.XXXXXX.saving` as earlier versions named them;
        // not `.NAME.x.PID-N.saving`, a temporary of another file.
        let is_ours = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
            .is_some_and(|middle| !middle.is_empty() && middle.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        if !is_ours {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(|meta| meta.is_file() || meta.file_type().is_symlink())
            .and_then(|meta| meta.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            // Best effort: a leftover that cannot be removed harms nothing.
            fs::remove_file(entry.path()).ok();
        }
    }
}

/// Gives the new file the mode (and, where allowed, the group) of the regular file it
/// replaces, as editors do, so a project on a group folder stays readable to colleagues.
/// A new file keeps the mode the umask gave it.
#[cfg(unix)]
fn keep_mode_and_group(path: &Path, file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(old) = fs::symlink_metadata(path) else { return Ok(()) };
    if !old.is_file() {
        return Ok(());
    }
    // Not the setuid, setgid or sticky bits: those are not the file's readers.
    file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o777))?;
    if file.metadata()?.gid() != old.gid() {
        // Only a member of the group may give it the file; otherwise it stays ours.
        std::os::unix::fs::fchown(file, None, Some(old.gid())).ok();
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_mode_and_group(_path: &Path, _file: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Makes `NAME.bak` a copy of `path`, itself replaced atomically so that a crash leaves
/// the previous backup or the new one.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let staged = backup.with_extension("bak.saving");
    // A hard link costs nothing; fall back to copying where links are not supported.
    if fs::hard_link(path, &staged).is_err() {
        // Stale staging from an interrupted save (or a link planted under its name: removing
        // it removes the link, and the copy below then creates a fresh file).
        if fs::symlink_metadata(&staged).is_ok() {
            fs::remove_file(&staged)?;
        }
        if fs::hard_link(path, &staged).is_err() {
            // Copy only a regular file: copying through a link at `path` would put whatever
            // it points at into the project's folder.
            if !fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file()) {
                return Ok(());
            }
            let mut copy = super::access::create_new(&staged, 0o666)?;
            io::copy(&mut super::access::open_own_file(path)?, &mut copy)?;
            keep_mode_and_group(path, &copy)?;
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

    /// The umask of this process, from Linux's `/proc/self/status`.
    #[cfg(target_os = "linux")]
    fn umask() -> u32 {
        let status = fs::read_to_string("/proc/self/status").expect("status");
        let line = status.lines().find_map(|line| line.strip_prefix("Umask:")).expect("Umask line");
        u32::from_str_radix(line.trim(), 8).expect("octal")
    }

    /// Issue 12, item 9: every save was written 0600 (tempfile's mode) and so took the
    /// replaced file's readers away.
    #[test]
    #[cfg(target_os = "linux")]
    fn a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).expect("stat").permissions().mode() & 0o777;
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("case.ron");
        write_atomically(&path, b"first").expect("first save");
        assert_eq!(mode(&path), 0o666 & !umask(), "a new file");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).expect("chmod");
        write_atomically(&path, b"second").expect("second save");
        assert_eq!(mode(&path), 0o664, "the replaced file's mode is kept");
        assert_eq!(mode(&backup_path(&path)), 0o664, "and the backup's");
        let report = folder.path().join("report.html");
        fs::write(&report, "old").expect("write");
        fs::set_permissions(&report, fs::Permissions::from_mode(0o644)).expect("chmod");
        replace_atomically(&report, b"new").expect("export");
        assert_eq!(mode(&report), 0o644);
    }

    /// Issue 12, item 11: temporary files left by a killed save were never removed.
    #[test]
    fn temporary_files_left_by_a_killed_save_are_cleaned_up_by_the_next() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("case.ron");
        let stale = folder.path().join(".case.ron.4242-0.saving");
        let fresh = folder.path().join(".case.ron.4242-1.saving");
        let older_style = folder.path().join(".case.ron.Ab3xY9.saving");
        let other = folder.path().join(".other.ron.4242-0.saving");
        let longer_name = folder.path().join(".case.ron.x.4242-0.saving");
        for leftover in [&stale, &fresh, &older_style, &other, &longer_name] {
            fs::write(leftover, "partial").expect("write");
        }
        let long_ago = SystemTime::now() - Duration::from_hours(1);
        for old in [&stale, &older_style, &other, &longer_name] {
            fs::File::options().write(true).open(old).expect("open").set_modified(long_ago).expect("age");
        }
        write_atomically(&path, b"saved").expect("save");
        assert!(!stale.exists(), "an old leftover of this file goes");
        assert!(fresh.exists(), "one that may belong to a save in progress stays");
        assert!(!older_style.exists(), "so does one named as earlier versions named them");
        assert!(other.exists(), "another file's leftovers are not this save's business");
        assert!(longer_name.exists(), "nor are those of case.ron.x");
    }

    #[test]
    #[cfg(unix)]
    fn a_link_planted_at_the_backup_staging_name_is_not_written_through() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("case.ron");
        let victim = folder.path().join("victim");
        fs::write(&victim, "precious").expect("write");
        write_atomically(&path, b"first").expect("first save");
        std::os::unix::fs::symlink(&victim, folder.path().join("case.ron.bak.saving")).expect("link");
        write_atomically(&path, b"second").expect("second save");
        assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
        assert_eq!(fs::read(backup_path(&path)).expect("backup"), b"first");
    }

    #[test]
    #[cfg(unix)]
    fn a_link_planted_at_the_target_is_replaced_not_written_through() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let victim = folder.path().join("victim");
        fs::write(&victim, "precious").expect("write");
        let report = folder.path().join("report.md");
        std::os::unix::fs::symlink(&victim, &report).expect("link");
        replace_atomically(&report, b"report").expect("export");
        assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
        assert!(fs::symlink_metadata(&report).expect("stat").is_file(), "the link itself is replaced");
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
