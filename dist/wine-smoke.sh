#!/usr/bin/env bash
# Smoke tests of the Windows package under Wine (Debian's wine64), from the
# zip's contents as a Windows user unpacks them: reportal.exe run on a
# real Windows build of the program, its results compared with the Linux
# build's. Usage: dist/wine-smoke.sh [ZIP]  (default: the one
# dist/windows.sh makes). LINUX_REPORTAL names the Linux binary to compare
# with (default: target/debug/reportal, built if missing).
#
# A script rather than a Rust test: it needs the zip, Wine and its prefix,
# a background server and a Linux build side by side, and CI runs it once
# after `cargo test`; every check asserts exit codes, files and bytes (and
# a message's file:line:col form), never a message's words.
#
# TEST-ONLY: Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's
# standard library needs since 1.78; dist/wine-shim/bcryptprimitives.c is
# built here and put beside the unpacked .exe. It is never in the zip.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
zip=$(realpath "${1:-dist/out/reportal-windows-x86_64.zip}")
linux=${LINUX_REPORTAL:-$repo/target/debug/reportal}
[ -x "$linux" ] || cargo build --locked --quiet
linux=$(realpath "$linux")

wine=$(dpkg -L wine64 | grep -m1 '/wine64$')
wineserver=$(dpkg -L wine64 | grep -m1 '/wineserver64$')

work=$(mktemp -d /tmp/reportal-wine.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all
# No Mono or Gecko installer dialogs, no display needed.
export WINEDLLOVERRIDES='mscoree,mshtml='
unset DISPLAY WAYLAND_DISPLAY
serve_pid=
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
  timeout 20 "$wineserver" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}
started=$SECONDS

step "Wine prefix (first wineboot, bounded)"
timeout 120 "$wine" wineboot --init </dev/null >"$work/wineboot.log" 2>&1 || {
  cat "$work/wineboot.log"
  fail "wineboot did not finish"
}
timeout 60 "$wineserver" -w || fail "wineserver did not settle after wineboot"

step "the zip: its entries, .bat files with CRLF, no test shim"
# Unpacked where a user might: a folder with a space and Chinese in its name.
home="$work/办公 室"
mkdir -p "$home"
python3 - "$zip" "$home" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    for name in ["reportal/reportal.exe", "reportal/用户手册.html", "reportal/用户手册.txt",
                 "reportal/示例站点/site.yaml", "reportal/示例站点/预览.bat",
                 "reportal/示例站点/发布.bat"]:
        assert name in names, f"{name} not in the zip"
    assert not any("bcryptprimitives" in n.lower() for n in names), "the test shim is in the zip"
    assert names == sorted(names), "entries not sorted"
    for info in z.infolist():
        if not info.filename.isascii():
            assert info.flag_bits & 0x800, f"{info.filename}: no UTF-8 flag"
    for bat in ["reportal/示例站点/预览.bat", "reportal/示例站点/发布.bat"]:
        data = z.read(bat)
        assert data.count(b"\n") == data.count(b"\r\n") > 0, f"{bat}: not CRLF"
        # Plain ASCII up to the switch to UTF-8, whatever the code page.
        assert data.split(b"chcp 65001")[0].isascii(), f"{bat}: not ASCII before chcp 65001"
    z.extractall(sys.argv[2])
PY
pkg="$home/reportal"
site="$pkg/示例站点"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$pkg/bcryptprimitives.dll" \
  dist/wine-shim/bcryptprimitives.c -ladvapi32

# reportal.exe in the current folder, bounded in time; stdout and stderr
# to $work/out and $work/err, ANSI colours removed; its exit code returned.
exe() {
  local code=0
  timeout 180 "$wine" "$pkg/reportal.exe" "$@" </dev/null >"$work/out" 2>"$work/err.raw" || code=$?
  sed 's/\x1b\[[0-9;]*m//g' "$work/err.raw" >"$work/err"
  return $code
}
linux_build() { (cd "$1" && "$linux" build >/dev/null 2>&1) || fail "Linux build of $1"; }
leftovers() { find "$1" -maxdepth 1 -name '.public.reportal-*' | grep -q .; }

step "build the sample site: byte-identical to the Linux build"
cp -r "$site" "$work/linux"
linux_build "$work/linux"
cd "$site"
exe build || { cat "$work/err"; fail "build under Wine"; }
diff -r "$work/linux/public" public || fail "Wine build differs from the Linux build"

step "rebuild over it with 发布.bat (the two-rename swap): same bytes, unchanged files kept"
nested=$(cd public && find months -name index.html | sort | head -1)
before=$(stat -c '%y %i' "public/$nested")
# As a double click runs it: cmd, in a folder with a space and Chinese in
# its path; stdin at its end answers the closing `pause`.
bat() { timeout 180 "$wine" cmd /c "$1" </dev/null >"$work/bat.out" 2>&1; }
bat 发布.bat || { cat "$work/bat.out"; fail "发布.bat under Wine"; }
diff -r "$work/linux/public" public || fail "Wine rebuild differs from the Linux build"
[ "$(stat -c '%y %i' "public/$nested")" = "$before" ] || fail "rebuild rewrote unchanged $nested"
! leftovers . || fail "staging folders left beside public"

