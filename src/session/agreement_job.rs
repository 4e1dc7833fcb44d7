//! Comparing the open project's judgements with other analysts' copies, without a window:
//! the copies are read on a worker (a big project takes a while to load), one step per
//! file, cancelled between files, and the agreement is computed there too
//! ([`crate::teamwork::agreement`]). A copy that does not load stops the comparison with a
//! message naming the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::tasks::{Progress, Task, Wake};
use crate::model::Project;
use crate::teamwork::agreement::{Agreement, Analyst, agreement};

/// The two ways the agreement report is saved, both rendered by the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementFormat {
    Markdown,
    Csv,
}

impl AgreementFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Csv => "CSV",
        }
    }

    /// The report in this format.
    pub fn render(self, report: &Agreement) -> Result<String, String> {
        match self {
            Self::Markdown => Ok(report.to_markdown()),
            Self::Csv => report.to_csv().map_err(|error| format!("Cannot write the CSV table: {error}")),
        }
    }
}

/// Writes the report to `path` atomically, by the rules of the report export (never over
/// a project file or into its `sources/`); says where it went, or why it did not.
pub fn save_report(
    report: &Agreement,
    format: AgreementFormat,
    project: Option<&Path>,
    path: &Path,
) -> Result<String, String> {
    crate::export::check_destination(project, path)
        .map_err(|refused| format!("The agreement report was not saved: {refused}."))?;
    let text = format.render(report)?;
    crate::store::replace_atomically(path, text.as_bytes())
        .map_err(|error| format!("Cannot write the agreement report to {}: {error}", path.display()))?;
    Ok(format!("Agreement report saved to {}", path.display()))
}

/// Names for the columns: the file name of each copy, with its folder when two copies
/// share a file name (`alice/project.ron`, `bob/project.ron`).
pub fn analyst_names(paths: &[&Path]) -> Vec<String> {
    let file_name = |path: &Path| {
        path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for path in paths {
        *counts.entry(file_name(path)).or_default() += 1;
    }
    paths
        .iter()
        .map(|path| {
            let name = file_name(path);
            if counts[&name] < 2 {
                return name;
            }
            match path.parent().and_then(Path::file_name) {
                Some(folder) => format!("{}/{name}", folder.to_string_lossy()),
                None => path.display().to_string(),
            }
        })
        .collect()
}

/// A comparison running on a worker.
pub struct AgreementJob {
    /// The other copies, in the order of the report's columns after the open project.
    pub files: Vec<PathBuf>,
    task: Task<Result<Agreement, String>>,
}

/// How a comparison ended.
#[derive(Debug)]
pub enum AgreementOutcome {
    Done(Agreement),
    Failed(String),
    Cancelled,
}

impl AgreementJob {
    /// Starts comparing `own` (the open project, read from `own_path`) with the copies
    /// in `files`.
    pub fn start(own_path: &Path, own: Project, files: Vec<PathBuf>, wake: Wake) -> std::io::Result<Self> {
        let mut paths: Vec<&Path> = vec![own_path];
        paths.extend(files.iter().map(PathBuf::as_path));
        let names = analyst_names(&paths);
        let to_read = files.clone();
        let task = Task::spawn("agreement", wake, move |worker| {
            worker.set_total(to_read.len() + 1);
            let mut names = names.into_iter();
            let mut analysts = vec![Analyst { name: names.next().unwrap_or_default(), project: own }];
            for (path, name) in to_read.iter().zip(names) {
                if worker.is_cancelled() {
                    return;
                }
                match crate::store::load(path) {
                    Ok(loaded) => analysts.push(Analyst { name, project: loaded.project }),
                    Err(error) => {
                        worker.send(Err(format!("Cannot compare with {}: {error}", path.display())));
                        return;
                    }
                }
                worker.advance();
            }
            if worker.is_cancelled() {
                return;
            }
            let report = agreement(&analysts);
            worker.advance();
            worker.send(Ok(report));
        })?;
        Ok(Self { files, task })
    }

    pub fn progress(&self) -> Progress {
        self.task.progress()
    }

    /// Stops at the next file; [`AgreementJob::poll`] then says it was cancelled.
    pub fn cancel(&self) {
        self.task.cancel();
    }

    /// How the comparison ended, once it has; `None` while it runs.
    pub fn poll(&mut self) -> Option<AgreementOutcome> {
        match self.task.take() {
            Some(Ok(report)) => Some(AgreementOutcome::Done(report)),
            Some(Err(message)) => Some(AgreementOutcome::Failed(message)),
            None if self.task.is_finished() => Some(AgreementOutcome::Cancelled),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{ClaimChange, Edit};
    use std::sync::Arc;

    fn wait(job: &mut AgreementJob) -> AgreementOutcome {
        for _ in 0..2000 {
            if let Some(outcome) = job.poll() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the comparison did not finish");
    }

    #[test]
    fn names_take_the_folder_only_when_file_names_repeat() {
        let paths = [Path::new("/a/alice/p.ron"), Path::new("/a/bob/p.ron"), Path::new("/x/carol.ron")];
        assert_eq!(analyst_names(&paths), ["alice/p.ron", "bob/p.ron", "carol.ron"]);
    }

    #[test]
    fn a_copy_with_changed_verdicts_is_compared_and_a_broken_one_is_named() {
        let sample = crate::sample::locate_sample().expect("sample");
        let own = crate::store::load(&sample).expect("loads").project;
        let mut other = own.clone();
        let judged: Vec<_> =
            own.claims.iter().filter(|(_, c)| c.verdict != *own.scale.initial()).map(|(id, _)| *id).collect();
        let id = judged[0];
        let different = own
            .scale
            .levels
            .iter()
            .map(|l| l.label.clone())
            .find(|l| *l != own.claims[&id].verdict && l != own.scale.initial())
            .expect("level");
        Edit::SetClaim { id, change: ClaimChange::Verdict(different) }.apply(&mut other).expect("edit");
        let folder = tempfile::tempdir().expect("folder");
        let copy = folder.path().join("bob.ron");
        std::fs::write(&copy, crate::store::to_ron(&other).expect("ron")).expect("write");
        let mut job = AgreementJob::start(&sample, own.clone(), vec![copy], Arc::new(|| {})).expect("starts");
        let AgreementOutcome::Done(report) = wait(&mut job) else { panic!("compared") };
        assert_eq!(report.rows.len(), judged.len());
        assert_eq!(report.disagreements().map(|r| r.claim).collect::<Vec<_>>(), vec![id]);
        assert_eq!(job.progress().done, 2);

        let broken = folder.path().join("broken.ron");
        std::fs::write(&broken, "(not a project").expect("write");
        let mut job = AgreementJob::start(&sample, own, vec![broken.clone()], Arc::new(|| {})).expect("starts");
        let AgreementOutcome::Failed(message) = wait(&mut job) else { panic!("failed") };
        assert!(message.contains(&broken.display().to_string()), "{message}");

        let saved = folder.path().join("agreement.csv");
        save_report(&report, AgreementFormat::Csv, Some(&sample), &saved).expect("saved");
        assert_eq!(std::fs::read_to_string(&saved).expect("read"), report.to_csv().expect("csv"));
        let refused = save_report(&report, AgreementFormat::Markdown, Some(&sample), &sample).expect_err("refused");
        assert!(refused.contains("not saved"), "{refused}");
    }
}
