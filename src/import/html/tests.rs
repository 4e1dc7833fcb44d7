use super::*;

const ARTICLE: &[u8] = include_bytes!("../../../tests/fixtures/import/article.html");

#[test]
fn the_article_body_is_kept_and_the_furniture_dropped() {
    let imported = import(ARTICLE).expect("imports");
    let text = &imported.text;
    for kept in ["Dredging of the northern channel", "Fishermen worried about the delay", "about 14 million crowns"] {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    for dropped in [
        "Skip to content",
        "cookies",
        "Sport",
        "Share on Facebook",
        "Related stories",
        "Ferry timetable",
        "Kari:",
        "All rights",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?}:\n{text}");
    }
    // Paragraphs stay paragraphs.
    assert!(text.contains("inner basin on Monday afternoon.\n\n\"We would rather"), "{text}");
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn metadata_comes_from_json_ld_and_the_page() {
    let meta = import(ARTICLE).expect("imports").meta;
    assert_eq!(meta.title, "Harbour dredging halted after silt tests");
    assert_eq!(meta.author, "Marit Solberg");
    assert_eq!(meta.published, "2026-02-17");
    assert_eq!(meta.outlet, "The Halvik Courier");
    assert_eq!(meta.url, "https://courier.example/news/2026/02/dredging-halted");
    assert_eq!(meta.language, "en");
}
