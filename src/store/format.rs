//! The text of a project file: a versioned RON envelope around the project.
//!
//! ```text
//! // Crosscheck project file
//! (
//!     format: "crosscheck-project",
//!     version: 3,
//!     project: ( ... ),
//! )
//! ```
//! The version is read first, on its own, so a newer file is refused by name and an
//! older one is handed to [`super::migrate`] before the project itself is parsed.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::{LoadError, migrate};
use crate::model::Project;

/// The `format` every project file declares.
pub const FORMAT_NAME: &str = "crosscheck-project";
/// The version this build writes. Bump it, and add a migration, whenever the saved shape changes.
pub const FORMAT_VERSION: u32 = 3;

const HEADER_COMMENT: &str = "// Crosscheck project file. Edit with care: offsets count characters.\n";

#[derive(Serialize)]
struct Envelope<'p> {
    format: &'static str,
    version: u32,
    project: &'p Project,
}

/// Only the version fields; the rest of the file is skipped.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// The whole file. Unknown fields are refused, here and throughout the current model:
/// they would be dropped on the next save.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Body<P> {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    pub project: P,
}

/// A problem with a file's text, before it is tied to a path.
#[derive(Debug)]
pub enum FormatError {
    Syntax { line: usize, column: usize, message: String },
    NotAProject(String),
    Newer(u32),
}

impl FormatError {
    pub(super) fn at(self, path: &Path) -> LoadError {
        let path = path.to_owned();
        match self {
            Self::Syntax { line, column, message } => LoadError::Syntax { path, line, column, message },
            Self::NotAProject(found) => LoadError::NotAProject { path, found },
            Self::Newer(version) => LoadError::Newer { path, version },
        }
    }
}

impl From<ron::error::SpannedError> for FormatError {
    fn from(error: ron::error::SpannedError) -> Self {
        Self::Syntax { line: error.span.start.line, column: error.span.start.col, message: error.code.to_string() }
    }
}

/// The file text for a project. The same project always gives the same bytes.
pub fn to_ron(project: &Project) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        // Tabs: a quarter of the whitespace to write and to skip when loading large projects.
        .indentor("\t")
        .struct_names(false)
        // Source texts keep their line breaks, so a changed paragraph is a small diff.
        .escape_strings(false);
    let envelope = Envelope { format: FORMAT_NAME, version: FORMAT_VERSION, project };
    let mut text = String::from(HEADER_COMMENT);
    text.push_str(&ron::ser::to_string_pretty(&envelope, config)?);
    text.push('\n');
    Ok(text)
}

/// Reads the format and version. Files put them before the project, so parsing just that
/// head is enough and keeps a large file from being parsed twice; anything unusual falls
/// back to parsing the whole text, which also gives the right error position.
fn read_header(text: &str) -> Result<Header, FormatError> {
    let head = text.find("project:").map(|end| format!("{})", &text[..end]));
    if let Some(header) = head.and_then(|head| ron::from_str::<Header>(&head).ok()) {
        return Ok(header);
    }
    Ok(ron::from_str(text)?)
}

/// Parses a project file's text, migrating older versions. Returns the project and the
/// version it was migrated from, if any.
pub fn from_ron(text: &str) -> Result<(Project, Option<u32>), FormatError> {
    let header = read_header(text)?;
    if header.format != FORMAT_NAME {
        return Err(FormatError::NotAProject(header.format));
    }
    match header.version {
        FORMAT_VERSION => Ok((ron::from_str::<Body<Project>>(text)?.project, None)),
        version if version > FORMAT_VERSION => Err(FormatError::Newer(version)),
        version => Ok((migrate::from_version(version, text)?, Some(version))),
    }
}
