//! Annual reports (issue 3) end to end through `gongkai build` and `gongkai
//! new report`: every label and number of both editions in its cell, the
//! seed report of the example portal, blank cells, computed totals, label
//! normalisation, published-original mode, the downloads, the scaffold, the
//! reports column page and the home page link. The pages pass the Nu HTML
//! checker and axe-core. Broken reports are in `report_errors.rs`.

use crate::support::site::{SiteTest, attrs, texts};
use crate::support::tools;
use scraper::{ElementRef, Html, Selector};
use serde_json::{Value, json};
use std::collections::HashMap;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// The one table of the page whose caption is `caption`.
fn table<'a>(doc: &'a Html, caption: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef<'_>> = doc
        .select(&sel("table"))
        .filter(|t| t.select(&sel("caption")).next().map(text).as_deref() == Some(caption))
        .collect();
    assert_eq!(found.len(), 1, "tables captioned {caption}");
    found[0]
}

/// Every data cell of the table captioned `caption`, in document order, as
/// `row labels × column labels: text`, the labels being the header cells the
/// cell's `headers` attribute names (row headers are those with
/// `scope="row"`), as a screen reader announces them. A table without row
/// headers (part 四) gives `column labels: text`.
fn grid(doc: &Html, caption: &str) -> Vec<String> {
    let t = table(doc, caption);
    let heads: HashMap<String, (bool, String)> = t
        .select(&sel("th[id]"))
        .map(|th| {
            let id = th.value().attr("id").unwrap_or_default().to_string();
            (id, (th.value().attr("scope") == Some("row"), text(th)))
        })
        .collect();
    t.select(&sel("tbody td"))
        .map(|td| {
            let ids = td
                .value()
                .attr("headers")
                .unwrap_or_else(|| panic!("{caption}: a cell without headers: {}", td.html()));
            let (mut rows, mut cols) = (Vec::new(), Vec::new());
            for id in ids.split_whitespace() {
                let (is_row, label) = heads
                    .get(id)
                    .unwrap_or_else(|| panic!("{caption}: headers names `{id}`, which is no th"));
                if *is_row {
                    rows.push(label.as_str());
                } else {
                    cols.push(label.as_str());
                }
            }
            let key = if rows.is_empty() {
                cols.join(" ")
            } else {
                format!("{} × {}", rows.join(" "), cols.join(" "))
            };
            format!("{key}: {}", text(td))
        })
        .collect()
}

/// Part 三's seven columns, as their header cells name them.
const APPLICANTS: [&str; 7] = [
    "自然人",
    "法人或其他组织 商业企业",
    "法人或其他组织 科研机构",
    "法人或其他组织 社会公益组织",
    "法人或其他组织 法律服务机构",
    "法人或其他组织 其他",
    "总计",
];
const PART3: &str = "三、收到和处理政府信息公开申请情况";
const PART4: &str = "四、政府信息公开行政复议、行政诉讼情况";
const OUTCOMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
const PART4_ROWS: [&str; 3] = [
    "行政复议",
    "行政诉讼 未经复议直接起诉",
    "行政诉讼 复议后起诉",
];

/// One sub-table of part 二: caption, columns, rows of (label, cells as shown).
type Part2 = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static [&'static str])],
);

/// What a complete fixture holds, cell by cell.
struct Expected {
    year: i32,
    edition: i32,
    part2: &'static [Part2],
    /// Row labels (groups first, space-separated) and the seven cells.
    part3: &'static [(&'static str, [i64; 7])],
    /// 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉.
    part4: [[i64; 5]; 3],
}

fn part2_grid(t: &Part2) -> Vec<String> {
    let (_, cols, rows) = t;
    rows.iter()
        .flat_map(|(label, cells)| {
            cols.iter()
                .zip(cells.iter())
                .map(move |(col, cell)| format!("{label} × {col}: {cell}"))
        })
        .collect()
}

fn part3_grid(rows: &[(&str, [i64; 7])]) -> Vec<String> {
    rows.iter()
        .flat_map(|(label, cells)| {
            APPLICANTS
                .iter()
                .zip(cells)
                .map(move |(col, n)| format!("{label} × {col}: {n}"))
        })
        .collect()
}

fn part4_grid(rows: &[[i64; 5]; 3]) -> Vec<String> {
    PART4_ROWS
        .iter()
        .zip(rows)
        .flat_map(|(label, cells)| {
            OUTCOMES
                .iter()
                .zip(cells)
                .map(move |(col, n)| format!("{label} {col}: {n}"))
        })
        .collect()
}

