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
