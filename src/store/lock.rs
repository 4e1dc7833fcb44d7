//! Lock files: a second Crosscheck opening the same project is warned who holds it.
//!
//! `NAME.ron` is locked by `.NAME.ron.lock`, which names the holder's process and host.
//! A lock whose process is gone (a crash, a kill) is stale and is taken over.
//!
//! The lock's name is known in advance, so a project folder from elsewhere may hold a link
//! under it (`git clone` recreates one). Nothing here follows a link: the lock is read with
//! `O_NOFOLLOW`, written whole into a file created fresh (`O_EXCL`) and then linked into
//! place, and a lock name held by anything but a regular file is left alone and reported.
//! Because the lock appears only once it is complete, a full disk cannot leave an empty one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::access;

/// Who holds a project open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "process {} on {}", self.pid, self.host)
    }
}

/// A held lock; dropping it releases the project.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    /// A lock file was there that named no holder (empty or garbled) and was taken over.
    took_over_unreadable: bool,
}

impl ProjectLock {
    /// What the analyst should hear about taking this lock, if anything: a lock file that
    /// named no holder was replaced, which a crash on a full disk may explain.
    pub fn notice(&self) -> Option<String> {
        self.took_over_unreadable.then(|| {
            format!(
                "{} named no holder (a save on a full disk, or a crash, can leave one like that); Crosscheck took it over. If another Crosscheck has this project open, close one of them.",
                self.path.display()
            )
        })
    }
}

impl ProjectLock {
    /// Lets this handle go without removing the lock file, which `keeper`, a second handle
    /// of this process on the same file, now holds: dropping this one would release both.
    pub fn hand_over_to(self, keeper: &ProjectLock) {
        debug_assert_eq!(self.path, keeper.path, "a lock is handed over only to one on the same file");
        std::mem::forget(self);
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Only remove a lock that is still ours; another instance may have taken it over,
        // and a link put in its place since is not ours to remove either.
        if read_holder(&self.path).is_some_and(|holder| holder == this_holder()) {
            fs::remove_file(&self.path).ok();
        }
    }
}

/// Why a project could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another live Crosscheck holds it.
    Held(Holder),
    /// The lock's name is held by something that is not a regular file (a link planted in
    /// the folder, a FIFO, a folder); it is left as it was.
    Refused {
        path: PathBuf,
        kind: &'static str,
    },
    Io(io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Held(holder) => write!(f, "the project is open in another Crosscheck ({holder})"),
            Self::Refused { path, kind } => write!(
                f,
                "{} is {kind}, not a lock file; Crosscheck left it alone and holds no lock on the project. Remove it if you did not put it there",
                path.display()
            ),
            Self::Io(error) => write!(f, "cannot write the lock file: {error}"),
        }
    }
}

pub fn lock_path(project: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(project.file_name().unwrap_or_default());
    name.push(".lock");
    project.with_file_name(name)
}

/// Locks the project at `project` for this process, taking over stale locks.
pub fn lock_project(project: &Path) -> Result<ProjectLock, LockError> {
    let path = lock_path(project);
    let me = this_holder();
    let mut took_over_unreadable = false;
    let mut stale = false;
    match fs::symlink_metadata(&path) {
        Ok(meta) if !meta.is_file() => {
            return Err(LockError::Refused { path, kind: access::kind_of(meta.file_type()) });
        }
        Ok(_) => match read_holder(&path) {
            Some(holder) if holder != me && is_alive(&holder) => return Err(LockError::Held(holder)),
            Some(_) => stale = true,
            None => (took_over_unreadable, stale) = (true, true),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(LockError::Io(error)),
    }
    let staged = staging_path(&path);
    let written = write_staged(&staged, &me).and_then(|()| {
        if stale {
            // Removes the stale lock file itself; it was checked above to be no link.
            fs::remove_file(&path)
                .or_else(|error| if error.kind() == io::ErrorKind::NotFound { Ok(()) } else { Err(error) })?;
        }
        put_in_place(&staged, &path)
    });
    // Best effort: the staged copy is no longer needed whatever happened.
    fs::remove_file(&staged).ok();
    match written {
        Ok(()) => Ok(ProjectLock { path, took_over_unreadable }),
        // Another Crosscheck locked it between our look and our link.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => match read_holder(&path) {
            Some(holder) => Err(LockError::Held(holder)),
            None => Err(LockError::Io(error)),
        },
        Err(error) => Err(LockError::Io(error)),
    }
}

/// `.NAME.ron.lock.PID.new`: where the lock is written before it is put in place.
fn staging_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{}.new", std::process::id()));
    path.with_file_name(name)
}

/// Writes the whole lock into a fresh file at `staged` (removing a leftover of this
/// process's or a link planted there, never writing through it).
fn write_staged(staged: &Path, me: &Holder) -> io::Result<()> {
    if fs::symlink_metadata(staged).is_ok() {
        fs::remove_file(staged)?;
    }
    let mut file = access::create_new(staged, 0o666)?;
    writeln!(file, "{} {}", me.pid, me.host)?;
    file.sync_all()
}

