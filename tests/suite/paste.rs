//! Text as it arrives from Word, WPS and Excel (issue 11): `line_breaks:
//! paragraph | join` (site, column, file), tab-separated tables, and the
//! images and files a page's text links beside its `index.md`.

use crate::support::site::{SiteTest, TAIL, attrs, texts};
use crate::support::tools;

/// The HTML of an item page's body exactly as written (the body of an item
/// page is put into the minified page as it is).
fn body(site: &SiteTest, page: &str) -> String {
    let html = site.read(page);
    let start = html.find("<div class=body>").expect("body") + "<div class=body>".len();
    let end = html.find("</div></article>").expect("end of body");
    html[start..end].to_string()
}

#[test]
fn a_pasted_notice_is_one_paragraph_a_line_with_its_table_contacts_and_signature() {
    let site = SiteTest::case("paste", "base");
    site.build(&[]);
    assert_eq!(
        body(&site, "tzgg/2024-notice.html"),
        "<p class=\"salutation\">各社区、各有关单位：</p>\n\
         <p>为切实做好春季消防安全工作，经研究，决定在全街道开展消防安全检查。现将有关事项通知如下：</p>\n\
         <p>一、检查时间</p>\n\
         <p>2024年3月4日至3月29日。</p>\n\
         <p>二、检查内容</p>\n\
         <p>1．消防通道是否畅通；</p>\n\
         <p>2．灭火器材是否完好。</p>\n\
         <p>3. 电动自行车是否在楼道内充电。</p>\n\
         <p>（一）重点场所</p>\n\
         <p>沿街商铺、出租房屋、老旧小区。</p>\n\
         <p>检查安排如下：</p>\n\
         <div class=\"table-scroll\" role=\"region\" aria-label=\"表格1\" tabindex=\"0\"><table>\n\
         <thead><tr><th scope=\"col\">社区</th><th scope=\"col\">检查日期</th><th scope=\"col\">负责人</th></tr></thead>\n\
         <tbody>\n\
         <tr><td>东风社区</td><td>3月4日</td><td>王五</td></tr>\n\
         <tr><td>红旗社区</td><td>3月11日</td><td></td></tr>\n\
         </tbody></table></div>\n\
         <p>现场照片：</p>\n\
         <p><img src=\"/tzgg/2024-notice/photo.jpg\" alt=\"消防检查现场\" loading=\"lazy\" /></p>\n\
         <p>请下载<a href=\"/tzgg/2024-notice/%E8%A1%A8%E6%A0%BC.xlsx\">检查登记表</a>，填写后报街道应急办。</p>\n\
         <p class=\"contact\">联系人：张三</p>\n\
         <p class=\"contact\">联系电话：0571-12345678</p>\n\
         <p class=\"contact\">地址：大街路1号</p>\n\
         <p class=\"signature\">大街街道办事处</p>\n\
         <p class=\"signature\">2024年3月1日</p>\n"
    );
    // The theme indents body paragraphs but not the salutation, contact
    // and signature lines, and right-aligns the signature, all by class.
    let css = site.read("static/style.css");
    for rule in [
        ".body p{text-indent:var(--space-indent)",
        ".body p.contact,.body p.signature,.body p.salutation{text-indent:0}",
        ".body p.signature{text-align:right",
    ] {
        assert!(
            css.replace(", ", ",").contains(rule),
            "{rule} not in the CSS"
        );
    }
    if let Some(errors) = tools::vnu_errors(&site.root.join("public")) {
        assert_eq!(errors, Vec::<String>::new());
    }
}

#[test]
fn files_beside_index_md_are_published_next_to_the_page() {
    let site = SiteTest::case("paste", "base");
    site.build(&[]);
    for (source, out) in [
        (
            "content/tzgg/2024-notice/photo.jpg",
            "tzgg/2024-notice/photo.jpg",
        ),
        (
            "content/tzgg/2024-notice/表格.xlsx",
            "tzgg/2024-notice/表格.xlsx",
        ),
        ("content/gkzn/building.png", "gkzn/building.png"),
    ] {
        let want = std::fs::read(site.root.join(source)).expect("source file");
        let got = std::fs::read(site.output(out)).expect("published file");
        assert_eq!(got, want, "{out}");
    }
    // A page column's _index.md links its files the same way.
    let page = site.html("gkzn/index.html");
    assert_eq!(attrs(&page, ".body img", "src"), ["/gkzn/building.png"]);
    assert_eq!(attrs(&page, ".body img", "alt"), ["街道办事处办公楼"]);
    assert_eq!(attrs(&page, ".body img", "loading"), ["lazy"]);
}

