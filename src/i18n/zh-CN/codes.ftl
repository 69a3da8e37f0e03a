# The codes of findings (diag/codes.rs): for each, a title, the usual fix
# and an explanation, as `gongkai explain CODE` prints them. Written for
# the office staff who edit the site.

code-io =
    .title = 文件读不出来或写不进去
    .fix = 看看这个文件在不在、能不能打开，磁盘是不是满了
    .explain = gongkai 要读网站的文件，再把生成的网页写进输出文件夹。出了这个问题时，提示里会写明是哪个文件、出了什么事。

code-config =
    .title = site.yaml 里有一项写错了或没写
    .fix = 按提示改正 site.yaml 里的这一项
    .explain = site.yaml 写的是网站名称、各个栏目和网站的各种备案编号。每个栏目都要有不重复的网址名 slug、栏目名称 title 和类型 kind（list 列表、page 单页或 reports 年度报告）；per_page（每页条数）至少是 1；report_deadline（年度报告发布期限）写成 月-日，如 "01-31"。
    .also = base_url 只写了路径、没有网址时是警告

code-yaml =
    .title = 文件的格式写得不对，读不出来
    .fix = 在提示的位置检查：每个名称后面的冒号要用英文半角「:」并跟一个空格，每行开头的空格（缩进）要对齐，引号要成对
    .explain = site.yaml 和每个 Markdown 文件开头两行 --- 之间的信息，都要按固定的格式（YAML）来写。写了 gongkai 不认识的名称、值的种类不对，或者漏了冒号、空格，整个文件就读不出来。提示的位置就是第一个出问题的地方；名称写错时，会提示最接近的正确名称。

code-front-matter =
    .title = 信息文件开头缺了一项，或者有一项写得不对
    .fix = 文件开头要写 ---、title: 标题、date: 2024-03-01、---，再按提示改正写错的那一项
    .explain = 列表栏目里的每条通知、每份文件，开头的 --- 之间至少要写标题（title:）和发布日期（date:，写成 年-月-日）。其他可以写的项目（成文日期 written、网址名 slug、摘要 summary、附件 attachments、索引号等信息索引项目）要按提示的格式写。
    .also = 同一个附件写了两次时是警告

code-encoding =
    .title = 文件或文件名不是 UTF-8 编码
    .fix = 把文件另存为 UTF-8 编码（在 WPS 或记事本里：另存为，编码选 UTF-8），或者给文件改个名
    .explain = gongkai 按 UTF-8 编码读文字文件。老的 Windows 软件保存的文件常常是 GBK 编码，要先另存为 UTF-8 才能发布。

code-unpublished =
    .title = content/ 里有文件或文件夹不会被发布
    .fix = 在 site.yaml 里加上这个栏目，或补上缺的 index.md、_index.md，或者删掉这个文件夹
    .explain = 只有 site.yaml 里写了的栏目文件夹才会发布；一条信息如果是一个文件夹，里面要有 index.md。content/ 里的其他东西都不会出现在网站上，这通常是放错了地方，所以会提醒你。

code-attachment =
    .title = 附件不见了，或者没有放在信息旁边
    .fix = 把附件文件放进这条信息的文件夹，文件名和 attachments: 里写的一样
    .explain = 附件和它所属的信息一起发布，所以要放在这条信息自己的文件夹里。附件文件不在，发布后网页上的下载链接就打不开。

code-link =
    .title = 正文里的链接指向的页面或文件不存在
    .fix = 改正链接，让它指向一个存在的页面或文件（相对这个 Markdown 文件的位置），或者删掉这个链接
    .explain = 生成网站时会检查页面之间的链接：全国政府网站检查时，错链要扣分，所以有错链时不会生成网站，免得发布出去。

code-template =
    .title = 模板读不出来，或者用它生成页面时出错
    .fix = 在提示的位置改正模板，或者删掉 templates/ 里你自己的那份，改用主题自带的模板
    .explain = 网页是用主题的模板生成的；网站可以在自己的 templates/ 文件夹里放同名文件，替换主题里的某个模板。模板写法有错、用了不存在的变量，或者找不到模板，都会停止生成。

code-theme =
    .title = site.yaml 里写的主题不存在
    .fix = 写 themes/ 里一个文件夹的名字，或者删掉 theme: 这一行，使用默认主题
    .explain = site.yaml 里的 theme: 写的是网站 themes/ 文件夹里的一个主题文件夹；默认主题是 gongkai 自带的。

code-duplicate-url =
    .title = 两个文件要发布到同一个网址
    .fix = 给其中一个换个文件名，或者写一个不同的 slug:
    .explain = 网站的每个页面都有自己的网址，由栏目和文件名（或 slug:）组成。两个文件网址相同，就会互相覆盖。

code-empty-column =
    .title = 空白栏目
    .fix = 在这个栏目里至少发布一条信息，或者把这个栏目从 site.yaml 里删掉
    .explain = 全国政府网站检查时，导航里有、点进去却什么都没有的栏目算空白栏目（扣分）。列表栏目没有已发布的信息（草稿不算），单页栏目的 _index.md 里没有文字，年度报告栏目没有报告，都算空白。

code-empty-columns =
    .title = 空白栏目有 5 个或更多
    .fix = 给空白栏目补上内容，或者把它们从 site.yaml 里删掉
    .explain = 空白栏目达到 5 个，整个网站检查不合格（单项否决）。

