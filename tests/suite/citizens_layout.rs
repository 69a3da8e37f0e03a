//! Pages on citizens' devices (issue 12): phones at 320 and 375 px, a
//! desktop at 1280 px and at 200% zoom, print, reduced motion and more
//! contrast, checked in headless Chromium by `tests/tools/layout.mjs` on the
//! example portal and on the `citizens` fixture (a 200-character title, an
//! image 2400 px wide inside a paragraph, long URLs, a long 文号 and
//! 索引号, a paged list, and a report of each edition). Skipped like the
//! other browser checks when Chromium, Node.js or the npm tools are
//! missing; a failure under `GONGKAI_REQUIRE_CHECKERS=1`. The report
//! column's chart is measured apart, by `tests/tools/text_size.mjs`: the
//! size its text is drawn at on a phone, normal and in 长者模式.
//!
//! The static half (no browser) pins the markup that the stylesheet relies
//! on: the no-break spans, the report tables' label classes and hints.

use crate::support::site::SiteTest;
use crate::support::tools;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One page of each kind of the example portal.
const EXAMPLE_PAGES: &[&str] = &[
    "index.html",
    "tzgg/index.html",
    "tzgg/anquan-shengchan-yue.html",
    "jggk/index.html",
    "yjsgk/final-accounts-2020.html",
    "ndbg/index.html",
    "ndbg/2020.html",
    "ndbg/2021.html",
];

/// Every page of the `citizens` fixture that shows something.
const FIXTURE_PAGES: &[&str] = &[
    "index.html",
    "notices/index.html",
    "notices/index_1.html",
    "notices/wide-image.html",
    "about/index.html",
    "ndbg/index.html",
    "ndbg/2020.html",
    "ndbg/2021.html",
];

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The example portal, minified as published, in `tmp`'s `public/`.
fn build_example(tmp: &SiteTest) -> PathBuf {
    let out = tmp.root.join("public");
    tmp.build(&["--root", env!("CARGO_MANIFEST_DIR"), "--output", arg(&out)]);
    out
}

/// The `citizens` fixture built into its `public/`, minified as published
/// or not (for the tests that read the HTML).
fn build_fixture(site: &SiteTest, minify: bool) -> PathBuf {
    let out = site.root.join("public");
    let mut args = vec!["--output", arg(&out)];
    if !minify {
        args.push("--no-minify");
    }
    site.build(&args);
    out
}

/// The findings of `layout.mjs` on `pages` of `dir` served under `base`;
/// `None` when the browser checks cannot run here.
fn layout_findings(dir: &Path, base: &str, pages: &[&str]) -> Option<Vec<String>> {
    tools::browser("the layout checks in headless Chromium")?;
    let out = Command::new("node")
        .arg(tools::tools_dir().join("layout.mjs"))
        .args(["--base", base])
        .arg(dir)
        .args(pages)
        .output()
        .expect("run node");
    match out.status.code() {
        Some(0 | 1) => {}
        _ => panic!(
            "tests/tools/layout.mjs failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    let found: Vec<String> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("layout.mjs printed no JSON list: {e}"));
    Some(found)
}

fn read(dir: &Path, page: &str) -> String {
    std::fs::read_to_string(dir.join(page)).unwrap_or_else(|e| panic!("read {page}: {e}"))
}

#[test]
fn example_portal_fits_phones_zoom_and_print() {
    let tmp = SiteTest::empty();
    let out = build_example(&tmp);
    // site.yaml's base_url is https://www.jiangchuan.example.gov.cn/xxgk/djjd/.
    if let Some(found) = layout_findings(&out, "/xxgk/djjd/", EXAMPLE_PAGES) {
        assert_eq!(found, Vec::<String>::new());
    }
}

#[test]
fn wide_images_long_titles_and_both_report_editions_fit_phones_zoom_and_print() {
    let site = SiteTest::case("citizens", "base");
    let out = build_fixture(&site, true);
    if let Some(found) = layout_findings(&out, "/xxgk/", FIXTURE_PAGES) {
        assert_eq!(found, Vec::<String>::new());
    }
}

/// The checks can fail: the same fixture with a stylesheet that lets dates
/// break, the report labels scroll away, the page overflow, the nav print
/// and links shrink is reported, check by check.
#[test]
fn the_layout_checks_find_a_broken_stylesheet() {
    let site = SiteTest::case("citizens", "base");
    let out = build_fixture(&site, true);
    let css = out.join("static/style.css");
    let mut text = std::fs::read_to_string(&css).expect("read style.css");
    text.push_str(
        "\n.nowrap { white-space: normal; } .doc-no, .catalog td { word-break: break-all; }\
         \n.sticky-first tr > :first-child, .sticky-labels :is(.col0, .col1, .col2) { position: static; }\
         \n.body img { max-width: none; }\
         \nnav.columns a, .pager a, .item-list li a { min-height: 0; padding: 0; min-width: 0; }\
         \n@media print { nav.columns { display: block !important; } .body a[href]::after { content: none !important; } }\
         \nhtml { scroll-behavior: smooth !important; }\
         \n@media (prefers-contrast: more) { :root { --color-text: #333; } }\n",
    );
    std::fs::write(&css, text).expect("write style.css");
    // The date cell is made narrower than a date so that it must break.
    let mut text = std::fs::read_to_string(&css).expect("read style.css");
    text.push_str(".catalog .nowrap { display: inline-block; width: 3em; }\n");
    std::fs::write(&css, text).expect("write style.css");
    let Some(found) = layout_findings(&out, "/xxgk/", FIXTURE_PAGES) else {
        return;
    };
    for check in [
        "overflow:",
        "broken-unit:",
        "sticky:",
        "target:",
        "print:",
        "motion:",
        "contrast:",
    ] {
        assert!(
            found.iter().any(|f| f.contains(check)),
            "no `{check}` finding in:\n{}",
            found.join("\n")
        );
    }
    // The wide image at 320 px, the printed nav, the report labels.
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("notices/wide-image.html @ 320: overflow:")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("ndbg/2021.html @ 375: sticky:")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("ndbg/2020.html @ 375: sticky:")),
        "{found:#?}"
    );
}

