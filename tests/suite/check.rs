//! `gongkai check` on fixture sites (`tests/fixtures/check/<case>/`, each
//! the clean `base` site with the case's changes): each case trips one
//! rule, `base` trips none. Every run uses a fixed `--as-of`, parses the
//! JSON output and asserts on it and the exit code. See: issue 5.

use crate::support::site::{Run, SiteTest};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

const AS_OF: &str = "2024-06-30";

/// One finding reduced to what identifies it: (code, severity, file, line, column).
type Key = (String, String, Option<String>, Option<u64>, Option<String>);

/// Runs `check --as-of AS_OF --format json <extra…>` on `check/<case>`.
fn check_fixture(case: &str, extra: &[&str]) -> (SiteTest, Run) {
    let site = SiteTest::case("check", case);
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    (site, run)
}

fn parse(run: &Run) -> Vec<Value> {
    match serde_json::from_str::<Value>(&run.stdout) {
        Ok(Value::Array(v)) => v,
        other => panic!(
            "stdout is not a JSON array: {other:?}\nstdout: {}\nstderr: {}",
            run.stdout, run.stderr
        ),
    }
}

fn key(f: &Value) -> Key {
    let s = |k: &str| f[k].as_str().map(str::to_string);
    (
        s("code").unwrap_or_default(),
        s("severity").unwrap_or_default(),
        s("file"),
        f["line"].as_u64(),
        s("column"),
    )
}

fn k(rule: &str, sev: &str, file: Option<&str>, line: Option<u64>, column: Option<&str>) -> Key {
    (
        rule.into(),
        sev.into(),
        file.map(Into::into),
        line,
        column.map(Into::into),
    )
}

/// Runs a case and returns its findings' keys, asserting the exit code.
fn keys(case: &str, code: i32) -> Vec<Key> {
    let (site, run) = check_fixture(case, &[]);
    assert_eq!(
        run.code, code,
        "exit code of {case}\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(
        !site.root.join("public").exists(),
        "check must not write output"
    );
    parse(&run).iter().map(key).collect()
}

#[test]
fn clean_site_has_no_findings() {
    let (site, run) = check_fixture("base", &[]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "[]\n", "")
    );
    let text = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!(text.code, 0);
    assert_eq!(
        text.stdout,
        "按 2024-06-30 检查：单项否决 0 处，扣分 0 处，提示 0 处\n"
    );
}

#[test]
fn home_page_not_updated_for_two_weeks_fails() {
    let (_, run) = check_fixture("freshness-home", &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        parse(&run),
        vec![serde_json::json!({
            "code": "freshness.home",
            "severity": "单项否决",
            "message": "首页不更新：最新一条信息是 2024-06-10 的，到 2024-06-30 已经 20 天；超过 14 天即检查不合格",
            "file": "content/gzdt/meeting.md",
            "line": null,
            "col": null,
            "column": null,
            "fix": "在任意一个列表栏目（如工作动态、通知公告）发布一条新信息"
        })]
    );
}

#[test]
fn stale_news_column_costs_points() {
    let (site, run) = check_fixture("freshness-column", &[]);
    assert_eq!(run.code, 0);
    assert_eq!(
        parse(&run).iter().map(key).collect::<Vec<_>>(),
        [k(
            "freshness.column",
            "扣分",
            Some("site.yaml"),
            Some(14),
            Some("gzdt")
        )]
    );
    let text = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!(
        text.stdout,
        "扣分（1 处）\n  site.yaml:14:1: [freshness.column] 栏目「工作动态」不更新：最新一条是 2024-06-01 的，到 2024-06-30 已经 29 天；更新周期 update_within 是 2w（按栏目名称的默认值）\n      改法：在这个栏目发布新信息，或者把 update_within 改成它实际的更新周期\n\n按 2024-06-30 检查：单项否决 0 处，扣分 1 处，提示 0 处\n"
    );
}

#[test]
fn five_stale_news_columns_fail() {
    let mut expected: Vec<Key> = vec![k(
        "freshness.key-columns",
        "单项否决",
        Some("site.yaml"),
        None,
        None,
    )];
    for (i, line) in (15..=19).enumerate() {
        expected.push(k(
            "freshness.column",
            "扣分",
            Some("site.yaml"),
            Some(line),
            Some(&format!("dt{}", i + 1)),
        ));
    }
    assert_eq!(keys("freshness-key-columns", 1), expected);
}

