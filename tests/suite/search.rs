//! Site search (issue 13): the index in `pagefind/`, `search.html` and its
//! script, the form on every page, and `search: false`. The browser tests
//! run real queries in headless Chromium (`tests/tools/search.mjs`) under
//! the Content-Security-Policy README documents, and compare what a reader
//! finds with a plain text search of the content files.

mod marks;
mod print;
mod report_year;
mod shown_fields;
mod years;

use crate::support::site::{SiteTest, attrs, texts};
use crate::support::tools;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The example portal's base path (its base_url is
/// https://www.jiangchuan.example.gov.cn/xxgk/djjd/).
const BASE: &str = "/xxgk/djjd/";

fn arg(out: &Path) -> &str {
    out.to_str().expect("utf-8 path")
}

/// The example portal built into a temp folder.
fn example_portal() -> (SiteTest, std::path::PathBuf) {
    let tmp = SiteTest::empty();
    let out = tmp.root.join("public");
    tmp.build(&["--root", env!("CARGO_MANIFEST_DIR"), "--output", arg(&out)]);
    (tmp, out)
}

#[test]
fn every_page_has_the_search_form_and_the_index_is_written() {
    let (_tmp, out) = example_portal();
    for page in [
        "index.html",
        "tzgg/index.html",
        "ndbg/2022.html",
        "zhe/index.html",
    ] {
        let html =
            scraper::Html::parse_document(&std::fs::read_to_string(out.join(page)).expect("page"));
        // From the 长者模式 mirror, the results stay in the mirror.
        let folder = if page.starts_with("zhe/") { "zhe/" } else { "" };
        assert_eq!(
            attrs(&html, "header form[role=search]", "action"),
            [format!("{BASE}{folder}search.html")],
            "{page}"
        );
        // GET, the default: the theme leaves it out.
        assert!(attrs(&html, "header form[role=search]", "method").is_empty());
        assert_eq!(
            attrs(&html, "header form input[name=q]", "id"),
            ["site-search-q"]
        );
        assert_eq!(
            texts(&html, "header form label[for=site-search-q]"),
            ["站内搜索"]
        );
    }
    let search = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("search.html")).expect("search.html"),
    );
    // The page's script is a file; no inline script anywhere on it.
    assert_eq!(
        attrs(&search, "script", "src"),
        [
            format!("{BASE}static/search.js"),
            format!("{BASE}static/elder.js")
        ]
    );
    assert_eq!(texts(&search, "script"), ["", ""]);
    assert_eq!(
        attrs(&search, "#search", "data-bundle"),
        [format!("{BASE}pagefind/")]
    );
    // Without JavaScript: the notice before the form, its link to every
    // column below, with its pages by year.
    assert_eq!(
        texts(&search, "[data-search-nojs-note]"),
        ["站内搜索需要浏览器开启 JavaScript。没有开启时，可以在本页下方按栏目查找。"]
    );
    assert_eq!(
        attrs(&search, "[data-search-nojs-note] a", "href"),
        ["#search-columns"]
    );
    assert_eq!(
        attrs(&search, "[data-search-nojs] ul", "id")[0],
        "search-columns"
    );
    let columns = texts(&search, ".search-columns > li > a");
    assert_eq!(
        columns,
        [
            "机构概况",
            "预决算公开",
            "政策解读",
            "政府信息公开年度报告",
            "通知公告",
            "街道工作",
            "公众监督",
            "公开指南"
        ]
    );
    let links = attrs(&search, "[data-search-nojs] a", "href");
    assert!(
        links.contains(&format!("{BASE}tzgg/laojiu-xiaoqu-gongshi.html")),
        "{links:?}"
    );
    assert!(
        links.contains(&format!("{BASE}ndbg/2020.html")),
        "{links:?}"
    );
    for name in [
        "pagefind/pagefind-entry.json",
        "pagefind/pagefind.js",
        "static/search.js",
    ] {
        assert!(out.join(name).is_file(), "{name}");
    }
    // The page runs Pagefind without its worker, so the worker is not published.
    assert!(!out.join("pagefind/pagefind-worker.js").exists());
    // Pagefind's own search interfaces are not published: the page has its own.
    let names: Vec<String> = std::fs::read_dir(out.join("pagefind"))
        .expect("pagefind/")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("-ui.") || n.contains("highlight")),
        "{names:?}"
    );
    let entry: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("pagefind/pagefind-entry.json")).expect("entry"),
    )
    .expect("entry json");
    // Every item, page column and report of the example portal.
    assert_eq!(entry["languages"]["und"]["page_count"], 28, "{entry}");
}

