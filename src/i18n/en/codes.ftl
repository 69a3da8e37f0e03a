# The codes of findings (diag/codes.rs): for each, a title, the usual fix
# and an explanation, as `gongkai explain CODE` prints them.

code-io =
    .title = a file could not be read or written
    .fix = check that the file exists and can be read, and that the disk is not full
    .explain = gongkai reads the site's files and writes the output folder; this finding names the file and what the system said.

code-config =
    .title = site.yaml has a wrong or missing value
    .fix = correct the value in site.yaml as the message says
    .explain = site.yaml names the site, its columns and its identifiers. Each column needs a unique `slug`, a `title` and a `kind` (list, page or reports); `per_page` is at least 1; `report_deadline` is a day written MM-DD.
    .also = a warning when base_url is a path without a host

code-yaml =
    .title = YAML that cannot be read
    .fix = check the colon after each key (half-width `:` followed by a space), the indentation and the quotes at the position shown
    .explain = site.yaml and the front matter between `---` lines at the top of each Markdown file are YAML. A key gongkai does not know, a value of the wrong kind, or a syntax slip stops the file from being read; the position points at the first problem, with the nearest known key as a hint.

code-front-matter =
    .title = the front matter of an item is missing a field or has a wrong value
    .fix = start the file with `---`, `title: 标题`, `date: 2024-03-01`, `---`, and correct the field named
    .explain = Every notice or document of a list column starts with front matter: at least its title and its 发布日期 (date), written YYYY-MM-DD. Optional fields (written, slug, summary, attachments, 信息索引 fields) must have the form the message names.
    .also = a warning when one attachment is listed twice

code-encoding =
    .title = a file or file name is not UTF-8 text
    .fix = save the file as UTF-8 (in WPS or Notepad: 另存为, 编码 UTF-8), or rename the file
    .explain = gongkai reads text files as UTF-8. Files saved by older Windows programs are often GBK; they must be saved again as UTF-8 before they can be published.

code-unpublished =
    .title = a file or folder under content/ is not published
    .fix = add the column to site.yaml, add the missing index.md or _index.md, or remove the folder
    .explain = Only folders named as columns in site.yaml are published, and a folder item needs its index.md. Anything else under content/ is left out of the site, which is usually a mistake worth knowing about.

code-attachment =
    .title = an attachment is missing or not beside its item
    .fix = put the file in the item's folder under the name given in `attachments:`
    .explain = Attachments are published with their item, so they must be files in the item's own folder. A missing file would be a broken download on the published page.

code-link =
    .title = a link in the text points to no page or file of the site
    .fix = correct the link so it names an existing page or file (relative to the Markdown file), or remove it
    .explain = Links between pages are checked while the site is built: a broken link (错链) is counted against a site in the national inspection, so it stops the build instead of being published.

code-template =
    .title = a template cannot be read or rendered
    .fix = correct the template at the position shown, or remove your copy under templates/ to use the theme's
    .explain = Pages are rendered with the theme's Tera templates, which a site may override file by file in its templates/ folder. A syntax error, an unknown variable or a missing template stops the build.

code-theme =
    .title = the theme named in site.yaml does not exist
    .fix = name a folder of themes/, or remove `theme:` to use the default theme
    .explain = `theme:` in site.yaml names a folder under themes/ of the site; the default theme is built in.

code-duplicate-url =
    .title = two files publish to the same address
    .fix = give one of them another file name or a different `slug:`
    .explain = Each page of the site has one address, made from its column and its file name or `slug:`. Two files with the same address would overwrite each other.

code-empty-column =
    .title = a column is empty (空白栏目)
    .fix = publish at least one item in the column, or remove the column from site.yaml
    .explain = The national inspection counts a column that appears in the navigation with nothing in it as 空白栏目 (扣分). A list column is empty with no published item (drafts do not count), a page column with no text in its _index.md, a reports column with no report.

code-empty-columns =
    .title = five or more columns are empty
    .fix = fill the empty columns or remove them from site.yaml
    .explain = From five 空白栏目 on, the inspection fails the whole site (单项否决).

code-freshness-column =
    .title = a column is not updated (栏目不更新)
    .fix = publish something new in the column, or set `update_within` in site.yaml if the column is updated less often by design
    .explain = A list column is measured from its newest item's date to the day checked, against `update_within` or, when unset, its kind: 动态 2 weeks, 通知公告/政策 6 months, others 1 year; the kind is `check_as:` in site.yaml, else judged from the title (动态/要闻/新闻 or ending in 工作: 动态; 通知/公告/政策: 通知公告/政策). A page column is measured from its 更新日期 (`date:` in its _index.md), 1 year by default; one without it counts as not updated. `gongkai check --help` describes the treatment.

