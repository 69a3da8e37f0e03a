//! Strict Content-Security-Policy, images from other hosts and the footer's
//! national identifiers (issue 12). The site must work when served with
//! `Content-Security-Policy: default-src 'self'`: no `style` attribute, no
//! inline `<style>` or `<script>`, no `data:` or `javascript:` address, a
//! real favicon file. `check` reports images of other hosts and the
//! identifiers a government site must show.

use crate::support::site::{SiteTest, attrs, texts};
use crate::support::tools;
use std::path::{Path, PathBuf};
use std::process::Command;

const AS_OF: &str = "2024-06-30";

/// Fixture cases of `csp/` that build and whose pages the browser opens.
const BUILT: &[&str] = &["base", "report-2019", "favicon"];

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The example portal under `<out>/djjd` and each built `csp/` case under
/// `<out>/<case>`, all for the sub-path `/xxgk/<name>/`, minified as
/// published.
fn build_all(out: &Path) {
    let portal = SiteTest::empty();
    portal.build(&[
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--output",
        arg(&out.join("djjd")),
    ]);
    for case in BUILT {
        SiteTest::case("csp", case).build(&[
            "--output",
            arg(&out.join(case)),
            "--base-url",
            &format!("/xxgk/{case}/"),
        ]);
    }
}

/// Every `.html` file under `dir`.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read output") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What a strict policy would refuse in one page, read with an HTML
/// parser: `style=` attributes, `<style>`, `<script>` without `src`,
/// `on…=` handlers and `data:`/`javascript:` addresses.
fn inline_things(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        if name == "style" {
            found.push("<style>".to_string());
        }
        if name == "script" && el.value().attr("src").is_none() {
            found.push("inline <script>".to_string());
        }
        for (attr, value) in el.value().attrs() {
            let v = value.trim_start().to_ascii_lowercase();
            if attr == "style" || attr.starts_with("on") {
                found.push(format!("{attr}="));
            }
            if v.starts_with("data:") || v.starts_with("javascript:") {
                found.push(format!("{attr}={value}"));
            }
        }
    }
    found
}

#[test]
fn no_page_has_inline_style_or_script_or_data_addresses() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    build_all(&out);
    let pages = html_files(&out);
    assert!(pages.len() > 40, "{} pages", pages.len());
    let mut found = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("read page");
        // The raw text too: a `style=` or `<style` that the parser would
        // read some other way still must not be there.
        let lower = text.to_ascii_lowercase();
        for needle in ["style=", "<style", "javascript:", "\"data:", "=data:"] {
            if lower.contains(needle) {
                found.push(format!("{}: {needle}", page.display()));
            }
        }
        for thing in inline_things(&text) {
            found.push(format!("{}: {thing}", page.display()));
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_scan_finds_what_a_template_puts_inline() {
    let html = r#"<!DOCTYPE html><html><head><link rel="icon" href="data:,"><style>p{}</style></head><body><p style="color:red" onclick="x()">a</p><script>1</script><a href="javascript:x">b</a><script src="/a.js"></script></body></html>"#;
    // Attribute order is the parser's, so the list is compared sorted.
    let mut found = inline_things(html);
    found.sort();
    assert_eq!(
        found,
        [
            "<style>",
            "href=data:,",
            "href=javascript:x",
            "inline <script>",
            "onclick=",
            "style=",
        ]
    );
}

/// Runs `tests/tools/csp.mjs` on `dir` served under `/xxgk/`: the number
/// of pages opened and the problems found. `None` when the browser cannot
/// run here.
fn csp_browser(dir: &Path) -> Option<(u64, Vec<String>)> {
    tools::browser("the CSP check in headless Chromium")?;
    let out = Command::new("node")
        .arg(tools::tools_dir().join("csp.mjs"))
        .args(["--base", "/xxgk/"])
        .arg(dir)
        .output()
        .expect("run node");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "csp.mjs failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("csp.mjs prints JSON");
    let problems = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p.as_str().unwrap_or("?").to_string())
        .collect();
    Some((report["pages"].as_u64().unwrap_or(0), problems))
}

