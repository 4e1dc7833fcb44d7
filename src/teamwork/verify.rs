//! Checks a merge against the promises of the merge driver, for tests and for the
//! figures in the README: nothing either side did is lost, every id is unique and every
//! reference points where it did, and merge conflicts are recorded exactly where both
//! sides changed the same field.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::merge::Merged;
use super::renumber::renumber_theirs;
use crate::model::{MergeItem, Project};

/// What a check found; empty lists mean the merge kept its promises.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Edits of one side missing from the merge, with no recorded conflict explaining it.
    pub lost: Vec<String>,
    /// Conflicts recorded where both sides did not change the field differently, or
    /// fields both sides changed differently with no conflict recorded.
    pub misplaced: Vec<String>,
    /// Dangling references, passages that fit no text, ids the counters could hand out again.
    pub broken: Vec<String>,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        self.lost.is_empty() && self.misplaced.is_empty() && self.broken.is_empty()
    }
}

type Items = BTreeMap<String, (MergeItem, Value)>;

fn items(project: &Project) -> Items {
    let mut found = Items::new();
    let mut add = |item: MergeItem, value: Result<Value, serde_json::Error>| {
        if let Ok(value) = value {
            found.insert(item.to_string(), (item, value));
        }
    };
    project.sources.iter().for_each(|(id, s)| add(MergeItem::Source(*id), serde_json::to_value(s)));
    project.claims.iter().for_each(|(id, c)| add(MergeItem::Claim(*id), serde_json::to_value(c)));
    project.evidence.iter().for_each(|(id, e)| add(MergeItem::Evidence(*id), serde_json::to_value(e)));
    project.conflicts.iter().for_each(|(id, c)| add(MergeItem::Conflict(*id), serde_json::to_value(c)));
    found
}

/// A value with passages reduced to source and quoted words: re-anchoring may move a
/// passage, flag it orphaned or drop whitespace at its ends (as a re-import does), but it
/// must still quote the same words of the same source.
fn normal(value: &Value) -> Value {
    match value {
        Value::Object(map) if map.contains_key("exact") && map.contains_key("start") => {
            let mut kept = Map::new();
            kept.insert("source".to_owned(), map.get("source").cloned().unwrap_or(Value::Null));
            let words = map.get("exact").and_then(Value::as_str).unwrap_or_default().split_whitespace();
            kept.insert("exact".to_owned(), Value::String(words.collect::<Vec<_>>().join(" ")));
            Value::Object(kept)
        }
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), normal(v))).collect()),
        Value::Array(list) => Value::Array(list.iter().map(normal).collect()),
        other => other.clone(),
    }
}

fn field<'v>(value: &'v Value, key: &str) -> &'v Value {
    value.get(key).unwrap_or(&Value::Null)
}

fn conflict_on(merged: &Project, item: MergeItem, key: &str) -> bool {
    merged
        .merge_conflicts
        .iter()
        .any(|c| c.item == item && (c.field == key || c.field.starts_with(&format!("{key}.")) || c.field.is_empty()))
}