/// tests/fixtures/report/complete-2019: every cell its own number.
const COMPLETE_2019: Expected = Expected {
    year: 2019,
    edition: 2019,
    part2: &[
        (
            "第二十条第（一）项",
            &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            &[("规章", &["1", "2", "3"]), ("规范性文件", &["4", "5", "6"])],
        ),
        (
            "第二十条第（五）项",
            &["上一年项目数量", "本年增/减", "处理决定数量"],
            &[
                ("行政许可", &["7", "+8", "9"]),
                ("其他对外管理服务事项", &["10", "-11", "12"]),
            ],
        ),
        (
            "第二十条第（六）项",
            &["上一年项目数量", "本年增/减", "处理决定数量"],
            &[
                ("行政处罚", &["13", "14", "15"]),
                ("行政强制", &["16", "-17", "18"]),
            ],
        ),
        (
            "第二十条第（八）项",
            &["上一年项目数量", "本年增/减"],
            &[("行政事业性收费", &["19", "+20"])],
        ),
        (
            "第二十条第（九）项",
            &["采购项目数量", "采购总金额"],
            &[("政府集中采购", &["21", "25.1万元"])],
        ),
    ],
    part3: &[
        (
            "一、本年新收政府信息公开申请数量",
            [1145, 1164, 1183, 1202, 1221, 1240, 7155],
        ),
        (
            "二、上年结转政府信息公开申请数量",
            [201, 202, 203, 204, 205, 206, 1221],
        ),
        ("三、本年度办理结果 （一）予以公开", [1, 2, 3, 4, 5, 6, 21]),
        (
            "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            [7, 8, 9, 10, 11, 12, 57],
        ),
        (
            "三、本年度办理结果 （三）不予公开 1.属于国家秘密",
            [13, 14, 15, 16, 17, 18, 93],
        ),
        (
            "三、本年度办理结果 （三）不予公开 2.其他法律行政法规禁止公开",
            [19, 20, 21, 22, 23, 24, 129],
        ),
        (
            "三、本年度办理结果 （三）不予公开 3.危及“三安全一稳定”",
            [25, 26, 27, 28, 29, 30, 165],
        ),
        (
            "三、本年度办理结果 （三）不予公开 4.保护第三方合法权益",
            [31, 32, 33, 34, 35, 36, 201],
        ),
        (
            "三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息",
            [37, 38, 39, 40, 41, 42, 237],
        ),
        (
            "三、本年度办理结果 （三）不予公开 6.属于四类过程性信息",
            [43, 44, 45, 46, 47, 48, 273],
        ),
        (
            "三、本年度办理结果 （三）不予公开 7.属于行政执法案卷",
            [49, 50, 51, 52, 53, 54, 309],
        ),
        (
            "三、本年度办理结果 （三）不予公开 8.属于行政查询事项",
            [55, 56, 57, 58, 59, 60, 345],
        ),
        (
            "三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息",
            [61, 62, 63, 64, 65, 66, 381],
        ),
        (
            "三、本年度办理结果 （四）无法提供 2.没有现成信息需要另行制作",
            [67, 68, 69, 70, 71, 72, 417],
        ),
        (
            "三、本年度办理结果 （四）无法提供 3.补正后申请内容仍不明确",
            [73, 74, 75, 76, 77, 78, 453],
        ),
        (
            "三、本年度办理结果 （五）不予处理 1.信访举报投诉类申请",
            [79, 80, 81, 82, 83, 84, 489],
        ),
        (
            "三、本年度办理结果 （五）不予处理 2.重复申请",
            [85, 86, 87, 88, 89, 90, 525],
        ),
        (
            "三、本年度办理结果 （五）不予处理 3.要求提供公开出版物",
            [91, 92, 93, 94, 95, 96, 561],
        ),
        (
            "三、本年度办理结果 （五）不予处理 4.无正当理由大量反复申请",
            [97, 98, 99, 100, 101, 102, 597],
        ),
        (
            "三、本年度办理结果 （五）不予处理 5.要求行政机关确认或重新出具已获取信息",
            [103, 104, 105, 106, 107, 108, 633],
        ),
        (
            "三、本年度办理结果 （六）其他处理",
            [109, 110, 111, 112, 113, 114, 669],
        ),
        (
            "三、本年度办理结果 （七）总计",
            [1045, 1064, 1083, 1102, 1121, 1140, 6555],
        ),
        (
            "四、结转下年度继续办理",
            [301, 302, 303, 304, 305, 306, 1821],
        ),
    ],
    part4: [[1, 2, 3, 4, 10], [5, 6, 7, 8, 26], [9, 11, 12, 13, 45]],
};

