//! The rendered tables read back with an HTML parser: every label and number
//! in its cell, the official spans, and headers a screen reader can follow;
//! then the downloads read back and the column page's context.

use crate::report::tests::{Y2020, Y2021, Y2022, edit, report};
use scraper::{ElementRef, Html, Selector};
use std::collections::{HashMap, HashSet};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e}"))
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// The whole report body, as the page shows it.
fn page(yaml: &str, name: &str) -> Html {
    let (r, _) = report(name, yaml);
    let ctx = serde_json::to_value(super::page(&r)).unwrap_or_default();
    let body: String = ctx["parts"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["html"].as_str()).collect())
        .unwrap_or_default();
    Html::parse_fragment(&body)
}

/// For each data cell: the texts of the headers it names, and its own text.
fn cells(doc: &Html, table_id: &str) -> Vec<(Vec<String>, String)> {
    let table = doc
        .select(&sel(&format!("table#{table_id}")))
        .next()
        .unwrap_or_else(|| panic!("no table {table_id}"));
    let ths: HashMap<String, String> = table
        .select(&sel("th[id]"))
        .filter_map(|th| Some((th.value().attr("id")?.to_string(), text(th))))
        .collect();
    table
        .select(&sel("tbody td"))
        .map(|td| {
            let headers = td.value().attr("headers").unwrap_or_default();
            let names = headers
                .split_whitespace()
                .map(|id| {
                    ths.get(id)
                        .cloned()
                        .unwrap_or_else(|| panic!("no th #{id}"))
                })
                .collect();
            (names, text(td))
        })
        .collect()
}

fn cell(cells: &[(Vec<String>, String)], headers: &[&str]) -> String {
    let found: Vec<&String> = cells
        .iter()
        .filter(|(h, _)| h.iter().map(String::as_str).eq(headers.iter().copied()))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(found.len(), 1, "cells under {headers:?}: {found:?}");
    found[0].clone()
}

#[test]
fn seed_numbers_are_in_their_cells() {
    let doc = page(Y2020, "2020.yaml");
    let t = cells(&doc, "t2-2");
    assert_eq!(cell(&t, &["行政许可", "上一年项目数量"]), "14");
    assert_eq!(cell(&t, &["行政许可", "本年增/减"]), "0");
    assert_eq!(cell(&t, &["行政许可", "处理决定数量"]), "355");
    assert_eq!(cell(&t, &["其他对外管理服务事项", "上一年项目数量"]), "32");
    assert_eq!(cell(&t, &["其他对外管理服务事项", "本年增/减"]), "17");
    assert_eq!(cell(&t, &["其他对外管理服务事项", "处理决定数量"]), "8510");
    let t = cells(&doc, "t2-5");
    assert_eq!(cell(&t, &["政府集中采购", "采购项目数量"]), "档案柜23组");
    assert_eq!(cell(&t, &["政府集中采购", "采购总金额"]), "19090元");
    let captions: Vec<String> = doc.select(&sel("caption")).map(text).collect();
    assert_eq!(
        captions,
        [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
            "第二十条第（九）项",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况"
        ]
    );
}

#[test]
fn part3_headers_read_like_the_form() {
    let doc = page(Y2021, "2021.yaml");
    let t = cells(&doc, "t3");
    assert_eq!(t.len(), 25 * 7);
    assert_eq!(
        cell(
            &t,
            &[
                "三、本年度办理结果",
                "（三）不予公开",
                "1.属于国家秘密",
                "自然人"
            ]
        ),
        "0"
    );
    assert_eq!(
        cell(
            &t,
            &[
                "三、本年度办理结果",
                "（四）无法提供",
                "1.本机关不掌握相关政府信息",
                "法人或其他组织",
                "商业企业"
            ]
        ),
        "1"
    );
    assert_eq!(cell(&t, &["一、本年新收政府信息公开申请数量", "总计"]), "4");
    assert_eq!(cell(&t, &["四、结转下年度继续办理", "自然人"]), "1");
    let t4 = cells(&doc, "t4");
    assert_eq!(cell(&t4, &["行政复议", "结果维持"]), "1");
    assert_eq!(cell(&t4, &["行政诉讼", "复议后起诉", "总计"]), "0");
    assert_eq!(t4.len(), 15);
}

