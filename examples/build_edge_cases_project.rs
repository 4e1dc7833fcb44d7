//! Builds `projects/edge-cases/edge-cases.ron`: a small project made to exercise what the
//! reports must get right beyond the main sample: every verdict of the scale, claims with
//! no passage in any source (one reviewed, one not), conflicts shown under several claims,
//! and a three-page PDF whose passages are cited by page. The texts are made up for it.
//! Everything but the two claims without a passage is made through edits, as in the app.
//!
//! The PDF is written here (three pages of Helvetica text, no dependency) and then imported
//! like any other file, so its text and page breaks come from the real importer.
//!
//! `cargo run --example build_edge_cases_project`

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use crosscheck::edit::{Edit, ProjectChange};
use crosscheck::history::History;
use crosscheck::import;
use crosscheck::model::{
    Anchor, Claim, Conflict, ConflictKind, ConflictStatus, Evidence, OriginalFile, Project, ProjectInfo, Source,
    SourceContent, SourceId, SourceMeta, Stance,
};
use crosscheck::store;

/// The PDF's pages, each a list of lines.
const PDF_PAGES: &[&[&str]] = &[
    &[
        "Brackwater Lending Library - Annual Report 2024",
        "Visits rose by 4 percent in 2024, to 61,300.",
        "Loans fell by 7 percent, to 88,900 items.",
    ],
    &[
        "Visits by day of the week",
        "Tuesdays brought 26 percent of the week's visits.",
        "Saturdays brought 24 percent of the week's visits.",
        "Sundays the library is closed.",
    ],
    &[
        "Opening hours",
        "Under its charter the library board alone sets opening hours.",
        "The board has no plan to close the library in 2025 or 2026.",
    ],
];

/// (file, title, outlet, author, published, url)
const SOURCES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "council-minutes.txt",
        "Minutes of the ordinary session of 3 March 2025",
        "Brackwater Town Council",
        "",
        "2025-03-03",
        "https://example.org/brackwater/council/minutes/2025-03-03",
    ),
    (
        "brackwater-post.md",
        "Library budget slashed by a third, council confirms",
        "Brackwater Post",
        "Tove Lindqvar",
        "2025-03-04",
        "https://example.com/brackwater-post/2025/03/04/library-budget",
    ),
    ("library-report.pdf", "Annual Report 2024", "Brackwater Lending Library", "", "2025-02", ""),
];

type At = (&'static str, &'static str);

struct ClaimSpec {
    /// `None`: a claim heard or read somewhere that is not among the sources.
    at: Option<At>,
    statement: &'static str,
    claimant: &'static str,
    verdict: &'static str,
    explanation: &'static str,
    evidence: &'static [(At, Stance, &'static str)],
}

const POST: &str = "brackwater-post.md";
const MINUTES: &str = "council-minutes.txt";
const PDF: &str = "library-report.pdf";

