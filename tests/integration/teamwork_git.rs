//! Merges of project branches done by the `git` program itself, with Crosscheck's merge
//! driver installed by `crosscheck git-setup`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crosscheck::edit::{ClaimChange, Edit};
use crosscheck::model::{Anchor, Claim, ClaimId, Project};
use crosscheck::teamwork::scripts::{base_project, random_script};
use crosscheck::teamwork::verify::verify;
use crosscheck::teamwork::{SideLabels, merge};

const PROJECT: &str = "story.ron";

/// A repository made by the test, with git's settings isolated from the machine's.
struct Repo {
    _home: tempfile::TempDir,
    home: PathBuf,
    dir: tempfile::TempDir,
}

impl Repo {
    fn new(base: &Project) -> Self {
        let home = tempfile::tempdir().expect("home");
        let dir = tempfile::tempdir().expect("repository");
        let repo = Self { home: home.path().to_owned(), _home: home, dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test Analyst"]);
        repo.git(&["config", "user.email", "analyst@example.org"]);
        let setup = repo.run(Command::new(env!("CARGO_BIN_EXE_crosscheck")).arg("git-setup").arg(repo.path()));
        assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));
        let said = String::from_utf8_lossy(&setup.stdout).into_owned();
        assert!(said.contains("merge.crosscheck.driver") && said.contains(".gitattributes"), "{said}");
        repo.write(base);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "base"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, command: &mut Command) -> Output {
        command
            .current_dir(self.path())
            .env("HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_CONFIG_GLOBAL")
            .output()
            .expect("runs")
    }

    fn git(&self, args: &[&str]) -> Output {
        let output = self.run(Command::new("git").args(args));
        assert!(
            output.status.success() || args[0] == "merge",
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    fn write(&self, project: &Project) {
        let text = crosscheck::store::to_ron(project).expect("writes");
        std::fs::write(self.path().join(PROJECT), text).expect("write");
    }

    fn read(&self) -> Project {
        crosscheck::store::load(&self.path().join(PROJECT)).expect("the merged project loads").project
    }

    /// Commits `ours` on main and `theirs` on a branch from the base, merges the branch
    /// into main with git, and checks the result. Returns git's exit status and the result.
    fn merge_branches(&self, base: &Project, ours: &Project, theirs: &Project) -> (bool, Project) {
        self.merge_branches_with(base, ours, theirs, |_| {})
    }

    /// As [`Repo::merge_branches`], calling `also` on each side ("ours", "theirs") before
    /// its commit, for changes to other files.
    fn merge_branches_with(
        &self,
        base: &Project,
        ours: &Project,
        theirs: &Project,
        also: impl Fn(&str),
    ) -> (bool, Project) {
        self.git(&["checkout", "-q", "-b", "theirs"]);
        self.write(theirs);
        also("theirs");
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "theirs"]);
        self.git(&["checkout", "-q", "main"]);
        self.write(ours);
        also("ours");
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "ours"]);
        let merged_by_git = self.git(&["merge", "--no-edit", "theirs"]);
        let text = std::fs::read_to_string(self.path().join(PROJECT)).expect("read");
        assert!(!text.contains("<<<<<<<"), "conflict markers in the project");
        let result = self.read();
        let expected = merge(base, ours, theirs, &SideLabels::default()).expect("merges");
        assert_eq!(result, expected.project, "git ran the driver and wrote its result");
        let findings = verify(base, ours, theirs, &expected);
        assert!(findings.is_empty(), "{findings:#?}");
        assert_eq!(
            merged_by_git.status.success(),
            expected.report.is_clean(),
            "{}",
            String::from_utf8_lossy(&merged_by_git.stdout)
        );
        (merged_by_git.status.success(), result)
    }

    fn check(&self) -> Output {
        self.run(Command::new(env!("CARGO_BIN_EXE_crosscheck")).arg("check").arg(PROJECT))
    }
}

fn add_claim(project: &mut Project, note: &str, start: usize) -> ClaimId {
    let source = *project.sources.keys().next().expect("source");
    let anchor = Anchor::capture(source, project.sources[&source].text(), start, start + 25).expect("fits");
    let id = project.ids.next_claim();
    let mut claim = Claim::marked(anchor, "Unverified");
    note.clone_into(&mut claim.notes);
    Edit::InsertClaim { id, claim: Box::new(claim) }.apply(project).expect("insert");
    id
}

