//! Content cannot run script (issue 10, "Content cannot run script"): what
//! staff write in Markdown, front matter, report prose, attachments and
//! site.yaml never becomes script on a published page, and every refusal is
//! a located error with its code. Each test reproduced a defect first.
//! See: issue 10.

use crate::build_errors::failed;
use crate::support::preview::Preview;
use crate::support::site::{SiteTest, attrs};
use serde_json::Value;

/// The `check` fixture's clean site: a page, two list columns and a report.
fn base() -> SiteTest {
    SiteTest::case("check", "base")
}

fn item(body: &str) -> String {
    format!("---\ntitle: 测试\ndate: 2024-06-21\n---\n\n{body}")
}
#[test]
fn heading_attributes_keep_only_id_and_class() {
    let site = base();
    site.write(
        "content/tzgg/attrs.md",
        item("# 标题 {#sec .note .x:y onfocus=alert(1) autofocus}\n\n## 二 {style=color:red}\n"),
    );
    site.build(&[]);
    let html = site.read("tzgg/attrs.html");
    assert!(!html.contains("onfocus"), "{html}");
    assert!(!html.contains("autofocus"), "{html}");
    assert!(!html.contains("style=\"color"), "{html}");
    let page = site.html("tzgg/attrs.html");
    assert_eq!(attrs(&page, "h1#sec", "class"), ["note"]);
    assert_eq!(attrs(&page, "h2#二", "id"), ["二"]);
}
#[test]
fn link_schemes_other_than_http_mailto_tel_are_build_errors() {
    let site = base();
    site.write(
        "content/tzgg/bad.md",
        item(concat!(
            "[a](JaVaScRiPt:alert(1))\n\n",
            "[b](java&#x09;script:alert(1))\n\n",
            "[c](&#106;avascript:alert(1))\n\n",
            "![d](data:text/html;base64,PHNjcmlwdD4=)\n\n",
            "文字[e](  vbscript:msgbox(1))\n\n",
            "[f](%6Aavascript:alert(1))\n\n",
            "[ok](https://example.gov.cn/) [m](mailto:a@example.gov.cn) [t](tel:12345) [r](notice.md) [h](HTTP://example.gov.cn/)\n",
        )),
    );
    let run = site.build_fails(&[]);
    let fix = "链接只能以 http://、https://、mailto:（邮箱）、tel:（电话）开头，或写网站内的地址";
    assert_eq!(
        run.stderr,
        format!(
            "content/tzgg/bad.md:6:1: 错误: 链接「JaVaScRiPt:alert(1)」以「javascript:」开头，不能使用：{fix}\n\
             content/tzgg/bad.md:8:1: 错误: 链接「java\\tscript:alert(1)」以「javascript:」开头，不能使用：{fix}\n\
             content/tzgg/bad.md:10:1: 错误: 链接「javascript:alert(1)」以「javascript:」开头，不能使用：{fix}\n\
             content/tzgg/bad.md:12:1: 错误: 图片「data:text/html;base64,PHNjcmlwdD4=」的地址以「data:」开头，不能使用：{fix}\n\
             content/tzgg/bad.md:14:3: 错误: 链接「vbscript:msgbox(1)」以「vbscript:」开头，不能使用：{fix}\n\
             content/tzgg/bad.md:16:1: 错误: 链接「%6Aavascript:alert(1)」以「javascript:」开头，不能使用：{fix}\n{}",
            failed(6)
        )
    );
}
#[test]
fn link_scheme_errors_in_pages_and_report_prose_are_located() {
    let site = base();
    site.write(
        "content/jggk/_index.md",
        "---\ntitle: 机构概况\n---\n\n简介[联系](javascript:alert(1))。\n",
    );
    let report = std::fs::read_to_string(site.root.join("content/ndbg/2023.yaml")).expect("read");
    site.write(
        "content/ndbg/2023.yaml",
        report.replacen(
            "其中政策解读15条",
            "其中[政策解读](JAVASCRIPT:alert(1))15条",
            1,
        ),
    );
    let run = site.build_fails(&[]);
    let fix = "链接只能以 http://、https://、mailto:（邮箱）、tel:（电话）开头，或写网站内的地址";
    assert_eq!(
        run.stderr,
        format!(
            "content/jggk/_index.md:5:3: 错误: 链接「javascript:alert(1)」以「javascript:」开头，不能使用：{fix}\n\
             content/ndbg/2023.yaml:8:34: 错误: 链接「JAVASCRIPT:alert(1)」以「javascript:」开头，不能使用：{fix}\n{}",
            failed(2)
        )
    );
}
#[test]
fn link_scheme_error_has_its_code_in_check() {
    let site = base();
    site.write("content/tzgg/bad.md", item("[a](javascript:alert(1))\n"));
    let run = site.run(&["check", "--as-of", "2024-06-30", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let all: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    let f: Vec<&Value> = all.iter().filter(|f| f["code"] == "link.scheme").collect();
    assert_eq!(f.len(), 1, "{all:?}");
    assert_eq!(
        (
            &f[0]["severity"],
            &f[0]["file"],
            &f[0]["line"],
            &f[0]["col"]
        ),
        (
            &Value::from("error"),
            &Value::from("content/tzgg/bad.md"),
            &Value::from(6),
            &Value::from(1)
        )
    );
}
#[test]
fn raw_html_in_markdown_is_shown_as_text() {
    let site = base();
    site.write(
        "content/tzgg/raw.md",
        item(concat!(
            "<script>alert(1)</script>\n\n",
            "图<img src=x onerror=alert(1)>与<a href=\"javascript:alert(1)\">链接</a>\n\n",
            "<div onclick=\"alert(1)\">块</div>\n",
        )),
    );
    site.build(&[]);
    let page = site.html("tzgg/raw.html");
    // The one script is the theme's external 长者模式 file.
    let srcs = attrs(&page, "script", "src");
    assert!(
        srcs.iter().all(|s| s.ends_with("static/elder.js")),
        "{srcs:?}"
    );
    assert_eq!(
        crate::support::site::texts(&page, "script:not([src$='static/elder.js'])").len(),
        0,
        "no script element"
    );
    assert!(attrs(&page, "[onerror]", "onerror").is_empty());
    assert!(attrs(&page, "[onclick]", "onclick").is_empty());
    assert!(
        !attrs(&page, "a", "href")
            .iter()
            .any(|h| h.starts_with("javascript"))
    );
    assert!(
        site.read("tzgg/raw.html")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
}

#[test]
fn feeds_and_sitemap_are_well_formed_with_control_characters() {
    let site = base();
    site.write(
        "content/tzgg/ctl.md",
        "---\ntitle: \"控制\\x01字符\\x1b标题\\uFFFE\"\ndate: 2024-06-22\nsummary: \"摘要\\x0b\\x7f。\"\n---\n\n正文\n",
    );
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        yaml.replace(
            "title: 测试街道政府信息公开",
            "title: \"测试\\x02街道政府信息公开\"",
        ),
    );
    site.build(&[]);
    for xml in ["feed.xml", "tzgg/feed.xml", "gzdt/feed.xml", "sitemap.xml"] {
        let text = site.read(xml);
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{xml} is not well-formed: {e}\n{text}");
        }
    }
    let feed = site.read("tzgg/feed.xml");
    assert!(feed.contains("<title>控制字符标题</title>"), "{feed}");
    assert!(feed.contains("<summary>摘要\u{7f}。</summary>"), "{feed}");
}

fn attachment_item(site: &SiteTest, files: &[&str]) {
    let list: String = files.iter().map(|f| format!("  - {f}\n")).collect();
    site.write(
        "content/tzgg/files/index.md",
        format!("---\ntitle: 附件测试\ndate: 2024-06-21\nattachments:\n{list}---\n\n正文\n"),
    );
    for f in files {
        site.write(&format!("content/tzgg/files/{f}"), "x");
    }
}

#[test]
fn attachments_that_browsers_run_are_refused() {
    let site = base();
    attachment_item(
        &site,
        &[
            "通知.pdf",
            "页面.html",
            "图.SVG",
            "脚本.js",
            "数据.xml",
            "说明",
            "图纸.dwg",
        ],
    );
    let run = site.build_fails(&[]);
    let fix = "请转成 PDF、Word 或 Excel 文件再发布；如果确实要原样发布，在 site.yaml 里写上 attachments: { allow: [";
    assert_eq!(
        run.stderr,
        format!(
            "content/tzgg/files/index.md:6:5: 错误: 附件「页面.html」是 .html 文件，这种文件不能发布\n  = 建议: {fix}html] }}\n\
             content/tzgg/files/index.md:7:5: 错误: 附件「图.SVG」是 .svg 文件，这种文件不能发布\n  = 建议: {fix}svg] }}\n\
             content/tzgg/files/index.md:8:5: 错误: 附件「脚本.js」是 .js 文件，这种文件不能发布\n  = 建议: {fix}js] }}\n\
             content/tzgg/files/index.md:9:5: 错误: 附件「数据.xml」是 .xml 文件，这种文件不能发布\n  = 建议: {fix}xml] }}\n\
             content/tzgg/files/index.md:10:5: 错误: 附件「说明」没有扩展名，看不出是什么文件：请给文件名加上 .pdf、.docx 这样的扩展名\n\
             content/tzgg/files/index.md:11:5: 错误: 附件「图纸.dwg」是 .dwg 文件，这种文件不能发布\n  = 建议: {fix}dwg] }}\n{}",
            failed(6)
        )
    );
}

#[test]
fn attachment_types_can_be_allowed_in_site_yaml() {
    let site = base();
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        yaml.replace(
            "columns:\n",
            "attachments:\n  allow: [dwg, HTML]\ncolumns:\n",
        ),
    );
    attachment_item(&site, &["图纸.dwg", "页面.html", "表.xlsx", "照片.webp"]);
    site.build(&[]);
    assert_eq!(
        attrs(&site.html("tzgg/files.html"), ".attachments a", "href")
            .iter()
            .map(|h| h.rsplit('/').next().unwrap_or("").to_string())
            .collect::<Vec<_>>(),
        ["附件1.dwg", "附件2.html", "附件3.xlsx", "附件4.webp"]
    );
}

