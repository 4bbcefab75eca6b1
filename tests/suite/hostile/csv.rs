//! Formulas written into reports never reach a spreadsheet as formulas.

use crate::common::{Site, report};

fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// No cell starts as a formula would; `'` shows the writer's text as text.
fn assert_no_formula(rows: &[Vec<String>]) {
    for cell in rows.iter().flatten() {
        let number = cell.parse::<f64>().is_ok();
        assert!(
            number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run as a formula: {cell:?}"
        );
    }
}

#[test]
fn formulas_in_text_are_neutralised_in_both_csv_files_and_numbers_stay() {
    let site = Site::new(&[(
        "content/2015-12.md",
        &report(
            "month: 2015-12\nunit: \"=SUM(1,2)\"\nmetrics:\n  \"@SUM(A1)\":\n    \"=cmd|' /C calc'!A0\": {value: -12.5, unit: \"@x\"}",
            "## @SUM(A1)\n\n### 本月份推进情况\n\n=HYPERLINK(\"http://evil\",\"点击\")\n\n### 下一步推进计划\n\n-2+3\n",
        ),
    )]);
    site.built();
    let month = rows(&std::fs::read(site.output().join("months/2015-12/2015-12.csv")).unwrap());
    assert_no_formula(&month);
    let row = &month[0];
    assert!(row.contains(&"'@SUM(A1)".to_string()), "{row:?}");
    assert!(
        row.contains(&"'=HYPERLINK(\"http://evil\",\"点击\")".to_string()),
        "{row:?}"
    );
    assert!(row.contains(&"'-2+3".to_string()), "{row:?}");
    assert!(row.contains(&"'=SUM(1,2)".to_string()), "{row:?}");

    let files = crate::common::snapshot(&site.output());
    let (_, bytes) = files
        .iter()
        .find(|(path, _)| path.ends_with("metrics.csv"))
        .expect("no metrics.csv");
    let metrics = rows(bytes);
    assert_no_formula(&metrics);
    let row = &metrics[0];
    assert!(row.contains(&"'=cmd|' /C calc'!A0".to_string()), "{row:?}");
    assert!(
        row.contains(&"-12.5".to_string()),
        "the number became text: {row:?}"
    );
    assert!(row.contains(&"'@x".to_string()), "{row:?}");
}
