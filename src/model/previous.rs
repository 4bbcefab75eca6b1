//! Plan against progress: for each entry, what the same unit planned for
//! the same work area the month before. A month's progress is the answer
//! to the previous month's plan; readers compare the two.

use std::collections::HashMap;

use super::{Month, Report};

/// What stands beside an entry's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// The unit's first report in the site: nothing was planned here.
    First,
    /// The unit sent no report for the month before (it did earlier).
    Gap(Month),
    /// The month before's report (index) has no entry for this area.
    NotListed(usize),
    /// Entry `entry` of report `report`: its plan.
    Plan { report: usize, entry: usize },
}

impl Month {
    /// The calendar month after this one.
    pub fn next(self) -> Month {
        match self.month {
            12 => Month {
                year: self.year.saturating_add(1),
                month: 1,
            },
            m => Month {
                year: self.year,
                month: m + 1,
            },
        }
    }

    /// The calendar month before this one.
    pub fn previous(self) -> Month {
        match self.month {
            1 => Month {
                year: self.year.saturating_sub(1),
                month: 12,
            },
            m => Month {
                year: self.year,
                month: m - 1,
            },
        }
    }
}

/// Fills each entry's `previous` (reports sorted by month, then unit).
pub fn link_plans(reports: &mut [Report]) {
    let by_unit_month: HashMap<(usize, Month), usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.unit, r.month), i))
        .collect();
    let mut first_of_unit: HashMap<usize, Month> = HashMap::new();
    for report in reports.iter() {
        first_of_unit.entry(report.unit).or_insert(report.month);
    }
    let found: Vec<Vec<Previous>> = reports
        .iter()
        .map(|report| {
            let before = report.month.previous();
            let earlier = first_of_unit
                .get(&report.unit)
                .is_some_and(|first| *first < report.month);
            report
                .entries
                .iter()
                .map(|entry| match by_unit_month.get(&(report.unit, before)) {
                    Some(&r) => reports[r]
                        .entries
                        .iter()
                        .position(|e| e.area == entry.area)
                        .map_or(Previous::NotListed(r), |e| Previous::Plan {
                            report: r,
                            entry: e,
                        }),
                    None if earlier => Previous::Gap(before),
                    None => Previous::First,
                })
                .collect()
        })
        .collect();
    for (report, previous) in reports.iter_mut().zip(found) {
        for (entry, previous) in report.entries.iter_mut().zip(previous) {
            entry.previous = previous;
        }
    }
}
