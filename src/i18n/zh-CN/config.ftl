# Messages of config (config.rs, config/*.rs): site.yaml, and the YAML
# mistakes of every file (config/yaml_error.rs).

## YAML written wrongly (site.yaml, the --- block at the top of a page, reports)

yaml-duplicate-key = 「{ $key }」写了两次
yaml-duplicate-row = 同一行「{ $key }」写了两次
yaml-duplicate-key-hint = 删掉其中一处，只留一个
yaml-duplicate-key-first = 第一次写在第 { $line } 行，删掉其中一处，只留一个
yaml-unknown-key = 不认识「{ $field }」这一项（这里可以写：{ $expected }）
yaml-key-hidden = 名称「{ $key }」里夹着看不见的字符（{ $what }）
yaml-key-hidden-hint = 把这一项的名称删掉，用键盘重新输入
yaml-hidden-zero-width = 零宽字符，常从网页或 Word 复制时带进来
yaml-hidden-space = 特殊空格
yaml-did-you-mean = 是不是想写「{ $key }」？
yaml-missing-key = 缺少「{ $field }」这一项
yaml-empty-value = 这一项是空的：请在冒号后面写上内容
yaml-unknown-choice = 「{ $value }」不是可以选的值，只能写：{ $expected }
yaml-full-width-colon = 冒号要用英文半角「:」，不能用中文「：」
yaml-colon-space = 冒号后面要空一格
yaml-colon-odd-space = 冒号后面是一个{ $space }：要换成英文半角空格（按一下空格键）
yaml-space-full-width = 中文全角空格
yaml-space-non-breaking = 从 Word 或网页复制来的特殊空格
yaml-missing-colon = 这一行缺少英文冒号「:」
yaml-key-not-text = 冒号前面的名称只能是文字，不能是方括号或花括号
yaml-empty-cell = 方括号里两个逗号之间是空的：空白单元格请写 ~
yaml-full-width-comma = 逗号要用英文半角「,」，不能用中文「，」
yaml-empty-item = 方括号里两个逗号之间是空的：删掉多余的逗号
yaml-backslash = 双引号里的「\」有特殊用途，不能直接写
yaml-backslash-hint = 把双引号换成单引号，例如 '文件\说明'；或者写成两个「\\」
yaml-tab = 这里有一个 Tab 键：只能用空格
yaml-tab-hint = 把 Tab 换成空格（缩进一般用两个空格）
yaml-unclosed-quote = 引号没有配对
yaml-unclosed-quote-hint = 在这个值的末尾补上同样的英文引号
yaml-needs-quotes = 这个值里有「: 」（冒号加空格），整个值要加上英文引号
yaml-needs-quotes-hint = 例如 title: "通知: 关于……"；或者把值里的冒号改成中文「：」
yaml-indent = 这一行的缩进（开头的空格）和上面的行对不上
yaml-indent-hint = 同一层的各行要用同样多的空格开头；属于上一项的内容多缩进两个空格
yaml-indent-odd-one = 这一行的缩进（开头的空格）和上下的行对不上
yaml-after-quote = 引号后面还有文字：整个值要放在一对引号里面
yaml-reserved-start = 以「{ $sign }」开头的值要加上英文引号
yaml-second-document = 这里又有一行「---」：文件里只能有一份内容，删掉这一行
yaml-expected-text = 这里应该写一段文字
yaml-expected-text-hint = 如果文字以 [ {"{"} * & ! 或 # 开头，请给它加上英文引号
yaml-expected-list = 这里应该写一个列表
yaml-expected-list-hint = 每一项单独一行，以「- 」开头；或写成 [甲, 乙]
yaml-expected-keys = 这里应该是「名称: 值」这样的一行一行内容
yaml-expected-keys-hint = 每行写成「名称: 值」，冒号用英文半角，冒号后面空一格
yaml-expected-number = 这里应该写一个数字
yaml-expected-yes-no = 这里只能写英文的 true（表示“是”）或 false（表示“否”），不能写汉字
yaml-unreadable = 这一行的格式读不懂
yaml-unreadable-hint = 请对照正确的写法检查这一行和上一行：每行写成「名称: 值」，冒号用英文半角，冒号后面空一格，缩进只用空格

# A YAML mistake and its advice in one sentence (report files, whose
# findings carry no separate hint).
yaml-with-hint = { $message }；{ $hint }

## site.yaml

config-unreadable = 读不到网站设置文件：{ $reason }
config-unreadable-hint = 新建网站请运行 gongkai init 文件夹名；或者用 --root 指明网站所在的文件夹
config-bad-period = 「{ $value }」不是有效的更新周期：写一个数字加单位，例如 14d（14 天）、2w（2 周）、6m（6 个月）、1y（1 年）
config-column-problem = 栏目「{ $slug }」：{ $problem }
config-column-slug-twice = 两个栏目的网址名（slug）都是「{ $slug }」
config-per-page-zero = 栏目「{ $slug }」：per_page（每页条数）至少要写 1
config-no-columns = columns 下面一个栏目也没有：至少要列出一个栏目
config-bad-deadline = report_deadline 写的「{ $value }」不是日期：按「月-日」写，例如 02-20
config-base-url-no-host-warning = { $name } 写的「{ $url }」只有路径，没有网站域名：网站地图（sitemap）和订阅（feed）需要完整网址，里面的地址会不完整
config-base-url-no-host-hint = 知道网站地址后，写成完整网址，例如 https://www.example.gov.cn/xxgk/
config-base-url-refused = { $name } 写的「{ $url }」不能用：{ $why }
config-base-url-hint = 写网站发布的完整网址，例如 https://www.example.gov.cn/xxgk/；或只写路径，例如 /xxgk/
config-base-url-why-scheme = 网址只能以 http:// 或 https:// 开头，不能是「{ $scheme }:」
config-base-url-why-no-host = 「https://」后面缺少网站域名
config-base-url-why-no-scheme = 缺少开头的 https://，应写成 https://www.example.gov.cn/xxgk/ 这样的完整网址
config-base-url-why-neither = 既不是 http(s) 网址，也不是以 / 开头的路径
config-base-url-why-character = 网址里不能有「{ $character }」（空格、Tab、反斜杠、引号、尖括号都不行）
config-attachment-type-dot = attachments.allow 里的「{ $entry }」不是文件类型：不要写点，例如 dwg
config-attachment-type-chars = attachments.allow 里的「{ $entry }」不是文件类型：只写字母和数字，例如 dwg
config-identifier-bad-url = identifiers 下的 { $key } 写的「{ $value }」不是网址：要写以 https:// 或 http:// 开头的完整网址
config-identifier-bad-url-hint = 把上级单位或备案系统给出的网址原样复制过来，例如 https://www.example.gov.cn/
config-static-file-bad = { $key } 写的「{ $value }」不能用：{ $problem }
config-static-file-hint = 写网站 static 文件夹里的文件名，例如 { $key }: { $example }，再把这个文件放进 static 文件夹
config-static-file-empty = 没有写文件名
config-static-file-address = 这是别的网站上的地址；图片要放在本网站的 static 文件夹里，不能直接用别的网站上的图片（读者每打开一页，那个网站都会知道）
config-static-file-path = 只能写 static 文件夹里的文件名或「文件夹/文件名」，不能以 / 开头，不能有 ..、空格或 ? # % 等符号
config-rollup-no-sources = 汇总栏目（kind: rollup）要用 sources: 写出汇总哪些网站或报告文件夹，如 sources: [../caizheng, ../dajie]
config-sources-not-rollup = 只有汇总栏目（kind: rollup）才写 sources:
config-theme-not-a-name = theme: 写的「{ $name }」不是主题文件夹的名字
config-theme-not-a-name-hint = 只写 themes 文件夹里一个文件夹的名字，例如 theme: default；不能写路径
config-index-format-bad = index_no_format: 写的索引号格式「{ $format }」用不了：{ $problem }
config-index-format-hint = 把索引号里固定不变的部分照原样写，会变的部分写在大括号里：{"{"}年{"}"}（4 位年份）、{"{"}月{"}"}、{"{"}日{"}"}（2 位）、{"{"}序号{"}"}（任意位数）或 {"{"}序号:5{"}"}（5 位，不足补 0），例如 index_no_format: 014314799/{"{"}年{"}"}-{"{"}序号:5{"}"}
config-index-format-empty = 格式是空的
config-index-format-unclosed = 有一个“{"{"}”没有对应的“{"}"}”
config-index-format-stray-brace = 有一个“{"}"}”前面没有对应的“{"{"}”
config-index-format-unknown = 大括号里的「{ $name }」不是能用的名字（能用的是 年、月、日、序号，年、月也可以写成 年份、月份）
config-index-format-digits-only-seq = 只有序号能规定位数，「{ $name }」的位数是固定的
config-index-format-bad-digits = 序号的位数「{ $digits }」应是 1 到 12 之间的数字
config-index-format-twice = 年、月、日或序号在格式里出现了两次
config-check-as = 栏目 { $slug } 的 check_as: 写的「{ $value }」不是能用的栏目类别
config-check-as-hint = 写 动态、通知公告、政策 或 其他 中的一个：检查“栏目不更新”时，动态类 2 周、通知公告和政策类 6 个月内要有新信息；年度工作报告、工作总结这类栏目写 其他
