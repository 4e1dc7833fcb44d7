use std::fs;

use super::*;

fn write(folder: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.path().join(name);
    fs::write(&path, bytes).expect("write fixture");
    path
}

#[test]
fn plain_text_takes_its_title_from_the_first_line() {
    let folder = tempfile::tempdir().expect("folder");
    let path = write(&folder, "wire.txt", b"Ministers initial river accord\n\nHALVIK, Tuesday - Two ministers met.");
    let imported = import_file(&path).expect("imports");
    assert_eq!(imported.document.format, SourceFormat::PlainText);
    assert_eq!(imported.document.meta.title, "Ministers initial river accord");
    assert_eq!(imported.bytes.len(), 68);
}

#[test]
fn markdown_is_imported_as_readable_text() {
    let folder = tempfile::tempdir().expect("folder");
    let path = write(&folder, "story.MD", b"# Headline\n\nSome *emphasis* here.");
    let imported = import_file(&path).expect("imports");
    assert_eq!(imported.document.format, SourceFormat::Markdown);
    assert_eq!(imported.document.text, "Headline\n\nSome emphasis here.");
}

#[test]
fn every_error_names_the_file() {
    let folder = tempfile::tempdir().expect("folder");
    let binary = write(&folder, "scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let error = import_file(&binary).expect_err("a PNG is not text").to_string();
    assert!(error.contains("scan.txt") && error.contains("a PNG image"), "{error}");

    let unknown = write(&folder, "sheet.xlsx", b"PK");
    let error = import_file(&unknown).expect_err("unsupported").to_string();
    assert!(error.contains("sheet.xlsx") && error.contains(".xlsx") && error.contains(".md"), "{error}");

    let error = import_file(&folder.path().join("gone.txt")).expect_err("missing").to_string();
    assert!(error.contains("gone.txt"), "{error}");

    let empty = write(&folder, "empty.md", b"");
    let error = import_file(&empty).expect_err("empty").to_string();
    assert!(error.contains("empty.md") && error.contains("empty"), "{error}");
}

#[test]
fn files_over_the_limit_are_refused_without_being_read() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("huge.txt");
    let file = fs::File::create(&path).expect("create");
    // A sparse file: the size is real, the disk use is not.
    file.set_len(MAX_IMPORT_BYTES + 1).expect("grow");
    let error = import_file(&path).expect_err("too large").to_string();
    assert!(error.contains("huge.txt") && error.contains("64 MB"), "{error}");
}
