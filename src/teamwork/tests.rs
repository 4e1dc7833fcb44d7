//! Merges of scripted and random edits on two branches, checked by [`super::verify`].

use super::merge::{SideLabels, merge};
use super::scripts::{base_project, random_script};
use super::verify::verify;
use crate::edit::{ClaimChange, Edit};
use crate::model::{ClaimId, Project};

fn merged_and_checked(base: &Project, ours: &Project, theirs: &Project) -> super::Merged {
    let merged = merge(base, ours, theirs, &SideLabels::default()).expect("merges");
    let findings = verify(base, ours, theirs, &merged);
    assert!(findings.is_empty(), "{findings:#?}\n{:#?}", merged.report.lines());
    let text = crate::store::to_ron(&merged.project).expect("writes");
    let (again, _) = crate::store::from_ron(&text).expect("loads again");
    assert_eq!(again, merged.project);
    assert!(!text.contains("<<<<<<<"));
    merged
}

fn set_verdict(project: &mut Project, id: ClaimId, verdict: &str) {
    Edit::SetClaim { id, change: ClaimChange::Verdict(verdict.to_owned()) }.apply(project).expect("edit");
}

#[test]
fn the_same_verdict_changed_differently_is_one_recorded_conflict() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_verdict(&mut ours, ClaimId(1), "False");
    set_verdict(&mut theirs, ClaimId(1), "True");
    Edit::SetClaim { id: ClaimId(1), change: ClaimChange::Notes("checked".to_owned()) }
        .apply(&mut theirs)
        .expect("edit");
    let merged = merged_and_checked(&base, &ours, &theirs);
    assert_eq!(merged.project.merge_conflicts.len(), 1);
    let conflict = &merged.project.merge_conflicts[0];
    assert_eq!(conflict.field, "verdict");
    assert_eq!(conflict.ours.value.as_deref(), Some("False"));
    assert_eq!(conflict.theirs.value.as_deref(), Some("True"));
    assert_eq!(merged.project.claims[&ClaimId(1)].notes, "checked");

    // Picking theirs is one undoable edit.
    let mut project = merged.project.clone();
    let edit = super::resolve::pick(&project, 0, super::resolve::Pick::Theirs).expect("edit");
    let inverse = edit.apply(&mut project).expect("applies");
    assert_eq!(project.claims[&ClaimId(1)].verdict, "True");
    assert!(project.merge_conflicts.is_empty());
    inverse.apply(&mut project).expect("undo");
    assert_eq!(project, merged.project);
}

#[test]
fn additions_on_both_sides_get_distinct_ids_and_keep_their_evidence() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    random_script(&mut ours, 11, 0, "ours");
    let added = |project: &mut Project, side: &str| {
        let source = *project.sources.keys().next().expect("source");
        let anchor = crate::model::Anchor::capture(source, project.sources[&source].text(), 10, 30).expect("fits");
        let id = project.ids.next_claim();
        let mut claim = crate::model::Claim::marked(anchor.clone(), "Unverified");
        claim.notes = side.to_owned();
        Edit::InsertClaim { id, claim: Box::new(claim) }.apply(project).expect("insert");
        let evidence = project.ids.next_evidence();
        let link = crate::model::Evidence {
            claim: id,
            passage: anchor,
            stance: crate::model::Stance::Supports,
            note: side.to_owned(),
        };
        Edit::InsertEvidence { id: evidence, evidence: Box::new(link) }.apply(project).expect("insert");
        id
    };
    let ours_claim = added(&mut ours, "ours");
    let theirs_claim = added(&mut theirs, "theirs");
    assert_eq!(ours_claim, theirs_claim, "both branches allocated the same id");
    let merged = merged_and_checked(&base, &ours, &theirs);
    assert!(merged.report.is_clean());
    let renumbered = merged.report.renumbered.claims[&theirs_claim];
    assert_eq!(merged.project.claims[&ours_claim].notes, "ours");
    assert_eq!(merged.project.claims[&renumbered].notes, "theirs");
    let theirs_evidence = merged.project.evidence.values().find(|e| e.note == "theirs").expect("kept");
    assert_eq!(theirs_evidence.claim, renumbered);
}

#[test]
fn a_claim_deleted_on_one_side_and_edited_on_the_other_is_kept_and_reported() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    Edit::remove_claim(&ours, ClaimId(2)).apply(&mut ours).expect("delete");
    set_verdict(&mut theirs, ClaimId(2), "Mixed");
    let merged = merged_and_checked(&base, &ours, &theirs);
    assert_eq!(merged.project.claims[&ClaimId(2)].verdict, "Mixed");
    let recorded = &merged.project.merge_conflicts;
    assert_eq!(recorded.len(), 1);
    assert!(recorded[0].field.is_empty() && recorded[0].ours.value.is_none(), "{recorded:?}");
}

