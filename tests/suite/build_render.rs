//! `gongkai build` on fixture sites: what the generated HTML holds.

use crate::support::site::{SiteTest, attrs, texts};

fn notice(n: usize) -> String {
    format!(
        "---\ntitle: 通知{n:02}\ndate: 2024-01-{:02} 08:{:02}\n---\n\n正文{n}。\n",
        1 + n % 28,
        n % 60
    )
}

#[test]
fn navigation_lists_every_column_in_order_and_marks_the_current_one() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("notices/index.html");
    assert_eq!(
        texts(&html, "nav.columns a"),
        ["首页", "机构概况", "通知公告", "街道工作"]
    );
    assert_eq!(
        texts(&html, "nav.columns a[aria-current=page]"),
        ["通知公告"]
    );
    let home = site.html("index.html");
    assert_eq!(texts(&home, "nav.columns a[aria-current=page]"), ["首页"]);
    let item = site.html("notices/first.html");
    assert_eq!(
        texts(&item, "nav.columns a[aria-current=page]"),
        ["通知公告"]
    );
    // The breadcrumb is an ordered list; its separators are drawn by CSS.
    assert_eq!(
        texts(&item, "nav.breadcrumb ol > li"),
        ["首页", "通知公告", "正文"]
    );
    assert_eq!(texts(&item, "nav.breadcrumb [aria-current=page]"), ["正文"]);
}

#[test]
fn list_is_newest_first_with_dates() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("notices/index.html");
    assert_eq!(texts(&html, ".item-list a"), ["第二条通知", "第一条通知"]);
    assert_eq!(
        texts(&html, ".item-list .date"),
        ["2024-02-01", "2024-01-05"]
    );
    assert_eq!(
        attrs(&html, ".item-list a", "href"),
        ["/notices/second.html", "/notices/first.html"]
    );
}

/// Pages and pager links for a column of `n` items (20 per page).
fn pagination(n: usize) -> (Vec<String>, Vec<Vec<String>>) {
    let site = SiteTest::fixture("build/basic");
    site.remove("content/notices/first.md")
        .remove("content/notices/second.md");
    for i in 0..n {
        site.write(&format!("content/notices/n{i:02}.md"), notice(i));
    }
    site.build(&[]);
    let mut pages = Vec::new();
    let mut pagers = Vec::new();
    for p in 0.. {
        let rel = if p == 0 {
            "notices/index.html".to_string()
        } else {
            format!("notices/index_{p}.html")
        };
        if !site.output(&rel).exists() {
            break;
        }
        let html = site.html(&rel);
        pages.push(format!("{rel}:{}", texts(&html, ".item-list li").len()));
        pagers.push(texts(&html, "nav.pager li"));
    }
    (pages, pagers)
}

#[test]
fn pagination_at_0_1_20_21_and_45_items() {
    assert_eq!(pagination(0).0, ["notices/index.html:0"]);
    assert_eq!(pagination(1).0, ["notices/index.html:1"]);
    assert_eq!(pagination(20).0, ["notices/index.html:20"]);
    let (pages, pagers) = pagination(21);
    assert_eq!(pages, ["notices/index.html:20", "notices/index_1.html:1"]);
    assert_eq!(pagers[0], ["第一页", "上一页", "1", "2", "下一页", "尾页"]);
    let (pages, pagers) = pagination(45);
    assert_eq!(
        pages,
        [
            "notices/index.html:20",
            "notices/index_1.html:20",
            "notices/index_2.html:5"
        ]
    );
    assert_eq!(
        pagers[1],
        ["第一页", "上一页", "1", "2", "3", "下一页", "尾页"]
    );
}

#[test]
fn pager_links_point_at_real_pages() {
    let site = SiteTest::fixture("build/basic");
    for i in 0..45 {
        site.write(&format!("content/notices/n{i:02}.md"), notice(i));
    }
    site.build(&["--base-url", "https://www.example.gov.cn/xxgk/"]);
    let html = site.html("notices/index_1.html");
    assert_eq!(
        attrs(&html, "nav.pager a", "href"),
        [
            "/xxgk/notices/index.html",
            "/xxgk/notices/index.html",
            "/xxgk/notices/index.html",
            "/xxgk/notices/index_1.html",
            "/xxgk/notices/index_2.html",
            "/xxgk/notices/index_2.html",
            "/xxgk/notices/index_2.html",
        ]
    );
    assert_eq!(texts(&html, "nav.pager a[aria-current=page]"), ["2"]);
}

