use std::fs;

use super::*;
use crate::model::{ClaimId, ConflictId, ConflictStatus, EvidenceId, SourceId, Stance};

const V1_FIXTURE: &str = include_str!("../../tests/fixtures/v1-project.ron");

fn saved_sample(folder: &Path) -> (PathBuf, String) {
    let path = folder.join("case.ron");
    let (project, _) = from_ron(V1_FIXTURE).expect("fixture loads");
    save(&project, &path).expect("saves");
    let text = fs::read_to_string(&path).expect("read back");
    (path, text)
}

#[test]
fn a_version_1_file_is_migrated_with_its_evidence_and_context() {
    let (project, migrated_from) = from_ron(V1_FIXTURE).expect("fixture loads");
    assert_eq!(migrated_from, Some(1));
    assert!(project.problems().is_empty(), "{:?}", project.problems());
    assert_eq!(project.info.title, "Bridge closure check");
    let claim = &project.claims[&ClaimId(3)];
    assert_eq!(claim.verdict, "Mostly false");
    assert_eq!(claim.appearances[0].suffix, " Monday, the council said. Repai");
    let evidence: Vec<_> = project.evidence_for(ClaimId(3)).collect();
    assert_eq!(evidence.len(), 2);
    assert_eq!(evidence[0].1.stance, Stance::Contradicts);
    assert_eq!(evidence[0].1.passage.prefix, "Notice: ");
    // New ids start past every id the old file used.
    assert!(evidence.iter().all(|(id, _)| id.0 >= 6));
    assert_eq!(project.ids.claim, 6);
    assert!(matches!(
        &project.conflicts[&ConflictId(5)].status,
        ConflictStatus::Resolved { note, correct: None } if note == "The council's notice is authoritative."
    ));
    assert_eq!(
        project.sources[&SourceId(1)].content.original.as_ref().map(|o| o.path.as_str()),
        Some("sources/courier.txt")
    );
}

#[test]
fn saving_twice_gives_identical_bytes_and_a_backup() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, first) = saved_sample(folder.path());
    let loaded = load(&path).expect("loads");
    assert_eq!(loaded.migrated_from, None);
    save(&loaded.project, &path).expect("saves again");
    assert_eq!(fs::read_to_string(&path).expect("read"), first);
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("backup"), first);
    assert!(first.starts_with("// Crosscheck project file"));
    assert!(first.contains("\tformat: \"crosscheck-project\",\n\tversion: 3,\n"), "the version comes first");
    assert!(first.contains("the council said. Repairs will cost 2.4 million."), "text stays readable");
}

#[test]
fn a_newer_file_is_refused_by_version_and_left_alone() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    let newer = text.replace("version: 3,", "version: 7,\n    shiny_new_field: [1, 2, 3],");
    fs::write(&path, &newer).expect("write");
    let error = load(&path).expect_err("refused").to_string();
    assert!(
        error.contains("format version 7") && error.contains("case.ron") && error.contains("update Crosscheck"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), newer, "nothing written over it");
}

#[test]
fn malformed_files_name_the_file_and_the_place() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());

    let truncated = &text[..text.len() / 2];
    fs::write(&path, truncated).expect("write");
    let error = load(&path).expect_err("truncated");
    assert!(matches!(error, LoadError::Syntax { line, .. } if line > 10), "{error}");
    assert!(error.to_string().starts_with(&format!("{}:", path.display())));

    let garbled = text.replacen("stance: Contradicts", "stance: Disagrees", 1);
    fs::write(&path, &garbled).expect("write");
    let error = load(&path).expect_err("garbled").to_string();
    let line = garbled.lines().position(|l| l.contains("Disagrees")).expect("garbled line") + 1;
    assert!(error.contains(&format!("case.ron:{line}:")), "{error} should point at line {line}");
    assert!(error.contains("Disagrees"), "{error}");
    assert_eq!(fs::read_to_string(&path).expect("read"), garbled, "nothing written over it");

    fs::write(&path, b"\xff\xfe not text").expect("write");
    assert!(load(&path).expect_err("binary").to_string().contains("not UTF-8"));

    fs::write(&path, "(format: \"something-else\", version: 1)").expect("write");
    assert!(load(&path).expect_err("foreign").to_string().contains("not a Crosscheck project"));

    let bad_id = text.replacen("\"C3\"", "\"Q3\"", 1);
    fs::write(&path, bad_id).expect("write");
    assert!(load(&path).expect_err("bad id").to_string().contains("`Q3` is not a claim id"));
}

#[test]
fn broken_invariants_are_reported_not_fatal() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    fs::write(&path, text.replacen("claim: \"C3\"", "claim: \"C99\"", 1)).expect("write");
    let loaded = load(&path).expect("still opens");
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].place, format!("evidence {}", EvidenceId(6)));
}

