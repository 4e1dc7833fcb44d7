//! The `crosscheck` command: the desktop app, or headless work on projects and files.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use crosscheck::export::{Destination, ExportOptions, Format};
use crosscheck::terminal;

mod teamwork_commands;

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
    /// Capture web pages into a project as sources, each kept as a WARC archive in its
    /// sources folder with where and when it was fetched; `.warc`/`.warc.gz` files given
    /// instead of addresses are read as sources, one per page they hold.
    Capture {
        /// The project file (`.ron`); it is saved once with every page captured.
        project: PathBuf,
        /// Web addresses (http or https) or WARC archives.
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
    },
    /// Write a fact-check report of a project: html, md, csv, claimreview or annotations.
    Export(ExportArgs),
    /// Git's merge driver for project files (installed by `git-setup`): merges %O (ancestor),
    /// %A (ours) and %B (theirs) as projects into %A. Exit 0: merged cleanly; 1: merged with
    /// merge conflicts recorded in the project; 2: refused, %A untouched.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The path being merged (git's %P), for messages.
        path: Option<String>,
    },
    /// Set up a git repository (default: the current folder) to merge and diff project files
    /// with Crosscheck: `.gitattributes` and the driver settings in `.git/config`.
    GitSetup { repo: Option<PathBuf> },
    /// What changed between two versions of a project, in the analyst's words.
    Diff {
        old: PathBuf,
        new: Option<PathBuf>,
        /// Print one project as a line-per-fact listing (git's textconv).
        #[arg(long)]
        textconv: bool,
    },
    /// Agreement between analysts who judged the same claims in their own copies.
    Agreement {
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        /// Report format: md or csv.
        #[arg(long, default_value = "md")]
        format: String,
        /// Where to write the report; standard output when left out.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Internal: read a PDF from standard input and answer in JSON on standard output. The
    /// app and the other commands run themselves this way for every PDF they import.
    #[command(hide = true, name = READ_PDF_WORKER)]
    ReadPdfWorker,
}

/// The hidden subcommand PDF reading runs in.
const READ_PDF_WORKER: &str = "read-pdf-worker";

