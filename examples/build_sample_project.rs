//! Builds `projects/harbour-accord/harbour-accord.ron` from the source documents beside it
//! and the claims, evidence and conflicts below, through the same edits the app makes.
//!
//! Run after changing a source document or the tables:
//! `cargo run --example build_sample_project`

use std::path::Path;

use anyhow::{Context, bail};
use crosscheck::edit::Edit;
use crosscheck::history::History;
use crosscheck::import;
use crosscheck::model::{
    Anchor, Claim, Conflict, ConflictKind, ConflictStatus, Evidence, OriginalFile, Project, ProjectInfo, Source,
    SourceContent, SourceId, SourceMeta, Stance,
};
use crosscheck::store;

struct SourceSpec {
    file: &'static str,
    title: &'static str,
    outlet: &'static str,
    author: &'static str,
    published: &'static str,
    url: &'static str,
}

/// A passage: the source file it is in and its exact text there.
type At = (&'static str, &'static str);

struct EvidenceSpec {
    at: At,
    stance: Stance,
    note: &'static str,
}

struct ClaimSpec {
    at: At,
    statement: &'static str,
    claimant: &'static str,
    verdict: &'static str,
    explanation: &'static str,
    tags: &'static [&'static str],
    evidence: &'static [EvidenceSpec],
}

struct ConflictSpec {
    kind: ConflictKind,
    summary: &'static str,
    passages: [At; 2],
    /// Resolution note and the index of the passage that is right.
    resolution: Option<(&'static str, usize)>,
}

fn main() -> anyhow::Result<()> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/harbour-accord");
    let mut project = Project::new("");
    let mut history = History::unsaved();
    let info = ProjectInfo {
        title: "Sella Harbour Accord: what the three reports got right".to_owned(),
        organisation: "Crosscheck sample desk".to_owned(),
        url: "https://example.org/factchecks/sella-harbour-accord".to_owned(),
    };
    history.apply(&mut project, Edit::SetProject(crosscheck::edit::ProjectChange::Info(info)))?;

    let mut ids: Vec<(&str, SourceId)> = Vec::new();
    for spec in SOURCES {
        let path = folder.join(store::SOURCES_DIR).join(spec.file);
        let imported = import::import_file(&path)?;
        let meta = SourceMeta {
            title: spec.title.to_owned(),
            outlet: spec.outlet.to_owned(),
            author: spec.author.to_owned(),
            published: spec.published.to_owned(),
            url: spec.url.to_owned(),
            language: "en".to_owned(),
        };
        let original = OriginalFile {
            path: format!("{}/{}", store::SOURCES_DIR, spec.file),
            sha256: store::sha256_hex(&imported.bytes),
            importer: imported.document.importer.to_owned(),
            capture: None,
            ocr: imported.ocr.map(Box::new),
        };
        let content =
            SourceContent { format: imported.document.format, text: imported.document.text, original: Some(original) };
        let id = project.ids.next_source();
        history.apply(&mut project, Edit::InsertSource { id, source: Box::new(Source { meta, content }) })?;
        ids.push((spec.file, id));
    }
    let anchor = |project: &Project, (file, quote): At| -> anyhow::Result<Anchor> {
        let Some(&(_, id)) = ids.iter().find(|(name, _)| *name == file) else { bail!("no source file {file}") };
        Anchor::find(id, project.sources[&id].text(), quote).with_context(|| format!("{quote:?} is not in {file}"))
    };

    for spec in CLAIMS {
        let id = project.ids.next_claim();
        let mut claim = Claim::marked(anchor(&project, spec.at)?, spec.verdict);
        spec.statement.clone_into(&mut claim.statement);
        spec.claimant.clone_into(&mut claim.claimant);
        spec.explanation.clone_into(&mut claim.explanation);
        claim.tags = spec.tags.iter().map(|tag| (*tag).to_owned()).collect();
        history.apply(&mut project, Edit::InsertClaim { id, claim: Box::new(claim) })?;
        for evidence in spec.evidence {
            let passage = anchor(&project, evidence.at)?;
            let evidence = Evidence { claim: id, passage, stance: evidence.stance, note: evidence.note.to_owned() };
            let evidence_id = project.ids.next_evidence();
            history.apply(&mut project, Edit::InsertEvidence { id: evidence_id, evidence: Box::new(evidence) })?;
        }
    }
    for spec in CONFLICTS {
        let passages = spec.passages.iter().map(|at| anchor(&project, *at)).collect::<anyhow::Result<Vec<_>>>()?;
        let status = spec.resolution.map_or(ConflictStatus::Open, |(note, correct)| ConflictStatus::Resolved {
            note: note.to_owned(),
            correct: Some(correct),
        });
        let conflict = Conflict { kind: spec.kind, summary: spec.summary.to_owned(), passages, status };
        let id = project.ids.next_conflict();
        history.apply(&mut project, Edit::InsertConflict { id, conflict: Box::new(conflict) })?;
    }

