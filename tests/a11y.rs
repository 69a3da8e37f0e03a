//! Accessibility and validity of the output (issue 5): the example portal
//! and every `check` fixture that builds pass the Nu HTML checker with zero
//! errors and axe-core with zero WCAG 2.1 A/AA violations.

#[path = "support/tools.rs"]
mod tools;

use std::path::Path;
use std::process::Command;

/// Fixtures whose build fails on purpose, so they have no pages.
const NOT_BUILT: &[&str] = &["attachment-missing", "report-data"];

/// `gongkai build --root <root> --output <out> <extra…>`, which must succeed.
fn build(root: &Path, out: &Path, extra: &[&str]) {
    let run = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .expect("run gongkai");
    assert!(
        run.status.success(),
        "build of {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn example_portal_is_valid_and_accessible() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    // Minified, exactly as published.
    build(Path::new(env!("CARGO_MANIFEST_DIR")), &out, &[]);
    assert_eq!(tools::vnu_errors(&out), Vec::<String>::new());
    // site.yaml's base_url is https://www.jiangchuan.example.gov.cn/xxgk/djjd/.
    assert_eq!(
        tools::axe_violations_under(&out, "/xxgk/djjd/"),
        Vec::<String>::new()
    );
}

#[test]
fn check_fixtures_are_valid_and_accessible() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let mut cases: Vec<String> = std::fs::read_dir(&fixtures)
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
        build(
            &fixtures.join(case),
            &out.join(case),
            &["--no-minify", "--base-url", &base],
        );
    }
    assert_eq!(tools::vnu_errors(&out), Vec::<String>::new());
    assert_eq!(
        tools::axe_violations_under(&out, "/xxgk/"),
        Vec::<String>::new()
    );
}
