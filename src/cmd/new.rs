//! `reportal new`: writes a unit's next report and says where.

use std::path::Path;
use std::process::ExitCode;

use reportal::model::Month;
use reportal::next_report::{NewError, new_report};

pub fn run(root: &Path, unit: Option<&str>, month: Option<&str>) -> ExitCode {
    let month = match month.map(|m| Month::parse(m).ok_or(m)).transpose() {
        Ok(month) => month,
        Err(bad) => {
            eprintln!("error: --month {bad}: expected YYYY-MM, for example 2015-12");
            return ExitCode::FAILURE;
        }
    };
    match new_report(root, unit, month) {
        Ok(new) => {
            println!(
                "wrote {} ({}, {}, {} areas, draft: true): fill it in, then remove `draft: true`",
                new.path, new.unit, new.month, new.areas
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            if let NewError::Site(problems) = &err {
                eprint!("{}", problems.render(false));
            }
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
