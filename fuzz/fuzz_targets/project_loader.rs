//! The project loader on arbitrary text: loading, validating and a save/load round trip must
//! give results or errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((project, _migrated_from)) = crosscheck::store::from_ron(&text) else {
        return;
    };
    let _ = project.problems();
    if let Ok(saved) = crosscheck::store::to_ron(&project) {
        let _ = crosscheck::store::from_ron(&saved);
    }
});
