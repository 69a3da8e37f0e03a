//! What every reader turns a file into: the report as a list of blocks
//! (paragraphs and tables) in reading order, each with where it came from.
//!
//! Readers only lay the file out here; finding the report, its year and its
//! rows is `locate`'s and `tables`' job, which see the same shape whatever
//! the format was. Merged cells are already spread over the grid: a cell
//! spanning rows or columns appears in each slot it covers, marked as a copy.

/// Where a block or cell was in the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    /// 1-based line in a text or HTML file; 0 when the format has no lines.
    pub line: u32,
    /// 1-based paragraph number (a .docx has no lines); 0 when not a paragraph.
    pub para: u32,
    /// 1-based table number; 0 when not in a table.
    pub table: u32,
    /// 1-based row within the table; 0 when not in a table.
    pub row: u32,
}

/// One cell of a table row, after spans are spread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, with runs joined and line breaks kept as `\n`.
    pub text: String,
    /// True when this slot is covered by a cell that starts in an earlier
    /// row or column (rowspan, colspan, gridSpan, vMerge).
    pub copy: bool,
    /// True when this slot is the first column of a cell that starts in a
    /// row above: a value merged down over rows (a column of zeros merged
    /// into one cell) counts in each of them, a value merged across does not.
    pub above: bool,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph or heading, its text joined from all its runs.
    Para {
        /// The text.
        text: String,
        /// Where it is.
        loc: Loc,
    },
    /// A table row (tables are flattened into their rows, so a table split
    /// across pages, with its header repeated, reads the same as one).
    Row {
        /// The cells in order.
        cells: Vec<Cell>,
        /// Where it is.
        loc: Loc,
    },
}

impl Block {
    /// Where the block is.
    pub fn loc(&self) -> Loc {
        match self {
            Block::Para { loc, .. } | Block::Row { loc, .. } => *loc,
        }
    }

    /// The text of a paragraph, or of a row's cells joined (for finding
    /// headings that a page puts in a one-cell table), tab-separated.
    pub fn text(&self) -> String {
        match self {
            Block::Para { text, .. } => text.clone(),
            Block::Row { cells, .. } => {
                let texts: Vec<&str> = cells
                    .iter()
                    .filter(|c| !c.copy)
                    .map(|c| c.text.as_str())
                    .collect();
                texts.join("\t")
            }
        }
    }
}

/// A whole file, read.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Texts of the file outside the report that may name its title, date
    /// or agency (a page's `<title>`, headings and 信息索引 around it).
    pub outside: Vec<String>,
}

/// Text as the readers hand it on: non-breaking and full-width spaces made
/// plain spaces, runs of spaces made one, trimmed. Line breaks are kept.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let mut prev_space = true;
        let mut l = String::new();
        for c in line.chars() {
            let space = c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '\u{200b}';
            if space {
                if !prev_space {
                    l.push(' ');
                }
            } else {
                l.push(c);
            }
            prev_space = space;
        }
        let l = l.trim_end();
        if !l.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_folds_spaces() {
        assert_eq!(clean("　 本年新\n制作数量\u{a0}\u{a0}"), "本年新\n制作数量");
        assert_eq!(clean("\n\n"), "");
        assert_eq!(clean("a  \u{3000}b"), "a b");
    }
}
