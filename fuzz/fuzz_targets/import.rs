//! A document's bytes, as `reportal import` reads them: a zip as a .docx
//! (limits first, then docx-rs), anything else as a text export; then the
//! report written as Markdown. Errors are fine; a panic, an abort or a
//! hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod shared;

fuzz_target!(|bytes: &[u8]| {
    let converted =
        reportal::import::convert(bytes, "2015-12.txt", &shared::config(), None, None, None);
    let _ = std::hint::black_box(converted.map(|c| c.text));
});
