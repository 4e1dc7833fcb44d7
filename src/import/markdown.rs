//! Markdown files, read as the text a reader sees: markup gone, paragraphs, headings and
//! list items kept on lines of their own.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Imported, Refusal, decode_text, title_from_first_line};
use crate::model::{SourceFormat, SourceMeta};

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let decoded = decode_text(bytes)?;
    let (text, heading) = render(&decoded.text);
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let title = heading.unwrap_or_else(|| title_from_first_line(&text));
    let notes = decoded.notes();
    Ok(Imported {
        notes,
        pages_without_text: Vec::new(),
        format: SourceFormat::Markdown,
        meta: SourceMeta { title, ..SourceMeta::default() },
        text,
        importer: "markdown-1",
    })
}

/// Readable text of a Markdown document, and its first top-level heading.
fn render(markdown: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(markdown.len());
    let mut first_heading: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut list_depth = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                end_block(&mut out);
                if level == pulldown_cmark::HeadingLevel::H1 && first_heading.is_none() {
                    heading = Some(String::new());
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(done) = heading.take() {
                    first_heading = Some(done.trim().to_owned());
                }
                end_block(&mut out);
            }
            // Inside a list, blocks stay on the item's line.
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_))
            | Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table)
                if list_depth == 0 =>
            {
                end_block(&mut out);
            }
            Event::Start(Tag::List(_)) => {
                if list_depth == 0 {
                    end_block(&mut out);
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 {
                    end_block(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                end_line(&mut out);
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("• ");
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                if out.ends_with('\t') {
                    out.pop();
                }
                end_line(&mut out);
            }
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                }
                out.push_str(&text);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => end_block(&mut out),
            Event::FootnoteReference(label) => {
                out.push('[');
                out.push_str(&label);
                out.push(']');
            }
            _ => {}
        }
    }
    (out.trim_end().to_owned(), first_heading.filter(|h| !h.is_empty()))
}

/// Ends the current line, if any.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Leaves one blank line after the text so far.
fn end_block(out: &mut String) {
    if out.is_empty() {
        return;
    }
    end_line(out);
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_structure_stays() {
        let (text, title) = render(
            "# Accord signed\n\n**By Ana Rel**\n\nThe *ministers* met in [Halvik](https://example.org).\nThey agreed.\n\n- first point\n- second point\n\nLast line.",
        );
        assert_eq!(title.as_deref(), Some("Accord signed"));
        assert_eq!(
            text,
            "Accord signed\n\nBy Ana Rel\n\nThe ministers met in Halvik. They agreed.\n\n• first point\n• second point\n\nLast line."
        );
    }

    #[test]
    fn tables_keep_their_cells_apart() {
        let (text, _) = render("| Country | Share |\n|---|---|\n| Kessary | 60% |\n");
        assert_eq!(text, "Country\tShare\nKessary\t60%");
    }
}
