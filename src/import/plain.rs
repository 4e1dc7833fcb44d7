//! Plain text files.

use super::{Imported, Refusal, decode_text, title_from_first_line};
use crate::model::{SourceFormat, SourceMeta};

pub fn import(bytes: &[u8]) -> Result<Imported, Refusal> {
    let decoded = decode_text(bytes)?;
    let title = title_from_first_line(&decoded.text);
    let notes = decoded.notes();
    Ok(Imported {
        notes,
        pages_without_text: Vec::new(),
        format: SourceFormat::PlainText,
        meta: SourceMeta { title, ..SourceMeta::default() },
        text: decoded.text,
        importer: "plain-1",
    })
}
