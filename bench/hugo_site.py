#!/usr/bin/env python3
"""Turns a site from bench/generate.py into a Hugo site of the same shape,
for bench/run.sh. Usage: hugo_site.py SRC DEST

Pages Hugo makes, against reportal's (default theme, max_page_kb 2048):
- a page per month (taxonomy `months`). As in reportal, a month whose page
  would pass 2 MiB (estimated from the Markdown as reportal estimates it
  from the HTML; 50 units) lists its reports with their areas and each
  report gets its own page (reportal's unit-month page; Hugo's single page,
  under reports/ rather than units/); otherwise the month shows every
  report in full (its .Content), with a print view (one table per report,
  the area's progress and plan cut out of the rendered content with
  `split`) and the reports get no page of their own (`_build.render: link`;
  Hugo still renders each report's Markdown once, as reportal does).
  Either way a CSV of the month (cut out of the raw Markdown) and a copy of
  each report's Markdown (a static file here) sit beside it. Reportal's
  digest also shows an excerpt of each area; Hugo's lists the area names.
- a page per work area (taxonomy `areas`): every report's section for that
  area (its progress and plan), cut out of the report's rendered content
  with `split`, newest first, paginated one year a page (units x 12
  reports). Reportal splits by year only when the area passes 2 MiB, cuts
  a year that passes 2 MiB itself into runs of months (at 50 units: about
  two pages a year), and shows the newest year again at the area's own
  address, where Hugo has its page 1 (and an alias page/1/).
- a page per unit listing its reports: title, link, summary (taxonomy `units`).
- an index of each taxonomy, a home page (links to every term), a 404
  page, an RSS feed of the 20 newest reports (home only; Hugo's default
  template gives each one's summary, reportal's Atom feed the full report)
  and Hugo's sitemap.
Reportal's pages carry more markup (navigation, breadcrumbs, per-entry
headers and anchors); these templates carry the content and little else.
Hugo 0.111 follows CommonMark for `**加粗：**后文` (no <strong> when the
closing ** follows punctuation and precedes a letter); reportal makes it bold.
"""
import os
import re
import shutil
import sys

LAYOUT = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>%s</main></body></html>
"""
LIST = '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'
# A report's sections: its rendered content split at each <h2 (area), and an
# area's section split at each </h3> (after the headings of progress and plan).
LAYOUTS = {
    "_default/single.html": LAYOUT % "{{ .Content }}",
    "_default/taxonomy.html": LAYOUT % LIST,
    "index.html": LAYOUT % "{{ range site.Taxonomies }}<ul>{{ range .ByCount }}"
    '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>{{ end }}',
    "404.html": LAYOUT % "<p>Not found</p>",
    "months/term.html": LAYOUT % """{{ range .Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ if $.Params.split }}<p>{{ .Params.summary }}</p><ol>{{ range .Params.areas }}<li>{{ . }}</li>{{ end }}</ol>{{ else }}{{ .Content }}{{ end }}</article>{{ end }}""",
    "months/term.print.html": LAYOUT % """{{ range $p := .Pages }}<table><caption>{{ .Title }}</caption>
{{ range $i, $s := after 1 (split .Content "<h2 ") }}{{ $cells := split $s "</h3>" }}<tr><td>{{ add $i 1 }}</td>
<th>{{ index $p.Params.areas $i }}</th><td>{{ index (split (index $cells 1) "<h3") 0 | safeHTML }}</td><td>{{ index $cells 2 | safeHTML }}</td></tr>
{{ end }}</table>{{ end }}""",
    "months/term.csv": """月份,单位,序号,重点工作,本月份推进情况,下一步推进计划
{{ range .Pages }}{{ $p := . }}{{ range $i, $s := after 1 (split (print "\\n" .RawContent) "\\n## ") }}{{ $parts := split $s "\\n### " }}
{{- $.Title }},{{ $p.Params.unitname }},{{ add $i 1 }},{{ index $p.Params.areas $i }}
{{- range after 1 $parts }}{{ $text := trim (replaceRE "^[^\\n]*\\n+" "" .) "\\n" }},"{{ replace $text "\\"" "\\"\\"" }}"{{ end }}
{{ end }}{{ end }}""",
    "areas/term.html": LAYOUT % """{{ $area := .Title }}{{ range $p := .Paginator.Pages }}{{ $sections := split $p.Content "<h2 " }}
{{- range $i, $a := $p.Params.areas }}{{ if eq $a $area }}<article><p><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></p>
{{ print "<h2 " (index $sections (add $i 1)) | safeHTML }}</article>{{ end }}{{ end }}{{ end }}
<nav>{{ range .Paginator.Pagers }}<a href="{{ .URL }}">{{ .PageNumber }}</a> {{ end }}</nav>""",
    "units/term.html": LAYOUT % '<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>',
}
CONFIG = """baseURL = "https://intranet.example.org/bench/"
title = "基准测试站点"
languageCode = "zh-CN"
hasCJKLanguage = true
paginate = %d
rssLimit = 20
disableKinds = ["section"]
[taxonomies]
  month = "months"
  unit = "units"
  area = "areas"
