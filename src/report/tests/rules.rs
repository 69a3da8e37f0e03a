//! Each rule A–G and each structure check broken once, with its message and line.

use super::{Y2020, Y2021, Y2022, edit, line_of, load_as, of, report};
use crate::diag::Severity;

const P: &str = "content/ndbg/2021.yaml";

#[test]
fn rule_a_carried_over_does_not_balance() {
    let text = edit(
        Y2021,
        "四、结转下年度继续办理",
        "四、结转下年度继续办理: [2, 0, 0, 0, 0, 0, 2]",
    );
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "四、结转下年度继续办理");
    assert_eq!(
        of(&diags, Severity::Error),
        [
            format!(
                "{P}:{line}: error: 三、收到和处理政府信息公开申请情况, column 自然人: 一 + 二 = 3 + 0 = 3, but 三（七）总计 + 四 = 2 + 2 = 4 (第一项加第二项之和应等于第三项加第四项之和)"
            ),
            format!(
                "{P}:{line}: error: 三、收到和处理政府信息公开申请情况, column 总计: 一 + 二 = 4 + 0 = 4, but 三（七）总计 + 四 = 3 + 2 = 5 (第一项加第二项之和应等于第三项加第四项之和)"
            ),
        ]
    );
}

#[test]
fn rule_b_row_total() {
    let text = edit(
        Y2021,
        "（一）予以公开",
        "（一）予以公开: [2, 0, 0, 0, 0, 0, 3]",
    );
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "（一）予以公开");
    let errors = of(&diags, Severity::Error);
    assert_eq!(
        errors[0],
        format!(
            "{P}:{line}: error: 三、本年度办理结果（一）予以公开, column 总计: 3, but 自然人 … 其他 add up to 2"
        )
    );
    // The given （七）总计 no longer matches either (rule C); nothing else.
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[1].contains("column 总计: 3, but （一）…（六） add up to 4"));
}

#[test]
fn rule_c_total_of_results() {
    let text = edit(Y2021, "（七）总计", "（七）总计: [3, 1, 0, 0, 0, 0, 4]");
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "（七）总计");
    let errors = of(&diags, Severity::Error);
    assert!(
        errors.contains(&format!("{P}:{line}: error: 三、本年度办理结果（七）总计, column 自然人: 3, but （一）…（六） add up to 2")),
        "{errors:#?}"
    );
}

#[test]
fn rule_d_review_total() {
    let text = edit(Y2021, "行政复议:", "行政复议: [1, 0, 0, 0, 2]");
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "行政复议:");
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{line}: error: 行政复议, column 总计: 2, but 结果维持 … 尚未审结 add up to 1"
        )]
    );
    let text = edit(Y2021, "复议后起诉", "复议后起诉: [0, 1, 0, 0, 0]");
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{}: error: 行政诉讼 复议后起诉, column 总计: 0, but 结果维持 … 尚未审结 add up to 1",
            line_of(&text, "复议后起诉")
        )]
    );
}

#[test]
fn rule_e_values() {
    let text = edit(Y2021, "行政许可", "行政许可: [-1]");
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "行政许可");
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{line}:12: error: 第二十条第（五）项 行政许可, column 本年处理决定数量: `-1` is not a whole number, 0 or more"
        )]
    );
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3件, 1, 0, 0, 0, 0, 4]",
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert!(
        errors[0].contains("column 自然人: `3件` is not a whole number, 0 or more"),
        "{errors:#?}"
    );
    let text = edit(
        Y2020,
        "其他对外管理服务事项",
        "其他对外管理服务事项: [32, \"+17\", 8510]",
    );
    let (r, diags) = report("2020.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(r.data.part2[1].rows[1].cells[1].shown, "+17");
    let text = edit(
        Y2020,
        "其他对外管理服务事项",
        "其他对外管理服务事项: [32, 多了, 8510]",
    );
    let errors = of(&load_as("2020.yaml", &text).1, Severity::Error);
    assert!(
        errors[0]
            .contains("column 本年增/减: `多了` is not a whole number, written like +19 or -3")
    );
}