/// The spans of the th cells whose text is `label`, as (rowspan, colspan).
fn spans(doc: &Html, table: &str, label: &str) -> Vec<(u32, u32)> {
    let n =
        |e: &ElementRef<'_>, a: &str| e.value().attr(a).and_then(|v| v.parse().ok()).unwrap_or(1);
    doc.select(&sel(&format!("table#{table} th, table#{table} td")))
        .filter(|e| text(*e) == label)
        .map(|e| (n(&e, "rowspan"), n(&e, "colspan")))
        .collect()
}

#[test]
fn official_spans_in_both_editions() {
    for (yaml, name, results) in [(Y2020, "2020.yaml", 20), (Y2021, "2021.yaml", 22)] {
        let doc = page(yaml, name);
        assert_eq!(spans(&doc, "t3", "三、本年度办理结果"), [(results, 1)]);
        assert_eq!(
            spans(&doc, "t3", crate::report::edition::PART3_NOTE),
            [(3, 3)]
        );
        assert_eq!(spans(&doc, "t3", "申请人情况"), [(1, 7)]);
        assert_eq!(spans(&doc, "t3", "自然人"), [(2, 1)]);
        assert_eq!(spans(&doc, "t3", "法人或其他组织"), [(1, 5)]);
        assert_eq!(spans(&doc, "t3", "（三）不予公开"), [(8, 1)]);
        assert_eq!(spans(&doc, "t3", "（四）无法提供"), [(3, 1)]);
        assert_eq!(spans(&doc, "t3", "（五）不予处理"), [(5, 1)]);
        assert_eq!(
            spans(&doc, "t3", "一、本年新收政府信息公开申请数量"),
            [(1, 3)]
        );
        assert_eq!(spans(&doc, "t3", "（一）予以公开"), [(1, 2)]);
        let other = if results == 22 { (3, 1) } else { (1, 2) };
        assert_eq!(spans(&doc, "t3", "（六）其他处理"), [other]);
        assert_eq!(spans(&doc, "t4", "行政诉讼"), [(1, 10)]);
        assert_eq!(spans(&doc, "t4", "复议后起诉"), [(1, 5)]);
        assert_eq!(spans(&doc, "t4", "尚未审结").len(), 3);
        assert!(grid_is_rectangular(&doc, "t3", 10), "{name} t3");
        assert!(grid_is_rectangular(&doc, "t4", 15), "{name} t4");
    }
}

/// Lays the rows out with their spans and checks every row fills `width` columns exactly.
fn grid_is_rectangular(doc: &Html, table: &str, width: usize) -> bool {
    let n = |e: &ElementRef<'_>, a: &str| {
        e.value()
            .attr(a)
            .and_then(|v| v.parse().ok())
            .unwrap_or(1usize)
    };
    let mut carry: Vec<usize> = vec![0; width];
    for tr in doc.select(&sel(&format!("table#{table} tr"))) {
        let mut used: Vec<bool> = carry.iter().map(|c| *c > 0).collect();
        let mut next: Vec<usize> = carry.iter().map(|c| c.saturating_sub(1)).collect();
        let mut col = 0;
        for c in tr.select(&sel("th, td")) {
            while col < width && used[col] {
                col += 1;
            }
            let (rs, cs) = (n(&c, "rowspan"), n(&c, "colspan"));
            if col + cs > width {
                return false;
            }
            for k in col..col + cs {
                used[k] = true;
                next[k] = rs - 1;
            }
            col += cs;
        }
        if !used.iter().all(|u| *u) {
            return false;
        }
        carry = next;
    }
    carry.iter().all(|c| *c == 0)
}

