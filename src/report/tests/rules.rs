//! Each rule A–G and each structure check broken once, with its message and line.

use super::{Y2020, Y2021, Y2022, cell_col, edit, line_of, load_as, of, report};
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
    let (c0, c6) = (
        cell_col(&text, "四、结转下年度继续办理", 0),
        cell_col(&text, "四、结转下年度继续办理", 6),
    );
    assert_eq!(
        of(&diags, Severity::Error),
        [
            format!(
                "{P}:{line}:{c0}: 错误: 三、收到和处理政府信息公开申请情况「自然人」栏：一、本年新收 3 + 二、上年结转 0 = 3，但 三（七）总计 2 + 四、结转下年度 2 = 4（第一项加第二项之和应等于第三项加第四项之和）"
            ),
            format!(
                "{P}:{line}:{c6}: 错误: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 4 + 二、上年结转 0 = 4，但 三（七）总计 3 + 四、结转下年度 2 = 5（第一项加第二项之和应等于第三项加第四项之和）"
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
    let col = cell_col(&text, "（一）予以公开", 6);
    let errors = of(&diags, Severity::Error);
    // The given （七）总计 no longer matches either (rule C), nor does the
    // prose: one wrong cell, one error, the relations it breaks under it.
    let total = line_of(&text, "（七）总计");
    assert_eq!(
        errors,
        [format!(
            "{P}:{line}:{col}: 错误: 三、本年度办理结果（一）予以公开「总计」栏填的是 3，但以下 3 处核对都说明这一格应是 2：\n  \
             - 三、本年度办理结果（一）予以公开：「总计」栏填的是 3，但 自然人至其他 合计是 2\n  \
             - {P}:{total}: 三、本年度办理结果（七）总计「总计」栏填的是 3，但（一）至（六）合计是 4\n  \
             - {P}:12: 一、总体情况（二）依申请公开：「其中予以公开2件」写的是 2，但表格中三、本年度办理结果（一）予以公开「总计」栏是 3"
        )]
    );
}

#[test]
fn rule_c_total_of_results() {
    let text = edit(Y2021, "（七）总计", "（七）总计: [3, 1, 0, 0, 0, 0, 4]");
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "（七）总计");
    let col = cell_col(&text, "（七）总计", 0);
    let errors = of(&diags, Severity::Error);
    assert!(
        errors.contains(&format!("{P}:{line}:{col}: 错误: 三、本年度办理结果（七）总计「自然人」栏填的是 3，但（一）至（六）合计是 2")),
        "{errors:#?}"
    );
}

#[test]
fn rule_d_review_total() {
    let text = edit(Y2021, "行政复议:", "行政复议: [1, 0, 0, 0, 2]");
    let (_, diags) = load_as("2021.yaml", &text);
    let line = line_of(&text, "行政复议:");
    let col = cell_col(&text, "行政复议:", 4);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{line}:{col}: 错误: 行政复议：「总计」栏填的是 2，但 结果维持至尚未审结 合计是 1"
        )]
    );
    let text = edit(Y2021, "复议后起诉", "复议后起诉: [0, 1, 0, 0, 0]");
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{}:{}: 错误: 行政诉讼 复议后起诉：「总计」栏填的是 0，但 结果维持至尚未审结 合计是 1",
            line_of(&text, "复议后起诉"),
            cell_col(&text, "复议后起诉", 4)
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
            "{P}:{line}:12: 错误: 第二十条第（五）项 行政许可「本年处理决定数量」栏：「-1」应只写数字（0 或以上的整数）"
        )]
    );
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3件, 1, 0, 0, 0, 0, 4]",
    );
    // A unit after the number is read as the number, with a warning.
    let (r, diags) = load_as("2021.yaml", &text);
    assert_eq!(of(&diags, Severity::Error), Vec::<String>::new());
    assert_eq!(diags[0].code.id, "report.unit");
    assert_eq!(r.map(|r| r.data().part3.rows[0].cells[0].count()), Some(3));
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [约3, 1, 0, 0, 0, 0, 4]",
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert!(
        errors[0].contains("「自然人」栏：「约3」应只写数字（0 或以上的整数）"),
        "{errors:#?}"
    );
    // What the sums say it holds is what is written, never a 0 it is read as.
    assert!(
        errors[0].contains("一、本年新收 「约3」（按 0 计） + 二、上年结转 0"),
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
    assert!(errors[0].contains("「本年增/减」栏：「多了」应只写整数（可写成 +19 或 -3）"));
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
    // The prose quotes the tables (report.narrative): it changes with them.
    let next = edit(
        &next,
        "全年新收政府信息公开申请6件",
        "全年新收政府信息公开申请5件，加上2021年结转的2件，共办结6件，1件结转至2023年办理。",
    );
    let (b, diags) = report("2022.yaml", &next);
    assert!(diags.is_empty(), "{diags:#?}");
    let (a, _) = report("2021.yaml", Y2021);
    let mut diags = Vec::new();
    super::super::check_series(&[b, a], &mut diags);
    assert_eq!(
        of(&diags, Severity::Warning),
        [format!(
            "content/ndbg/2022.yaml:{}:1: 警告: 2022 年的「二、上年结转政府信息公开申请数量」与 content/ndbg/2021.yaml:{} 中 2021 年的「四、结转下年度继续办理」不一致：自然人今年 2，上年 1；总计今年 2，上年 1",
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
    assert_eq!(diags[0].severity, Severity::Notice);
    assert!(
        diags[0]
            .message
            .contains("「现行有效件数」填的是 5，但 2021 年的 3 + 本年制发 2 − 本年废止 1 = 4"),
        "{}",
        diags[0]
    );
    assert!(diags[0].hint.is_some());
}

#[test]
fn rules_f_and_g_quote_a_cell_that_is_not_a_number() {
    // A published original keeps what it printed: 无 (read as blank) and
    // 不详 (text) count as 0, and the messages say what is there, as rules
    // A–C do, never a 0 nobody wrote.
    let kept = |t: &str| {
        t.replace(
            "\nyear: 2022\n",
            "\nyear: 2022\nreproduces_original: true\n",
        )
    };
    let next = edit(
        &kept(Y2022),
        "二、上年结转",
        "二、上年结转政府信息公开申请数量: [无, 0, 0, 0, 0, 0, 不详]",
    );
    let next = edit(&next, "行政规范性文件", "行政规范性文件: [无, 1, 不详]");
    assert!(next.contains("reproduces_original: true"), "{next}");
    let (b, _) = report("2022.yaml", &next);
    let (a, _) = report("2021.yaml", Y2021);
    let mut diags = Vec::new();
    super::super::check_series(&[a, b], &mut diags);
    assert_eq!(
        of(&diags, Severity::Warning),
        [format!(
            "content/ndbg/2022.yaml:{}:1: 警告: 2022 年的「二、上年结转政府信息公开申请数量」与 content/ndbg/2021.yaml:{} 中 2021 年的「四、结转下年度继续办理」不一致：自然人今年 空白（按 0 计），上年 1；总计今年 「不详」（按 0 计），上年 1",
            line_of(&next, "二、上年结转"),
            line_of(Y2021, "四、结转下年度继续办理")
        )]
    );
    let g: Vec<&str> = diags
        .iter()
        .filter(|d| d.severity == Severity::Notice)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        g,
        [
            "第二十条第（一）项 行政规范性文件：「现行有效件数」填的是「不详」（不是数字，按 0 计算），但 2021 年的 3 + 本年制发 空白（按 0 计） − 本年废止 1 = 2"
        ]
    );
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
            "{P}:{line}:3: 警告: 一、本年新收政府信息公开申请数量：「科研机构、社会公益组织」栏空白（共 2 格），页面上显示为空，按 0 计算\n  = 建议: 原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~"
        )]
    );
    assert_eq!(r.data.part3.rows[0].cells[2].shown, "");
    // A blank that breaks a sum is the cause, listed first, with the sums
    // it breaks under it; it fails the build like they would.
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3, ~, 0, 0, 0, 0, 4]",
    );
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(of(&diags, Severity::Warning), Vec::<String>::new());
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{line}:3: 错误: 一、本年新收政府信息公开申请数量：「商业企业」栏空白（共 1 格），页面上显示为空，按 0 计算\n  - 由此引起: {P}:{line}: 一、本年新收政府信息公开申请数量：「总计」栏填的是 4，但 自然人至其他 合计是 3\n  - 由此引起: {P}:{}: 三、收到和处理政府信息公开申请情况「商业企业」栏：一、本年新收 0 + 二、上年结转 0 = 0，但 三（七）总计 1 + 四、结转下年度 0 = 1（第一项加第二项之和应等于第三项加第四项之和）\n  = 建议: 原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~",
            line_of(&text, "四、结转下年度继续办理")
        )]
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
    // 2019's wording is read for the 2021 row, published under the 2021
    // label, with a warning naming both.
    assert_eq!(
        of(&diags, Severity::Warning),
        [format!(
            "{P}:{}:5: 警告: 第二十条第（一）项：「规范性文件」是旧版格式的名称，2021 版格式写作「行政规范性文件」，页面上按「行政规范性文件」发布",
            line_of(&text, "规范性文件")
        )]
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(r.data.part2[0].rows[1].label, "行政规范性文件");
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
                "{P}:{}:7: 错误: （三）不予公开：表上没有「5.属于三类内容事务信息」这一行，是不是「5.属于三类内部事务信息」？这一行的数字已按「5.属于三类内部事务信息」核对\n  = 建议: 改成「5.属于三类内部事务信息」",
                line_of(&text, "5.属于三类内容")
            ),
            format!(
                "{P}:{}:1: 错误: 三、收到和处理政府信息公开申请情况：缺少以下各行：三、本年度办理结果（五）不予处理 2.重复申请",
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
        errors[0].contains("「第二十条第（九）项」是 2019 版格式的"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("请在文件开头写 `edition: 2019`"));
    let start = Y2021.find("    （六）其他处理:").unwrap_or(0);
    let end = Y2021.find("    （七）总计").unwrap_or(0);
    let text = format!(
        "{}    （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n{}",
        &Y2021[..start],
        &Y2021[end..]
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert!(
        errors[0].contains("（六）其他处理：在 2021 版格式中，这一项下面还有 1.申请人无正当理由"),
        "{errors:#?}"
    );
    assert!(errors[0].contains("请写 `edition: 2019`"));
}

#[test]
fn wrong_number_of_cells() {
    let text = edit(Y2021, "（一）予以公开", "（一）予以公开: [2, 0, 0, 0, 2]");
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("（一）予以公开：应写成 7 个单元格（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），或不写「总计」只写 6 个，这里写的是 5 个单元格"), "{errors:#?}");
}

