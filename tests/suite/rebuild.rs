//! A rebuild writes only what changed (issue 19): files whose bytes are
//! the same keep their inode and modification time, so `rsync -a` and
//! `robocopy /MIR` copy the few that changed, and the output is still
//! what a fresh build makes.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use crate::common::{Run, build_to, set_modified, snapshot};

/// Each file of `dir` but the marker (written on every build): its inode, modification time (ns) and bytes.
fn files(dir: &Path) -> BTreeMap<String, (u64, i128, Vec<u8>)> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".reportal"))
        .map(|(path, bytes)| {
            let meta = std::fs::symlink_metadata(dir.join(&path)).expect("stat");
            assert!(meta.is_file(), "{path} is not an ordinary file");
            let mtime = i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec());
            (path, (meta.ino(), mtime, bytes))
        })
        .collect()
}

/// A generated site of 4 units × 12 months (bench/generate.py).
fn generated_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/generate.py"))
        .args([dir.path().to_str().expect("utf-8"), "4", "12"])
        .status()
        .expect("python3 runs bench/generate.py");
    assert!(status.success());
    dir
}

fn build(root: &Path, output: &Path) -> Run {
    let run = build_to(root, output);
    assert!(run.ok, "{run}");
    run
}

/// "(N written, M unchanged)" of a build's summary line.
fn counts(run: &Run) -> (usize, usize) {
    let (_, rest) = run.stdout.split_once(" files (").expect("counts");
    let (written, rest) = rest.split_once(" written, ").expect("written");
    let (unchanged, _) = rest.split_once(" unchanged)").expect("unchanged");
    (
        written.parse().expect("number"),
        unchanged.parse().expect("number"),
    )
}

#[test]
fn an_edit_rewrites_only_the_files_whose_bytes_changed() {
    let site = generated_site();
    let output = site.path().join("public");
    let first = build(site.path(), &output);
    let total = counts(&first).0;
    assert_eq!(counts(&first), (total, 0), "a first build writes all");
    let before = files(&output);
    assert_eq!(before.len(), total);
    let stamps = |files: &BTreeMap<String, (u64, i128, Vec<u8>)>| -> Vec<(String, u64, i128)> {
        (files.iter())
            .map(|(path, (inode, mtime, _))| (path.clone(), *inode, *mtime))
            .collect()
    };

    // The same input again: nothing is written.
    let again = build(site.path(), &output);
    assert_eq!(counts(&again), (0, total));
    assert!(
        stamps(&files(&output)) == stamps(&before),
        "inodes and times kept"
    );

    // One line of one report changed.
    let report = site.path().join("content/u01/2010-06.md");
    let text = std::fs::read_to_string(&report).expect("report");
    let edited = text.replacen("完成率", "完成比例", 1);
    assert_ne!(edited, text);
    std::fs::write(&report, edited).expect("edit");
    let rebuilt = build(site.path(), &output);
    let (written, unchanged) = counts(&rebuilt);
    assert_eq!(written + unchanged, total);
    let after = files(&output);
    let mut rewritten = Vec::new();
    for (path, (inode, mtime, bytes)) in &after {
        let Some((old_inode, old_mtime, old_bytes)) = before.get(path) else {
            continue;
        };
        if bytes == old_bytes {
            assert_eq!(
                (inode, mtime),
                (old_inode, old_mtime),
                "{path} has the same bytes but was written again"
            );
        } else {
            assert_ne!(inode, old_inode, "{path} changed in place");
            rewritten.push(path.as_str());
        }
    }
    assert_eq!(rewritten.len(), written, "{rewritten:?}");
    for page in [
        "months/2010-06/index.html",
        "months/2010-06/2010-06.csv",
        "months/2010-06/u01.docx",
    ] {
        assert!(
            rewritten.contains(&page),
            "{page} not rewritten: {rewritten:?}"
        );
    }
    assert!(
        written * 10 < total,
        "{written} of {total} files written for one line"
    );

    // What is there is what a fresh build makes, byte for byte.
    let fresh = tempfile::tempdir().expect("temp dir");
    build(site.path(), &fresh.path().join("public"));
    assert!(
        snapshot(&output) == snapshot(&fresh.path().join("public")),
        "the rebuilt output differs from a fresh build"
    );
}

#[test]
fn an_output_file_changed_by_hand_or_replaced_by_a_link_is_written_again() {
    let site = generated_site();
    let output = site.path().join("public");
    build(site.path(), &output);
    let built = snapshot(&output);
    let page = "months/2010-03/index.html";
    let secret = site.path().join("secret.txt");
    std::fs::write(&secret, "机密").expect("secret");
    // Same length, other bytes; and a page replaced by a link to a file
    // outside the output (whoever could write there tries to publish it).
    let mut changed = built[page].clone();
    changed[..6].copy_from_slice(b"HACKED");
    std::fs::write(output.join(page), changed).expect("hand edit");
    std::fs::remove_file(output.join("index.html")).expect("remove");
    std::os::unix::fs::symlink(&secret, output.join("index.html")).expect("link");

    // A folder of the output replaced by a link to a copy elsewhere: its
    // files are the right bytes, but outside; the new output must not be
    // tied to them (whoever can change them would change the site).
    let elsewhere = site.path().join("elsewhere");
    std::fs::rename(output.join("months/2010-04"), &elsewhere).expect("move");
    std::os::unix::fs::symlink(&elsewhere, output.join("months/2010-04")).expect("link");
    let moved = std::fs::read_dir(&elsewhere).expect("moved").count();

    let run = build(site.path(), &output);
    assert_eq!(counts(&run).0, 2 + moved, "{run}");
    let outside = std::fs::metadata(elsewhere.join("index.html")).expect("outside");
    let inside = std::fs::symlink_metadata(output.join("months/2010-04/index.html")).expect("page");
    assert!(inside.is_file() && inside.ino() != outside.ino());
    assert!(
        snapshot(&output) == built,
        "the output is what the site makes"
    );
    assert!(
        std::fs::symlink_metadata(output.join("index.html"))
            .expect("index")
            .is_file()
    );
    assert_eq!(std::fs::read_to_string(&secret).expect("secret"), "机密");
}

