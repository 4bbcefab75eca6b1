//! Links out of the site, outputs that are sources, leftovers of killed
//! builds, and the permissions of published copies.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use crate::common::{Run, Site, report, reportal, snapshot};

const REPORT: &str = "## 团的制度建设\n\n### 本月份推进情况\n\n完成换届。\n";

fn site() -> Site {
    Site::new(&[("content/2015-12.md", &report("month: 2015-12", REPORT))])
}

/// A folder outside the site, with a secret in it.
fn secret_folder() -> tempfile::TempDir {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        report("month: 2015-11", "## 机密\n\nSECRET-TOKEN-42\n"),
    )
    .unwrap();
    std::fs::write(outside.path().join("secret.css"), "SECRET-TOKEN-42").unwrap();
    std::fs::write(outside.path().join("secret.html"), "SECRET-TOKEN-42").unwrap();
    outside
}

fn assert_refused_naming(run: &Run, link: &str) {
    assert_ne!(
        run.code,
        Some(0),
        "a link out of the site was accepted:\n{run}"
    );
    assert!(
        run.stderr.contains(link) && run.stderr.contains("outside the site"),
        "the message does not name the link {link}:\n{run}"
    );
}

/// Nothing of the outside folder reached the output.
fn assert_nothing_published(site: &Site) {
    for (path, bytes) in snapshot(&site.output()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRET-TOKEN-42"),
            "{path} publishes a file from outside the site"
        );
    }
}

#[test]
fn a_report_linked_from_outside_is_refused_naming_the_link() {
    let site = site();
    let outside = secret_folder();
    symlink(
        outside.path().join("secret.md"),
        site.root().join("content/2015-11.md"),
    )
    .unwrap();
    assert_refused_naming(&site.build(), "content/2015-11.md");
    assert_refused_naming(&site.run("check", &[]), "content/2015-11.md");
    assert_nothing_published(&site);
}

#[test]
fn a_folder_linked_from_outside_is_not_walked() {
    let site = site();
    let outside = secret_folder();
    symlink(outside.path(), site.root().join("content/other-office")).unwrap();
    assert_refused_naming(&site.build(), "content/other-office");
    assert_nothing_published(&site);
}

#[test]
fn the_content_folder_itself_may_not_lead_outside() {
    let outside = secret_folder();
    let site = Site::new(&[]);
    symlink(outside.path(), site.root().join("content")).unwrap();
    assert_refused_naming(&site.build(), "content");
}

#[test]
fn process_files_are_not_published() {
    let site = site();
    symlink("/proc/self/environ", site.root().join("content/2015-10.md")).unwrap();
    assert_refused_naming(&site.build(), "content/2015-10.md");
}

#[test]
fn static_files_and_templates_from_outside_are_refused() {
    let outside = secret_folder();
    for (link, target) in [
        ("static/leak.css", "secret.css"),
        ("templates/partials/leak.html", "secret.html"),
        ("themes/default/static/leak.css", "secret.css"),
    ] {
        let site = site();
        let path = site.root().join(link);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(outside.path().join(target), &path).unwrap();
        assert_refused_naming(&site.build(), link);
        assert_nothing_published(&site);
    }
    // A whole theme folder linked from outside.
    let site = site();
    std::fs::create_dir_all(site.root().join("themes")).unwrap();
    symlink(outside.path(), site.root().join("themes/default")).unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/x.css"), "SECRET-TOKEN-42").unwrap();
    assert_refused_naming(&site.build(), "themes/default");
    assert_nothing_published(&site);
}

#[test]
fn links_inside_the_site_are_followed() {
    let site = Site::new(&[
        ("archive/2015-11.md", &report("month: 2015-11", REPORT)),
        ("content/2015-12.md", &report("month: 2015-12", REPORT)),
        ("shared/site.css", "body { color: #111 }"),
    ]);
    symlink(
        site.root().join("archive"),
        site.root().join("content/archive"),
    )
    .unwrap();
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    symlink(
        site.root().join("shared/site.css"),
        site.root().join("static/extra.css"),
    )
    .unwrap();
    site.built();
    assert!(
        site.exists("months/2015-11/index.html"),
        "the linked report is missing"
    );
    assert_eq!(
        std::fs::read_to_string(site.output().join("extra.css")).unwrap(),
        "body { color: #111 }"
    );
}

