//! Evidence: a passage in any source, linked to a claim with a stance.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use super::ids::ClaimId;

/// How a passage bears on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stance {
    Supports,
    Contradicts,
    Context,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Contradicts, Stance::Context];

    pub fn label(self) -> &'static str {
        match self {
            Self::Supports => "Supports",
            Self::Contradicts => "Contradicts",
            Self::Context => "Context",
        }
    }
}

/// A passage linked to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub claim: ClaimId,
    pub passage: Anchor,
    pub stance: Stance,
    #[serde(default)]
    pub note: String,
}
