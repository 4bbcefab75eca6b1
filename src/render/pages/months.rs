//! Months: the archive, a page per month (with its table for paper, or,
//! for a month too large for one page, a page per unit's report), and
//! each month as CSV.

use tera::Value;

use super::page;
use crate::config::Download;
use crate::model::{Library, Month};
use crate::render::plan::{Kind, Make, Output, Planned, Shows};
use crate::render::shared::{Shared, group_by_year};
use crate::render::spreadsheet::text_cell;
use crate::render::{i18n, plain, search, status, word};

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let (library, views, t) = (s.library, &s.views, s.t);
    let offers = |download| library.config.offers(download);
    planned.push(page(
        s,
        "months",
        "months.html",
        Vec::new(),
        Box::new(move |c| {
            let by_year = group_by_year(
                views
                    .month_links
                    .iter()
                    .rev()
                    .map(|(m, v)| (m.year, v.clone())),
                t,
            );
            c.insert("years", &by_year);
        }),
    ));
    for (i, (month, link)) in views.month_links.iter().enumerate() {
        let split = s.structure.layout.month_is_split(*month);
        let print_url = (!split).then(|| s.urls.link(&format!("months/{month}/print")));
        let csv_url = offers(Download::Csv).then(|| month_csv_path(*month));
        let word_url = offers(Download::Word).then(|| word::month_path(*month));
        planned.push(page(
            s,
            &format!("months/{month}"),
            "month.html",
            library.months[month].clone(),
            Box::new(move |c| {
                c.insert_value("month", link.clone());
                c.insert_value("reports", s.reports_of(month, split));
                c.insert("split", &split);
                if s.several_units {
                    c.insert("status", &status::month_status(views, *month));
                }
                c.insert("print_url", &print_url);
                c.insert("csv_url", &csv_url);
                c.insert("word_url", &word_url);
                c.insert_value(
                    "previous",
                    i.checked_sub(1)
                        .map(|p| views.month_links[p].1.clone())
                        .into(),
                );
                c.insert_value(
                    "next",
                    views.month_links.get(i + 1).map(|(_, v)| v.clone()).into(),
                );
            }),
        ));
        if split {
            unit_pages(s, *month, link, planned);
        } else {
            // The month as a table for paper.
            let back_url = s.urls.month(*month);
            planned.push(page(
                s,
                &format!("months/{month}/print"),
                "print.html",
                library.months[month].clone(),
                Box::new(move |c| {
                    c.insert_value("month", link.clone());
                    c.insert_value("reports", s.reports_of(month, false));
                    c.insert("back_url", &back_url);
                    c.insert("back_label", &i18n::month_label(*month, t));
                }),
            ));
        }
    }
    // Each month as a table for spreadsheets, and as one Word file, as
    // offices forward them: the downloads site.yaml asks for.
    let months_offering = |download| {
        offers(download)
            .then_some(library.months.iter())
            .into_iter()
            .flatten()
    };
    planned.extend(
        months_offering(Download::Csv).map(|(month, reports)| Planned {
            output: Output::new(
                month_csv_path(*month),
                Kind::MonthSheet,
                Shows::Reports(reports.clone()),
            ),
            make: Make::MonthSheet(*month),
        }),
    );
    planned.extend(
        months_offering(Download::Word).map(|(month, reports)| Planned {
            output: Output::new(
                word::month_path(*month),
                Kind::Word,
                Shows::Reports(reports.clone()),
            ),
            make: Make::MonthWord(*month),
        }),
    );
}

/// A month too large for one page: each unit's report on its own (each
/// prints as it is: a table of the whole month would be as large as the
/// month page).
fn unit_pages<'a>(
    s: &'a Shared<'a>,
    month: Month,
    link: &'a Value,
    planned: &mut Vec<Planned<'a>>,
) {
    for &r in &s.library.months[&month] {
        let unit = &s.library.units[s.library.reports[r].unit];
        planned.push(page(
            s,
            &format!("units/{}/{month}", unit.id),
            "unit_month.html",
            vec![r],
            Box::new(move |c| {
                c.insert_value("month", link.clone());
                c.insert_value("report", s.views.report(r));
            }),
        ));
    }
}

/// Where a month's CSV is.
pub fn month_csv_path(month: Month) -> String {
    format!("months/{month}/{month}.csv")
}

/// A month as CSV for Excel (UTF-8 with a BOM, which Excel needs to read
/// it as UTF-8): a row per unit and area, the texts as plain text.
/// `texts`: the month's plain text, when the search index made it.
pub fn month_csv(
    library: &Library,
    reports: &[usize],
    month: Month,
    t: &i18n::Strings,
    texts: Option<&search::MonthTexts>,
) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    if let Some(texts) = texts {
        // At once, not by doubling: a large month's CSV is megabytes.
        bytes.reserve(texts.iter().map(|(a, b)| a.len() + b.len() + 128).sum());
    }
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        let label = i18n::month_label(month, t);
        let _ = writer.write_record([
            &t.month_column,
            &t.unit_column,
            &t.number,
            &t.work_area,
            &t.progress,
            &t.plan,
        ]);
        let made;
        let texts = match texts {
            Some(texts) => texts,
            None => {
                made =
                    plain::entry_texts(reports.iter().flat_map(|&r| &library.reports[r].entries));
                &made
            }
        };
        let mut texts = texts.iter();
        for &r in reports {
            let report = &library.reports[r];
            let unit = &library.units[report.unit].name;
            for (i, entry) in report.entries.iter().enumerate() {
                let (progress, plan) = texts
                    .next()
                    .map_or(("", ""), |(a, b)| (a.as_str(), b.as_str()));
                let _ = writer.write_record([
                    label.as_str(),
                    &text_cell(unit),
                    &(i + 1).to_string(),
                    &text_cell(&library.areas[entry.area].name),
                    &text_cell(progress),
                    &text_cell(plan),
                ]);
            }
        }
        let _ = writer.flush();
    }
    bytes
}