#[test]
fn item_page_has_the_catalog_table() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("notices/first.html");
    assert_eq!(
        texts(&html, "table.catalog th"),
        [
            "索引号",
            "主题分类",
            "发布机构",
            "成文日期",
            "文号",
            "发布日期",
            "名称",
            "有效性"
        ]
    );
    assert_eq!(
        texts(&html, "table.catalog td"),
        [
            "000000000/2024-00001",
            "综合政务",
            "测试街道办事处",
            "2024-01-04",
            "测办发〔2024〕1号",
            "2024-01-05",
            "第一条通知",
            "有效"
        ]
    );
    assert_eq!(
        attrs(&html, "meta[name=ArticleTitle]", "content"),
        ["第一条通知"]
    );
    assert_eq!(
        attrs(&html, "meta[name=PubDate]", "content"),
        ["2024-01-05"]
    );
    assert_eq!(
        attrs(&html, "meta[name=ContentSource]", "content"),
        ["测试街道办事处"]
    );
    assert_eq!(
        attrs(&html, "meta[name=ColumnName]", "content"),
        ["通知公告"]
    );
    assert_eq!(
        attrs(&html, "meta[name=SiteIDCode]", "content"),
        ["0000000000"]
    );
}

#[test]
fn attachments_are_copied_and_listed_with_type_and_size() {
    let site = SiteTest::fixture("build/basic");
    site.write("content/notices/budget/index.md", "---\ntitle: 2024年预算\ndate: 2024-03-01\nattachments:\n  - 2024年预算.pdf\n  - file: 明细表.xlsx\n    title: 预算明细\n---\n\n见附件。\n");
    site.write(
        "content/notices/budget/2024年预算.pdf",
        vec![b'%'; 1_258_291],
    );
    site.write("content/notices/budget/明细表.xlsx", vec![0u8; 2048]);
    site.build(&[]);
    let html = site.html("notices/budget.html");
    assert_eq!(
        texts(&html, ".attachments li"),
        [
            "附件1：2024年预算.pdf（PDF，1.2 MB）",
            "附件2：预算明细（XLSX，2 KB）"
        ]
    );
    assert_eq!(
        attrs(&html, ".attachments a", "href"),
        ["/notices/budget/附件1.pdf", "/notices/budget/附件2.xlsx"]
    );
    assert_eq!(
        std::fs::metadata(site.output("notices/budget/附件1.pdf"))
            .map(|m| m.len())
            .ok(),
        Some(1_258_291)
    );
    assert!(site.output("notices/budget/附件2.xlsx").is_file());
}

#[test]
fn sub_path_base_url_prefixes_every_link() {
    let site = SiteTest::fixture("build/basic");
    site.build(&["--base-url", "https://www.example.gov.cn/xxgk/jd/"]);
    for page in [
        "index.html",
        "notices/index.html",
        "notices/first.html",
        "about/index.html",
        "404.html",
        "sitemap.html",
    ] {
        let html = site.html(page);
        for href in attrs(&html, "a[href], link[href]", "href") {
            let ok = href.starts_with("/xxgk/jd/")
                || href.starts_with('#')
                || href.starts_with("mailto:")
                || href.starts_with("data:")
                || href.starts_with("https://www.example.gov.cn/xxgk/jd/");
            assert!(ok, "{page}: {href}");
        }
    }
    let item = site.html("notices/first.html");
    assert_eq!(
        attrs(&item, ".body a", "href"),
        ["/xxgk/jd/notices/second.html"]
    );
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://www.example.gov.cn/xxgk/jd/notices/first.html</loc>")
    );
}

