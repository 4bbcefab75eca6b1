//! A first site that is the office's own (issue 18): the first import
//! replaces `init`'s samples (an edited one is kept), `init --empty`
//! starts without them, `import --add-areas` writes the documents' areas
//! into site.yaml keeping every other byte, area suggestions only when
//! close, a site without units never shows its title as the unit, and
//! the imported title loses its outline number.

use std::path::PathBuf;

use crate::common::{self, Run, Site, reportal};

const SEED: &str = include_str!("../fixtures/seed-2015-12.txt");

/// The seed's twelve areas, in order.
const SEED_AREAS: [&str; 12] = [
    "团的制度建设",
    "基层服务型团组织建设",
    "团干部队伍建设",
    "共青团宣传思想工作",
    "促进青年创新创业就业工作",
    "青年马克思主义者培养工程",
    "中学（中职）共青团工作",
    "少先队专业化建设工作",
    "两新组织和新兴领域青年工作",
    "青少年民族团结进步创建和对口支援工作",
    "青少年维权工作",
    "志愿服务重点工作",
];

/// A site made by `reportal init` (with `extra` arguments) in a temp dir.
struct InitSite {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl InitSite {
    fn new(extra: &[&str]) -> InitSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("站点");
        let mut args = vec!["init", root.to_str().expect("UTF-8")];
        args.extend_from_slice(extra);
        let run = reportal(&args);
        assert!(run.ok, "{run}");
        InitSite { _dir: dir, root }
    }

    fn arg(&self) -> &str {
        self.root.to_str().expect("UTF-8")
    }

    fn run(&self, command: &str, args: &[&str]) -> Run {
        let mut all = vec![command, "--root", self.arg()];
        all.extend_from_slice(args);
        reportal(&all)
    }

    /// Imports the seed (the year from `--year`).
    fn import_seed(&self, args: &[&str]) -> Run {
        let seed = self.root.join("../广东团省委2015年12月.txt");
        std::fs::write(&seed, SEED).expect("seed");
        let mut all = vec![seed.to_str().expect("UTF-8"), "--year", "2015"];
        all.extend_from_slice(args);
        self.run("import", &all)
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root.join(path)).expect(path)
    }

    fn reports(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.root.join("content"))
            .expect("content/")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn page(&self, path: &str) -> common::Page {
        common::parse_file(&self.root.join("public").join(path))
    }
}

#[test]
fn the_first_import_replaces_inits_samples_and_says_so() {
    let site = InitSite::new(&[]);
    assert_eq!(site.reports(), ["2025-11.md", "2025-12.md"]);
    let run = site.import_seed(&[]);
    assert!(run.ok, "{run}");
    assert!(
        run.stdout.contains(
            "removed init's sample reports (untouched since init): content/2025-11.md, content/2025-12.md\n"
        ),
        "{run}"
    );
    assert_eq!(site.reports(), ["2015-12.md"]);
    // site.yaml was init's: its sample areas are now the seed's, the rest
    // of the file as init wrote it.
    let yaml = site.read("site.yaml");
    let config: reportal::config::SiteConfig =
        serde_saphyr::from_str(&yaml).expect("site.yaml parses");
    let names: Vec<&str> = config.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, SEED_AREAS);
    assert!(yaml.starts_with("# 站点设置。"), "{yaml}");
    assert!(!yaml.contains("制度建设工作"), "{yaml}");
    assert!(
        run.stdout
            .contains("site.yaml: init's sample areas replaced by 12 work areas")
    );

    let build = site.run("build", &[]);
    assert!(build.ok, "{build}");
    assert!(!build.stderr.contains('⚠'), "{build}");
    let home = site.page("index.html");
    assert_eq!(home.text_one("section.latest h2 a"), "2015年12月");
    assert_eq!(home.count("td.s-missing"), 0);
    assert_eq!(home.count("td.s-submitted"), 1);
    let areas = home.texts("section.area-list li");
    assert_eq!(areas.len(), 12, "{areas:?}");
    assert!(areas.iter().all(|a| a.ends_with("1 个月")), "{areas:?}");

    let new = site.run("new", &[]);
    assert!(new.ok, "{new}");
    assert!(new.stdout.contains("content/2016-01.md"), "{new}");
}

#[test]
fn an_edited_sample_is_the_writers_and_is_kept() {
    let site = InitSite::new(&[]);
    let edited = site.read("content/2025-12.md").replace("5篇", "6篇");
    std::fs::write(site.root.join("content/2025-12.md"), &edited).expect("edit");
    let yaml_before = site.read("site.yaml");
    let run = site.import_seed(&[]);
    assert!(run.ok, "{run}");
    assert!(
        run.stdout
            .contains("removed init's sample reports (untouched since init): content/2025-11.md\n"),
        "{run}"
    );
    assert_eq!(site.reports(), ["2015-12.md", "2025-12.md"]);
    assert_eq!(site.read("content/2025-12.md"), edited);
    // The kept sample uses init's areas: they stay.
    assert_eq!(site.read("site.yaml"), yaml_before);
}

