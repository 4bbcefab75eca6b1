//! Pictures and attachments in reports (`![活动现场](照片/活动.png)`,
//! `[通知](附件/通知.pdf)`): published with the report under `files/`,
//! reached from every page that shows its text; a missing one is an
//! error at its line, one outside content/ is refused, a large picture
//! warned about; a `.docx` brings its pictures along when imported.

use docx_rs::{Docx, Paragraph, Pic, Run, Table, TableCell, TableRow};

use crate::common;

use common::server::Server;
use common::{Site, area, report};

const SITE_YAML: &str = "units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
areas:
  - { id: zhidu, name: 团的制度建设 }
";

/// A 1×1 PNG.
const PHOTO: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// 广东's report shows and links what `progress` says; 深圳's nothing.
fn site(progress: &str, extra_yaml: &str) -> Site {
    Site::new(&[
        ("site.yaml", &format!("{SITE_YAML}{extra_yaml}")),
        (
            "content/gd/2015-12.md",
            &report(
                "month: 2015-12\nunit: gd",
                &area("团的制度建设", progress, "1. 下月计划"),
            ),
        ),
        (
            "content/sz/2015-12.md",
            &report(
                "month: 2015-12\nunit: sz",
                &area("团的制度建设", "1. 深圳进展", "1. 计划"),
            ),
        ),
    ])
}

const WITH_FILES: &str = "1. 活动照片：![活动现场](照片/活动.png)\n\
     2. 见[通知](附件/关于开展活动的通知.pdf)和[报名表](附件/报名%20表.xlsx#sheet1)。";

fn with_files(extra_yaml: &str) -> Site {
    let site = site(WITH_FILES, extra_yaml);
    site.write("content/gd/照片/活动.png", PHOTO);
    site.write("content/gd/附件/关于开展活动的通知.pdf", "%PDF-1.4 通知");
    site.write("content/gd/附件/报名 表.xlsx", "PK 报名表");
    site
}

/// The output file an address on `page` leads to.
fn target(page: &str, address: &str) -> String {
    let path = address.split('#').next().unwrap_or("");
    common::resolve(page, &common::percent_decoded(path))
}

/// The line of `content/gd/2015-12.md` that holds `text`.
fn line_of(site: &Site, text: &str) -> usize {
    let report = std::fs::read_to_string(site.root().join("content/gd/2015-12.md")).expect("read");
    report
        .lines()
        .position(|line| line.contains(text))
        .expect("text in report")
        + 1
}

#[test]
fn pictures_and_attachments_are_copied_and_reached_from_every_page_showing_the_text() {
    // As one month page, and split into a page per unit's report (and
    // the timelines per year) where pages would pass max_page_kb.
    // (The print table is the whole month's: not made once it is split.)
    for (yaml, pages) in [
        (
            "",
            &[
                "months/2015-12/index.html",
                "months/2015-12/print/index.html",
                "areas/zhidu/units/gd/index.html",
            ][..],
        ),
        (
            "max_page_kb: 1\n",
            &[
                "units/gd/2015-12/index.html",
                "areas/zhidu/units/gd/index.html",
            ],
        ),
    ] {
        let site = with_files(yaml);
        let run = site.run("build", &["--check-links"]);
        assert!(run.ok, "{run}");
        let out = site.output();
        let read = |path: &str| std::fs::read(out.join(path)).expect(path);
        assert_eq!(read("files/gd/照片/活动.png"), PHOTO);
        assert_eq!(
            read("files/gd/附件/关于开展活动的通知.pdf"),
            "%PDF-1.4 通知".as_bytes()
        );
        assert_eq!(read("files/gd/附件/报名 表.xlsx"), "PK 报名表".as_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let meta = std::fs::metadata(out.join("files/gd/照片/活动.png")).expect("copied");
            assert_eq!(meta.permissions().mode() & 0o133, 0, "an ordinary new file");
        }

        let mut showing = Vec::new();
        for page in common::html_pages(&out) {
            let parsed = site.page(&page);
            let pictures: Vec<String> = parsed
                .select(&common::sel("img[src]"))
                .filter(|img| img.value().attr("alt") == Some("活动现场"))
                .filter_map(|img| img.value().attr("src").map(str::to_string))
                .collect();
            // Pages that show the text (lists show its first line, alt
            // text included, without the picture).
            let shows_text = parsed
                .select(&common::sel(".part-progress .prose"))
                .any(|part| common::text(part).contains("活动照片"));
            if !shows_text {
                assert!(pictures.is_empty(), "{page}");
                continue;
            }
            showing.push(page.clone());
            assert_eq!(pictures.len(), 1, "{page}");
            assert_eq!(
                target(&page, &pictures[0]),
                "files/gd/照片/活动.png",
                "{page}"
            );
            let links: Vec<(String, String)> = parsed
                .select(&common::sel("a[href]"))
                .map(|a| {
                    (
                        common::text(a),
                        a.value().attr("href").unwrap_or("").to_string(),
                    )
                })
                .filter(|(text, _)| text == "通知" || text == "报名表")
                .collect();
            let targets: Vec<String> = links.iter().map(|(_, href)| target(&page, href)).collect();
            assert_eq!(
                targets,
                [
                    "files/gd/附件/关于开展活动的通知.pdf",
                    "files/gd/附件/报名 表.xlsx"
                ],
                "{page}: {links:?}"
            );
            assert!(links[1].1.ends_with("#sheet1"), "{links:?}");
        }
        for page in pages {
            assert!(
                showing.contains(&page.to_string()),
                "{page} not in {showing:?}"
            );
        }
        assert!(
            showing
                .iter()
                .any(|p| p.starts_with("areas/zhidu/") && !p.contains("/units/")),
            "the area's timeline: {showing:?}"
        );
        assert_eq!(site.broken_links(), Vec::<String>::new());
    }
}

