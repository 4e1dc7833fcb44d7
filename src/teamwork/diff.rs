//! `crosscheck diff OLD NEW`: what changed between two versions of a project, in the
//! analyst's words ("claim C12 verdict: Unverified → False"), and the plain listing git's
//! `textconv` shows so that `git diff` and `git log -p` read the same way.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::fields::value_text;
use crate::model::{Anchor, Evidence, PassageRef, Project, SourceId};

const QUOTE_CHARS: usize = 40;

/// A short quote of a passage: "'the ministry said…'".
fn quote(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > QUOTE_CHARS {
        format!("'{}…'", flat.chars().take(QUOTE_CHARS).collect::<String>())
    } else {
        format!("'{flat}'")
    }
}

fn short(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        Value::String(text) if text.chars().count() > 60 || text.contains('\n') => quote(text),
        other => value_text(other),
    }
}

/// Field changes of one item, leaving out the fields listed in `skip`.
fn field_changes<T: Serialize>(what: &str, old: &T, new: &T, skip: &[&str], out: &mut Vec<String>) {
    let (Ok(old), Ok(new)) = (serde_json::to_value(old), serde_json::to_value(new)) else { return };
    walk(what, "", &old, &new, skip, out);
}

fn walk(what: &str, path: &str, old: &Value, new: &Value, skip: &[&str], out: &mut Vec<String>) {
    if old == new || skip.contains(&path) {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let child = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                walk(what, &child, a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null), skip, out);
            }
        }
        (Value::Array(a), Value::Array(b)) if path.ends_with("tags") => {
            for gone in a.iter().filter(|x| !b.contains(x)) {
                out.push(format!("{what} tag removed: {}", value_text(gone)));
            }
            for added in b.iter().filter(|x| !a.contains(x)) {
                out.push(format!("{what} tag added: {}", value_text(added)));
            }
        }
        _ => out.push(format!("{what} {path}: {} → {}", short(old), short(new))),
    }
}

fn evidence_line(id: crate::model::EvidenceId, evidence: &Evidence) -> String {
    format!(
        "evidence {id} added to {} ({}, {} {})",
        evidence.claim,
        evidence.stance.label().to_lowercase(),
        evidence.passage.source,
        quote(&evidence.passage.exact)
    )
}

/// How a source's passages fared when its text changed: (moved, orphaned).
fn passages_after(old: &Project, new: &Project, source: SourceId) -> (usize, usize) {
    let before: BTreeMap<PassageRef, &Anchor> = old.passages_in(source).into_iter().collect();
    let (mut moved, mut orphaned) = (0, 0);
    for (at, anchor) in new.passages_in(source) {
        let Some(was) = before.get(&at) else { continue };
        if anchor.orphaned && !was.orphaned {
            orphaned += 1;
        } else if anchor.start != was.start || anchor.end != was.end {
            moved += 1;
        }
    }
    (moved, orphaned)
}