#[test]
fn titles_and_metadata_are_escaped() {
    let site = SiteTest::fixture("build/basic");
    site.write("content/notices/x.md", "---\ntitle: <script>alert(1)</script>\ndate: 2024-05-01\ndoc_no: \"<b>1</b>\"\n---\n\n<script>alert(2)</script>\n");
    site.build(&[]);
    let html = site.html("notices/x.html");
    assert_eq!(
        texts(&html, "script:not([src$='static/elder.js'])").len(),
        0,
        "no script element but the theme's 长者模式 file may be on the page"
    );
    assert_eq!(
        texts(&html, "title"),
        ["<script>alert(1)</script> - 测试街道政府信息公开"]
    );
    assert_eq!(texts(&html, "article h1"), ["<script>alert(1)</script>"]);
    assert_eq!(texts(&html, ".body"), ["<script>alert(2)</script>"]);
    assert!(texts(&html, "table.catalog td").contains(&"<b>1</b>".to_string()));
}

#[test]
fn cjk_soft_breaks_join_without_space_after_minifying() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("notices/first.html");
    assert_eq!(texts(&html, ".body p")[0], "通知正文第一段，跨行书写。");
    let about = site.html("about/index.html");
    assert_eq!(texts(&about, ".body p"), ["负责辖区内的社会管理工作。"]);
    assert_eq!(attrs(&about, ".body h2", "id"), ["主要职责"]);
}

#[test]
fn drafts_only_with_drafts_flag() {
    let site = SiteTest::fixture("build/basic");
    site.write(
        "content/notices/draft.md",
        "---\ntitle: 草稿\ndate: 2024-06-01\ndraft: true\n---\n\n草稿。\n",
    );
    site.build(&[]);
    assert!(!site.output("notices/draft.html").exists());
    assert_eq!(
        texts(&site.html("notices/index.html"), ".item-list a").len(),
        2
    );
    site.build(&["--drafts"]);
    assert!(site.output("notices/draft.html").exists());
    site.build(&[]);
    assert!(
        !site.output("notices/draft.html").exists(),
        "a draft must disappear again"
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = SiteTest::fixture("build/basic");
    site.write("content/notices/win.md", b"\xEF\xBB\xBF---\r\ntitle: \xE7\xAA\x97\r\ndate: 2024-07-01\r\n---\r\n\r\n\xE6\xAD\xA3\xE6\x96\x87\r\n");
    site.build(&[]);
    assert_eq!(texts(&site.html("notices/win.html"), "article h1"), ["窗"]);
}

#[test]
fn home_page_lists_latest_items_with_more_links() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("index.html");
    assert_eq!(
        texts(&html, ".home-column h2"),
        ["机构概况", "通知公告", "街道工作"]
    );
    assert_eq!(
        texts(&html, ".home-column .item-list a"),
        ["第二条通知", "第一条通知", "街道召开工作会议"]
    );
}

#[test]
fn unchanged_rebuild_writes_nothing_and_stale_files_go() {
    let site = SiteTest::fixture("build/basic");
    let first = site.build(&[]);
    assert!(first.stdout.starts_with("已生成 "), "{}", first.stdout);
    // Nothing touched: the fingerprint matches and nothing is rendered.
    let again = site.build(&[]);
    assert!(
        again.stdout.starts_with("上次生成 public 以来没有改动（"),
        "{}",
        again.stdout
    );
    // A file saved with the same bytes: the bytes are compared, nothing is
    // rendered or written.
    let text = std::fs::read(site.root.join("content/news/meeting.md")).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.write("content/news/meeting.md", text);
    // The manifest records the new times; every other file stays.
    let published = || crate::support::site::site_files_in(&site.root.join("public"));
    let before = published();
    let resaved = site.build(&[]);
    assert!(
        resaved.stdout.starts_with("上次生成 public 以来没有改动（"),
        "{}",
        resaved.stdout
    );
    assert!(published() == before);
    // A deleted output file is noticed and written again.
    std::fs::remove_file(site.output("notices/first.html")).expect("remove");
    let restored = site.build(&[]);
    assert!(
        restored.stdout.contains("（写入 1 个，删除 0 个）"),
        "{}",
        restored.stdout
    );
    site.remove("content/news/meeting.md");
    let after = site.build(&[]);
    assert!(!site.output("news/meeting.html").exists());
    assert!(
        after.stdout.contains("删除 ") && !after.stdout.contains("删除 0 个"),
        "{}",
        after.stdout
    );
}