#[test]
fn ids_are_unique_and_tables_scroll() {
    let doc = page(Y2021, "2021.yaml");
    let mut seen = HashSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = e.value().attr("id").unwrap_or_default();
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
    }
    for wrap in doc.select(&sel("div.table-scroll")) {
        let label = wrap.value().attr("aria-labelledby").unwrap_or_default();
        assert!(seen.contains(label), "{label}");
        assert_eq!(wrap.value().attr("tabindex"), Some("0"));
        assert_eq!(wrap.value().attr("role"), Some("region"));
    }
    assert_eq!(doc.select(&sel("div.table-scroll")).count(), 6);
    assert_eq!(
        doc.select(&sel("td.num")).count(),
        2 * 3 + 1 + 2 + 1 + 25 * 7 + 15
    );
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_default();
    let text = text
        .strip_prefix('\u{FEFF}')
        .unwrap_or_else(|| panic!("no BOM"));
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_and_json_round_trip_the_numbers() {
    let (r, _) = report("2022.yaml", Y2022);
    let files: HashMap<String, Vec<u8>> = r.downloads().into_iter().collect();
    let mut names: Vec<&String> = files.keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "2022/2022-part2-1.csv",
            "2022/2022-part2-2.csv",
            "2022/2022-part2-3.csv",
            "2022/2022-part2-4.csv",
            "2022/2022-part3.csv",
            "2022/2022-part4.csv",
            "2022/2022.json"
        ]
    );
    let rows = csv_rows(&files["2022/2022-part3.csv"]);
    assert_eq!(rows[0][0], "项目");
    assert_eq!(rows[0][7], "总计");
    assert_eq!(rows.len(), 26);
    let json: serde_json::Value =
        serde_json::from_slice(&files["2022/2022.json"]).unwrap_or_default();
    let jrows = json["三、收到和处理政府信息公开申请情况"]["rows"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(jrows.len(), 25);
    for (i, (csv, data)) in rows[1..].iter().zip(&r.data().part3.rows).enumerate() {
        let from_csv: Vec<i64> = csv[1..].iter().map(|c| c.parse().unwrap_or(-1)).collect();
        let from_json: Vec<i64> = jrows[i]["cells"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_i64().unwrap_or(-1)).collect())
            .unwrap_or_default();
        let model: Vec<i64> = data.cells.iter().map(|c| c.count()).collect();
        assert_eq!(from_csv, model, "csv row {i}");
        assert_eq!(from_json, model, "json row {i}");
    }
    // The computed （七）总计 is in both.
    assert_eq!(rows[24][0], "三、本年度办理结果（七）总计");
    assert_eq!(rows[24][1..], ["5", "0", "0", "0", "1", "0", "6"]);
    let four = csv_rows(&files["2022/2022-part4.csv"]);
    assert_eq!(
        four[2],
        ["行政诉讼 未经复议直接起诉", "0", "0", "0", "1", "1"]
    );
    let (seed, _) = report("2020.yaml", Y2020);
    let files: HashMap<String, Vec<u8>> = seed.downloads().into_iter().collect();
    assert_eq!(
        csv_rows(&files["2020/2020-part2-5.csv"])[1],
        ["政府集中采购", "档案柜23组", "19090元"]
    );
    let json: serde_json::Value =
        serde_json::from_slice(&files["2020/2020.json"]).unwrap_or_default();
    assert_eq!(
        json["二、主动公开政府信息情况"][1]["rows"][0]["cells"],
        serde_json::json!([14, 0, 355])
    );
}

