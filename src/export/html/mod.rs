//! The HTML report: one self-contained page for screens and for paper.
//!
//! Styles are inline (`assets/report.css`), there are no scripts, and a Content Security
//! Policy forbids loading anything, so the file opens offline, can be mailed, and cannot
//! run anything even if a hostile string slipped through. The print stylesheet starts
//! each claim on a new page.

mod claim;
mod picture;
mod writer;

use super::progress::Ticker;
use super::report::Report;
use super::{ExportError, text};
use crate::model::{Source, SourceId, Tone};

use writer::Html;

/// The report stylesheet, kept as a file so designers can edit it as CSS.
const STYLESHEET: &str = include_str!("../../../assets/report.css");

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Vec<u8>, ExportError> {
    let mut html = Html::with_capacity(8_192 + report.claims.len() * 4_096);
    head(&mut html, report);
    html.raw("<body>\n");
    masthead(&mut html, report);
    summary(&mut html, report);
    contents(&mut html, report);
    html.raw("<main>\n");
    for entry in &report.claims {
        claim::article(&mut html, report, entry);
        ticker.claim_done()?;
    }
    if !report.other_conflicts.is_empty() {
        html.raw("<section class=\"other-conflicts\" id=\"other-conflicts\">\n<h2>Other disagreements between the sources</h2>\n");
        for (id, conflict) in &report.other_conflicts {
            claim::conflict(&mut html, report, &format!("conflict-{id}"), conflict);
        }
        html.raw("</section>\n");
    }
    sources(&mut html, report);
    // Everything but the masthead and footer is the page's main content (a landmark).
    html.raw("</main>\n");
    html.raw("<footer><p>Prepared with Crosscheck.</p></footer>\n</body>\n</html>\n");
    Ok(html.finish())
}

fn head(html: &mut Html, report: &Report<'_>) {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing may load or run: the report is a document, not an application.
    html.raw(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         img-src data:; form-action 'none'; base-uri 'none'\">\n",
    );
    html.raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
    html.raw("<meta name=\"generator\" content=\"Crosscheck\">\n");
    html.raw("<title>").bare_text(report.title()).raw("</title>\n<style>\n").raw(STYLESHEET).raw("</style>\n</head>\n");
}

fn masthead(html: &mut Html, report: &Report<'_>) {
    let info = &report.project.info;
    html.raw("<header class=\"masthead\">\n");
    if text::present(&info.organisation) {
        html.raw("<p class=\"organisation\">").text(&info.organisation).raw("</p>\n");
    }
    html.raw("<h1>").text(report.title()).raw("</h1>\n");
    let published = text::present(&report.options.published);
    if published || text::present(&info.url) {
        html.raw("<p class=\"byline\">");
        if published {
            // Only a date the calendar has goes into `datetime`; any other text is shown as typed.
            match text::iso_date(&report.options.published) {
                Some(date) => {
                    html.raw("Published <time").attr("datetime", date).raw(">");
                    html.text(&report.options.published).raw("</time>");
                }
                None => {
                    html.raw("Published ").text(&report.options.published);
                }
            }
        }
        if published && text::present(&info.url) {
            html.raw(" · ");
        }
        html.web_link(&info.url, &info.url).raw("</p>\n");
    }
    html.raw("</header>\n");
}