code-freshness-column =
    .title = 栏目不更新
    .fix = 在这个栏目发布新内容；如果这个栏目本来就更新得少，在 site.yaml 里给它写上 update_within（更新周期）
    .explain = 列表栏目从最新一条信息的日期算到检查那天，和 update_within 比；没写 update_within 时按栏目类别：动态类 2 周，通知公告、政策类 6 个月，其他 1 年；类别按 site.yaml 的 check_as:，没写则按栏目名称（含 动态、要闻、新闻 或以“工作”结尾的算动态类，含 通知、公告、政策 的算通知公告、政策类）。单页栏目按页面上的更新日期（_index.md 的 date:）算，默认 1 年；没写更新日期的算作不更新。gongkai check --help 里有详细说明。

code-freshness-key-columns =
    .title = 动态、通知公告、政策类栏目有 5 个或更多不更新
    .fix = 在不更新的动态、通知公告和政策类栏目发布新内容
    .explain = 动态类栏目 2 周、通知公告和政策文件类栏目 6 个月内没有新信息即为不更新，这样的栏目达到 5 个，整个网站检查不合格（单项否决）。这两个期限是全国检查指标定的，不随 site.yaml 里的 update_within 改变；update_within 只决定每个栏目自己的扣分项。栏目类别按 site.yaml 的 check_as:（动态、通知公告、政策、其他），没写则按栏目名称判断；年度工作报告、工作总结这类不是动态的栏目，写 check_as: 其他。

code-freshness-columns =
    .title = 有 10 个或更多栏目不更新
    .fix = 在不更新的栏目发布新内容
    .explain = 任何类型的栏目不更新的达到 10 个，整个网站检查不合格（单项否决）。

code-freshness-home =
    .title = 首页不更新
    .fix = 发布一条最近 14 天以内的通知或新闻
    .explain = 首页要能看到最近两周内发布的内容，否则整个网站检查不合格（单项否决）。

code-footer-site-code =
    .title = 网站标识码没写或写得不对
    .fix = 在 site.yaml 的 identifiers: 下面写 site_code:，填 10 位网站标识码，并加上引号
    .explain = 每个政府网站都要在网页底部显示网站标识码：10 位数字，前 6 位是行政区划代码，后面再加 4 位。

code-footer-icp =
    .title = 没写 ICP 备案编号
    .fix = 在 site.yaml 的 identifiers: 下面写 icp:
    .explain = 每个政府网站都要在网页底部显示 ICP 备案编号。

code-footer-police =
    .title = 没写公安机关备案号
    .fix = 在 site.yaml 的 identifiers: 下面写 police:
    .explain = 每个政府网站都要在网页底部显示公安机关备案号。

code-metadata-index-twice =
    .title = 两条信息用了同一个索引号
    .fix = 给其中一条改成它自己的索引号（一般是另一条的复制件没有改）
    .explain = 索引号是每一条政府信息在公开目录里的编号，一个索引号只对应一条信息。两条信息写了同一个索引号，读者和检查人员按索引号查找时会找到两条，常见原因是复制旧信息写新信息时忘了改。

code-metadata-written-late =
    .title = 成文日期晚于发布日期
    .fix = 核对 written:（成文日期）和 date:（发布日期），成文在先，发布在后
    .explain = 成文日期是文件签发的日期，发布日期是在网站上公开的日期，文件总是先成文后公开。成文日期晚于发布日期，通常是两个日期中有一个写错了。

code-metadata-index-format =
    .title = 索引号不合本站的编号格式
    .fix = 照 site.yaml 里 index_no_format: 的格式改写索引号，年份写文件发布（或成文）的年份
    .explain = 索引号按本站统一的格式编写（如 机构代码/年份-序号），读者和检查人员按它查找文件。site.yaml 写了 index_no_format: 时，每条信息和每份年度报告的索引号都要符合其中一种格式；格式里有年份（月份）的，还要和文件的发布日期或成文日期对得上。常见的错误是序号少写或多写了 0、写了全角字符、复制旧信息时没改年份。

code-metadata-missing =
    .title = 信息缺少栏目要求填写的信息索引项目
    .fix = 在这条信息的文件开头 --- 之间补上这一项
    .explain = site.yaml 里栏目的 require: 列出了这个栏目每条信息都必须填写的政府信息公开目录项目（索引号、发布机构、文号……）。

code-metadata-unknown-key =
    .title = 栏目要求填写的项目不存在
    .fix = 在 require: 里写 gongkai 认识的项目名称
    .explain = require: 里可以写文件开头用的名称（如 index_no），也可以写中文名称（如 索引号）。

code-links-broken =
    .title = 网站里有链接指向不存在的页面（错链）
    .fix = 在提示的 Markdown 文件或模板里改正这个链接
    .explain = 生成后的页面里，凡是指向本网站的地址，都必须是输出文件夹里真的有的文件。很多页面共有的同一个链接（比如模板里的）只算一处。

code-links-anchor =
    .title = 链接指向的页内位置在那一页上找不到
    .fix = 改正 # 后面的部分，或者在那一页加上它要找的标题或 id
    .explain = 带 #名称 的链接，要在它指向的页面上找到 id 是这个名称的位置。

code-links-attachment =
    .title = 附件没有被发布
    .fix = 把附件文件放到这条信息旁边
    .explain = 信息里列出的每个附件都要和它一起发布。

