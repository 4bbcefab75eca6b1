//! The interface's own words, in the site's language. Templates read them
//! as `t.<name>`; month names are formatted here too.

use serde::Serialize;

use crate::config::Language;
use crate::model::Month;

#[derive(Debug, Serialize)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub months: &'static str,
    pub areas: &'static str,
    pub units: &'static str,
    pub latest_report: &'static str,
    pub all_months: &'static str,
    pub all_areas: &'static str,
    pub all_units: &'static str,
    pub by_month: &'static str,
    pub by_area: &'static str,
    pub by_unit: &'static str,
    pub archives: &'static str,
    pub progress: &'static str,
    pub plan: &'static str,
    pub number: &'static str,
    pub work_area: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub latest_month: &'static str,
    pub reports: &'static str,
    pub months_unit: &'static str,
    pub areas_unit: &'static str,
    pub read_full_report: &'static str,
    pub see_in_month: &'static str,
    pub timeline_years: &'static str,
    pub entries_unit: &'static str,
    pub print_view: &'static str,
    pub download_source: &'static str,
    pub download_csv: &'static str,
    pub month_column: &'static str,
    pub unit_column: &'static str,
    pub month_split_note: &'static str,
    pub nothing_reported: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub main_navigation: &'static str,
    pub breadcrumb: &'static str,
    pub month_navigation: &'static str,
    pub year_month_grid: &'static str,
    pub year: &'static str,
    pub contents: &'static str,
    pub feed: &'static str,
    pub generated_by: &'static str,
    pub draft: &'static str,
    pub planned_before: &'static str,
    pub compare_with_plan: &'static str,
    pub first_report: &'static str,
    pub no_report_before: &'static str,
    pub not_listed_before: &'static str,
    pub no_plan_before: &'static str,
    pub reporting_status: &'static str,
    pub submitted: &'static str,
    pub missing: &'static str,
    pub month_short: [&'static str; 12],
}

pub fn strings(language: Language) -> Strings {
    match language {
        Language::ZhCn => Strings {
            skip_to_content: "跳到正文",
            home: "首页",
            months: "按月份",
            areas: "重点工作",
            units: "报送单位",
            latest_report: "最新一期",
            all_months: "全部月份",
            all_areas: "全部重点工作",
            all_units: "全部单位",
            by_month: "按月份浏览",
            by_area: "按重点工作浏览",
            by_unit: "按单位浏览",
            archives: "归档",
            progress: "本月份推进情况",
            plan: "下一步推进计划",
            number: "序号",
            work_area: "重点工作",
            previous_month: "上一月",
            next_month: "下一月",
            latest_month: "最近一期",
            reports: "份报告",
            months_unit: "个月",
            areas_unit: "项重点工作",
            read_full_report: "查看全文",
            see_in_month: "在当月报告中查看",
            timeline_years: "按年份查看",
            entries_unit: "条",
            print_view: "打印版（表格）",
            download_source: "下载原文（Markdown）",
            download_csv: "下载本月表格（CSV，可用 Excel 打开）",
            month_column: "月份",
            unit_column: "单位",
            month_split_note: "本月报告较多，此页列出各单位报告的要点；点击标题查看全文。",
            nothing_reported: "本月未填写。",
            not_found_title: "页面不存在",
            not_found_text: "您要找的页面不存在，可能已被移动或删除。",
            main_navigation: "主导航",
            breadcrumb: "当前位置",
            month_navigation: "月份翻页",
            year_month_grid: "年份与月份",
            year: "年",
            contents: "本期目录",
            feed: "订阅（Atom）",
            generated_by: "由 reportal 生成",
            draft: "草稿",
            planned_before: "上月计划",
            compare_with_plan: "对照上月计划",
            first_report: "首次报送：此前没有计划。",
            no_report_before: "上月未报送。",
            not_listed_before: "上月报告未列此项工作。",
            no_plan_before: "上月未写计划。",
            reporting_status: "报送情况",
            submitted: "已报送",
            missing: "未报送",
            month_short: [
                "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月",
                "12月",
            ],
        },
        Language::En => Strings {
            skip_to_content: "Skip to content",
            home: "Home",
            months: "Months",
            areas: "Work areas",
            units: "Units",
            latest_report: "Latest report",
            all_months: "All months",
            all_areas: "All work areas",
            all_units: "All units",
            by_month: "Browse by month",
            by_area: "Browse by work area",
            by_unit: "Browse by unit",
            archives: "Archives",
            progress: "Progress this month",
            plan: "Next steps",
            number: "No.",
            work_area: "Work area",
            previous_month: "Previous month",
            next_month: "Next month",
            latest_month: "Latest",
            reports: "reports",
            months_unit: "months",
            areas_unit: "work areas",
            read_full_report: "Read the full report",
            see_in_month: "See it in that month's report",
            timeline_years: "By year",
            entries_unit: "entries",
            print_view: "Printable table",
            download_source: "Download the original (Markdown)",
            download_csv: "Download the month as a table (CSV, opens in Excel)",
            month_column: "Month",
            unit_column: "Unit",
            month_split_note: "Many units reported this month: this page lists each report's points; follow a title for the full report.",
            nothing_reported: "Nothing reported this month.",
            not_found_title: "Page not found",
            not_found_text: "The page you are looking for does not exist. It may have been moved or removed.",
            main_navigation: "Main navigation",
            breadcrumb: "Breadcrumb",
            month_navigation: "Month navigation",
            year_month_grid: "Years and months",
            year: "",
            contents: "Contents",
            feed: "Feed (Atom)",
            generated_by: "Made with reportal",
            draft: "Draft",
            planned_before: "Planned last month",
            compare_with_plan: "Compare with last month's plan",
            first_report: "First report: nothing was planned before.",
            no_report_before: "No report last month.",
            not_listed_before: "Last month's report did not list this area.",
            no_plan_before: "No plan was written last month.",
            reporting_status: "Who has reported",
            submitted: "Submitted",
            missing: "Missing",
            month_short: [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
        },
    }
}

/// `2015年12月` or `December 2015`.
pub fn month_label(month: Month, language: Language) -> String {
    match language {
        Language::ZhCn => format!("{}年{}月", month.year, month.month),
        Language::En => format!(
            "{} {}",
            MONTH_NAMES[usize::from(month.month - 1)],
            month.year
        ),
    }
}

/// A run of months of one year, newest first: `2024年8月–7月`, `August–July 2024`.
pub fn month_range_label(newest: Month, oldest: Month, language: Language) -> String {
    if newest == oldest || newest.year != oldest.year {
        let (a, b) = (month_label(newest, language), month_label(oldest, language));
        return if newest == oldest {
            a
        } else {
            format!("{a}–{b}")
        };
    }
    match language {
        Language::ZhCn => format!("{}年{}月–{}月", newest.year, newest.month, oldest.month),
        Language::En => format!(
            "{}–{} {}",
            MONTH_NAMES[usize::from(newest.month - 1)],
            MONTH_NAMES[usize::from(oldest.month - 1)],
            newest.year
        ),
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2015年` or `2015`.
pub fn year_label(year: u16, language: Language) -> String {
    match language {
        Language::ZhCn => format!("{year}年"),
        Language::En => year.to_string(),
    }
}
