//! A source document: what the analyst reads and where it came from.

use serde::{Deserialize, Serialize};

/// The format a source's text was extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceFormat {
    PlainText,
    Markdown,
    Html,
    Pdf,
    Docx,
    Odt,
    /// A picture (screenshot, photograph, scan) whose text was read by OCR.
    Image,
}

impl SourceFormat {
    pub fn label(self) -> &'static str {
        match self {
            Self::PlainText => "Plain text",
            Self::Markdown => "Markdown",
            Self::Html => "Web page",
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Odt => "OpenDocument text",
            Self::Image => "Image",
        }
    }
}

/// The descriptive fields of a source, edited together in the app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub title: String,
    /// Outlet or publisher.
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub author: String,
    /// Publication date as written by the analyst, ideally `YYYY-MM-DD`.
    #[serde(default)]
    pub published: String,
    #[serde(default)]
    pub url: String,
    /// Language tag such as `en` or `de-CH`, when known.
    #[serde(default)]
    pub language: String,
}

/// The file a source was imported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OriginalFile {
    /// Path relative to the project file's folder, with `/` separators, so a project
    /// folder can move between machines and operating systems.
    pub path: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Version of the importer that produced the text, so an upgrade can offer re-import.
    #[serde(default)]
    pub importer: String,
    /// For a picture or a scanned document: what OCR read from it and where. Absent for
    /// files whose text was not read from pixels, so their saved form is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Box<super::ocr::OcrLayer>>,
}

/// The text of a source and what it was made from; replaced as a whole on re-import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceContent {
    pub format: SourceFormat,
    /// The extracted text the analyst reads; anchors count characters of it.
    pub text: String,
    pub original: Option<OriginalFile>,
}

/// One source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub meta: SourceMeta,
    pub content: SourceContent,
}

impl Source {
    pub fn text(&self) -> &str {
        &self.content.text
    }

    /// The title, or a stand-in naming the file so that no source is nameless on screen.
    pub fn display_title(&self) -> &str {
        if !self.meta.title.trim().is_empty() {
            return &self.meta.title;
        }
        self.content
            .original
            .as_ref()
            .and_then(|original| original.path.rsplit('/').next())
            .unwrap_or("Untitled source")
    }
}
