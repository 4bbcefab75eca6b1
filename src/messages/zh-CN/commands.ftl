# build 和 check 结束时说的话（src/cmd/build.rs、src/site/build.rs）。

# 每个命令给一行文字加的标记。
label-error = 错误：{ $text }
label-warning = 警告：{ $text }
label-note = 提示：{ $text }

count-reports = { $count } 份报告
count-months = { $count } 个月
count-areas = { $count } 项重点工作
count-units = { $count } 个单位
count-files = { $count } 个文件
count-errors = { $count } 个错误
count-warnings = { $count } 条警告
# 名称之间：“东陵团市委、南屏团市委”。
list-separator = 、
list-named = { $main }（{ $aside }）
note-no-base-url = site.yaml 中没有 base_url：没有生成 feed.xml 和 sitemap.xml（它们需要完整的网址）
unit-draft = { $name }（草稿）
check-all-reported = { $month }：所有单位都已报送
check-not-reported = { $month }：尚未报送的单位：{ $units }
build-files = { $files }（更新 { $written } 个，{ $unchanged } 个没有变化）
check-files = 将写出 { $files }
build-done = 已生成 { $reports }、{ $months }、{ $areas }、{ $units }：{ $files }，用时 { $ms } 毫秒
check-done = 已检查 { $reports }、{ $months }、{ $areas }、{ $units }：{ $files }，用时 { $ms } 毫秒
done-warnings = { $done }（{ $warnings }）
build-failed = 生成失败：{ $errors }，{ $warnings }；原来生成的网站没有改动
check-failed = 检查失败：{ $errors }，{ $warnings }
lang-unknown = reportal 只会说 zh-CN 和 en，不会说 `{ $lang }`：提示信息用英文
