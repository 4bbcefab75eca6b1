#!/usr/bin/env python3
"""Turns a site from bench/generate.py into a Hugo site of the same shape,
for bench/hugo.sh. Usage: hugo_site.py SRC DEST

Pages Hugo makes, against reportal's:
- each report's own page (reportal: the unit-month page, when a month is split);
- a page per month with every report of it in full (taxonomy `months`);
- a page per unit listing its reports (taxonomy `units`);
- a page per work area (taxonomy `areas`), paginated 50 reports a page. Hugo
  cannot cut one area's section out of a report's content cheaply, so these
  list each report's summary where reportal shows the area's full text: here
  Hugo does less work than reportal;
- home, RSS and sitemap as Hugo makes them.
"""
import os
import re
import sys

LAYOUT = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>%s</main></body></html>
"""
LAYOUTS = {
    "_default/single.html": LAYOUT % "<h1>{{ .Title }}</h1>{{ .Content }}",
    "_default/list.html": LAYOUT % "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
    "_default/taxonomy.html": LAYOUT % "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
    "months/term.html": LAYOUT % "<h1>{{ .Title }}</h1>{{ range .Pages }}<article><h2>{{ .Title }}</h2>{{ .Content }}</article>{{ end }}",
    "units/term.html": LAYOUT % "<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>",
    "areas/term.html": LAYOUT % "<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2>{{ .Summary }}</article>{{ end }}",
    "index.html": LAYOUT % "<h1>{{ .Site.Title }}</h1><ul>{{ range first 50 .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
}
CONFIG = """baseURL = "https://intranet.example.org/bench/"
title = "基准测试站点"
languageCode = "zh-CN"
hasCJKLanguage = true
paginate = 50
disableKinds = []
[taxonomies]
  month = "months"
  unit = "units"
  area = "areas"
"""


def main():
    src, dest = sys.argv[1], sys.argv[2]
    with open(os.path.join(dest, "config.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for path, text in LAYOUTS.items():
        full = os.path.join(dest, "layouts", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    content = os.path.join(src, "content")
    for unit in sorted(os.listdir(content)):
        out = os.path.join(dest, "content", "reports", unit)
        os.makedirs(out, exist_ok=True)
        for name in sorted(os.listdir(os.path.join(content, unit))):
            with open(os.path.join(content, unit, name), encoding="utf-8") as f:
                text = f.read()
            _, front, body = text.split("---", 2)
            month = re.search(r"^month: (\S+)", front, re.M).group(1)
            summary = re.search(r"^summary: (.*)$", front, re.M).group(1)
            areas = [re.sub(r"^\d+\.\s*", "", a) for a in re.findall(r"^## (.*)$", body, re.M)]
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write("---\n")
                f.write(f'title: "{unit} {month}"\ndate: {month}-01\nsummary: "{summary}"\n')
                f.write(f'months: ["{month}"]\nunits: ["{unit}"]\nareas: [{", ".join(chr(34) + a + chr(34) for a in areas)}]\n')
                f.write("---\n" + body)


if __name__ == "__main__":
    main()
