//! `import`, `new` and `init` speak the site's language (issue 21): the
//! same faulty inputs on a site with `language: zh-CN` and on one with
//! `language: en` give the same messages, in Chinese on the one and in
//! English on the other, with the same exit codes; the summaries count in
//! each language's way ("1 document" / "3 documents", "3 份文档").
//! reportal runs here without `REPORTAL_LANG` and with `LANG=C.UTF-8`, so
//! the site decides (`init`, outside any site: `--lang` or `LANG`).

use crate::common::{Run, Site, reportal_in_language as reportal};

/// The text export the import tests read (see `import.rs`), its title
/// naming `month` (a month without a year: the file name gives the year).
fn export(month: u8) -> String {
    format!(
        "二、重点工作推进情况（{month}月份）
 \t序号
\t重点工作
\t本月份推进情况
\t下一步推进计划

\t1
\t制度建设
\t召开专题会议，到会45人。
\t继续完善制度

\t2
\t团干部队伍建设
\t培训团干部300人次。
\t组织挂职锻炼。
"
    )
}

/// A site in `language` with two units, three areas and one report of
/// unit sz, and the documents the tests import.
fn site(language: &str) -> Site {
    let yaml = format!(
        "language: {language}
units:
  - {{ id: gd, name: 广东 }}
  - {{ id: sz, name: 深圳 }}
areas:
  - {{ id: zhidu, name: 团的制度建设, aliases: [制度建设] }}
  - {{ id: ganbu, name: 团干部队伍建设 }}
  - {{ id: xuanchuan, name: 共青团宣传思想工作 }}
"
    );
    let sz = "---\nmonth: 2016-02\nunit: sz\n---\n\n## 团的制度建设\n\n### 本月份推进情况\n\n1. 完成。\n\n### 下一步推进计划\n\n1. 继续。\n";
    let site = Site::new(&[("site.yaml", &yaml), ("content/sz/2016-02.md", sz)]);
    site.write("docs/广东2016年3月.txt", export(3));
    site.write("docs/广东2016年4月.txt", export(4));
    site.write("docs/广东2016年5月.txt", export(5));
    site.write("docs/广东2016年6月.txt", export(6));
    site.write("docs/广东2016年8月.txt", export(9) + "\t多出的一格\n");
    site.write("docs/无月份.txt", export(7).replace("（7月份）", ""));
    site.write("docs/空白.txt", "");
    site.write("docs/说明.pdf", "%PDF");
    site
}

fn run(site: &Site, args: &[&str]) -> Run {
    reportal(site.root(), "C.UTF-8", args)
}

/// What one run should say, in either language.
struct Said<'a> {
    args: &'a [&'a str],
    code: i32,
    zh: &'a [&'a str],
    en: &'a [&'a str],
}

/// Runs each case on a fresh zh-CN site and a fresh en site (the cases
/// of one list share a site, in order) and checks each says its words.
fn check(cases: &[Said]) {
    for language in ["zh-CN", "en"] {
        let site = site(language);
        for case in cases {
            let ran = run(&site, case.args);
            let said = format!("{}{}", ran.stdout, ran.stderr);
            assert_eq!(
                ran.code,
                Some(case.code),
                "{language} {:?}: {ran}",
                case.args
            );
            let (wanted, other) = match language {
                "zh-CN" => (case.zh, case.en),
                _ => (case.en, case.zh),
            };
            for text in wanted {
                assert!(
                    said.contains(text),
                    "{language} {:?}: no {text:?} in\n{ran}",
                    case.args
                );
            }
            for text in other {
                assert!(
                    !said.contains(text),
                    "{language} {:?}: {text:?} in\n{ran}",
                    case.args
                );
            }
        }
    }
}

