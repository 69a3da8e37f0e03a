# Messages of content (content/*.rs except attachments.rs), fsx.rs,
# scheme.rs and validate.rs.

## Reading files (fsx.rs)

fsx-not-utf8-gbk = file is not UTF-8; it looks like GBK/GB18030 (saved by a Chinese Windows program): re-save it as UTF-8 (in Notepad or WPS: 另存为, 编码 UTF-8)
fsx-not-utf8 = file is not UTF-8 (it looks like { $guess }): re-save it as UTF-8
fsx-failed-read = failed to read `{ $path }`: { $reason }
fsx-failed-metadata = failed to read metadata of `{ $path }`: { $reason }
fsx-failed-create-dir = failed to create folder `{ $path }`: { $reason }
fsx-failed-create = failed to create `{ $path }`: { $reason }
fsx-failed-write = failed to write `{ $path }`: { $reason }
fsx-failed-replace = failed to replace `{ $path }`: { $reason }
fsx-failed-remove = failed to remove `{ $path }`: { $reason }
fsx-failed-open = failed to open `{ $path }`: { $reason }
fsx-failed-lock = failed to lock `{ $path }`: { $reason }
fsx-failed-list = failed to list `{ $path }`: { $reason }
fsx-failed-other = failed to use `{ $path }`: { $reason }

## Names in addresses (content/mod.rs): the slug is the file or folder
## name, or slug: at the top of the file

content-slug-empty = slug is empty
content-slug-slash = slug `{ $slug }` contains `/`: a slug is one path segment
content-slug-dot = a slug cannot be a single dot `.`: write a name of letters, digits or Chinese characters
content-slug-dots = slug `{ $slug }` contains `..`
content-slug-control = slug `{ $slug }` contains control characters
content-slug-url-sign = slug `{ $slug }` contains `{ $sign }`, which { $role } in a web address: use letters, digits, `-` or `_` instead
content-slug-hidden = slug `{ $slug }` starts with `.` (hidden files are not published)
content-slug-space = slug `{ $slug }` contains spaces: use `-` instead
content-slug-reserved = slug `{ $slug }` is reserved for the column's list pages
content-url-sign-query = starts a query
content-url-sign-fragment = starts a fragment
content-url-sign-escape = starts an escape

## Dates (content/date.rs)

content-date-bad = invalid date `{ $value }`: write it as 2025-12-03, 2025-12-3 or 2025年12月3日, with a time if needed, e.g. 2025-12-03 9:30
content-date-no-such-month = the date `{ $value }` does not exist (months are 1 to 12): write it like 2025-12-03, 2025-12-3 or 2025年12月3日
content-date-no-such-day = invalid date `{ $value }`: there is no such day; write it as 2025-12-03, 2025-12-3 or 2025年12月3日

## The content folder (content/load.rs)

content-no-content-folder = there is no content folder: every column is empty
content-not-a-column = folder `{ $name }` is not a column in site.yaml, so it is not published
content-not-a-column-hint = did you mean `{ $slug }`? or add the column to site.yaml
content-column-title-not-folder = the folder of the column `{ $title }` is content/{ $slug }: move the files there
content-file-outside-columns = `{ $name }` is in the content folder outside every column, so it is not published
content-file-outside-columns-hint = move it into a column's folder, or delete it if it is not needed
content-unknown-file = `{ $name }` is not published: it is not a Markdown item (.md) and no item lists it as an attachment
content-unknown-file-hint = to publish it as an item, make it a .md file starting with title and date; as an attachment, list its name under the item's attachments:; otherwise delete or move it
content-unknown-file-rename-md = rename it to .md to publish it as an item
content-office-lock-file = `{ $name }` is the lock file WPS or Word keeps while `{ $original }` is open, and is not published; it goes away when the file is closed, otherwise delete it
content-page-missing = page column `{ $slug }` has no page: create this file
content-cannot-list = cannot list folder: { $reason }
content-bad-file-name = file name is not valid UTF-8: rename it
content-folder-without-index = folder `{ $name }` has no index.md, so it is not published
content-folder-without-index-hint = an item kept in a folder has its text in the folder's index.md
content-no-title = missing `title` in the front matter
content-no-title-hint =
    start the file with:
    ---
    title: 标题
    date: 2024-03-01
    ---
content-no-date = missing `date` (发布日期) in the front matter
content-no-date-hint = add a line such as `date: 2024-03-01` or `date: 2024-03-01 9:30`
content-written-date = `written`: { $problem }
content-slug-from-file-name = { $problem } (the slug comes from the file name; rename it or set `slug:`)
content-future-report = the { $year } report is to be published on { $date }, after { $today }: it is left out this time and published by the first build on that day (--future publishes it now)
content-future-item = dated { $date }, after { $today }: not published this time; it is published by a build on its day (or now with --future)

## Links in Markdown (content/index.rs)

