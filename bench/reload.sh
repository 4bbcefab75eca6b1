#!/usr/bin/env bash
# Save-to-reload in the browser on the example site: `reportal serve`
# (release build) on a copy of the example, a month page open in headless
# Chromium, the report saved on disk; times until the page shows the new
# text (edit), the problem overlay (broken save), the repair, and a
# stylesheet swap. Prints each run and the medians.
# Usage: bench/reload.sh [RUNS]   (needs `npm ci` in tests/browser, chromium)
# REPORTAL=path/to/binary times that binary instead of this tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
reportal=${REPORTAL:-./target/release/reportal}
[ -n "${REPORTAL:-}" ] || cargo build --release --quiet
site=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$site"' EXIT
cp -r content site.yaml "$site"/
report=content/province/2025/2025-12.md
# A word to replace, in the first work area's progress.
sed -i '0,/^1\. /s//1. 初稿内容。/' "$site/$report"
"$reportal" serve --port 0 --root "$site" > "$site/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'http://' "$site/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$site/serve.log" | head -1)
declare -A all
for i in $(seq "$runs"); do
  cp "$site/$report" "$site/report.orig"
  result=$(node tests/browser/live.mjs "$url" "$site" "$report" months/2025-12/index.html)
  cp "$site/report.orig" "$site/$report"; rm -rf "$site/static"; sleep 1.5
  line=$(echo "$result" | tr -d ' \n')
  echo "run $i: $line"
  for step in edit overlay repair css focus tabs; do
    all[$step]+="$(echo "$line" | grep -o "\"$step\":[0-9]*" | cut -d: -f2) "
  done
done
for step in edit overlay repair css focus tabs; do
  median=$(echo "${all[$step]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median $step: ${median} ms"
done
