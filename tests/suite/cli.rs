//! The command line itself: `gongkai explain`, and output to a pipe that
//! was closed (`gongkai check --format json | head -c 100`), which must end
//! quietly with the command's own exit code. See: issue 9.

use crate::support::site::SiteTest;
use std::process::{Command, Stdio};

#[test]
fn explain_lists_every_code_one_per_line() {
    let run = SiteTest::empty().run(&["explain"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    for wanted in [
        "yaml",
        "front-matter",
        "link",
        "report.rule-b",
        "freshness.column",
    ] {
        assert!(codes.contains(&wanted), "{wanted} in {codes:?}");
    }
    let mut sorted = codes.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), codes.len(), "each code once");
}

#[test]
fn explain_prints_one_code() {
    let run = SiteTest::empty().run(&["explain", "duplicate-url"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "duplicate-url: 两个文件要发布到同一个网址\n\
             严重程度：错误\n\
             \n\
             网站的每个页面都有自己的网址，由栏目和文件名（或 slug:）组成。两个文件网址相同，就会互相覆盖。\n\
             \n\
             改法：给其中一个换个文件名，或者写一个不同的 slug:\n",
            ""
        )
    );
}

/// Every code's text is in Chinese: no explanation is left in English.
/// See: issue 11.
#[test]
fn explain_speaks_chinese_for_every_code() {
    let list = SiteTest::empty().run(&["explain"]);
    for code in list
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
    {
        let run = SiteTest::empty().run(&["explain", code]);
        let explanation = run.stdout.lines().nth(3).unwrap_or("");
        let han = explanation
            .chars()
            .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
            .count();
        let english = [" the ", " is ", " a ", " of "]
            .iter()
            .any(|w| explanation.contains(w));
        assert!(han >= 10 && !english, "{code}: {explanation}");
    }
}

#[test]
fn explain_unknown_code_suggests_the_nearest() {
    let run = SiteTest::empty().run(&["explain", "freshness.colum"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "错误：没有「freshness.colum」这个问题代码（是不是「freshness.column」？）；gongkai explain 会列出全部代码\n"
        )
    );
}

#[test]
fn explain_finds_a_code_written_without_its_area() {
    let run = SiteTest::empty().run(&["explain", "rule-a"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：没有「rule-a」这个问题代码（是不是「report.rule-a」？）；gongkai explain 会列出全部代码\n"
        )
    );
}

#[test]
fn explain_says_every_severity_a_code_is_printed_with() {
    // The edition of another year is its own code, a warning, as printed.
    let run = SiteTest::empty().run(&["explain", "report.edition"]);
    assert!(
        run.stdout.starts_with(
            "report.edition: 报告用的格式版本不是这一年度应该用的\n严重程度：警告；照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出\n\n"
        ),
        "{}",
        run.stdout
    );
    // A rule finding is a notice in a report kept as published: said.
    let run = SiteTest::empty().run(&["explain", "report.rule-b"]);
    assert!(
        run.stdout.contains(
            "严重程度：错误；照录原件（reproduces_original: true）的报告里是提示，只在 check 和 review 里列出，表格下面注明\n"
        ),
        "{}",
        run.stdout
    );
}

/// Runs `cmd` with its stdout and stderr going into pipes whose reading
/// ends are closed at once, and returns its exit code: a panic on the
/// closed pipe would give 101.
fn run_with_closed_pipes(mut cmd: Command) -> i32 {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run gongkai");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().expect("wait for gongkai");
    // A panic ends with code 101; a signal gives no code at all.
    status.code().unwrap_or(-1)
}

#[test]
fn check_json_into_a_closed_pipe_exits_quietly_with_its_code() {
    let site = SiteTest::case("check", "empty-columns");
    let cmd = site.command(&["check", "--as-of", "2024-06-30", "--format", "json"]);
    assert_eq!(run_with_closed_pipes(cmd), 1, "1 for the 单项否决 finding");
    let cmd = site.command(&["check", "--as-of", "2024-06-30"]);
    assert_eq!(run_with_closed_pipes(cmd), 1);
}

#[test]
fn build_into_a_closed_pipe_still_builds() {
    let site = SiteTest::case("check", "empty-columns");
    assert_eq!(run_with_closed_pipes(site.command(&["build"])), 0);
    assert!(site.output("index.html").is_file());
    // A failed build still fails, and still writes nothing.
    site.write(
        "content/tzgg/broken.md",
        "---\ntitle: x\ndate: 2024-13-45\n---\n",
    );
    std::fs::remove_dir_all(site.root.join("public")).expect("remove public");
    assert_eq!(run_with_closed_pipes(site.command(&["build"])), 1);
    assert!(!site.root.join("public").exists());
}

#[test]
fn a_mistyped_command_points_at_its_own_help() {
    let run = SiteTest::empty().run(&["new", "notice"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：没有「notice」这个命令\n  \
             gongkai new 只新建年度报告（如 gongkai new report 2024）；通知、文件等是栏目文件夹（如 content/tzgg/）里的 .md 文件，复制一篇已有的改写即可\n  \
             用 gongkai new --help 查看用法\n"
        )
    );
    let run = SiteTest::empty().run(&["build", "--outptu", "x"]);
    assert!(
        run.stderr
            .ends_with("是不是想写：--output\n  用 gongkai build --help 查看用法\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn build_where_there_is_no_site_exits_2_not_as_a_content_error() {
    // CI tells a wrong checkout or --root (2) from bad content (1).
    let empty = SiteTest::empty();
    let run = empty.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("读不到网站设置文件"), "{}", run.stderr);
    let run = empty.run(&["build", "--root", "no-such-folder"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // A site.yaml with a mistake in it is content: 1.
    empty.write("site.yaml", "title: [\n");
    assert_eq!(empty.run(&["build"]).code, 1);
}
