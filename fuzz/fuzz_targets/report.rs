//! A report file's bytes, as a build reads them: decoded, front matter
//! split off and read as YAML, the Markdown body rendered, the report
//! placed, and its problems rendered as the terminal shows them.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod shared;
use reportal::diagnostics::Problems;

fuzz_target!(|bytes: &[u8]| {
    let mut problems = Problems::default();
    let library = reportal::parse_report(
        "content/gd/2015-12.md",
        bytes.to_vec(),
        shared::config(),
        &mut problems,
    );
    std::hint::black_box(library);
    std::hint::black_box(problems.render(false));
});
