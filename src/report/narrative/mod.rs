//! The narrative against the tables: the prose of a report (一、总体情况
//! above all, and 五 and 六) quotes figures the tables hold — 共收到政府
//! 信息公开申请26件, 予以公开9件, 行政复议1起 — and a figure that differs
//! from its cell is a warning (`report.narrative`) at the figure, naming
//! the clause and the cell.
//!
//! `phrases.rs` is the table of wordings (data), `figures.rs` reads the
//! figures out of a text, `numerals.rs` reads Chinese numerals. This file
//! finds the cell a figure means and where the figure is in the file. It
//! compares only what it can attribute without doubt, and only against
//! cells that hold a number (a blank or bad cell is reported elsewhere).

mod figures;
mod numerals;
mod phrases;
#[cfg(test)]
mod tests;

pub(crate) use figures::figures;
pub(crate) use phrases::Quantity;

use super::edition::{PARTS, Role};
use super::yaml::{Node, Pos, Value};
use super::{Cell, Data, Num, Row};
use crate::scheme::YamlProse;

/// A figure of the prose that differs from its cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mismatch {
    /// Where the figure is in the file.
    pub(crate) pos: Pos,
    /// The message.
    pub(crate) message: String,
}

/// Every figure of the prose parts of the report read from `text` (whose
/// tree is `root`) that differs from the cell it quotes, in file order.
pub(crate) fn check(text: &str, root: &Node, data: &Data, year: i32) -> Vec<Mismatch> {
    let prose = YamlProse::new(text);
    let mut nodes = prose_nodes(root);
    let parts = [
        (PARTS[0], &data.overview),
        (PARTS[4], &data.problems),
        (PARTS[5], &data.other),
    ];
    let mut out = Vec::new();
    for (part, p) in parts {
        for (heading, section) in &p.sections {
            // The node this text was read from: the first one not yet used
            // with exactly this text.
            let node = nodes.iter().position(|(_, s)| s == section);
            let start = node.map_or(Pos::default(), |i| nodes.remove(i).0);
            for f in figures(section, year) {
                let Some((cell, value)) = cell(data, f.quantity) else {
                    continue;
                };
                // What a report 受理 in the year may count the carried-in
                // applications with the new ones.
                let handled =
                    f.clause.contains("受理") && with_carried_in(data, f.quantity) == Some(f.value);
                if value == f.value || handled {
                    continue;
                }
                let place = format!("{part}{heading}");
                out.push(Mismatch {
                    pos: locate(text, &prose, start, section, f.at),
                    message: t!(
                        "report-narrative",
                        place = place,
                        text = f.clause.as_str(),
                        said = f.value,
                        cell = cell,
                        value = value
                    ),
                });
            }
        }
    }
    out.sort_by_key(|m| (m.pos.line, m.pos.col));
    out
}

