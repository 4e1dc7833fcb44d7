//! Inputs the fuzz targets under `fuzz/` found, kept so they stay fixed. Each must give a
//! clear error (or a result), never a panic, a hang or an abort.

use std::path::{Path, PathBuf};

use crosscheck::import::import_bytes;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// pdf-extract 0.12.1 unwraps the font operand of a page's `Tf` operator as a name
/// (lib.rs:1711) and panics when a damaged content stream has an integer there. The importer
/// contains the panic: that page is left out with a note, the other 99 import, and the app
/// keeps running.
#[test]
fn pdf_with_an_integer_font_name_loses_only_the_damaged_page() {
    let imported = import_bytes(Path::new("report.pdf"), &fixture("pdf-name-expected-integer.pdf"))
        .expect("the readable pages import");
    assert!(imported.notes.contains(&"1 of 100 pages is damaged and was left out.".to_owned()), "{:?}", imported.notes);
    assert!(imported.text.contains("points along the northern channel"), "{:?}", &imported.text[..200]);
}