#[test]
fn attachment_allow_list_is_validated() {
    let site = base();
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        yaml.replace(
            "columns:\n",
            "attachments:\n  allow: [.dwg, \"a b\"]\ncolumns:\n",
        ),
    );
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "site.yaml:12:11: 错误: attachments.allow 里的「.dwg」不是文件类型：不要写点，例如 dwg\n\
             site.yaml:12:17: 错误: attachments.allow 里的「a b」不是文件类型：只写字母和数字，例如 dwg\n{}",
            failed(2)
        )
    );
}

#[cfg(unix)]
#[test]
fn symlinked_attachment_outside_the_site_is_refused() {
    let site = base();
    site.write(
        "content/tzgg/files/index.md",
        "---\ntitle: 附件测试\ndate: 2024-06-21\nattachments:\n  - 附件1.pdf\n---\n\n正文\n",
    );
    std::os::unix::fs::symlink(
        "/etc/passwd",
        site.root.join("content/tzgg/files/附件1.pdf"),
    )
    .expect("symlink");
    let expected = format!(
        "content/tzgg/files/index.md:5:5: 错误: 附件「附件1.pdf」是指向网站文件夹外面的快捷方式（链接），不能发布\n  = 建议: 请把文件本身复制到文章的文件夹里\n{}",
        failed(1)
    );
    assert_eq!(site.build_fails(&[]).stderr, expected);
    let check = site.run(&["check", "--as-of", "2024-06-30"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            1,
            "错误（1 处）\n  content/tzgg/files/index.md:5:5: [attachment.outside] 附件「附件1.pdf」是指向网站文件夹外面的快捷方式（链接），不能发布\n      改法：请把文件本身复制到文章的文件夹里\n\n按 2024-06-30 检查：单项否决 0 处，扣分 0 处，提示 0 处\n网站文件有 1 处错误（见上）：改正之前不能发布，链接也没有检查\n"
        )
    );
}

