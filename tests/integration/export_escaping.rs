//! A project whose every text field and source holds hostile strings exports in every
//! format with no active content and no broken structure.
//!
//! Each format is read back with a real parser (the HTML by a tag scanner, Markdown by
//! pulldown-cmark, CSV by the csv crate, JSON by `serde_json`) and its structure is counted,
//! so a string that escaped its cell, heading or attribute would show up as an extra one.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use crosscheck::export::{self, ExportOptions, Format};
use crosscheck::model::{
    Anchor, Claim, Conflict, ConflictKind, ConflictStatus, Evidence, OriginalFile, Project, Source, SourceContent,
    SourceFormat, SourceMeta, Stance, Tone, VerdictLevel,
};
use serde_json::Value;

/// Everything a report must not let through, in one string.
const HOSTILE: &str = concat!(
    "<script>alert(1)</script> \"><img src=x onerror=alert(2)> ",
    "<a href=\"javascript:alert(3)\">x</a> [click](javascript:alert(4)) ![i](https://evil.test/i.png) ",
    "<https://evil.test> =HYPERLINK(\"https://evil.test\",\"x\") ",
    "*bold* _em_ `code` | pipe | ~~strike~~ &amp; &#60; \\ $x$ {{t}} ]]> <!-- -->\n",
    "# heading\n- item\n1. one\n> quote\n=====\n---\n",
    "'single' \"double\", comma\r\nnew line"
);

const JAVASCRIPT_URL: &str = "javascript:alert(document.cookie)";
const HOSTILE_WEB_URL: &str = "https://example.org/fact checks/\"><script>alert(1)</script>?a=1&b=<2>#old";

fn hostile(label: &str) -> String {
    format!("{label} {HOSTILE}")
}

/// A project with hostile strings in every field that reaches a report.
fn hostile_project() -> Project {
    let mut project = Project::new(&hostile("title"));
    project.info.organisation = format!("=HYPERLINK(\"https://evil.test\") {}", hostile("org"));
    // A web address full of markup is still a web address (the parser encodes it); a
    // `javascript:` one refuses ClaimReview (see `claimreview_refuses_a_project_without_a_web_address`).
    HOSTILE_WEB_URL.clone_into(&mut project.info.url);
    let verdict = format!("-2+3 {}", hostile("verdict"));
    project.scale.levels.push(VerdictLevel::new(&verdict, Some(0), Tone::Inaccurate));

    let mut sources = Vec::new();
    for (n, url) in [JAVASCRIPT_URL, "https://example.org/\"><script>alert(5)</script>", "data:text/html,<script>"]
        .into_iter()
        .enumerate()
    {
        let id = project.ids.next_source();
        let text = format!("{} middle {} end {}", hostile("start"), hostile("quote"), hostile("tail"));
        let meta = SourceMeta {
            title: hostile(&format!("source {n}")),
            outlet: format!("@SUM(A1) {}", hostile("outlet")),
            author: hostile("author"),
            published: hostile("date"),
            url: url.to_owned(),
            language: hostile("lang"),
        };
        let original = OriginalFile {
            path: hostile("path"),
            sha256: hostile("sha"),
            importer: hostile("importer"),
            capture: None,
            ocr: None,
        };
        let format = if n == 2 { SourceFormat::Pdf } else { SourceFormat::Markdown };
        project.sources.insert(id, Source { meta, content: SourceContent { format, text, original: Some(original) } });
        sources.push(id);
    }
    let anchor = |n: usize, quote: &str| {
        let id = sources[n];
        Anchor::find(id, project.sources[&id].text(), quote).expect("the quote is in the source")
    };
    let claim_anchor = anchor(0, &hostile("quote"));
    let evidence_anchor = anchor(1, &hostile("tail"));
    let conflict_anchors = vec![anchor(0, &hostile("quote")), anchor(2, &hostile("quote"))];

    let mut claim = Claim::marked(claim_anchor, &verdict);
    claim.statement = format!("=1+1 {}", hostile("statement"));
    claim.claimant = format!("+cmd {}", hostile("claimant"));
    claim.explanation = format!("{}\n\n{}", hostile("explanation"), hostile("second paragraph"));
    claim.notes = hostile("notes");
    claim.tags = BTreeSet::from([hostile("tag"), "=cmd|' /C calc'!A0".to_owned()]);
    let claim_id = project.ids.next_claim();
    project.claims.insert(claim_id, claim);
    for stance in Stance::ALL {
        let id = project.ids.next_evidence();
        let note = format!("-{}", hostile("note"));
        project.evidence.insert(id, Evidence { claim: claim_id, passage: evidence_anchor.clone(), stance, note });
    }
    let status = ConflictStatus::Resolved { note: hostile("resolution"), correct: Some(1) };
    let conflict =
        Conflict { kind: ConflictKind::Quote, summary: hostile("summary"), passages: conflict_anchors, status };
    let conflict_id = project.ids.next_conflict();
    project.conflicts.insert(conflict_id, conflict);
    assert!(project.problems().is_empty(), "the hostile project is sound: {:?}", project.problems());
    project
}