content-link-outside = link `{ $dest }` points outside the site
content-link-missing = link `{ $dest }`: there is no such page or file in the site
content-link-missing-beside = image or file `{ $dest }`: there is no such file in the site. An item written as one .md file publishes no file beside it; to carry images or files, make the item a folder: create the folder `{ $stem }`, move { $stem }.md into it as index.md, and put the images and files in that folder
content-link-scheduled = link `{ $dest }`: that item is scheduled for { $date } and not published yet, so the link would lead nowhere; add the link on that day, schedule both for the same day, or build with --future

## Link schemes (scheme.rs)

scheme-refused-link = link `{ $dest }` has the scheme `{ $scheme }:`: only http, https, mailto, tel and relative links are allowed
scheme-refused-image = image `{ $dest }` has the scheme `{ $scheme }:`: only http, https, mailto, tel and relative links are allowed

## The command line (cmd/mod.rs SiteArgs)

cli-arg-future = Also publish items dated after today (with check --as-of, after that day)

## The --- block at the top of a file (content/frontmatter.rs)

content-front-matter-unclosed = front matter that starts on line 1 is never closed: add a line `---` after it
content-front-matter-dashes = line 1 `{ $written }` must be three hyphens `---` (type them with the input method off)
content-front-matter-no-opening = line 1 must be `---`: the title, date and other fields go between two `---` lines
content-front-matter-closing-dashes = line { $line } `{ $written }` must be three hyphens `---` (type them with the input method off)
content-front-matter-no-fences = the file has no `---` lines: title, date and the other information go between two `---` lines (one before them, one after), then the text
content-rollup-source-missing = the source `{ $source }` of the summary column `{ $slug }` does not exist (relative to the site's folder)
content-rollup-source-holds-site = the source `{ $source }` of the summary column `{ $slug }` holds this site's own folder and cannot be used: name the folders of the agencies' sites or reports, e.g. ../caizheng
validate-rollup-left-out = the { $year } sum of the summary column `{ $slug }` leaves out these reports: { $agencies }
validate-report-template = the { $year } report is still the draft `gongkai new report` wrote: sample text (the bracketed prompts) from this line on would be published as it is
content-changed-while-building = the file changed while the site was being built (it was read twice, with different contents)
content-changed-while-building-hint = once the file is saved, build again (gongkai serve rebuilds by itself)

# Warnings about a body (content/body.rs).
body-empty = this item has neither text nor attachments: readers who open it see nothing
body-code = this text starts with four or more spaces and is shown as a code block (shaded, typewriter font), not as a paragraph
body-code-hint = remove the spaces at the start; for a text pasted from Word, line_breaks: paragraph at the top of the file also helps
body-joined = this line starts with full-width spaces 　　, like a new paragraph pasted from Word, but it is shown joined to the line above
body-joined-hint = for one paragraph a line, write line_breaks: paragraph at the top of the file, or leave a blank line between paragraphs
body-html = this is HTML code (often in text copied from Word or a web page): the page shows the code as typed, and links and images up to the next blank line do not work
body-html-hint = remove the code in angle brackets and keep the text, or paste again as plain text
body-markup = this image or link is not one: its brackets show on the page as typed
body-markup-hint = an address cannot contain a space: remove it from the file name, or put the address in angle brackets, e.g. ![photo](<photo 1.jpg>)

# Links out of the site (content/inside.rs).
content-link-outside-site = this is a link to somewhere outside the site folder: it is not read or published
content-link-outside-site-hint = copy the file itself here and delete the link
fsx-link-in-output = `{ $path }` in the output folder is a link (to { $to }): files written through it would land outside the site, so nothing was built; remove the link and build again
validate-index-twice = the 索引号 `{ $index_no }` is also used by { $other }: one 索引号 names one document
validate-written-late = the 成文日期 { $written } is after the 发布日期 { $date }: a document is written before it is published; check both dates
content-attachment-key = `{ $key }` in this attachment is unknown: only file (the file name) and title (the title shown) are read
content-attachment-twice = the attachment `{ $file }` is listed twice: it is published once; remove the repeated line
validate-index-format = 索引号 `{ $index_no }` does not follow the site's scheme { $formats } (index_no_format: in site.yaml)
validate-index-format-hint = in that scheme it would be written like { $example }: the fixed parts as they are, the year and sequence number with the right number of digits, padded with 0
validate-index-full-width = the 索引号 has full-width digits or marks; write them half-width: { $fixed }
validate-index-wrong-year = the { $what } in 索引号 `{ $index_no }` is not that of the item's { $dates }; perhaps an old item was copied and its number kept
validate-index-wrong-year-hint = check the number and the dates; 索引号 are numbered by the year of publication (or writing), e.g. { $example }
validate-index-year = year { $year }
validate-index-year-month = year and month { $year }-{ $month }
validate-index-date = publication date { $date }
validate-index-date-written = writing date { $date }
validate-index-dates-both = publication date { $published } and writing date { $written }
body-table-cells = these rows are not a table: the page shows their pipes as typed. The header has { $header } cells and the separator row under it { $separator }; they must be as many
body-table-no-separator = these rows are not a table: the page shows their pipes as typed. The header has no separator row such as |---|---| under it
body-table-hint = under the header, write a separator row with --- in each cell, as many cells as the header, e.g. |---|---| under | 序号 | 姓名 |
