//! Numbers as pages and spreadsheets show them: with the decimals a
//! metric was written with, never a float's 17 digits.

/// For spreadsheets: `7600000`, `12.50`.
pub fn plain(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", usize::from(decimals), value);
    // `-0` and `-0.00` are zero.
    if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        text.trim_start_matches('-').to_string()
    } else {
        text
    }
}

/// For reading: `7,600,000`, `-1,234.5`.
pub fn grouped(value: f64, decimals: u8) -> String {
    let text = plain(value, decimals);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A change, signed: `+1,200`, `−300` (a real minus sign), `0`.
pub fn signed(value: f64, decimals: u8) -> String {
    let text = grouped(value.abs(), decimals);
    if text.chars().all(|c| c == '0' || c == '.') {
        text
    } else if value > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

/// For axis ticks, short: `760万`, `1.2亿`; `7.6M`, `12K`. One scale
/// for the whole axis: the largest its `top` tick reaches that keeps the
/// `step` to two decimals.
/// `scales` are the language's words for large numbers, largest first.
pub fn compact(value: f64, step: f64, top: f64, scales: &[(f64, String)]) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    let (scale, suffix) = scales
        .iter()
        .find(|(scale, _)| top.abs() >= *scale && step.abs() * 100.0 >= *scale)
        .map_or((1.0, ""), |(scale, suffix)| (*scale, suffix.as_str()));
    let text = plain(value / scale, decimals_for(step / scale));
    format!("{text}{suffix}")
}

/// Decimals enough to tell ticks `step` apart (at most 6).
fn decimals_for(step: f64) -> u8 {
    (0..=6u8)
        .find(|&d| {
            let scaled = step * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// Round tick values spanning `low..=high`: steps of 1, 2, 2.5 or 5
/// times a power of ten, about `wanted` of them.
pub fn ticks(low: f64, high: f64, wanted: usize) -> (Vec<f64>, f64) {
    let (low, high) = if high > low {
        (low, high)
    } else {
        // One value: a band around it.
        let pad = if low == 0.0 { 1.0 } else { low.abs() / 10.0 };
        (low - pad, high + pad)
    };
    let rough = (high - low) / wanted.max(1) as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * power);
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil() as i64;
    let ticks = (first..=last).map(|k| k as f64 * step).collect();
    (ticks, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(7600000.0, 0), "7,600,000");
        assert_eq!(grouped(-1234.5, 1), "-1,234.5");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(0.1 + 0.2, 2), "0.30");
    }

    #[test]
    fn signs_changes() {
        assert_eq!(signed(1200.0, 0), "+1,200");
        assert_eq!(signed(-300.0, 0), "−300");
        assert_eq!(signed(-0.0001, 2), "0.00");
    }

    fn scales(words: &[(f64, &str)]) -> Vec<(f64, String)> {
        words.iter().map(|(s, w)| (*s, w.to_string())).collect()
    }

    #[test]
    fn compact_ticks() {
        let zh = &scales(&[(1e8, "亿"), (1e4, "万")]);
        let en = &scales(&[(1e9, "B"), (1e6, "M"), (1e3, "K")]);
        let top = 8_000_000.0;
        assert_eq!(compact(7_600_000.0, 50_000.0, top, zh), "760万");
        assert_eq!(compact(7_650_000.0, 50_000.0, top, zh), "765万");
        assert_eq!(compact(7_650_000.0, 50_000.0, top, en), "7.65M");
        assert_eq!(compact(25.0, 2.5, 30.0, en), "25.0");
        assert_eq!(compact(500.0, 100.0, 500.0, en), "500");
        assert_eq!(compact(0.0, 1e8, 1e9, zh), "0");
        assert_eq!(compact(1e8, 2.5e7, 1.25e8, zh), "1.00亿");
    }

    #[test]
    fn ticks_are_round() {
        let (ticks, step) = ticks(7_520_000.0, 7_610_000.0, 4);
        assert_eq!(step, 25_000.0);
        assert_eq!(ticks.first(), Some(&7_500_000.0));
        assert_eq!(ticks.last(), Some(&7_625_000.0));
        let (ticks, _) = super::ticks(5.0, 5.0, 4);
        assert!(ticks.first().unwrap() < &5.0 && ticks.last().unwrap() > &5.0);
    }
}