const CLAIMS: &[ClaimSpec] = &[
    ClaimSpec {
        at: Some((POST, "cut the lending library's budget by a third")),
        statement: "The council cut the library's budget by a third.",
        claimant: "Brackwater Post",
        verdict: "False",
        explanation: "The budget went from 455,000 to 412,000 crowns, a cut of about 9 percent, not a third.",
        evidence: &[((MINUTES, "412,000 crowns, down from 455,000 crowns in 2024"), Stance::Contradicts, "")],
    },
    ClaimSpec {
        at: Some((POST, "to 412,000 crowns")),
        statement: "The library's 2025 budget is 412,000 crowns.",
        claimant: "Brackwater Post",
        verdict: "True",
        explanation: "The treasurer gave the same figure to the council.",
        evidence: &[((MINUTES, "budget for 2025 is 412,000 crowns"), Stance::Supports, "")],
    },
    ClaimSpec {
        at: Some((POST, "in a vote of six to three")),
        statement: "The cut passed six votes to three.",
        claimant: "Brackwater Post",
        verdict: "Mostly true",
        explanation: "The minutes record six votes to three; two of the eleven councillors were absent, which the article does not say.",
        evidence: &[((MINUTES, "approved by six votes to three"), Stance::Supports, "")],
    },
    ClaimSpec {
        at: Some((POST, "the library will close on Saturdays from April")),
        statement: "The library will close on Saturdays from April.",
        claimant: "Imre Dalsgaard",
        verdict: "Misleading",
        explanation: "A councillor said so, but no decision was taken, and the council does not set the library's hours.",
        evidence: &[
            ((MINUTES, "no decision on opening hours had been taken"), Stance::Contradicts, "The treasurer's reply."),
            ((PDF, "the library board alone sets opening hours"), Stance::Contradicts, "The board's charter, page 3."),
        ],
    },
    ClaimSpec {
        at: Some((POST, "had \"not even been asked\" about opening hours")),
        statement: "The library board was not asked about opening hours.",
        claimant: "Sunniva Etxeberria",
        verdict: "Unprovable",
        explanation: "No record of any consultation either way; the minutes only say the board sets its own hours.",
        evidence: &[((MINUTES, "the library board sets its own hours"), Stance::Context, "")],
    },
    ClaimSpec {
        at: Some((POST, "a new early ferry, leaving at 07:00 on weekdays")),
        statement: "A new early ferry leaves at 07:00 on weekdays.",
        claimant: "Brackwater Post",
        verdict: "Mostly false",
        explanation: "The new crossing leaves at 07:10, and the council noted it rather than approving it.",
        evidence: &[((MINUTES, "will add a 07:10 crossing on weekdays"), Stance::Contradicts, "")],
    },
    ClaimSpec {
        at: Some((POST, "The library has never been busier")),
        statement: "The library has never been busier.",
        claimant: "Brackwater Post",
        verdict: "Mixed",
        explanation: "Visits rose in 2024, but loans fell; the report gives no earlier years.",
        evidence: &[
            ((PDF, "Visits rose by 4 percent in 2024"), Stance::Supports, "Page 1."),
            ((PDF, "Loans fell by 7 percent"), Stance::Contradicts, "Page 1."),
        ],
    },
    ClaimSpec {
        at: Some((POST, "Saturdays bring in more visitors than any other day")),
        statement: "Saturday is the library's busiest day.",
        claimant: "Brackwater Post",
        verdict: "Unverified",
        explanation: "",
        evidence: &[((PDF, "Saturdays brought 24 percent of the week's visits"), Stance::Context, "Page 2.")],
    },
    ClaimSpec {
        at: None,
        statement: "The library will close for good in 2026.",
        claimant: "A post shared in a local forum",
        verdict: "False",
        explanation: "The board's annual report says it has no plan to close the library in 2025 or 2026.",
        evidence: &[((PDF, "no plan to close the library in 2025 or 2026"), Stance::Contradicts, "Page 3.")],
    },
    ClaimSpec {
        at: None,
        statement: "The town will sell the old grain hall.",
        claimant: "A caller to a radio phone-in",
        verdict: "Unverified",
        explanation: "",
        evidence: &[],
    },
];

struct ConflictSpec {
    kind: ConflictKind,
    summary: &'static str,
    passages: [At; 2],
    resolution: Option<(&'static str, usize)>,
}

const CONFLICTS: &[ConflictSpec] = &[
    ConflictSpec {
        kind: ConflictKind::Number,
        summary: "How large the budget cut is",
        passages: [
            (POST, "budget by a third, to 412,000 crowns, in a vote of six to three"),
            (MINUTES, "412,000 crowns, down from 455,000 crowns in 2024. The cut was approved by six votes to three"),
        ],
        resolution: Some(("The minutes give both years' figures: a cut of about 9 percent.", 1)),
    },
    ConflictSpec {
        kind: ConflictKind::Other,
        summary: "Whether Saturday closing was decided",
        passages: [
            (POST, "the library will close on Saturdays from April"),
            (MINUTES, "no decision on opening hours had been taken and that the library board sets its own hours"),
        ],
        resolution: None,
    },
    ConflictSpec {
        kind: ConflictKind::Number,
        summary: "When the early ferry leaves",
        passages: [(POST, "leaving at 07:00 on weekdays"), (MINUTES, "a 07:10 crossing on weekdays")],
        resolution: None,
    },
];

fn main() -> anyhow::Result<()> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/edge-cases");
    let sources_dir = folder.join(store::SOURCES_DIR);
    std::fs::write(sources_dir.join(PDF), pdf(PDF_PAGES)?).context("writing the PDF")?;

