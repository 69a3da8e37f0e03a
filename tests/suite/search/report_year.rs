//! An annual report's 年份 is the year it reports on (2022), though it is
//! published the next year (2023-01-30): its result says 报告年度：2022年, so
//! the 年份 filter agrees with what every result shows.

use super::{browse, example_portal, found};
use serde_json::Value;

fn facts(result: &Value) -> Vec<Vec<String>> {
    result["allFacts"]
        .as_array()
        .expect("allFacts")
        .iter()
        .map(|f| {
            f.as_array()
                .expect("facts")
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn a_report_result_shows_the_year_the_year_filter_takes() {
    let (_tmp, out) = example_portal();
    let years = ["2020", "2021", "2022", "2023"];
    let mut queries = vec![serde_json::json!({"q": "年度报告"})];
    for y in years {
        queries.push(serde_json::json!({"q": "年度报告", "filters": {"年份": [y]}}));
    }
    let Some(report) = browse(&out, serde_json::json!({"queries": queries, "checks": []})) else {
        return;
    };
    let results = report["queries"].as_array().expect("queries");
    let all = &results[0];
    let titles: Vec<&str> = all["titles"]
        .as_array()
        .expect("titles")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let at = titles
        .iter()
        .position(|t| *t == "大街街道办事处2022年政府信息公开工作年度报告")
        .unwrap_or_else(|| panic!("{all}"));
    let shown = &facts(all)[at];
    assert!(shown.contains(&"报告年度：2022年".to_string()), "{shown:?}");
    assert!(
        shown.contains(&"发布日期：2023-01-30".to_string()),
        "{shown:?}"
    );
    // With a year chosen, every result shows that year: its 报告年度, or its
    // 发布日期 when it has no 报告年度.
    let mut seen = 0;
    for (y, r) in years.iter().zip(&results[1..]) {
        for f in facts(r) {
            let report_year = f.iter().find(|s| s.starts_with("报告年度："));
            let ok = match report_year {
                Some(ry) => *ry == format!("报告年度：{y}年"),
                None => f.iter().any(|s| s.starts_with(&format!("发布日期：{y}-"))),
            };
            assert!(ok, "年份 {y}: {f:?}");
            seen += 1;
        }
        assert_eq!(r["checked"]["年份"], serde_json::json!([y]), "{r}");
    }
    // The dated results are all found under some year.
    let dated = all["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .filter(|d| d.as_str().is_some_and(|d| !d.is_empty()))
        .count();
    assert_eq!(seen, dated, "{all}");
    assert_eq!(found(&results[4]).len(), 0, "{}", results[4]);
}
