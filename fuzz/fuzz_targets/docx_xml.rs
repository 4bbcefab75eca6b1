//! A .docx's document.xml, as `reportal import` reads it: the limits'
//! XML reader, then docx-rs (on its own thread: its panics are the file's
//! error, not a crash), then the report written as Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod shared;

fuzz_target!(|xml: &[u8]| {
    let docx = shared::docx(xml);
    let converted =
        reportal::import::convert(&docx, "2015-12.docx", &shared::config(), None, None, None);
    let _ = std::hint::black_box(converted.map(|c| c.text));
});
