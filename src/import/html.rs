//! A saved portal page, decoded (`decode`), parsed with `scraper`, and
//! laid out as blocks from the smallest element that holds the whole
//! report, so the site's navigation, sidebars and footer are left out.
//!
//! The bytes are decoded by `decode`. Word pasted into a CMS is read for its text only: `<span>` runs and
//! `<o:p>` are joined, `rowspan`/`colspan` spread over the grid. html5ever
//! keeps no source positions, so a block's line is that of the n-th start
//! tag of its name in the source, counted in document order.

use super::doc::{self, Block, Cell, Doc, Loc};
use crate::report::label;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Elements may be nested this deep at most. A published report is a few
/// dozen levels deep even inside a CMS's layout; a page nested thousands
/// deep is not one, and reading it would take a long time (or all of the
/// stack).
pub(crate) const MAX_DEPTH: usize = 512;

/// Reads a decoded page; `None` when its elements are nested deeper than
/// [`MAX_DEPTH`].
pub(crate) fn read(source: &str) -> Option<Doc> {
    // The parser takes time that grows with the square of the nesting: a
    // page that is plainly nested far too deep is not parsed at all.
    if nesting_estimate(source) > 8 * MAX_DEPTH {
        return None;
    }
    let html = Html::parse_document(source);
    if too_deep(&html) {
        return None;
    }
    Some(read_parsed(source, &html))
}

/// How deep the page's tags nest, counted from the text alone: each start
/// tag one level down and each end tag one up, leaving out the elements
/// that need no end tag (`<br>`, `<p>`, `<td>`, …). Close to the parsed
/// depth for the pages this reads, and found without parsing.
fn nesting_estimate(source: &str) -> usize {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "p", "li", "td", "th", "tr", "option", "dt", "dd", "thead",
        "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "optgroup", "html", "head", "body",
    ];
    let bytes = source.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        i += at + 1;
        // Comments, scripts and styles hold text, not tags.
        if bytes[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&bytes[i..], b"-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        let close = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = source[start..start + len].to_ascii_lowercase();
        if !close && (name == "script" || name == "style") {
            // To its end tag, in any case.
            let mut j = start + len;
            i = loop {
                let Some(e) = memchr::memmem::find(&bytes[j..], b"</") else {
                    break bytes.len();
                };
                let k = j + e + 2;
                if bytes[k..]
                    .get(..len)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                {
                    break k + len;
                }
                j = k;
            };
            continue;
        }
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// True when some element lies more than [`MAX_DEPTH`] levels down.
fn too_deep(html: &Html) -> bool {
    let mut depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            ego_tree::iter::Edge::Close(_) => depth -= 1,
        }
    }
    false
}

fn read_parsed(source: &str, html: &Html) -> Doc {
    let lines = Lines::new(source, html);
    let root = html.root_element();
    let container = container(root);
    let mut w = Walker {
        doc: Doc::default(),
        buf: String::new(),
        line: 0,
        lines: &lines,
        tables: 0,
    };
    w.walk(container);
    w.flush();
    // Outside the report: its heading and info line (date, source), which
    // pages often put above the article, then the page's <title>.
    let mut outside = Vec::new();
    let mut page_title = Vec::new();
    for el in root.descendants().filter_map(ElementRef::wrap) {
        let name = el.value().name();
        let inside = el.ancestors().any(|a| a.id() == container.id()) || el.id() == container.id();
        if name == "title" {
            page_title.push(doc::clean(&el.text().collect::<String>()));
            continue;
        }
        if inside || skipped(name) {
            continue;
        }
        let text = doc::clean(&el.text().collect::<String>());
        let titled = matches!(name, "h1" | "h2" | "h3")
            || ["class", "id"].iter().any(|a| {
                el.value()
                    .attr(a)
                    .is_some_and(|v| v.to_ascii_lowercase().contains("title"))
            });
        let leaf = !el
            .children()
            .filter_map(ElementRef::wrap)
            .any(|c| is_block(c.value().name()));
        let info =
            leaf && text.chars().count() <= 120 && (text.contains("发布") || text.contains("来源"));
        if (titled && text.chars().count() <= 80) || info {
            outside.push(text);
        }
        if name == "meta"
            && let Some(content) = el.value().attr("content")
            && matches!(
                el.value().attr("name"),
                Some("ArticleTitle" | "PubDate" | "ContentSource")
            )
        {
            outside.push(content.to_string());
        }
    }
    outside.extend(page_title);
    w.doc.outside = outside;
    w.doc
}

/// Words every report has in its headings and tables (a list of download
/// links names the parts too, but holds no cells).
const REPORT_WORDS: [&str; 5] = [
    "收到和处理政府信息公开申请",
    "予以公开",
    "结果维持",
    "总体情况",
    "其他需要报告的事项",
];