#[test]
fn a_site_with_reports_of_its_own_keeps_an_untouched_sample() {
    let site = InitSite::new(&[]);
    let own = site
        .read("content/2025-12.md")
        .replace("2025-12", "2025-10");
    std::fs::write(site.root.join("content/2025-10.md"), own).expect("own");
    let run = site.import_seed(&[]);
    assert!(run.ok, "{run}");
    assert!(!run.stdout.contains("removed"), "{run}");
    assert_eq!(
        site.reports(),
        ["2015-12.md", "2025-10.md", "2025-11.md", "2025-12.md"]
    );
}

#[test]
fn nothing_imported_puts_the_samples_back() {
    let site = InitSite::new(&[]);
    let bad = site.root.join("../空.txt");
    std::fs::write(&bad, "没有表格\n").expect("bad");
    let run = site.run("import", &[bad.to_str().expect("UTF-8")]);
    assert!(!run.ok, "{run}");
    assert_eq!(site.reports(), ["2025-11.md", "2025-12.md"]);
    assert!(!run.stdout.contains("removed"), "{run}");
}

#[test]
fn init_empty_starts_without_samples() {
    let site = InitSite::new(&["--empty"]);
    assert!(site.reports().is_empty());
    let yaml = site.read("site.yaml");
    let config: reportal::config::SiteConfig =
        serde_saphyr::from_str(&yaml).expect("site.yaml parses");
    assert!(config.areas.is_empty(), "{yaml}");
    let run = site.import_seed(&["--add-areas"]);
    assert!(run.ok, "{run}");
    assert!(!run.stdout.contains("removed"), "{run}");
    // No `areas:` key: the list is appended at the end.
    let after = site.read("site.yaml");
    assert!(after.starts_with(&yaml), "{after}");
    assert!(
        after[yaml.len()..]
            .starts_with("areas:\n  - { id: tuan-de-zhi-du-jian-she, name: 团的制度建设 }\n"),
        "{after}"
    );
    let build = site.run("build", &[]);
    assert!(build.ok, "{build}");
    assert!(!build.stderr.contains('⚠'), "{build}");
}

const OWN_YAML: &str = "# 我们的站点\r\ntitle: 团省委工作报告 # 标题\r\nareas:\r\n  - id: zhidu\r\n    name: 团的制度建设\r\n    aliases: [制度建设]\r\n  # 以后再加\r\n# 单位\r\nunits:\r\n  - { id: gd, name: 广东团省委 }\r\n";

#[test]
fn add_areas_appends_the_documents_areas_and_keeps_every_other_byte() {
    let site = Site::new(&[("site.yaml", OWN_YAML)]);
    let seed = site.root().join("seed.txt");
    std::fs::write(&seed, SEED).expect("seed");
    let run = site.run(
        "import",
        &[
            seed.to_str().expect("UTF-8"),
            "--year",
            "2015",
            "--unit",
            "gd",
            "--add-areas",
        ],
    );
    assert!(run.ok, "{run}");
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    let head = "# 我们的站点\r\ntitle: 团省委工作报告 # 标题\r\nareas:\r\n  - id: zhidu\r\n    name: 团的制度建设\r\n    aliases: [制度建设]\r\n";
    let tail = "  # 以后再加\r\n# 单位\r\nunits:\r\n  - { id: gd, name: 广东团省委 }\r\n";
    assert!(yaml.starts_with(head), "{yaml}");
    assert!(yaml.ends_with(tail), "{yaml}");
    let added: Vec<&str> = yaml[head.len()..yaml.len() - tail.len()]
        .split_terminator("\r\n")
        .collect();
    assert_eq!(added.len(), 11, "{added:?}");
    assert_eq!(
        added[0],
        "  - { id: ji-ceng-fu-wu-xing-tuan-zu-zhi-jian-she, name: 基层服务型团组织建设 }"
    );
    assert_eq!(
        added[10],
        "  - { id: zhi-yuan-fu-wu-zhong-dian-gong-zuo, name: 志愿服务重点工作 }"
    );
    let build = site.build();
    assert!(build.ok, "{build}");
    assert!(!build.stderr.contains("not in site.yaml"), "{build}");
    // Once added, a second import adds nothing.
    let again = site.run(
        "import",
        &[
            seed.to_str().expect("UTF-8"),
            "--year",
            "2015",
            "--unit",
            "gd",
            "--add-areas",
            "--force",
        ],
    );
    assert!(again.ok, "{again}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml"),
        yaml
    );
}

