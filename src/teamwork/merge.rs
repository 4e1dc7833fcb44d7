//! Three-way merge of projects: what git's merge driver runs.
//!
//! Items are matched by id after [`renumber_theirs`] has given the other branch's
//! additions ids that cannot collide. Each item present on every side is merged field by
//! field ([`fields`]); a field both sides changed differently keeps ours and is recorded
//! as a [`MergeConflict`] in the project. An item deleted on one side and edited on the
//! other is kept, with a recorded conflict saying so. Anything the kept items refer to is
//! kept too, and every passage that no longer fits its source's merged text is
//! re-anchored as a re-import would.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::fields::{self, FieldClash};
use super::renumber::{Renumbering, renumber_theirs};
use crate::analysis::reanchor::{Finder, Located};
use crate::model::{MergeConflict, MergeItem, MergeSide, PassageRef, Project, SourceId};

/// The two sides' names as recorded in conflicts.
#[derive(Debug, Clone)]
pub struct SideLabels {
    pub ours: String,
    pub theirs: String,
}

impl Default for SideLabels {
    fn default() -> Self {
        Self { ours: "ours".to_owned(), theirs: "theirs".to_owned() }
    }
}

/// What a merge did, for the driver's message.
#[derive(Debug, Clone, Default)]
pub struct MergeReport {
    pub renumbered: Renumbering,
    /// Merge conflicts this merge recorded.
    pub new_conflicts: Vec<MergeConflict>,
    /// Items one side deleted that were kept because something kept refers to them.
    pub restored: Vec<String>,
    /// Passages re-anchored into a source's merged text: (moved, orphaned).
    pub reanchored: (usize, usize),
}

impl MergeReport {
    pub fn is_clean(&self) -> bool {
        self.new_conflicts.is_empty()
    }

    /// One line per thing the analyst should know.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for renumbered in self.renumbered.lines() {
            lines.push(format!("renumbered the other side's addition {renumbered}"));
        }
        for restored in &self.restored {
            lines.push(format!("kept {restored}"));
        }
        if self.reanchored != (0, 0) {
            lines.push(format!(
                "re-anchored passages into merged source texts: {} moved, {} orphaned",
                self.reanchored.0, self.reanchored.1
            ));
        }
        for conflict in &self.new_conflicts {
            lines.push(format!("merge conflict: {}", conflict.describe()));
        }
        lines
    }
}

/// A merged project and what the merge did.
#[derive(Debug, Clone)]
pub struct Merged {
    pub project: Project,
    pub report: MergeReport,
}

/// Why a merge was refused.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("cannot merge {what}: {reason}")]
    Shape { what: String, reason: String },
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Project, ours: &Project, theirs: &Project, labels: &SideLabels) -> Result<Merged, MergeError> {
    let written = theirs;
    let mut theirs = written.clone();
    let renumbered = renumber_theirs(base, ours, &mut theirs);
    super::dismissals::carry(base, written, &mut theirs, &renumbered.sources);
    let mut merger = Merger { labels, recorded: Vec::new() };
    let mut project = Project {
        info: merger.merge_part("info", &base.info, &ours.info, &theirs.info)?,
        scale: merger.merge_part("scale", &base.scale, &ours.scale, &theirs.scale)?,
        sources: merger.merge_items(&base.sources, &ours.sources, &theirs.sources, MergeItem::Source)?,
        claims: merger.merge_items(&base.claims, &ours.claims, &theirs.claims, MergeItem::Claim)?,
        evidence: merger.merge_items(&base.evidence, &ours.evidence, &theirs.evidence, MergeItem::Evidence)?,
        conflicts: merger.merge_items(&base.conflicts, &ours.conflicts, &theirs.conflicts, MergeItem::Conflict)?,
        ids: base.ids.clone(),
        dismissed: merge_set(&base.dismissed, &ours.dismissed, &theirs.dismissed),
        merge_conflicts: fields::merge_sets(&base.merge_conflicts, &ours.merge_conflicts, &theirs.merge_conflicts),
    };
    for counters in [&ours.ids, &theirs.ids] {
        project.ids.source = project.ids.source.max(counters.source);
        project.ids.claim = project.ids.claim.max(counters.claim);
        project.ids.evidence = project.ids.evidence.max(counters.evidence);
        project.ids.conflict = project.ids.conflict.max(counters.conflict);
    }
    let restored = restore_referenced(&mut project, [ours, &theirs, base]);
    let reanchored = reanchor_misfits(&mut project);
    let new_conflicts = merger.recorded;
    project.merge_conflicts.extend(new_conflicts.iter().cloned());
    project.merge_conflicts.sort();
    project.merge_conflicts.dedup();
    Ok(Merged { project, report: MergeReport { renumbered, new_conflicts, restored, reanchored } })
}

