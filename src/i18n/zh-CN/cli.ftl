# The command line: help texts (cmd/usage.rs finds them by command and
# argument: cli-<command>-<argument>, or cli-arg-<argument> for an argument
# several commands share) and clap's errors said again.

cli-about = gongkai（公开）：政府信息公开专栏的静态网站生成工具
cli-examples =
    示例：
      gongkai build                      把当前文件夹的网站生成到 public/
      gongkai build --root ~/portal      生成另一个文件夹里的网站
      gongkai build --base-url https://www.example.gov.cn/xxgk/
      gongkai check --as-of 2024-06-30   按全国网站检查指标检查网站
      gongkai init my-portal             新建一个公开专栏网站
      gongkai new report 2024            写入 2024 年度报告的填报表
      gongkai import report 2023.docx    导入已经发布的 2023 年度报告（也可以是网页、纯文本）
      gongkai serve --open               编辑时预览；保存后页面自动刷新
      gongkai explain report.rule-a      查看某类问题的含义和改法
      gongkai review 各单位/ --year 2024 --sum   审查并汇总各单位的年度报告

    退出码：0 成功；1 网站文件有错误；2 命令用法错误或读写失败。
    设置 GONGKAI_LANG=en 或加 --lang en 显示英文。
cli-heading-usage = 用法:
cli-heading-commands = 命令
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-value-command = 命令

cli-arg-help = 显示帮助
cli-arg-version = 显示版本号
cli-arg-lang = 提示信息的语言：zh（中文，默认）或 en（英文）；也可设置环境变量 GONGKAI_LANG
cli-arg-root = 网站所在的文件夹（放 site.yaml 的那个）；默认从当前文件夹往上找
cli-arg-drafts = 同时生成标了 draft: true 的草稿

cli-help-about = 显示帮助，或某个命令的帮助
cli-help-subcommand = 要查看帮助的命令

cli-build-about = 生成网站，写入输出文件夹
cli-build-output = 输出文件夹（默认：site.yaml 里的 output，没有则为 public）
cli-build-base-url = 网站的正式地址，例如 https://www.example.gov.cn/xxgk/
cli-build-no-minify = 不压缩 HTML，按模板原样写出
cli-build-force = 允许写入一个不是 gongkai 建的、已有文件的输出文件夹
cli-build-watch = 持续运行：每次保存文件后重新生成并写入

cli-check-about = 按全国政府网站检查指标检查网站（不写任何文件）
cli-check-as-of = 以这一天为准检查，写作 YYYY-MM-DD（默认：今天，北京时间）
cli-check-format = 输出格式：text（给人看，默认）或 json（给 CI 等程序用）
cli-check-external = 同时访问站外链接（要联网；每个最多等 15 秒，最多 200 个）

cli-explain-about = 说明某类问题代码的含义和改法；不写代码则列出全部
cli-explain-code = 问题代码，和问题一起显示（如 report.rule-a）；不写则列出全部

cli-init-about = 新建一个公开专栏网站，带默认的八个栏目
cli-init-dir = 新网站的文件夹（没有就新建；里面不能已有 site.yaml）

cli-new-about = 按模板新建文件（如年度报告）
cli-new-report-about = 写入某年的政府信息公开工作年度报告填报表
cli-new-report-year = 报告的年度，如 2024（即 2025 年初发布的那份）
cli-new-report-edition = 格式版本：2019（国办公开办函〔2019〕60号）或 2021（〔2021〕30号）；默认 2020 年度及以前用 2019 版，2021 年度起用 2021 版
cli-new-report-column = 年度报告栏目在 content/ 下的文件夹名

cli-import-about = 导入已经发布的文件（如年度报告）
cli-import-report-about = 把已发布的政府信息公开工作年度报告（网页、.docx 或纯文本）导入为年度报告文件
cli-import-report-files = 要导入的文件：保存下来的网页（.html/.htm/.shtml）、Word 文档（.docx）或纯文本（.txt），可以写多个
cli-import-report-year = 报告的年度；标题里没有年份时必须写，如 --year 2023
cli-import-report-edition = 格式版本：2019 或 2021；看不出版本时必须写
cli-import-report-dry-run = 只显示导入结果（YAML），不写文件
cli-import-report-column = 年度报告栏目在 content/ 下的文件夹名

