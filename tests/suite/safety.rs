//! Content cannot run script (issue 10, "Content cannot run script"): what
//! staff write in Markdown, front matter, report prose, attachments and
//! site.yaml never becomes script on a published page, and every refusal is
//! a located error with its code. Each test reproduced a defect first.
//! See: issue 10.

use crate::support::site::{SiteTest, TAIL, attrs};
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
    let fix = "only http, https, mailto, tel and relative links are allowed";
    assert_eq!(
        run.stderr,
        format!(
            "content/tzgg/bad.md:6:1: error: link `JaVaScRiPt:alert(1)` has the scheme `javascript:`: {fix}\n\
             content/tzgg/bad.md:8:1: error: link `java\\tscript:alert(1)` has the scheme `javascript:`: {fix}\n\
             content/tzgg/bad.md:10:1: error: link `javascript:alert(1)` has the scheme `javascript:`: {fix}\n\
             content/tzgg/bad.md:12:1: error: image `data:text/html;base64,PHNjcmlwdD4=` has the scheme `data:`: {fix}\n\
             content/tzgg/bad.md:14:3: error: link `vbscript:msgbox(1)` has the scheme `vbscript:`: {fix}\n\
             content/tzgg/bad.md:16:1: error: link `%6Aavascript:alert(1)` has the scheme `javascript:`: {fix}\n\
             error: build failed with 6 errors\n{TAIL}"
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
    let fix = "only http, https, mailto, tel and relative links are allowed";
    assert_eq!(
        run.stderr,
        format!(
            "content/jggk/_index.md:5:3: error: link `javascript:alert(1)` has the scheme `javascript:`: {fix}\n\
             content/ndbg/2023.yaml:8:34: error: link `JAVASCRIPT:alert(1)` has the scheme `javascript:`: {fix}\n\
             error: build failed with 2 errors\n{TAIL}"
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
    assert!(attrs(&page, "script", "src").is_empty());
    assert_eq!(
        crate::support::site::texts(&page, "script").len(),
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
