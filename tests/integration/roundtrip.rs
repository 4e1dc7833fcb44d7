//! Any project survives a save and a load unchanged, and saving twice gives the same bytes.

use std::collections::BTreeSet;

use crosscheck::model::{
    Anchor, Claim, Conflict, ConflictKind, ConflictStatus, Evidence, OriginalFile, Project, ProjectInfo, Source,
    SourceContent, SourceFormat, SourceMeta, Stance,
};
use crosscheck::store;
use proptest::prelude::*;

/// Text with the characters that stress a RON writer: quotes, backslashes, raw-string
/// delimiters, newlines, tabs, non-Latin scripts and astral-plane characters.
fn awkward_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("([a-zA-Z ]|\"|\\\\|#|r#\"|\"#|\n|\r\n|\t|é|北|🦀|\u{200b}|\\(|\\)|,|:){0,60}")
        .expect("valid regex")
}

/// Picks a passage of `text` from two arbitrary numbers.
fn passage(source: crosscheck::model::SourceId, text: &str, a: usize, b: usize) -> Anchor {
    let length = text.chars().count();
    let start = a % (length + 1);
    let end = start + b % (length - start + 1);
    Anchor::capture(source, text, start, end).expect("range is inside the text")
}

type ClaimSeed = (usize, usize, usize, String, String, BTreeSet<String>, usize);
type EvidenceSeed = (usize, usize, usize, usize, usize, String);
type ConflictSeed = (usize, usize, usize, usize, usize, usize, bool, String);

fn project_from(
    texts: Vec<(String, String, bool)>,
    claims: Vec<ClaimSeed>,
    evidence: Vec<EvidenceSeed>,
    conflicts: Vec<ConflictSeed>,
    title: String,
) -> Project {
    let mut project = Project::new(&title);
    project.info = ProjectInfo { title, organisation: "Desk \"Q\"".to_owned(), url: String::new() };
    let mut source_ids = Vec::new();
    for (text, title, with_original) in texts {
        let id = project.ids.next_source();
        let original = with_original.then(|| OriginalFile {
            path: format!("sources/{id}.txt"),
            sha256: store::sha256_hex(text.as_bytes()),
            importer: "plain-1".to_owned(),
            capture: None,
            ocr: None,
        });
        let meta = SourceMeta { title, ..SourceMeta::default() };
        project
            .sources
            .insert(id, Source { meta, content: SourceContent { format: SourceFormat::PlainText, text, original } });
        source_ids.push(id);
    }
    if source_ids.is_empty() {
        return project;
    }
    let text_of = |project: &Project, n: usize| {
        let id = source_ids[n % source_ids.len()];
        (id, project.sources[&id].text().to_owned())
    };
    let verdicts: Vec<String> = project.scale.levels.iter().map(|l| l.label.clone()).collect();
    let mut claim_ids = Vec::new();
    for (source, a, b, statement, notes, tags, verdict) in claims {
        let (id, text) = text_of(&project, source);
        let mut claim = Claim::marked(passage(id, &text, a, b), &verdicts[verdict % verdicts.len()]);
        claim.statement = statement;
        claim.notes = notes;
        claim.tags = tags;
        let claim_id = project.ids.next_claim();
        project.claims.insert(claim_id, claim);
        claim_ids.push(claim_id);
    }
    if !claim_ids.is_empty() {
        for (claim, source, a, b, stance, note) in evidence {
            let (id, text) = text_of(&project, source);
            let evidence = Evidence {
                claim: claim_ids[claim % claim_ids.len()],
                passage: passage(id, &text, a, b),
                stance: Stance::ALL[stance % 3],
                note,
            };
            let evidence_id = project.ids.next_evidence();
            project.evidence.insert(evidence_id, evidence);
        }
    }
    for (s1, a1, b1, s2, a2, kind, resolved, note) in conflicts {
        let (first, first_text) = text_of(&project, s1);
        let (second, second_text) = text_of(&project, s2);
        let passages = vec![passage(first, &first_text, a1, b1), passage(second, &second_text, a2, 3)];
        let status =
            if resolved { ConflictStatus::Resolved { note, correct: Some(kind % 2) } } else { ConflictStatus::Open };
        let conflict = Conflict { kind: ConflictKind::ALL[kind % 7], summary: String::new(), passages, status };
        let conflict_id = project.ids.next_conflict();
        project.conflicts.insert(conflict_id, conflict);
    }
    project
}

fn any_project() -> impl Strategy<Value = Project> {
    (
        prop::collection::vec((awkward_text(), awkward_text(), any::<bool>()), 0..4),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                awkward_text(),
                awkward_text(),
                prop::collection::btree_set(awkward_text(), 0..3),
                any::<usize>(),
            ),
            0..6,
        ),
        prop::collection::vec(
            (any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>(), awkward_text()),
            0..6,
        ),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                any::<bool>(),
                awkward_text(),
            ),
            0..4,
        ),
        awkward_text(),
    )
        .prop_map(|(texts, claims, evidence, conflicts, title)| project_from(texts, claims, evidence, conflicts, title))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_the_same_project_and_saving_again_the_same_bytes(project in any_project()) {
        prop_assert!(project.problems().is_empty(), "generator made a broken project: {:?}", project.problems());
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("generated.ron");
        store::save(&project, &path).expect("saves");
        let first = std::fs::read(&path).expect("read");
        let loaded = store::load(&path).expect("loads");
        prop_assert_eq!(&loaded.project, &project);
        prop_assert!(loaded.problems.is_empty());
        store::save(&loaded.project, &path).expect("saves again");
        prop_assert_eq!(std::fs::read(&path).expect("read"), first);
    }
}
