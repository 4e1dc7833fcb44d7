//! Lock files: a second Crosscheck opening the same project is warned who holds it.
//!
//! `NAME.ron` is locked by `.NAME.ron.lock`, which names the holder's process and host.
//! A lock whose process is gone (a crash, a kill) is stale and is taken over.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Only remove a lock that is still ours; another instance may have taken it over.
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
    Io(io::Error),
}

pub fn lock_path(project: &Path) -> PathBuf {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    project.with_file_name(format!(".{name}.lock"))
}

/// Locks the project at `project` for this process, taking over stale locks.
pub fn lock_project(project: &Path) -> Result<ProjectLock, LockError> {
    let path = lock_path(project);
    let me = this_holder();
    if let Some(holder) = read_holder(&path)
        && holder != me
        && is_alive(&holder)
    {
        return Err(LockError::Held(holder));
    }
    let mut file = fs::File::create(&path).map_err(LockError::Io)?;
    writeln!(file, "{} {}", me.pid, me.host).map_err(LockError::Io)?;
    Ok(ProjectLock { path })
}

fn read_holder(path: &Path) -> Option<Holder> {
    let text = fs::read_to_string(path).ok()?;
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
}
