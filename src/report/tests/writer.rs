//! The writer read back: every example report, and copies of them with the
//! values that need care (blanks, signed and decimal cells, text that must
//! be quoted, old row labels, prose with leading spaces), parse to the same
//! envelope and data as the original.

use super::{Y2020, Y2021, Y2022, edit, load_as, report};
use crate::diag::Severity;
use crate::report::{Comments, Data, Num, Report, write};

/// Every value of the data, with the flags that matter, but not positions.
fn values(d: &Data) -> Vec<String> {
    let row = |name: &str, r: &crate::report::Row| {
        let cells: Vec<(&str, &Num, bool)> = r
            .cells
            .iter()
            .map(|c| (c.shown.as_str(), &c.num, c.computed))
            .collect();
        format!("{name} | {} | {cells:?} | {}", r.label, r.sound)
    };
    let mut out = vec![format!("edition {}", d.edition.id)];
    for t in &d.part2 {
        out.extend(t.rows.iter().map(|r| row(t.spec.caption, r)));
    }
    let p = &d.part3;
    out.extend(p.leaves.iter().zip(&p.rows).map(|(l, r)| row(&l.name(), r)));
    out.extend(
        d.edition
            .part4
            .iter()
            .zip(&d.part4.rows)
            .map(|(s, r)| row(&s.name(), r)),
    );
    for prose in [&d.overview, &d.problems, &d.other] {
        out.push(format!("{:?}", prose.sections));
    }
    out
}

/// Writes `r` and reads it back, asserting the same envelope and data.
fn round_trip(name: &str, r: &Report) -> String {
    let text = write(r.envelope(), r.data(), &Comments::default());
    let (back, diags) = load_as(name, &text);
    let Some(back) = back else {
        panic!("{name}: the written text does not load:\n{text}\n{diags:#?}");
    };
    assert_eq!(back.envelope(), r.envelope(), "{name}:\n{text}");
    assert_eq!(values(back.data()), values(r.data()), "{name}:\n{text}");
    text
}

#[test]
fn example_reports_read_back_the_same() {
    for (name, text) in [
        ("2020.yaml", Y2020),
        ("2021.yaml", Y2021),
        ("2022.yaml", Y2022),
    ] {
        let (r, _) = report(name, text);
        let written = round_trip(name, &r);
        let (_, diags) = load_as(name, &written);
        assert!(diags.is_empty(), "{name}: {diags:#?}");
    }
}

#[test]
fn the_written_form_reads_like_the_paper_form() {
    let (r, _) = report("2022.yaml", Y2022);
    let text = round_trip("2022.yaml", &r);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "# 大街街道办事处2022年政府信息公开工作年度报告",
            "# 格式：国办公开办函〔2021〕30号（edition 2021）。按已签发的报告逐格填写；原件空白的格写 ~。",
            "year: 2022",
            "edition: 2021",
            "agency: 大街街道办事处",
            "published: 2023-01-30",
        ]
    );
    for needle in [
        "二、主动公开政府信息情况:\n  # 列：本年制发件数, 本年废止件数, 现行有效件数\n  第二十条第（一）项:\n    规章: [0, 0, 0]\n",
        "  # 列：自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计（总计可不写，不写时自动计算）\n",
        "    （三）不予公开:\n      1.属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\n",
        "  行政诉讼:\n    未经复议直接起诉: [0, 0, 0, 1, 1]\n",
        "一、总体情况:\n  （一）主动公开: |\n    全年在",
    ] {
        assert!(text.contains(needle), "{needle}\n---\n{text}");
    }
    // 2022 leaves out （七）总计; so does what is written from it.
    assert!(!text.contains("（七）总计"), "{text}");
}

#[test]
fn values_that_need_care_read_back_the_same() {
    let mut text = edit(
        Y2020,
        "其他对外管理服务事项",
        "其他对外管理服务事项: [32, \"+17\", ~]",
    );
    text = edit(
        &text,
        "政府集中采购",
        "政府集中采购: [\"1, 2\", \"#3: 元\"]",
    );
    text = edit(
        &text,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [0, 0, ~, 0, 0, 0]",
    );
    text = text.replace(
        "agency: 大街街道办事处\n",
        "agency: \"大街街道: 办事处\"\nreproduces_original: true\noriginal_note: 照录原件。\n",
    );
    text = text.replace(
        "六、其他需要报告的事项: |\n",
        "六、其他需要报告的事项: |2\n    缩进的第一行\n  第二行\n\n",
    );
    let (r, diags) = report("2020.yaml", &text);
    assert!(of_errors(&diags).is_empty(), "{diags:#?}");
    round_trip("2020.yaml", &r);

    let mut text = edit(Y2021, "行政事业性收费", "行政事业性收费: [\"1.50\"]");
    text = edit(&text, "行政规范性文件", "规范性文件: [1, 0, 3]");
    text = text.replace("agency: 大街街道办事处\n", "");
    let (r, diags) = report("2021.yaml", &text);
    assert!(of_errors(&diags).is_empty(), "{diags:#?}");
    assert_eq!(r.envelope().agency, None);
    let written = round_trip("2021.yaml", &r);
    // A plain 1.50 keeps its trailing zero, so it needs no quotes.
    assert!(written.contains("行政事业性收费: [1.50]"), "{written}");
    // 2019's 规范性文件 is written back under its 2021 label.
    assert!(
        written.contains("    行政规范性文件: [1, 0, 3]"),
        "{written}"
    );
    assert!(written.contains("# agency: 不写则使用站点的机构名称\n"));
}

