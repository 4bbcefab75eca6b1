//! `reportal init DIR`: a new site that builds at once, with a site.yaml
//! that shows every setting and two example reports to copy.

use std::path::Path;
use std::process::ExitCode;

const FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("../starter/site.yaml")),
    (
        "content/2025-11.md",
        include_str!("../starter/content/2025-11.md"),
    ),
    (
        "content/2025-12.md",
        include_str!("../starter/content/2025-12.md"),
    ),
];

pub fn run(dir: &Path) -> ExitCode {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        eprintln!(
            "error: {} is not empty: init only creates new sites",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    for (path, text) in FILES {
        let target = dir.join(path);
        let created = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(err) = created {
            eprintln!("error: cannot write {}: {err}", target.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "created a new site in {0}\nnext: reportal build --root {0}",
        dir.display()
    );
    ExitCode::SUCCESS
}
