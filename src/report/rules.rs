//! The consistency rules (勾稽关系) of the reference, A–D within one report
//! and F–G across years. Rule E (what a cell may hold) is checked while
//! reading, in `parse/cells.rs`.
//!
//! Rules return findings as data; `mod.rs` decides whether they are errors or
//! warnings (published-original mode) and which go under the tables as notes.
//! Rows and columns are found by their role in the edition, never by place.

use super::edition::{APPLICANTS, ColumnRole, OUTCOMES, PARTS, Role};
use super::{Data, Part2Table, Row};
use crate::diag::codes::{self, Code};
use std::path::Path;

/// Which table a finding is about, for placing its note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Part 三.
    Applications,
    /// Part 四.
    Reviews,
}

/// A rule within one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// 一 + 二 = 三（七）总计 + 四, in each column of part 三.
    A,
    /// A part 三 row's 总计 is the sum of its six applicant columns.
    B,
    /// （七）总计 is the sum of the results （一）–（六）.
    C,
    /// A part 四 row's 总计 is the sum of its four outcomes.
    D,
}

impl Rule {
    /// The diagnostic code of its findings.
    pub fn code(self) -> &'static Code {
        match self {
            Rule::A => &codes::REPORT_RULE_A,
            Rule::B => &codes::REPORT_RULE_B,
            Rule::C => &codes::REPORT_RULE_C,
            Rule::D => &codes::REPORT_RULE_D,
        }
    }
}

/// One arithmetic finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that does not hold.
    pub rule: Rule,
    /// The table it concerns.
    pub table: Table,
    /// Line to point at; 0 when the row was not read from a file.
    pub line: u32,
    /// The message for the diagnostic.
    pub message: String,
    /// The same fact in Chinese, for the note under a reproduced original.
    pub note: String,
}

/// Runs rules A–D on one report.
pub fn check(data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let p = &data.part3;
    for (leaf, row) in p.leaves.iter().zip(&p.rows) {
        if let Some((message, note)) = row_total(row, &leaf.name(), &APPLICANTS) {
            out.push(finding(
                Rule::B,
                Table::Applications,
                row.line,
                message,
                note,
            ));
        }
    }
    rule_c(data, &mut out);
    rule_a(data, &mut out);
    for (spec, row) in data.edition.part4.iter().zip(&data.part4.rows) {
        if let Some((message, note)) = row_total(row, &spec.name(), &OUTCOMES) {
            out.push(finding(Rule::D, Table::Reviews, row.line, message, note));
        }
    }
    out
}

fn finding(rule: Rule, table: Table, line: u32, message: String, note: String) -> Finding {
    Finding {
        rule,
        table,
        line,
        message,
        note,
    }
}

/// Rules B and D: a given 总计 equals the sum of the other cells of its row.
fn row_total(row: &Row, name: &str, columns: &[&str]) -> Option<(String, String)> {
    let (total, parts) = row.cells.split_last()?;
    if !row.sound || total.computed {
        return None;
    }
    let sum: i64 = parts.iter().map(|c| c.count()).sum();
    let given = total.count();
    (sum != given).then(|| {
        let first = columns[0];
        let last = columns[columns.len() - 2];
        (
            format!("{name}, column 总计: {given}, but {first} … {last} add up to {sum}"),
            format!("{name}：总计为{given}，而{first}至{last}各列之和为{sum}。"),
        )
    })
}

/// Rule C: a given （七）总计 equals the sum of all results, column by column.
fn rule_c(data: &Data, out: &mut Vec<Finding>) {
    let results: Vec<&Row> = data.part3.rows_where(Role::is_result).collect();
    let Some((leaf, total)) = data.part3_rows(Role::ResultTotal).next() else {
        return;
    };
    let computed = total.cells.iter().all(|c| c.computed);
    if !total.sound || computed || results.iter().any(|r| !r.sound) {
        return;
    }
    let name = leaf.name();
    for (c, col) in APPLICANTS.iter().enumerate() {
        let sum: i64 = results.iter().map(|r| r.cells[c].count()).sum();
        let given = total.cells[c].count();
        if sum != given {
            out.push(finding(
                Rule::C,
                Table::Applications,
                total.line,
                format!("{name}, column {col}: {given}, but （一）…（六） add up to {sum}"),
                format!(
                    "{}{col}列为{given}，而（一）至（六）之和为{sum}。",
                    leaf.label
                ),
            ));
        }
    }
}

