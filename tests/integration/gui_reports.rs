//! Issue 14 in the app: the export dialog previews the report as a document, refuses a
//! `ClaimReview` it cannot fill, and the inspector marks what a report would leave out.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use crosscheck::app::ScriptedDialogs;
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::gui_support::{App, app, copy_sample_into, step_until};

/// A copy of the sample project with `change` made to it, in a folder of its own.
fn sample_changed(change: impl FnOnce(&mut crosscheck::model::Project)) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("folder");
    let path = copy_sample_into(folder.path());
    let mut project = crosscheck::store::load(&path).expect("loads").project;
    change(&mut project);
    crosscheck::store::save(&project, &path).expect("saves");
    (folder, path)
}

fn shows(harness: &App, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Issue 14: the preview of the HTML report was its source code.
#[test]
fn the_export_preview_shows_the_report_not_its_source() {
    let (_folder, path) = sample_changed(|_| {});
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    step_until(&mut harness, |h| shows(h, "Why this verdict"));
    assert!(shows(&harness, "Why this verdict"), "the HTML report's headings are shown");
    assert!(!shows(&harness, "<!DOCTYPE") && !shows(&harness, "<h2") && !shows(&harness, "class="), "no markup");

    harness.get_by_label("Markdown report").click();
    harness.run();
    // The HTML preview stays on screen until the Markdown one is ready, so wait for a line
    // only the Markdown preview has.
    step_until(&mut harness, |h| !shows(h, "Preparing preview") && shows(h, "Verdict: True"));
    assert!(shows(&harness, "Why this verdict"));
    assert!(shows(&harness, "Verdict: True"), "the verdict line is shown");
    assert!(!shows(&harness, "### ") && !shows(&harness, "**Verdict"), "no Markdown syntax");
}

/// Issue 14: with no web address, `ClaimReview` was saved without the url Google requires.
#[test]
fn claimreview_cannot_be_saved_without_a_web_address() {
    let (_folder, path) = sample_changed(|project| project.info.url.clear());
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("ClaimReview JSON-LD (schema.org)").click();
    harness.run();
    assert!(shows(&harness, "Cannot save: a ClaimReview needs the web address"));
    assert!(harness.get_by_role_and_label(Role::Button, "Save report…").accesskit_node().is_disabled());

    let field = harness.get_by_role_and_label(Role::TextInput, "Published at (URL)");
    field.focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Published at (URL)").type_text("https://example.org/check");
    harness.run();
    assert!(!shows(&harness, "Cannot save"));
    assert!(!harness.get_by_role_and_label(Role::Button, "Save report…").accesskit_node().is_disabled());
}

/// Issue 14: an impossible date or a non-web URL in a source showed nowhere in the app.
#[test]
fn the_inspector_marks_a_date_and_a_url_that_reports_leave_out() {
    let (_folder, path) = sample_changed(|project| {
        let source = project.sources.values_mut().next().expect("a source");
        "2024-02-30".clone_into(&mut source.meta.published);
        "http://exa mple.org/report".clone_into(&mut source.meta.url);
        source.meta.title = "Source with bad details".to_owned();
        let claim = project.claims.values_mut().next().expect("a claim");
        claim.appearances.clear();
        claim.statement = "Claim without a passage".to_owned();
    });
    let mut harness = app(&path, &ScriptedDialogs::default());
    harness.get_by_role_and_label(Role::Button, "Source with bad details").click();
    harness.run();
    assert!(shows(&harness, "Date 2024-02-30 is not a date on the calendar"));
    assert!(shows(&harness, "This URL is not a valid URL"));

    let field = harness.get_by_role_and_label(Role::TextInput, "URL");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "URL").type_text("https://example.org/report");
    harness.run();
    assert!(!shows(&harness, "This URL"), "the mark goes once the URL is fixed");
    assert!(shows(&harness, "Date 2024-02-30"));

    harness.get_by_label_contains("Claim without a passage").click();
    harness.run();
    assert!(shows(&harness, "No passage in any source"));
}
