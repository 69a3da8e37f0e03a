//! What a result shows can be found: its 发布机构 and its 发布日期 (also
//! written 2021年4月26日), each marked where the result shows it.

use super::{browse, example_docs, example_portal, found, plain_search};
use serde_json::Value;

#[test]
fn the_publisher_and_the_date_shown_with_a_result_find_it() {
    let (_tmp, out) = example_portal();
    let docs = example_docs();
    // The query, the fact its first result shows and marks, and a page it
    // finds.
    let cases: &[(&str, &str, &str)] = &[
        (
            "大街街道城市管理办公室",
            "发布机构：大街街道城市管理办公室",
            "关于调整部分小区生活垃圾分类投放点的通告",
        ),
        (
            "2021-04-26",
            "发布日期：2021-04-26",
            "关于调整部分小区生活垃圾分类投放点的通告",
        ),
        (
            "2021年4月26日",
            "发布日期：2021-04-26",
            "关于调整部分小区生活垃圾分类投放点的通告",
        ),
        (
            "2021.4.26",
            "发布日期：2021-04-26",
            "关于调整部分小区生活垃圾分类投放点的通告",
        ),
    ];
    let queries: Vec<Value> = cases
        .iter()
        .map(|(q, _, _)| serde_json::json!({"q": q}))
        .collect();
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    let results = report["queries"].as_array().expect("queries");
    for ((q, fact, page), r) in cases.iter().zip(results) {
        let titles: Vec<&str> = r["titles"]
            .as_array()
            .expect("titles")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(titles.contains(page), "{q}: {r}");
        let first = &r["first"];
        assert!(
            first["facts"]
                .as_array()
                .expect("facts")
                .contains(&Value::from(*fact)),
            "{q}: {first}"
        );
        let value = fact.split_once('：').map_or("", |(_, v)| v);
        assert!(
            first["marks"]
                .as_array()
                .expect("marks")
                .contains(&Value::from(value)),
            "{q}: {first}"
        );
    }
    // The publisher's pages, as the 发布机构 filter counts them, and what a
    // plain search of the same text finds.
    let office = found(&results[0]);
    assert_eq!(office.len(), 5, "{}", results[0]);
    assert_eq!(office, plain_search(&docs, cases[0].0));
    assert_eq!(found(&results[1]), plain_search(&docs, cases[1].0));
}
