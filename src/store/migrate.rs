//! Reading project files written by older versions of Crosscheck.
//!
//! Each older format keeps its own serde structs here, frozen as they were, with a
//! conversion to the current model. Loading an old file parses it with its own structs
//! and converts it; the file on disk is only rewritten when the analyst saves.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::format::{Body, FormatError};
use crate::model::{
    Anchor, CharIndex, Claim, ClaimId, Conflict, ConflictId, ConflictKind, ConflictStatus, Evidence, OriginalFile,
    Project, ProjectInfo, Source, SourceContent, SourceFormat, SourceId, SourceMeta, Stance, VerdictScale,
};

/// Converts the text of a file in an older `version` to the current model.
pub(super) fn from_version(version: u32, text: &str) -> Result<Project, FormatError> {
    match version {
        1 => Ok(ron::from_str::<Body<v1::Project>>(text)?.project.into_current()),
        // Version 2 is version 3 without web captures (`capture` on an original file, which
        // defaults to none): the current structs read it as it is.
        2 => Ok(ron::from_str::<Body<Project>>(text)?.project),
        other => Err(FormatError::Syntax {
            line: 1,
            column: 1,
            message: format!("project format version {other} was never written by any Crosscheck release"),
        }),
    }
}

/// Version 1 (Crosscheck 0.1 previews): evidence lived inside its claim, a claim had one
/// passage, verdicts were a fixed list, anchors kept no context, and one counter served
/// every kind of id.
mod v1 {
    use super::{BTreeMap, BTreeSet, Deserialize};

    #[derive(Deserialize)]
    pub struct Project {
        pub title: String,
        #[serde(default)]
        pub sources: BTreeMap<String, Source>,
        #[serde(default)]
        pub claims: BTreeMap<String, Claim>,
        #[serde(default)]
        pub conflicts: BTreeMap<String, Conflict>,
        pub next_id: u32,
    }

    #[derive(Deserialize)]
    pub enum SourceKind {
        Text,
        Markdown,
    }

    #[derive(Deserialize)]
    pub struct Source {
        pub title: String,
        pub outlet: String,
        pub author: String,
        pub date: String,
        pub url: String,
        pub file: Option<String>,
        pub sha256: String,
        pub kind: SourceKind,
        pub text: String,
    }

    #[derive(Deserialize)]
    pub struct Passage {
        pub source: String,
        pub start: usize,
        pub end: usize,
        pub quote: String,
    }

    #[derive(Deserialize)]
    pub enum Verdict {
        Unverified,
        True,
        MostlyTrue,
        Mixed,
        MostlyFalse,
        False,
        Misleading,
        Unprovable,
    }

    #[derive(Deserialize)]
    pub enum Stance {
        Supports,
        Contradicts,
        Context,
    }

    #[derive(Deserialize)]
    pub struct EvidenceItem {
        pub passage: Passage,
        pub stance: Stance,
        pub note: String,
    }

    #[derive(Deserialize)]
    pub struct Claim {
        pub text: String,
        pub passage: Passage,
        pub claimant: String,
        pub verdict: Verdict,
        pub explanation: String,
        pub tags: BTreeSet<String>,
        pub notes: String,
        pub evidence: Vec<EvidenceItem>,
    }

    #[derive(Deserialize)]
    pub enum ConflictKind {
        Name,
        Number,
        Date,
        Place,
        Attribution,
        Quote,
        Other,
    }

    #[derive(Deserialize)]
    pub struct Conflict {
        pub kind: ConflictKind,
        pub passages: Vec<Passage>,
        pub note: String,
        pub resolved: Option<String>,
    }
}

/// Parses a v1 id such as `C4`; v1 ids already had today's letters.
fn number(id: &str) -> u32 {
    id.get(1..).and_then(|digits| digits.parse().ok()).unwrap_or(0)
}

