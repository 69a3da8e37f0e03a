# Messages of report (see catalogue.rs for the owner modules).

# Lists inside messages.
report-list-sep = 、
report-list-and = 和
report-list-semi = ；
# A follow-on finding printed under its cause (report/mod.rs).
report-follow-on = 由此引起
report-place-file = 报告文件


# What a value is, in "这里写的是…" (English uses the YAML reader's words).
report-kind-nothing = 空白
report-kind-bool = true/false
report-kind-number = 数字
report-kind-text = 文字
report-kind-list = 列表
report-kind-mapping = 一组「名称: 内容」

# Reading the file (report/mod.rs, parse/).
report-yaml-invalid = 文件格式有误：{ $detail }
report-not-mapping = 年度报告文件应由 year:、published: 等信息和六个部分组成，这里写的是 { $found }
report-missing-parts = 缺少以下部分：{ $parts }
report-prose-not-text = { $place }：这里应写文字，这里写的是 { $found }
report-row-shape = { $name }：应写成 { $n } 个单元格（{ $columns }）{ $alt }，这里写的是 { $found }
report-row-shape-alt = ，或不写「{ $total }」只写 { $n } 个
report-found-cells = { $count } 个单元格
report-thousands = 数字里不要写千位分隔的逗号：「{ $written }」要写成 { $number }
report-cell-misfit = { $name }「{ $column }」栏：「{ $written }」应只写{ $want }
report-cell-unit = { $name }「{ $column }」栏：「{ $written }」带了单位，按 { $number } 计算，页面上显示 { $number }
report-cell-unit-hint = 只写数字：{ $number }
report-want-count = 数字（0 或以上的整数）
report-want-signed = 整数（可写成 +19 或 -3）
report-want-decimal = 数字（如 4068.208）
report-want-text = 数字或简短文字
report-blank = { $name }：「{ $columns }」栏空白（共 { $count } 格），页面上显示为空，按 0 计算
report-blank-hint = 原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~
report-key-twice = { $place }：「{ $key }」写了两次
report-other-edition = { $place }：「{ $key }」是 { $edition } 版格式的，本报告用的不是这一版
report-other-edition-hint = 如果本报告按 { $edition } 版格式填写，请在文件开头写 `edition: { $edition }`；否则删去「{ $official }」
report-misplaced = 「{ $key }」写在了「{ $place }」下面，位置不对：它应写在「{ $parent }」下一层
report-misplaced-hint = 把这一行放到「{ $parent }」下一层，和「{ $sibling }」对齐（行首 { $spaces } 个空格）{ $group ->
        [true] ，它下面的各行也一起移过去
       *[other] {""}
    }
report-misplaced-hint-alone = 把这一行放到「{ $parent }」下一层（行首 { $spaces } 个空格）{ $group ->
        [true] ，它下面的各行也一起移过去
       *[other] {""}
    }
report-misplaced-hint-no-parent = 这里还没有「{ $parent }」这一行：先加一行「{ $parent }:」（行首 { $parent_spaces } 个空格），再把这一行{ $kin ->
        [0] {""}
       *[other] 和下面同样属于「{ $parent }」的 { $kin } 行
    }放到它下一层（行首 { $spaces } 个空格）{ $group ->
        [true] ，它下面的各行也一起移过去
       *[other] {""}
    }
