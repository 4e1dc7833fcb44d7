//! Word documents (`.docx`, Office Open XML): `word/document.xml` for the body,
//! `word/footnotes.xml` and `word/endnotes.xml` for notes, `docProps/core.xml` for the
//! title, author and date.

use std::collections::HashMap;

use super::{Archive, Writer, Xml, date_part, walk};
use crate::import::{Imported, Refusal};
use crate::model::{SourceFormat, SourceMeta};

const IMPORTER: &str = "docx-1";

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let mut archive = Archive::open(bytes, "Word document")?;
    let Some(document) = archive.part("word/document.xml")? else {
        return Err(Refusal::Malformed(
            "it is a ZIP archive but not a Word document (no word/document.xml)".to_owned(),
        ));
    };
    let mut notes = HashMap::new();
    for (part, kind) in [("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")] {
        if let Some(xml) = archive.part(part)? {
            notes.insert(kind, note_texts(&xml, part, kind)?);
        }
    }
    let text = body(&document, &notes)?;
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let meta = match archive.part("docProps/core.xml")? {
        Some(xml) => properties(&xml)?,
        None => SourceMeta::default(),
    };
    Ok(Imported {
        format: SourceFormat::Docx,
        text,
        meta,
        importer: IMPORTER,
        notes: Vec::new(),
        pages_without_text: Vec::new(),
    })
}

/// State of the walk through `document.xml`.
#[derive(Default)]
struct Body {
    writer: Writer,
    /// Inside `w:t`: the only element whose text is document text (field codes and deleted
    /// runs have their own elements and are skipped by not being `w:t`).
    in_text: bool,
    /// Inside `w:del`: tracked deletions are not part of the document as it reads.
    deleted: usize,
    list_item: bool,
    paragraph_started: bool,
}

fn body(xml: &str, notes: &HashMap<&str, HashMap<String, String>>) -> Result<String, Refusal> {
    let mut state = Body::default();
    walk(xml, "word/document.xml", |event| match event {
        Xml::Start { name, .. } => match *name {
            "p" => {
                state.list_item = false;
                state.paragraph_started = false;
            }
            "numPr" => state.list_item = true,
            "t" => {
                start_paragraph(&mut state);
                state.in_text = true;
            }
            "del" => state.deleted += 1,
            "tab" if state.deleted == 0 => state.writer.text("\t"),
            "br" | "cr" if state.deleted == 0 => state.writer.text("\n"),
            "tbl" => state.writer.start_table(),
            "footnoteReference" | "endnoteReference" => {
                let kind = if *name == "footnoteReference" { "footnote" } else { "endnote" };
                let id = event.attribute("id").unwrap_or_default();
                let text = notes.get(kind).and_then(|texts| texts.get(id)).map_or("", String::as_str);
                start_paragraph(&mut state);
                state.writer.note(text);
            }
            _ => {}
        },
        Xml::End { name } => match *name {
            "t" => state.in_text = false,
            "p" => state.writer.end_paragraph(),
            "del" => state.deleted = state.deleted.saturating_sub(1),
            "tc" => state.writer.end_cell(),
            "tr" => state.writer.end_row(),
            "tbl" => state.writer.end_table(),
            _ => {}
        },
        Xml::Text(text) => {
            if state.in_text && state.deleted == 0 {
                state.writer.text(text);
            }
        }
    })?;
    Ok(state.writer.finish())
}

/// The bullet goes in when the paragraph's first text arrives, by which time its properties
/// (`w:pPr`, where list membership is stated) have been read.
fn start_paragraph(state: &mut Body) {
    if !state.paragraph_started {
        state.paragraph_started = true;
        state.writer.start_paragraph(state.list_item);
    }
}

/// Note id → note text, separators left out.
fn note_texts(xml: &str, part: &str, kind: &str) -> Result<HashMap<String, String>, Refusal> {
    let mut texts = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    walk(xml, part, |event| match event {
        Xml::Start { name, .. } if *name == kind => {
            let separator = event.attribute("type").is_some_and(|kind| kind.contains("eparator"));
            current = (!separator).then(|| (event.attribute("id").unwrap_or_default().to_owned(), String::new()));
        }
        Xml::Start { name: "t", .. } => in_text = true,
        Xml::End { name: "t" } => in_text = false,
        Xml::End { name: "p" } => {
            if let Some((_, text)) = current.as_mut() {
                text.push(' ');
            }
        }
        Xml::End { name } if *name == kind => {
            if let Some((id, text)) = current.take() {
                texts.insert(id, text.trim().to_owned());
            }
        }
        Xml::Text(text) if in_text => {
            if let Some((_, note)) = current.as_mut() {
                note.push_str(text);
            }
        }
        _ => {}
    })?;
    Ok(texts)
}

/// Title, author, language and creation date from `docProps/core.xml`.
fn properties(xml: &str) -> Result<SourceMeta, Refusal> {
    let mut meta = SourceMeta::default();
    let mut field: Option<String> = None;
    walk(xml, "docProps/core.xml", |event| match event {
        Xml::Start { name, .. } => field = Some((*name).to_owned()),
        Xml::End { .. } => field = None,
        Xml::Text(text) => {
            let text = text.trim();
            match field.as_deref() {
                Some("title") => text.clone_into(&mut meta.title),
                Some("creator") => text.clone_into(&mut meta.author),
                Some("language") => text.clone_into(&mut meta.language),
                Some("created") => meta.published = date_part(text),
                _ => {}
            }
        }
    })?;
    Ok(meta)
}