code-links-http-gov =
    .title = 打开政府网站的链接用的是不加密的 http
    .fix = 如果那个网站支持，把链接改成 https://
    .explain = 用 http:// 打开 *.gov.cn 网站的链接，每个网站列一次；现在大多数政府网站都支持 https。

code-links-external-unchecked =
    .title = 站外链接只列出，没有访问检查
    .fix = 运行 gongkai check --external 访问检查这些链接
    .explain = 不加 --external 时，check 不会上网，只把站外地址列出来，方便有人去看一看。

code-links-external =
    .title = 站外链接打不开
    .fix = 改正或删掉这个链接
    .explain = 加了 --external 时，每个不同的站外地址访问一次（先 HEAD，再 GET），有等待时间限制；打不开的地址算网站的错链。

code-links-external-limit =
    .title = 站外链接太多，一次检查不完
    .fix = 其余的链接请手工检查，或者过一会儿再运行一次
    .explain = 一次最多访问 200 个站外地址，这样检查不会太久，也不会给别的网站添麻烦。

code-report-missing =
    .title = 缺少上一年度的政府信息公开工作年度报告
    .fix = 用 gongkai new report 年份 写出报告，填好后发布
    .explain = 《政府信息公开条例》第四十九条：上一年度的年度报告要在 1 月 31 日前公布（街道、乡镇等可以在 site.yaml 里用 report_deadline 写别的日期）。
    .also = 还没到公开期限时是提示

code-report-yaml =
    .title = 年度报告文件的格式写得不对，读不出来
    .fix = 在提示的位置改正格式（冒号、每行开头的空格、括号）
    .explain = 年度报告文件要先按固定格式（YAML）写对，才能读出里面的表格。提示的位置是第一个读不懂的地方；这里改好之前，文件的其他内容都不会检查。

code-report-structure =
    .title = 年度报告缺了、多了或放错了某个标题或行
    .fix = 按官方写法写这个标题或行，和 gongkai new report 年份 写出来的一样
    .explain = 年度报告要按它所用版本的官方格式写：六个部分用官方标题，表格每一行用官方名称。比较名称时不管括号全角半角、空格和编号写法；不认识的名称会提示最接近的官方名称，缺少的行会列出来。本版格式里有、但写错了层次（行首空格多了或少了、放在了别的标题下面）的行，会说明它属于哪个标题、行首应空几格，不算缺少，数字照常核对。
    .also = 一、总体情况缺少 2021 版的五个小标题时是警告

code-report-cell =
    .title = 单元格里写的不是应该写的数字
    .fix = 写整数（0 或更大），本年增/减写带正负号的数，空白单元格写 ~
    .explain = 格式规则 E：件数是 0 或更大的整数；本年增/减可以是负数，写成 +19 或 -3；以万元为单位的金额可以有小数。每行的格数要和表格的列数一样。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，页面上照原件显示

code-report-unit =
    .title = 单元格的数字后面写了单位
    .fix = 只写数字：6件 写成 6
    .explain = 正式表格的单元格只有数字，单位在表头里。数字后面跟着本列的单位（件数列的 件、个、项、条、次、人、起、宗，金额列的 万元）时，按这个数字计算，页面上只显示数字，和 gongkai import 读已发布报告时一样；这是警告，不影响生成网站。其他写法（如 约6、6个半、3元）仍是错误（report.cell）。

code-report-blank =
    .title = 有单元格空着
    .fix = 原件上是 0 的地方写 0；只有正式发布的原件上本来就空着的地方才写 ~
    .explain = 空白单元格（~）显示为空，计算时当作 0。空白本身是警告而不是计算错误，因为有些正式发布的原件确实有空格；新写的报告应该写 0。如果按 0 计算后表格的合计对不上（例如一行的数字不是 0，“总计”却空着），对不上的地方列在这条下面，这时整条算作错误，改好空白的格子它们也就没有了。
    .also = 空白格让某一行或某一列的合计对不上时是错误；照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出

code-report-rule-a =
    .title = 第三部分对不上（一 + 二 = 三 + 四）
    .fix = 改正单元格，让提示的那一列满足 一 + 二 = 三（七）总计 + 四
    .explain = 规则 A，写在第三部分的表头里：七列中的每一列，本年新收到的申请加上上年结转的，等于本年办理的加上结转下年度的。写了 reproduces_original: true 的报告按签发的原件照登，表格下面会加注说明。一格填错，常常同时让几条核对都不成立：只改这一格就能让它们都成立时，只报一处错误，指向这一格，说出各条核对都说明它应填的数，并把这些核对列在下面。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，表格下面注明

code-report-rule-b =
    .title = 某一行的总计不等于各类申请人之和
    .fix = 改正这一行，让总计等于六个申请人列之和；或者不写总计，由程序算出
    .explain = 规则 B：第三部分每一行数据的总计，等于自然人、法人或其他组织下的五列和其他这一列相加。一行可以不写总计，由程序算出。一格填错，常常同时让几条核对都不成立：只改这一格就能让它们都成立时，只报一处错误，指向这一格，说出各条核对都说明它应填的数，并把这些核对列在下面。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，表格下面注明

code-report-rule-c =
    .title = （七）总计不等于各项办理结果之和
    .fix = 改正各结果行或（七）总计，让结果加起来相等；或者不写（七）总计，由程序算出
    .explain = 规则 C：每件申请只算在一个办理结果下，所以每一列的（七）总计等于（一）+（二）+（三）（四）（五）（六）各行之和。一格填错，常常同时让几条核对都不成立：只改这一格就能让它们都成立时，只报一处错误，指向这一格，说出各条核对都说明它应填的数，并把这些核对列在下面。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，表格下面注明

