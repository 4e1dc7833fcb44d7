//! Writes the benchmark project (1,000 sources, 20,000 claims, 40,000 pieces of evidence,
//! 2,000 conflicts) to a file, to try the app at that size:
//! `cargo run --release --example build_large_project -- /tmp/large.ron`.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: build_large_project OUT.ron");
        return std::process::ExitCode::from(2);
    };
    let project = crosscheck::fixtures::generate(crosscheck::fixtures::Size::LARGE);
    match crosscheck::store::save(&project, std::path::Path::new(&path)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write {}: {error}", std::path::Path::new(&path).display());
            std::process::ExitCode::FAILURE
        }
    }
}