/// `content` is a link to a folder; `--output` names that folder.
#[test]
fn output_through_a_link_to_content_is_refused_even_with_force() {
    let site = Site::new(&[]);
    let reports = site.root().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("2015-12.md"), report("month: 2015-12", REPORT)).unwrap();
    symlink(&reports, site.root().join("content")).unwrap();
    let root = site.root().to_str().unwrap();
    for output in [
        reports.clone(),
        reports.join("public"),
        site.root().join("content"),
    ] {
        let output = output.to_str().unwrap();
        let run = build_into(root, output, &["--force"]);
        assert_ne!(run.code, Some(0), "built into {output}:\n{run}");
        assert!(run.stderr.contains("refusing"), "{run}");
        assert!(
            reports.join("2015-12.md").is_file(),
            "the report was deleted by building into {output}"
        );
    }
}

/// An output that holds a source folder (here: the folder `content`
/// links to) is refused too.
#[test]
fn output_holding_the_real_content_is_refused() {
    let site = Site::new(&[]);
    let elsewhere = tempfile::tempdir().unwrap();
    let reports = elsewhere.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("2015-12.md"), report("month: 2015-12", REPORT)).unwrap();
    symlink(&reports, site.root().join("content")).unwrap();
    let root = site.root().to_str().unwrap();
    let run = build_into(root, elsewhere.path().to_str().unwrap(), &["--force"]);
    assert_ne!(run.code, Some(0), "{run}");
    assert!(
        reports.join("2015-12.md").is_file(),
        "the reports were deleted"
    );
}

fn leftover(site: &Site, pid: u32) -> std::path::PathBuf {
    site.root().join(format!(".public.reportal-new-{pid}"))
}

/// A process id that is surely not running: the id of a child that ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// A build killed while removing an earlier leftover leaves a folder
/// whose marker may already be gone; a build killed before writing its
/// marker leaves an empty one. Both are removed by the next build; a
/// folder of the same name reportal did not make (files, no marker) is
/// never touched, nor a running build's.
#[test]
fn leftovers_of_killed_builds_are_removed_whatever_the_moment() {
    let site = site();
    let pid = dead_pid();
    // Killed mid-removal: the marker is removed last, so what remains
    // is either marked...
    let marked = leftover(&site, pid);
    std::fs::create_dir_all(marked.join("months/2015-12")).unwrap();
    std::fs::write(marked.join("months/2015-12/index.html"), "x").unwrap();
    std::fs::write(marked.join(".reportal-output"), "").unwrap();
    // ...or empty (also: killed between making the folder and marking it).
    let empty = leftover(&site, pid + 100_000);
    std::fs::create_dir_all(&empty).unwrap();
    // The two-rename swap's name for the previous output.
    let old = site
        .root()
        .join(format!(".public.reportal-new-{}-old", pid + 200_000));
    std::fs::create_dir_all(&old).unwrap();
    // Not ours: files without a marker, and the folder of a live process.
    let foreign = leftover(&site, pid + 300_000);
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    // A running build holds its marker's lock (as this test does here).
    let live = leftover(&site, pid + 400_000);
    std::fs::create_dir_all(&live).unwrap();
    std::fs::write(live.join(".reportal-output"), "").unwrap();
    let held = std::fs::File::open(live.join(".reportal-output")).unwrap();
    held.lock().unwrap();
    // Named for a process that is alive (pid 1, as in a container, where a
    // killed build was pid 1 too), but no build holds it: a leftover.
    let reused = leftover(&site, 1);
    std::fs::create_dir_all(&reused).unwrap();
    std::fs::write(reused.join(".reportal-output"), "").unwrap();

    site.built();
    assert!(!marked.exists(), "a marked leftover stayed");
    assert!(!empty.exists(), "an empty leftover stayed");
    assert!(!old.exists(), "a two-rename leftover stayed");
    assert!(
        foreign.join("notes.txt").is_file(),
        "a folder reportal did not make was removed"
    );
    assert!(live.exists(), "a running build's folder was removed");
    assert!(
        !reused.exists(),
        "a leftover named for a live process id stayed"
    );
    drop(held);
}

