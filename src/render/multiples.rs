//! Small multiples: past a handful of units, lines in one chart cannot be
//! told apart (22 cities are 22 tangled lines), so each unit gets a small
//! chart of its own. All share one value axis, so heights compare from
//! chart to chart, and each shows the range of every unit as a grey band
//! behind its own line: where the unit stands among the others. Inline
//! SVG drawn at build time, like `chart.rs`, with the same one-decimal
//! coordinates so builds are byte-identical.

use std::fmt::Write;

use super::chart::{Line, ems, escape, f, value_ticks};
use crate::model::Month;

/// More lines than this and one chart becomes a small chart per line.
pub const MOST_LINES: usize = 6;

const WIDTH: f64 = 200.0;
const HEIGHT: f64 = 112.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
const RIGHT: f64 = 8.0;
const FONT: f64 = 12.0;
/// On a phone the theme enlarges the text up to this (style.css), so
/// margins are made for it.
const FONT_MAX: f64 = 16.0;
const LINE_COLOUR: &str = "#0b5fa5";
const BAND_COLOUR: &str = "#dde1e6";
const GRID_COLOUR: &str = "#c4c8ce";

/// What one small chart says in words: its `<title>` and `<desc>`.
pub struct PanelWords {
    pub title: String,
    pub description: String,
}

/// One small chart per line of `lines` (in their order), over `months`
/// (every month of the range, oldest first), on the value axis of all of
/// them. `words[i]` names line `i`'s chart; `id` makes ids unique.
pub fn panels(
    id: &str,
    months: &[Month],
    lines: &[Line],
    words: &[PanelWords],
    scales: &[(f64, String)],
) -> Vec<String> {
    let (ticks, labels) = value_ticks(lines, scales);
    let frame = Frame::new(months.len(), &ticks, &labels);
    let index_of = |m: &Month| months.iter().position(|x| x == m);
    let ranges = band(months.len(), lines, &index_of);
    let mut background = String::with_capacity(2048);
    frame.axes(&mut background, &ticks, &labels, months);
    frame.band(&mut background, &ranges);
    lines
        .iter()
        .zip(words)
        .enumerate()
        .map(|(n, (line, words))| {
            let points: Vec<(usize, f64)> = line
                .values
                .iter()
                .filter_map(|(m, v)| Some((index_of(m)?, *v)))
                .collect();
            let mut svg = String::with_capacity(background.len() + 1024);
            let _ = write!(
                svg,
                r#"<svg class="chart chart-small" id="{id}-{n}" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{}" aria-describedby="{id}-{n}-desc" xmlns="http://www.w3.org/2000/svg"><title>{}</title><desc id="{id}-{n}-desc">{}</desc>"#,
                escape(&words.title),
                escape(&words.title),
                escape(&words.description)
            );
            svg.push_str(&background);
            frame.own_line(&mut svg, &points);
            svg.push_str("</svg>");
            svg
        })
        .collect()
}

/// Per month, the lowest and highest value any line has (none where no
/// line has a value).
fn band(
    months: usize,
    lines: &[Line],
    index_of: &dyn Fn(&Month) -> Option<usize>,
) -> Vec<Option<(f64, f64)>> {
    let mut band: Vec<Option<(f64, f64)>> = vec![None; months];
    for (month, value) in lines.iter().flat_map(|l| &l.values) {
        let Some(slot) = index_of(month).and_then(|i| band.get_mut(i)) else {
            continue;
        };
        *slot = Some(match *slot {
            Some((low, high)) => (low.min(*value), high.max(*value)),
            None => (*value, *value),
        });
    }
    band
}

/// Where things go in a small chart: the plot's box and its scale.
struct Frame {
    months: usize,
    left: f64,
    bottom_value: f64,
    top_value: f64,
}

impl Frame {
    fn new(months: usize, ticks: &[f64], labels: &[String]) -> Frame {
        let widest = labels.iter().map(|l| ems(l)).fold(0.0, f64::max);
        Frame {
            months,
            left: widest * FONT_MAX + 6.0,
            bottom_value: ticks.first().copied().unwrap_or(0.0),
            top_value: ticks.last().copied().unwrap_or(1.0),
        }
    }

    fn x(&self, i: usize) -> f64 {
        let width = WIDTH - self.left - RIGHT;
        if self.months <= 1 {
            self.left + width / 2.0
        } else {
            self.left + width * i as f64 / (self.months - 1) as f64
        }
    }

    fn y(&self, value: f64) -> f64 {
        let height = HEIGHT - TOP - BOTTOM;
        let span = self.top_value - self.bottom_value;
        let share = if span > 0.0 {
            (self.top_value - value) / span
        } else {
            0.5
        };
        TOP + height * share
    }