#[test]
fn an_interrupted_save_leaves_a_loadable_file() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    // A save killed before its rename leaves a partial temporary file beside the project.
    for cut in [0, 1, text.len() / 3, text.len() - 1] {
        fs::write(folder.path().join(format!(".case.ron.{cut}.saving")), &text[..cut]).expect("write");
        let loaded = load(&path).expect("the project file is untouched");
        assert!(loaded.problems.is_empty());
    }
    // A later save is not confused by the leftovers.
    let loaded = load(&path).expect("loads");
    save(&loaded.project, &path).expect("saves");
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

/// Issue 12, item 7: a repeated key loaded with the later entry winning, and the first
/// was dropped on the next save.
#[test]
fn a_key_that_appears_twice_is_refused_at_its_place() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    let (start, end) = (text.find("\t\tclaims: {").expect("claims"), text.find("\t\tevidence: {").expect("evidence"));
    let claims = &text[start..end];
    // The first two claim keys, whatever they are: `\t\t\t"C3": (`.
    let keys: Vec<usize> = claims.match_indices("\n\t\t\t\"C").map(|(at, _)| at + 4).take(2).collect();
    let [first, second] = keys[..] else { panic!("two claims in {claims}") };
    let key = |at: usize| &claims[at..at + claims[at + 1..].find('"').expect("closing quote") + 2];
    let (first_key, second_key) = (key(first).to_owned(), key(second).to_owned());
    let duplicated = format!("{}{first_key}{}", &text[..start + second], &text[start + second + second_key.len()..]);
    assert_ne!(duplicated, text);
    fs::write(&path, &duplicated).expect("write");
    let error = load(&path).expect_err("a duplicate key").to_string();
    let line = duplicated[..start + second].lines().count();
    assert!(error.starts_with(&format!("{}:", path.display())), "{error}");
    assert!(error.contains(&format!("{} appears twice", first_key.trim_matches('"'))), "{error}");
    let at_line: usize = error.split(':').nth(1).and_then(|n| n.parse().ok()).expect("a line number");
    assert!(at_line >= line, "{error} should point at or after line {line}");
}

/// Issue 12, item 7: a field this version does not know loaded and was dropped on save.
#[test]
fn an_unknown_field_is_refused_at_its_place() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    for (anchor, place) in [
        ("\t\tclaims: {", "in the project"),
        ("\t\t\t\tstatement: ", "in a claim"),
        ("\tproject: (", "in the envelope"),
    ] {
        let at = text.find(anchor).expect(place);
        let indent: String = anchor.chars().take_while(|&c| c == '\t').collect();
        let extra = if place == "in the envelope" {
            "\tfuture_field: 1,\n".to_owned()
        } else {
            format!("{indent}future_field: 1,\n")
        };
        let edited = format!("{}{extra}{}", &text[..at], &text[at..]);
        fs::write(&path, &edited).expect("write");
        let error = load(&path).expect_err(place).to_string();
        let line = edited[..at].lines().count() + 1;
        assert!(error.contains("future_field"), "{place}: {error}");
        assert!(
            error.starts_with(&format!("{}:{line}:", path.display())),
            "{place}: {error} should point at line {line}"
        );
    }
}

/// Issue 12, item 7: a file starting with a UTF-8 byte-order mark was refused.
#[test]
fn a_byte_order_mark_is_accepted() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    let expected = load(&path).expect("loads").project;
    fs::write(&path, format!("\u{feff}{text}")).expect("write");
    assert_eq!(load(&path).expect("loads with a BOM").project, expected);
}

/// Issue 12, item 7: a counter at its maximum blocked every new claim while `check` said
/// "No problems found".
#[test]
fn a_counter_at_its_maximum_is_a_problem() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    let loaded = load(&path).expect("loads");
    let claim = loaded.project.ids.claim;
    let edited = text.replacen(&format!("claim: {claim},"), &format!("claim: {},", u32::MAX), 1);
    assert_ne!(edited, text);
    fs::write(&path, edited).expect("write");
    let problems: Vec<String> = load(&path).expect("loads").problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("the largest there is: no new claim can be added"), "{problems:?}");
}

/// Issue 12, item 11: error messages repeated the OS error, once in the message and
/// once as its source, when printed as a chain (`crosscheck: {error:#}`).
#[test]
fn a_failed_save_names_the_os_error_once() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("missing/case.ron");
    let error = save(&crate::model::Project::new("Case"), &path).expect_err("no such folder");
    let chain = format!("{:#}", anyhow::Error::from(error));
    assert_eq!(chain.matches("os error").count(), 1, "{chain}");
    assert!(chain.contains("missing/case.ron"), "{chain}");
}

#[test]
fn a_version_2_file_from_before_web_captures_loads_and_is_upgraded_on_save() {
    let folder = tempfile::tempdir().expect("folder");
    let (path, text) = saved_sample(folder.path());
    fs::write(&path, text.replace("\tversion: 3,", "\tversion: 2,")).expect("write");
    let loaded = load(&path).expect("loads");
    assert_eq!(loaded.migrated_from, Some(2));
    save(&loaded.project, &path).expect("saves");
    assert_eq!(fs::read_to_string(&path).expect("read"), text, "the same project, now version 3");
}