#[test]
fn dates_doc_numbers_and_index_numbers_are_marked_not_to_break() {
    let site = SiteTest::case("citizens", "base");
    let out = build_fixture(&site, false);
    let item = read(&out, "notices/wide-image.html");
    for want in [
        "<td><span class=\"doc-no\"><span class=\"unit\">11440300MB2C92051D/</span>\
         <span class=\"unit\">2021-00012</span></span></td>",
        "<td><span class=\"nowrap\">2021-01-28</span></td>",
        "<td><span class=\"doc-no\">中共测试街道工作委员会办公室〔2021〕128号</span></td>",
        "<td><span class=\"nowrap\">2021-01-29</span></td>",
        "<span class=\"nowrap\">发布日期：2021-01-29 09:30</span>",
    ] {
        assert!(item.contains(want), "no `{want}` in the item page");
    }
    let report = read(&out, "ndbg/2021.html");
    assert!(report.contains("<span class=\"nowrap\">发布日期：2022-01-28</span>"));
    let list = read(&out, "notices/index.html");
    assert!(list.contains("<span class=\"date\">2021-01-29</span>"));
    for page in FIXTURE_PAGES {
        assert!(
            !read(&out, page).contains(" style="),
            "{page} has a style attribute"
        );
    }
}

/// The 索引号 is split into its parts by the template, after escaping:
/// what staff type is text, never markup.
#[test]
fn index_number_parts_are_escaped() {
    let site = SiteTest::case("citizens", "base");
    site.write(
        "content/notices/short-1.md",
        "---\ntitle: 第1条通知\ndate: 2020-12-01\nindex_no: \"0001/<b onclick=x>&2020\"\n---\n\n通知正文。\n",
    );
    let out = build_fixture(&site, false);
    let html = read(&out, "notices/short-1.html");
    assert!(
        html.contains(
            "<span class=\"doc-no\"><span class=\"unit\">0001/</span>\
             <span class=\"unit\">&lt;b onclick=x&gt;&amp;2020</span></span>"
        ),
        "{html}"
    );
    assert!(!html.contains("<b onclick"));
}

#[test]
fn report_tables_mark_their_label_columns_and_say_they_scroll() {
    let site = SiteTest::case("citizens", "base");
    let out = build_fixture(&site, false);
    for page in ["ndbg/2020.html", "ndbg/2021.html"] {
        let html = read(&out, page);
        let doc = scraper::Html::parse_document(&html);
        let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
        // Part 三: three label columns, each cell in one of them.
        let t3 = doc
            .select(&sel("table#t3.report-table.sticky-labels.wide"))
            .next()
            .unwrap_or_else(|| panic!("{page}: no part 三 table with sticky labels"));
        let labels: Vec<_> = t3.select(&sel("tbody th")).collect();
        assert!(labels.len() > 20, "{page}: {} row labels", labels.len());
        for th in &labels {
            let class = th.value().attr("class").unwrap_or("");
            assert!(
                ["col0", "col1", "col2"]
                    .iter()
                    .any(|c| class.split(' ').any(|x| x == *c)),
                "{page}: label 「{}」 has class `{class}`",
                th.text().collect::<String>()
            );
        }
        let group = t3
            .select(&sel("th.group.col0"))
            .next()
            .expect("the first label column");
        assert_eq!(
            group.text().collect::<String>(),
            "三、本年度办理结果",
            "{page}"
        );
        assert!(
            doc.select(&sel("table#t4.report-table.wide"))
                .next()
                .is_some()
        );
        // Part 二's tables (four or five, by edition) and nothing else.
        let part2 = doc.select(&sel("table.report-table.sticky-first")).count();
        assert!((4..=5).contains(&part2), "{page}: {part2} part 二 tables");
        assert_eq!(
            doc.select(&sel("section#part-2 table.report-table.sticky-first"))
                .count(),
            part2,
            "{page}"
        );
        // The wide tables: a hint before their box, the box a labelled
        // region that a keyboard can scroll.
        for id in ["t3", "t4"] {
            let hint = format!(
                "<p class=\"scroll-hint\">表格较宽，可左右滑动查看。</p>\
                 <div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{id}-cap\" tabindex=\"0\">\
                 <table class=\"report-table "
            );
            assert!(html.contains(&hint), "{page}: no hint before {id}");
        }
    }
    let years = read(&out, "ndbg/index.html");
    assert!(years.contains("class=\"report-table report-years sticky-first wide\""));
}

