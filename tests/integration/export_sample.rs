//! Every report format of the bundled sample project: snapshots of the whole output, and
//! the JSON-LD formats read back and checked field by field.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use crosscheck::export::{self, ExportError, ExportOptions, Format, Rendered};
use crosscheck::model::Project;
use serde_json::Value;

fn sample() -> Project {
    crosscheck::store::load(&crosscheck::sample_project_path()).expect("the sample project loads").project
}

fn options() -> ExportOptions {
    ExportOptions { published: "2024-05-20".to_owned(), evidence_rows: true, ..ExportOptions::default() }
}

fn render(project: &Project, format: Format, options: &ExportOptions) -> Rendered {
    export::render(project, format, options, &|_| {}, &AtomicBool::new(false)).expect("the sample exports")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("reports are UTF-8")
}

/// CSV as a snapshot shows it: without the byte order mark, with plain line ends.
fn csv_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("CSV starts with a UTF-8 byte order mark");
    text(bytes).replace("\r\n", "\n")
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("JSON-LD parses")
}

#[test]
fn html_report_snapshot() {
    insta::assert_snapshot!("sample_html", text(&render(&sample(), Format::Html, &options()).report));
}

#[test]
fn markdown_report_snapshot() {
    insta::assert_snapshot!("sample_markdown", text(&render(&sample(), Format::Markdown, &options()).report));
}

#[test]
fn csv_tables_snapshot() {
    let rendered = render(&sample(), Format::Csv, &options());
    assert!(rendered.report.windows(2).any(|pair| pair == b"\r\n"), "rows end with CRLF (RFC 4180)");
    insta::assert_snapshot!("sample_csv_claims", csv_text(&rendered.report));
    let evidence = rendered.evidence_csv.expect("evidence rows were asked for");
    insta::assert_snapshot!("sample_csv_evidence", csv_text(&evidence));
}

#[test]
fn claimreview_snapshot() {
    insta::assert_snapshot!("sample_claimreview", text(&render(&sample(), Format::ClaimReview, &options()).report));
}

#[test]
fn web_annotation_snapshot() {
    insta::assert_snapshot!("sample_annotations", text(&render(&sample(), Format::Annotations, &options()).report));
}

#[test]
fn filtered_markdown_snapshot() {
    let options = ExportOptions {
        verdicts: BTreeSet::from(["False".to_owned(), "Misleading".to_owned()]),
        open_conflicts: false,
        notes: false,
        quotes: false,
        ..options()
    };
    let report = text(&render(&sample(), Format::Markdown, &options).report);
    assert!(!report.contains("(open)"), "open conflicts are left out");
    assert!(!report.contains("*Note:*"), "notes are left out");
    insta::assert_snapshot!("sample_markdown_false_or_misleading", report);
}

