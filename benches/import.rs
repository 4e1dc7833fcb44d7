//! Import per format: a real news page from the shared article set, the 100-page report
//! fixture, and the Word memo fixture. Each figure is the whole importer on bytes in memory
//! (decode, parse, extract, tidy, metadata), as `import_file` runs it after reading.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::import::{html, import_bytes};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).expect("fixture")
}

/// The largest page of the shared data set, unpacked, or the HTML fixture without it.
fn news_page() -> Vec<u8> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/article-extraction/html");
    let largest = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .max_by_key(|entry| entry.metadata().map_or(0, |m| m.len()))
        .and_then(|entry| std::fs::read(entry.path()).ok());
    largest.and_then(|gz| html::import_gzip(&gz).ok().map(|_| gz)).map_or_else(
        || fixture("article.html"),
        |gz| {
            use std::io::Read;
            let mut page = Vec::new();
            flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut page).map(|_| page).unwrap_or_default()
        },
    )
}

fn import_benchmarks(c: &mut Criterion) {
    let page = news_page();
    let pdf = fixture("hundred-pages.pdf");
    let docx = fixture("memo.docx");
    println!("news page {} KB, PDF {} KB, DOCX {} KB", page.len() >> 10, pdf.len() >> 10, docx.len() >> 10);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("HTML news page", |b| b.iter(|| black_box(import_bytes(Path::new("page.html"), &page))));
    group.bench_function("PDF 100 pages", |b| b.iter(|| black_box(import_bytes(Path::new("report.pdf"), &pdf))));
    group.bench_function("DOCX memo", |b| b.iter(|| black_box(import_bytes(Path::new("memo.docx"), &docx))));
    group.finish();
}

criterion_group!(benches, import_benchmarks);
criterion_main!(benches);
