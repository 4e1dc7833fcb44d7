//! The original files of a project's sources, kept in `sources/` beside the project.
//!
//! What may be read or written here is decided by [`super::access`]: an original a project
//! names outside its folder, or behind a link, is never read, hashed or copied; only a file
//! the analyst chose in this session (imported before the project was first saved) is.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::access::{self, AccessError};
use crate::import::MAX_IMPORT_BYTES;

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
    /// The project names a file it may not read (outside its folder, behind a link, not a
    /// regular file); it was not read. Holds why, in words.
    Refused(String),
}

impl OriginalStatus {
    /// What the analyst is told about an original that is not as imported.
    pub fn warning(&self) -> Option<String> {
        match self {
            Self::Unchanged => None,
            Self::Missing => Some("The original file is missing".to_owned()),
            Self::Changed { .. } => Some("The original file has changed since it was imported".to_owned()),
            Self::Refused(reason) => Some(format!("The original file was not read: {reason}")),
        }
    }

    /// Whether the source needs relinking to a file the analyst chooses.
    pub fn needs_relink(&self) -> bool {
        matches!(self, Self::Missing | Self::Refused(_))
    }
}

/// Checks an original file against the hash recorded at import, reading it only if the
/// project may (see [`access::inside_project`]).
pub fn original_status(project_dir: &Path, original: &OriginalFile) -> OriginalStatus {
    match access::read_in_project(project_dir, &original.path, MAX_IMPORT_BYTES) {
        Err(error) if error.is_missing() => OriginalStatus::Missing,
        Err(AccessError::Io(error)) => OriginalStatus::Refused(error.to_string()),
        Err(refused) => OriginalStatus::Refused(refused.to_string()),
        Ok(bytes) => {
            let sha256 = sha256_hex(&bytes);
            if sha256 == original.sha256 { OriginalStatus::Unchanged } else { OriginalStatus::Changed { sha256 } }
        }
    }
}

/// The project's `sources/` folder, created if missing; refused if it is a link (copies
/// would land wherever it points) or not a folder.
fn sources_folder(project_dir: &Path) -> io::Result<PathBuf> {
    let folder = project_dir.join(SOURCES_DIR);
    match fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => Ok(folder),
        Ok(meta) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is {}, not a folder Crosscheck may copy into",
                folder.display(),
                access::kind_of(meta.file_type())
            ),
        )),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            fs::create_dir(&folder)?;
            Ok(folder)
        }
        Err(error) => Err(error),
    }
}

/// Copies an imported file's bytes into the project's `sources/` folder and returns its
/// path relative to the project folder.
///
/// New copies are content-addressed: `report.txt` is stored as `report.<12 hex digits of
/// its SHA-256>.txt`, so two analysts who import different files of the same name on two
/// branches add two different paths and git merges the folder without a conflict, and the
/// same bytes imported twice share one copy. A copy already stored under the plain name
/// (projects from before this scheme) is reused when its bytes are the same; a name taken
/// by anything else gets a numbered name rather than replacing it.
pub fn adopt_original(project_dir: &Path, file_name: &str, bytes: &[u8]) -> io::Result<String> {
    let folder = sources_folder(project_dir)?;
    let plain = safe_file_name(file_name);
    if access::read_own_file(&folder.join(&plain), MAX_IMPORT_BYTES).is_ok_and(|existing| existing == bytes) {
        return Ok(format!("{SOURCES_DIR}/{plain}"));
    }
    let name = content_name(&plain, &sha256_hex(bytes));
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem.to_owned(), format!(".{extension}")),
        _ => (name.clone(), String::new()),
    };
    for attempt in 1.. {
        let candidate = if attempt == 1 { name.clone() } else { format!("{stem}-{attempt}{extension}") };
        let path = folder.join(&candidate);
        // A name taken by a link, a folder or anything unreadable is left alone.
        match access::read_own_file(&path, MAX_IMPORT_BYTES) {
            Ok(existing) if existing == bytes => return Ok(format!("{SOURCES_DIR}/{candidate}")),
            Err(error) if error.is_missing() => {
                super::write_atomically(&path, bytes)?;
                return Ok(format!("{SOURCES_DIR}/{candidate}"));
            }
            Ok(_) | Err(_) => {}
        }
    }
    unreachable!("the loop above only ends by returning")
}

