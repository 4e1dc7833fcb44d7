//! `crosscheck::import::import_bytes` on arbitrary bytes: an import or a refusal, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["inspection.odt"] {
        let _ = crosscheck::import::import_bytes(Path::new(name), data);
    }
});
