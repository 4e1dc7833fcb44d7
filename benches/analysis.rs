//! Comparison and re-anchoring at the sizes the issue sets: aligning two 10,000-word
//! copies of a story (≤ 50 ms) and re-anchoring 5,000 passages in a 1 MB source after
//! it changed (≤ 200 ms).
//!
//! The texts are generated: sentences of news vocabulary with names and numbers, so
//! that sentences differ from each other as in real copy rather than repeating.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::{compare_texts, reanchor_source};
use crosscheck::model::{Anchor, Claim, ClaimId, Project, Source, SourceContent, SourceFormat, SourceId, SourceMeta};

const WORDS: &[&str] = &[
    "council",
    "minister",
    "agreed",
    "fund",
    "river",
    "barrier",
    "flood",
    "residents",
    "project",
    "report",
    "talks",
    "budget",
    "plan",
    "officials",
    "government",
    "water",
    "dam",
    "safety",
    "inspection",
    "contract",
    "bank",
    "loan",
    "season",
    "harvest",
    "farmers",
    "valley",
    "border",
    "treaty",
    "summer",
    "winter",
    "level",
    "share",
    "cost",
    "timetable",
    "committee",
    "agency",
    "statement",
    "reporters",
    "vote",
    "decision",
    "region",
    "town",
    "port",
];
const NAMES: &[&str] =
    &["Vaurel", "Brenn", "Ostrova", "Lind", "Orlen", "Halvik", "Moranza", "Estrava", "Merrow", "Kessary"];
const GLUE: &[&str] = &["the", "of", "and", "to", "in", "on", "for", "with", "said", "after", "would", "a"];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap_or(0)
    }
}

fn sentence(rng: &mut Rng) -> String {
    let mut words = vec![NAMES[rng.below(NAMES.len())].to_owned()];
    for i in 0..10 + rng.below(12) {
        words.push(match i % 3 {
            0 => GLUE[rng.below(GLUE.len())].to_owned(),
            1 if rng.below(6) == 0 => format!("{}", rng.below(5000)),
            1 if rng.below(8) == 0 => NAMES[rng.below(NAMES.len())].to_owned(),
            _ => WORDS[rng.below(WORDS.len())].to_owned(),
        });
    }
    format!("{}.", words.join(" "))
}

/// Paragraphs of generated sentences until `words` words.
fn story(rng: &mut Rng, words: usize) -> Vec<Vec<String>> {
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let paragraph: Vec<String> = (0..3).map(|_| sentence(rng)).collect();
        count += paragraph.iter().map(|s| s.split(' ').count()).sum::<usize>();
        paragraphs.push(paragraph);
    }
    paragraphs
}

fn render(paragraphs: &[Vec<String>]) -> String {
    paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n")
}

/// A rewrite: paragraphs moved, sentences cut and added, numbers changed.
fn rewrite(rng: &mut Rng, paragraphs: &[Vec<String>]) -> String {
    let mut copy = paragraphs.to_vec();
    for _ in 0..copy.len() / 10 {
        let from = rng.below(copy.len());
        let moved = copy.remove(from);
        let to = rng.below(copy.len());
        copy.insert(to, moved);
    }
    for paragraph in &mut copy {
        match rng.below(8) {
            0 => {
                paragraph.remove(1);
            }
            1 => paragraph.push(sentence(rng)),
            2 => paragraph[0] = paragraph[0].replacen('1', "7", 1),
            _ => {}
        }
    }
    render(&copy)
}

fn source(text: &str) -> Source {
    Source {
        meta: SourceMeta::default(),
        content: SourceContent { format: SourceFormat::PlainText, text: text.to_owned(), original: None },
    }
}

/// A project with a 1 MB source holding `anchors` claims, and an edited text for it.
fn reanchoring_case(anchors: usize) -> (Project, String) {
    let mut rng = Rng(0x00c0_ffee_1234_5678);
    let mut paragraphs = Vec::new();
    while paragraphs.iter().map(|p: &Vec<String>| p.iter().map(String::len).sum::<usize>()).sum::<usize>() < 1_000_000 {
        paragraphs.extend(story(&mut rng, 1000));
    }
    let text = render(&paragraphs);
    let id = SourceId(1);
    let mut project = Project::new("Re-anchoring benchmark");
    project.sources.insert(id, source(&text));
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let starts: Vec<usize> = (1..chars.len()).filter(|&i| chars[i - 1].1 == ' ').collect();
    for n in 0..anchors {
        let start = starts[rng.below(starts.len())];
        let end = (start + 10 + rng.below(60)).min(chars.len());
        let anchor = Anchor::capture(id, &text, start, end).expect("fits");
        project.claims.insert(ClaimId(u32::try_from(n).unwrap_or(0)), Claim::marked(anchor, "Unverified"));
    }
    // The new text: paragraphs inserted, removed and moved; a few words retyped.
    let mut edited = paragraphs.clone();
    for _ in 0..100 {
        let at = rng.below(edited.len());
        match rng.below(3) {
            0 => edited.insert(at, vec![sentence(&mut rng)]),
            1 => {
                edited.remove(at);
            }
            _ => {
                let moved = edited.remove(at);
                let to = rng.below(edited.len());
                edited.insert(to, moved);
            }
        }
    }
    (project, render(&edited))
}

fn analysis_benchmarks(c: &mut Criterion) {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let wire = story(&mut rng, 10_000);
    let left = render(&wire);
    let right = rewrite(&mut rng, &wire);
    let never = AtomicBool::new(false);
    let words = |text: &str| text.split_whitespace().count();
    println!("aligning {} and {} words", words(&left), words(&right));
    let mut group = c.benchmark_group("analysis");
    group.sample_size(20);
    group.bench_function("compare two 10,000-word sources", |b| {
        b.iter(|| black_box(compare_texts((SourceId(1), &left), (SourceId(2), &right), &never).expect("runs")));
    });
    group.bench_function("facts table of two 10,000-word sources", |b| {
        let sources = [(SourceId(1), left.as_str()), (SourceId(2), right.as_str())];
        b.iter(|| black_box(crosscheck::analysis::facts::table::build(&sources, &never).expect("runs")));
    });

    // The Facts tab reads every source of the project on a worker thread.
    let large = crosscheck::fixtures::generate(crosscheck::fixtures::Size::LARGE);
    let texts: Vec<(SourceId, &str)> = large.sources.iter().map(|(&id, s)| (id, s.text())).collect();
    group.bench_function("facts table of the large project (1,000 sources, 10 MB)", |b| {
        b.iter(|| black_box(crosscheck::analysis::facts::table::build(&texts, &never).expect("runs")));
    });

    let (project, edited) = reanchoring_case(5000);
    let report = reanchor_source(&project, SourceId(1), source(&edited).content).expect("source exists").report;
    println!(
        "re-anchoring 5,000 passages in {:.2} MB: {} moved, {} orphaned",
        edited.len() as f64 / 1e6,
        report.moved(),
        report.orphaned()
    );
    group.bench_function("re-anchor 5,000 passages in a 1 MB source", |b| {
        b.iter(|| black_box(reanchor_source(&project, SourceId(1), source(&edited).content).expect("source exists")));
    });
    group.finish();
}

criterion_group!(benches, analysis_benchmarks);
criterion_main!(benches);