#[test]
fn a_reimport_on_one_side_reanchors_claims_added_on_the_other() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let source = *base.sources.keys().next().expect("source");
    let mut content = ours.sources[&source].content.clone();
    content.text = format!("A new first sentence. {}", content.text);
    crate::analysis::reanchor_source(&ours, source, content).expect("exists").edit.apply(&mut ours).expect("re-import");
    let anchor = crate::model::Anchor::capture(source, theirs.sources[&source].text(), 100, 130).expect("fits");
    let id = theirs.ids.next_claim();
    Edit::InsertClaim { id, claim: Box::new(crate::model::Claim::marked(anchor.clone(), "Unverified")) }
        .apply(&mut theirs)
        .expect("insert");
    let merged = merged_and_checked(&base, &ours, &theirs);
    let kept = &merged.project.claims[&id].appearances[0];
    assert_eq!(kept.exact, anchor.exact);
    assert_eq!(kept.start, anchor.start + "A new first sentence. ".chars().count());
    assert_eq!(merged.report.reanchored, (1, 0));
}

#[test]
fn source_texts_changed_differently_keep_both_versions_as_a_conflict() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let source = *base.sources.keys().next().expect("source");
    for (project, prefix) in [(&mut ours, "Ours. "), (&mut theirs, "Theirs, longer. ")] {
        let mut content = project.sources[&source].content.clone();
        content.text = format!("{prefix}{}", content.text);
        crate::analysis::reanchor_source(project, source, content).expect("exists").edit.apply(project).expect("edit");
    }
    let merged = merged_and_checked(&base, &ours, &theirs);
    let text = merged.project.merge_conflicts.iter().find(|c| c.field == "content.text").expect("recorded");
    assert!(text.theirs.value.as_deref().is_some_and(|t| t.starts_with("Theirs, longer. ")));
    // Taking theirs re-anchors the passages in that source.
    let index = merged.project.merge_conflicts.iter().position(|c| c.field == "content.text").expect("there");
    let mut project = merged.project.clone();
    super::resolve::pick(&project, index, super::resolve::Pick::Theirs)
        .expect("edit")
        .apply(&mut project)
        .expect("applies");
    assert!(project.sources[&source].text().starts_with("Theirs"));
    assert!(project.problems().is_empty(), "{:?}", project.problems());
}

/// 100 random edit scripts per side, merged and checked.
#[test]
fn random_edit_scripts_on_both_sides_merge_without_losing_work() {
    let (mut clean, mut conflicts) = (0, 0);
    for seed in 0..100 {
        let base = base_project();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        random_script(&mut ours, seed * 2 + 1, 12, "ours");
        random_script(&mut theirs, seed * 2 + 2, 12, "theirs");
        let merged = merge(&base, &ours, &theirs, &SideLabels::default()).expect("merges");
        let findings = verify(&base, &ours, &theirs, &merged);
        assert!(findings.is_empty(), "seed {seed}: {findings:#?}\n{:#?}", merged.report.lines());
        let text = crate::store::to_ron(&merged.project).expect("writes");
        assert_eq!(crate::store::from_ron(&text).expect("loads").0, merged.project, "seed {seed}");
        if merged.report.is_clean() {
            clean += 1;
        } else {
            conflicts += merged.report.new_conflicts.len();
        }
    }
    assert!(clean > 0 && conflicts > 0, "the scripts should give both clean merges and conflicts");
}

fn add_source(project: &mut Project, text: &str) -> crate::model::SourceId {
    use crate::model::{Source, SourceContent, SourceFormat, SourceMeta};
    let id = project.ids.next_source();
    let content = SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None };
    Edit::InsertSource { id, source: Box::new(Source { meta: SourceMeta::default(), content }) }
        .apply(project)
        .expect("adds the source");
    id
}

#[test]
fn dismissals_on_sources_the_merge_renumbers_stay_dismissed() {
    let base = base_project();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    add_source(&mut ours, "A statement ours added on its own branch.");
    add_source(&mut ours, "Another statement ours added.");
    let wire = add_source(&mut theirs, "The council voted on Monday to protect about 18,000 homes from floods.");
    let copy = add_source(&mut theirs, "The council voted on Monday to protect about 8,000 homes from floods.");
    let compared =
        crate::analysis::compare(&theirs, &[wire, copy], &std::sync::atomic::AtomicBool::new(false)).expect("compares");
    let found = &compared.pairs[0].discrepancies;
    assert!(!found.is_empty(), "the copies differ in a number");
    for discrepancy in found {
        discrepancy.dismiss().apply(&mut theirs).expect("dismisses");
    }

    let merged = merged_and_checked(&base, &ours, &theirs);
    let moved = |id| merged.report.renumbered.sources.get(&id).copied().expect("renumbered: ours took the id");
    let (wire, copy) = (moved(wire), moved(copy));
    let again = crate::analysis::compare(&merged.project, &[wire, copy], &std::sync::atomic::AtomicBool::new(false))
        .expect("compares");
    assert_eq!(again.pairs[0].discrepancies.len(), found.len());
    assert_eq!(again.pairs[0].open(&merged.project).count(), 0, "every dismissal carried to the new ids");
}
