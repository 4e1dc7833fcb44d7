//! Which files a project may touch, and how they are opened: the one place that decides.
//!
//! A project folder comes from someone else (a colleague's repository, a zip, a shared
//! drive), so everything it names is untrusted:
//! - An original file is read only if its path is relative, stays inside the project folder
//!   (no `..`), and no part of it is a symbolic link; anything else is refused unread, so a
//!   project cannot make Crosscheck hash or copy `~/.ssh/id_ed25519` or `/etc/passwd`. The
//!   analyst can still relink such a source to a file chosen in a dialog.
//! - Every read is of a regular file, opened without blocking (a FIFO would wait for a writer
//!   forever) and capped on the open handle while reading, so `/dev/zero` or a file that
//!   grows cannot fill memory.
//! - Files Crosscheck creates in the folder (locks, temporary files of a save, recovery
//!   files) are created fresh with `O_EXCL` and `O_NOFOLLOW`, so a link planted under their
//!   name is never written through.
//!
//! Files the analyst picks in a dialog or names on the command line are theirs to choose:
//! links to them are followed, but they too must be regular files and are read capped.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum AccessError {
    #[error("it is an absolute path, outside the project folder; relink the source to a file you choose")]
    Absolute,
    #[error("it climbs out of the project folder (`..`); relink the source to a file you choose")]
    Climbs,
    #[error("{0} is a symbolic link, which Crosscheck does not follow inside a project")]
    Link(String),
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("it is larger than {} MB", .0 >> 20)]
    TooLarge(u64),
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl AccessError {
    /// Whether the file is simply not there (as opposed to refused).
    pub fn is_missing(&self) -> bool {
        matches!(self, Self::Io(error) if error.kind() == io::ErrorKind::NotFound)
    }
}

/// The path of a project-relative original inside `folder`, if the project may read it:
/// relative, without `..`, and with no symbolic link anywhere below `folder`.
pub fn inside_project(folder: &Path, relative: &str) -> Result<PathBuf, AccessError> {
    let relative_path = Path::new(relative);
    if relative_path.has_root() || relative_path.is_absolute() || relative.starts_with('\\') {
        return Err(AccessError::Absolute);
    }
    let mut path = folder.to_owned();
    for component in relative_path.components() {
        match component {
            Component::Normal(part) => {
                path.push(part);
                match fs::symlink_metadata(&path) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        let shown = path.strip_prefix(folder).unwrap_or(&path).display().to_string();
                        return Err(AccessError::Link(shown));
                    }
                    Ok(_) => {}
                    // A missing part is reported by the read that follows.
                    Err(_) => return Ok(folder.join(relative_path)),
                }
            }
            Component::CurDir => {}
            Component::ParentDir => return Err(AccessError::Climbs),
            Component::RootDir | Component::Prefix(_) => return Err(AccessError::Absolute),
        }
    }
    Ok(path)
}

/// Whether `relative`, as a project names an original, points outside the project folder.
pub fn is_outside(relative: &str) -> bool {
    matches!(inside_project(Path::new(""), relative), Err(AccessError::Absolute | AccessError::Climbs))
}

/// Reads the original a project names at `relative`, under [`inside_project`]'s rules.
pub fn read_in_project(folder: &Path, relative: &str, cap: u64) -> Result<Vec<u8>, AccessError> {
    let path = inside_project(folder, relative)?;
    read_capped(&open_no_follow(&path)?, cap)
}

/// Reads a file Crosscheck itself names inside a folder it was given (a lock, a recovery
/// file): the last part must not be a link.
pub fn read_own_file(path: &Path, cap: u64) -> Result<Vec<u8>, AccessError> {
    read_capped(&open_no_follow(path)?, cap)
}

/// Opens a file Crosscheck itself names for reading, unless its last part is a link.
pub fn open_own_file(path: &Path) -> io::Result<File> {
    open_no_follow(path).map_err(|error| match error {
        AccessError::Io(error) => error,
        refused => io::Error::other(refused.to_string()),
    })
}

/// Reads a file the analyst chose: links are followed, but it must be a regular file.
pub fn read_chosen(path: &Path, cap: u64) -> Result<Vec<u8>, AccessError> {
    let file = open_options_for_reading().open(path)?;
    read_capped(&file, cap)
}

