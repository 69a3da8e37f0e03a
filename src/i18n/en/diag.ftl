# Words printed with every finding (diag/mod.rs).

severity-error = error
severity-veto = 单项否决
severity-deduct = 扣分
severity-warning = warning
severity-notice = 提示
diag-hint = hint
diag-failed = error: { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }; correct them and run again
diag-build-failed = error: build failed with { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }; the published site is unchanged
