//! Fact-check reports: what readers, editors and search engines receive.
//!
//! [`render`] is the single entry point for every format, used by the command line and
//! by the app alike, so that the same project and options always give the same bytes.
//! It first gathers the selected claims with their evidence, conflicts and sources into a
//! [`Report`](report::Report), then hands that to the writer of one format. Writers only
//! decide how things look; what is in the report is decided once, in `report`.

mod annotation;
mod claimreview;
mod destination;
mod html;
mod location;
mod markdown;
mod options;
pub mod preview;
mod progress;
mod report;
mod spreadsheet;
mod text;
mod url;

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::AtomicBool;

use thiserror::Error;

use crate::model::Project;

pub use destination::{Destination, DestinationError, check_destination};
pub use options::ExportOptions;
pub use progress::Progress;

/// The report formats Crosscheck writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// One self-contained HTML page that reads well on screen and on paper.
    Html,
    /// The same content as Markdown, readable as plain text.
    Markdown,
    /// One row per claim, for spreadsheets; evidence rows optionally as a second file.
    Csv,
    /// schema.org `ClaimReview` JSON-LD, one per reviewed claim, for search engines.
    ClaimReview,
    /// W3C Web Annotation JSON-LD: claims and evidence anchored in their sources.
    Annotations,
}

impl Format {
    pub const ALL: [Format; 5] =
        [Format::Html, Format::Markdown, Format::Csv, Format::ClaimReview, Format::Annotations];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::ClaimReview => "claimreview",
            Self::Annotations => "annotations",
        }
    }

    /// The usual file extension, for save dialogs and default file names.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::ClaimReview | Self::Annotations => "jsonld",
        }
    }

    /// A label for menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Html => "HTML report",
            Self::Markdown => "Markdown report",
            Self::Csv => "CSV table",
            Self::ClaimReview => "ClaimReview JSON-LD (schema.org)",
            Self::Annotations => "Web Annotation JSON-LD (W3C)",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|format| format.name() == text).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|format| format.name()).collect();
            format!("`{text}` is not a report format (expected one of {})", names.join(", "))
        })
    }
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The report itself.
    pub report: Vec<u8>,
    /// The evidence table, for CSV exports with [`ExportOptions::evidence_rows`] set.
    pub evidence_csv: Option<Vec<u8>>,
}

/// Why an export did not produce a report.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("export cancelled")]
    Cancelled,
    #[error("verdict {verdict:?} is not on the project's scale (it has: {scale})")]
    UnknownVerdict { verdict: String, scale: String },
    #[error("no claim in the project is tagged {0:?}")]
    UnknownTag(String),
    // The cause is in the message and not also a `source`: a chain printed with `{:#}`
    // would say it twice.
    #[error("cannot write CSV: {0}")]
    Csv(csv::Error),
    #[error("cannot format the report")]
    Format(#[from] std::fmt::Error),
    #[error("cannot write JSON: {0}")]
    Json(serde_json::Error),
    #[error("cannot write {format}: {}", .needs.join("; "))]
    Unmet { format: &'static str, needs: Vec<String> },
}

impl From<csv::Error> for ExportError {
    fn from(error: csv::Error) -> Self {
        Self::Csv(error)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(error: serde_json::Error) -> Self {
        Self::Json(error)
    }
}

/// Writes `project` as a report in `format`.
///
/// `progress` hears how many claims have been written, every few hundred claims, and
/// setting `cancel` makes the export stop soon after with [`ExportError::Cancelled`]:
/// the app runs exports of large projects on a worker thread.
pub fn render(
    project: &Project,
    format: Format,
    options: &ExportOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Rendered, ExportError> {
    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(ExportError::Cancelled);
    }
    let needs = unmet(project, format);
    if !needs.is_empty() {
        return Err(ExportError::Unmet { format: format.label(), needs });
    }
    let report = report::Report::gather(project, options)?;
    let mut ticker = progress::Ticker::new(report.claims.len(), progress, cancel);
    let mut evidence_csv = None;
    let bytes = match format {
        Format::Html => html::write(&report, &mut ticker)?,
        Format::Markdown => markdown::write(&report, &mut ticker)?,
        Format::Csv => {
            let tables = spreadsheet::write(&report, &mut ticker)?;
            evidence_csv = tables.evidence;
            tables.claims
        }
        Format::ClaimReview => claimreview::write(&report, &mut ticker)?,
        Format::Annotations => annotation::write(&report, &mut ticker)?,
    };
    ticker.finish();
    Ok(Rendered { report: bytes, evidence_csv })
}

/// What an export in `format` leaves out or cannot fill, in sentences for the analyst:
/// printed on standard error by `crosscheck export`.
pub fn warnings(project: &crate::model::Project, format: Format) -> Vec<String> {
    let mut found = Vec::new();
    if format == Format::Annotations {
        for (id, claim) in &project.claims {
            if claim.appearances.is_empty() {
                found.push(format!(
                    "claim {id} has no passage in any source, so it is left out of the annotations (an annotation needs a target)"
                ));
            }
        }
    }
    found
}

/// What the project lacks for a report in `format` to be written at all, in sentences for
/// the analyst; empty when nothing is missing. [`render`] refuses while this is not empty,
/// and the export dialog shows it beside the fields to fill.
///
/// Only `ClaimReview` has such needs: its one use is to be read by search engines, and
/// Google ignores a `ClaimReview` without the `url` of the published fact-check or its
/// `author`. A file missing them would look like a finished export and do nothing, and
/// no stand-in value can be filled without publishing something untrue.
pub fn unmet(project: &crate::model::Project, format: Format) -> Vec<String> {
    let mut needs = Vec::new();
    if format == Format::ClaimReview {
        let info = &project.info;
        if !text::present(&info.url) {
            needs.push("a ClaimReview needs the web address where the fact-check is published (Published at (URL) under Report in the export dialog; `url` in the project's `info`)".to_owned());
        } else if let Err(problem) = crate::model::web_url(&info.url) {
            needs.push(format!("a ClaimReview needs the http(s) web address where the fact-check is published, but the project's web address {problem}"));
        }
        if !text::present(&info.organisation) {
            needs.push("a ClaimReview needs the organisation publishing it as its author (Organisation under Report in the export dialog; `organisation` in the project's `info`)".to_owned());
        }
    }
    needs
}

/// Whether `text` is a full `YYYY-MM-DD` date, the form a report's date should take.
pub fn is_report_date(text: &str) -> bool {
    text::iso_date(text).is_some_and(|date| date.len() == 10)
}

/// Today's date in UTC as `YYYY-MM-DD`, the default publication date of a report.
///
/// Kept out of [`render`] so that rendering stays a pure function of its inputs.
pub fn today_utc() -> String {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, u32::try_from(month).unwrap_or(1), u32::try_from(day).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12, item 11: the cause was printed twice by `crosscheck: {error:#}`.
    #[test]
    fn an_export_error_names_its_cause_once() {
        let json = serde_json::from_str::<u8>("not json").expect_err("not JSON");
        let csv = csv::Error::from(std::io::Error::other("disk on fire"));
        for error in [ExportError::from(json), ExportError::from(csv)] {
            let chain = format!("{:#}", anyhow::Error::from(error));
            let cause = chain.split(": ").nth(1).expect("a cause").to_owned();
            assert_eq!(chain.matches(&cause).count(), 1, "{chain}");
        }
    }

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn civil_dates_from_day_numbers() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_857), (2024, 5, 14));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
