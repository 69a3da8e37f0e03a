# The command line: help texts (cmd/usage.rs finds them by command and
# argument: cli-<command>-<argument>, or cli-arg-<argument> for an argument
# several commands share) and clap's errors said again.

cli-about = Static site generator for government information-disclosure portals (政府信息公开)
cli-examples =
    Examples:
      gongkai build                      build the site in this folder into public/
      gongkai build --root ~/portal      build another site
      gongkai build --base-url https://www.example.gov.cn/xxgk/
      gongkai check --as-of 2024-06-30   check against the inspection rules
      gongkai init my-portal             start a new portal
      gongkai new report 2024            write the 2024 annual report form
      gongkai import report 2023.docx    import the published 2023 report (or a saved page, text)
      gongkai serve --open               preview while editing; pages reload on save
      gongkai explain report.rule-a      what a finding's code means and how to fix it
      gongkai review agencies/ --year 2024 --sum   review and sum every agency's report

    Exit codes: 0 success, 1 errors in the site's files, 2 usage or I/O failure.
    Messages are in Chinese unless GONGKAI_LANG=en or --lang en.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-value-command = COMMAND

cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = Language of messages: zh (Chinese, the default) or en; also the environment variable GONGKAI_LANG
cli-arg-root = The site's folder (the one with site.yaml); by default found by walking up from the current folder
cli-arg-drafts = Include items marked draft: true

cli-help-about = Print this message or the help of the given command
cli-help-subcommand = The command to print the help of

cli-build-about = Build the site into the output folder
cli-build-output = Output folder (default: output in site.yaml, or public)
cli-build-base-url = Base URL to build for, e.g. https://www.example.gov.cn/xxgk/
cli-build-no-minify = Write HTML as rendered, without minifying it
cli-build-force = Write into a non-empty output folder that gongkai did not create
cli-build-watch = Keep running: rebuild and write again whenever a file is saved

cli-check-about = Check the site against the national inspection rules, without writing
cli-check-as-of = Check as of this day, YYYY-MM-DD (default: today, China time)
cli-check-format = Output format: text (for people, the default) or json (for CI)
cli-check-external = Also fetch external links (network; 15 s timeout, at most 200 requests)

cli-explain-about = Explain a finding's code, or list every code
cli-explain-code = The code, as printed with a finding (e.g. report.rule-a); none lists all

cli-init-about = Create a new portal with the eight default columns
cli-init-dir = Folder to create the portal in (created if missing; must not hold a site.yaml)

cli-new-about = Create a new file from a template (e.g. an annual report)
cli-new-report-about = Write the annual report form (政府信息公开工作年度报告) for YEAR
cli-new-report-year = The reported year, e.g. 2024 (the report published early in 2025)
cli-new-report-edition = Format edition: 2019 (国办公开办函〔2019〕60号) or 2021 (〔2021〕30号); by default 2019 up to the 2020 report, 2021 from the 2021 report
cli-new-report-column = The reports column's folder under content/

cli-import-about = Import files already published (e.g. annual reports)
cli-import-report-about = Import published annual reports (web page, .docx or plain text) as report files
cli-import-report-files = The files to import: saved web pages (.html/.htm/.shtml), Word documents (.docx) or plain text (.txt); several may be given
cli-import-report-year = The reported year; needed when the title names none, e.g. --year 2023
cli-import-report-edition = Format edition: 2019 or 2021; needed when it cannot be told
cli-import-report-dry-run = Only print the result (YAML); write no file
cli-import-report-column = The reports column's folder under content/

cli-serve-about = Preview the site while editing: rebuilds and reloads pages on save
cli-serve-bind = Address to listen on; 127.0.0.1 keeps the preview on this computer
cli-serve-port = Port to listen on (default 1111); when it is taken the next free one is used (0: any free port)
cli-serve-open = Open the preview in the web browser

cli-review-about = Review every agency's annual report of a year at once (format, arithmetic, blanks, lateness, missing reports), and sum them
cli-review-paths = report YAML files, gongkai site folders, folders of reports (published .html, .docx, .txt included), in any mix
cli-review-year = the year reviewed, e.g. 2024 (default: the latest year of the reports read)
cli-review-as-of = judge lateness and missing reports as of this day, YYYY-MM-DD (default: today, China time)
cli-review-format = output format: text (by agency, default), json (for tools), csv (one line per finding, opens in Excel), html (one page, to attach to a notice)
cli-review-output = write to this file instead of the terminal
cli-review-expect = the agencies that must have a report: a text file with one name a line, or a review.yaml (default: review.yaml in the current folder, if there is one)
cli-review-sum = add the summed tables (parts 二, 三, 四) of all clean reports of the year, and list the reports left out and why

cli-err-bad-lang = error: unknown language `{ $name }`; write zh (Chinese) or en (English)
cli-err-unknown-arg = error: there is no option `{ $arg }`
cli-err-unknown-command = error: there is no command `{ $name }`
cli-err-invalid-value = error: { $arg } cannot be `{ $value }`; possible values: { $valid }
cli-err-bad-value = error: invalid value `{ $value }` for { $arg }: { $why }
cli-err-missing-arg = error: { $arg } is required
cli-err-missing-command = error: name the command to run, e.g. gongkai build
cli-err-conflict = error: { $arg } cannot be used with { $other }
cli-err-too-many = error: { $arg } may be given only once
cli-err-value-count = error: wrong number of values for { $arg }
cli-err-other = error: the command line is not right ({ $detail })
cli-err-did-you-mean = did you mean: { $name }
cli-err-see-help = see { $command } --help
cli-err-new-what = gongkai new only makes annual reports (e.g. gongkai new report 2024); notices and other items are .md files in a column's folder (e.g. content/tzgg/): copy one and edit it

explain-unknown = error: there is no code `{ $code }`; `gongkai explain` lists them all
explain-unknown-near = error: there is no code `{ $code }` (did you mean `{ $near }`?); `gongkai explain` lists them all
explain-severity = severity: { $severity }
explain-severity-also = ; { $when }
explain-fix = fix: { $fix }
cli-err-not-a-day = `{ $value }` is not a date: write it 2024-06-30, 2024-6-30 or 2024年6月30日
cli-err-not-a-year = `{ $value }` is not a year from 1990 to 2200, e.g. 2024

cli-check-after =
    Freshness (栏目不更新): a list column is measured from its newest item's date to --as-of,
    against `update_within` or, when unset, its kind: 动态 2 weeks, 通知公告/政策 6 months, others
    1 year. The kind is `check_as:` in site.yaml, else the title's (动态/要闻/新闻 or ending in 工作:
    动态; 通知/公告/政策: 通知公告/政策). A page column is measured from its 更新日期 (`date:` in its _index.md,
    shown on the page); without one it counts as not updated. Reports columns are
    measured only when `update_within` is set; otherwise the annual-report deadline covers them, and
    a missing report of the year is said once, as missing, not also as stale.
    An empty column is reported as blank (空白栏目), not also as stale. The home page fails when
    no item or report anywhere is 14 days old or newer.

    Exit codes: 0 no 单项否决 finding, 1 a 单项否决 finding or build errors, 2 usage or I/O failure.