#[test]
fn the_word_download_and_the_spreadsheet_keep_the_text() {
    let site = with_files("");
    site.built();
    let bytes = std::fs::read(site.output().join("months/2015-12/gd.docx")).expect("word file");
    let document = docx_rs::read_docx(&bytes).expect("docx-rs reads it");
    let json = serde_json::to_string(&document.document).expect("json");
    // The picture as its alt text, the links as their text.
    for text in ["活动现场", "通知", "报名表"] {
        assert!(json.contains(text), "{text}");
    }
    assert!(!json.contains("files/gd"), "no address in the Word file");
    let sheets: Vec<String> = common::snapshot(&site.output())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".csv") && path.contains("2015-12"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(
        sheets
            .iter()
            .any(|csv| csv.contains("通知") && csv.contains("报名表")),
        "{sheets:?}"
    );
}

#[test]
fn a_missing_file_is_an_error_at_its_line_naming_the_path_as_written() {
    let site = site(
        "1. 照片：![活动](照片/缺失.png)\n2. 见[通知](附件/没有.pdf)",
        "",
    );
    let run = site.build();
    assert!(!run.ok, "{run}");
    let photo = line_of(&site, "缺失.png");
    let notice = line_of(&site, "没有.pdf");
    assert!(
        run.stderr
            .contains(&format!("content/gd/2015-12.md:{photo}:"))
            && run.stderr.contains("`照片/缺失.png`"),
        "{run}"
    );
    assert!(
        run.stderr
            .contains(&format!("content/gd/2015-12.md:{notice}:"))
            && run.stderr.contains("`附件/没有.pdf`"),
        "{run}"
    );
    assert!(!site.output().exists(), "nothing published");
}

