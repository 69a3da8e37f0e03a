//! Proves the HTML checkers in `tests/suite/support/tools.rs` can fail: each one
//! passes a clean page and reports a known defect in a broken one. If these
//! tests pass while every site test passes too, the site tests mean something.

use crate::support::tools;
use std::fs;
use std::path::Path;

/// Valid HTML5 with everything axe asks of a page: language, title, a main
/// landmark, a heading, and the stylesheet loaded over HTTP from the root.
const GOOD: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>通知公告 - 大街街道</title>
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
<main>
<h1>通知公告</h1>
<p class="note">关于开展消防安全检查的通知</p>
</main>
</body>
</html>
"#;

const CSS: &str = "body { margin: 0 auto; max-width: 60em; font-family: sans-serif; }\n\
                   .faint { color: #bbb; background: #fff; }\n\
                   .wide { width: 600px; }\n";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
}

/// `GOOD` with `from` replaced by `to`, which must occur in it.
fn good_with(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from:?} not in GOOD");
    GOOD.replacen(from, to, 1)
}

#[test]
fn vnu_passes_a_valid_page() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "index.html", GOOD);
    write(dir.path(), "css/site.css", CSS);
    let Some(errors) = tools::vnu_errors(dir.path()) else {
        return;
    };
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn vnu_reports_errors_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "index.html", GOOD);
    // No <title>, and a block element inside <span>, in a subfolder whose
    // name needs escaping in a URL.
    let bad = good_with("<title>通知公告 - 大街街道</title>\n", "")
        .replace("<h1>通知公告</h1>", "<span><div>通知公告</div></span>");
    write(dir.path(), "通知 公告/bad.html", &bad);
    let Some(errors) = tools::vnu_errors(dir.path()) else {
        return;
    };
    assert_eq!(
        errors,
        [
            "通知 公告/bad.html:7:1: Element “head” is missing a required instance of child element “title”.",
            "通知 公告/bad.html:10:7: Element “div” not allowed as child of element “span” in this context. (Suppressing further errors from this subtree.)",
        ]
    );
}

#[test]
fn axe_passes_a_good_page() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "index.html", GOOD);
    write(dir.path(), "css/site.css", CSS);
    let Some(violations) = tools::axe_violations(dir.path()) else {
        return;
    };
    assert_eq!(violations, Vec::<String>::new());
}

#[test]
fn axe_reports_violations_overflow_and_external_resources() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "css/site.css", CSS);
    write(dir.path(), "index.html", GOOD);
    write(
        dir.path(),
        "tzgg/img.html",
        &good_with("</h1>", "</h1><img src=\"/logo.png\">"),
    );
    // Only fails if /css/site.css was served: the class comes from it.
    write(
        dir.path(),
        "tzgg/contrast.html",
        &good_with("class=\"note\"", "class=\"faint\""),
    );
    write(
        dir.path(),
        "tzgg/wide.html",
        // A fixed width, so the reported size does not depend on fonts.
        &good_with("</main>", "<div class=\"wide\">表格</div></main>"),
    );
    write(
        dir.path(),
        "tzgg/cdn.html",
        &good_with(
            "</head>",
            "<link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\"></head>",
        ),
    );
    let Some(violations) = tools::axe_violations(dir.path()) else {
        return;
    };
    assert_eq!(
        violations,
        [
            "tzgg/cdn.html: external-resource: Page must not load resources from outside the site (blocked here) (https://cdn.example.com/a.css)",
            "tzgg/contrast.html: color-contrast: Elements must meet minimum color contrast ratio thresholds (p)",
            "tzgg/img.html: image-alt: Images must have alternative text (img)",
            "tzgg/wide.html: overflow-320: Page must not scroll sideways at 320 px (WCAG 1.4.10 Reflow): document is 600 px wide (body > main > div.wide)",
        ]
    );
}

#[test]
fn axe_serves_the_site_under_a_sub_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "css/site.css", CSS);
    // Root-relative links of a site built for base_url https://…/xxgk/.
    let page = good_with("href=\"/css/site.css\"", "href=\"/xxgk/css/site.css\"")
        .replace("class=\"note\"", "class=\"faint\"");
    write(dir.path(), "index.html", &page);
    let Some(violations) = tools::axe_violations_under(dir.path(), "/xxgk/") else {
        return;
    };
    assert_eq!(
        violations,
        [
            "index.html: color-contrast: Elements must meet minimum color contrast ratio thresholds (p)"
        ]
    );
}
