# Messages of check: its text report (cmd/check.rs) and its rules (check/).

check-group = { $severity } ({ $count })
check-fix = fix: { $fix }
check-summary = checked as of { $date }: { $veto } 单项否决, { $deduct } 扣分, { $notice } 提示
check-build-errors = the build has { $count ->
        [one] { $count } error
       *[other] { $count } errors
    } (listed above): nothing can be published, and links were not checked
check-json-failed = cannot write the findings as JSON: { $detail }

check-gone = the page { $path } published by the last build is gone, and no redirect page replaces it
check-sample = sample content not replaced yet: written by gongkai init
check-placeholder-phone = `{ $text }` is a placeholder phone number, not yet your office's real one
check-placeholder-example = `{ $text }` is a placeholder address (example domains are reserved for examples), not yet a real one
check-placeholder-xx = `{ $text }` is placeholder text, not yet the real name

check-pages-more = { $first } and { $count } more { $count ->
        [one] page
       *[other] pages
    }
check-empty-column = column 「{ $title }」 is a blank column (空白栏目): { $why }
check-empty-no-item = it has no published item
check-empty-no-page = it has no page
check-empty-no-text = its page has no text
check-empty-no-report = it has no annual report
check-empty-columns = { $count } blank columns (空白栏目), { $limit } or more fail the inspection: { $names }
check-empty-columns-fix = publish content in these columns, or remove the columns that have none from site.yaml
check-empty-fix-list = add an item under content/{ $slug }/, or remove the column from site.yaml
check-empty-fix-page = write the page's text in content/{ $slug }/_index.md
check-empty-fix-reports = add a report with `gongkai new report YEAR` into content/{ $slug }/
check-footer-missing = the footer has no { $name }: `identifiers.{ $key }` is not set
check-footer-missing-fix = add `{ $key }: { $example }` under `identifiers:` in site.yaml
check-footer-site-code = 网站标识码 `{ $code }` is not 10 digits (6-digit 行政区划代码 + 4 digits)
check-footer-site-code-division = the first 6 digits 「{ $division }」 of the site code 「{ $code }」 are no 行政区划代码: was the issued code written in?
check-footer-number-shape = 「{ $number }」 does not look like { $key ->
        [icp] an ICP备案编号 (e.g. 京ICP备12345678号)
       *[other] a 公安机关备案号 (e.g. 京公网安备11010502000001号)
    }
check-footer-number-sample = 「{ $number }」 is a sample number, not the site's own
check-footer-number-fix = under identifiers: in site.yaml, write the number issued for { $key }: exactly, e.g. { $example }
check-footer-site-code-fix = copy the 网站标识码 exactly as issued, e.g. "3213220037" (quoted, so YAML keeps leading zeros)
check-metadata-unknown = column 「{ $title }」 requires `{ $key }`, which is not a metadata key
check-metadata-unknown-near = did you mean `{ $key }`? known keys: { $known }
check-metadata-unknown-fix = known keys: { $known }
check-metadata-missing = 「{ $item }」 has no { $name } (`{ $key }`), which column 「{ $title }」 requires
check-metadata-missing-fix = add `{ $key }: …` to the front matter
check-freshness-default-period = { $period } (the default for its title)
check-freshness-column = column 「{ $title }」 is not updated (栏目不更新): its newest entry is of { $date }, { $days } days before { $as_of }; `update_within` is { $period }
check-freshness-column-fix = publish a new item in this column, or set `update_within` to the period it really has
check-freshness-page = the page of column 「{ $title }」 was updated on { $date }, { $days } days before { $as_of }; `update_within` is { $period }
check-freshness-page-fix = check the page's content, correct what needs it, then set date: at the top of the file to the day it was checked
check-freshness-page-undated = the page of column 「{ $title }」 has no 更新日期 (date of update); the inspection counts it as not updated
check-freshness-page-undated-fix = add date: with the day its content was last checked or updated (e.g. date: 2024-03-01) between the --- lines at the top of the file; the page then shows its 更新日期
check-freshness-key = { $count } 动态/通知公告/政策 columns are not updated (nothing new within 2 weeks for 动态, 6 months for 通知公告 and 政策; { $limit } or more fail the inspection): { $names }
check-freshness-key-fix = publish new items in these columns; a column that is not 动态, 通知公告 or 政策 (a yearly 工作报告, 工作总结) takes check_as: other in site.yaml
check-freshness-any = { $count } columns are not updated ({ $limit } or more fail the inspection)
check-freshness-any-fix = publish new items in the stale columns, or remove columns that are no longer kept
check-freshness-home = the home page is not updated (首页不更新): the newest item is of { $date }, { $days } days before { $as_of }; more than { $limit } days fail the inspection
check-freshness-home-none = the home page is not updated (首页不更新): the site has no dated item at all
check-freshness-home-fix = publish a new item in any list column (e.g. 工作动态 or 通知公告)
check-links-anchor = anchor not found
check-links-scheme = link with the scheme `{ $scheme }:`
check-links-broken = link to a page that does not exist
check-links-broken-file = the file it uses is not there
check-links-on = { $what }: `{ $link }` on { $pages }
check-links-fix-file = correct or remove the link in this file
check-links-fix-static = the site has no file { $file }: put it in the site's static/ folder (or the theme's), or correct the file name written in site.yaml or the template
check-home-page = the home page
check-links-fix-theme = the link is on pages made by the theme: correct it in the theme's templates
check-attachment-missing = attachment `{ $file }` of 「{ $title }」 is missing
check-attachment-missing-fix = put the file beside the item, or remove it from `attachments`
check-http-gov = { $count } { $count ->
        [one] link
       *[other] links
    } to the government site { $host } use http:// instead of https:// (first: { $first } on { $pages })