code-freshness-key-columns =
    .title = five or more 动态, 通知公告 or 政策 columns are not updated
    .fix = publish in the stale 动态, 通知公告 and 政策 columns
    .explain = A 动态 column with nothing new for 2 weeks, or a 通知公告 or 政策文件 column with nothing new for 6 months, is stale; from five such columns on, the inspection fails the whole site (单项否决). These periods are the national inspection's and do not follow `update_within` in site.yaml, which decides each column's own finding. A column's kind is `check_as:` in site.yaml (news, notice, policy, other), else judged from its title; a yearly column such as a 工作报告 takes `check_as: other`.

code-freshness-columns =
    .title = ten or more columns are not updated
    .fix = publish in the stale columns
    .explain = From ten stale columns of any kind on, the inspection fails the whole site (单项否决).

code-freshness-home =
    .title = the home page is not updated (首页不更新)
    .fix = publish a notice or news item dated within the last 14 days
    .explain = The home page must show something published within the last two weeks; otherwise the inspection fails the whole site (单项否决).

code-footer-site-code =
    .title = the 网站标识码 is missing or malformed
    .fix = set `identifiers.site_code` in site.yaml to the 10-digit 网站标识码, quoted
    .explain = Every government site shows its 网站标识码 in the footer: 10 digits, the 6-digit 行政区划代码 and 4 more.

code-footer-icp =
    .title = the ICP备案编号 is missing
    .fix = set `identifiers.icp` in site.yaml
    .explain = Every government site shows its ICP备案编号 in the footer.

code-footer-police =
    .title = the 公安机关备案号 is missing
    .fix = set `identifiers.police` in site.yaml
    .explain = Every government site shows its 公安机关备案号 in the footer.

code-metadata-index-twice =
    .title = two items have the same 索引号
    .fix = give one of them its own 索引号 (usually a copy whose number was not changed)
    .explain = The 索引号 is a document's number in the disclosure catalogue: one number, one document. Two items with the same number give readers and inspectors two documents for it; the usual cause is a new item copied from an old one.

code-metadata-written-late =
    .title = the 成文日期 is after the 发布日期
    .fix = check written: (成文日期) and date: (发布日期): a document is written before it is published
    .explain = The 成文日期 is the day the document was signed, the 发布日期 the day it went on the site, and the first always comes first. A 成文日期 after the 发布日期 means one of the two dates is wrong.

code-metadata-index-format =
    .title = a 索引号 does not follow the site's scheme
    .fix = write the 索引号 in a scheme of index_no_format: in site.yaml, with the year the document was published (or written)
    .explain = 索引号 follow one scheme per site (e.g. agency code/year-sequence), by which readers and inspectors look documents up. When site.yaml has index_no_format:, every item's and annual report's 索引号 must follow one of its schemes; where a scheme has a year (month), it must be that of the document's publication or writing date. The usual mistakes are a 0 too few or too many in the sequence number, full-width characters, and an old item's year left in a copy.

code-metadata-missing =
    .title = an item lacks a metadata field its column requires
    .fix = add the field to the item's front matter
    .explain = A column's `require:` list in site.yaml names the 政府信息公开目录 fields (索引号, 发布机构, 文号, …) every item of it must carry.

code-metadata-unknown-key =
    .title = a column requires a metadata field that does not exist
    .fix = write one of the known keys in `require:`
    .explain = `require:` takes front-matter names (`index_no`) or their Chinese names (`索引号`).

code-links-broken =
    .title = a link in the rendered site points to no page (错链)
    .fix = correct the link in the Markdown file or the template named
    .explain = Every address inside the site that a rendered page links to must be a file of the output. A link that many pages share (one in a template) is one finding.

code-links-anchor =
    .title = a link points to an anchor that is not on its page
    .fix = correct the part after `#`, or add the heading or id it names
    .explain = A link with `#name` must find an element with that id on the page it points to.

code-links-attachment =
    .title = an attachment is not in the output
    .fix = put the attachment file beside the item
    .explain = Every attachment an item lists must be published with it.

code-links-http-gov =
    .title = a link to a government site uses plain http
    .fix = link with https:// where the site offers it
    .explain = Links to *.gov.cn sites over plain http:// are listed once per host; most government sites now serve https.

code-links-external-unchecked =
    .title = external links were listed, not fetched
    .fix = run `gongkai check --external` to fetch them
    .explain = Without --external, check never uses the network; external addresses are listed so someone can look at them.