fn set(project: &mut Project, id: ClaimId, change: ClaimChange) {
    Edit::SetClaim { id, change }.apply(project).expect("edit");
}

#[test]
fn git_merges_disjoint_additions_and_originals_of_the_same_name() {
    let base = base_project();
    let repo = Repo::new(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let a = add_claim(&mut ours, "added on main", 10);
    let b = add_claim(&mut theirs, "added on the branch", 50);
    assert_eq!(a, b);
    // Both analysts import a different file called report.txt.
    let copies = |side: &str| {
        let bytes = if side == "ours" { b"main copy".as_slice() } else { b"branch copy".as_slice() };
        crosscheck::store::adopt_original(repo.path(), "report.txt", bytes).expect("adopt")
    };
    let (ours_file, theirs_file) = (copies("ours"), copies("theirs"));
    std::fs::remove_dir_all(repo.path().join("sources")).expect("clear");
    let (clean, result) = repo.merge_branches_with(&base, &ours, &theirs, |side| {
        copies(side);
    });
    assert!(clean);
    assert_eq!(result.claims.len(), base.claims.len() + 2);
    assert!(result.claims.values().any(|c| c.notes == "added on the branch"));
    assert_ne!(ours_file, theirs_file);
    assert_eq!(std::fs::read(repo.path().join(&ours_file)).expect("kept"), b"main copy");
    assert_eq!(std::fs::read(repo.path().join(&theirs_file)).expect("kept"), b"branch copy");
}

#[test]
fn git_records_a_conflict_when_both_change_one_verdict_and_check_fails_until_settled() {
    let base = base_project();
    let repo = Repo::new(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let others: Vec<String> =
        base.scale.levels.iter().map(|l| l.label.clone()).filter(|l| *l != base.claims[&ClaimId(3)].verdict).collect();
    set(&mut ours, ClaimId(3), ClaimChange::Verdict(others[0].clone()));
    set(&mut theirs, ClaimId(3), ClaimChange::Verdict(others[1].clone()));
    set(&mut theirs, ClaimId(4), ClaimChange::Notes("branch note".to_owned()));
    let (clean, result) = repo.merge_branches(&base, &ours, &theirs);
    assert!(!clean, "git reports the path as conflicted");
    assert_eq!(result.merge_conflicts.len(), 1);
    assert_eq!(result.claims[&ClaimId(4)].notes, "branch note");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1));
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(said.contains("unresolved merge conflict: claim C3 verdict"), "{said}");
    let diff = repo.run(Command::new("git").args(["diff", "HEAD", "--", PROJECT]));
    let shown = String::from_utf8_lossy(&diff.stdout);
    assert!(shown.contains("+MERGE CONFLICT claim C3 verdict"), "textconv listing: {shown}");
}