    let problems = project.problems();
    if !problems.is_empty() {
        bail!("the sample project has problems: {problems:#?}");
    }
    let path = folder.join("harbour-accord.ron");
    store::save(&project, &path)?;
    // The sample has no history worth keeping next to it.
    let backup = store::backup_path(&path);
    if backup.exists() {
        std::fs::remove_file(backup)?;
    }
    println!("wrote {}", path.display());
    Ok(())
}

const SOURCES: &[SourceSpec] = &[
    SourceSpec {
        file: "wire.txt",
        title: "Varenland, Kessary agree Sella river flow guarantee and 40 mln euro dam fund",
        outlet: "Meridian Press Agency",
        author: "Nadia Cortell",
        published: "2024-05-14",
        url: "https://example.org/meridian/2024/05/14/varenland-kessary-sella-accord",
    },
    SourceSpec {
        file: "rewrite.md",
        title: "Varenland and Kessary strike river deal as dam safety fund agreed",
        outlet: "Northgate Daily",
        author: "Priya Hallam",
        published: "2024-05-15",
        url: "https://example.com/northgate-daily/world/varenland-kessary-strike-river-deal",
    },
    SourceSpec {
        file: "statement.txt",
        title: "Kessary and Varenland sign the Sella Harbour Accord on water sharing and dam safety",
        outlet: "Ministry for Water and Rivers, Republic of Kessary",
        author: "",
        published: "2024-05-14",
        url: "https://example.net/kessary-water-rivers/press/2024-05-14-sella-harbour-accord",
    },
];

