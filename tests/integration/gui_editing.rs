//! Editing in the app the way an analyst does it: by accessible labels, mouse drags and
//! shortcuts, each change undoable, with every assertion made on the project the app holds.

#![cfg(feature = "gui")]

use crosscheck::app::ScriptedDialogs;
use crosscheck::model::{ConflictStatus, Stance};
use crosscheck::session::Selection;
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::kittest::{NodeT, Queryable};

use super::gui_support::{app, drag_across, find_and_select, project, redo, sample_copy, select_claim, shortcut, undo};

#[test]
fn selecting_text_and_marking_a_claim_is_undoable() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    drag_across(&mut harness, "HALVIK, May 14 (Meridian Press Agency)", 160.0);
    let range = harness.state().workspace().and_then(|w| w.text_selection).expect("text is selected");
    assert!(range.end - range.start > 10, "the drag selected {range:?}");

    harness.get_by_label("Mark claim").click();
    harness.run();
    let after = project(&harness);
    assert_eq!(after.claims.len(), before.claims.len() + 1);
    let (&id, claim) = after.claims.iter().next_back().expect("new claim");
    let passage = &claim.appearances[0];
    assert!(passage.exact.len() > 10 && "HALVIK, May 14 (Meridian Press Agency)".starts_with(passage.exact.as_str()));
    assert_eq!(claim.statement, passage.exact.trim());
    assert_eq!(harness.state().workspace().map(|w| w.selection), Some(Selection::Claim(id)));

    undo(&mut harness);
    assert_eq!(project(&harness).claims, before.claims);
    redo(&mut harness);
    assert_eq!(project(&harness).claims, after.claims);
}

#[test]
fn evidence_attaches_with_each_stance_and_undoes() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness
        .state()
        .workspace()
        .and_then(crosscheck::session::Workspace::selected_claim)
        .expect("a claim is selected");
    let before = project(&harness);

    let passages =
        [("Mattias Orlen", Stance::Supports), ("Ammery", Stance::Contradicts), ("Tarn Gorge Dam", Stance::Context)];
    for (text, stance) in passages {
        find_and_select(&mut harness, text);
        harness.get_by_role_and_label(Role::Button, stance.label()).click();
        harness.run();
    }
    let after = project(&harness);
    let added: Vec<_> =
        after.evidence.iter().filter(|(id, _)| !before.evidence.contains_key(id)).map(|(_, e)| e).collect();
    assert_eq!(added.len(), 3);
    for ((text, stance), evidence) in passages.iter().zip(&added) {
        assert_eq!(evidence.claim, claim);
        assert_eq!(evidence.stance, *stance);
        assert_eq!(evidence.passage.exact, *text);
    }
    for _ in 0..3 {
        undo(&mut harness);
    }
    assert_eq!(project(&harness).evidence, before.evidence);
    for _ in 0..3 {
        redo(&mut harness);
    }
    assert_eq!(project(&harness).evidence, after.evidence);
}

#[test]
fn a_conflict_between_two_sources_is_flagged_resolved_and_undone() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    let before = project(&harness);
    find_and_select(&mut harness, "home to about 210,000 people");
    harness.get_by_label("Add to conflict").click();
    harness.run();
    assert!(harness.state().workspace().is_some_and(|w| w.conflict_draft.is_some()));
    find_and_select(&mut harness, "Water Minister Daria Lind");
    harness.get_by_label("Add to conflict").click();
    harness.run();

    let flagged = project(&harness);
    assert_eq!(flagged.conflicts.len(), before.conflicts.len() + 1);
    let (&id, conflict) = flagged.conflicts.iter().next_back().expect("new conflict");
    assert_eq!(conflict.passages.len(), 2);
    assert_eq!(conflict.passages[0].exact, "home to about 210,000 people");
    assert_eq!(conflict.passages[1].exact, "Water Minister Daria Lind");
    assert_ne!(conflict.passages[0].source, conflict.passages[1].source, "passages from two sources");
    assert_eq!(harness.state().workspace().map(|w| w.selection), Some(Selection::Conflict(id)));

    harness.get_by_label("Resolved").click();
    harness.run();
    harness.get_by_label("Resolution note").focus();
    harness.get_by_label("Resolution note").type_text("Checked with the ministry.");
    harness.run();
    harness.get_by_label("Passage 1 is right").click();
    harness.run();
    let resolved = project(&harness).conflicts[&id].status.clone();
    assert_eq!(resolved, ConflictStatus::Resolved { note: "Checked with the ministry.".into(), correct: Some(0) });

    for _ in 0..3 {
        undo(&mut harness);
    }
    assert!(project(&harness).conflicts[&id].status.is_open(), "resolution undone");
    undo(&mut harness);
    assert_eq!(project(&harness).conflicts, before.conflicts);
    for _ in 0..4 {
        redo(&mut harness);
    }
    assert_eq!(project(&harness).conflicts[&id].status, resolved);
}

#[test]
fn changing_a_verdict_shows_in_the_undo_menu() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness.state().workspace().and_then(crosscheck::session::Workspace::selected_claim).expect("selected");
    assert_eq!(project(&harness).claims[&claim].verdict, "True");
    harness.get_by_label("Verdict").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Mostly false").click();
    harness.run();
    assert_eq!(project(&harness).claims[&claim].verdict, "Mostly false");

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains(&format!("Undo Change verdict of {claim}")).click();
    harness.run();
    assert_eq!(project(&harness).claims[&claim].verdict, "True");
    redo(&mut harness);
    assert_eq!(project(&harness).claims[&claim].verdict, "Mostly false");
}

#[test]
fn typing_a_statement_is_one_undo_step() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    let claim = harness.state().workspace().and_then(crosscheck::session::Workspace::selected_claim).expect("selected");
    let original = project(&harness).claims[&claim].statement.clone();
    harness.get_by_label("Statement").focus();
    harness.run();
    for word in [" Confirmed", " by", " two", " sources."] {
        harness.get_by_label("Statement").type_text(word);
        harness.run();
    }
    let typed = project(&harness).claims[&claim].statement.clone();
    assert!(typed.ends_with("Confirmed by two sources."), "{typed}");
    assert_eq!(typed.len(), original.len() + " Confirmed by two sources.".len());
    undo(&mut harness);
    assert_eq!(project(&harness).claims[&claim].statement, original);
}

#[test]
fn a_greyed_out_menu_item_says_why_and_its_shortcut_does_nothing_but_say_so() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.ctx.all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    let before = project(&harness);

    harness.get_by_label("Edit").click();
    harness.run();
    let item = harness.get_by_label_contains("Mark claim");
    assert!(item.accesskit_node().is_disabled(), "nothing is selected: Mark claim is greyed out");
    item.hover();
    harness.run();
    assert!(
        harness.query_by_label_contains("Select a passage in the document first").is_some(),
        "the hover text says why"
    );
    harness.key_press(Key::Escape);
    harness.run();

    shortcut(&mut harness, Modifiers::COMMAND, Key::M);
    assert_eq!(project(&harness), before, "the shortcut marked nothing");
    assert!(harness.query_by_label_contains("Select a passage in the document first").is_some(), "and says why");
}

#[test]
fn an_idle_app_requests_no_repaint() {
    let (_folder, path) = sample_copy();
    let mut harness = app(&path, &ScriptedDialogs::default());
    select_claim(&mut harness, "The accord was initialled in Halvik");
    harness.run();
    harness.step();
    assert!(!harness.ctx.has_requested_repaint(), "nothing changes, so nothing should be redrawn");
}
