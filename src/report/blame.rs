//! One wrong cell behind several findings. A single mistyped number (a
//! 总计 of 9 where the rows add up to 8) breaks every relation the cell is
//! in: its row (rule B), its column (rule C) and the balance of 新收 and
//! 结转 (rule A). Said one by one, staff read three mistakes where they made
//! one. This finds the written cell that, set to one value, makes two or
//! more of the findings hold without breaking any other, so that `load` can
//! say that cell once, with the relations under it.
//!
//! Only findings without a blank or bad cell among their causes take part
//! (those are grouped under that cell already). Two mistakes that do not
//! explain each other stay two findings: a cell is blamed only for the
//! relations that hold once it alone is changed, and a tie between two
//! cells blames neither.

use super::edition::{APPLICANTS, OUTCOMES};
use super::narrative::Mismatch;
use super::rules::{self, Finding, Rule};
use super::yaml::Pos;
use super::{Cell, Data, Num};
use std::path::Path;

/// A report with more findings than this is not searched: the many
/// relations it breaks are not one typo.
const MAX_FINDINGS: usize = 40;

/// One written cell that alone breaks several relations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Blame {
    /// Where the cell is written.
    pub(crate) pos: Pos,
    /// The value that makes its relations hold.
    pub(crate) expected: i64,
    /// The findings (indices, in their order) that hold once it has that value.
    pub(crate) members: Vec<usize>,
}

type Key = (Rule, u32, u32);

fn key(f: &Finding) -> Key {
    (f.rule, f.line, f.col)
}

/// The cells to blame for `findings` (of `data`), in the order found.
pub(crate) fn blame(data: &Data, findings: &[Finding]) -> Vec<Blame> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = (0..findings.len())
        .filter(|&i| findings[i].causes.is_empty())
        .collect();
    // A blame holds two findings at least: a report with fewer (most
    // reports have none) is neither copied nor checked again.
    if open.len() < 2 || findings.len() > MAX_FINDINGS {
        return out;
    }
    let mut work = data.clone();
    while let Some(b) = best(&mut work, findings, &open) {
        set(&mut work, b.pos, b.expected);
        open.retain(|i| !b.members.contains(i));
        out.push(b);
    }
    out
}

/// The single-cell change of `work` that makes the most `open` findings
/// hold (two at least) and no other relation fail; None on a tie.
fn best(work: &mut Data, findings: &[Finding], open: &[usize]) -> Option<Blame> {
    let now: Vec<Key> = rules::check(work).iter().map(key).collect();
    let mut tried: Vec<(Pos, i64)> = Vec::new();
    let mut best: Option<Blame> = None;
    let mut tie = false;
    for &(pos, value) in open.iter().flat_map(|&i| &findings[i].fixes) {
        if value < 0 || tried.contains(&(pos, value)) {
            continue;
        }
        tried.push((pos, value));
        let Some(old) = set(work, pos, value) else {
            continue;
        };
        let after: Vec<Key> = rules::check(work).iter().map(key).collect();
        restore(work, pos, old);
        if after.iter().any(|k| !now.contains(k)) {
            continue;
        }
        let members: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| !after.contains(&key(&findings[i])))
            .collect();
        let more = best.as_ref().map_or(2, |b| b.members.len() + 1);
        if members.len() >= more {
            tie = false;
            best = Some(Blame {
                pos,
                expected: value,
                members,
            });
        } else if best
            .as_ref()
            .is_some_and(|b| b.members.len() == members.len() && b.pos != pos)
        {
            tie = true;
        }
    }
    best.filter(|_| !tie)
}

/// The written cell at `pos` of part 三 or 四.
fn cell_mut(data: &mut Data, pos: Pos) -> Option<&mut Cell> {
    let rows = data.part3.rows.iter_mut().chain(data.part4.rows.iter_mut());
    rows.flat_map(|r| r.cells.iter_mut())
        .find(|c| !c.computed && c.pos == pos)
}

/// Gives the cell at `pos` the number `value`; returns the cell as it was.
fn set(data: &mut Data, pos: Pos, value: i64) -> Option<Cell> {
    let cell = cell_mut(data, pos)?;
    let old = cell.clone();
    cell.num = Num::Int(value);
    cell.shown = value.to_string();
    Some(old)
}

fn restore(data: &mut Data, pos: Pos, old: Cell) {
    if let Some(cell) = cell_mut(data, pos) {
        *cell = old;
    }
}

/// `data` with the cell of `b` set to its expected value.
pub(crate) fn corrected(data: &Data, b: &Blame) -> Data {
    let mut out = data.clone();
    set(&mut out, b.pos, b.expected);
    out
}

/// The cell at `pos` as the form names it: its row, its column and what
/// it holds, e.g. (`三、本年度办理结果（七）总计`, `总计`, 9).
pub(crate) fn name(data: &Data, pos: Pos) -> Option<(String, &'static str, i64)> {
    let part3 = data
        .part3
        .leaves
        .iter()
        .map(|l| l.name())
        .zip(&data.part3.rows);
    let part4 = data
        .edition
        .part4
        .iter()
        .map(|s| s.name())
        .zip(&data.part4.rows);
    let named = part3
        .map(|(n, r)| (n, r, &APPLICANTS[..]))
        .chain(part4.map(|(n, r)| (n, r, &OUTCOMES[..])));
    for (row, r, columns) in named {
        if let Some(c) = r.cells.iter().position(|c| !c.computed && c.pos == pos) {
            return Some((row, columns.get(c)?, r.cells[c].count()));
        }
    }
    None
}

/// The message of blame `b`: the cell, what it holds and what its
/// relations say it should hold, then each relation (`findings` of its
/// members) and each figure of the prose (`prose`) that quotes the value
/// it should hold, one per line, as `  - file:line: …` when on another
/// line of `path` (None: the lines are not the user's, as for a report
/// imported from a published original, and only `  - …` is said).
pub(crate) fn message(
    path: Option<&Path>,
    data: &Data,
    b: &Blame,
    findings: &[Finding],
    prose: &[Mismatch],
) -> Option<String> {
    let (row, column, given) = name(data, b.pos)?;
    let lines = b
        .members
        .iter()
        .filter_map(|&i| findings.get(i))
        .map(|f| (f.line, f.message.as_str()))
        .chain(prose.iter().map(|m| (m.pos.line, m.message.as_str())));
    let mut out = t!(
        "report-blame",
        row = row,
        column = column,
        given = given,
        count = b.members.len() + prose.len(),
        expected = b.expected
    );
    for (line, text) in lines {
        let at = match (line, path) {
            (l, Some(path)) if l != b.pos.line && l != 0 => format!("{}:{l}: ", path.display()),
            _ => String::new(),
        };
        out.push_str(&format!("\n  - {at}{text}"));
    }
    Some(out)
}

/// The code of blame `b`: that of the relation found at the cell itself,
/// else of its first relation.
pub(crate) fn code(b: &Blame, findings: &[Finding]) -> Option<Rule> {
    let member = |i: &usize| findings.get(*i);
    let at_cell = b
        .members
        .iter()
        .filter_map(member)
        .find(|f| f.line == b.pos.line && f.col == b.pos.col);
    at_cell
        .or_else(|| b.members.first().and_then(member))
        .map(|f| f.rule)
}