    let mut project = Project::new("");
    let mut history = History::unsaved();
    let info = ProjectInfo {
        title: "Brackwater library budget: edge cases for reports".to_owned(),
        organisation: "Crosscheck sample desk".to_owned(),
        url: "https://example.org/factchecks/brackwater-library-budget".to_owned(),
    };
    history.apply(&mut project, Edit::SetProject(ProjectChange::Info(info)))?;

    let mut ids: Vec<(&str, SourceId)> = Vec::new();
    for &(file, title, outlet, author, published, url) in SOURCES {
        let imported = import::import_file(&sources_dir.join(file))?;
        let meta = SourceMeta {
            title: title.to_owned(),
            outlet: outlet.to_owned(),
            author: author.to_owned(),
            published: published.to_owned(),
            url: url.to_owned(),
            language: "en".to_owned(),
        };
        let original = OriginalFile {
            path: format!("{}/{file}", store::SOURCES_DIR),
            sha256: store::sha256_hex(&imported.bytes),
            importer: imported.document.importer.to_owned(),
            capture: None,
            ocr: imported.ocr.map(Box::new),
        };
        let content =
            SourceContent { format: imported.document.format, text: imported.document.text, original: Some(original) };
        let id = project.ids.next_source();
        history.apply(&mut project, Edit::InsertSource { id, source: Box::new(Source { meta, content }) })?;
        ids.push((file, id));
    }
    let anchor = |project: &Project, (file, quote): At| -> anyhow::Result<Anchor> {
        let Some(&(_, id)) = ids.iter().find(|(name, _)| *name == file) else { bail!("no source file {file}") };
        Anchor::find(id, project.sources[&id].text(), quote).with_context(|| format!("{quote:?} is not in {file}"))
    };

    for spec in CLAIMS {
        // A claim is marked on a passage; claims without one are emptied below.
        let mut claim = Claim::marked(anchor(&project, spec.at.unwrap_or((MINUTES, "Item 4")))?, spec.verdict);
        spec.statement.clone_into(&mut claim.statement);
        spec.claimant.clone_into(&mut claim.claimant);
        spec.explanation.clone_into(&mut claim.explanation);
        let id = project.ids.next_claim();
        history.apply(&mut project, Edit::InsertClaim { id, claim: Box::new(claim) })?;
        for &(at, stance, note) in spec.evidence {
            let evidence = Evidence { claim: id, passage: anchor(&project, at)?, stance, note: note.to_owned() };
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

    // No edit makes a claim without a passage (the app always marks one), but project files
    // have them: written by hand, merged in git, or by other tools. Reports must cope, so
    // this project has two, made the way such a file is: outside the edits.
    for (spec, claim) in CLAIMS.iter().zip(project.claims.values_mut()) {
        if spec.at.is_none() {
            claim.appearances.clear();
        }
    }
    // Claims without a passage are the point of this project; nothing else may be wrong.
    let problems: Vec<_> =
        project.problems().into_iter().filter(|p| p.message != "has no passage where it appears").collect();
    if !problems.is_empty() {
        bail!("the edge-case project has problems: {problems:#?}");
    }
    let path = folder.join("edge-cases.ron");
    store::save(&project, &path)?;
    let backup = store::backup_path(&path);
    if backup.exists() {
        std::fs::remove_file(backup)?;
    }
    println!("wrote {}", path.display());
    Ok(())
}

/// A minimal PDF 1.4 file: one page per entry, each line in 12-point Helvetica.
fn pdf(pages: &[&[&str]]) -> Result<Vec<u8>, std::fmt::Error> {
    let page_count = pages.len();
    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {page_count} >>",
            (0..page_count).map(|n| format!("{} 0 R", 4 + 2 * n)).collect::<Vec<_>>().join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    for (n, lines) in pages.iter().enumerate() {
        let mut stream = String::from("BT /F1 12 Tf 72 740 Td 16 TL\n");
        for line in *lines {
            let escaped = line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
            writeln!(stream, "({escaped}) Tj T*")?;
        }
        stream.push_str("ET");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * n
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{object}\nendobj\n", n + 1)?;
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1)?;
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ")?;
    }
    write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)?;
    Ok(out.into_bytes())
}
