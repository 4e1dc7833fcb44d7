//! `crosscheck::import::import_bytes` on arbitrary bytes named `.pdf`: an import or a refusal,
//! never a panic that reaches the caller.
//!
//! pdf-extract and lopdf panic on some damaged files; the PDF importer runs them on its
//! `pdf-import` worker thread behind `catch_unwind` and turns a panic into a refusal. libFuzzer's
//! panic hook would abort on those caught panics too, so this target lets panics on that thread
//! unwind to the importer's `catch_unwind` and aborts on any other panic, as the stock hook does.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        let abort_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(crosscheck::import::pdf::WORKER_THREAD) {
                abort_hook(info);
            }
        }));
    },
    |data: &[u8]| {
        let _ = crosscheck::import::import_bytes(Path::new("report.pdf"), data);
    }
);
