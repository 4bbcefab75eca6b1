#!/usr/bin/env bash
# Fuzzes each target for SECONDS (default 60) on the stable toolchain:
# cargo-fuzz with libFuzzer and no sanitizer (the sanitizers need nightly;
# safe Rust needs them little). A panic, an abort, a stack overflow, a
# run over 30 s (import gives up on docx-rs itself after 15 s) or 4 GB is
# a crash: the run stops, exits non-zero and
# leaves the input in fuzz/artifacts/<target>/.
#
# Each target starts from tests/fuzz_corpus/<target>/ (replayed by `cargo
# test` too) and writes what it finds to fuzz/corpus/<target>/ (ignored by
# git); `fuzz/run.sh --minimise` folds that back into tests/fuzz_corpus/.
set -euo pipefail

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(report import docx_xml)
cd "$(dirname "$0")"

if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

if [[ "${1:-}" == "--minimise" ]]; then
    # The fewest inputs under 6 KB that reach every edge the committed
    # corpus and the new finds reach (edges, not hit counts: hundreds of
    # files, not thousands), so tests/ stays a few hundred KB.
    cargo fuzz build --sanitizer none
    for target in "${TARGETS[@]}"; do
        small="$(mktemp -d)" merged="$(mktemp -d)"
        mkdir -p "corpus/$target"
        find "../tests/fuzz_corpus/$target" "corpus/$target" -type f -size -6k \
            -exec cp {} "$small/" \;
        "target/x86_64-unknown-linux-gnu/release/$target" -set_cover_merge=1 \
            -use_counters=0 "$merged" "$small"
        rm -rf "../tests/fuzz_corpus/$target" "$small"
        mv "$merged" "../tests/fuzz_corpus/$target"
    done
    exit 0
fi

seconds="${1:-60}"
# FUZZ_TARGET_DIR keeps the instrumented build outside a fresh clone (CI):
# built cold, its dependencies take ten minutes or more.
target_dir=()
[[ -n "${FUZZ_TARGET_DIR:-}" ]] && target_dir=(--target-dir "$FUZZ_TARGET_DIR")
cargo fuzz build --sanitizer none "${target_dir[@]}"
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target"
    cargo fuzz run --sanitizer none "${target_dir[@]}" "$target" "corpus/$target" "../tests/fuzz_corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1
done
