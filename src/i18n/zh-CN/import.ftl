# gongkai import report: reading a published annual report.

import-cannot-read = 无法读取这个文件：{ $reason }
import-unsupported = 不能读取 .{ $kind } 文件。导入能读取网页（.html、.htm、.shtml）、Word 文档（.docx）和纯文本（.txt）；请在 Word 或 WPS 里打开原件，“另存为”Word 文档（.docx）或网页（.html）后再导入
import-not-docx = 这个文件不是 Word 文档（.docx）：打不开，或里面没有正文。请用 Word 或 WPS 打开后重新另存为 .docx
import-bad-docx = 这个 Word 文档（.docx）已损坏，正文读不出来。请用 Word 或 WPS 打开后重新另存为 .docx
import-place-table = （第 { $table } 个表格第 { $row } 行）
import-place-para = （第 { $para } 段）
import-not-report = 这个文件里没有政府信息公开工作年度报告：找不到“一、总体情况”到“六、其他需要报告的事项”中的任何一个部分，也找不到报告的表格
import-no-year = 看不出这份报告是哪一年的（标题里没有年份）。请在命令里加上 --year 年度，例如 --year 2023
import-no-edition = 看不出这份报告用的是哪一版格式。请在命令里加上 --edition 2019 或 --edition 2021
import-missing-row = 没有找到“{ $row }”这一行（{ $edition } 版格式规定的行），报告没有导入
import-no-part = 没有找到“{ $part }”这一部分，导入后这一部分是空的
import-cell-kept = “{ $row }”的“{ $column }”一格原件写作“{ $printed }”，不是数字，照录为文字
import-cell-unit = “{ $row }”的“{ $column }”一格原件写作“{ $printed }”，只取了其中的数字
import-cell-missing = “{ $row }”这一行少了“{ $column }”一格，按空白录入
import-rule = 原件的勾稽关系不成立，已按原件照录：{ $detail }
import-no-date = 没有找到发布日期，导入后请在文件里写上 published: YYYY-MM-DD
import-exists = { $path } 已经存在，导入不会覆盖它；确需重新导入，请先把它移走或改名
import-same-year = { $path } 与 { $other } 是同一年的报告，只能导入一份
import-no-site = 这里不是 gongkai 网站的文件夹（找不到 site.yaml）。请在网站文件夹里运行，或用 --root 指明；只想看导入结果可以加 --dry-run
import-no-column = site.yaml 里没有年度报告栏目（kind: reports）
import-bad-config = site.yaml 有错误，先改正它再导入
import-cannot-write = 无法写入 { $path }：{ $reason }
import-summary = { $file }：{ $year } 年度，{ $edition } 版格式，{ $agency }；读出 { $rows } 行 { $cells } 格，其中空白 { $blanks } 格；警告 { $warnings } 条
import-no-agency = 未找到机关名称
import-wrote = 已写入 { $path }
import-nothing-written = 有错误，没有写入任何文件