#[test]
fn files_outside_content_or_hidden_or_running_as_pages_are_refused() {
    let site = site(
        "1. [配置](../../site.yaml)\n2. [口令](../../../../../../../etc/passwd)\n\
         3. [隐藏](.私密.pdf)\n4. [网页](页面.html)\n5. ![矢量](图.svg)\n\
         6. [架构](x.xsd)\n7. [无扩展名](说明)",
        "",
    );
    site.write("content/gd/.私密.pdf", "私密");
    site.write("content/gd/页面.html", "<script>alert(1)</script>");
    site.write("content/gd/图.svg", "<svg onload='alert(1)'/>");
    // Served as XML, an XHTML element runs its script; without an
    // extension a file may be sniffed as HTML.
    let xhtml = r#"<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>"#;
    site.write("content/gd/x.xsd", xhtml);
    site.write("content/gd/说明", xhtml);
    let run = site.build();
    assert!(!run.ok, "{run}");
    for written in ["../../site.yaml", "../../../../../../../etc/passwd"] {
        assert!(
            run.stderr.contains(&format!(
                "`{written}` leads out of the site's content/ folder"
            )),
            "{written}: {run}"
        );
    }
    assert!(run.stderr.contains("`.私密.pdf` is a hidden file"), "{run}");
    for written in ["页面.html", "图.svg", "x.xsd", "说明"] {
        assert!(
            run.stderr.contains(&format!(
                "`{written}` is not a kind of file reportal publishes"
            )),
            "{written}: {run}"
        );
    }
    assert!(!site.output().exists(), "nothing published");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_site_is_refused_and_one_inside_is_followed() {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("secret.png"), "机密").expect("write");
    let site = site("1. ![活动](照片/活动.png)", "");
    std::fs::create_dir_all(site.root().join("content/gd/照片")).expect("mkdir");
    let link = site.root().join("content/gd/照片/活动.png");
    std::os::unix::fs::symlink(outside.path().join("secret.png"), &link).expect("symlink");
    let run = site.build();
    assert!(!run.ok, "{run}");
    assert!(
        run.stderr.contains("content/gd/照片/活动.png") && run.stderr.contains("outside the site"),
        "{run}"
    );
    assert!(!site.output().exists(), "nothing published");

    // A link in content/ to another file of the site (site.yaml) leads
    // out of content/: refused at the line that names it.
    std::fs::remove_file(&link).expect("unlink");
    std::os::unix::fs::symlink(site.root().join("site.yaml"), &link).expect("symlink");
    let run = site.build();
    assert!(!run.ok, "{run}");
    assert!(
        run.stderr
            .contains("`照片/活动.png` leads out of the site's content/ folder"),
        "{run}"
    );
    assert!(!site.output().exists(), "nothing published");

    // A link to a picture elsewhere in content/ is that picture.
    std::fs::remove_file(&link).expect("unlink");
    site.write("content/shared/活动.png", PHOTO);
    std::os::unix::fs::symlink(site.root().join("content/shared/活动.png"), &link)
        .expect("symlink");
    site.built();
    let copied = site.output().join("files/gd/照片/活动.png");
    assert!(!copied.is_symlink());
    assert_eq!(std::fs::read(copied).expect("copied"), PHOTO);
}

#[test]
fn a_picture_above_max_picture_kb_is_a_warning_and_published_as_it_is() {
    let site = site(
        "1. ![大图](大图.jpg)\n2. [大附件](大附件.pdf)",
        "max_picture_kb: 2\n",
    );
    site.write("content/gd/大图.jpg", vec![0xFFu8; 3 * 1024]);
    site.write("content/gd/大附件.pdf", vec![b'%'; 30 * 1024]);
    let run = site.built();
    let line = line_of(&site, "大图.jpg");
    // Each message's first line starts with its mark.
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains("⚠")).collect();
    assert_eq!(
        warnings.len(),
        1,
        "the picture only, not the attachment: {run}"
    );
    assert!(
        warnings[0].contains(&format!("content/gd/2015-12.md:{line}:"))
            && warnings[0].contains("the picture `大图.jpg` is 3 KB, more than max_picture_kb"),
        "{run}"
    );
    assert_eq!(
        std::fs::read(site.output().join("files/gd/大图.jpg"))
            .expect("published")
            .len(),
        3 * 1024
    );
}

fn cell(paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |cell, p| cell.add_paragraph(p))
}