/// tests/fixtures/report/complete-2021: every cell its own number.
const COMPLETE_2021: Expected = Expected {
    year: 2021,
    edition: 2021,
    part2: &[
        (
            "第二十条第（一）项",
            &["本年制发件数", "本年废止件数", "现行有效件数"],
            &[
                ("规章", &["1", "2", "3"]),
                ("行政规范性文件", &["4", "5", "6"]),
            ],
        ),
        (
            "第二十条第（五）项",
            &["本年处理决定数量"],
            &[("行政许可", &["7"])],
        ),
        (
            "第二十条第（六）项",
            &["本年处理决定数量"],
            &[("行政处罚", &["8"]), ("行政强制", &["9"])],
        ),
        (
            "第二十条第（八）项",
            &["本年收费金额（单位：万元）"],
            &[("行政事业性收费", &["4068.208"])],
        ),
    ],
    part3: &[
        (
            "一、本年新收政府信息公开申请数量",
            [1333, 1354, 1375, 1396, 1417, 1438, 8313],
        ),
        (
            "二、上年结转政府信息公开申请数量",
            [11, 12, 13, 14, 15, 16, 81],
        ),
        ("三、本年度办理结果 （一）予以公开", [3, 4, 5, 6, 7, 8, 33]),
        (
            "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            [9, 10, 11, 12, 13, 14, 69],
        ),
        (
            "三、本年度办理结果 （三）不予公开 1.属于国家秘密",
            [15, 16, 17, 18, 19, 20, 105],
        ),
        (
            "三、本年度办理结果 （三）不予公开 2.其他法律行政法规禁止公开",
            [21, 22, 23, 24, 25, 26, 141],
        ),
        (
            "三、本年度办理结果 （三）不予公开 3.危及“三安全一稳定”",
            [27, 28, 29, 30, 31, 32, 177],
        ),
        (
            "三、本年度办理结果 （三）不予公开 4.保护第三方合法权益",
            [33, 34, 35, 36, 37, 38, 213],
        ),
        (
            "三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息",
            [39, 40, 41, 42, 43, 44, 249],
        ),
        (
            "三、本年度办理结果 （三）不予公开 6.属于四类过程性信息",
            [45, 46, 47, 48, 49, 50, 285],
        ),
        (
            "三、本年度办理结果 （三）不予公开 7.属于行政执法案卷",
            [51, 52, 53, 54, 55, 56, 321],
        ),
        (
            "三、本年度办理结果 （三）不予公开 8.属于行政查询事项",
            [57, 58, 59, 60, 61, 62, 357],
        ),
        (
            "三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息",
            [63, 64, 65, 66, 67, 68, 393],
        ),
        (
            "三、本年度办理结果 （四）无法提供 2.没有现成信息需要另行制作",
            [69, 70, 71, 72, 73, 74, 429],
        ),
        (
            "三、本年度办理结果 （四）无法提供 3.补正后申请内容仍不明确",
            [75, 76, 77, 78, 79, 80, 465],
        ),
        (
            "三、本年度办理结果 （五）不予处理 1.信访举报投诉类申请",
            [81, 82, 83, 84, 85, 86, 501],
        ),
        (
            "三、本年度办理结果 （五）不予处理 2.重复申请",
            [87, 88, 89, 90, 91, 92, 537],
        ),
        (
            "三、本年度办理结果 （五）不予处理 3.要求提供公开出版物",
            [93, 94, 95, 96, 97, 98, 573],
        ),
        (
            "三、本年度办理结果 （五）不予处理 4.无正当理由大量反复申请",
            [99, 100, 101, 102, 103, 104, 609],
        ),
        (
            "三、本年度办理结果 （五）不予处理 5.要求行政机关确认或重新出具已获取信息",
            [105, 106, 107, 108, 109, 110, 645],
        ),
        (
            "三、本年度办理结果 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            [111, 112, 113, 114, 115, 116, 681],
        ),
        (
            "三、本年度办理结果 （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            [117, 118, 119, 120, 121, 122, 717],
        ),
        (
            "三、本年度办理结果 （六）其他处理 3.其他",
            [123, 124, 125, 126, 127, 128, 753],
        ),
        (
            "三、本年度办理结果 （七）总计",
            [1323, 1344, 1365, 1386, 1407, 1428, 8253],
        ),
        ("四、结转下年度继续办理", [21, 22, 23, 24, 25, 26, 141]),
    ],
    part4: [
        [14, 15, 16, 17, 62],
        [18, 19, 20, 21, 78],
        [22, 23, 24, 25, 94],
    ],
};

