//! The consistency rules (勾稽关系) of the reference, A–D within one report
//! and F–G across years. Rule E (what a cell may hold) is checked while
//! reading, in `parse/cells.rs`.
//!
//! Rules return findings as data; `mod.rs` decides whether they are errors or
//! warnings (published-original mode) and which go under the tables as notes.
//! Rows and columns are found by their role in the edition, never by place.

use super::edition::{APPLICANTS, ColumnRole, OUTCOMES, PARTS, Role};
use super::yaml::Pos;
use super::{Cell, Data, Num, Part2Table, Row};
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
    /// Column of the cell on that line the finding is about (so findings
    /// of one line come in the table's column order); 0 when unknown.
    pub col: u32,
    /// The message for the diagnostic.
    pub message: String,
    /// The same fact in Chinese, for the note under a reproduced original.
    pub note: String,
    /// The cells of the sum that are blank or not a number (each counted
    /// as 0): the likely cause, under whose finding this one is grouped.
    pub causes: Vec<Cause>,
    /// Each written cell of the relation, with the value that alone would
    /// make it hold: what `blame` tries to find the one wrong cell behind
    /// several findings.
    pub fixes: Vec<(Pos, i64)>,
}

/// A suspect cell in a sum: where it is and the line of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause {
    /// The line of the row's key (where a blank-cell warning points).
    pub row_line: u32,
    /// The cell (where a bad-value error points).
    pub pos: Pos,
}

/// The cells of `cells` (on the row at `row_line`) that count as 0 without
/// being a number: blank, or a value the column does not allow.
fn suspects<'c>(row_line: u32, cells: impl IntoIterator<Item = &'c Cell>) -> Vec<Cause> {
    cells
        .into_iter()
        .filter(|c| !c.computed && c.pos.line > 0 && matches!(c.num, Num::Blank | Num::Text))
        .map(|c| Cause {
            row_line,
            pos: c.pos,
        })
        .collect()
}

/// The cells written wrong that column `c` of `row` was read or added up
/// from: the cell itself, or, for a row total left out, the row's other
/// cells.
fn cell_causes(row: &Row, c: usize) -> Vec<Cause> {
    match row.cells.get(c) {
        Some(cell) if cell.computed && c + 1 == row.cells.len() => {
            suspects(row.line, &row.cells[..c])
        }
        Some(cell) => suspects(row.line, [cell]),
        None => Vec::new(),
    }
}

/// Runs rules A–D on one report.
pub fn check(data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let p = &data.part3;
    for (leaf, row) in p.leaves.iter().zip(&p.rows) {
        if let Some((message, note)) = row_total(row, &leaf.name(), &APPLICANTS) {
            let mut f = finding(Rule::B, Table::Applications, row.line, message, note);
            f.col = last_col(row);
            f.causes = suspects(row.line, &row.cells);
            f.fixes = row_fixes(row);
            out.push(f);
        }
    }
    rule_c(data, &mut out);
    rule_a(data, &mut out);
    for (spec, row) in data.edition.part4.iter().zip(&data.part4.rows) {
        if let Some((message, note)) = row_total(row, &spec.name(), &OUTCOMES) {
            let mut f = finding(Rule::D, Table::Reviews, row.line, message, note);
            f.col = last_col(row);
            f.causes = suspects(row.line, &row.cells);
            f.fixes = row_fixes(row);
            out.push(f);
        }
    }
    out
}

/// The fixes of a row whose 总计 is not the sum of its other cells.
fn row_fixes(row: &Row) -> Vec<(Pos, i64)> {
    let Some((total, parts)) = row.cells.split_last() else {
        return Vec::new();
    };
    let diff = total.count() - parts.iter().map(Cell::count).sum::<i64>();
    fixes([total], parts, diff)
}

fn finding(rule: Rule, table: Table, line: u32, message: String, note: String) -> Finding {
    Finding {
        rule,
        table,
        line,
        col: 0,
        message,
        note,
        causes: Vec::new(),
        fixes: Vec::new(),
    }
}

/// The fixes of a relation `plus = minus` off by `diff` (plus − minus):
/// each written number of `plus` lowered by `diff`, each of `minus` raised.
fn fixes<'c>(
    plus: impl IntoIterator<Item = &'c Cell>,
    minus: impl IntoIterator<Item = &'c Cell>,
    diff: i64,
) -> Vec<(Pos, i64)> {
    let written = |c: &&Cell| !c.computed && c.pos.line > 0 && matches!(c.num, Num::Int(_));
    let lower = plus
        .into_iter()
        .filter(written)
        .map(|c| (c.pos, c.count() - diff));
    let raise = minus
        .into_iter()
        .filter(written)
        .map(|c| (c.pos, c.count() + diff));
    lower.chain(raise).collect()
}

/// The column of a row's last cell (its 总计) as written; 0 when computed.
fn last_col(row: &Row) -> u32 {
    row.cells.last().map_or(0, |c| c.pos.col)
}