/// `crosscheck export`: the export dialog's options as flags.
#[derive(Args)]
struct ExportArgs {
    /// The project file (`.ron`).
    project: PathBuf,
    /// Report format.
    #[arg(long, short, value_parser = parse_format)]
    format: Format,
    /// Where to write the report; standard output when left out or `-`.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only claims with this verdict (repeat for several).
    #[arg(long = "verdict", value_name = "VERDICT")]
    verdicts: Vec<String>,
    /// Only claims with this tag (repeat for several).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Leave out conflicts that are still open.
    #[arg(long)]
    no_open_conflicts: bool,
    /// Leave out the analyst's notes on claims and evidence.
    #[arg(long)]
    no_notes: bool,
    /// Leave out the quoted text of evidence passages.
    #[arg(long)]
    no_quotes: bool,
    /// With `--format csv`: also write one row per piece of evidence to this file.
    #[arg(long, value_name = "FILE")]
    evidence_csv: Option<PathBuf>,
    /// Publication date of the report (YYYY-MM-DD); today's date (UTC) when left out.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

impl ExportArgs {
    fn options(&self) -> ExportOptions {
        ExportOptions {
            verdicts: self.verdicts.iter().cloned().collect(),
            tags: self.tags.iter().cloned().collect(),
            open_conflicts: !self.no_open_conflicts,
            notes: !self.no_notes,
            quotes: !self.no_quotes,
            evidence_rows: self.evidence_csv.is_some(),
            published: self.date.clone().unwrap_or_else(crosscheck::export::today_utc),
            pictures: self.project.parent().map(std::path::Path::to_owned),
        }
    }
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

fn main() -> ExitCode {
    quiet_contained_panics();
    let cli = Cli::parse();
    // Without the path of this program PDFs are still read, on a thread of this process.
    if let Ok(program) = std::env::current_exe() {
        crosscheck::import::pdf::child::read_in_child_processes(program, vec![READ_PDF_WORKER.into()]);
    }
    let outcome = match cli.command {
        Some(Command::Check { project }) => check(&project),
        Some(Command::Extract { file, json }) => extract(&file, json).map(|()| ExitCode::SUCCESS),
        Some(Command::Export(args)) => export(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Compare { left, right, json }) => compare(&left, &right, json).map(|()| ExitCode::SUCCESS),
        Some(Command::Capture { project, urls }) => capture(&project, &urls),
        Some(Command::MergeDriver { base, ours, theirs, path }) => {
            return teamwork_commands::merge_driver(&base, &ours, &theirs, path.as_deref());
        }
        Some(Command::GitSetup { repo }) => teamwork_commands::git_setup(repo).map(|()| ExitCode::SUCCESS),
        Some(Command::Diff { old, new, textconv }) => teamwork_commands::diff(&old, new.as_deref(), textconv),
        Some(Command::Agreement { projects, format, output }) => {
            teamwork_commands::agreement(&projects, &format, output.as_deref()).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::ReadPdfWorker) => return read_pdf_worker(),
        None => open_app(cli.project),
    };
    outcome.unwrap_or_else(|error| {
        // Messages quote file names and file contents: escaped, as all printed text from files.
        eprintln!("crosscheck: {}", terminal::line(&format!("{error:#}")));
        ExitCode::from(2)
    })
}

fn check(project: &std::path::Path) -> anyhow::Result<ExitCode> {
    let report = crosscheck::check::check_project(project)?;
    write_to(&Destination::Stdout, report.to_string().as_bytes())?;
    Ok(if report.is_sound() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `crosscheck capture`: one line per address, the failures on standard error; status 1
/// if any address gave no source.
fn capture(project: &std::path::Path, urls: &[String]) -> anyhow::Result<ExitCode> {
    let options = crosscheck::capture::FetchOptions::default();
    let outcomes = crosscheck::capture::capture_into_project(project, urls, &options)?;
    let mut failed = false;
    let loaded = crosscheck::store::load(project)?;
    for (url, outcome) in outcomes {
        match outcome {
            Ok(ids) => {
                for id in ids {
                    let line = loaded
                        .project
                        .sources
                        .get(&id)
                        .and_then(crosscheck::model::Source::capture)
                        .map_or_else(|| format!("{id}: {url}"), |capture| format!("{id}: {}", capture.summary()));
                    print_all(&terminal::line(&line))?;
                }
            }
            Err(error) => {
                failed = true;
                eprintln!("crosscheck: {}", terminal::line(&error.to_string()));
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
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
        print_all(&text)
    } else {
        // Notes go to standard error, so the text on standard output stays the document's.
        for note in &imported.document.notes {
            eprintln!("crosscheck: {}", terminal::line(&format!("{}: {note}", file.display())));
        }
        // The text is the output, byte for byte, when it goes to a file or a pipe; on a
        // terminal its control characters are shown rather than obeyed.
        if std::io::stdout().is_terminal() {
            print_all(&terminal::block(&imported.document.text))
        } else {
            print_all(&imported.document.text)
        }
    }
}

/// Prints `text` to standard output; a reader that stops early (`| head`) is not an error.
fn print_all(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.context("cannot write to standard output"),
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<()> {
    if args.evidence_csv.is_some() && args.format != Format::Csv {
        anyhow::bail!("--evidence-csv goes with --format csv");
    }
    if let Some(date) = &args.date
        && !crosscheck::export::is_report_date(date)
    {
        anyhow::bail!("--date {date:?} is not a date in the form YYYY-MM-DD");
    }
    let destination = Destination::from_argument(args.output.as_deref());
    let evidence = args.evidence_csv.as_deref().map(|path| Destination::from_argument(Some(path)));
    // Refused before the project is even read, so nothing is written on a refusal.
    for destination in [Some(&destination), evidence.as_ref()].into_iter().flatten() {
        if let Destination::File(path) = destination {
            crosscheck::export::check_destination(Some(&args.project), path)?;
        }
    }
    let loaded = crosscheck::store::load(&args.project)?;
    for warning in crosscheck::export::warnings(&loaded.project, args.format) {
        eprintln!("crosscheck: warning: {}", terminal::line(&warning));
    }
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let rendered = crosscheck::export::render(&loaded.project, args.format, &args.options(), &|_| {}, &cancel)
        .with_context(|| format!("cannot export {}", args.project.display()))?;
    write_to(&destination, &rendered.report)?;
    if let (Some(destination), Some(table)) = (&evidence, &rendered.evidence_csv) {
        write_to(destination, table)?;
    }
    Ok(())
}

fn write_to(destination: &Destination, bytes: &[u8]) -> anyhow::Result<()> {
    match destination {
        Destination::File(path) => write_file(path, bytes),
        Destination::Stdout => match std::io::Write::write_all(&mut std::io::stdout().lock(), bytes) {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            written => written.context("cannot write the report to standard output"),
        },
    }
}

fn compare(left: &str, right: &str, json: bool) -> anyhow::Result<()> {
    use crosscheck::analysis::{Dated, compare_dated, report};
    use crosscheck::model::SourceId;
    let left = report::read_input(left, SourceId(1))?;
    let right = report::read_input(right, SourceId(2))?;
    let never = std::sync::atomic::AtomicBool::new(false);
    let comparison = compare_dated(
        Dated::new(left.source, &left.text, &left.published),
        Dated::new(right.source, &right.text, &right.published),
        &never,
    )?;
    let sources = [(left.source, left.text.as_str()), (right.source, right.text.as_str())];
    let facts = crosscheck::analysis::facts::table::build(&sources, &never)?;
    if json {
        let value = report::render_json(&left, &right, &comparison, &facts);
        print_all(&serde_json::to_string_pretty(&value).context("cannot write JSON")?)
    } else {
        let text = report::render_text(&left, &right, &comparison, &facts);
        write_to(&Destination::Stdout, terminal::block(&text).as_bytes())
    }
}

/// Writes a report the way the app does: atomically, so a failed write leaves the old file.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    crosscheck::store::replace_atomically(path, bytes).with_context(|| format!("cannot write {}", path.display()))
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

/// pdf-extract panics on some damaged pages; the importer contains each panic and reports
/// the page as left out. The default hook's message and backtrace would still reach the
/// terminal and read like a crash, so panics on that worker stay quiet.
fn quiet_contained_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(crosscheck::import::pdf::WORKER_THREAD) {
            default(info);
        }
    }));
}

/// The child side of PDF reading: memory capped, one document in, one answer out.
fn read_pdf_worker() -> ExitCode {
    use crosscheck::import::pdf::child;
    child::limit_memory();
    match child::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
