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
check-footer-site-code-fix = copy the 网站标识码 exactly as issued, e.g. "3213220037" (quoted, so YAML keeps leading zeros)
check-metadata-unknown = column 「{ $title }」 requires `{ $key }`, which is not a metadata key
check-metadata-unknown-near = did you mean `{ $key }`? known keys: { $known }
check-metadata-unknown-fix = known keys: { $known }
check-metadata-missing = 「{ $item }」 has no { $name } (`{ $key }`), which column 「{ $title }」 requires
check-metadata-missing-fix = add `{ $key }: …` to the front matter
check-freshness-default-period = { $period } (the default for its title)
check-freshness-column = column 「{ $title }」 is not updated (栏目不更新): its newest entry is of { $date }, { $days } days before { $as_of }; `update_within` is { $period }
check-freshness-column-fix = publish a new item in this column, or set `update_within` to the period it really has
check-freshness-key = { $count } 动态/通知公告/政策 columns are not updated ({ $limit } or more fail the inspection): { $names }
check-freshness-key-fix = publish new items in these columns
check-freshness-any = { $count } columns are not updated ({ $limit } or more fail the inspection)
check-freshness-any-fix = publish new items in the stale columns, or remove columns that are no longer kept
check-freshness-home = the home page is not updated (首页不更新): the newest item is of { $date }, { $days } days before { $as_of }; more than { $limit } days fail the inspection
check-freshness-home-none = the home page is not updated (首页不更新): the site has no dated item at all
check-freshness-home-fix = publish a new item in any list column (e.g. 工作动态 or 通知公告)
check-links-anchor = anchor not found
check-links-scheme = link with the scheme `{ $scheme }:`
check-links-broken = link to a page that does not exist
check-links-on = { $what }: `{ $link }` on { $pages }
check-links-fix-file = correct or remove the link in this file
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
