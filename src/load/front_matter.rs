//! Splits a report into its YAML front matter and its Markdown body.

use std::ops::Range;

/// Where the parts of a report file are, as byte ranges of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The YAML between the `---` lines; `None` when the file has none.
    pub front_matter: Option<Range<usize>>,
    pub body: Range<usize>,
}

/// The front matter opens with a `---` line and never closes.
#[derive(Debug, PartialEq, Eq)]
pub struct Unclosed {
    /// The opening `---`.
    pub opening: Range<usize>,
}

pub fn split(text: &str) -> Result<Parts, Unclosed> {
    let mut lines = line_ranges(text);
    let Some(first) = lines.next() else {
        return Ok(Parts {
            front_matter: None,
            body: 0..0,
        });
    };
    if !is_fence(&text[first.clone()], "---") {
        return Ok(Parts {
            front_matter: None,
            body: 0..text.len(),
        });
    }
    let yaml_start = first.end;
    for line in lines {
        let content = &text[line.clone()];
        if is_fence(content, "---") || is_fence(content, "...") {
            // `---` is also a Markdown rule: a "front matter" holding level-2+
            // headings is the start of the body, not YAML (where `#` lines
            // would silently become comments).
            if text[yaml_start..line.start]
                .lines()
                .any(|l| l.starts_with("##"))
            {
                return Ok(Parts {
                    front_matter: None,
                    body: 0..text.len(),
                });
            }
            return Ok(Parts {
                front_matter: Some(yaml_start..line.start),
                body: line.end..text.len(),
            });
        }
    }
    let first_line = text[yaml_start..]
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if first_line.starts_with('#') {
        // A rule, then the report: no front matter at all.
        return Ok(Parts {
            front_matter: None,
            body: 0..text.len(),
        });
    }
    Err(Unclosed {
        opening: first.start..first.start + 3,
    })
}

fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end() == fence
}

/// Each line's range, including its line end.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let range = start..end;
        start = end;
        Some(range)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\nmonth: 2015-12\n---\n## 一\n";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.front_matter.unwrap()], "month: 2015-12\n");
        assert_eq!(&text[parts.body], "## 一\n");
    }

    #[test]
    fn accepts_crlf() {
        let text = "---\r\nmonth: 2015-12\r\n---\r\nbody";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.front_matter.unwrap()], "month: 2015-12\r\n");
        assert_eq!(&text[parts.body], "body");
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let text = "## 一\n";
        let parts = split(text).unwrap();
        assert_eq!(parts.front_matter, None);
        assert_eq!(parts.body, 0..text.len());
    }

    #[test]
    fn a_rule_around_headings_is_body_not_front_matter() {
        let text = "---\n## 一、团的制度建设\n### 本月份推进情况\n---\n内容\n";
        let parts = split(text).unwrap();
        assert_eq!(parts.front_matter, None);
        assert_eq!(parts.body, 0..text.len());
        let unclosed_rule = "---\n\n## 一、团的制度建设\n";
        assert_eq!(split(unclosed_rule).unwrap().front_matter, None);
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        assert_eq!(
            split("---\nmonth: 2015-12\n## 一\n"),
            Err(Unclosed { opening: 0..3 })
        );
    }
}