#[test]
fn import_says_what_went_wrong_in_the_sites_language() {
    check(&[
        Said {
            args: &["import", "--root", ".", "docs/不存在.docx"],
            code: 1,
            zh: &[
                "错误：docs/不存在.docx：没有这个文件或文件夹",
                "共 0 份文档，导入了 0 份",
            ],
            en: &[
                "error: docs/不存在.docx: no such file or folder",
                "imported 0 of 0 documents",
            ],
        },
        Said {
            args: &[
                "import",
                "--root",
                ".",
                "docs/空白.txt",
                "--month",
                "2016-03",
            ],
            code: 1,
            zh: &[
                "错误：docs/空白.txt：没有找到带有“序号 / 重点工作 / 本月份推进情况 / 下一步推进计划”这几列的表格",
            ],
            en: &[
                "error: docs/空白.txt: no table with the columns 序号 / 重点工作 / 本月份推进情况 / 下一步推进计划 was found",
            ],
        },
        Said {
            args: &["import", "--root", ".", "docs/无月份.txt", "--unit", "gd"],
            code: 1,
            zh: &[
                "错误：docs/无月份.txt：不知道是哪个月的报告：请加上 --month YYYY-MM",
                "共 1 份文档，导入了 0 份；1 份没有导入（原因见上文）",
            ],
            en: &[
                "error: docs/无月份.txt: the month is not known: give --month YYYY-MM",
                "imported 0 of 1 document; 1 not imported (see above)",
            ],
        },
        Said {
            args: &[
                "import",
                "--root",
                ".",
                "docs/广东2016年3月.txt",
                "--unit",
                "xx",
            ],
            code: 1,
            zh: &["--unit xx：site.yaml 中没有这个单位（已有的单位：gd（广东）、sz（深圳））"],
            en: &["--unit xx: no such unit in site.yaml (units: gd (广东), sz (深圳))"],
        },
        Said {
            args: &[
                "import",
                "--root",
                ".",
                "docs/广东2016年3月.txt",
                "--month",
                "2016-13",
            ],
            code: 1,
            zh: &["错误：--month 2016-13：月份应写成 YYYY-MM，例如 2015-12"],
            en: &["error: --month 2016-13: expected YYYY-MM, for example 2015-12"],
        },
        Said {
            args: &["import", "--root", ".", "docs/广东2016年3月.txt"],
            code: 0,
            zh: &["共 1 份文档，导入了 1 份"],
            en: &["imported 1 of 1 document\n"],
        },
        Said {
            args: &["import", "--root", ".", "docs/广东2016年3月.txt"],
            code: 1,
            zh: &["content/gd/2016-03.md 已经存在：加上 --force 可以替换它"],
            en: &["content/gd/2016-03.md exists already: --force replaces it"],
        },
    ]);
}

#[test]
fn import_counts_in_the_sites_language() {
    check(&[Said {
        args: &[
            "import",
            "--root",
            ".",
            "docs/广东2016年4月.txt",
            "docs/广东2016年5月.txt",
            "docs/广东2016年6月.txt",
        ],
        code: 0,
        zh: &["正在读取 3 份文档", "共 3 份文档，导入了 3 份\n"],
        en: &["reading 3 documents", "imported 3 of 3 documents\n"],
    }]);
    check(&[Said {
        args: &[
            "import", "--root", ".", "docs", "--month", "2016-09", "--unit", "gd",
        ],
        code: 1,
        zh: &[
            "共 7 份文档，导入了 0 份；7 份没有导入（原因见上文）",
            "；跳过了 1 个其他文件：\n  docs/说明.pdf：不是报告文档（.docx .doc .wps .rtf .odt .txt）",
        ],
        en: &[
            "imported 0 of 7 documents; 7 not imported (see above)",
            "; skipped 1 other file:\n  docs/说明.pdf: not a report document (.docx .doc .wps .rtf .odt .txt)",
        ],
    }]);
}

