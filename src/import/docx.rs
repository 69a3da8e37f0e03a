//! A Word file (.docx): a zip holding `word/document.xml`, read with `zip`
//! and `roxmltree`. Paragraphs are the text of their runs (`w:t`, tabs,
//! breaks; deleted text left out); tables are rows of cells with merged
//! cells spread over the grid: `w:gridSpan` across, `w:vMerge` down (a
//! continuing cell repeats the text of the one where the merge starts).
//!
//! A .docx has no lines: places are paragraph and table numbers.

use super::doc::{self, Block, Cell, Doc, Loc};
use roxmltree::Node;
use std::io::Read as _;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Why a .docx could not be read.
#[derive(Debug)]
pub(crate) enum DocxError {
    /// Not a zip, or no `word/document.xml` in it.
    NotDocx,
    /// The XML is not well-formed.
    BadXml,
}

/// Reads a .docx file's bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<Doc, DocxError> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotDocx)?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| DocxError::NotDocx)?
        .read_to_string(&mut xml)
        .map_err(|_| DocxError::BadXml)?;
    let tree = roxmltree::Document::parse(&xml).map_err(|_| DocxError::BadXml)?;
    let body = tree
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or(DocxError::BadXml)?;
    let mut r = Reader::default();
    r.blocks(body);
    Ok(r.doc)
}

fn is(n: &Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn attr<'a>(n: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

#[derive(Default)]
struct Reader {
    doc: Doc,
    paras: u32,
    tables: u32,
}

impl Reader {
    fn blocks(&mut self, parent: Node<'_, '_>) {
        for n in parent.children() {
            if is(&n, "p") {
                self.paras += 1;
                let text = para_text(n);
                for line in text.split('\n') {
                    let line = doc::clean(line);
                    if !line.is_empty() {
                        self.doc.blocks.push(Block::Para {
                            text: line,
                            loc: Loc {
                                para: self.paras,
                                ..Loc::default()
                            },
                        });
                    }
                }
            } else if is(&n, "tbl") {
                self.table(n);
            } else if is(&n, "sdt") || is(&n, "sdtContent") || is(&n, "customXml") {
                self.blocks(n);
            }
        }
    }

    fn table(&mut self, tbl: Node<'_, '_>) {
        self.tables += 1;
        let mut above: Vec<String> = Vec::new();
        let rows = tbl.children().filter(|n| is(n, "tr"));
        for (r, tr) in rows.enumerate() {
            let mut cells: Vec<Cell> = Vec::new();
            for tc in tr.children().filter(|n| is(n, "tc")) {
                let props = tc.children().find(|n| is(n, "tcPr"));
                let span = props
                    .and_then(|p| p.children().find(|n| is(n, "gridSpan")))
                    .and_then(|g| attr(&g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merge = props.and_then(|p| p.children().find(|n| is(n, "vMerge")));
                let continues = merge.is_some_and(|m| attr(&m, "val") != Some("restart"));
                let col = cells.len();
                let text = if continues {
                    above.get(col).cloned().unwrap_or_default()
                } else {
                    cell_text(tc)
                };
                for k in 0..span {
                    cells.push(Cell {
                        text: text.clone(),
                        copy: continues || k > 0,
                        above: continues && k == 0,
                    });
                }
            }
            above = cells.iter().map(|c| c.text.clone()).collect();
            self.doc.blocks.push(Block::Row {
                cells,
                loc: Loc {
                    table: self.tables,
                    row: r as u32 + 1,
                    ..Loc::default()
                },
            });
        }
    }
}

/// A paragraph's text: its runs' `w:t`, tabs as spaces, breaks as line
/// breaks; deleted runs and field codes left out.
fn para_text(p: Node<'_, '_>) -> String {
    let mut out = String::new();
    for n in p.descendants() {
        if n.ancestors().any(|a| is(&a, "del") || is(&a, "instrText")) {
            continue;
        }
        if is(&n, "t") {
            out.push_str(n.text().unwrap_or_default());
        } else if is(&n, "tab") && n.parent().is_some_and(|p| is(&p, "r")) {
            out.push(' ');
        } else if is(&n, "br") || is(&n, "cr") {
            out.push('\n');
        }
    }
    out
}

/// A cell's paragraphs, one a line.
fn cell_text(tc: Node<'_, '_>) -> String {
    let paras: Vec<String> = tc
        .descendants()
        .filter(|n| is(n, "p"))
        .map(para_text)
        .collect();
    doc::clean(&paras.join("\n"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A .docx holding `body` (the inside of `w:body`), for tests.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        use std::io::Write as _;
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
        );
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default();
            let files = [
                ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
                ("word/document.xml", xml),
            ];
            for (name, text) in files {
                zip.start_file(name, opts).expect("zip entry");
                zip.write_all(text.as_bytes()).expect("zip write");
            }
            zip.finish().expect("zip finish");
        }
        out.into_inner()
    }

    #[test]
    fn merged_cells_are_spread() {
        let body = "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r><w:del><w:r><w:delText>y</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>";
        let doc = read(&docx(body)).expect("reads");
        assert_eq!(doc.blocks[0].text(), "一、总体情况");
        match &doc.blocks[2] {
            Block::Row { cells, loc } => {
                let t: Vec<(&str, bool)> =
                    cells.iter().map(|c| (c.text.as_str(), c.copy)).collect();
                assert_eq!(t, [("三、本年度办理结果", true), ("x", false)]);
                assert_eq!((loc.table, loc.row), (1, 2));
            }
            other => panic!("{other:?}"),
        }
        match &doc.blocks[1] {
            Block::Row { cells, .. } => assert_eq!(cells.len(), 3),
            other => panic!("{other:?}"),
        }
        assert!(read(b"not a zip").is_err());
    }
}