step "a report saved by Notepad (UTF-8 BOM, CRLF) builds the same pages"
report=content/anping/2025-11.md
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$report"; } >"$work/crlf.md"
cp "$work/crlf.md" "$report"
exe build || { cat "$work/err"; fail "build with a CRLF+BOM report"; }
# The report's own file is published only on request (downloads: markdown),
# which this site does not: every file must be the same.
diff -r "$work/linux/public" public || fail "CRLF+BOM report built other pages"

step "a report with a Chinese name in a Chinese folder builds"
mkdir -p content/新建文件夹
cat >"content/新建文件夹/东陵团市委十二月报告.md" <<'MD'
---
month: 2025-12
unit: dongling
---
## 1. 团的制度建设

### 本月份推进情况

1. 文件名和文件夹都是中文的报告：验证编号七三九一。

### 下一步推进计划

1. 继续推进。
MD
exe build || { cat "$work/err"; fail "build with a Chinese file name"; }
grep -rlq '验证编号七三九一' public/months || fail "the Chinese-named report is not on a page"
cp -r content/新建文件夹 "$work/linux/content/"
cp "$work/crlf.md" "$work/linux/$report"
linux_build "$work/linux"
diff -r "$work/linux/public" public || fail "Wine and Linux differ with the Chinese-named report"

step "a broken report: the build fails, public stays whole, the path uses /"
cp -r public "$work/public-before"
mkdir -p content/新建文件夹/子
printf -- '---\nmonth: 2025-12\nunit: [broken\n---\n## 1. 团的制度建设\n' \
  >content/新建文件夹/子/坏.md
code=0
exe build || code=$?
[ "$code" -ne 0 ] || fail "a broken report built"
diff -r "$work/public-before" public || fail "a failed build changed public"
! leftovers . || fail "a failed build left a staging folder"
grep -Eq '(^|[^\\/])content/新建文件夹/子/坏\.md:[0-9]+:[0-9]+' "$work/err" ||
  { cat "$work/err"; fail "the message does not name content/新建文件夹/子/坏.md:line:col"; }
! grep -q 'content\\' "$work/err" || fail "a message shows a path with backslashes"
code=0
bat 发布.bat || code=$?
[ "$code" -ne 0 ] || fail "发布.bat did not fail on a broken report"
diff -r "$work/public-before" public || fail "a failed 发布.bat changed public"
rm -r content/新建文件夹/子

step "发布.bat away from its site (as Explorer runs it from inside the zip): refuses, builds nothing"
mkdir "$work/away"
cp 发布.bat "$work/away/"
code=0
(cd "$work/away" && bat 发布.bat) || code=$?
[ "$code" -ne 0 ] || fail "发布.bat without a site.yaml beside it did not fail"
[ ! -e "$work/away/public" ] || fail "发布.bat without a site.yaml built something"
grep -q 'site.yaml' "$work/bat.out" || { cat "$work/bat.out"; fail "发布.bat did not say site.yaml is missing"; }

step "import a .docx (the Linux build's own Word file of a report)"
docx=months/2025-08/yunzhou.docx
cp "$work/linux/public/$docx" "$work/yunzhou.docx"
cp "$work/yunzhou.docx" "$pkg/"
for dir in "$site" "$work/linux"; do rm "$dir/content/yunzhou/2025-08.md"; done
exe import '..\yunzhou.docx' --unit yunzhou ||
  { cat "$work/err"; fail "import under Wine"; }
[ -s content/yunzhou/2025-08.md ] || fail "import wrote no report"
(cd "$work/linux" && "$linux" import "$work/yunzhou.docx" --unit yunzhou >/dev/null 2>&1) ||
  fail "import on Linux"
cmp content/yunzhou/2025-08.md "$work/linux/content/yunzhou/2025-08.md" ||
  fail "the report imported under Wine differs from Linux's"

step "serve: HTTP 200 for /, a saved report rebuilds the page, stopped cleanly"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 300 "$wine" "$pkg/reportal.exe" serve --port "$port" </dev/null >"$work/serve.out" 2>&1 &
serve_pid=$!
url=http://127.0.0.1:$port/
status=
for _ in $(seq 120); do
  status=$(curl -s -o "$work/index.html" -w '%{http_code}' "$url" || true)
  [ "$status" = 200 ] && break
  sleep 0.5
done
[ "$status" = 200 ] || { cat "$work/serve.out"; fail "serve: no HTTP 200 for / (got '$status')"; }
# File watching under Wine: a saved report shows on its month's page.
sed -i 's/验证编号七三九一/验证编号八二零四/' "content/新建文件夹/东陵团市委十二月报告.md"
seen=
for _ in $(seq 60); do
  if curl -s "${url}months/2025-12/" | grep -q '验证编号八二零四'; then
    seen=1
    break
  fi
  sleep 0.5
done
[ -n "$seen" ] || { cat "$work/serve.out"; fail "serve did not rebuild after a save"; }
kill -INT "$serve_pid" 2>/dev/null || true
for _ in $(seq 20); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$serve_pid" 2>/dev/null; then
  echo "note: serve did not stop on SIGINT under Wine; killed"
  kill "$serve_pid" 2>/dev/null || true
fi
code=0
wait "$serve_pid" 2>/dev/null || code=$?
serve_pid=
echo "serve stopped (exit code $code)"
timeout 20 "$wineserver" -k 2>/dev/null || true
timeout 20 "$wineserver" -w || fail "wineserver still running"
! pgrep -f "$(basename "$work")" >/dev/null || fail "wine processes left"

echo "wine smoke tests passed in $((SECONDS - started)) s"
