//! The report as data, after reading and before rendering: the envelope
//! (year, agency, dates) and every cell with what to show, the number it
//! counts as, and where it was written.
//!
//! Only plain data and questions about it live here; reading is in
//! `parse/`, checking in `rules.rs`, adding two reports in `sum.rs`, writing
//! the YAML form in `writer.rs`, and the HTML in `render::report`.

use super::edition::{CellKind, ColumnRole, Edition, Leaf, Part4Role, ResultKind, Role, Table2};
use super::yaml::Pos;
use jiff::civil::Date;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
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
pub struct Cell {
    /// The text to show, as written where that matters ("+19", "档案柜23组").
    pub shown: String,
    /// The value.
    pub num: Num,
    /// Where it was written; line 0 for computed cells and cells not read from a file.
    pub pos: Pos,
    /// True when the file left it out and it was computed.
    pub computed: bool,
}

impl Cell {
    /// A blank cell at `pos`.
    pub fn blank(pos: Pos) -> Self {
        Cell {
            shown: String::new(),
            num: Num::Blank,
            pos,
            computed: false,
        }
    }

    /// A whole number, as a file would give it.
    pub fn int(n: i64) -> Self {
        Cell {
            shown: n.to_string(),
            num: Num::Int(n),
            pos: Pos::default(),
            computed: false,
        }
    }

    /// A computed count.
    pub fn computed(n: i64) -> Self {
        Cell {
            computed: true,
            ..Cell::int(n)
        }
    }

    /// The cell a `0` gives in a column of `kind`, as a blank form has it.
    pub fn zero(kind: CellKind) -> Self {
        let num = match kind {
            CellKind::Count | CellKind::Signed => Num::Int(0),
            CellKind::Decimal => Num::Dec(0.0),
            CellKind::Text => Num::Text,
        };
        Cell {
            num,
            ..Cell::int(0)
        }
    }

    /// The cell as a count for arithmetic: blanks and text count as 0.
    pub fn count(&self) -> i64 {
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
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The label to show: the official one, or the accepted old wording as written.
    pub label: String,
    /// Cells in the official column order, totals included.
    pub cells: Vec<Cell>,
    /// Line of the row's key; 0 when the row is missing, computed or not read from a file.
    pub line: u32,
    /// False when the row is missing or has the wrong number of cells: the
    /// arithmetic rules skip it, since its findings would only repeat that error.
    pub sound: bool,
}

impl Row {
    /// A row the file does not have: blank cells, not sound.
    pub fn absent(label: &str, width: usize) -> Self {
        Row {
            label: label.to_string(),
            cells: vec![Cell::blank(Pos::default()); width],
            line: 0,
            sound: false,
        }
    }

    /// A sound row of zeros, one per column kind.
    pub fn zeros(label: &str, kinds: impl IntoIterator<Item = CellKind>) -> Self {
        Row {
            label: label.to_string(),
            cells: kinds.into_iter().map(Cell::zero).collect(),
            line: 0,
            sound: true,
        }
    }

    /// The last cell, which is the total in parts 三 and 四, as a count.
    pub fn total(&self) -> i64 {
        self.cells.last().map_or(0, Cell::count)
    }
}

/// One sub-table of part 二.
#[derive(Debug, Clone)]
pub struct Part2Table {
    /// Its official definition.
    pub spec: &'static Table2,
    /// Rows in official order, one per row of `spec`.
    pub rows: Vec<Row>,
}

/// Part 三: every data row of the edition, in order.
#[derive(Debug, Clone)]
pub struct Part3 {
    /// The row tree position of each row.
    pub leaves: Vec<Leaf>,
    /// One row per leaf, seven cells each.
    pub rows: Vec<Row>,
    /// Line of the part heading; 0 when not read from a file.
    pub line: u32,
}

impl Part3 {
    /// The rows whose role passes `pred`, in order.
    pub fn rows_where(&self, pred: impl Fn(Role) -> bool) -> impl Iterator<Item = &Row> {
        self.leaves
            .iter()
            .zip(&self.rows)
            .filter(move |(l, _)| pred(l.role))
            .map(|(_, r)| r)
    }
}

/// Part 四: one row of five cells per row of the edition's part 四.
#[derive(Debug, Clone)]
pub struct Part4 {
    /// Rows in the order of [`Edition::part4`].
    pub rows: Vec<Row>,
}

/// A prose part: Markdown, either one text or sub-topics with headings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    /// (sub-heading, Markdown); the heading is empty for a plain text.
    pub sections: Vec<(String, String)>,
}

/// The fields above the six parts, as the file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The reported year.
    pub year: i32,
    /// The agency that reports; `None` means the site's organisation.
    pub agency: Option<String>,
    /// Publication date; `None` when missing or not a date (a diagnostic
    /// with code `report.published` says which).
    pub published: Option<Date>,
    /// The title; `None` means `{agency}{year}年政府信息公开工作年度报告`.
    pub title: Option<String>,
    /// Published-original mode: arithmetic errors are kept as signed and
    /// noted under the tables.
    pub reproduces_original: bool,
    /// What the page says about the original, in that mode.
    pub original_note: Option<String>,
    /// The 信息索引 fields, named as in an item's front matter.
    pub index: IndexFields,
    /// `attachments:`, the files (e.g. the signed original as PDF) listed
    /// beside the report, as items list theirs; checked and published by
    /// the content loader with the items' attachment policy.
    pub attachments: Vec<AttachmentEntry>,
}