#[test]
fn every_page_type_works_under_default_src_self() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    build_all(&out);
    // Every page kind: home, list, item, page, reports list, both report
    // editions with their chart, sitemap and 404, of the portal and the
    // fixtures.
    for page in [
        "djjd/index.html",
        "djjd/tzgg/index.html",
        "djjd/sitemap.html",
        "djjd/404.html",
        "base/tzgg/notice.html",
        "base/jggk/index.html",
        "base/ndbg/index.html",
        "base/ndbg/2023.html",
        "report-2019/ndbg/2019.html",
    ] {
        assert!(out.join(page).is_file(), "{page} was not built");
    }
    let chart = std::fs::read_to_string(out.join("base/ndbg/index.html")).expect("reports page");
    assert!(chart.contains("<svg"), "the reports page has its chart");
    if let Some((pages, problems)) = csp_browser(&out) {
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(pages as usize, html_files(&out).len());
    }
}

#[test]
fn the_browser_check_reports_inline_code() {
    let site = SiteTest::case("csp", "template-inline");
    let out = site.root.join("public");
    site.build(&["--output", arg(&out.join("t")), "--base-url", "/xxgk/t/"]);
    if let Some((_, problems)) = csp_browser(&out) {
        let violations: Vec<&String> = problems
            .iter()
            .filter(|p| p.starts_with("t/index.html: violation:"))
            .collect();
        assert_eq!(
            violations,
            [
                "t/index.html: violation: style-src-elem (inline)",
                "t/index.html: violation: script-src-elem (inline)"
            ]
        );
    }
}

#[test]
fn pages_pass_the_nu_checker() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    build_all(&out);
    if let Some(errors) = tools::vnu_errors(&out) {
        assert_eq!(errors, Vec::<String>::new());
    }
}

#[test]
fn favicon_is_a_file_of_the_site_and_configurable() {
    let site = SiteTest::case("csp", "base");
    site.build(&[]);
    let home = site.html("index.html");
    assert_eq!(
        attrs(&home, "link[rel=icon]", "href"),
        ["/xxgk/static/favicon.png"]
    );
    let png = std::fs::read(site.output("static/favicon.png")).expect("favicon");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");

    let own = SiteTest::case("csp", "favicon");
    own.build(&[]);
    assert_eq!(
        attrs(&own.html("tzgg/notice.html"), "link[rel=icon]", "href"),
        ["/xxgk/static/icons/site.png"]
    );
    assert!(own.output("static/icons/site.png").is_file());
    let (run, findings) = check_json(&own);
    assert_eq!((run, findings), (0, Vec::<serde_json::Value>::new()));

    // A favicon that is not there is a broken link.
    own.remove("static/icons/site.png");
    let (code, findings) = check_json(&own);
    assert_eq!(code, 0);
    let said: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        said,
        // The home page's broken links are counted apart.
        [
            (
                "links.broken",
                "用到的文件不存在：「/xxgk/static/icons/site.png」，在 404.html 和另外 9 个页面"
            ),
            (
                "links.broken",
                "用到的文件不存在：「/xxgk/static/icons/site.png」，在 首页"
            )
        ]
    );
}

#[test]
fn the_footer_shows_the_identifiers_with_their_links() {
    let site = SiteTest::case("csp", "base");
    site.build(&[]);
    let page = site.html("tzgg/notice.html");
    assert_eq!(
        texts(&page, ".site-footer .ids > *"),
        [
            "网站标识码：3213220037",
            "测ICP备12345678号",
            "测公网安备32132202000123号"
        ]
    );
    assert_eq!(
        attrs(&page, ".site-footer a", "href"),
        [
            "/xxgk/sitemap.html",
            "https://beian.miit.gov.cn/",
            "https://beian.mps.gov.cn/#/query/webSearch?code=32132202000123",
            "https://bszs.conac.cn/sitename?method=show&id=0000000000000000",
            "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3213220037&url=https%3A%2F%2Fwww.example.gov.cn%2Fxxgk%2Ftzgg%2Fnotice.html",
        ]
    );
    // The badge is the site's own file: nothing in the footer loads from
    // another host.
    assert_eq!(
        attrs(&page, ".site-footer img", "src"),
        ["/xxgk/static/conac.png"]
    );
    assert_eq!(
        attrs(&page, ".site-footer img", "alt"),
        ["党政机关网站标识"]
    );
    assert_eq!(texts(&page, ".site-footer .jiucuo"), ["政府网站找错"]);
    assert_eq!(
        attrs(&page, ".site-footer script, .site-footer iframe", "src"),
        Vec::<String>::new()
    );
}

