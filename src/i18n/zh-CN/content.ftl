# Messages of content (content/*.rs except attachments.rs), fsx.rs,
# scheme.rs and validate.rs.

## Reading files (fsx.rs)

fsx-not-utf8-gbk = 文件的编码不对：它是用 GBK 编码保存的（中文 Windows 的老程序常这样存），gongkai 只能读 UTF-8 编码。请用 WPS 或记事本打开它，点「另存为」，编码选「UTF-8」后保存
fsx-not-utf8 = 文件的编码不对（看起来是 { $guess }），gongkai 只能读 UTF-8 编码。请用 WPS 或记事本打开它，点「另存为」，编码选「UTF-8」后保存
fsx-failed-read = 读取「{ $path }」失败：{ $reason }
fsx-failed-metadata = 读取「{ $path }」的文件信息失败：{ $reason }
fsx-failed-create-dir = 创建文件夹「{ $path }」失败：{ $reason }
fsx-failed-create = 新建「{ $path }」失败：{ $reason }
fsx-failed-write = 写入「{ $path }」失败：{ $reason }
fsx-failed-replace = 替换「{ $path }」失败：{ $reason }
fsx-failed-remove = 删除「{ $path }」失败：{ $reason }
fsx-failed-open = 打开「{ $path }」失败：{ $reason }
fsx-failed-lock = 锁定「{ $path }」失败：{ $reason }
fsx-failed-list = 列出「{ $path }」里的文件失败：{ $reason }
fsx-failed-other = 处理「{ $path }」失败：{ $reason }

## Names in addresses (content/mod.rs): the slug is the file or folder
## name, or slug: at the top of the file

content-slug-empty = 网址名（slug）是空的
content-slug-slash = 网址名「{ $slug }」里有「/」：网址名只能是一段，不能有斜杠
content-slug-dot = 网址名不能只写一个点「.」：请写一个由字母、数字或汉字组成的名字
content-slug-dots = 网址名「{ $slug }」里有「..」
content-slug-control = 网址名「{ $slug }」里有看不见的控制字符
content-slug-url-sign = 网址名「{ $slug }」里有「{ $sign }」，它在网址里{ $role }：请改用字母、数字、「-」或「_」
content-slug-hidden = 网址名「{ $slug }」以「.」开头（这样的文件不会发布）
content-slug-space = 网址名「{ $slug }」里有空格：请改用「-」
content-slug-reserved = 网址名「{ $slug }」留给栏目的列表页用了，请换一个
content-url-sign-query = 表示查询的开始
content-url-sign-fragment = 表示页内位置的开始
content-url-sign-escape = 表示转义的开始

## Dates (content/date.rs)

content-date-bad = 日期「{ $value }」读不懂：请写成 2025-12-03、2025-12-3 或 2025年12月3日；要写时间就在后面空一格加上，例如 2025-12-03 9:30
content-date-no-such-month = 日期「{ $value }」不存在（月份只有 1 到 12）：请写成 2025-12-03、2025-12-3 或 2025年12月3日
content-date-no-such-day = 日期「{ $value }」不存在（这个月没有这一天）：请写成 2025-12-03、2025-12-3 或 2025年12月3日

## The content folder (content/load.rs)

