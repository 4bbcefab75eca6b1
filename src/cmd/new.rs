//! `reportal new`: writes a unit's next report and says where.

use std::path::Path;
use std::process::ExitCode;

use reportal::model::Month;
use reportal::msg;
use reportal::next_report::{NewError, new_report};

pub fn run(root: &Path, unit: Option<&str>, month: Option<&str>) -> ExitCode {
    // The site's language from the first message on (the site is read
    // again, whole, to write the report).
    reportal::load::follow_site_language(root);
    let month = match month.map(|m| Month::parse(m).ok_or(m)).transpose() {
        Ok(month) => month,
        Err(bad) => {
            let text = msg!("import-bad-month", given = bad);
            eprintln!("{}", msg!("label-error", text = text));
            return ExitCode::FAILURE;
        }
    };
    match new_report(root, unit, month) {
        Ok(new) => {
            let wrote = msg!(
                "new-wrote",
                path = &new.path,
                unit = &new.unit,
                month = new.month.to_string(),
                count = new.areas
            );
            println!("{wrote}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            if let NewError::Site(problems) = &err {
                eprint!("{}", problems.render(false));
            }
            eprintln!("{}", msg!("label-error", text = err.to_string()));
            ExitCode::FAILURE
        }
    }
}
