#!/usr/bin/env bash
# reportal's search against Pagefind (its extended build, with Chinese
# segmentation, fetched from npm) on the example site: the same month
# pages, the same queries; recall by month page, and the bytes a query
# loads for its first ten results (bench/search_compare.mjs).
# Needs Node.js, `npm ci` in tests/browser and /usr/bin/chromium.
# Usage: bench/search_compare.sh [SITE_ROOT] [QUERY...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-.}
shift || true
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(志愿者 网络文明 青年之家 四中全会 青创江南 团员 青马 春运 返乡 12355 3,812 12355青少年服务台 "2025年12月 培训")
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./target/release/reportal build --root "$root" --output "$work/site" > /dev/null
npx -y pagefind@1.6.0 --version > /dev/null
pagefind=$(find ~/.npm/_npx -path '*@pagefind/*/bin/pagefind_extended' -type f | head -1)
/usr/bin/time -f "Pagefind index: %e s, peak %M KB" "$pagefind" --site "$work/site" --glob 'months/*/index.html' > /dev/null
echo "index on disk: reportal $(du -sb "$work/site/search" | cut -f1) bytes in $(find "$work/site/search" -type f | wc -l) files;" \
  "Pagefind $(du -sb "$work/site/pagefind" | cut -f1) bytes in $(find "$work/site/pagefind" -type f | wc -l) files"
node bench/search_compare.mjs "$work/site" "${queries[@]}"
