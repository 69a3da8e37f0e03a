# What went wrong with a file or the network, in everyday words
# (i18n::io_error).

io-kind-not-found = 找不到这个文件或文件夹
io-kind-permission = 没有读写权限
io-kind-exists = 已经有同名的文件
io-kind-full = 磁盘已满
io-kind-read-only = 磁盘是只读的
io-kind-is-dir = 这是一个文件夹，不是文件
io-kind-not-dir = 路径中有一段是文件，不是文件夹
io-kind-not-empty = 文件夹不是空的
io-kind-bad-name = 文件名不能用
io-kind-invalid-data = 文件内容不是有效的文本
io-kind-addr-in-use = 这个端口已被其他程序占用
io-kind-addr-unavailable = 本机没有这个地址
io-kind-other = 系统报告：{ $detail }
