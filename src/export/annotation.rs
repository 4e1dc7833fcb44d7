//! W3C Web Annotation JSON-LD: claims and evidence anchored in their sources.
//!
//! The file is one `AnnotationCollection` whose single embedded `AnnotationPage` holds,
//! claim by claim, three kinds of annotation:
//! - the claim (`assessing`): its statement, verdict, explanation and tags as bodies, and
//!   every passage where it appears as a target;
//! - each piece of evidence (`highlighting`): the passage, with its stance as a
//!   `classifying` body and the analyst's note as a `commenting` one;
//! - a `linking` annotation per piece of evidence, whose target is the claim's annotation
//!   and whose body is the evidence's annotation, with the stance again.
//!
//! Targets carry a `TextQuoteSelector` and a `TextPositionSelector` describing the same
//! passage; positions count characters of the text Crosscheck extracted, so tools that
//! open the original page should anchor by the quote. A target's `source` is the
//! document's URL when it has an `http(s)` one. Annotation ids hang off the project's
//! URL as fragments, or are `urn:crosscheck:` names when the project has none.

use serde_json::{Map, Value, json};

use super::progress::Ticker;
use super::report::{ClaimEntry, Report};
use super::{ExportError, text, url};
use crate::model::{Anchor, ClaimId, Evidence, EvidenceId};

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Vec<u8>, ExportError> {
    let ids = Ids::new(&report.project.info.url);
    let mut items = Vec::new();
    for entry in &report.claims {
        items.push(claim_annotation(report, &ids, entry));
        for (id, evidence) in &entry.evidence {
            items.push(evidence_annotation(report, &ids, *id, evidence));
            items.push(link_annotation(&ids, entry.id, *id, evidence));
        }
        ticker.claim_done()?;
    }
    let mut collection = Map::new();
    collection.insert("@context".into(), json!("http://www.w3.org/ns/anno.jsonld"));
    collection.insert("id".into(), json!(ids.name("annotations")));
    collection.insert("type".into(), json!("AnnotationCollection"));
    collection.insert("label".into(), json!(text::squash(report.title())));
    if let Some(creator) = creator(report) {
        collection.insert("creator".into(), creator);
    }
    collection.insert("total".into(), json!(items.len()));
    collection.insert(
        "first".into(),
        json!({
            "id": ids.name("annotations-page-1"),
            "type": "AnnotationPage",
            "partOf": ids.name("annotations"),
            "startIndex": 0,
            "items": items,
        }),
    );
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(collection))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Makes IRIs for the annotations of one export.
struct Ids {
    base: Option<String>,
}

impl Ids {
    fn new(project_url: &str) -> Self {
        let base = url::web_link(project_url).map(|link| link.split('#').next().unwrap_or_default().to_owned());
        Self { base }
    }

    fn name(&self, local: &str) -> String {
        match &self.base {
            Some(base) => format!("{base}#{local}"),
            None => format!("urn:crosscheck:{local}"),
        }
    }

    fn claim(&self, id: ClaimId) -> String {
        self.name(&format!("annotation-{id}"))
    }

    fn evidence(&self, id: EvidenceId) -> String {
        self.name(&format!("annotation-{id}"))
    }

    fn link(&self, id: EvidenceId) -> String {
        self.name(&format!("link-{id}"))
    }
}

fn creator(report: &Report<'_>) -> Option<Value> {
    let organisation = report.project.info.organisation.trim();
    (!organisation.is_empty()).then(|| json!({ "type": "Organization", "name": organisation }))
}

fn claim_annotation(report: &Report<'_>, ids: &Ids, entry: &ClaimEntry<'_>) -> Value {
    let claim = entry.claim;
    let mut bodies = vec![textual("describing", &text::squash(&claim.statement)), textual("assessing", &claim.verdict)];
    if text::present(&claim.claimant) {
        bodies.push(textual("describing", &format!("Claimed by {}", text::squash(&claim.claimant))));
    }
    if text::present(&claim.explanation) {
        bodies.push(textual("commenting", &text::paragraphs(&claim.explanation).join("\n\n")));
    }
    if report.options.notes && text::present(&claim.notes) {
        bodies.push(textual("commenting", &text::paragraphs(&claim.notes).join("\n\n")));
    }
    bodies.extend(claim.tags.iter().map(|tag| textual("tagging", tag)));
    let targets: Vec<Value> = claim.appearances.iter().map(|anchor| target(report, anchor, true)).collect();
    annotation(report, ids.claim(entry.id), "assessing", bodies, Value::Array(targets))
}

fn evidence_annotation(report: &Report<'_>, ids: &Ids, id: EvidenceId, evidence: &Evidence) -> Value {
    let mut bodies = vec![textual("classifying", evidence.stance.label())];
    if report.options.notes && text::present(&evidence.note) {
        bodies.push(textual("commenting", &text::paragraphs(&evidence.note).join("\n\n")));
    }
    let target = target(report, &evidence.passage, report.options.quotes);
    annotation(report, ids.evidence(id), "highlighting", bodies, target)
}

fn link_annotation(ids: &Ids, claim: ClaimId, id: EvidenceId, evidence: &Evidence) -> Value {
    json!({
        "id": ids.link(id),
        "type": "Annotation",
        "motivation": "linking",
        "body": [ids.evidence(id), textual("classifying", evidence.stance.label())],
        "target": ids.claim(claim),
    })
}

fn annotation(report: &Report<'_>, id: String, motivation: &str, bodies: Vec<Value>, target: Value) -> Value {
    let mut annotation = Map::new();
    annotation.insert("id".into(), Value::String(id));
    annotation.insert("type".into(), json!("Annotation"));
    annotation.insert("motivation".into(), json!(motivation));
    if let Some(creator) = creator(report) {
        annotation.insert("creator".into(), creator);
    }
    if let Some(date) = text::iso_date(&report.options.published) {
        annotation.insert("created".into(), json!(date));
    }
    annotation.insert("body".into(), Value::Array(bodies));
    annotation.insert("target".into(), target);
    Value::Object(annotation)
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" })
}

/// A passage as a `SpecificResource`; without the quote when quotes are left out.
fn target(report: &Report<'_>, anchor: &Anchor, quote: bool) -> Value {
    let source = report
        .source(anchor)
        .and_then(|source| url::web_link(&source.meta.url))
        .unwrap_or_else(|| format!("urn:crosscheck:source:{}", anchor.source));
    let position = json!({ "type": "TextPositionSelector", "start": anchor.start, "end": anchor.end });
    let selector = if quote {
        let mut quote = Map::new();
        quote.insert("type".into(), json!("TextQuoteSelector"));
        quote.insert("exact".into(), json!(anchor.exact));
        if !anchor.prefix.is_empty() {
            quote.insert("prefix".into(), json!(anchor.prefix));
        }
        if !anchor.suffix.is_empty() {
            quote.insert("suffix".into(), json!(anchor.suffix));
        }
        json!([Value::Object(quote), position])
    } else {
        position
    };
    json!({ "type": "SpecificResource", "source": source, "selector": selector })
}
