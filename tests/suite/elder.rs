//! 长者模式, the elderly-friendly mode (issue 12): the mode's link on every
//! page, the `zhe/` mirror that makes it work without JavaScript, and the
//! mode itself measured in headless Chromium (`tests/tools/elder.mjs`) on
//! the example portal, in every theme of the repository.

use crate::support::site::{SiteTest, attrs, texts};
use crate::support::tools;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixture's base path (its base_url is https://www.example.gov.cn/xxgk/).
const BASE: &str = "/xxgk/";

/// Every `.html` file under `dir`, relative and with `/`, sorted.
fn html_files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            p.strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_page_has_the_modes_link_to_its_mirror_page() {
    let site = SiteTest::case("elder", "base");
    site.build(&["--no-minify"]);
    let public = site.output("");
    let all = html_files(&public);
    let pages: Vec<&String> = all.iter().filter(|p| !p.starts_with("zhe/")).collect();
    let mirror: Vec<String> = all
        .iter()
        .filter_map(|p| p.strip_prefix("zhe/").map(str::to_string))
        .collect();
    assert_eq!(
        pages.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        [
            "404.html",
            "about/index.html",
            "index.html",
            "news/index.html",
            "news/meeting.html",
            "notices/first.html",
            "notices/index.html",
            "notices/index_1.html",
            "notices/second.html",
            "search.html",
            "sitemap.html",
        ]
    );
    // One mirror page for every page, and nothing else in the mirror.
    assert_eq!(mirror.iter().collect::<Vec<_>>(), pages);
    for page in &pages {
        let html = site.html(page);
        // One link in the header, named 长者模式 (the other label is hidden
        // by elder.css until the mode is on).
        assert_eq!(
            texts(&html, "header a.elder-toggle .elder-enter"),
            ["长者模式"],
            "{page}"
        );
        assert_eq!(
            texts(&html, "header a.elder-toggle .elder-leave"),
            ["退出长者模式"],
            "{page}"
        );
        assert_eq!(
            attrs(&html, "a.elder-toggle", "href"),
            [format!("{BASE}zhe/{page}")],
            "{page}"
        );
        assert_eq!(attrs(&html, "html", "class"), Vec::<String>::new());
        // The mode's script and stylesheet, as files (no inline script).
        // (The search page has its own script too, before it.)
        let scripts = attrs(&html, "script", "src");
        let own: Vec<&String> = scripts
            .iter()
            .filter(|s| !s.ends_with("/search.js"))
            .collect();
        assert_eq!(own, [&format!("{BASE}static/elder.js")], "{page}");
        assert_eq!(
            scripts.len(),
            1 + usize::from(page.as_str() == "search.html"),
            "{page}"
        );
        assert!(
            texts(&html, "script").iter().all(String::is_empty),
            "{page}"
        );
        assert!(
            attrs(&html, "link[rel=stylesheet]", "href")
                .contains(&format!("{BASE}static/elder.css")),
            "{page}"
        );
        assert_eq!(
            attrs(&html, "meta[name=robots]", "content"),
            Vec::<String>::new()
        );
    }
    assert!(site.output("static/elder.js").is_file());
    assert!(site.output("static/elder.css").is_file());
}