    /// Grid lines at every tick; only the lowest and highest labelled,
    /// and the first and last month (the small chart has room for no
    /// more, and the shared axis needs no more).
    fn axes(&self, svg: &mut String, ticks: &[f64], labels: &[String], months: &[Month]) {
        svg.push_str(r#"<g class="axis">"#);
        let last = ticks.len().saturating_sub(1);
        for (i, (tick, label)) in ticks.iter().zip(labels).enumerate() {
            let y = self.y(*tick);
            let _ = write!(
                svg,
                r#"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{GRID_COLOUR}" stroke-width="1"/>"#,
                f(self.left),
                f(WIDTH - RIGHT),
                y = f(y)
            );
            if i == 0 || i == last {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{}" text-anchor="end" font-size="{FONT}">{}</text>"#,
                    f(self.left - 4.0),
                    f(y + FONT / 3.0),
                    escape(label)
                );
            }
        }
        let baseline = f(HEIGHT - BOTTOM + FONT + 4.0);
        match (months.first(), months.last()) {
            (Some(first), Some(last)) if months.len() > 1 => {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{baseline}" text-anchor="start" font-size="{FONT}">{first}</text><text x="{}" y="{baseline}" text-anchor="end" font-size="{FONT}">{last}</text>"#,
                    f(self.left),
                    f(WIDTH - RIGHT)
                );
            }
            (Some(only), _) => {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{baseline}" text-anchor="middle" font-size="{FONT}">{only}</text>"#,
                    f(self.x(0))
                );
            }
            _ => {}
        }
        svg.push_str("</g>");
    }

    /// Every unit's range as a grey band, a shape per run of months with
    /// values (a gap is left open, as a line's gap is).
    fn band(&self, svg: &mut String, band: &[Option<(f64, f64)>]) {
        svg.push_str(r#"<g class="band">"#);
        let mut i = 0;
        while i < band.len() {
            let start = i;
            while i < band.len() && band[i].is_some() {
                i += 1;
            }
            let run: Vec<(usize, (f64, f64))> =
                (start..i).filter_map(|k| band[k].map(|b| (k, b))).collect();
            if !run.is_empty() {
                let upper = run.iter().map(|(k, (_, high))| (*k, *high));
                let lower = run.iter().rev().map(|(k, (low, _))| (*k, *low));
                let points: Vec<String> = upper
                    .chain(lower)
                    .map(|(k, v)| format!("{},{}", f(self.x(k)), f(self.y(v))))
                    .collect();
                let _ = write!(
                    svg,
                    r#"<polygon points="{}" fill="{BAND_COLOUR}" stroke="{BAND_COLOUR}" stroke-width="1"/>"#,
                    points.join(" ")
                );
            }
            i += 1;
        }
        svg.push_str("</g>");
    }

    /// The unit's own values: a line broken where a month has none, a dot
    /// on the latest value and on any value without a neighbour.
    fn own_line(&self, svg: &mut String, points: &[(usize, f64)]) {
        let mut path = String::new();
        let mut dots = String::new();
        for (n, (i, value)) in points.iter().enumerate() {
            let joined_before = n > 0 && points[n - 1].0 + 1 == *i;
            let joined_after = points.get(n + 1).is_some_and(|(next, _)| *next == i + 1);
            let (x, y) = (f(self.x(*i)), f(self.y(*value)));
            let _ = write!(path, "{}{x} {y}", if joined_before { " L" } else { " M" });
            if n + 1 == points.len() || (!joined_before && !joined_after) {
                let _ = write!(
                    dots,
                    r#"<circle cx="{x}" cy="{y}" r="3" fill="{LINE_COLOUR}"/>"#
                );
            }
        }
        let _ = write!(
            svg,
            r#"<g class="series"><path class="line" d="{}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5" stroke-linejoin="round"/>{dots}</g>"#,
            path.trim_start()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn words(n: usize) -> Vec<PanelWords> {
        (0..n)
            .map(|i| PanelWords {
                title: format!("t{i}"),
                description: format!("d{i}"),
            })
            .collect()
    }

    #[test]
    fn one_chart_per_line_on_one_scale() {
        let months = [month("2025-01"), month("2025-02")];
        let lines = [
            Line {
                key: "a",
                label: "A",
                values: vec![(months[0], 1.0), (months[1], 2.0)],
            },
            Line {
                key: "b",
                label: "B",
                values: vec![(months[0], 100.0), (months[1], 90.0)],
            },
        ];
        let svgs = panels("c", &months, &lines, &words(2), &[]);
        assert_eq!(svgs.len(), 2);
        // The same axis (B's 100 is its top) in both, each its own title.
        for (i, svg) in svgs.iter().enumerate() {
            assert!(svg.contains(">100</text>"), "{svg}");
            assert!(svg.contains(&format!("<title>t{i}</title>")), "{svg}");
        }
    }

    #[test]
    fn a_gap_breaks_the_line_and_the_band() {
        let months = [month("2025-01"), month("2025-02"), month("2025-03")];
        let lines = [Line {
            key: "a",
            label: "A",
            values: vec![(months[0], 1.0), (months[2], 3.0)],
        }];
        let svg = &panels("c", &months, &lines, &words(1), &[])[0];
        let d = svg.split(r#"class="line" d=""#).nth(1).unwrap();
        let d = &d[..d.find('"').unwrap()];
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(svg.matches("<polygon").count(), 2, "{svg}");
        // Two values without neighbours: both marked.
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
    }
}
