//! Plain text as Word, WPS or docx2txt save a report: paragraphs one a
//! line; a table either one cell per line, each line starting with a tab,
//! rows ended by a blank line (a cell's own line breaks continue on lines
//! without the tab), or one row per line with its cells between tabs.

use super::doc::{Block, Cell, Doc, Loc};

/// Reads `text` (already decoded, line ends LF).
pub(crate) fn read(text: &str) -> Doc {
    let mut doc = Doc::default();
    // The row being gathered, one-cell-per-line style: (cells, first line).
    let mut row: Option<(Vec<Cell>, u32)> = None;
    let flush = |row: &mut Option<(Vec<Cell>, u32)>, doc: &mut Doc| {
        if let Some((cells, line)) = row.take() {
            doc.blocks.push(Block::Row {
                cells,
                loc: Loc {
                    line,
                    ..Loc::default()
                },
            });
        }
    };
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i as u32 + 1;
        let raw = raw.trim_end_matches('\r');
        let loc = Loc {
            line: line_no,
            ..Loc::default()
        };
        if raw.trim().is_empty() && !raw.starts_with('\t') {
            flush(&mut row, &mut doc);
            continue;
        }
        if let Some(cell) = raw.strip_prefix('\t') {
            if cell.contains('\t') {
                // A whole row on one line, its first cell empty.
                flush(&mut row, &mut doc);
                doc.blocks.push(Block::Row {
                    cells: cells(raw),
                    loc,
                });
                continue;
            }
            let c = Cell {
                text: super::doc::clean(cell),
                copy: false,
                above: false,
            };
            match &mut row {
                Some((cells, _)) => cells.push(c),
                None => row = Some((vec![c], line_no)),
            }
            continue;
        }
        if raw.contains('\t') {
            flush(&mut row, &mut doc);
            doc.blocks.push(Block::Row {
                cells: cells(raw),
                loc,
            });
            continue;
        }
        if let Some((cells, _)) = &mut row {
            // A line break inside the last cell.
            if let Some(last) = cells.last_mut() {
                let more = super::doc::clean(raw);
                if !more.is_empty() {
                    if !last.text.is_empty() {
                        last.text.push('\n');
                    }
                    last.text.push_str(&more);
                }
            }
            continue;
        }
        doc.blocks.push(Block::Para {
            text: super::doc::clean(raw),
            loc,
        });
    }
    flush(&mut row, &mut doc);
    doc
}

fn cells(line: &str) -> Vec<Cell> {
    line.split('\t')
        .map(|c| Cell {
            text: super::doc::clean(c),
            copy: false,
            above: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cell_per_line_and_tab_rows() {
        let doc = read("标题\n\t信息内容\n\t本年新\n制作数量\n\n规章\t0\t\t3\n结尾");
        assert_eq!(doc.blocks.len(), 4);
        match &doc.blocks[1] {
            Block::Row { cells, loc } => {
                assert_eq!(loc.line, 2);
                assert_eq!(cells[1].text, "本年新\n制作数量");
            }
            other => panic!("{other:?}"),
        }
        match &doc.blocks[2] {
            Block::Row { cells, loc } => {
                assert_eq!(loc.line, 6);
                let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
                assert_eq!(texts, ["规章", "0", "", "3"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(doc.blocks[3].text(), "结尾");
    }
}