#[test]
fn new_says_what_went_wrong_and_what_it_wrote_in_the_sites_language() {
    check(&[
        Said {
            args: &["new", "--root", ".", "--unit", "gd"],
            code: 1,
            zh: &["错误：广东还没有报告：请用 --month（YYYY-MM）说明是哪个月"],
            en: &["error: 广东 has no report yet: say which month with --month (YYYY-MM)"],
        },
        Said {
            args: &["new", "--root", ".", "--unit", "gd", "--month", "2016-13"],
            code: 1,
            zh: &["错误：--month 2016-13：月份应写成 YYYY-MM，例如 2015-12"],
            en: &["error: --month 2016-13: expected YYYY-MM, for example 2015-12"],
        },
        Said {
            args: &["new", "--root", "."],
            code: 1,
            zh: &["错误：站点有多个单位（gd（广东）、sz（深圳））：请用 --unit 说明是哪个单位"],
            en: &[
                "error: the site has several units (gd (广东), sz (深圳)): say which with --unit",
            ],
        },
        Said {
            args: &["new", "--root", ".", "--unit", "xx"],
            code: 1,
            zh: &["错误：site.yaml 中没有单位 `xx`"],
            en: &["error: no unit `xx` in site.yaml"],
        },
        Said {
            args: &["new", "--root", ".", "--unit", "gd", "--month", "2016-03"],
            code: 0,
            zh: &["已写好 content/gd/2016-03.md（广东，2016-03，3 项重点工作，draft: true）"],
            en: &["wrote content/gd/2016-03.md (广东, 2016-03, 3 areas, draft: true)"],
        },
        Said {
            args: &["new", "--root", ".", "--unit", "sz"],
            code: 0,
            zh: &["已写好 content/sz/2016-03.md（深圳，2016-03，1 项重点工作，draft: true）"],
            en: &["wrote content/sz/2016-03.md (深圳, 2016-03, 1 area, draft: true)"],
        },
        Said {
            args: &["new", "--root", ".", "--unit", "gd", "--month", "2016-03"],
            code: 1,
            zh: &["错误：广东已经有 2016-03 的报告：content/gd/2016-03.md"],
            en: &["error: 广东 has a report for 2016-03 already: content/gd/2016-03.md"],
        },
    ]);
}

#[test]
fn init_speaks_the_language_asked_for_or_the_systems() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("满")).expect("mkdir");
    std::fs::write(dir.path().join("满/x.txt"), "x").expect("write");
    let zh = [
        reportal(dir.path(), "zh_CN.UTF-8", &["init", "满"]),
        reportal(dir.path(), "C.UTF-8", &["init", "满", "--lang", "zh-CN"]),
    ];
    let en = [
        reportal(dir.path(), "C.UTF-8", &["init", "满"]),
        reportal(dir.path(), "zh_CN.UTF-8", &["init", "满", "--lang", "en"]),
    ];
    for (runs, said) in [
        (zh, "错误：满 不是空文件夹：init 只创建新站点"),
        (en, "error: 满 is not empty: init only creates new sites"),
    ] {
        for ran in runs {
            assert_eq!(ran.code, Some(1), "{ran}");
            assert!(ran.stderr.contains(said), "{ran}");
        }
    }
    let made = reportal(dir.path(), "zh_CN.UTF-8", &["init", "新站点"]);
    assert_eq!(made.code, Some(0), "{made}");
    assert!(
        made.stdout.contains(
            "已在 新站点 创建新站点，带有两份示例报告（第一次 reportal import 会替换它们）\n下一步：reportal build --root 新站点"
        ),
        "{made}"
    );
    let made = reportal(dir.path(), "C.UTF-8", &["init", "empty", "--empty"]);
    assert_eq!(made.code, Some(0), "{made}");
    assert!(
        made.stdout.contains(
            "created a new site without sample reports in empty\nnext: reportal import --root empty <your Word reports>"
        ),
        "{made}"
    );
    // The sample explains itself in Chinese, where the site never shows it.
    let sample = std::fs::read_to_string(dir.path().join("新站点/content/2025-12.md"))
        .expect("sample report");
    assert!(sample.contains("# 两行 --- 之间是开头设置"), "{sample}");
    assert!(sample.contains("每项重点工作以“## ”开头"), "{sample}");
}

#[test]
fn import_warns_in_the_sites_language() {
    check(&[Said {
        args: &["import", "--root", ".", "docs/广东2016年8月.txt"],
        code: 0,
        zh: &[
            "警告：docs/广东2016年8月.txt：文档里写的是 9 月，文件名里写的是 8 月：采用 9 月（可以用 --month 指定）",
            "警告：docs/广东2016年8月.txt：第 2 行：四列以外的单元格内容放在“未归类内容”下",
            "警告：docs/广东2016年8月.txt：表格行以外的 1 段文字放在第一项重点工作之前的“未归类内容”下",
        ],
        en: &[
            "warning: docs/广东2016年8月.txt: the document says month 9 and its file name month 8: month 9 taken (--month chooses)",
            "warning: docs/广东2016年8月.txt: row 2: a cell outside the four columns is kept under “未归类内容”",
            "warning: docs/广东2016年8月.txt: 1 paragraph outside the table's rows is kept before the first work area, under “未归类内容”",
        ],
    }]);
}
