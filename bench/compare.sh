#!/usr/bin/env bash
# Two reportal binaries on the same generated site, runs alternating (so a
# noisy neighbour slows both alike): the median build time and peak memory
# of each, into memory (/dev/shm), their ratio, and whether their outputs
# are byte-identical. For a change meant to keep output and speed, such as
# a restructuring: build the old commit's binary, then compare.
# Usage: bench/compare.sh OLD_BINARY NEW_BINARY [UNITS] [RUNS]
set -euo pipefail
old=$1 new=$2 units=${3:-50} runs=${4:-5}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
out=/dev/shm/reportal-compare-$$
trap 'rm -rf "$work" "$out"-*' EXIT
python3 bench/generate.py "$work/site" "$units" 120
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times mems
for bin in old new; do
  "${!bin}" build --root "$work/site" --output "$out-$bin" > /dev/null # warm the caches
done
diff -r "$out-old" "$out-new" > /dev/null && same=identical || same=DIFFERENT
for _ in $(seq "$runs"); do
  for bin in old new; do
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/mem" "${!bin}" build --root "$work/site" --output "$out-$bin" > /dev/null
    times[$bin]+="$(( ($(date +%s%N) - start) / 1000000 )) "
    mems[$bin]+="$(( $(cat "$work/mem") / 1024 )) "
  done
done
for bin in old new; do
  t=$(printf '%s\n' ${times[$bin]} | median)
  m=$(printf '%s\n' ${mems[$bin]} | median)
  echo "$bin: median ${t} ms [${times[$bin]% }], peak ${m} MiB"
  declare "median_$bin=$t"
done
echo "$(find "$work/site/content" -name '*.md' | wc -l) reports: new/old = $(awk "BEGIN {printf \"%.2f\", $median_new / $median_old}"); outputs $same ($(nproc) cores, $runs runs each)"
