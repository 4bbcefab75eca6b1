## The command line: what `reportal --help` and `reportal <command> --help`
## say. `cli-<command>-about` is a command's summary, `cli-<command>-<option>`
## an option's help (clap adds "[default: …]" after it).

-site-root = The site folder (holding site.yaml and content/) [default: .]
-drafts = Include reports marked `draft: true`
-all-links = Also check every link and anchor between the built pages (links written in reports are always checked)

cli-about = Static sites for monthly work reports
cli-lang = The language of reportal's messages: zh-CN or en [default: the site's language; outside a site, the system's]
cli-print-help = Print help
cli-print-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-subcommand = Print help for the subcommand(s)

cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:

cli-build-about = Build the site into its output folder
cli-build-root = { -site-root }
cli-build-output = Where to write the site [default: <root>/public]
cli-build-drafts = { -drafts }
cli-build-force = Replace an output folder that reportal did not make
cli-build-check-links = { -all-links }

cli-check-about = Check every report as `build` would, without writing anything
cli-check-root = { -site-root }
cli-check-drafts = { -drafts }
cli-check-links = { -all-links }

cli-serve-about = Preview the site: build it into memory, serve it, rebuild and reload open pages on every save
cli-serve-root = { -site-root }
cli-serve-port = The port; 0 takes any free one [default: 1111]
cli-serve-bind = The address to listen on; 0.0.0.0 shows the preview to the network [default: 127.0.0.1]
cli-serve-drafts = { -drafts }
cli-serve-open = Open the site in a browser
cli-serve-poll = Poll for changes (for network drives, where change events do not arrive)

cli-import-about = Turn Word reports (.docx .doc .wps .rtf .odt) or their text exports into report files
cli-import-files = The files to import, or folders: every document below them
cli-import-month = The reports' month, YYYY-MM [default: as the document says]
cli-import-year = The year, when the document names only the month
cli-import-unit = The unit (id or name) whose reports these are
cli-import-root = { -site-root }
cli-import-force = Replace reports that exist already
cli-import-add-areas = Add the work areas the documents name and site.yaml does not list to site.yaml's `areas:` (the rest of the file kept as is)

cli-new-about = Start a unit's next report: the areas of its latest report, each with last month's plan quoted, marked `draft: true`
cli-new-unit = The unit (id or name) [default: the site's only unit]
cli-new-month = The month, YYYY-MM [default: the month after the unit's latest report]
cli-new-root = { -site-root }

cli-init-about = Create a new site with a site.yaml and two sample reports (your first import replaces them)
cli-init-dir = The folder to create (it must not exist, or be empty)
cli-init-empty = Without the sample reports: site.yaml and content/ only

## Mistakes on the command line. English runs print clap's own words;
## these repeat them so that both catalogues hold the same ids.

cli-error = error:{" "}
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-possible-values = [possible values: { $values }]
cli-error-missing-required = the following required arguments were not provided:
cli-error-unknown-command = unrecognized subcommand '{ $name }'
cli-error-similar-command = tip: a similar subcommand exists: '{ $name }'
cli-error-similar-argument = tip: a similar argument exists: '{ $arg }'
cli-error-similar-value = tip: a similar value exists: '{ $value }'
cli-error-more = For more information, try '{ $help }'.
cli-error-invalid-value-why = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-twice = the argument '{ $arg }' cannot be used multiple times
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-no-value = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
