//! Who had to report for a month, and what they sent: one rule for the
//! pages that show reporting status and for `check`, which names the
//! units that are late.

use super::Month;
use super::types::{Library, Unit};

/// A unit's reporting for one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporting {
    /// Its report is in the site (index into `Library::reports`).
    Submitted(usize),
    /// Only a draft: in the site when drafts are built (its report's
    /// index), left out otherwise.
    Draft(Option<usize>),
    /// Expected, and nothing sent.
    Missing,
    /// Not expected that month (before it was formed or first reported,
    /// after it was dissolved) and nothing sent.
    NotExpected,
}

impl Unit {
    /// Whether the unit is expected to report for `month`: from its
    /// `since` (or, without one, its first report) to its `until` (or,
    /// without one, on). A unit with neither is expected for no month.
    pub fn expected(&self, month: Month) -> bool {
        let Some(start) = self.since.or(self.first_report) else {
            return false;
        };
        month >= start && self.until.is_none_or(|until| month <= until)
    }
}

impl Library {
    /// The site's latest month with reports.
    pub fn latest_month(&self) -> Option<Month> {
        self.months.keys().next_back().copied()
    }

    /// Unit `unit`'s reporting for `month`. A report sent is shown even
    /// outside the expected months: it was written.
    pub fn reporting(&self, unit: usize, month: Month) -> Reporting {
        let report = self.months.get(&month).and_then(|reports| {
            reports
                .iter()
                .copied()
                .find(|&r| self.reports[r].unit == unit)
        });
        match report {
            Some(r) if self.reports[r].draft => Reporting::Draft(Some(r)),
            Some(r) => Reporting::Submitted(r),
            None if self.drafts.contains(&(unit, month)) => Reporting::Draft(None),
            None if self.units[unit].expected(month) => Reporting::Missing,
            None => Reporting::NotExpected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).expect("a month")
    }

    fn unit(since: Option<&str>, until: Option<&str>, first: Option<&str>) -> Unit {
        Unit {
            id: "u".into(),
            name: "U".into(),
            since: since.map(month),
            until: until.map(month),
            first_report: first.map(month),
        }
    }

    #[test]
    fn expected_from_the_first_report_on() {
        let u = unit(None, None, Some("2025-04"));
        assert!(!u.expected(month("2025-03")));
        assert!(u.expected(month("2025-04")));
        assert!(u.expected(month("2030-01")));
    }

    #[test]
    fn since_comes_before_the_first_report() {
        // Formed in February, first report in April: February and March
        // are missing, January is not.
        let u = unit(Some("2025-02"), None, Some("2025-04"));
        assert!(!u.expected(month("2025-01")));
        assert!(u.expected(month("2025-02")));
        assert!(u.expected(month("2025-03")));
        // A since later than the first report wins too: the unit was
        // not due before it.
        let u = unit(Some("2025-06"), None, Some("2025-04"));
        assert!(!u.expected(month("2025-05")));
        assert!(u.expected(month("2025-06")));
    }

    #[test]
    fn until_ends_it() {
        let u = unit(None, Some("2025-06"), Some("2024-01"));
        assert!(u.expected(month("2025-06")));
        assert!(!u.expected(month("2025-07")));
        let u = unit(Some("2025-01"), Some("2025-01"), None);
        assert!(u.expected(month("2025-01")));
        assert!(!u.expected(month("2024-12")));
        assert!(!u.expected(month("2025-02")));
    }

    #[test]
    fn a_unit_that_never_reported_nor_says_since_is_not_expected() {
        let u = unit(None, None, None);
        assert!(!u.expected(month("2025-01")));
        let u = unit(None, Some("2030-01"), None);
        assert!(!u.expected(month("2025-01")));
    }
}
