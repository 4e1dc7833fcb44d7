//! Drawing one page of a PDF as a picture, for OCR to read: Poppler's `pdftoppm`, or
//! Ghostscript's `gs` where Poppler is not installed.
//!
//! The PDF reader (`import::pdf`) extracts text and draws nothing, so a page that is only a
//! scan needs a renderer. It runs like Tesseract (see [`super::program`]): the PDF goes in on
//! standard input, the page comes back as PNG on standard output, with a deadline and Cancel.
//! The PNG is decoded by `import::image::decode` under the same limits as any picture, and
//! the PDF reader picks each page's resolution so that it fits those limits (a page claiming
//! to be metres wide is drawn coarser, not into gigabytes).

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use image::DynamicImage;

use super::program::{Run, RunError};
use super::{Needed, OcrError, install_hint_for};

/// Environment variable naming the renderer to run instead of `pdftoppm` or `gs` on the
/// `PATH`. A program whose name starts with `gs` is given Ghostscript's arguments, any other
/// `pdftoppm`'s.
pub const PROGRAM_VARIABLE: &str = "CROSSCHECK_PDF_RENDERER";

/// How long drawing one page may take: a 300 dpi scan draws in well under a second here.
pub const PAGE_DEADLINE: Duration = Duration::from_mins(1);

/// Resolution pages are drawn at: what scanners use, and what Tesseract reads best.
pub const DPI: u32 = 300;

/// Whose command line a renderer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Poppler,
    Ghostscript,
}

/// The renderers to try and how long each page may take.
#[derive(Debug, Clone)]
pub struct Renderer {
    /// Tried in order; the first one installed draws the page.
    pub programs: Vec<(OsString, Dialect)>,
    pub deadline: Duration,
}

impl Renderer {
    /// `pdftoppm`, then `gs`, from the `PATH`; or only the program `CROSSCHECK_PDF_RENDERER` names.
    pub fn system() -> Self {
        let programs = match std::env::var_os(PROGRAM_VARIABLE) {
            Some(program) => {
                let dialect = dialect_of(Path::new(&program));
                vec![(program, dialect)]
            }
            None => vec![("pdftoppm".into(), Dialect::Poppler), ("gs".into(), Dialect::Ghostscript)],
        };
        Self { programs, deadline: PAGE_DEADLINE }
    }

    /// Page `page` (from 1) of `pdf` drawn at `dpi`, decoded under the picture limits.
    pub fn render(&self, pdf: &Arc<[u8]>, page: u32, dpi: u32, cancel: &AtomicBool) -> Result<DynamicImage, OcrError> {
        for (program, dialect) in &self.programs {
            let args = arguments(*dialect, page, dpi);
            let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
            let run = Run { program, args: &args, env: &[], deadline: self.deadline };
            let name = Path::new(program).file_name().unwrap_or(program).to_string_lossy();
            let png = match run.output(Arc::clone(pdf), cancel) {
                Ok(png) => png,
                Err(RunError::NotFound) => continue,
                Err(RunError::Cancelled) => return Err(OcrError::Cancelled),
                Err(RunError::Overran) => {
                    return Err(OcrError::Failed(format!(
                        "drawing page {page} took longer than {} seconds ({name} was stopped)",
                        self.deadline.as_secs()
                    )));
                }
                Err(RunError::Unstartable(why)) => {
                    return Err(OcrError::Failed(format!("the PDF renderer {name} could not be started ({why})")));
                }
                Err(RunError::Exited(last)) => {
                    return Err(OcrError::Failed(format!("{name} could not draw page {page} ({last})")));
                }
            };
            return crate::import::image::decode(&png).map_err(|refusal| {
                OcrError::Failed(format!("the picture {name} drew of page {page} could not be read: {refusal}"))
            });
        }
        Err(OcrError::RendererMissing { install: install_hint_for(Needed::RendererAndReader) })
    }
}