#[test]
fn add_areas_refuses_a_form_it_cannot_append_to() {
    let yaml = "areas: [{ id: zhidu, name: 团的制度建设 }]\n";
    let site = Site::new(&[("site.yaml", yaml)]);
    let seed = site.root().join("seed.txt");
    std::fs::write(&seed, SEED).expect("seed");
    let run = site.run(
        "import",
        &[
            seed.to_str().expect("UTF-8"),
            "--year",
            "2015",
            "--add-areas",
        ],
    );
    assert!(!run.ok, "{run}");
    assert!(
        run.stderr.contains("error: site.yaml: its `areas:` is written as `[{ id: zhidu, name: 团的制度建设 }]` on the key's line; reportal appends only to a list written one `- ` entry per line under `areas:`; nothing was changed: add the areas by hand"),
        "{run}"
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml"),
        yaml
    );
    // The report itself was imported.
    assert!(site.root().join("content/2015-12.md").is_file());
}

#[test]
fn area_and_key_suggestions_only_when_close() {
    let site = Site::new(&[
        (
            "site.yaml",
            "areas:\n  - { id: zhidu, name: 制度建设, aliases: [制度建设工作] }\n  - { id: xuanchuan, name: 宣传工作 }\n",
        ),
        (
            "content/2015-12.md",
            "---\nmonht: 2015-12\nmonth: 2015-12\ncolour: red\n---\n## 团的制度建设\n\n### 本月份推进情况\n\n甲\n\n## 志愿服务重点工作\n\n### 本月份推进情况\n\n乙\n\n## 志愿工作\n\n### 本月份推进情况\n\n丙\n",
        ),
    ]);
    let build = site.built();
    let lines: Vec<&str> = build.stderr.lines().filter(|l| l.contains('⚠')).collect();
    let line = |needle: &str| {
        lines
            .iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no warning about {needle}: {lines:?}"))
            .to_string()
    };
    assert!(
        line("`团的制度建设`").ends_with("the closest configured area is `制度建设`"),
        "{lines:?}"
    );
    assert!(
        line("`志愿服务重点工作`").ends_with("is not in site.yaml"),
        "{lines:?}"
    );
    assert!(
        line("`志愿工作`").ends_with("is not in site.yaml"),
        "{lines:?}"
    );
    assert!(
        line("`monht`").contains("(did you mean `month`?)"),
        "{lines:?}"
    );
    assert!(
        line("`colour`").ends_with("`colour`; it is ignored"),
        "{lines:?}"
    );
}

#[test]
fn without_units_the_site_title_is_never_the_unit() {
    let title = "某某站点的标题";
    let report = "---\nmonth: 2015-12\n---\n## 团的制度建设\n\n### 本月份推进情况\n\n甲\n\n### 下一步推进计划\n\n乙\n";
    let site = Site::new(&[
        ("site.yaml", &format!("title: {title}\n")),
        ("content/2015-12.md", report),
    ]);
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.texts("table th[scope=row]"), ["本单位"]);
    assert_eq!(home.texts("section.latest .name-list li"), ["本单位"]);
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.text_one(".report-bar-unit"), "2015年12月");
    let print = site.page("months/2015-12/print/index.html");
    assert_eq!(print.text_one(".report-bar-unit"), "2015年12月");
    // The title only where it names the site: header, footer, headings.
    for (path, page) in [("home", &home), ("month", &month), ("print", &print)] {
        let named = title_elements(page, title);
        assert!(
            named
                .iter()
                .all(|e| ["title", "a.site-title", "h1.page-title", "footer p"]
                    .contains(&e.as_str())),
            "{path}: {named:?}"
        );
    }
    // The Word file's unit and month line: the month alone.
    let word = std::fs::read(site.output().join("months/2015-12/main.docx")).expect("docx");
    let xml = docx_text(&word);
    assert!(!xml.contains(title), "{xml}");
}

/// The elements whose own text is `title`, as `tag` or `tag.class`.
fn title_elements(page: &common::Page, title: &str) -> Vec<String> {
    let all = scraper::Selector::parse("*").expect("selector");
    page.select(&all)
        .filter(|e| {
            e.children()
                .filter_map(|c| c.value().as_text())
                .any(|t| t.contains(title))
        })
        .map(|e| {
            let name = e.value().name();
            let in_footer = e
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|a| a.name() == "footer"));
            match e.value().classes().next() {
                _ if in_footer => format!("footer {name}"),
                Some(class) => format!("{name}.{class}"),
                None => name.to_string(),
            }
        })
        .collect()
}

/// word/document.xml of a .docx.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut file = zip.by_name("word/document.xml").expect("document.xml");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).expect("read");
    xml
}

