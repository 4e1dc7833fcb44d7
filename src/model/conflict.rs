//! Conflicts: passages that disagree, and how the disagreement was settled.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;

/// What the passages disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConflictKind {
    Name,
    Number,
    Date,
    Place,
    Attribution,
    Quote,
    Other,
}

impl ConflictKind {
    pub const ALL: [ConflictKind; 7] = [
        ConflictKind::Name,
        ConflictKind::Number,
        ConflictKind::Date,
        ConflictKind::Place,
        ConflictKind::Attribution,
        ConflictKind::Quote,
        ConflictKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Number => "Number",
            Self::Date => "Date",
            Self::Place => "Place",
            Self::Attribution => "Attribution",
            Self::Quote => "Quote",
            Self::Other => "Other",
        }
    }
}

/// Whether a conflict still needs work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ConflictStatus {
    Open,
    Resolved {
        /// How the disagreement was settled.
        note: String,
        /// Index into the conflict's passages of the one that is right, if one is.
        correct: Option<usize>,
    },
}

impl ConflictStatus {
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Open)
    }
}

/// Two or more passages that disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// A short description of the disagreement.
    #[serde(default)]
    pub summary: String,
    pub passages: Vec<Anchor>,
    pub status: ConflictStatus,
}
