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
            "content/ndbg/2021.yaml:56: error: 三、收到和处理政府信息公开申请情况, column 总计: 一 + 二 = 4 + 1 = 5, but 三（七）总计 + 四 = 4 + 2 = 6 (第一项加第二项之和应等于第三项加第四项之和)\n\
             content/ndbg/2021.yaml:56: error: 三、收到和处理政府信息公开申请情况, column 自然人: 一 + 二 = 3 + 1 = 4, but 三（七）总计 + 四 = 3 + 2 = 5 (第一项加第二项之和应等于第三项加第四项之和)\n\
             error: build failed with 2 errors\n{TAIL}"
        ),
    );
}

#[test]
fn rule_b_row_total_is_the_sum_of_the_applicants() {
    // 一、本年新收 (line 27) gives 总计 5 for 3 + 1; the 总计 column then
    // does not balance under rule A either.
    fails_with(
        "rule-b",
        &format!(
            "content/ndbg/2021.yaml:27: error: 一、本年新收政府信息公开申请数量, column 总计: 5, but 自然人 … 其他 add up to 4\n\
             content/ndbg/2021.yaml:56: error: 三、收到和处理政府信息公开申请情况, column 总计: 一 + 二 = 5 + 1 = 6, but 三（七）总计 + 四 = 4 + 1 = 5 (第一项加第二项之和应等于第三项加第四项之和)\n\
             error: build failed with 2 errors\n{TAIL}"
        ),
    );
}

#[test]
fn rule_c_results_add_up_to_their_total() {
    // （一）予以公开 says 4 where （七）总计 (line 55) counts 3.
    fails_with(
        "rule-c",
        &format!(
            "content/ndbg/2021.yaml:55: error: 三、本年度办理结果（七）总计, column 总计: 4, but （一）…（六） add up to 5\n\
             content/ndbg/2021.yaml:55: error: 三、本年度办理结果（七）总计, column 自然人: 3, but （一）…（六） add up to 4\n\
             error: build failed with 2 errors\n{TAIL}"
        ),
    );
}

#[test]
fn rule_d_review_total_is_the_sum_of_its_outcomes() {
    fails_with(
        "rule-d",
        &format!(
            "content/ndbg/2021.yaml:60: error: 行政复议, column 总计: 2, but 结果维持 … 尚未审结 add up to 1\n\
             error: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn rule_e_a_count_is_a_whole_number() {
    fails_with(
        "rule-e",
        &format!(
            "content/ndbg/2021.yaml:16:12: error: 第二十条第（五）项 行政许可, column 本年处理决定数量: `362件` is not a whole number, 0 or more\n\
             error: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn rule_f_carried_over_across_years_is_a_warning_naming_both_files() {
    let site = SiteTest::case("report", "rule-f");
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/ndbg/2022.yaml:28: warning: 二、上年结转政府信息公开申请数量 of 2022 differs from 四、结转下年度继续办理 of 2021 in content/ndbg/2021.yaml:56: 自然人 0 vs 1, 总计 0 vs 1\n"
    );
    assert!(site.output("ndbg/2021.html").is_file());
    assert!(site.output("ndbg/2022.html").is_file());
}

#[test]
fn unknown_row_names_the_nearest_official_label() {
    // A typo seen in published reports: 三类内容事务信息 for 三类内部事务信息.
    fails_with(
        "unknown-row",
        &format!(
            "content/ndbg/2021.yaml:25:1: error: 三、收到和处理政府信息公开申请情况: missing rows: 三、本年度办理结果（三）不予公开 5.属于三类内部事务信息\n\
             content/ndbg/2021.yaml:37:7: error: （三）不予公开: unknown row or heading `5.属于三类内容事务信息`\n  = hint: did you mean `5.属于三类内部事务信息`?\n\
             error: build failed with 2 errors\n{TAIL}"
        ),
    );
}

#[test]
fn missing_rows_are_listed() {
    fails_with(
        "missing-rows",
        &format!(
            "content/ndbg/2021.yaml:25:1: error: 三、收到和处理政府信息公开申请情况: missing rows: 三、本年度办理结果（三）不予公开 3.危及“三安全一稳定”, 三、本年度办理结果（五）不予处理 2.重复申请\n\
             error: build failed with 1 error\n{TAIL}"
        ),
    );
}
