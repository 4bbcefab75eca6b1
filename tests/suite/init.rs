//! `reportal init`: a starter site that builds at once, never made over
//! an existing one.

use crate::common::reportal;

#[test]
fn init_creates_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("新站点");
    let target_arg = target.to_str().expect("UTF-8 temp dir");
    let run = reportal(&["init", target_arg]);
    assert!(run.ok, "{}", run.stderr);
    assert!(target.join("site.yaml").is_file());
    let build = reportal(&["build", "--root", target_arg]);
    assert!(build.ok, "{}", build.stderr);
    assert!(
        !build.stderr.contains('⚠'),
        "the starter site warns: {}",
        build.stderr
    );
    assert!(target.join("public/months/2025-12/index.html").is_file());

    let again = reportal(&["init", target_arg]);
    assert!(!again.ok, "init overwrote a site");
}
