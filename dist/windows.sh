#!/usr/bin/env bash
# Builds the Windows package: reportal.exe, cross-built for
# x86_64-pc-windows-gnu, and dist/out/reportal-windows-x86_64.zip holding
#
#   reportal/reportal.exe
#   reportal/用户手册.html   the Chinese guide, opened with a double click
#   reportal/用户手册.txt    the same as text (UTF-8 with BOM, CRLF: Notepad)
#   reportal/示例站点/        the repository's example site (site.yaml, content/)
#       预览.bat            reportal.exe serve --open, in that folder
#       发布.bat            reportal.exe build, then says where public\ is
#
# Needs: rustup target add x86_64-pc-windows-gnu; Debian's
# gcc-mingw-w64-x86-64 (the linker); python3 (zipfile). CARGO_TARGET_DIR
# is honoured for the Windows build (CI keeps it outside the clone); the
# guide is rendered by examples/guide_html.rs, a host program built in the
# clone's own target/ (cargo test has built its library there already).
#
# The zip is deterministic: entries sorted, every time set to the last
# commit's (or SOURCE_DATE_EPOCH), fixed attributes; file names are UTF-8
# with the zip's UTF-8 flag, so Explorer shows 预览.bat as it is named.
# Prints the zip's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

target_dir=${CARGO_TARGET_DIR:-$repo/target}
cargo build --release --locked --target x86_64-pc-windows-gnu --target-dir "$target_dir"
exe=$target_dir/x86_64-pc-windows-gnu/release/reportal.exe

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/reportal
site=$top/示例站点
mkdir -p "$site"
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
# Without its symbols: a quarter smaller, the same program. strip stamps
# the PE header with the time (the linker's stamp is replaced): the
# commit's, so the same build gives the same bytes.
SOURCE_DATE_EPOCH=$epoch x86_64-w64-mingw32-strip -o "$top/reportal.exe" "$exe"

env -u CARGO_TARGET_DIR cargo run --quiet --locked --example guide_html -- \
  docs/用户手册.md "$top/用户手册.html"
# Text for Notepad: a BOM (older Notepad guesses the encoding otherwise)
# and CRLF line endings.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' docs/用户手册.md; } >"$top/用户手册.txt"

# The example site as committed (not whatever else lies in content/).
git ls-files -z site.yaml content | xargs -0 cp --parents -t "$site"
for bat in 预览.bat 发布.bat; do
  sed 's/\r$//; s/$/\r/' "dist/windows/$bat" >"$site/$bat"
done

mkdir -p dist/out
zip=$repo/dist/out/reportal-windows-x86_64.zip
python3 - "$stage" "$zip" "$epoch" <<'PY'
import os, sys, time, zipfile

stage, out, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
# Zip times are local times without a zone, from 1980 on: the commit's,
# in UTC, the same wherever the zip is made.
stamp = max(time.gmtime(epoch)[:6], (1980, 1, 1, 0, 0, 0))
entries = []
for folder, dirs, files in os.walk(stage):
    for name in dirs + files:
        path = os.path.join(folder, name)
        entries.append((os.path.relpath(path, stage).replace(os.sep, "/"), path))
entries.sort()
tmp = out + ".tmp"
with zipfile.ZipFile(tmp, "w") as archive:
    for name, path in entries:
        is_dir = os.path.isdir(path)
        info = zipfile.ZipInfo(name + "/" if is_dir else name, stamp)
        info.create_system = 0  # MS-DOS attributes, as Windows makes them
        info.external_attr = 0x10 if is_dir else 0x20  # directory / archive
        if is_dir:
            archive.writestr(info, b"")
        else:
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                archive.writestr(info, f.read(), compresslevel=9)
os.replace(tmp, out)
PY
echo "$zip"