/// `report.txt` → `report.<hash>.txt`; a name that already carries the hash is kept, so a
/// project saved to a new folder keeps its originals' names.
fn content_name(name: &str, sha256: &str) -> String {
    let tag = &sha256[..12.min(sha256.len())];
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
        _ => (name, String::new()),
    };
    if stem.ends_with(&format!(".{tag}")) { name.to_owned() } else { format!("{stem}.{tag}{extension}") }
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
        // SHA-256 of "one" starts 7692c3ad3540; of "two" 3fc4ccfe7458.
        assert_eq!(first, "sources/report.7692c3ad3540.txt");
        assert_eq!(again, first);
        assert_eq!(other, "sources/report.3fc4ccfe7458.txt");
        let moved = adopt_original(folder.path(), "report.3fc4ccfe7458.txt", b"two").expect("copy");
        assert_eq!(moved, other, "a content-addressed name is not hashed twice");
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
        let original = OriginalFile {
            path: path.clone(),
            sha256: sha256_hex(b"text"),
            importer: String::new(),
            capture: None,
            ocr: None,
        };
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

/// Imports `file`, which the analyst chose, as a source. With a project folder, the
/// original is copied into its `sources/` folder; a project that has never been saved keeps
/// the absolute path until [`collect_originals`] runs on its first save. Stops soon after
/// `cancel` is set.
pub fn source_from_file(
    file: &Path,
    project_dir: Option<&Path>,
    cancel: &AtomicBool,
) -> Result<NewSource, SourceFileError> {
    source_from_file_in_language(file, project_dir, "", cancel, &|_, _| {})
}

/// [`source_from_file`], a picture's or scanned PDF's text read in the language of the tag
/// `language`; `pages` hears (pages done, pages to read) as a scanned PDF is read.
pub fn source_from_file_in_language(
    file: &Path,
    project_dir: Option<&Path>,
    language: &str,
    cancel: &AtomicBool,
    pages: &dyn Fn(usize, usize),
) -> Result<NewSource, SourceFileError> {
    let imported = crate::import::import_file_in_language(file, language, cancel, pages)?;
    let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let path = match project_dir {
        Some(folder) => adopt_original(folder, &name, &imported.bytes)
            .map_err(|error| SourceFileError::Copy { path: file.to_owned(), error })?,
        None => std::path::absolute(file).unwrap_or_else(|_| file.to_owned()).to_string_lossy().into_owned(),
    };
    let document = imported.document;
    let original = OriginalFile {
        path,
        sha256: sha256_hex(&imported.bytes),
        importer: document.importer.to_owned(),
        capture: None,
        ocr: imported.ocr.map(Box::new),
    };
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
///
/// An absolute path is copied only if it is in `chosen`, the files the analyst picked in
/// this session: a project from elsewhere that names `/home/u/.ssh/id_ed25519` does not get
/// it copied in on save. A relative one is read under [`access::inside_project`]'s rules.
pub fn collect_originals(
    project: &crate::model::Project,
    from_dir: Option<&Path>,
    to_dir: &Path,
    chosen: &BTreeSet<PathBuf>,
) -> io::Result<Option<crate::edit::Edit>> {
    use crate::edit::{Edit, SourceChange};
    let moving = from_dir.is_some_and(|from| from != to_dir);
    let mut edits = Vec::new();
    for (&id, source) in &project.sources {
        let Some(original) = &source.content.original else { continue };
        let stored = Path::new(&original.path);
        // A missing or refused original stays flagged; it is not a reason to refuse the save.
        let read = if stored.is_absolute() {
            if !chosen.contains(stored) {
                continue;
            }
            access::read_chosen(stored, MAX_IMPORT_BYTES)
        } else if let (true, Some(from)) = (moving, from_dir) {
            access::read_in_project(from, &original.path, MAX_IMPORT_BYTES)
        } else {
            continue;
        };
        let Ok(bytes) = read else { continue };
        let name = stored.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
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