code-links-external =
    .title = an external link does not answer
    .fix = correct or remove the link
    .explain = With --external, each distinct external address is requested once (HEAD, then GET), with a timeout; an address that fails is a broken link of the site.

code-links-external-limit =
    .title = more external links than one run fetches
    .fix = check the rest by hand, or run again later
    .explain = One run fetches at most 200 external addresses, so a check stays short and polite to other sites.

code-report-missing =
    .title = last year's annual report is missing
    .fix = write it with `gongkai new report YEAR`, fill it in and publish it
    .explain = 政府信息公开条例 第四十九条: the previous year's report is published by 1月31日 (site.yaml `report_deadline` sets another day, e.g. for 街道 and 乡镇).
    .also = a notice until the deadline has passed

code-report-yaml =
    .title = the report file is not valid YAML
    .fix = fix the YAML syntax at the position shown (colons, indentation, brackets)
    .explain = A report file must be valid YAML before its tables can be read. The position points at the first place the YAML reader could not understand; nothing of the file is checked further until it reads.

code-report-structure =
    .title = a heading or row of the report is missing, unknown or misplaced
    .fix = write the heading or row with its official label, as `gongkai new report YEAR` writes it
    .explain = A report follows the official format of its edition: six parts under their official headings, each table row under its official label. Labels match after normalising brackets, spaces and numbering; an unknown label gets the nearest official one as a hint, and missing rows are listed. A row or heading of the edition written under the wrong parent (indented too far or not far enough, or under another heading) is told the heading it belongs under and the spaces that put it there; it is not listed as missing, and its numbers are checked.
    .also = a warning when 一、总体情况 lacks the five sub-topics of the 2021 form

code-report-cell =
    .title = a cell holds something other than the number it must hold
    .fix = write a whole number (0 or more), a signed number for 本年增/减, or `~` for a blank cell
    .explain = Rule E of the format: counts are whole numbers, 0 or more; 本年增/减 may be negative and is written +19 or -3; amounts in 万元 are decimals. A row must have as many cells as its table has columns.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only; shown as the original has it

code-report-unit =
    .title = a number in a cell has a unit after it
    .fix = write only the number: 6 for 6件
    .explain = The official form's cells hold numbers only; the unit is in the header. A number followed by a unit of its column (件, 个, 项, 条, 次, 人, 起, 宗 in counts, 万元 in amounts) is read as that number and published without the unit, as gongkai import reads a published report; it is a warning and does not stop the build. Anything else (约6, 6个半, 3元) is still an error (report.cell).

code-report-blank =
    .title = a cell is left blank
    .fix = write 0 where the original has 0; leave `~` only where the published original is blank
    .explain = A blank cell (`~`) is shown empty and counts as 0. The blank itself is a warning, not an arithmetic error, because published originals do have blank cells; a new report should write 0. When, counted as 0, it breaks a sum of the table (a row of non-zero figures with its 总计 blank), the sums it breaks are listed under it and the whole finding is an error; filling in the blank cell clears them.
    .also = an error when the blank cell makes a row or column not add up; a notice in a report kept as published (reproduces_original: true), listed by check and review only

code-report-rule-a =
    .title = part 三 does not balance (一 + 二 = 三 + 四)
    .fix = correct the cells so that 一 + 二 = 三（七）总计 + 四 in the column shown
    .explain = Rule A, stated in the header of part 三: in each of the seven columns, applications received this year plus those carried over from last year equal those handled this year plus those carried over to next year. `reproduces_original: true` keeps a published report as signed, with a note under the table. One mistyped cell often breaks several checks at once: when changing that one cell makes them all hold, a single error points at the cell, gives the value the checks agree on and lists them under it.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only; noted under the table

code-report-rule-b =
    .title = a row's 总计 is not the sum of its applicant columns
    .fix = correct the row so that 总计 equals the sum of the six applicant columns, or leave 总计 out to have it computed
    .explain = Rule B: in each data row of part 三, the 总计 column is the sum of 自然人, the five 法人或其他组织 columns and 其他. A row may leave out its 总计; it is then computed. One mistyped cell often breaks several checks at once: when changing that one cell makes them all hold, a single error points at the cell, gives the value the checks agree on and lists them under it.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only; noted under the table

code-report-rule-c =
    .title = （七）总计 is not the sum of the results
    .fix = correct the result rows or （七）总计 so that the results add up, or leave （七）总计 out to have it computed
    .explain = Rule C: each application is counted under exactly one result, so in each column （七）总计 equals （一）+（二）+ the rows of （三）,（四）,（五） and （六）. One mistyped cell often breaks several checks at once: when changing that one cell makes them all hold, a single error points at the cell, gives the value the checks agree on and lists them under it.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only; noted under the table