/// The text values of the first two levels of the tree (the prose parts
/// and their sub-topics), with their positions, in file order.
fn prose_nodes(root: &Node) -> Vec<(Pos, &str)> {
    let mut out = Vec::new();
    let Value::Map(parts) = &root.value else {
        return out;
    };
    for (_, node) in parts {
        match &node.value {
            Value::Str(s) => out.push((node.pos, s.as_str())),
            Value::Map(sections) => {
                for (_, n) in sections {
                    if let Value::Str(s) = &n.value {
                        out.push((n.pos, s.as_str()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Where byte `at` of `section` (a text value starting at `start`) is in
/// the file. The line holding it is looked up in the file's lines without
/// indentation ([`YamlProse`]), from the value's line on; a value written
/// so that its lines are not the file's (folded or quoted over several
/// lines) points at the value itself.
fn locate(text: &str, prose: &YamlProse, start: Pos, section: &str, at: usize) -> Pos {
    let line_start = section[..at].rfind('\n').map_or(0, |i| i + 1);
    let written = section[line_start..].trim_start();
    let lead = section.len() - line_start - written.len();
    let Some(into) = at.checked_sub(line_start + lead) else {
        return start;
    };
    let line_end = written.find('\n').unwrap_or(written.len());
    let needle = &written[..line_end];
    let index = crate::diag::LineIndex::new(text, 1);
    let mut from = 0;
    while let Some(found) = prose.text.get(from..).and_then(|t| t.find(needle)) {
        let offset = prose.yaml_offset(from + found + into);
        let (line, col) = index.line_col(offset);
        if line >= start.line {
            return Pos { line, col };
        }
        from += found + needle.len().max(1);
    }
    start
}

/// The cell (or cells) `q` means in `data`, named as the form names them,
/// and its value; None when the edition has no such cell or one of them
/// does not hold a number.
pub(crate) fn cell(data: &Data, q: Quantity) -> Option<(String, i64)> {
    match q {
        Quantity::Part3(role) => {
            let rows: Vec<_> = data.part3_rows(role).collect();
            let value = totals(rows.iter().map(|(_, r)| *r))?;
            let (first, _) = rows.first()?;
            let name = if rows.len() == 1 {
                first.name()
            } else {
                first.groups.concat()
            };
            Some((named(&name, "总计", rows.len()), value))
        }
        Quantity::Part4(role) => {
            let rows: Vec<_> = data
                .edition
                .part4
                .iter()
                .zip(&data.part4.rows)
                .filter(|(spec, _)| spec.role == role)
                .collect();
            let value = totals(rows.iter().map(|(_, r)| *r))?;
            let names: Vec<String> = rows.iter().map(|(spec, _)| spec.name()).collect();
            let name = names.join(&t!("report-list-sep"));
            Some((named(&name, "总计", rows.len()), value))
        }
        Quantity::NewAndCarriedIn => {
            let rows: Vec<_> = [Role::Received, Role::CarriedIn]
                .into_iter()
                .flat_map(|role| data.part3_rows(role))
                .collect();
            let value = totals(rows.iter().map(|(_, r)| *r))?;
            let names: Vec<String> = rows.iter().map(|(leaf, _)| leaf.name()).collect();
            let name = names.join(&t!("report-list-sep"));
            Some((named(&name, "总计", rows.len()), value))
        }
        Quantity::Part2 { rows, columns } => data.part2.iter().find_map(|t| {
            let r = t.spec.rows.iter().position(|r| rows.contains(&r.label))?;
            let c = t
                .spec
                .columns
                .iter()
                .position(|c| columns.contains(&c.label))?;
            let row = t.rows.get(r).filter(|row| row.sound)?;
            let value = number(row.cells.get(c)?)?;
            let name = format!("{} {}", t.spec.caption, t.spec.rows[r].label);
            Some((named(&name, t.spec.columns[c].label, 1), value))
        }),
    }
}

/// For 新收 only: 新收 and 上年结转 together, the applications handled in
/// the year, which a report may give as what it 受理 (全年共受理7件，其中
/// 新收6件、上年结转1件).
fn with_carried_in(data: &Data, q: Quantity) -> Option<i64> {
    if q != Quantity::Part3(Role::Received) {
        return None;
    }
    cell(data, Quantity::NewAndCarriedIn).map(|(_, value)| value)
}

/// The sum of the last cells of `rows`; None when there is no row, or a
/// row or its total is not sound.
fn totals<'r>(rows: impl Iterator<Item = &'r Row>) -> Option<i64> {
    let mut sum = None;
    for r in rows {
        if !r.sound {
            return None;
        }
        sum = Some(sum.unwrap_or(0) + number(r.cells.last()?)?);
    }
    sum
}

fn number(c: &Cell) -> Option<i64> {
    match c.num {
        Num::Int(n) => Some(n),
        _ => None,
    }
}

fn named(rows: &str, column: &str, count: usize) -> String {
    if count == 1 {
        t!("report-narrative-cell", row = rows, column = column)
    } else {
        t!("report-narrative-cells", rows = rows, column = column)
    }
}
