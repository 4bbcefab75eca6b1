#!/usr/bin/env bash
# Times `reportal build` on generated sites (bench/generate.py, 120 months
# each; default 5, 25 and 50 units = 600, 3,000 and 6,000 reports): the
# median wall time of RUNS builds, the peak memory, and the floor, which is
# reading every input and writing the same output bytes in the same way
# (a fresh copy of the output beside the old one, the old one removed).
# Builds and floors alternate, so a noisy neighbour slows both alike.
# Each size is measured twice: writing to the disk under the site, and
# writing to /dev/shm (memory), which leaves out this machine's disk, whose
# cost of creating files swings several-fold from minute to minute.
# With `hugo` installed (Debian package), Hugo builds the same corpus
# (bench/hugo_site.py says how its pages compare) into memory in the same
# run, for figures side by side.
# Each run times two builds: a rebuild over the previous output (the
# usual case: files whose bytes are unchanged are linked from it, and the
# old output is removed, both timed) and a cold build into no output (the
# previous one removed untimed first, as for Hugo).
# Usage: bench/run.sh [RUNS] [UNITS...]
# REPORTAL=path/to/binary times that binary instead of this tree's;
# TARGETS=memory leaves out the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5 25 50)
reportal=${REPORTAL:-./target/release/reportal}
[ -n "${REPORTAL:-}" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work" /dev/shm/reportal-bench-$$*' EXIT
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for units in "${sizes[@]}"; do
  site="$work/site-$units"
  python3 bench/generate.py "$site" "$units" 120
  reports=$(find "$site/content" -name '*.md' | wc -l)
  for target in ${TARGETS:-disk memory}; do
    if [ "$target" = disk ]; then out="$site/public"; else out=/dev/shm/reportal-bench-$$; fi
    [ "$target" = memory ] && [ ! -d /dev/shm ] && continue
    "$reportal" build --root "$site" --output "$out" > /dev/null # warm the caches
    builds=() colds=() floors=() mems=()
    for _ in $(seq "$runs"); do
      start=$(now)
      /usr/bin/time -f "%M" -o "$work/mem" "$reportal" build --root "$site" --output "$out" > /dev/null
      builds+=($(( ($(now) - start) / 1000000 )))
      mems+=($(( $(cat "$work/mem") / 1024 )))
      rm -rf "$out"
      start=$(now)
      "$reportal" build --root "$site" --output "$out" > /dev/null
      colds+=($(( ($(now) - start) / 1000000 )))
      start=$(now)
      find "$site/content" -name '*.md' -exec cat {} + > /dev/null
      cp -r "$out" "$out-floor-new"
      rm -rf "$out-floor"
      mv "$out-floor-new" "$out-floor"
      floors+=($(( ($(now) - start) / 1000000 )))
    done
    build=$(printf '%s\n' "${builds[@]}" | median)
    cold=$(printf '%s\n' "${colds[@]}" | median)
    floor=$(printf '%s\n' "${floors[@]}" | median)
    mem=$(printf '%s\n' "${mems[@]}" | median)
    echo "$reports reports to $target ($(du -sh "$site/content" | cut -f1) in, $(du -sh "$out" | cut -f1) out, $(find "$out" -type f | wc -l) files):" \
      "rebuild median ${build} ms [${builds[*]}], peak ${mem} MiB; cold build median ${cold} ms [${colds[*]}];" \
      "floor median ${floor} ms [${floors[*]}]; build = $(awk "BEGIN {printf \"%.1f\", $build / $floor}") x floor"
    rm -rf "$out" "$out-floor"
  done
  if command -v hugo > /dev/null; then
    python3 bench/hugo_site.py "$site" "$(mkdir -p "$work/hugo" && echo "$work/hugo")"
    out=/dev/shm/reportal-bench-$$-hugo
    times=() mems=()
    for _ in $(seq "$runs"); do
      rm -rf "$out"
      start=$(now)
      /usr/bin/time -f "%M" -o "$work/mem" hugo --quiet -s "$work/hugo" -d "$out" > /dev/null
      times+=($(( ($(now) - start) / 1000000 )))
      mems+=($(( $(cat "$work/mem") / 1024 )))
    done
    echo "$reports reports, Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1) to memory ($(du -sh "$out" | cut -f1) out, $(find "$out" -type f | wc -l) files):" \
      "median $(printf '%s\n' "${times[@]}" | median) ms [${times[*]}], peak $(printf '%s\n' "${mems[@]}" | median) MiB"
    rm -rf "$out" "$work/hugo"
  fi
  rm -rf "$site"
done
echo "($(nproc) cores, $runs runs each)"