fn text(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

#[test]
fn a_docx_with_a_picture_imports_with_it_and_the_page_shows_it() {
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let picture = || Run::new().add_image(Pic::new_with_dimensions(PHOTO.to_vec(), 1, 1));
    let docx = Docx::new()
        .add_paragraph(text("广东团省委2016年4月重点工作推进情况"))
        .add_table(Table::new(vec![
            TableRow::new(vec![
                cell(vec![text("序号")]),
                cell(vec![text("重点工作")]),
                cell(vec![text("本月份推进情况")]),
                cell(vec![text("下一步推进计划")]),
            ]),
            TableRow::new(vec![
                cell(vec![text("1")]),
                cell(vec![text("团的制度建设")]),
                cell(vec![
                    text("召开座谈会。"),
                    Paragraph::new()
                        .add_run(Run::new().add_text("会议照片："))
                        .add_run(picture())
                        .add_run(Run::new().add_text("（左起）")),
                ]),
                cell(vec![text("继续推进")]),
            ]),
        ]));
    let path = site.root().join("report.docx");
    let file = std::fs::File::create(&path).expect("create docx");
    docx.build().pack(file).expect("write docx");
    let run = site.run("import", &[path.to_str().expect("path"), "--unit", "gd"]);
    assert!(run.ok, "{run}");
    let saved = std::fs::read(site.root().join("content/gd/2016-04/image1.png")).expect("saved");
    assert_eq!(saved, PHOTO);
    let written =
        std::fs::read_to_string(site.root().join("content/gd/2016-04.md")).expect("report");
    assert!(
        written.contains("会议照片：![](2016-04/image1.png)（左起）"),
        "where it stood: {written}"
    );

    site.built();
    let page = site.page("months/2016-04/index.html");
    let srcs = page.attrs(".part-progress img", "src");
    assert_eq!(srcs.len(), 1, "{srcs:?}");
    let target = target("months/2016-04/index.html", &srcs[0]);
    assert_eq!(target, "files/gd/2016-04/image1.png");
    assert_eq!(
        std::fs::read(site.output().join(target)).expect("copied"),
        PHOTO
    );

    // Again without --force: nothing is replaced.
    let again = site.run("import", &[path.to_str().expect("path"), "--unit", "gd"]);
    assert!(!again.ok, "{again}");
}

#[test]
fn serve_follows_an_added_a_changed_and_a_removed_picture() {
    let site = site("1. ![活动](活动.png)", "");
    site.write("content/gd/活动.png", PHOTO);
    let server = Server::start(&site);
    let address = "/files/gd/%E6%B4%BB%E5%8A%A8.png";
    server.wait_for(address, "is served", |s, b| s == 200 && b.contains("IHDR"));

    site.write("content/gd/活动.png", "换了一张");
    server.wait_for(address, "is the new picture", |s, b| {
        s == 200 && b.contains("换了一张")
    });

    site.write("content/gd/新.png", "新图");
    site.write(
        "content/gd/2015-12.md",
        report(
            "month: 2015-12\nunit: gd",
            &area(
                "团的制度建设",
                "1. ![活动](活动.png)![新](新.png)",
                "1. 计划",
            ),
        ),
    );
    server.wait_for("/files/gd/%E6%96%B0.png", "is served", |s, b| {
        s == 200 && b.contains("新图")
    });

    let mut events = server.events();
    std::fs::remove_file(site.root().join("content/gd/新.png")).expect("remove");
    let seen = Server::read_events(&mut events, |seen| seen.contains("`新.png`"));
    assert!(
        seen.contains("event: problem") && seen.contains("there is no file"),
        "{seen}"
    );
}

/// A rebuild copies an attachment again only when its bytes changed
/// (issue 19): unchanged, it keeps its inode; changed, even to the same
/// length with its time put back, it is copied anew.
#[test]
fn a_rebuild_copies_only_the_attachments_that_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = with_files("");
    site.built();
    let inode = |path: &str| {
        std::fs::metadata(site.output().join(path))
            .expect("published")
            .ino()
    };
    let (photo, notice) = (
        "files/gd/照片/活动.png",
        "files/gd/附件/关于开展活动的通知.pdf",
    );
    let before = (inode(photo), inode(notice));
    site.built();
    assert_eq!((inode(photo), inode(notice)), before);

    let source = site.root().join("content/gd/附件/关于开展活动的通知.pdf");
    let time = std::fs::metadata(&source)
        .expect("source")
        .modified()
        .expect("time");
    site.write("content/gd/附件/关于开展活动的通知.pdf", "%PDF-1.4 改稿");
    common::set_modified(&source, time);
    site.built();
    assert_eq!(inode(photo), before.0);
    assert_ne!(inode(notice), before.1);
    let published = std::fs::read(site.output().join(notice)).expect("notice");
    assert_eq!(published, "%PDF-1.4 改稿".as_bytes());
}
