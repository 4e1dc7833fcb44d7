//! The invariants a project must keep, checked when a file is loaded.
//!
//! A file edited by hand, merged in git or written by another version can break them.
//! Each broken invariant becomes a [`Problem`] naming the thing and what is wrong, so
//! the analyst can be told instead of the program panicking on it later.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use super::{Anchor, CharIndex, ConflictStatus, Project, SourceId};

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What the problem is in, e.g. `claim C3, appearance 1`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

struct Checker<'p> {
    project: &'p Project,
    indexes: BTreeMap<SourceId, CharIndex>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { place: place.into(), message: message.into() });
    }

    fn check_anchor(&mut self, place: &str, anchor: &Anchor) {
        let Some(source) = self.project.sources.get(&anchor.source) else {
            self.report(place, format!("refers to source {}, which does not exist", anchor.source));
            return;
        };
        let text = source.text();
        let index = self.indexes.entry(anchor.source).or_insert_with(|| CharIndex::new(text));
        if anchor.orphaned {
            self.report(
                place,
                format!(
                    "passage {:?} is orphaned: source {} changed and it was not found again; review it",
                    shorten(&anchor.exact),
                    anchor.source
                ),
            );
        } else if anchor.start > anchor.end || anchor.end > index.char_len() {
            let length = index.char_len();
            self.report(
                place,
                format!(
                    "passage {}..{} lies outside source {} ({length} characters)",
                    anchor.start, anchor.end, anchor.source
                ),
            );
        } else if !anchor.fits(text, index) {
            let found = index.slice(text, anchor.start, anchor.end).unwrap_or_default();
            self.report(
                place,
                format!(
                    "quote {:?} does not match the text at {}..{} of source {} ({found:?})",
                    shorten(&anchor.exact),
                    anchor.start,
                    anchor.end,
                    anchor.source
                ),
            );
        }
    }

    fn check_ids(&mut self) {
        let counters = &self.project.ids;
        let stale = [
            ("source", self.project.sources.keys().map(|id| id.0).max(), counters.source),
            ("claim", self.project.claims.keys().map(|id| id.0).max(), counters.claim),
            ("evidence", self.project.evidence.keys().map(|id| id.0).max(), counters.evidence),
            ("conflict", self.project.conflicts.keys().map(|id| id.0).max(), counters.conflict),
        ];
        for (what, highest, next) in stale {
            if next == u32::MAX {
                // Ids past the counter saturate: every new one after this would collide.
                self.report(
                    "id counters",
                    format!("next {what} id is {next}, the largest there is: no new {what} can be added"),
                );
            } else if next == 0 {
                self.report("id counters", format!("next {what} id is 0, but ids start at 1"));
            } else if let Some(highest) = highest.filter(|&highest| highest >= next) {
                self.report("id counters", format!("next {what} id is {next} but {highest} is already used"));
            }
        }
    }

    fn check_scale(&mut self) {
        if self.project.scale.levels.is_empty() {
            self.report("verdict scale", "has no verdicts");
        }
        let mut seen = HashSet::new();
        for level in &self.project.scale.levels {
            if !seen.insert(level.label.as_str()) {
                self.report("verdict scale", format!("lists {:?} twice", level.label));
            }
        }
    }

    fn check_claims(&mut self) {
        let project = self.project;
        for (id, claim) in &project.claims {
            if claim.appearances.is_empty() {
                self.report(format!("claim {id}"), "has no passage where it appears");
            }
            for (n, anchor) in claim.appearances.iter().enumerate() {
                self.check_anchor(&format!("claim {id}, appearance {}", n + 1), anchor);
            }
            if project.scale.level(&claim.verdict).is_none() {
                self.report(
                    format!("claim {id}"),
                    format!("verdict {:?} is not on the project's scale", claim.verdict),
                );
            }
        }
    }

    fn check_evidence(&mut self) {
        let project = self.project;
        for (id, evidence) in &project.evidence {
            if !project.claims.contains_key(&evidence.claim) {
                self.report(
                    format!("evidence {id}"),
                    format!("supports claim {}, which does not exist", evidence.claim),
                );
            }
            self.check_anchor(&format!("evidence {id}"), &evidence.passage);
        }
    }

    fn check_conflicts(&mut self) {
        let project = self.project;
        for (id, conflict) in &project.conflicts {
            if conflict.passages.len() < 2 {
                self.report(format!("conflict {id}"), "needs at least two passages");
            }
            for (n, anchor) in conflict.passages.iter().enumerate() {
                self.check_anchor(&format!("conflict {id}, passage {}", n + 1), anchor);
            }
            if let ConflictStatus::Resolved { correct: Some(index), .. } = conflict.status
                && index >= conflict.passages.len()
            {
                self.report(
                    format!("conflict {id}"),
                    format!("is resolved in favour of passage {} but has {}", index + 1, conflict.passages.len()),
                );
            }
        }
    }
}

