//! Annual reports that break the format, end to end through `gongkai build`:
//! each rule A–F broken once in its own fixture, an unknown row and missing
//! rows. Each finding is asserted exactly, with its file:line, the official
//! row and column labels and the arithmetic, and so is the exit code: errors
//! fail the build with exit 1 and write nothing; rule F is only a warning.

use crate::support::site::{SiteTest, TAIL};

/// Builds `report/<case>`, expecting exit 1, nothing written, and exactly
/// `expected` on stderr.
fn fails_with(case: &str, expected: &str) {
    let site = SiteTest::case("report", case);
    let run = site.build_fails(&[]);
    assert_eq!(run.stderr, expected);
    assert_eq!(run.stdout, "");
    assert!(!site.root.join("public").exists(), "{case}: output written");
}

#[test]
fn rule_a_received_plus_carried_in_equals_results_plus_carried_out() {
    // 四、结转下年度继续办理 says 2 instead of 1 for 自然人 (line 56).
    fails_with(
        "rule-a",
        &format!(
            "content/ndbg/2021.yaml:56:17: 错误: 三、收到和处理政府信息公开申请情况「自然人」栏：一、本年新收 3 + 二、上年结转 1 = 4，但 三（七）总计 3 + 四、结转下年度 2 = 5（第一项加第二项之和应等于第三项加第四项之和）\n\
             content/ndbg/2021.yaml:56:35: 错误: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 4 + 二、上年结转 1 = 5，但 三（七）总计 4 + 四、结转下年度 2 = 6（第一项加第二项之和应等于第三项加第四项之和）\n\
             错误：共 2 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn rule_b_row_total_is_the_sum_of_the_applicants() {
    // 一、本年新收 (line 27) gives 总计 5 for 3 + 1; the 总计 column then
    // does not balance under rule A either, and that is said under the cell.
    fails_with(
        "rule-b",
        &format!(
            "content/ndbg/2021.yaml:27:40: 错误: 一、本年新收政府信息公开申请数量「总计」栏填的是 5，但以下 2 处核对都说明这一格应是 4：\n  \
             - 一、本年新收政府信息公开申请数量：「总计」栏填的是 5，但 自然人至其他 合计是 4\n  \
             - content/ndbg/2021.yaml:56: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 5 + 二、上年结转 1 = 6，但 三（七）总计 4 + 四、结转下年度 1 = 5（第一项加第二项之和应等于第三项加第四项之和）\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn one_wrong_total_is_one_error_naming_the_sums_it_breaks() {
    // （七）总计 (line 55) says 5 where every check says 4: its row, its
    // column, the balance of 新收 and 结转 and the prose all follow from it.
    fails_with(
        "one-wrong-total",
        &format!(
            "content/ndbg/2021.yaml:55:31: 错误: 三、本年度办理结果（七）总计「总计」栏填的是 5，但以下 4 处核对都说明这一格应是 4：\n  \
             - 三、本年度办理结果（七）总计：「总计」栏填的是 5，但 自然人至其他 合计是 4\n  \
             - 三、本年度办理结果（七）总计「总计」栏填的是 5，但（一）至（六）合计是 4\n  \
             - content/ndbg/2021.yaml:56: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 4 + 二、上年结转 1 = 5，但 三（七）总计 5 + 四、结转下年度 1 = 6（第一项加第二项之和应等于第三项加第四项之和）\n  \
             - content/ndbg/2021.yaml:7: 一、总体情况：「办结4件」写的是 4，但表格中三、本年度办理结果（七）总计「总计」栏是 5\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn a_second_mistake_keeps_its_own_errors() {
    // As above, and 四、结转 (line 56) says 2 for 1 in 自然人 and 总计: the
    // balance still fails once （七）总计 is 4, so it is said on its own.
    fails_with(
        "two-mistakes",
        &format!(
            "content/ndbg/2021.yaml:55:31: 错误: 三、本年度办理结果（七）总计「总计」栏填的是 5，但以下 3 处核对都说明这一格应是 4：\n  \
             - 三、本年度办理结果（七）总计：「总计」栏填的是 5，但 自然人至其他 合计是 4\n  \
             - 三、本年度办理结果（七）总计「总计」栏填的是 5，但（一）至（六）合计是 4\n  \
             - content/ndbg/2021.yaml:7: 一、总体情况：「办结4件」写的是 4，但表格中三、本年度办理结果（七）总计「总计」栏是 5\n\
             content/ndbg/2021.yaml:56:17: 错误: 三、收到和处理政府信息公开申请情况「自然人」栏：一、本年新收 3 + 二、上年结转 1 = 4，但 三（七）总计 3 + 四、结转下年度 2 = 5（第一项加第二项之和应等于第三项加第四项之和）\n\
             content/ndbg/2021.yaml:56:35: 错误: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 4 + 二、上年结转 1 = 5，但 三（七）总计 5 + 四、结转下年度 2 = 7（第一项加第二项之和应等于第三项加第四项之和）\n\
             错误：共 3 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn rule_c_results_add_up_to_their_total() {
    // （一）予以公开 says 4 where （七）总计 (line 55) counts 3.
    fails_with(
        "rule-c",
        &format!(
            "content/ndbg/2021.yaml:55:13: 错误: 三、本年度办理结果（七）总计「自然人」栏填的是 3，但（一）至（六）合计是 4\n\
             content/ndbg/2021.yaml:55:31: 错误: 三、本年度办理结果（七）总计「总计」栏填的是 4，但（一）至（六）合计是 5\n\
             错误：共 2 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn rule_d_review_total_is_the_sum_of_its_outcomes() {
    fails_with(
        "rule-d",
        &format!(
            "content/ndbg/2021.yaml:60:22: 错误: 行政复议：「总计」栏填的是 2，但 结果维持至尚未审结 合计是 1\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn rule_e_a_count_is_a_whole_number() {
    fails_with(
        "rule-e",
        &format!(
            "content/ndbg/2021.yaml:16:12: 错误: 第二十条第（五）项 行政许可「本年处理决定数量」栏：「约362」应只写数字（0 或以上的整数）\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn a_number_with_its_unit_is_read_with_a_warning() {
    // 362件 in a count: read as 362, published as 362, as `import` reads a
    // published report; a warning, not an error.
    let site = SiteTest::case("report", "unit-in-cell");
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/ndbg/2021.yaml:16:12: 警告: 第二十条第（五）项 行政许可「本年处理决定数量」栏：「362件」带了单位，按 362 计算，页面上显示 362\n  = 建议: 只写数字：362\n"
    );
    let page = std::fs::read_to_string(site.output("ndbg/2021.html")).expect("page");
    assert!(page.contains(">362<"), "{page}");
    assert!(!page.contains("362件"));
}

#[test]
fn rule_f_carried_over_across_years_is_a_warning_naming_both_files() {
    let site = SiteTest::case("report", "rule-f");
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/ndbg/2022.yaml:28:1: 警告: 2022 年的「二、上年结转政府信息公开申请数量」与 content/ndbg/2021.yaml:56 中 2021 年的「四、结转下年度继续办理」不一致：自然人今年 0，上年 1；总计今年 0，上年 1\n"
    );
    assert!(site.output("ndbg/2021.html").is_file());
    assert!(site.output("ndbg/2022.html").is_file());
}

#[test]
fn unknown_row_names_the_nearest_official_label_once() {
    // A typo seen in published reports: 三类内容事务信息 for 三类内部事务信息.
    fails_with(
        "unknown-row",
        &format!(
            "content/ndbg/2021.yaml:37:7: 错误: （三）不予公开：表上没有「5.属于三类内容事务信息」这一行，是不是「5.属于三类内部事务信息」？这一行的数字已按「5.属于三类内部事务信息」核对\n  = 建议: 改成「5.属于三类内部事务信息」\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn missing_rows_are_listed() {
    fails_with(
        "missing-rows",
        &format!(
            "content/ndbg/2021.yaml:25:1: 错误: 三、收到和处理政府信息公开申请情况：缺少以下各行：三、本年度办理结果（三）不予公开 3.危及“三安全一稳定”、三、本年度办理结果（五）不予处理 2.重复申请\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn a_row_indented_under_the_group_above_is_told_where_it_belongs() {
    // 四、结转下年度继续办理 (line 56) indented 4 spaces, under
    // 三、本年度办理结果: the row is of this edition, one level up. Neither
    // "2019 edition" nor "missing" is said, and its numbers are checked.
    fails_with(
        "misplaced-deeper",
        &format!(
            "content/ndbg/2021.yaml:56:5: 错误: 「四、结转下年度继续办理」写在了「三、本年度办理结果」下面，位置不对：它应写在「三、收到和处理政府信息公开申请情况」下一层\n  \
             = 建议: 把这一行放到「三、收到和处理政府信息公开申请情况」下一层，和「三、本年度办理结果」对齐（行首 2 个空格）\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}

#[test]
fn a_total_out_dented_to_the_part_is_told_where_it_belongs() {
    // （七）总计 (line 55) at 2 spaces, beside 三、本年度办理结果 instead of
    // under it: the same label in both editions, not a 2019 one.
    fails_with(
        "misplaced-shallower",
        &format!(
            "content/ndbg/2021.yaml:55:3: 错误: 「（七）总计」写在了「三、收到和处理政府信息公开申请情况」下面，位置不对：它应写在「三、本年度办理结果」下一层\n  \
             = 建议: 把这一行放到「三、本年度办理结果」下一层，和「（六）其他处理」对齐（行首 4 个空格）\n\
             错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        ),
    );
}