#[test]
fn rule_f_carried_over_across_years_names_both_files() {
    let next = edit(
        Y2022,
        "二、上年结转",
        "二、上年结转政府信息公开申请数量: [2, 0, 0, 0, 0, 0, 2]",
    );
    let next = edit(
        &next,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [4, 0, 0, 0, 1, 0, 5]",
    );
    let (b, diags) = report("2022.yaml", &next);
    assert!(diags.is_empty(), "{diags:#?}");
    let (a, _) = report("2021.yaml", Y2021);
    let mut diags = Vec::new();
    super::super::check_series(&[b, a], &mut diags);
    assert_eq!(
        of(&diags, Severity::Warning),
        [format!(
            "content/ndbg/2022.yaml:{}: warning: 二、上年结转政府信息公开申请数量 of 2022 differs from 四、结转下年度继续办理 of 2021 in content/ndbg/2021.yaml:{}: 自然人 2 vs 1, 总计 2 vs 1",
            line_of(&next, "二、上年结转"),
            line_of(Y2021, "四、结转下年度继续办理")
        )]
    );
}

#[test]
fn rule_g_is_only_a_hint() {
    let next = edit(Y2022, "行政规范性文件", "行政规范性文件: [2, 1, 5]");
    let (b, _) = report("2022.yaml", &next);
    let (a, _) = report("2021.yaml", Y2021);
    let mut diags = Vec::new();
    super::super::check_series(&[a, b], &mut diags);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, Severity::Warning);
    assert!(
        diags[0]
            .message
            .contains("现行有效件数 is 5, but 3 in 2021 + 2 制发 − 1 废止 = 4"),
        "{}",
        diags[0]
    );
    assert!(diags[0].hint.is_some());
}

#[test]
fn blank_cells_are_warnings_not_arithmetic_errors() {
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3, 1, ~, ~, 0, 0, 4]",
    );
    let (r, diags) = report("2021.yaml", &text);
    let line = line_of(&text, "一、本年新收");
    assert!(of(&diags, Severity::Error).is_empty(), "{diags:#?}");
    assert_eq!(
        of(&diags, Severity::Warning),
        [format!(
            "{P}:{line}:3: warning: 一、本年新收政府信息公开申请数量: blank cells in columns 科研机构, 社会公益组织; shown empty and counted as 0\n  = hint: write 0 where the original has 0; leave `~` only where the published original is blank"
        )]
    );
    assert_eq!(r.data.part3.rows[0].cells[2].shown, "");
    // A blank that breaks a sum is both: a blank cell and an arithmetic error.
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3, ~, 0, 0, 0, 0, 4]",
    );
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(of(&diags, Severity::Warning).len(), 1);
    let errors = of(&diags, Severity::Error);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("column 总计: 4, but 自然人 … 其他 add up to 3")),
        "{errors:#?}"
    );
}

#[test]
fn omitted_totals_are_computed() {
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3, 1, 0, 0, 0, 0]",
    );
    let text = edit(&text, "行政复议", "行政复议: [1, 0, 0, 0]");
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    let total = &r.data.part3.rows[0].cells[6];
    assert_eq!((total.count(), total.computed), (4, true));
    assert_eq!(r.data.part4.rows[0].cells[4].count(), 1);
    // 2022 leaves out （七）总计 altogether.
    let (r, _) = report("2022.yaml", Y2022);
    let seven = r
        .data
        .part3
        .rows
        .iter()
        .find(|row| row.label == "（七）总计")
        .map(|row| row.cells.clone());
    let counts: Vec<i64> = seven
        .unwrap_or_default()
        .iter()
        .map(|c| c.count())
        .collect();
    assert_eq!(counts, [5, 0, 0, 0, 1, 0, 6]);
}

