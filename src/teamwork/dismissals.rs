//! Dismissed discrepancies that follow a source the merge renumbered.
//!
//! A dismissal is remembered by the discrepancy's fingerprint, which hashes the ids of
//! the two sources compared (so that the same words differing between two other
//! sources stay open). When the merge gives a source the other branch added a new id,
//! its dismissals would no longer match and would come back undismissed: lost work.
//! The hash cannot be rewritten, so each pair of sources the other branch dismissed
//! something in is compared again under the new ids, and each fingerprint is replaced
//! by the one the same discrepancy has now.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::AtomicBool;

use crate::analysis::{Dated, compare_dated};
use crate::model::{Project, SourceId};

/// Rewrites the fingerprints in `renumbered.dismissed` that name a source of `before`
/// (theirs as written) whose id `sources` changed. `base` says which dismissals are new.
pub fn carry(base: &Project, before: &Project, renumbered: &mut Project, sources: &BTreeMap<SourceId, SourceId>) {
    let mut wanted: BTreeSet<&String> = before.dismissed.difference(&base.dismissed).collect();
    if wanted.is_empty() || sources.is_empty() {
        return;
    }
    let never = AtomicBool::new(false);
    let new_id = |id: SourceId| *sources.get(&id).unwrap_or(&id);
    for &moved in sources.keys() {
        for &other in before.sources.keys().filter(|&&other| other != moved) {
            if wanted.is_empty() {
                return;
            }
            let pair = |project: &Project, left: SourceId, right: SourceId| {
                let (Some(l), Some(r)) = (project.sources.get(&left), project.sources.get(&right)) else {
                    return Vec::new();
                };
                let (l, r) =
                    (Dated::new(left, l.text(), &l.meta.published), Dated::new(right, r.text(), &r.meta.published));
                compare_dated(l, r, &never)
                    .map(|compared| compared.discrepancies.into_iter().map(|d| d.fingerprint).collect())
                    .unwrap_or_default()
            };
            let old = pair(before, moved, other);
            if !old.iter().any(|print| wanted.contains(print)) {
                continue;
            }
            // The texts are the same under both ids, so the discrepancies come in the same order.
            let new = pair(renumbered, new_id(moved), new_id(other));
            for (old_print, new_print) in old.iter().zip(new) {
                if wanted.remove(old_print) {
                    renumbered.dismissed.remove(old_print);
                    renumbered.dismissed.insert(new_print);
                }
            }
        }
    }
}
