//! What a report holds, decided once for every format.
//!
//! [`Report::gather`] applies the options to the project: which claims, their evidence,
//! the conflicts that touch them, the sources cited and the summary counts. The writers
//! then only lay this out, so an HTML report and a CSV of the same export never disagree
//! about what is in it. Lookups are indexed here because the benchmark project has 20,000
//! claims and 40,000 pieces of evidence: scanning them per claim would be quadratic.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{ExportError, ExportOptions};
use crate::model::{
    Anchor, Claim, ClaimId, Conflict, ConflictId, ConflictStatus, Evidence, EvidenceId, Project, Source, SourceId,
    Stance, Tone, VerdictLevel,
};

/// Everything one export shows.
pub(crate) struct Report<'p> {
    pub project: &'p Project,
    pub options: &'p ExportOptions,
    pub claims: Vec<ClaimEntry<'p>>,
    /// Shown conflicts that touch no claim in the report. Listed on their own only when the
    /// report holds every claim; a filtered report keeps to its claims.
    pub other_conflicts: Vec<(ConflictId, &'p Conflict)>,
    /// Sources cited in the report (every source when the report holds every claim).
    pub sources: Vec<(SourceId, &'p Source)>,
    pub summary: Summary,
}

/// One claim with what bears on it.
pub(crate) struct ClaimEntry<'p> {
    pub id: ClaimId,
    pub claim: &'p Claim,
    /// The verdict's place on the scale; `None` for a label the scale lacks.
    pub level: Option<&'p VerdictLevel>,
    /// Whether the claim has a verdict, i.e. anything but the scale's initial one.
    pub reviewed: bool,
    pub evidence: Vec<(EvidenceId, &'p Evidence)>,
    pub conflicts: Vec<(ConflictId, &'p Conflict)>,
}

/// Counts shown at the top of a report.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub claims: usize,
    pub reviewed: usize,
    /// Claims per verdict in scale order, leaving out verdicts no claim has.
    pub verdicts: Vec<(String, usize)>,
    pub evidence: usize,
    pub stances: Vec<(Stance, usize)>,
    pub conflicts: usize,
    pub open_conflicts: usize,
    pub sources: usize,
}

impl<'p> Report<'p> {
    pub(crate) fn gather(project: &'p Project, options: &'p ExportOptions) -> Result<Self, ExportError> {
        check_options(project, options)?;
        let shown_conflicts: Vec<(ConflictId, &Conflict)> = project
            .conflicts
            .iter()
            .filter(|(_, conflict)| options.open_conflicts || !conflict.status.is_open())
            .map(|(id, conflict)| (*id, conflict))
            .collect();
        let conflicts_by_source = index_conflicts(&shown_conflicts);
        let mut evidence_by_claim: HashMap<ClaimId, Vec<(EvidenceId, &Evidence)>> = HashMap::new();
        for (id, evidence) in &project.evidence {
            evidence_by_claim.entry(evidence.claim).or_default().push((*id, evidence));
        }

        let initial = project.scale.initial();
        let mut claims = Vec::new();
        for (id, claim) in project.claims.iter().filter(|(_, claim)| options.selects(claim)) {
            let evidence = evidence_by_claim.remove(id).unwrap_or_default();
            let passages = claim.appearances.iter().chain(evidence.iter().map(|(_, e)| &e.passage));
            let touching = touching_conflicts(passages, &conflicts_by_source);
            claims.push(ClaimEntry {
                id: *id,
                claim,
                level: project.scale.level(&claim.verdict),
                reviewed: claim.verdict != initial,
                evidence,
                conflicts: touching.into_iter().collect(),
            });
        }

        let linked: BTreeSet<ConflictId> = claims.iter().flat_map(|c| c.conflicts.iter().map(|(id, _)| *id)).collect();
        let other_conflicts = if options.selects_all() {
            shown_conflicts.into_iter().filter(|(id, _)| !linked.contains(id)).collect()
        } else {
            Vec::new()
        };
        let sources = cited_sources(project, options, &claims, &other_conflicts);
        let summary = summarise(project, &claims, &other_conflicts, sources.len());
        Ok(Self { project, options, claims, other_conflicts, sources, summary })
    }

    /// The source a passage is in (absent only in a project with broken invariants).
    pub(crate) fn source(&self, anchor: &Anchor) -> Option<&'p Source> {
        self.project.sources.get(&anchor.source)
    }

    /// The title of the source a passage is in, or its id when the source is missing.
    pub(crate) fn source_title(&self, anchor: &Anchor) -> String {
        self.source(anchor).map_or_else(|| anchor.source.to_string(), |source| source.display_title().to_owned())
    }

    /// The report's title: the project's, or a stand-in so no report is untitled.
    pub(crate) fn title(&self) -> &'p str {
        let title = self.project.info.title.trim();
        if title.is_empty() { "Fact-check report" } else { title }
    }
}

