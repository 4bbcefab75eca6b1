#!/usr/bin/env bash
# Times `reportal build` on a generated site (default 50 units x 120 months =
# 6,000 reports) and prints the median of several runs and the peak memory.
# Usage: bench/run.sh [UNITS] [MONTHS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-50} months=${2:-120} runs=${3:-5}
cargo build --release --quiet
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
python3 bench/generate.py "$site" "$units" "$months"
echo "site: $(find "$site/content" -name '*.md' | wc -l) reports, $(du -sh "$site/content" | cut -f1) of Markdown"
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$site/mem" ./target/release/reportal build --root "$site" > "$site/summary"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  echo "run $i: ${times[-1]} ms, peak $(( $(cat "$site/mem") / 1024 )) MiB — $(cat "$site/summary")"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median of $runs: ${sorted[$(( runs / 2 ))]} ms ($(nproc) cores)"