content-no-content-folder = 没有 content 文件夹：所有栏目都是空的
content-not-a-column = 文件夹「{ $name }」不是 site.yaml 里的栏目，不会发布
content-not-a-column-hint = 是不是想放进「{ $slug }」？或者在 site.yaml 里加上这个栏目
content-column-title-not-folder = 栏目「{ $title }」的文件夹是 content/{ $slug }：把里面的文件移到那里
content-file-outside-columns = 「{ $name }」直接放在 content 文件夹里，不属于任何栏目，不会发布
content-file-outside-columns-hint = 把它放进某个栏目的文件夹；用不到的话请删掉或移走
content-unknown-file = 「{ $name }」不会发布：它不是内容文件（.md），也没有被哪条内容列为附件
content-unknown-file-hint = 要发布成一条内容，请改成 .md 文件并在开头写上 title 和 date；要作为附件，请在那条内容开头的 attachments: 里写上它的文件名；用不到的话请删掉或移走
content-unknown-file-rename-md = 把扩展名改成 .md 就会作为一条内容发布
content-office-lock-file = 「{ $name }」是 WPS 或 Word 打开「{ $original }」时留下的临时文件，不会发布；关掉那个文件后它一般会自己消失，没有消失的话可以删掉
content-page-missing = 栏目「{ $slug }」是单页栏目，但还没有这一页：请新建这个文件
content-cannot-list = 列出文件夹里的文件失败：{ $reason }
content-bad-file-name = 文件名的编码不对，读不出来：请给这个文件重新起个名字
content-folder-without-index = 文件夹「{ $name }」里没有 index.md，不会发布
content-folder-without-index-hint = 一条内容放在文件夹里时，正文要写在文件夹里的 index.md 中
content-no-title = 文件开头 --- 之间缺少 title:（标题）
content-no-title-hint =
    文件要这样开头：
    ---
    title: 标题
    date: 2024-03-01
    ---
content-no-date = 文件开头 --- 之间缺少 date:（发布日期）
content-no-date-hint = 加上一行，例如 date: 2024-03-01 或 date: 2024-03-01 9:30
content-written-date = written:（成文日期）{ $problem }
content-slug-from-file-name = { $problem }（网址名来自文件名：请给文件改名，或在文件开头写上 slug:）
content-future-report = { $year } 年度报告的公开日期是 { $date }，在 { $today } 之后，这次先不发布；到那天重新生成网站就会发布（加上 --future 现在就发布）
content-future-item = 发布日期是 { $date }，在 { $today } 之后，这次先不发布；到那天重新生成网站就会发布（加上 --future 现在就发布）

## Links in Markdown (content/index.rs)

content-link-outside = 链接「{ $dest }」指向了网站以外的文件夹
content-link-missing = 链接「{ $dest }」指向的页面或文件在网站里找不到
content-link-missing-beside = 图片或文件「{ $dest }」在网站里找不到：只写成一个 .md 文件的信息不会发布它旁边的文件。要带图片或文件，请把这条信息改成文件夹：新建文件夹「{ $stem }」，把 { $stem }.md 移进去改名为 index.md，图片和文件也放进这个文件夹
content-link-scheduled = 链接「{ $dest }」指向的内容定于 { $date } 发布，现在还没有发布，链接会打不开：请等那天再加这个链接，或把两条内容定在同一天发布（也可以加 --future 现在就全部发布）

## Link schemes (scheme.rs)

scheme-refused-link = 链接「{ $dest }」以「{ $scheme }:」开头，不能使用：链接只能以 http://、https://、mailto:（邮箱）、tel:（电话）开头，或写网站内的地址
scheme-refused-image = 图片「{ $dest }」的地址以「{ $scheme }:」开头，不能使用：链接只能以 http://、https://、mailto:（邮箱）、tel:（电话）开头，或写网站内的地址

## The command line (cmd/mod.rs SiteArgs)

cli-arg-future = 同时发布发布日期（date:）在今天以后的内容；check 加 --as-of 时指那一天以后

## The --- block at the top of a file (content/frontmatter.rs)

content-front-matter-unclosed = 文件第 1 行的「---」没有结束：在标题、日期等信息的下面再加一行「---」，然后再写正文
content-front-matter-dashes = 文件第 1 行「{ $written }」应是三个英文减号「---」（关掉中文输入法再输入）
content-front-matter-no-opening = 文件第 1 行缺少「---」：标题、日期等信息要写在两行「---」之间，第一行先写「---」
content-front-matter-closing-dashes = 文件第 { $line } 行「{ $written }」应是三个英文减号「---」（关掉中文输入法再输入）
content-front-matter-no-fences = 文件开头缺少两行「---」：标题、日期等信息要写在两行「---」之间（第一行写「---」，这些信息写完后再写一行「---」），然后再写正文
content-rollup-source-missing = 汇总栏目「{ $slug }」的来源「{ $source }」不存在（相对网站文件夹）
content-rollup-source-holds-site = 汇总栏目「{ $slug }」的来源「{ $source }」包含了本网站自己的文件夹，不能用：请写各单位网站或报告所在的文件夹，例如 ../caizheng
validate-rollup-left-out = 汇总栏目「{ $slug }」的 { $year } 年度合计没有计入这些报告：{ $agencies }
validate-report-template = { $year } 年度报告还是 gongkai new report 生成的样稿：这一行起还留着示例文字（括号里的提示），照这样发布，读者看到的是样稿
content-changed-while-building = 生成网站的过程中，这个文件被改动了（前后两次读到的内容不一样）
content-changed-while-building-hint = 等文件保存好后再生成一次（gongkai serve 会自动重新生成）