/// Builds `report/<case>` and insists on an empty stderr.
fn built(case: &str) -> SiteTest {
    let site = SiteTest::case("report", case);
    let run = site.build(&[]);
    assert_eq!(run.stderr, "", "{case}");
    site
}

fn every_label_and_number_in_its_cell(case: &str, e: &Expected) {
    let site = built(case);
    let doc = site.html(&format!("ndbg/{}.html", e.year));
    // The 信息索引 block comes first, as on item pages.
    let mut captions: Vec<&str> = vec!["信息索引"];
    captions.extend(e.part2.iter().map(|t| t.0));
    captions.extend([PART3, PART4]);
    assert_eq!(texts(&doc, "table caption"), captions);
    assert_eq!(
        texts(&doc, ".report-part > h2"),
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            PART3,
            PART4,
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"
        ]
    );
    for t in e.part2 {
        assert_eq!(grid(&doc, t.0), part2_grid(t), "{}", t.0);
        let mut head = vec!["信息内容"];
        head.extend(t.1.iter());
        assert_eq!(texts_in(table(&doc, t.0), "thead th"), head, "{}", t.0);
    }
    assert_eq!(grid(&doc, PART3), part3_grid(e.part3));
    assert_eq!(grid(&doc, PART4), part4_grid(&e.part4));
    let t3 = table(&doc, PART3);
    assert_eq!(
        texts_in(t3, "thead td"),
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    );
    assert_eq!(
        texts_in(t3, "thead th"),
        [
            "申请人情况",
            "自然人",
            "法人或其他组织",
            "总计",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他"
        ]
    );
}

fn texts_in(e: ElementRef<'_>, selector: &str) -> Vec<String> {
    e.select(&sel(selector)).map(text).collect()
}

#[test]
fn edition_2019_every_label_and_number_in_its_cell() {
    every_label_and_number_in_its_cell("complete-2019", &COMPLETE_2019);
}

#[test]
fn edition_2021_every_label_and_number_in_its_cell() {
    every_label_and_number_in_its_cell("complete-2021", &COMPLETE_2021);
}