#[test]
fn line_breaks_nearest_wins_file_then_column_then_site() {
    let site = SiteTest::case("paste", "base");
    site.build(&[]);
    // Site: paragraph; this file: join (Markdown as written).
    assert_eq!(
        texts(&site.html("tzgg/join-file.html"), ".body p"),
        [
            "本通知按 Markdown 书写，一段话可以分几行写。",
            "空一行才是新的一段。"
        ]
    );
    // Column bszn: join.
    assert_eq!(
        texts(&site.html("bszn/guide.html"), ".body p"),
        ["办理地点：大街路1号便民服务中心。"]
    );
    // Column bszn: join; this file: paragraph.
    assert_eq!(
        texts(&site.html("bszn/lines.html"), ".body p"),
        ["办理地点：", "大街路1号便民服务中心。"]
    );
}

#[test]
fn without_line_breaks_in_site_yaml_markdown_joins_lines_as_before() {
    let site = SiteTest::case("paste", "base");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write("site.yaml", yaml.replace("line_breaks: paragraph\n", ""));
    site.build(&[]);
    assert_eq!(
        texts(&site.html("tzgg/2024-notice.html"), ".body p")[0],
        "各社区、各有关单位：\u{3000}\u{3000}为切实做好春季消防安全工作，经研究，决定在全街道开展消防安全检查。\
         现将有关事项通知如下：一、检查时间\u{3000}\u{3000}2024年3月4日至3月29日。二、检查内容\n\
         1．消防通道是否畅通；\n2．灭火器材是否完好。\n3. 电动自行车是否在楼道内充电。\
         （一）重点场所\u{3000}\u{3000}沿街商铺、出租房屋、老旧小区。检查安排如下："
    );
    // The tab-separated lines are a table in this mode too.
    assert_eq!(
        texts(&site.html("tzgg/2024-notice.html"), ".body th"),
        ["社区", "检查日期", "负责人"]
    );
}

/// Writes a folder item whose text links files that are missing or of a
/// refused type.
fn add_bad_files(site: &SiteTest) {
    site.write(
        "content/tzgg/bad/index.md",
        "---\ntitle: 坏链接\ndate: 2024-03-02\n---\n\
         见![现场](missing.jpg)。\n\
         另见[图](logo.svg)和[脚本](tool.js)。\n",
    );
    site.write("content/tzgg/bad/logo.svg", "<svg onload=alert(1)/>");
    site.write("content/tzgg/bad/tool.js", "alert(1)");
}

#[test]
fn a_missing_or_refused_linked_file_is_a_located_error_in_chinese() {
    let site = SiteTest::case("paste", "base");
    site.build(&[]);
    let before = site.snapshot();
    add_bad_files(&site);
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/tzgg/bad/index.md:5:2: 错误: 正文里链接的文件「missing.jpg」不存在\n\
             \x20 = 建议: 请把文件放到 content/tzgg/bad 文件夹里，和 index.md 放在一起；文件名要和正文里写的完全一样（包括扩展名）\n\
             content/tzgg/bad/index.md:6:3: 错误: 正文里链接的「logo.svg」是 .svg 文件，这种文件不能发布\n\
             \x20 = 建议: 请转成 PDF、Word 或 Excel 文件再发布；如果确实要原样发布，在 site.yaml 里写上 attachments: {{ allow: [svg] }}\n\
             content/tzgg/bad/index.md:6:17: 错误: 正文里链接的「tool.js」是 .js 文件，这种文件不能发布\n\
             \x20 = 建议: 请转成 PDF、Word 或 Excel 文件再发布；如果确实要原样发布，在 site.yaml 里写上 attachments: {{ allow: [js] }}\n\
             错误：共 3 处错误，这次没有生成网站，已发布的网站保持原样\n\
             {TAIL}"
        )
    );
    assert_eq!(site.snapshot(), before);
}

#[test]
fn linked_file_messages_in_english() {
    let site = SiteTest::case("paste", "base");
    add_bad_files(&site);
    let mut cmd = site.command(&["build"]);
    let run = site.run_command(cmd.env("GONGKAI_LANG", "en"));
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "content/tzgg/bad/index.md:5:2: error: the file `missing.jpg` linked in the text does not exist",
            "  = hint: put it in the folder content/tzgg/bad, beside index.md, under the name the link gives (extension included)",
        ]
    );
}