/// Which of [`REPORT_WORDS`] `el` holds, as bits.
fn words_in(el: ElementRef<'_>) -> u8 {
    let text: String = el.text().collect();
    let f = label::fold(&text);
    REPORT_WORDS
        .iter()
        .enumerate()
        .filter(|(_, w)| f.contains(*w))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// The smallest element holding the report: walks down from `<body>` while
/// one child still holds every report word the body holds.
fn container(root: ElementRef<'_>) -> ElementRef<'_> {
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let want = words_in(body);
    // Without the table words there is nothing to narrow down to.
    if want & 0b111 != 0b111 {
        return body;
    }
    let mut at = body;
    loop {
        let next = at
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| !skipped(c.value().name()))
            .find(|c| words_in(*c) == want);
        match next {
            // A table's row or cell holds only part of the report's layout.
            Some(c)
                if !matches!(c.value().name(), "tbody" | "thead" | "tr") || !is_data_table(at) =>
            {
                at = c
            }
            _ => return at,
        }
    }
}

fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "select"
            | "button"
            | "head"
            | "iframe"
            | "object"
            | "svg"
            | "input"
            | "textarea"
            | "footer"
            | "form"
    )
}

/// An element the page does not show (`display:none`, Word's `mso-hide:all`).
fn hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("mso-hide:all")
        })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "blockquote"
            | "pre"
            | "center"
            | "dl"
            | "dt"
            | "dd"
            | "main"
            | "br"
            | "hr"
            | "header"
            | "aside"
            | "figure"
            | "figcaption"
            | "caption"
            | "td"
            | "th"
            | "tr"
    )
}

/// A table of data, not of layout: it holds no other table.
fn is_data_table(el: ElementRef<'_>) -> bool {
    el.value().name() == "table"
        && !el
            .descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "table")
}

/// The line of each element that starts a block, found by counting start
/// tags of its name in the source.
struct Lines {
    line_of: HashMap<ego_tree::NodeId, u32>,
}

impl Lines {
    fn new(source: &str, html: &Html) -> Self {
        const TAGS: [&str; 13] = [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "td", "th",
        ];
        let lower = source.to_ascii_lowercase();
        let index = crate::diag::LineIndex::new(source, 1);
        let mut starts: HashMap<&str, Vec<usize>> = HashMap::new();
        for tag in TAGS {
            let pat = format!("<{tag}");
            let list = lower
                .match_indices(&pat)
                .filter(|(i, _)| {
                    lower[i + pat.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
                })
                .map(|(i, _)| i)
                .collect();
            starts.insert(tag, list);
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut line_of = HashMap::new();
        for el in html
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let name = el.value().name();
            let Some(tag) = TAGS.iter().find(|t| **t == name) else {
                continue;
            };
            let n = seen.entry(tag).or_insert(0);
            if let Some(&off) = starts.get(tag).and_then(|l| l.get(*n)) {
                line_of.insert(el.id(), index.line_col(off).0);
            }
            *n += 1;
        }
        Lines { line_of }
    }

    fn of(&self, el: ElementRef<'_>) -> Option<u32> {
        self.line_of.get(&el.id()).copied()
    }
}

struct Walker<'l> {
    doc: Doc,
    buf: String,
    line: u32,
    lines: &'l Lines,
    tables: u32,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let text = doc::clean(&self.buf);
        self.buf.clear();
        if !text.is_empty() {
            self.doc.blocks.push(Block::Para {
                text: text.replace('\n', ""),
                loc: Loc {
                    line: self.line,
                    ..Loc::default()
                },
            });
        }
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            self.node(child);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(t) => {
                if self.buf.trim().is_empty() {
                    // The paragraph starts here: its line is its element's.
                    if let Some(line) = node
                        .ancestors()
                        .filter_map(ElementRef::wrap)
                        .find_map(|a| self.lines.of(a))
                    {
                        self.line = line;
                    }
                }
                self.buf.push_str(t);
            }
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(node) else {
                    return;
                };
                let name = e.name();
                if skipped(name) || hidden(e) {
                    return;
                }
                if name == "table" && is_data_table(el) {
                    self.flush();
                    self.table(el);
                    return;
                }
                let block = is_block(name) || name == "table";
                if block {
                    self.flush();
                }
                if name == "li" {
                    // A list's numbers and bullets are the page's, not its text.
                    self.buf.push_str(&list_mark(el));
                }
                self.walk(el);
                if block {
                    self.flush();
                }
            }
            _ => {}
        }
    }

    /// A data table: its caption as a paragraph, then its rows with spans spread.
    fn table(&mut self, table: ElementRef<'_>) {
        self.tables += 1;
        let rows: Vec<ElementRef<'_>> = table
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "tr" | "caption"))
            .collect();
        // (rows still covered, text, first column of its cell) per grid column.
        let mut pending: Vec<Option<(u32, String, bool)>> = Vec::new();
        let mut n = 0;
        for tr in rows {
            if tr.value().name() == "caption" {
                self.buf = tr.text().collect();
                self.line = self.lines.of(table).unwrap_or(0);
                self.flush();
                continue;
            }
            n += 1;
            let mut cells = Vec::new();
            let mut col = 0;
            let take_pending =
                |col: &mut usize,
                 cells: &mut Vec<Cell>,
                 pending: &mut Vec<Option<(u32, String, bool)>>| {
                    while let Some(Some((left, text, first))) = pending.get_mut(*col) {
                        cells.push(Cell {
                            text: text.clone(),
                            copy: true,
                            above: *first,
                        });
                        *left -= 1;
                        if *left == 0 {
                            pending[*col] = None;
                        }
                        *col += 1;
                    }
                };
            for td in tr
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                take_pending(&mut col, &mut cells, &mut pending);
                let text = cell_text(td);
                let span = |a: &str| {
                    td.value()
                        .attr(a)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(1)
                        .clamp(1, 200)
                };
                let (rows, cols) = (span("rowspan"), span("colspan"));
                for k in 0..cols {
                    cells.push(Cell {
                        text: text.clone(),
                        copy: k > 0,
                        above: false,
                    });
                    if pending.len() <= col {
                        pending.resize(col + 1, None);
                    }
                    if rows > 1 {
                        pending[col] = Some((rows - 1, text.clone(), k == 0));
                    }
                    col += 1;
                }
            }
            take_pending(&mut col, &mut cells, &mut pending);
            // Columns further right still covered from above.
            while col < pending.len() {
                if pending[col].is_some() {
                    take_pending(&mut col, &mut cells, &mut pending);
                } else {
                    col += 1;
                }
            }
            self.doc.blocks.push(Block::Row {
                cells,
                loc: Loc {
                    line: self.lines.of(tr).unwrap_or(0),
                    table: self.tables,
                    row: n,
                    ..Loc::default()
                },
            });
        }
    }
}

