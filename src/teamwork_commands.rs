//! The teamwork subcommands: thin wrappers that print what `crosscheck::teamwork` did.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use crosscheck::teamwork::{self, SideLabels};
use crosscheck::terminal;

/// Git's merge driver: 0 merged cleanly, 1 merged with conflicts recorded, 2 refused.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, path: Option<&str>) -> ExitCode {
    let name = path.map_or_else(|| ours.display().to_string(), ToOwned::to_owned);
    match teamwork::merge_files(base, ours, theirs, &SideLabels::default()) {
        Ok(outcome) => {
            for line in outcome.report.lines() {
                eprintln!("crosscheck: {}", terminal::line(&format!("{name}: {line}")));
            }
            let conflicts = outcome.report.new_conflicts.len();
            if conflicts == 0 {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "crosscheck: {}",
                    terminal::line(&format!(
                        "{name}: merged; {conflicts} merge conflict(s) recorded in the project: open it in Crosscheck to settle them (`crosscheck check` lists them), then `git add` it"
                    ))
                );
                ExitCode::from(1)
            }
        }
        Err(error) => {
            eprintln!("crosscheck: {}", terminal::line(&format!("{name}: not merged, left as it was: {error}")));
            ExitCode::from(2)
        }
    }
}

pub fn git_setup(repo: Option<PathBuf>) -> anyhow::Result<()> {
    let repo = repo.unwrap_or_else(|| PathBuf::from("."));
    let program = std::env::current_exe().context("cannot find this program's own path for the driver")?;
    for line in teamwork::git_setup::git_setup(&repo, &program)? {
        println!("{}", terminal::line(&line));
    }
    Ok(())
}

fn load(path: &Path) -> anyhow::Result<crosscheck::model::Project> {
    Ok(crosscheck::store::load(path)?.project)
}

pub fn diff(old: &Path, new: Option<&Path>, textconv: bool) -> anyhow::Result<ExitCode> {
    if textconv {
        anyhow::ensure!(new.is_none(), "--textconv takes one project");
        // Git stops a whole `git log -p` when a textconv fails: a version that does not load
        // (written by hand, from a newer Crosscheck) is shown as its text, under the reason.
        match crosscheck::store::load(old) {
            Ok(loaded) => print!("{}", terminal::block(&teamwork::diff::listing(&loaded.project))),
            Err(error) => {
                let text = crosscheck::store::read_chosen(old, crosscheck::store::MAX_PROJECT_BYTES)
                    .with_context(|| format!("cannot read {}", old.display()))?;
                println!("(not read as a project: {})", terminal::line(&error.to_string()));
                print!("{}", terminal::block(&String::from_utf8_lossy(&text)));
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let new = new.context("give the old and the new project")?;
    let changes = teamwork::diff::describe_changes(&load(old)?, &load(new)?);
    for change in &changes {
        println!("{}", terminal::line(change));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn agreement(projects: &[PathBuf], format: &str, output: Option<&Path>) -> anyhow::Result<()> {
    let analysts = projects
        .iter()
        .map(|path| Ok(teamwork::agreement::Analyst { name: path.display().to_string(), project: load(path)? }))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let report = teamwork::agreement::agreement(&analysts);
    let text = match format {
        "md" | "markdown" => report.to_markdown(),
        "csv" => report.to_csv().context("cannot write CSV")?,
        other => anyhow::bail!("unknown format {other:?}: use md or csv"),
    };
    if let Some(path) = output {
        crosscheck::store::replace_atomically(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))
    } else {
        print!("{text}");
        Ok(())
    }
}
