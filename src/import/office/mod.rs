//! Word (`.docx`) and ODF text (`.odt`) files: both are ZIP archives of XML, read here
//! with hard caps so that a ZIP bomb or a lying size field costs nothing.
//!
//! The two formats differ only in element names; [`Writer`] turns their paragraphs, headings,
//! list items, table rows and notes into the same readable text.

pub mod docx;
pub mod odt;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::Refusal;

/// No XML part may unpack to more than this (a Word document of 2,000 pages is ~10 MB).
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// An opened archive.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], kind: &str) -> Result<Self, Refusal> {
        if bytes.is_empty() {
            return Err(Refusal::Empty);
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
            Refusal::Malformed(format!("it is not a readable {kind} (damaged or truncated: {error})"))
        })?;
        Ok(Self { zip })
    }

    /// The text of the part at `name`, `None` if the archive has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(message)) if message.to_ascii_lowercase().contains("password") => {
                return Err(Refusal::Encrypted);
            }
            Err(error) => return Err(Refusal::Malformed(format!("its part {name} cannot be read ({error})"))),
        };
        if file.encrypted() {
            return Err(Refusal::Encrypted);
        }
        if file.size() > MAX_PART_BYTES {
            return Err(too_large(name));
        }
        // The declared size can lie; the cap on what is actually read cannot.
        let mut bytes = Vec::new();
        (&mut file)
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Refusal::Malformed(format!("its part {name} is damaged ({error})")))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(too_large(name));
        }
        String::from_utf8(bytes).map(Some).map_err(|_| Refusal::Malformed(format!("its part {name} is not UTF-8 XML")))
    }
}

fn too_large(name: &str) -> Refusal {
    Refusal::Malformed(format!("its part {name} unpacks to more than {} MB", MAX_PART_BYTES >> 20))
}

fn xml_refusal(part: &str, error: &quick_xml::Error) -> Refusal {
    Refusal::Malformed(format!("its part {part} is not well-formed XML ({error})"))
}

/// Builds readable text from paragraph-level events; tables become one line per row with
/// cells separated by " | ", notes are numbered in reading order and listed at the end.
#[derive(Default)]
pub struct Writer {
    blocks: Vec<String>,
    current: String,
    /// Cells of the table row being read, innermost table only.
    row: Vec<String>,
    table_depth: usize,
    notes: Vec<String>,
}

impl Writer {
    /// Text for the current paragraph.
    pub fn text(&mut self, text: &str) {
        self.current.push_str(text);
    }

    /// Starts a paragraph; list items and headings get no markup beyond a bullet, as in the
    /// Markdown importer.
    pub fn start_paragraph(&mut self, list_item: bool) {
        if self.table_depth == 0 && list_item {
            self.current.push_str("• ");
        }
    }

    pub fn end_paragraph(&mut self) {
        if self.table_depth > 0 {
            // Paragraphs within a cell run on in that cell.
            if !self.current.ends_with(' ') && !self.current.is_empty() {
                self.current.push(' ');
            }
            return;
        }
        let text = self.current.trim().to_owned();
        self.current.clear();
        if !text.is_empty() && text != "•" {
            self.blocks.push(text);
        }
    }

    pub fn start_table(&mut self) {
        self.end_paragraph();
        self.table_depth += 1;
    }

    pub fn end_table(&mut self) {
        self.table_depth = self.table_depth.saturating_sub(1);
    }

    pub fn end_cell(&mut self) {
        self.row.push(self.current.trim().to_owned());
        self.current.clear();
    }

    pub fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        if row.iter().any(|cell| !cell.is_empty()) {
            self.blocks.push(row.join(" | "));
        }
    }

    /// Marks a note's place in the text and records its text; returns nothing, the marker is
    /// the note's number in reading order.
    pub fn note(&mut self, text: &str) {
        self.notes.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        self.current.push('[');
        self.current.push_str(&self.notes.len().to_string());
        self.current.push(']');
    }

    /// The document's text, notes listed after the body.
    pub fn finish(mut self) -> String {
        self.end_paragraph();
        let mut text = self.blocks.join("\n\n");
        if !self.notes.is_empty() {
            text.push_str("\n\nNotes");
            for (number, note) in self.notes.iter().enumerate() {
                text.push_str("\n\n[");
                text.push_str(&(number + 1).to_string());
                text.push_str("] ");
                text.push_str(note);
            }
        }
        text
    }
}

/// `2026-03-03T09:00:00Z` → `2026-03-03`.
fn date_part(value: &str) -> String {
    value.trim().chars().take(10).collect()
}

/// One XML event with namespace prefixes dropped; an empty element comes as `Start` then
/// `End`, and entity references arrive already resolved as `Text`.
#[derive(Debug)]
pub enum Xml<'a> {
    Start { name: &'a str, attributes: Vec<(String, String)> },
    End { name: &'a str },
    Text(String),
}

impl Xml<'_> {
    /// The value of the attribute with this local name.
    pub fn attribute(&self, local: &str) -> Option<&str> {
        match self {
            Self::Start { attributes, .. } => {
                attributes.iter().find(|(key, _)| key == local).map(|(_, value)| value.as_str())
            }
            _ => None,
        }
    }
}

/// Calls `visit` with every event of the XML part named `part`.
pub fn walk(xml: &str, part: &str, mut visit: impl FnMut(&Xml<'_>)) -> Result<(), Refusal> {
    use quick_xml::events::Event;

    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        let event = reader.read_event().map_err(|error| xml_refusal(part, &error))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let name = local(element.name().0);
                let attributes = element
                    .attributes()
                    .flatten()
                    .map(|attribute| {
                        let value = attribute
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_or_else(|_| attribute.value.to_string(), std::borrow::Cow::into_owned);
                        (local(attribute.key.0).to_owned(), value)
                    })
                    .collect();
                visit(&Xml::Start { name, attributes });
                if empty {
                    visit(&Xml::End { name });
                }
            }
            Event::End(element) => visit(&Xml::End { name: local(element.name().0) }),
            Event::Text(text) => visit(&Xml::Text(text.xml10_content().into_owned())),
            Event::CData(data) => visit(&Xml::Text(data.xml10_content().into_owned())),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference).map(str::to_owned),
                };
                if let Some(text) = resolved {
                    visit(&Xml::Text(text));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `w:t` → `t`.
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}
