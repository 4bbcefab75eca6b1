# What build and check say when they finish (src/cmd/build.rs,
# src/site/build.rs).

# How a line is marked, for every command.
label-error = error: { $text }
label-warning = warning: { $text }
label-note = note: { $text }

count-reports = { $count ->
        [one] 1 report
       *[other] { $count } reports
    }
count-months = { $count ->
        [one] 1 month
       *[other] { $count } months
    }
count-areas = { $count ->
        [one] 1 area
       *[other] { $count } areas
    }
count-units = { $count ->
        [one] 1 unit
       *[other] { $count } units
    }
count-files = { $count ->
        [one] 1 file
       *[other] { $count } files
    }
count-errors = { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
count-warnings = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
# Between the names of a list: "东陵团市委, 南屏团市委".
list-separator = {", "}
list-named = { $main } ({ $aside })
note-no-base-url = no base_url in site.yaml: feed.xml and sitemap.xml were skipped (they need absolute links)
unit-draft = { $name } (draft)
check-all-reported = { $month }: every unit has reported
check-not-reported = { $month }: no report yet from { $units }
build-files = { $files } ({ $written } written, { $unchanged } unchanged)
check-files = { $files } to write
build-done = built { $reports }, { $months }, { $areas }, { $units }: { $files } in { $ms } ms
check-done = checked { $reports }, { $months }, { $areas }, { $units }: { $files } in { $ms } ms
done-warnings = { $done } ({ $warnings })
build-failed = build failed: { $errors }, { $warnings }; the previous output was left as it was
check-failed = check failed: { $errors }, { $warnings }
lang-unknown = reportal speaks zh-CN and en, not `{ $lang }`: its messages are in English