/// Sets a file's modification time `secs` from now (negative: earlier).
fn set_mtime(path: &Path, secs: i64) {
    let now = std::time::SystemTime::now();
    let delta = std::time::Duration::from_secs(secs.unsigned_abs());
    set_modified(path, if secs < 0 { now - delta } else { now + delta });
}

#[test]
fn an_output_file_is_linked_only_once_its_bytes_are_read_and_found_right() {
    let site = generated_site();
    let output = site.path().join("public");
    build(site.path(), &output);
    let built = snapshot(&output);

    // Whoever can write into the output can edit a page (same length)
    // and give it back its time.
    let page = "months/2010-03/index.html";
    let time = std::fs::metadata(output.join(page))
        .expect("page")
        .modified()
        .expect("time");
    let mut hacked = built[page].clone();
    hacked[..6].copy_from_slice(b"HACKED");
    std::fs::write(output.join(page), &hacked).expect("edit");
    set_modified(&output.join(page), time);

    // A colleague puts back an older copy of a page, its time kept
    // (`cp -p`, `rsync -a`, an unzipped backup).
    let restored = "months/2010-05/index.html";
    let mut older = built[restored].clone();
    older[..9].copy_from_slice(b"<!-- 1 ->");
    std::fs::write(output.join(restored), &older).expect("restore");
    set_mtime(&output.join(restored), -86_400);

    // A page hard-linked to a file elsewhere holding its very bytes: its
    // owner could change the published page later, output untouched.
    let elsewhere = site.path().join("index.html");
    std::fs::write(&elsewhere, &built["index.html"]).expect("copy");
    set_mtime(&elsewhere, -86_400);
    std::fs::remove_file(output.join("index.html")).expect("remove");
    std::fs::hard_link(&elsewhere, output.join("index.html")).expect("link");

    let run = build(site.path(), &output);
    assert_eq!(counts(&run).0, 3, "{run}");
    assert!(
        snapshot(&output) == built,
        "the output is what the site makes"
    );
    let outside = std::fs::metadata(&elsewhere).expect("outside");
    let inside = std::fs::metadata(output.join("index.html")).expect("index");
    assert_ne!(inside.ino(), outside.ino());
    assert_eq!((inside.nlink(), outside.nlink()), (1, 1));
}

/// Runs reportal, failing the test if it has not ended within a minute.
fn build_within_a_minute(args: &[&str]) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportal"))
        .env("REPORTAL_LANG", "en")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run reportal");
    for _ in 0..600 {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("reportal {args:?} still runs after a minute");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[test]
fn a_marker_that_is_a_link_or_a_fifo_is_replaced_not_written_through() {
    let site = generated_site();
    let root = site.path().to_str().expect("utf-8");
    let output = site.path().join("public");
    build(site.path(), &output);
    let built = snapshot(&output);

    // The marker a link to a file elsewhere: the build once wrote its
    // text through the link, into that file.
    let precious = site.path().join("precious.txt");
    std::fs::write(&precious, "不可改").expect("precious");
    std::fs::remove_file(output.join(".reportal-output")).expect("remove");
    std::os::unix::fs::symlink(&precious, output.join(".reportal-output")).expect("link");
    build(site.path(), &output);
    assert_eq!(std::fs::read_to_string(&precious).expect("read"), "不可改");
    assert!(snapshot(&output) == built);

    // The marker a FIFO: refused without --force, and with it the build
    // once waited for ever to write the marker into the old output (and
    // every later build on opening the folder it left).
    std::fs::remove_file(output.join(".reportal-output")).expect("remove");
    mkfifo(&output.join(".reportal-output"));
    let output_arg = output.to_str().expect("utf-8");
    let args = ["build", "--force", "--root", root, "--output", output_arg];
    assert!(build_within_a_minute(&args).success());
    assert!(snapshot(&output) == built);

    // A leftover staging folder whose marker is a FIFO.
    let leftover = site.path().join(".public.reportal-new-4000000");
    std::fs::create_dir(&leftover).expect("leftover");
    mkfifo(&leftover.join(".reportal-output"));
    assert!(
        build_within_a_minute(
            &args[..1]
                .iter()
                .chain(&args[2..])
                .copied()
                .collect::<Vec<_>>()
        )
        .success()
    );
    assert!(snapshot(&output) == built);
}
