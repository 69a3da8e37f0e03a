//! Issue 14, the narrative against the tables: figures the prose of a
//! report quotes (共收到政府信息公开申请26件, 予以公开9件, 行政复议1起) are
//! compared with their cells by `build` and `check`, in both editions. A
//! figure that differs is a warning (`report.narrative`) at its line and
//! column, naming the clause and the cell; matching prose gives nothing.
//! The fixtures are tests/fixtures/report/narrative-*: a 2020 report (2019
//! edition) and a 2021 report (2021 edition) whose prose quotes figures of
//! every kind the rule reads, right in one case and wrong in the other.
//! See: issue 14.

use crate::support::site::SiteTest;
use serde_json::Value;

/// The `report.narrative` findings of `check --format json`: (file, line,
/// col, message).
fn narrative_findings(site: &SiteTest) -> Vec<(String, u64, u64, String)> {
    let run = site.run(&["check", "--format", "json"]);
    let Ok(Value::Array(all)) = serde_json::from_str::<Value>(&run.stdout) else {
        panic!("not JSON: {}\n{}", run.stdout, run.stderr);
    };
    all.iter()
        .filter(|f| f["code"] == "report.narrative")
        .inspect(|f| assert_eq!(f["severity"], "warning"))
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["col"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The warnings of the `narrative-differs` case, as `build` prints them.
const DIFFERS: &str = "\
content/ndbg/2020.yaml:8:28: 警告: 一、总体情况（一）主动公开：「主动公开规范性文件3件」写的是 3，但表格中第二十条第（一）项 规范性文件「本年新公开数量」栏是 2
content/ndbg/2020.yaml:10:18: 警告: 一、总体情况（二）依申请公开：「全年共收到政府信息公开申请六件」写的是 6，但表格中一、本年新收政府信息公开申请数量「总计」栏是 5
content/ndbg/2020.yaml:71:10: 警告: 五、存在的主要问题及改进情况：「被提起行政诉讼2起」写的是 2，但表格中行政诉讼 未经复议直接起诉、行政诉讼 复议后起诉各行「总计」栏之和是 1
content/ndbg/2021.yaml:8:31: 警告: 一、总体情况（一）主动公开：「现行有效的行政规范性文件4件」写的是 4，但表格中第二十条第（一）项 行政规范性文件「现行有效件数」栏是 3
content/ndbg/2021.yaml:10:30: 警告: 一、总体情况（二）依申请公开：「加上2020年结转的2件」写的是 2，但表格中二、上年结转政府信息公开申请数量「总计」栏是 1
content/ndbg/2021.yaml:11:11: 警告: 一、总体情况（二）依申请公开：「其中予以公开2件」写的是 2，但表格中三、本年度办理结果（一）予以公开「总计」栏是 3
content/ndbg/2021.yaml:73:17: 警告: 五、存在的主要问题及改进情况：「因政府信息公开被申请行政复议两起」写的是 2，但表格中行政复议「总计」栏是 1
";

#[test]
fn prose_that_quotes_the_tables_rightly_gives_no_warning() {
    let site = SiteTest::case("report", "narrative-match");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    assert_eq!(narrative_findings(&site), []);
}

#[test]
fn figures_that_differ_are_warnings_at_the_figure_naming_the_cell() {
    let site = SiteTest::case("report", "narrative-differs");
    // Warnings: the site is still published.
    let run = site.build(&[]);
    assert_eq!(run.stderr, DIFFERS);
    assert!(site.output("ndbg/2021.html").is_file());
    // check reports the same findings, each at the same place.
    let want: Vec<(String, u64, u64, String)> = DIFFERS
        .lines()
        .map(|l| {
            let (at, message) = l.split_once(": 警告: ").expect("a warning line");
            let mut at = at.split(':');
            let mut next = || at.next().unwrap_or("").to_string();
            let (file, line, col) = (next(), next(), next());
            let num = |s: String| s.parse::<u64>().expect("a number");
            (file, num(line), num(col), message.to_string())
        })
        .collect();
    assert_eq!(narrative_findings(&site), want);
}

#[test]
fn the_warning_in_english() {
    let site = SiteTest::case("report", "narrative-differs");
    let mut cmd = site.command(&["build"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().nth(1),
        Some(
            "content/ndbg/2020.yaml:10:18: warning: 一、总体情况（二）依申请公开: “全年共收到政府信息公开申请六件” says 6, but the table has 5 in 一、本年新收政府信息公开申请数量, column 总计"
        )
    );
}

#[test]
fn explain_describes_the_rule() {
    let run = SiteTest::empty().run(&["explain", "report.narrative"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "report.narrative: 文字里的数字和表格对不上\n\
             严重程度：警告\n\
             \n\
             总体情况等文字部分常引用表格里的数字，如「共收到政府信息公开申请26件」「予以公开9件」「行政复议1起」。构建和检查时，能明确对应到某个单元格（或格式规定的合计）的数字都会和表格比对：本年新收、上年结转、办结（（七）总计）、结转下年度、各类办理结果、行政复议、行政诉讼，以及第二十条第（一）项规章、规范性文件的件数和第（五）、（六）项的处理决定数量。数字可以写阿拉伯数字（包括全角）或汉字（一、两、十二）。只说一部分的（其中网上申请、自然人申请）、说别的年份的、说增减或约数的句子不比对。不一致时给出警告，指出数字在文件中的行和列以及对应的单元格。\n\
             \n\
             改法：核对文字里的数字和表格中对应的单元格，改正写错的一处\n",
            ""
        )
    );
}

#[test]
fn a_total_its_own_brackets_split_into_new_and_carried_in_is_their_sum() {
    // 全年共收到政府信息公开申请5件（其中本年新收4件，上年结转1件）: the
    // table has 新收 4 and 上年结转 1, and the sentence says 5 is the two.
    let site = SiteTest::case("report", "narrative-split-total");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    assert_eq!(narrative_findings(&site), []);
}

#[test]
fn no_review_or_litigation_in_words_is_a_zero_for_each_kind_named() {
    // The table has 行政诉讼 总计 1 (行政复议 0); each sentence says there
    // was none, naming 行政诉讼 alone or after 行政复议.
    let site = SiteTest::case("report", "narrative-none");
    let run = site.build(&[]);
    let cell = "但表格中行政诉讼 未经复议直接起诉、行政诉讼 复议后起诉各行「总计」栏之和是 1";
    assert_eq!(
        run.stderr,
        format!(
            "content/ndbg/2021.yaml:7:19: 警告: 一、总体情况：「全年未发生政府信息公开行政复议、行政诉讼案件」写的是 0，{cell}\n\
             content/ndbg/2021.yaml:66:15: 警告: 五、存在的主要问题及改进情况：「没有因政府信息公开被提起行政诉讼」写的是 0，{cell}\n\
             content/ndbg/2021.yaml:69:15: 警告: 六、其他需要报告的事项：「无政府信息公开行政复议、行政诉讼情况」写的是 0，{cell}\n"
        )
    );
}