#[test]
fn ten_stale_columns_of_any_kind_fail() {
    let mut expected: Vec<Key> = vec![k(
        "freshness.columns",
        "单项否决",
        Some("site.yaml"),
        None,
        None,
    )];
    for (i, line) in (16..=25).enumerate() {
        expected.push(k(
            "freshness.column",
            "扣分",
            Some("site.yaml"),
            Some(line),
            Some(&format!("rs{}", i + 1)),
        ));
    }
    assert_eq!(keys("freshness-columns", 1), expected);
}

#[test]
fn empty_column_costs_points() {
    assert_eq!(
        keys("empty-column", 0),
        [k(
            "empty.column",
            "扣分",
            Some("site.yaml"),
            Some(16),
            Some("rsxx")
        )]
    );
}

#[test]
fn five_empty_columns_fail() {
    let mut expected: Vec<Key> = vec![k(
        "empty.columns",
        "单项否决",
        Some("site.yaml"),
        None,
        None,
    )];
    for (line, slug) in [
        (16, "rs1"),
        (17, "rs2"),
        (18, "rs3"),
        (19, "gkzn"),
        (20, "gkzd"),
    ] {
        expected.push(k(
            "empty.column",
            "扣分",
            Some("site.yaml"),
            Some(line),
            Some(slug),
        ));
    }
    // The build's own warning about the page column's empty _index.md is
    // listed with the inspection's findings.
    expected.push(k(
        "unpublished",
        "warning",
        Some("content/gkzn/_index.md"),
        None,
        Some("gkzn"),
    ));
    assert_eq!(keys("empty-columns", 1), expected);
}

#[test]
fn missing_annual_report_after_the_deadline() {
    assert_eq!(
        keys("report-missing", 0),
        [k(
            "report.missing",
            "扣分",
            Some("content/ndbg"),
            None,
            Some("ndbg")
        )]
    );
    // Before the 01-31 deadline, the 2022 report is the one due, and it is there.
    let site = SiteTest::case("check", "report-missing");
    let run = site.run(&["check", "--as-of", "2024-01-31", "--format", "json"]);
    let rules: Vec<String> = parse(&run).iter().map(|f| key(f).0).collect();
    assert!(!rules.contains(&"report.missing".to_string()), "{rules:?}");
}

/// The fix `gongkai explain CODE` prints for `code`.
fn gongkai_fix(code: &str) -> String {
    let run = SiteTest::empty().run(&["explain", code]);
    let fix = run.stdout.lines().find_map(|l| l.strip_prefix("改法："));
    fix.unwrap_or_else(|| panic!("no fix for {code}: {}", run.stdout))
        .to_string()
}

#[test]
fn report_arithmetic_error_is_a_finding_with_its_labels() {
    let (_, run) = check_fixture("report-data", &[]);
    assert_eq!(run.code, 1, "a report that does not add up fails the build");
    let findings = parse(&run);
    assert_eq!(
        findings.iter().map(key).collect::<Vec<_>>(),
        [k(
            "report.rule-d",
            "error",
            Some("content/ndbg/2023.yaml"),
            Some(71),
            Some("ndbg")
        )]
    );
    assert_eq!(
        findings[0]["message"],
        "行政诉讼 未经复议直接起诉：「总计」栏填的是 2，但 结果维持至尚未审结 合计是 1"
    );
    // The rule's own fix, not a generic one (issue 9).
    assert_eq!(findings[0]["fix"], gongkai_fix("report.rule-d"));
    assert!(
        !run.stderr.contains("2023.yaml"),
        "printed once, as a finding: {}",
        run.stderr
    );
}

#[test]
fn footer_identifiers() {
    assert_eq!(
        keys("footer-site-code", 0),
        [k("footer.site-code", "扣分", Some("site.yaml"), None, None)]
    );
    assert_eq!(
        keys("footer-icp", 0),
        [k("footer.icp", "扣分", Some("site.yaml"), None, None)]
    );
    assert_eq!(
        keys("footer-police", 0),
        [k("footer.police", "扣分", Some("site.yaml"), None, None)]
    );
}