report-misplaced-twice = 「{ $key }」写在了「{ $place }」下面，位置不对：它应写在「{ $parent }」下一层，而那里第 { $line } 行已经写了这一行
report-misplaced-twice-hint = 核对两处的数字，把正确的数字留在第 { $line } 行，再删去这一处
report-unknown-key = { $place }：没有「{ $key }」这一行或标题
report-did-you-mean = 是不是「{ $label }」？
report-unknown-stands-for = { $place }：表上没有「{ $key }」这一行，是不是「{ $label }」？这一行的数字已按「{ $label }」核对
report-write-label = 改成「{ $label }」
report-expected-one-of = 这里应是以下之一：{ $labels }
report-old-label = { $place }：「{ $written }」是旧版格式的名称，{ $edition } 版格式写作「{ $official }」，页面上按「{ $official }」发布
report-part2-not-mapping = { $part }：应在下面分别写 第二十条第（一）项 等各表，这里写的是 { $found }
report-part2-missing = { $part }：缺少 { $missing }
report-rows-not-mapping = { $place }：应在下面逐行写各行，这里写的是 { $found }
report-missing-rows = { $place }：缺少以下各行：{ $rows }
report-group-not-mapping = { $place }：应在下面写带编号的各行，这里写的是 { $found }
report-group-as-row = { $label }：在 { $edition } 版格式中，这一项下面还有 { $rows } 这几行，本身不填数字
report-row-as-group = { $label }：在 { $edition } 版格式中，这是一行 7 个数字，下面没有分行
report-shape-other-edition = { $edition } 版格式是这里这样写的：如果本报告按那一版填写，请写 `edition: { $edition }`
report-part4-not-mapping = { $place }：应在下面分别写 { $rows }，这里写的是 { $found }

# The envelope (parse/envelope.rs).
report-reproduces-not-bool = `reproduces_original:` 只能写 true 或 false
report-year-not-year = `year:` 应写四位数的年份，如 2020
report-year-missing = 缺少 `year:`（报告的年度，如 2020）
report-edition-bad = `edition:` 只能写 2019 或 2021
report-edition-bad-hint = 2019 是国办公开办函〔2019〕60号的格式，用于 2019、2020 年度报告；2021 是国办公开办函〔2021〕30号的格式
report-field-not-text = `{ $key }:` 应写文字
report-published-missing = 缺少 `published:`（报告的公开日期，如 2021-01-29）
report-published-bad = `published:` 应写日期，如 2021-01-29，这里写的是「{ $written }」
report-date-no-such-day = `{ $key }:` { $problem }
report-published-too-early = 公开日期 { $date } 在 { $year } 年结束之前：年度报告要在报告年度结束后才能公开，请检查 `published:` 或 `year:`
report-year-mismatch = 文件名是「{ $file }」，但 `year:` 写的是 { $year }：请让二者一致（{ $stem } 年的报告用 { $stem }.yaml），否则会顶替 { $year } 年的报告

# The arithmetic (rules.rs).
report-rule-a = { $part }「{ $column }」栏：一、本年新收 { $a } + 二、上年结转 { $b } = { $left }，但 三（七）总计 { $t } + 四、结转下年度 { $o } = { $right }（第一项加第二项之和应等于第三项加第四项之和）
report-rule-b = { $name }：「总计」栏{ $given }，但 { $first }至{ $last } 合计是 { $sum }
report-rule-c = { $name }「{ $column }」栏{ $given }，但（一）至（六）合计是 { $sum }
report-blame = { $row }「{ $column }」栏填的是 { $given }，但以下 { $count } 处核对都说明这一格应是 { $expected }：
report-given = 填的是 { $value }
report-given-blank = 空白（按 0 计算）
report-given-text = 填的是「{ $written }」（不是数字，按 0 计算）
report-term-text = 「{ $written }」（按 0 计）
report-term-blank = 空白（按 0 计）
report-rule-f = { $year } 年的「{ $this_label }」与 { $place } 中 { $prev } 年的「{ $prev_label }」不一致：{ $diffs }
report-rule-f-diff = { $column }今年 { $this }，上年 { $prev }
report-rule-g = { $caption } { $row }：「现行有效件数」{ $now }，但 { $year } 年的 { $before } + 本年制发 { $made } − 本年废止 { $repealed } = { $expected }
report-rule-g-hint = 这只是提示：文件也可能到期失效而没有废止
report-kept-as-published = 已按原件照录（reproduces_original），页面在表格下方注明
report-edition-kept-hint = 原件就是用这一版格式签发的，已按原件照录（reproduces_original），不用改
report-cell-kept-hint = 原件这一格就是这样写的，已按原件照录（reproduces_original），页面照原件显示；只有和原件不一致时才要改
report-sum-editions = { $a } 版格式的报告不能与 { $b } 版格式的报告相加：两者的表格不同
report-sum-shape = 报告的「{ $what }」与其格式版本的表格不符

