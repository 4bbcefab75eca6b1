# `reportal serve` 在终端和浏览器里说的话（src/serve/）。

serve-cannot-start = 无法启动预览服务：{ $reason }
serve-port-in-use = { $address } 上的端口 { $port } 已被占用：多半已经开着一个预览窗口，请先关掉它；或者用 --port 换一个端口（--port 0 自动选一个空闲端口）
serve-cannot-listen = 无法在 { $address } 上监听：{ $reason }
serve-reachable = 在 { $address } 上提供预览，网络上的其他电脑也能看到
serve-cannot-watch = 无法监视 { $folder } 中的改动：{ $reason }
serve-serving = 正在预览 { $folder }，地址 { $url }（按 Ctrl+C 停止）
serve-stopped = 已停止
# 第一次生成时，在通常写保存的文件名的位置显示。
serve-start = 首次生成
serve-internal-error = { $what }：reportal 重新生成时出现内部错误（请连同您保存的文件一起报告）；下次保存时会全部重新生成
serve-failed-first = { $what }：生成失败；在保存修正之前没有可预览的内容
serve-failed = { $what }：生成失败；仍显示上一次成功生成的网站
serve-rebuilt = { $what }：生成 { $pages } 个页面，{ $changed } 个文件有改动，用时 { $ms } 毫秒
serve-rebuilt-css = { $what }：生成 { $pages } 个页面，{ $changed } 个文件有改动（仅样式表），用时 { $ms } 毫秒
serve-no-browser = 无法打开浏览器；请访问 { $url }
serve-overlay-title = reportal：最近一次保存有问题，下面是问题所在；页面仍显示上一次成功的生成
serve-placeholder = 网站还不能生成：问题见下方，或见终端窗口。
