//! `crosscheck check`: what a project holds and what is wrong with it.

use std::fmt;
use std::path::Path;

use crate::model::Project;
use crate::store::{self, LoadError, OriginalStatus};
use crate::terminal;

/// A summary of a project and every problem found in it.
#[derive(Debug)]
pub struct CheckReport {
    pub title: String,
    pub sources: usize,
    pub claims: usize,
    pub evidence: usize,
    pub verdicts: Vec<(String, usize)>,
    pub conflicts: usize,
    pub open_conflicts: usize,
    /// Broken invariants and missing or changed original files.
    pub problems: Vec<String>,
    /// Source details a report will leave out (an impossible date, a URL that is not a
    /// web address): the inspector's marks, listed here too. Not problems: the project
    /// is sound with them.
    pub advice: Vec<String>,
    pub migrated_from: Option<u32>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Loads and checks the project at `path`, including its sources' original files.
pub fn check_project(path: &Path) -> Result<CheckReport, LoadError> {
    let loaded = store::load(path)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    problems.extend(original_file_problems(&loaded.project, folder));
    problems
        .extend(loaded.project.merge_conflicts.iter().map(|c| format!("unresolved merge conflict: {}", c.describe())));
    let project = &loaded.project;
    let advice = project
        .sources
        .keys()
        .flat_map(|&id| {
            project.source_advice(id).into_iter().map(move |advice| format!("source {id}: {}", advice.message))
        })
        .collect();
    Ok(CheckReport {
        title: project.info.title.clone(),
        sources: project.sources.len(),
        claims: project.claims.len(),
        evidence: project.evidence.len(),
        verdicts: project.verdict_counts().into_iter().filter(|(_, count)| *count > 0).collect(),
        conflicts: project.conflicts.len(),
        open_conflicts: project.open_conflicts(),
        problems,
        advice,
        migrated_from: loaded.migrated_from,
    })
}

fn original_file_problems(project: &Project, folder: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, source) in &project.sources {
        let Some(original) = &source.content.original else { continue };
        match store::original_status(folder, original) {
            OriginalStatus::Unchanged => {}
            OriginalStatus::Missing => {
                problems.push(format!("source {id}: original file {} is missing", original.path));
            }
            OriginalStatus::Changed { .. } => {
                problems
                    .push(format!("source {id}: original file {} has changed since it was imported", original.path));
            }
            OriginalStatus::Refused(reason) => {
                problems.push(format!("source {id}: original file {} was not read: {reason}", original.path));
            }
        }
    }
    problems
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Everything from the file is escaped: `check` prints to terminals (crate::terminal).
        let title = if self.title.is_empty() { "Untitled project" } else { &self.title };
        writeln!(f, "{}", terminal::line(title))?;
        if let Some(version) = self.migrated_from {
            writeln!(f, "  (written in format version {version}; saving will upgrade it)")?;
        }
        writeln!(f, "  sources:   {}", self.sources)?;
        writeln!(f, "  claims:    {}", self.claims)?;
        for (verdict, count) in &self.verdicts {
            writeln!(f, "    {}: {count}", terminal::line(verdict))?;
        }
        writeln!(f, "  evidence:  {}", self.evidence)?;
        writeln!(f, "  conflicts: {} ({} open)", self.conflicts, self.open_conflicts)?;
        if !self.advice.is_empty() {
            writeln!(f, "Before export:")?;
            for advice in &self.advice {
                writeln!(f, "  - {}", terminal::line(advice))?;
            }
        }
        if self.problems.is_empty() {
            writeln!(f, "No problems found.")
        } else {
            writeln!(f, "{} problem{} found:", self.problems.len(), if self.problems.len() == 1 { "" } else { "s" })?;
            for problem in &self.problems {
                writeln!(f, "  - {}", terminal::line(problem))?;
            }
            Ok(())
        }
    }
}
