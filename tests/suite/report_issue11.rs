//! Issue 11, the annual-report parts: messages in Chinese with the official
//! labels, the cause of follow-on sum errors listed first, hints that never
//! suggest the opposite outcome, full-width commas, year and date checks, old
//! labels, `check`'s findings about reports, and `new report` finding its
//! site and reports column. Each case has its own fixture under
//! tests/fixtures/report/, and every message is asserted exactly.
//! See: issue 11.

use crate::support::site::{SiteTest, TAIL, texts};
use scraper::{Html, Selector};
use serde_json::Value;

/// Builds `report/<case>`, expecting exit 1, nothing written, and exactly
/// `expected` (then the summary lines) on stderr.
fn fails_with(case: &str, expected: &str, errors: usize) {
    let site = SiteTest::case("report", case);
    let run = site.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "{expected}错误：共 {errors} 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}"
        )
    );
    assert!(!site.root.join("public").exists(), "{case}: output written");
}

/// The cells of the part 三 row labelled `label` on a built page.
fn part3_row(doc: &Html, label: &str) -> Vec<String> {
    let tr = Selector::parse("#part-3 tr").expect("selector");
    let th = Selector::parse("th").expect("selector");
    let td = Selector::parse("td").expect("selector");
    doc.select(&tr)
        .find(|r| {
            r.select(&th)
                .any(|h| h.text().collect::<String>().trim() == label)
        })
        .map(|r| {
            r.select(&td)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_bad_cell_is_listed_first_with_the_sums_it_breaks_under_it() {
    fails_with(
        "cause-first",
        "content/ndbg/2021.yaml:27:22: 错误: 一、本年新收政府信息公开申请数量「自然人」栏：「约3」应只写数字（0 或以上的整数）\n  \
         - 由此引起: content/ndbg/2021.yaml:27: 一、本年新收政府信息公开申请数量：「总计」栏填的是 4，但 自然人至其他 合计是 1\n  \
         - 由此引起: content/ndbg/2021.yaml:56: 三、收到和处理政府信息公开申请情况「自然人」栏：一、本年新收 「约3」（按 0 计） + 二、上年结转 1 = 1，但 三（七）总计 3 + 四、结转下年度 1 = 4（第一项加第二项之和应等于第三项加第四项之和）\n",
        1,
    );
}

#[test]
fn a_bad_cell_in_english() {
    let site = SiteTest::case("report", "cause-first");
    let mut cmd = site.command(&["build"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 1);
    let first = run.stderr.lines().take(3).collect::<Vec<_>>();
    assert_eq!(
        first,
        [
            "content/ndbg/2021.yaml:27:22: error: 一、本年新收政府信息公开申请数量, column 自然人: `约3` is not a whole number, 0 or more",
            "  - follows: content/ndbg/2021.yaml:27: 一、本年新收政府信息公开申请数量, column 总计: 4, but 自然人 … 其他 add up to 1",
            "  - follows: content/ndbg/2021.yaml:56: 三、收到和处理政府信息公开申请情况, column 自然人: 一 + 二 = `约3` (counted as 0) + 1 = 1, but 三（七）总计 + 四 = 3 + 1 = 4 (第一项加第二项之和应等于第三项加第四项之和)",
        ]
    );
}

#[test]
fn agreed_to_disclose_is_not_taken_for_refused() {
    // （一）同意公开 means （一）予以公开: the hint never says （三）不予公开.
    // It stands for the missing row: one message, at the misspelling, and
    // （一）予以公开 is not listed as missing too.
    fails_with(
        "opposite-hint",
        "content/ndbg/2021.yaml:30:5: 错误: 三、本年度办理结果：表上没有「（一）同意公开」这一行，是不是「（一）予以公开」？这一行的数字已按「（一）予以公开」核对\n  = 建议: 改成「（一）予以公开」\n",
        1,
    );
}

#[test]
fn full_width_commas_separate_cells() {
    let site = SiteTest::case("report", "full-width-commas");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        part3_row(
            &site.html("ndbg/2021.html"),
            "一、本年新收政府信息公开申请数量"
        ),
        ["3", "1", "0", "0", "0", "0", "4"]
    );
}

#[test]
fn a_year_that_disagrees_with_the_file_name_is_an_error_naming_both() {
    // 2022.yaml says `year: 2021`: it must not replace the real 2021 report.
    fails_with(
        "year-mismatch",
        "content/ndbg/2022.yaml:2:1: 错误: 文件名是「2022.yaml」，但 `year:` 写的是 2021：请让二者一致（2022 年的报告用 2022.yaml），否则会顶替 2021 年的报告\n",
        1,
    );
}

#[test]
fn a_report_published_before_its_year_ended_is_an_error() {
    fails_with(
        "published-early",
        "content/ndbg/2021.yaml:4:12: 错误: 公开日期 2021-12-20 在 2021 年结束之前：年度报告要在报告年度结束后才能公开，请检查 `published:` 或 `year:`\n",
        1,
    );
}

#[test]
fn an_old_label_is_published_under_the_2021_label_with_a_warning() {
    let site = SiteTest::case("report", "old-label");
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/ndbg/2021.yaml:13:5: 警告: 第二十条第（一）项：「规范性文件」是旧版格式的名称，2021 版格式写作「行政规范性文件」，页面上按「行政规范性文件」发布\n"
    );
    let doc = site.html("ndbg/2021.html");
    let rows = texts(&doc, "#part-2 tbody th");
    assert!(rows.contains(&"行政规范性文件".to_string()), "{rows:?}");
    assert!(!rows.contains(&"规范性文件".to_string()), "{rows:?}");
}

/// `(code, message, file, line)` of each `report.*` finding of `check`.
fn report_findings(site: &SiteTest, as_of: &str) -> Vec<(String, String, String, Option<u64>)> {
    let run = site.run(&["check", "--as-of", as_of, "--format", "json"]);
    let Ok(Value::Array(all)) = serde_json::from_str::<Value>(&run.stdout) else {
        panic!("not JSON: {}\n{}", run.stdout, run.stderr);
    };
    all.iter()
        .filter(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("report.") || c == "future")
        })
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn check_lists_every_missing_year_a_late_report_template_text_and_all_zeros() {
    let site = SiteTest::case("report", "check-findings");
    let f = |code: &str, msg: &str, file: &str, line: Option<u64>| {
        (code.to_string(), msg.to_string(), file.to_string(), line)
    };
    let missing = |year: i32| {
        f(
            "report.missing",
            &format!(
                "缺少 {year} 年度政府信息公开工作年度报告：应在 {}-02-20 前公开（report_deadline 02-20）",
                year + 1
            ),
            "content/ndbg",
            None,
        )
    };
    let mut want = vec![missing(2019), missing(2020), missing(2022), missing(2023)];
    want.push(f(
        "report.late",
        "2021 年度报告在 2022-03-01 才公开，晚于截止日期 2022-02-20（report_deadline 02-20）",
        "content/ndbg/2021.yaml",
        Some(6),
    ));
    want.push(f(
        "report.template",
        "2021 年度报告里还留着模板的示例文字（括号里的提示），请换成本单位的实际情况",
        "content/ndbg/2021.yaml",
        Some(9),
    ));
    want.push(f(
        "report.zeros",
        "2021 年度报告的所有数字都是 0：是不是还没有填写？",
        "content/ndbg/2021.yaml",
        None,
    ));
    let mut got = report_findings(&site, "2024-06-30");
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn check_counts_a_report_dated_after_the_day_checked_as_not_out_yet() {
    // As of 2022-02-01 the report dated 2022-03-01 was not out, and not
    // due until 02-20: a notice, not an error (the inspector's finding).
    let site = SiteTest::case("report", "check-findings");
    let got = report_findings(&site, "2022-02-01");
    assert!(
        got.contains(&(
            "future".to_string(),
            "2021 年度报告的公开日期是 2022-03-01，按 2022-02-01 检查时还没有公开，不算在内"
                .to_string(),
            "content/ndbg/2021.yaml".to_string(),
            Some(6)
        )),
        "{got:#?}"
    );
    assert!(!got.iter().any(|f| f.0 == "report.published"), "{got:#?}");
    // As of 2022-02-25 it was due and not out: missing that day.
    let got = report_findings(&site, "2022-02-25");
    assert!(
        got.contains(&(
            "report.missing".to_string(),
            "截至 2022-02-25，2021 年度报告还没有公开（公开日期 2022-03-01），已过截止日期 2022-02-20（report_deadline 02-20）".to_string(),
            "content/ndbg/2021.yaml".to_string(),
            Some(6)
        )),
        "{got:#?}"
    );
}

#[test]
fn new_report_walks_up_to_the_site_and_writes_into_its_reports_column() {
    let site = SiteTest::case("report", "base");
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write("site.yaml", yaml.replace("slug: ndbg,", "slug: nianbao,"));
    site.write("content/nianbao/.keep", "");
    let mut cmd = site.command(&["new", "report", "2023"]);
    cmd.current_dir(site.root.join("content/nianbao"));
    let run = site.run_command(&mut cmd);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "已写入 content/nianbao/2023.yaml（2021 版格式）\n"
    );
    assert!(site.root.join("content/nianbao/2023.yaml").is_file());
    // --column still wins.
    let run = site.run(&["new", "report", "2023", "--column", "other"]);
    assert_eq!(
        run.stdout,
        "已写入 content/other/2023.yaml（2021 版格式）\n"
    );
}

#[test]
fn new_report_refuses_outside_a_site() {
    let site = SiteTest::empty();
    let run = site.run(&["new", "report", "2023"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "错误: 当前文件夹和它的上级文件夹里都没有 site.yaml，这里不是网站文件夹：请先进入网站文件夹（放 site.yaml 的那个），或用 --root 指明\n"
        )
    );
    assert!(!site.root.join("content").exists());
}

#[test]
fn a_report_carries_the_catalogue_fields_and_shows_them_like_an_item() {
    let site = SiteTest::case("report", "index-fields");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    let doc = site.html("ndbg/2021.html");
    assert_eq!(texts(&doc, ".catalog caption"), ["信息索引"]);
    assert_eq!(
        texts(&doc, ".catalog th, .catalog td"),
        [
            "索引号",
            "000000000/2022-00003",
            "主题分类",
            "年度报告",
            "发布机构",
            "测试街道党政综合办公室",
            "成文日期",
            "2022-01-18",
            "文号",
            "测街办〔2022〕3号",
            "发布日期",
            "2022-01-20",
            "名称",
            "测试街道办事处2021年政府信息公开工作年度报告",
        ]
    );
    // Without them, the block is there with the agency as 发布机构.
    let site = SiteTest::case("report", "base");
    site.build(&[]);
    let doc = site.html("ndbg/2021.html");
    assert_eq!(
        texts(&doc, ".catalog td")[2..4],
        ["测试街道办事处".to_string(), String::new()]
    );
}

/// The signed original listed under `attachments:` is published beside the
/// report page and listed on it; a missing one is a located error.
#[test]
fn the_signed_original_is_published_and_listed() {
    let site = SiteTest::case("report", "signed-original");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        std::fs::read(site.output("ndbg/2021/附件1.pdf")).ok(),
        std::fs::read(site.root.join("content/ndbg/2021.pdf")).ok()
    );
    let doc = site.html("ndbg/2021.html");
    assert_eq!(
        texts(&doc, ".attachments li"),
        ["附件1：签发稿（盖章扫描件）（PDF，41 B）"]
    );
    assert_eq!(
        crate::support::site::attrs(&doc, ".attachments a", "href"),
        ["2021/附件1.pdf"]
    );

    site.remove("content/ndbg/2021.pdf");
    let run = site.build_fails(&[]);
    assert!(
        run.stderr.starts_with("content/ndbg/2021.yaml:11:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2021.pdf"), "{}", run.stderr);
}
