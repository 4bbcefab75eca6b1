@echo off
rem Preview this site: runs "reportal.exe serve --open" in this file's folder.
rem Kept with LF line endings in git; dist/windows.sh writes it with CRLF.
rem ASCII apart from the Chinese lines echoed after "chcp 65001", which
rem makes cmd read the rest of this file as UTF-8 (its encoding).
setlocal
for /f "tokens=2 delims=:" %%c in ('chcp') do set "OLDCP=%%c"
chcp 65001 >nul
rem pushd, not cd: it also enters a folder on a network share (\\server\...),
rem through a temporary drive letter.
pushd "%~dp0"
if errorlevel 1 (
  echo 无法进入这个文件夹：%~dp0
  pause
  if defined OLDCP chcp %OLDCP% >nul
  exit /b 1
)
rem Opened inside the zip, Explorer runs this from a temporary folder
rem without the site beside it.
if not exist "site.yaml" (
  echo 这里没有 site.yaml：请先把压缩包“全部解压缩”，再到解压出的文件夹里双击本文件。
  pause
  popd
  if defined OLDCP chcp %OLDCP% >nul
  exit /b 1
)
set "EXE=%~dp0reportal.exe"
if not exist "%EXE%" set "EXE=%~dp0..\reportal.exe"
if not exist "%EXE%" (
  where reportal.exe >nul 2>nul
  if errorlevel 1 (
    echo 找不到 reportal.exe：它应当在本文件的上一级文件夹里（和压缩包里的位置相同）。
    pause
    popd
    if defined OLDCP chcp %OLDCP% >nul
    exit /b 1
  )
  set "EXE=reportal.exe"
)
echo 正在启动预览，浏览器会自动打开 http://127.0.0.1:1111/
echo 保存报告后页面自动更新。关闭这个窗口即停止预览（按 Ctrl+C 时，再按 Y 和回车）。
echo.
"%EXE%" serve --open
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="0" pause
popd
if defined OLDCP chcp %OLDCP% >nul
exit /b %CODE%