impl v1::Project {
    fn into_current(self) -> Project {
        let mut project = Project {
            info: ProjectInfo { title: self.title, ..ProjectInfo::default() },
            scale: VerdictScale::default(),
            ..Project::default()
        };
        // v1 shared one counter; each kind now has its own, started past every old id.
        let start = self.next_id.max(1);
        project.ids.source = start;
        project.ids.claim = start;
        project.ids.conflict = start;
        project.ids.evidence = start;

        for (id, source) in self.sources {
            project.sources.insert(SourceId(number(&id)), source.into_current());
        }
        let texts: BTreeMap<SourceId, (String, CharIndex)> = project
            .sources
            .iter()
            .map(|(id, source)| (*id, (source.content.text.clone(), CharIndex::new(source.text()))))
            .collect();
        let anchor = |passage: v1::Passage| passage.into_current(&texts);

        for (id, claim) in self.claims {
            let claim_id = ClaimId(number(&id));
            for item in claim.evidence {
                let evidence_id = project.ids.next_evidence();
                let stance = match item.stance {
                    v1::Stance::Supports => Stance::Supports,
                    v1::Stance::Contradicts => Stance::Contradicts,
                    v1::Stance::Context => Stance::Context,
                };
                project.evidence.insert(
                    evidence_id,
                    Evidence { claim: claim_id, passage: anchor(item.passage), stance, note: item.note },
                );
            }
            project.claims.insert(
                claim_id,
                Claim {
                    statement: claim.text,
                    appearances: vec![anchor(claim.passage)],
                    claimant: claim.claimant,
                    verdict: claim.verdict.label().to_owned(),
                    explanation: claim.explanation,
                    tags: claim.tags,
                    notes: claim.notes,
                },
            );
        }
        for (id, conflict) in self.conflicts {
            let status = match conflict.resolved {
                Some(note) => ConflictStatus::Resolved { note, correct: None },
                None => ConflictStatus::Open,
            };
            project.conflicts.insert(
                ConflictId(number(&id)),
                Conflict {
                    kind: conflict.kind.into_current(),
                    summary: conflict.note,
                    passages: conflict.passages.into_iter().map(anchor).collect(),
                    status,
                },
            );
        }
        project
    }
}

impl v1::Source {
    fn into_current(self) -> Source {
        let format = match self.kind {
            v1::SourceKind::Text => SourceFormat::PlainText,
            v1::SourceKind::Markdown => SourceFormat::Markdown,
        };
        let original = self.file.map(|path| OriginalFile {
            path,
            sha256: self.sha256,
            importer: String::new(),
            capture: None,
            ocr: None,
        });
        Source {
            meta: SourceMeta {
                title: self.title,
                outlet: self.outlet,
                author: self.author,
                published: self.date,
                url: self.url,
                language: String::new(),
            },
            content: SourceContent { format, text: self.text, original },
        }
    }
}

impl v1::Passage {
    /// Recovers the context v1 did not keep; a passage that no longer fits keeps its quote
    /// so that validation reports it and re-anchoring can find it.
    fn into_current(self, texts: &BTreeMap<SourceId, (String, CharIndex)>) -> Anchor {
        let source = SourceId(number(&self.source));
        texts
            .get(&source)
            .and_then(|(text, index)| Anchor::capture_indexed(source, text, index, self.start, self.end))
            .filter(|anchor| anchor.exact == self.quote)
            .unwrap_or(Anchor {
                source,
                start: self.start,
                end: self.end,
                exact: self.quote,
                prefix: String::new(),
                suffix: String::new(),
                orphaned: true,
            })
    }
}

impl v1::Verdict {
    fn label(&self) -> &'static str {
        match self {
            Self::Unverified => "Unverified",
            Self::True => "True",
            Self::MostlyTrue => "Mostly true",
            Self::Mixed => "Mixed",
            Self::MostlyFalse => "Mostly false",
            Self::False => "False",
            Self::Misleading => "Misleading",
            Self::Unprovable => "Unprovable",
        }
    }
}

impl v1::ConflictKind {
    fn into_current(self) -> ConflictKind {
        match self {
            Self::Name => ConflictKind::Name,
            Self::Number => ConflictKind::Number,
            Self::Date => ConflictKind::Date,
            Self::Place => ConflictKind::Place,
            Self::Attribution => ConflictKind::Attribution,
            Self::Quote => ConflictKind::Quote,
            Self::Other => ConflictKind::Other,
        }
    }
}
