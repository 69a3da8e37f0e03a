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
use gongkai::report::edition::{CellKind, EDITION_2019, EDITION_2021, Edition};
use gongkai::report::{self, Data, Num};
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");
/// The project's reference copy of a real 2020 report as text (kept beside
/// the repository, not in it: its prose is not the project's own).
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_0d525dec81e8db68.txt"
);
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
        // Said out loud, not passed in silence: without the reference
        // folder beside the checkout this case cannot run.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the seed import: {SEED} is not there (the reference folder ../shared/ beside the repository)"
        );
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

/// Runs `gongkai import report ARGS` in `t`'s folder.
fn import(t: &SiteTest, args: &[&str]) -> crate::support::site::Run {
    let mut all = vec!["import", "report"];
    all.extend_from_slice(args);
    t.run(&all)
}

/// Copies fixture `name` into the site's folder and returns its name.
fn put(t: &SiteTest, name: &str) -> String {
    let bytes = std::fs::read(fixture_file(name)).expect("fixture");
    t.write(name, bytes);
    name.to_string()
}

/// The data rows of part 三 as numbers (blank as None), by official label.
fn part3(d: &Data) -> Vec<(String, Vec<Option<i64>>)> {
    d.part3
        .leaves
        .iter()
        .zip(&d.part3.rows)
        .map(|(l, r)| {
            let cells = r
                .cells
                .iter()
                .map(|c| match c.num {
                    Num::Int(n) => Some(n),
                    _ => None,
                })
                .collect();
            (l.name(), cells)
        })
        .collect()
}

/// The part 三 numbers all the 2021 fixtures publish: 6 applications
/// received and 1 carried in; 4 granted, 1 in part, 1 not held; 1 carried out.
fn fixture_part3(edition: &Edition, blank_col: Option<usize>) -> Vec<Vec<Option<i64>>> {
    let leaves = edition.leaves();
    leaves
        .iter()
        .map(|l| {
            let row: [i64; 7] = match l.label {
                "一、本年新收政府信息公开申请数量" | "（七）总计" => {
                    [5, 1, 0, 0, 0, 0, 6]
                }
                "（一）予以公开" => [3, 1, 0, 0, 0, 0, 4],
                "二、上年结转政府信息公开申请数量"
                | "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
                | "1.本机关不掌握相关政府信息"
                | "四、结转下年度继续办理" => [1, 0, 0, 0, 0, 0, 1],
                _ => [0; 7],
            };
            let withheld = l.groups.iter().any(|g| g.contains("不予公开"));
            row.iter()
                .enumerate()
                .map(|(c, n)| (!(withheld && Some(c) == blank_col)).then_some(*n))
                .collect()
        })
        .collect()
}

#[test]
fn a_cms_page_with_span_soup_rowspans_and_a_split_table_imports() {
    let t = empty_site();
    let file = put(&t, "2021-soup.html");
    let run = import(&t, &[&file]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "2021-soup.html：2021 年度，2021 版格式，某某区发展和改革局；读出 34 行 200 格，其中空白 8 格；警告 0 条\n\
         已写入 content/ndbg/2021.yaml\n"
    );
    assert_eq!(run.code, 0);
    let written = t.root.join("content/ndbg/2021.yaml");
    let text = std::fs::read_to_string(&written).expect("written");
    for line in [
        "agency: 某某区发展和改革局\n",
        "title: 某某区发展和改革局2021年政府信息公开工作年度报告\n",
        "published: 2022-01-20\n",
        // The old wording as printed; the blank cells as ~.
        "    规范性文件: [2, 1, 5]\n",
        "      1.属于国家秘密: [0, 0, 0, 0, ~, 0, 0]\n",
        // The typo 只计这一情况 found, the official label written.
        "    （二）部分公开（区分处理的，只计这一情形，不计其他情形）: [1, 0, 0, 0, 0, 0, 1]\n",
        "  行政复议: [1, 0, 0, 0, 1]\n",
        "六、其他需要报告的事项: |\n  本年度未收取信息处理费。\n",
        "  （二）依申请公开: |\n    全年新收政府信息公开申请6件。\n\n    1. 规范办理流程。\n    2. 按时答复申请人。\n",
    ] {
        assert!(text.contains(line), "{line}\nnot in\n{text}");
    }
    assert!(!text.contains("reproduces_original"));
    assert!(!text.contains("版权所有") && !text.contains("首页"));
    let r = load(&written);
    let got: Vec<Vec<Option<i64>>> = part3(r.data()).into_iter().map(|(_, c)| c).collect();
    assert_eq!(got, fixture_part3(&EDITION_2021, Some(4)));
    t.build(&[]);
}