#[test]
fn search_false_leaves_search_out() {
    let site = SiteTest::fixture("build/basic");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write("site.yaml", format!("search: false\n{yaml}"));
    site.build(&[]);
    assert!(!site.output("search.html").exists());
    assert!(!site.output("pagefind").exists());
    let home = site.html("index.html");
    assert!(attrs(&home, "form[role=search]", "action").is_empty());
}

#[test]
fn the_index_is_the_same_bytes_every_build() {
    let (_a, one) = example_portal();
    let (_b, two) = example_portal();
    let list = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walk(&dir.join("pagefind"))
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).expect("read");
                (
                    p.strip_prefix(dir)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned(),
                    bytes,
                )
            })
            .collect();
        files.sort();
        files
    };
    assert_eq!(list(&one), list(&two));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// The plain text search the results are compared with, shared with the
/// benchmark's recall and precision figures.
#[path = "../bench/plain_search.rs"]
mod plain_search;

use plain_search::{Doc, search as plain_search};

/// Every page of the example portal the search should know, read straight
/// from the content files (not through gongkai).
fn example_docs() -> Vec<Doc> {
    plain_search::docs(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content files")
}

/// Runs `cases` in the browser on the built site at `out`.
fn browse(out: &Path, cases: Value) -> Option<Value> {
    tools::search_browser(out, BASE, &cases)
}

fn titles(result: &Value) -> Vec<String> {
    result["titles"]
        .as_array()
        .expect("titles")
        .iter()
        .map(|t| t.as_str().unwrap_or("").to_string())
        .collect()
}

/// Queries from the issue: two or more characters, one character, and
/// letters with digits. Recall must be 1.0 and precision at least 0.9
/// against a plain text search; here both are 1.0, so the sets are equal.
const RECALL_QUERIES: &[&str] = &[
    "老旧小区",
    "垃圾分类",
    "政府信息公开年度报告",
    "政府信息公开",
    "年度报告",
    "区",
    "垃",
    "疫",
    "报",
    "0000-12345672",
    "2245.80",
    "example.gov.cn",
    "12345",
    "小区 改造",
    "大街街道城市管理办公室",
    "2021-04-26",
];

/// Queries the index could answer with pages that do not hold them: letters
/// and digits in the codes of Chinese words or of a 文号's key, a piece of
/// a date (Pagefind makes words of a result's shown fields too), a word no
/// page holds but whose start some page does (Pagefind answers such a word with the pages of its longest start).
/// Nothing they find is missing from what the plain search finds (the
/// plain search also finds digits inside a number, `26` in `526`, which the
/// index does not: a run of letters or digits is found from its start).
const NOISE_QUERIES: &[&str] = &[
    "535",
    "rh",
    "26",
    "07",
    "ro",
    "79",
    "q",
    "wh",
    "sy",
    "疫苗",
    "covid19",
    "123456789",
    "老旧 jj",
    "12345 2345",
];

#[test]
fn queries_find_what_a_plain_text_search_finds_with_and_without_intl_segmenter() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    assert_eq!(docs.len(), 28);
    let all: Vec<&str> = RECALL_QUERIES
        .iter()
        .chain(NOISE_QUERIES)
        .copied()
        .collect();
    let mut queries = Vec::new();
    for q in &all {
        queries.push(serde_json::json!({"q": q}));
        queries.push(serde_json::json!({"q": q, "noSegmenter": true}));
    }
    // On a phone the filters are not loaded until asked for: the same pages.
    let on_phone: Vec<&str> = RECALL_QUERIES.iter().step_by(3).copied().collect();
    for q in &on_phone {
        queries.push(serde_json::json!({"q": q, "phone": true}));
    }
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    assert_eq!(report["external"], serde_json::json!([]));
    assert_eq!(report["missing"], serde_json::json!([]), "{report}");
    for (i, result) in report["queries"]
        .as_array()
        .expect("queries")
        .iter()
        .enumerate()
    {
        let phone = i >= 2 * all.len();
        let q = if phone {
            on_phone[i - 2 * all.len()]
        } else {
            all[i / 2]
        };
        let found: BTreeSet<String> = titles(result).into_iter().collect();
        let want = plain_search(&docs, q);
        let noise = NOISE_QUERIES.contains(&q);
        assert!(!want.is_empty() || noise, "{q}: nothing to find");
        if noise {
            assert!(
                found.is_subset(&want),
                "{q} (Intl.Segmenter: {}): {found:?} beyond {want:?}",
                result["segmenter"]
            );
        } else {
            assert_eq!(found, want, "{q} (Intl.Segmenter: {})", result["segmenter"]);
        }
        let expect_segmenter = if phone || i % 2 == 0 {
            "function"
        } else {
            "undefined"
        };
        assert_eq!(result["segmenter"], expect_segmenter);
        let status = result["status"].as_str().unwrap_or("");
        if found.is_empty() {
            assert!(status.starts_with("没有找到相符的结果"), "{q}: {status}");
        } else {
            assert_eq!(status, format!("找到 {} 条结果。", found.len()));
        }
    }
}

