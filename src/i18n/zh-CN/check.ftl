# Messages of check: its text report (cmd/check.rs) and its rules (check/).

check-group = { $severity }（{ $count } 处）
check-fix = 改法：{ $fix }
check-summary = 按 { $date } 检查：单项否决 { $veto } 处，扣分 { $deduct } 处，提示 { $notice } 处
check-build-errors = 网站文件有 { $count } 处错误（见上）：改正之前不能发布，链接也没有检查
check-json-failed = 无法把检查结果写成 JSON：{ $detail }

check-gone = 上次生成时发布的页面 { $path } 现在没有了，也没有从它跳转到新地址的页面
check-sample = 示例内容还没有替换：这是 gongkai init 写的示例
check-placeholder-phone = 「{ $text }」是示例电话号码，还没有改成本单位的真实号码
check-placeholder-example = 「{ $text }」是示例地址（example 开头的域名只用来举例），还没有改成真实的
check-placeholder-xx = 「{ $text }」是占位文字，还没有改成真实的名称
