//! What the document view highlights in a source, and what each highlight stands for.

use crate::app::theme::Mark;
use crate::model::{Anchor, ClaimId, ConflictId, EvidenceId, PassageRef, SourceId};
use crate::search::SearchHit;
use crate::session::{Selection, TextRange, Workspace};

/// The thing a highlight belongs to; clicking the highlight selects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Claim(ClaimId),
    Evidence(EvidenceId),
    Conflict(ConflictId),
    ConflictDraft,
    SearchHit(usize),
    TextSelection,
    /// A word OCR read with low confidence (percent).
    Uncertain(u8),
}

impl Target {
    pub fn selection(self) -> Option<Selection> {
        match self {
            Self::Claim(id) => Some(Selection::Claim(id)),
            Self::Evidence(id) => Some(Selection::Evidence(id)),
            Self::Conflict(id) => Some(Selection::Conflict(id)),
            Self::ConflictDraft | Self::SearchHit(_) | Self::TextSelection | Self::Uncertain(_) => None,
        }
    }
}

/// A highlighted character range of the shown source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
    pub target: Target,
    /// Belongs to what the inspector shows.
    pub selected: bool,
}

/// Every highlight in `source`, ordered by start.
pub fn collect(
    workspace: &Workspace,
    source: SourceId,
    hits: &[SearchHit],
    selection: Option<TextRange>,
) -> Vec<Highlight> {
    let project = &workspace.project;
    let selected = workspace.selection;
    let mut highlights = Vec::new();
    let mut add = |anchor: &Anchor, mark: Mark, target: Target| {
        // An orphaned passage's old position no longer holds its text: nothing to mark.
        if anchor.source == source && anchor.start < anchor.end && !anchor.orphaned {
            let selected = target.selection() == Some(selected);
            highlights.push(Highlight { start: anchor.start, end: anchor.end, mark, target, selected });
        }
    };
    // Only this source's passages, from the index: a big project has tens of thousands.
    for &at in workspace.index().passages_in(source) {
        let Some(anchor) = project.passage(at) else { continue };
        let (mark, target) = match at {
            PassageRef::Appearance { claim, .. } => (Mark::Claim, Target::Claim(claim)),
            PassageRef::Evidence(id) => (Mark::Evidence(project.evidence[&id].stance), Target::Evidence(id)),
            PassageRef::Conflict { conflict, .. } => (Mark::Conflict, Target::Conflict(conflict)),
        };
        add(anchor, mark, target);
    }
    if let Some(draft) = &workspace.conflict_draft {
        add(draft, Mark::Conflict, Target::ConflictDraft);
    }
    for (n, hit) in hits.iter().enumerate().filter(|(_, hit)| hit.source == source) {
        highlights.push(Highlight {
            start: hit.start,
            end: hit.end,
            mark: Mark::SearchHit,
            target: Target::SearchHit(n),
            selected: false,
        });
    }
    let layer = project.sources.get(&source).and_then(|s| s.content.original.as_ref()).and_then(|o| o.ocr.as_deref());
    for word in layer.into_iter().flat_map(crate::model::OcrLayer::low_confidence_words) {
        let (start, end, target) = (word.start, word.end, Target::Uncertain(word.confidence));
        highlights.push(Highlight { start, end, mark: Mark::Uncertain, target, selected: false });
    }
    if let Some(range) = selection.filter(|range| range.source == source && range.start < range.end) {
        highlights.push(Highlight {
            start: range.start,
            end: range.end,
            mark: Mark::Selection,
            target: Target::TextSelection,
            selected: false,
        });
    }
    highlights.sort_by_key(|h| (h.start, h.end));
    highlights
}

/// Highlights covering character `offset`, most specific (shortest) first.
pub fn at(highlights: &[Highlight], offset: usize) -> Vec<Highlight> {
    let mut found: Vec<Highlight> =
        highlights.iter().filter(|h| h.start <= offset && offset < h.end).copied().collect();
    found.sort_by_key(|h| h.end - h.start);
    found
}

/// A one-line description of a highlight for tooltips and choosers.
pub fn describe(workspace: &Workspace, target: Target) -> String {
    let project = &workspace.project;
    let short = |text: &str| {
        let mut line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.chars().count() > 70 {
            line = line.chars().take(69).collect::<String>() + "…";
        }
        line
    };
    match target {
        Target::Claim(id) => project
            .claims
            .get(&id)
            .map_or_else(String::new, |c| format!("Claim {id} · {} · {}", c.verdict, short(&c.statement))),
        Target::Evidence(id) => project.evidence.get(&id).map_or_else(String::new, |e| {
            format!("Evidence {id} · {} claim {}", e.stance.label().to_lowercase(), e.claim)
        }),
        Target::Conflict(id) => project.conflicts.get(&id).map_or_else(String::new, |c| {
            let status = if c.status.is_open() { "open" } else { "resolved" };
            format!("Conflict {id} · {} · {status}", c.kind.label())
        }),
        Target::ConflictDraft => "First passage of a new conflict".to_owned(),
        Target::SearchHit(n) => format!("Search result {}", n + 1),
        Target::TextSelection => "Selected text".to_owned(),
        Target::Uncertain(confidence) => {
            format!("Read by OCR with {confidence}% confidence: check this word against the picture")
        }
    }
}