#[test]
fn base_url_must_be_http_with_a_host() {
    let site = base();
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    let hint =
        "写网站发布的完整网址，例如 https://www.example.gov.cn/xxgk/；或只写路径，例如 /xxgk/";
    for (url, why) in [
        (
            "javascript:alert(1)",
            "网址只能以 http:// 或 https:// 开头，不能是「javascript:」",
        ),
        (
            "ftp://www.example.gov.cn/",
            "网址只能以 http:// 或 https:// 开头，不能是「ftp:」",
        ),
        ("https:///xxgk/", "「https://」后面缺少网站域名"),
        (
            "www.example.gov.cn/xxgk/",
            "缺少开头的 https://，应写成 https://www.example.gov.cn/xxgk/ 这样的完整网址",
        ),
        ("xxgk", "既不是 http(s) 网址，也不是以 / 开头的路径"),
    ] {
        site.write(
            "site.yaml",
            yaml.replace("https://www.example.gov.cn/xxgk/", url),
        );
        let run = site.build_fails(&[]);
        assert_eq!(
            run.stderr,
            format!(
                "site.yaml:2:11: 错误: base_url 写的「{url}」不能用：{why}\n  = 建议: {hint}\n{}",
                failed(1)
            )
        );
    }
    site.write("site.yaml", &yaml);
    let run = site.build_fails(&["--base-url", "javascript:alert(1)//"]);
    assert_eq!(
        run.stderr,
        format!(
            "错误: --base-url 写的「javascript:alert(1)//」不能用：网址只能以 http:// 或 https:// 开头，不能是「javascript:」\n  = 建议: {hint}\n{}",
            failed(1)
        )
    );
}

