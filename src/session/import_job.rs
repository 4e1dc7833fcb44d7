//! Importing files as a [`Task`]: folders are walked and each file read on the task's
//! thread, so a dropped folder of hundreds of PDFs never holds up the window; then what
//! was read becomes undoable edits of the workspace ([`take_imported`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::tasks::{Progress, Task, Wake};
use super::{Effect, Notice, Workspace};
use crate::edit::Edit;
use crate::model::SourceId;
use crate::store::{self, NewSource};

/// What the import thread reports.
pub enum ImportEvent {
    /// Boxed: a source carries its whole text, a failure only a message.
    Imported {
        file: PathBuf,
        source: Box<NewSource>,
    },
    Failed(String),
}

/// A running import.
pub struct ImportJob {
    /// Sources whose text the file at each path replaces (re-import or relink); files
    /// not listed become new sources.
    pub replaces: BTreeMap<PathBuf, SourceId>,
    /// For "Capture again": the earlier capture, to compare with the new one when it lands.
    pub compare_with: Option<SourceId>,
    task: Task<ImportEvent>,
}

impl ImportJob {
    /// Starts importing `paths` (folders are searched for importable files).
    pub fn start(
        paths: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
        project_dir: Option<PathBuf>,
        wake: Wake,
    ) -> std::io::Result<Self> {
        Self::start_in_languages(paths, replaces, BTreeMap::new(), project_dir, wake)
    }

    /// [`Self::start`], reading the pictures named in `languages` in the language of their
    /// tag (a picture source read again in the source's language).
    pub fn start_in_languages(
        paths: Vec<PathBuf>,
        replaces: BTreeMap<PathBuf, SourceId>,
        languages: BTreeMap<PathBuf, String>,
        project_dir: Option<PathBuf>,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let task = Task::spawn("import", wake, move |worker| {
            let files = expand(paths);
            worker.set_total(files.len());
            for file in files {
                if worker.is_cancelled() {
                    break;
                }
                if crate::capture::is_warc(&file) {
                    if !send_archive(worker, &file, project_dir.as_deref()) {
                        break;
                    }
                    continue;
                }
                let language = languages.get(&file).map_or("", String::as_str);
                let pages = |done, total| worker.set_part(done, total);
                let imported = store::source_from_file_in_language(
                    &file,
                    project_dir.as_deref(),
                    language,
                    worker.cancel_flag(),
                    &pages,
                );
                let event = match imported {
                    Ok(source) => ImportEvent::Imported { file: file.clone(), source: Box::new(source) },
                    // Cancelled in the middle of this file: nothing to report.
                    Err(store::SourceFileError::Import(crate::import::ImportError::Refused {
                        refusal: crate::import::Refusal::Cancelled,
                        ..
                    })) => break,
                    Err(error) => ImportEvent::Failed(error.to_string()),
                };
                worker.advance();
                if !worker.send(event) {
                    break;
                }
            }
        })?;
        Ok(Self { replaces, compare_with: None, task })
    }

    /// Starts capturing `urls` into the project in `project_dir` (see [`crate::capture`]);
    /// each page arrives like an imported file, named by its WARC. `again` is the source a
    /// "Capture again" re-fetches: its history is carried on and the two are compared.
    pub fn capture(
        urls: Vec<String>,
        again: Option<(SourceId, crate::model::Source)>,
        project_dir: PathBuf,
        options: crate::capture::FetchOptions,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let compare_with = again.as_ref().map(|(id, _)| *id);
        let task = Task::spawn("capture", wake, move |worker| {
            worker.set_total(urls.len().max(usize::from(again.is_some())));
            let jobs: Vec<Option<String>> =
                if again.is_some() { vec![None] } else { urls.into_iter().map(Some).collect() };
            for url in jobs {
                let cancel = worker.cancel_flag();
                let captured = match (&url, &again) {
                    (Some(url), _) => crate::capture::capture_source(url, &project_dir, &options, Vec::new(), cancel),
                    (None, Some((_, source))) => crate::capture::capture_again(source, &project_dir, &options, cancel),
                    (None, None) => break,
                };
                let event = match captured {
                    Ok(source) => {
                        let warc = source.source.content.original.as_ref().map(|o| project_dir.join(&o.path));
                        ImportEvent::Imported { file: warc.unwrap_or_default(), source: Box::new(source) }
                    }
                    Err(error) if error.is_cancelled() => break,
                    Err(error) => ImportEvent::Failed(error.to_string()),
                };
                worker.advance();
                if !worker.send(event) {
                    break;
                }
            }
        })?;
        Ok(Self { replaces: BTreeMap::new(), compare_with, task })
    }

    pub fn progress(&self) -> Progress {
        self.task.progress()
    }

    pub fn cancel(&self) {
        self.task.cancel();
    }

    /// Events that arrived since the last call; `is_finished` turns true when the thread ends.
    pub fn drain(&mut self) -> Vec<ImportEvent> {
        self.task.drain()
    }

    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }
}