#[test]
fn a_gbk_page_of_the_2019_edition_imports() {
    let t = empty_site();
    let file = put(&t, "2020-gbk.html");
    let run = import(&t, &[&file, "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(
        "2020-gbk.html：2020 年度，2019 版格式，某某镇人民政府；读出 34 行 198 格，其中空白 8 格；警告 0 条\n"
    ));
    for line in [
        "edition: 2019\n",
        "published: 2021-01-25\n",
        "    行政许可: [14, \"+2\", 120]\n",
        "    其他对外管理服务事项: [32, -3, 810]\n",
        "    政府集中采购: [3, 25.1万元]\n",
        "    （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n",
    ] {
        assert!(run.stdout.contains(line), "{line}\nnot in\n{}", run.stdout);
    }
    // --dry-run writes nothing.
    assert!(!t.root.join("content/ndbg/2020.yaml").exists());
}

/// A .docx of `edition` written the way Word lays the form out: group
/// labels merged down (vMerge), row labels and captions merged across
/// (gridSpan); `skip` leaves out the part 三 row of that label. In part 二,
/// 行政强制 is blank, amounts are 1.25 (万元), changes +1, 采购 cells text.
fn docx_report(edition: &'static Edition, skip: Option<&str>) -> Vec<u8> {
    docx_report_of(edition, skip, &fixture_part3(edition, None))
}

