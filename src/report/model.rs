//! The report as data, after reading and before rendering: every cell with
//! what to show, the number it counts as, and where it was written.
//!
//! Only plain data lives here; reading is in `parse/`, checking in `rules.rs`,
//! and output in `table.rs`, `export.rs` and `chart.rs`.

use super::edition::{Edition, Leaf, Table2};
use super::yaml::Pos;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Num {
    /// Left blank (`~`): shown empty, counted as 0.
    Blank,
    /// A whole number (counts and 本年增/减).
    Int(i64),
    /// A decimal amount.
    Dec(f64),
    /// Text shown as written (采购 cells, or a bad value kept in a reproduced original).
    Text,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// The text to show, as written where that matters ("+19", "档案柜23组").
    pub(crate) shown: String,
    /// The value.
    pub(crate) num: Num,
    /// Where it was written; line 0 for computed cells.
    pub(crate) pos: Pos,
    /// True when the file left it out and it was computed.
    pub(crate) computed: bool,
}

impl Cell {
    /// A blank cell at `pos`.
    pub(crate) fn blank(pos: Pos) -> Self {
        Cell {
            shown: String::new(),
            num: Num::Blank,
            pos,
            computed: false,
        }
    }

    /// A computed count.
    pub(crate) fn computed(n: i64) -> Self {
        Cell {
            shown: n.to_string(),
            num: Num::Int(n),
            pos: Pos::default(),
            computed: true,
        }
    }

    /// The cell as a count for arithmetic: blanks and text count as 0.
    pub(crate) fn count(&self) -> i64 {
        match self.num {
            Num::Int(n) => n,
            _ => 0,
        }
    }

    /// The cell as JSON: numbers as numbers, blanks as null, text as text.
    pub(crate) fn json(&self) -> serde_json::Value {
        match &self.num {
            Num::Blank => serde_json::Value::Null,
            Num::Int(n) => serde_json::Value::from(*n),
            Num::Dec(f) => serde_json::Value::from(*f),
            Num::Text => serde_json::Value::from(self.shown.clone()),
        }
    }
}

/// A data row of any table.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The label to show: the official one, or the accepted old wording as written.
    pub(crate) label: String,
    /// Cells in the official column order, totals included.
    pub(crate) cells: Vec<Cell>,
    /// Line of the row's key; 0 when the row is missing or computed.
    pub(crate) line: u32,
    /// False when the row is missing or has the wrong number of cells: the
    /// arithmetic rules skip it, since its findings would only repeat that error.
    pub(crate) sound: bool,
}

impl Row {
    /// A row the file does not have: blank cells, not sound.
    pub(crate) fn absent(label: &str, width: usize) -> Self {
        Row {
            label: label.to_string(),
            cells: vec![Cell::blank(Pos::default()); width],
            line: 0,
            sound: false,
        }
    }
}

/// One sub-table of part 二.
#[derive(Debug, Clone)]
pub(crate) struct Part2Table {
    /// Its official definition.
    pub(crate) spec: &'static Table2,
    /// Rows in official order.
    pub(crate) rows: Vec<Row>,
}

/// Part 三: every data row of the edition, in order.
#[derive(Debug, Clone)]
pub(crate) struct Part3 {
    /// The row tree position of each row.
    pub(crate) leaves: Vec<Leaf>,
    /// One row per leaf, seven cells each.
    pub(crate) rows: Vec<Row>,
    /// Line of the part heading.
    pub(crate) line: u32,
}

/// Part 四: 行政复议, then the two kinds of 行政诉讼, five cells each.
#[derive(Debug, Clone)]
pub(crate) struct Part4 {
    /// Three rows of five cells.
    pub(crate) rows: Vec<Row>,
}

/// A prose part: Markdown, either one text or sub-topics with headings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prose {
    /// (sub-heading, Markdown); the heading is empty for a plain text.
    pub(crate) sections: Vec<(String, String)>,
}

/// Everything the file says, read and completed.
#[derive(Debug, Clone)]
pub(crate) struct Data {
    /// The edition the rows follow.
    pub(crate) edition: &'static Edition,
    /// Part 一.
    pub(crate) overview: Prose,
    /// Part 二.
    pub(crate) part2: Vec<Part2Table>,
    /// Part 三.
    pub(crate) part3: Part3,
    /// Part 四.
    pub(crate) part4: Part4,
    /// Part 五.
    pub(crate) problems: Prose,
    /// Part 六.
    pub(crate) other: Prose,
}