# gongkai new report (cmd/new.rs).
report-new-wrote = 已写入 { $path }（{ $edition } 版格式）
report-new-copied = 二、上年结转 已从 { $path } 的 四、结转下年度继续办理 复制过来
report-new-exists = 「{ $path }」已经存在，不会覆盖它（如要重写，请先删除或改名）
report-new-unreadable-last = 无法从「{ $path }」读出 四、结转下年度继续办理，二、上年结转 先填 0
report-new-no-site = 当前文件夹和它的上级文件夹里都没有 site.yaml，这里不是网站文件夹：请先进入网站文件夹（放 site.yaml 的那个），或用 --root 指明
report-new-no-column = site.yaml 里没有年度报告栏目（写有 `kind: reports` 的栏目）：请先添加这样的栏目，或用 --column 指明文件夹名
report-new-bad-config = site.yaml 有错误（见上），请先改正
report-new-cannot-write = 无法写入「{ $path }」：{ $reason }
report-new-cannot-read = 无法读取「{ $path }」：{ $reason }

# check's findings about reports (check/reports.rs).
report-check-missing = 缺少 { $year } 年度政府信息公开工作年度报告：应在 { $due } 前公开（report_deadline { $deadline }）
report-check-missing-hint = 用 `gongkai new report { $year }` 生成报告文件，填写后发布
report-check-no-column-hint = 先在 site.yaml 中添加一个 `kind: reports` 的栏目，再运行 `gongkai new report { $year }`
report-check-future = 公开日期 { $date } 晚于今天（{ $today }）：请填写实际公开的日期
report-check-not-yet = { $year } 年度报告的公开日期是 { $date }，按 { $as_of } 检查时还没有公开，不算在内
report-check-not-yet-hint = 公开日期写错了的话，请改 published:，写实际公开的日期
report-check-not-yet-due-passed = 截至 { $as_of }，{ $year } 年度报告还没有公开（公开日期 { $date }），已过截止日期 { $due }（report_deadline { $deadline }）
report-edition-of-year = { $year } 年度报告用的是 { $edition } 版格式（edition: { $edition }），这一年度应该用 { $expected } 版
report-edition-of-year-hint = 2020 年度及以前的报告用 2019 版格式，2021 年度起用 2021 版格式；用 gongkai new report 写出这一年度的正确格式，再把数字填过去
report-overview-topics = 2021 版格式的一、总体情况要分五个方面写，缺少：{ $missing }
report-overview-topics-hint = 在一、总体情况下面按（一）主动公开、（二）依申请公开、（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障分别写（gongkai new report 写出的填报表里有这五个小标题）
report-check-late = { $year } 年度报告在 { $date } 才公开，晚于截止日期 { $due }（report_deadline { $deadline }）
report-check-template = { $year } 年度报告里还留着模板的示例文字（括号里的提示），请换成本单位的实际情况
report-check-zeros = { $year } 年度报告的所有数字都是 0：是不是还没有填写？
report-written-bad = `written:`（成文日期）应写日期，如 2022-01-20，这里写的是「{ $written }」
report-attachments-not-list = `attachments:` 下面应逐行写附件文件名，每行以「- 」开头，如「- 2024.pdf」
report-attachment-bad = 附件应写文件名（如「- 2024.pdf」），或写成「- {"{"}file: 2024.pdf, title: 签发稿{"}"}」
report-narrative = { $place }：「{ $text }」写的是 { $said }，但表格中{ $cell }是 { $value }
report-narrative-cell = { $row }「{ $column }」栏
report-narrative-cells = { $rows }各行「{ $column }」栏之和
report-blank-rows = 「{ $columns }」栏有 { $count } 行空白（第 { $lines } 行），页面上显示为空，按 0 计算
report-row-separators = 数字之间要用英文逗号隔开，整行放在方括号里：写成 { $row }
report-pasted-row = 这一行像是从 Excel 或 Word 粘贴的（中间是 Tab 键）：名称后面写冒号和一个空格，数字用英文逗号隔开放在方括号里，写成「{ $row }」