#[test]
fn required_metadata() {
    assert_eq!(
        keys("metadata-missing", 0),
        [k(
            "metadata.missing",
            "扣分",
            Some("content/tzgg/notice.md"),
            Some(1),
            Some("tzgg")
        )]
    );
    assert_eq!(
        keys("metadata-unknown-key", 0),
        [k(
            "metadata.unknown-key",
            "提示",
            Some("site.yaml"),
            Some(13),
            Some("tzgg")
        )]
    );
}

#[test]
fn broken_link_in_a_template() {
    let (_, run) = check_fixture("links-broken", &[]);
    let f = parse(&run);
    assert_eq!(
        f.iter().map(key).collect::<Vec<_>>(),
        [k("links.broken", "扣分", None, None, None)]
    );
    assert_eq!(
        f[0]["message"],
        "链接到的页面不存在：「/xxgk/wzdt.html」，在 404.html"
    );
}

#[test]
fn missing_anchor_points_at_the_markdown_line() {
    let (_, run) = check_fixture("links-anchor", &[]);
    let f = parse(&run);
    assert_eq!(
        f.iter().map(key).collect::<Vec<_>>(),
        [k(
            "links.anchor",
            "扣分",
            Some("content/tzgg/notice.md"),
            Some(8),
            Some("tzgg")
        )]
    );
    assert_eq!(
        f[0]["message"],
        "页内位置不存在：「#具体安排」，在 tzgg/notice.html"
    );
}

#[test]
fn http_government_link_is_a_notice() {
    assert_eq!(
        keys("links-http-gov", 0),
        [k(
            "links.http-gov",
            "提示",
            Some("content/gzdt/meeting.md"),
            Some(8),
            Some("gzdt")
        )]
    );
}

#[test]
fn external_links_are_listed_not_fetched() {
    assert_eq!(
        keys("links-external-unchecked", 0),
        // At the link in the Markdown, in its column.
        [k(
            "links.external-unchecked",
            "提示",
            Some("content/gzdt/meeting.md"),
            Some(8),
            Some("gzdt")
        )]
    );
}

