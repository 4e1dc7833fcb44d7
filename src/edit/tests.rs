use super::*;
use crate::history::{History, MergeKey};
use crate::model::{SourceFormat, SourceMeta};

const WIRE: &str =
    "Water Minister Davor Lind met his counterpart in Halvik on Tuesday. The fund holds 40 million euros.";
const REWRITE: &str = "Water Minister Daria Lind met her counterpart in Moranza. The fund holds 14 million euros.";

fn source(title: &str, text: &str) -> Source {
    Source {
        meta: SourceMeta { title: title.to_owned(), ..SourceMeta::default() },
        content: SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None },
    }
}

/// A project with two sources, one claim with one piece of evidence, and one conflict.
fn sample() -> (Project, [SourceId; 2], ClaimId) {
    let mut project = Project::new("Edits");
    let wire = project.ids.next_source();
    let rewrite = project.ids.next_source();
    project.sources.insert(wire, source("Wire", WIRE));
    project.sources.insert(rewrite, source("Rewrite", REWRITE));
    let claim = project.ids.next_claim();
    let anchor = Anchor::find(wire, WIRE, "met his counterpart in Halvik").expect("in wire");
    project.claims.insert(claim, Claim::marked(anchor, "Unverified"));
    let evidence = project.ids.next_evidence();
    let passage = Anchor::find(rewrite, REWRITE, "in Moranza").expect("in rewrite");
    project.evidence.insert(evidence, Evidence { claim, passage, stance: Stance::Contradicts, note: String::new() });
    let conflict = project.ids.next_conflict();
    let passages = vec![
        Anchor::find(wire, WIRE, "Davor Lind").expect("in wire"),
        Anchor::find(rewrite, REWRITE, "Daria Lind").expect("in rewrite"),
    ];
    project.conflicts.insert(
        conflict,
        Conflict { kind: ConflictKind::Name, summary: String::new(), passages, status: ConflictStatus::Open },
    );
    assert!(project.problems().is_empty());
    (project, [wire, rewrite], claim)
}

/// Applies `edit`, checks that it changed the project, then that undo restores the exact
/// previous project and redo the exact edited one.
fn assert_round_trip(project: &mut Project, edit: Edit) {
    let before = project.clone();
    let mut history = History::new();
    let label = edit.describe();
    history.apply(project, edit).expect("edit applies");
    let after = project.clone();
    assert_ne!(before, after, "{label} changed nothing");
    assert!(project.problems().is_empty(), "{label} broke an invariant: {:?}", project.problems());
    assert_eq!(history.undo_label(), Some(label.as_str()));
    assert_eq!(history.undo(project).expect("undo"), Some(label.clone()));
    assert_eq!(*project, before, "undo of {label}");
    assert_eq!(history.redo(project).expect("redo"), Some(label.clone()));
    assert_eq!(*project, after, "redo of {label}");
}

