//! Unit tests of the report stages against whole report files: the example
//! reports of content/ndbg, and copies of them broken one way at a time.
//! The helpers are shared with the page tests of `render::report`.

mod codes;
mod misplaced;
pub(crate) mod proptests;
mod rules;
mod sum;
mod writer;

use super::{Report, load};
use crate::diag::{Diagnostic, Severity};
use std::path::Path;

/// The seed report (2019 edition).
pub(crate) const Y2020: &str = include_str!("../../../content/ndbg/2020.yaml");
/// The 2021-edition example.
pub(crate) const Y2021: &str = include_str!("../../../content/ndbg/2021.yaml");
/// The 2021-edition example with （七）总计 left out.
pub(crate) const Y2022: &str = include_str!("../../../content/ndbg/2022.yaml");

/// Loads `text` as `content/ndbg/<name>`.
pub(crate) fn load_as(name: &str, text: &str) -> (Option<Report>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let path = Path::new("content/ndbg").join(name);
    let report = load(&path, text, "大街街道办事处", &mut diags);
    (report, diags)
}

/// Loads `text` and insists on a report.
pub(crate) fn report(name: &str, text: &str) -> (Report, Vec<Diagnostic>) {
    let (r, d) = load_as(name, text);
    match r {
        Some(r) => (r, d),
        None => panic!("no report: {d:#?}"),
    }
}

/// `text` with the one line starting (after indentation) with `start`
/// replaced by `new` (indentation kept); panics when there is no such line.
pub(crate) fn edit(text: &str, start: &str, new: &str) -> String {
    let mut hit = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            if !hit && t.starts_with(start) {
                hit = true;
                format!("{}{new}", &l[..l.len() - t.len()])
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(hit, "no line starts with {start}");
    out.join("\n") + "\n"
}

/// 1-based line of the first line containing `needle`.
/// The column (in characters, from 1) of cell `n` of the flow list on the
/// first line holding `needle`.
pub(crate) fn cell_col(text: &str, needle: &str, n: usize) -> usize {
    let line = text.lines().find(|l| l.contains(needle)).expect("line");
    let open = line.find('[').expect("a list");
    let cells: Vec<&str> = line[open + 1..].split(',').collect();
    let before: usize = cells[..n].iter().map(|c| c.chars().count() + 1).sum();
    let pad = cells[n].len() - cells[n].trim_start().len();
    line[..open].chars().count() + 2 + before + pad
}

pub(crate) fn line_of(text: &str, needle: &str) -> u32 {
    let i = text.lines().position(|l| l.contains(needle));
    i.map_or(0, |i| i as u32 + 1)
}

/// The rendered diagnostics of one severity.
pub(crate) fn of(diags: &[Diagnostic], severity: Severity) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == severity)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn example_reports_are_clean_in_both_editions() {
    for (name, text, edition) in [
        ("2020.yaml", Y2020, 2019),
        ("2021.yaml", Y2021, 2021),
        ("2022.yaml", Y2022, 2021),
    ] {
        let (r, diags) = report(name, text);
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        assert_eq!(r.data.edition.id, edition);
    }
    let (r, _) = report("2020.yaml", Y2020);
    assert_eq!(r.year(), 2020);
    assert_eq!(r.slug(), "2020");
    assert_eq!(
        r.published().map(|d| d.to_string()).as_deref(),
        Some("2021-01-29")
    );
    assert_eq!(r.title(), "大街街道2020年政府信息公开工作年度报告");
    let (r, _) = report("2021.yaml", Y2021);
    assert_eq!(r.title(), "大街街道办事处2021年政府信息公开工作年度报告");
}

#[test]
fn series_of_examples_has_no_findings() {
    let reports: Vec<Report> = [
        ("2022.yaml", Y2022),
        ("2020.yaml", Y2020),
        ("2021.yaml", Y2021),
    ]
    .iter()
    .map(|(n, t)| report(n, t).0)
    .collect();
    let mut diags = Vec::new();
    super::check_series(&reports, &mut diags);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn default_edition_and_agency() {
    let text = Y2021.replace("agency: 大街街道办事处\n", "");
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(r.agency(), "大街街道办事处");
    let text = Y2020.replace("edition: 2019\n", "");
    assert_eq!(report("2020.yaml", &text).0.data.edition.id, 2019);
}

#[test]
fn broken_yaml_gives_no_report_and_a_line() {
    let text = edit(Y2021, "行政许可:", "行政许可: [362");
    let (r, diags) = load_as("2021.yaml", &text);
    assert!(r.is_none());
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.starts_with("文件格式有误"), "{}", diags[0]);
    assert!(diags[0].line.is_some());
}

#[test]
fn missing_year_gives_no_report() {
    let text = Y2021.replace("year: 2021\n", "");
    let (r, diags) = load_as("2021.yaml", &text);
    assert!(r.is_none());
    assert_eq!(
        of(&diags, Severity::Error),
        ["content/ndbg/2021.yaml:2:1: 错误: 缺少 `year:`（报告的年度，如 2020）"]
    );
}

#[test]
fn scaffold_parses_cleanly_in_both_editions() {
    use super::edition::{EDITION_2019, EDITION_2021};
    use super::scaffold::{Scaffold, text};
    for (year, edition) in [(2020, &EDITION_2019), (2023, &EDITION_2021)] {
        let t = text(&Scaffold {
            year,
            edition,
            carried_in: Some(vec![0; 7]),
            in_force: None,
        });
        let (r, diags) = report(&format!("{year}.yaml"), &t);
        assert!(diags.is_empty(), "{t}\n{diags:#?}");
        assert_eq!(r.data.edition.id, edition.id);
    }
}

#[test]
fn scaffold_prefill_keeps_rule_f() {
    use super::scaffold::{Scaffold, text};
    let (prev, _) = report("2021.yaml", Y2021);
    let t = text(&Scaffold {
        year: 2022,
        edition: super::edition::default_for(2022),
        carried_in: prev.carried_out(),
        in_force: prev.in_force(),
    });
    let t = edit(
        &t,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]",
    );
    let t = edit(
        &t,
        "四、结转下年度继续办理",
        "四、结转下年度继续办理: [1, 0, 0, 0, 0, 0, 1]",
    );
    let (next, diags) = report("2022.yaml", &t);
    assert!(diags.is_empty(), "{diags:#?}");
    let mut diags = Vec::new();
    super::check_series(&[prev, next], &mut diags);
    // Rule G may still hint about 现行有效件数, which the scaffold leaves at 0.
    assert!(
        !diags.iter().any(|d| d.message.contains("上年结转")),
        "{diags:#?}"
    );
}

/// A lone CR (an old Mac line end, or pasted from Word) is a line break to
/// YAML but was not to the line counting of the rest of gongkai, so every
/// finding after one was a line off from the others (found by
/// `proptests::findings_point_into_the_file`). See issue 10.
#[test]
fn r10_lone_cr_counts_as_a_line_break() {
    let raw =
        edit(Y2021, "agency:", "agenc: 大街街道办事处").replacen("year: 2021\n", "year: 2021\r", 1);
    let text = crate::fsx::decode_text(raw.into_bytes()).unwrap_or_default();
    let (_, diags) = load_as("2021.yaml", &text);
    let lines: Vec<Option<u32>> = diags.iter().map(|d| d.line).collect();
    assert_eq!(lines, [Some(line_of(&text, "agenc:"))], "{diags:#?}");
}