fn options() -> ExportOptions {
    ExportOptions { published: hostile("published"), evidence_rows: true, ..ExportOptions::default() }
}

fn render(format: Format) -> export::Rendered {
    export::render(&hostile_project(), format, &options(), &|_| {}, &AtomicBool::new(false)).expect("exports")
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// A start or end tag: its name and its attributes.
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Every tag in `html`. Text never holds a raw `<` when escaping works, so any `<` starts
/// a tag (or the doctype); a `<` that escaped would show up as an unexpected tag here.
fn tags(html: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("every tag is closed");
        let inside = &after[..close];
        rest = &after[close + 1..];
        if inside.starts_with('!') {
            continue;
        }
        let name: String = inside.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        let mut attributes = Vec::new();
        let mut attrs = &inside[inside.find(' ').unwrap_or(inside.len())..];
        while let Some(eq) = attrs.find("=\"") {
            let key = attrs[..eq].trim().to_owned();
            let value_end = attrs[eq + 2..].find('"').expect("attribute values are quoted");
            attributes.push((key, attrs[eq + 2..eq + 2 + value_end].to_owned()));
            attrs = &attrs[eq + 2 + value_end + 1..];
        }
        assert!(attrs.trim().is_empty(), "unparsed attribute text {attrs:?} in <{inside}>");
        found.push(Tag { name: name.to_ascii_lowercase(), attributes });
        // Skip the stylesheet, which is CSS, not markup.
        if name == "style" && !inside.starts_with('/') {
            let end = rest.find("</style>").expect("style is closed");
            rest = &rest[end..];
        }
    }
    found
}

#[test]
fn html_has_no_active_content_and_no_stray_tags() {
    let html = utf8(&render(Format::Html).report);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script tag");
    assert!(!lower.contains("<img"), "no image tag");
    let allowed = BTreeSet::from([
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "p",
        "h1",
        "h2",
        "h3",
        "time",
        "a",
        "section",
        "dl",
        "div",
        "dt",
        "dd",
        "span",
        "ul",
        "li",
        "nav",
        "ol",
        "main",
        "article",
        "strong",
        "cite",
        "figure",
        "blockquote",
        "figcaption",
        "mark",
        "footer",
    ]);
    let tags = tags(&html);
    for tag in &tags {
        assert!(allowed.contains(tag.name.as_str()), "unexpected tag <{}>", tag.name);
        for (key, value) in &tag.attributes {
            assert!(!key.to_ascii_lowercase().starts_with("on"), "event handler attribute {key}");
            assert!(!value.contains('<') && !value.contains('"'), "attribute {key} holds markup: {value:?}");
            if key == "href" {
                assert!(value.starts_with("https://") || value.starts_with('#'), "href {value:?} is not a web link");
            }
        }
    }
    let count = |name: &str| tags.iter().filter(|tag| tag.name == name).count();
    assert_eq!(count("article"), 2, "one claim, opened and closed");
    assert_eq!(count("h1"), 2, "one title");
    // Only the project's web address and the source whose URL is http(s) are linked, with
    // spaces, quotes and angle brackets encoded.
    let links: Vec<&str> = tags
        .iter()
        .flat_map(|tag| tag.attributes.iter())
        .filter(|(key, value)| key == "href" && value.starts_with("https://"))
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(
        links,
        [
            "https://example.org/fact%20checks/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E?a=1&amp;b=%3C2%3E#old",
            "https://example.org/%22%3E%3Cscript%3Ealert%285%29%3C/script%3E"
        ]
    );
    // The hostile text is there, as text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn markdown_has_no_html_links_or_extra_structure() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
    let markdown = utf8(&render(Format::Markdown).report);
    let mut headings = Vec::new();
    for event in Parser::new_ext(&markdown, Options::all()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML in Markdown: {html:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(dest_url.starts_with("https://"), "link to {dest_url:?}");
            }
            Event::Start(Tag::Image { dest_url, .. }) => panic!("image of {dest_url:?}"),
            Event::Start(Tag::Heading { level, .. }) => headings.push(level),
            Event::Start(Tag::Table(_) | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                panic!("unexpected block in {markdown}")
            }
            Event::Code(code) => panic!("inline code {code:?}"),
            _ => {}
        }
    }
    let count = |level: HeadingLevel| headings.iter().filter(|&&found| found == level).count();
    assert_eq!(count(HeadingLevel::H1), 1, "the title only");
    assert_eq!(count(HeadingLevel::H2), 3, "summary, the claim, sources");
    assert_eq!(count(HeadingLevel::H4), 1, "the conflict");
}

