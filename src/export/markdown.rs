//! The Markdown report: the HTML report's content, readable as plain text.
//!
//! Only `CommonMark` constructs that every common renderer shares (headings, lists,
//! emphasis, block quotes, links) are used, so it renders the same on GitHub, GitLab and
//! in Pandoc. Project text is escaped so that it can never become markup: no raw HTML,
//! no links, no headings or lists out of a source's words.

use std::fmt::{self, Write as _};

use super::progress::Ticker;
use super::report::{ClaimEntry, Report, correct_passage, resolution};
use super::{ExportError, location, text, url};
use crate::model::{Anchor, Conflict, ConflictId, Source, SourceId};

pub(super) fn write(report: &Report<'_>, ticker: &mut Ticker<'_>) -> Result<Vec<u8>, ExportError> {
    let mut out = String::with_capacity(4_096 + report.claims.len() * 2_048);
    masthead(&mut out, report)?;
    summary(&mut out, report)?;
    for entry in &report.claims {
        claim(&mut out, report, entry)?;
        ticker.claim_done()?;
    }
    if !report.other_conflicts.is_empty() {
        out.push_str("\n---\n\n## Other disagreements between the sources\n");
        for (id, conflict) in &report.other_conflicts {
            self::conflict(&mut out, report, *id, conflict)?;
        }
    }
    if !report.sources.is_empty() {
        out.push_str("\n---\n\n## Sources\n\n");
        for (id, source) in &report.sources {
            source_entry(&mut out, *id, source)?;
        }
    }
    Ok(out.into_bytes())
}

fn masthead(out: &mut String, report: &Report<'_>) -> fmt::Result {
    let info = &report.project.info;
    writeln!(out, "# {}\n", inline(report.title()))?;
    let mut byline = Vec::new();
    if text::present(&info.organisation) {
        byline.push(format!("**{}**", inline(&info.organisation)));
    }
    if text::present(&report.options.published) {
        byline.push(format!("Published {}", inline(&report.options.published)));
    }
    if text::present(&info.url) {
        byline.push(link(&info.url, &info.url));
    }
    if !byline.is_empty() {
        writeln!(out, "{}\n", byline.join(" · "))?;
    }
    Ok(())
}

fn summary(out: &mut String, report: &Report<'_>) -> fmt::Result {
    let counts = &report.summary;
    out.push_str("## Summary\n\n");
    writeln!(out, "- Claims: {} ({} with a verdict)", counts.claims, counts.reviewed)?;
    let stances: Vec<String> = counts
        .stances
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stance, count)| format!("{count} {}", stance.label().to_lowercase()))
        .collect();
    if stances.is_empty() {
        writeln!(out, "- Evidence: {}", counts.evidence)?;
    } else {
        writeln!(out, "- Evidence: {} ({})", counts.evidence, stances.join(", "))?;
    }
    writeln!(out, "- Conflicts: {} ({} open)", counts.conflicts, counts.open_conflicts)?;
    writeln!(out, "- Sources: {}", counts.sources)?;
    if !counts.verdicts.is_empty() {
        out.push_str("\nClaims by verdict:\n\n");
        for (label, count) in &counts.verdicts {
            writeln!(out, "- {}: {count}", inline(label))?;
        }
    }
    if report.claims.is_empty() {
        out.push_str("\n*No claims match this report's selection.*\n");
    }
    Ok(())
}

fn claim(out: &mut String, report: &Report<'_>, entry: &ClaimEntry<'_>) -> fmt::Result {
    let claim = entry.claim;
    write!(out, "\n---\n\n## {}. {}\n\n**Verdict: {}**", entry.id, inline(&claim.statement), inline(&claim.verdict))?;
    if let Some(rating) = entry.rating(report.project) {
        write!(
            out,
            ", rated {} on a scale from {} (least accurate) to {} (most accurate)",
            rating.value, rating.worst, rating.best
        )?;
    }
    out.push_str("\n\n");
    let mut facts = Vec::new();
    if text::present(&claim.claimant) {
        facts.push(format!("Claimed by: {}", inline(&claim.claimant)));
    }
    if !claim.appearances.is_empty() {
        let places: Vec<String> = claim.appearances.iter().map(|anchor| source_reference(report, anchor)).collect();
        facts.push(format!("Appears in: {}", places.join("; ")));
    }
    if !claim.tags.is_empty() {
        let tags: Vec<String> = claim.tags.iter().map(|tag| inline(tag)).collect();
        facts.push(format!("Tags: {}", tags.join(", ")));
    }
    if !facts.is_empty() {
        // Two trailing spaces: a hard line break in CommonMark, plain lines as text.
        writeln!(out, "{}\n", facts.join("  \n"))?;
    }
    if text::present(&claim.explanation) {
        writeln!(out, "### Why this verdict\n\n{}\n", block(&claim.explanation, ""))?;
    }
    if !entry.evidence.is_empty() {
        out.push_str("### Evidence\n\n");
        for (_, evidence) in &entry.evidence {
            writeln!(out, "- **{}**: {}", evidence.stance.label(), source_reference(report, &evidence.passage))?;
            if report.options.quotes {
                writeln!(out, "\n  > {}", inline(&evidence.passage.exact))?;
            }
            if report.options.notes && text::present(&evidence.note) {
                writeln!(out, "\n  *Note:* {}", block(&evidence.note, "  "))?;
            }
            out.push('\n');
        }
    }
    if !entry.conflicts.is_empty() {
        out.push_str("### Where the sources disagree\n");
        for (id, conflict) in &entry.conflicts {
            self::conflict(out, report, *id, conflict)?;
        }
    }
    if report.options.notes && text::present(&claim.notes) {
        writeln!(out, "### Notes\n\n{}\n", block(&claim.notes, ""))?;
    }
    Ok(())
}

