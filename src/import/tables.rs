//! The tables of parts 二, 三 and 四 read from a located report: every row
//! of the edition found by its label, in order, and its cells taken from
//! the same table row (the last cells of the row, so a label split over
//! two cells or a group label in front does not shift the numbers).
//!
//! Cells are found in a stream of tokens (each table cell, each paragraph),
//! not by table position, so tables split across pages with their header
//! repeated, rows typed one cell per line, and extra header rows all read
//! the same. A row that cannot be found is named with the place in the
//! file where its table is; the import then fails.

use super::cells::{self, Note};
use super::doc::{Block, Loc};
use super::labels;
use crate::report::edition::{CellKind, Edition, OUTCOMES};
use crate::report::{Cell, Part2Table, Part3, Part4, Row, label};

/// A table cell or a paragraph, in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    text: String,
    loc: Loc,
    /// The block index of its table row; None for a paragraph.
    row: Option<usize>,
}

/// The tokens of `blocks[from..to]`; cells covered by a span are left out,
/// but for a cell merged down, whose value counts in each row it covers.
pub(crate) fn tokens(blocks: &[Block], from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate().take(to).skip(from) {
        match b {
            Block::Para { text, loc } => out.push(Tok {
                text: text.clone(),
                loc: *loc,
                row: None,
            }),
            Block::Row { cells, loc } => {
                for c in cells.iter().filter(|c| !c.copy || c.above) {
                    out.push(Tok {
                        text: c.text.clone(),
                        loc: *loc,
                        row: Some(i),
                    });
                }
            }
        }
    }
    out
}

/// What reading the tables found besides the cells.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Rows of the form that were not found: (row name, where its table is).
    pub(crate) missing: Vec<(String, Loc)>,
    /// Notes on single cells: (row name, column, what, where).
    pub(crate) notes: Vec<CellNote>,
    /// Where each cell read is in the file: (row name, column, where),
    /// so that a finding about a cell points into the original.
    pub(crate) places: Vec<(String, String, Loc)>,
    /// Data rows read.
    pub(crate) rows: usize,
    /// Cells read.
    pub(crate) cells: usize,
    /// Blank cells among them.
    pub(crate) blanks: usize,
}

/// A cell worth telling the user about.
#[derive(Debug, Clone)]
pub(crate) struct CellNote {
    /// The row's name.
    pub(crate) row: String,
    /// The column's label.
    pub(crate) column: String,
    /// What happened.
    pub(crate) note: Note,
    /// The cell as printed.
    pub(crate) printed: String,
    /// Where.
    pub(crate) loc: Loc,
}

/// Finds rows one after another in one part's tokens.
pub(crate) struct Reader<'t> {
    toks: &'t [Tok],
    cursor: usize,
    used: Vec<bool>,
    /// Where the part starts, for rows that are not found.
    pub(crate) at: Loc,
    pub(crate) found: &'t mut Found,
}

impl<'t> Reader<'t> {
    pub(crate) fn new(toks: &'t [Tok], at: Loc, found: &'t mut Found) -> Self {
        Reader {
            toks,
            cursor: 0,
            used: vec![false; toks.len()],
            at,
            found,
        }
    }

    /// True when token `i` may be the label of a data row: it matches, and
    /// a value follows it (in its table row, or next when it is a paragraph).
    fn label_at(&self, i: usize, official: &str, aliases: &[&str]) -> bool {
        let t = &self.toks[i];
        if self.used[i] || labels::is_value(&t.text) {
            return false;
        }
        let (pn, on) = (
            labels::number_value(&label::number(&t.text)),
            labels::number_value(&label::number(official)),
        );
        // Another number is another row, unless the printed label is the
        // group's and the row's in one cell.
        let combined = {
            let (p, o) = (labels::norm(&t.text), labels::norm(official));
            p.len() > o.len() && p.ends_with(&o)
        };
        if pn.is_some() && on.is_some() && pn != on && !combined {
            return false;
        }
        if !labels::matches(&t.text, official, aliases) {
            return false;
        }
        let next = self.toks.get(i + 1);
        match t.row {
            Some(r) => self.toks[i + 1..]
                .iter()
                .take_while(|n| n.row == Some(r))
                .any(|n| labels::is_value(&n.text)),
            None => next.is_some_and(|n| labels::is_value(&n.text)),
        }
    }