fn merge_set(
    base: &std::collections::BTreeSet<String>,
    ours: &std::collections::BTreeSet<String>,
    theirs: &std::collections::BTreeSet<String>,
) -> std::collections::BTreeSet<String> {
    let [base, ours, theirs] = [base, ours, theirs].map(|set| set.iter().cloned().collect::<Vec<_>>());
    fields::merge_sets(&base, &ours, &theirs).into_iter().collect()
}

struct Merger<'l> {
    labels: &'l SideLabels,
    recorded: Vec<MergeConflict>,
}

fn to_json<T: Serialize>(what: &str, value: &T) -> Result<Value, MergeError> {
    serde_json::to_value(value).map_err(|error| MergeError::Shape { what: what.to_owned(), reason: error.to_string() })
}

fn from_json<T: DeserializeOwned>(what: &str, value: Value) -> Result<T, MergeError> {
    serde_json::from_value(value)
        .map_err(|error| MergeError::Shape { what: what.to_owned(), reason: error.to_string() })
}

impl Merger<'_> {
    fn side(&self, ours: bool, value: Option<String>) -> MergeSide {
        let label = if ours { &self.labels.ours } else { &self.labels.theirs };
        MergeSide { label: label.clone(), value }
    }

    fn record(&mut self, item: MergeItem, prefix: &str, clashes: Vec<FieldClash>) {
        for clash in clashes {
            let field = if prefix.is_empty() { clash.path } else { format!("{prefix}.{}", clash.path) };
            let conflict = MergeConflict {
                item,
                field,
                base: clash.base.as_ref().map(fields::value_text),
                ours: self.side(true, Some(fields::value_text(&clash.ours))),
                theirs: self.side(false, Some(fields::value_text(&clash.theirs))),
            };
            self.recorded.push(conflict);
        }
    }

    /// Merges a project-wide part (details, scale) field by field.
    fn merge_part<T: Serialize + DeserializeOwned>(
        &mut self,
        name: &str,
        base: &T,
        ours: &T,
        theirs: &T,
    ) -> Result<T, MergeError> {
        let [b, o, t] = [to_json(name, base)?, to_json(name, ours)?, to_json(name, theirs)?];
        let mut clashes = Vec::new();
        let merged = fields::merge_values("", Some(&b), &o, &t, &mut clashes);
        self.record(MergeItem::Project, name, clashes);
        from_json(name, merged)
    }

    fn merge_items<K: Ord + Copy, V: Serialize + DeserializeOwned + Clone + PartialEq>(
        &mut self,
        base: &BTreeMap<K, V>,
        ours: &BTreeMap<K, V>,
        theirs: &BTreeMap<K, V>,
        item: impl Fn(K) -> MergeItem,
    ) -> Result<BTreeMap<K, V>, MergeError> {
        let mut ids: Vec<K> = base.keys().chain(ours.keys()).chain(theirs.keys()).copied().collect();
        ids.sort();
        ids.dedup();
        let mut merged = BTreeMap::new();
        for id in ids {
            let what = item(id).to_string();
            let kept = match (base.get(&id), ours.get(&id), theirs.get(&id)) {
                (_, None, None) => None,
                (None, Some(one), None) | (None, None, Some(one)) => Some(one.clone()),
                (Some(b), None, Some(t)) | (Some(b), Some(t), None) if t == b => None,
                (Some(_), None, Some(kept)) => {
                    let value = fields::value_text(&to_json(&what, kept)?);
                    let (ours_side, theirs_side) = (self.side(true, None), self.side(false, Some(value)));
                    self.recorded.push(deleted_vs_edited(item(id), ours_side, theirs_side));
                    Some(kept.clone())
                }
                (Some(_), Some(kept), None) => {
                    let value = fields::value_text(&to_json(&what, kept)?);
                    let (ours_side, theirs_side) = (self.side(true, Some(value)), self.side(false, None));
                    self.recorded.push(deleted_vs_edited(item(id), ours_side, theirs_side));
                    Some(kept.clone())
                }
                (b, Some(o), Some(t)) => {
                    let base_json = b.map(|b| to_json(&what, b)).transpose()?;
                    let (o_json, t_json) = (to_json(&what, o)?, to_json(&what, t)?);
                    let mut clashes = Vec::new();
                    let value = fields::merge_values("", base_json.as_ref(), &o_json, &t_json, &mut clashes);
                    self.record(item(id), "", clashes);
                    Some(from_json(&what, value)?)
                }
            };
            if let Some(kept) = kept {
                merged.insert(id, kept);
            }
        }
        Ok(merged)
    }
}