const CLAIMS: &[ClaimSpec] = &[
    ClaimSpec {
        at: ("wire.txt", "initialled in the Varenland capital by Kessary's Minister for Water and Rivers"),
        statement: "The accord was initialled in Halvik, the capital of Varenland.",
        claimant: "Meridian Press Agency",
        verdict: "True",
        explanation: "The wire's dateline and the ministry's own release both place the meeting in Halvik.",
        tags: &["location"],
        evidence: &[
            EvidenceSpec {
                at: ("statement.txt", "today signed the Sella Harbour Accord at a bilateral meeting held in Halvik"),
                stance: Stance::Supports,
                note: "The Kessary ministry confirms the meeting was held in Halvik.",
            },
            EvidenceSpec {
                at: ("wire.txt", "he told a news conference in Halvik"),
                stance: Stance::Context,
                note: "Orlen's news conference after the meeting was also in Halvik.",
            },
        ],
    },
    ClaimSpec {
        at: ("rewrite.md", "MORANZA - Kessary and Varenland agreed on Tuesday"),
        statement: "The agreement was reached at a meeting in Moranza, the capital of Kessary.",
        claimant: "Northgate Daily",
        verdict: "False",
        explanation: "The meeting took place in Halvik; Moranza is only where the ministry release was issued and where the finance minister briefed reporters.",
        tags: &["location"],
        evidence: &[
            EvidenceSpec {
                at: ("wire.txt", "HALVIK, May 14 (Meridian Press Agency)"),
                stance: Stance::Contradicts,
                note: "The original wire copy is datelined Halvik.",
            },
            EvidenceSpec {
                at: ("statement.txt", "Moranza, 14 May 2024"),
                stance: Stance::Context,
                note: "The release is datelined Moranza, a likely source of the confusion.",
            },
        ],
    },
    ClaimSpec {
        at: ("rewrite.md", "by Water Minister Daria Lind and Varenland's Minister of Environment and Water"),
        statement: "Kessary's water minister, Daria Lind, initialled the accord.",
        claimant: "Northgate Daily",
        verdict: "False",
        explanation: "Kessary's water minister is Davor Lind; Daria Lind is the finance minister and is not related to him.",
        tags: &["names"],
        evidence: &[
            EvidenceSpec {
                at: ("wire.txt", "Kessary's Finance Minister, Daria Lind, who is not related to the water minister"),
                stance: Stance::Contradicts,
                note: "Daria Lind holds the finance portfolio.",
            },
            EvidenceSpec {
                at: ("statement.txt", "the Minister for Water and Rivers, Mr Davor Lind"),
                stance: Stance::Contradicts,
                note: "The ministry names Davor Lind as its minister.",
            },
        ],
    },
    ClaimSpec {
        at: ("wire.txt", "to create a joint 40 million euro fund for the safety of the Tarn Gorge Dam"),
        statement: "The two countries are creating a joint dam-safety fund of 40 million euros.",
        claimant: "Meridian Press Agency",
        verdict: "True",
        explanation: "The ministry gives the same total, and the two national contributions in the wire add up to 40 million euros.",
        tags: &["numbers"],
        evidence: &[
            EvidenceSpec {
                at: ("statement.txt", "Joint Dam Safety Fund with a total capitalisation of 40 million euros"),
                stance: Stance::Supports,
                note: "Official figure matches.",
            },
            EvidenceSpec {
                at: (
                    "wire.txt",
                    "Kessary will contribute 24 million euros to the dam-safety fund and Varenland 16 million euros",
                ),
                stance: Stance::Supports,
                note: "24 + 16 = 40 million euros.",
            },
        ],
    },
    ClaimSpec {
        at: ("rewrite.md", "set up a joint 14 million euro fund"),
        statement: "The joint dam-safety fund is worth 14 million euros.",
        claimant: "Northgate Daily",
        verdict: "False",
        explanation: "The fund totals 40 million euros; the rewrite's own contribution figures (24 and 16 million) contradict its headline number.",
        tags: &["numbers"],
        evidence: &[
            EvidenceSpec {
                at: ("rewrite.md", "Kessary will put 24 million euros into the fund and Varenland 16 million euros"),
                stance: Stance::Contradicts,
                note: "Internal inconsistency: the contributions sum to 40 million.",
            },
            EvidenceSpec {
                at: ("statement.txt", "a total capitalisation of 40 million euros"),
                stance: Stance::Contradicts,
                note: "Official total is 40 million euros.",
            },
        ],
    },
    ClaimSpec {
        at: ("wire.txt", "Varenland supported a proposal to give the Sella Basin Commission powers"),
        statement: "Varenland backed giving the basin commission power to order emergency releases from the dam.",
        claimant: "Meridian Press Agency",
        verdict: "True",
        explanation: "The Kessary ministry explicitly welcomes Varenland's support for the emergency-release mechanism.",
        tags: &["quote"],
        evidence: &[EvidenceSpec {
            at: ("statement.txt", "The Ministry welcomes the support of the Varenland delegation for a mechanism"),
            stance: Stance::Supports,
            note: "Independent confirmation from the other side of the negotiation.",
        }],
    },
    ClaimSpec {
        at: ("rewrite.md", "Varenland opposed a proposal to give the Sella Basin Commission powers"),
        statement: "Varenland opposed giving the basin commission power to order emergency releases.",
        claimant: "Northgate Daily",
        verdict: "False",
        explanation: "The rewrite inverted the wire sentence; it was Kessary that had resisted the idea, and Varenland supported it.",
        tags: &["quote"],
        evidence: &[
            EvidenceSpec {
                at: (
                    "wire.txt",
                    "Kessary negotiators had resisted the idea in earlier rounds but accepted it on Tuesday",
                ),
                stance: Stance::Contradicts,
                note: "The resistance came from Kessary, not Varenland.",
            },
            EvidenceSpec {
                at: ("statement.txt", "welcomes the support of the Varenland delegation"),
                stance: Stance::Contradicts,
                note: "Kessary describes Varenland's position as support.",
            },
        ],
    },
    ClaimSpec {
        at: (
            "rewrite.md",
            "accounted for on both sides of the border,\" Varenland's Ministry of Environment and Water said after the talks",
        ),
        statement: "The \"source of friction\" quote came from Varenland's Ministry of Environment and Water.",
        claimant: "Northgate Daily",
        verdict: "False",
        explanation: "The quote was issued by Kessary's Ministry for Water and Rivers, as both the wire and the ministry's own release show.",
        tags: &["attribution", "quote"],
        evidence: &[
            EvidenceSpec {
                at: ("statement.txt", "In a statement following the meeting, the Ministry for Water and Rivers said:"),
                stance: Stance::Contradicts,
                note: "The quote appears in the Kessary ministry's release in its original form.",
            },
            EvidenceSpec {
                at: ("wire.txt", "the Kessary Ministry for Water and Rivers said in a statement after the meeting"),
                stance: Stance::Contradicts,
                note: "Wire attributes it to the Kessary ministry.",
            },
        ],
    },
    ClaimSpec {
        at: ("statement.txt", "Kessary and Varenland sign the Sella Harbour Accord on water sharing and dam safety"),
        statement: "The two ministers signed the accord on 14 May 2024.",
        claimant: "Ministry for Water and Rivers, Republic of Kessary",
        verdict: "Misleading",
        explanation: "The text was only initialled; it still needs Varenland's parliamentary approval and a formal signing is planned for September.",
        tags: &["quote"],
        evidence: &[
            EvidenceSpec {
                at: (
                    "wire.txt",
                    "It still needs approval from Varenland's parliament, and a formal signing is planned in Moranza in September.",
                ),
                stance: Stance::Contradicts,
                note: "Wire describes the 14 May step as initialling.",
            },
            EvidenceSpec {
                at: (
                    "rewrite.md",
                    "It still needs the approval of Varenland's parliament before a formal signing in September.",
                ),
                stance: Stance::Contradicts,
                note: "The rewrite keeps this detail from the wire.",
            },
            EvidenceSpec {
                at: ("statement.txt", "published following the completion of domestic procedures"),
                stance: Stance::Context,
                note: "The release itself concedes domestic procedures are not complete.",
            },
        ],
    },
    ClaimSpec {
        at: ("statement.txt", "Kessary's contribution has been fully provided for in the 2024 State Budget."),
        statement: "Kessary's share of the fund is already funded in the 2024 state budget.",
        claimant: "Ministry for Water and Rivers, Republic of Kessary",
        verdict: "Unverified",
        explanation: "",
        tags: &["numbers"],
        evidence: &[
            EvidenceSpec {
                at: ("wire.txt", "the government's 24 million euro share had not yet been allocated"),
                stance: Stance::Contradicts,
                note: "Kessary's finance minister said the money was not yet allocated.",
            },
            EvidenceSpec {
                at: ("wire.txt", "\"We will seek the allocation in the autumn supplementary budget,\" she said."),
                stance: Stance::Contradicts,
                note: "On-record quote from Daria Lind.",
            },
        ],
    },
    ClaimSpec {
        at: ("rewrite.md", "During the drought of 2019 the river fell to just 30 cubic metres per second at Dunmore"),
        statement: "In the 2019 drought the Sella fell to 30 cubic metres per second at Dunmore.",
        claimant: "Northgate Daily",
        verdict: "Unverified",
        explanation: "",
        tags: &["numbers"],
        evidence: &[EvidenceSpec {
            at: ("wire.txt", "had lost an estimated 18 percent of their harvest during the dry summer of 2022"),
            stance: Stance::Context,
            note: "The wire mentions a dry summer in 2022, not 2019; the background paragraph is not in the wire copy.",
        }],
    },
    ClaimSpec {
        at: (
            "statement.txt",
            "The Tarn Gorge Dam has operated safely and without interruption since its commissioning in 1974",
        ),
        statement: "The Tarn Gorge Dam has operated safely without interruption since 1974.",
        claimant: "Ministry for Water and Rivers, Republic of Kessary",
        verdict: "Unprovable",
        explanation: "None of the sources gives an independent operating or safety record for the dam, so the claim cannot be checked from this material.",
        tags: &["numbers"],
        evidence: &[
            EvidenceSpec {
                at: (
                    "rewrite.md",
                    "Varenland accused Kessary of holding water back to keep the Tarn Gorge reservoir full",
                ),
                stance: Stance::Context,
                note: "An accusation about releases, not about dam safety; it does not settle the claim.",
            },
            EvidenceSpec {
                at: ("statement.txt", "has never failed to meet its release obligations to downstream users"),
                stance: Stance::Context,
                note: "Companion claim in the same paragraph, equally unsupported.",
            },
        ],
    },
    ClaimSpec {
        at: ("statement.txt", "The Republic of Kessary will bear 60 percent of the cost of the Fund"),
        statement: "Kessary will pay 60 percent of the dam-safety fund.",
        claimant: "Ministry for Water and Rivers, Republic of Kessary",
        verdict: "True",
        explanation: "The wire gives Kessary's share as 24 million of 40 million euros, which is 60 percent.",
        tags: &["numbers"],
        evidence: &[EvidenceSpec {
            at: ("wire.txt", "Kessary will contribute 24 million euros"),
            stance: Stance::Supports,
            note: "24 / 40 = 0.6; same figure framed as an amount instead of a percentage.",
        }],
    },
    ClaimSpec {
        at: ("wire.txt", "will release at least 85 cubic metres of water per second at the Dunmore border gauge"),
        statement: "Kessary must release at least 85 cubic metres per second at Dunmore from June to September.",
        claimant: "Meridian Press Agency",
        verdict: "True",
        explanation: "The ministry release gives the same minimum flow, gauge and season.",
        tags: &["numbers"],
        evidence: &[
            EvidenceSpec {
                at: ("statement.txt", "will release not less than 85 cubic metres per second"),
                stance: Stance::Supports,
                note: "Same figure in the official text.",
            },
            EvidenceSpec {
                at: ("rewrite.md", "at least 85 cubic metres of water per second at the Dunmore gauge"),
                stance: Stance::Supports,
                note: "The rewrite reproduces this figure correctly.",
            },
        ],
    },
    ClaimSpec {
        at: ("statement.txt", "an increase of seven percentage points on its average share over the past ten years"),
        statement: "Varenland's share of the river's flow rises by seven percentage points.",
        claimant: "Ministry for Water and Rivers, Republic of Kessary",
        verdict: "Mostly true",
        explanation: "The new share is 42 percent against a past average the wire calls \"roughly\" 35 percent, so seven points is an approximation.",
        tags: &["numbers"],
        evidence: &[EvidenceSpec {
            at: ("wire.txt", "up from the roughly 35 percent it has received on average over the past decade"),
            stance: Stance::Supports,
            note: "42 - 35 = 7, with the baseline given only approximately.",
        }],
    },
];