/// Ghostscript is `gs`, or `gswin64c` and its kin on Windows.
fn dialect_of(program: &Path) -> Dialect {
    let name = program.file_name().map(|name| name.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if name.starts_with("gs") { Dialect::Ghostscript } else { Dialect::Poppler }
}

/// The command line that draws one page from standard input as PNG on standard output.
fn arguments(dialect: Dialect, page: u32, dpi: u32) -> Vec<String> {
    let (page, dpi) = (page.to_string(), dpi.to_string());
    match dialect {
        Dialect::Poppler => {
            ["-png", "-gray", "-r", &dpi, "-f", &page, "-l", &page, "-singlefile", "-"].map(str::to_owned).to_vec()
        }
        Dialect::Ghostscript => vec![
            "-q".to_owned(),
            // PostScript's own output would otherwise land in the PNG on standard output.
            "-sstdout=%stderr".to_owned(),
            // -dSAFER: the document may not touch files; it is untrusted.
            "-dSAFER".to_owned(),
            "-dBATCH".to_owned(),
            "-dNOPAUSE".to_owned(),
            "-sDEVICE=pnggray".to_owned(),
            format!("-r{dpi}"),
            format!("-dFirstPage={page}"),
            format!("-dLastPage={page}"),
            "-sOutputFile=-".to_owned(),
            "-".to_owned(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Instant;

    use super::*;

    const MIXED: &[u8] = include_bytes!("../../tests/fixtures/ocr/mixed.pdf");

    fn fake(folder: &tempfile::TempDir, body: &str, deadline: Duration) -> Renderer {
        let path = folder.path().join("fake-renderer");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("mode");
        Renderer { programs: vec![(path.into(), Dialect::Poppler)], deadline }
    }

    fn installed(program: &str) -> bool {
        std::process::Command::new(program).arg("-v").output().is_ok()
    }

    #[test]
    fn ghostscript_is_known_by_its_name() {
        assert_eq!(dialect_of(Path::new("/usr/bin/gs")), Dialect::Ghostscript);
        assert_eq!(dialect_of(Path::new("gswin64c.exe")), Dialect::Ghostscript);
        assert_eq!(dialect_of(Path::new("/opt/poppler/bin/pdftoppm")), Dialect::Poppler);
    }

    #[test]
    fn both_renderers_draw_the_scanned_page_at_the_size_asked() {
        let pdf: Arc<[u8]> = MIXED.into();
        for (program, dialect) in [("pdftoppm", Dialect::Poppler), ("gs", Dialect::Ghostscript)] {
            if !installed(program) {
                eprintln!("SKIPPED: {program} is not installed");
                continue;
            }
            let renderer = Renderer { programs: vec![(program.into(), dialect)], deadline: PAGE_DEADLINE };
            let page = renderer.render(&pdf, 2, DPI, &AtomicBool::new(false)).expect("draws");
            // The fixture's picture is placed at 300 dpi, so it comes back at its own size.
            assert!(page.width().abs_diff(704) <= 2 && page.height().abs_diff(226) <= 2, "{program}: {page:?}");
        }
    }

    #[test]
    fn no_renderer_installed_says_what_to_install() {
        let missing =
            Renderer { programs: vec![("/nonexistent/pdftoppm".into(), Dialect::Poppler)], deadline: PAGE_DEADLINE };
        let error = missing.render(&MIXED.into(), 1, DPI, &AtomicBool::new(false)).expect_err("missing");
        assert!(matches!(error, OcrError::RendererMissing { .. }), "{error}");
        assert!(error.to_string().contains("nstall"), "{error}");
    }

    #[test]
    fn a_renderer_that_hangs_is_stopped_at_its_deadline_or_on_cancel() {
        let folder = tempfile::tempdir().expect("folder");
        let slow = fake(&folder, "exec sleep 30", Duration::from_millis(300));
        let began = Instant::now();
        let error = slow.render(&MIXED.into(), 2, DPI, &AtomicBool::new(false)).expect_err("slow");
        assert!(error.to_string().contains("drawing page 2 took longer than"), "{error}");
        let error = slow.render(&MIXED.into(), 2, DPI, &AtomicBool::new(true)).expect_err("cancelled");
        assert_eq!(error, OcrError::Cancelled);
        assert!(began.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_renderer_that_draws_nonsense_is_a_clear_failure() {
        let folder = tempfile::tempdir().expect("folder");
        let nonsense = fake(&folder, "cat >/dev/null; echo not a picture", PAGE_DEADLINE);
        let error = nonsense.render(&MIXED.into(), 1, DPI, &AtomicBool::new(false)).expect_err("nonsense");
        assert!(error.to_string().contains("drew of page 1 could not be read"), "{error}");
    }
}