/// [`docx_report`] with part 三 holding `numbers` (a row per leaf).
fn docx_report_of(
    edition: &'static Edition,
    skip: Option<&str>,
    numbers: &[Vec<Option<i64>>],
) -> Vec<u8> {
    use std::fmt::Write as _;
    let para = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let cell = |t: &str, props: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", para(t));
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let mut body = String::new();
    let title = format!("某某乡人民政府{}年政府信息公开工作年度报告", edition.id);
    for p in [
        title.as_str(),
        "一、总体情况",
        "全年公开信息58条。",
        "二、主动公开政府信息情况",
    ] {
        body.push_str(&para(p));
    }
    body.push_str("<w:tbl>");
    for spec in edition.part2 {
        let span = format!("<w:gridSpan w:val=\"{}\"/>", spec.columns.len() + 1);
        body.push_str(&row(&[cell(spec.caption, &span)]));
        let mut head = vec![cell("信息内容", "")];
        head.extend(spec.columns.iter().map(|c| cell(c.label, "")));
        body.push_str(&row(&head));
        for r in spec.rows {
            let mut cells = vec![cell(r.label, "")];
            for c in spec.columns {
                let v = match (r.label, c.kind) {
                    ("行政强制", _) => "",
                    (_, CellKind::Decimal) => "1.25",
                    (_, CellKind::Signed) => "+1",
                    (_, CellKind::Text) => "2项",
                    _ => "3",
                };
                cells.push(cell(v, ""));
            }
            body.push_str(&row(&cells));
        }
    }
    body.push_str("</w:tbl>");
    body.push_str(&para("三、收到和处理政府信息公开申请情况"));
    body.push_str("<w:tbl>");
    let leaves = edition.leaves();
    let mut open: Vec<&str> = Vec::new();
    for (leaf, nums) in leaves.iter().zip(numbers) {
        if Some(leaf.label) == skip {
            continue;
        }
        let mut r = Vec::new();
        for (d, g) in leaf.groups.iter().enumerate() {
            let merge = if open.get(d) == Some(g) {
                "<w:vMerge/>"
            } else {
                "<w:vMerge w:val=\"restart\"/>"
            };
            r.push(cell(if merge.contains("restart") { g } else { "" }, merge));
        }
        open = leaf.groups.clone();
        let span = 3 - leaf.groups.len();
        r.push(cell(leaf.label, &format!("<w:gridSpan w:val=\"{span}\"/>")));
        for n in nums {
            r.push(cell(&n.map(|n| n.to_string()).unwrap_or_default(), ""));
        }
        body.push_str(&row(&r));
    }
    body.push_str("</w:tbl>");
    body.push_str(&para("四、政府信息公开行政复议、行政诉讼情况"));
    let mut data = String::new();
    for n in [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] {
        let _ = write!(data, "{}", cell(&n.to_string(), ""));
    }
    let head: Vec<String> = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        .iter()
        .cycle()
        .take(15)
        .map(|h| cell(h, ""))
        .collect();
    let _ = write!(
        body,
        "<w:tbl>{}{}<w:tr>{data}</w:tr></w:tbl>",
        row(&[
            cell("行政复议", "<w:gridSpan w:val=\"5\"/>"),
            cell("行政诉讼", "<w:gridSpan w:val=\"10\"/>")
        ]),
        row(&head)
    );
    let date = format!("{}年1月30日", edition.id + 1);
    for p in [
        "五、存在的主要问题及改进情况",
        "信息更新不够及时。",
        "六、其他需要报告的事项",
        "无。",
        "某某乡人民政府",
        date.as_str(),
    ] {
        body.push_str(&para(p));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip entry");
    std::io::Write::write_all(&mut zip, xml.as_bytes()).expect("zip write");
    zip.finish().expect("zip");
    out.into_inner()
}

#[test]
fn a_docx_with_merged_cells_imports_in_both_editions() {
    let t = empty_site();
    t.write("2021年报.docx", docx_report(&EDITION_2021, None));
    t.write("2019年版.docx", docx_report(&EDITION_2019, None));
    let run = import(&t, &["2021年报.docx", "2019年版.docx"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "2021年报.docx：2021 年度，2021 版格式，某某乡人民政府；读出 34 行 200 格，其中空白 1 格；警告 0 条\n\
         已写入 content/ndbg/2021.yaml\n\
         2019年版.docx：2019 年度，2019 版格式，某某乡人民政府；读出 34 行 198 格，其中空白 3 格；警告 0 条\n\
         已写入 content/ndbg/2019.yaml\n"
    );
    for (edition, lines) in [
        (
            &EDITION_2021,
            &[
                "    行政强制: [~]\n",
                "    行政事业性收费: [1.25]\n",
                "    规章: [3, 3, 3]\n",
            ][..],
        ),
        (
            &EDITION_2019,
            &[
                "    行政强制: [~, ~, ~]\n",
                "    行政许可: [3, \"+1\", 3]\n",
                "    政府集中采购: [2项, 2项]\n",
                "    （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n",
            ][..],
        ),
    ] {
        let path = t.root.join(format!("content/ndbg/{}.yaml", edition.id));
        let r = load(&path);
        let got: Vec<Vec<Option<i64>>> = part3(r.data()).into_iter().map(|(_, c)| c).collect();
        assert_eq!(got, fixture_part3(edition, None));
        let text = std::fs::read_to_string(&path).expect("read");
        for line in lines {
            assert!(text.contains(line), "{line} not in\n{text}");
        }
        assert!(text.contains("  行政复议: [0, 0, 1, 0, 1]\n"), "{text}");
        assert_eq!(
            r.published().map(|d| d.to_string()),
            Some(format!("{}-01-30", edition.id + 1))
        );
    }
}

#[test]
fn published_arithmetic_is_kept_as_signed_and_the_build_publishes_it() {
    let t = empty_site();
    let file = put(&t, "2021-tabs.txt");
    let run = import(&t, &[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "2021-tabs.txt:12:1: 警告: “第二十条第（五）项 行政许可”的“本年处理决定数量”一格原件写作“3件”，只取了其中的数字\n\
         2021-tabs.txt:24:1: 警告: 原件的勾稽关系不成立，已按原件照录：一、本年新收政府信息公开申请数量「总计」栏填的是 7，但以下 2 处核对都说明这一格应是 6：\n  \
         - 一、本年新收政府信息公开申请数量：「总计」栏填的是 7，但 自然人至其他 合计是 6\n  \
         - 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 7 + 二、上年结转 1 = 8，但 三（七）总计 6 + 四、结转下年度 1 = 7（第一项加第二项之和应等于第三项加第四项之和）\n"
    );
    assert_eq!(
        run.stdout,
        "2021-tabs.txt：2021 年度，2021 版格式，某某街道办事处；读出 34 行 200 格，其中空白 8 格；警告 2 条\n\
         已写入 content/ndbg/2021.yaml\n"
    );
    let text = std::fs::read_to_string(t.root.join("content/ndbg/2021.yaml")).expect("written");
    assert!(
        text.starts_with(
            "# 由 gongkai import report 从 2021-tabs.txt 导入，表格数字与原件逐格一致。\n\
         # 原件中以下各处勾稽关系不成立或数值不规范，按原件照录（reproduces_original: true）：\n\
         #   - 第二十条第（五）项 行政许可 本年处理决定数量：原件写作“3件”，只取数字\n\
         #   - 一、本年新收政府信息公开申请数量：总计为7，而自然人至其他各列之和为6。\n\
         #   - 总计列：第一项加第二项之和为8，第三项加第四项之和为7，二者不等。\n"
        ),
        "{text}"
    );
    assert!(text.contains("\nreproduces_original: true\n"));
    assert!(text.contains("  一、本年新收政府信息公开申请数量: [5, 1, 0, 0, 0, 0, 7]\n"));
    assert!(text.contains("    行政事业性收费: [0.5]\n"));
    // The build publishes it as signed, the failing rules noted under the table.
    t.build(&[]);
    let page = t.read("ndbg/2021.html");
    assert!(page.contains("原件中有2处勾稽关系不成立"), "{page}");
    assert!(page.contains("总计为7，而自然人至其他各列之和为6。"));
}

#[test]
fn one_wrong_number_of_an_original_is_one_warning_at_its_cell() {
    // The fixture with its 一、本年新收 row put right (7 → 6), then two
    // mistakes: （七）总计 says 7 for 6 in its 总计 column (line 47), which
    // breaks its row, its column and the balance of 新收 and 结转; and
    // 复议后起诉 says 2 for 0 in its 总计 (line 53), on its own.
    let t = empty_site();
    let text = std::fs::read_to_string(fixture_file("2021-tabs.txt")).expect("fixture");
    let text = text
        .replace("数量\t5\t1\t0\t0\t0\t0\t7", "数量\t5\t1\t0\t0\t0\t0\t6")
        .replace(
            "（七）总计\t5\t1\t0\t0\t0\t0\t6",
            "（七）总计\t5\t1\t0\t0\t0\t0\t7",
        )
        .replace("1\t1\t0\t0\t0\t0\t0\r\n", "1\t1\t0\t0\t0\t0\t2\r\n");
    t.write("2021-tabs.txt", text);
    let run = import(&t, &["2021-tabs.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "2021-tabs.txt:12:1: 警告: “第二十条第（五）项 行政许可”的“本年处理决定数量”一格原件写作“3件”，只取了其中的数字\n\
         2021-tabs.txt:47:1: 警告: 原件的勾稽关系不成立，已按原件照录：三、本年度办理结果（七）总计「总计」栏填的是 7，但以下 3 处核对都说明这一格应是 6：\n  \
         - 三、本年度办理结果（七）总计：「总计」栏填的是 7，但 自然人至其他 合计是 6\n  \
         - 三、本年度办理结果（七）总计「总计」栏填的是 7，但（一）至（六）合计是 6\n  \
         - 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 6 + 二、上年结转 1 = 7，但 三（七）总计 7 + 四、结转下年度 1 = 8（第一项加第二项之和应等于第三项加第四项之和）\n\
         2021-tabs.txt:53:1: 警告: 原件的勾稽关系不成立，已按原件照录：行政诉讼 复议后起诉：「总计」栏填的是 2，但 结果维持至尚未审结 合计是 0\n"
    );
    assert!(run.stdout.contains("警告 3 条\n"), "{}", run.stdout);
    // The file still lists each relation that does not hold, as the page
    // notes them under the table.
    let written = std::fs::read_to_string(t.root.join("content/ndbg/2021.yaml")).expect("written");
    assert!(
        written.contains("#   - （七）总计总计列为7，而（一）至（六）之和为6。\n"),
        "{written}"
    );
}

#[test]
fn one_wrong_number_of_a_docx_names_its_table_row() {
    // A .docx has no lines: the warning names the table and row of the cell.
    let t = empty_site();
    let mut numbers = fixture_part3(&EDITION_2021, None);
    let total = EDITION_2021
        .leaves()
        .iter()
        .position(|l| l.label == "（七）总计")
        .expect("row");
    numbers[total][6] = Some(7);
    t.write(
        "2021年报.docx",
        docx_report_of(&EDITION_2021, None, &numbers),
    );
    let run = import(&t, &["2021年报.docx", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "2021年报.docx: 警告: 原件的勾稽关系不成立，已按原件照录：三、本年度办理结果（七）总计「总计」栏填的是 7，但以下 3 处核对都说明这一格应是 6：（第 2 个表格第 24 行）\n  \
         - 三、本年度办理结果（七）总计：「总计」栏填的是 7，但 自然人至其他 合计是 6\n  \
         - 三、本年度办理结果（七）总计「总计」栏填的是 7，但（一）至（六）合计是 6\n  \
         - 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 6 + 二、上年结转 1 = 7，但 三（七）总计 7 + 四、结转下年度 1 = 8（第一项加第二项之和应等于第三项加第四项之和）\n"
    );
}

#[test]
fn a_second_import_of_a_year_is_refused_and_writes_nothing() {
    let t = SiteTest::case("report", "base");
    let file = put(&t, "2021-tabs.txt");
    let before = content(&t);
    let run = import(&t, &[&file]);
    assert_eq!(
        run.stderr,
        format!(
            "2021-tabs.txt: 错误: content/ndbg/2021.yaml 已经存在，导入不会覆盖它；确需重新导入，请先把它移走或改名\n{FAILED}"
        )
    );
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(content(&t), before);
}

#[test]
fn bad_inputs_get_a_clear_message_and_nothing_is_written() {
    let t = empty_site();
    t.write("会议纪要.txt", "会议纪要\n\n今天讨论了下一年的工作安排。\n");
    t.write("2021.pdf", "%PDF-1.4\n");
    t.write("旧版.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    t.write("坏.docx", "PK\u{3}\u{4} broken");
    let seed = std::fs::read_to_string(fixture_file("2021-tabs.txt")).expect("fixture");
    let half = &seed[..seed.find("三、收到和处理").expect("part 三")];
    t.write("半份.txt", half);
    let before = content(&t);
    let cases: [(&str, String); 6] = [
        ("会议纪要.txt", "会议纪要.txt: 错误: 这个文件里没有政府信息公开工作年度报告：找不到“一、总体情况”到“六、其他需要报告的事项”中的任何一个部分，也找不到报告的表格\n".into()),
        ("2021.pdf", "2021.pdf: 错误: 不能读取 .pdf 文件。导入能读取网页（.html、.htm、.shtml）、Word 文档（.docx）和纯文本（.txt）；请在 Word 或 WPS 里打开原件，“另存为”Word 文档（.docx）或网页（.html）后再导入\n".into()),
        ("旧版.doc", "旧版.doc: 错误: 不能读取 .doc 文件。导入能读取网页（.html、.htm、.shtml）、Word 文档（.docx）和纯文本（.txt）；请在 Word 或 WPS 里打开原件，“另存为”Word 文档（.docx）或网页（.html）后再导入\n".into()),
        ("坏.docx", "坏.docx: 错误: 这个文件不是 Word 文档（.docx）：打不开，或里面没有正文。请用 Word 或 WPS 打开后重新另存为 .docx\n".into()),
        ("没有这个文件.html", "没有这个文件.html: 错误: 无法读取这个文件：找不到这个文件或文件夹\n".into()),
        ("半份.txt", {
            let leaves = gongkai::report::edition::EDITION_2021.leaves();
            let mut s = String::new();
            for name in leaves.iter().map(|l| l.name()).chain(["四、政府信息公开行政复议、行政诉讼情况 行政复议".to_string(), "四、政府信息公开行政复议、行政诉讼情况 行政诉讼 未经复议直接起诉".into(), "四、政府信息公开行政复议、行政诉讼情况 行政诉讼 复议后起诉".into()]) {
                s.push_str(&format!("半份.txt:19:1: 错误: 没有找到“{name}”这一行（2021 版格式规定的行），报告没有导入\n"));
            }
            s
        }),
    ];
    for (file, want) in cases {
        let run = import(&t, &[file]);
        let mut want_lines: Vec<&str> = want.lines().collect();
        want_lines.sort();
        let mut got_lines: Vec<&str> = run.stderr.lines().collect();
        let last = got_lines.pop();
        got_lines.sort();
        assert_eq!(
            (got_lines, last),
            (want_lines, Some(FAILED.trim_end())),
            "{file}"
        );
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{file}");
    }
    assert_eq!(content(&t), before);
}

#[test]
fn year_and_edition_are_asked_for_by_name_and_can_be_given() {
    let t = empty_site();
    let text = std::fs::read_to_string(fixture_file("2021-tabs.txt")).expect("fixture");
    // No title: neither year nor, once the edition's rows are gone, edition.
    let untitled = text.replacen(
        "某某街道办事处2021年政府信息公开工作年度报告",
        "年度报告",
        1,
    );
    t.write("无标题.txt", &untitled);
    let run = import(&t, &["无标题.txt", "--dry-run"]);
    assert_eq!(
        run.stderr,
        format!(
            "无标题.txt: 错误: 看不出这份报告是哪一年的（标题里没有年份）。请在命令里加上 --year 年度，例如 --year 2023\n{FAILED}"
        )
    );
    assert_eq!(run.code, 1);
    let run = import(&t, &["无标题.txt", "--dry-run", "--year", "2021"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\nyear: 2021\nedition: 2021\n"),
        "{}",
        run.stdout
    );
    // --edition overrides what the rows say; then the 2019 rows are missing.
    let run = import(
        &t,
        &[
            "无标题.txt",
            "--dry-run",
            "--year",
            "2021",
            "--edition",
            "2019",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("错误: 没有找到“第二十条第（九）项 政府集中采购”这一行（2019 版格式规定的行），报告没有导入\n"), "{}", run.stderr);
}

#[test]
fn a_docx_without_a_row_says_where_its_table_is() {
    let t = empty_site();
    t.write(
        "少一行.docx",
        docx_report(&EDITION_2021, Some("2.重复申请")),
    );
    let run = import(&t, &["少一行.docx"]);
    assert_eq!(
        run.stderr,
        format!(
            "少一行.docx: 错误: 没有找到“三、本年度办理结果（五）不予处理 2.重复申请”这一行（2021 版格式规定的行），报告没有导入（第 5 段）\n{FAILED}"
        )
    );
    assert_eq!(run.code, 1);
    assert!(!t.root.join("content/ndbg/2021.yaml").exists());
}
