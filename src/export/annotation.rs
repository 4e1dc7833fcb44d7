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
//!
//! The shapes are typed structs rather than `serde_json::Value` trees: the benchmark
//! project has 100,000 annotations, and building a map per object cost most of the time.

use std::borrow::Cow;

use serde::Serialize;

use super::progress::Ticker;
use super::report::{ClaimEntry, Report};
use super::{ExportError, text, url};
use crate::model::{Anchor, ClaimId, Evidence, EvidenceId};

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent<'a>>,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    part_of: String,
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize, Clone, Copy)]
struct Agent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    body: Vec<Body<'a>>,
    target: Targets<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    /// Another annotation, by id.
    Reference(String),
    Text(TextualBody<'a>),
}

#[derive(Serialize)]
struct TextualBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: Cow<'a, str>,
    format: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    One(Target<'a>),
    Many(Vec<Target<'a>>),
    /// Another annotation, by id.
    Reference(String),
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    selector: Selectors<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selectors<'a> {
    Position(PositionSelector),
    /// Two selectors of the same passage, which the model allows as a list.
    Both((QuoteSelector<'a>, PositionSelector)),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    prefix: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Vec<u8>, ExportError> {
    let writer = Writer::new(report);
    let evidence: usize = report.claims.iter().map(|entry| entry.evidence.len()).sum();
    let mut items = Vec::with_capacity(report.claims.len() + 2 * evidence);
    for entry in &report.claims {
        // An annotation must target something: a claim with no passage in any source is
        // left out (see `export::warnings`), its evidence kept as highlights of their own.
        let anchored = !entry.claim.appearances.is_empty();
        if anchored {
            items.push(writer.claim(entry));
        }
        for (id, evidence) in &entry.evidence {
            items.push(writer.evidence(*id, evidence));
            if anchored {
                items.push(writer.link(entry.id, *id, evidence));
            }
        }
        ticker.claim_done()?;
    }
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: writer.ids.name("annotations"),
        kind: "AnnotationCollection",
        label: text::squash(report.title()),
        creator: writer.creator,
        total: items.len(),
        first: Page {
            id: writer.ids.name("annotations-page-1"),
            kind: "AnnotationPage",
            part_of: writer.ids.name("annotations"),
            start_index: 0,
            items,
        },
    };
    let mut bytes = serde_json::to_vec_pretty(&collection)?;
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

/// What every annotation of one export shares.
struct Writer<'r, 'p> {
    report: &'r Report<'p>,
    ids: Ids,
    creator: Option<Agent<'p>>,
    created: Option<String>,
}

impl<'r, 'p> Writer<'r, 'p> {
    fn new(report: &'r Report<'p>) -> Self {
        let organisation = report.project.info.organisation.trim();
        Self {
            report,
            ids: Ids::new(&report.project.info.url),
            creator: (!organisation.is_empty()).then_some(Agent { kind: "Organization", name: organisation }),
            created: text::iso_date_time(&report.options.published),
        }
    }

    fn annotation(
        &self,
        id: String,
        motivation: &'static str,
        body: Vec<Body<'p>>,
        target: Targets<'p>,
    ) -> Annotation<'p> {
        Annotation {
            id,
            kind: "Annotation",
            motivation,
            creator: self.creator,
            created: self.created.clone(),
            body,
            target,
        }
    }

    /// The claim (`assessing`): statement, verdict, claimant, explanation, notes and tags.
    fn claim(&self, entry: &ClaimEntry<'p>) -> Annotation<'p> {
        let claim = entry.claim;
        let mut body = vec![
            textual("describing", text::squash(&claim.statement).into()),
            textual("assessing", Cow::Borrowed(&claim.verdict)),
        ];
        if text::present(&claim.claimant) {
            body.push(textual("describing", format!("Claimed by {}", text::squash(&claim.claimant)).into()));
        }
        if text::present(&claim.explanation) {
            body.push(textual("commenting", text::paragraphs(&claim.explanation).join("\n\n").into()));
        }
        if self.report.options.notes && text::present(&claim.notes) {
            body.push(textual("commenting", text::paragraphs(&claim.notes).join("\n\n").into()));
        }
        body.extend(claim.tags.iter().map(|tag| textual("tagging", Cow::Borrowed(tag))));
        let targets = claim.appearances.iter().map(|anchor| self.target(anchor, true)).collect();
        self.annotation(self.ids.claim(entry.id), "assessing", body, Targets::Many(targets))
    }

    /// A piece of evidence (`highlighting`), classified by its stance.
    fn evidence(&self, id: EvidenceId, evidence: &'p Evidence) -> Annotation<'p> {
        let mut body = vec![textual("classifying", Cow::Borrowed(evidence.stance.label()))];
        if self.report.options.notes && text::present(&evidence.note) {
            body.push(textual("commenting", text::paragraphs(&evidence.note).join("\n\n").into()));
        }
        let target = self.target(&evidence.passage, self.report.options.quotes);
        self.annotation(self.ids.evidence(id), "highlighting", body, Targets::One(target))
    }

    /// The link from a claim's annotation to one of its evidence's annotations.
    fn link(&self, claim: ClaimId, id: EvidenceId, evidence: &Evidence) -> Annotation<'p> {
        let body = vec![
            Body::Reference(self.ids.evidence(id)),
            textual("classifying", Cow::Borrowed(evidence.stance.label())),
        ];
        Annotation {
            id: self.ids.link(id),
            kind: "Annotation",
            motivation: "linking",
            creator: None,
            created: None,
            body,
            target: Targets::Reference(self.ids.claim(claim)),
        }
    }

    /// A passage as a `SpecificResource`; without the quote when quotes are left out.
    fn target(&self, anchor: &'p Anchor, quote: bool) -> Target<'p> {
        let source = self
            .report
            .source(anchor)
            .and_then(|source| url::web_link(&source.meta.url))
            .unwrap_or_else(|| format!("urn:crosscheck:source:{}", anchor.source));
        let position = PositionSelector { kind: "TextPositionSelector", start: anchor.start, end: anchor.end };
        let selector = if quote {
            let quote = QuoteSelector {
                kind: "TextQuoteSelector",
                exact: &anchor.exact,
                prefix: &anchor.prefix,
                suffix: &anchor.suffix,
            };
            Selectors::Both((quote, position))
        } else {
            Selectors::Position(position)
        };
        Target { kind: "SpecificResource", source, selector }
    }
}

fn textual<'a>(purpose: &'static str, value: Cow<'a, str>) -> Body<'a> {
    Body::Text(TextualBody { kind: "TextualBody", purpose, value, format: "text/plain" })
}
