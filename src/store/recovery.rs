//! Recovery files: the work since the last save, written in the background so that a
//! crash, a kill or a power cut costs at most the last half minute.
//!
//! A project `NAME.ron` keeps its recovery file beside it as `.NAME.ron.recovery`; a
//! project that has never been saved keeps it in the user's data folder. The file is an
//! ordinary project file, so recovering is loading.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{LoadError, load_own_file, replace_atomically, to_ron};
use crate::model::Project;

/// Where the recovery file of the project at `project_path` lives; for a project never
/// saved (`None`), in the user's data folder, if the system has one.
pub fn recovery_path(project_path: Option<&Path>) -> Option<PathBuf> {
    match project_path {
        Some(path) => {
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some(path.with_file_name(format!(".{name}.recovery")))
        }
        None => directories::ProjectDirs::from("org", "Crosscheck", "Crosscheck")
            .map(|dirs| dirs.data_dir().join("recovery").join("untitled.ron")),
    }
}

/// Writes `project` to its recovery file, atomically.
pub fn write_recovery(project: &Project, recovery: &Path) -> std::io::Result<()> {
    if let Some(folder) = recovery.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let text = to_ron(project).map_err(std::io::Error::other)?;
    replace_atomically(recovery, text.as_bytes())
}

/// Removes a recovery file once its work is saved or deliberately discarded.
pub fn discard_recovery(recovery: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(recovery) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Work found in a recovery file.
#[derive(Debug)]
pub struct Recovery {
    pub project: Project,
    pub path: PathBuf,
    /// When the recovery file was last written.
    pub written: SystemTime,
}

/// The recovery file of the project at `project_path`, if there is one newer than the
/// project file itself (an older one was overtaken by a save and is stale).
pub fn find_recovery(project_path: Option<&Path>) -> Option<Result<Recovery, LoadError>> {
    let path = recovery_path(project_path)?;
    // The recovery file's own time, not a link's target's: a link is refused when read.
    let written = std::fs::symlink_metadata(&path).and_then(|meta| meta.modified()).ok()?;
    let saved = project_path.and_then(|p| std::fs::metadata(p).and_then(|meta| meta.modified()).ok());
    if saved.is_some_and(|saved| saved > written) {
        return None;
    }
    Some(load_own_file(&path).map(|loaded| Recovery { project: loaded.project, path, written }))
}

/// What the recovered project has that the saved one does not, in a sentence:
/// "1 more source, 2 claims edited, 1 conflict edited".
pub fn describe_difference(saved: &Project, recovered: &Project) -> String {
    let mut parts = Vec::new();
    difference(&mut parts, &saved.sources, &recovered.sources, ("source", "sources"));
    difference(&mut parts, &saved.claims, &recovered.claims, ("claim", "claims"));
    difference(&mut parts, &saved.evidence, &recovered.evidence, ("piece of evidence", "pieces of evidence"));
    difference(&mut parts, &saved.conflicts, &recovered.conflicts, ("conflict", "conflicts"));
    if saved.info != recovered.info || saved.scale != recovered.scale {
        parts.push("project details edited".to_owned());
    }
    if parts.is_empty() { "changes to details the lists do not show".to_owned() } else { parts.join(", ") }
}

/// "2 more claims", "1 fewer claim" and "3 claims edited" for one collection.
fn difference<K: Ord, V: PartialEq>(
    parts: &mut Vec<String>,
    saved: &std::collections::BTreeMap<K, V>,
    recovered: &std::collections::BTreeMap<K, V>,
    (one, many): (&str, &str),
) {
    let added = recovered.keys().filter(|key| !saved.contains_key(key)).count();
    let removed = saved.keys().filter(|key| !recovered.contains_key(key)).count();
    let edited = recovered.iter().filter(|(key, value)| saved.get(key).is_some_and(|old| old != *value)).count();
    if added > 0 {
        parts.push(format!("{added} more {}", if added == 1 { one } else { many }));
    }
    if removed > 0 {
        parts.push(format!("{removed} fewer {}", if removed == 1 { one } else { many }));
    }
    if edited > 0 {
        parts.push(format!("{} edited", crate::wording::count(edited, one, many)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_newer_than_its_project_is_found_and_an_older_one_is_not() {
        let folder = tempfile::tempdir().expect("folder");
        let project_path = folder.path().join("case.ron");
        let saved = crate::store::load(&crate::sample_project_path()).expect("sample").project;
        crate::store::save(&saved, &project_path).expect("save");
        assert!(find_recovery(Some(&project_path)).is_none());

        let mut edited = saved.clone();
        let id = *edited.claims.keys().next().expect("a claim");
        if let Some(claim) = edited.claims.get_mut(&id) {
            claim.verdict = "Mixed".to_owned();
        }
        let recovery = recovery_path(Some(&project_path)).expect("path");
        assert_eq!(recovery, folder.path().join(".case.ron.recovery"));
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_recovery(&edited, &recovery).expect("write");
        let found = find_recovery(Some(&project_path)).expect("found").expect("loads");
        assert_eq!(found.project, edited);
        assert_eq!(describe_difference(&saved, &found.project), "1 claim edited");

        std::thread::sleep(std::time::Duration::from_millis(20));
        crate::store::save(&edited, &project_path).expect("save");
        assert!(find_recovery(Some(&project_path)).is_none(), "a later save overtakes the recovery file");
        discard_recovery(&recovery).expect("remove");
        discard_recovery(&recovery).expect("removing twice is fine");
    }

    #[test]
    fn the_difference_names_what_was_added_removed_and_edited_in_each_list() {
        let saved = crate::store::load(&crate::sample_project_path()).expect("sample").project;
        let mut recovered = saved.clone();
        let source = *recovered.sources.keys().next().expect("a source");
        let copy = recovered.sources[&source].clone();
        let new_source = recovered.ids.next_source();
        recovered.sources.insert(new_source, copy);
        let evidence = *recovered.evidence.keys().next().expect("evidence");
        recovered.evidence.remove(&evidence);
        for conflict in recovered.conflicts.values_mut().take(2) {
            conflict.summary.push_str(" Checked again.");
        }
        recovered.info.title.push_str(" (draft)");
        assert_eq!(
            describe_difference(&saved, &recovered),
            "1 more source, 1 fewer piece of evidence, 2 conflicts edited, project details edited"
        );
        assert_eq!(describe_difference(&saved, &saved), "changes to details the lists do not show");
    }

    /// Issue 12, item 1: a recovery file linked elsewhere was loaded through the link and
    /// offered as the project's unsaved work, and writing one wrote through the link.
    #[test]
    #[cfg(unix)]
    fn a_recovery_file_that_is_a_link_is_neither_read_nor_written_through() {
        let folder = tempfile::tempdir().expect("folder");
        let project_path = folder.path().join("case.ron");
        let project = crate::store::load(&crate::sample_project_path()).expect("sample").project;
        crate::store::save(&project, &project_path).expect("save");
        let elsewhere = folder.path().join("elsewhere.ron");
        std::thread::sleep(std::time::Duration::from_millis(20));
        crate::store::save(&project, &elsewhere).expect("save");
        let recovery = recovery_path(Some(&project_path)).expect("path");
        std::os::unix::fs::symlink(&elsewhere, &recovery).expect("link");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let link_time = std::time::SystemTime::now();
        std::fs::File::options()
            .write(true)
            .open(&project_path)
            .expect("open")
            .set_modified(link_time - std::time::Duration::from_secs(5))
            .expect("age");
        let refused = find_recovery(Some(&project_path)).expect("a recovery file is there").expect_err("a link");
        assert!(refused.to_string().contains("symbolic link"), "{refused}");
        let before = std::fs::read(&elsewhere).expect("read");
        write_recovery(&project, &recovery).expect("write");
        assert_eq!(std::fs::read(&elsewhere).expect("read"), before, "the link's target is untouched");
        assert!(std::fs::symlink_metadata(&recovery).expect("stat").is_file());
    }
}
