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
fn a_title_is_never_taken_from_site_furniture() {
    let folder = tempfile::tempdir().expect("folder");
    let text = b"Skip to content\nShare this article\n\nMinisters initial river accord\n\nTwo ministers met.";
    let path = write(&folder, "saved.txt", text);
    assert_eq!(import_file(&path).expect("imports").document.meta.title, "Ministers initial river accord");
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

/// Issue 12, item 4: `/dev/zero` behind a link was read whole (4.2 GB before the memory
/// limit) and a FIFO froze the window; both are refused at once, before any byte is read.
#[test]
#[cfg(unix)]
fn a_device_or_a_fifo_is_refused_without_waiting_or_reading() {
    let folder = tempfile::tempdir().expect("folder");
    let zero = folder.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
    let fifo = folder.path().join("pipe.html");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let started = std::time::Instant::now();
    let error = import_file(&zero).expect_err("a device").to_string();
    assert!(error.contains("zero.txt") && error.contains("not a regular file"), "{error}");
    let error = import_file(&fifo).expect_err("a FIFO").to_string();
    assert!(error.contains("pipe.html") && error.contains("FIFO"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

/// Issue 12, item 11: a name that is not UTF-8 was refused as "a format Crosscheck cannot
/// import (.txt); it reads .txt, …".
#[test]
#[cfg(unix)]
fn a_file_name_that_is_not_utf8_is_imported_by_its_extension() {
    use std::os::unix::ffi::OsStrExt;
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join(std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9.txt"));
    fs::write(&path, "A text in a file with a Latin-1 name.").expect("write");
    let imported = import_file(&path).expect("imports");
    assert_eq!(imported.document.text, "A text in a file with a Latin-1 name.");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

#[test]
fn word_documents_keep_tables_lists_and_footnotes() {
    let imported = import_file(&fixture("memo.docx")).expect("imports").document;
    assert_eq!(imported.format, SourceFormat::Docx);
    let text = &imported.text;
    assert!(text.starts_with("Ferry Subsidy Memo\n\nBackground\n\nThe council paid 2.4 million crowns"), "{text}");
    assert!(text.contains("• Halvik to Ness"), "{text}");
    assert!(text.contains("Halvik to Sandøy | 1,200,000"), "{text}");
    assert!(text.contains("in 2025.[1]") && text.ends_with("[1] Council accounts 2025, page 41."), "{text}");
    assert_eq!(imported.meta.title, "Ferry subsidy memo");
    assert_eq!(imported.meta.author, "Sigrid Nes");
    assert_eq!(imported.meta.published, "2026-03-03");
}

#[test]
fn opendocument_text_is_read_too() {
    let imported = import_file(&fixture("inspection.odt")).expect("imports").document;
    assert_eq!(imported.format, SourceFormat::Odt);
    assert_eq!(
        imported.text,
        "Pier inspection\n\nThe eastern pier was inspected on 2 March.[1]\n\n• Railings replaced\n\nBeam | Sound\n\nNotes\n\n[1] Inspection log 14."
    );
    assert_eq!(imported.meta.author, "Olav Berg");
}

#[test]
fn gzip_compressed_pages_are_unpacked() {
    use std::io::Write;
    let folder = tempfile::tempdir().expect("folder");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(include_bytes!("../../tests/fixtures/import/article.html")).expect("compress");
    let path = write(&folder, "saved.HTML.gz", &encoder.finish().expect("compress"));
    let imported = import_file(&path).expect("imports").document;
    assert_eq!(imported.format, SourceFormat::Html);
    assert!(imported.text.contains("Dredging of the northern channel"));
}

#[test]
fn a_gzip_bomb_is_stopped_at_the_cap() {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..=(html::MAX_UNPACKED_BYTES >> 20) {
        encoder.write_all(&zeros).expect("compress");
    }
    let bomb = encoder.finish().expect("compress");
    let refusal = html::import_gzip(&bomb).expect_err("too large");
    assert!(refusal.to_string().contains("unpacks to more than"), "{refusal}");
}

/// Every hostile input gives an error naming the file, and none panics or hangs.
#[test]
fn hostile_inputs_are_refused_clearly_per_format() {
    let folder = tempfile::tempdir().expect("folder");
    let report = fs::read(fixture("report.pdf")).expect("fixture");
    let memo = fs::read(fixture("memo.docx")).expect("fixture");
    let garbage: Vec<u8> =
        (0..4096u32).map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap_or(0)).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.pdf", Vec::new(), "empty"),
        ("empty.docx", Vec::new(), "empty"),
        ("empty.html", Vec::new(), "empty"),
        ("cut.docx", memo[..memo.len() / 2].to_vec(), "damaged or truncated"),
        ("cut.pdf", report[..200].to_vec(), "damaged"),
        ("report.docx", report.clone(), "named .docx but it is a PDF document"),
        ("memo.pdf", memo.clone(), "named .pdf but it is a ZIP archive"),
        ("noise.pdf", garbage.clone(), "not a"),
        ("noise.docx", garbage.clone(), "not a"),
        ("noise.odt", garbage.clone(), "not a"),
        ("noise.html", garbage.clone(), "not text"),
        ("noise.html.gz", garbage, "not"),
        ("locked.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an encrypted package".to_vec(), "encrypted"),
        ("letters.docx", zip_with(&[("hello.txt", b"hi")]), "not a Word document"),
    ];
    for (name, bytes, expected) in cases {
        let path = write(&folder, name, &bytes);
        let error = import_file(&path).expect_err(name).to_string();
        assert!(error.contains(name) && error.contains(expected), "{name}: {error}");
    }
    let encrypted = import_file(&fixture("encrypted.pdf")).expect_err("locked").to_string();
    assert!(encrypted.contains("encrypted.pdf") && encrypted.contains("it is encrypted"), "{encrypted}");
}

#[test]
fn zip_parts_over_the_cap_are_refused() {
    use std::io::Write;
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    archive.start_file("word/document.xml", options).expect("entry");
    let block = vec![b'a'; 1 << 20];
    for _ in 0..=(office::MAX_PART_BYTES >> 20) {
        archive.write_all(&block).expect("write");
    }
    let bytes = archive.finish().expect("finish").into_inner();
    let refusal = office::docx::import(&bytes).expect_err("bomb");
    assert!(refusal.to_string().contains("unpacks to more than"), "{refusal}");
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        archive.start_file(*name, zip::write::SimpleFileOptions::default()).expect("entry");
        archive.write_all(bytes).expect("write");
    }
    archive.finish().expect("finish").into_inner()
}
