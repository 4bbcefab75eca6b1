# `reportal import`、`reportal new` 和 `reportal init` 说的话
# （src/cmd/import.rs、new.rs、init.rs，src/import/，src/next_report.rs）。

## 消息前的标签。

label-error-at = 错误：{ $path }：{ $text }
label-warning-at = 警告：{ $path }：{ $text }

## reportal import：导入过程和总结。

import-bad-month = --month { $given }：月份应写成 YYYY-MM，例如 2015-12
import-reading = 正在读取 { $count } 份文档
import-held-too-much = 这次导入已经有 { $mb } MB 的报告：其余的请分开另行导入
import-summary = 共 { $total } 份文档，导入了 { $imported } 份
import-summary-failed = ；{ $count } 份没有导入（原因见上文）
import-summary-skipped = ；跳过了 { $count } 个其他文件：
import-skipped-file = { $path }：{ $reason }
import-skipped-more = 另有 { $count } 个文件不是报告文档
import-removed-samples = 已删除 init 生成的示例报告（生成后没有改动过）：{ $files }
import-areas-replaced = site.yaml：init 的示例重点工作已换成这 { $count } 项重点工作：{ $areas }
import-areas-added = site.yaml：新增了 { $count } 项重点工作：{ $areas }

## 文档没有导入的原因（ImportError）。

import-unreadable = 无法读取：{ $reason }
import-not-a-file = 这不是一个文件（是文件夹、管道、套接字或设备）
import-not-docx = 这不是 Word 保存的 .docx 文件，可能已损坏，或只是改了扩展名（技术细节：{ $reason }）
import-damaged = 文件已损坏：{ $reason }
import-refused = 不予导入：{ $reason }
import-unit-not-a-name = --unit { $given }：单位应写简短的名称（例如 广州 或 gz），不能是路径
import-unknown-unit = --unit { $given }：site.yaml 中没有这个单位（已有的单位：{ $known }）
import-not-text = 它的文字既不是 UTF-8 也不是 GB18030 编码：reportal 导入 Word 表格（.docx、.doc、.wps、.rtf、.odt）及其导出的文本（.txt）
import-no-table = 没有找到带有“序号 / 重点工作 / 本月份推进情况 / 下一步推进计划”这几列的表格
import-no-month = 不知道是哪个月的报告：请加上 --month YYYY-MM（文档里没有写月份；如果只是没有写年份，请加上 --year）
import-exists = { $path } 已经存在：加上 --force 可以替换它
import-cannot-write = 无法写入 { $reason }
import-no-office = 它是 { $format }，reportal 要借助 LibreOffice 读取，但没有找到 LibreOffice（{ $looked }）。请安装 LibreOffice（Debian/Ubuntu：`apt-get install libreoffice-writer-nogui`；Windows：从 https://www.libreoffice.org 下载），或在 Word 或 WPS 中打开这个文件，另存为 .docx
import-conversion = LibreOffice 无法把它（{ $format }）转换成 .docx：{ $why }
import-conversion-timed-out = LibreOffice 在 { $seconds } 秒内没有转换完它（{ $format }），已被停止；请在 Word 或 WPS 中打开它，另存为 .docx（REPORTAL_SOFFICE_TIMEOUT 可以设置时限，单位为秒）
import-needs-conversion = 它是 { $format }：`reportal import` 会借助 LibreOffice 读取它
import-ambiguous-unit = 它的标题或文件名里有 site.yaml 中的两个单位：{ $units }：请用 --unit 写明
import-two-units = { $first }和{ $second }
import-no-unit = 它的标题和文件名里都没有 site.yaml 中的单位（{ $known }）：请用 --unit 写明，或在文件名中写上单位名称
import-duplicate = { $others } 也是同一单位同一月份的报告（{ $target }）：它们都没有导入；请加上 --unit 和 --month 逐份导入，或把其中一份移走