fn conflict(out: &mut String, report: &Report<'_>, id: ConflictId, conflict: &Conflict) -> fmt::Result {
    let status = if conflict.status.is_open() { "open" } else { "resolved" };
    write!(out, "\n#### {id} {}", conflict.kind.label())?;
    if text::present(&conflict.summary) {
        write!(out, ": {}", inline(&conflict.summary))?;
    }
    writeln!(out, " ({status})\n")?;
    let correct = correct_passage(conflict);
    for (n, passage) in conflict.passages.iter().enumerate() {
        let label = if correct == Some(n) { "**Correct** \u{2013} " } else { "" };
        writeln!(out, "- {label}{}\n", source_reference(report, passage))?;
        writeln!(out, "  > {}\n", in_context(passage))?;
    }
    if let Some(note) = resolution(conflict).filter(|note| text::present(note)) {
        writeln!(out, "**Resolution:** {}\n", block(note, ""))?;
    }
    Ok(())
}

fn source_entry(out: &mut String, id: SourceId, source: &Source) -> fmt::Result {
    let meta = &source.meta;
    let facts: Vec<String> = [meta.outlet.as_str(), meta.author.as_str(), meta.published.as_str()]
        .into_iter()
        .filter(|fact| text::present(fact))
        .map(inline)
        .chain([source.content.format.label().to_owned()])
        .collect();
    write!(out, "- **{id}** *{}*  \n  {}", inline(source.display_title()), facts.join(" · "))?;
    if text::present(&meta.url) {
        write!(out, "  \n  {}", link(&meta.url, &meta.url))?;
    }
    if let Some(original) = &source.content.original {
        write!(out, "  \n  {}, SHA-256 {}", inline(&original.path), inline(&original.sha256))?;
    }
    if let Some(capture) = source.capture() {
        let when = crate::model::readable_utc(&capture.captured_at);
        write!(
            out,
            "  \n  Captured {} from {}, SHA-256 {}",
            inline(&when),
            link(&capture.final_url, &capture.final_url),
            inline(&capture.payload_sha256)
        )?;
    }
    out.push_str("\n\n");
    Ok(())
}

/// "*Title* (Outlet, date), location".
fn source_reference(report: &Report<'_>, anchor: &Anchor) -> String {
    let title = inline(&report.source_title(anchor));
    let place = location::describe(anchor, report.source(anchor));
    let facts: Vec<&str> = report.source(anchor).map_or_else(Vec::new, |source| {
        [source.meta.outlet.as_str(), source.meta.published.as_str()]
            .into_iter()
            .filter(|fact| text::present(fact))
            .collect()
    });
    if facts.is_empty() {
        format!("*{title}*, {place}")
    } else {
        format!("*{title}* ({}), {place}", inline(&facts.join(", ")))
    }
}

/// A conflict passage with its context, the passage itself in bold.
fn in_context(passage: &Anchor) -> String {
    let before = text::squash(&passage.prefix);
    let after = text::squash(&passage.suffix);
    let mut quoted = String::new();
    if !before.is_empty() {
        quoted.push('…');
        quoted.push_str(&inline(&before));
        if passage.prefix.ends_with(char::is_whitespace) {
            quoted.push(' ');
        }
    }
    quoted.push_str("**");
    quoted.push_str(&inline(&passage.exact));
    quoted.push_str("**");
    if !after.is_empty() {
        if passage.suffix.starts_with(char::is_whitespace) {
            quoted.push(' ');
        }
        quoted.push_str(&inline(&after));
        quoted.push('…');
    }
    quoted
}

/// `text` as a link when `href` is an `http(s)` URL, as escaped text otherwise.
fn link(href: &str, text: &str) -> String {
    match url::web_link(href) {
        Some(safe) => format!("[{}]({safe})", inline(text)),
        None => inline(text),
    }
}

/// Project text for use within a line: whitespace squashed, every character that could
/// start markup escaped. Backslash escapes of ASCII punctuation are plain `CommonMark`.
pub(crate) fn inline(text: &str) -> String {
    let squashed = text::squash(text);
    let mut out = String::with_capacity(squashed.len() + 8);
    // Whether every character so far is a digit: "12." would start an ordered list.
    let mut digits_only = true;
    for (n, c) in squashed.chars().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$' => true,
            // List markers and setext underlines only count at the start of a line, and
            // project text can start one (a paragraph of an explanation, say).
            '-' | '+' | '=' => n == 0,
            '.' | ')' => n > 0 && digits_only,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        digits_only &= c.is_ascii_digit();
    }
    out
}

/// Multi-paragraph project text; paragraphs after the first are indented by `indent` so
/// they stay inside a list item.
fn block(text: &str, indent: &str) -> String {
    let paragraphs: Vec<String> = text::paragraphs(text).iter().map(|paragraph| inline(paragraph)).collect();
    paragraphs.join(&format!("\n\n{indent}"))
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn markup_in_project_text_is_escaped() {
        assert_eq!(inline("a *b* [c](javascript:x) <img>"), "a \\*b\\* \\[c\\](javascript:x) \\<img\\>");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("12. not a list"), "12\\. not a list");
        assert_eq!(inline("Version 1.2 - fine"), "Version 1.2 - fine");
        assert_eq!(inline("line\n=== under"), "line === under");
    }
}
