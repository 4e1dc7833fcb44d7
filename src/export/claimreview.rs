//! schema.org `ClaimReview` JSON-LD, the markup search engines read to show fact-checks.
//!
//! The output is a JSON array with one `ClaimReview` per reviewed claim, each with its
//! own `@context`, so any one of them can be pasted into a page's
//! `<script type="application/ld+json">` on its own.
//!
//! A claim counts as reviewed when its verdict is anything but the scale's initial one
//! ("Unverified" on the default scale): that is the label every claim starts with, so it
//! says nothing has been decided yet. "Unprovable" is a finding and is published, with
//! `alternateName` only, since it has no place on the numeric scale. Ratings come from the
//! project's scale: `ratingValue` is the verdict's rating, `worstRating` and `bestRating`
//! the lowest and highest on the scale.
//!
//! Dates must be ISO 8601 in JSON-LD, so dates typed any other way are left out rather
//! than published malformed, and only `http(s)` URLs are given.

use std::collections::{BTreeSet, HashSet};

use serde_json::{Map, Value, json};

use super::progress::Ticker;
use super::report::{ClaimEntry, Report};
use super::{ExportError, text, url};
use crate::model::{Source, SourceId};

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Vec<u8>, ExportError> {
    let organisations = organisations(report);
    let mut reviews = Vec::new();
    for entry in &report.claims {
        if entry.reviewed {
            reviews.push(claim_review(report, entry, &organisations));
        }
        ticker.claim_done()?;
    }
    let mut bytes = text::script_safe_json(serde_json::to_vec_pretty(&Value::Array(reviews))?);
    bytes.push(b'\n');
    Ok(bytes)
}

fn claim_review(report: &Report<'_>, entry: &ClaimEntry<'_>, organisations: &HashSet<String>) -> Value {
    let info = &report.project.info;
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    put(&mut review, "url", url::with_fragment(&info.url, &format!("claim-{}", entry.id)));
    review.insert("claimReviewed".into(), json!(text::squash(&entry.claim.statement)));
    if text::present(&entry.claim.explanation) {
        review.insert("reviewBody".into(), json!(text::paragraphs(&entry.claim.explanation).join("\n\n")));
    }
    if text::present(&info.organisation) {
        review.insert("author".into(), json!({ "@type": "Organization", "name": info.organisation.trim() }));
    }
    put(&mut review, "datePublished", text::iso_date(&report.options.published));
    review.insert("reviewRating".into(), rating(report, entry));
    review.insert("itemReviewed".into(), item_reviewed(report, entry, organisations));
    Value::Object(review)
}

fn rating(report: &Report<'_>, entry: &ClaimEntry<'_>) -> Value {
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("alternateName".into(), json!(entry.claim.verdict));
    // Google recommends `name` beside `alternateName`: the verdict as a reader sees it.
    rating.insert("name".into(), json!(entry.claim.verdict));
    if let Some(value) = entry.rating(report.project) {
        rating.insert("ratingValue".into(), json!(value.value));
        rating.insert("worstRating".into(), json!(value.worst));
        rating.insert("bestRating".into(), json!(value.best));
    }
    Value::Object(rating)
}

/// The `Claim`: who made it, when, and every source where it appears.
fn item_reviewed(report: &Report<'_>, entry: &ClaimEntry<'_>, organisations: &HashSet<String>) -> Value {
    let sources: BTreeSet<SourceId> = entry.claim.appearances.iter().map(|anchor| anchor.source).collect();
    let sources: Vec<&Source> = sources.iter().filter_map(|id| report.project.sources.get(id)).collect();
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    if text::present(&entry.claim.claimant) {
        claim.insert("author".into(), claimant(&entry.claim.claimant, organisations));
    }
    let earliest = sources.iter().filter_map(|source| text::iso_date(&source.meta.published)).min();
    put(&mut claim, "datePublished", earliest);
    let appearances: Vec<Value> = sources.iter().map(|source| appearance(source)).collect();
    if !appearances.is_empty() {
        claim.insert("appearance".into(), Value::Array(appearances));
    }
    Value::Object(claim)
}

/// The project's outlets and its own organisation, lowercased: claimants that name one
/// are organisations (a claim made in a newspaper's own voice).
fn organisations(report: &Report<'_>) -> HashSet<String> {
    let outlets = report.project.sources.values().map(|source| source.meta.outlet.as_str());
    outlets.chain([report.project.info.organisation.as_str()]).map(|name| text::squash(name).to_lowercase()).collect()
}

/// The claimant as an `Organization` when it names one of [`organisations`], as a
/// `Person` otherwise.
fn claimant(name: &str, organisations: &HashSet<String>) -> Value {
    let name = text::squash(name);
    let kind = if organisations.contains(&name.to_lowercase()) { "Organization" } else { "Person" };
    json!({ "@type": kind, "name": name })
}

fn appearance(source: &Source) -> Value {
    let meta = &source.meta;
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    put(&mut work, "url", url::web_link(&meta.url));
    work.insert("headline".into(), json!(text::squash(source.display_title())));
    put(&mut work, "datePublished", text::iso_date(&meta.published));
    if text::present(&meta.author) {
        work.insert("author".into(), json!({ "@type": "Person", "name": text::squash(&meta.author) }));
    }
    if text::present(&meta.outlet) {
        work.insert("publisher".into(), json!({ "@type": "Organization", "name": text::squash(&meta.outlet) }));
    }
    Value::Object(work)
}

/// Sets `key` when there is a value, so absent facts are absent rather than empty.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<String>>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), Value::String(value.into()));
    }
}
