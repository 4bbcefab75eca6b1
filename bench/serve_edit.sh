#!/usr/bin/env bash
# One report edited while `reportal serve` (release build) previews a
# generated site: the rebuild time serve prints for each save, against the
# full build it did at start. Usage: bench/serve_edit.sh [UNITS] [MONTHS] [EDITS]
# REPORTAL=path/to/binary times that binary instead of this tree's.
set -euo pipefail
# The lines read below are serve's English ones.
export REPORTAL_LANG=en
cd "$(dirname "$0")/.."
units=${1:-50} months=${2:-120} edits=${3:-5}
reportal=${REPORTAL:-./target/release/reportal}
[ -n "${REPORTAL:-}" ] || cargo build --release --quiet
site=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$site"' EXIT
python3 bench/generate.py "$site" "$units" "$months"
"$reportal" serve --port 0 --root "$site" > "$site/serve.log" 2>&1 &
server=$!
for _ in $(seq 600); do grep -q 'http://' "$site/serve.log" && break; sleep 0.1; done
grep '^first build' "$site/serve.log"
report="$site/content/u01/2015-01.md"
for i in $(seq "$edits"); do
  # The summary and the first item of the first area: a real edit.
  sed -i -e "s/^summary: .*/summary: 第${i}次修改的摘要/" -e "0,/^1\\. /s/^1\\. .*/1. 第${i}次修改的进展。/" "$report"
  for _ in $(seq 100); do [ "$(grep -c '2015-01.md:' "$site/serve.log")" -ge "$i" ] && break; sleep 0.1; done
done
grep '2015-01.md:' "$site/serve.log"
median=$(grep '2015-01.md:' "$site/serve.log" | grep -o '[0-9]* ms' | cut -d' ' -f1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $edits edits: $median ms ($(find "$site/content" -name '*.md' | wc -l) reports, $(nproc) cores)"
