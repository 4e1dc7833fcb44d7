//! The merge conflicts window: a project merged from two branches, settled in the app.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use crosscheck::app::ScriptedDialogs;
use crosscheck::edit::{ClaimChange, Edit};
use crosscheck::model::ClaimId;
use crosscheck::teamwork::{SideLabels, merge};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_support::{app, copy_sample_into, project};

/// The sample project merged from two branches that gave its first claim different
/// verdicts and different notes: two recorded merge conflicts.
fn merged_sample() -> (tempfile::TempDir, PathBuf, ClaimId, [String; 2]) {
    let folder = tempfile::tempdir().expect("folder");
    let sample = crosscheck::sample_project_path();
    let base = crosscheck::store::load(&sample).expect("sample loads").project;
    let claim = *base.claims.keys().next().expect("a claim");
    let levels: Vec<String> =
        base.scale.levels.iter().map(|l| l.label.clone()).filter(|l| *l != base.claims[&claim].verdict).collect();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (side, verdict, notes) in [(&mut ours, &levels[0], "ours says"), (&mut theirs, &levels[1], "theirs says")] {
        Edit::SetClaim { id: claim, change: ClaimChange::Verdict(verdict.clone()) }.apply(side).expect("edit");
        Edit::SetClaim { id: claim, change: ClaimChange::Notes(notes.to_owned()) }.apply(side).expect("edit");
    }
    let merged = merge(&base, &ours, &theirs, &SideLabels::default()).expect("merges");
    assert_eq!(merged.project.merge_conflicts.len(), 2);
    copy_sample_into(folder.path());
    let path = folder.path().join("merged.ron");
    std::fs::write(&path, crosscheck::store::to_ron(&merged.project).expect("ron")).expect("write");
    (folder, path, claim, [levels[0].clone(), levels[1].clone()])
}

#[test]
fn merge_conflicts_are_settled_by_side_or_new_value_and_undone() {
    let (_folder, path, claim, [_ours, theirs]) = merged_sample();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&path, &dialogs);
    assert!(harness.query_by_label_contains("Merge conflicts (2)").is_some());

    // The notes conflict comes first (fields in order): keep theirs.
    let first = project(&harness).merge_conflicts[0].field.clone();
    harness.get_all_by_label("Keep theirs").next().expect("a button").click();
    harness.run();
    let settled = project(&harness);
    assert_eq!(settled.merge_conflicts.len(), 1);
    let claim_now = &settled.claims[&claim];
    if first == "notes" {
        assert_eq!(claim_now.notes, "theirs says");
    } else {
        assert_eq!(claim_now.verdict, theirs);
    }

    // The other one gets a value written by hand.
    let remaining = settled.merge_conflicts[0].field.clone();
    let field_label = format!("New value: claim {claim} {remaining}");
    harness.get_by_label(&field_label).click();
    harness.run();
    let written = if remaining == "notes" { "agreed after discussion".to_owned() } else { theirs.clone() };
    harness.get_by_label(&field_label).type_text(&written);
    harness.run();
    harness.get_by_label("Use new value").click();
    harness.run();
    let done = project(&harness);
    assert!(done.merge_conflicts.is_empty());
    assert!(harness.query_by_label_contains("Merge conflicts (").is_none(), "the window closes when all are settled");

    // Undo brings the last conflict back, with its field as it was.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let undone = project(&harness);
    assert_eq!(undone.merge_conflicts.len(), 1);
    assert_eq!(undone.claims[&claim], settled.claims[&claim]);
}