/// Every change from `old` to `new`, one line each, in id order within each kind.
pub fn describe_changes(old: &Project, new: &Project) -> Vec<String> {
    let mut out = Vec::new();
    field_changes("project", &old.info, &new.info, &[], &mut out);
    if old.scale != new.scale {
        out.push("verdict scale changed".to_owned());
    }
    for (id, source) in &new.sources {
        match old.sources.get(id) {
            None => out.push(format!("source {id} added: {}", source.display_title())),
            Some(was) => {
                if was.content.text != source.content.text {
                    let (moved, orphaned) = passages_after(old, new, *id);
                    out.push(format!("source {id} text re-imported: {moved} passages moved, {orphaned} orphaned"));
                }
                field_changes(&format!("source {id}"), was, source, &["content.text"], &mut out);
            }
        }
    }
    out.extend(
        old.sources
            .iter()
            .filter(|(id, _)| !new.sources.contains_key(id))
            .map(|(id, s)| format!("source {id} removed: {}", s.display_title())),
    );
    for (id, claim) in &new.claims {
        match old.claims.get(id) {
            None => out.push(format!("claim {id} added: {} ({})", quote(&claim.statement), claim.verdict)),
            Some(was) => {
                field_changes(&format!("claim {id}"), was, claim, &["appearances"], &mut out);
                if was.appearances != claim.appearances {
                    let (a, b) = (was.appearances.len(), claim.appearances.len());
                    out.push(format!("claim {id} passages changed ({a} → {b})"));
                }
            }
        }
    }
    out.extend(
        old.claims
            .iter()
            .filter(|(id, _)| !new.claims.contains_key(id))
            .map(|(id, c)| format!("claim {id} removed: {}", quote(&c.statement))),
    );
    for (id, evidence) in &new.evidence {
        match old.evidence.get(id) {
            None => out.push(evidence_line(*id, evidence)),
            Some(was) => field_changes(&format!("evidence {id}"), was, evidence, &[], &mut out),
        }
    }
    out.extend(
        old.evidence
            .iter()
            .filter(|(id, _)| !new.evidence.contains_key(id))
            .map(|(id, e)| format!("evidence {id} removed from {}", e.claim)),
    );
    for (id, conflict) in &new.conflicts {
        match old.conflicts.get(id) {
            None => out.push(format!("conflict {id} added ({}): {}", conflict.kind.label(), quote(&conflict.summary))),
            Some(was) => field_changes(&format!("conflict {id}"), was, conflict, &[], &mut out),
        }
    }
    out.extend(
        old.conflicts.keys().filter(|id| !new.conflicts.contains_key(id)).map(|id| format!("conflict {id} removed")),
    );
    for recorded in new.merge_conflicts.iter().filter(|c| !old.merge_conflicts.contains(c)) {
        out.push(format!("merge conflict recorded: {}", recorded.describe()));
    }
    for settled in old.merge_conflicts.iter().filter(|c| !new.merge_conflicts.contains(c)) {
        out.push(format!("merge conflict settled: {}", settled.describe()));
    }
    let (added, removed) =
        (new.dismissed.difference(&old.dismissed).count(), old.dismissed.difference(&new.dismissed).count());
    if added + removed > 0 {
        out.push(format!("discrepancies dismissed: {added} added, {removed} restored"));
    }
    out
}

/// The listing git's `textconv` shows: one line per fact of the project, so that a line
/// diff of two listings reads as a list of changes. Source texts are summarised.
pub fn listing(project: &Project) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("project title: {}", project.info.title));
    for (id, source) in &project.sources {
        line(format!("source {id} title: {}", source.display_title()));
        line(format!(
            "source {id} text: {} characters, starts {}",
            source.text().chars().count(),
            quote(source.text())
        ));
        let mut meta = Vec::new();
        field_changes(
            &format!("source {id}"),
            &crate::model::SourceMeta::default(),
            &source.meta,
            &["title"],
            &mut meta,
        );
        meta.into_iter().for_each(&mut line);
    }
    for (id, claim) in &project.claims {
        line(format!("claim {id} statement: {}", claim.statement.split_whitespace().collect::<Vec<_>>().join(" ")));
        line(format!("claim {id} verdict: {}", claim.verdict));
        for (field, value) in
            [("claimant", &claim.claimant), ("explanation", &claim.explanation), ("notes", &claim.notes)]
        {
            if !value.is_empty() {
                line(format!("claim {id} {field}: {}", value.split_whitespace().collect::<Vec<_>>().join(" ")));
            }
        }
        if !claim.tags.is_empty() {
            line(format!("claim {id} tags: {}", claim.tags.iter().cloned().collect::<Vec<_>>().join(", ")));
        }
        for anchor in &claim.appearances {
            let orphan = if anchor.orphaned { " (orphaned)" } else { "" };
            line(format!(
                "claim {id} appears in {} at {}-{}{orphan}: {}",
                anchor.source,
                anchor.start,
                anchor.end,
                quote(&anchor.exact)
            ));
        }
    }
    for (id, evidence) in &project.evidence {
        let mut text = evidence_line(*id, evidence).replacen(" added to ", " for ", 1);
        if !evidence.note.is_empty() {
            text.push_str("; note: ");
            text.push_str(&evidence.note.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        line(text);
    }
    for (id, conflict) in &project.conflicts {
        let status = if conflict.status.is_open() { "open" } else { "resolved" };
        line(format!("conflict {id} ({}, {status}): {}", conflict.kind.label(), conflict.summary));
    }
    for recorded in &project.merge_conflicts {
        line(format!("MERGE CONFLICT {}", recorded.describe()));
    }
    out
}