fn open_options_for_reading() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading waits for a writer; without blocking it opens at once
        // and is then refused as not a regular file. Regular files ignore the flag.
        options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    options
}

/// Opens `path` for reading unless its last part is a symbolic link.
fn open_no_follow(path: &Path) -> Result<File, AccessError> {
    let mut options = open_options_for_reading();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC | libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|error| {
        // O_NOFOLLOW on a link fails with ELOOP; say what it is.
        if fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink()) {
            AccessError::Link(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        } else {
            AccessError::Io(error)
        }
    })
}

/// Reads an open file, refusing anything but a regular file and stopping past `cap` bytes
/// whatever its metadata said.
fn read_capped(file: &File, cap: u64) -> Result<Vec<u8>, AccessError> {
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(AccessError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > cap {
        return Err(AccessError::TooLarge(cap));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(AccessError::TooLarge(cap));
    }
    Ok(bytes)
}

/// What a non-regular file is, for messages.
pub fn kind_of(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Creates `path` as a new file for writing: never an existing file, never through a link.
/// Its mode is `mode` less the umask, as for any new file.
pub fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode).custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn originals_outside_the_folder_or_behind_links_are_refused() {
        let folder = tempfile::tempdir().expect("folder");
        let sources = folder.path().join("sources");
        fs::create_dir(&sources).expect("create");
        fs::write(sources.join("wire.txt"), "text").expect("write");
        assert_eq!(read_in_project(folder.path(), "sources/wire.txt", 100).expect("inside"), b"text");
        assert!(matches!(read_in_project(folder.path(), "/etc/passwd", 100), Err(AccessError::Absolute)));
        assert!(matches!(read_in_project(folder.path(), "../victim/id", 100), Err(AccessError::Climbs)));
        assert!(matches!(read_in_project(folder.path(), "sources/../../x", 100), Err(AccessError::Climbs)));
        assert!(is_outside("/home/u/.ssh/id_ed25519") && is_outside("../x") && !is_outside("sources/a.txt"));

        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", sources.join("passwd.txt")).expect("link");
            let error = read_in_project(folder.path(), "sources/passwd.txt", 1 << 20).expect_err("a link");
            assert!(matches!(error, AccessError::Link(_)), "{error}");
            // A linked folder is a way out too.
            std::os::unix::fs::symlink("/etc", folder.path().join("etc")).expect("link");
            let error = read_in_project(folder.path(), "etc/passwd", 1 << 20).expect_err("a linked folder");
            assert!(error.to_string().contains("etc is a symbolic link"), "{error}");
        }
    }

    #[test]
    #[cfg(unix)]
    fn reads_stop_at_the_cap_on_the_open_handle() {
        let folder = tempfile::tempdir().expect("folder");
        let zero = folder.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        let error = read_chosen(&zero, 1 << 20).expect_err("a device");
        assert!(error.to_string().contains("character device"), "{error}");
        assert!(matches!(read_own_file(&zero, 1 << 20), Err(AccessError::Link(_))));
        let big = folder.path().join("big.txt");
        fs::write(&big, vec![b'a'; 2048]).expect("write");
        assert!(matches!(read_chosen(&big, 1024), Err(AccessError::TooLarge(1024))));
    }

    #[test]
    #[cfg(unix)]
    fn a_fifo_is_refused_at_once() {
        let folder = tempfile::tempdir().expect("folder");
        let fifo = folder.path().join("wire.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        let started = std::time::Instant::now();
        let error = read_chosen(&fifo, 1 << 20).expect_err("a FIFO");
        assert!(error.to_string().contains("FIFO"), "{error}");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    #[cfg(unix)]
    fn new_files_are_never_created_through_a_link() {
        let folder = tempfile::tempdir().expect("folder");
        let target = folder.path().join("victim");
        fs::write(&target, "precious").expect("write");
        let planted = folder.path().join(".case.ron.lock");
        std::os::unix::fs::symlink(&target, &planted).expect("link");
        assert!(create_new(&planted, 0o666).is_err());
        let dangling = folder.path().join("dangling");
        std::os::unix::fs::symlink(folder.path().join("created"), &dangling).expect("link");
        assert!(create_new(&dangling, 0o666).is_err());
        assert!(!folder.path().join("created").exists());
        assert_eq!(fs::read_to_string(&target).expect("read"), "precious");
    }
}
