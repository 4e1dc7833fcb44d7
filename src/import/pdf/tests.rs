use super::*;

const REPORT: &[u8] = include_bytes!("../../../tests/fixtures/import/report.pdf");

#[test]
fn pages_are_kept_apart_and_running_heads_dropped() {
    let imported = import(REPORT).expect("imports");
    let text = &imported.text;
    assert_eq!(text.matches(PAGE_BREAK).count(), 3, "{text:?}");
    assert!(!text.contains("Silt Review 2026"), "running head kept: {text:?}");
    assert!(!text.contains("Page 2 of 4"), "running foot kept: {text:?}");
    let method = text.find("A second laboratory").expect("page 2 text");
    assert_eq!(page_of(text, text[..method].chars().count()), 2);
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn hyphenation_is_mended_and_columns_read_in_order() {
    let text = import(REPORT).expect("imports").text;
    assert!(text.contains("after laboratory tests"), "{text:?}");
    assert!(text.contains("The environmental office"), "{text:?}");
    assert!(text.contains("the southern ones"), "{text:?}");
    let left = text.find("traces to an old boatyard").expect("left column");
    let right = text.find("Cadmium stayed below").expect("right column");
    assert!(left < right, "the left column comes first: {text:?}");
}

#[test]
fn metadata_comes_from_the_info_dictionary() {
    let meta = import(REPORT).expect("imports").meta;
    assert_eq!(meta.title, "Silt Review 2026");
    assert_eq!(meta.author, "Jonas Eide");
    assert_eq!(meta.published, "2026-03-03");
}

/// A document with no text layer is no longer refused: its pages are left, in their
/// places, for OCR (`import::scanned`); a locked one still is.
#[test]
fn scanned_pages_are_left_for_ocr_and_encrypted_documents_are_refused_clearly() {
    let scanned = import(include_bytes!("../../../tests/fixtures/import/scanned.pdf")).expect("a scanned document");
    assert_eq!(scanned.text, PAGE_BREAK.to_string(), "two empty pages");
    assert_eq!(
        scanned.pages_without_text,
        [PageWithoutText { page: 1, dpi: 300 }, PageWithoutText { page: 2, dpi: 300 }]
    );
    assert_eq!(scanned.notes, ["2 of 2 pages have no text layer (scanned pages or images)."]);
    let mixed = import(
        &std::fs::read(format!("{}/tests/fixtures/ocr/mixed.pdf", env!("CARGO_MANIFEST_DIR"))).expect("fixture"),
    )
    .expect("a mixed document");
    assert!(mixed.text.starts_with("Minutes of the harbour committee"), "{:?}", mixed.text);
    assert!(mixed.text.ends_with(PAGE_BREAK), "page 2 is an empty place: {:?}", mixed.text);
    assert_eq!(mixed.pages_without_text.iter().map(|page| page.page).collect::<Vec<_>>(), [2]);
    let encrypted = import(include_bytes!("../../../tests/fixtures/import/encrypted.pdf")).expect_err("locked");
    assert_eq!(encrypted, Refusal::Encrypted);
}

#[test]
fn truncated_and_garbage_pdfs_are_refused() {
    for cut in [10, REPORT.len() / 3, REPORT.len() / 2, REPORT.len() - 40] {
        // A cut file may still read (lopdf rebuilds a lost cross-reference table); it must
        // never panic or hang.
        if let Err(refusal) = import(&REPORT[..cut]) {
            assert!(!refusal.to_string().is_empty());
        }
    }
    let mut garbage = b"%PDF-1.7\n".to_vec();
    garbage.extend((0..20_000u32).map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap_or(0)));
    assert!(import(&garbage).is_err());
    assert_eq!(import(b""), Err(Refusal::Empty));
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

#[test]
fn text_inside_nested_forms_is_read() {
    let text = import(&fixture("form-nested.pdf")).expect("imports").text;
    assert!(text.contains("A boxed quote inside a form."), "{text:?}");
    assert!(text.contains("A caption inside the inner form."), "{text:?}");
}

/// Each of these aborted the whole app (a stack overflow) or ran for hours before the
/// form check; now each is refused with the reason, quickly.
#[test]
fn forms_that_loop_nest_too_deep_or_multiply_are_refused() {
    for (name, reason) in [
        ("form-draws-itself.pdf", "on page 1, the form /Fm0 draws itself"),
        ("forms-nested-deep.pdf", "more than 64 levels deep"),
        ("forms-drawn-twice-over.pdf", "drawn more than 100000 times"),
    ] {
        let refusal = import(&fixture(name)).expect_err(name);
        assert!(matches!(refusal, Refusal::Malformed(_)), "{name}: {refusal:?}");
        assert!(refusal.to_string().contains(reason), "{name}: {refusal}");
    }
}

#[test]
fn a_page_the_reader_panics_on_loses_only_that_page() {
    let imported = import(&fixture("one-damaged-page.pdf")).expect("page 1 is readable");
    assert!(imported.text.contains("It says the dredging stopped."), "{:?}", imported.text);
    assert_eq!(imported.text.matches(PAGE_BREAK).count(), 1, "page 2 keeps its place: {:?}", imported.text);
    assert_eq!(imported.notes, ["1 of 2 pages is damaged and was left out."]);
}

/// A 65 KB file holding a page that unpacks to 65 MB of spaces: refused before lopdf or
/// pdf-extract inflate it into memory.
#[test]
fn a_decompression_bomb_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..65 {
        encoder.write_all(&vec![b' '; 1 << 20]).expect("in memory");
    }
    let bomb = encoder.finish().expect("in memory");
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
    write!(pdf, "5 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n", bomb.len()).expect("in memory");
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    let refusal = import(&pdf).expect_err("a bomb");
    assert!(refusal.to_string().contains("unpacks to more than 64 MB (a decompression bomb?)"), "{refusal}");
}

/// A 300-byte file whose page-tree node is its own parent kept pdf-extract looping forever
/// (given up after the deadline, with a core still busy); now it is refused with the reason,
/// not the deadline's message.
#[test]
fn a_page_tree_that_loops_is_refused_with_the_reason() {
    let refusal = import(&fixture("page-tree-loop.pdf")).expect_err("loops");
    assert_eq!(refusal.to_string(), "page 1 is in a page tree that loops back on itself");
}
