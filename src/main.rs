//! The `crosscheck` command: the desktop app, or headless work on projects and files.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

/// A workbench for fact-checkers.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Project to open in the app (default: the bundled sample project).
    project: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a project and summarise it; exits with status 1 if problems are found.
    Check {
        /// The project file (`.ron`).
        project: PathBuf,
    },
    /// List the discrepancies between two copies of a story. Each side is a file
    /// Crosscheck can import, or a source of a project written PROJECT.ron:S1.
    Compare {
        left: String,
        right: String,
        /// Print JSON for machines.
        #[arg(long)]
        json: bool,
    },
    /// Print the text Crosscheck reads from a file it can import.
    Extract {
        file: PathBuf,
        /// Print JSON with the text and the metadata found in the file.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Command::Check { project }) => check(&project),
        Some(Command::Extract { file, json }) => extract(&file, json).map(|()| ExitCode::SUCCESS),
        Some(Command::Compare { left, right, json }) => compare(&left, &right, json).map(|()| ExitCode::SUCCESS),
        None => open_app(cli.project),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("crosscheck: {error:#}");
        ExitCode::from(2)
    })
}

fn check(project: &std::path::Path) -> anyhow::Result<ExitCode> {
    let report = crosscheck::check::check_project(project)?;
    print!("{report}");
    Ok(if report.is_sound() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn extract(file: &std::path::Path, json: bool) -> anyhow::Result<()> {
    let imported = crosscheck::import::import_file(file)?;
    if json {
        let document = &imported.document;
        let value = serde_json::json!({
            "file": file,
            "format": document.format,
            "importer": document.importer,
            "meta": document.meta,
            "notes": document.notes,
            "text": document.text,
        });
        let text = serde_json::to_string_pretty(&value).context("cannot write JSON")?;
        println!("{text}");
    } else {
        println!("{}", imported.document.text);
    }
    Ok(())
}

fn compare(left: &str, right: &str, json: bool) -> anyhow::Result<()> {
    use crosscheck::analysis::{compare_texts, report};
    use crosscheck::model::SourceId;
    let left = report::read_input(left, SourceId(1))?;
    let right = report::read_input(right, SourceId(2))?;
    let never = std::sync::atomic::AtomicBool::new(false);
    let comparison = compare_texts((left.source, &left.text), (right.source, &right.text), &never)?;
    if json {
        let value = report::render_json(&left, &right, &comparison);
        println!("{}", serde_json::to_string_pretty(&value).context("cannot write JSON")?);
    } else {
        print!("{}", report::render_text(&left, &right, &comparison));
    }
    Ok(())
}

#[cfg(feature = "gui")]
fn open_app(project: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    crosscheck::app::run(project)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_app(_project: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this build of Crosscheck has no desktop app; rebuild with the `gui` feature")
}