#[test]
fn the_title_loses_its_outline_number_or_gives_way_to_the_sites() {
    // The seed's title names neither year nor unit: the site's own title.
    let site = Site::new(&[]);
    let seed = site.root().join("seed.txt");
    std::fs::write(&seed, SEED).expect("seed");
    let run = site.run("import", &[seed.to_str().expect("UTF-8"), "--year", "2015"]);
    assert!(run.ok, "{run}");
    let report = std::fs::read_to_string(site.root().join("content/2015-12.md")).expect("report");
    assert!(
        report.starts_with("---\n# 文档原标题（页面使用站点的标题）：二、重点工作推进情况（12月份）\nmonth: 2015-12\n---\n"),
        "{report}"
    );
    site.built();
    let page = site.page("months/2015-12/index.html");
    assert_eq!(
        page.text_one("#report-main-title"),
        "2015年12月重点工作推进情况"
    );

    // With several units: the unit, then year and month.
    let site = Site::new(&[(
        "site.yaml",
        "units:\n  - { id: gd, name: 广东团省委 }\n  - { id: gz, name: 广州团市委 }\n",
    )]);
    let seed = site.root().join("seed.txt");
    std::fs::write(&seed, SEED).expect("seed");
    let run = site.run(
        "import",
        &[
            seed.to_str().expect("UTF-8"),
            "--year",
            "2015",
            "--unit",
            "gz",
        ],
    );
    assert!(run.ok, "{run}");
    site.built();
    let page = site.page("months/2015-12/index.html");
    assert_eq!(
        page.text_one("#report-gz-title"),
        "广州团市委2015年12月重点工作推进情况"
    );

    // A title that names the year keeps it, without its number.
    let site = Site::new(&[]);
    let seed = site.root().join("seed.txt");
    let numbered = SEED.replacen(
        "二、重点工作推进情况（12月份）",
        "（二）2015年12月重点工作推进情况",
        1,
    );
    std::fs::write(&seed, numbered).expect("seed");
    let run = site.run("import", &[seed.to_str().expect("UTF-8")]);
    assert!(run.ok, "{run}");
    let report = std::fs::read_to_string(site.root().join("content/2015-12.md")).expect("report");
    assert!(
        report.starts_with("---\ntitle: \"2015年12月重点工作推进情况\"\n"),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn add_areas_never_writes_through_a_link() {
    let outside = tempfile::tempdir().expect("temp dir");
    let elsewhere = outside.path().join("other.yaml");
    std::fs::write(&elsewhere, "title: 别处\n").expect("outside");
    let site = Site::new(&[("site.yaml", "title: 站点\n")]);
    // A link left at the temporary name is removed, not written through.
    let planted = outside.path().join("planted");
    std::fs::write(&planted, "untouched").expect("planted");
    std::os::unix::fs::symlink(&planted, site.root().join(".site.yaml.reportal-new"))
        .expect("link");
    let seed = site.root().join("seed.txt");
    std::fs::write(&seed, SEED).expect("seed");
    let args = [
        seed.to_str().expect("UTF-8"),
        "--year",
        "2015",
        "--add-areas",
    ];
    let run = site.run("import", &args);
    assert!(run.ok, "{run}");
    assert_eq!(
        std::fs::read_to_string(&planted).expect("planted"),
        "untouched"
    );
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    assert!(
        yaml.starts_with("title: 站点\nareas:\n  - { id: tuan-de-zhi-du-jian-she"),
        "{yaml}"
    );

    // site.yaml itself a link out of the site: refused, nothing changed.
    std::fs::remove_file(site.root().join("site.yaml")).expect("rm");
    std::os::unix::fs::symlink(&elsewhere, site.root().join("site.yaml")).expect("link");
    let run = site.run("import", &[&args[..], &["--force"]].concat());
    assert!(!run.ok, "{run}");
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("outside"),
        "title: 别处\n"
    );
}

#[test]
fn samples_deleted_by_hand_still_take_inits_areas_with_them() {
    let site = InitSite::new(&[]);
    for (path, _) in reportal::starter::SAMPLES {
        std::fs::remove_file(site.root.join(path)).expect("rm");
    }
    let run = site.import_seed(&[]);
    assert!(run.ok, "{run}");
    assert!(!run.stdout.contains("removed"), "{run}");
    assert!(
        run.stdout
            .contains("site.yaml: init's sample areas replaced by 12 work areas")
    );
    let build = site.run("build", &[]);
    assert!(build.ok, "{build}");
    let areas = site.page("index.html").texts("section.area-list li");
    assert_eq!(areas.len(), 12, "{areas:?}");
    assert!(areas.iter().all(|a| a.ends_with(" 1 个月")), "{areas:?}");
}