/// One entry of a report's `attachments:` list: `- 2024.pdf` or
/// `- {file: 2024.pdf, title: 签发稿}`. Two entries are equal when they
/// name the same file with the same title, wherever they are written.
#[derive(Debug, Clone)]
pub struct AttachmentEntry {
    /// The file, relative to the report's folder.
    pub file: String,
    /// The title to show; `None` shows the file name.
    pub title: Option<String>,
    /// Where the entry is written (line 0 when not read from a file).
    pub pos: Pos,
}

impl PartialEq for AttachmentEntry {
    fn eq(&self, other: &Self) -> bool {
        (&self.file, &self.title) == (&other.file, &other.title)
    }
}

impl Eq for AttachmentEntry {}

/// The 信息索引 (catalogue) fields of a report, as items have them: the
/// same key names as front matter (`index_no`, `doc_no`, `publisher`,
/// `written`, `topic`, `validity`), all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexFields {
    /// 索引号.
    pub index_no: Option<String>,
    /// 文号.
    pub doc_no: Option<String>,
    /// 发布机构; `None` means the report's agency.
    pub publisher: Option<String>,
    /// 成文日期, `YYYY-MM-DD`.
    pub written: Option<String>,
    /// 主题分类.
    pub topic: Option<String>,
    /// 有效性.
    pub validity: Option<String>,
}

impl IndexFields {
    /// `(key, value)` of the fields that are set, in the order they are written.
    pub fn given(&self) -> Vec<(&'static str, &str)> {
        [
            ("index_no", &self.index_no),
            ("doc_no", &self.doc_no),
            ("publisher", &self.publisher),
            ("written", &self.written),
            ("topic", &self.topic),
            ("validity", &self.validity),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}

impl Envelope {
    /// The title to show, given the agency the report is by.
    pub fn title_for(&self, agency: &str) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| format!("{agency}{}年政府信息公开工作年度报告", self.year))
    }
}

/// Everything the file says below the envelope, read and completed.
#[derive(Debug, Clone)]
pub struct Data {
    /// The edition the rows follow.
    pub edition: &'static Edition,
    /// Part 一.
    pub overview: Prose,
    /// Part 二.
    pub part2: Vec<Part2Table>,
    /// Part 三.
    pub part3: Part3,
    /// Part 四.
    pub part4: Part4,
    /// Part 五.
    pub problems: Prose,
    /// Part 六.
    pub other: Prose,
}

impl Data {
    /// A blank form of `edition`: every row present and sound, every cell
    /// 0 (as a file with `0` in it reads), no prose.
    pub fn zeros(edition: &'static Edition) -> Self {
        let leaves = edition.leaves();
        Data {
            edition,
            overview: Prose::default(),
            part2: edition
                .part2
                .iter()
                .map(|spec| Part2Table {
                    spec,
                    rows: spec
                        .rows
                        .iter()
                        .map(|r| Row::zeros(r.label, spec.columns.iter().map(|c| c.kind)))
                        .collect(),
                })
                .collect(),
            part3: Part3 {
                rows: leaves
                    .iter()
                    .map(|l| Row::zeros(l.label, [CellKind::Count; 7]))
                    .collect(),
                leaves,
                line: 0,
            },
            part4: Part4 {
                rows: edition
                    .part4
                    .iter()
                    .map(|r| Row::zeros(r.label, [CellKind::Count; 5]))
                    .collect(),
            },
            problems: Prose::default(),
            other: Prose::default(),
        }
    }

    /// The part 三 rows with `role`, with their place in the tree.
    pub fn part3_rows(&self, role: Role) -> impl Iterator<Item = (&Leaf, &Row)> {
        let p = &self.part3;
        p.leaves
            .iter()
            .zip(&p.rows)
            .filter(move |(l, _)| l.role == role)
    }

    /// The first part 三 row with `role` (each role but results has one).
    pub fn part3_row(&self, role: Role) -> Option<&Row> {
        self.part3_rows(role).next().map(|(_, r)| r)
    }

    /// The 总计 of the first part 三 row with `role`; 0 when there is none.
    pub fn total_of(&self, role: Role) -> i64 {
        self.part3_row(role).map_or(0, Row::total)
    }

    /// The 总计 of all result rows, by kind in [`ResultKind::ALL`] order.
    pub fn results_by_kind(&self) -> [i64; 6] {
        let mut out = [0; 6];
        for kind in ResultKind::ALL {
            out[kind.index()] = self
                .part3_rows(Role::Result(kind))
                .map(|(_, r)| r.total())
                .sum();
        }
        out
    }

    /// The sum of the 总计 of the part 四 rows with `role`.
    pub fn part4_total(&self, role: Part4Role) -> i64 {
        self.edition
            .part4
            .iter()
            .zip(&self.part4.rows)
            .filter(|(spec, _)| spec.role == role)
            .map(|(_, r)| r.total())
            .sum()
    }

    /// The part 二 sub-table with a column of `role`, and that column.
    pub fn part2_column(&self, role: ColumnRole) -> Option<(&Part2Table, usize)> {
        self.part2
            .iter()
            .find_map(|t| t.spec.column(role).map(|c| (t, c)))
    }
}