## 拒绝导入或文件损坏的详细原因。

import-report-too-large = 转换出的报告有 { $mb } MB；一份月度报告远没有这么大
import-file-too-large = 文件超过 { $mb } MB；一份月度报告远没有这么大
import-docx-too-large = 转换出的 .docx 超过 { $mb } MB；一份月度报告远没有这么大
import-too-many-parts = 它包含 { $count } 个部件（一份 Word 文档只有几十个；最多读取 { $max } 个）
import-text-expands = 它的文字（XML）解压后超过 { $mb } MB（在 { $part }）；一份月度报告远没有这么大
import-expands = 它解压后超过 { $mb } MB（在 { $part }）；一份月度报告远没有这么大
import-nests-deep = { $part } 嵌套超过 { $max } 层（表格套表格？）；Word 文档不会这样
import-cut-short = { $part } 在元素中间就结束了：文件不完整
import-bad-xml = { $part }：{ $error }（在第 { $byte } 字节）
import-too-many-elements = 它有超过 { $elements } 个 XML 元素或 { $blocks } 个段落和表格单元格（在 { $part }）；一份月度报告只有几千个
import-reader-stopped = Word 读取器在读它时停止了（{ $why }）；请在 Word 或 WPS 中打开它，重新另存为 .docx
import-reader-timed-out = Word 读取器在 { $seconds } 秒内没有读完它；请在 Word 或 WPS 中打开它，重新另存为 .docx
import-too-many-pictures = 它有 { $count } 张图片；一份报告最多导入 { $max } 张
import-outside-site = { $path }：有链接指向站点以外，或它本身是链接；reportal 只在站点内写文件
import-picture-not-plain = { $path }：它是链接或不是普通文件；reportal 只在站点内写普通文件

## LibreOffice。

import-format-doc = Word 97-2003 文档（.doc）
import-format-wps = WPS 文档（.wps）
import-format-rtf = RTF 富文本文档（.rtf）
import-format-odt = OpenDocument 文本（.odt）
import-soffice-not-a-file = { $variable } 指向 { $path }，但它不是文件
import-soffice-looked = 在 PATH 中查找了 soffice 和 libreoffice
import-local-file-field = 它有一个 { $field } 域，引用了这台电脑上的文件，LibreOffice 会把那个文件复制进站点；请在 Word 或 WPS 中打开它，把域转换为文字（全选，按 Ctrl+Shift+F9）后重新保存
import-no-temp-folder = 无法创建临时文件夹：{ $reason }
import-cannot-copy = 无法在 { $path } 中写入它的副本：{ $reason }
import-not-absolute = { $path } 不是绝对路径
import-cannot-write-log = 无法写入 { $path }：{ $reason }
import-cannot-start = 无法启动 { $path }：{ $reason }
import-office-silent = 它没有生成 .docx，也没有给出任何说明
import-office-said = { $said }（文件是否损坏或设了密码？请在 Word 或 WPS 中打开它，另存为 .docx）

## 注意事项：保留了什么，放在哪里。

import-row-no-area = 第 { $row } 行没有重点工作：它的文字放在“未归类内容”下
import-row-extra-cell = 第 { $row } 行：四列以外的单元格内容放在“未归类内容”下
import-unplaced = 表格行以外的 { $count } 段文字放在第一项重点工作之前的“未归类内容”下
import-month-differs = 文档里写的是 { $said } 月，文件名里写的是 { $named } 月：采用 { $said } 月（可以用 --month 指定）
import-picture-drawing = 第 { $number } 张图片是 Windows 绘图（{ $kind }），浏览器无法显示：已原样保存；请在 Word 中把它另存为 PNG 才能显示
import-picture-missing = 有一张图片（关系 { $id }）不在文件里（是从别处链接的吗？）：已略去

## 命令行中指定的文件和文件夹。

