# 写作者文件中的问题（src/diagnostics/kind.rs）。每条都印在
# “文件:行:列: ”之后。

problem-unreadable = 无法读取这个文件：{ $reason }
problem-not-utf8 = 这个文件不是 UTF-8 编码的文本：请用记事本打开，“另存为”时编码选 UTF-8
problem-not-utf8-gbk = 这个文件不是 UTF-8 编码的文本，看起来是 GBK/GB18030（中文 Windows 的编码）：请用记事本打开，“另存为”时编码选 UTF-8
problem-unclosed-front-matter = 开头设置以 `---` 开始却没有结束：在它后面加一行只写 `---`
problem-bad-yaml = 开头设置不是有效的 YAML，reportal 读不懂这里（YAML 的原话：{ $reason }）
problem-missing-month = 没有月份：在开头设置中加上 `month: YYYY-MM`，或把文件命名为 YYYY-MM.md
problem-invalid-month = `{ $given }` 不是月份：请写成 YYYY-MM，例如 2015-12
problem-unknown-unit = 单位 `{ $given }` 不在 site.yaml 中；已有的单位是：{ $known }
problem-missing-unit = 这个站点有多个单位：请在开头设置中用 `unit:` 写明这份报告属于哪个单位
problem-empty-unit = `unit:` 是空的：请写上单位的代号或名称；只有一个单位的站点可以删去这一行
problem-empty-area-heading = 重点工作的标题在 `##` 之后需要写上名称
problem-no-areas = 这份报告没有重点工作：每项重点工作以二级标题开始（`## 团的制度建设`）
problem-too-many-areas = 这份报告有 { $count } 项重点工作，超过了一份报告最多的 { $max } 项：每一项都会成为网站的页面（是不是每段前都写了 `##`？）
problem-too-many-metrics = 这份报告在 `metrics:` 下给了 { $count } 个数字，超过了一份报告最多的 { $max } 个：每个数字都是网站图表上的一个点
problem-span-too-long = 报告从 { $first } 跨到 { $last }，超过了一个站点最多的 { $max } 年（每个单位的报送表要列出其间的每个月）：{ $month } 是不是写错了？
problem-only-drafts = 所有报告都是草稿：没有可以发布的内容（加上 --drafts 可以看到它们）
problem-duplicate-report = 单位 `{ $unit }` 在 { $month } 有第二份报告：{ $other } 已经是这个月的报告
problem-duplicate-report-single = { $month } 有第二份报告：{ $other } 已经是这个月的报告
problem-unknown-key = 开头设置中有不认识的项 `{ $key }`，已忽略
problem-unknown-key-suggest = 开头设置中有不认识的项 `{ $key }`（是不是想写 `{ $suggestion }`？），已忽略
problem-unknown-config-key = site.yaml 中有不认识的项 `{ $key }`，已忽略
problem-unknown-config-key-suggest = site.yaml 中有不认识的项 `{ $key }`（是不是想写 `{ $suggestion }`？），已忽略
problem-unknown-area = 重点工作 `{ $name }` 不在 site.yaml 中
problem-unknown-area-suggest = 重点工作 `{ $name }` 不在 site.yaml 中；最接近的是 `{ $closest }`
problem-metrics-not-a-map = `metrics:` 下的 `{ $given }` 应当列出指标名称和数字，例如 `注册志愿者: 7600000`
problem-metric-unknown-key = 指标的值只能有 `value` 和 `unit`，不能有 `{ $key }`：请写成 `{"{"}value: 100, unit: 小时{"}"}`
problem-metric-empty = 指标 `{ $name }` 没有数值：请写上数字，或删去这一行
problem-metric-not-a-number = 指标 `{ $name }` 的值 `{ $written }` 不是数字：只写数字，例如 7600000 或 12.5（不要千位分隔符，不要“万”或“%”）
problem-unknown-metric-area = `metrics:` 下的 `{ $given }` 既不是 `report`，也不是本站的重点工作
problem-unknown-metric-area-suggest = `metrics:` 下的 `{ $given }` 既不是 `report`，也不是本站的重点工作（是不是想写 `{ $suggestion }`？）
problem-unknown-metric = 指标 `{ $name }` 不在 site.yaml 的 `metrics` 中
problem-unknown-metric-suggest = 指标 `{ $name }` 不在 site.yaml 的 `metrics` 中（是不是想写 `{ $suggestion }`？）
problem-metric-unit-mismatch = 指标 `{ $name }` 的单位是 `{ $expected }`，不是 `{ $given }`
problem-metric-unit-none = 指标 `{ $name }` 没有单位（site.yaml 没有给出），不是 `{ $given }`
problem-duplicate-metric = 这份报告中 `{ $scope }` 的指标 `{ $name }` 写了两次
problem-link-to-no-report = 这里链接到 `{ $target }`，但它不是本站的报告
problem-link-to-no-area = 这里链接到 { $report } 中的 `{ $area }`，但那份报告没有这项重点工作；它的重点工作是：{ $known }
problem-remote-image = 图片 `{ $url }` 不在站点中：打开页面会让每位读者的电脑去连接另一台机器，所以只显示为链接；请把图片复制到报告旁边，或在 site.yaml 的 `remote_images:` 下列出它的主机
problem-file-missing = 没有文件 `{ $path }`（这里的路径从报告所在的文件夹算起）：请把文件放到那里，或改正路径
problem-file-hidden = `{ $path }` 是隐藏文件或编辑器的备份（它或所在文件夹的名称以 `.` 或 `#` 开头，或以 `~` 结尾）：这样的文件不会发布；请改名
problem-file-outside-content = `{ $path }` 指向站点 content/ 文件夹之外：只有 content/ 下的文件才会发布（请把文件复制到报告旁边）
problem-not-ordinary-file = `{ $path }` 不是普通文件（是文件夹、管道或设备）：只发布文件
problem-file-would-run = `{ $path }` 不是 reportal 发布的文件类型：浏览器可能把它当作网站的页面打开并运行其中的内容（HTML、SVG、XML、脚本、没有扩展名的文件）。可以发布的是图片（.png .jpg .gif .webp …）、文档（.pdf .docx .xlsx .pptx .wps .ofd .txt …）、压缩包（.zip .rar .7z）和音视频（.mp3 .mp4 …）；请改为链接这些类型的文件，或者在所有写作者都可信时，在 site.yaml 中设置 `unsafe_html: true`
problem-picture-too-large = 图片 `{ $path }` 有 { $size }，超过了 site.yaml 中的 max_picture_kb（{ $max_kb } KB）：每位打开这个页面的读者都要下载它。图片照原样发布（reportal 不缩小图片）：请把它存得小一些（宽 1600 像素的 JPEG 在屏幕上已足够），或调大 max_picture_kb
problem-broken-link = 生成的网站中有一个链接指向不存在的地方：{ $link }
problem-invalid-draft = `draft:` 只能是 true 或 false，不能是 `{ $given }`
problem-bad-translation = 这个翻译文件无效：{ $reason }
problem-missing-translations = 这个翻译文件缺少 { $count } 项，这些地方改用 { $fallback }.yaml 中的文字：{ $keys }
problem-bad-config = site.yaml 无效：{ $reason }
problem-bad-config-yaml = site.yaml 的写法有误，reportal 读不懂这里（YAML 的原话：{ $reason }）
problem-no-reports = 没有找到报告：请在 { $folder } 下为每份报告放一个 Markdown 文件
problem-template = 模板 { $name }：{ $reason }
problem-link-outside = 这里链接到站点文件夹之外的 { $target }：reportal 从不发布站点之外的文件（请把文件复制到站点中）
problem-link-into-hidden = 这里链接到 { $target }，它是隐藏文件夹或 reportal 自己的输出：两者都不发布（请把需要发布的内容复制到站点中）
problem-html-too-deep = 这里写的 HTML 有超过 { $max } 层元素相互嵌套：请关闭打开的标签（`<div>` … `</div>`），或改用 Markdown 书写
problem-too-large = 这个文件超过 { $max } MB，远大于任何报告或主题文件：不读取它
problem-output-holds-site = 不能生成到 { $output }：它就是站点文件夹，或包含站点文件夹
problem-output-touches-source = 不能生成到 { $output }：它就是、包含或位于站点的 { $source }（{ $path }）之中
problem-output-linked-from = 不能生成到 { $output }：站点中的链接 { $link } 指向那里
problem-output-not-ours = 不能替换 { $output }：里面有文件，而且不是 reportal 生成的（确实要替换，请加 --force）
problem-output-not-a-folder = { $output } 已经存在，但不是文件夹
problem-output-failed = 无法{ $action ->
        [create] 创建
        [write] 写入
        [open] 打开
        [lock] 锁定
        [copy] 复制
       *[replace] 替换
    } { $path }：{ $reason }