fn summary(html: &mut Html, report: &Report<'_>) {
    let counts = &report.summary;
    html.raw(
        "<section class=\"summary\" aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Summary</h2>\n",
    );
    html.raw("<dl class=\"counts\">\n");
    let open = format!("{} open", counts.open_conflicts);
    let rows = [
        ("Claims", counts.claims.to_string(), format!("{} with a verdict", counts.reviewed)),
        ("Evidence", counts.evidence.to_string(), stance_counts(report)),
        ("Conflicts", counts.conflicts.to_string(), open),
        ("Sources", counts.sources.to_string(), String::new()),
    ];
    for (label, value, detail) in rows {
        html.raw("<div><dt>").raw(label).raw("</dt><dd><span class=\"count\">").text(&value).raw("</span>");
        if !detail.is_empty() {
            // In brackets, as the Markdown report has it: "15 (13 with a verdict)" reads
            // right without the style sheet too (the export preview, a reader's mode).
            html.raw(" <span class=\"detail\">(").text(&detail).raw(")</span>");
        }
        html.raw("</dd></div>\n");
    }
    html.raw("</dl>\n");
    if !counts.verdicts.is_empty() {
        html.raw("<ul class=\"verdict-counts\" aria-label=\"Claims by verdict\">\n");
        for (label, count) in &counts.verdicts {
            let tone = report.project.scale.level(label).map_or(Tone::Neutral, |level| level.tone);
            html.raw("<li><span class=\"verdict-chip ").raw(tone_class(tone)).raw("\">").text(label);
            html.raw("</span> <span class=\"count\">").number(count).raw("</span></li>\n");
        }
        html.raw("</ul>\n");
    }
    html.raw("</section>\n");
}

fn stance_counts(report: &Report<'_>) -> String {
    let parts: Vec<String> = report
        .summary
        .stances
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stance, count)| format!("{count} {}", stance.label().to_lowercase()))
        .collect();
    parts.join(", ")
}

fn contents(html: &mut Html, report: &Report<'_>) {
    if report.claims.is_empty() {
        html.raw("<p class=\"empty\">No claims match this report's selection.</p>\n");
        return;
    }
    html.raw("<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Claims</h2>\n<ol>\n");
    for entry in &report.claims {
        html.raw("<li><a").attr("href", &format!("#claim-{}", entry.id)).raw(">").text(&entry.claim.statement);
        html.raw("</a> <span class=\"verdict-chip ").raw(tone_class(entry.tone())).raw("\">");
        html.text(&entry.claim.verdict).raw("</span></li>\n");
    }
    html.raw("</ol>\n</nav>\n");
}

fn sources(html: &mut Html, report: &Report<'_>) {
    if report.sources.is_empty() {
        return;
    }
    html.raw("<section class=\"sources\" id=\"sources\">\n<h2>Sources</h2>\n<ol>\n");
    for (id, source) in &report.sources {
        source_entry(html, *id, source);
    }
    html.raw("</ol>\n</section>\n");
}

fn source_entry(html: &mut Html, id: SourceId, source: &Source) {
    let meta = &source.meta;
    html.raw("<li").attr("id", &format!("source-{id}")).raw(">");
    html.raw("<span class=\"source-id\">").number(id).raw("</span> <cite>").text(source.display_title()).raw("</cite>");
    let facts: Vec<&str> = [meta.outlet.as_str(), meta.author.as_str(), meta.published.as_str()]
        .into_iter()
        .filter(|fact| text::present(fact))
        .collect();
    html.raw("<p class=\"source-facts\">").text(&facts.join(" · "));
    if !facts.is_empty() {
        html.raw(" · ");
    }
    html.text(source.content.format.label()).raw("</p>");
    if text::present(&meta.url) {
        html.raw("<p class=\"source-url\">").web_link(&meta.url, &meta.url).raw("</p>");
    }
    if let Some(original) = &source.content.original {
        html.raw("<p class=\"source-file\">").text(&original.path).raw(" <span class=\"sha\">SHA-256 ");
        html.text(&original.sha256).raw("</span></p>");
    }
    if let Some(capture) = source.capture() {
        html.raw("<p class=\"source-capture\">Captured ").text(&crate::model::readable_utc(&capture.captured_at));
        html.raw(" from ").web_link(&capture.final_url, &capture.final_url);
        html.raw(", <span class=\"sha\">SHA-256 ").text(&capture.payload_sha256).raw("</span></p>");
    }
    html.raw("</li>\n");
}

/// The CSS class that colours a verdict by its tone.
pub(super) fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Accurate => "tone-accurate",
        Tone::Mixed => "tone-mixed",
        Tone::Inaccurate => "tone-inaccurate",
        Tone::Neutral => "tone-neutral",
    }
}