code-report-rule-d =
    .title = 第四部分的某个总计不等于各项结果之和
    .fix = 改正单元格，让 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结；或者不写总计，由程序算出
    .explain = 规则 D：行政复议和每一类行政诉讼，总计都等于结果维持、结果纠正、其他结果和尚未审结之和。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，表格下面注明

code-report-rule-f =
    .title = 结转下年度的件数和下一年的上年结转件数不一样
    .fix = 让这一年的 四、结转下年度继续办理 等于下一年的 二、上年结转政府信息公开申请数量
    .explain = 规则 F，跨年度：一年结转到下年的件数，就是下一年报告里上年结转过来的件数。这是由各行的含义推出来的，格式里没有明写，所以只是警告，并写出两个文件的名字。

code-report-rule-g =
    .title = 现行有效件数和上一年的对不上
    .fix = 用上一年的现行有效件数，加本年制发件数，减本年废止件数，核对一下
    .explain = 规则 G，2021 版，跨年度：一年的现行有效件数通常等于上一年的加上本年制发的、减去本年废止的。文件也可能没有废止而自然失效，所以这只是提示。

code-report-year =
    .title = 报告里写的年度和文件名不一样
    .fix = 文件名用报告的年度（year: 2024 的报告叫 2024.yaml），或者改正 year:
    .explain = 年度报告的文件名就是它报告的年度，报告页面和下载文件的名字按 year: 来取。两者不一样，说明有一处写错了。

code-report-published =
    .title = 没写发布日期，或者写的不是日期
    .fix = 写报告的发布日期，格式是 年-月-日，如 published: 2024-01-30
    .explain = published 是报告页面和信息索引里显示的发布日期，也用来判断年度报告是否按期发布。

code-report-edition =
    .title = 报告用的格式版本不是这一年度应该用的
    .fix = 2021 年度及以后的报告写 edition: 2021，之前的写 edition: 2019；照录已签发的原件时照原件写
    .explain = 2021 年度起用国办公开办函〔2021〕30号的 2021 版格式，之前用 2019 版。报告写了另一版时按它写的版本读表格并发布，只给警告：照录的原件可能就是用旧版签发的。
    .also = 照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出
code-review-agency =
    .title = 报告没有写单位名称，按文件夹名算
    .fix = 在报告开头加一行 agency: 单位全称，和应报名单上的写法一致
    .explain = gongkai review 审查一个文件夹时，没有写 agency 的报告按它所在文件夹的名字算作哪个单位。名字和应报名单对不上时，这个单位会被算作没有报告。
code-report-field =
    .title = 报告开头的某一项写得不对
    .fix = 改正这一项：edition 写 2019 或 2021，其他项写文字
    .explain = 六个部分前面的几项（year 年度、edition 版本、agency 机关名称、published 发布日期、title 标题、reproduces_original 是否照登原件、original_note 原件说明）说明整份报告。

code-link-scheme =
    .title = 正文里的链接或图片用了不允许的地址开头
    .fix = 链接要用 http://、https://、mailto:、tel: 开头，或者写本网站里的相对地址；不然就删掉这个链接
    .explain = 网站内容决不能在群众的浏览器里运行脚本。Markdown 里（信息、页面、年度报告的文字）的链接和图片地址只能用 http、https、mailto、tel 开头，或者是相对地址。判断时和浏览器的读法一样：先还原 HTML 实体和 % 转义，不管 Tab、换行、开头的控制字符和大小写，所以 JaVaScRiPt:、java&#x09;script: 和 &#106;avascript: 都算 javascript:。javascript:、vbscript:、data:、file: 以及其他所有开头都会停止生成。

code-attachment-type =
    .title = 附件的文件类型不在允许的范围里
    .fix = 把文件转成 PDF 或办公文档再发布，或者在 site.yaml 的 attachments: {"{"} allow: [...] {"}"} 里加上它的类型
    .explain = 不能指望网站服务器把附件当作下载文件发送，浏览器可能直接在本网站里打开附件：.html、.svg、.js 或 .xml 文件会在这里运行其中的脚本。所以附件只能是文档和图片类型（pdf、doc、docx、xls、xlsx、wps、et、ofd、zip、txt、csv、jpg、jpeg、png、gif、webp）；网站可以在 site.yaml 里写 attachments: {"{"} allow: [dwg] {"}"} 加上别的类型。没有扩展名的文件也不允许，因为浏览器会去猜它的类型。

code-content-outside =
    .title = 内容文件是一个指向网站文件夹外面的链接（快捷方式）
    .fix = 把文件或文件夹本身复制到 content 里，删掉这个链接
    .explain = content 里的信息、页面和年度报告文件都会发布到网站上。一个看起来像信息文件、实际指向网站文件夹以外的链接，会把它指向的东西（别的单位的草稿、内部文档、系统文件）发布出去，所以这样的文件或文件夹不会读取，生成报错。指向网站文件夹里面的链接照常使用。

code-attachment-outside =
    .title = 附件是一个指向网站以外文件的链接（快捷方式）
    .fix = 把文件本身复制到这条信息的文件夹里
    .explain = 附件按找到的样子原样发布。一个名字像附件（附件1.pdf）、实际指向网站文件夹以外的链接，会把它指向的东西（系统文件、内部文档）发布出去，所以附件实际所在的位置必须在网站文件夹里面。