#[test]
fn claimreview_has_every_required_field() {
    let project = sample();
    let reviews = json(&render(&project, Format::ClaimReview, &options()).report);
    let reviews = reviews.as_array().expect("an array of ClaimReviews");
    let reviewed: Vec<_> = project.claims.iter().filter(|(_, claim)| claim.verdict != "Unverified").collect();
    assert_eq!(reviews.len(), reviewed.len(), "one ClaimReview per claim with a verdict");
    assert_eq!(reviews.len(), 13);
    for (review, (id, claim)) in reviews.iter().zip(&reviewed) {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["claimReviewed"], claim.statement.as_str());
        assert_eq!(review["url"], format!("https://example.org/factchecks/sella-harbour-accord#claim-{id}"));
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["author"]["name"], "Crosscheck sample desk");
        assert_eq!(review["datePublished"], "2024-05-20");

        let rating = &review["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["alternateName"], claim.verdict.as_str());
        match project.scale.level(&claim.verdict).and_then(|level| level.rating) {
            Some(value) => {
                assert_eq!(rating["ratingValue"], value);
                assert_eq!(rating["worstRating"], 1);
                assert_eq!(rating["bestRating"], 5);
            }
            None => assert!(rating.get("ratingValue").is_none(), "{} has no rating", claim.verdict),
        }

        let item = &review["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["name"], claim.claimant.as_str());
        assert!(matches!(item["author"]["@type"].as_str(), Some("Person" | "Organization")));
        let appearances = item["appearance"].as_array().expect("appearances");
        let sources: BTreeSet<_> = claim.appearances.iter().map(|anchor| anchor.source).collect();
        assert_eq!(appearances.len(), sources.len(), "one appearance per source the claim is in");
        for (appearance, source) in appearances.iter().zip(&sources) {
            let meta = &project.sources[source].meta;
            assert_eq!(appearance["@type"], "CreativeWork");
            assert_eq!(appearance["url"], meta.url.as_str());
            assert_eq!(appearance["datePublished"], meta.published.as_str());
            assert_eq!(appearance["publisher"]["name"], meta.outlet.as_str());
        }
        let earliest = sources.iter().map(|source| project.sources[source].meta.published.as_str()).min();
        assert_eq!(item["datePublished"].as_str(), earliest);
    }
    let unprovable = reviews.iter().find(|r| r["reviewRating"]["alternateName"] == "Unprovable");
    assert!(unprovable.is_some(), "Unprovable is a finding and is published");
}

