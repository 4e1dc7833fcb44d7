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

/// The two pages of issue 12 that stalled import for 84 s and 466 s: `<div/>` opens a div
/// (the slash means nothing on it) and `</br>` is a line break, so both nest 100,000 deep.
fn hostile_page(unit: &str) -> String {
    format!("<html><body>{}<p>The story itself.</p></body></html>", unit.repeat(100_000))
}

#[test]
fn a_hundred_thousand_self_closing_divs_import_in_seconds() {
    for unit in ["<div/>", "<div></br>"] {
        let started = std::time::Instant::now();
        let imported = import(hostile_page(unit).as_bytes()).expect("imports");
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "{unit}: {took:?}");
        assert_eq!(imported.text, "The story itself.");
        assert!(imported.notes.iter().any(|note| note.contains("tags were stripped")), "{:?}", imported.notes);
    }
}

#[test]
fn nesting_that_is_deep_but_not_thousands_deep_is_bounded_too() {
    // 4,000 levels (under the depth limit) with 100,000 paragraphs inside: the tree builder's
    // work is depth times tags, 16 s of parsing before the work budget.
    let page = format!("<html><body>{}{}</body></html>", "<div>".repeat(4000), "<p>x</p>".repeat(100_000));
    let started = std::time::Instant::now();
    let imported = import(page.as_bytes()).expect("imports");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert!(imported.notes.iter().any(|note| note.contains("so deeply and so often")), "{:?}", imported.notes);
}

#[test]
fn cancelling_stops_the_import_of_one_large_page_within_a_second() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let page = format!("<html><body>{}</body></html>", "<p>word word word, and more words.</p>".repeat(60_000));
    let cancel = Arc::new(AtomicBool::new(false));
    let worker_cancel = cancel.clone();
    let worker = std::thread::spawn(move || import_until(page.as_bytes(), &worker_cancel));
    std::thread::sleep(std::time::Duration::from_millis(300));
    let cancelled_at = std::time::Instant::now();
    cancel.store(true, Ordering::Relaxed);
    let outcome = worker.join().expect("the importer does not panic");
    let took = cancelled_at.elapsed();
    assert_eq!(outcome, Err(Refusal::Cancelled));
    assert!(took < std::time::Duration::from_secs(1), "stopped {took:?} after cancel");
}