#[test]
fn published_copies_get_ordinary_permissions() {
    let site = site();
    site.write("site.yaml", "downloads: [markdown]\n");
    let source = site.root().join("content/2015-12.md");
    std::fs::set_permissions(&source, std::fs::Permissions::from_mode(0o4700)).unwrap();
    let style = site.root().join("static/own.css");
    std::fs::create_dir_all(style.parent().unwrap()).unwrap();
    std::fs::write(&style, "p{}").unwrap();
    std::fs::set_permissions(&style, std::fs::Permissions::from_mode(0o600)).unwrap();
    site.built();
    let mut checked = 0;
    for (path, _) in snapshot(&site.output()) {
        let mode = std::fs::metadata(site.output().join(&path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o7000,
            0,
            "{path} keeps a set-uid/set-gid/sticky bit: {mode:o}"
        );
        assert_eq!(
            mode & 0o044,
            0o044,
            "{path} is not readable by others: {mode:o}"
        );
        checked += 1;
    }
    assert!(checked > 10, "only {checked} files checked");
    assert!(
        has_copy_of_source(&site.output()),
        "the report's copy was not published"
    );
}

fn has_copy_of_source(public: &Path) -> bool {
    snapshot(public).keys().any(|path| path.ends_with(".md"))
}

#[test]
fn hidden_folders_of_static_files_are_not_published() {
    let site = Site::new(&[
        ("content/2015-12.md", &report("month: 2015-12", REPORT)),
        ("static/.git/config", "[remote] url = secret"),
        ("static/.hid/key.txt", "SECRET-TOKEN-42"),
        ("static/logo.txt", "logo"),
    ]);
    site.built();
    assert!(site.output().join("logo.txt").is_file());
    assert!(!site.output().join(".git").exists(), ".git was published");
    assert_nothing_published(&site);
}

/// A link that stays inside the site still leads the output checks to
/// what it points at: `content/gd` → `archive/gd`, built into.
#[test]
fn output_into_a_folder_a_source_link_leads_to_is_refused() {
    let site = Site::new(&[("archive/gd/2015-12.md", &report("month: 2015-12", REPORT))]);
    std::fs::create_dir_all(site.root().join("content")).unwrap();
    symlink("../archive/gd", site.root().join("content/gd")).unwrap();
    let root = site.root().to_str().unwrap();
    let output = site.root().join("archive/gd");
    let run = build_into(root, output.to_str().unwrap(), &["--force"]);
    assert_ne!(run.code, Some(0), "{run}");
    assert!(run.stderr.contains("content/gd"), "{run}");
    assert!(
        site.root().join("archive/gd/2015-12.md").is_file(),
        "the report was deleted"
    );
}

/// An output two missing folders below a link into content.
#[test]
fn output_below_a_link_and_missing_folders_is_resolved() {
    let site = site();
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(site.root().join("content"), elsewhere.path().join("link")).unwrap();
    let output = elsewhere.path().join("link/new/dir");
    let root = site.root().to_str().unwrap();
    let run = build_into(root, output.to_str().unwrap(), &[]);
    assert_ne!(run.code, Some(0), "{run}");
    assert!(
        !site.root().join("content/new").exists(),
        "built into content/"
    );
}

/// Links inside the site into `.git` or into reportal's own output are
/// refused: one publishes the repository, the other republishes every
/// earlier output on each build.
#[test]
fn links_into_hidden_folders_or_the_output_are_refused() {
    let site = Site::new(&[
        ("content/2015-12.md", &report("month: 2015-12", REPORT)),
        (".git/config", "[remote] url = SECRET-TOKEN-42"),
    ]);
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    symlink("../.git", site.root().join("static/g")).unwrap();
    assert_refused_hidden(&site.build(), "static/g");
    std::fs::remove_file(site.root().join("static/g")).unwrap();
    site.built();
    symlink("../public", site.root().join("static/p")).unwrap();
    assert_refused_hidden(&site.build(), "static/p");
    // Built elsewhere, the link into the old output is still refused.
    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("out");
    let root = site.root().to_str().unwrap();
    let run = build_into(root, output.to_str().unwrap(), &[]);
    assert!(run.stderr.contains("hidden folder"), "{run}");
}

fn assert_refused_hidden(run: &Run, link: &str) {
    assert_ne!(run.code, Some(0), "{run}");
    let why = run.stderr.contains("hidden folder") || run.stderr.contains("leads there");
    assert!(run.stderr.contains(link) && why, "{run}");
}

/// `reportal build --root <root> --output <output>` plus `extra`.
fn build_into(root: &str, output: &str, extra: &[&str]) -> Run {
    let mut args = vec!["build", "--root", root, "--output", output];
    args.extend_from_slice(extra);
    reportal(&args)
}

/// A pipe named like a report is neither waited on nor passed over in
/// silence: the build says which file it left out, and why.
#[test]
fn a_pipe_named_like_a_report_is_left_out_with_a_warning() {
    let site = site();
    let fifo = site.root().join("content/2015-11.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = site.built();
    assert!(
        run.stderr.contains("content/2015-11.md") && run.stderr.contains("not an ordinary file"),
        "{run}"
    );
    assert!(site.exists("months/2015-12/index.html"));
    assert!(!site.exists("months/2015-11/index.html"));
}