    fn find(&self, official: &str, aliases: &[&str]) -> Option<usize> {
        (self.cursor..self.toks.len())
            .chain(0..self.cursor)
            .find(|&i| self.label_at(i, official, aliases))
    }

    /// Reads the row `official` (or an alias) with one cell per `kinds`;
    /// None, with the row recorded as missing, when it is not there.
    pub(crate) fn row(
        &mut self,
        name: &str,
        official: &str,
        aliases: &[&str],
        columns: &[(&str, CellKind)],
    ) -> Option<Row> {
        let Some(i) = self.find(official, aliases) else {
            self.found.missing.push((name.to_string(), self.at));
            return None;
        };
        self.used[i] = true;
        let n = columns.len();
        let t = &self.toks[i];
        let after: Vec<usize> = match t.row {
            Some(r) => (i + 1..self.toks.len())
                .take_while(|&j| self.toks[j].row == Some(r))
                .collect(),
            None => (i + 1..self.toks.len()).take(n).collect(),
        };
        let take: Vec<usize> = after[after.len().saturating_sub(n)..].to_vec();
        self.cursor = take.last().map_or(i + 1, |j| j + 1);
        let printed_label = labels::norm(&t.text);
        let shown = aliases
            .iter()
            .find(|a| labels::norm(a) == printed_label)
            .map_or(official, |a| *a);
        let mut row = Row {
            label: shown.to_string(),
            cells: Vec::with_capacity(n),
            line: 0,
            sound: true,
        };
        for (k, (column, kind)) in columns.iter().enumerate() {
            let tok = take.get(k).map(|&j| &self.toks[j]);
            let printed = tok.map_or("", |t| t.text.as_str());
            let (cell, note) = cells::read(printed, *kind);
            let loc = tok.map_or(t.loc, |t| t.loc);
            self.found
                .places
                .push((name.to_string(), column.to_string(), loc));
            self.found.cells += usize::from(tok.is_some());
            if note == Note::Blank {
                self.found.blanks += 1;
            }
            if tok.is_none() || matches!(note, Note::Unit(_) | Note::Kept) {
                self.found.notes.push(CellNote {
                    row: name.to_string(),
                    column: column.to_string(),
                    note: if tok.is_none() { Note::Blank } else { note },
                    printed: printed.to_string(),
                    loc,
                });
            }
            row.cells.push(cell);
        }
        self.found.rows += 1;
        Some(row)
    }
}

/// Part 二: each sub-table of `edition`, each row found by its label.
pub(crate) fn part2(
    toks: &[Tok],
    at: Loc,
    edition: &'static Edition,
    found: &mut Found,
) -> Vec<Part2Table> {
    let mut r = Reader::new(toks, at, found);
    edition
        .part2
        .iter()
        .map(|spec| {
            let columns: Vec<(&str, CellKind)> =
                spec.columns.iter().map(|c| (c.label, c.kind)).collect();
            let rows = spec
                .rows
                .iter()
                .map(|row| {
                    let name = format!("{} {}", spec.caption, row.label);
                    r.row(&name, row.label, row.aliases, &columns)
                        .unwrap_or_else(|| Row::absent(row.label, columns.len()))
                })
                .collect();
            Part2Table { spec, rows }
        })
        .collect()
}

