//! The picture importer on arbitrary bytes under every picture name: an import or a
//! refusal (decompression bombs included, refused by the decode limits), never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["post.png", "letter.jpg", "page.webp", "flyer.gif", "scan.tiff"] {
        let _ = crosscheck::import::import_bytes(Path::new(name), data);
    }
    let region = crosscheck::model::PixelBox { left: 3, top: 3, width: 40, height: 20 };
    let _ = crosscheck::import::image::crop_png(data, region);
});
