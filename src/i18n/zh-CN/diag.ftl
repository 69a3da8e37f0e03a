# Words printed with every finding (diag/mod.rs).

severity-error = 错误
severity-veto = 单项否决
severity-deduct = 扣分
severity-warning = 警告
severity-notice = 提示
diag-hint = 建议
diag-failed = 错误：共 { $count } 处错误，请改正后再运行
diag-build-failed = 错误：共 { $count } 处错误，这次没有生成网站，已发布的网站保持原样
