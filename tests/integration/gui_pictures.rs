//! A picture source in the app: the picture beside its text, a box dragged on the picture
//! selecting the words inside it, and low-confidence words marked in the text.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crosscheck::app::ScriptedDialogs;
use crosscheck::model::{
    OcrLayer, OcrPage, OcrWord, OriginalFile, PixelBox, Project, Source, SourceContent, SourceFormat, SourceMeta,
};
use crosscheck::session::TextRange;
use eframe::egui::{Pos2, Role, vec2};
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app};

const PICTURE: &str = "post-01.png";
/// The picture's first words as OCR read them: text, pixel box, confidence.
const WORDS: &[(&str, [u32; 4], u8)] = &[
    ("Just", [16, 19, 22, 9], 91),
    ("got", [41, 19, 17, 11], 96),
    ("back", [62, 19, 25, 9], 96),
    ("from", [90, 19, 23, 9], 41),
    ("the", [117, 19, 16, 9], 97),
    ("council", [137, 19, 38, 9], 95),
];

/// A project with one picture source whose OCR layer is the words above.
fn picture_project() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("folder");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr").join(PICTURE);
    std::fs::create_dir_all(folder.path().join("sources")).expect("create");
    let bytes = std::fs::read(&fixture).expect("fixture");
    std::fs::write(folder.path().join("sources").join(PICTURE), &bytes).expect("copy");
    let mut text = String::new();
    let mut words = Vec::new();
    for &(word, [left, top, width, height], confidence) in WORDS {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.chars().count();
        text.push_str(word);
        let area = PixelBox { left, top, width, height };
        words.push(OcrWord { page: 1, start, end: start + word.len(), area, confidence });
    }
    let page = OcrPage { page: 1, width: 552, height: 65, language: "eng".to_owned(), confidence: 86 };
    let original = OriginalFile {
        path: format!("sources/{PICTURE}"),
        sha256: crosscheck::store::sha256_hex(&bytes),
        importer: "image-1".to_owned(),
        capture: None,
        ocr: Some(Box::new(OcrLayer { pages: vec![page], words, unread: Vec::new() })),
    };
    let mut project = Project::default();
    "Pictures".clone_into(&mut project.info.title);
    let id = project.ids.next_source();
    let meta = SourceMeta { title: "Council post".to_owned(), ..SourceMeta::default() };
    let content = SourceContent { format: SourceFormat::Image, text, original: Some(original) };
    project.sources.insert(id, Source { meta, content });
    assert_eq!(project.problems(), vec![]);
    let path = folder.path().join("pictures.ron");
    crosscheck::store::save(&project, &path).expect("save");
    (folder, path)
}

/// Steps the app until the picture has been read and shown.
fn wait_for_picture(harness: &mut App) -> eframe::egui::Rect {
    for _ in 0..300 {
        harness.step();
        if let Some(node) = harness.query_by_label("Picture of the source") {
            return node.rect();
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the picture was never shown");
}

fn selection(harness: &App) -> Option<TextRange> {
    harness.state().workspace().expect("open").text_selection
}

#[test]
fn dragging_a_box_on_the_picture_selects_the_words_inside_it() {
    let (_folder, path) = picture_project();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let picture = wait_for_picture(&mut harness);
    let scale = picture.width() / 552.0;
    let at = |x: f32, y: f32| picture.min + vec2(x * scale, y * scale);
    // From inside "back" to inside "from": those two words, not their neighbours.
    let (start, end): (Pos2, Pos2) = (at(70.0, 22.0), at(100.0, 26.0));
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(start + (end - start) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(end);
    harness.run();
    let selected = selection(&harness).expect("words selected");
    let text = harness.state().workspace().expect("open").project.sources[&selected.source].text().to_owned();
    let chosen: String = text.chars().skip(selected.start).take(selected.end - selected.start).collect();
    assert_eq!(chosen, "back from");
    // The text view has the same text, with the low-confidence word marked for the reader.
    assert!(harness.query_by_label_contains("Just got back from the council").is_some());
    assert!(harness.query_by_label_contains("1 word below 60% confidence").is_some());
}

#[test]
fn the_inspector_offers_to_read_the_text_again_with_ocr() {
    let (_folder, path) = picture_project();
    let mut harness = app(&path, &ScriptedDialogs::default());
    wait_for_picture(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Council post").click();
    harness.run();
    assert!(harness.query_by_label("Read text with OCR").is_some(), "the inspector offers OCR for a picture source");
    // Beside the picture and in the inspector.
    assert_eq!(harness.query_all_by_label_contains("page 1 (eng, 86% confidence)").count(), 2);
}

#[test]
fn an_html_report_shows_the_region_a_passage_was_read_from() {
    use crosscheck::export::{ExportOptions, Format};
    use crosscheck::model::{Anchor, Claim, Evidence, Stance};

    let (folder, path) = picture_project();
    let mut project = crosscheck::store::load(&path).expect("loads").project;
    let (&source, picture) = project.sources.iter().next().expect("source");
    let text = picture.text().to_owned();
    let claim_id = project.ids.next_claim();
    let claim = Claim::marked(Anchor::capture(source, &text, 0, 8).expect("fits"), "Unverified");
    project.claims.insert(claim_id, claim);
    let evidence_id = project.ids.next_evidence();
    let passage = Anchor::capture(source, &text, 9, 30).expect("fits");
    project
        .evidence
        .insert(evidence_id, Evidence { claim: claim_id, passage, stance: Stance::Supports, note: String::new() });
    let render = |pictures: Option<PathBuf>| {
        let options = ExportOptions { pictures, ..ExportOptions::default() };
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let rendered = crosscheck::export::render(&project, Format::Html, &options, &|_| {}, &cancel).expect("exports");
        String::from_utf8(rendered.report).expect("UTF-8")
    };
    let html = render(Some(folder.path().to_owned()));
    let start = html.find("<img class=\"passage-picture\" src=\"data:image/png;base64,").expect("an inline picture");
    let tag = &html[start..html[start..].find('>').map_or(html.len(), |end| start + end)];
    assert!(
        tag.contains("alt=\"The passage as it appears in the picture of Council post: back from the council\""),
        "{tag}"
    );
    // "back from the council" is one line of words 62..175 wide, plus a margin either side.
    assert!(tag.contains("width=\"125\""), "{tag}");
    // Without the project folder (a report of a project never saved) the passage stays text.
    assert!(!render(None).contains("passage-picture\""));
}
