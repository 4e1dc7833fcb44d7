//! One claim of the HTML report: verdict, statement, evidence, conflicts and notes.

use super::super::report::{ClaimEntry, Report, correct_passage, resolution};
use super::super::{location, text};
use super::tone_class;
use super::writer::Html;
use crate::model::{Anchor, Conflict, Evidence, EvidenceId, Stance};

pub(super) fn article(html: &mut Html, report: &Report<'_>, entry: &ClaimEntry<'_>) {
    let claim = entry.claim;
    html.raw("<article class=\"claim\"").attr("id", &format!("claim-{}", entry.id)).raw(">\n");
    html.raw("<h2 class=\"statement\"><span class=\"claim-id\">").number(entry.id).raw("</span> ");
    html.text(&claim.statement).raw("</h2>\n");
    if text::present(&claim.claimant) {
        html.raw("<p class=\"claimant\">Claimed by <strong>").text(&claim.claimant).raw("</strong></p>\n");
    }
    appearances(html, report, &claim.appearances);
    verdict_banner(html, report, entry);
    if !claim.tags.is_empty() {
        html.raw("<ul class=\"tags\" aria-label=\"Tags\">");
        for tag in &claim.tags {
            html.raw("<li>").text(tag).raw("</li>");
        }
        html.raw("</ul>\n");
    }
    if text::present(&claim.explanation) {
        html.raw("<section class=\"explanation\">\n<h3>Why this verdict</h3>\n").paragraphs(&claim.explanation);
        html.raw("\n</section>\n");
    }
    if !entry.evidence.is_empty() {
        html.raw("<section class=\"evidence\">\n<h3>Evidence</h3>\n");
        for (id, evidence) in &entry.evidence {
            evidence_item(html, report, *id, evidence);
        }
        html.raw("</section>\n");
    }
    if !entry.conflicts.is_empty() {
        html.raw("<section class=\"conflicts\">\n<h3>Where the sources disagree</h3>\n");
        for (id, conflict) in &entry.conflicts {
            // Scoped by claim: one conflict can be shown under several claims, and ids must
            // be unique in the page.
            self::conflict(html, report, &format!("claim-{}-conflict-{id}", entry.id), conflict);
        }
        html.raw("</section>\n");
    }
    if report.options.notes && text::present(&claim.notes) {
        html.raw("<section class=\"notes\">\n<h3>Notes</h3>\n").paragraphs(&claim.notes).raw("\n</section>\n");
    }
    html.raw("</article>\n");
}

fn verdict_banner(html: &mut Html, report: &Report<'_>, entry: &ClaimEntry<'_>) {
    html.raw("<div class=\"verdict ").raw(tone_class(entry.tone())).raw("\">");
    html.raw("<span class=\"verdict-label\">Verdict</span> <strong class=\"verdict-value\">");
    html.text(&entry.claim.verdict).raw("</strong>");
    if let Some(rating) = entry.rating(report.project) {
        html.raw(" <span class=\"rating\">rated ").number(rating.value).raw(" on a scale from ").number(rating.worst);
        html.raw(" (least accurate) to ").number(rating.best).raw(" (most accurate)</span>");
    }
    html.raw("</div>\n");
}

fn appearances(html: &mut Html, report: &Report<'_>, appearances: &[Anchor]) {
    if appearances.is_empty() {
        return;
    }
    html.raw("<p class=\"appears\">Appears in ");
    for (n, anchor) in appearances.iter().enumerate() {
        if n > 0 {
            html.raw("; ");
        }
        source_reference(html, report, anchor);
    }
    html.raw("</p>\n");
}