/// Gives the complete lock its name; fails with `AlreadyExists` if another process got
/// there first. Where the file system has no hard links, a rename has to do.
fn put_in_place(staged: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(staged, path) {
        Err(error) if error.kind() != io::ErrorKind::AlreadyExists => fs::rename(staged, path),
        linked => linked,
    }
}

fn read_holder(path: &Path) -> Option<Holder> {
    // Never through a link, never a FIFO, never more than a lock's worth.
    let bytes = access::read_own_file(path, 4096).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (pid, host) = text.trim().split_once(' ')?;
    Some(Holder { pid: pid.parse().ok()?, host: host.to_owned() })
}

fn this_holder() -> Holder {
    Holder { pid: std::process::id(), host: host_name() }
}

fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|name| name.trim().to_owned())
        .ok()
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this computer".to_owned())
}

/// Whether the holder's process still runs. A process on another host cannot be checked,
/// so its lock is respected.
fn is_alive(holder: &Holder) -> bool {
    if holder.host != host_name() {
        return true;
    }
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{}", holder.pid)).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_holder_is_reported_and_a_dead_one_taken_over() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.ron");
        let lock = lock_path(&project);

        // Process 1 always runs on Linux: a live holder.
        fs::write(&lock, format!("1 {}\n", host_name())).expect("write");
        match lock_project(&project) {
            Err(LockError::Held(holder)) => assert_eq!(holder.pid, 1),
            other => panic!("expected the project to be held: {other:?}"),
        }

        // A pid far above any real one: a crashed holder.
        fs::write(&lock, format!("4000000 {}\n", host_name())).expect("write");
        let held = lock_project(&project).expect("stale lock taken over");
        assert_eq!(read_holder(&lock), Some(this_holder()));
        drop(held);
        assert!(!lock.exists(), "released on drop");
    }

    /// Issue 12, item 1: a `.NAME.ron.lock` link had its target truncated and written
    /// (`../home/.bashrc`), a dangling one had its target created, and quitting removed the
    /// link, hiding the cause.
    #[test]
    #[cfg(unix)]
    fn a_link_planted_at_the_lock_is_neither_followed_nor_removed() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.ron");
        let lock = lock_path(&project);
        let victim = folder.path().join("bashrc");
        fs::write(&victim, "alias ls='ls --color'\n").expect("write");
        std::os::unix::fs::symlink(&victim, &lock).expect("link");
        let refused = lock_project(&project).expect_err("a link is no lock");
        assert!(matches!(refused, LockError::Refused { kind: "a symbolic link", .. }), "{refused:?}");
        assert!(refused.to_string().contains(".case.ron.lock is a symbolic link"), "{refused}");
        assert_eq!(fs::read_to_string(&victim).expect("read"), "alias ls='ls --color'\n");
        assert!(fs::symlink_metadata(&lock).expect("still there").file_type().is_symlink());

        fs::remove_file(&lock).expect("remove");
        let created = folder.path().join("created");
        std::os::unix::fs::symlink(&created, &lock).expect("dangling link");
        assert!(lock_project(&project).is_err());
        assert!(!created.exists(), "a dangling link's target is not created");
    }

    #[test]
    #[cfg(unix)]
    fn a_fifo_at_the_lock_is_refused_at_once() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.ron");
        let made = std::process::Command::new("mkfifo").arg(lock_path(&project)).status().expect("mkfifo runs");
        assert!(made.success());
        let refused = lock_project(&project).expect_err("a FIFO is no lock");
        assert!(refused.to_string().contains("FIFO"), "{refused}");
    }

    #[test]
    #[cfg(unix)]
    fn a_link_put_in_place_of_a_held_lock_is_not_removed_on_release() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.ron");
        let lock = lock_path(&project);
        let held = lock_project(&project).expect("locked");
        fs::remove_file(&lock).expect("remove");
        std::os::unix::fs::symlink(folder.path().join("elsewhere"), &lock).expect("link");
        drop(held);
        assert!(fs::symlink_metadata(&lock).is_ok(), "not ours, so left");
    }

    /// Issue 12, item 11: an empty lock (a write on a full disk) was taken over silently.
    #[test]
    fn an_empty_lock_is_taken_over_with_a_notice_and_ours_is_never_empty() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.ron");
        let lock = lock_path(&project);
        fs::write(&lock, "").expect("write");
        let held = lock_project(&project).expect("taken over");
        let notice = held.notice().expect("the analyst hears of it");
        assert!(notice.contains(".case.ron.lock named no holder"), "{notice}");
        assert_eq!(read_holder(&lock), Some(this_holder()));
        drop(held);
        let held = lock_project(&project).expect("locked");
        assert!(held.notice().is_none(), "a lock of our own needs no notice");
        let leftovers: Vec<_> = fs::read_dir(folder.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .filter(|name| name != ".case.ron.lock")
            .collect();
        assert!(leftovers.is_empty(), "staging files left: {leftovers:?}");
    }
}
