//! Builds a project of pictures read by OCR, for looking at the picture view and the
//! report: `cargo run --example build_picture_project -- FOLDER` imports three of
//! `tests/fixtures/ocr/` (a post, a letter, a photographed page) into FOLDER/pictures.ron.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Context, bail};
use crosscheck::model::{Anchor, Claim, Evidence, Project, Stance};
use crosscheck::store;

fn main() -> anyhow::Result<()> {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        bail!("usage: build_picture_project FOLDER");
    };
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr");
    let mut project = Project::default();
    "Pictures read by OCR".clone_into(&mut project.info.title);
    for name in ["post-03.png", "letter-04.png", "photo-02.png"] {
        let new = store::source_from_file(&fixtures.join(name), Some(&folder), &AtomicBool::new(false))?;
        for note in &new.notes {
            println!("{name}: {note}");
        }
        let id = project.ids.next_source();
        project.sources.insert(id, new.source);
    }
    let (&post, source) = project.sources.iter().next().context("no sources")?;
    let text = source.text().to_owned();
    let chars: Vec<char> = text.chars().collect();
    let find = |needle: &str| {
        let wanted: Vec<char> = needle.chars().collect();
        chars.windows(wanted.len()).position(|window| window == wanted.as_slice()).map(|at| (at, at + wanted.len()))
    };
    let (start, end) = find("the last boat leaves at 22:15").context("the post was not read as expected")?;
    let claim_id = project.ids.next_claim();
    project
        .claims
        .insert(claim_id, Claim::marked(Anchor::capture(post, &text, start, end).context("anchor")?, "Unverified"));
    let (start, end) = find("Check page 3 of the schedule").context("the post was not read as expected")?;
    let passage = Anchor::capture(post, &text, start, end).context("anchor")?;
    let evidence_id = project.ids.next_evidence();
    project
        .evidence
        .insert(evidence_id, Evidence { claim: claim_id, passage, stance: Stance::Contradicts, note: String::new() });
    let path = folder.join("pictures.ron");
    store::save(&project, &path)?;
    println!("wrote {}", path.display());
    Ok(())
}