/// Part 三: every data row of the edition, seven cells each.
pub(crate) fn part3(toks: &[Tok], at: Loc, edition: &'static Edition, found: &mut Found) -> Part3 {
    let leaves = edition.leaves();
    let columns: Vec<(&str, CellKind)> = crate::report::edition::APPLICANTS
        .iter()
        .map(|c| (*c, CellKind::Count))
        .collect();
    let mut r = Reader::new(toks, at, found);
    let rows = leaves
        .iter()
        .map(|leaf| {
            r.row(&leaf.name(), leaf.label, &[], &columns)
                .unwrap_or_else(|| Row::absent(leaf.label, columns.len()))
        })
        .collect();
    Part3 {
        leaves,
        rows,
        line: 0,
    }
}

/// Part 四: the one data row of fifteen cells (or the three rows of five,
/// when a page gives each its label).
pub(crate) fn part4(toks: &[Tok], at: Loc, edition: &'static Edition, found: &mut Found) -> Part4 {
    let width = OUTCOMES.len();
    let need = width * edition.part4.len();
    let values: Vec<&Tok> = data_run(toks, need);
    let names: Vec<String> = edition.part4.iter().map(|r| r.name()).collect();
    if values.len() < need {
        for name in &names {
            found
                .missing
                .push((format!("{} {}", crate::report::edition::PARTS[3], name), at));
        }
        return Part4 {
            rows: edition
                .part4
                .iter()
                .map(|r| Row::absent(r.label, width))
                .collect(),
        };
    }
    let rows = edition
        .part4
        .iter()
        .zip(values.chunks(width))
        .zip(&names)
        .map(|((spec, chunk), name)| {
            let cells = chunk
                .iter()
                .zip(OUTCOMES)
                .map(|(t, column)| {
                    let (cell, note) = cells::read(&t.text, CellKind::Count);
                    found.places.push((name.clone(), column.to_string(), t.loc));
                    found.cells += 1;
                    match &note {
                        Note::Blank => found.blanks += 1,
                        Note::Plain => {}
                        Note::Unit(_) | Note::Kept => found.notes.push(CellNote {
                            row: name.clone(),
                            column: column.to_string(),
                            note: note.clone(),
                            printed: t.text.clone(),
                            loc: t.loc,
                        }),
                    }
                    cell
                })
                .collect::<Vec<Cell>>();
            found.rows += 1;
            Row {
                label: spec.label.to_string(),
                cells,
                line: 0,
                sound: true,
            }
        })
        .collect();
    Part4 { rows }
}

/// The cells of part 四's data: the first table row whose last `need`
/// cells are all values, or else the values that follow the last header
/// cell (rows typed one cell per line), or the rows labelled
/// 行政复议 / 未经复议直接起诉 / 复议后起诉 five cells each.
fn data_run(toks: &[Tok], need: usize) -> Vec<&Tok> {
    let mut rows: Vec<Vec<&Tok>> = Vec::new();
    for t in toks {
        match (rows.last_mut(), t.row) {
            (Some(last), Some(r)) if last.first().and_then(|f| f.row) == Some(r) => last.push(t),
            _ => rows.push(vec![t]),
        }
    }
    for row in &rows {
        if row.len() >= need
            && row[0].row.is_some()
            && row[row.len() - need..]
                .iter()
                .all(|t| labels::is_value(&t.text))
        {
            return row[row.len() - need..].to_vec();
        }
    }
    // Rows of five with a label each: values after each label, in order.
    let labelled: Vec<&Tok> = rows
        .iter()
        .filter(|row| row.len() > OUTCOMES.len() && row[0].row.is_some())
        .filter(|row| {
            row[row.len() - OUTCOMES.len()..]
                .iter()
                .all(|t| labels::is_value(&t.text))
        })
        .flat_map(|row| row[row.len() - OUTCOMES.len()..].to_vec())
        .collect();
    if labelled.len() == need {
        return labelled;
    }
    let last_header = toks
        .iter()
        .rposition(|t| !labels::is_value(&t.text) && labels::norm(&t.text) == "总计");
    match last_header {
        Some(h) => toks[h + 1..]
            .iter()
            .take_while(|t| labels::is_value(&t.text))
            .take(need)
            .collect(),
        None => Vec::new(),
    }
}
