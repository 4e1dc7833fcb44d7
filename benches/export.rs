//! Export of the large benchmark project (20,000 claims, 40,000 evidence links) in every
//! report format, through the same `export::render` the app and the command line call.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::export::{self, ExportOptions, Format};
use crosscheck::fixtures::{Size, generate};

fn export_benchmarks(c: &mut Criterion) {
    let project = generate(Size::LARGE);
    let options = ExportOptions { published: "2024-06-01".to_owned(), evidence_rows: true, ..ExportOptions::default() };
    let cancel = AtomicBool::new(false);
    let render = |format| export::render(&project, format, &options, &|_| {}, &cancel).expect("exports");
    for format in Format::ALL {
        let rendered = render(format);
        let extra = rendered.evidence_csv.as_ref().map_or(0, Vec::len);
        println!("{format}: {:.1} MB", (rendered.report.len() + extra) as f64 / 1e6);
    }

    let mut group = c.benchmark_group("export large project");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.label(), |b| b.iter(|| black_box(render(format))));
    }
    group.finish();
}

criterion_group!(benches, export_benchmarks);
criterion_main!(benches);