/// The number (`3.`) of an `<ol>` item, or a bullet for a `<ul>` item.
fn list_mark(li: ElementRef<'_>) -> String {
    let Some(list) = li.parent().and_then(ElementRef::wrap) else {
        return String::new();
    };
    if list.value().name() != "ol" {
        return "• ".to_string();
    }
    let start: usize = list
        .value()
        .attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let before = li
        .prev_siblings()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "li")
        .count();
    format!("{}.", start + before)
}

/// A cell's text: runs joined, paragraphs and `<br>` as line breaks.
fn cell_text(td: ElementRef<'_>) -> String {
    fn go(node: NodeRef<'_, Node>, out: &mut String) {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if skipped(e.name()) || hidden(e) {
                    return;
                }
                let block = matches!(e.name(), "p" | "div" | "br" | "li");
                if block && !out.is_empty() {
                    out.push('\n');
                }
                for c in node.children() {
                    go(c, out);
                }
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for c in td.children() {
        go(c, &mut out);
    }
    doc::clean(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_estimated_from_tags_not_from_scripts_or_comments() {
        let script = format!("<script>{}</script>", "if(i<n){}".repeat(5000));
        let comment = format!("<!-- {} -->", "<div>".repeat(5000));
        let page = format!("<html><body><div><p>报告</p>{script}{comment}</div></body></html>");
        assert_eq!(nesting_estimate(&page), 1);
        assert_eq!(nesting_estimate(&"<div>".repeat(5000)), 5000);
        assert!(read(&page).is_some());
    }

    #[test]
    fn spans_and_soup() {
        let page = "<html><head><meta charset=\"utf-8\"><title>某局</title></head><body>\n\
            <div class=\"nav\"><a href=\"/\">首页</a></div>\n\
            <div id=\"content\"><p><span>一、</span><span style=\"x\">总体情况</span><o:p>&nbsp;</o:p></p>\n\
            <table><tr><td rowspan=\"2\">三、本年度<br>办理结果</td><td>（一）<span>予以</span>公开</td><td>1</td></tr>\n\
            <tr><td colspan=\"2\">（二）部分公开</td></tr></table>\n\
            <p>三、收到和处理政府信息公开申请情况 结果维持</p><p style=\"display: none\">隐藏</p></div>\n\
            <div class=\"footer\">版权所有</div></body></html>";
        let doc = read(page).expect("not too deep");
        assert_eq!(doc.blocks[0].text(), "一、总体情况");
        assert_eq!(doc.blocks[0].loc().line, 3);
        match &doc.blocks[1] {
            Block::Row { cells, loc } => {
                assert_eq!(cells[0].text, "三、本年度\n办理结果");
                assert_eq!(cells[1].text, "（一）予以公开");
                assert_eq!((loc.line, loc.table, loc.row), (4, 1, 1));
            }
            other => panic!("{other:?}"),
        }
        match &doc.blocks[2] {
            Block::Row { cells, .. } => {
                let t: Vec<(&str, bool)> =
                    cells.iter().map(|c| (c.text.as_str(), c.copy)).collect();
                assert_eq!(
                    t,
                    [
                        ("三、本年度\n办理结果", true),
                        ("（二）部分公开", false),
                        ("（二）部分公开", true)
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(
            !doc.blocks
                .iter()
                .any(|b| b.text().contains("版权所有") || b.text().contains("首页"))
        );
        assert_eq!(
            doc.blocks.last().map(Block::text).as_deref(),
            Some("三、收到和处理政府信息公开申请情况 结果维持")
        );
        assert_eq!(doc.outside, ["某局"]);
    }
}
