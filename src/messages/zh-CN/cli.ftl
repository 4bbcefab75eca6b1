## 命令行：`reportal --help` 和 `reportal <命令> --help` 显示的说明。
## `cli-<命令>-about` 是命令的简介，`cli-<命令>-<选项>` 是选项的说明
## （clap 会在后面加上 “[default: …]”，即默认值）。

-site-root = 站点文件夹（放 site.yaml 和 content/ 的文件夹；默认：当前文件夹）
-drafts = 也包括标着 `draft: true` 的报告（草稿）
-all-links = 同时检查生成的网页之间的每个链接和锚点（报告里写的链接总会检查）

cli-about = 把每月的工作报告做成静态网站
cli-lang = reportal 提示信息用的语言：zh-CN 或 en（默认：站点设置的语言；不在站点文件夹里时，用系统的语言）
cli-print-help = 显示帮助
cli-print-version = 显示版本
cli-help-about = 显示这份帮助，或所给命令的帮助
cli-help-subcommand = 要看哪个命令的帮助

cli-heading-usage = 用法：
cli-heading-commands = 命令：
cli-heading-arguments = 参数：
cli-heading-options = 选项：

cli-build-about = 生成站点，写到输出文件夹
cli-build-root = { -site-root }
cli-build-output = 网站写到哪个文件夹（默认：<root>/public）
cli-build-drafts = { -drafts }
cli-build-force = 即使输出文件夹不是 reportal 生成的，也替换它
cli-build-check-links = { -all-links }

cli-check-about = 像 `build` 一样检查每份报告，但不写出任何文件
cli-check-root = { -site-root }
cli-check-drafts = { -drafts }
cli-check-links = { -all-links }

cli-serve-about = 预览站点：在内存里生成并打开本地网站，每次保存后重新生成，并刷新打开的网页
cli-serve-root = { -site-root }
cli-serve-port = 端口（默认：1111）；0 表示任选一个空闲的端口
cli-serve-bind = 监听的地址（默认：127.0.0.1，只有本机能看到）；0.0.0.0 让局域网里的其他电脑也能看到预览
cli-serve-drafts = { -drafts }
cli-serve-open = 在浏览器里打开网站
cli-serve-poll = 定时查看文件有没有改动（用于网络驱动器，那里收不到改动通知）

cli-import-about = 把 Word 报告（.docx .doc .wps .rtf .odt）或它们导出的文本变成报告文件
cli-import-files = 要导入的文件，或文件夹：导入其中所有的文档
cli-import-month = 报告的月份，格式 YYYY-MM（默认：按文档里写的）
cli-import-year = 年份，用于文档只写了月份的情况
cli-import-unit = 这些报告属于哪个单位（写单位的代号或名称）
cli-import-root = { -site-root }
cli-import-force = 替换已有的报告
cli-import-add-areas = 文档里有、site.yaml 的 `areas:` 里没有的重点工作，添加到 `areas:` 里（文件的其余部分不变）

cli-new-about = 开始写一个单位的下一份报告：沿用它最近一份报告的重点工作，每项引用上个月的计划，标为 `draft: true`
cli-new-unit = 哪个单位：写单位的代号或名称（默认：站点里唯一的单位）
cli-new-month = 月份，格式 YYYY-MM（默认：该单位最近一份报告的下一个月）
cli-new-root = { -site-root }

cli-init-about = 新建一个站点：一个 site.yaml 和两份示例报告（第一次导入时会替换它们）
cli-init-dir = 要新建的文件夹（它必须不存在，或是空的）
cli-init-empty = 不要示例报告：只有 site.yaml 和 content/

## 命令行写错时的提示。

cli-error = 错误：
cli-error-unknown-argument = 不认识参数 `{ $arg }`
cli-error-missing-value = `{ $arg }` 后面要写一个值，但没有写
cli-error-invalid-value = `{ $arg }` 的值 `{ $value }` 不对
cli-error-possible-values = 可以写的值：{ $values }
cli-error-missing-required = 缺少下面这些必须写的参数：
cli-error-unknown-command = 没有 `{ $name }` 这个命令
cli-error-similar-command = 提示：有个相近的命令：`{ $name }`
cli-error-similar-argument = 提示：有个相近的参数：`{ $arg }`
cli-error-similar-value = 提示：有个相近的值：`{ $value }`
cli-error-more = 想了解更多，请运行 `{ $help }`。
cli-error-invalid-value-why = `{ $arg }` 的值 `{ $value }` 不对（{ $reason }）
cli-error-twice = `{ $arg }` 只能写一次
cli-error-conflict = `{ $arg }` 不能和 `{ $other }` 一起写
cli-error-no-value = `{ $arg }` 后面不带值，却写了 `{ $value }`
