//! OCR accuracy on `tests/fixtures/ocr/`: 20 pictures with their true text (see `make.sh`
//! there), in three kinds. Fails when the character error rate of a kind gets worse than
//! README records, by more than a small margin; prints the figures for README.
//!
//! Skipped, saying so, only where Tesseract is not installed; CI installs it.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use crosscheck::ocr::{OcrError, Tesseract, cer};

/// CER recorded in README ("Pictures and OCR"), per kind, with Tesseract 5.3 and its
/// `eng` data from Debian 12.
const RECORDED: &[(&str, f64)] = &[("post", 0.0025), ("letter", 0.0021), ("photo", 0.0096)];

/// Room for another Tesseract build reading a letter or two differently.
const MARGIN: f64 = 0.01;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr")
}

fn tesseract_available() -> bool {
    match Tesseract::system().languages() {
        Ok(languages) => languages.iter().any(|language| language == "eng"),
        Err(OcrError::Missing { .. }) => false,
        Err(error) => panic!("Tesseract is installed but fails: {error}"),
    }
}

#[test]
fn character_error_rate_is_no_worse_than_recorded() {
    if !tesseract_available() {
        eprintln!(
            "SKIPPED: Tesseract with English data is not installed (apt install tesseract-ocr tesseract-ocr-eng)"
        );
        return;
    }
    let tesseract = Tesseract::system();
    let mut report = Vec::new();
    for &(kind, recorded) in RECORDED {
        let mut pictures: Vec<PathBuf> = std::fs::read_dir(fixtures())
            .expect("fixtures")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| {
                let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
                name.starts_with(&format!("{kind}-")) && path.extension().is_some_and(|extension| extension == "png")
            })
            .collect();
        pictures.sort();
        assert!(!pictures.is_empty(), "no {kind} pictures");
        let (mut errors, mut length) = (0, 0);
        let began = Instant::now();
        for picture in &pictures {
            let bytes = std::fs::read(picture).expect("read");
            let decoded = crosscheck::import::image::decode(&bytes).expect("decodes");
            let reading = crosscheck::ocr::read_picture(&tesseract, &decoded, "en", &AtomicBool::new(false))
                .unwrap_or_else(|error| panic!("{}: {error}", picture.display()));
            let truth = std::fs::read_to_string(picture.with_extension("txt")).expect("truth");
            let (wrong, of) = cer::errors(&truth, &reading.text);
            errors += wrong;
            length += of;
            assert!(reading.layer.problem(reading.text.chars().count()).is_none());
        }
        let seconds = began.elapsed().as_secs_f64() / pictures.len() as f64;
        let rate = errors as f64 / length as f64;
        report.push(format!(
            "{kind}: {} pictures, CER {rate:.4} ({errors}/{length}), {seconds:.2} s per picture",
            pictures.len()
        ));
        assert!(
            rate <= recorded + MARGIN,
            "{kind}: CER {rate:.4} is worse than the recorded {recorded:.4}\n{report:#?}"
        );
    }
    eprintln!("{}", report.join("\n"));
}