/// Sends a source for each page of a WARC archive; a re-read archive (`replacing`) gives
/// only its first page, which replaces the source. False once the window stops listening.
fn send_archive(worker: &super::tasks::Worker<ImportEvent>, file: &Path, project_dir: Option<&Path>) -> bool {
    let events = match crate::capture::sources_from_warc(file, project_dir, worker.cancel_flag()) {
        Ok(sources) => sources
            .into_iter()
            .map(|source| ImportEvent::Imported { file: file.to_owned(), source: Box::new(source) })
            .collect(),
        Err(error) if error.is_cancelled() => return false,
        Err(error) => vec![ImportEvent::Failed(error.to_string())],
    };
    worker.advance();
    events.into_iter().all(|event| worker.send(event))
}

/// Adds the sources an import read as one undoable step, replaces the text of each source
/// a file was read again for (re-import, relink: one step each, passages found again),
/// and says what happened as effects for the window.
pub fn take_imported(
    workspace: &mut Workspace,
    events: Vec<ImportEvent>,
    replaces: &BTreeMap<PathBuf, SourceId>,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut edits = Vec::new();
    let mut reread = Vec::new();
    let mut arrived = Vec::new();
    for event in events {
        match event {
            ImportEvent::Imported { file, source } => {
                // The analyst picked this file: a first save may copy it in.
                workspace.chosen_originals.insert(std::path::absolute(&file).unwrap_or_else(|_| file.clone()));
                arrived.push(file.clone());
                if let Some(&id) = replaces.get(&file) {
                    // An archive holds many pages: the source is the page of its own record.
                    if !reread.contains(&id) && same_record(workspace, id, &source) {
                        reread.push(id);
                        replace_text(workspace, id, *source, &mut effects);
                    }
                    continue;
                }
                let id = workspace.project.ids.next_source();
                for note in &source.notes {
                    effects.push(Effect::Notice(Notice::info(format!("{}: {note}", source.source.display_title()))));
                }
                edits.push(Edit::InsertSource { id, source: Box::new(source.source) });
            }
            ImportEvent::Failed(message) => effects.push(Effect::Notice(Notice::error(message))),
        }
    }
    let read_archives: Vec<&PathBuf> = replaces.keys().filter(|file| crate::capture::is_warc(file)).collect();
    for (file, id) in replaces.iter().filter(|(file, id)| read_archives.contains(file) && !reread.contains(id)) {
        if arrived.contains(file) {
            effects.push(Effect::Notice(Notice::error(format!(
                "{id}: {} no longer holds this page's record; the text is unchanged.",
                file.display()
            ))));
        }
    }
    let Some(Edit::InsertSource { id: first, .. }) = edits.first() else { return effects };
    let first = *first;
    let count = edits.len();
    let label = if count == 1 { "Import 1 source".to_owned() } else { format!("Import {count} sources") };
    match workspace.apply(Edit::Batch { label, edits }, None) {
        Ok(()) => {
            workspace.reveal(first, None);
            effects.push(Effect::Status(format!("Imported {count} source{}", if count == 1 { "" } else { "s" })));
            effects.push(Effect::CheckOriginals);
        }
        Err(error) => {
            effects.push(Effect::Notice(Notice::error(format!("Cannot add the imported sources: {error}"))));
        }
    }
    effects
}

/// Whether `new` was read from the same archive record as source `id` (always true
/// for a source that did not come from a web archive, whose file holds one text).
fn same_record(workspace: &Workspace, id: SourceId, new: &NewSource) -> bool {
    let record = |source: &crate::model::Source| {
        source
            .content
            .original
            .as_ref()
            .and_then(|original| original.capture.as_ref())
            .map(|c| c.warc_record_id.clone())
    };
    match (workspace.project.sources.get(&id).and_then(record), record(&new.source)) {
        (Some(wanted), Some(read)) => wanted == read,
        _ => true,
    }
}

/// Replaces a source's text with a fresh import of its original, re-finding every
/// passage, and tells the analyst what moved and what could not be found.
fn replace_text(workspace: &mut Workspace, id: SourceId, new: NewSource, effects: &mut Vec<Effect>) {
    let Some(reanchored) = crate::analysis::reanchor_source(&workspace.project, id, new.source.content) else {
        effects.push(Effect::Notice(Notice::error(format!("Source {id} no longer exists."))));
        return;
    };
    let report = &reanchored.report;
    let (moved, orphaned) = (report.moved(), report.orphaned());
    let unchanged = report.passages.len() - moved - orphaned;
    match workspace.apply(reanchored.edit, None) {
        Ok(()) => {
            workspace.reveal(id, None);
            let mut message = format!(
                "Re-imported {id}: {unchanged} passages unchanged, {moved} moved, {orphaned} could not be found"
            );
            if orphaned > 0 {
                message.push_str(" (marked orphaned for review)");
            }
            effects.push(Effect::Notice(Notice::info(message)));
            effects.push(Effect::CheckOriginals);
        }
        Err(error) => {
            effects.push(Effect::Notice(Notice::error(format!("Cannot replace the text of {id}: {error}"))));
        }
    }
}