/// "Title (Outlet, date), location", with the title linking to the sources list.
fn source_reference(html: &mut Html, report: &Report<'_>, anchor: &Anchor) {
    html.raw("<cite>").local_link(&format!("source-{}", anchor.source), &report.source_title(anchor));
    html.raw("</cite>");
    if let Some(source) = report.source(anchor) {
        let facts: Vec<&str> = [source.meta.outlet.as_str(), source.meta.published.as_str()]
            .into_iter()
            .filter(|fact| text::present(fact))
            .collect();
        if !facts.is_empty() {
            html.raw(" (").text(&facts.join(", ")).raw(")");
        }
    }
    html.raw(", <span class=\"location\">").text(&location::describe(anchor, report.source(anchor))).raw("</span>");
}

fn evidence_item(html: &mut Html, report: &Report<'_>, id: EvidenceId, evidence: &Evidence) {
    let class = match evidence.stance {
        Stance::Supports => "evidence-item stance-supports",
        Stance::Contradicts => "evidence-item stance-contradicts",
        Stance::Context => "evidence-item stance-context",
    };
    html.raw("<figure class=\"").raw(class).raw("\"").attr("id", &format!("evidence-{id}")).raw(">\n");
    if report.options.quotes {
        html.raw("<blockquote>").text(&text::squash(&evidence.passage.exact)).raw("</blockquote>\n");
        super::picture::passage_picture(html, report, &evidence.passage);
    }
    html.raw("<figcaption><span class=\"stance\">").text(evidence.stance.label()).raw("</span> ");
    source_reference(html, report, &evidence.passage);
    // The note belongs to the caption: a figure allows nothing after its figcaption.
    if report.options.notes && text::present(&evidence.note) {
        html.raw("<div class=\"note\">").paragraphs(&evidence.note).raw("</div>");
    }
    html.raw("</figcaption>\n</figure>\n");
}

/// A conflict with its passages side by side and how it was resolved.
/// `element_id` is the conflict's id in the page.
pub(super) fn conflict(html: &mut Html, report: &Report<'_>, element_id: &str, conflict: &Conflict) {
    let open = conflict.status.is_open();
    html.raw("<div class=\"conflict\"").attr("id", element_id).raw(">\n<p class=\"conflict-head\">");
    html.raw("<span class=\"conflict-kind\">").text(conflict.kind.label()).raw("</span> ");
    if text::present(&conflict.summary) {
        html.text(&conflict.summary).raw(" ");
    }
    html.raw(if open {
        "<span class=\"status open\">Open</span>"
    } else {
        "<span class=\"status resolved\">Resolved</span>"
    });
    html.raw("</p>\n<div class=\"passages\">\n");
    let correct = correct_passage(conflict);
    for (n, passage) in conflict.passages.iter().enumerate() {
        let right = correct == Some(n);
        html.raw(if right { "<figure class=\"passage correct\">" } else { "<figure class=\"passage\">" });
        html.raw("<blockquote>");
        context(html, &passage.prefix, true);
        html.raw("<mark>").text(&text::squash(&passage.exact)).raw("</mark>");
        context(html, &passage.suffix, false);
        html.raw("</blockquote>");
        super::picture::passage_picture(html, report, passage);
        html.raw("<figcaption>");
        if right {
            html.raw("<span class=\"correct-label\">Correct</span> ");
        }
        source_reference(html, report, passage);
        html.raw("</figcaption></figure>\n");
    }
    html.raw("</div>\n");
    if let Some(note) = resolution(conflict).filter(|note| text::present(note)) {
        html.raw("<div class=\"resolution\"><strong>Resolution:</strong> ").paragraphs(note).raw("</div>\n");
    }
    html.raw("</div>\n");
}

/// Context either side of a passage, squashed, with an ellipsis where it was cut.
fn context(html: &mut Html, context: &str, before: bool) {
    let squashed = text::squash(context);
    if squashed.is_empty() {
        return;
    }
    html.raw("<span class=\"context\">");
    if before {
        html.raw("…").text(&squashed);
        if context.ends_with(char::is_whitespace) {
            html.raw(" ");
        }
    } else {
        if context.starts_with(char::is_whitespace) {
            html.raw(" ");
        }
        html.text(&squashed).raw("…");
    }
    html.raw("</span>");
}