/// Rule A: 一 + 二 = 三（七）总计 + 四, column by column.
fn rule_a(data: &Data, out: &mut Vec<Finding>) {
    let one = |role| data.part3_row(role);
    let (Some(new), Some(carried), Some(total), Some(out_row)) = (
        one(Role::Received),
        one(Role::CarriedIn),
        one(Role::ResultTotal),
        one(Role::CarriedOut),
    ) else {
        return;
    };
    if ![new, carried, total, out_row].iter().all(|r| r.sound) {
        return;
    }
    for (c, col) in APPLICANTS.iter().enumerate() {
        let (a, b) = (new.cells[c].count(), carried.cells[c].count());
        let (t, o) = (total.cells[c].count(), out_row.cells[c].count());
        if a + b != t + o {
            out.push(finding(
                Rule::A,
                Table::Applications,
                out_row.line,
                format!(
                    "{}, column {col}: 一 + 二 = {a} + {b} = {}, but 三（七）总计 + 四 = {t} + {o} = {} (第一项加第二项之和应等于第三项加第四项之和)",
                    PARTS[2],
                    a + b,
                    t + o
                ),
                format!("{col}列：第一项加第二项之和为{}，第三项加第四项之和为{}，二者不等。", a + b, t + o),
            ));
        }
    }
}

/// One report as the cross-year rules see it.
pub(crate) struct YearData<'a> {
    /// The reported year.
    pub(crate) year: i32,
    /// The file, as diagnostics show it.
    pub(crate) path: &'a Path,
    /// Its data.
    pub(crate) data: &'a Data,
}

/// Rule F between consecutive years: the columns where this year's 二、上年结转
/// differs from last year's 四、结转下年度继续办理, as "自然人 2 vs 3".
pub(crate) fn carried_over(prev: &YearData<'_>, next: &YearData<'_>) -> Option<(u32, String)> {
    let (out_leaf, out) = prev.data.part3_rows(Role::CarriedOut).next()?;
    let (in_leaf, inn) = next.data.part3_rows(Role::CarriedIn).next()?;
    if !out.sound || !inn.sound {
        return None;
    }
    let diffs: Vec<String> = APPLICANTS
        .iter()
        .enumerate()
        .filter(|(c, _)| out.cells[*c].count() != inn.cells[*c].count())
        .map(|(c, col)| format!("{col} {} vs {}", inn.cells[c].count(), out.cells[c].count()))
        .collect();
    (!diffs.is_empty()).then(|| {
        (
            inn.line,
            format!(
                "{} of {} differs from {} of {} in {}:{}: {}",
                in_leaf.label,
                next.year,
                out_leaf.label,
                prev.year,
                prev.path.display(),
                out.line,
                diffs.join(", ")
            ),
        )
    })
}

/// Rule G (a heuristic): 现行有效件数 of this year against last year's plus
/// 制发 minus 废止, for each row of the table that has those columns (the
/// 2021 edition's 第二十条第（一）项).
pub(crate) fn in_force(prev: &YearData<'_>, next: &YearData<'_>) -> Vec<(u32, String)> {
    let (Some((a, _)), Some((b, _))) = (
        prev.data.part2_column(ColumnRole::InForce),
        next.data.part2_column(ColumnRole::InForce),
    ) else {
        return Vec::new();
    };
    let Some(cols) = in_force_columns(b) else {
        return Vec::new();
    };
    let Some(before_col) = a.spec.column(ColumnRole::InForce) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (ra, rb) in a.rows.iter().zip(&b.rows) {
        if !ra.sound || !rb.sound {
            continue;
        }
        let [made, repealed, now] = cols.map(|i| rb.cells[i].count());
        let before = ra.cells[before_col].count();
        if before + made - repealed != now {
            out.push((
                rb.line,
                format!(
                    "{} {}: 现行有效件数 is {now}, but {before} in {} + {made} 制发 − {repealed} 废止 = {}",
                    b.spec.caption,
                    rb.label,
                    prev.year,
                    before + made - repealed
                ),
            ));
        }
    }
    out
}

/// The issued, repealed and in-force columns of `t`, when it has all three.
fn in_force_columns(t: &Part2Table) -> Option<[usize; 3]> {
    Some([
        t.spec.column(ColumnRole::Issued)?,
        t.spec.column(ColumnRole::Repealed)?,
        t.spec.column(ColumnRole::InForce)?,
    ])
}
