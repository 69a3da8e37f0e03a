//! Accessibility and validity of the output (issue 5): the example portal
//! and every `check` fixture that builds pass the Nu HTML checker with zero
//! errors and axe-core with zero WCAG 2.1 A/AA violations.

use crate::support::site::SiteTest;
use crate::support::{fixture, tools};

/// Fixtures whose build fails on purpose, so they have no pages.
const NOT_BUILT: &[&str] = &["attachment-missing", "report-data"];

/// An output folder as the `--output` argument.
fn arg(out: &std::path::Path) -> &str {
    out.to_str().expect("utf-8 path")
}

#[test]
fn example_portal_is_valid_and_accessible() {
    let tmp = SiteTest::empty();
    let out = tmp.root.join("public");
    // Minified, exactly as published.
    tmp.build(&["--root", env!("CARGO_MANIFEST_DIR"), "--output", arg(&out)]);
    if let Some(errors) = tools::vnu_errors(&out) {
        assert_eq!(errors, Vec::<String>::new());
    }
    // site.yaml's base_url is https://www.jiangchuan.example.gov.cn/xxgk/djjd/.
    if let Some(violations) = tools::axe_violations_under(&out, "/xxgk/djjd/") {
        assert_eq!(violations, Vec::<String>::new());
    }
}

#[test]
fn check_fixtures_are_valid_and_accessible() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let mut cases: Vec<String> = std::fs::read_dir(fixture::path("check"))
        .expect("read fixtures")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| !NOT_BUILT.contains(&n.as_str()))
        .collect();
    cases.sort();
    // One folder per case under one server root, each built for its own
    // sub-path, so each checker starts once for all of them.
    for case in &cases {
        let base = format!("/xxgk/{case}/");
        // Unminified, so a finding's line number is readable.
        SiteTest::case("check", case).build(&[
            "--output",
            arg(&out.join(case)),
            "--no-minify",
            "--base-url",
            &base,
        ]);
    }
    if let Some(errors) = tools::vnu_errors(&out) {
        assert_eq!(errors, Vec::<String>::new());
    }
    if let Some(violations) = tools::axe_violations_under(&out, "/xxgk/") {
        assert_eq!(violations, Vec::<String>::new());
    }
}
