//! What a result marks as matched: a 文号 typed in another style than the
//! text's, and digits or letters typed full-width against half-width text
//! or the other way round (the index holds both alike, after NFKC).

use super::{browse, example_portal};
use crate::support::site::SiteTest;
use crate::support::tools;
use serde_json::Value;

/// The marks of a query's first result.
fn marks(result: &Value) -> Vec<String> {
    result["first"]["marks"]
        .as_array()
        .unwrap_or_else(|| panic!("no first result: {result}"))
        .iter()
        .filter_map(|m| m.as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_doc_number_in_any_style_is_marked_where_the_text_has_it() {
    let (_tmp, out) = example_portal();
    let typed = [
        "大街办发〔2024〕3号",
        "大街办发[2024]3号",
        "大街办发(2024)3号",
        "大街办发（2024）3号",
        "大街办发2024年3号",
        "大街办发 2024 3号",
        "大街办发〔2024〕第3号",
        "大街办发20243号",
        "大街办发〔2024〕3号文",
    ];
    let plain = [
        "１２３４５",
        "２２４５．８０",
        "ｅｘａｍｐｌｅ．ｇｏｖ．ｃｎ",
    ];
    let queries: Vec<Value> = typed
        .iter()
        .chain(&plain)
        .map(|q| serde_json::json!({"q": q}))
        .collect();
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    let results = report["queries"].as_array().expect("queries");
    for (q, result) in typed.iter().zip(results) {
        assert_eq!(
            result["first"]["title"], "关于开展2024年度消防安全检查的通知",
            "{q}: {result}"
        );
        assert!(
            marks(result).contains(&"大街办发〔2024〕3号".to_string()),
            "{q}: {}",
            result["first"]
        );
    }
    // Another number of the same issuer and year is not marked.
    for result in &results[..typed.len()] {
        assert!(
            !marks(result).iter().any(|m| m.contains("27号")),
            "{}",
            result["first"]
        );
    }
    for (q, (result, want)) in
        plain.iter().zip(
            results[typed.len()..]
                .iter()
                .zip(["12345", "2245.80", "example.gov.cn"]),
        )
    {
        assert!(
            marks(result).contains(&want.to_string()),
            "{q}: {}",
            result["first"]
        );
    }
}

/// Text written with full-width digits and letters (the title and the
/// 文号 are shown as written) is marked for a query typed half-width, and
/// for one typed full-width.
#[test]
fn full_width_text_is_marked_for_a_half_width_query() {
    let site = SiteTest::fixture("build/basic");
    site.write(
        "content/notices/wide.md",
        "---\ntitle: 关于ＰＭ２．５监测的通知\ndate: 2024-02-01\ndoc_no: 测办发〔２０２４〕５号\n---\n\n监测点编号ＡＢ１２３４５。\n",
    );
    site.build(&[]);
    let out = site.output("");
    let cases: &[(&str, &str)] = &[
        ("PM2.5", "ＰＭ２．５"),
        ("pm2.5", "ＰＭ２．５"),
        ("ＰＭ２．５", "ＰＭ２．５"),
        ("测办发〔2024〕5号", "测办发〔２０２４〕５号"),
        ("测办发[2024]5号", "测办发〔２０２４〕５号"),
        ("ab12345", "AB12345"),
    ];
    let queries: Vec<Value> = cases
        .iter()
        .map(|(q, _)| serde_json::json!({"q": q}))
        .collect();
    let Some(report) = tools::search_browser(
        &out,
        "/",
        &serde_json::json!({"queries": queries, "checks": []}),
    ) else {
        return;
    };
    let results = report["queries"].as_array().expect("queries");
    for ((q, want), result) in cases.iter().zip(results) {
        assert_eq!(
            result["first"]["title"], "关于ＰＭ２．５监测的通知",
            "{q}: {result}"
        );
        assert!(
            marks(result).contains(&want.to_string()),
            "{q}: {}",
            result["first"]
        );
    }
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
}
