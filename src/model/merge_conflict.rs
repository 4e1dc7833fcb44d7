//! Disagreements a merge of two analysts' work left for a person to settle.
//!
//! `crosscheck merge-driver` merges projects field by field. Where both sides changed the
//! same field to different values it keeps "ours" in the item and records the three
//! values here, in the project itself, so the file always loads and nothing is lost; the
//! app lists them and `crosscheck check` fails while any is left.

use serde::{Deserialize, Serialize};

use super::ids::{ClaimId, ConflictId, EvidenceId, SourceId};

/// What a merge conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MergeItem {
    /// The project's details or verdict scale.
    Project,
    Source(SourceId),
    Claim(ClaimId),
    Evidence(EvidenceId),
    Conflict(ConflictId),
}

impl std::fmt::Display for MergeItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Project => write!(f, "project"),
            Self::Source(id) => write!(f, "source {id}"),
            Self::Claim(id) => write!(f, "claim {id}"),
            Self::Evidence(id) => write!(f, "evidence {id}"),
            Self::Conflict(id) => write!(f, "conflict {id}"),
        }
    }
}

/// One side's value of a field in a merge conflict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeSide {
    /// Which side: "ours" (the branch merged into) or "theirs", with the branch name when known.
    pub label: String,
    /// The value: text as written for text fields, JSON for any other field. `None` when
    /// this side deleted the whole item.
    pub value: Option<String>,
}

/// A field both sides of a merge changed differently, or an item one side deleted while
/// the other edited it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeConflict {
    pub item: MergeItem,
    /// The field's path in the item as in the project file ("verdict", "meta.title",
    /// "content.text"); empty when the conflict is about the whole item (deleted on one
    /// side, edited on the other — the edited item is kept).
    pub field: String,
    /// The common ancestor's value, in the same form as the sides'; `None` if it had none.
    pub base: Option<String>,
    /// The side merged into; its value is the one in the project until the conflict is settled.
    pub ours: MergeSide,
    pub theirs: MergeSide,
}

impl MergeConflict {
    /// "claim C3 verdict", "source S2 content.text", "claim C3 (deleted on one side)".
    pub fn describe(&self) -> String {
        if self.field.is_empty() {
            let deleted = if self.ours.value.is_none() { &self.ours.label } else { &self.theirs.label };
            format!("{}: deleted by {deleted}, edited by the other side (the edit was kept)", self.item)
        } else {
            format!("{} {}", self.item, self.field)
        }
    }
}