fn deleted_vs_edited(item: MergeItem, ours: MergeSide, theirs: MergeSide) -> MergeConflict {
    MergeConflict { item, field: String::new(), base: None, ours, theirs }
}

/// Brings back, from the first side that has it, any claim or source a kept item refers
/// to but the merge dropped (one side deleted it while the other added to it).
fn restore_referenced(project: &mut Project, sides: [&Project; 3]) -> Vec<String> {
    let mut restored = Vec::new();
    loop {
        let mut changed = false;
        let missing_claims: Vec<_> =
            project.evidence.values().map(|e| e.claim).filter(|claim| !project.claims.contains_key(claim)).collect();
        for claim in missing_claims {
            if let Some(found) = sides.iter().find_map(|side| side.claims.get(&claim)) {
                project.claims.insert(claim, found.clone());
                restored.push(format!("claim {claim}, deleted on one side: kept evidence refers to it"));
                changed = true;
            }
        }
        let mut missing_sources: Vec<SourceId> = Vec::new();
        let mut note = |anchor: &crate::model::Anchor| {
            if !project.sources.contains_key(&anchor.source) && !missing_sources.contains(&anchor.source) {
                missing_sources.push(anchor.source);
            }
        };
        project.claims.values().flat_map(|c| &c.appearances).for_each(&mut note);
        project.evidence.values().map(|e| &e.passage).for_each(&mut note);
        project.conflicts.values().flat_map(|c| &c.passages).for_each(&mut note);
        for source in missing_sources {
            if let Some(found) = sides.iter().find_map(|side| side.sources.get(&source)) {
                project.sources.insert(source, found.clone());
                restored.push(format!("source {source}, deleted on one side: kept passages are in it"));
                changed = true;
            }
        }
        if !changed {
            return restored;
        }
    }
}

/// Re-anchors every passage that does not fit its source's merged text (one side changed
/// the text, the other added or moved passages in the old one). Returns (moved, orphaned).
fn reanchor_misfits(project: &mut Project) -> (usize, usize) {
    let (mut moved, mut orphaned) = (0, 0);
    let ids: Vec<SourceId> = project.sources.keys().copied().collect();
    for id in ids {
        let text = project.sources[&id].text().to_owned();
        let index = crate::model::CharIndex::new(&text);
        let misfits: Vec<(PassageRef, crate::model::Anchor)> = project
            .passages_in(id)
            .into_iter()
            .filter(|(_, anchor)| !anchor.orphaned && !anchor.fits(&text, &index))
            .map(|(at, anchor)| (at, anchor.clone()))
            .collect();
        if misfits.is_empty() {
            continue;
        }
        let finder = Finder::new(&text);
        for (at, old) in misfits {
            let new = match finder.locate(&old, 0) {
                Located::Found { anchor, .. } => {
                    moved += 1;
                    anchor
                }
                Located::Orphaned { .. } => {
                    orphaned += 1;
                    old.into_orphan()
                }
            };
            if let Some(slot) = project.passage_mut(at) {
                *slot = new;
            }
        }
    }
    (moved, orphaned)
}
