//! Capturing sources from the web, with provenance that holds up: the page is fetched
//! ([`fetch`]), kept whole as a WARC archive in the project's `sources/` folder ([`warc`],
//! [`archive`]), read by the importers like any file, and the capture's time, addresses,
//! status and payload digest are recorded with the source ([`crate::model::Capture`]).
//!
//! Nothing here runs unless the analyst asks for a capture: opening a project never
//! touches the network. A capture that fails writes nothing.

pub mod archive;
pub mod fetch;
mod page;
pub mod warc;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use thiserror::Error;

pub use archive::sources_from_warc;
pub use fetch::{FetchError, FetchOptions, fetch, parse_web_url};

use crate::import::Refusal;
use crate::model::{Capture, EarlierCapture, OriginalFile, Source, SourceContent};
use crate::store::{self, NewSource, sha256_hex};

/// Where Crosscheck can be found, for the User-Agent; empty until the package names one.
pub const PROJECT_URL: &str = env!("CARGO_PKG_REPOSITORY");

/// Why a capture or an archive gave no source.
#[derive(Debug, Error)]
pub enum CaptureError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{url} is {what}, not a web page or PDF Crosscheck can read")]
    NotReadable { url: String, what: String },
    #[error("cannot read the page at {url}: {refusal}")]
    Import { url: String, refusal: Refusal },
    #[error("cannot keep the capture in the project's {} folder: {error}", store::SOURCES_DIR)]
    Copy { error: std::io::Error },
    #[error("the project has not been saved yet; save it first so the capture can be kept beside it")]
    Unsaved,
    #[error("cannot read {}: {reason}", path.display())]
    Unreadable { path: std::path::PathBuf, reason: String },
    #[error("cannot read the archive {}: {error}", path.display())]
    Warc { path: std::path::PathBuf, error: warc::WarcError },
    #[error("{} holds no web page or PDF Crosscheck can read ({skipped} responses skipped)", path.display())]
    NoPages { path: std::path::PathBuf, skipped: usize },
    #[error("the capture was cancelled")]
    Cancelled,
}

impl CaptureError {
    pub fn is_cancelled(&self) -> bool {
        matches!(
            self,
            Self::Cancelled | Self::Fetch(FetchError::Cancelled) | Self::Import { refusal: Refusal::Cancelled, .. }
        )
    }
}

