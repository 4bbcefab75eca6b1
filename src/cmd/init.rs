//! `reportal init DIR`: a new site that builds at once, with a site.yaml
//! that shows every setting and two sample reports to copy (the first
//! import replaces them), or with `--empty` none.

use std::path::Path;
use std::process::ExitCode;

use reportal::starter;

pub fn run(dir: &Path, empty: bool) -> ExitCode {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        eprintln!(
            "error: {} is not empty: init only creates new sites",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let site_yaml = if empty {
        starter::empty_site_yaml()
    } else {
        starter::SITE_YAML.to_string()
    };
    let samples = if empty { &[][..] } else { starter::SAMPLES };
    let files = std::iter::once(("site.yaml", site_yaml.as_str())).chain(samples.iter().copied());
    let made = std::fs::create_dir_all(dir.join("content"));
    if let Err(err) = made {
        eprintln!(
            "error: cannot create {}: {err}",
            dir.join("content").display()
        );
        return ExitCode::FAILURE;
    }
    for (path, text) in files {
        let target = dir.join(path);
        if let Err(err) = std::fs::write(&target, text) {
            eprintln!("error: cannot write {}: {err}", target.display());
            return ExitCode::FAILURE;
        }
    }
    if empty {
        println!(
            "created a new site without sample reports in {0}\nnext: reportal import --root {0} <your Word reports>",
            dir.display()
        );
    } else {
        println!(
            "created a new site with two sample reports in {0} (your first reportal import replaces them)\nnext: reportal build --root {0}",
            dir.display()
        );
    }
    ExitCode::SUCCESS
}