#[test]
fn reproduced_original_turns_arithmetic_into_notices_and_notes() {
    let text = edit(Y2021, "（七）总计", "（七）总计: [3, 1, 0, 0, 0, 0, 4]");
    let text = text.replace("published: 2022-01-28\n", "published: 2022-01-28\nreproduces_original: true\noriginal_note: 本报告按2022年1月28日公开的原件照录。\n");
    let (r, diags) = report("2021.yaml", &text);
    // Nothing for the build to print on every run: the arithmetic of a
    // signed original is kept, noted on the page and listed by check.
    assert!(of(&diags, Severity::Error).is_empty(), "{diags:#?}");
    // (The prose's 办结3件 against the 4 kept is a warning of its own.)
    assert!(
        diags.iter().all(|d| d.code.id == "report.narrative"),
        "{diags:#?}"
    );
    let notices: Vec<&str> = r
        .kept_findings()
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notices
            .iter()
            .any(|w| w.contains("「自然人」栏填的是 3，但（一）至（六）合计是 2")),
        "{notices:#?}"
    );
    let notes = r.notes(crate::report::rules::Table::Applications);
    assert!(
        notes.contains(&"（七）总计自然人列为3，而（一）至（六）之和为2。".to_string()),
        "{notes:#?}"
    );
}