#[test]
fn example_portal_2020_report_shows_the_seed_numbers_in_their_cells() {
    let site = SiteTest::empty();
    let out = site.root.join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let out_arg = out.to_str().expect("utf-8 path");
    let run = site.run(&["build", "--root", root, "--output", out_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = site.html("ndbg/2020.html");
    assert_eq!(
        grid(&doc, "第二十条第（五）项"),
        [
            "行政许可 × 上一年项目数量: 14",
            "行政许可 × 本年增/减: 0",
            "行政许可 × 处理决定数量: 355",
            "其他对外管理服务事项 × 上一年项目数量: 32",
            "其他对外管理服务事项 × 本年增/减: 17",
            "其他对外管理服务事项 × 处理决定数量: 8510",
        ]
    );
    assert_eq!(
        grid(&doc, "第二十条第（九）项"),
        [
            "政府集中采购 × 采购项目数量: 档案柜23组",
            "政府集中采购 × 采购总金额: 19090元",
        ]
    );
}

/// The cells of one row of part 三, as shown.
fn part3_row(doc: &Html, row: &str) -> Vec<String> {
    let prefix = format!("{row} × ");
    let cells: Vec<String> = grid(doc, PART3)
        .into_iter()
        .filter_map(|c| c.strip_prefix(&prefix).map(str::to_string))
        .map(|c| c.split_once(": ").map_or(c.clone(), |(_, v)| v.to_string()))
        .collect();
    assert_eq!(cells.len(), 7, "{row}");
    cells
}

#[test]
fn blank_cells_build_with_a_warning_and_render_empty() {
    let site = SiteTest::case("report", "blank-cells");
    let run = site.build(&[]);
    assert_eq!(
        run.stderr,
        "content/ndbg/2021.yaml:27:3: 警告: 一、本年新收政府信息公开申请数量：「科研机构、社会公益组织、法律服务机构、其他」栏空白（共 4 格），页面上显示为空，按 0 计算\n  = 建议: 原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~\n"
    );
    let doc = site.html("ndbg/2021.html");
    assert_eq!(
        part3_row(&doc, "一、本年新收政府信息公开申请数量"),
        ["3", "1", "", "", "", "", "4"]
    );
    let data: Value = serde_json::from_str(&site.read("ndbg/2021/2021.json")).expect("json");
    assert_eq!(
        data[PART3]["rows"][0]["cells"],
        json!([3, 1, null, null, null, null, 4])
    );
    let csv = csv_rows(&std::fs::read(site.output("ndbg/2021/2021-part3.csv")).expect("csv"));
    assert_eq!(
        csv[1],
        [
            "一、本年新收政府信息公开申请数量",
            "3",
            "1",
            "",
            "",
            "",
            "",
            "4"
        ]
    );
}

#[test]
fn omitted_totals_are_computed_and_rendered() {
    let computed = built("computed-totals");
    let given = built("base");
    let (c, g) = (
        computed.html("ndbg/2021.html"),
        given.html("ndbg/2021.html"),
    );
    assert_eq!(
        part3_row(&c, "三、本年度办理结果 （七）总计"),
        ["3", "1", "0", "0", "0", "0", "4"]
    );
    assert_eq!(
        part3_row(&c, "一、本年新收政府信息公开申请数量"),
        ["3", "1", "0", "0", "0", "0", "4"]
    );
    assert_eq!(grid(&c, PART3), grid(&g, PART3));
    assert_eq!(grid(&c, PART4), grid(&g, PART4));
    assert_eq!(grid(&c, PART4)[4], "行政复议 总计: 1");
}

#[test]
fn labels_with_ascii_parentheses_and_straight_quotes_build_like_the_official_ones() {
    let plain = built("label-normalisation");
    let official = built("base");
    let (p, o) = (
        plain.html("ndbg/2021.html"),
        official.html("ndbg/2021.html"),
    );
    assert_eq!(grid(&p, PART3), grid(&o, PART3));
    assert!(grid(&p, PART3).contains(
        &"三、本年度办理结果 （三）不予公开 3.危及“三安全一稳定” × 自然人: 0".to_string()
    ));
    assert_eq!(
        plain.read("ndbg/2021/2021.json"),
        official.read("ndbg/2021/2021.json")
    );
}

#[test]
fn published_original_builds_quietly_with_notes_under_the_table() {
    // The rules it breaks only say again that it is kept as signed: not
    // printed on every build, listed by check as 提示.
    let site = SiteTest::case("report", "published-original");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    let check = site.run(&["check"]);
    let hint = "      改法：已按原件照录（reproduces_original），页面在表格下方注明\n";
    assert!(
        check.stdout.contains(&format!(
            "  content/ndbg/2021.yaml:56:13: [report.rule-c] 三、本年度办理结果（七）总计「自然人」栏填的是 3，但（一）至（六）合计是 4\n{hint}  \
             content/ndbg/2021.yaml:56:31: [report.rule-c] 三、本年度办理结果（七）总计「总计」栏填的是 4，但（一）至（六）合计是 5\n{hint}"
        )),
        "{}",
        check.stdout
    );
    let doc = site.html("ndbg/2021.html");
    // The numbers stay as signed.
    assert_eq!(
        part3_row(&doc, "三、本年度办理结果 （一）予以公开"),
        ["4", "0", "0", "0", "0", "0", "4"]
    );
    assert_eq!(
        part3_row(&doc, "三、本年度办理结果 （七）总计"),
        ["3", "1", "0", "0", "0", "0", "4"]
    );
    // Under part 三's table, which rule does not hold.
    assert_eq!(
        texts(&doc, "#part-3 .table-scroll + .report-note p"),
        ["本表照录已公开的原件。原件中以下勾稽关系不成立："]
    );
    assert_eq!(
        texts(&doc, "#part-3 .table-scroll + .report-note li"),
        [
            "（七）总计自然人列为3，而（一）至（六）之和为4。",
            "（七）总计总计列为4，而（一）至（六）之和为5。"
        ]
    );
    assert_eq!(texts(&doc, "#part-4 .report-note"), Vec::<String>::new());
    assert_eq!(
        texts(&doc, "article > .report-note p"),
        [
            "本报告照录已公开的原件，数据未作改动。",
            "原件中有2处勾稽关系不成立，说明见相关表格下方。"
        ]
    );
}

/// A CSV file as rows of fields; panics without the UTF-8 byte-order mark.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => field.push(c),
        }
    }
    assert!(row.is_empty() && field.is_empty(), "last line unterminated");
    rows
}

/// A cell of column `column` as the JSON download should hold it: the
/// 采购 columns as written, other cells as numbers.
fn json_cell(column: &str, shown: &str) -> Value {
    if column.starts_with("采购") {
        json!(shown)
    } else if let Ok(n) = shown.trim_start_matches('+').parse::<i64>() {
        json!(n)
    } else if let Ok(f) = shown.parse::<f64>() {
        json!(f)
    } else {
        json!(shown)
    }
}