/// The files to import: given files as they are, folders searched (one level deep and
/// below) for files with a supported extension, in name order.
fn expand(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_folder(&path, &mut files, 0);
        } else {
            files.push(path);
        }
    }
    files
}

fn collect_folder(folder: &Path, files: &mut Vec<PathBuf>, depth: usize) {
    const DEEPEST: usize = 8;
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth < DEEPEST {
                collect_folder(&path, files, depth + 1);
            }
        } else if crate::import::is_supported(&path) {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ImportEvent, ImportJob};
    use std::sync::Arc;

    #[test]
    fn a_folder_is_walked_on_the_task_s_thread_and_each_supported_file_read() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let nested = folder.path().join("nested");
        std::fs::create_dir(&nested).expect("folder");
        std::fs::write(folder.path().join("a.txt"), "First source.").expect("write");
        std::fs::write(nested.join("b.md"), "Second source.").expect("write");
        std::fs::write(folder.path().join("ignored.xyz"), "Not a document.").expect("write");
        let started = std::time::Instant::now();
        let mut job = ImportJob::start(
            vec![folder.path().to_owned()],
            std::collections::BTreeMap::default(),
            None,
            Arc::new(|| {}),
        )
        .expect("starts");
        let mut events = Vec::new();
        while !job.is_finished() && started.elapsed() < std::time::Duration::from_secs(10) {
            events.extend(job.drain());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let imported: Vec<String> = events
            .iter()
            .filter_map(|event| match event {
                ImportEvent::Imported { file, .. } => file.file_name().map(|n| n.to_string_lossy().into_owned()),
                ImportEvent::Failed(_) => None,
            })
            .collect();
        assert_eq!(imported, ["a.txt", "b.md"]);
        assert_eq!((job.progress().done, job.progress().total), (2, 2));
    }

    /// A crawl's archive of two pages, each with enough text to read as an article.
    fn crawl_archive(second_page: &str) -> Vec<u8> {
        use crate::capture::warc::{HttpMessage, Record};
        let page = |n: usize, title: &str, body: &str| {
            let html = format!(
                "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
            );
            let http = HttpMessage {
                start_line: "HTTP/1.1 200 OK".to_owned(),
                headers: vec![("Content-Type".to_owned(), "text/html; charset=utf-8".to_owned())],
                body: html.into_bytes(),
            };
            Record::new(
                "response",
                &format!("<urn:uuid:0000000{n}>"),
                "2026-12-01T14:03:05Z",
                "application/http;msgtype=response",
                http.to_bytes(),
            )
            .with("WARC-Target-URI", &format!("http://example.org/page-{n}"))
            .to_bytes()
        };
        let mut bytes =
            page(1, "Harbour board meets", &"The harbour board met to review the ferry timetable. ".repeat(8));
        bytes.extend(page(2, "Ferry fares rise", second_page));
        bytes
    }

    fn events_of(mut job: ImportJob) -> Vec<ImportEvent> {
        let started = std::time::Instant::now();
        let mut events = Vec::new();
        while !job.is_finished() && started.elapsed() < std::time::Duration::from_secs(10) {
            events.extend(job.drain());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        events.extend(job.drain());
        events
    }

    #[test]
    fn re_importing_a_page_of_a_crawl_reads_its_own_record() {
        use crate::model::SourceId;
        use crate::session::Workspace;
        use std::collections::BTreeMap;
        let folder = tempfile::tempdir().expect("temporary folder");
        let archive = folder.path().join("crawl.warc");
        let fares = "Ferry fares will rise by four percent from June, the board said. ".repeat(8);
        std::fs::write(&archive, crawl_archive(&fares)).expect("write");
        let mut workspace = Workspace::new_project();
        let job = ImportJob::start(vec![archive.clone()], BTreeMap::new(), None, Arc::new(|| {})).expect("starts");
        super::take_imported(&mut workspace, events_of(job), &BTreeMap::new());
        assert_eq!(workspace.project.sources.len(), 2);
        let second = SourceId(2);
        assert!(workspace.project.sources[&second].content.text.contains("four percent"));

        // The crawl is fetched again and the second page now says otherwise.
        std::fs::write(&archive, crawl_archive(&fares.replace("four", "six"))).expect("write");
        let replaces = BTreeMap::from([(archive.clone(), second)]);
        let job = ImportJob::start(vec![archive], replaces.clone(), None, Arc::new(|| {})).expect("starts");
        super::take_imported(&mut workspace, events_of(job), &replaces);
        assert_eq!(workspace.project.sources.len(), 2, "re-import adds no source");
        let text = &workspace.project.sources[&second].content.text;
        assert!(text.contains("six percent") && !text.contains("harbour board met"), "{text}");
        assert!(workspace.project.sources[&SourceId(1)].content.text.contains("harbour board met"));
    }
}
