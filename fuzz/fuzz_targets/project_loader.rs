//! The project loader on arbitrary text: loading, validating and a save/load round trip must
//! give results or errors, never a panic. Loading is strict (issue 12: repeated keys and
//! unknown fields are errors), so whatever loads must save and load back unchanged: a
//! difference would be something the file said that a save drops.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((project, _migrated_from)) = crosscheck::store::from_ron(&text) else {
        return;
    };
    let _ = project.problems();
    if let Ok(saved) = crosscheck::store::to_ron(&project) {
        let reloaded = crosscheck::store::from_ron(&saved).map(|(reloaded, _)| reloaded);
        assert_eq!(reloaded.ok().as_ref(), Some(&project), "a loaded project must survive a save");
    }
});
