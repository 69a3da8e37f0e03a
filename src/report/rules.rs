//! The consistency rules (勾稽关系) of the reference, A–D within one report
//! and F–G across years. Rule E (what a cell may hold) is checked while
//! reading, in `parse/cells.rs`.
//!
//! Rules return findings as data; `mod.rs` decides whether they are errors or
//! warnings (published-original mode) and which go under the tables as notes.

use super::edition::{self, APPLICANTS, OUTCOMES, Role};
use super::model::{Data, Part3, Row};
use std::path::Path;

/// Which table a finding is about, for placing its note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    /// Part 三.
    Applications,
    /// Part 四.
    Reviews,
}

/// One arithmetic finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// Rule letter A–D.
    pub(crate) rule: char,
    /// The table it concerns.
    pub(crate) table: Table,
    /// Line to point at.
    pub(crate) line: u32,
    /// The message for the diagnostic.
    pub(crate) message: String,
    /// The same fact in Chinese, for the note under a reproduced original.
    pub(crate) note: String,
}

/// Runs rules A–D on one report.
pub(crate) fn check(data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let p = &data.part3;
    for (leaf, row) in p.leaves.iter().zip(&p.rows) {
        if let Some((message, note)) = row_total(row, &leaf.name(), &APPLICANTS) {
            out.push(finding('B', Table::Applications, row.line, message, note));
        }
    }
    rule_c(p, &mut out);
    rule_a(p, &mut out);
    for (i, row) in data.part4.rows.iter().enumerate() {
        let name = if i == 0 {
            edition::REVIEW.to_string()
        } else {
            format!("{} {}", edition::LITIGATION, row.label)
        };
        if let Some((message, note)) = row_total(row, &name, &OUTCOMES) {
            out.push(finding('D', Table::Reviews, row.line, message, note));
        }
    }
    out
}

fn finding(rule: char, table: Table, line: u32, message: String, note: String) -> Finding {
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

fn rows_with(p: &Part3, role: Role) -> Vec<&Row> {
    p.leaves
        .iter()
        .zip(&p.rows)
        .filter(|(l, _)| l.role == role)
        .map(|(_, r)| r)
        .collect()
}

/// Rule C: a given （七）总计 equals the sum of all results, column by column.
fn rule_c(p: &Part3, out: &mut Vec<Finding>) {
    let results = rows_with(p, Role::Result);
    let Some(total) = rows_with(p, Role::ResultTotal).into_iter().next() else {
        return;
    };
    if !total.sound || total.line == 0 || results.iter().any(|r| !r.sound) {
        return;
    }
    for (c, col) in APPLICANTS.iter().enumerate() {
        let sum: i64 = results.iter().map(|r| r.cells[c].count()).sum();
        let given = total.cells[c].count();
        if sum != given {
            out.push(finding(
                'C',
                Table::Applications,
                total.line,
                format!(
                    "{}{}, column {col}: {given}, but （一）…（六） add up to {sum}",
                    edition::RESULTS_GROUP,
                    edition::RESULT_TOTAL
                ),
                format!(
                    "{}{col}列为{given}，而（一）至（六）之和为{sum}。",
                    edition::RESULT_TOTAL
                ),
            ));
        }
    }
}

/// Rule A: 一 + 二 = 三（七）总计 + 四, column by column.
fn rule_a(p: &Part3, out: &mut Vec<Finding>) {
    let one = |role| rows_with(p, role).into_iter().next();
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
                'A',
                Table::Applications,
                out_row.line,
                format!(
                    "{}, column {col}: 一 + 二 = {a} + {b} = {}, but 三（七）总计 + 四 = {t} + {o} = {} (第一项加第二项之和应等于第三项加第四项之和)",
                    edition::PARTS[2],
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
    let out = rows_with(&prev.data.part3, Role::CarriedOut)
        .into_iter()
        .next()?;
    let inn = rows_with(&next.data.part3, Role::CarriedIn)
        .into_iter()
        .next()?;
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
                edition::CARRIED_IN,
                next.year,
                edition::CARRIED_OUT,
                prev.year,
                prev.path.display(),
                out.line,
                diffs.join(", ")
            ),
        )
    })
}

/// Rule G (a heuristic): 现行有效件数 of this year against last year's plus
/// 制发 minus 废止, for each row of 第二十条第（一）项 in the 2021 edition.
pub(crate) fn in_force(prev: &YearData<'_>, next: &YearData<'_>) -> Vec<(u32, String)> {
    let table = |d: &Data| {
        d.part2
            .iter()
            .find(|t| t.spec.columns.first().map(|c| c.label) == Some("本年制发件数"))
            .cloned()
    };
    let (Some(a), Some(b)) = (table(prev.data), table(next.data)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (ra, rb) in a.rows.iter().zip(&b.rows) {
        if !ra.sound || !rb.sound {
            continue;
        }
        let [made, repealed, now] = [0, 1, 2].map(|i| rb.cells[i].count());
        let before = ra.cells[2].count();
        if before + made - repealed != now {
            out.push((
                rb.line,
                format!(
                    "第二十条第（一）项 {}: 现行有效件数 is {now}, but {before} in {} + {made} 制发 − {repealed} 废止 = {}",
                    rb.label,
                    prev.year,
                    before + made - repealed
                ),
            ));
        }
    }
    out
}