fn words(value: &Value) -> Vec<&str> {
    value.as_array().map(|list| list.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Checks `merged` against its three inputs.
pub fn verify(base: &Project, ours: &Project, theirs: &Project, merged: &Merged) -> Findings {
    let mut theirs = theirs.clone();
    renumber_theirs(base, ours, &mut theirs);
    let [base_items, ours_items, theirs_items, merged_items] = [base, ours, &theirs, &merged.project].map(items);
    let mut findings = Findings::default();
    let restored = |name: &str| merged.report.restored.iter().any(|r| r.starts_with(&format!("{name},")));
    for (side, side_items, other_items) in
        [("ours", &ours_items, &theirs_items), ("theirs", &theirs_items, &ours_items)]
    {
        for (name, (item, value)) in side_items {
            if base_items.get(name).is_some_and(|(_, was)| was == value) {
                continue;
            }
            let Some((_, now)) = merged_items.get(name) else {
                findings.lost.push(format!("{side}: {name} is gone"));
                continue;
            };
            let was = base_items.get(name).map(|(_, v)| v);
            let keys: Vec<&String> = value.as_object().map(|m| m.keys().collect()).unwrap_or_default();
            for key in keys {
                let mine = field(value, key);
                if was.is_some_and(|was| normal(field(was, key)) == normal(mine)) {
                    continue;
                }
                if key == "tags" {
                    let before = was.map(|w| words(field(w, key))).unwrap_or_default();
                    let after = words(now.get(key).unwrap_or(&Value::Null));
                    let added_lost = words(mine).iter().any(|t| !before.contains(t) && !after.contains(t));
                    if added_lost {
                        findings.lost.push(format!("{side}: a tag added to {name}"));
                    }
                    continue;
                }
                if normal(field(now, key)) != normal(mine) && !conflict_on(&merged.project, *item, key) {
                    findings.lost.push(format!("{side}: {name} {key}"));
                }
            }
        }
        for (name, (item, _)) in &base_items {
            let deleted_here = !side_items.contains_key(name);
            if deleted_here && merged_items.contains_key(name) {
                let edited_there =
                    other_items.get(name).is_some_and(|(_, v)| Some(v) != base_items.get(name).map(|(_, b)| b));
                let explained = (edited_there && conflict_on(&merged.project, *item, "")) || restored(name);
                if !explained {
                    findings.lost.push(format!("{side}: deletion of {name}"));
                }
            }
        }
    }
    check_conflicts(&base_items, &ours_items, &theirs_items, merged, &mut findings);
    check_references(&merged.project, &mut findings);
    findings
}

fn check_conflicts(base: &Items, ours: &Items, theirs: &Items, merged: &Merged, findings: &mut Findings) {
    for recorded in &merged.report.new_conflicts {
        let name = recorded.item.to_string();
        if recorded.field.is_empty() {
            let one_deleted = ours.contains_key(&name) != theirs.contains_key(&name) && base.contains_key(&name);
            if !one_deleted {
                findings.misplaced.push(format!("{name}: deletion conflict without a deletion"));
            }
            continue;
        }
        if recorded.item == MergeItem::Project {
            continue;
        }
        let at =
            |items: &Items| items.get(&name).and_then(|(_, v)| super::fields::get_path(v, &recorded.field)).cloned();
        let (b, o, t) = (at(base), at(ours), at(theirs));
        if o == b || t == b || o == t {
            findings
                .misplaced
                .push(format!("{name} {}: recorded but not changed differently on both sides", recorded.field));
        }
    }
    for (name, (item, o)) in ours {
        let (Some((_, b)), Some((_, t))) = (base.get(name), theirs.get(name)) else { continue };
        for key in o.as_object().map(|m| m.keys().collect::<Vec<_>>()).unwrap_or_default() {
            let (bv, ov, tv) = (field(b, key), field(o, key), field(t, key));
            if key != "tags" && ov != bv && tv != bv && ov != tv && !conflict_on(&merged.project, *item, key) {
                findings
                    .misplaced
                    .push(format!("{name} {key}: changed differently on both sides, no conflict recorded"));
            }
        }
    }
}

fn check_references(project: &Project, findings: &mut Findings) {
    for problem in project.problems().iter().filter(|p| !super::driver::is_orphan_notice(p)) {
        findings.broken.push(problem.to_string());
    }
    let ids = &project.ids;
    let past = |max: Option<u32>, counter: u32| max.is_none_or(|m| m < counter);
    if !past(project.sources.keys().map(|i| i.0).max(), ids.source)
        || !past(project.claims.keys().map(|i| i.0).max(), ids.claim)
        || !past(project.evidence.keys().map(|i| i.0).max(), ids.evidence)
        || !past(project.conflicts.keys().map(|i| i.0).max(), ids.conflict)
    {
        findings.broken.push("a counter would hand out an id already in use".to_owned());
    }
    for (id, source) in &project.sources {
        let index = crate::model::CharIndex::new(source.text());
        for (at, anchor) in project.passages_in(*id) {
            if !anchor.orphaned && !anchor.fits(source.text(), &index) {
                findings.broken.push(format!("{at} does not fit the text of {id}"));
            }
        }
    }
}
