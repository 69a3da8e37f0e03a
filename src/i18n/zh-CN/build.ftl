# Messages of build, serve, init and the output folder (cmd/, output/,
# pipeline/, serve/).

build-failure = 错误：{ $detail }
build-up-to-date = 上次生成 { $out } 以来没有改动（{ $ms } 毫秒）
build-done = 已生成 { $total } 个文件到 { $out }，用时 { $ms } 毫秒（写入 { $written } 个，删除 { $removed } 个）
build-done-edits = 只有 { $changed } 个文章文件有改动：重新生成了 { $pages } 个页面，更新到 { $out }，用时 { $ms } 毫秒（写入 { $written } 个，删除 { $removed } 个；网站共 { $total } 个文件）
build-waiting = 另一个 gongkai 正在往 { $out } 写文件，等它写完后继续……
build-cannot-open-root = 打不开网站文件夹「{ $path }」：{ $why }
build-watching = 正在监视 { $root } 里的改动（按 Ctrl-C 停止）
build-stopped = 已停止
build-watch-not-written = { $what }：这次没有写入，已生成的网站保持原样
build-watch-written = { $what }：生成了{ $pages }，写入 { $written } 个文件到 { $out }，用时 { $ms } 毫秒（删除 { $removed } 个）

init-exists = 「{ $dir }」里已经有 site.yaml，没有做任何改动
init-created = 已在 { $dir } 新建公开专栏网站
init-kept = 有 { $count } 个文件原来就在，保留原样（没有覆盖）：
init-next = 下一步：cd { $dir }，把示例内容改成本单位的，再运行 gongkai check 和 gongkai build

output-refused = 不能把网站写到「{ $path }」：{ $why }
output-refuse-fs-root = 这是整个磁盘的根目录
output-refuse-site-root = 这是网站自己的文件夹
output-refuse-inside = 它在网站的 { $folder }/ 文件夹里面
output-refuse-contains-site = 网站自己的文件在它里面
output-refuse-outside-site = 它在网站文件夹外面：site.yaml 的 output: 只能写网站文件夹里的文件夹；要生成到别处，请在命令里写 --output
output-refuse-not-ours = 这个文件夹不是空的，也不是 gongkai 建的（确实要写进去，请加 --force）
output-manifest-ignored = 清单里的「{ $file }」不在输出文件夹里，已忽略

build-pages-all = 全部 { $count } 个页面
build-pages-changed = 改动的 { $count } 个页面
build-what-site = 网站已生成
build-what-one = { $path } 有改动
build-what-more = { $path } 和另外 { $count } 个文件有改动
build-no-thread = 无法启动重新生成：{ $why }
build-cannot-watch = 无法监视「{ $path }」里的改动：{ $why }
build-cannot-watch-dir = 警告: 无法监视「{ $path }」里的改动：{ $why }
build-watch-failed = 警告: 监视文件改动时出了问题：{ $why }

serve-no-site = 「{ $path }」里没有 site.yaml，这不是一个网站文件夹
serve-failed = 预览服务出错了：{ $why }
serve-rendered = { $what }：生成了{ $pages }，用时 { $ms } 毫秒
serve-not-published = { $what }：有错误，没有更新预览，浏览器里仍是上一次正确的版本
serve-indexed = 搜索索引已更新：收录 { $pages } 个页面，用时 { $ms } 毫秒
serve-index-not-published = 搜索索引没有更新成功：在预览里搜索，可能找不到最新的内容
serve-serving = 正在预览 { $root }，请在浏览器打开 { $url } （按 Ctrl-C 停止）
serve-ports-in-use = { $ip } 上的端口 { $first } 和它后面的 { $count } 个端口都被占用了：请用 --port 换一个
serve-cannot-listen = 无法在 { $addr } 上预览：{ $why }
serve-port-moved = 端口 { $port } 已被占用，预览改用端口 { $candidate }
serve-public = 警告: 正在 { $ip } 上预览，同一网络里的其他电脑也能打开（加了 --drafts 时包括草稿）；只想在本机预览，请用 --bind 127.0.0.1
serve-no-browser = 警告: 没能打开浏览器，请自己打开 { $url }
serve-overlay-failed = 生成失败，共 { $count } 处错误。下面仍是上一次成功生成的页面；改正并保存后会自动刷新。
serve-overlay-close = 暂时关闭
serve-not-built-page = <!DOCTYPE html><html lang="{ $lang }"><head><meta charset="utf-8"><title>尚未生成</title></head><body><p>网站尚未成功生成，请查看错误提示。</p></body></html>