#[test]
fn doc_numbers_and_index_numbers_in_any_style_put_their_document_first() {
    let (_tmp, out) = example_portal();
    let variants = [
        "大街办通〔2022〕7号",
        "大街办通[2022]7号",
        "大街办通（2022）7号",
        "大街办通(2022)7号",
        "大街办通【2022】7号",
        "大街办通2022年7号",
        "大街办通 2022 7号",
        "大街办通20227号",
        "大街办通〔2022〕第7号",
        "014314799/2022-00047",
        "014314799／2022－00047",
    ];
    let queries: Vec<Value> = variants
        .iter()
        .map(|q| serde_json::json!({"q": q}))
        .collect();
    let Some(report) = browse(&out, serde_json::json!({"queries": queries})) else {
        return;
    };
    for (q, result) in variants
        .iter()
        .zip(report["queries"].as_array().expect("queries"))
    {
        assert_eq!(
            result["first"]["title"], "大街街道2022年老旧小区改造项目公示",
            "{q}: {result}"
        );
        assert!(
            result["first"]["facts"]
                .as_array()
                .expect("facts")
                .contains(&Value::from("文号：大街办通〔2022〕7号")),
            "{result}"
        );
        assert!(
            result["status"]
                .as_str()
                .unwrap_or("")
                .contains("文号或索引号相符的排在最前"),
            "{result}"
        );
    }
}

#[test]
fn years_filter_columns_count_and_the_reader_sorts() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    let cases = serde_json::json!({"queries": [
        {"q": "2022年"},
        {"q": "2022"},
        {"q": "垃圾分类", "sort": "newest"},
        {"q": "垃圾分类", "filters": {"栏目": ["通知公告"]}},
        {"q": "垃圾分类 2021年"},
    ]});
    let Some(report) = browse(&out, cases) else {
        return;
    };
    let results = report["queries"].as_array().expect("queries");
    // A year is the year filter: every page of that year, not every page
    // that mentions the year.
    let of_2022: BTreeSet<String> = docs
        .iter()
        .filter(|d| d.year.as_deref() == Some("2022"))
        .map(|d| d.title.clone())
        .collect();
    for r in &results[..2] {
        assert_eq!(
            titles(r).into_iter().collect::<BTreeSet<_>>(),
            of_2022,
            "{r}"
        );
        assert_eq!(r["checked"]["年份"], serde_json::json!(["2022"]));
    }
    // Newest first, by date.
    let dates: Vec<String> = results[2]["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .map(|d| d.as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), plain_search(&docs, "垃圾分类").len());
    // The counts per column are the plain search's, by column.
    let all = plain_search(&docs, "垃圾分类");
    for (column, count) in results[2]["filters"]["栏目"].as_object().expect("columns") {
        let want = docs
            .iter()
            .filter(|d| &d.column == column && all.contains(&d.title))
            .count();
        assert_eq!(count.as_u64(), Some(want as u64), "{column}");
    }
    // A column chosen: only its pages.
    let notices: BTreeSet<String> = docs
        .iter()
        .filter(|d| d.column == "通知公告" && all.contains(&d.title))
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(
        titles(&results[3]).into_iter().collect::<BTreeSet<_>>(),
        notices
    );
    assert_eq!(
        results[3]["checked"]["栏目"],
        serde_json::json!(["通知公告"])
    );
    // Words and a year.
    let in_2021: BTreeSet<String> = docs
        .iter()
        .filter(|d| d.year.as_deref() == Some("2021") && all.contains(&d.title))
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(
        titles(&results[4]).into_iter().collect::<BTreeSet<_>>(),
        in_2021
    );
    // The snippet shows the text with its punctuation, the words marked.
    let first = &results[3]["first"];
    assert!(
        first["marks"]
            .as_array()
            .expect("marks")
            .contains(&Value::from("垃圾分类")),
        "{first}"
    );
    assert!(
        first["snippet"].as_str().unwrap_or("").contains("垃圾分类"),
        "{first}"
    );
}

