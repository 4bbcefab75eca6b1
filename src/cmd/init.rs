//! `reportal init DIR`: a new site that builds at once, with a site.yaml
//! that shows every setting and two sample reports to copy (the first
//! import replaces them), or with `--empty` none.

use std::path::Path;
use std::process::ExitCode;

use reportal::{msg, starter};

pub fn run(dir: &Path, empty: bool) -> ExitCode {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        let text = msg!("init-not-empty", path = dir.display().to_string());
        eprintln!("{}", msg!("label-error", text = text));
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
        let text = msg!(
            "init-cannot-create",
            path = dir.join("content").display().to_string(),
            reason = err.to_string()
        );
        eprintln!("{}", msg!("label-error", text = text));
        return ExitCode::FAILURE;
    }
    for (path, text) in files {
        let target = dir.join(path);
        if let Err(err) = std::fs::write(&target, text) {
            let text = msg!(
                "init-cannot-write",
                path = target.display().to_string(),
                reason = err.to_string()
            );
            eprintln!("{}", msg!("label-error", text = text));
            return ExitCode::FAILURE;
        }
    }
    let id = if empty {
        "init-created-empty"
    } else {
        "init-created"
    };
    println!("{}", msg!(id, path = dir.display().to_string()));
    ExitCode::SUCCESS
}