impl Checker<'_> {
    /// Word boxes from a file must point inside their source's text, or a highlight would
    /// slice past its end.
    fn check_ocr_layers(&mut self) {
        for (id, source) in &self.project.sources {
            let Some(layer) = source.content.original.as_ref().and_then(|original| original.ocr.as_deref()) else {
                continue;
            };
            if let Some(problem) = layer.problem(super::char_len(source.text())) {
                self.report(format!("source {id}"), problem);
            }
        }
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(MAX).collect();
    short.push('…');
    short
}

impl Project {
    /// Every broken invariant, in a stable order; empty for a sound project.
    pub fn problems(&self) -> Vec<Problem> {
        let mut checker = Checker { project: self, indexes: BTreeMap::new(), problems: Vec::new() };
        checker.check_ids();
        checker.check_scale();
        checker.check_claims();
        checker.check_evidence();
        checker.check_conflicts();
        checker.check_ocr_layers();
        checker.problems
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn project_with_source(text: &str) -> (Project, SourceId) {
        let mut project = Project::new("Test");
        let id = project.ids.next_source();
        let content = SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None };
        project.sources.insert(id, Source { meta: SourceMeta::default(), content });
        (project, id)
    }

    #[test]
    fn a_sound_project_has_no_problems() {
        let (mut project, source) = project_with_source("The river accord was signed in Valmora.");
        let anchor = Anchor::find(source, project.sources[&source].text(), "signed in Valmora").expect("found");
        let claim = project.ids.next_claim();
        project.claims.insert(claim, Claim::marked(anchor, "Unverified"));
        assert_eq!(project.problems(), vec![]);
    }

    #[test]
    fn reports_dangling_ids_bad_ranges_and_mismatched_quotes() {
        let (mut project, source) = project_with_source("The river accord was signed in Valmora.");
        let text = project.sources[&source].text().to_owned();
        let mut moved = Anchor::find(source, &text, "Valmora").expect("found");
        moved.start -= 1;
        moved.end -= 1;
        let claim = project.ids.next_claim();
        project.claims.insert(claim, Claim::marked(moved, "Pants on fire"));
        let mut outside = Anchor::find(source, &text, "river").expect("found");
        outside.end = 500;
        let evidence = project.ids.next_evidence();
        project.evidence.insert(
            evidence,
            Evidence { claim: ClaimId(99), passage: outside, stance: Stance::Supports, note: String::new() },
        );
        project.ids.source = 1;

        let problems: Vec<String> = project.problems().iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].contains("next source id is 1 but 1 is already used"));
        assert!(problems[1].starts_with("claim C1, appearance 1: quote \"Valmora\" does not match"));
        assert!(problems[2].contains("verdict \"Pants on fire\" is not on the project's scale"));
        assert!(problems[3].contains("claim C99, which does not exist"));
        assert!(problems[4].contains("lies outside source S1"));
    }
}