import-skip-hidden = 隐藏文件，或编辑器的备份、锁定文件
import-skip-lock-file = Office 锁定文件（Word 或 WPS 正打开着文档）：会读取它旁边的文档
import-skip-folder-link = 指向文件夹的链接，没有跟随：请直接指定那个文件夹
import-skip-built-site = reportal 生成的网站（其中的 Word 文件是网站自己的报告）：要导入请单独指定其中的文件
import-skip-not-a-document = 不是报告文档（.docx .doc .wps .rtf .odt .txt）
import-skip-not-a-file = 不是文件（是管道、套接字或设备）
import-no-such-path = 没有这个文件或文件夹
import-too-many-documents = 这份及其后 { $count } 份文档没有读取：一次最多导入 { $max } 份；请按文件夹分批导入
import-too-many-files = 它包含超过 { $max } 个文件：其余的没有查看；请直接指定放报告的文件夹

## site.yaml 的重点工作（--add-areas，以及第一次导入 init 生成的站点）。

areas-unsafe = site.yaml：{ $reason }；没有做任何改动：请手动添加重点工作
areas-cannot-read = 无法读取 site.yaml：{ $reason }
areas-cannot-write = 无法写入 site.yaml：{ $reason }
areas-not-init = 它已经不是 init 生成时的样子了
areas-samples-moved = init 的示例重点工作不在原来的位置
areas-read-back = 写入的新重点工作读回来不一致
areas-too-many = 这些文档中有 { $count } 项它没有列出的重点工作（一次最多添加 { $max } 项）：请检查文档的表格是否被正确读取
areas-not-plain = 它是链接或不是普通文件；reportal 只改写普通的 site.yaml
areas-too-large = 它超过 1 MB
areas-not-utf8 = 它不是 UTF-8 编码的文本（请先另存为 UTF-8）
areas-not-settings = 它无法作为设置读取（{ $reason }）
areas-quoted-key = 它的 `areas` 项名写在引号里
areas-no-key-line = 它的重点工作不在单独一行的 `areas:` 下
areas-two-keys = 它有两行 `areas:`
areas-not-a-list = 它的 `areas:` 不是以 `- ` 开头的列表
areas-inline = 它的 `areas:` 在同一行写成了 `{ $value }`；reportal 只能在 `areas:` 下每行一个 `- ` 的列表后追加
areas-tabs = 它用制表符缩进
areas-append-read-back = 在它的 `areas:` 后追加，读回来与添加的重点工作不一致

## reportal new。

new-wrote = 已写好 { $path }（{ $unit }，{ $month }，{ $count } 项重点工作，draft: true）：填写完后删去 `draft: true`
new-site-problems = 站点有问题；`reportal check` 会列出它们
new-which-unit = 站点有多个单位（{ $known }）：请用 --unit 说明是哪个单位
new-unknown-unit = site.yaml 中没有单位 `{ $given }`（已有的单位：{ $known }）
new-which-month = { $unit }还没有报告：请用 --month（YYYY-MM）说明是哪个月
new-exists = { $path } 已经存在：reportal new 从不覆盖报告
new-reported = { $unit }已经有 { $month } 的报告：{ $file }
new-cannot-write = 无法写入 { $path }：{ $reason }

## reportal init。

init-not-empty = { $path } 不是空文件夹：init 只创建新站点
init-cannot-create = 无法创建 { $path }：{ $reason }
init-cannot-write = 无法写入 { $path }：{ $reason }
init-created-empty = 已在 { $path } 创建新站点，没有示例报告
    下一步：reportal import --root { $path } <你的 Word 报告>
init-created = 已在 { $path } 创建新站点，带有两份示例报告（第一次 reportal import 会替换它们）
    下一步：reportal build --root { $path }

## 第一次导入时 init 的示例报告。

import-cannot-remove-sample = 无法删除 init 的示例报告 { $path }：{ $reason }
import-cannot-restore-sample = 无法放回 init 的示例报告 { $path }：{ $reason }
