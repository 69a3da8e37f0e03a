//! The text `gongkai new report` writes: a complete report file for one
//! edition, every heading and row present, zeros in the cells, a comment
//! above each table naming its columns, and placeholders for the prose.
//!
//! Only text is produced here; writing the file (and refusing to overwrite)
//! is the command's job.

use super::edition::{
    APPLICANTS, Edition, Entry, LITIGATION, LITIGATION_KINDS, OUTCOMES, PARTS, REVIEW, Role,
};
use std::fmt::Write as _;

/// What to put in the new file.
#[derive(Debug, Clone)]
pub struct Scaffold<'a> {
    /// The reported year.
    pub year: i32,
    /// The edition to follow.
    pub edition: &'a Edition,
    /// 二、上年结转 pre-filled from last year's 四、结转下年度继续办理.
    pub carried_in: Option<Vec<i64>>,
    /// 现行有效件数 pre-filled from last year's (2021 edition).
    pub in_force: Option<Vec<i64>>,
}

fn zeros(n: usize) -> String {
    format!("[{}]", vec!["0"; n].join(", "))
}

/// The file's text.
pub fn text(s: &Scaffold<'_>) -> String {
    let mut out = String::new();
    let e = s.edition;
    let _ = writeln!(out, "# {}年政府信息公开工作年度报告", s.year);
    let _ = writeln!(
        out,
        "# 格式：{}（edition {}）。按已签发的报告逐格填写；原件空白的格写 ~。",
        e.issued_with, e.id
    );
    let _ = writeln!(out, "year: {}", s.year);
    let _ = writeln!(out, "edition: {}", e.id);
    let _ = writeln!(out, "# agency: 不写则使用站点的机构名称");
    let _ = writeln!(
        out,
        "published: {}-01-31  # 公开日期，按实际填写",
        s.year + 1
    );
    out.push('\n');
    prose(
        &mut out,
        PARTS[0],
        "（概述本年度政府信息公开工作：主动公开、依申请公开、政府信息管理、平台建设、监督保障。）",
    );
    let _ = writeln!(out, "{}:", PARTS[1]);
    for t in e.part2 {
        let cols: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
        let _ = writeln!(out, "  # 列：{}", cols.join(", "));
        let _ = writeln!(out, "  {}:", t.caption);
        let in_force = s
            .in_force
            .as_deref()
            .filter(|v| cols.len() == 3 && cols[0] == "本年制发件数" && v.len() == t.rows.len());
        for (i, row) in t.rows.iter().enumerate() {
            match in_force {
                Some(v) => {
                    let _ = writeln!(
                        out,
                        "    {}: [0, 0, {}]  # 现行有效件数取自上年报告",
                        row.label, v[i]
                    );
                }
                None => {
                    let _ = writeln!(out, "    {}: {}", row.label, zeros(cols.len()));
                }
            }
        }
    }
    out.push('\n');
    let _ = writeln!(out, "{}:", PARTS[2]);
    let _ = writeln!(
        out,
        "  # 列：{}（总计可不写，不写时自动计算）",
        APPLICANTS.join(", ")
    );
    part3(&mut out, e.part3, 1, s.carried_in.as_deref());
    out.push('\n');
    let _ = writeln!(out, "{}:", PARTS[3]);
    let _ = writeln!(out, "  # 列：{}", OUTCOMES.join(", "));
    let _ = writeln!(out, "  {REVIEW}: {}", zeros(5));
    let _ = writeln!(out, "  {LITIGATION}:");
    for kind in LITIGATION_KINDS {
        let _ = writeln!(out, "    {kind}: {}", zeros(5));
    }
    out.push('\n');
    prose(&mut out, PARTS[4], "（说明存在的主要问题和改进措施。）");
    prose(
        &mut out,
        PARTS[5],
        "（如收取信息处理费，写明件数和金额；没有则写“无。”）",
    );
    out
}

fn prose(out: &mut String, heading: &str, placeholder: &str) {
    let _ = writeln!(out, "{heading}: |\n  {placeholder}\n");
}

fn part3(out: &mut String, entries: &[Entry], depth: usize, carried_in: Option<&[i64]>) {
    let pad = "  ".repeat(depth);
    for entry in entries {
        match entry {
            Entry::Group(label, children) => {
                let _ = writeln!(out, "{pad}{label}:");
                part3(out, children, depth + 1, carried_in);
            }
            // Carried-in applications are still open in an unfilled form,
            // so they are pre-filled as carried out too: the file balances
            // (rule A) until the year's results are entered.
            Entry::Row(label, role @ (Role::CarriedIn | Role::CarriedOut)) => match carried_in {
                Some(cells) => {
                    let cells: Vec<String> = cells.iter().map(i64::to_string).collect();
                    let note = if *role == Role::CarriedIn {
                        "取自上年报告的四、结转下年度继续办理"
                    } else {
                        "暂同上年结转数；填写办理结果后请改为实际结转数"
                    };
                    let _ = writeln!(out, "{pad}{label}: [{}]  # {note}", cells.join(", "));
                }
                None => {
                    let _ = writeln!(out, "{pad}{label}: {}", zeros(7));
                }
            },
            Entry::Row(label, _) => {
                let _ = writeln!(out, "{pad}{label}: {}", zeros(7));
            }
        }
    }
}
