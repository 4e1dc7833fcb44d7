//! Settling the merge conflicts a merge recorded: pick a side or write a new value.
//!
//! Settling is an [`Edit`] like any other, so it is undone exactly: the field gets its
//! new value and the record leaves the project in one step, and undo puts both back.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::fields;
use crate::edit::{Edit, EditError};
use crate::model::{MergeConflict, MergeItem, Project, SourceContent};

/// Which recorded value to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Ours,
    Theirs,
}

/// The edit that settles merge conflict `index` with one side's value.
pub fn pick(project: &Project, index: usize, side: Pick) -> Result<Edit, EditError> {
    let conflict = recorded(project, index)?;
    let chosen = match side {
        Pick::Ours => &conflict.ours,
        Pick::Theirs => &conflict.theirs,
    };
    if conflict.field.is_empty() {
        // Deleted on one side, edited on the other: the edited item is in the project.
        let settle = Edit::SettleMergeConflict { index, value: None };
        if chosen.value.is_some() {
            return Ok(settle);
        }
        let removal = match conflict.item {
            MergeItem::Source(id) if project.sources.contains_key(&id) => Some(Edit::remove_source(project, id)),
            MergeItem::Claim(id) if project.claims.contains_key(&id) => Some(Edit::remove_claim(project, id)),
            MergeItem::Evidence(id) if project.evidence.contains_key(&id) => Some(Edit::DeleteEvidence { id }),
            MergeItem::Conflict(id) if project.conflicts.contains_key(&id) => Some(Edit::DeleteConflict { id }),
            _ => None,
        };
        let label = format!("Settle merge conflict: remove {}", conflict.item);
        return Ok(Edit::Batch { label, edits: std::iter::once(settle).chain(removal).collect() });
    }
    let value = chosen.value.clone().unwrap_or_default();
    write_value(project, index, &value)
}

/// The edit that settles merge conflict `index` with a value the analyst wrote: text for
/// text fields, JSON for others (as the conflict shows them).
pub fn write_value(project: &Project, index: usize, value: &str) -> Result<Edit, EditError> {
    let conflict = recorded(project, index)?;
    if conflict.field.is_empty() {
        return Err(EditError::Invalid(format!("{} has no single field to write", conflict.item)));
    }
    // A source's new text re-anchors the passages in it, as a re-import does.
    if let (MergeItem::Source(id), "content.text") = (conflict.item, conflict.field.as_str())
        && let Some(source) = project.sources.get(&id)
    {
        let content = SourceContent { text: value.to_owned(), ..source.content.clone() };
        let settle = Edit::SettleMergeConflict { index, value: None };
        if let Some(reanchored) = crate::analysis::reanchor_source(project, id, content) {
            let label = format!("Settle merge conflict: text of source {id}");
            return Ok(Edit::Batch { label, edits: vec![settle, reanchored.edit] });
        }
    }
    // Check now that the value fits, so a bad value is refused before anything changes.
    let mut trial = project.clone();
    set_field(&mut trial, conflict.item, &conflict.field, value)?;
    Ok(Edit::SettleMergeConflict { index, value: Some(value.to_owned()) })
}

fn recorded(project: &Project, index: usize) -> Result<&MergeConflict, EditError> {
    project.merge_conflicts.get(index).ok_or_else(|| EditError::Missing(format!("merge conflict {}", index + 1)))
}

/// Applies [`Edit::SettleMergeConflict`]; returns its inverse.
pub(crate) fn settle(project: &mut Project, index: usize, value: Option<&str>) -> Result<Edit, EditError> {
    let conflict = recorded(project, index)?.clone();
    let previous = match value {
        Some(value) => Some(set_field(project, conflict.item, &conflict.field, value)?),
        None => None,
    };
    project.merge_conflicts.remove(index);
    Ok(Edit::ReopenMergeConflict { index, conflict: Box::new(conflict), previous })
}

/// Applies [`Edit::ReopenMergeConflict`]; returns its inverse.
pub(crate) fn reopen(
    project: &mut Project,
    index: usize,
    conflict: MergeConflict,
    previous: Option<&str>,
) -> Result<Edit, EditError> {
    if index > project.merge_conflicts.len() {
        return Err(EditError::Invalid(format!("no place for merge conflict {}", index + 1)));
    }
    let value = match previous {
        Some(previous) => Some(set_field(project, conflict.item, &conflict.field, previous)?),
        None => None,
    };
    project.merge_conflicts.insert(index, conflict);
    Ok(Edit::SettleMergeConflict { index, value })
}

/// Sets one field of an item from its written form; returns the written form of the old value.
fn set_field(project: &mut Project, item: MergeItem, path: &str, text: &str) -> Result<String, EditError> {
    let missing = || EditError::Missing(item.to_string());
    match item {
        MergeItem::Project => {
            let (part, rest) = path.split_once('.').ok_or_else(|| EditError::Invalid(format!("no field {path}")))?;
            match part {
                "info" => set_in(&mut project.info, rest, text, item),
                "scale" => set_in(&mut project.scale, rest, text, item),
                _ => Err(EditError::Invalid(format!("no project field {path}"))),
            }
        }
        MergeItem::Source(id) => set_in(project.sources.get_mut(&id).ok_or_else(missing)?, path, text, item),
        MergeItem::Claim(id) => set_in(project.claims.get_mut(&id).ok_or_else(missing)?, path, text, item),
        MergeItem::Evidence(id) => set_in(project.evidence.get_mut(&id).ok_or_else(missing)?, path, text, item),
        MergeItem::Conflict(id) => set_in(project.conflicts.get_mut(&id).ok_or_else(missing)?, path, text, item),
    }
}

fn set_in<T: Serialize + DeserializeOwned>(
    target: &mut T,
    path: &str,
    text: &str,
    item: MergeItem,
) -> Result<String, EditError> {
    let invalid = |reason: String| EditError::Invalid(format!("{item} {path}: {reason}"));
    let mut json = serde_json::to_value(&*target).map_err(|e| invalid(e.to_string()))?;
    let old = fields::get_path(&json, path).cloned().unwrap_or(Value::Null);
    let new = fields::parse_value(text, &old).map_err(invalid)?;
    if !fields::set_path(&mut json, path, new) {
        return Err(invalid("no such field".to_owned()));
    }
    *target = serde_json::from_value(json).map_err(|e| invalid(e.to_string()))?;
    Ok(fields::value_text(&old))
}
