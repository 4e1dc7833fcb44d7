//! Where a report may be written: never over the project it comes from.
//!
//! `crosscheck export P.ron --format md -o P.ron` used to replace the project with its own
//! report, and `-o /dev/full` replaced a device node with a regular file. A report is
//! written atomically (a new file renamed into place), so whatever is at the output path is
//! replaced, not written into; these checks decide, before anything is written, that what
//! would be replaced is no one's project and an ordinary file.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::store;

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output: `-`, or a name of it such as `/dev/stdout`, which cannot be
    /// replaced by a rename (only root may create files in `/dev`).
    Stdout,
    File(PathBuf),
}

impl Destination {
    /// The destination an `-o` argument names; none means standard output.
    pub fn from_argument(output: Option<&Path>) -> Self {
        match output {
            None => Self::Stdout,
            Some(path) if STDOUT_NAMES.iter().any(|name| path == Path::new(name)) => Self::Stdout,
            Some(path) => Self::File(path.to_owned()),
        }
    }
}

const STDOUT_NAMES: [&str; 4] = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];

/// Why a report was not written to a path.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DestinationError {
    #[error("{} is the project being exported; choose another name for the report", .0.display())]
    TheProject(PathBuf),
    #[error("{} is a Crosscheck project file name (.ron); reports are never written over one, choose another name", .0.display())]
    ProjectName(PathBuf),
    #[error("{} is in the project's {}/ folder, where its original files live; choose another folder", .0.display(), store::SOURCES_DIR)]
    InSources(PathBuf),
    #[error("{} is {kind}, not a regular file; a report replaces the file it is written to, so it goes only to regular files or to standard output (`-o -`)", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
}

/// Checks that a report may replace whatever is at `output`, for the project saved at
/// `project` (if it has been saved).
pub fn check_destination(project: Option<&Path>, output: &Path) -> Result<(), DestinationError> {
    if is_project_file_name(output) {
        return Err(DestinationError::ProjectName(output.to_owned()));
    }
    if let Some(project) = project {
        if same_file(project, output) {
            return Err(DestinationError::TheProject(output.to_owned()));
        }
        if is_in_sources(project, output) {
            return Err(DestinationError::InSources(output.to_owned()));
        }
    }
    // What the path names now, links followed: a link to a device is refused like the
    // device (the rename would replace only the link, but whoever made it meant the device).
    if let Ok(meta) = std::fs::metadata(output)
        && !meta.is_file()
    {
        return Err(DestinationError::NotRegular { path: output.to_owned(), kind: store::kind_of(meta.file_type()) });
    }
    Ok(())
}

/// `NAME.ron`, and the files Crosscheck keeps beside one: `NAME.ron.bak`,
/// `.NAME.ron.lock`, `.NAME.ron.recovery`.
fn is_project_file_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else { return false };
    let name = name.to_string_lossy().to_ascii_lowercase();
    [".ron", ".ron.bak", ".ron.lock", ".ron.recovery"].iter().any(|suffix| name.ends_with(suffix))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether `output` would land in the project's `sources/` folder (or below it).
fn is_in_sources(project: &Path, output: &Path) -> bool {
    let folder = match project.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(sources) = std::fs::canonicalize(folder.join(store::SOURCES_DIR)) else { return false };
    let output_folder = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::canonicalize(output_folder).is_ok_and(|folder| folder.starts_with(&sources))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_output_is_named_in_several_ways() {
        for name in ["-", "/dev/stdout", "/dev/fd/1"] {
            assert_eq!(Destination::from_argument(Some(Path::new(name))), Destination::Stdout, "{name}");
        }
        assert_eq!(Destination::from_argument(None), Destination::Stdout);
        let file = Path::new("report.md");
        assert_eq!(Destination::from_argument(Some(file)), Destination::File(file.to_owned()));
    }

    #[test]
    fn a_report_never_replaces_the_project_its_files_or_a_device() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.txt");
        std::fs::write(&project, "(format: \"crosscheck-project\")").expect("write");
        std::fs::create_dir(folder.path().join("sources")).expect("create");
        let refused = |output: &Path| check_destination(Some(&project), output);

        assert_eq!(refused(&project), Err(DestinationError::TheProject(project.clone())));
        let relative = folder.path().join("sources/../case.txt");
        assert_eq!(refused(&relative), Err(DestinationError::TheProject(relative.clone())));
        for name in ["other.ron", "OTHER.RON", "case.ron.bak", ".case.ron.lock", ".case.ron.recovery"] {
            let path = folder.path().join(name);
            assert_eq!(refused(&path), Err(DestinationError::ProjectName(path.clone())), "{name}");
        }
        let original = folder.path().join("sources/wire.txt");
        assert_eq!(refused(&original), Err(DestinationError::InSources(original.clone())));
        let refused_device = refused(Path::new("/dev/full")).expect_err("a device");
        assert!(refused_device.to_string().starts_with("/dev/full is a character device"), "{refused_device}");
        assert!(refused(folder.path()).is_err(), "a folder");

        assert_eq!(refused(&folder.path().join("report.md")), Ok(()));
        std::fs::write(folder.path().join("report.md"), "old report").expect("write");
        assert_eq!(refused(&folder.path().join("report.md")), Ok(()), "an old report is replaced");
        assert_eq!(check_destination(None, &folder.path().join("report.html")), Ok(()));
    }

    #[test]
    #[cfg(unix)]
    fn a_link_to_the_project_is_refused_like_the_project() {
        let folder = tempfile::tempdir().expect("folder");
        let project = folder.path().join("case.txt");
        std::fs::write(&project, "project").expect("write");
        let link = folder.path().join("report.md");
        std::os::unix::fs::symlink(&project, &link).expect("link");
        assert_eq!(check_destination(Some(&project), &link), Err(DestinationError::TheProject(link.clone())));
    }
}