/// Refuses filters that can select nothing because of a typing mistake.
fn check_options(project: &Project, options: &ExportOptions) -> Result<(), ExportError> {
    for verdict in &options.verdicts {
        let used = project.claims.values().any(|claim| &claim.verdict == verdict);
        if project.scale.level(verdict).is_none() && !used {
            let labels: Vec<&str> = project.scale.levels.iter().map(|level| level.label.as_str()).collect();
            return Err(ExportError::UnknownVerdict { verdict: verdict.clone(), scale: labels.join(", ") });
        }
    }
    for tag in &options.tags {
        if !project.claims.values().any(|claim| claim.tags.contains(tag)) {
            return Err(ExportError::UnknownTag(tag.clone()));
        }
    }
    Ok(())
}

/// The passages of shown conflicts, by the source they are in.
type ConflictIndex<'p> = BTreeMap<SourceId, Vec<(ConflictId, &'p Conflict, &'p Anchor)>>;

fn index_conflicts<'p>(conflicts: &[(ConflictId, &'p Conflict)]) -> ConflictIndex<'p> {
    let mut index: ConflictIndex<'p> = BTreeMap::new();
    for &(id, conflict) in conflicts {
        for passage in &conflict.passages {
            index.entry(passage.source).or_default().push((id, conflict, passage));
        }
    }
    index
}

/// Conflicts with a passage overlapping any of `passages`, in id order.
fn touching_conflicts<'a, 'p>(
    passages: impl Iterator<Item = &'a Anchor>,
    index: &ConflictIndex<'p>,
) -> BTreeMap<ConflictId, &'p Conflict> {
    let mut found = BTreeMap::new();
    for passage in passages {
        let Some(candidates) = index.get(&passage.source) else { continue };
        for &(id, conflict, other) in candidates {
            if other.overlaps(passage) {
                found.insert(id, conflict);
            }
        }
    }
    found
}

fn cited_sources<'p>(
    project: &'p Project,
    options: &ExportOptions,
    claims: &[ClaimEntry<'p>],
    other_conflicts: &[(ConflictId, &'p Conflict)],
) -> Vec<(SourceId, &'p Source)> {
    if options.selects_all() {
        return project.sources.iter().map(|(id, source)| (*id, source)).collect();
    }
    let mut cited = BTreeSet::new();
    for entry in claims {
        cited.extend(entry.claim.appearances.iter().map(|a| a.source));
        cited.extend(entry.evidence.iter().map(|(_, e)| e.passage.source));
        cited.extend(entry.conflicts.iter().flat_map(|(_, c)| c.passages.iter().map(|a| a.source)));
    }
    cited.extend(other_conflicts.iter().flat_map(|(_, c)| c.passages.iter().map(|a| a.source)));
    cited.into_iter().filter_map(|id| project.sources.get(&id).map(|source| (id, source))).collect()
}

fn summarise(
    project: &Project,
    claims: &[ClaimEntry<'_>],
    other_conflicts: &[(ConflictId, &Conflict)],
    sources: usize,
) -> Summary {
    let mut verdicts: Vec<(String, usize)> = project.scale.levels.iter().map(|l| (l.label.clone(), 0)).collect();
    let mut stances: Vec<(Stance, usize)> = Stance::ALL.iter().map(|&stance| (stance, 0)).collect();
    let mut conflicts: BTreeMap<ConflictId, &Conflict> = other_conflicts.iter().copied().collect();
    let mut evidence = 0;
    for entry in claims {
        match verdicts.iter_mut().find(|(label, _)| *label == entry.claim.verdict) {
            Some((_, count)) => *count += 1,
            None => verdicts.push((entry.claim.verdict.clone(), 1)),
        }
        for (_, item) in &entry.evidence {
            evidence += 1;
            if let Some((_, count)) = stances.iter_mut().find(|(stance, _)| *stance == item.stance) {
                *count += 1;
            }
        }
        conflicts.extend(entry.conflicts.iter().copied());
    }
    verdicts.retain(|(_, count)| *count > 0);
    Summary {
        claims: claims.len(),
        reviewed: claims.iter().filter(|entry| entry.reviewed).count(),
        verdicts,
        evidence,
        stances,
        conflicts: conflicts.len(),
        open_conflicts: conflicts.values().filter(|c| c.status.is_open()).count(),
        sources,
    }
}

/// A verdict's place on the project's numeric scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rating {
    pub value: u32,
    pub worst: u32,
    pub best: u32,
}

impl ClaimEntry<'_> {
    /// The verdict's rating, when it has one and the scale has a numeric range.
    pub(crate) fn rating(&self, project: &Project) -> Option<Rating> {
        let value = self.level?.rating?;
        let (worst, best) = project.scale.rating_range()?;
        Some(Rating { value, worst, best })
    }

    /// How the verdict reads at a glance; off-scale verdicts read as neutral.
    pub(crate) fn tone(&self) -> Tone {
        self.level.map_or(Tone::Neutral, |level| level.tone)
    }
}

/// The passage a resolved conflict found correct, if it names one.
pub(crate) fn correct_passage(conflict: &Conflict) -> Option<usize> {
    match conflict.status {
        ConflictStatus::Resolved { correct, .. } => correct,
        ConflictStatus::Open => None,
    }
}

/// How a conflict was settled, or `None` while it is open.
pub(crate) fn resolution(conflict: &Conflict) -> Option<&str> {
    match &conflict.status {
        ConflictStatus::Resolved { note, .. } => Some(note),
        ConflictStatus::Open => None,
    }
}
