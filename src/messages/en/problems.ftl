# Problems found in a writer's files (src/diagnostics/kind.rs). Each is
# printed after `file:line:col: `, so it starts in lower case.

problem-unreadable = cannot read this file: { $reason }
problem-not-utf8 = the file is not UTF-8 text; save it again as UTF-8
problem-not-utf8-gbk = the file is not UTF-8 text; it looks like GBK/GB18030 (a Chinese Windows encoding): save it again as UTF-8
problem-unclosed-front-matter = the front matter opened with `---` is never closed: add a line with only `---` after it
problem-bad-yaml = the front matter is not valid YAML: { $reason }
problem-missing-month = no month: add `month: YYYY-MM` to the front matter, or name the file YYYY-MM.md
problem-invalid-month = `{ $given }` is not a month: write it as YYYY-MM, for example 2015-12
problem-unknown-unit = unit `{ $given }` is not in site.yaml; the units are: { $known }
problem-missing-unit = this site has several units: say which one this report is for, with `unit:` in the front matter
problem-empty-unit = `unit:` is empty: write the unit's id or name, or leave the line out on a site with one unit
problem-empty-area-heading = a work area heading needs a name after `##`
problem-no-areas = this report has no work area: start each area with a level-2 heading (`## 团的制度建设`)
problem-too-many-areas = this report has { $count } work areas, more than the { $max } a report may have: each becomes pages of the site (`##` before every paragraph?)
problem-too-many-metrics = this report gives { $count } numbers under `metrics:`, more than the { $max } a report may give: each is a point of a chart on the site
problem-span-too-long = the reports span { $first } to { $last }, more than the { $max } years a site may span (each unit's reporting grid shows every month between): is { $month } a typo?
problem-only-drafts = every report is a draft: nothing to publish (build with --drafts to see them)
problem-duplicate-report = a second report for unit `{ $unit }` in { $month }: { $other } has it already
problem-duplicate-report-single = a second report for { $month }: { $other } has it already
problem-unknown-key = unknown front matter key `{ $key }`; it is ignored
problem-unknown-key-suggest = unknown front matter key `{ $key }` (did you mean `{ $suggestion }`?); it is ignored
problem-unknown-config-key = unknown key `{ $key }` in site.yaml; it is ignored
problem-unknown-config-key-suggest = unknown key `{ $key }` in site.yaml (did you mean `{ $suggestion }`?); it is ignored
problem-unknown-area = work area `{ $name }` is not in site.yaml
problem-unknown-area-suggest = work area `{ $name }` is not in site.yaml; the closest configured area is `{ $closest }`
problem-metrics-not-a-map = under `metrics:`, `{ $given }` must list metric names with their numbers, like `注册志愿者: 7600000`
problem-metric-unknown-key = a metric value takes `value` and `unit`, not `{ $key }`: write `{"{"}value: 100, unit: 小时{"}"}`
problem-metric-empty = metric `{ $name }` has no value: write a number, or leave the line out
problem-metric-not-a-number = the value of metric `{ $name }`, `{ $written }`, is not a number: write digits only, like 7600000 or 12.5 (no thousands separators, no 万 or %)
problem-unknown-metric-area = `{ $given }` under `metrics:` is neither `report` nor a work area of the site
problem-unknown-metric-area-suggest = `{ $given }` under `metrics:` is neither `report` nor a work area of the site (did you mean `{ $suggestion }`?)
problem-unknown-metric = metric `{ $name }` is not in site.yaml's `metrics`
problem-unknown-metric-suggest = metric `{ $name }` is not in site.yaml's `metrics` (did you mean `{ $suggestion }`?)
problem-metric-unit-mismatch = metric `{ $name }` is counted in `{ $expected }`, not `{ $given }`
problem-metric-unit-none = metric `{ $name }` is counted in no unit (site.yaml gives none), not `{ $given }`
problem-duplicate-metric = metric `{ $name }` is given twice for `{ $scope }` in this report
problem-link-to-no-report = this links to `{ $target }`, which is not a report of the site
problem-link-to-no-area = this links to `{ $area }` in { $report }, which has no such work area; its areas are: { $known }
problem-remote-image = the image `{ $url }` is not in the site: opening the page would make every reader's computer contact another machine, so it is shown as a link instead; copy the image beside the report, or list its host under `remote_images:` in site.yaml
problem-file-missing = there is no file `{ $path }` (a path here is relative to the report's folder): put the file there, or correct the path
problem-file-hidden = `{ $path }` is a hidden file or an editor's backup (its name, or a folder's, starts with `.` or `#` or ends with `~`): such files are not published; rename it
problem-file-outside-content = `{ $path }` leads out of the site's content/ folder: only files under content/ are published (copy the file beside the report)
problem-not-ordinary-file = `{ $path }` is not an ordinary file (a folder, a pipe or a device): only files are published
problem-file-would-run = `{ $path }` is not a kind of file reportal publishes: a browser may open it as a page of the site and run what it holds (HTML, SVG, XML, script, a file without an extension). Pictures (.png .jpg .gif .webp …), documents (.pdf .docx .xlsx .pptx .wps .ofd .txt …), archives (.zip .rar .7z) and media (.mp3 .mp4 …) are published; link one of those instead, or set `unsafe_html: true` in site.yaml if every writer is trusted
problem-picture-too-large = the picture `{ $path }` is { $size }, more than max_picture_kb ({ $max_kb } KB) in site.yaml: every reader of a page showing it downloads it. It is published as it is (reportal does not resize pictures): save it smaller (1600 pixels wide as JPEG is plenty on screen), or raise max_picture_kb
problem-broken-link = a link in the built site leads nowhere: { $link }
problem-invalid-draft = `draft:` must be true or false, not `{ $given }`
problem-bad-translation = this translation file is not valid: { $reason }
problem-missing-translations = { $count ->
    [one] 1 key is not in this translation file; the { $fallback } words are shown for it: { $keys }
   *[other] { $count } keys are not in this translation file; the { $fallback } words are shown for them: { $keys }
    }
problem-bad-config = site.yaml is not valid: { $reason }
problem-bad-config-yaml = site.yaml is not valid: { $reason }
problem-no-reports = no reports found: put one Markdown file per report under { $folder }
problem-template = template { $name }: { $reason }
problem-link-outside = this is a link to { $target }, outside the site's folder: reportal never publishes files from outside the site (copy the file into the site instead)
problem-link-into-hidden = this is a link to { $target }, a hidden folder or reportal's own output: neither is published (copy what should be into the site)
problem-html-too-deep = the HTML written here opens more than { $max } elements inside each other: close the tags it opens (`<div>` … `</div>`), or write it as Markdown
problem-too-large = this file is larger than { $max } MB, far larger than any report or theme file: it is not read
problem-output-holds-site = refusing to build into { $output }: it is or contains the site folder
problem-output-touches-source = refusing to build into { $output }: it is, holds or is inside the site's { $source } ({ $path })
problem-output-linked-from = refusing to build into { $output }: the site's link { $link } leads there
problem-output-not-ours = refusing to replace { $output }: it has files and reportal did not make it (use --force to replace it anyway)
problem-output-not-a-folder = { $output } exists and is not a folder
problem-output-failed = cannot { $action ->
        [create] create
        [write] write
        [open] open
        [lock] lock
        [copy] copy
       *[replace] replace
    } { $path }: { $reason }
problem-output-outside = refusing to write { $path }: outside the output
problem-word-too-large = a Word file would be over 4 GB: cannot write it
problem-pages-collide = two pages would be written to { $path }
problem-not-a-file-report = cannot read this file: it is not an ordinary file (a pipe, socket or device), so it is left out; save the report as a file
problem-no-translation-file = site.yaml is not valid: language `{ $language }` has no translation file: add i18n/{ $language }.yaml (a copy of the built-in theme's i18n/en.yaml, translated), or use zh-CN or en
problem-theme-not-found = site.yaml is not valid: theme `{ $name }` not found: there is no folder themes/{ $name }/

# What site.yaml's values must be (src/config.rs); printed after
# "site.yaml is not valid: ".
config-base-url-web = base_url `{ $url }` must be a full http:// or https:// address, such as https://intranet.example.org/reports
config-base-url-user = base_url `{ $url }` must not carry a user name or password: the feed and the sitemap publish it
config-base-url-query = base_url `{ $url }` must end with its path, without `?` or `#`: page paths are added after it
config-language-tag = language `{ $language }` is not a language tag: write one like zh-CN, en or fr (letters, digits and `-`)
config-id-not-plain = { $kind } id `{ $id }` must be lowercase letters, digits, `-` or `_`, starting with a letter or digit (it names a folder of the site)
config-id-too-long = { $kind } id `{ $id }` is { $bytes } bytes long; at most { $max } (it names a folder of the site, and file systems limit names)
config-id-twice = two { $kind }s have the id `{ $id }`
config-unit-id-month = unit id `{ $id }` reads as a month: its reports' files would take the names of that month's own (months/{ $id }/{ $id }.docx, .csv); choose another id
config-remote-image-host = `remote_images` lists host names, like `intranet.example.gov.cn`; `{ $host }` is not one (no `http://`, port or path)
config-metric-name-twice = `{ $name }` names two metrics: `{ $first }` and `{ $second }`
config-area-name-twice = `{ $name }` names two areas: `{ $first }` and `{ $second }`
config-unit-month = unit `{ $unit }`: { $key } `{ $value }` is not a month: write it as YYYY-MM, like 2025-04
config-unit-until-before-since = unit `{ $unit }`: until { $until } is before since { $since }: a unit reports from its since to its until
