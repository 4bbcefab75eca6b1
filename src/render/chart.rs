//! Line charts as inline SVG, drawn at build time: readable without
//! JavaScript and on paper. Each line differs from the others in colour
//! AND in dash pattern and marker shape, so it reads in black and white
//! and for colour-blind readers; a month without a value breaks its line
//! rather than being bridged. Coordinates print with one decimal so two
//! builds are byte-identical.

use std::fmt::Write;

use super::numbers;
use crate::model::Month;

/// One line: a reporting unit's values, month by month.
pub struct Line<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub values: Vec<(Month, f64)>,
}

/// What the chart says in words, for its `<title>`, `<desc>` and labels.
pub struct Words<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The metric's unit (人, 小时), shown above the value axis.
    pub unit: Option<&'a str>,
    pub unit_caption: &'a str,
}

/// How line `i` looks.
pub struct LineStyle {
    pub colour: &'static str,
    pub dash: &'static str,
    pub marker: Marker,
    /// Every other cycle of markers is drawn hollow.
    pub hollow: bool,
}

#[derive(Clone, Copy)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Cross,
}

/// At least 3:1 against white (WCAG's contrast for graphics), and apart
/// from one another for the usual colour-vision deficiencies.
const COLOURS: [&str; 8] = [
    "#0b5fa5", "#b8430b", "#1b7f4b", "#8e3b8e", "#6b5d00", "#333333", "#c0266d", "#00738a",
];
const DASHES: [&str; 6] = ["", "8 4", "2 4", "10 3 2 3", "5 5", "1 6"];
const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Cross,
];

pub fn style(i: usize) -> LineStyle {
    LineStyle {
        colour: COLOURS[i % COLOURS.len()],
        dash: DASHES[i % DASHES.len()],
        marker: MARKERS[i % MARKERS.len()],
        hollow: (i / MARKERS.len()) % 2 == 1,
    }
}

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 250.0;
const TOP: f64 = 32.0;
const BOTTOM: f64 = 36.0;
const RIGHT: f64 = 16.0;
const FONT: f64 = 13.0;
/// Narrow screens show the chart small: the theme enlarges its text up to
/// this, so margins are made for it.
const FONT_MAX: f64 = 17.0;