# Warnings about a body (content/body.rs).
body-empty = 这条信息没有正文，也没有附件，读者点开什么也看不到
body-code = 这段文字开头有 4 个或更多空格，网页上会显示成代码框（带底色、等宽字体），不是普通段落
body-code-hint = 删掉段首的空格；整篇从 Word 粘贴的文章也可以在文件开头写 line_breaks: paragraph
body-joined = 这一行开头是全角空格「　　」，像是从 Word 粘贴的新一段，但它会和上一行连成一段显示
body-joined-hint = 要一行一段，在文件开头的信息里写 line_breaks: paragraph；或在两段之间空一行
body-html = 这里是 HTML 代码（常见于从 Word 或网页复制的文字），网页上会把代码原样显示出来，到下一个空行为止其中的链接和图片也不会生效
body-html-hint = 删掉尖括号 < > 里的代码只留文字，或用「选择性粘贴 → 纯文本」重新粘贴
body-markup = 这里的图片或链接没有生效，会把方括号和圆括号原样显示在网页上
body-markup-hint = 地址里不能有空格：把文件名里的空格去掉，或把地址放在尖括号里，例如 ![现场照片](<照片 1.jpg>)

# Links out of the site (content/inside.rs).
content-link-outside-site = 这是一个指向网站文件夹外面的链接（快捷方式），不会读取和发布
content-link-outside-site-hint = 请把文件本身复制到这里，删掉这个链接
fsx-link-in-output = 输出文件夹里的「{ $path }」是一个链接（指向 { $to }）：通过它写文件会写到网站以外，所以没有生成；请删掉这个链接再生成
validate-index-twice = 索引号「{ $index_no }」在 { $other } 里也用了：一个索引号只能对应一条信息
validate-written-late = 成文日期 { $written } 晚于发布日期 { $date }：文件应先成文后发布，请核对这两个日期
content-attachment-key = 附件这一项里的「{ $key }」不认识：只能写 file（文件名）和 title（显示的标题）
content-attachment-twice = 附件「{ $file }」列了两次：只发布一次，删掉重复的这一行
validate-index-format = 索引号「{ $index_no }」不合本站的索引号格式 { $formats }（site.yaml 的 index_no_format:）
validate-index-format-hint = 照格式应写成 { $example } 这样：固定的部分照抄，年份、序号的位数要对，不足的前面补 0
validate-index-full-width = 索引号里有全角的数字或符号，请改成半角：{ $fixed }
validate-index-wrong-year = 索引号「{ $index_no }」里的{ $what }，与这条信息的{ $dates } 不符，可能是复制旧信息时没有改
validate-index-wrong-year-hint = 核对索引号和日期；索引号按发布（或成文）的年份编号，例如 { $example }
validate-index-year = 年份 { $year }
validate-index-year-month = 年月 { $year }年{ $month }月
validate-index-date = 发布日期 { $date }
validate-index-date-written = 成文日期 { $date }
validate-index-dates-both = 发布日期 { $published }、成文日期 { $written }
body-table-cells = 这几行没有显示成表格，网页上会原样显示竖线：表头有 { $header } 格，下一行的分隔行有 { $separator } 格，两者要一样多
body-table-no-separator = 这几行没有显示成表格，网页上会原样显示竖线：表头下面缺少 |---|---| 这样的分隔行
body-table-hint = 在表头下面写一行分隔行，每格写 ---，格数和表头一样，例如 | 序号 | 姓名 | 下面写 |---|---|
