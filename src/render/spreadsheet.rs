//! Text cells for the CSV files readers open in Excel or WPS. A cell that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as
//! a formula (`=HYPERLINK(…)`, `=cmd|…`): a writer's text must never run
//! on a reader's machine. As OWASP recommends, such a cell gets a leading
//! `'`, which spreadsheets show as text and do not display; numbers
//! (`-12.5`) stay numbers.

use std::borrow::Cow;

pub fn text_cell(text: &str) -> Cow<'_, str> {
    let starts_like_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_like_formula && !is_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A plain decimal number, as the metric CSV writes values.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "=cmd|' /C calc'!A0",
            "\t=1",
            "\r=1",
            "-",
            "- 完成换届",
        ] {
            assert_eq!(text_cell(formula), format!("'{formula}"));
        }
        for plain in ["-12.5", "7600000", "+3", "完成=1", "", "12.5%"] {
            assert_eq!(text_cell(plain), plain);
        }
    }
}