code-report-rule-d =
    .title = a 总计 of part 四 is not the sum of its outcomes
    .fix = correct the cells so that 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, or leave 总计 out to have it computed
    .explain = Rule D: for 行政复议 and each kind of 行政诉讼, 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only; noted under the table

code-report-rule-f =
    .title = carried over to next year does not match the next year's carried over from last year
    .fix = make 四、结转下年度继续办理 of one year equal 二、上年结转政府信息公开申请数量 of the next
    .explain = Rule F, across years: what one report carries over to next year is what the next report received as carried over. It is implied by the meaning of the rows, not stated in the format, so it is a warning naming both files.

code-report-rule-g =
    .title = 现行有效件数 does not follow from last year's
    .fix = check 现行有效件数 against last year's, plus 本年制发件数, minus 本年废止件数
    .explain = Rule G, 2021 edition, across years: 现行有效件数 of a year is usually last year's plus those issued minus those repealed. Documents can also lapse without being repealed, so this is only a hint.

code-report-year =
    .title = the report's year and its file name differ
    .fix = name the file after the reported year (2024.yaml for `year: 2024`) or correct `year:`
    .explain = A report file is named after the year it reports on, and its page and downloads are named from `year:`. When the two differ one of them is a typo.

code-report-published =
    .title = the publication date is missing or not a date
    .fix = write the date the report was published as YYYY-MM-DD, e.g. `published: 2024-01-30`
    .explain = `published` is the date shown on the report page and in its 信息索引, and the date the annual-report deadline is measured against.

code-report-edition =
    .title = the report's edition is not the form of its year
    .fix = write edition: 2021 for the 2021 report onward, edition: 2019 before; a signed original keeps the form it was signed on
    .explain = From the 2021 report on, the 2021 form (国办公开办函〔2021〕30号) is used, the 2019 form before. A report naming the other form is read and published on that form, with a warning only: a reproduced original may have been signed on the old form.
    .also = a notice in a report kept as published (reproduces_original: true), listed by check and review only
code-review-agency =
    .title = a report without agency is filed under its folder's name
    .fix = add agency: with the agency's full name, as the expected list writes it
    .explain = When gongkai review reads a folder, a report without agency is taken to be the agency its folder is named after. When that name is not on the expected list, the agency counts as not having reported.
code-report-field =
    .title = a field at the top of the report is wrong
    .fix = correct the field: `edition` is 2019 or 2021, the other fields are text
    .explain = The fields above the six parts (`year`, `edition`, `agency`, `published`, `title`, `reproduces_original`, `original_note`) describe the report as a whole.

code-link-scheme =
    .title = a link or image in the text uses a scheme that is not allowed
    .fix = link with http://, https://, mailto:, tel: or a relative address, or remove the link
    .explain = Content must never run script on a citizen's browser. A link or image address in Markdown (items, pages, annual-report prose) may only be http, https, mailto, tel or relative. The scheme is read as a browser reads it: HTML entities and percent-escapes decoded, tabs, line breaks and leading control characters ignored, case ignored, so `JaVaScRiPt:`, `java&#x09;script:` and `&#106;avascript:` are all `javascript:`. `javascript:`, `vbscript:`, `data:`, `file:` and every other scheme stop the build.

code-attachment-type =
    .title = an attachment's file type is not on the allow-list
    .fix = publish the file as PDF or an office document, or add its type to `attachments: {"{"} allow: [...] {"}"}` in site.yaml
    .explain = Static hosts cannot be trusted to send attachments as downloads, so a browser may open an attachment in the site's own origin: an .html, .svg, .js or .xml file would run its script there. Attachments are therefore limited to document and image types (pdf, doc, docx, xls, xlsx, wps, et, ofd, zip, txt, csv, jpg, jpeg, png, gif, webp); a site adds others with `attachments: {"{"} allow: [dwg] {"}"}` in site.yaml. A file without an extension is refused too, because browsers guess its type.