[outputs]
  home = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML"]
[outputFormats.print]
  mediaType = "text/html"
  baseName = "print"
  isHTML = true
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def label(month):
    return f"{int(month[:4])}年{int(month[5:])}月"


def main():
    src, dest = sys.argv[1], sys.argv[2]
    with open(os.path.join(src, "site.yaml"), encoding="utf-8") as f:
        units = dict(re.findall(r"\{ id: (\S+), name: (.+?) \}", f.read()))
    write(os.path.join(dest, "config.toml"), CONFIG % (len(units) * 12))
    for path, text in LAYOUTS.items():
        write(os.path.join(dest, "layouts", path), text)
    # Reportal's estimate of a month page's size (src/render/layout.rs), from
    # the Markdown: its 16 KiB of page markup, each report's HTML (about its
    # Markdown) and about 1 KB of markup per entry; split above 2 MiB.
    sizes = {}
    for unit in units:
        for file in os.listdir(os.path.join(src, "content", unit)):
            size = os.path.getsize(os.path.join(src, "content", unit, file)) + 12 * 1000
            sizes[file[:-3]] = sizes.get(file[:-3], 16 * 1024) + size
    split = {month: size > 2048 * 1024 for month, size in sizes.items()}
    for unit, name in units.items():
        write(os.path.join(dest, "content", "units", unit, "_index.md"), f'---\ntitle: "{name}"\n---\n')
        folder = os.path.join(src, "content", unit)
        for file in sorted(os.listdir(folder)):
            with open(os.path.join(folder, file), encoding="utf-8") as f:
                _, front, body = f.read().split("---\n", 2)
            month = re.search(r"^month: (\S+)", front, re.M).group(1)
            summary = re.search(r"^summary: (.*)$", front, re.M).group(1)
            areas = ", ".join(f'"{a}"' for a in re.findall(r"^## \d+\.\s*(.*)$", body, re.M))
            render = "always" if split[month] else "link"  # a page per report only in a split month
            write(os.path.join(dest, "content", "reports", unit, file),
                  f'---\ntitle: "{name} {label(month)}"\ndate: {month}-01\nsummary: "{summary}"\n'
                  f'unitname: "{name}"\nmonths: ["{month}"]\nunits: ["{unit}"]\nareas: [{areas}]\n'
                  f'_build: {{render: {render}}}\n---\n{body}')
            os.makedirs(os.path.join(dest, "static", "months", month), exist_ok=True)
            shutil.copyfile(os.path.join(folder, file), os.path.join(dest, "static", "months", month, f"{unit}.md"))
    for month in split:
        outputs = '"HTML", "CSV"' if split[month] else '"HTML", "print", "CSV"'  # no print view when split
        write(os.path.join(dest, "content", "months", month, "_index.md"),
              f'---\ntitle: "{label(month)}"\nsplit: {str(split[month]).lower()}\noutputs: [{outputs}]\n---\n')


if __name__ == "__main__":
    main()