code-links-scheme =
    .title = 生成的网页里有链接用了不允许的地址开头
    .fix = 在提示的模板（或 Markdown 文件）里改正这个链接：用 http://、https://、mailto:、tel: 开头，或者写相对地址
    .explain = 每个生成的网页里的每个 href 和 src，都按浏览器的读法来判断（HTML 实体、% 转义、大小写、Tab 和开头的控制字符），只能用 http、https、mailto、tel 开头，或者是相对地址。Markdown 在生成时就检查了（link.scheme）；这一项还检查主题的模板和网站自己替换的模板。它是单项否决而不是扣分：政府网站上的 javascript: 或 data: 链接，等于以政府网站的名义运行脚本，属于网站安全问题，检查时会判整个网站不合格，所以必须拦住不发布。

code-output-collision =
    .title = 两个输出要用同一个名字，一个当文件、一个当文件夹
    .fix = 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug
    .explain = 每个页面、附件、订阅、下载文件和主题文件在输出文件夹里都有自己的位置。如果一个输出是文件 a，另一个却要把 a/ 当文件夹（比如栏目叫 feed.xml 或 404.html，或者带附件的信息 foo 旁边有一个 foo.html），两个就没法都写出来；两个输出在完全相同的位置，则算网址重复（duplicate-url）。这些在写入任何文件之前就会查出来，所以原来生成的网站保持原样。同一文件夹里只差大小写或字符写法的名字（First.html 和 first.html）也算冲突：Windows、macOS 和很多网站服务器会把它们当成同一个文件。

code-output-name =
    .title = 输出文件夹里有个名字写不进去或链接不到
    .fix = 给这个名字所来自的文件、文件夹或 slug: 改个名
    .explain = 每个文件先用一个临时名字（.名字.gongkai-new）写入，再改回原名，所以文件名最多 242 个字节（文件系统限制 255，减去 13）；文件夹名最多 255 个字节。一个汉字占 3 个字节。名字里不能有 ?、# 或 %（网址会把它们当作特殊符号），也不能有控制字符。

code-alias =
    .title = 旧地址不能用
    .fix = 旧地址要写成本网站里的路径，如 aliases: [/tzgg/old-name.html]，或以 / 结尾的文件夹
    .explain = 信息或栏目改名后，旧地址可以继续打开：在信息文件开头 --- 之间写 aliases:，列出它以前的地址；在 site.yaml 的栏目里写 old_slugs:，列出栏目以前的网址名。每个旧地址都会生成一个小页面，自动跳转到新地址。旧地址要写本网站里的路径（可以以 / 开头），不能有 ..，以 .html 结尾（一个页面）或以 / 结尾（一个文件夹，会写入其中的 index.html）。栏目的旧网址名只能是一段名字，不能和现在的一样。旧地址和真实页面的地址相同时，按地址重复（duplicate-url）报错。

code-links-gone =
    .title = 发布过的页面不见了
    .fix = 在新页面文件开头写 aliases:，列出旧地址（栏目改名则在 site.yaml 的栏目里写 old_slugs:），或者把页面恢复
    .explain = check 会把上一次生成的页面（输出文件夹里的清单）和现在网站要生成的页面对比。发布过的页面现在没有了，旧地址上也没有跳转页面，访问者、搜索引擎和别的网站上的链接就会打不开。常见原因是信息或栏目改了名：在信息文件开头写 aliases: 列出旧地址，或在栏目里写 old_slugs: 列出旧网址名，旧地址上就会生成跳转页面。只看页面（.html）；网站文件有错误或以前没有生成过时，不检查这一项。

code-placeholder-sample =
    .title = 示例内容还没有替换
    .fix = 把示例文字改成本单位的内容，并删掉以「【示例内容】」开头的那一行
    .explain = gongkai init 会写几个示例页面和一条示例通知，让新网站马上就能生成。每个示例都以「【示例内容】」开头的一行开始；只要这一行还在，就说明这一页还是示例，不能就这样发布。改写这一页（或删掉示例通知），并删掉这一行。

code-placeholder-contact =
    .title = 联系方式还是示例
    .fix = 改成真实的电话号码、电子邮箱或名称
    .explain = gongkai init 和很多模板里有一些占位的示例，不能留在正式网站上：区号全是 0 的电话号码（0000-00000000、000-12345678，真实区号没有全是 0 的）；专门用来举例的域名（example.gov.cn、example.com、example.org、example.cn；site.yaml 里 base_url 那一行不检查）；紧挨着汉字、代替名称的 XX、xx、ＸＸ 或 ××（如 XX街道、XX区XX路、XX办发）。XX世纪、XXL 和英文单词里的 XX 不算；公示名单里隐去名字的姓名（单独一个姓后面跟着 XX 或 ××，后面不再接汉字，如“王XX（户主）”）也不算。会检查 site.yaml 和每个页面、每条信息的文件。

code-future =
    .title = 发布日期在以后的内容，这次没有发布
    .fix = 到了发布日期重新生成网站，它就会发布；要现在就发布，请改 date: 或加上 --future
    .explain = 发布日期（date:）在今天以后的内容先不发布，和 Hugo 一样：到了那一天重新运行 gongkai build，它才出现在网站上。gongkai build --future 会把所有日期的内容都发布出去。gongkai check --as-of 日期 按那一天检查，那天以后的内容不算在内。链接到还没发布的内容是错误，因为发布出去的链接会打不开。

