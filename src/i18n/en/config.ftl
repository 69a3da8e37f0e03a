# Messages of config (config.rs, config/*.rs): site.yaml, and the YAML
# mistakes of every file (config/yaml_error.rs).

## YAML written wrongly (site.yaml, the --- block at the top of a page, reports)

yaml-duplicate-key = `{ $key }` is written twice
yaml-duplicate-row = the row `{ $key }` is written twice
yaml-duplicate-key-hint = delete one of them
yaml-duplicate-key-first = first written on line { $line }; delete one of them
yaml-unknown-key = unknown field `{ $field }`, expected one of { $expected }
yaml-key-hidden = the name `{ $key }` holds a character that cannot be seen ({ $what })
yaml-key-hidden-hint = delete the name and type it again
yaml-hidden-zero-width = a zero-width character, often pasted from a web page or Word
yaml-hidden-space = a special space
yaml-did-you-mean = did you mean `{ $key }`?
yaml-missing-key = missing field `{ $field }`
yaml-empty-value = this value is empty: write it after the colon
yaml-unknown-choice = unknown variant `{ $value }`, expected one of { $expected }
yaml-full-width-colon = a colon must be the half-width `:`, not the full-width `：`
yaml-colon-space = put a space after the colon
yaml-colon-odd-space = the space after the colon is a { $space }: type a plain half-width space instead
yaml-space-full-width = full-width space
yaml-space-non-breaking = non-breaking space (pasted from Word or a web page)
yaml-missing-colon = this line has no `:`
yaml-key-not-text = a key must be plain text
yaml-empty-cell = nothing between two commas in the brackets: write ~ for a blank cell
yaml-full-width-comma = a comma must be the half-width `,`, not the full-width `，`
yaml-empty-item = nothing between two commas in the brackets: delete the extra comma
yaml-backslash = while parsing a quoted scalar, found unknown escape character
yaml-backslash-hint = a `\` inside double quotes starts an escape: use single quotes, e.g. '文件\说明', or write `\\`
yaml-tab = while scanning a plain scalar, found a tab
yaml-tab-hint = YAML indents with spaces only: replace the tab with spaces
yaml-unclosed-quote = unclosed quote
yaml-unclosed-quote-hint = add the closing quote at the end of the value
yaml-needs-quotes = mapping values are not allowed in this context
yaml-needs-quotes-hint = a value that contains `: ` must be put in quotes, e.g. title: "通知：关于……"
yaml-indent = the indentation of this line does not match the lines above
yaml-indent-hint = lines at one level start with the same number of spaces; what belongs to the line above is indented two more
yaml-indent-odd-one = the indentation of this line does not match the lines around it
yaml-after-quote = text after the closing quote: put the whole value inside one pair of quotes
yaml-reserved-start = a value starting with `{ $sign }` must be put in quotes
yaml-second-document = a second `---` line: the file holds one document only, delete this line
yaml-expected-text = expected string scalar
yaml-expected-text-hint = this value must be plain text; if it starts with [ {"{"} * & ! or #, put it in quotes
yaml-expected-list = expected sequence start
yaml-expected-list-hint = write one item per line starting with `- `, or [a, b]
yaml-expected-keys = expected mapping start
yaml-expected-keys-hint = write one `name: value` per line, with a half-width colon and a space after it
yaml-expected-number = expected a number
yaml-expected-yes-no = expected true or false
yaml-unreadable = cannot read this line
yaml-unreadable-hint = check this line and the one above: `name: value`, a half-width colon and a space after it, indented with spaces only

# A YAML mistake and its advice in one sentence (report files, whose
# findings carry no separate hint).
yaml-with-hint = { $message }; { $hint }

## site.yaml

config-unreadable = cannot read the site configuration: { $reason }
config-unreadable-hint = run `gongkai init DIR` to start a new portal, or pass --root
config-bad-period = invalid period `{ $value }`: write a number and a unit, e.g. 14d, 2w, 6m or 1y
config-column-problem = column `{ $slug }`: { $problem }
config-column-slug-twice = two columns have the slug `{ $slug }`
config-per-page-zero = column `{ $slug }`: per_page must be at least 1
config-no-columns = `columns` is empty: list at least one column
config-bad-deadline = invalid report_deadline `{ $value }`: write month and day as MM-DD, e.g. 02-20
config-base-url-no-host-warning = `{ $name }` `{ $url }` names no host: feeds and the sitemap need absolute addresses and will have addresses without one
config-base-url-no-host-hint = write the full address, e.g. https://www.example.gov.cn/xxgk/, unless the host is not known yet
config-base-url-refused = `{ $name }` `{ $url }` { $why }
config-base-url-hint = write the address the site is published at, e.g. https://www.example.gov.cn/xxgk/, or a path such as /xxgk/
config-base-url-why-scheme = has the scheme `{ $scheme }:`
config-base-url-why-no-host = names no host
config-base-url-why-no-scheme = has no scheme: write the full address, e.g. https://www.example.gov.cn/xxgk/
config-base-url-why-neither = is neither an http(s) address nor a path
config-base-url-why-character = an address cannot contain `{ $character }` (no spaces, tabs, backslashes, quotes or angle brackets)
config-attachment-type-dot = `attachments.allow`: `{ $entry }` is not a file type: write it without the dot, e.g. dwg
config-attachment-type-chars = `attachments.allow`: `{ $entry }` is not a file type: write letters and digits only, e.g. dwg
config-identifier-bad-url = identifiers: { $key } is "{ $value }", which is not a web address: write a full address starting with https:// or http://
config-identifier-bad-url-hint = copy the address as the registry or the office above you gave it, e.g. https://www.example.gov.cn/
config-static-file-bad = { $key }: "{ $value }" cannot be used: { $problem }
config-static-file-hint = name a file in the site's static folder, e.g. { $key }: { $example }, and put that file into the static folder
config-static-file-empty = no file name is given
config-static-file-address = this is an address on another site; the image must be in this site's static folder, not loaded from another site (that site would learn of every reader's visit)
config-static-file-path = only a file name in the static folder, or folder/file name, is allowed: no leading /, no .., spaces or symbols such as ? # %
config-rollup-no-sources = a summary column (kind: rollup) needs sources: naming the sites or report folders it sums, e.g. sources: [../caizheng, ../dajie]
config-sources-not-rollup = only a summary column (kind: rollup) takes sources:
config-theme-not-a-name = theme: `{ $name }` is not the name of a theme folder
config-theme-not-a-name-hint = write only the name of a folder in themes/, e.g. theme: default; not a path
config-index-format-bad = index_no_format: the 索引号 scheme `{ $format }` cannot be used: { $problem }
config-index-format-hint = write the fixed parts of the number as they are and the changing parts in braces: {"{"}year{"}"} (4 digits), {"{"}month{"}"}, {"{"}day{"}"} (2 digits), {"{"}seq{"}"} (any number of digits) or {"{"}seq:5{"}"} (5 digits, padded with 0), e.g. index_no_format: 014314799/{"{"}year{"}"}-{"{"}seq:5{"}"}
config-index-format-empty = it is empty
config-index-format-unclosed = a `{"{"}` has no `{"}"}` after it
config-index-format-stray-brace = a `{"}"}` has no `{"{"}` before it
config-index-format-unknown = `{ $name }` in braces is not a part a scheme can have (year, month, day, seq, or 年, 月, 日, 序号)
config-index-format-digits-only-seq = only the sequence number takes a number of digits; `{ $name }` has a fixed one
config-index-format-bad-digits = the number of digits `{ $digits }` must be from 1 to 12
config-index-format-twice = year, month, day or seq appears twice in the scheme
config-check-as = column { $slug }: check_as: `{ $value }` is not a kind of column
config-check-as-hint = write one of news (动态), notice (通知公告), policy (政策) or other (其他): for 栏目不更新, news columns need something new within 2 weeks, notice and policy columns within 6 months; yearly columns such as a 工作报告 are other