#[test]
fn feeds_sitemap_and_404_are_generated() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let feed = site.read("feed.xml");
    assert!(feed.contains("<title>第二条通知</title>"), "{feed}");
    assert!(
        site.read("notices/feed.xml")
            .contains("<id>https://www.example.gov.cn/notices/first.html</id>")
    );
    assert_eq!(texts(&site.html("404.html"), "main h1"), ["页面未找到"]);
    assert_eq!(
        texts(&site.html("sitemap.html"), ".sitemap a"),
        ["首页", "机构概况", "通知公告", "街道工作"]
    );
    assert!(
        site.read("sitemap.xml")
            .contains("<lastmod>2024-01-05</lastmod>")
    );
}

#[test]
fn footer_shows_identifiers_that_exist_only() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let html = site.html("index.html");
    assert_eq!(texts(&html, ".ids span"), ["网站标识码：0000000000"]);
    assert!(
        texts(&html, ".site-footer p")
            .iter()
            .any(|t| t == "主办单位：测试街道办事处")
    );
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let site = SiteTest::fixture("build/basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>找不到了</h1>{% endblock main %}",
    );
    site.write("static/extra.css", "p{}");
    site.build(&[]);
    assert_eq!(texts(&site.html("404.html"), "main h1"), ["找不到了"]);
    assert_eq!(
        texts(&site.html("notices/index.html"), "main h1"),
        ["通知公告"]
    );
    assert!(site.output("static/extra.css").is_file());
    assert!(site.output("static/style.css").is_file());
}

#[test]
fn init_makes_a_portal_that_builds() {
    let site = SiteTest::empty();
    let run = site.run(&["init", "portal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.run(&["build", "--root", "portal"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(site.root.join("portal/public/index.html")).expect("index"),
    );
    assert_eq!(texts(&html, "nav.columns a").len(), 9);
    let again = site.run(&["init", "portal"]);
    assert_eq!(again.code, 2);
}

/// Issue 10: `init` into a folder that already holds some of its files
/// (but no site.yaml) replaced them; it must keep every existing file and
/// say which it kept.
#[test]
fn init_never_overwrites_an_existing_file_and_lists_what_it_kept() {
    let site = SiteTest::empty();
    site.write("portal/.gitignore", "/out\n");
    site.write("portal/content/jggk/_index.md", "我的机构概况\n");
    let run = site.run(&["init", "portal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "已在 portal 新建公开专栏网站\n\
         有 2 个文件原来就在，保留原样（没有覆盖）：\n  \
         portal/.gitignore\n  \
         portal/content/jggk/_index.md\n\
         下一步：cd portal，把示例内容改成本单位的，再运行 gongkai check 和 gongkai build\n"
    );
    assert_eq!(run.stderr, "");
    let read = |rel: &str| std::fs::read_to_string(site.root.join(rel)).expect("read");
    assert_eq!(read("portal/.gitignore"), "/out\n");
    assert_eq!(read("portal/content/jggk/_index.md"), "我的机构概况\n");
    assert!(site.root.join("portal/content/gkzn/_index.md").is_file());
    assert!(site.root.join("portal/site.yaml").is_file());
}

/// `init` asks for 索引号 and 发布机构 in the notice and policy columns,
/// makes each line a paragraph, and marks its sample content, which
/// `check` then finds with the placeholder contact data. See: issue 11.
#[test]
fn init_marks_its_sample_content_and_check_finds_it() {
    let site = SiteTest::empty();
    assert_eq!(site.run(&["init", "portal"]).code, 0);
    let yaml = std::fs::read_to_string(site.root.join("portal/site.yaml")).expect("site.yaml");
    assert!(yaml.contains("\nline_breaks: paragraph\n"), "{yaml}");
    for column in ["zcjd, title: 政策解读", "tzgg, title: 通知公告"] {
        let line = yaml
            .lines()
            .find(|l| l.contains(column))
            .expect("the column");
        assert!(line.ends_with("require: [index_no, publisher] }"), "{line}");
    }
    let mut cmd = site.command(&["check", "--as-of", "2024-06-30"]);
    cmd.current_dir(site.root.join("portal/content"));
    let run = site.run_command(&mut cmd);
    let found: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("[placeholder."))
        .collect();
    assert_eq!(
        &found[..4],
        [
            "  content/gkzn/_index.md:6:1: [placeholder.sample] 示例内容还没有替换：这是 gongkai init 写的示例",
            "  content/gzjd/_index.md:6:1: [placeholder.sample] 示例内容还没有替换：这是 gongkai init 写的示例",
            "  content/gzjd/_index.md:10:6: [placeholder.contact] 「0000-00000000」是示例电话号码，还没有改成本单位的真实号码",
            "  content/gzjd/_index.md:11:8: [placeholder.contact] 「xxgk@example.gov.cn」是示例地址（example 开头的域名只用来举例），还没有改成真实的",
        ]
    );
    assert!(
        found.contains(
            &"  content/tzgg/sample-notice.md:10:1: [placeholder.sample] 示例内容还没有替换：这是 gongkai init 写的示例"
        ),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"  site.yaml:5:15: [placeholder.contact] 「XX」是占位文字，还没有改成真实的名称"
        ),
        "{found:#?}"
    );
    assert_eq!(found.len(), 17, "{found:#?}");
}