#[test]
fn a_kept_cell_that_is_not_a_number_is_not_told_to_be_rewritten() {
    // 不详 as the signed original prints it: kept, so the advice is not
    // the form's (write a whole number, blank as ~) but that it is kept.
    let text = edit(Y2021, "行政许可", "行政许可: [不详]");
    let text = text.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nreproduces_original: true\n",
    );
    let (r, _) = report("2021.yaml", &text);
    let cells: Vec<(String, String)> = r
        .kept_findings()
        .iter()
        .filter(|d| d.code.id == "report.cell")
        .map(|d| (d.message.clone(), d.fix()))
        .collect();
    assert_eq!(
        cells,
        [(
            "第二十条第（五）项 行政许可「本年处理决定数量」栏：「不详」应只写数字（0 或以上的整数）".to_string(),
            "原件这一格就是这样写的，已按原件照录（reproduces_original），页面照原件显示；只有和原件不一致时才要改".to_string()
        )]
    );
}

#[test]
fn full_width_commas_separate_cells_like_ascii_ones() {
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3，1，0，0，0，0，4]",
    );
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    let counts: Vec<i64> = r.data.part3.rows[0]
        .cells
        .iter()
        .map(|c| c.count())
        .collect();
    assert_eq!(counts, [3, 1, 0, 0, 0, 0, 4]);
}

