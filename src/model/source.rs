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
    /// Set when the file is a WARC archive of a web capture: where and when the page was
    /// fetched, and which record in the file holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture: Option<Box<Capture>>,
    /// For a picture or a scanned document: what OCR read from it and where. Absent for
    /// files whose text was not read from pixels, so their saved form is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Box<super::ocr::OcrLayer>>,
}

/// One step of a redirect chain: the address asked for and the status that sent the
/// client on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redirect {
    pub url: String,
    pub status: u16,
}

/// An earlier capture of the same page, kept in a newer capture's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierCapture {
    /// UTC, RFC 3339 (`2026-12-01T14:03:05Z`).
    pub captured_at: String,
    pub final_url: String,
    /// SHA-256 of the HTTP payload, lowercase hex.
    pub payload_sha256: String,
    /// The WARC file holding it, relative to the project folder.
    pub warc: String,
}

/// Provenance of a source captured from the web (or read from a WARC archive): what a
/// report cites to show where and when the text was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capture {
    /// The address the analyst asked for.
    pub requested_url: String,
    /// The address the page was finally served from, after redirects.
    pub final_url: String,
    /// UTC, RFC 3339 (`2026-12-01T14:03:05Z`).
    pub captured_at: String,
    /// Each redirect followed, in order; empty when the first answer was the page.
    #[serde(default)]
    pub redirects: Vec<Redirect>,
    /// HTTP status of the final response.
    pub status: u16,
    /// The `Content-Type` the server sent, as sent.
    #[serde(default)]
    pub content_type: String,
    /// SHA-256 of the HTTP payload (the page's bytes), lowercase hex.
    pub payload_sha256: String,
    /// `WARC-Record-ID` of the response record in the original file.
    pub warc_record_id: String,
    /// What wrote the WARC (`Crosscheck/0.1.0`, or the software named in an imported archive).
    #[serde(default)]
    pub software: String,
    /// Earlier captures of this page, oldest first.
    #[serde(default)]
    pub history: Vec<EarlierCapture>,
}

impl Capture {
    /// The provenance line of reports and the inspector:
    /// "captured 2026-12-01 14:03 UTC from URL, SHA-256 …".
    pub fn summary(&self) -> String {
        format!("captured {} from {}, SHA-256 {}", readable_utc(&self.captured_at), self.final_url, self.payload_sha256)
    }
}

/// `2026-12-01T14:03:05Z` as `2026-12-01 14:03 UTC`; anything else as it is.
pub fn readable_utc(stamp: &str) -> String {
    match (stamp.get(..10), stamp.get(11..16)) {
        (Some(date), Some(time)) if stamp.as_bytes().get(10) == Some(&b'T') => format!("{date} {time} UTC"),
        _ => stamp.to_owned(),
    }
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
    /// Where and when the source was captured from the web, if it was.
    pub fn capture(&self) -> Option<&Capture> {
        self.content.original.as_ref().and_then(|original| original.capture.as_deref())
    }

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
