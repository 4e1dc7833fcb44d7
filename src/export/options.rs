//! What goes into a report: the choices an export dialog or command-line flags make.
//!
//! The report's title, organisation and URL are not options: they live in the project
//! ([`crate::model::ProjectInfo`]) so every export of a fact-check names it the same way.

use std::collections::BTreeSet;

use crate::model::Claim;

/// The choices that shape one export.
#[expect(
    clippy::struct_excessive_bools,
    reason = "each flag is an independent yes/no choice in the export dialog and on the command line; \
              enums would not make any state impossible"
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only claims with one of these verdicts; empty for every verdict.
    pub verdicts: BTreeSet<String>,
    /// Only claims with at least one of these tags; empty for any tags.
    pub tags: BTreeSet<String>,
    /// Whether conflicts that are still open are shown; resolved ones always are.
    pub open_conflicts: bool,
    /// Whether the analyst's notes on claims and evidence are shown.
    pub notes: bool,
    /// Whether evidence passages are quoted. Without quotes, evidence is still listed
    /// with its source, stance and location, for sources that may not be reproduced.
    pub quotes: bool,
    /// For CSV: also write the evidence table, one row per piece of evidence.
    pub evidence_rows: bool,
    /// The report's publication date (`YYYY-MM-DD`), or empty for none. An option rather
    /// than the clock so that exporting twice gives identical bytes.
    pub published: String,
    /// The project's folder, whose `sources/` hold the pictures that passages read by OCR
    /// are shown cropped from in HTML reports; `None` leaves the pictures out.
    pub pictures: Option<std::path::PathBuf>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            verdicts: BTreeSet::new(),
            tags: BTreeSet::new(),
            open_conflicts: true,
            notes: true,
            quotes: true,
            evidence_rows: false,
            published: String::new(),
            pictures: None,
        }
    }
}

impl ExportOptions {
    /// Whether `claim` belongs in the report.
    pub fn selects(&self, claim: &Claim) -> bool {
        (self.verdicts.is_empty() || self.verdicts.contains(&claim.verdict))
            && (self.tags.is_empty() || claim.tags.iter().any(|tag| self.tags.contains(tag)))
    }

    /// Whether every claim of the project is in the report.
    pub fn selects_all(&self) -> bool {
        self.verdicts.is_empty() && self.tags.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, SourceId};

    fn claim(verdict: &str, tags: &[&str]) -> Claim {
        let anchor = Anchor::capture(SourceId(1), "text", 0, 4).expect("fits");
        let mut claim = Claim::marked(anchor, verdict);
        claim.tags = tags.iter().map(|&tag| tag.to_owned()).collect();
        claim
    }

    #[test]
    fn verdict_and_tag_filters_combine() {
        let mut options = ExportOptions::default();
        assert!(options.selects(&claim("True", &[])));
        options.verdicts.insert("False".to_owned());
        assert!(!options.selects(&claim("True", &["names"])));
        assert!(options.selects(&claim("False", &[])));
        options.tags.insert("names".to_owned());
        assert!(!options.selects(&claim("False", &["places"])));
        assert!(options.selects(&claim("False", &["places", "names"])));
    }
}
