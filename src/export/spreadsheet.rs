//! CSV tables for spreadsheets: one row per claim, and optionally one per piece of evidence.
//!
//! The `csv` crate does the quoting (commas, quotes, line breaks). Two things it cannot
//! know are done here: cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`,
//! `+`, `-`, `@`) get a leading apostrophe, the convention spreadsheets read as "this is
//! text"; and the files start with a UTF-8 byte order mark, without which Excel reads
//! "Zürich" as `ZÃ¼rich`. Columns are the same whatever the options, so a sheet built on
//! one export keeps working with the next; left-out content leaves its cells empty.

use super::progress::Ticker;
use super::report::{ClaimEntry, Report};
use super::{ExportError, location, text, url};
use crate::model::{ConflictStatus, Evidence, EvidenceId, Stance};

/// Excel's cue that a CSV file is UTF-8.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

const CLAIM_COLUMNS: [&str; 16] = [
    "claim",
    "statement",
    "verdict",
    "rating",
    "worst_rating",
    "best_rating",
    "claimant",
    "explanation",
    "tags",
    "appears_in",
    "supporting_evidence",
    "contradicting_evidence",
    "context_evidence",
    "open_conflicts",
    "resolved_conflicts",
    "notes",
];

const EVIDENCE_COLUMNS: [&str; 11] = [
    "evidence",
    "claim",
    "stance",
    "source",
    "source_title",
    "outlet",
    "published",
    "location",
    "quote",
    "note",
    "source_url",
];

/// The tables one CSV export produces.
pub(super) struct Tables {
    pub claims: Vec<u8>,
    pub evidence: Option<Vec<u8>>,
}

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Tables, ExportError> {
    let mut claims = table(&CLAIM_COLUMNS)?;
    let mut evidence = if report.options.evidence_rows { Some(table(&EVIDENCE_COLUMNS)?) } else { None };
    for entry in &report.claims {
        claims.write_record(claim_row(report, entry))?;
        if let Some(evidence) = evidence.as_mut() {
            for (id, item) in &entry.evidence {
                evidence.write_record(evidence_row(report, entry, *id, item))?;
            }
        }
        ticker.claim_done()?;
    }
    Ok(Tables { claims: finish(claims)?, evidence: evidence.map(finish).transpose()? })
}

fn table(columns: &[&str]) -> Result<csv::Writer<Vec<u8>>, ExportError> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BYTE_ORDER_MARK.to_vec());
    writer.write_record(columns)?;
    Ok(writer)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ExportError> {
    writer.into_inner().map_err(|error| ExportError::Csv(csv::Error::from(error.into_error())))
}

fn claim_row(report: &Report<'_>, entry: &ClaimEntry<'_>) -> Vec<String> {
    let claim = entry.claim;
    let rating = entry.rating(report.project);
    let number = |value: Option<u32>| value.map(|n| n.to_string()).unwrap_or_default();
    let stance_count = |stance: Stance| entry.evidence.iter().filter(|(_, e)| e.stance == stance).count().to_string();
    let open = entry.conflicts.iter().filter(|(_, c)| c.status.is_open()).count();
    let resolved = entry.conflicts.iter().filter(|(_, c)| matches!(c.status, ConflictStatus::Resolved { .. })).count();
    let places: Vec<String> = claim
        .appearances
        .iter()
        .map(|anchor| {
            let place = location::describe(anchor, report.source(anchor));
            format!("{} {} ({place})", anchor.source, text::squash(&report.source_title(anchor)))
        })
        .collect();
    let notes = if report.options.notes { paragraphs(&claim.notes) } else { String::new() };
    vec![
        entry.id.to_string(),
        cell(&text::squash(&claim.statement)),
        cell(&claim.verdict),
        number(rating.map(|r| r.value)),
        number(rating.map(|r| r.worst)),
        number(rating.map(|r| r.best)),
        cell(&text::squash(&claim.claimant)),
        cell(&paragraphs(&claim.explanation)),
        cell(&claim.tags.iter().map(String::as_str).collect::<Vec<_>>().join("; ")),
        cell(&places.join("; ")),
        stance_count(Stance::Supports),
        stance_count(Stance::Contradicts),
        stance_count(Stance::Context),
        open.to_string(),
        resolved.to_string(),
        cell(&notes),
    ]
}

fn evidence_row(report: &Report<'_>, entry: &ClaimEntry<'_>, id: EvidenceId, evidence: &Evidence) -> Vec<String> {
    let passage = &evidence.passage;
    let source = report.source(passage);
    let meta = source.map(|source| &source.meta);
    let quote = if report.options.quotes { text::squash(&passage.exact) } else { String::new() };
    let note = if report.options.notes { paragraphs(&evidence.note) } else { String::new() };
    let url = meta.and_then(|meta| url::web_link(&meta.url)).unwrap_or_default();
    vec![
        id.to_string(),
        entry.id.to_string(),
        evidence.stance.label().to_owned(),
        passage.source.to_string(),
        cell(&text::squash(&report.source_title(passage))),
        cell(&text::squash(meta.map_or("", |meta| meta.outlet.as_str()))),
        cell(&text::squash(meta.map_or("", |meta| meta.published.as_str()))),
        location::describe(passage, source),
        cell(&quote),
        cell(&note),
        cell(&url),
    ]
}

/// Paragraphs on lines of their own: spreadsheets show line breaks inside a cell.
fn paragraphs(text: &str) -> String {
    text::paragraphs(text).join("\n")
}

/// A cell that a spreadsheet shows as the text it is, never runs as a formula. Leading
/// whitespace is looked past because some spreadsheets trim it before deciding; the
/// full-width signs are there because some spreadsheets fold them to ASCII.
fn cell(text: &str) -> String {
    match text.trim_start().chars().next() {
        Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_become_text() {
        assert_eq!(cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(cell("  +1"), "'  +1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\u{FF1D}1+1"), "'\u{FF1D}1+1");
        assert_eq!(cell("40 million"), "40 million");
    }
}