#[test]
fn web_annotations_form_a_valid_collection() {
    let project = sample();
    let collection = json(&render(&project, Format::Annotations, &options()).report);
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert!(collection["id"].as_str().is_some_and(|id| id.starts_with("https://")));
    assert_eq!(collection["label"], project.info.title.as_str());
    let page = &collection["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert_eq!(page["partOf"], collection["id"]);
    assert_eq!(page["startIndex"], 0);
    let items = page["items"].as_array().expect("items");
    assert_eq!(collection["total"], items.len());
    assert_eq!(items.len(), project.claims.len() + 2 * project.evidence.len());

    let ids: BTreeSet<&str> =
        items.iter().map(|item| item["id"].as_str().expect("every annotation has an id")).collect();
    assert_eq!(ids.len(), items.len(), "ids are unique");
    let by_motivation = |motivation: &'static str| items.iter().filter(move |item| item["motivation"] == motivation);
    assert_eq!(by_motivation("assessing").count(), project.claims.len());
    assert_eq!(by_motivation("highlighting").count(), project.evidence.len());
    assert_eq!(by_motivation("linking").count(), project.evidence.len());

    for item in items {
        assert_eq!(item["type"], "Annotation");
        assert!(!item["body"].as_array().expect("bodies").is_empty());
    }
    for item in by_motivation("assessing").chain(by_motivation("highlighting")) {
        for target in item["target"].as_array().map_or_else(|| vec![&item["target"]], |all| all.iter().collect()) {
            assert_eq!(target["type"], "SpecificResource");
            assert!(target["source"].as_str().is_some_and(|source| source.starts_with("https://")));
            let selectors = target["selector"].as_array().expect("quote and position selectors");
            assert_eq!(selectors[0]["type"], "TextQuoteSelector");
            assert!(selectors[0]["exact"].as_str().is_some_and(|exact| !exact.is_empty()));
            assert_eq!(selectors[1]["type"], "TextPositionSelector");
            let (start, end) = (selectors[1]["start"].as_u64(), selectors[1]["end"].as_u64());
            assert!(start.zip(end).is_some_and(|(start, end)| start < end));
        }
    }
    for link in by_motivation("linking") {
        let target = link["target"].as_str().expect("a link targets the claim's annotation");
        let evidence = link["body"][0].as_str().expect("a link's body is the evidence's annotation");
        assert!(ids.contains(target) && ids.contains(evidence), "links point at annotations in the page");
        assert_eq!(link["body"][1]["purpose"], "classifying");
    }

    // The claim's own annotation carries its verdict, and its positions match the project.
    let (first_id, first) = project.claims.iter().next().expect("claims");
    let annotation = by_motivation("assessing").next().expect("a claim annotation");
    assert!(annotation["id"].as_str().is_some_and(|id| id.ends_with(&format!("annotation-{first_id}"))));
    assert_eq!(annotation["body"][1]["purpose"], "assessing");
    assert_eq!(annotation["body"][1]["value"], first.verdict.as_str());
    assert_eq!(annotation["target"][0]["selector"][1]["start"], first.appearances[0].start);
}

#[test]
fn without_quotes_evidence_is_anchored_by_position_only() {
    let options = ExportOptions { quotes: false, ..options() };
    let collection = json(&render(&sample(), Format::Annotations, &options).report);
    let items = collection["first"]["items"].as_array().expect("items");
    let evidence = items.iter().find(|item| item["motivation"] == "highlighting").expect("evidence");
    assert_eq!(evidence["target"]["selector"]["type"], "TextPositionSelector");
    let html = text(&render(&sample(), Format::Html, &options).report);
    assert!(!html.contains("<blockquote>today signed the Sella Harbour Accord"));
}

#[test]
fn unknown_filters_are_refused_and_progress_ends_full() {
    let project = sample();
    let cancel = AtomicBool::new(false);
    let typo = ExportOptions { verdicts: BTreeSet::from(["Flase".to_owned()]), ..options() };
    let error = export::render(&project, Format::Html, &typo, &|_| {}, &cancel).expect_err("typo is refused");
    assert!(matches!(error, ExportError::UnknownVerdict { .. }), "{error}");
    assert!(error.to_string().contains("Mostly true"), "{error}");
    let tag = ExportOptions { tags: BTreeSet::from(["nope".to_owned()]), ..options() };
    assert!(matches!(export::render(&project, Format::Csv, &tag, &|_| {}, &cancel), Err(ExportError::UnknownTag(_))));

    let last = std::cell::Cell::new(None);
    export::render(&project, Format::Html, &options(), &|progress| last.set(Some(progress)), &cancel).expect("exports");
    let last = last.get().expect("progress was reported");
    assert_eq!((last.done, last.total), (15, 15));
}

#[test]
fn a_large_export_can_be_cancelled() {
    use crosscheck::fixtures::{Size, generate};
    let project =
        generate(Size { sources: 20, chars_per_source: 2_000, claims: 2_000, evidence: 2_000, conflicts: 20 });
    let cancel = AtomicBool::new(false);
    let seen = std::cell::Cell::new(0);
    let result = export::render(
        &project,
        Format::Markdown,
        &options(),
        &|progress| {
            seen.set(progress.done);
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        },
        &cancel,
    );
    assert!(matches!(result, Err(ExportError::Cancelled)), "export stops once cancelled");
    assert!(seen.get() < 2_000, "stopped early, after {} claims", seen.get());
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let project = sample();
    for format in Format::ALL {
        assert_eq!(render(&project, format, &options()), render(&project, format, &options()), "{format}");
    }
}

#[test]
fn the_html_report_has_unique_ids_captions_last_and_everything_in_landmarks() {
    let html = text(&render(&sample(), Format::Html, &options()).report);
    let ids: Vec<&str> = html.split(" id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an id is used twice");
    assert!(ids.iter().any(|id| id.contains("-conflict-")), "conflicts under claims have their own ids");
    for figure in html.split("<figure").skip(1) {
        let figure = figure.split("</figure>").next().unwrap_or_default();
        let after_caption = figure.split("</figcaption>").nth(1).unwrap_or_default();
        assert!(after_caption.trim().is_empty(), "content after a figcaption: {after_caption}");
    }
    let main = html.split("<main>").nth(1).and_then(|rest| rest.split("</main>").next()).unwrap_or_default();
    assert!(main.contains("id=\"sources\""), "the sources list is inside <main>");
}
