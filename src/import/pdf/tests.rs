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

#[test]
fn scanned_and_encrypted_documents_are_refused_clearly() {
    let scanned = import(include_bytes!("../../../tests/fixtures/import/scanned.pdf")).expect_err("no text");
    assert!(scanned.to_string().contains("no text layer"), "{scanned}");
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