fn downloads_round_trip(case: &str, e: &Expected) {
    let site = built(case);
    let y = e.year;
    let doc = site.html(&format!("ndbg/{y}.html"));
    let links = attrs(&doc, "section.downloads a", "href");
    let mut files = vec![format!("{y}/{y}.json")];
    files.extend((1..=e.part2.len()).map(|n| format!("{y}/{y}-part2-{n}.csv")));
    files.extend([format!("{y}/{y}-part3.csv"), format!("{y}/{y}-part4.csv")]);
    assert_eq!(links, files);
    let bytes = |f: &str| std::fs::read(site.output(&format!("ndbg/{f}"))).expect(f);
    for f in &files[1..] {
        assert!(bytes(f).starts_with(b"\xEF\xBB\xBF"), "{f} has no BOM");
    }
    // CSV: part 二, one file per sub-table.
    for (n, (caption, cols, rows)) in e.part2.iter().enumerate() {
        let mut want = vec![
            std::iter::once("信息内容")
                .chain(cols.iter().copied())
                .map(String::from)
                .collect::<Vec<_>>(),
        ];
        for (label, cells) in rows.iter() {
            want.push(
                std::iter::once(*label)
                    .chain(cells.iter().copied())
                    .map(String::from)
                    .collect(),
            );
        }
        assert_eq!(csv_rows(&bytes(&files[n + 1])), want, "{caption}");
    }
    // CSV: part 三 and 四. Part 三 names a row by its groups and label.
    let p3 = csv_rows(&bytes(&format!("{y}/{y}-part3.csv")));
    assert_eq!(
        p3[0],
        [
            "项目",
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计"
        ]
    );
    let got: Vec<(String, Vec<String>)> = p3[1..]
        .iter()
        .map(|r| (r[0].replace(' ', ""), r[1..].to_vec()))
        .collect();
    let want: Vec<(String, Vec<String>)> = e
        .part3
        .iter()
        .map(|(l, c)| (l.replace(' ', ""), c.iter().map(i64::to_string).collect()))
        .collect();
    assert_eq!(got, want);
    let p4 = csv_rows(&bytes(&format!("{y}/{y}-part4.csv")));
    let mut want4 = vec![
        std::iter::once("项目")
            .chain(OUTCOMES)
            .map(String::from)
            .collect::<Vec<_>>(),
    ];
    for (label, cells) in PART4_ROWS.iter().zip(&e.part4) {
        want4.push(
            std::iter::once(label.to_string())
                .chain(cells.iter().map(i64::to_string))
                .collect(),
        );
    }
    assert_eq!(p4, want4);
    // JSON: everything, totals included.
    let data: Value = serde_json::from_slice(&bytes(&files[0])).expect("JSON");
    assert_eq!(data["year"], json!(y));
    assert_eq!(data["edition"], json!(e.edition));
    let part2: Vec<Value> = e
        .part2
        .iter()
        .map(|(caption, cols, rows)| {
            let columns: Vec<&str> = std::iter::once("信息内容")
                .chain(cols.iter().copied())
                .collect();
            let rows: Vec<Value> = rows
                .iter()
                .map(|(label, shown)| {
                    let cells: Vec<Value> = cols
                        .iter()
                        .zip(*shown)
                        .map(|(c, s)| json_cell(c, s))
                        .collect();
                    json!({"label": label, "cells": cells})
                })
                .collect();
            json!({"caption": caption, "columns": columns, "rows": rows})
        })
        .collect();
    assert_eq!(data["二、主动公开政府信息情况"], json!(part2));
    let rows3: Vec<(String, Vec<i64>)> = data[PART3]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let mut names: Vec<&str> = r["groups"]
                .as_array()
                .expect("groups")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            names.push(r["label"].as_str().expect("label"));
            let cells = r["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .filter_map(Value::as_i64)
                .collect();
            (names.join(" "), cells)
        })
        .collect();
    let want3: Vec<(String, Vec<i64>)> = e
        .part3
        .iter()
        .map(|(l, c)| (l.to_string(), c.to_vec()))
        .collect();
    assert_eq!(rows3, want3);
    assert_eq!(data[PART4]["columns"], json!(OUTCOMES));
    let rows4: Vec<Value> = data[PART4]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["cells"].clone())
        .collect();
    assert_eq!(rows4, e.part4.iter().map(|r| json!(r)).collect::<Vec<_>>());
}

#[test]
fn downloads_round_trip_the_numbers_2019_edition() {
    downloads_round_trip("complete-2019", &COMPLETE_2019);
}

#[test]
fn downloads_round_trip_the_numbers_2021_edition() {
    downloads_round_trip("complete-2021", &COMPLETE_2021);
}

