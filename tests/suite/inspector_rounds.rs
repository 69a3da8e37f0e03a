//! What an inspector found trying the report rules and `check` against the
//! official formats: each test reproduces one finding before its fix.

use crate::support::site::SiteTest;

#[test]
fn a_report_on_the_other_years_form_is_said_by_build_too() {
    let s = SiteTest::case("report", "series");
    let text = s.read_source("content/ndbg/2020.yaml");
    s.write(
        "content/ndbg/2023.yaml",
        text.replace("year: 2020", "year: 2023")
            .replace("published: 2021-01-20", "published: 2024-01-20"),
    );
    let run = s.build(&[]);
    assert!(
        run.stderr.contains(
            "content/ndbg/2023.yaml:3:10: 警告: 2023 年度报告用的是 2019 版格式（edition: 2019），这一年度应该用 2021 版"
        ),
        "{}",
        run.stderr
    );
    // `review` says it once, from the same reading.
    let run = s.run(&["review", "content/ndbg/2023.yaml"]);
    assert_eq!(
        run.stdout.matches("这一年度应该用 2021 版").count(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn a_missing_report_costs_once_in_a_column_with_update_within() {
    let s = SiteTest::case("check", "base");
    let yaml = s.read_source("site.yaml");
    s.write(
        "site.yaml",
        yaml.replace("kind: reports }", "kind: reports, update_within: 1y }"),
    );
    // Only the 2023 report, published 2024-01-20; as of 2025-03-01 the
    // 2024 report is missing, and the newest report is over a year old.
    let run = s.run(&["check", "--as-of", "2025-03-01", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let about_reports: Vec<&str> = all
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| f["column"] == "ndbg")
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(about_reports, ["report.missing"], "{}", run.stdout);
}

#[test]
fn a_page_column_shows_its_update_date_and_without_one_counts_as_not_updated() {
    let s = SiteTest::case("check", "base");
    let page = s.read_source("content/jggk/_index.md");
    let findings = |s: &SiteTest| -> Vec<(String, String)> {
        let run = s.run(&["check", "--as-of", "2024-06-30", "--format", "json"]);
        let all: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
        all.as_array()
            .expect("array")
            .iter()
            .filter(|f| f["column"] == "jggk")
            .map(|f| {
                (
                    f["code"].as_str().unwrap_or("").to_string(),
                    f["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    // Dated within the year: fresh, and the date is on the page.
    assert_eq!(findings(&s), []);
    s.build(&[]);
    let html = s.read("jggk/index.html");
    assert!(html.contains("更新日期：2024-05-20"), "{html}");
    // Dated over a year before: stale.
    s.write(
        "content/jggk/_index.md",
        page.replace("date: 2024-05-20", "date: 2023-05-20"),
    );
    let f = findings(&s);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "freshness.column");
    // No date: counts as not updated.
    s.write(
        "content/jggk/_index.md",
        page.replace("date: 2024-05-20\n", ""),
    );
    assert_eq!(
        findings(&s),
        [(
            "freshness.column".to_string(),
            "栏目「机构概况」的页面没有更新日期，检查时算作不更新".to_string()
        )]
    );
}

#[test]
fn a_blank_total_is_not_said_to_be_a_written_0() {
    let s = SiteTest::case("check", "base");
    let text = s.read_source("content/ndbg/2023.yaml");
    s.write(
        "content/ndbg/2023.yaml",
        text.replace(
            "四、结转下年度继续办理: [1, 0, 0, 0, 0, 0, 1]",
            "四、结转下年度继续办理: [1, 0, 0, 0, 0, 0, ~]",
        ),
    );
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.contains(
            "四、结转下年度继续办理：「总计」栏空白（按 0 计算），但 自然人至其他 合计是 1"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("填的是 0"), "{}", run.stderr);
}

#[test]
fn an_increase_keeps_its_plus_sign_written_or_quoted() {
    let s = SiteTest::case("report", "series");
    let text = s.read_source("content/ndbg/2020.yaml");
    s.write(
        "content/ndbg/2020.yaml",
        text.replace("行政许可: [14, 0, 355]", "行政许可: [14, +17, 355]")
            .replace("行政处罚: [0, 0, 0]", "行政处罚: [0, \"+19\", 0]"),
    );
    s.build(&[]);
    let html = s.read("ndbg/2020.html");
    for shown in [">+17<", ">+19<"] {
        assert!(html.contains(shown), "{shown}");
    }
    assert!(
        s.read("ndbg/2020/2020-part2-2.csv")
            .contains("行政许可,14,+17,355")
    );
    assert!(
        s.read("ndbg/2020/2020-part2-3.csv")
            .contains("行政处罚,0,+19,0")
    );
}

#[test]
fn the_2021_overview_is_written_under_its_five_sub_topics() {
    // `new report` writes the five sub-headings ...
    let s = SiteTest::case("check", "base");
    assert_eq!(s.run(&["new", "report", "2024"]).code, 0);
    let text = s.read_source("content/ndbg/2024.yaml");
    for heading in [
        "（一）主动公开:",
        "（二）依申请公开:",
        "（三）政府信息管理:",
        "（四）政府信息公开平台建设:",
        "（五）监督保障:",
    ] {
        assert!(text.contains(heading), "{heading}\n{text}");
    }
    s.remove("content/ndbg/2024.yaml");
    // ... and a report written under sub-topics that leaves some out is told.
    let report = s.read_source("content/ndbg/2023.yaml");
    let start = report.find("一、总体情况:").expect("overview");
    let end = report.find("二、主动公开政府信息情况:").expect("part 2");
    let partial = format!(
        "{}一、总体情况:\n  （一）主动公开: 本年主动公开信息。\n  （三）信息管理: 加强审查。\n\n{}",
        &report[..start],
        &report[end..]
    );
    s.write("content/ndbg/2023.yaml", &partial);
    let run = s.build(&[]);
    assert!(
        run.stderr.contains(
            "警告: 2021 版格式的一、总体情况要分五个方面写，缺少：（二）依申请公开、（四）政府信息公开平台建设、（五）监督保障"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn review_gives_an_agency_its_own_deadline() {
    let s = SiteTest::fixture("review");
    let list = s.read_source("review.yaml");
    s.write(
        "review.yaml",
        format!("{list}deadlines:\n  大街街道办事处: \"03-31\"\n  卫生健康委员会: \"03-31\"\n"),
    );
    let run = s.run(&[
        "review",
        "agencies",
        "--year",
        "2023",
        "--as-of",
        "2024-03-10",
    ]);
    // Published 2024-03-05, due by 03-31: not late.
    assert!(!run.stdout.contains("report.late"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "卫生健康委员会 没有 2023 年度报告：应在 2024-03-31 前公开（report_deadline 03-31）"
        ),
        "{}",
        run.stdout
    );
    // A mistake in review.yaml is said in review's words, not a build's.
    s.write(
        "review.yaml",
        format!("{list}deadlines:\n  大街街道办事处: 3月31日\n"),
    );
    let run = s.run(&["review", "agencies", "--year", "2023"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("review.yaml:"), "{}", run.stderr);
    assert!(!run.stderr.contains("没有生成网站"), "{}", run.stderr);
    // A name not on the list is said, with the nearest listed one.
    s.write(
        "review.yaml",
        format!("{list}deadlines:\n  卫生健康委: \"03-31\"\n"),
    );
    let run = s.run(&["review", "agencies", "--year", "2023"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("deadlines 里写的「卫生健康委」不在 agencies 的名单里")
            && run.stderr.contains("是不是「卫生健康委员会」？"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_static_file_is_said_as_a_file_and_the_home_page_apart() {
    let s = SiteTest::case("check", "base");
    s.remove("static/conac.png");
    let run = s.run(&["check", "--as-of", "2024-06-30"]);
    assert!(
        run.stdout.contains(
            "site.yaml: [links.broken] 用到的文件不存在：「/xxgk/static/conac.png」，在 首页\n      改法：网站里没有 static/conac.png 这个文件"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("用到的文件不存在：「/xxgk/static/conac.png」，在 404.html 和另外"),
        "{}",
        run.stdout
    );
}

#[test]
fn sample_or_malformed_record_numbers_and_site_codes_are_findings() {
    let s = SiteTest::case("check", "base");
    let yaml = s.read_source("site.yaml");
    s.write(
        "site.yaml",
        yaml.replace("3213220037", "0000000001")
            .replace("测ICP备12345678号", "随便写")
            .replace("测公网安备32132202000123号", "测公网安备00000000000000号"),
    );
    let run = s.run(&["check", "--as-of", "2024-06-30"]);
    for said in [
        "[footer.site-code] 网站标识码「0000000001」的前 6 位「000000」不是行政区划代码",
        "[footer.icp] 「随便写」不像ICP备案编号（如 京ICP备12345678号）",
        "[footer.police] 「测公网安备00000000000000号」是示例号码，还没有换成本网站的备案号",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
}

#[test]
fn reports_and_pages_are_no_news_columns_whatever_their_titles() {
    // Four stale 动态 lists, and a reports column titled with 工作 and a
    // page titled 工作职责, both stale by their own periods: no veto.
    let s = SiteTest::case("check", "freshness-key-columns");
    let yaml = s.read_source("site.yaml");
    s.write(
        "site.yaml",
        yaml.replace("  - { slug: dt5, title: 工作动态五, kind: list }\n", "")
            .replace(
                "title: 政府信息公开年度报告, kind: reports }",
                "title: 政府信息公开工作年度报告, kind: reports, update_within: 1y }",
            )
            .replace(
                "title: 机构概况, kind: page }",
                "title: 工作职责, kind: page }",
            ),
    );
    s.remove("content/dt5/meeting.md");
    let page = s.read_source("content/jggk/_index.md");
    s.write(
        "content/jggk/_index.md",
        page.replace("date: 2024-05-20", "date: 2024-06-01"),
    );
    let run = s.run(&["check", "--as-of", "2024-12-01", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let codes: Vec<&str> = all
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.contains(&"freshness.key-columns"), "{}", run.stdout);
    // The page is held to a year, not a 动态's two weeks.
    let page_findings: Vec<&serde_json::Value> = all
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| f["column"] == "jggk")
        .collect();
    assert!(page_findings.is_empty(), "{page_findings:?}");
}

#[test]
fn a_bad_page_date_keeps_the_page() {
    let s = SiteTest::case("check", "base");
    let page = s.read_source("content/jggk/_index.md");
    s.write(
        "content/jggk/_index.md",
        page.replace("date: 2024-05-20", "date: 2024-12-32"),
    );
    let run = s.run(&["check", "--as-of", "2024-06-30", "--format", "json"]);
    assert!(!run.stdout.contains("empty.column"), "{}", run.stdout);
    assert!(
        run.stdout.contains("content/jggk/_index.md"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_column_left_blank_all_the_way_down_is_one_warning() {
    let s = SiteTest::case("report", "base");
    let text = s.read_source("content/ndbg/2021.yaml");
    // The 总计 column of table 三 left blank on every row, as staff do who
    // take it for one gongkai fills in (it computes only the （七）总计 row).
    let blanked: String = text
        .lines()
        .map(|l| {
            if l.matches(',').count() == 6 && l.ends_with(']') && !l.contains("（七）总计") {
                let cut = l.rfind(", ").expect("a last cell");
                format!("{}, ~]\n", &l[..cut])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    s.write("content/ndbg/2021.yaml", blanked);
    let run = s.build_fails(&[]);
    // Rows whose blank breaks a sum keep their own error, with the sum
    // under it; the rows where a blank 总计 does no harm are said once.
    assert_eq!(
        run.stderr.matches("「总计」栏空白（共 1 格）").count(),
        5,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/ndbg/2021.yaml:31:5: 警告: 「总计」栏有 19 行空白（第 31、33–40、43–44、46–50、52–54 行），页面上显示为空，按 0 计算\n  = 建议: 原件是 0 的请写 0"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("行空白").count(), 1, "{}", run.stderr);
    // Two rows alike are still said one by one.
    let two = text
        .replace(
            "2.重复申请: [0, 0, 0, 0, 0, 0, 0]",
            "2.重复申请: [0, 0, 0, 0, 0, 0, ~]",
        )
        .replace(
            "3.其他: [0, 0, 0, 0, 0, 0, 0]",
            "3.其他: [0, 0, 0, 0, 0, 0, ~]",
        );
    s.write("content/ndbg/2021.yaml", two);
    let run = s.build(&[]);
    assert_eq!(
        run.stderr.matches("「总计」栏空白（共 1 格）").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("行空白"), "{}", run.stderr);
}