/// `--output` is relative to the current folder, as in every other tool;
/// site.yaml's `output:` stays relative to the site. See: issue 11.
#[test]
fn output_is_relative_to_the_current_folder_and_site_yaml_output_to_the_site() {
    let site = SiteTest::fixture("build/basic");
    std::fs::create_dir_all(site.root.join("work")).expect("make work/");
    let mut cmd = site.command(&["build", "--output", "out"]);
    cmd.current_dir(site.root.join("work"));
    let run = site.run_command(&mut cmd);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        run.stdout.starts_with("已生成 42 个文件到 out，用时 "),
        "{}",
        run.stdout
    );
    assert!(site.root.join("work/out/index.html").is_file());
    assert!(!site.root.join("out").exists());
    assert!(!site.root.join("public").exists());
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write("site.yaml", format!("output: www\n{yaml}"));
    let mut cmd = site.command(&["build"]);
    cmd.current_dir(site.root.join("work"));
    let run = site.run_command(&mut cmd);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(site.root.join("www/index.html").is_file());
    assert!(!site.root.join("work/www").exists());
}

/// Adds `aliases:` to `content/notices/first.md` and `old_slugs:` to the
/// notices column of `build/basic`.
fn renamed(site: &SiteTest, aliases: &str, old_slugs: &str) {
    let item = std::fs::read_to_string(site.root.join("content/notices/first.md")).expect("item");
    site.write(
        "content/notices/first.md",
        item.replacen("---\n", &format!("---\naliases: {aliases}\n"), 1),
    );
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        yaml.replace(
            "{ slug: notices, title: 通知公告, kind: list }",
            &format!("{{ slug: notices, title: 通知公告, kind: list, old_slugs: {old_slugs} }}"),
        ),
    );
}

/// Old addresses keep working: each alias of an item and each page of a
/// column under its old slug is a small page that sends the browser on,
/// without script. See: issue 11.
#[test]
fn aliases_and_old_column_slugs_write_redirect_pages() {
    let site = SiteTest::fixture("build/basic");
    renamed(&site, "[/notices/old-first.html, notices/older/]", "[tzgg]");
    site.build(&[]);
    for old in [
        "notices/old-first.html",
        "notices/older/index.html",
        "tzgg/first.html",
    ] {
        let html = site.read(old);
        assert!(!html.contains("<script"), "{old}: {html}");
        let page = scraper::Html::parse_document(&html);
        assert_eq!(
            attrs(&page, "meta[http-equiv=refresh]", "content"),
            ["0; url=/notices/first.html"],
            "{old}"
        );
        assert_eq!(
            attrs(&page, "link[rel=canonical]", "href"),
            ["https://www.example.gov.cn/notices/first.html"]
        );
        assert_eq!(attrs(&page, "main a", "href"), ["/notices/first.html"]);
    }
    for (old, new) in [
        ("tzgg/index.html", "/notices/index.html"),
        ("tzgg/second.html", "/notices/second.html"),
    ] {
        assert_eq!(
            attrs(&site.html(old), "meta[http-equiv=refresh]", "content"),
            [format!("0; url={new}")]
        );
    }
    assert_eq!(
        texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知"]
    );
    // Valid HTML, as every page. (axe cannot look at a page that leaves
    // at once; the page is a heading, a paragraph and a link.)
    if let Some(errors) = crate::support::tools::vnu_errors(&site.root.join("public")) {
        assert_eq!(errors, Vec::<String>::new());
    }
}