/// The chart of `lines` over `months` (every month of the range, oldest
/// first, those without values included). `id` makes its ids unique on
/// the page.
pub fn line_chart(
    id: &str,
    months: &[Month],
    lines: &[Line],
    decimals: u8,
    words: &Words,
    scales: &[(f64, String)],
) -> String {
    let (ticks, labels) = value_ticks(lines, scales);
    let left = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 14.0;
    let (bottom_value, top_value) = (ticks[0], ticks[ticks.len() - 1]);
    let plot_width = WIDTH - left - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y_of = |v: f64| TOP + plot_height * (top_value - v) / (top_value - bottom_value);
    let slot = |i: usize| {
        if months.len() <= 1 {
            left + plot_width / 2.0
        } else {
            left + plot_width * i as f64 / (months.len() - 1) as f64
        }
    };
    let x_of = |m: Month| months.iter().position(|x| *x == m).map(slot);

    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        r#"<svg class="chart" id="{id}" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{}" aria-describedby="{id}-desc" xmlns="http://www.w3.org/2000/svg">"#,
        escape(words.title)
    );
    let _ = write!(
        svg,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(words.title),
        escape(words.description)
    );
    if let Some(unit) = words.unit {
        let _ = write!(
            svg,
            r#"<text class="axis-unit" x="{}" y="{}" font-size="{FONT}">{}{}</text>"#,
            f(4.0),
            f(TOP - 14.0),
            escape(words.unit_caption),
            escape(unit)
        );
    }
    // Value axis: a grid line and a label per tick.
    svg.push_str(r#"<g class="axis axis-values">"#);
    for (tick, label) in ticks.iter().zip(&labels) {
        let y = y_of(*tick);
        let _ = write!(
            svg,
            r##"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="#c4c8ce" stroke-width="1"/><text x="{}" y="{}" text-anchor="end" font-size="{FONT}">{}</text>"##,
            f(left),
            f(WIDTH - RIGHT),
            f(left - 6.0),
            f(y + FONT / 3.0),
            escape(label),
            y = f(y)
        );
    }
    svg.push_str("</g>");
    // Month axis: ticks at round months, at most five labels (room
    // for each at the largest font).
    svg.push_str(r#"<g class="axis axis-months">"#);
    let every = [1usize, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|k| months.len().div_ceil(*k) <= 5)
        .unwrap_or(120);
    let baseline = TOP + plot_height;
    let _ = write!(
        svg,
        r##"<line x1="{}" x2="{}" y1="{b}" y2="{b}" stroke="#50565e" stroke-width="1"/>"##,
        f(left),
        f(WIDTH - RIGHT),
        b = f(baseline)
    );
    for (i, month) in months.iter().enumerate() {
        let index = usize::from(month.month) - 1 + usize::from(month.year) * 12;
        let labelled = if months.len() <= every {
            i == 0
        } else {
            index % every == 0
        };
        if !labelled {
            continue;
        }
        let x = f(slot(i));
        let _ = write!(
            svg,
            r##"<line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="#50565e" stroke-width="1"/><text x="{x}" y="{}" text-anchor="middle" font-size="{FONT}">{month}</text>"##,
            f(baseline),
            f(baseline + 5.0),
            f(baseline + 5.0 + FONT + 2.0),
        );
    }
    svg.push_str("</g>");
    // The lines, each broken where a month has no value.
    for (n, line) in lines.iter().enumerate() {
        let look = style(n);
        let _ = write!(
            svg,
            r#"<g class="series" data-unit="{}" data-label="{}">"#,
            escape(line.key),
            escape(line.label)
        );
        let mut path = String::new();
        let mut previous: Option<usize> = None;
        for (month, value) in &line.values {
            let Some(x) = x_of(*month) else { continue };
            let slot_index = months.iter().position(|m| m == month);
            let joined = matches!((previous, slot_index), (Some(p), Some(i)) if i == p + 1);
            let _ = write!(
                path,
                "{}{} {}",
                if joined { " L" } else { " M" },
                f(x),
                f(y_of(*value))
            );
            previous = slot_index;
        }
        let dash = if look.dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{}""#, look.dash)
        };
        let _ = write!(
            svg,
            r#"<path class="line" d="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{dash}/>"#,
            path.trim_start(),
            look.colour
        );
        for (month, value) in &line.values {
            let Some(x) = x_of(*month) else { continue };
            let shown = numbers::grouped(*value, decimals);
            let _ = write!(
                svg,
                r#"<g class="point" data-month="{month}" data-value="{}"><title>{} · {month}: {}{}</title>{}</g>"#,
                numbers::plain(*value, decimals),
                escape(line.label),
                shown,
                escape(words.unit.unwrap_or("")),
                marker(&look, x, y_of(*value), 5.0)
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// The value axis all of `lines` share: round ticks spanning their
/// values (at least 0 to 1), each with its short label (`15万`).
pub fn value_ticks(lines: &[Line], scales: &[(f64, String)]) -> (Vec<f64>, Vec<String>) {
    let values = lines.iter().flat_map(|l| l.values.iter().map(|(_, v)| *v));
    let low = values.clone().fold(f64::INFINITY, f64::min);
    let high = values.fold(f64::NEG_INFINITY, f64::max);
    let (ticks, step) = if low.is_finite() {
        numbers::ticks(low, high, 4)
    } else {
        numbers::ticks(0.0, 1.0, 4)
    };
    let top = ticks.iter().fold(0.0, |a: f64, t| a.max(t.abs()));
    let labels = ticks
        .iter()
        .map(|t| numbers::compact(*t, step, top, scales))
        .collect();
    (ticks, labels)
}

/// A line's marker and dash as a small picture, for the legend.
pub fn swatch(i: usize) -> String {
    let look = style(i);
    let dash = if look.dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{}""#, look.dash)
    };
    format!(
        r#"<svg class="swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false"><path d="M1 7 L35 7" stroke="{}" stroke-width="2.5"{dash}/>{}</svg>"#,
        look.colour,
        marker(&look, 18.0, 7.0, 4.5)
    )
}

/// A small line of values without axes, beside the numbers it shows
/// (hidden from screen readers: the numbers are the content).
pub fn sparkline(values: &[Option<f64>]) -> String {
    let (w, h, pad) = (120.0, 32.0, 4.0);
    let present = values.iter().flatten();
    let low = present.clone().fold(f64::INFINITY, |a, b| a.min(*b));
    let high = present.fold(f64::NEG_INFINITY, |a, b| a.max(*b));
    let span = if high > low { high - low } else { 1.0 };
    let y_of = |v: f64| {
        if high > low {
            pad + (h - 2.0 * pad) * (high - v) / span
        } else {
            h / 2.0
        }
    };
    let x_of = |i: usize| {
        if values.len() <= 1 {
            w / 2.0
        } else {
            pad + (w - 2.0 * pad) * i as f64 / (values.len() - 1) as f64
        }
    };
    let mut path = String::new();
    let mut joined = false;
    let mut last = None;
    let mut dots = String::new();
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => {
                // A value with no neighbour draws no line: mark it.
                let next = values.get(i + 1).is_some_and(Option::is_some);
                if !joined && !next {
                    let _ = write!(
                        dots,
                        r##"<circle cx="{}" cy="{}" r="1.8" fill="#0b5fa5"/>"##,
                        f(x_of(i)),
                        f(y_of(*v))
                    );
                }
                let _ = write!(
                    path,
                    "{}{} {}",
                    if joined { " L" } else { " M" },
                    f(x_of(i)),
                    f(y_of(*v))
                );
                joined = true;
                last = Some((x_of(i), y_of(*v)));
            }
            None => joined = false,
        }
    }
    let dot = last.map_or(String::new(), |(x, y)| {
        format!(
            r##"<circle cx="{}" cy="{}" r="3" fill="#0b5fa5"/>"##,
            f(x),
            f(y)
        )
    });
    format!(
        r##"<svg class="sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" focusable="false"><path d="{}" fill="none" stroke="#0b5fa5" stroke-width="2"/>{dots}{dot}</svg>"##,
        path.trim_start()
    )
}

fn marker(look: &LineStyle, x: f64, y: f64, r: f64) -> String {
    let (fill, stroke) = if look.hollow {
        ("#ffffff", look.colour)
    } else {
        (look.colour, "#ffffff")
    };
    let paint = format!(r#" fill="{fill}" stroke="{stroke}" stroke-width="1.5""#);
    let points = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(px, py)| format!("{},{}", f(x + px * r), f(y + py * r)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match look.marker {
        Marker::Circle => format!(
            r#"<circle cx="{}" cy="{}" r="{}"{paint}/>"#,
            f(x),
            f(y),
            f(r)
        ),
        Marker::Square => format!(
            r#"<rect x="{}" y="{}" width="{s}" height="{s}"{paint}/>"#,
            f(x - r * 0.9),
            f(y - r * 0.9),
            s = f(r * 1.8)
        ),
        Marker::Triangle => format!(
            r#"<polygon points="{}"{paint}/>"#,
            points(&[(0.0, -1.2), (1.1, 0.9), (-1.1, 0.9)])
        ),
        Marker::TriangleDown => format!(
            r#"<polygon points="{}"{paint}/>"#,
            points(&[(0.0, 1.2), (1.1, -0.9), (-1.1, -0.9)])
        ),
        Marker::Diamond => format!(
            r#"<polygon points="{}"{paint}/>"#,
            points(&[(0.0, -1.3), (1.1, 0.0), (0.0, 1.3), (-1.1, 0.0)])
        ),
        Marker::Cross => format!(
            r#"<path d="M{} {} L{} {} M{} {} L{} {}" stroke="{}" stroke-width="2.5"/>"#,
            f(x - r),
            f(y - r),
            f(x + r),
            f(y + r),
            f(x - r),
            f(y + r),
            f(x + r),
            f(y - r),
            look.colour
        ),
    }
}

/// A coordinate with one decimal, `.0` left off.
pub fn f(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.strip_suffix(".0") {
        Some(whole) if whole != "-0" => whole.to_string(),
        Some(_) => "0".to_string(),
        None => text,
    }
}

/// About how wide `text` is at the chart's largest font size.
fn text_width(text: &str) -> f64 {
    ems(text) * FONT_MAX
}

/// About how many ems wide `text` is: CJK characters a full em, others a
/// little over half.
pub fn ems(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f64>()
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn a_gap_breaks_the_line() {
        let months = [month("2025-01"), month("2025-02"), month("2025-03")];
        let line = Line {
            key: "a",
            label: "A",
            values: vec![(months[0], 1.0), (months[2], 3.0)],
        };
        let words = Words {
            title: "t",
            description: "d",
            unit: None,
            unit_caption: "",
        };
        let svg = line_chart("c", &months, &[line], 0, &words, &[]);
        let path = svg.split(r#"class="line" d=""#).nth(1).unwrap();
        let d = &path[..path.find('"').unwrap()];
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(d.matches('L').count(), 0, "{d}");
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(f(12.0), "12");
        assert_eq!(f(12.345), "12.3");
        assert_eq!(f(-0.01), "0");
    }
}