#[test]
fn a_hint_never_suggests_the_opposite_outcome() {
    // 同意公开 means （一）予以公开, never （三）不予公开.
    let text = edit(
        Y2021,
        "（一）予以公开",
        "（一）同意公开: [2, 0, 0, 0, 0, 0, 2]",
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert_eq!(
        errors[0],
        format!(
            "{P}:{}:5: 错误: 三、本年度办理结果：表上没有「（一）同意公开」这一行，是不是「（一）予以公开」？这一行的数字已按「（一）予以公开」核对\n  = 建议: 改成「（一）予以公开」",
            line_of(&text, "（一）同意公开")
        )
    );
    let labels = ["（一）予以公开", "（三）不予公开", "（四）无法提供"];
    let guess = crate::report::parse::keys::guess;
    assert_eq!(guess("准予公开", &labels), Some("（一）予以公开"));
    assert_eq!(guess("（一）公开", &labels), Some("（一）予以公开"));
    assert_eq!(guess("同意公开", &labels), Some("（一）予以公开"));
    // Close in spelling but the other outcome: no hint.
    assert_eq!(guess("（五）予以公开了吗", &labels[1..]), None);
    assert_eq!(guess("不予公开", &["（一）予以公开"]), None);
}

#[test]
fn a_report_published_before_its_year_ended_is_an_error() {
    let text = Y2021.replace("published: 2022-01-28", "published: 2021-12-03");
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{}:12: 错误: 公开日期 2021-12-03 在 2021 年结束之前：年度报告要在报告年度结束后才能公开，请检查 `published:` 或 `year:`",
            line_of(&text, "published:")
        )]
    );
}

#[test]
fn a_file_name_that_disagrees_with_year_is_an_error_naming_both() {
    let (_, diags) = load_as("2025.yaml", Y2021);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "content/ndbg/2025.yaml:{}:1: 错误: 文件名是「2025.yaml」，但 `year:` 写的是 2021：请让二者一致（2025 年的报告用 2025.yaml），否则会顶替 2021 年的报告",
            line_of(Y2021, "year:")
        )]
    );
}

#[test]
fn a_report_dated_after_today_is_an_error() {
    let later = super::super::today()
        .checked_add(jiff::Span::new().days(2))
        .expect("a later day");
    let text = Y2021.replace("published: 2022-01-28", &format!("published: {later}"));
    let (_, diags) = load_as("2021.yaml", &text);
    assert_eq!(
        of(&diags, Severity::Error),
        [format!(
            "{P}:{}:1: 错误: 公开日期 {later} 晚于今天（{}）：请填写实际公开的日期",
            line_of(&text, "published:"),
            super::super::today()
        )]
    );
}

#[test]
fn a_misspelt_row_is_checked_as_the_row_it_stands_for() {
    // 同意公开 stands for the missing （一）予以公开: its numbers count, so a
    // sum they break is said in the same run.
    let text = edit(
        Y2021,
        "（一）予以公开",
        "（一）同意公开: [3, 0, 0, 0, 0, 0, 3]",
    );
    let errors = of(&load_as("2021.yaml", &text).1, Severity::Error);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("表上没有「（一）同意公开」这一行"));
    assert!(
        errors[1..].iter().all(|e| e.contains("（七）总计")),
        "{errors:#?}"
    );
}
