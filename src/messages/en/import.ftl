# What `reportal import`, `reportal new` and `reportal init` say
# (src/cmd/import.rs, new.rs, init.rs, src/import/, src/next_report.rs).

## Labels before a message.

label-error-at = error: { $path }: { $text }
label-warning-at = warning: { $path }: { $text }

## reportal import: the run and its summary.

import-bad-month = --month { $given }: expected YYYY-MM, for example 2015-12
import-reading = reading { $count ->
    [one] 1 document
   *[other] { $count } documents
    }
import-held-too-much = this import already holds { $mb } MB of reports: import the rest in another run
import-summary = imported { $imported } of { $total ->
    [one] 1 document
   *[other] { $total } documents
    }
import-summary-failed = ; { $count } not imported (see above)
import-summary-skipped = ; skipped { $count ->
    [one] 1 other file
   *[other] { $count } other files
    }:
import-skipped-file = { $path }: { $reason }
import-skipped-more = and { $count ->
    [one] 1 more file that is not a report document
   *[other] { $count } more files that are not report documents
    }
import-removed-samples = removed init's sample reports (untouched since init): { $files }
import-areas-replaced = site.yaml: init's sample areas replaced by { $count ->
    [one] 1 work area
   *[other] { $count } work areas
    }: { $areas }
import-areas-added = site.yaml: added { $count ->
    [one] 1 work area
   *[other] { $count } work areas
    }: { $areas }

## Why a document was not imported (ImportError).