/// What `text_size.mjs` reports for `pages` (`page=min-px`) of `dir`
/// served under `base`: its failures and, per page and width, the smallest
/// size drawn; `None` when the browser checks cannot run here.
fn text_sizes(dir: &Path, base: &str, pages: &[&str]) -> Option<(Vec<String>, Vec<String>)> {
    tools::browser("the text size check in headless Chromium")?;
    let out = Command::new("node")
        .arg(tools::tools_dir().join("text_size.mjs"))
        .args(["--base", base, "--widths", "320,375"])
        .arg(dir)
        .args(pages)
        .output()
        .expect("run node");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "text_size.mjs printed no report ({e}, {}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|f| match f {
                serde_json::Value::String(s) => s.clone(),
                p => format!("{} @ {}: {}px", p["page"], p["width"], p["minPx"]),
            })
            .collect()
    };
    Some((strings(&report["failures"]), strings(&report["pages"])))
}

/// The report column's chart on a 320 and a 375 px phone, in normal mode
/// and in 长者模式 (its `zhe/` mirror page): every text of the page drawn at
/// 12 px and more, 20 px and more in the mode, measured as drawn (a label
/// inside an SVG at the size the SVG is scaled to). The old chart, an SVG
/// 720 units wide with 12 and 13-unit labels, drew them at 4.8 and 5.2 px
/// on a 320 px phone: the same page with that SVG in place of the chart
/// must fail, in both modes.
#[test]
fn the_report_chart_labels_are_readable_on_a_phone_and_in_the_elder_mode() {
    let site = SiteTest::case("citizens", "base");
    let out = build_fixture(&site, true);
    // The chart's words are text of the page, not of a picture.
    let page = scraper::Html::parse_document(&read(&out, "ndbg/index.html"));
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    assert_eq!(page.select(&sel("figure.chart svg text")).count(), 0);
    assert_eq!(page.select(&sel("figure.chart dt")).count(), 2);
    // The old chart's labels, scaled with it to the column.
    let old_svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 340\" \
                   width=\"100%\" role=\"img\" aria-label=\"图表\">\
                   <text x=\"74\" y=\"27\" font-size=\"13\">本年新收</text>\
                   <text x=\"50\" y=\"304\" font-size=\"12\">0</text></svg>";
    for (from, to) in [
        ("ndbg/index.html", "ndbg/old-chart.html"),
        ("zhe/ndbg/index.html", "zhe/ndbg/old-chart.html"),
    ] {
        let html = read(&out, from);
        let start = html.find("<figure").expect("the chart's figure");
        let end = html[start..].find("</figure>").expect("its end") + start;
        let with_old = format!(
            "{}<figure class=\"chart\">{old_svg}{}",
            &html[..start],
            &html[end..]
        );
        std::fs::write(out.join(to), with_old).expect("write the old chart's page");
    }
    let Some((failures, sizes)) = text_sizes(
        &out,
        "/xxgk/",
        &[
            "ndbg/index.html=12",
            "zhe/ndbg/index.html=20",
            "ndbg/old-chart.html=12",
            "zhe/ndbg/old-chart.html=20",
        ],
    ) else {
        return;
    };
    let (old, new): (Vec<String>, Vec<String>) =
        failures.into_iter().partition(|f| f.contains("old-chart"));
    assert_eq!(new, Vec::<String>::new(), "{sizes:#?}");
    // Each page measured at both widths.
    assert_eq!(sizes.len(), 8, "{sizes:#?}");
    for want in [
        "ndbg/old-chart.html @ 320: 5.2px < 12px: ",
        "ndbg/old-chart.html @ 320: 4.8px < 12px: ",
        "zhe/ndbg/old-chart.html @ 320: 5.2px < 20px: ",
        "zhe/ndbg/old-chart.html @ 375: 6.2px < 20px: ",
    ] {
        assert!(old.iter().any(|f| f.starts_with(want)), "{want}: {old:#?}");
    }
}