#[test]
fn an_image_without_alt_text_is_a_warning() {
    let site = SiteTest::case("paste", "base");
    site.write(
        "content/tzgg/2024-notice/index.md",
        "---\ntitle: 图片\ndate: 2024-03-01\n---\n现场：\n![](photo.jpg)\n",
    );
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/tzgg/2024-notice/index.md:6:1: 警告: 图片「photo.jpg」没有说明文字：\
         请在 ![ ] 的方括号里写上图片的内容，方便看不见图片的读者\n"
    );
    assert_eq!(
        attrs(&site.html("tzgg/2024-notice.html"), ".body img", "src"),
        ["/tzgg/2024-notice/photo.jpg"]
    );
}

/// A symbolic link beside the page that points outside the site is not
/// published (it could publish any file of the machine); a page (`.html`)
/// beside it is not a file to publish either.
#[cfg(unix)]
#[test]
fn a_linked_file_outside_the_site_or_a_page_is_never_published() {
    let site = SiteTest::case("paste", "base");
    let outside = site.root.parent().expect("temp folder").join("secret.txt");
    std::fs::write(&outside, "not for the public").expect("write secret");
    std::os::unix::fs::symlink(
        &outside,
        site.root.join("content/tzgg/2024-notice/名单.txt"),
    )
    .expect("symlink");
    site.write(
        "content/tzgg/2024-notice/evil.html",
        "<script>alert(1)</script>",
    );
    site.write(
        "content/tzgg/2024-notice/index.md",
        "---\ntitle: 名单\ndate: 2024-03-01\n---\n见[名单](名单.txt)。\n",
    );
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/tzgg/2024-notice/index.md:5:2: 错误: 正文里链接的「名单.txt」是指向网站文件夹外面的快捷方式（链接），不能发布\n\
             \x20 = 建议: 请把文件本身复制到文章的文件夹里\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n\
             {TAIL}"
        )
    );
    site.write(
        "content/tzgg/2024-notice/index.md",
        "---\ntitle: 名单\ndate: 2024-03-01\n---\n见[页面](evil.html)。\n",
    );
    let run = site.build_fails(&[]);
    assert!(run.stderr.contains("evil.html"), "{}", run.stderr);
    assert!(!site.output("tzgg/2024-notice/evil.html").exists());
    assert!(!site.output("tzgg/2024-notice/名单.txt").exists());
}

#[test]
fn a_file_listed_as_attachment_and_linked_in_the_text_is_the_attachment() {
    let site = SiteTest::case("paste", "base");
    site.write(
        "content/tzgg/2024-notice/index.md",
        "---\ntitle: 登记表\ndate: 2024-03-01\nattachments: [表格.xlsx]\n---\n\
         请下载[登记表](表格.xlsx)。\n",
    );
    site.build(&[]);
    let page = site.html("tzgg/2024-notice.html");
    assert_eq!(
        attrs(&page, ".body a", "href"),
        ["/tzgg/2024-notice/%E9%99%84%E4%BB%B61.xlsx"]
    );
    assert!(site.output("tzgg/2024-notice/附件1.xlsx").exists());
    assert!(!site.output("tzgg/2024-notice/表格.xlsx").exists());
}

#[test]
fn pasted_pages_pass_axe() {
    let site = SiteTest::case("paste", "base");
    site.build(&[]);
    if let Some(violations) = tools::axe_violations(&site.root.join("public")) {
        assert_eq!(violations, Vec::<String>::new());
    }
}

#[test]
fn a_columns_paragraph_wins_over_the_sites_join() {
    let site = SiteTest::case("paste", "base");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    let yaml = yaml
        .replace("line_breaks: paragraph\n", "line_breaks: join\n")
        .replace(
            "kind: list, line_breaks: join }",
            "kind: list, line_breaks: paragraph }",
        );
    site.write("site.yaml", yaml);
    site.build(&[]);
    // Column bszn: paragraph, over the site's join.
    assert_eq!(
        texts(&site.html("bszn/guide.html"), ".body p"),
        ["办理地点：", "大街路1号便民服务中心。"]
    );
    // Column tzgg follows the site: join.
    assert_eq!(
        texts(&site.html("tzgg/2024-notice.html"), ".body p.signature"),
        Vec::<String>::new()
    );
}