check-http-gov-fix = write https://{ $host }/… if the site supports it
check-external-unchecked = external link { $url } on { $pages } was not checked
check-external-unchecked-fix = run `gongkai check --external` to fetch external links
check-external-broken = external link { $url } on { $pages } does not work: { $why }
check-external-broken-fix = correct the address, or remove the link
check-external-limit = { $count } external links were not checked: only { $max } requests are made per run
check-external-limit-fix = check the remaining links by hand, or remove links that are no longer needed
check-external-status = HTTP status { $code }
check-external-no-location = HTTP status { $code } without an address to go to
check-external-redirects = more than { $max } redirects
check-external-downgrade = it redirects from https down to plain http ({ $to })
check-external-bad-redirect = it redirects to `{ $to }`, which is not an http(s) address
check-external-not-fetched = not checked
check-external-unreachable = the site cannot be reached
check-external-unreachable-detail = { $detail }
check-footer-police-digits = the 公安机关备案号 `{ $number }` has no digits, so it cannot link to its record
check-footer-police-digits-fix = write the number as issued, e.g. 京公网安备11010502000000号, or give the record page as `police_url:` under `identifiers:`
check-footer-jiucuo-fix = add `jiucuo:` under `identifiers:` in site.yaml: the 政府网站找错 address you were given, with your site code in it
check-footer-jiucuo-code = the 政府网站找错 address names site code `{ $named }`, not this site's `{ $own }`: readers' reports would go to another site
check-footer-jiucuo-code-fix = compare `jiucuo:` and `site_code:` under `identifiers:` in site.yaml and use this site's code
check-remote-image = the image `{ $url }` is on another host ({ $host }): that host learns of every reader who opens this page, and the site loads nothing from other hosts, so it is not shown
check-remote-image-fix = download the image, put it beside this file (in the same folder) and write ![description](file name)
check-csp-inline = pages have { $what }, which a browser blocks under a strict policy (Content-Security-Policy: default-src 'self'): { $pages }
check-csp-inline-fix = this comes from the site's own templates (the templates folder): put styles in a .css file and scripts in a .js file of the static folder, linked with <link rel="stylesheet" href="…"> or <script src="…"></script>; use an image file of static as the icon
check-list-separator = ,{" "}
check-files-more = { $files } and { $count } more { $count ->
    [one] file
   *[other] files
}
check-csp-script-file = an attachment is of a type browsers run script from, and it runs on this site's address when opened: { $files }
check-csp-script-file-fix = publish it as a PDF instead; if it must be published, have it reviewed first, and remove the types not needed from attachments: {"{"} allow: [...] {"}"} in site.yaml
check-csp-script-static = the site's own static folder has files browsers run script from: { $files }
check-csp-script-static-fix = these are the site's code, not content: have them reviewed and delete those the site does not need
check-empty-fix-rollup = name sites or folders holding annual reports in sources: of the column `{ $slug }` in site.yaml
check-freshness-kind-news = 动态
check-freshness-kind-notice = 通知公告/政策
check-freshness-kind-title = { $kind } by its title
check-freshness-kind-set = { $kind } as site.yaml says
check-links-anchor-near = that page has `#{ $id }`: is that the place meant? Change the part after # in this file to { $id } (a heading's place is its text without marks, joined by -)
check-placeholder-xx-fix = replace it with the real name (a name masked on purpose in a 公示 list stays: a surname alone followed by XX, as 王XX, is not counted)
