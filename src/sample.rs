//! The bundled sample project, which the app opens when started with no project named.
//!
//! Its files are built into the program, so an installed or moved binary that cannot find
//! the copy in the source tree unpacks its own into the user's data folder instead.

use std::io;
use std::path::{Path, PathBuf};

/// The sample's project file name and its folder's name.
const NAME: &str = "harbour-accord";

/// Every file of the sample, by path inside its folder.
const FILES: &[(&str, &str)] = &[
    ("harbour-accord.ron", include_str!("../projects/harbour-accord/harbour-accord.ron")),
    ("sources/wire.txt", include_str!("../projects/harbour-accord/sources/wire.txt")),
    ("sources/rewrite.md", include_str!("../projects/harbour-accord/sources/rewrite.md")),
    ("sources/statement.txt", include_str!("../projects/harbour-accord/sources/statement.txt")),
];

/// The sample in the source tree this program was built from (tests and development).
pub fn sample_project_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects").join(NAME).join(format!("{NAME}.ron"))
}

/// The sample project to open: beside the program (`projects/` next to it, or an
/// installation's `share/crosscheck/projects/`), else in the source tree, else the copy
/// built into the program, unpacked once into the user's data folder.
pub fn locate_sample() -> io::Result<PathBuf> {
    let exe_dir = std::env::current_exe().ok().and_then(|exe| exe.parent().map(Path::to_owned));
    let beside = exe_dir.iter().flat_map(|dir| {
        [dir.join("projects"), dir.join("../share/crosscheck/projects")]
            .map(|projects| projects.join(NAME).join(format!("{NAME}.ron")))
    });
    if let Some(found) = beside.chain([sample_project_path()]).find(|path| path.is_file()) {
        return Ok(found);
    }
    let data = directories::ProjectDirs::from("org", "Crosscheck", "Crosscheck")
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "this system has no data folder for the sample"))?;
    unpack_into(&data.data_dir().join("samples").join(NAME))
}

/// Writes the built-in sample into `folder`, leaving files that are already there alone
/// (the analyst may have worked in the sample), and returns its project file.
pub fn unpack_into(folder: &Path) -> io::Result<PathBuf> {
    for (name, text) in FILES {
        let path = folder.join(name);
        if !path.exists() {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            crate::store::replace_atomically(&path, text.as_bytes())?;
        }
    }
    Ok(folder.join(format!("{NAME}.ron")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_sample_unpacks_into_a_project_whose_originals_match() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = unpack_into(folder.path()).expect("unpacks");
        let loaded = crate::store::load(&path).expect("loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        for source in loaded.project.sources.values() {
            let original = source.content.original.as_ref().expect("each source has its original");
            let status = crate::store::original_status(folder.path(), original);
            assert_eq!(status, crate::store::OriginalStatus::Unchanged, "{}", original.path);
        }
    }

    #[test]
    fn unpacking_again_keeps_the_analysts_edits() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = unpack_into(folder.path()).expect("unpacks");
        std::fs::write(&path, "edited").expect("write");
        unpack_into(folder.path()).expect("unpacks again");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "edited");
    }

    #[test]
    fn every_file_of_the_sample_folder_is_built_in() {
        let folder = sample_project_path().parent().expect("folder").to_owned();
        let mut on_disk: Vec<String> = walk(&folder)
            .into_iter()
            .filter_map(|path| path.strip_prefix(&folder).ok().map(|p| p.to_string_lossy().into_owned()))
            .filter(|name| !name.rsplit('/').next().is_some_and(|file| file.starts_with('.')))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = FILES.iter().map(|(name, _)| (*name).to_owned()).collect();
        built_in.sort();
        assert_eq!(on_disk, built_in);
    }

    fn walk(folder: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(folder).expect("list").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
        }
        files
    }
}
