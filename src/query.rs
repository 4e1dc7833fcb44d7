//! Filtering and sorting claims for lists and reports.

use std::collections::BTreeSet;

use crate::model::{ClaimId, Project, SourceId};

/// How a claims list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimOrder {
    /// In the order they were marked.
    #[default]
    Marked,
    /// By position in their first source.
    Position,
    /// By verdict, in scale order.
    Verdict,
    /// Alphabetically by statement.
    Statement,
}

impl ClaimOrder {
    pub const ALL: [ClaimOrder; 4] =
        [ClaimOrder::Marked, ClaimOrder::Position, ClaimOrder::Verdict, ClaimOrder::Statement];

    pub fn label(self) -> &'static str {
        match self {
            Self::Marked => "Order marked",
            Self::Position => "Position in source",
            Self::Verdict => "Verdict",
            Self::Statement => "Statement A–Z",
        }
    }
}

/// Which claims to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    /// Words that must all appear in the statement, claimant, tags, notes or explanation.
    pub text: String,
    pub verdict: Option<String>,
    pub tag: Option<String>,
    /// Claims appearing in, or with evidence in, this source.
    pub source: Option<SourceId>,
    pub order: ClaimOrder,
}

impl ClaimQuery {
    pub fn is_filtering(&self) -> bool {
        !self.text.trim().is_empty() || self.verdict.is_some() || self.tag.is_some() || self.source.is_some()
    }
}

/// The claims `query` selects, in its order.
pub fn claims_matching(project: &Project, query: &ClaimQuery) -> Vec<ClaimId> {
    let words: Vec<String> = query.text.split_whitespace().map(str::to_lowercase).collect();
    // Found once, not per claim: asking each claim for its evidence scans every link.
    let with_evidence_in_source: BTreeSet<ClaimId> = query.source.map_or_else(BTreeSet::new, |source| {
        project.evidence.values().filter(|e| e.passage.source == source).map(|e| e.claim).collect()
    });
    let mut found: Vec<ClaimId> = project
        .claims
        .iter()
        .filter(|(id, claim)| {
            let verdict_ok = query.verdict.as_ref().is_none_or(|v| *v == claim.verdict);
            let tag_ok = query.tag.as_ref().is_none_or(|t| claim.tags.contains(t));
            let source_ok = query.source.is_none_or(|source| {
                claim.appearances.iter().any(|a| a.source == source) || with_evidence_in_source.contains(id)
            });
            let text_ok = words.is_empty() || {
                let haystack = [&claim.statement, &claim.claimant, &claim.explanation, &claim.notes]
                    .into_iter()
                    .cloned()
                    .chain(claim.tags.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                words.iter().all(|word| haystack.contains(word))
            };
            verdict_ok && tag_ok && source_ok && text_ok
        })
        .map(|(id, _)| *id)
        .collect();
    let claim = |id: &ClaimId| &project.claims[id];
    match query.order {
        ClaimOrder::Marked => {}
        ClaimOrder::Position => found
            .sort_by_key(|id| claim(id).appearances.first().map_or((SourceId(u32::MAX), 0), |a| (a.source, a.start))),
        ClaimOrder::Verdict => found.sort_by_key(|id| {
            project.scale.levels.iter().position(|l| l.label == claim(id).verdict).unwrap_or(usize::MAX)
        }),
        ClaimOrder::Statement => found.sort_by_key(|id| claim(id).statement.to_lowercase()),
    }
    found
}

/// Every tag used in the project, sorted.
pub fn all_tags(project: &Project) -> Vec<String> {
    let tags: std::collections::BTreeSet<&String> = project.claims.values().flat_map(|c| c.tags.iter()).collect();
    tags.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    fn sample() -> Project {
        store::load(&crate::sample_project_path()).expect("sample loads").project
    }

    #[test]
    fn filters_combine_and_orders_apply() {
        let project = sample();
        let all = claims_matching(&project, &ClaimQuery::default());
        assert_eq!(all.len(), project.claims.len());

        let false_ones = ClaimQuery { verdict: Some("False".to_owned()), ..ClaimQuery::default() };
        let found = claims_matching(&project, &false_ones);
        assert_eq!(found.len(), 5);
        assert!(found.iter().all(|id| project.claims[id].verdict == "False"));

        let in_rewrite = ClaimQuery { source: Some(SourceId(2)), text: "moranza".to_owned(), ..false_ones };
        let found = claims_matching(&project, &in_rewrite);
        assert!(!found.is_empty());
        assert!(found.iter().all(|id| project.claims[id].statement.to_lowercase().contains("moranza")
            || project.claims[id].explanation.to_lowercase().contains("moranza")));

        let by_verdict = claims_matching(&project, &ClaimQuery { order: ClaimOrder::Verdict, ..ClaimQuery::default() });
        let positions: Vec<usize> = by_verdict
            .iter()
            .map(|id| project.scale.levels.iter().position(|l| l.label == project.claims[id].verdict).unwrap_or(99))
            .collect();
        assert!(positions.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(all_tags(&project).contains(&"location".to_owned()));
    }
}