/// A year typed against words, at the start or the end (2024年消防安全检查,
/// 2024消防, 老旧小区2022年), is the year filter and the rest the words: it
/// finds what the two typed with a space between find, and also the pages
/// holding exactly what was typed, those first by relevance: the year a
/// text names is not always the year it was published (2022年度部门决算 came
/// out in 2023), nor is every such number a year (预算总额2060). A 文号 with
/// a year in it stays a 文号.
#[test]
fn a_year_run_on_with_words_is_the_year_filter_and_what_was_typed_is_found_too() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    // The query, its year, and its words without the year.
    let run_on: &[(&str, &str, &str)] = &[
        ("2024年消防安全检查", "2024", "消防安全检查"),
        ("2021年垃圾分类", "2021", "垃圾分类"),
        ("2020年人口普查", "2020", "人口普查"),
        ("2023年安全生产月", "2023", "安全生产月"),
        ("2022年年度报告", "2022", "年度报告"),
        ("2022年度报告", "2022", "报告"),
        ("2024消防", "2024", "消防"),
        ("老旧小区2022年", "2022", "老旧小区"),
        ("2022年老旧小区", "2022", "老旧小区"),
        ("2022年度部门决算", "2022", "部门决算"),
        ("道办事处2020年", "2020", "道办事处"),
        ("预算总额2060", "2060", "预算总额"),
    ];
    // Chinese run on with digits or punctuation is a phrase of the text.
    let phrases = ["大街路188号", "用经费206", "室电话0000", "委会、辖区"];
    let doc_numbers = [
        "大街办发〔2024〕3号",
        "大街办发[2024]3号",
        "大街办发2024年3号",
    ];
    let mut queries = Vec::new();
    for (q, year, rest) in run_on {
        queries.push(serde_json::json!({"q": q}));
        queries.push(serde_json::json!({"q": q, "noSegmenter": true}));
        queries.push(serde_json::json!({"q": format!("{year}年 {rest}")}));
    }
    for q in phrases.iter().chain(&doc_numbers) {
        queries.push(serde_json::json!({"q": q}));
    }
    queries.push(serde_json::json!({"q": "道办事处2020年", "sort": "newest"}));
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    assert_eq!(report["missing"], serde_json::json!([]), "{report}");
    let results = report["queries"].as_array().expect("queries");
    let set = |r: &Value| titles(r).into_iter().collect::<BTreeSet<String>>();
    let mut wanted = Vec::new();
    for (i, (q, year, _)) in run_on.iter().enumerate() {
        let literal = plain_search(&docs, q);
        let want: BTreeSet<String> = literal.union(&set(&results[3 * i + 2])).cloned().collect();
        assert!(!want.is_empty(), "{q}: nothing to find");
        for result in &results[3 * i..3 * i + 2] {
            let found = titles(result);
            assert_eq!(
                found.iter().cloned().collect::<BTreeSet<_>>(),
                want,
                "{q} (Intl.Segmenter: {})",
                result["segmenter"]
            );
            // What was typed, exactly, first.
            assert_eq!(
                found[..literal.len()]
                    .iter()
                    .cloned()
                    .collect::<BTreeSet<_>>(),
                literal,
                "{q}: {found:?}"
            );
            let status = result["status"].as_str().unwrap_or("");
            assert_eq!(status, format!("找到 {} 条结果。", want.len()), "{q}");
            assert_eq!(
                result["checked"]["年份"],
                results[3 * i + 2]["checked"]["年份"],
                "{q}: {result}"
            );
        }
        if *year != "2060" {
            assert_eq!(result_year(&results[3 * i]), Some(year.to_string()), "{q}");
        }
        wanted.push(want);
    }
    let base = 3 * run_on.len();
    for (j, q) in phrases.iter().enumerate() {
        let found = set(&results[base + j]);
        let want = plain_search(&docs, q);
        assert!(
            !want.is_empty() && want.is_subset(&found),
            "{q}: {found:?} lacks some of {want:?}"
        );
    }
    for (j, q) in doc_numbers.iter().enumerate() {
        let result = &results[base + phrases.len() + j];
        assert_eq!(
            result["first"]["title"], "关于开展2024年度消防安全检查的通知",
            "{q}: {result}"
        );
        assert!(
            result["status"]
                .as_str()
                .unwrap_or("")
                .contains("文号或索引号相符的排在最前"),
            "{result}"
        );
        assert!(result["checked"]["年份"].is_null(), "{q}: {result}");
    }
    // Newest first: the pages of both readings by date.
    let newest = &results[base + phrases.len() + doc_numbers.len()];
    let at = run_on
        .iter()
        .position(|(q, _, _)| *q == "道办事处2020年")
        .expect("in the list");
    assert_eq!(set(newest), wanted[at], "{newest}");
    let dates: Vec<String> = newest["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .map(|d| d.as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

/// The one year checked in the 年份 filter of a search's report.
fn result_year(result: &Value) -> Option<String> {
    let years = result["checked"]["年份"].as_array()?;
    match years.as_slice() {
        [one] => one.as_str().map(str::to_string),
        _ => None,
    }
}

#[test]
fn without_javascript_the_page_says_so_and_lists_the_columns() {
    let (_tmp, out) = example_portal();
    let Some(report) = browse(&out, serde_json::json!({"checks": ["nojs"]})) else {
        return;
    };
    let nojs = &report["nojs"];
    assert_eq!(nojs["appHidden"], true);
    assert_eq!(nojs["noticeShown"], true);
    assert_eq!(nojs["columnsShown"], true);
    // On a small phone the notice is on the first screen, before the form.
    let narrow = &nojs["narrow"];
    let at = |key: &str| narrow[key].as_f64().unwrap_or(f64::MAX);
    assert!(at("noticeBottom") <= at("screen"), "{narrow}");
    assert!(at("noticeBottom") <= at("fieldTop"), "{narrow}");
    let links: Vec<&str> = nojs["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(links.contains(&"/xxgk/djjd/tzgg/index.html"), "{links:?}");
}

#[test]
fn keyboard_alone_searches_filters_and_opens_a_result_and_axe_finds_nothing() {
    let (_tmp, out) = example_portal();
    let Some(report) = browse(
        &out,
        serde_json::json!({"checks": ["keyboard", "phone", "axe"]}),
    ) else {
        return;
    };
    // On a phone the order and the filters are one line between the search
    // field and the results, and the count of results is on the first
    // screen; Enter opens them; a chosen filter keeps them open.
    let phone = &report["phone"];
    let at = |key: &str| phone["folded"][key].as_f64().unwrap_or(f64::MAX);
    assert_eq!(phone["folded"]["filtersOpen"], false, "{phone}");
    assert_eq!(phone["folded"]["filtersShown"], 0, "{phone}");
    assert!(at("firstResultTop") - at("fieldBottom") < 150.0, "{phone}");
    assert!(at("statusBottom") < at("screen"), "{phone}");
    // Folded, the filters are not even fetched; opened, they are drawn.
    assert_eq!(phone["folded"]["filterFiles"], 0, "{phone}");
    assert!(
        phone["opened"]["filterFiles"].as_u64().unwrap_or(0) > 0,
        "{phone}"
    );
    // Opened before the first results are in, they are drawn once they are.
    assert!(
        phone["early"]["filtersShown"].as_u64().unwrap_or(0) >= 3,
        "{phone}"
    );
    assert_eq!(phone["opened"]["filtersOpen"], true, "{phone}");
    assert!(
        phone["opened"]["filtersShown"].as_u64().unwrap_or(0) >= 3,
        "{phone}"
    );
    assert_eq!(phone["chosen"]["filtersOpen"], true, "{phone}");
    let kb = &report["keyboard"];
    assert_eq!(kb["fromHeader"], "?q=垃圾分类", "{kb}");
    assert!(kb["resultsShown"].as_u64().unwrap_or(0) > 0, "{kb}");
    assert_eq!(kb["reachedResult"], true, "{kb}");
    // The filters come before the results: a link skips them.
    assert_eq!(kb["skipLink"], "跳到搜索结果", "{kb}");
    assert_eq!(kb["afterSkip"], true, "{kb}");
    assert_eq!(kb["addressAfterSkip"], "?q=垃圾分类", "{kb}");
    assert!(
        kb["opened"].as_str().unwrap_or("").ends_with(".html"),
        "{kb}"
    );
    assert_eq!(kb["filterKeepsFocus"], true, "{kb}");
    assert_eq!(kb["filterChecked"], true, "{kb}");
    assert_eq!(report["axe"], serde_json::json!([]), "{report}");
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    assert_eq!(report["missing"], serde_json::json!([]), "{report}");
}

/// The index's hash in `pagefind-entry.json`, as `serve` serves it.
fn served_index_hash(p: &crate::support::preview::Preview) -> String {
    let entry: Value = serde_json::from_str(&p.get("/xxgk/pagefind/pagefind-entry.json").text())
        .expect("entry json");
    entry["languages"]["und"]["hash"]
        .as_str()
        .expect("hash")
        .to_string()
}

/// The index lines `serve` printed so far.
fn index_lines(p: &crate::support::preview::Preview) -> Vec<String> {
    p.stdout()
        .lines()
        .filter(|l| l.starts_with("搜索索引已更新："))
        .map(str::to_string)
        .collect()
}

#[test]
fn serve_makes_the_index_after_the_pages_and_drops_the_old_files() {
    let site = SiteTest::fixture("serve/basic");
    let p = crate::support::preview::Preview::start(&site.root);
    // The preview opens before its index is made; the index follows.
    p.wait_for("the first index", |p| index_lines(p).len() == 1);
    assert!(
        index_lines(&p)[0].starts_with("搜索索引已更新：收录 3 个页面，用时 "),
        "{:?}",
        index_lines(&p)
    );
    let before = served_index_hash(&p);
    let meta = |hash: &str| format!("/xxgk/pagefind/pagefind.{hash}.pf_meta");
    assert_eq!(p.get(&meta(&before)).status, 200);
    // Only the search page (and its 长者模式 copy) reloads for a new index.
    let reload_tag = |path: &str| {
        let page = p.get(path).text();
        let at = page
            .find("<script src=\"/__gongkai/live.js\"")
            .expect("reload script");
        page[at..].split_once('>').expect("tag end").0.to_string()
    };
    assert!(reload_tag("/xxgk/search.html").contains(" data-index=\""));
    assert!(reload_tag("/xxgk/zhe/search.html").contains(" data-index=\""));
    assert!(!reload_tag("/xxgk/tzgg/notice.html").contains("data-index"));
    let status: Value = serde_json::from_str(&p.status()).expect("status json");
    let shown: u64 = reload_tag("/xxgk/search.html")
        .rsplit_once("data-index=\"")
        .and_then(|(_, n)| n.trim_end_matches('"').parse().ok())
        .expect("data-index");
    assert_eq!(status["index"], shown);

    p.write(
        "content/tzgg/notice.md",
        "---\ntitle: 关于预览的通知\ndate: 2024-03-01\n---\n\n改过的正文，加上垃圾分类。\n",
    );
    // The line comes once the index is served and open pages are told.
    p.wait_for("the new index", |p| index_lines(p).len() >= 2);
    let after = served_index_hash(&p);
    assert_ne!(after, before);
    assert_eq!(p.get(&meta(&after)).status, 200);
    // The old index's files are gone, not served beside the new ones.
    assert_eq!(p.get(&meta(&before)).status, 404);
    // The edit's pages were published before its index.
    let out = p.stdout();
    let rebuilt = out
        .find("content/tzgg/notice.md 有改动：生成了")
        .expect("the rebuild line");
    let indexed = out.rfind("搜索索引已更新：").expect("the index line");
    assert!(rebuilt < indexed, "{out}");
    let status: Value = serde_json::from_str(&p.status()).expect("status json");
    assert!(status["index"].as_u64() > Some(shown), "{status}");
}

/// Queries taken from the pages' own text, a few from each page by a fixed
/// rule (so the run is the same every time): runs of one to five Chinese
/// characters from anywhere in a sentence, and the start of each run of
/// letters or digits. Chinese is found wherever it stands, so what the plain
/// search finds is found exactly; a run of letters or digits is found from
/// its start (not inside a longer run), so its page is found and nothing
/// beyond the plain search.
#[test]
fn pieces_of_every_page_find_exactly_what_a_plain_search_finds() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    let is_han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    let mut han = BTreeSet::new();
    let mut runs = BTreeSet::new();
    let mut seed: u64 = 2024;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    };
    for doc in &docs {
        let chars: Vec<char> = doc.text.chars().collect();
        for _ in 0..2 {
            let at = next(chars.len());
            let len = 1 + next(5);
            let piece: String = chars
                .iter()
                .skip(at)
                .take_while(|c| is_han(**c))
                .take(len)
                .collect();
            if !piece.is_empty() {
                han.insert(piece);
            }
        }
        let text: String = chars
            .iter()
            .map(|c| if c.is_ascii_alphanumeric() { *c } else { ' ' })
            .collect();
        let words: Vec<&str> = text.split_whitespace().collect();
        if !words.is_empty() {
            let w = words[next(words.len())];
            let n = 1 + next(w.len());
            runs.insert(w[..n].to_string());
        }
    }
    let queries: Vec<String> = han.iter().chain(runs.iter()).cloned().collect();
    let cases: Vec<Value> = queries
        .iter()
        .map(|q| serde_json::json!({"q": q}))
        .collect();
    let Some(report) = browse(&out, serde_json::json!({"queries": cases, "checks": []})) else {
        return;
    };
    let mut wrong = Vec::new();
    for (q, result) in queries
        .iter()
        .zip(report["queries"].as_array().expect("queries"))
    {
        let found: BTreeSet<String> = titles(result).into_iter().collect();
        let want = plain_search(&docs, q);
        let ok = if han.contains(q) {
            found == want
        } else {
            !found.is_empty() && found.is_subset(&want)
        };
        if !ok {
            wrong.push(format!("{q}: found {found:?}, plain {want:?}"));
        }
    }
    assert!(queries.len() > 40, "{queries:?}");
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        queries.len(),
        wrong.join("\n")
    );
}

