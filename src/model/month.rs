//! A report month (YYYY-MM).

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    pub month: u8,
}

impl Month {
    /// Reads what writers write: `2015-12`, and also `2015-1`, `2015/12`,
    /// `2015.12` and `2015年12月`, which mean the same to them.
    pub fn parse(text: &str) -> Option<Month> {
        let text = text.trim();
        let text = text.strip_suffix('月').unwrap_or(text);
        let (year, month) = text
            .split_once(['-', '/', '.', '年'])
            .map(|(y, m)| (y.trim(), m.trim()))?;
        if year.len() != 4 || !(1..=2).contains(&month.len()) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// The month from a file name like `2015-12.md` (or any form `parse`
    /// takes, such as `2015-1.md` or `2015年12月.md`).
    pub fn from_file_name(rel: &str) -> Option<Month> {
        let name = rel.rsplit('/').next()?;
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        Month::parse(stem)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // In every link to a month: written digit by digit, without the
        // padding machinery of `{:04}`, which showed in profiles.
        let (year, month) = (self.year, self.month);
        if year > 9999 || month > 99 {
            return write!(f, "{year:04}-{month:02}");
        }
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let key = [
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(u16::from(month) / 10),
            digit(u16::from(month)),
        ];
        f.write_str(std::str::from_utf8(&key).unwrap_or_default())
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_writers_use() {
        let dec = Some(Month {
            year: 2015,
            month: 12,
        });
        for text in ["2015-12", "2015/12", "2015.12", "2015年12月", " 2015-12 "] {
            assert_eq!(Month::parse(text), dec, "{text}");
        }
        assert_eq!(
            Month::parse("2015-1"),
            Some(Month {
                year: 2015,
                month: 1
            })
        );
    }

    #[test]
    fn rejects_what_is_not_a_month() {
        for text in [
            "2015-13",
            "2015-00",
            "15-12",
            "2015",
            "december",
            "2015-12-01",
        ] {
            assert_eq!(Month::parse(text), None, "{text}");
        }
    }

    #[test]
    fn month_from_file_name() {
        assert_eq!(
            Month::from_file_name("content/gd/2015-12.md"),
            Some(Month {
                year: 2015,
                month: 12
            })
        );
        assert_eq!(Month::from_file_name("content/gd/report.md"), None);
        assert_eq!(
            Month::from_file_name("2016-3.md"),
            Some(Month {
                year: 2016,
                month: 3
            })
        );
        assert_eq!(
            Month::from_file_name("2016年3月.md"),
            Some(Month {
                year: 2016,
                month: 3
            })
        );
    }
}
