//! What an import tells the user beyond the data: warnings for cells that
//! are not plain values, published arithmetic that does not add up, prose
//! parts not found; and the comment written above the imported file, which
//! lists the same things for whoever opens it later.

use super::cells::Note;
use super::doc::Loc;
use super::locate::Located;
use super::tables::CellNote;
use crate::diag::Diagnostic;
use crate::diag::codes::{IMPORT_CELL, IMPORT_PART, IMPORT_RULE};
use crate::report::Report;
use crate::report::edition::PARTS;
use std::path::Path;

/// A warning for each prose part (一, 五, 六) whose heading was not found.
pub(super) fn missing_parts(path: &Path, found_at: &Located) -> Vec<Diagnostic> {
    [0, 4, 5]
        .into_iter()
        .filter(|k| found_at.parts[*k].is_none())
        .map(|k| Diagnostic::new(&IMPORT_PART, path, t!("import-no-part", part = PARTS[k])))
        .collect()
}

/// A warning for each noted cell, and its line for the file's comment.
pub(super) fn cells(path: &Path, notes: &[CellNote]) -> (Vec<Diagnostic>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut comment = Vec::new();
    for n in notes {
        let (row, column) = (n.row.as_str(), n.column.as_str());
        let (msg, line) = match &n.note {
            Note::Kept => (
                t!(
                    "import-cell-kept",
                    row = row,
                    column = column,
                    printed = n.printed.as_str()
                ),
                format!("{row} {column}：原件写作“{}”，照录为文字", n.printed),
            ),
            Note::Unit(p) => (
                t!(
                    "import-cell-unit",
                    row = row,
                    column = column,
                    printed = p.as_str()
                ),
                format!("{row} {column}：原件写作“{p}”，只取数字"),
            ),
            Note::Blank => (
                t!("import-cell-missing", row = row, column = column),
                format!("{row} {column}：原件这一行少一格，按空白照录"),
            ),
            Note::Plain => continue,
        };
        warnings.push(super::at(&IMPORT_CELL, path, n.loc, msg));
        comment.push(line);
    }
    (warnings, comment)
}

/// A warning for each consistency rule the published tables break, one per
/// wrong cell as a build says them (a cell that alone breaks several
/// relations is said once, with its relations under it), at the cell's
/// place in the original (`places`, of the tables read) when the finding
/// is about one written cell.
pub(super) fn rules(
    path: &Path,
    report: &Report,
    places: &[(String, String, Loc)],
) -> Vec<Diagnostic> {
    report
        .findings_by_cell()
        .into_iter()
        .map(|f| {
            let msg = t!("import-rule", detail = f.message.as_str());
            let loc = f.cell.and_then(|(row, column)| {
                places
                    .iter()
                    .find(|(r, c, _)| *r == row && c == column)
                    .map(|(_, _, loc)| *loc)
            });
            super::at(&IMPORT_RULE, path, loc.unwrap_or_default(), msg)
        })
        .collect()
}

/// The comment above the imported file: where it came from and, for a
/// report kept as published, each thing in it that does not add up.
pub(super) fn header(path: &Path, reproduces: bool, lines: &[String]) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = format!("# 由 gongkai import report 从 {name} 导入，表格数字与原件逐格一致。\n");
    if reproduces {
        out.push_str("# 原件中以下各处勾稽关系不成立或数值不规范，按原件照录（reproduces_original: true）：\n");
    } else if !lines.is_empty() {
        out.push_str("# 导入时的说明：\n");
    }
    for l in lines {
        out.push_str(&format!("#   - {}\n", l.replace('\n', " ")));
    }
    out
}