code-image-alt =
    .title = 图片没有说明文字
    .fix = 在 ![ ] 的方括号里写上图片的内容，例如 ![街道办事处外景](photo.jpg)
    .explain = 看不见图片的读者（用读屏软件的盲人、图片没有加载出来的手机）只能听到或看到图片的说明文字。Markdown 的 ![说明](文件名) 里，方括号中的文字就是说明，会写进网页的 alt 属性。没有说明的图片对这些读者等于不存在，也不符合无障碍要求（WCAG 2.1 的 1.1.1）。纯装饰的图片不要放在正文里。

code-body-code =
    .title = 段首有空格的文字显示成了代码框
    .fix = 删掉段首的空格；从 Word 粘贴的文章也可以在文件开头写 line_breaks: paragraph
    .explain = 在 Markdown 里，前面空一行、开头有 4 个或更多空格的文字是「代码」：网页上显示成带底色的方框，用等宽字体，不自动换行。从 Word 复制的段落常带着段首缩进的空格，就会变成这样。删掉段首的空格即可；整篇从 Word 粘贴的文章，可在文件开头写 line_breaks: paragraph，每行都按普通段落显示。确实要显示代码时，用 ``` 把它上下围起来，就不会有这条提示。

code-body-joined =
    .title = 从 Word 粘贴的几段文字连成了一段
    .fix = 在文件开头的信息里写 line_breaks: paragraph（一行一段）；或在每两段之间空一行
    .explain = 按 line_breaks: join（Markdown 的写法），相邻的几行属于同一段，网页上连在一起显示，只有空一行才分段。从 Word 或 WPS 粘贴的文章一行就是一段，段首带着全角空格「　　」，这样就全连成了一大段，中间夹着空格。在文件开头（两行 --- 之间）写 line_breaks: paragraph，每行都按一段显示，段首的「　　」自动去掉；也可以写在 site.yaml 里，对整个网站或某个栏目都这样。

code-body-markup =
    .title = 图片或链接没有生效，原样显示在网页上
    .fix = 地址里不能有空格：把文件名里的空格去掉，或把地址放在尖括号里，例如 ![现场照片](<照片 1.jpg>)
    .explain = Markdown 的图片 ![说明](地址) 和链接 [文字](地址) 里，地址中间不能有空格。地址有空格时，这段文字不算图片或链接，读者会在网页上看到方括号和圆括号。把文件改名去掉空格，或把地址写在尖括号里。

code-body-html =
    .title = 正文里有 HTML 代码，会原样显示在网页上
    .fix = 删掉尖括号 < > 里的代码，只留文字；加粗、列表、链接、图片用 Markdown 的写法
    .explain = 出于安全，正文里的 HTML 代码不会当作网页代码执行，而是把代码原样显示给读者。从 Word、WPS 或别的网页复制时常带着这样的代码（如 <p class=MsoNormal>、<span style=…>）。一段 HTML 代码会一直延续到下一个空行，这中间的 Markdown 链接和图片也不会生效、不会检查。请删掉代码只留文字，或者用「选择性粘贴 → 纯文本」重新粘贴。

code-body-table =
    .title = 写成表格的几行没有显示成表格
    .fix = 表头下面要有一行分隔行，格数和表头一样，例如表头有 4 格就写 |---|---|---|---|
    .explain = Markdown 的表格由表头、分隔行（|---|---|）和数据行组成，分隔行的格数必须和表头相同。缺了分隔行，或分隔行比表头多一格、少一格，这几行就不算表格，读者会在网页上看到一行行的竖线“|”。常见于给表头加了一列却忘了改分隔行。

code-body-empty =
    .title = 信息没有正文也没有附件
    .fix = 写上正文，或在 attachments: 里列出附件
    .explain = 只有标题和日期的信息，读者点开以后什么都看不到。多半是正文还没写完或文件保存错了。写上正文，或者在文件开头的 attachments: 里列出附件（只发附件的通知不需要正文）。

code-report-old-label =
    .title = 年度报告中用了旧版格式的行名
    .fix = 把这一行改写成本报告所用版本的正式名称
    .explain = 2021 版格式改了一些行名，如第二十条第（一）项的「规范性文件」改为「行政规范性文件」。旧名称仍可读取，但页面一律按本版的正式名称发布，读者才能按正式格式查找；改用正式名称后警告即消失。

code-report-late =
    .title = 年度报告在截止日期之后才公开
    .fix = 以后在截止日期之前公开年度报告；截止日期是 site.yaml 的 `report_deadline`（默认 1月31日），gongkai review 审查的报告按 review.yaml 的 `report_deadline` 或 `deadlines`
    .explain = 政府信息公开条例第四十九条：县级以上人民政府部门在每年1月31日前公布上一年度报告；乡镇、街道的截止日期由当地规定，可在 site.yaml 用 `report_deadline` 设置。`published:` 晚于截止日期的报告会被检查出来。

code-report-template =
    .title = 年度报告里还留着模板的示例文字
    .fix = 用本单位的实际情况替换 `gongkai new report` 写入的括号内示例文字
    .explain = `gongkai new report` 生成的文件在第一、五、六部分写有括号括起的提示文字，如「（概述本年度政府信息公开工作……）」。这些文字原样发布会让检查人员认为报告没有认真填写。
    .also = 在 gongkai build 和 serve 里是警告，不影响生成网站

code-report-zeros =
    .title = 年度报告的所有数字都是 0
    .fix = 核对各表格，把实际数字填进去；确实全为 0 的可以不管
    .explain = `gongkai new report` 生成的表格每格都是 0。如果发布的报告所有单元格仍是 0，多半是忘了填写；确实没有任何数字的小单位可以忽略这条提示。

code-footer-badge =
    .title = 没有党政机关网站标识
    .fix = 在 site.yaml 的 identifiers: 下面写 badge:，给出标识的证书网址（url）和放在 static 文件夹里的标识图片（image）
    .explain = 党政机关网站要在网页底部放党政机关网站标识，点击后打开网站的证书页面。标识图片要放在本网站的 static 文件夹里，不要直接引用别的网站上的图片。

code-footer-jiucuo =
    .title = 没有「政府网站找错」链接，或链接里的网站标识码不对
    .fix = 在 site.yaml 的 identifiers: 下面写 jiucuo:，填上级单位给出的找错网址
    .explain = 政府网站底部要有纠错（找错）入口，读者可以报告网页上的错误。链接里带本站的网站标识码，每一页还会带上这一页的网址，方便核实。

code-privacy-remote-image =
    .title = 内容里的图片放在别的网站上
    .fix = 把图片下载下来，放在文章旁边，改用本地文件名
    .explain = 用别的网站上的图片，读者每打开一次网页，那个网站就知道谁在什么时候看了哪一页。本网站按严格的安全策略（Content-Security-Policy: default-src 'self'）发布，浏览器也不会显示别的网站上的图片。

code-csp-inline =
    .title = 网页里有会被安全策略拦下的写法
    .fix = 把样式和脚本放进 static 文件夹里的 .css、.js 文件，不在网页里直接写
    .explain = 网站按严格的安全策略（Content-Security-Policy: default-src 'self'）发布时，浏览器不执行网页里直接写的样式（style 属性、<style>）、脚本（<script> 里的代码、onclick 等）和 data:、javascript: 地址。默认主题没有这些写法，通常是网站自己改过的模板带来的。

code-csp-script-file =
    .title = 附件是浏览器会运行其中脚本的类型
    .fix = 把附件转成 PDF 再发布，并从 site.yaml 的 attachments: {"{"} allow: [...] {"}"} 里去掉这个类型
    .explain = 读者打开 .html、.svg、.xml 或 .js 这类附件时，浏览器在本网站的地址下运行其中的脚本；严格的安全策略（default-src 'self'）也拦不住，因为它是本网站自己的文件。这样的脚本可以冒充网站的内容、改写页面。默认只允许文档和图片类型的附件；网站在 site.yaml 里加了这类类型，check 就列出已发布的这类附件。

code-csp-script-static =
    .title = 网站自己的 static 文件夹里有会运行脚本的文件
    .fix = 请技术人员审核这些文件，确认是网站需要的；不需要的删掉
    .explain = 网站 static 文件夹（以及 themes 里主题的 static 文件夹）里的 .js、.html、.svg 等文件原样发布，在读者的浏览器里以本网站的身份运行。它们是网站的代码，不是日常编辑的内容，应像程序一样经过审核（例如在 git 里为这些文件夹指定审核人）。默认主题编进 gongkai 的 search.js、elder.js 不在此列。

code-search-index =
    .title = 站内搜索的索引没有生成
    .fix = 把这条消息报告给 gongkai 的维护者；暂时可以在 site.yaml 里写 search: false 先发布网站
    .explain = 生成网站时，gongkai 会把每篇文章、每个栏目页和每份年度报告的文字编成站内搜索用的索引，放在输出文件夹的 pagefind 文件夹里。索引没有生成时，这次生成不发布，上一次的网站原样保留。
code-search-memory =
    .title = 站内搜索的索引可能要用完这台电脑的内存
    .fix = 换一台内存更大的电脑生成，或在 site.yaml 里写 search: false 关掉站内搜索
    .explain = 站内搜索的索引在生成时全部放在内存里，每个汉字大约要用 330 字节：1 万篇文章约 2.5 GB，5 万篇约 12 GB。生成前 gongkai 会估算所需内存，比这台电脑（或容器、CI 任务限定）现有的可用内存多时，马上给出这条警告。内存不够时系统会中止生成，来不及给出别的消息；输出文件夹保持上次生成的样子，不会留下一半新一半旧的网站。
code-report-narrative =
    .title = 文字里的数字和表格对不上
    .fix = 核对文字里的数字和表格中对应的单元格，改正写错的一处
    .explain = 总体情况等文字部分常引用表格里的数字，如「共收到政府信息公开申请26件」「予以公开9件」「行政复议1起」。构建和检查时，能明确对应到某个单元格（或格式规定的合计）的数字都会和表格比对：本年新收、上年结转、办结（（七）总计）、结转下年度、各类办理结果、行政复议、行政诉讼，以及第二十条第（一）项规章、规范性文件的件数和第（五）、（六）项的处理决定数量。数字可以写阿拉伯数字（包括全角）或汉字（一、两、十二）。只说一部分的（其中网上申请、自然人申请）、说别的年份的、说增减或约数的句子不比对。不一致时给出警告，指出数字在文件中的行和列以及对应的单元格。
code-review-unread =
    .title = 没能读成年度报告的文件
    .fix = 把报告存成 gongkai 的 YAML 格式（gongkai new report，或 gongkai import report），或另存为 .docx、.html、.txt 后再审查
    .explain = gongkai review 读年度报告的 YAML 文件、gongkai 网站（它的年度报告栏目），以及已公开的报告（.html、.docx、.txt，通过导入功能读取，不写任何文件）。PDF、.doc、.wps 等格式读不了；找不到的路径、打不开的文件也在这里列出，不会悄悄跳过。
code-review-duplicate =
    .title = 同一单位同一年度有两份报告
    .fix = 确认哪一份是正式公开的报告，把另一份移出审查的文件夹
    .explain = 同一单位同一年度只应有一份年度报告。审查收到两份以上时，每一份都报这个错误，并且都不计入汇总，因为哪一份算数要由公开办确认。
code-review-unexpected =
    .title = 单位不在应报名单里
    .fix = 核对名单和报告里的单位名称（agency）是否一字不差；新增的单位要加进名单
    .explain = 用 --expect 或 review.yaml 给出应报单位名单时，名单上没有的单位的报告会得到这个提示。最常见的原因是单位名称写法不同（如「区财政局」和「财政局」），这时名单上的单位还会被算作缺报。
code-rollup-left-out =
    .title = 汇总栏目的合计没有计入某些报告
    .fix = 改正这些单位报告里的错误（gongkai review 会逐条列出），或确认不计入也可以
    .explain = 汇总栏目（kind: rollup）只把没有错误、勾稽关系成立、格式版本和年度一致、同一单位同一年度只有一份的报告相加。被排除的报告仍列在单位名单里，但不计入合计，页面上的合计因此不完整。这条警告列出每个被排除的单位和原因。
code-import-read =
    .title = 无法读取要导入的文件
    .fix = 确认文件存在、可以打开；.docx 文件要用 Word 或 WPS 重新另存为 .docx
    .explain = gongkai import report 读取已经发布的年度报告。文件打不开，或者 .docx 文件已损坏，就无法导入。

code-import-format =
    .title = 不能读取这种格式的文件
    .fix = 在 Word 或 WPS 里打开，另存为 .docx（Word 文档）或网页（.html），再导入
    .explain = 导入能读取网页（.html、.htm、.shtml）、Word 文档（.docx）和纯文本（.txt）。PDF 和旧版 .doc 文件里的表格无法可靠地读出，需要先另存为 .docx 或网页。

code-import-not-report =
    .title = 文件里没有政府信息公开工作年度报告
    .fix = 确认导入的是年度报告本身（网页要保存报告正文所在的那一页）
    .explain = 导入按年度报告格式的六个部分和表格来找报告：一、总体情况 到 六、其他需要报告的事项，以及第二、三、四部分的表格。一个都找不到，就不是年度报告。

code-import-year =
    .title = 看不出报告的年度
    .fix = 在命令里加 --year 年度，例如 --year 2023
    .explain = 年度从标题里读，例如“××街道2023年政府信息公开工作年度报告”。标题里没有年份时，要用 --year 说明。

code-import-edition =
    .title = 看不出报告用的是哪一版格式
    .fix = 在命令里加 --edition 2019 或 --edition 2021
    .explain = 2019 版格式（国办公开办函〔2019〕60号）用于 2019、2020 年度的报告，2021 版（国办公开办函〔2021〕30号）用于 2021 年度起的报告。版本从表头和行名看出，看不出又没有年度时，要用 --edition 说明。
    .also = 原件的格式版本和年度不符、但读得出来时是警告

code-import-missing-row =
    .title = 报告里缺少格式规定的一行
    .fix = 对照原件补全这一行；如果原件用了别的写法，照格式的行名改写后再导入
    .explain = 年度报告格式规定了每张表的每一行。导入按行名逐行查找（忽略标点、空格、编号写法和个别错字），每一行都必须找到，否则不导入，以免漏掉数字。

code-import-exists =
    .title = 这一年的年度报告文件已经存在
    .fix = 导入不会覆盖已有的文件；确需重新导入，先把原文件移走或改名
    .explain = 已有的年度报告文件可能已经改过、核对过，导入不会覆盖它。

code-import-cell =
    .title = 原件中这一格不是规范的数值
    .fix = 对照原件核对这一格；数字带单位的只取了数字，写的是文字的照录为文字
    .explain = 年度报告的表格里应当只写数字。原件写了单位（如“3件”）时只取数字；写了别的文字时照原样录入，并标明这份报告按原件照录。

code-import-rule =
    .title = 已公开的报告中勾稽关系不成立
    .fix = 不需要修改：报告按原件照录（reproduces_original: true），页面在表格下方注明
    .explain = 已经签发公开的报告不能改动数字。导入时照原样录入，文件中写上 reproduces_original: true，并在文件开头的注释里列出每一处不成立的勾稽关系；网站按原件发布，并在表格下方说明。原件里一格填错、同时让几条核对都不成立时，只提示一次，指向原件中这一格，说出各条核对都说明它应填的数，并把这些核对列在下面。

code-import-part =
    .title = 没有找到报告的一个文字部分
    .fix = 对照原件，在导入后的文件里补上这一部分
    .explain = 一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项是文字部分。找不到标题时，这一部分留空。

code-import-published =
    .title = 没有找到报告的发布日期
    .fix = 在导入后的文件里写上 published: 发布日期（YYYY-MM-DD）
    .explain = 发布日期从报告末尾的落款或网页上的“发布日期”读出。都没有时，要在文件里补上，否则网站无法生成。
