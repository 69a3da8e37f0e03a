//! The forms a reader types a year in: `2023年`, `2023`, `2023年度`,
//! `2023 年` and `二〇二三年` are all the year filter, the other words of the
//! query kept; unchecking the year takes it out of the query, whatever its
//! form.

use super::{browse, example_portal, found};
use serde_json::Value;

#[test]
fn every_form_of_a_year_is_the_year_filter() {
    let (_tmp, out) = example_portal();
    let alone = [
        "2023年",
        "2023年度",
        "2023 年",
        "2023 年度",
        "二〇二三年",
        "二零二三年度",
        "２０２３年度",
    ];
    let with_words = [
        "2023年 安全生产",
        "2023年度 安全生产",
        "安全生产 二〇二三年",
        "2023 年 安全生产",
    ];
    let mut queries: Vec<Value> = alone
        .iter()
        .chain(&with_words)
        .map(|q| serde_json::json!({"q": q}))
        .collect();
    // Unchecking the year leaves the words.
    queries.push(
        serde_json::json!({"q": "2023 年 安全生产", "steps": [{"toggle": ["年份", "2023"]}]}),
    );
    queries.push(
        serde_json::json!({"q": "安全生产 二〇二三年度", "steps": [{"toggle": ["年份", "2023"]}]}),
    );
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    assert_eq!(report["csp"], serde_json::json!([]), "{report}");
    let results = report["queries"].as_array().expect("queries");
    let year = serde_json::json!(["2023"]);
    let of_2023 = found(&results[0]);
    assert!(!of_2023.is_empty());
    for (q, r) in alone.iter().zip(results) {
        assert_eq!(found(r), of_2023, "{q}: {r}");
        assert_eq!(r["checked"]["年份"], year, "{q}: {r}");
        assert!(r["first"]["marks"] == serde_json::json!([]), "{q}: {r}");
    }
    let words = &results[alone.len()..];
    let safety = found(&words[0]);
    assert!(
        !safety.is_empty() && safety.is_subset(&of_2023),
        "{}",
        words[0]
    );
    for (q, r) in with_words.iter().zip(words) {
        assert_eq!(found(r), safety, "{q}: {r}");
        assert_eq!(r["checked"]["年份"], year, "{q}: {r}");
    }
    for r in &results[alone.len() + with_words.len()..] {
        let after = &r["steps"][0];
        assert_eq!(after["field"], "安全生产", "{r}");
        assert!(after["checked"]["年份"].is_null(), "{r}");
    }
}
