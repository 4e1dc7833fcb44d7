//! Load and save of the large benchmark project (1,000 sources, 10 MB of text, 20,000
//! claims, 40,000 evidence links), beside `serde_json` on the same structures.
//!
//! "load" is the whole path the app takes: read the file, parse it, check every
//! invariant. The JSON figures take the same path with `serde_json` as the parser.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::fixtures::{Size, generate};
use crosscheck::model::Project;
use crosscheck::store;

fn load_json(path: &Path) -> (Project, usize) {
    let text = std::fs::read_to_string(path).expect("read");
    let project: Project = serde_json::from_str(&text).expect("parses");
    let problems = project.problems().len();
    (project, problems)
}

fn store_benchmarks(c: &mut Criterion) {
    let project = generate(Size::LARGE);
    let folder = tempfile::tempdir().expect("folder");
    let ron_path = folder.path().join("large.ron");
    let json_path = folder.path().join("large.json");
    store::save(&project, &ron_path).expect("saves");
    std::fs::write(&json_path, serde_json::to_string(&project).expect("json")).expect("write");
    let megabytes = |path: &Path| std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!("project file: {:.1} MB RON, {:.1} MB JSON", megabytes(&ron_path), megabytes(&json_path));

    let mut group = c.benchmark_group("large project");
    group.sample_size(10);
    group.bench_function("load RON (read, parse, check)", |b| {
        b.iter(|| black_box(store::load(&ron_path).expect("loads")));
    });
    group.bench_function("load JSON (read, parse, check)", |b| b.iter(|| black_box(load_json(&json_path))));
    let ron_text = std::fs::read_to_string(&ron_path).expect("read");
    let json_text = std::fs::read_to_string(&json_path).expect("read");
    group.bench_function("parse RON", |b| b.iter(|| black_box(store::from_ron(&ron_text).expect("parses"))));
    group.bench_function("parse JSON", |b| {
        b.iter(|| black_box(serde_json::from_str::<Project>(&json_text).expect("parses")));
    });
    group.bench_function("save RON (write, fsync, rename)", |b| {
        b.iter(|| store::save(&project, &ron_path).expect("saves"));
    });
    group.bench_function("save JSON (write, fsync, rename)", |b| {
        b.iter(|| {
            let text = serde_json::to_string(&project).expect("writes");
            store::write_atomically(&json_path, text.as_bytes()).expect("saves");
        });
    });
    group.finish();
}

criterion_group!(benches, store_benchmarks);
criterion_main!(benches);
