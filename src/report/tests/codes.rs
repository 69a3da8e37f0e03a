//! Every finding of the report module carries its code from `diag::codes`,
//! and a reproduced original keeps its rule's code as a warning.

use super::{Y2021, Y2022, edit, load_as, report};
use crate::diag::Severity;
use crate::diag::codes::{self, Code};

/// (code, severity) of each finding of `text` loaded as 2021.yaml.
fn codes_of(name: &str, text: &str) -> Vec<(&'static str, Severity)> {
    let (_, diags) = load_as(name, text);
    diags.iter().map(|d| (d.code.id, d.severity)).collect()
}

fn one(code: &Code) -> Vec<(&'static str, Severity)> {
    vec![(code.id, code.severity)]
}

#[test]
fn parse_findings_have_their_codes() {
    let cases = [
        (
            edit(Y2021, "行政许可:", "行政许可: [362"),
            &codes::REPORT_YAML,
        ),
        (
            edit(
                Y2021,
                "（一）予以公开",
                "(一)予以公开了: [2, 0, 0, 0, 0, 0, 2]",
            ),
            &codes::REPORT_STRUCTURE,
        ),
        (
            edit(Y2021, "行政许可", "行政许可: [多]"),
            &codes::REPORT_CELL,
        ),
        (
            edit(Y2021, "行政许可", "行政许可: [1, 2]"),
            &codes::REPORT_CELL,
        ),
        (
            edit(Y2021, "行政许可", "行政许可: [~]"),
            &codes::REPORT_BLANK,
        ),
        (
            Y2021.replace("year: 2021\n", "year: 2021\nedition: 2020\n"),
            &codes::REPORT_FIELD,
        ),
        (
            Y2021.replace("published: 2022-01-28", "published: 2022-02-30"),
            &codes::REPORT_PUBLISHED,
        ),
        (
            Y2021.replace("published: 2022-01-28\n", ""),
            &codes::REPORT_PUBLISHED,
        ),
    ];
    for (text, code) in cases {
        let got = codes_of("2021.yaml", &text);
        // An unknown row is also missing; both are structure findings.
        let want = one(code);
        assert!(
            !got.is_empty() && got.iter().all(|g| want.contains(g)),
            "{}: {got:?}",
            code.id
        );
    }
    // A file name that disagrees with `year:` is an error, never a silent
    // replacement of the other year's report.
    assert_eq!(
        codes_of("2020.yaml", Y2021),
        [(codes::REPORT_YEAR.id, Severity::Error)]
    );
}

#[test]
fn a_bad_date_is_reported_and_left_out() {
    let text = Y2021.replace("published: 2022-01-28", "published: 2022-02-30");
    let (r, diags) = report("2021.yaml", &text);
    assert_eq!(r.published(), None);
    assert_eq!(
        diags.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "content/ndbg/2021.yaml:4:12: 错误: `published:` 日期「2022-02-30」不存在（这个月没有这一天）：请写成 2025-12-03、2025-12-3 或 2025年12月3日"
        ]
    );
}

#[test]
fn rule_findings_have_their_rule_code() {
    let a = edit(
        Y2021,
        "四、结转下年度继续办理",
        "四、结转下年度继续办理: [2, 0, 0, 0, 0, 0, 2]",
    );
    assert!(codes_of("2021.yaml", &a).contains(&(codes::REPORT_RULE_A.id, Severity::Error)));
    let b = edit(
        Y2021,
        "（一）予以公开",
        "（一）予以公开: [2, 0, 0, 0, 0, 0, 3]",
    );
    let got = codes_of("2021.yaml", &b);
    assert!(
        got.contains(&(codes::REPORT_RULE_B.id, Severity::Error)),
        "{got:?}"
    );
    // A row whose cells agree but not with （七）总计: rule C.
    let c = edit(
        Y2021,
        "（一）予以公开",
        "（一）予以公开: [3, 0, 0, 0, 0, 0, 3]",
    );
    let got = codes_of("2021.yaml", &c);
    assert!(
        got.contains(&(codes::REPORT_RULE_C.id, Severity::Error)),
        "{got:?}"
    );
    // The 总计 stays the 1 the prose quotes (report.narrative), the
    // outcomes add up to 2.
    let d = edit(Y2021, "行政复议:", "行政复议: [1, 1, 0, 0, 1]");
    assert_eq!(codes_of("2021.yaml", &d), one(&codes::REPORT_RULE_D));
    // Kept as published: not a finding of the build, the same code as a
    // notice for check and review.
    let kept = d.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nreproduces_original: true\n",
    );
    assert_eq!(codes_of("2021.yaml", &kept), []);
    let (r, _) = crate::report::tests::load_as("2021.yaml", &kept);
    let notices: Vec<_> = r
        .iter()
        .flat_map(|r| r.kept_findings())
        .map(|d| (d.code.id, d.severity))
        .collect();
    assert_eq!(notices, [(codes::REPORT_RULE_D.id, Severity::Notice)]);
}

#[test]
fn cross_year_findings_have_their_codes() {
    let next = edit(Y2022, "行政规范性文件", "行政规范性文件: [2, 1, 5]");
    let next = edit(
        &next,
        "二、上年结转",
        "二、上年结转政府信息公开申请数量: [2, 0, 0, 0, 0, 0, 2]",
    );
    let next = edit(
        &next,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [4, 0, 0, 0, 1, 0, 5]",
    );
    // The prose quotes the tables (report.narrative): it changes with them.
    let next = edit(
        &next,
        "全年新收政府信息公开申请6件",
        "全年新收政府信息公开申请5件，加上2021年结转的2件，共办结6件，1件结转至2023年办理。",
    );
    let (b, diags) = report("2022.yaml", &next);
    assert!(diags.is_empty(), "{diags:#?}");
    let (a, _) = report("2021.yaml", Y2021);
    let mut diags = Vec::new();
    crate::report::check_series(&[a, b], &mut diags);
    let got: Vec<&str> = diags.iter().map(|d| d.code.id).collect();
    assert_eq!(got, [codes::REPORT_RULE_F.id, codes::REPORT_RULE_G.id]);
}
