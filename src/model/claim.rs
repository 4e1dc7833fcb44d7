//! Claims: statements marked in a source, with their verdict.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;

/// A statement the analyst checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The claim as a short statement; starts as the marked text.
    pub statement: String,
    /// Where the claim appears: one or more passages.
    pub appearances: Vec<Anchor>,
    /// Who made the claim.
    #[serde(default)]
    pub claimant: String,
    /// A label from the project's verdict scale.
    pub verdict: String,
    /// Why the verdict is what it is.
    #[serde(default)]
    pub explanation: String,
    #[serde(default)]
    pub tags: BTreeSet<String>,
    #[serde(default)]
    pub notes: String,
}

impl Claim {
    /// A new claim for a marked passage, with the statement set to the passage's text.
    pub fn marked(anchor: Anchor, initial_verdict: &str) -> Self {
        Self {
            statement: anchor.exact.split_whitespace().collect::<Vec<_>>().join(" "),
            appearances: vec![anchor],
            claimant: String::new(),
            verdict: initial_verdict.to_owned(),
            explanation: String::new(),
            tags: BTreeSet::new(),
            notes: String::new(),
        }
    }
}