#[test]
fn every_kind_of_edit_undoes_and_redoes_exactly() {
    let (mut project, [wire, rewrite], claim) = sample();
    let new_source = project.ids.next_source();
    let new_claim = project.ids.next_claim();
    let new_evidence = project.ids.next_evidence();
    let new_conflict = project.ids.next_conflict();
    let evidence = EvidenceId(1);
    let conflict = ConflictId(1);
    let on_wire = |quote| Anchor::find(wire, WIRE, quote).expect("in wire");
    let on_rewrite = |quote| Anchor::find(rewrite, REWRITE, quote).expect("in rewrite");

    let edits = vec![
        Edit::InsertSource { id: new_source, source: Box::new(source("Statement", "A statement.")) },
        Edit::SetSource {
            id: wire,
            change: SourceChange::Meta(SourceMeta { outlet: "Meridian".into(), ..SourceMeta::default() }),
        },
        Edit::SetSource {
            id: rewrite,
            change: SourceChange::Content(SourceContent {
                format: SourceFormat::Markdown,
                text: format!("{REWRITE} More."),
                original: None,
            }),
        },
        Edit::InsertClaim { id: new_claim, claim: Box::new(Claim::marked(on_wire("40 million euros"), "Unverified")) },
        Edit::SetClaim { id: claim, change: ClaimChange::Statement("They met in Halvik.".into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Claimant("Meridian Press Agency".into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Verdict("True".into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Explanation("The ministry confirms it.".into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Tags(["place".to_owned()].into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Notes("Ask the ministry.".into()) },
        Edit::SetClaim { id: claim, change: ClaimChange::Appearances(vec![on_wire("Halvik"), on_rewrite("Moranza")]) },
        Edit::InsertEvidence {
            id: new_evidence,
            evidence: Box::new(Evidence {
                claim,
                passage: on_wire("on Tuesday"),
                stance: Stance::Context,
                note: String::new(),
            }),
        },
        Edit::SetEvidence { id: evidence, change: EvidenceChange::Stance(Stance::Supports) },
        Edit::SetEvidence { id: evidence, change: EvidenceChange::Note("Wrong capital".into()) },
        Edit::SetEvidence { id: evidence, change: EvidenceChange::Passage(on_rewrite("Moranza")) },
        Edit::DeleteEvidence { id: evidence },
        Edit::InsertConflict {
            id: new_conflict,
            conflict: Box::new(Conflict {
                kind: ConflictKind::Number,
                summary: "40 or 14 million".into(),
                passages: vec![on_wire("40 million"), on_rewrite("14 million")],
                status: ConflictStatus::Open,
            }),
        },
        Edit::SetConflict { id: conflict, change: ConflictChange::Kind(ConflictKind::Attribution) },
        Edit::SetConflict { id: conflict, change: ConflictChange::Summary("Names swapped".into()) },
        Edit::SetConflict {
            id: conflict,
            change: ConflictChange::Passages(vec![on_wire("Davor"), on_rewrite("Daria"), on_rewrite("her")]),
        },
        Edit::SetConflict {
            id: conflict,
            change: ConflictChange::Status(ConflictStatus::Resolved {
                note: "The ministry lists Davor".into(),
                correct: Some(0),
            }),
        },
        Edit::DeleteConflict { id: conflict },
        Edit::SetProject(ProjectChange::Info(ProjectInfo {
            title: "Renamed".into(),
            organisation: "Desk".into(),
            url: String::new(),
        })),
        Edit::SetProject(ProjectChange::Scale(VerdictScale {
            levels: vec![crate::model::VerdictLevel::new("Unverified", None, crate::model::Tone::Neutral)],
        })),
        Edit::remove_claim(&project, claim),
        Edit::remove_source(&project, rewrite),
    ];
    for edit in edits {
        assert_round_trip(&mut project.clone(), edit);
    }
}

#[test]
fn removing_a_source_takes_what_would_dangle_with_it() {
    let (mut project, [wire, rewrite], claim) = sample();
    Edit::remove_source(&project, rewrite).apply(&mut project).expect("applies");
    assert!(project.problems().is_empty());
    assert!(project.evidence.is_empty(), "evidence in the rewrite goes");
    assert!(project.conflicts.is_empty(), "a conflict left with one passage goes");
    assert!(project.claims.contains_key(&claim), "a claim in the wire stays");
    Edit::remove_source(&project, wire).apply(&mut project).expect("applies");
    assert!(project.claims.is_empty() && project.sources.is_empty());
}

#[test]
fn refused_edits_leave_the_project_unchanged() {
    let (mut project, [wire, _], claim) = sample();
    let before = project.clone();
    let refusals = [
        (Edit::DeleteSource { id: wire }, "still used by claim C1"),
        (Edit::DeleteClaim { id: claim }, "still used by evidence E1"),
        (Edit::InsertClaim { id: claim, claim: Box::new(project.claims[&claim].clone()) }, "C1 already exists"),
        (Edit::InsertClaim { id: ClaimId(50), claim: Box::new(project.claims[&claim].clone()) }, "never allocated"),
        (
            Edit::SetClaim { id: claim, change: ClaimChange::Verdict("Pants on fire".into()) },
            "not on the project's verdict scale",
        ),
        (Edit::SetClaim { id: ClaimId(9), change: ClaimChange::Notes(String::new()) }, "C9 does not exist"),
        (Edit::SetClaim { id: claim, change: ClaimChange::Appearances(Vec::new()) }, "needs a passage"),
        (
            Edit::SetConflict {
                id: ConflictId(1),
                change: ConflictChange::Status(ConflictStatus::Resolved { note: String::new(), correct: Some(5) }),
            },
            "has no passage 6",
        ),
        (
            Edit::SetProject(ProjectChange::Scale(VerdictScale {
                levels: vec![crate::model::VerdictLevel::new("Yes", None, crate::model::Tone::Neutral)],
            })),
            "still used by claim C1",
        ),
        (
            Edit::Batch {
                label: "Half a batch".into(),
                edits: vec![
                    Edit::SetClaim { id: claim, change: ClaimChange::Notes("changed".into()) },
                    Edit::DeleteSource { id: wire },
                ],
            },
            "still used",
        ),
    ];
    for (edit, expected) in refusals {
        let error = edit.apply(&mut project).expect_err("refused").to_string();
        assert!(error.contains(expected), "{error:?} should mention {expected:?}");
        assert_eq!(project, before);
    }
    let mut moved = Anchor::find(wire, WIRE, "Halvik").expect("in wire");
    moved.start += 1;
    let error = Edit::SetClaim { id: claim, change: ClaimChange::Appearances(vec![moved]) }.apply(&mut project);
    assert!(error.is_err(), "a passage that does not hold its quote is refused");
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let (mut project, _, claim) = sample();
    let original = project.clone();
    let mut history = History::new();
    let key = Some(MergeKey(format!("statement {claim}")));
    for typed in ["T", "Th", "The", "They met"] {
        let edit = Edit::SetClaim { id: claim, change: ClaimChange::Statement(typed.into()) };
        history.apply_merging(&mut project, edit, key.clone()).expect("applies");
    }
    history.seal();
    let edit = Edit::SetClaim { id: claim, change: ClaimChange::Statement("They met in Halvik".into()) };
    history.apply_merging(&mut project, edit, key).expect("applies");

    history.undo(&mut project).expect("undo");
    assert_eq!(project.claims[&claim].statement, "They met");
    history.undo(&mut project).expect("undo");
    assert_eq!(project, original);
    assert_eq!(history.undo(&mut project).expect("nothing left"), None);
    history.redo(&mut project).expect("redo");
    assert_eq!(project.claims[&claim].statement, "They met");
}

#[test]
fn unsaved_changes_follow_undo_back_to_the_saved_state() {
    let (mut project, _, claim) = sample();
    let mut history = History::new();
    assert!(!history.has_unsaved_changes());
    history
        .apply(&mut project, Edit::SetClaim { id: claim, change: ClaimChange::Verdict("False".into()) })
        .expect("applies");
    assert!(history.has_unsaved_changes());
    history.undo(&mut project).expect("undo");
    assert!(!history.has_unsaved_changes(), "back where the file is");
    history.redo(&mut project).expect("redo");
    history.mark_saved();
    assert!(!history.has_unsaved_changes());
    history.undo(&mut project).expect("undo");
    assert!(history.has_unsaved_changes(), "the file now holds the redone state");
    assert!(History::unsaved().has_unsaved_changes());
}

#[test]
fn imports_removals_and_large_batches_are_significant_and_typing_is_not() {
    let (project, [wire, _], claim) = sample();
    let verdict = Edit::SetClaim { id: claim, change: ClaimChange::Verdict("False".into()) };
    assert!(!verdict.is_significant());
    assert!(!Edit::remove_claim(&project, claim).is_significant(), "two edits: the clock covers it");
    assert!(Edit::InsertSource { id: SourceId(9), source: Box::new(source("New", "Text.")) }.is_significant());
    assert!(Edit::remove_source(&project, wire).is_significant());
    let many = Edit::Batch { label: "Accept suggestions".into(), edits: vec![verdict; Edit::SIGNIFICANT_BATCH] };
    assert!(many.is_significant());
}

#[test]
fn the_history_counts_significant_steps_applied_undone_and_redone() {
    let (mut project, [wire, _], claim) = sample();
    let mut history = History::new();
    history
        .apply(&mut project, Edit::SetClaim { id: claim, change: ClaimChange::Verdict("False".into()) })
        .expect("applies");
    assert_eq!(history.significant_changes(), 0);
    let removal = Edit::remove_source(&project, wire);
    history.apply(&mut project, removal).expect("applies");
    assert_eq!(history.significant_changes(), 1);
    history.undo(&mut project).expect("undo");
    assert_eq!(history.significant_changes(), 2, "the source coming back is as significant");
    history.redo(&mut project).expect("redo");
    assert_eq!(history.significant_changes(), 3);
    history.undo(&mut project).expect("undo");
    history.undo(&mut project).expect("undo the verdict");
    assert_eq!(history.significant_changes(), 4, "undoing a verdict is not significant");
}

#[test]
fn a_new_edit_clears_redo() {
    let (mut project, _, claim) = sample();
    let mut history = History::new();
    history
        .apply(&mut project, Edit::SetClaim { id: claim, change: ClaimChange::Verdict("False".into()) })
        .expect("applies");
    history.undo(&mut project).expect("undo");
    assert!(history.redo_label().is_some());
    history
        .apply(&mut project, Edit::SetClaim { id: claim, change: ClaimChange::Verdict("True".into()) })
        .expect("applies");
    assert_eq!(history.redo_label(), None);
}

#[test]
fn dismissing_a_discrepancy_undoes_and_redoes_exactly() {
    let (mut project, _, _) = sample();
    let fingerprint = "number:S1:S2:0123456789abcdef".to_owned();
    assert_round_trip(&mut project, Edit::DismissDiscrepancy { fingerprint: fingerprint.clone() });
    assert!(project.dismissed.contains(&fingerprint));
    assert_round_trip(&mut project, Edit::RestoreDiscrepancy { fingerprint: fingerprint.clone() });
    assert!(project.dismissed.is_empty());

    Edit::DismissDiscrepancy { fingerprint: fingerprint.clone() }.apply(&mut project).expect("applies");
    let before = project.clone();
    let twice = Edit::DismissDiscrepancy { fingerprint: fingerprint.clone() }.apply(&mut project);
    assert!(twice.expect_err("already dismissed").to_string().contains("already exists"));
    let unknown = Edit::RestoreDiscrepancy { fingerprint: "place:S1:S2:ffff".into() }.apply(&mut project);
    assert!(unknown.expect_err("never dismissed").to_string().contains("does not exist"));
    assert_eq!(project, before);
}

#[test]
fn replacing_a_source_text_moves_and_orphans_passages_in_one_undo_step() {
    let (mut project, [wire, _], claim) = sample();
    let halvik = Anchor::find(wire, WIRE, "Halvik").expect("in wire");
    let tuesday = Anchor::find(wire, WIRE, "on Tuesday").expect("in wire");
    Edit::SetClaim { id: claim, change: ClaimChange::Appearances(vec![halvik.clone(), tuesday]) }
        .apply(&mut project)
        .expect("applies");
    // The wire loses "in Halvik"; "on Tuesday" and "Davor Lind" (conflict X1) move.
    let text = "Minister Davor Lind met his counterpart on Tuesday. The fund holds 40 million euros.";
    let content = SourceContent { format: SourceFormat::PlainText, text: text.into(), original: None };
    let passages = vec![
        (PassageRef::Appearance { claim, index: 0 }, halvik.clone().into_orphan()),
        (PassageRef::Appearance { claim, index: 1 }, Anchor::find(wire, text, "on Tuesday").expect("moved")),
    ];
    let unfinished = Edit::ReplaceSourceText { id: wire, content: content.clone(), passages: passages.clone() };
    let error = unfinished.apply(&mut project.clone()).expect_err("conflict X1 still points at the old text");
    assert!(error.to_string().contains("conflict X1, passage 1"), "{error}");

    let mut passages = passages;
    let lind = Anchor::find(wire, text, "Davor Lind").expect("moved");
    passages.push((PassageRef::Conflict { conflict: ConflictId(1), index: 0 }, lind));
    let edit = Edit::ReplaceSourceText { id: wire, content, passages };
    let before = project.clone();
    let mut history = History::new();
    history.apply(&mut project, edit).expect("applies");
    let problems = project.problems();
    assert_eq!(problems.len(), 1, "only the orphan is reported: {problems:?}");
    assert!(problems[0].to_string().contains("orphaned"), "{problems:?}");
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
    history.redo(&mut project).expect("redo");
    assert!(project.claims[&claim].appearances[0].orphaned);

    // An orphan survives the other edits' inverses: deleting the claim undoes cleanly.
    let removal = Edit::remove_claim(&project, claim);
    assert!(history.apply(&mut project, removal).is_ok());
    history.undo(&mut project).expect("undo of a removal restores the orphan");
    assert!(project.claims[&claim].appearances[0].orphaned);
}