/// The pages a query finds, as a set.
fn found(result: &Value) -> BTreeSet<String> {
    titles(result).into_iter().collect()
}

/// Punctuation a reader types between words separates them as a space does
/// (垃圾，分类 found nothing); a query that the text writes with punctuation
/// inside it (安全生产月活动 for “安全生产月”活动, a title without its colon)
/// is found in pieces that must all be there; a 文号 said with 文 or 文件 after
/// it is still the 文号; words typed with punctuation are marked in the
/// results as the text writes them.
#[test]
fn punctuation_in_a_query_separates_words_and_is_marked() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    // The query, and what it means typed with spaces.
    let separated: &[(&str, &str)] = &[
        ("垃圾，分类", "垃圾 分类"),
        ("疫情、防控", "疫情 防控"),
        ("垃圾分类，老旧小区", "垃圾分类 老旧小区"),
        ("“安全生产月”活动", "安全生产月 活动"),
    ];
    // Found in pieces: the query, the page wanted, and the pieces.
    let pieces: &[(&str, &str, &str)] = &[
        (
            "安全生产月活动",
            "关于开展2023年“安全生产月”活动的通知",
            "安全生产月 活动",
        ),
        (
            "临时救助政策问答遇到急难情况如何申请",
            "临时救助政策问答：遇到急难情况如何申请",
            "临时救助政策问答 遇到急难情况如何申请",
        ),
    ];
    // The query and what its first result marks.
    let marked: &[(&str, &str)] = &[
        ("大街办发〔2024〕3号", "大街办发〔2024〕3号"),
        ("014314799/2022-00047", "014314799/2022-00047"),
        ("7：00", "7:00"),
        ("85.00万元", "85.00万元"),
    ];
    let said = ["大街办通〔2022〕7号文", "大街办通〔2022〕7号文件"];
    let mut queries = Vec::new();
    for (q, _) in separated {
        queries.push(serde_json::json!({"q": q}));
        queries.push(serde_json::json!({"q": q, "noSegmenter": true}));
    }
    for (q, _, _) in pieces {
        queries.push(serde_json::json!({"q": q}));
    }
    for q in marked.iter().map(|m| m.0).chain(said) {
        queries.push(serde_json::json!({"q": q}));
    }
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    assert_eq!(report["missing"], serde_json::json!([]), "{report}");
    let results = report["queries"].as_array().expect("queries");
    let mut at = 0;
    for (q, spaced) in separated {
        let want = plain_search(&docs, spaced);
        assert!(!want.is_empty(), "{spaced}: nothing to find");
        for result in &results[at..at + 2] {
            assert_eq!(found(result), want, "{q}: {result}");
            assert_eq!(
                result["status"],
                format!("找到 {} 条结果。", want.len()),
                "{q}"
            );
        }
        at += 2;
    }
    for (q, page, spaced) in pieces {
        let result = &results[at];
        let got = found(result);
        assert!(got.contains(*page), "{q}: {result}");
        assert!(got.is_subset(&plain_search(&docs, spaced)), "{q}: {got:?}");
        // Nothing holds the query as typed, and the page says so.
        assert!(plain_search(&docs, q).is_empty(), "{q}");
        assert_eq!(
            result["status"],
            format!(
                "没有找到与“{q}”完全一致的内容。下面是同时含有“{}”的 {} 条结果。",
                spaced.replace(' ', "”“"),
                got.len()
            )
        );
        at += 1;
    }
    for (q, mark) in marked {
        let marks = &results[at]["first"]["marks"];
        assert!(
            marks
                .as_array()
                .expect("marks")
                .contains(&Value::from(*mark)),
            "{q}: {}",
            results[at]["first"]
        );
        at += 1;
    }
    for q in said {
        let result = &results[at];
        assert_eq!(
            result["first"]["title"], "大街街道2022年老旧小区改造项目公示",
            "{q}: {result}"
        );
        at += 1;
    }
}

