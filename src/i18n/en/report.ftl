# Messages of report (see catalogue.rs for the owner modules).

# Lists inside messages.
report-list-sep = {", "}
report-list-and = {" and "}
report-list-semi = {", "}
# A follow-on finding printed under its cause (report/mod.rs).
report-follow-on = follows
report-place-file = report


# What a value is, in "found …" (English uses the YAML reader's words).
report-kind-nothing = nothing
report-kind-bool = true/false
report-kind-number = a number
report-kind-text = text
report-kind-list = a list
report-kind-mapping = a mapping

# Reading the file (report/mod.rs, parse/).
report-yaml-invalid = invalid YAML: { $detail }
report-not-mapping = a report file is a mapping of `year`, `published` … and the six parts, found { $found }
report-missing-parts = missing parts: { $parts }
report-prose-not-text = { $place }: expected Markdown text, found { $found }
report-row-shape = { $name }: expected a list of { $n } cells ({ $columns }){ $alt }, found { $found }
report-row-shape-alt = {" "}or { $n } without { $total }
report-found-cells = { $count } cells
report-thousands = do not write a thousands separator in a number: write `{ $written }` as { $number }
report-cell-misfit = { $name }, column { $column }: `{ $written }` is not { $want }
report-cell-unit = { $name }, column { $column }: `{ $written }` has a unit; read as { $number } and published as { $number }
report-cell-unit-hint = write only the number: { $number }
report-want-count = a whole number, 0 or more
report-want-signed = a whole number, written like +19 or -3
report-want-decimal = a number such as 4068.208
report-want-text = a number or a short text
report-blank = { $name }: { $count ->
        [one] blank cell in column
       *[other] blank cells in columns
    } { $columns }; shown empty and counted as 0
report-blank-hint = write 0 where the original has 0; leave `~` only where the published original is blank
report-key-twice = { $place }: `{ $key }` is given twice
report-other-edition = { $place }: `{ $key }` belongs to the { $edition } edition of the format, not to the one this report uses
report-other-edition-hint = if the report follows the { $edition } edition, write `edition: { $edition }` at the top; otherwise remove `{ $official }`
report-misplaced = `{ $key }` is written under `{ $place }`, but it belongs one level under `{ $parent }`
report-misplaced-hint = put it one level under `{ $parent }`, lined up with `{ $sibling }` ({ $spaces } spaces at the start of the line){ $group ->
        [true] , and move the rows under it along with it
       *[other] {""}
    }
report-misplaced-hint-alone = put it one level under `{ $parent }` ({ $spaces } spaces at the start of the line){ $group ->
        [true] , and move the rows under it along with it
       *[other] {""}
    }
report-misplaced-hint-no-parent = there is no `{ $parent }` line yet: add a line `{ $parent }:` ({ $parent_spaces } spaces at the start of the line), then put this one { $kin ->
        [0] {""}
        [one] and the next that belongs there
       *[other] and the { $kin } after it that belong there
    } one level under it ({ $spaces } spaces){ $group ->
        [true] , and move the rows under it along with it
       *[other] {""}
    }
report-misplaced-twice = `{ $key }` is written under `{ $place }`, but it belongs one level under `{ $parent }`, where line { $line } already gives it
report-misplaced-twice-hint = compare the numbers of the two, keep the right ones on line { $line }, then remove this one
report-unknown-key = { $place }: unknown row or heading `{ $key }`
report-did-you-mean = did you mean `{ $label }`?
report-unknown-stands-for = { $place }: the form has no row `{ $key }`; did you mean `{ $label }`? Its numbers are checked as that row's
report-write-label = write `{ $label }`
report-expected-one-of = expected one of: { $labels }
report-old-label = { $place }: `{ $written }` is an old name of the row; the { $edition } edition calls it `{ $official }`, and it is published as `{ $official }`
report-part2-not-mapping = { $part }: expected the sub-tables 第二十条第（一）项 … as a mapping, found { $found }
report-part2-missing = { $part }: missing { $missing }
report-rows-not-mapping = { $place }: expected its rows as a mapping, found { $found }
report-missing-rows = { $place }: missing rows: { $rows }
report-group-not-mapping = { $place }: expected its numbered rows as a mapping, found { $found }
report-group-as-row = { $label }: in the { $edition } edition this holds the rows { $rows }, not numbers of its own
report-row-as-group = { $label }: in the { $edition } edition this is one row of 7 numbers, not a group of rows
report-shape-other-edition = the { $edition } edition has it the way it is written here: if the report follows that format, write `edition: { $edition }`
report-part4-not-mapping = { $place }: expected { $rows } as a mapping, found { $found }

# The envelope (parse/envelope.rs).
report-reproduces-not-bool = `reproduces_original` must be true or false
report-year-not-year = `year` must be a four-digit year such as 2020
report-year-missing = missing `year` (the reported year, such as 2020)
report-edition-bad = `edition` must be 2019 or 2021
report-edition-bad-hint = 2019 is the format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports; 2021 is 国办公开办函〔2021〕30号
report-field-not-text = `{ $key }` must be text
report-published-missing = missing `published` (the date the report was published, such as 2021-01-29)
report-published-bad = `published` must be a date such as 2021-01-29, found `{ $written }`
report-date-no-such-day = `{ $key }:` { $problem }
report-published-too-early = published on { $date }, before the end of { $year }: a year's report is published after the year has ended; check `published` or `year`
report-year-mismatch = the file is named { $file } but reports on `year: { $year }`: make them agree (the { $stem } report is { $stem }.yaml), or it takes the place of the { $year } report