code-content-outside =
    .title = a content file or folder is a link to somewhere outside the site
    .fix = copy the file or folder itself into content/ and delete the link
    .explain = Every item, page and annual report under content/ is published. A file that looks like an item but is a link to somewhere outside the site folder would publish what it points at (another office's drafts, internal documents, system files), so such a file or folder is not read and the build stops with an error. Links that stay inside the site folder are used as usual.

code-attachment-outside =
    .title = an attachment is a link to a file outside the site
    .fix = copy the file itself into the item's folder
    .explain = An attachment is published as it is found. A symbolic link named like an attachment (附件1.pdf) but pointing outside the site folder would publish whatever it points at (/etc/passwd, a private document), so the resolved file must be inside the site.

code-links-scheme =
    .title = a link in the rendered site uses a scheme that is not allowed
    .fix = correct the link in the template named (or the Markdown file): use http://, https://, mailto:, tel: or a relative address
    .explain = Every href and src of every rendered page is read as a browser reads it (entities, percent-escapes, case, tabs and leading control characters) and must be http, https, mailto, tel or relative. Markdown is checked while building (`link.scheme`); this rule also covers the theme's templates and a site's own overrides. It is 单项否决, not 扣分: a `javascript:` or `data:` link on a government site is a script run in its name, a security defect of the kind the inspection fails a site for (网站安全), and it must block publishing.

code-output-collision =
    .title = two outputs need the same name, one as a file and one as a folder
    .fix = rename one of them: an item by its file name or `slug:`, a column by its `slug` in site.yaml
    .explain = Every page, attachment, feed, download and static file has its own path in the output folder. When one output is a file `a` and another needs `a/` as a folder (a column named `feed.xml` or `404.html`, an item `foo.html` with attachments beside an item `foo`), both cannot be written; two outputs at exactly one path are `duplicate-url`. Both are found before anything is written, so the previous output stays as it was. Names in one folder that differ only in case or Unicode normalisation (`First.html` and `first.html`) collide too: Windows, macOS and many web servers take them for one file.

code-output-name =
    .title = a name in the output folder cannot be written or linked to
    .fix = rename the file, folder or `slug:` the name comes from
    .explain = Each file is written under a temporary name (`.NAME.gongkai-new`) and then renamed, so a file name may have at most 242 bytes (255, the limit of file systems, less 13); a folder name at most 255. A Chinese character takes 3 bytes. Names must not hold `?`, `#` or `%`, which a web address reads as syntax, or control characters.

code-alias =
    .title = an old address cannot be used
    .fix = write the old address as a path of this site, e.g. aliases: [/tzgg/old-name.html], or a folder ending in /
    .explain = When an item or a column is renamed, its old addresses can keep working: `aliases:` in an item's front matter lists the item's earlier addresses, `old_slugs:` of a column in site.yaml its earlier slugs. Each gets a small redirect page at the old address. An alias must be a path inside the site, relative to its root (a leading / is allowed), without `..`, ending in `.html` (a page) or `/` (a folder, whose index.html is written). An old slug is one path segment, different from the column's slug. An old address that is also a real page's is a collision (`duplicate-url`).

code-links-gone =
    .title = a published page is gone
    .fix = add the old address to the new page's aliases: (or the old slug to the column's old_slugs: in site.yaml), or restore the page
    .explain = `check` compares the pages of the last build (the manifest in the output folder) with the pages the site makes now. A page that was published and is now gone, with no redirect page at its address, leaves visitors, search engines and other sites' links at a dead end. Renaming an item or a column is the usual cause: list the old address in `aliases:` of the item, or the old slug in `old_slugs:` of the column, and a redirect page is written there. Only pages (.html) count; the rule is skipped when the build has errors or there is no earlier build.

code-placeholder-sample =
    .title = sample content not replaced yet
    .fix = replace the sample text with your office's own, and delete the line 【示例内容】…
    .explain = `gongkai init` writes sample pages and a sample notice so a new site builds at once. Each starts with a line beginning 【示例内容】; as long as that line is there, the page is taken as sample content that must not be published as it is. Rewrite the page (or delete the sample notice) and remove the line.

code-placeholder-contact =
    .title = placeholder contact data
    .fix = replace it with the real telephone number, e-mail address or name
    .explain = `gongkai init` and many templates use placeholders that must not stay on a published site: a telephone number whose area code is all zeros (0000-00000000, 000-12345678; no real area code is), an address at a domain reserved for examples (example.gov.cn, example.com, example.org, example.cn; the base_url line of site.yaml is not checked), and XX, xx, ＸＸ or ×× standing for a name right next to Chinese text (XX街道, XX区XX路, XX办发). XX世纪, XXL and XX inside a Latin word are not counted, nor is a name masked in a 公示 (a surname alone followed by XX or ×× and no Chinese character, as in 王XX（户主）). site.yaml and every page and item file are read.

code-future =
    .title = an item dated in the future is not published yet
    .fix = build again on its day to publish it; to publish it now, change its date: or build with --future
    .explain = Items whose date: is after today are left out, as Hugo does: they appear once `gongkai build` runs on or after their day. `gongkai build --future` publishes every date. `gongkai check --as-of DATE` checks the site as of that day and leaves out what is dated after it. A link to an item not yet published is an error, since the published link would lead nowhere.

