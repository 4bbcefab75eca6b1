@echo off
rem Publish this site: runs "reportal.exe build" in this file's folder, then
rem says where the site is and waits, so the window does not vanish.
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
"%EXE%" build
set "CODE=%ERRORLEVEL%"
echo.
if "%CODE%"=="0" for %%p in ("%~dp0public") do echo 网站已生成在：%%~fp
if "%CODE%"=="0" echo 把整个 public 文件夹复制到内网服务器或共享盘即可（见用户手册第 7 节）。
if not "%CODE%"=="0" echo 生成失败，原来的 public 文件夹没有改动。请按上面的提示改正后，再双击本文件。
echo.
pause
popd
if defined OLDCP chcp %OLDCP% >nul
exit /b %CODE%
