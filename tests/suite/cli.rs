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
            "duplicate-url: two files publish to the same address\n\
             severity: error\n\
             \n\
             Each page of the site has one address, made from its column and its file name or `slug:`. Two files with the same address would overwrite each other.\n\
             \n\
             fix: give one of them another file name or a different `slug:`\n",
            ""
        )
    );
}

#[test]
fn explain_unknown_code_suggests_the_nearest() {
    let run = SiteTest::empty().run(&["explain", "freshness.colum"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "error: there is no code `freshness.colum` (did you mean `freshness.column`?); `gongkai explain` lists them all\n"
        )
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
