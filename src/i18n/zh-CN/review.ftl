# gongkai review: every agency's annual report of a year at once
# (src/review/, src/cmd/review.rs).

review-source-not-found = 找不到这个文件或文件夹
review-source-not-report = 这个文件不是年度报告：能审查的是年度报告的 YAML 文件、gongkai 网站的文件夹，以及已公开报告的 .html、.docx、.txt 文件
review-source-unreadable-type = 读不了 .{ $kind } 文件：能审查的是年度报告的 YAML 文件，以及已公开报告的 .html、.docx、.txt 文件
review-source-unreadable-hint = 用 Word 或 WPS 打开，另存为 .docx 或纯文本 .txt，再审查
review-agency-from-folder = 报告没有写单位名称（agency），按所在文件夹的名字算作「{ $agency }」
review-agency-from-folder-hint = 在报告开头加一行 agency: 单位全称，和应报名单上的写法一致

review-status-read = 已读取
review-status-unread = 读取失败
review-status-missing = 缺报
review-unread-group = 没能读取的文件（不算哪一家单位的报告）
review-blank-original-hint = 原件这些格是空白的：数字是 0 的格，公开的报告里应写 0
review-published-missing-original = 原件里找不到发布日期：看不出是哪天公开的，也就判断不了是否按期公开
review-published-missing-original-hint = 在报告末尾署名的下一行写上发布日期，如 2024年1月30日（网页上要写明发布日期）
review-original-rule-hint = 原件已经公开，只能由报告单位改正：请报告单位核对原件中的这些数字，确有错误的，改正后重新公开
review-original-cell-hint = 原件这一格应只填数字（件数填 0 或以上的整数，本年增/减填带正负号的数）：请报告单位改正原件后重新公开
review-original-narrative-hint = 请报告单位核对原件文字里的这个数字和表格中对应的单元格，改正写错的一处后重新公开
review-original-edition-hint = 2020 年度及以前的报告用国办公开办函〔2019〕60号的格式，2021 年度起用国办公开办函〔2021〕30号的格式：请报告单位以后按规定的格式编写
review-original-structure-hint = 原件的这个标题或行和规定格式的写法不一致：请报告单位以后照规定格式的写法编写

review-duplicate = { $agency } 的 { $year } 年度报告不止一份，另见：{ $others }
review-duplicate-hint = 确认哪一份是正式公开的报告，把另一份移出审查的文件夹；在这之前两份都不计入汇总
review-missing = { $agency } 没有 { $year } 年度报告：应在 { $due } 前公开（report_deadline { $deadline }）
review-missing-hint = 请该单位按期公开年度报告，并把报告文件（或它的网站）加入审查
review-missing-not-due = 还没到截止日期 { $due }，到期前提醒该单位按时公开
review-unexpected = 单位「{ $agency }」不在应报名单 { $list } 里
review-unexpected-near = 名单上有「{ $name }」，是不是同一个单位？两处的写法要一字不差
review-unexpected-hint = 核对单位名称；新增的单位请加进名单

review-left-out-unread = 没能读成报告
review-left-out-duplicate = 同一单位同一年度有两份报告
review-left-out-edition = 用的是 { $edition } 版格式，这一年度应该用 { $expected } 版
review-left-out-findings = 有 { $count } 处错误或对不上的勾稽关系（{ $codes }）

review-clean = 没有发现问题
review-heading = { $year } 年度政府信息公开工作年度报告审查（截至 { $as_of }）：{ $agencies } 家单位，{ $reports } 份报告{ $unread ->
        [0] {""}
       *[other] ，另有 { $unread } 个文件没能读取
    }
review-heading-no-year = 政府信息公开工作年度报告审查（截至 { $as_of }）：没有读到任何报告
review-row = { $year } 年度，{ $edition } 版格式，来源 { $source }，发布日期 { $published }
review-no-date = 未写
review-row-unread = { $source }：没能读成年度报告
review-row-missing = 缺 { $year } 年度报告
review-summary = 合计：{ $errors } 份有错误，{ $warnings } 份有警告或提示，{ $clean } 份没有问题，{ $missing } 家单位缺报告{ $unread ->
        [0] {""}
       *[other] ；{ $unread } 个文件没能读取
    }
review-sum-heading = { $year } 年度汇总（{ $edition } 版格式）：{ $count } 份报告相加
review-sum-left-out = 没有计入汇总的报告：
review-sum-none = 没有可以相加的报告

review-col-agency = 单位
review-col-year = 年度
review-col-edition = 格式版本
review-col-source = 来源
review-col-published = 发布日期
review-col-status = 状态
review-col-severity = 严重程度
review-col-code = 代码
review-col-place = 位置
review-col-message = 问题
review-col-fix = 改法

review-html-summary = 各单位报告一览
review-html-findings = 各单位的问题
review-html-other = 其他

review-no-paths = 错误：请写出要审查的报告文件、网站或文件夹，如 gongkai review 各单位报告/
review-written = 审查结果已写入 { $path }
review-output-failed = 没能写入审查结果 { $path }：{ $why }
review-deadline-unknown = deadlines 里写的「{ $agency }」不在 agencies 的名单里，它的截止日期用不上
review-deadline-unknown-near = 是不是「{ $near }」？名称要和 agencies 里写的一样