/// The time now in UTC as RFC 3339 with seconds (`2026-12-01T14:03:05Z`), as WARC wants.
pub fn utc_now() -> String {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let seconds = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    chrono::DateTime::from_timestamp(seconds, 0).unwrap_or_default().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Captures `url` into the project in `project_dir`: fetches it, reads the page, and only
/// then writes its WARC into `sources/`. `earlier` is the history a re-capture carries on.
pub fn capture_source(
    url: &str,
    project_dir: &Path,
    options: &FetchOptions,
    earlier: Vec<EarlierCapture>,
    cancel: &AtomicBool,
) -> Result<NewSource, CaptureError> {
    let captured_at = utc_now();
    let fetched = fetch(url, options, cancel)?;
    let page = fetched.page();
    let document = page::read(&page.url, page.header("Content-Type").unwrap_or_default(), &page.body, cancel)?;
    let written = archive::write_capture(&fetched, url, &captured_at);
    let host = url::Url::parse(&page.url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
    let name = format!("{host}-{}.warc", captured_at.replace([':', '-'], ""));
    let path =
        store::adopt_original(project_dir, &name, &written.bytes).map_err(|error| CaptureError::Copy { error })?;
    let capture = Capture {
        requested_url: url.trim().to_owned(),
        final_url: page.url.clone(),
        captured_at,
        redirects: fetched.exchanges[..fetched.exchanges.len() - 1]
            .iter()
            .map(|hop| crate::model::Redirect { url: hop.url.clone(), status: hop.status })
            .collect(),
        status: page.status,
        content_type: page.header("Content-Type").unwrap_or_default().to_owned(),
        payload_sha256: sha256_hex(&page.body),
        warc_record_id: written.page_record_id,
        software: fetch::user_agent(),
        history: earlier,
    };
    Ok(new_source(document, path, sha256_hex(&written.bytes), capture))
}

/// Captures the page `source` was captured from again, carrying its history on.
pub fn capture_again(
    source: &Source,
    project_dir: &Path,
    options: &FetchOptions,
    cancel: &AtomicBool,
) -> Result<NewSource, CaptureError> {
    let Some(previous) = source.capture() else {
        return Err(CaptureError::Fetch(FetchError::BadAddress {
            url: source.meta.url.clone(),
            reason: "this source was not captured from the web".to_owned(),
        }));
    };
    let mut history = previous.history.clone();
    history.push(EarlierCapture {
        captured_at: previous.captured_at.clone(),
        final_url: previous.final_url.clone(),
        payload_sha256: previous.payload_sha256.clone(),
        warc: source.content.original.as_ref().map(|original| original.path.clone()).unwrap_or_default(),
    });
    capture_source(&previous.requested_url, project_dir, options, history, cancel)
}

/// A source from a page the importers read and the WARC that holds it.
fn new_source(
    document: crate::import::Imported,
    warc_path: String,
    warc_sha256: String,
    capture: Capture,
) -> NewSource {
    let mut meta = document.meta;
    if meta.url.trim().is_empty() {
        meta.url.clone_from(&capture.final_url);
    }
    if meta.title.trim().is_empty() {
        meta.title.clone_from(&capture.final_url);
    }
    let original = OriginalFile {
        path: warc_path,
        sha256: warc_sha256,
        importer: document.importer.to_owned(),
        capture: Some(Box::new(capture)),
        ocr: None,
    };
    let content = SourceContent { format: document.format, text: document.text, original: Some(original) };
    NewSource { source: Source { meta, content }, notes: document.notes }
}

/// Whether `path` names a WARC archive (`.warc`, `.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    let extension = |path: &Path| path.extension().map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension(path).as_deref() {
        Some("warc") => true,
        Some("gz") => path.file_stem().and_then(|stem| extension(Path::new(stem))).as_deref() == Some("warc"),
        _ => false,
    }
}

/// What became of one address or archive given to [`capture_into_project`]: the sources
/// added, or why none was.
pub type Outcome = (String, Result<Vec<crate::model::SourceId>, CaptureError>);

/// Captures each of `items` — web addresses, or `.warc`/`.warc.gz` archives to read — into
/// the project file at `project_path`, and saves it once with every source that was added;
/// returns each item's outcome in order (the ids of its sources, or why none).
pub fn capture_into_project(
    project_path: &Path,
    items: &[String],
    options: &FetchOptions,
) -> Result<Vec<Outcome>, anyhow::Error> {
    use anyhow::Context as _;
    // The app (or another capture) holding the project would overwrite or be overwritten.
    let lock = store::lock_project(project_path)
        .map_err(|error| anyhow::anyhow!("cannot capture into {}: {error}", project_path.display()))?;
    let loaded = store::load(project_path)?;
    let mut project = loaded.project;
    let folder = project_path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let cancel = AtomicBool::new(false);
    let mut outcomes = Vec::new();
    let mut added = false;
    for item in items {
        let read = if is_warc(Path::new(item)) && parse_web_url(item).is_err() {
            sources_from_warc(Path::new(item), Some(folder), &cancel)
        } else {
            capture_source(item, folder, options, Vec::new(), &cancel).map(|new| vec![new])
        };
        let outcome = read.and_then(|sources| {
            let mut ids = Vec::new();
            for new in sources {
                let id = project.ids.next_source();
                crate::edit::Edit::InsertSource { id, source: Box::new(new.source) }.apply(&mut project).map_err(
                    |error| CaptureError::Unreadable { path: project_path.to_owned(), reason: error.to_string() },
                )?;
                ids.push(id);
            }
            Ok(ids)
        });
        added |= outcome.is_ok();
        outcomes.push((item.clone(), outcome));
    }
    if added {
        store::save(&project, project_path).with_context(|| format!("saving {}", project_path.display()))?;
    }
    drop(lock);
    Ok(outcomes)
}

#[cfg(test)]
mod tests;
