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