#[test]
fn mirror_pages_are_in_the_mode_link_inside_the_mirror_and_point_search_to_the_page() {
    let site = SiteTest::case("elder", "base");
    site.build(&["--no-minify"]);
    let html = site.html("zhe/notices/second.html");
    assert_eq!(attrs(&html, "html", "class"), ["elder"]);
    assert_eq!(attrs(&html, "html", "data-elder"), ["mirror"]);
    assert_eq!(attrs(&html, "meta[name=robots]", "content"), ["noindex"]);
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        ["https://www.example.gov.cn/xxgk/notices/second.html"]
    );
    // The way back: the normal page.
    assert_eq!(
        attrs(&html, "a.elder-toggle", "href"),
        ["/xxgk/notices/second.html"]
    );
    // Every other link to a page stays in the mirror; the body's links
    // keep their fragment; the external link and the files do not move.
    assert_eq!(
        attrs(&html, "a:not(.elder-toggle)", "href"),
        [
            "#main",
            "/xxgk/zhe/index.html",
            "/xxgk/zhe/index.html",
            "/xxgk/zhe/about/index.html",
            "/xxgk/zhe/notices/index.html",
            "/xxgk/zhe/news/index.html",
            "/xxgk/zhe/index.html",
            "/xxgk/zhe/notices/index.html",
            "/xxgk/zhe/notices/first.html#%E6%AD%A3%E6%96%87",
            "https://www.gov.cn/",
            "/xxgk/zhe/sitemap.html",
        ]
    );
    assert_eq!(
        attrs(&html, "link[rel=stylesheet]", "href"),
        ["/xxgk/static/style.css", "/xxgk/static/elder.css"]
    );
    // Searching from the mirror shows the results in the mirror.
    assert_eq!(
        attrs(&html, "form[role=search]", "action"),
        ["/xxgk/zhe/search.html"]
    );
    let search = site.html("zhe/search.html");
    assert!(
        attrs(&search, "form", "action")
            .iter()
            .all(|a| a == "/xxgk/zhe/search.html"),
        "{:?}",
        attrs(&search, "form", "action")
    );
    // The same text as the page.
    let normal = site.html("notices/second.html");
    assert_eq!(texts(&html, "main"), texts(&normal, "main"));
    // Every page and mirror page is valid HTML.
    if let Some(errors) = tools::vnu_errors(&site.output("")) {
        assert_eq!(errors, Vec::<String>::new());
    }
}

#[test]
fn without_a_base_url_host_the_mirror_page_gets_a_canonical_link() {
    let site = SiteTest::case("elder", "base");
    site.build(&["--no-minify", "--base-url", "/xxgk/"]);
    let html = site.html("zhe/news/meeting.html");
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        ["/xxgk/news/meeting.html"]
    );
    assert_eq!(
        attrs(
            &site.html("news/meeting.html"),
            "link[rel=canonical]",
            "href"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn minified_mirror_pages_link_inside_the_mirror_too() {
    let site = SiteTest::case("elder", "base");
    site.build(&[]);
    let html = site.html("zhe/index.html");
    assert_eq!(attrs(&html, "html", "class"), ["elder"]);
    assert_eq!(attrs(&html, "a.elder-toggle", "href"), ["/xxgk/"]);
    assert_eq!(
        attrs(&html, "nav.columns a", "href"),
        [
            "/xxgk/zhe/index.html",
            "/xxgk/zhe/about/index.html",
            "/xxgk/zhe/notices/index.html",
            "/xxgk/zhe/news/index.html",
        ]
    );
    assert_eq!(
        attrs(&site.html("index.html"), "a.elder-toggle", "href"),
        ["/xxgk/zhe/index.html"]
    );
}

#[test]
fn a_column_named_like_the_mirror_is_a_located_error() {
    let site = SiteTest::case("elder", "column-zhe");
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        "content/zhe/_index.md: 警告: 栏目「zhe」是单页栏目，但还没有这一页：请新建这个文件\n\
         site.yaml:15:1: 错误: 栏目「zhe」和长者模式的首页都要发布到 /zhe/index.html\n  \
         = 建议: 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址\n\
         错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n"
    );
    let mut cmd = site.command(&["build"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert!(
        run.stderr
            .contains("the 长者模式 (elderly-friendly) copy of the home page"),
        "{}",
        run.stderr
    );
}

/// The themes of the repository (`themes/<name>/`).
fn themes() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("themes/")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies a folder tree.
fn copy_tree(from: &Path, to: &Path) {
    for p in walk(from) {
        let dest = to.join(p.strip_prefix(from).expect("under from"));
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&p, &dest).expect("copy");
    }
}

#[test]
fn the_example_portal_in_the_mode_in_headless_chromium_in_every_theme() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let names = themes();
    assert!(names.contains(&"default".to_string()), "{names:?}");
    if tools::browser("the 长者模式 check (tests/tools/elder.mjs)").is_none() {
        return;
    }
    for theme in names {
        let site = SiteTest::empty();
        copy_tree(&repo.join("content"), &site.root.join("content"));
        let config = std::fs::read_to_string(repo.join("site.yaml")).expect("site.yaml");
        if theme == "default" {
            site.write("site.yaml", &config);
        } else {
            copy_tree(
                &repo.join("themes").join(&theme),
                &site.root.join("themes").join(&theme),
            );
            site.write("site.yaml", format!("{config}\ntheme: {theme}\n"));
        }
        // Minified, exactly as published.
        site.build(&[]);
        let out = Command::new("node")
            .arg(tools::tools_dir().join("elder.mjs"))
            .args(["--base", "/xxgk/djjd/"])
            .arg(site.output(""))
            // A list, an item, a report with its wide tables, a page
            // column, the reports column with its chart.
            .args([
                "tzgg/index.html",
                "tzgg/fire-check.html",
                "ndbg/2022.html",
                "jggk/index.html",
                "ndbg/index.html",
            ])
            .output()
            .expect("run node");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "elder.mjs printed no report ({e}, {}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let failures: Vec<String> = report["failures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f.as_str().unwrap_or("?").to_string())
            .collect();
        assert_eq!(failures, Vec::<String>::new(), "theme {theme}");
        // With JavaScript the home page and 5 pages; without, the first
        // page, the page of a menu link and the 4 others; 5 with more contrast.
        assert_eq!(
            report["pages"].as_array().map(Vec::len),
            Some(17),
            "theme {theme}"
        );
        assert!(out.status.success(), "theme {theme}: {}", out.status);
    }
}