problem-output-outside = 不写入 { $path }：它在输出文件夹之外
problem-word-too-large = 一个 Word 文件会超过 4 GB：无法写出
problem-pages-collide = 有两个页面要写到同一个位置 { $path }
problem-not-a-file-report = 无法读取这个文件：它不是普通文件（是管道、套接字或设备），所以没有收入；请把报告存成文件
problem-no-translation-file = site.yaml 无效：语言 `{ $language }` 没有翻译文件：请添加 i18n/{ $language }.yaml（复制内置主题的 i18n/en.yaml 再翻译），或使用 zh-CN 或 en
problem-theme-not-found = site.yaml 无效：找不到主题 `{ $name }`：没有文件夹 themes/{ $name }/

# site.yaml 中各项的值应当怎样写（src/config.rs）；印在“site.yaml 无效：”之后。
config-base-url-web = base_url `{ $url }` 必须是完整的 http:// 或 https:// 网址，例如 https://intranet.example.org/reports
config-base-url-user = base_url `{ $url }` 不能带用户名或密码：订阅和站点地图会公开它
config-base-url-query = base_url `{ $url }` 应当以路径结尾，不带 `?` 或 `#`：页面路径要接在它后面
config-language-tag = language `{ $language }` 不是语言代码：请写 zh-CN、en 或 fr 这样的代码（字母、数字和 `-`）
config-id-not-plain = { $kind ->
        [unit] 单位
        [area] 重点工作
       *[metric] 指标
    }的代号 `{ $id }` 只能用小写字母、数字、`-` 或 `_`，并以字母或数字开头（它是网站中一个文件夹的名称）