const CONFLICTS: &[ConflictSpec] = &[
    ConflictSpec {
        kind: ConflictKind::Name,
        summary: "The water minister is named Davor Lind in one copy, Daria Lind in another",
        passages: [
            ("wire.txt", "Kessary's Minister for Water and Rivers, Davor Lind"),
            ("rewrite.md", "was initialled in the Kessary capital by Water Minister Daria Lind"),
        ],
        resolution: Some((
            "Davor Lind is Kessary's water minister (confirmed by his ministry's release); Daria Lind is the finance minister.",
            0,
        )),
    },
    ConflictSpec {
        kind: ConflictKind::Place,
        summary: "The meeting is placed in Halvik in one copy, in Moranza in another",
        passages: [
            ("wire.txt", "initialled in the Varenland capital"),
            ("rewrite.md", "initialled in the Kessary capital"),
        ],
        resolution: Some((
            "The meeting was held in Halvik, the Varenland capital, as the ministry release also states.",
            0,
        )),
    },
    ConflictSpec {
        kind: ConflictKind::Attribution,
        summary: "The same quote is credited to Kessary's water ministry and to Varenland's environment ministry",
        passages: [
            ("wire.txt", ",\" the Kessary Ministry for Water and Rivers said"),
            ("rewrite.md", ",\" Varenland's Ministry of Environment and Water said"),
        ],
        resolution: Some(("The quote appears verbatim in the Kessary Ministry for Water and Rivers release.", 0)),
    },
    ConflictSpec {
        kind: ConflictKind::Other,
        summary: "Varenland supported the emergency-release proposal in one copy and opposed it in another",
        passages: [("wire.txt", "Varenland supported a proposal"), ("rewrite.md", "Varenland opposed a proposal")],
        resolution: Some((
            "The rewrite flipped the meaning; the Kessary release confirms Varenland supported the emergency-release mechanism.",
            0,
        )),
    },
    ConflictSpec {
        kind: ConflictKind::Number,
        summary: "The dam-safety fund is 40 million euros in one copy, 14 million in another",
        passages: [("wire.txt", "a joint 40 million euro fund"), ("rewrite.md", "a joint 14 million euro fund")],
        resolution: Some((
            "The fund totals 40 million euros (24 million from Kessary plus 16 million from Varenland); 14 million is a transposition error.",
            0,
        )),
    },
    ConflictSpec {
        kind: ConflictKind::Other,
        summary: "The ministry says the accord was signed; the wire says it was only initialled",
        passages: [
            ("statement.txt", "today signed the Sella Harbour Accord"),
            ("wire.txt", "a formal signing is planned in Moranza in September"),
        ],
        resolution: None,
    },
    ConflictSpec {
        kind: ConflictKind::Other,
        summary: "The ministry says Kessary's share is budgeted; the finance minister says it is not yet allocated",
        passages: [
            ("statement.txt", "has been fully provided for in the 2024 State Budget"),
            ("wire.txt", "share had not yet been allocated"),
        ],
        resolution: None,
    },
];
