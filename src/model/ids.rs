//! Short, stable identifiers for the things a project holds.
//!
//! Each id is a kind letter and a number (`S3`, `C12`, `E40`, `X2`). Numbers come from
//! the project's [`IdCounters`], which only ever grow, so an id is never given to a second
//! thing — not after a delete, not after an undo, not in another session.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The letter that starts this kind of id in files and on screen.
            pub const PREFIX: char = $prefix;
            /// What this kind of id names, for messages.
            pub const WHAT: &'static str = $what;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", Self::PREFIX, self.0)
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.strip_prefix(Self::PREFIX)
                    .and_then(|digits| digits.parse().ok())
                    .map($name)
                    .ok_or_else(|| format!("`{text}` is not a {} id (expected {}<number>)", Self::WHAT, Self::PREFIX))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(IdVisitor::<$name>(std::marker::PhantomData))
            }
        }
    };
}

/// Reads an id from a borrowed string: a large project holds tens of thousands of ids,
/// and allocating a `String` for each one is measurable on load.
struct IdVisitor<T>(std::marker::PhantomData<T>);

impl<T: FromStr<Err = String>> serde::de::Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an id such as \"C12\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

define_id!(
    /// Identifies a [`Source`](super::Source).
    SourceId, 'S', "source"
);
define_id!(
    /// Identifies a [`Claim`](super::Claim).
    ClaimId, 'C', "claim"
);
define_id!(
    /// Identifies an [`Evidence`](super::Evidence) link.
    EvidenceId, 'E', "evidence"
);
define_id!(
    /// Identifies a [`Conflict`](super::Conflict).
    ConflictId, 'X', "conflict"
);

/// The next number to hand out for each kind of id.
///
/// Allocation is bookkeeping, not an edit: undoing the creation of `C7` leaves the counter
/// past 7, so a later claim becomes `C8` and anything that once referred to `C7` (an
/// exported report, a commit) never points at the wrong claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdCounters {
    pub source: u32,
    pub claim: u32,
    pub evidence: u32,
    pub conflict: u32,
}

impl Default for IdCounters {
    fn default() -> Self {
        Self { source: 1, claim: 1, evidence: 1, conflict: 1 }
    }
}

impl IdCounters {
    pub fn next_source(&mut self) -> SourceId {
        SourceId(bump(&mut self.source))
    }

    pub fn next_claim(&mut self) -> ClaimId {
        ClaimId(bump(&mut self.claim))
    }

    pub fn next_evidence(&mut self) -> EvidenceId {
        EvidenceId(bump(&mut self.evidence))
    }

    pub fn next_conflict(&mut self) -> ConflictId {
        ConflictId(bump(&mut self.conflict))
    }
}

fn bump(counter: &mut u32) -> u32 {
    let id = *counter;
    *counter = counter.saturating_add(1);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_and_parse_with_their_kind_letter() {
        assert_eq!(ClaimId(12).to_string(), "C12");
        assert_eq!("X3".parse::<ConflictId>(), Ok(ConflictId(3)));
        assert!("C3".parse::<SourceId>().is_err());
        assert!("S".parse::<SourceId>().is_err());
    }

    #[test]
    fn counters_never_hand_out_an_id_twice() {
        let mut counters = IdCounters::default();
        let first = counters.next_claim();
        let second = counters.next_claim();
        assert_ne!(first, second);
        assert_eq!(counters.claim, 3);
    }
}