#[test]
fn labels_match_after_normalising() {
    let mut text = edit(Y2021, "（三）不予公开", "(三)不予公开:");
    text = edit(
        &text,
        "1.属于国家秘密",
        "1、属于国家秘密: [0, 0, 0, 0, 0, 0, 0]",
    );
    text = edit(
        &text,
        "3.危及",
        "3.危及\"三安全一稳定\": [0, 0, 0, 0, 0, 0, 0]",
    );
    text = edit(
        &text,
        "（二）部分公开",
        "（二）部分公开(区分处理的,只计这一情形,不计其他情形): [0, 0, 0, 0, 0, 0, 0]",
    );
    text = edit(&text, "第二十条第（五）项", "第二十条第(五)项:");
    text = edit(&text, "行政规范性文件", "规范性文件: [1, 0, 3]");
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    // The old wording accepted for the 2021 row is shown as written.
    assert_eq!(r.data.part2[0].rows[1].label, "规范性文件");
}

#[test]
fn unknown_row_suggests_the_official_label_and_missing_rows_are_listed() {
    let text = edit(
        Y2021,
        "5.属于三类内部事务信息",
        "5.属于三类内容事务信息: [0, 0, 0, 0, 0, 0, 0]",
    );
    let text = edit(&text, "2.重复申请", "# removed");
    let (_, diags) = load_as("2021.yaml", &text);
    let errors = of(&diags, Severity::Error);
    assert_eq!(
        errors,
        [
            format!(
                "{P}:{}:7: error: （三）不予公开: unknown row or heading `5.属于三类内容事务信息`\n  = hint: did you mean `5.属于三类内部事务信息`?",
                line_of(&text, "5.属于三类内容")
            ),
            format!(
                "{P}:{}:1: error: 三、收到和处理政府信息公开申请情况: missing rows: 三、本年度办理结果（三）不予公开 5.属于三类内部事务信息, 三、本年度办理结果（五）不予处理 2.重复申请",
                line_of(&text, "三、收到和处理")
            ),
        ]
    );
}

#[test]
fn rows_of_the_other_edition_say_so() {
    let text = Y2021.replace(
        "  第二十条第（八）项:",
        "  第二十条第（九）项:\n    政府集中采购: [1, 2]\n  第二十条第（八）项:",
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("`第二十条第（九）项` belongs to the 2019 edition"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("write `edition: 2019`"));
    let start = Y2021.find("    （六）其他处理:").unwrap_or(0);
    let end = Y2021.find("    （七）总计").unwrap_or(0);
    let text = format!(
        "{}    （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n{}",
        &Y2021[..start],
        &Y2021[end..]
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert!(
        errors[0]
            .contains("（六）其他处理: in the 2021 edition this holds the rows 1.申请人无正当理由"),
        "{errors:#?}"
    );
    assert!(errors[0].contains("write `edition: 2019`"));
}

#[test]
fn wrong_number_of_cells() {
    let text = edit(Y2021, "（一）予以公开", "（一）予以公开: [2, 0, 0, 0, 2]");
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("（一）予以公开: expected a list of 7 cells (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计) or 6 without 总计, found 5 cells"));
}

#[test]
fn reproduced_original_turns_arithmetic_into_warnings_and_notes() {
    let text = edit(Y2021, "（七）总计", "（七）总计: [3, 1, 0, 0, 0, 0, 4]");
    let text = text.replace("published: 2022-01-28\n", "published: 2022-01-28\nreproduces_original: true\noriginal_note: 本报告按2022年1月28日公开的原件照录。\n");
    let (r, diags) = report("2021.yaml", &text);
    assert!(of(&diags, Severity::Error).is_empty(), "{diags:#?}");
    let warnings = of(&diags, Severity::Warning);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("column 自然人: 3, but （一）…（六） add up to 2")),
        "{warnings:#?}"
    );
    let notes = r.notes(crate::report::rules::Table::Applications);
    assert!(
        notes.contains(&"（七）总计自然人列为3，而（一）至（六）之和为2。".to_string()),
        "{notes:#?}"
    );
}