/// What a cell holds, for a message: `填的是 5`, or that it is blank and
/// counted as 0 (a blank is not a number written wrong).
fn given_text(cell: &Cell) -> String {
    match cell.num {
        Num::Blank => t!("report-given-blank"),
        // Never a value the user did not write: what is there, and that it
        // counts as 0.
        Num::Text => t!("report-given-text", written = cell.shown.as_str()),
        _ => t!("report-given", value = cell.count()),
    }
}

/// A cell as a term of a sum in a message: its number, or what is written
/// in it when that is not a number (it counts as 0).
fn term(cell: &Cell) -> String {
    match cell.num {
        Num::Text => t!("report-term-text", written = cell.shown.as_str()),
        _ => cell.count().to_string(),
    }
}

/// A cell of another year's relation (rules F, G) in a message: as
/// [`term`], and a blank cell said as blank. Nothing groups these findings
/// under the blank cell's own warning, which may be in the other year's
/// file: a bare 0 would be a number nobody wrote.
fn year_term(cell: &Cell) -> String {
    match cell.num {
        Num::Blank => t!("report-term-blank"),
        _ => term(cell),
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
            t!(
                "report-rule-b",
                name = name,
                given = given_text(total),
                first = first,
                last = last,
                sum = sum
            ),
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
            let mut f = finding(
                Rule::C,
                Table::Applications,
                total.line,
                t!(
                    "report-rule-c",
                    name = name.as_str(),
                    column = *col,
                    given = given_text(&total.cells[c]),
                    sum = sum
                ),
                format!(
                    "{}{col}列为{given}，而（一）至（六）之和为{sum}。",
                    leaf.label
                ),
            );
            f.col = total.cells[c].pos.col;
            let column = results
                .iter()
                .chain([&total])
                .map(|r| (r.line, &r.cells[c]));
            f.causes = column
                .flat_map(|(line, cell)| suspects(line, [cell]))
                .collect();
            f.fixes = fixes(
                [&total.cells[c]],
                results.iter().map(|r| &r.cells[c]),
                given - sum,
            );
            out.push(f);
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
            let mut f = finding(
                Rule::A,
                Table::Applications,
                out_row.line,
                t!(
                    "report-rule-a",
                    part = PARTS[2],
                    column = *col,
                    a = term(&new.cells[c]),
                    b = term(&carried.cells[c]),
                    left = a + b,
                    t = term(&total.cells[c]),
                    o = term(&out_row.cells[c]),
                    right = t + o
                ),
                format!(
                    "{col}列：第一项加第二项之和为{}，第三项加第四项之和为{}，二者不等。",
                    a + b,
                    t + o
                ),
            );
            f.col = out_row.cells[c].pos.col;
            f.causes = [new, carried, out_row]
                .iter()
                .flat_map(|r| cell_causes(r, c))
                .collect();
            if total.line == 0 {
                // （七）总计 not written: added up from the results.
                f.causes.extend(
                    data.part3
                        .rows_where(Role::is_result)
                        .flat_map(|r| cell_causes(r, c)),
                );
            } else {
                f.causes.extend(cell_causes(total, c));
            }
            f.fixes = fixes(
                [&new.cells[c], &carried.cells[c]],
                [&total.cells[c], &out_row.cells[c]],
                a + b - t - o,
            );
            out.push(f);
        }
    }
}

/// One report as the cross-year rules see it.
pub(crate) struct YearData<'a> {
    /// The reported year.
    pub(crate) year: i32,
    /// The file, as diagnostics show it.
    pub(crate) path: &'a Path,
    /// False when the lines of its data are not the file's (a published
    /// original read through the YAML form): it is then named without one.
    pub(crate) lines: bool,
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
        .map(|(c, col)| {
            t!(
                "report-rule-f-diff",
                column = *col,
                this = year_term(&inn.cells[c]),
                prev = year_term(&out.cells[c])
            )
        })
        .collect();
    (!diffs.is_empty()).then(|| {
        (
            inn.line,
            t!(
                "report-rule-f",
                this_label = in_leaf.label,
                year = next.year,
                prev_label = out_leaf.label,
                prev = prev.year,
                place = match prev.lines {
                    true => format!("{}:{}", prev.path.display(), out.line),
                    false => prev.path.display().to_string(),
                },
                diffs = diffs.join(&t!("report-list-semi"))
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
        let [made, repealed, now] = cols.map(|i| &rb.cells[i]);
        let before = &ra.cells[before_col];
        let expected = before.count() + made.count() - repealed.count();
        if expected != now.count() {
            out.push((
                rb.line,
                t!(
                    "report-rule-g",
                    caption = b.spec.caption,
                    row = rb.label.as_str(),
                    now = given_text(now),
                    before = year_term(before),
                    year = prev.year,
                    made = year_term(made),
                    repealed = year_term(repealed),
                    expected = expected
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