#[test]
fn csv_cells_stay_in_their_columns_and_never_start_a_formula() {
    let rendered = render(Format::Csv);
    let tables = [(rendered.report, 16, 1), (rendered.evidence_csv.expect("evidence table"), 11, 3)];
    for (bytes, columns, rows) in tables {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
        assert_eq!(reader.headers().expect("header row").len(), columns);
        let records: Vec<csv::StringRecord> = reader.records().map(|record| record.expect("a record")).collect();
        assert_eq!(records.len(), rows, "one row per claim or piece of evidence");
        for record in &records {
            assert_eq!(record.len(), columns, "{record:?}");
            for cell in record {
                let first = cell.trim_start().chars().next();
                assert!(!matches!(first, Some('=' | '+' | '-' | '@')), "cell {cell:?} would run as a formula");
            }
        }
    }
    let claims = render(Format::Csv).report;
    let mut reader = csv::Reader::from_reader(claims.as_slice());
    let record = reader.records().next().expect("a row").expect("a record");
    assert_eq!(&record[1], format!("'=1+1 statement {}", squash(HOSTILE)), "the statement survives intact");
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every string in `value` under one of `keys`, at any depth.
fn strings_under<'v>(value: &'v Value, keys: &[&str], found: &mut Vec<&'v str>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if keys.contains(&key.as_str())
                    && let Some(text) = child.as_str()
                {
                    found.push(text);
                }
                strings_under(child, keys, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| strings_under(item, keys, found)),
        _ => {}
    }
}

#[test]
fn json_ld_parses_and_links_only_to_web_urls() {
    for format in [Format::ClaimReview, Format::Annotations] {
        let value: Value = serde_json::from_slice(&render(format).report).expect("JSON-LD parses");
        let mut links = Vec::new();
        strings_under(&value, &["url", "source", "id", "@id"], &mut links);
        assert!(format == Format::ClaimReview || !links.is_empty(), "annotations have ids and sources");
        for link in links {
            assert!(link.starts_with("https://") || link.starts_with("urn:crosscheck:"), "{format}: {link:?}");
        }
        let mut dates = Vec::new();
        strings_under(&value, &["datePublished", "created"], &mut dates);
        assert!(dates.is_empty(), "{format}: malformed dates are left out, not published: {dates:?}");
    }
    let reviews: Value = serde_json::from_slice(&render(Format::ClaimReview).report).expect("parses");
    assert_eq!(reviews[0]["claimReviewed"], format!("=1+1 statement {}", squash(HOSTILE)));
    assert_eq!(reviews[0]["reviewRating"]["ratingValue"], 0);
}

/// Issue 14: with a `javascript:` address and no organisation, `ClaimReview` was written
/// without the `url` and `author` Google requires, and the export succeeded.
#[test]
fn claimreview_refuses_a_project_without_a_web_address() {
    let mut project = hostile_project();
    JAVASCRIPT_URL.clone_into(&mut project.info.url);
    project.info.organisation.clear();
    let refused = export::render(&project, Format::ClaimReview, &options(), &|_| {}, &AtomicBool::new(false))
        .expect_err("refused");
    let message = refused.to_string();
    assert!(message.contains("javascript: address") && message.contains("organisation"), "{message}");
    assert!(export::render(&project, Format::Html, &options(), &|_| {}, &AtomicBool::new(false)).is_ok());
}