# The arithmetic (rules.rs).
report-rule-a = { $part }, column { $column }: 一 + 二 = { $a } + { $b } = { $left }, but 三（七）总计 + 四 = { $t } + { $o } = { $right } (第一项加第二项之和应等于第三项加第四项之和)
report-rule-b = { $name }, column 总计: { $given }, but { $first } … { $last } add up to { $sum }
report-rule-c = { $name }, column { $column }: { $given }, but （一）…（六） add up to { $sum }
report-blame = { $row }, column { $column }: { $given } is written, but the { $count } checks below all say this cell should be { $expected }:
report-given = { $value }
report-given-blank = blank (counted as 0)
report-given-text = `{ $written }` (not a number, counted as 0)
report-term-text = `{ $written }` (counted as 0)
report-term-blank = blank (counted as 0)
report-rule-f = { $this_label } of { $year } differs from { $prev_label } of { $prev } in { $place }: { $diffs }
report-rule-f-diff = { $column } { $this } vs { $prev }
report-rule-g = { $caption } { $row }: 现行有效件数 is { $now }, but { $before } in { $year } + { $made } 制发 − { $repealed } 废止 = { $expected }
report-rule-g-hint = only a hint: documents can also lapse without being repealed
report-kept-as-published = kept as published (reproduces_original); the page notes it under the table
report-edition-kept-hint = the original was signed on this form and is kept as published (reproduces_original); nothing to change
report-cell-kept-hint = the original prints this cell so and it is kept as published (reproduces_original), shown as printed; change it only where it differs from the original
report-sum-editions = cannot add a report of the { $a } edition to one of the { $b } edition: their tables differ
report-sum-shape = the { $what } of a report do not match its edition's tables

# gongkai new report (cmd/new.rs).
report-new-wrote = wrote { $path } ({ $edition } edition)
report-new-copied = 二、上年结转 copied from 四、结转下年度继续办理 in { $path }
report-new-exists = `{ $path }` already exists; not overwriting it (delete or rename it first)
report-new-unreadable-last = could not read 四、结转下年度继续办理 from `{ $path }`; 二、上年结转 left at 0
report-new-no-site = no site.yaml in the current folder or any folder above it: go to the site's folder (the one with site.yaml) or name it with --root
report-new-no-column = site.yaml has no reports column (one with `kind: reports`): add one, or name the folder with --column
report-new-bad-config = site.yaml has errors (above); correct them first
report-new-cannot-write = failed to write `{ $path }`: { $reason }
report-new-cannot-read = failed to read `{ $path }`: { $reason }

# check's findings about reports (check/reports.rs).
report-check-missing = the { $year } annual report (政府信息公开工作年度报告) is missing: it was due by { $due } (report_deadline { $deadline })
report-check-missing-hint = write it with `gongkai new report { $year }`, fill it in and publish it
report-check-no-column-hint = add a column with `kind: reports` to site.yaml, then `gongkai new report { $year }`
report-check-future = dated { $date }, after today ({ $today }): write the day it was really published
report-check-not-yet = the { $year } report is dated { $date }: as of { $as_of } it was not published yet, so it is not counted
report-check-not-yet-hint = if the date is wrong, correct published: to the day it was really published
report-check-not-yet-due-passed = as of { $as_of } the { $year } report was not published yet (it is dated { $date }), past the deadline { $due } (report_deadline { $deadline })
report-edition-of-year = the { $year } report uses the { $edition } edition of the form (edition: { $edition }); the year's is the { $expected } edition
report-edition-of-year-hint = reports up to 2020 use the 2019 form, from 2021 the 2021 form; gongkai new report writes the year's form, then copy the figures over
report-overview-topics = in the 2021 form, 一、总体情况 is written under five sub-topics; missing: { $missing }
report-overview-topics-hint = write 一、总体情况 under （一）主动公开, （二）依申请公开, （三）政府信息管理, （四）政府信息公开平台建设 and （五）监督保障 (the form gongkai new report writes has these five sub-headings)
report-check-late = the { $year } report was published on { $date }, after the deadline { $due } (report_deadline { $deadline })
report-check-template = the { $year } report still holds the sample text of the template (the bracketed prompts); replace it with the office's own
report-check-zeros = every number of the { $year } report is 0: was it filled in?
report-written-bad = `written` (成文日期) must be a date such as 2022-01-20, found `{ $written }`
report-attachments-not-list = `attachments` must be a list of file names, one per line starting with `- `, such as `- 2024.pdf`
report-attachment-bad = an attachment is a file name (`- 2024.pdf`) or `- {"{"}file: 2024.pdf, title: 签发稿{"}"}`
report-narrative = { $place }: “{ $text }” says { $said }, but the table has { $value } in { $cell }
report-narrative-cell = { $row }, column { $column }
report-narrative-cells = column { $column } of { $rows }, added up
report-blank-rows = { $count } rows have { $columns } blank (lines { $lines }); shown empty and counted as 0
report-row-separators = separate the numbers with commas, the whole row in square brackets: write { $row }
report-pasted-row = this line looks pasted from Excel or Word (Tabs between the cells): write the label, a colon and a space, then the numbers in square brackets separated by commas: `{ $row }`
