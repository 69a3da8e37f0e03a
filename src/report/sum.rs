//! Adding two reports of the same edition cell by cell, for a roll-up of
//! many agencies (a county's departments, a city's districts).
//!
//! Parts 二–四 are added row by row and column by column along the
//! edition's tables, which name every row and column by its official label;
//! what a cell becomes follows from its column's [`CellKind`]:
//!
//! - counts and 本年增/减 add as whole numbers, decimals (万元) as decimals,
//!   kept to as many places as the more precise of the two;
//! - a blank cell counts as 0; two blanks stay blank;
//! - a value that is not a number (kept as written in a reproduced
//!   original) counts as 0, as it does in the rules;
//! - text cells (采购项目数量, 采购总金额: amounts whose units each agency
//!   chooses, "19090元", "25.1万元") cannot be added: the sum leaves them
//!   blank, so a roll-up shows them as not given rather than a wrong figure.
//!
//! The prose parts (一, 五, 六) are not added: the sum has none. Rows and
//! cells of the sum have no position in any file.

use super::edition::{CellKind, Edition};
use super::{Cell, Data, Num, Part2Table, Part3, Part4, Pos, Prose, Row};

/// Why two reports cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SumError {
    /// The two follow different editions of the format, whose rows differ.
    Editions(u16, u16),
    /// A report's rows or cells do not match its edition's tables.
    Shape(&'static str),
}

impl std::fmt::Display for SumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SumError::Editions(a, b) => t!("report-sum-editions", a = *a, b = *b),
            SumError::Shape(what) => t!("report-sum-shape", what = *what),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SumError {}

/// `a` + `b`, cell by cell (see the module documentation for what each
/// kind of cell becomes). Both must follow the same edition.
pub(crate) fn add(a: &Data, b: &Data) -> Result<Data, SumError> {
    if a.edition.id != b.edition.id {
        return Err(SumError::Editions(a.edition.id, b.edition.id));
    }
    let edition = a.edition;
    check_shape(a, edition)?;
    check_shape(b, edition)?;
    let part2 = a
        .part2
        .iter()
        .zip(&b.part2)
        .map(|(x, y)| {
            let kinds: Vec<CellKind> = x.spec.columns.iter().map(|c| c.kind).collect();
            Part2Table {
                spec: x.spec,
                rows: x
                    .spec
                    .rows
                    .iter()
                    .zip(x.rows.iter().zip(&y.rows))
                    .map(|(spec, (r, s))| add_row(spec.label, r, s, &kinds))
                    .collect(),
            }
        })
        .collect();
    let counts = [CellKind::Count; 7];
    let part3 = Part3 {
        leaves: a.part3.leaves.clone(),
        rows: a
            .part3
            .leaves
            .iter()
            .zip(a.part3.rows.iter().zip(&b.part3.rows))
            .map(|(leaf, (r, s))| add_row(leaf.label, r, s, &counts))
            .collect(),
        line: 0,
    };
    let part4 = Part4 {
        rows: edition
            .part4
            .iter()
            .zip(a.part4.rows.iter().zip(&b.part4.rows))
            .map(|(spec, (r, s))| add_row(spec.label, r, s, &counts))
            .collect(),
    };
    Ok(Data {
        edition,
        overview: Prose::default(),
        part2,
        part3,
        part4,
        problems: Prose::default(),
        other: Prose::default(),
    })
}

/// Refuses data whose rows or cells do not follow `edition`, which adding
/// by position would silently mix up.
fn check_shape(d: &Data, edition: &Edition) -> Result<(), SumError> {
    let part2_ok = d.part2.len() == edition.part2.len()
        && d.part2.iter().zip(edition.part2).all(|(t, spec)| {
            t.spec.caption == spec.caption
                && t.rows.len() == spec.rows.len()
                && t.rows.iter().all(|r| r.cells.len() == spec.columns.len())
        });
    if !part2_ok {
        return Err(SumError::Shape(super::edition::PARTS[1]));
    }
    let leaves = edition.leaves();
    if d.part3.leaves != leaves
        || d.part3.rows.len() != leaves.len()
        || d.part3.rows.iter().any(|r| r.cells.len() != 7)
    {
        return Err(SumError::Shape(super::edition::PARTS[2]));
    }
    if d.part4.rows.len() != edition.part4.len() || d.part4.rows.iter().any(|r| r.cells.len() != 5)
    {
        return Err(SumError::Shape(super::edition::PARTS[3]));
    }
    Ok(())
}

fn add_row(label: &str, r: &Row, s: &Row, kinds: &[CellKind]) -> Row {
    Row {
        label: label.to_string(),
        cells: r
            .cells
            .iter()
            .zip(&s.cells)
            .zip(kinds)
            .map(|((x, y), kind)| add_cell(x, y, *kind))
            .collect(),
        line: 0,
        sound: r.sound && s.sound,
    }
}

/// One cell of the sum.
fn add_cell(x: &Cell, y: &Cell, kind: CellKind) -> Cell {
    let both_blank = x.num == Num::Blank && y.num == Num::Blank;
    if kind == CellKind::Text || both_blank {
        return Cell::blank(Pos::default());
    }
    let computed = x.computed && y.computed;
    if kind == CellKind::Decimal {
        let places = places(x).max(places(y));
        let shown = format!("{:.*}", places, decimal(x) + decimal(y));
        let value = shown.parse().unwrap_or(0.0);
        return Cell {
            shown,
            num: Num::Dec(value),
            pos: Pos::default(),
            computed,
        };
    }
    Cell {
        computed,
        ..Cell::int(x.count() + y.count())
    }
}

fn decimal(c: &Cell) -> f64 {
    match c.num {
        Num::Dec(f) => f,
        Num::Int(n) => n as f64,
        Num::Blank | Num::Text => 0.0,
    }
}

/// Decimal places of a decimal cell as shown ("4068.208" has 3).
fn places(c: &Cell) -> usize {
    match c.num {
        Num::Dec(_) => c.shown.split_once('.').map_or(0, |(_, f)| f.len()),
        _ => 0,
    }
}