config-id-too-long = { $kind ->
        [unit] 单位
        [area] 重点工作
       *[metric] 指标
    }的代号 `{ $id }` 长 { $bytes } 字节；最多 { $max } 字节（它是网站中一个文件夹的名称，文件系统限制名称长度）
config-id-twice = 两个{ $kind ->
        [unit] 单位
        [area] 重点工作
       *[metric] 指标
    }的代号都是 `{ $id }`
config-unit-id-month = 单位代号 `{ $id }` 看起来像月份：它的报告文件会与那个月自己的文件同名（months/{ $id }/{ $id }.docx、.csv）；请换一个代号
config-remote-image-host = `remote_images` 列出的是主机名，例如 `intranet.example.gov.cn`；`{ $host }` 不是主机名（不要 `http://`、端口或路径）
config-metric-name-twice = `{ $name }` 同时是两个指标的名称：`{ $first }` 和 `{ $second }`
config-area-name-twice = `{ $name }` 同时是两项重点工作的名称：`{ $first }` 和 `{ $second }`
config-unit-month = 单位 `{ $unit }`：{ $key } 的值 `{ $value }` 不是月份：请写成 YYYY-MM，例如 2025-04
config-unit-until-before-since = 单位 `{ $unit }`：until（{ $until }）早于 since（{ $since }）：单位从 since 开始报送，到 until 为止