code-image-alt =
    .title = an image has no alt text
    .fix = describe the image between the brackets, e.g. ![the office building](photo.jpg)
    .explain = Readers who cannot see an image (blind readers with a screen reader, a phone that did not load it) get only its alt text. In Markdown's ![text](file) the text between the brackets becomes the page's alt attribute. An image without it is lost to them and fails WCAG 2.1 success criterion 1.1.1. Keep purely decorative images out of the text.

code-body-code =
    .title = text indented with spaces is shown as a code block
    .fix = remove the spaces at the start of the paragraph; for text pasted from Word, write line_breaks: paragraph at the top of the file
    .explain = In Markdown, text after a blank line that starts with four or more spaces is code: the page shows it in a shaded box, in a typewriter font, without wrapping. Paragraphs copied from Word often keep their first-line indent as spaces and end up like this. Remove the spaces; for a whole text pasted from Word, line_breaks: paragraph at the top of the file shows every line as a plain paragraph. To show code on purpose, fence it with ``` lines, and this warning is not given.

code-body-joined =
    .title = paragraphs pasted from Word are joined into one
    .fix = write line_breaks: paragraph at the top of the file (one line, one paragraph), or leave a blank line between paragraphs
    .explain = With line_breaks: join (Markdown), neighbouring lines belong to one paragraph and are shown joined; only a blank line starts a new one. A text pasted from Word or WPS has one paragraph a line, each starting with full-width spaces 　　, so it all becomes one long paragraph with spaces inside. line_breaks: paragraph at the top of the file (between the --- lines) shows every line as its own paragraph and drops the leading 　　; it can also be set in site.yaml for the whole site or a column.

code-body-markup =
    .title = an image or link is not one and shows as typed
    .fix = an address cannot contain a space: remove the space from the file name, or put the address in angle brackets, e.g. ![photo](<photo 1.jpg>)
    .explain = In Markdown's image ![text](address) and link [text](address), the address cannot contain a space. With one, the text is neither image nor link, and readers see the brackets on the page. Rename the file without the space, or write the address in angle brackets.

code-body-html =
    .title = HTML code in the text shows on the page as typed
    .fix = remove the code in angle brackets and keep the text; write bold, lists, links and images the Markdown way
    .explain = For safety, HTML code in a body is never run as part of the page: readers see the code itself. Text copied from Word, WPS or a web page often carries such code (<p class=MsoNormal>, <span style=…>). A block of HTML lasts until the next blank line, and the Markdown links and images inside it do not work and are not checked. Remove the code, or paste again as plain text.

code-body-table =
    .title = rows written as a table do not make one
    .fix = put a separator row under the header with as many cells, e.g. |---|---|---|---| under a header of 4
    .explain = A Markdown table is a header row, a separator row (|---|---|) and data rows, and the separator must have as many cells as the header. Without it, or with a cell more or fewer, the rows are no table, and readers see lines of "|" on the page. It usually happens when a column is added to the header and not to the separator.

code-body-empty =
    .title = an item has neither text nor attachments
    .fix = write its text, or list its attachments under attachments:
    .explain = An item with only a title and a date shows readers nothing when they open it. Usually the text was not finished or the file was saved wrongly. Write the text, or list the attachments under attachments: at the top of the file (a notice that only publishes attachments needs no text).

code-report-old-label =
    .title = a report row uses an old edition's name
    .fix = write the row under the official name of the report's edition
    .explain = The 2021 edition renamed some rows, e.g. 规范性文件 became 行政规范性文件 in 第二十条第（一）项. The old name is still read, but the page always publishes the edition's official name, so readers find the row where the format puts it; writing the official name clears the warning.

code-report-late =
    .title = the annual report was published after the deadline
    .fix = publish the next report before the deadline: site.yaml's `report_deadline` (default 01-31), or for reports reviewed by gongkai review, review.yaml's `report_deadline` or `deadlines`
    .explain = 政府信息公开条例 第四十九条: departments of governments at county level and above publish the previous year's report by 1月31日; for 乡镇 and 街道 local rules set the day, which site.yaml's `report_deadline` holds. A report whose `published` is after that day is listed.

code-report-template =
    .title = placeholder text of the template is left in a report
    .fix = replace the bracketed sample text written by `gongkai new report` with the office's own
    .explain = `gongkai new report` writes bracketed prompts in parts 一, 五 and 六, such as 「（概述本年度政府信息公开工作……）」. Published as they are, they tell an inspector the report was not filled in.
    .also = a warning in gongkai build and serve; the site is still made

code-report-zeros =
    .title = every number of the report is 0
    .fix = check the tables and fill in the real numbers; if they really are all 0, leave it
    .explain = `gongkai new report` writes 0 in every cell. A published report whose every cell is still 0 was most likely not filled in; a small office with truly nothing to count may ignore this notice.

code-footer-badge =
    .title = no 党政机关网站标识
    .fix = add `badge:` under `identifiers:` in site.yaml, with the certificate page (`url`) and the badge image in the static folder (`image`)
    .explain = A government site shows the 党政机关网站标识 badge in its footer, linking to the site's certificate page. The image must be in the site's own static folder, never loaded from another host.

code-footer-jiucuo =
    .title = no 政府网站找错 link, or it names another site code
    .fix = add `jiucuo:` under `identifiers:` in site.yaml: the error-reporting address you were given
    .explain = A government site's footer carries the error-reporting (纠错) link, so readers can report mistakes. The address carries the site code; each page adds its own address to it.

code-privacy-remote-image =
    .title = an image of the content is on another host
    .fix = download the image, put it beside the text and link the local file
    .explain = An image from another host tells that host who read which page and when. The site is published under a strict Content-Security-Policy (default-src 'self'), under which browsers do not show such images either.

code-csp-inline =
    .title = a page has something a strict Content-Security-Policy blocks
    .fix = move styles and scripts into .css and .js files of the static folder
    .explain = Under Content-Security-Policy: default-src 'self', browsers ignore inline styles (style attributes, <style>), inline scripts (<script> with code, onclick and other event attributes) and data: and javascript: addresses. The default theme has none; they come from a site's own templates.

code-csp-script-file =
    .title = an attachment is of a type browsers run script from
    .fix = publish it as a PDF instead and remove the type from attachments: {"{"} allow: [...] {"}"} in site.yaml
    .explain = When a reader opens an .html, .svg, .xml or .js attachment, the browser runs its script on this site's address; a strict policy (default-src 'self') does not stop it, since it is the site's own file. Such a script can pose as the site's content or rewrite its pages. By default only document and image types are allowed; when site.yaml allows more, check lists the published attachments of these types.

code-csp-script-static =
    .title = the site's own static folder has files that run script
    .fix = have these files reviewed and delete those the site does not need
    .explain = .js, .html, .svg and similar files in the site's static folder (and a theme's static folder under themes/) are published as they are and run in readers' browsers as this site. They are the site's code, not everyday content, and should be reviewed as code (for instance with a reviewer for those folders in git). The default theme's search.js and elder.js, compiled into gongkai, are not listed.

code-search-index =
    .title = the site search index could not be made
    .fix = report this message to gongkai's maintainers; meanwhile `search: false` in site.yaml publishes the site without search
    .explain = A build indexes the text of every item, page column and annual report for the site's search, in the output's pagefind folder. When the index cannot be made, the build publishes nothing and the previous site stays as it was.
code-search-memory =
    .title = the search index may need more memory than the machine has
    .fix = build on a machine with more memory, or write search: false in site.yaml to leave the search out
    .explain = While it is built, the whole search index is in memory, about 330 bytes for each Chinese character: some 2.5 GB for 10,000 items, 12 GB for 50,000. Before the index is begun gongkai estimates what it needs and, when that is more than the memory the machine (or its container or CI job) has free, says so at once: short of memory the system stops the build before any other message. The output folder stays as it was last built, never half old and half new.
code-report-narrative =
    .title = a figure in the text differs from the table
    .fix = check the figure in the text against its cell in the table, and correct the one that is wrong
    .explain = The prose of a report, above all 一、总体情况, quotes figures of the tables: 共收到政府信息公开申请26件, 予以公开9件, 行政复议1起. Build and check compare every figure that names one cell (or a sum the format defines) without doubt: applications received, carried over from last year, handled (（七）总计), carried over to next year, each kind of result, 行政复议 and 行政诉讼, the 规章 and 规范性文件 counts of 第二十条第（一）项, and the 处理决定数量 of 第（五） and 第（六）项. Figures may be Arabic digits (full width too) or Chinese numerals (一, 两, 十二). Sentences about a part (其中网上申请, 自然人申请), another year, a change or an estimate are not compared. A figure that differs is a warning at its line and column in the file, naming the cell.
code-review-unread =
    .title = a file that could not be read as an annual report
    .fix = save the report in gongkai's YAML form (gongkai new report, or gongkai import report), or as .docx, .html or .txt, and review it again
    .explain = gongkai review reads annual reports as YAML files, gongkai sites (their reports column) and published reports (.html, .docx, .txt, through the importer, writing nothing). PDF, .doc, .wps and other formats cannot be read; paths that do not exist and files that cannot be opened are listed here too, never skipped in silence.
code-review-duplicate =
    .title = one agency has two reports for one year
    .fix = decide which one is the published report and move the other out of the folders reviewed
    .explain = An agency publishes one annual report a year. When a review gets two or more, each gets this error and none is added to the sum, since which one counts is the office's decision.
code-review-unexpected =
    .title = an agency that is not on the list of expected agencies
    .fix = check that the list and the report's agency name are written exactly alike; add a new agency to the list
    .explain = With a list of expected agencies (--expect or review.yaml), a report of an agency not on it gets this notice. Most often the name is written two ways ("区财政局" and "财政局"); the listed agency is then also counted as missing.
code-rollup-left-out =
    .title = a summary column's sum leaves reports out
    .fix = fix the errors of those agencies' reports (gongkai review lists each one), or accept that they are left out
    .explain = A summary column (kind: rollup) adds only reports without errors, whose consistency rules hold, of the year's edition, and one per agency and year. Reports left out are still listed with the agencies but not added, so the published sum is incomplete. This warning names each agency left out and why.
code-import-read =
    .title = the file to import cannot be read
    .fix = make sure the file exists and opens; save a broken .docx again from Word or WPS
    .explain = gongkai import report reads an annual report already published. A file that cannot be opened, or a damaged .docx, cannot be imported.

code-import-format =
    .title = files of this format are not read
    .fix = open it in Word or WPS and save it as .docx (Word document) or as a web page (.html), then import that
    .explain = Import reads web pages (.html, .htm, .shtml), Word documents (.docx) and plain text (.txt). The tables of a PDF or an old .doc file cannot be read reliably; save them as .docx or a web page first.

code-import-not-report =
    .title = the file holds no annual report
    .fix = make sure you import the report itself (for a web page, save the page showing the report)
    .explain = Import looks for the six parts of the annual report format, 一、总体情况 to 六、其他需要报告的事项, and the tables of parts 二, 三 and 四. When it finds none of them, the file is not a report.

code-import-year =
    .title = the report's year cannot be told
    .fix = add --year YEAR to the command, e.g. --year 2023
    .explain = The year is read from the title, e.g. ××街道2023年政府信息公开工作年度报告. When the title has no year, give it with --year.

code-import-edition =
    .title = the report's edition of the format cannot be told
    .fix = add --edition 2019 or --edition 2021 to the command
    .explain = The 2019 edition (国办公开办函〔2019〕60号) is used for the 2019 and 2020 reports, the 2021 edition (国办公开办函〔2021〕30号) from the 2021 report on. The edition is told from the column headers and row labels; when it cannot be, and there is no year either, give it with --edition.
    .also = a warning when the original is on an unusual form for its year but can be read

code-import-missing-row =
    .title = a row of the format is missing from the report
    .fix = complete the row from the original; if the original words it differently, use the format's label and import again
    .explain = The format fixes every row of every table. Import finds each row by its label (ignoring punctuation, spaces, numbering and a typo or two); every row must be found, or nothing is imported, so that no number is lost.

code-import-exists =
    .title = the report's file for this year already exists
    .fix = import never overwrites a file; to import again, move or rename the existing file first
    .explain = An existing report file may have been edited and checked since; import does not overwrite it.

code-import-cell =
    .title = a cell of the original is not a plain value
    .fix = check the cell against the original; a number with a unit keeps the number, other text is kept as text
    .explain = The report's tables should hold numbers only. A number with a unit (3件) keeps the number; other text is kept as written, and the report is marked as reproducing the original.

code-import-rule =
    .title = the published report's arithmetic does not add up
    .fix = nothing to change: the report is kept as published (reproduces_original: true) and the page notes it under the table
    .explain = The numbers of a signed and published report cannot be changed. Import keeps them as published, writes reproduces_original: true and lists each failing rule in a comment at the top of the file; the site publishes it as signed, with a note under the table. When one wrong cell of the original makes several rules fail, it is said once, at that cell of the original, with the value the rules call for and the rules listed under it.

code-import-part =
    .title = a prose part of the report was not found
    .fix = add the part to the imported file from the original
    .explain = Parts 一 (总体情况), 五 (存在的主要问题及改进情况) and 六 (其他需要报告的事项) are prose. When a part's heading is not found, the part is left empty.

code-import-published =
    .title = the report's publication date was not found
    .fix = write published: YYYY-MM-DD in the imported file
    .explain = The date is read from the signature at the end of the report or a page's 发布日期. When there is neither, add it to the file, or the site cannot be built.