/// An alias that is a real page's address, or not a path inside the site,
/// is an error at its place in the file; the column's old slug that is
/// another column's slug is one at the column. See: issue 11.
#[test]
fn an_alias_over_a_real_page_or_outside_the_site_is_a_located_error() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let before = site.snapshot();
    renamed(&site, "[/notices/second.html, ../x.html]", "[news]");
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        "content/notices/first.md:2:11: 错误: 「content/notices/second.md」和「content/notices/first.md」的旧地址「/notices/second.html」都要发布到 /notices/second.html\n\
         \x20 = 建议: 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址\n\
         content/notices/first.md:2:33: 错误: 旧地址「../x.html」不能用：路径里不能有 ..、. 或连续的 /\n\
         site.yaml:11:1: 错误: 栏目「news」和栏目「notices」的旧网址名「news」都要发布到 /news/index.html\n\
         \x20 = 建议: 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址\n\
         错误：共 3 处错误，这次没有生成网站，已发布的网站保持原样\n"
    );
    assert!(before == site.snapshot(), "the previous output was changed");
}

/// `GONGKAI_LANG=en` gives a failed build's messages in English.
/// See: issue 11.
#[test]
fn build_errors_in_english() {
    let site = SiteTest::fixture("build/basic");
    renamed(&site, "[/notices/second.html, ../x.html]", "[]");
    let mut cmd = site.command(&["build"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "content/notices/first.md:2:11: error: `content/notices/second.md` and the alias `/notices/second.html` of `content/notices/first.md` both publish to /notices/second.html\n\
         \x20 = hint: rename one of them: an item by its file name or `slug:`, a column by its `slug` in site.yaml; remove an alias (`aliases:`) that is a real page's address\n\
         content/notices/first.md:2:33: error: alias `../x.html` cannot be used: a path cannot contain `..`, `.` or `//`\n\
         error: build failed with 2 errors; the published site is unchanged\n"
    );
}

/// Addresses typed into the text are links a phone can tap, and `check`
/// sees them like any other link.
#[test]
fn addresses_typed_into_the_text_are_links() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/web.md",
        "---\ntitle: 网上办理\ndate: 2024-06-23\nindex_no: 000000000/2024-00033\npublisher: 测试街道办事处\n---\n\n详情见 https://zwfw.example.gov.cn/a/1.html。也可以访问www.zj.gov.cn查询，或发邮件至gk@test.gov.cn。\n\n`http://不是链接.cn` 和 [已是链接 http://a.gov.cn](https://b.gov.cn)\n",
    );
    let run = s.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = s.read("tzgg/web.html");
    for link in [
        r#"<a class="url" href="https://zwfw.example.gov.cn/a/1.html">https://zwfw.example.gov.cn/a/1.html</a>。"#,
        r#"访问<a class="url" href="http://www.zj.gov.cn">www.zj.gov.cn</a>查询"#,
        r#"发邮件至<a class="url" href="mailto:gk@test.gov.cn">gk@test.gov.cn</a>。"#,
    ] {
        assert!(html.contains(link), "{link}\n{html}");
    }
    // Code stays code; a link's own text is not linked again.
    assert_eq!(html.matches("class=\"url\"").count(), 3, "{html}");
    let check = s.run(&["check", "--as-of", "2024-06-30"]);
    assert!(
        check
            .stdout
            .contains("content/tzgg/web.md:8:47: [links.http-gov]"),
        "{}",
        check.stdout
    );
}