cli-serve-about = 编辑时预览网站：保存后自动重新生成、刷新页面
cli-serve-bind = 监听的地址；127.0.0.1 表示只在本机预览
cli-serve-port = 端口（默认 1111）；被占用时自动用下一个空闲端口（0：任意空闲端口）
cli-serve-open = 在浏览器中打开预览

cli-review-about = 一次审查各单位的政府信息公开工作年度报告（格式、勾稽关系、空格、逾期、缺报），可汇总相加
cli-review-paths = 年度报告的 YAML 文件、gongkai 网站的文件夹、放报告的文件夹（含已公开的 .html、.docx、.txt），可以混着写
cli-review-year = 审查的年度，如 2024（默认：读到的报告里最新的年度）
cli-review-as-of = 以这一天为准判断逾期和缺报，写作 YYYY-MM-DD（默认：今天，北京时间）
cli-review-format = 输出格式：text（按单位分组，默认）、json（给程序用）、csv（每个问题一行，Excel 可直接打开）、html（一个网页，可作通知的附件）
cli-review-output = 写入这个文件，不在屏幕上显示
cli-review-expect = 应报单位名单：每行一个单位名称的文本文件，或 review.yaml（默认：当前文件夹里有 review.yaml 就用它）
cli-review-sum = 加上这一年度所有没有问题的报告相加的汇总表（第二、三、四部分），并列出没有计入的报告和原因

cli-err-bad-lang = 错误：不认识语言「{ $name }」，请写 zh（中文）或 en（英文）
cli-err-unknown-arg = 错误：没有「{ $arg }」这个选项
cli-err-unknown-command = 错误：没有「{ $name }」这个命令
cli-err-invalid-value = 错误：{ $arg } 不能是「{ $value }」，可以写：{ $valid }
cli-err-bad-value = 错误：{ $arg } 的值「{ $value }」不对：{ $why }
cli-err-missing-arg = 错误：缺少 { $arg }
cli-err-missing-command = 错误：请写出要执行的命令，如 gongkai build
cli-err-conflict = 错误：{ $arg } 和 { $other } 不能同时使用
cli-err-too-many = 错误：{ $arg } 只能写一次
cli-err-value-count = 错误：{ $arg } 后面的值个数不对
cli-err-other = 错误：命令写得不对（{ $detail }）
cli-err-did-you-mean = 是不是想写：{ $name }
cli-err-see-help = 用 { $command } --help 查看用法
cli-err-new-what = gongkai new 只新建年度报告（如 gongkai new report 2024）；通知、文件等是栏目文件夹（如 content/tzgg/）里的 .md 文件，复制一篇已有的改写即可

explain-unknown = 错误：没有「{ $code }」这个问题代码；gongkai explain 会列出全部代码
explain-unknown-near = 错误：没有「{ $code }」这个问题代码（是不是「{ $near }」？）；gongkai explain 会列出全部代码
explain-severity = 严重程度：{ $severity }
explain-severity-also = ；{ $when }
explain-fix = 改法：{ $fix }
cli-err-not-a-day = 「{ $value }」不是日期，请写成 2024-06-30、2024-6-30 或 2024年6月30日
cli-err-not-a-year = 「{ $value }」不是年份，请写 1990 到 2200 之间的四位数，如 2024

cli-check-after =
    栏目不更新：列表栏目从最新一条的日期算到 --as-of 那天，按 site.yaml 的 update_within，
    没写则按栏目类别：动态类 2 周，通知公告、政策类 6 个月，其他 1 年。类别按 site.yaml 的 check_as:，没写则按栏目名称
    （含 动态/要闻/新闻 或以“工作”结尾的算动态类，含 通知/公告/政策 的算通知公告、政策类）。
    单页栏目按页面上显示的更新日期（_index.md 里的 date:）计算，没写更新日期的算作不更新。年度报告栏目只在写了 update_within 时计算，否则按年度报告的
    发布期限检查；当年的报告缺了时只报缺少报告，不再重复算作不更新。空栏目算作空白栏目，不再重复算作不更新。全站 14 天内没有任何新内容时，
    首页不更新。

    退出码：0 没有单项否决；1 有单项否决或网站文件有错误；2 命令用法错误或读写失败。