#[test]
fn a_bad_value_kept_in_a_reproduced_original_reads_back_the_same() {
    let text = edit(
        Y2021,
        "一、本年新收",
        "一、本年新收政府信息公开申请数量: [3件, 1, 0, 0, 0, 0, 4]",
    );
    let text = text.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nreproduces_original: true\n",
    );
    let (r, _) = report("2021.yaml", &text);
    round_trip("2021.yaml", &r);
}

#[test]
fn comments_go_at_the_end_of_their_lines() {
    let (r, _) = report("2021.yaml", Y2021);
    let comments = Comments {
        published: Some("公开日期".into()),
        rows: vec![(crate::report::RowAt::Part4(2), "复议后起诉的注".into())],
    };
    let text = write(r.envelope(), r.data(), &comments);
    assert!(
        text.contains("\npublished: 2022-01-28  # 公开日期\n"),
        "{text}"
    );
    assert!(
        text.contains("\n    复议后起诉: [0, 0, 0, 0, 0]  # 复议后起诉的注\n"),
        "{text}"
    );
}

fn of_errors(diags: &[crate::diag::Diagnostic]) -> Vec<String> {
    super::of(diags, Severity::Error)
}

#[test]
fn a_row_label_the_form_does_not_accept_is_written_official() {
    let (r, _) = report("2021.yaml", Y2021);
    let mut data = r.data().clone();
    data.part2[0].rows[1].label = "其他文件".into();
    let text = write(r.envelope(), &data, &Comments::default());
    assert!(text.contains("\n    行政规范性文件: [1, 0, 3]\n"), "{text}");
    let (back, diags) = load_as("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    let label = back.map(|b| b.data().part2[0].rows[1].label.clone());
    assert_eq!(label.as_deref(), Some("行政规范性文件"));
}

#[test]
fn catalogue_fields_read_back_the_same() {
    // The example's own 信息索引 fields out first.
    let plain: String = Y2021
        .lines()
        .filter(|l| !l.starts_with("index_no:") && !l.starts_with("topic:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let text = plain.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nindex_no: \"000000000/2022-00003\"\ndoc_no: 测街办〔2022〕3号\npublisher: 测试街道党政综合办公室\nwritten: 2022-01-18\ntopic: 年度报告\nvalidity: 有效\n",
    );
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(r.envelope().index.written.as_deref(), Some("2022-01-18"));
    let written = round_trip("2021.yaml", &r);
    assert!(written.contains("doc_no: 测街办〔2022〕3号\n"), "{written}");
    let bad = plain.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nwritten: 去年\n",
    );
    let (_, diags) = load_as("2021.yaml", &bad);
    assert_eq!(
        diags.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "content/ndbg/2021.yaml:5:10: 错误: `written:`（成文日期）应写日期，如 2022-01-20，这里写的是「去年」"
        ]
    );
}

#[test]
fn attachments_read_back_the_same() {
    let text = Y2021.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nattachments:\n  - 2021.pdf\n  - {file: \"原件, 扫描.pdf\", title: 签发稿}\n",
    );
    let (r, diags) = report("2021.yaml", &text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(r.attachment_entries().len(), 2);
    let written = round_trip("2021.yaml", &r);
    assert!(
        written.contains(
            "attachments:\n  - 2021.pdf\n  - {file: \"原件, 扫描.pdf\", title: \"签发稿\"}\n"
        ),
        "{written}"
    );
}

#[test]
fn an_attachment_without_a_file_is_reported() {
    let text = Y2021.replace(
        "published: 2022-01-28\n",
        "published: 2022-01-28\nattachments:\n  - {title: 签发稿}\n",
    );
    let (r, diags) = report("2021.yaml", &text);
    assert!(r.attachment_entries().is_empty());
    assert_eq!(
        diags.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "content/ndbg/2021.yaml:6:5: 错误: 附件应写文件名（如「- 2024.pdf」），或写成「- {file: 2024.pdf, title: 签发稿}」"
        ]
    );
}