/// `check --format json` on `site`: the exit code and the findings.
fn check_json(site: &SiteTest) -> (i32, Vec<serde_json::Value>) {
    let run = site.run(&["check", "--as-of", AS_OF, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}\nstdout: {}\nstderr: {}", run.stdout, run.stderr));
    (run.code, v.as_array().cloned().unwrap_or_default())
}

/// `check` as text, on a case.
fn check_text(case: &str) -> (i32, String) {
    let site = SiteTest::case("csp", case);
    let run = site.run(&["check", "--as-of", AS_OF]);
    (run.code, run.stdout)
}

#[test]
fn the_clean_fixture_has_no_findings() {
    assert_eq!(
        check_text("base"),
        (
            0,
            "按 2024-06-30 检查：单项否决 0 处，扣分 0 处，提示 0 处\n".to_string()
        )
    );
}

#[test]
fn images_from_other_hosts_are_findings_at_their_address() {
    let site = SiteTest::case("csp", "remote-image");
    let (code, findings) = check_json(&site);
    assert_eq!(code, 0);
    let privacy: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["code"] == "privacy.remote-image")
        .collect();
    assert_eq!(
        privacy,
        [
            &serde_json::json!({
                "code": "privacy.remote-image",
                "severity": "扣分",
                "message": "图片「//cdn.other.example/lanmu.png」放在别的网站（cdn.other.example）上：读者每打开这一页，那个网站都会知道；而且本网站不从别的网站加载内容，这张图片显示不出来",
                "file": "content/ndbg/2023.yaml",
                "line": 15,
                "col": 12,
                "column": "ndbg",
                "fix": "把图片下载下来，放在这个文件旁边（同一个文件夹），再改成 ![图片说明](图片文件名)"
            }),
            &serde_json::json!({
                "code": "privacy.remote-image",
                "severity": "扣分",
                "message": "图片「https://img.other.example/photo/1.jpg」放在别的网站（img.other.example）上：读者每打开这一页，那个网站都会知道；而且本网站不从别的网站加载内容，这张图片显示不出来",
                "file": "content/tzgg/notice.md",
                "line": 19,
                "col": 9,
                "column": "tzgg",
                "fix": "把图片下载下来，放在这个文件旁边（同一个文件夹），再改成 ![图片说明](图片文件名)"
            }),
        ]
    );
}

