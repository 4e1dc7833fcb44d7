//! The agreement window: the open project's judgements compared with another analyst's
//! copy, chosen through the file dialog, with the figures, the claims to discuss, a click
//! that shows a claim, and the report saved through the save dialog.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crosscheck::app::{DialogKind, ScriptedDialogs};
use crosscheck::edit::{ClaimChange, Edit};
use crosscheck::model::{ClaimId, Project};
use crosscheck::session::Selection;
use crosscheck::teamwork::agreement::{Analyst, agreement, figure};
use egui_kittest::kittest::Queryable;

use super::gui_support::{App, app, copy_sample_into, step_until};

/// A copy of the sample project in its own folder, and a second analyst's copy beside it
/// in which the first two judged claims got another verdict.
fn sample_and_changed_copy() -> (tempfile::TempDir, PathBuf, PathBuf, [ClaimId; 2]) {
    let folder = tempfile::tempdir().expect("folder");
    let own = copy_sample_into(&folder.path().join("mine"));

    let mut theirs = crosscheck::store::load(&own).expect("loads").project;
    let initial = theirs.scale.initial().to_owned();
    let judged: Vec<ClaimId> =
        theirs.claims.iter().filter(|(_, claim)| claim.verdict != initial).map(|(id, _)| *id).take(2).collect();
    for &id in &judged {
        let other = theirs
            .scale
            .levels
            .iter()
            .map(|level| level.label.clone())
            .find(|label| *label != initial && *label != theirs.claims[&id].verdict)
            .expect("another verdict");
        Edit::SetClaim { id, change: ClaimChange::Verdict(other) }.apply(&mut theirs).expect("edit");
    }
    let other = folder.path().join("bob.ron");
    std::fs::write(&other, crosscheck::store::to_ron(&theirs).expect("ron")).expect("write");
    (folder, own, other, [judged[0], judged[1]])
}

fn compare_through_the_menu(harness: &mut App) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Compare judgements with other copies…").click();
    step_until(harness, |h| {
        h.query_by_label_contains("Claims to discuss: ").is_some() || !h.state().notices().is_empty()
    });
    harness.run();
}

fn load(path: &Path) -> Project {
    crosscheck::store::load(path).expect("loads").project
}

#[test]
fn judgements_are_compared_with_a_copy_shown_side_by_side_and_saved() {
    let (folder, own, other, changed) = sample_and_changed_copy();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&own, &dialogs);
    dialogs.answer(vec![other.clone()]);
    compare_through_the_menu(&mut harness);
    assert_eq!(dialogs.asked(), vec![DialogKind::CompareProjects]);
    assert!(harness.state().notices().is_empty(), "{:?}", harness.state().notices());

    // Every judged claim of the sample is judged in both; two verdicts differ.
    let mine = load(&own);
    let judged = mine.claims.values().filter(|c| c.verdict != *mine.scale.initial()).count();
    assert!(judged > 2, "the sample judges more than the two changed claims");
    assert!(harness.query_by_label("Agreement between analysts").is_some());
    let figure_shown = |label: String| assert!(harness.query_by_label(&label).is_some(), "{label}");
    figure_shown(format!("Claims judged by at least two: {judged}"));
    figure_shown(format!("Agreement on verdicts: {:.1}%", (judged - 2) as f64 * 100.0 / judged as f64));
    figure_shown("Claims to discuss: 2".to_owned());
    let expected = agreement(&[
        Analyst { name: "harbour-accord.ron".to_owned(), project: mine.clone() },
        Analyst { name: "bob.ron".to_owned(), project: load(&other) },
    ]);
    let kappa = figure(expected.kappa);
    assert!(expected.kappa.is_some_and(|k| k < 1.0), "two differing verdicts lower κ: {kappa}");
    figure_shown(format!("Cohen's κ: {kappa}"));
    figure_shown(format!("Krippendorff's α (nominal): {}", figure(expected.alpha)));
    // The evidence was not touched: the marked passages agree fully.
    figure_shown("Marked passages, character-overlap F1: 1.000".to_owned());

    // The claims to discuss are exactly the two changed ones, and a click shows one.
    for id in changed {
        figure_shown(format!("Claim {id} to discuss: verdicts differ"));
    }
    assert_eq!(
        harness.query_all_by_label_contains(" to discuss: verdicts").count()
            + harness.query_all_by_label_contains(" to discuss: passages").count(),
        2,
        "no other claim is listed to discuss"
    );
    harness.get_by_label(&format!("Show claim {}", changed[1])).click();
    harness.run();
    let selection = harness.state().workspace().expect("open").selection;
    assert_eq!(selection, Selection::Claim(changed[1]));

    // Saved through the save dialog: the library's Markdown, byte for byte.
    let report = folder.path().join("agreement.md");
    dialogs.answer(vec![report.clone()]);
    harness.get_by_label("Save as Markdown…").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&report).expect("saved"), expected.to_markdown());
    let csv = folder.path().join("agreement.csv");
    dialogs.answer(vec![csv.clone()]);
    harness.get_by_label("Save as CSV…").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&csv).expect("saved"), expected.to_csv().expect("csv"));
}

#[test]
fn a_copy_that_does_not_load_is_named_and_nothing_is_shown() {
    let (folder, own, _other, _) = sample_and_changed_copy();
    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, claims: {").expect("write");
    let dialogs = ScriptedDialogs::default();
    let mut harness = app(&own, &dialogs);
    dialogs.answer(vec![broken.clone()]);
    compare_through_the_menu(&mut harness);
    let notices = harness.state().notices();
    assert!(notices.iter().any(|n| n.contains(&broken.display().to_string())), "{notices:?}");
    assert!(harness.query_by_label_contains("Claims to discuss").is_none());
    assert!(harness.query_by_label("Agreement between analysts").is_none(), "no empty window is left");
}
