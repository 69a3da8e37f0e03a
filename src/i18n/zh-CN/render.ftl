# Messages of render: the plan of output paths (render/plan.rs, names.rs),
# the redirect pages (render/outputs/redirects.rs), templates and the theme.

render-origin-home = 首页
render-origin-404 = 404 页面
render-origin-sitemap = 网站地图页面
render-origin-feed = 全站订阅（feed.xml）
render-origin-column = 栏目「{ $slug }」
render-origin-column-feed = 栏目「{ $slug }」的订阅（feed.xml）
render-origin-report = 栏目「{ $slug }」的 { $year } 年度报告
render-origin-downloads = 栏目「{ $slug }」{ $year } 年度报告的下载文件
render-origin-file = 「{ $file }」
render-origin-static = 主题文件「{ $path }」
render-origin-attachment = 「{ $file }」的附件{ $number }
render-origin-alias = 「{ $file }」的旧地址「{ $alias }」
render-origin-old-slug = 栏目「{ $slug }」的旧网址名「{ $old }」

render-duplicate = { $first }和{ $second }都要发布到 { $path }
render-folder-clash = { $needs }要用 /{ $dir }/ 作文件夹（放 /{ $path }），但{ $file }在这里发布了文件 /{ $dir }
render-collision-hint = 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址
render-look-alike = { $first }和{ $second }分别发布 { $one } 和 { $other }，两个名字只差大小写或字符写法：在 Windows、macOS 和很多网站服务器上它们是同一个文件
render-name-shorten = 把名字缩短到 { $max } 个字节以内（一个汉字占 3 个字节）
render-name-too-long-staged = { $what }发布的 { $shown } 名字有 { $bytes } 个字节，生成时的临时文件名 .{ $name }.gongkai-new 会有 { $staged } 个字节，超过了文件名最多 { $max } 个字节的限制
render-name-too-long-folder = { $what }要用的文件夹 { $shown } 名字有 { $bytes } 个字节，超过了文件名最多 { $max } 个字节的限制
render-name-control = { $what }要发布的{ $kind ->
        [file] 文件
       *[folder] 文件夹
    } { $shown } 名字里有看不见的控制字符
render-name-sign = { $what }要发布的{ $kind ->
        [file] 文件
       *[folder] 文件夹
    } { $shown } 名字里有「{ $sign }」，它在网址里{ $role }
render-name-rename = 把它来自的文件或文件夹改名
render-sign-query = 表示查询参数的开始
render-sign-fragment = 表示页内位置的开始
render-sign-escape = 表示转义字符的开始

render-alias-bad = 旧地址「{ $alias }」不能用：{ $why }
render-alias-empty = 地址是空的
render-alias-not-in-site = 要写本网站里的路径，如 /tzgg/old.html，不要写 http:// 或别的网站
render-alias-bad-sign = 路径里不能有 \ ? # % 或控制字符
render-alias-dots = 路径里不能有 ..、. 或连续的 /
render-alias-ending = 要以 .html 结尾（一个页面），或以 / 结尾（一个文件夹）
render-old-slug-bad = 旧网址名「{ $old }」不能用：{ $why }
render-old-slug-same = 它和栏目现在的网址名一样

render-template-syntax = 模板写法有错：请检查这一处的 {"{{"} {"}}"} 和 {"{%"} {"%}"} 是否成对、拼写是否正确
render-template-syntax-detail = 模板写法有错：{ $detail }
render-template-error = 用模板生成页面时出错：请检查这一处用到的变量或过滤器名称是否写对
render-template-error-detail = 用模板生成页面时出错：{ $detail }
render-template-no-parent = 模板要继承的「{ $parent }」不存在
render-template-not-found = 找不到模板「{ $name }」
render-template-unknown-name = 模板里用的{ $what ->
    [filter] 过滤器
    [function] 函数
    [test] 判断
   *[other] 组件
}「{ $name }」不存在：请检查拼写
render-theme-not-found = 找不到主题「{ $name }」
render-theme-not-found-hint = 新建 { $dir }，或删掉 site.yaml 里的 theme:
render-theme-cannot-read = 读不出来：{ $why }
render-theme-bad-name = 文件名里有无法识别的字符，请改名
render-origin-elder = 长者模式的{ $page }
render-origin-search = 站内搜索的索引（pagefind 文件夹）
render-origin-search-page = 站内搜索页面
render-search-failed = 站内搜索的索引没有生成：{ $detail }
render-search-memory = 站内搜索的索引预计要用约 { $need } GB 内存，这台电脑现在只有约 { $have } GB 可用：生成时可能被系统中止（网站会保持上次生成的样子）。可以换一台内存更大的电脑生成，或在 site.yaml 里写 search: false 关掉站内搜索
render-origin-rollup = 汇总栏目「{ $slug }」的 { $year } 年度汇总
render-theme-outside-site = 这个主题文件夹是指向网站文件夹外面的链接（快捷方式），不会使用
render-theme-outside-site-hint = 把主题文件夹本身复制到 themes 里，删掉这个链接
render-theme-file-outside-site = 这个文件是指向网站文件夹外面的链接（快捷方式），不会发布
render-theme-file-outside-site-hint = 把文件本身复制到这里，删掉这个链接