#[test]
fn every_local_address_of_the_example_portals_mirror_exists_and_pages_stay_in_it() {
    let tmp = SiteTest::empty();
    let out = tmp.root.join("public");
    let out_arg = out.to_str().expect("utf-8 path");
    tmp.build(&["--root", env!("CARGO_MANIFEST_DIR"), "--output", out_arg]);
    // site.yaml's base_url is https://www.jiangchuan.example.gov.cn/xxgk/djjd/.
    let base = "/xxgk/djjd/";
    let mut missing = Vec::new();
    let mut leaving = Vec::new();
    let mut checked = 0;
    for page in html_files(&out.join("zhe")) {
        let rel = format!("zhe/{page}");
        let html =
            scraper::Html::parse_document(&std::fs::read_to_string(out.join(&rel)).expect("read"));
        let toggle = attrs(&html, "a.elder-toggle", "href");
        for (selector, attr) in [("[href]", "href"), ("[src]", "src")] {
            for value in attrs(&html, selector, attr) {
                let Some(path) = value.strip_prefix(base) else {
                    assert!(
                        value.starts_with('#') || value.contains(':'),
                        "{rel}: {value} is neither in the site nor external"
                    );
                    continue;
                };
                let path = path.split(['?', '#']).next().unwrap_or("");
                let file = if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else {
                    path.to_string()
                };
                checked += 1;
                if !out.join(&file).is_file() {
                    missing.push(format!("{rel}: {value}"));
                }
                if file.ends_with(".html") && !file.starts_with("zhe/") && !toggle.contains(&value)
                {
                    leaving.push(format!("{rel}: {value}"));
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
    assert_eq!(missing, Vec::<String>::new());
    assert_eq!(leaving, Vec::<String>::new());
}

#[test]
fn pages_named_with_an_ampersand_or_an_apostrophe_stay_in_the_mirror() {
    let site = SiteTest::case("elder", "base");
    site.write(
        "content/notices/r&d.md",
        "---\ntitle: 研发通知\ndate: 2024-05-01\n---\n\n正文\n",
    );
    site.write(
        "content/notices/it's.md",
        "---\ntitle: 撇号通知\ndate: 2024-05-02\n---\n\n正文\n",
    );
    site.build(&[]);
    // Every list page of the column, in the mirror.
    let mut hrefs = Vec::new();
    for e in std::fs::read_dir(site.output("zhe/notices")).expect("mirror column") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        if name.starts_with("index") {
            hrefs.extend(attrs(
                &site.html(&format!("zhe/notices/{name}")),
                "main a",
                "href",
            ));
        }
    }
    for page in ["r&d.html", "it's.html"] {
        assert!(
            hrefs.contains(&format!("/xxgk/zhe/notices/{page}")),
            "{page}: {hrefs:?}"
        );
        assert!(
            !hrefs.contains(&format!("/xxgk/notices/{page}")),
            "{hrefs:?}"
        );
    }
}