#[test]
fn git_keeps_a_claim_deleted_on_one_branch_and_edited_on_the_other() {
    let base = base_project();
    let repo = Repo::new(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    Edit::remove_claim(&ours, ClaimId(5)).apply(&mut ours).expect("delete");
    set(&mut theirs, ClaimId(5), ClaimChange::Explanation("why".to_owned()));
    let (clean, result) = repo.merge_branches(&base, &ours, &theirs);
    assert!(!clean);
    assert_eq!(result.claims[&ClaimId(5)].explanation, "why");
}

#[test]
fn git_reanchors_claims_added_against_a_source_reimported_on_the_other_branch() {
    let base = base_project();
    let repo = Repo::new(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let source = *base.sources.keys().next().expect("source");
    let mut content = ours.sources[&source].content.clone();
    content.text = format!("Correction appended at the top. {}", content.text);
    crosscheck::analysis::reanchor_source(&ours, source, content).expect("source").edit.apply(&mut ours).expect("edit");
    let id = add_claim(&mut theirs, "on the old text", 200);
    let (clean, result) = repo.merge_branches(&base, &ours, &theirs);
    assert!(clean);
    let appearance = &result.claims[&id].appearances[0];
    assert_eq!(appearance.exact, theirs.claims[&id].appearances[0].exact);
    assert!(!appearance.orphaned);
    let diff = repo.run(
        Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["diff"])
            .arg(repo.path().join(PROJECT))
            .arg(repo.path().join(PROJECT)),
    );
    assert!(diff.status.success());
}

#[test]
fn git_merges_random_edit_scripts() {
    for seed in 0..5 {
        let base = base_project();
        let repo = Repo::new(&base);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        random_script(&mut ours, 1000 + seed * 2, 12, "ours");
        random_script(&mut theirs, 1001 + seed * 2, 12, "theirs");
        repo.merge_branches(&base, &ours, &theirs);
    }
}

#[test]
fn the_driver_refuses_what_it_cannot_read_and_leaves_ours_untouched() {
    let folder = tempfile::tempdir().expect("folder");
    let write = |name: &str, text: &str| {
        let path = folder.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let project = crosscheck::store::to_ron(&base_project()).expect("ron");
    let (base, ours, theirs) = (
        write("o", &project),
        write("a", &project),
        write("b", "(format: \"crosscheck-project\", version: 2, project: (broken"),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("merge-driver")
        .args([&base, &ours, &theirs])
        .arg("story.ron")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("story.ron: not merged"));
    assert_eq!(std::fs::read_to_string(&ours).expect("read"), project);
}

#[test]
fn diff_and_agreement_speak_in_the_analysts_words() {
    let folder = tempfile::tempdir().expect("folder");
    let mut base = base_project();
    let levels: Vec<String> = base.scale.levels.iter().map(|l| l.label.clone()).collect();
    set(&mut base, ClaimId(1), ClaimChange::Verdict(levels[1].clone()));
    let mut edited = base.clone();
    let verdict = levels[2].clone();
    set(&mut edited, ClaimId(1), ClaimChange::Verdict(verdict.clone()));
    let (old, new) = (folder.path().join("old.ron"), folder.path().join("new.ron"));
    std::fs::write(&old, crosscheck::store::to_ron(&base).expect("ron")).expect("write");
    std::fs::write(&new, crosscheck::store::to_ron(&edited).expect("ron")).expect("write");
    let run =
        |args: &[&std::ffi::OsStr]| Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).output().expect("runs");
    let diff = run(&["diff".as_ref(), old.as_os_str(), new.as_os_str()]);
    let said = String::from_utf8_lossy(&diff.stdout);
    let expected = format!("claim C1 verdict: {} → {verdict}", base.claims[&ClaimId(1)].verdict);
    assert_eq!(said.trim(), expected);
    let agreement = run(&["agreement".as_ref(), old.as_os_str(), new.as_os_str(), "--format".as_ref(), "csv".as_ref()]);
    let table = String::from_utf8_lossy(&agreement.stdout);
    assert!(agreement.status.success(), "{}", String::from_utf8_lossy(&agreement.stderr));
    let c1 = table.lines().find(|line| line.starts_with("C1,")).expect("C1 judged by both");
    assert!(c1.contains(&format!(",{},{verdict},no,", levels[1])), "{c1}");
}

#[test]
fn the_driver_migrates_an_old_format_ancestor_before_merging() {
    let folder = tempfile::tempdir().expect("folder");
    let old = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1-project.ron"))
        .expect("fixture");
    let (base, _) = crosscheck::store::from_ron(&old).expect("v1 migrates");
    let claim = *base.claims.keys().next().expect("a claim");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set(&mut ours, claim, ClaimChange::Notes("ours".to_owned()));
    set(&mut theirs, claim, ClaimChange::Explanation("theirs".to_owned()));
    let write = |name: &str, text: &str| {
        let path = folder.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let o = write("o", &old);
    let a = write("a", &crosscheck::store::to_ron(&ours).expect("ron"));
    let b = write("b", &crosscheck::store::to_ron(&theirs).expect("ron"));
    let output =
        Command::new(env!("CARGO_BIN_EXE_crosscheck")).arg("merge-driver").args([&o, &a, &b]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let merged = crosscheck::store::load(&a).expect("loads").project;
    assert_eq!((merged.claims[&claim].notes.as_str(), merged.claims[&claim].explanation.as_str()), ("ours", "theirs"));
}