const NEW_2023: [&str; 5] = ["new", "report", "2023", "--edition", "2021"];

/// What a build says of a report just written by `gongkai new report 2023`.
const TEMPLATE_WARNING: &str = "content/ndbg/2023.yaml:14:1: 警告: 2023 年度报告还是 gongkai new report 生成的样稿：这一行起还留着示例文字（括号里的提示），照这样发布，读者看到的是样稿\n";

#[test]
fn new_report_writes_a_file_that_builds_as_is_and_never_overwrites_it() {
    let site = SiteTest::case("report", "new-report");
    site.remove("content/ndbg/2022.yaml");
    let run = site.run(&NEW_2023);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, "已写入 content/ndbg/2023.yaml（2021 版格式）\n");
    let written = std::fs::read(site.root.join("content/ndbg/2023.yaml")).expect("written");
    let build = site.build(&[]);
    // It builds; the build says it is still the template.
    assert_eq!(build.stderr, TEMPLATE_WARNING);
    let doc = site.html("ndbg/2023.html");
    assert_eq!(
        texts(&doc, "h1"),
        ["测试街道办事处2023年政府信息公开工作年度报告"]
    );
    assert_eq!(grid(&doc, PART3).len(), 25 * 7);
    assert!(grid(&doc, PART3).iter().all(|c| c.ends_with(": 0")));
    let again = site.run(&NEW_2023);
    assert_eq!(
        (again.code, again.stdout.as_str(), again.stderr.as_str()),
        (
            2,
            "",
            "错误: 「content/ndbg/2023.yaml」已经存在，不会覆盖它（如要重写，请先删除或改名）\n"
        )
    );
    assert_eq!(
        std::fs::read(site.root.join("content/ndbg/2023.yaml")).expect("kept"),
        written
    );
}

#[test]
fn new_report_copies_last_years_carried_over_applications() {
    let site = SiteTest::case("report", "new-report");
    let run = site.run(&NEW_2023);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "已写入 content/ndbg/2023.yaml（2021 版格式）\n二、上年结转 已从 content/ndbg/2022.yaml 的 四、结转下年度继续办理 复制过来\n"
    );
    let text = std::fs::read_to_string(site.root.join("content/ndbg/2023.yaml")).expect("written");
    let line: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.trim_start()
                .starts_with("二、上年结转政府信息公开申请数量:")
        })
        .collect();
    assert_eq!(
        line,
        [
            "  二、上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]  # 取自上年报告的四、结转下年度继续办理"
        ]
    );
}

#[test]

fn new_report_after_a_year_with_carried_over_applications_builds_as_is() {
    let site = SiteTest::case("report", "new-report");
    assert_eq!(site.run(&NEW_2023).code, 0);
    let run = site.build(&[]);
    assert_eq!(run.stderr, TEMPLATE_WARNING);
    let carried_in = part3_row(
        &site.html("ndbg/2023.html"),
        "二、上年结转政府信息公开申请数量",
    );
    let carried_out = part3_row(&site.html("ndbg/2022.html"), "四、结转下年度继续办理");
    assert_eq!(carried_in, carried_out);
    assert_eq!(carried_in, ["1", "0", "0", "0", "0", "0", "1"]);
}