#[test]
fn images_from_other_hosts_in_english() {
    let site = SiteTest::case("csp", "remote-image");
    let run = site.run_command(
        site.command(&["check", "--as-of", AS_OF])
            .env("GONGKAI_LANG", "en"),
    );
    assert!(
        run.stdout.contains("  content/tzgg/notice.md:19:9: [privacy.remote-image] the image `https://img.other.example/photo/1.jpg` is on another host (img.other.example): that host learns of every reader who opens this page, and the site loads nothing from other hosts, so it is not shown\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn government_sites_must_show_the_badge_and_the_jiucuo_link() {
    assert_eq!(
        check_text("no-national"),
        (
            0,
            "扣分（2 处）
  site.yaml: [footer.badge] 网页底部没有党政机关网站标识：site.yaml 的 identifiers: 下面没有写 badge:
      改法：在 site.yaml 的 identifiers: 下面加上 badge: { url: 标识的证书网址, image: conac.png }
  site.yaml: [footer.jiucuo] 网页底部没有政府网站找错：site.yaml 的 identifiers: 下面没有写 jiucuo:
      改法：在 site.yaml 的 identifiers: 下面加上 jiucuo:，写上级单位给出的「政府网站找错」网址（网址里带本站的网站标识码）

按 2024-06-30 检查：单项否决 0 处，扣分 2 处，提示 0 处
"
            .to_string()
        )
    );
}

#[test]
fn a_jiucuo_link_of_another_site_and_a_police_number_without_digits() {
    assert_eq!(
        check_text("jiucuo-code"),
        (
            0,
            "扣分（2 处）
  site.yaml: [footer.jiucuo] 「政府网站找错」的网址里写的网站标识码是「3213220038」，和本站的网站标识码「3213220037」不一样：读者找到的错会报给别的网站
      改法：核对 site.yaml 里 identifiers: 下面的 jiucuo: 和 site_code:，改成本站的网站标识码
  site.yaml: [footer.police] 公安机关备案号「测公网安备（办理中）」里没有数字，无法链接到全国互联网安全管理服务平台的备案信息
      改法：按备案时拿到的编号原样填写，例如 京公网安备11010502000000号；或在 identifiers: 下面用 police_url: 写出备案信息页的网址

按 2024-06-30 检查：单项否决 0 处，扣分 2 处，提示 0 处
"
            .to_string()
        )
    );
}

#[test]
fn a_badge_from_another_host_or_a_favicon_outside_static_is_a_build_error() {
    let site = SiteTest::case("csp", "bad-identifiers");
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        "site.yaml:9:92: 错误: badge.image 写的「https://bszs.conac.cn/images/red.png」不能用：这是别的网站上的地址；图片要放在本网站的 static 文件夹里，不能直接用别的网站上的图片（读者每打开一页，那个网站都会知道）
  = 建议: 写网站 static 文件夹里的文件名，例如 image: conac.png，再把这个文件放进 static 文件夹
site.yaml:10:13: 错误: identifiers 下的 jiucuo 写的「zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3213220037」不是网址：要写以 https:// 或 http:// 开头的完整网址
  = 建议: 把上级单位或备案系统给出的网址原样复制过来，例如 https://www.example.gov.cn/
site.yaml:11:10: 错误: favicon 写的「../favicon.ico」不能用：只能写 static 文件夹里的文件名或「文件夹/文件名」，不能以 / 开头，不能有 ..、空格或 ? # % 等符号
  = 建议: 写网站 static 文件夹里的文件名，例如 favicon: favicon.png，再把这个文件放进 static 文件夹
错误：共 3 处错误，这次没有生成网站，已发布的网站保持原样
"
    );
    assert!(!site.output("index.html").exists());
}

#[test]
fn inline_code_from_a_template_is_a_check_finding() {
    assert_eq!(
        check_text("template-inline"),
        (
            0,
            "扣分（2 处）
  [csp.inline] 网页里有 <script>，浏览器在严格的安全策略（Content-Security-Policy: default-src 'self'）下会拦下它：404.html 和另外 10 个页面
      改法：这来自网站自己改过的模板（templates 文件夹）：样式写进 static 文件夹里的 .css 文件，脚本写进 .js 文件，用 <link rel=\"stylesheet\" href=\"…\"> 或 <script src=\"…\"></script> 引用；图标用 static 里的图片文件
  [csp.inline] 网页里有 <style>，浏览器在严格的安全策略（Content-Security-Policy: default-src 'self'）下会拦下它：404.html 和另外 10 个页面
      改法：这来自网站自己改过的模板（templates 文件夹）：样式写进 static 文件夹里的 .css 文件，脚本写进 .js 文件，用 <link rel=\"stylesheet\" href=\"…\"> 或 <script src=\"…\"></script> 引用；图标用 static 里的图片文件

按 2024-06-30 检查：单项否决 0 处，扣分 2 处，提示 0 处
"
            .to_string()
        )
    );
}

/// A site's own `static/` file or an attachment of a type a browser runs
/// script from (`.html`, `.svg`, `.js`, …) runs on the site's own address,
/// where a strict CSP allows it: a deployer found `static/s.html` with
/// `static/s.js`, and an allowed `.html` attachment, published without a
/// word. `check` names them: an attachment (content) as 扣分, the site's
/// own static files (its theme, reviewed as code) as 提示.
#[test]
fn files_that_run_script_on_the_site_are_named_by_check() {
    let site = SiteTest::case("check", "base");
    site.write("static/s.html", "<script src=\"s.js\"></script>");
    site.write("static/s.js", "document.title = 'x';");
    site.write(
        "content/tzgg/ev/index.md",
        "---\ntitle: 关于活动安排的通知\ndate: 2024-06-21\nindex_no: 000000000/2024-09971\npublisher: 测试街道办事处\nattachments: [安排.html, 安排.pdf]\n---\n\n见附件。\n",
    );
    site.write(
        "content/tzgg/ev/安排.html",
        "<script src=\"/xxgk/static/s.js\"></script>",
    );
    site.write("content/tzgg/ev/安排.pdf", "%PDF-1.4");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        format!("{yaml}attachments: {{ allow: [html] }}\n"),
    );
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "扣分（1 处）
  [csp.script-file] 附件是浏览器会运行其中脚本的类型，读者打开时它在本网站里运行：tzgg/ev/附件1.html
      改法：把附件转成 PDF 再发布；确实要发布这类文件，先请技术人员审核它的内容，再从 site.yaml 的 attachments: { allow: [...] } 里去掉不需要的类型

提示（1 处）
  [csp.script-static] 网站自己的 static 文件夹里有浏览器会运行其中脚本的文件：static/s.html、static/s.js
      改法：这是网站的代码，不是内容：请技术人员审核这些文件，确认是网站需要的；不需要的删掉

按 2024-06-30 检查：单项否决 0 处，扣分 1 处，提示 1 处
"
        ),
        "{}",
        run.stderr
    );
}