/// A build error is a finding of the JSON like any other, with its code,
/// file, line and fix, and no link rule runs on a site that cannot be built.
/// See: issue 9.
#[test]
fn missing_attachment_fails_the_build_before_any_link_check() {
    let (_, run) = check_fixture("attachment-missing", &[]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    let findings = parse(&run);
    let attachment = findings.iter().find(|f| f["code"] == "attachment");
    assert_eq!(
        attachment,
        Some(&serde_json::json!({
            "code": "attachment",
            "severity": "error",
            "message": "找不到附件「检查表.pdf」",
            "file": "content/tzgg/notice.md",
            "line": 7,
            "col": 1,
            "column": "tzgg",
            "fix": "请把文件放到 content/tzgg/检查表.pdf，文件名要和 attachments: 里写的完全一样"
        }))
    );
    let rules: Vec<String> = findings.iter().map(|f| key(f).0).collect();
    assert!(rules.iter().all(|r| !r.starts_with("links.")), "{rules:?}");
}

#[test]
fn bad_as_of_is_a_usage_error() {
    let site = SiteTest::case("check", "base");
    let run = site.run(&["check", "--as-of", "2024-13-01"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "错误：--as-of <YYYY-MM-DD> 的值「2024-13-01」不对：「2024-13-01」不是日期，请写成 2024-06-30、2024-6-30 或 2024年6月30日\n  用 gongkai --help 查看用法\n"
    );
}

/// `--as-of` takes a day in the forms staff write dates in elsewhere
/// (`date:`, `published:`), not only YYYY-MM-DD.
#[test]
fn as_of_reads_dates_as_staff_write_them() {
    let site = SiteTest::case("check", "base");
    let canonical = site.run(&["check", "--as-of", "2024-06-30", "--format", "json"]);
    for written in ["2024-6-30", "2024年6月30日", "２０２４－０６－３０"] {
        let run = site.run(&["check", "--as-of", written, "--format", "json"]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (canonical.code, canonical.stdout.as_str()),
            "{written}: {}",
            run.stderr
        );
    }
}

/// Serves `/ok` with 200 and anything else with 404 on a loopback port.
fn loopback_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            while let Ok(n) = reader.read_line(&mut String::new()) {
                if n <= 2 {
                    break;
                }
            }
            let status = if line.contains(" /ok ") {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let mut s = &stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    port
}

#[test]
fn external_flag_fetches_links_on_loopback_only() {
    // The fixture names port 1; the test points it at its own server.
    let port = loopback_server();
    let site = SiteTest::case("check", "links-external");
    let page = site.root.join("content/gzdt/meeting.md");
    let text = std::fs::read_to_string(&page)
        .expect("read fixture")
        .replace("127.0.0.1:1/", &format!("127.0.0.1:{port}/"));
    site.write("content/gzdt/meeting.md", text);
    let mut cmd = site.command(&["check", "--as-of", AS_OF, "--format", "json", "--external"]);
    cmd.env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .env("NO_PROXY", "127.0.0.1");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let f = parse(&run);
    assert_eq!(
        f.iter().map(key).collect::<Vec<_>>(),
        [k(
            "links.external",
            "扣分",
            Some("content/gzdt/meeting.md"),
            Some(8),
            Some("gzdt")
        )]
    );
    assert_eq!(
        f[0]["message"],
        format!(
            "站外链接 http://127.0.0.1:{port}/missing（在 gzdt/meeting.html）打不开：网站回答 HTTP 状态码 404（打不开）"
        )
    );
}

/// Sample content of `gongkai init` and placeholder contact data are
/// findings at their line; real text beside them (XX世纪, XXL, a real
/// fax number) is not. See: issue 11.
#[test]
fn sample_content_and_placeholder_contact_data_are_findings() {
    let site = SiteTest::case("check", "placeholders");
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "扣分（4 处）\n\
         \x20 content/jggk/_index.md:6:1: [placeholder.sample] 示例内容还没有替换：这是 gongkai init 写的示例\n\
         \x20     改法：把示例文字改成本单位的内容，并删掉以「【示例内容】」开头的那一行\n\
         \x20 content/jggk/_index.md:10:6: [placeholder.contact] 「0000-00000000」是示例电话号码，还没有改成本单位的真实号码\n\
         \x20     改法：改成真实的电话号码、电子邮箱或名称\n\
         \x20 site.yaml:3:15: [placeholder.contact] 「XX」是占位文字，还没有改成真实的名称\n\
         \x20     改法：改成真实的名称（公示名单里有意隐去的姓名不用改：单独一个姓后面写 XX，如“王XX”，不会算作占位文字）\n\
         \x20 site.yaml:7:10: [placeholder.contact] 「xxgk@example.gov.cn」是示例地址（example 开头的域名只用来举例），还没有改成真实的\n\
         \x20     改法：改成真实的电话号码、电子邮箱或名称\n\
         \n\
         按 2024-06-30 检查：单项否决 0 处，扣分 4 处，提示 0 处\n"
    );
}

/// `GONGKAI_LANG=en` gives the text report in English. See: issue 11.
#[test]
fn the_text_report_in_english() {
    let site = SiteTest::case("check", "freshness-column");
    let mut cmd = site.command(&["check", "--as-of", AS_OF]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "扣分 (1)\n  site.yaml:14:1: [freshness.column] column 「工作动态」 is not updated (栏目不更新): its newest entry is of 2024-06-01, 29 days before 2024-06-30; `update_within` is 2w (the default for its title)\n      fix: publish a new item in this column, or set `update_within` to the period it really has\n\nchecked as of 2024-06-30: 0 单项否决, 1 扣分, 0 提示\n"
    );
}

/// A page the last build published that is gone now is a 提示, until an
/// alias redirects from it. See: issue 11.
#[test]
fn a_published_page_that_vanished_is_a_notice_until_an_alias_keeps_it() {
    let site = SiteTest::case("check", "base");
    site.build(&[]);
    let notice =
        std::fs::read_to_string(site.root.join("content/gzdt/meeting.md")).expect("read the item");
    site.remove("content/gzdt/meeting.md");
    site.write("content/gzdt/meeting-2024.md", &notice);
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "提示（1 处）\n\
         \x20 [links.gone] 上次生成时发布的页面 /gzdt/meeting.html 现在没有了，也没有从它跳转到新地址的页面\n\
         \x20     改法：在新页面文件开头写 aliases:，列出旧地址（栏目改名则在 site.yaml 的栏目里写 old_slugs:），或者把页面恢复\n\
         \n\
         按 2024-06-30 检查：单项否决 0 处，扣分 0 处，提示 1 处\n"
    );
    let with_alias = notice.replacen("---\n", "---\naliases: [/gzdt/meeting.html]\n", 1);
    site.write("content/gzdt/meeting-2024.md", with_alias);
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert_eq!(
        run.stdout,
        "按 2024-06-30 检查：单项否决 0 处，扣分 0 处，提示 0 处\n"
    );
}

