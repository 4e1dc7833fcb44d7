//! `crosscheck git-setup [REPO]`: tells a git repository to merge and diff project files
//! with Crosscheck. Idempotent: it adds what is missing and says what it did.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The attribute line that routes project files to the driver and the diff filter.
pub const ATTRIBUTES_LINE: &str = "*.ron merge=crosscheck diff=crosscheck";

/// Why git could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{} is not inside a git repository (git said: {said})", path.display())]
    NotARepository { path: PathBuf, said: String },
    #[error("cannot run git: {0}")]
    Git(std::io::Error),
    #[error("git config {key} failed: {said}")]
    Config { key: String, said: String },
    #[error("cannot update {}: {reason}", path.display())]
    Attributes { path: PathBuf, reason: std::io::Error },
}

fn git(repo: &Path, args: &[&str]) -> Result<std::process::Output, SetupError> {
    Command::new("git").arg("-C").arg(repo).args(args).output().map_err(SetupError::Git)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_owned()
}

/// Quotes a program path for the shell git runs drivers with.
fn shell_quote(path: &str) -> String {
    if path.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c)) {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

/// Sets up the repository containing `repo` to use `program` (this executable). Returns
/// one line per thing done or already in place.
pub fn git_setup(repo: &Path, program: &Path) -> Result<Vec<String>, SetupError> {
    let top = git(repo, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(SetupError::NotARepository { path: repo.to_owned(), said: text(&top.stderr) });
    }
    let top = PathBuf::from(text(&top.stdout));
    let program = shell_quote(&program.to_string_lossy());
    let settings = [
        ("merge.crosscheck.name", "Crosscheck project merge".to_owned()),
        ("merge.crosscheck.driver", format!("{program} merge-driver %O %A %B %P")),
        ("diff.crosscheck.textconv", format!("{program} diff --textconv")),
    ];
    let mut done = Vec::new();
    for (key, value) in settings {
        let current = git(&top, &["config", "--local", "--get", key])?;
        if current.status.success() && text(&current.stdout) == value {
            done.push(format!("{key} already set"));
            continue;
        }
        let set = git(&top, &["config", "--local", key, &value])?;
        if !set.status.success() {
            return Err(SetupError::Config { key: key.to_owned(), said: text(&set.stderr) });
        }
        done.push(format!("set {key} = {value}"));
    }
    let attributes = top.join(".gitattributes");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(existing) => existing,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(reason) => return Err(SetupError::Attributes { path: attributes, reason }),
    };
    if existing.lines().any(|line| line.trim() == ATTRIBUTES_LINE) {
        done.push(".gitattributes already routes *.ron to Crosscheck".to_owned());
    } else {
        let mut updated = existing.clone();
        if !updated.is_empty() && !updated.ends_with('\n') {
            updated.push('\n');
        }
        updated.push_str(ATTRIBUTES_LINE);
        updated.push('\n');
        crate::store::replace_atomically(&attributes, updated.as_bytes())
            .map_err(|reason| SetupError::Attributes { path: attributes.clone(), reason })?;
        done.push(format!("added `{ATTRIBUTES_LINE}` to {} (commit it to share it)", attributes.display()));
    }
    Ok(done)
}