import-unreadable = cannot read it: { $reason }
import-not-a-file = it is not a file (a folder, a pipe, a socket or a device)
import-not-docx = not a .docx file Word wrote: { $reason }
import-damaged = the file is damaged: { $reason }
import-refused = refused: { $reason }
import-unit-not-a-name = --unit { $given }: a unit is a short name (like 广州 or gz), not a path
import-unknown-unit = --unit { $given }: no such unit in site.yaml (units: { $known })
import-not-text = its text is neither UTF-8 nor GB18030: reportal imports Word tables (.docx, .doc, .wps, .rtf, .odt) and their text exports (.txt)
import-no-table = no table with the columns 序号 / 重点工作 / 本月份推进情况 / 下一步推进计划 was found
import-no-month = the month is not known: give --month YYYY-MM (the document says no month, or no year: add --year)
import-exists = { $path } exists already: --force replaces it
import-cannot-write = cannot write { $reason }
import-no-office = it is { $format }, which reportal reads through LibreOffice, and LibreOffice was not found ({ $looked }). Install it (Debian/Ubuntu: `apt-get install libreoffice-writer-nogui`; Windows: from https://www.libreoffice.org), or open the file in Word or WPS and save it as .docx
import-conversion = LibreOffice could not turn it ({ $format }) into .docx: { $why }
import-conversion-timed-out = LibreOffice did not finish converting it ({ $format }) within { $seconds } s and was stopped; open it in Word or WPS and save it as .docx (REPORTAL_SOFFICE_TIMEOUT sets the limit, in seconds)
import-needs-conversion = it is { $format }: `reportal import` reads it through LibreOffice
import-ambiguous-unit = its title or file name names two units of site.yaml, { $units }: give --unit
import-two-units = { $first } and { $second }
import-no-unit = its title and file name name none of site.yaml's units ({ $known }): give --unit, or put the unit's name in the file name
import-duplicate = { $others } is for the same unit and month ({ $target }): neither is imported; import them one at a time with --unit and --month, or move one away

## What is refused or damaged, in detail.

import-report-too-large = its report would be { $mb } MB; a monthly report is far smaller
import-file-too-large = it is larger than { $mb } MB; a monthly report is far smaller
import-docx-too-large = its .docx is larger than { $mb } MB; a monthly report is far smaller
import-too-many-parts = it holds { $count } parts (a Word document has a few dozen; at most { $max } are read)
import-text-expands = its text (XML) expands to more than { $mb } MB (at { $part }); a monthly report is far smaller
import-expands = it expands to more than { $mb } MB (at { $part }); a monthly report is far smaller
import-nests-deep = { $part } nests more than { $max } levels deep (tables inside tables?); Word documents do not
import-cut-short = { $part } ends inside an element: the file is cut short
import-bad-xml = { $part }: { $error } (at byte { $byte })
import-too-many-elements = it has more than { $elements } XML elements or { $blocks } paragraphs and table cells (at { $part }); a monthly report has a few thousand
import-reader-stopped = the Word reader stopped on it ({ $why }); open it in Word or WPS and save it again as .docx
import-reader-timed-out = the Word reader did not finish within { $seconds } s; open it in Word or WPS and save it again as .docx
import-too-many-pictures = it shows { $count } pictures; at most { $max } are imported with a report
import-outside-site = { $path }: a link leads it outside the site, or it is a link; reportal writes only inside the site
import-picture-not-plain = { $path }: it is a link, or not a file; reportal writes only plain files inside the site

## LibreOffice.

import-format-doc = a Word 97-2003 document (.doc)
import-format-wps = a WPS document (.wps)
import-format-rtf = a Rich Text document (.rtf)
import-format-odt = an OpenDocument text (.odt)
import-soffice-not-a-file = { $variable } names { $path }, which is not a file
import-soffice-looked = looked for soffice and libreoffice on PATH
import-local-file-field = it has an { $field } field naming a file on this computer, which LibreOffice would copy into the site; open it in Word or WPS, turn its fields into text (select all, Ctrl+Shift+F9) and save it again
import-no-temp-folder = cannot make a temporary folder: { $reason }
import-cannot-copy = cannot write its copy in { $path }: { $reason }
import-not-absolute = { $path } is not an absolute path
import-cannot-write-log = cannot write { $path }: { $reason }
import-cannot-start = cannot start { $path }: { $reason }
import-office-silent = it made no .docx and said nothing
import-office-said = { $said } (a damaged or password-protected file? open it in Word or WPS and save it as .docx)

## Warnings: what was kept, and where.

import-row-no-area = row { $row } has no work area: its text is kept under “未归类内容”
import-row-extra-cell = row { $row }: a cell outside the four columns is kept under “未归类内容”
import-unplaced = { $count ->
    [one] 1 paragraph outside the table's rows is
   *[other] { $count } paragraphs outside the table's rows are
    } kept before the first work area, under “未归类内容”
import-month-differs = the document says month { $said } and its file name month { $named }: month { $said } taken (--month chooses)
import-picture-drawing = picture { $number } is a Windows drawing ({ $kind }), which browsers do not show: it is saved as it is; save it again from Word as PNG to show it
import-picture-missing = a picture (relationship { $id }) is not in the file (linked from elsewhere?): it is left out

## The files and folders named.

import-skip-hidden = hidden, or an editor's backup or lock file
import-skip-lock-file = an Office lock file (Word or WPS has the document open): the document beside it is read
import-skip-folder-link = a link to a folder, not followed: name the folder itself
import-skip-built-site = a site reportal built (its Word files are the site's own reports): name one of them to import it
import-skip-not-a-document = not a report document (.docx .doc .wps .rtf .odt .txt)
import-skip-not-a-file = not a file (a pipe, a socket or a device)
import-no-such-path = no such file or folder
import-too-many-documents = this and { $count ->
    [one] 1 more document
   *[other] { $count } more documents
    } not read: at most { $max } in one import; import the folders one by one
import-too-many-files = it holds more than { $max } files: the rest were not looked at; name the folders of reports themselves

## site.yaml's areas (--add-areas, and the first import into init's site).

areas-unsafe = site.yaml: { $reason }; nothing was changed: add the areas by hand
areas-cannot-read = cannot read site.yaml: { $reason }
areas-cannot-write = cannot write site.yaml: { $reason }
areas-not-init = it is not init's any more
areas-samples-moved = init's sample areas are not where init put them
areas-read-back = the new areas do not read back as written
areas-too-many = the documents name { $count } work areas it does not list (at most { $max } are added at once): check that their tables were read as meant
areas-not-plain = it is a link or not a plain file; reportal rewrites only a plain site.yaml
areas-too-large = it is larger than 1 MB
areas-not-utf8 = it is not UTF-8 text (save it as UTF-8 first)
areas-not-settings = it does not read as settings ({ $reason })
areas-quoted-key = its `areas` key is written in quotes
areas-no-key-line = its areas are not under an `areas:` line of their own
areas-two-keys = it has two `areas:` lines
areas-not-a-list = its `areas:` is not a list of `- ` entries
areas-inline = its `areas:` is written as `{ $value }` on the key's line; reportal appends only to a list written one `- ` entry per line under `areas:`
areas-tabs = it indents with tabs
areas-append-read-back = appending to its `areas:` would not read back as the areas added

## reportal new.

new-wrote = wrote { $path } ({ $unit }, { $month }, { $count ->
    [one] 1 area
   *[other] { $count } areas
    }, draft: true): fill it in, then remove `draft: true`
new-site-problems = the site has problems; `reportal check` lists them
new-which-unit = the site has several units ({ $known }): say which with --unit
new-unknown-unit = no unit `{ $given }` in site.yaml (units: { $known })
new-which-month = { $unit } has no report yet: say which month with --month (YYYY-MM)
new-exists = { $path } exists already: reportal new never overwrites a report
new-reported = { $unit } has a report for { $month } already: { $file }
new-cannot-write = cannot write { $path }: { $reason }

## reportal init.

init-not-empty = { $path } is not empty: init only creates new sites
init-cannot-create = cannot create { $path }: { $reason }
init-cannot-write = cannot write { $path }: { $reason }
init-created-empty = created a new site without sample reports in { $path }
    next: reportal import --root { $path } <your Word reports>
init-created = created a new site with two sample reports in { $path } (your first reportal import replaces them)
    next: reportal build --root { $path }

## init's samples, on the first import.

import-cannot-remove-sample = cannot remove init's sample { $path }: { $reason }
import-cannot-restore-sample = cannot put init's sample { $path } back: { $reason }