/// `content/ndbg/2023.yaml` of the fixtures, published on `date` instead.
fn report_published_on(site: &SiteTest, date: &str) {
    let text = site.read_source("content/ndbg/2023.yaml");
    site.write(
        "content/ndbg/2023.yaml",
        text.replace("published: 2024-01-20", &format!("published: {date}")),
    );
}

#[test]
fn a_report_dated_after_the_day_checked_does_not_hide_a_stale_home_page() {
    // Dated after 2024-06-30 and before today: not there on the day checked.
    let (site, _) = check_fixture("freshness-home", &[]);
    report_published_on(&site, "2025-01-20");
    let run = site.run(&["check", "--as-of", AS_OF, "--format", "json"]);
    let found: Vec<(String, String)> = parse(&run)
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").into(),
                f["severity"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(
        found.contains(&("freshness.home".into(), "单项否决".into())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c == "report.published"),
        "{found:?}"
    );
}

#[test]
fn a_report_not_yet_out_on_the_day_checked_is_not_an_error() {
    // Published 2024-01-20, checked as of 2024-01-15: not out yet, not due
    // until 01-31: a notice. As of 2024-02-10 it is missing that day.
    let site = SiteTest::case("check", "base");
    let run = site.run(&["check", "--as-of", "2024-01-15", "--format", "json"]);
    let f = parse(&run);
    let report: Vec<&Value> = f
        .iter()
        .filter(|f| f["file"] == "content/ndbg/2023.yaml")
        .collect();
    assert_eq!(report.len(), 1, "{f:?}");
    assert_eq!(
        (report[0]["code"].as_str(), report[0]["severity"].as_str()),
        (Some("future"), Some("提示"))
    );
    assert_eq!(
        report[0]["message"],
        "2023 年度报告的公开日期是 2024-01-20，按 2024-01-15 检查时还没有公开，不算在内"
    );
    report_published_on(&site, "2024-03-01");
    let run = site.run(&["check", "--as-of", "2024-02-10", "--format", "json"]);
    let f = parse(&run);
    let report: Vec<(&str, &str)> = f
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("report.")))
        .map(|f| {
            (
                f["code"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(report, [("report.missing", "扣分")], "{f:?}");
}

#[test]
fn the_key_columns_veto_counts_by_the_national_periods() {
    // A longer update_within does not lift the veto ...
    let site = SiteTest::case("check", "freshness-key-columns");
    let text = site.read_source("site.yaml");
    let longer = text.replace("kind: list }", "kind: list, update_within: 1y }");
    site.write("site.yaml", &longer);
    let codes = |site: &SiteTest| -> Vec<String> {
        let run = site.run(&["check", "--as-of", AS_OF, "--format", "json"]);
        parse(&run)
            .iter()
            .map(|f| f["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(codes(&site), ["freshness.key-columns"]);
    // ... and a shorter one does not bring it: 通知公告 columns have 6
    // months, their items here are 2 months old.
    let notices = text
        .replace("工作动态", "通知公告")
        .replace("kind: list }", "kind: list, update_within: 14d }");
    site.write("site.yaml", &notices);
    let found = codes(&site);
    assert!(
        !found.iter().any(|c| c == "freshness.key-columns"),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|c| *c == "freshness.column").count(),
        5,
        "{found:?}"
    );
}

#[test]
fn yearly_columns_named_with_work_are_no_news_and_check_as_decides_a_kind() {
    // Five stale lists titled as yearly columns with 工作 in them: no veto,
    // where every title with 工作 in it used to count as 动态.
    let site = SiteTest::case("check", "freshness-key-columns");
    let text = site.read_source("site.yaml");
    let yearly = [
        "政府工作报告",
        "工作总结",
        "年度工作计划",
        "工作机构",
        "部门工作报告",
    ];
    let mut renamed = text.clone();
    for (n, title) in yearly.iter().enumerate() {
        let old = [
            "工作动态一",
            "工作动态二",
            "工作动态三",
            "工作动态四",
            "工作动态五",
        ][n];
        renamed = renamed.replace(old, title);
    }
    site.write("site.yaml", &renamed);
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert!(
        !run.stdout.contains("freshness.key-columns"),
        "{}",
        run.stdout
    );
    // Said to be 动态 in site.yaml, they are, and the finding says why.
    site.write(
        "site.yaml",
        renamed.replace("kind: list }", "kind: list, check_as: 动态 }"),
    );
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert!(
        run.stdout.contains(
            "：政府工作报告（site.yaml 写明是动态类）、工作总结（site.yaml 写明是动态类）"
        ),
        "{}",
        run.stdout
    );
    // A 动态 column by its title says so, and how to say otherwise.
    site.write("site.yaml", &text);
    let run = site.run(&["check", "--as-of", AS_OF]);
    assert!(
        run.stdout.contains("工作动态一（按栏目名称算作动态类）"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("写 check_as: 其他"), "{}", run.stdout);
    // A kind gongkai does not know is an error at its line.
    site.write(
        "site.yaml",
        text.replacen("kind: list }", "kind: list, check_as: 年报 }", 1),
    );
    let bad = site.run(&["check", "--as-of", AS_OF]);
    assert!(
        bad.stderr
            .contains("的 check_as: 写的「年报」不是能用的栏目类别")
            || bad
                .stdout
                .contains("的 check_as: 写的「年报」不是能用的栏目类别"),
        "{}{}",
        bad.stdout,
        bad.stderr
    );
}

#[test]
fn names_masked_in_a_public_list_are_not_placeholders() {
    let site = SiteTest::case("check", "base");
    site.write(
        "content/tzgg/dibao.md",
        "---\ntitle: 关于新增最低生活保障对象的公示\ndate: 2024-06-28\nindex_no: 000000000/2024-00031\npublisher: 测试街道办事处\n---\n\n东街社区：王XX（户主），家庭人口3人；西街社区：李××（户主）。\n\n请与XX社区联系。\n",
    );
    let run = site.run(&["check", "--as-of", AS_OF, "--format", "json"]);
    let found: Vec<(String, u64)> = parse(&run)
        .iter()
        .filter(|f| f["code"] == "placeholder.contact")
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // The masked names stay; the XX standing for a community's name is one.
    assert_eq!(found, [("content/tzgg/dibao.md".to_string(), 10)]);
}

#[test]
fn links_are_found_at_their_place_and_headings_by_their_text() {
    let site = SiteTest::case("check", "base");
    site.write(
        "content/tzgg/note.md",
        "---\ntitle: 补充说明\ndate: 2024-06-22\nindex_no: 000000000/2024-00032\npublisher: 测试街道办事处\n---\n\n见原通知的[检查安排](notice.md#检查安排。)和[安排](notice.md#检察安排)，\n或 [政府网](http://www.gov.cn/) 和 [XX区](https://www.example.gov.cn/a)。\n",
    );
    let run = site.run(&["check", "--as-of", AS_OF, "--format", "json"]);
    let found: Vec<(String, String, u64, u64, String)> = parse(&run)
        .iter()
        .filter(|f| f["file"] == "content/tzgg/note.md")
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["column"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["col"].as_u64().unwrap_or(0),
                f["fix"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut codes: Vec<(&str, &str, u64, u64)> = found
        .iter()
        .map(|(c, s, l, col, _)| (c.as_str(), s.as_str(), *l, *col))
        .collect();
    codes.sort();
    // The heading typed as it reads (with its mark) is found; a misspelt
    // one is said where it is written, with the id the page has; the
    // http:// government address where it is written; the placeholders
    // (XX, example.gov.cn) in their column.
    assert_eq!(
        codes,
        [
            ("links.anchor", "tzgg", 8, 44),
            ("links.http-gov", "tzgg", 9, 9),
            ("placeholder.contact", "tzgg", 9, 32),
            ("placeholder.contact", "tzgg", 9, 37),
        ],
        "{found:?}"
    );
    assert!(
        found[0].4.contains("那个页面上有「#检查安排」"),
        "{found:?}"
    );
}
