//! The import as a whole on text written the many ways published reports
//! write it: labels with their group in one cell, a label split over two
//! cells, other numbering, full-width digits, dashes for blanks, a table's
//! header repeated where it was split across pages, part 四 one cell a
//! line, a row short of its 总计.

use super::{Hints, read_bytes};
use crate::report::edition::EDITION_2019;
use crate::report::{Num, label};
use std::path::Path;

fn part3_lines(label_of: impl Fn(usize, &str, &[&str]) -> String) -> Vec<String> {
    let header = "\t自然人\t法人或其他组织\t总计".to_string();
    let mut out = vec![header.clone()];
    for (i, leaf) in EDITION_2019.leaves().iter().enumerate() {
        if i == 12 {
            // The table goes on over a page break, its header repeated.
            out.push(header.clone());
            out.push("\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t".into());
        }
        // 12 applications received, all granted.
        let twelve = matches!(
            leaf.label,
            "一、本年新收政府信息公开申请数量" | "（一）予以公开" | "（七）总计"
        );
        let cells: Vec<String> = (0..7)
            .map(|c| match c {
                0 if twelve && i == 0 => "１２".to_string(),
                0 | 6 if twelve => "12".to_string(),
                4 => "—".to_string(),
                _ => "0".to_string(),
            })
            .collect();
        let mut row = label_of(i, leaf.label, &leaf.groups);
        row.push('\t');
        row.push_str(&cells.join("\t"));
        out.push(row);
    }
    out
}

fn report(part3: Vec<String>, part4: &str) -> String {
    let mut t = String::from(
        "某某县统计局2020年政府信息公开工作年度报告\n一、总体情况\n全年公开信息。\n二、主动公开政府信息情况\n\
         信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n\
         行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n行政处罚\t0\t0\t0\n行政强制\t0\t0\t0\n\
         行政事业性收费\t0\t0\n政府集中采购\t0\t0\n三、收到和处理政府信息公开申请情况\n",
    );
    for l in part3 {
        t.push_str(&l);
        t.push('\n');
    }
    t.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    t.push_str(part4);
    t.push_str("五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n某某县统计局 2021年1月15日\n");
    t
}

const PART4_ONE_A_LINE: &str = "行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n\
    结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n\
    1\n0\n0\n0\n1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n";

#[test]
fn labels_numbering_and_layouts_of_real_reports() {
    let lines = part3_lines(|i, label, groups| match i {
        // Group and row in one cell.
        _ if label.starts_with("1.属于") => format!("\t{}　{}", groups[1], label),
        // The row's note in a cell of its own.
        3 => "\t（二）部分公开\t（区分处理的，只计这一情形，不计其他情形）".to_string(),
        // Other numbering: 1、 and (3).
        _ if label.starts_with('2') => format!("\t\t{}", label.replacen('.', "、", 1)),
        _ => format!("\t{}", label.replace('（', "(").replace('）', ")")),
    });
    let text = report(lines, PART4_ONE_A_LINE);
    let got = read_bytes(Path::new("x.txt"), text.as_bytes(), &Hints::default()).expect("imports");
    assert_eq!(got.year(), 2020);
    assert_eq!(got.edition.id, 2019);
    assert_eq!(got.agency.as_deref(), Some("某某县统计局"));
    assert_eq!(
        got.published.map(|d| d.to_string()).as_deref(),
        Some("2021-01-15")
    );
    let d = got.data();
    let first: Vec<&Num> = d.part3.rows[0].cells.iter().map(|c| &c.num).collect();
    assert_eq!(first[0], &Num::Int(12));
    assert_eq!(first[4], &Num::Blank);
    assert_eq!(d.part4.rows[0].cells[0].num, Num::Int(1));
    assert_eq!(got.counts.blanks, 23);
    // Every rule holds, blanks counting as 0.
    assert!(!got.envelope().reproduces_original, "{:?}", got.findings);
}

#[test]
fn a_row_short_of_a_cell_is_padded_and_said() {
    let mut lines = part3_lines(|_, label, _| format!("\t{label}"));
    let last = lines.pop().expect("row 四");
    let short = last.rsplit_once('\t').expect("cells").0.to_string();
    lines.push(short);
    let text = report(lines, PART4_ONE_A_LINE);
    let got = read_bytes(Path::new("x.txt"), text.as_bytes(), &Hints::default()).expect("imports");
    let row = got.data().part3.rows.last().expect("row 四");
    assert_eq!(row.cells[6].num, Num::Blank);
    let msgs: Vec<&str> = got.findings.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        ["“四、结转下年度继续办理”这一行少了“总计”一格，按空白录入"]
    );
    assert_eq!(got.findings[0].line, Some(40));
    assert!(label::fold(&got.yaml).contains("四、结转下年度继续办理:[0,0,0,0,~,0,~]"));
}
