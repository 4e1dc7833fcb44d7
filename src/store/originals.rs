//! The original files of a project's sources, kept in `sources/` beside the project.

use std::fs;
use std::io;
use std::path::{Component, Path};

use sha2::{Digest, Sha256};

use crate::model::OriginalFile;

/// The folder, beside the project file, that holds copies of the sources' original files.
pub const SOURCES_DIR: &str = "sources";

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut hex, byte| {
        hex.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
        hex
    })
}

/// Whether a source's original file is still as it was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginalStatus {
    Unchanged,
    /// The file is there but its bytes differ; holds the new hash.
    Changed {
        sha256: String,
    },
    Missing,
}

/// Checks an original file against the hash recorded at import.
pub fn original_status(project_dir: &Path, original: &OriginalFile) -> OriginalStatus {
    match fs::read(project_dir.join(&original.path)) {
        Err(_) => OriginalStatus::Missing,
        Ok(bytes) => {
            let sha256 = sha256_hex(&bytes);
            if sha256 == original.sha256 { OriginalStatus::Unchanged } else { OriginalStatus::Changed { sha256 } }
        }
    }
}

/// Copies an imported file's bytes into the project's `sources/` folder and returns its
/// path relative to the project folder. A file with the same name and bytes is reused;
/// a different file with the same name gets a numbered name rather than replacing it.
pub fn adopt_original(project_dir: &Path, file_name: &str, bytes: &[u8]) -> io::Result<String> {
    let folder = project_dir.join(SOURCES_DIR);
    fs::create_dir_all(&folder)?;
    let name = safe_file_name(file_name);
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem.to_owned(), format!(".{extension}")),
        _ => (name.clone(), String::new()),
    };
    for attempt in 1.. {
        let candidate = if attempt == 1 { name.clone() } else { format!("{stem}-{attempt}{extension}") };
        let path = folder.join(&candidate);
        match fs::read(&path) {
            Ok(existing) if existing == bytes => return Ok(format!("{SOURCES_DIR}/{candidate}")),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                super::write_atomically(&path, bytes)?;
                return Ok(format!("{SOURCES_DIR}/{candidate}"));
            }
            Err(error) => return Err(error),
        }
    }
    unreachable!("the loop above only ends by returning")
}

/// A file name that cannot escape the `sources/` folder.
fn safe_file_name(name: &str) -> String {
    let last = Path::new(name).components().rev().find_map(|c| match c {
        Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
        _ => None,
    });
    let cleaned: String = last
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':') { '_' } else { c })
        .collect();
    if cleaned.trim_matches('.').is_empty() { "source".to_owned() } else { cleaned }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_the_known_sha256() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn adopting_keeps_distinct_files_apart_and_reuses_identical_ones() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let first = adopt_original(folder.path(), "report.txt", b"one").expect("copy");
        let again = adopt_original(folder.path(), "/elsewhere/report.txt", b"one").expect("copy");
        let other = adopt_original(folder.path(), "report.txt", b"two").expect("copy");
        assert_eq!(first, "sources/report.txt");
        assert_eq!(again, first);
        assert_eq!(other, "sources/report-2.txt");
        assert_eq!(fs::read(folder.path().join(&other)).expect("read"), b"two");
    }

    #[test]
    fn hostile_names_stay_inside_the_sources_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name(".."), "source");
        assert_eq!(safe_file_name("a\u{0}b.txt"), "a_b.txt");
    }

    #[test]
    fn detects_changed_and_missing_originals() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = adopt_original(folder.path(), "a.txt", b"text").expect("copy");
        let original = OriginalFile { path: path.clone(), sha256: sha256_hex(b"text"), importer: String::new() };
        assert_eq!(original_status(folder.path(), &original), OriginalStatus::Unchanged);
        fs::write(folder.path().join(&path), b"edited").expect("write");
        assert!(matches!(original_status(folder.path(), &original), OriginalStatus::Changed { .. }));
        fs::remove_file(folder.path().join(&path)).expect("remove");
        assert_eq!(original_status(folder.path(), &original), OriginalStatus::Missing);
    }
}

/// A source made from a file, and what the analyst should know about the import.
#[derive(Debug)]
pub struct NewSource {
    pub source: crate::model::Source,
    pub notes: Vec<String>,
}

/// Why a file could not become a source.
#[derive(Debug, thiserror::Error)]
pub enum SourceFileError {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error("cannot copy {} into the project's {SOURCES_DIR} folder: {error}", path.display())]
    Copy { path: std::path::PathBuf, error: io::Error },
}

/// Imports `file` as a source. With a project folder, the original is copied into its
/// `sources/` folder; a project that has never been saved keeps the absolute path until
/// [`collect_originals`] runs on its first save.
pub fn source_from_file(file: &Path, project_dir: Option<&Path>) -> Result<NewSource, SourceFileError> {
    let imported = crate::import::import_file(file)?;
    let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let path = match project_dir {
        Some(folder) => adopt_original(folder, &name, &imported.bytes)
            .map_err(|error| SourceFileError::Copy { path: file.to_owned(), error })?,
        None => std::path::absolute(file).unwrap_or_else(|_| file.to_owned()).to_string_lossy().into_owned(),
    };
    let document = imported.document;
    let original = OriginalFile { path, sha256: sha256_hex(&imported.bytes), importer: document.importer.to_owned() };
    let mut meta = document.meta;
    if meta.title.trim().is_empty() {
        meta.title = name;
    }
    let content =
        crate::model::SourceContent { format: document.format, text: document.text, original: Some(original) };
    Ok(NewSource { source: crate::model::Source { meta, content }, notes: document.notes })
}

/// Copies originals that are not yet in `to_dir`'s `sources/` folder — imported before
/// the project was first saved (absolute paths), or left behind in `from_dir` when the
/// project is saved to a new folder — and returns the edit that points their sources at
/// the copies.
pub fn collect_originals(
    project: &crate::model::Project,
    from_dir: Option<&Path>,
    to_dir: &Path,
) -> io::Result<Option<crate::edit::Edit>> {
    use crate::edit::{Edit, SourceChange};
    let moving = from_dir.is_some_and(|from| from != to_dir);
    let mut edits = Vec::new();
    for (&id, source) in &project.sources {
        let Some(original) = &source.content.original else { continue };
        let stored = Path::new(&original.path);
        let current = if stored.is_absolute() {
            stored.to_owned()
        } else if let (true, Some(from)) = (moving, from_dir) {
            from.join(stored)
        } else {
            continue;
        };
        // A missing original stays flagged as missing; it is not a reason to refuse the save.
        let Ok(bytes) = fs::read(&current) else { continue };
        let name = current.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let relative = adopt_original(to_dir, &name, &bytes)?;
        if relative == original.path {
            continue;
        }
        let mut content = source.content.clone();
        content.original = Some(OriginalFile { path: relative, ..original.clone() });
        edits.push(Edit::SetSource { id, change: SourceChange::Content(content) });
    }
    Ok((!edits.is_empty()).then(|| Edit::Batch { label: "Copy source files into the project".to_owned(), edits }))
}