/// Issue 11: `--base-url` without `https://` names the form expected.
#[test]
fn base_url_flag_without_a_scheme_names_the_expected_form() {
    let site = base();
    let run = site.build_fails(&["--base-url", "www.example.gov.cn/xxgk/"]);
    assert_eq!(
        run.stderr,
        format!(
            "错误: --base-url 写的「www.example.gov.cn/xxgk/」不能用：缺少开头的 https://，应写成 https://www.example.gov.cn/xxgk/ 这样的完整网址\n  = 建议: 写网站发布的完整网址，例如 https://www.example.gov.cn/xxgk/；或只写路径，例如 /xxgk/\n{}",
            failed(1)
        )
    );
    let mut cmd = site.command(&["build", "--base-url", "www.example.gov.cn/xxgk/"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: `--base-url` `www.example.gov.cn/xxgk/` has no scheme: write the full address, e.g. https://www.example.gov.cn/xxgk/\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn path_only_base_url_is_a_warning() {
    let site = base();
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        yaml.replace("https://www.example.gov.cn/xxgk/", "/xxgk/"),
    );
    let warning = "警告: base_url 写的「/xxgk/」只有路径，没有网站域名：网站地图（sitemap）和订阅（feed）需要完整网址，里面的地址会不完整\n  = 建议: 知道网站地址后，写成完整网址，例如 https://www.example.gov.cn/xxgk/\n";
    let run = site.build(&[]);
    assert!(
        run.stderr
            .starts_with(&format!("site.yaml:2:11: {warning}")),
        "{}",
        run.stderr
    );
    // The same from the command line.
    site.write("site.yaml", &yaml);
    let run = site.build(&["--base-url", "/xxgk/"]);
    assert!(
        run.stderr
            .starts_with(&warning.replace("base_url 写的", "--base-url 写的")),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn serve_refuses_the_same_attachments_as_build() {
    let site = base();
    std::os::unix::fs::symlink("/etc/passwd", site.root.join("content/tzgg/附件1.pdf"))
        .expect("symlink");
    let p = Preview::start(&site.root);
    let notice = std::fs::read_to_string(site.root.join("content/tzgg/notice.md")).expect("read");
    p.write(
        "content/tzgg/notice.md",
        &notice.replacen(
            "publisher: 测试街道办事处\n",
            "publisher: 测试街道办事处\nattachments:\n  - 附件1.pdf\n",
            1,
        ),
    );
    p.wait_for("the error", |p| {
        p.stderr().contains("浏览器里仍是上一次正确的版本")
    });
    assert_eq!(
        p.stderr(),
        // The first build (before the edit) warns that nothing publishes
        // the file.
        "content/tzgg/附件1.pdf: 警告: 「附件1.pdf」不会发布：它不是内容文件（.md），也没有被哪条内容列为附件\n  = 建议: 要发布成一条内容，请改成 .md 文件并在开头写上 title 和 date；要作为附件，请在那条内容开头的 attachments: 里写上它的文件名；用不到的话请删掉或移走\n\
         content/tzgg/notice.md:7:5: 错误: 附件「附件1.pdf」是指向网站文件夹外面的快捷方式（链接），不能发布\n  = 建议: 请把文件本身复制到文章的文件夹里\n错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\ncontent/tzgg/notice.md 有改动：有错误，没有更新预览，浏览器里仍是上一次正确的版本\n"
    );
}

#[test]
fn check_reports_disallowed_schemes_from_templates() {
    let site = base();
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>页面未找到</h1>\n<p><a href=\" JaVa&#x09;Script:alert(1)\">首页</a><img src=\"vbscript:x\" alt=\"\"></p>\n{% endblock main %}\n",
    );
    let run = site.run(&["check", "--as-of", "2024-06-30", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let all: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    let f: Vec<(String, String, String)> = all
        .iter()
        .filter(|f| f["code"] == "links.scheme")
        .map(|f| {
            (
                f["severity"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
                f["fix"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let hint = "这个链接在主题生成的页面上：请在主题的模板里改正";
    assert_eq!(
        f,
        [
            (
                "单项否决".to_string(),
                "用了不允许的「javascript:」开头的链接：「 JaVa\\tScript:alert(1)」，在 404.html"
                    .to_string(),
                hint.to_string()
            ),
            (
                "单项否决".to_string(),
                "用了不允许的「vbscript:」开头的链接：「vbscript:x」，在 404.html".to_string(),
                hint.to_string()
            ),
        ]
    );
}