/// The search in the address: a filter value no page has (an old link's
/// column, an empty one) is dropped, not applied unseen; each new query is
/// an entry in the history that Back returns to; the page's title and the
/// 长者模式 links follow the query; an empty query sent says what to do; a
/// search that cannot load says so once, without the words for readers
/// without JavaScript, and the next search that loads shows its results
/// alone; a search that finds nothing suggests fewer filters only when one
/// is chosen.
#[test]
fn the_address_history_title_and_mode_links_follow_the_search() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    let page = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("search.html")).expect("search.html"),
    );
    let title = texts(&page, "title").concat();
    let site = title.strip_prefix("站内搜索").expect("the page's title");
    let cases = serde_json::json!({"queries": [
        {"q": "垃圾分类", "filters": {"栏目": ["旧栏目"]}, "steps": [{"submit": "老旧小区"}]},
        {"q": "垃圾分类", "filters": {"栏目": [""]}},
        {"q": "垃圾分类", "filters": {"年份": ["2021年"]}},
        {"q": "垃圾分类", "steps": [
            {"submit": "老旧小区"}, {"submit": "  "}, {"back": true}, {"back": true}
        ]},
        {"q": "垃圾分类", "path": "zhe/search.html", "steps": [{"submit": "老旧小区"}]},
        {"q": "垃圾分类", "noIndex": true},
        {"q": "疫苗"},
        {"q": "疫苗", "filters": {"栏目": ["通知公告"]}},
        {"q": "垃圾分类", "noIndex": "once", "steps": [{"submit": "老旧小区"}]},
    ]});
    let Some(report) = browse(&out, cases) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    let results = report["queries"].as_array().expect("queries");
    let sorting = plain_search(&docs, "垃圾分类");
    let old_areas = plain_search(&docs, "老旧小区");
    // Unknown and empty values dropped, from the address too; none sticks
    // to the next query.
    for r in &results[..2] {
        assert_eq!(found(r), sorting, "{r}");
        assert_eq!(r["address"], "?q=垃圾分类", "{r}");
        assert!(r["checked"]["栏目"].is_null(), "{r}");
    }
    assert_eq!(results[0]["steps"][0]["address"], "?q=老旧小区");
    assert_eq!(found(&results[0]["steps"][0]), old_areas);
    // A year as it is written, 2021年, is the year 2021.
    let in_2021: BTreeSet<String> = docs
        .iter()
        .filter(|d| d.year.as_deref() == Some("2021") && sorting.contains(&d.title))
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(found(&results[2]), in_2021, "{}", results[2]);
    assert_eq!(results[2]["checked"]["年份"], serde_json::json!(["2021"]));
    // A new query, an empty one, and Back twice.
    let history = &results[3];
    assert_eq!(history["docTitle"], format!("「垃圾分类」的搜索结果{site}"));
    assert_eq!(
        history["modeLinks"],
        serde_json::json!([format!("{BASE}zhe/search.html?q=垃圾分类")])
    );
    let steps = history["steps"].as_array().expect("steps");
    assert_eq!(steps[0]["address"], "?q=老旧小区");
    assert_eq!(found(&steps[0]), old_areas);
    assert_eq!(
        steps[0]["docTitle"],
        format!("「老旧小区」的搜索结果{site}")
    );
    assert_eq!(
        steps[0]["modeLinks"],
        serde_json::json!([format!("{BASE}zhe/search.html?q=老旧小区")])
    );
    assert_eq!(steps[1]["status"], "请输入要查找的词语。", "{}", steps[1]);
    assert_eq!(steps[1]["docTitle"], title);
    assert_eq!(steps[2]["address"], "?q=老旧小区", "{}", steps[2]);
    assert_eq!(steps[2]["field"], "老旧小区");
    assert_eq!(found(&steps[2]), old_areas);
    assert_eq!(steps[3]["address"], "?q=垃圾分类", "{}", steps[3]);
    assert_eq!(steps[3]["field"], "垃圾分类");
    assert_eq!(found(&steps[3]), sorting);
    assert_eq!(
        steps[3]["modeLinks"],
        serde_json::json!([format!("{BASE}zhe/search.html?q=垃圾分类")])
    );
    // Leaving the 长者模式 mirror keeps the query.
    let mirror = &results[4];
    assert_eq!(
        mirror["modeLinks"],
        serde_json::json!([format!("{BASE}search.html?q=垃圾分类")]),
        "{mirror}"
    );
    assert_eq!(
        mirror["steps"][0]["modeLinks"],
        serde_json::json!([format!("{BASE}search.html?q=老旧小区")])
    );
    // The index cannot be loaded: said once, the columns shown.
    let broken = &results[5];
    assert!(
        broken["status"]
            .as_str()
            .unwrap_or("")
            .starts_with("搜索暂时无法使用"),
        "{broken}"
    );
    assert_eq!(broken["noteShown"], false, "{broken}");
    assert_eq!(broken["columnsShown"], true, "{broken}");
    assert_eq!(results[0]["noteShown"], false);
    // Nothing found: fewer filters are suggested only when one is chosen.
    assert!(plain_search(&docs, "疫苗").is_empty());
    assert_eq!(
        results[6]["status"],
        "没有找到相符的结果。请检查词语有没有错别字，或换个说法再试；也可以在网站地图里按栏目查找。"
    );
    assert_eq!(
        results[7]["status"],
        "没有找到相符的结果。可以换个词语，或减少筛选条件。"
    );
    // The index back (the next search loads it again): the results alone,
    // without the columns shown for its failure.
    let back = &results[8];
    assert_eq!(back["columnsShown"], true, "{back}");
    let after = &back["steps"][0];
    assert_eq!(found(after), old_areas, "{after}");
    assert_eq!(after["columnsShown"], false, "{after}");
    assert_eq!(after["noteShown"], false, "{after}");
}
