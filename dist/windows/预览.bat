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
if errorlevel 1 (pause & exit /b 1)
set "EXE=%~dp0reportal.exe"
if not exist "%EXE%" set "EXE=%~dp0..\reportal.exe"
if not exist "%EXE%" set "EXE=reportal.exe"
echo 正在启动预览，浏览器会自动打开 http://127.0.0.1:1111/
echo 保存报告后页面自动更新。关闭这个窗口（或按 Ctrl+C）即停止预览。
echo.
"%EXE%" serve --open
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="0" pause
popd
if defined OLDCP chcp %OLDCP% >nul
exit /b %CODE%
