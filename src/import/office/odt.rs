//! ODF text documents (`.odt`): `content.xml` for the body and its notes, `meta.xml` for the
//! title, author and date.

use super::{Archive, Writer, Xml, date_part, walk};
use crate::import::{Imported, Refusal};
use crate::model::{SourceFormat, SourceMeta};

const IMPORTER: &str = "odt-1";

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let mut archive = Archive::open(bytes, "OpenDocument text")?;
    let Some(content) = archive.part("content.xml")? else {
        return Err(Refusal::Malformed("it is a ZIP archive but not an OpenDocument file (no content.xml)".to_owned()));
    };
    let text = body(&content)?;
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let meta = match archive.part("meta.xml")? {
        Some(xml) => properties(&xml)?,
        None => SourceMeta::default(),
    };
    Ok(Imported {
        format: SourceFormat::Odt,
        text,
        meta,
        importer: IMPORTER,
        notes: Vec::new(),
        pages_without_text: Vec::new(),
    })
}

#[derive(Default)]
struct Body {
    writer: Writer,
    list_depth: usize,
    /// Text of the note being read; notes sit inline in ODT, inside the paragraph citing them.
    note: Option<String>,
    in_citation: bool,
}

fn body(xml: &str) -> Result<String, Refusal> {
    let mut state = Body::default();
    walk(xml, "content.xml", |event| match event {
        Xml::Start { name, .. } => match *name {
            "p" | "h" if state.note.is_none() => state.writer.start_paragraph(state.list_depth > 0),
            "list-item" => state.list_depth += 1,
            "s" => {
                let count = event.attribute("c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1).min(100);
                push(&mut state, &" ".repeat(count));
            }
            "tab" => push(&mut state, "\t"),
            "line-break" => push(&mut state, "\n"),
            "table" => state.writer.start_table(),
            "note" => state.note = Some(String::new()),
            "note-citation" => state.in_citation = true,
            _ => {}
        },
        Xml::End { name } => match *name {
            "p" | "h" => match state.note.as_mut() {
                Some(note) => note.push(' '),
                None => state.writer.end_paragraph(),
            },
            "list-item" => state.list_depth = state.list_depth.saturating_sub(1),
            "table-cell" => state.writer.end_cell(),
            "table-row" => state.writer.end_row(),
            "table" => state.writer.end_table(),
            "note" => {
                let note = state.note.take().unwrap_or_default();
                state.writer.note(note.trim());
            }
            "note-citation" => state.in_citation = false,
            _ => {}
        },
        Xml::Text(text) => {
            if !state.in_citation {
                push(&mut state, text);
            }
        }
    })?;
    Ok(state.writer.finish())
}

fn push(state: &mut Body, text: &str) {
    match state.note.as_mut() {
        Some(note) => note.push_str(text),
        None => state.writer.text(text),
    }
}

fn properties(xml: &str) -> Result<SourceMeta, Refusal> {
    let mut meta = SourceMeta::default();
    let mut field: Option<String> = None;
    walk(xml, "meta.xml", |event| match event {
        Xml::Start { name, .. } => field = Some((*name).to_owned()),
        Xml::End { .. } => field = None,
        Xml::Text(text) => {
            let text = text.trim();
            match field.as_deref() {
                Some("title") => text.clone_into(&mut meta.title),
                Some("initial-creator" | "creator") if meta.author.is_empty() => text.clone_into(&mut meta.author),
                Some("language") => text.clone_into(&mut meta.language),
                Some("creation-date") => meta.published = date_part(text),
                _ => {}
            }
        }
    })?;
    Ok(meta)
}
