#!/usr/bin/env bash
# What publishing costs (issue 19): the output's size against the
# Markdown, and what one edit makes a copy to the server send.
# On a bench/generate.py corpus (UNITS units x 120 months), into memory:
#  1. build; the output's bytes and files, and their ratio to the Markdown;
#  2. copy it to a "server" folder with rsync -a --delete (as README's
#     Publishing says);
#  3. change one line of one report, build again: the files whose inode or
#     modification time changed (what rsync -a and robocopy /MIR, which
#     both compare size and time, copy), and what rsync then transfers.
# Usage: bench/publish.sh [UNITS]   (default 50: 6,000 reports)
# REPORTAL=path/to/binary measures that binary instead of this tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-50}
reportal=${REPORTAL:-./target/release/reportal}
[ -n "${REPORTAL:-}" ] || cargo build --release --quiet
command -v rsync > /dev/null || { echo "needs rsync" >&2; exit 1; }
work=$(mktemp -d /dev/shm/reportal-publish-XXXXXX)
trap 'rm -rf "$work"' EXIT
site=$work/site out=$work/public server=$work/server
python3 bench/generate.py "$site" "$units" 120
markdown=$(find "$site/content" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
reports=$(find "$site/content" -name '*.md' | wc -l)
"$reportal" build --root "$site" --output "$out"
bytes=$(du -sb --apparent-size "$out" | cut -f1)
files=$(find "$out" -type f | wc -l)
mib() { awk "BEGIN {printf \"%.0f MiB\", $1 / 1048576}"; }
echo "$reports reports: Markdown $(mib "$markdown"); output $(mib "$bytes") in $files files," \
  "$(awk "BEGIN {printf \"%.2f\", $bytes / $markdown}") x the Markdown"
# Which kinds of file take the bytes.
(cd "$out" && find . -type f -printf '%s %P\n') | awk '
  { split($2, p, "/"); kind = p[1];
    if ($2 ~ /\.docx$/) kind = "Word files";
    else if ($2 ~ /\.csv$/) kind = "CSV files";
    else if ($2 ~ /\.md$/) kind = "Markdown copies";
    else if (p[1] == "areas" && p[3] == "units") kind = "areas/*/units (a unit'"'"'s timeline of an area)";
    else if (p[1] == "areas") kind = "areas (timelines)";
    else if (p[1] == "search") kind = "search/" p[2];
    else if (p[1] == "months") kind = "months (pages)";
    else if (p[1] == "units") kind = "units (pages)";
    else kind = "other";
    size[kind] += $1; count[kind]++ }
  END { for (k in size) printf "  %8.1f MiB %6d files  %s\n", size[k] / 1048576, count[k], k }' | sort -rn

rsync -a --delete "$out/" "$server/"
stamp() { (cd "$out" && find . -type f -printf '%i %T@ %P\n') | sort -k3; }
stamp > "$work/before"
report=$(find "$site/content" -name '*.md' | sort | sed -n "$((reports / 2))p")
sed -i '0,/完成率/s/完成率/完成比例/' "$report"
"$reportal" build --root "$site" --output "$out"
stamp > "$work/after"
changed=$(join -1 3 -2 3 "$work/before" "$work/after" | awk '$2 != $4 || $3 != $5' | wc -l)
echo "after one line of ${report#"$site/"} changed: $changed of $files files have a new inode or time" \
  "($(awk "BEGIN {printf \"%.2f\", 100 * $changed / $files}")%)"
rsync -a --delete --stats "$out/" "$server/" |
  grep -E 'Number of regular files transferred|Total transferred file size' | sed 's/^/  rsync -a --delete: /'