#[test]
fn page_and_column_context() {
    let reports: Vec<_> = [
        ("2020.yaml", Y2020),
        ("2022.yaml", Y2022),
        ("2021.yaml", Y2021),
    ]
    .iter()
    .map(|(n, t)| report(n, t).0)
    .collect();
    let ctx = serde_json::to_value(super::page(&reports[2])).unwrap_or_default();
    assert_eq!(ctx["toc"].as_array().map(Vec::len), Some(6));
    assert_eq!(ctx["toc"][2]["id"], "part-3");
    assert_eq!(
        ctx["downloads"][0],
        serde_json::json!({"label": "全部数据（JSON）", "file": "2021/2021.json"})
    );
    assert_eq!(
        serde_json::to_value(super::figures(&reports[2])).unwrap_or_default(),
        serde_json::json!({"year": 2021, "received": 4, "granted": 2, "review": 1, "litigation": 0})
    );
    let col = serde_json::to_value(super::column(&reports, &|r| format!("{}.html", r.slug())))
        .unwrap_or_default();
    let years: Vec<i64> = col["years"]
        .as_array()
        .map(|a| a.iter().filter_map(|y| y["year"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(years, [2022, 2021, 2020]);
    assert_eq!(col["latest"]["url"], "2022.html");
    assert_eq!(col["years"][0]["figures"]["litigation"], 1);
    let chart = col["chart_html"].as_str().unwrap_or_default();
    assert!(chart.contains("<dt>2022年</dt>"), "{chart}");
    assert!(
        chart.contains("<title>予以公开4件、部分公开1件、不予处理1件</title>"),
        "{chart}"
    );
    let table = Html::parse_fragment(col["chart_table"].as_str().unwrap_or_default());
    let first: Vec<String> = table
        .select(&sel("tbody tr"))
        .next()
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .unwrap_or_default();
    assert_eq!(first, ["2022年", "6", "4", "1", "0", "0", "1", "0"]);
}

#[test]
fn reproduced_original_notes_are_under_the_table() {
    let text = edit(Y2021, "（七）总计", "（七）总计: [3, 1, 0, 0, 0, 0, 4]");
    let text = text.replace("published: 2022-01-28\n", "published: 2022-01-28\nreproduces_original: true\noriginal_note: 本报告按2022年1月28日公开的原件照录。\n");
    let (r, _) = report("2021.yaml", &text);
    let ctx = serde_json::to_value(super::page(&r)).unwrap_or_default();
    assert_eq!(ctx["reproduces_original"], true);
    assert_eq!(
        ctx["original_note"],
        "本报告按2022年1月28日公开的原件照录。"
    );
    let notes: Vec<&str> = ctx["notes"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert!(
        notes.contains(&"（七）总计自然人列为3，而（一）至（六）之和为2。"),
        "{notes:#?}"
    );
    let part3 = ctx["parts"][2]["html"].as_str().unwrap_or_default();
    assert!(part3.contains("<div class=\"report-note\" role=\"note\"><p>本表照录已公开的原件。"));
    assert!(part3.contains("<li>（七）总计自然人列为3，而（一）至（六）之和为2。</li>"));
}

mod proptests {
    use crate::render::markdown::script_in;
    use crate::report::tests::load_as;
    use crate::report::tests::proptests::report_text;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config())]

        /// The report page's parts (prose rendered from Markdown, tables
        /// written as HTML in Rust) of any report that loads, hostile
        /// values included, hold nothing that could run script.
        #[test]
        fn report_parts_cannot_run_script(text in report_text()) {
            let (Some(r), _) = load_as("2021.yaml", &text) else {
                return Ok(());
            };
            for part in super::super::page(&r).parts {
                prop_assert_eq!(script_in(&part.html), None, "{}", part.html);
            }
        }
    }
}

#[test]
fn attachments_are_listed_with_their_size_and_a_link_beside_the_downloads() {
    let text = Y2021.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nattachments:\n  - {file: 2021.pdf, title: 签发稿}\n",
    );
    let (mut r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(r.attachment_entries()[0].file, "2021.pdf");
    assert_eq!(r.attachment_entries()[0].title.as_deref(), Some("签发稿"));
    r.attach(vec![crate::content::Attachment {
        number: 1,
        title: "签发稿".into(),
        file_name: "2021.pdf".into(),
        file_type: "PDF".into(),
        size: 2048,
        source: "content/ndbg/2021.pdf".into(),
        out_path: "ndbg/2021/附件1.pdf".into(),
        line: 5,
    }]);
    let ctx = serde_json::to_value(super::page(&r)).unwrap_or_default();
    assert_eq!(
        ctx["attachments"],
        serde_json::json!([{
            "number": 1,
            "title": "签发稿",
            "file_name": "2021.pdf",
            "file_type": "PDF",
            "size": crate::render::context::human_size(2048),
            "url": "2021/附件1.pdf",
        }])
    );
    let (_, diags) = crate::report::tests::load_as(
        "2021.yaml",
        &Y2021.replace(
            "published: 2022-01-28\n",
            "published: 2022-01-28\nattachments: 2021.pdf\n",
        ),
    );
    assert_eq!(
        diags.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "content/ndbg/2021.yaml:5:14: 错误: `attachments:` 下面应逐行写附件文件名，每行以「- 」开头，如「- 2024.pdf」"
        ]
    );
}
