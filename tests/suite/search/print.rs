//! A printed search says what was searched: the query, the filters chosen
//! and the order, above the results (the form is not printed).

use super::{browse, example_portal};

#[test]
fn the_printed_results_say_what_was_searched() {
    let (_tmp, out) = example_portal();
    let Some(report) = browse(&out, serde_json::json!({"checks": ["print"]})) else {
        return;
    };
    let print = &report["print"];
    let paper = print["paper"].as_str().unwrap_or("");
    let said = "搜索内容：垃圾分类；栏目：通知公告；按发布日期排序（新的在前）";
    assert!(paper.contains(said), "{paper}");
    // Above the count and the results.
    let count = paper.find("找到 ").unwrap_or(0);
    assert!(paper.find(said) < Some(count), "{paper}");
    // On screen the form says it already.
    let screen = print["screen"].as_str().unwrap_or("");
    assert!(!screen.contains(said), "{screen}");
    assert!(!paper.contains("跳到搜索结果"), "{paper}");
}
