//! Merges random edit scripts from two branches and counts what the README reports:
//! merges tried, clean, merge conflicts recorded, lost edits (must be 0).
//!
//! `cargo run --example merge_trials [MERGES [EDITS_PER_SIDE]]` (default 1000 and 12).

use crosscheck::teamwork::scripts::{base_project, random_script};
use crosscheck::teamwork::verify::verify;
use crosscheck::teamwork::{SideLabels, merge};

fn main() {
    let trials: u64 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let edits: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(12);
    let (mut clean, mut conflicts, mut lost, mut misplaced, mut broken, mut renumbered) = (0, 0, 0, 0, 0, 0);
    let started = std::time::Instant::now();
    for seed in 0..trials {
        let base = base_project();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        random_script(&mut ours, seed * 2 + 1, edits, "ours");
        random_script(&mut theirs, seed * 2 + 2, edits, "theirs");
        let merged = match merge(&base, &ours, &theirs, &SideLabels::default()) {
            Ok(merged) => merged,
            Err(error) => {
                eprintln!("seed {seed}: refused: {error}");
                broken += 1;
                continue;
            }
        };
        let findings = verify(&base, &ours, &theirs, &merged);
        for finding in findings.lost.iter().chain(&findings.misplaced).chain(&findings.broken) {
            eprintln!("seed {seed}: {finding}");
        }
        lost += findings.lost.len();
        misplaced += findings.misplaced.len();
        broken += findings.broken.len();
        renumbered += merged.report.renumbered.lines().len();
        if merged.report.is_clean() {
            clean += 1;
        } else {
            conflicts += merged.report.new_conflicts.len();
        }
    }
    println!("merges tried:              {trials}");
    println!("clean:                     {clean}");
    println!("merge conflicts recorded:  {conflicts} (in {} merges)", trials - clean);
    println!("ids renumbered:            {renumbered}");
    println!("lost edits:                {lost}");
    println!("misplaced conflicts:       {misplaced}");
    println!("broken references/ids:     {broken}");
    println!("time:                      {:.1} s", started.elapsed().as_secs_f64());
}