#[test]
fn reports_column_lists_the_years_newest_first_with_a_chart_and_the_home_page_links_the_latest() {
    let site = built("series");
    let doc = site.html("ndbg/index.html");
    let rows: Vec<Vec<String>> = doc
        .select(&sel("table.report-years tbody tr"))
        .map(|tr| texts_in(tr, "th, td"))
        .collect();
    let title = |y: i32| format!("测试街道办事处{y}年政府信息公开工作年度报告");
    let row = |y: i32, date: &str, figures: [&str; 4]| {
        let mut r = vec![format!("{y}年"), title(y), date.to_string()];
        r.extend(figures.map(String::from));
        r
    };
    assert_eq!(
        rows,
        [
            row(2022, "2023-01-20", ["6", "4", "1", "2"]),
            row(2021, "2022-01-20", ["4", "3", "1", "0"]),
            row(2020, "2021-01-20", ["2", "1", "0", "0"]),
        ]
    );
    assert_eq!(
        texts(&doc, "table.report-years thead th"),
        [
            "年度",
            "报告",
            "发布日期",
            "新收申请（件）",
            "予以公开（件）",
            "行政复议（件）",
            "行政诉讼（件）"
        ]
    );
    assert_eq!(
        attrs(&doc, "table.report-years a", "href"),
        ["/ndbg/2022.html", "/ndbg/2021.html", "/ndbg/2020.html"]
    );
    // The chart: no script; its words and numbers are HTML text, newest
    // year first, beside bars that are SVGs without text; the results bar
    // is an image named by its parts; a data table as its text alternative.
    assert_eq!(
        doc.select(&sel("script:not([src$='static/elder.js'])"))
            .count(),
        0
    );
    assert_eq!(doc.select(&sel("main figure svg text")).count(), 0);
    assert_eq!(
        texts(&doc, "figure.chart .chart-legend li"),
        [
            "予以公开",
            "部分公开",
            "不予公开",
            "无法提供",
            "不予处理",
            "其他处理"
        ]
    );
    assert_eq!(
        texts(&doc, "figure.chart dt"),
        ["2022年", "2021年", "2020年"]
    );
    assert_eq!(
        texts(&doc, "figure.chart dd .chart-what"),
        [
            "本年新收：6件",
            "办理结果：6件",
            "本年新收：4件",
            "办理结果：4件",
            "本年新收：2件",
            "办理结果：1件",
        ]
    );
    assert_eq!(
        texts(&doc, "figure.chart dd svg[role=img] title"),
        [
            "予以公开4件、部分公开2件",
            "予以公开3件、无法提供1件",
            "予以公开1件"
        ]
    );
    assert_eq!(
        attrs(&doc, "figure.chart dd svg:not([role=img])", "aria-hidden"),
        ["true"; 3]
    );
    assert_eq!(
        attrs(&doc, "figure.chart dd svg", "viewBox"),
        ["0 0 6 1"; 6]
    );
    let data: Vec<Vec<String>> = doc
        .select(&sel("table.chart-data tbody tr"))
        .map(|tr| texts_in(tr, "th, td"))
        .collect();
    assert_eq!(
        data,
        [
            ["2022年", "6", "4", "2", "0", "0", "0", "0"],
            ["2021年", "4", "3", "0", "0", "1", "0", "0"],
            ["2020年", "2", "1", "0", "0", "0", "0", "0"],
        ]
    );
    let home = site.html("index.html");
    assert_eq!(
        attrs(&home, ".report-banner a", "href"),
        ["/ndbg/2022.html"]
    );
    assert_eq!(texts(&home, ".report-banner a"), [title(2022)]);
}

/// The fixtures that build, each into its own folder of one output root.
const BUILT: [&str; 10] = [
    "base",
    "blank-cells",
    "complete-2019",
    "complete-2021",
    "computed-totals",
    "label-normalisation",
    "new-report",
    "published-original",
    "rule-f",
    "series",
];

#[test]
fn report_pages_and_column_pages_pass_the_nu_checker_and_axe() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    for case in BUILT {
        let site = SiteTest::case("report", case);
        let dir = out.join(case);
        let dir_arg = dir.to_str().expect("utf-8 path");
        site.build(&[
            "--output",
            dir_arg,
            "--base-url",
            &format!("https://www.example.gov.cn/{case}/"),
        ]);
        assert!(dir.join("ndbg/index.html").is_file(), "{case}");
    }
    // One Nu checker run for every page of every fixture.
    if let Some(errors) = tools::vnu_errors(&out) {
        assert_eq!(errors, Vec::<String>::new());
    }
    // axe on the fixture with both editions, the chart and the home link.
    if let Some(violations) = tools::axe_violations_under(&out.join("series"), "/series/") {
        assert_eq!(violations, Vec::<String>::new());
    }
}

/// An imported report on the 2019 form of a later year whose original does
/// not add up: nothing to print on each build, since none of it can be
/// changed; check lists it, the edition without advice to change it.
#[test]
fn an_old_form_original_kept_as_published_builds_without_warnings() {
    let site = SiteTest::case("report", "old-form-original");
    let run = site.build(&[]);
    assert_eq!(run.stderr, "");
    let check = site.run(&["check"]);
    assert!(
        check.stdout.contains(
            "提示（3 处）\n  content/ndbg/2021.yaml:3:10: [report.edition] 2021 年度报告用的是 2019 版格式（edition: 2019），这一年度应该用 2021 版\n      改法：原件就是用这一版格式签发的，已按原件照录（reproduces_original），不用改\n"
        ),
        "{}",
        check.stdout
    );
    // A real problem of such a file still stops the build.
    let text = site.read_source("content/ndbg/2021.yaml");
    site.write(
        "content/ndbg/2021.yaml",
        text.replace("published: 2022-01-29", "published: 2022-02-30"),
    );
    let run = site.build_fails(&[]);
    assert!(run.stderr.contains("2022-02-30"), "{}", run.stderr);
}
