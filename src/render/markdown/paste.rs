//! Text as it arrives from Word, WPS and Excel, made ready for the Markdown
//! parser: the small rewrites of the source that the event stream cannot
//! do, with a map from every byte of the rewritten text back to the
//! source, so that errors still point at the line the user wrote.
//!
//! - A block of tab-separated lines (a table pasted from Excel or Word) is
//!   cut out and replaced by a marker paragraph; the renderer writes the
//!   table in its place ([`TabTable`]). This happens in both `line_breaks`
//!   modes, before the parser could take a leading tab for code.
//! - With `line_breaks: paragraph`, what the parser would misread in pasted
//!   text is made plain text: a line indented with spaces is not code, and a
//!   typed number `1.` or `1)` is not an ordered list that the browser
//!   would number again (numbers are shown as they were typed).
//!
//! The lines of text themselves become paragraphs on the event stream
//! (`markdown.rs`), and [`line_class`] tells which lines of a notice are
//! its signature and contact lines.

use crate::config::LineBreaks;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// Marks the paragraph that stands for tab table `n`: private-use
/// characters that no editor types.
pub(crate) const TABLE_MARK: char = '\u{F8FE}';

/// A table pasted as tab-separated lines: the first row is the header,
/// every row has the same number of cells (short rows are padded with
/// empty cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TabTable {
    /// Rows of cells, trimmed, as plain text.
    pub(crate) rows: Vec<Vec<String>>,
}

/// The source made ready for the parser.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The text to parse.
    pub(crate) text: String,
    /// The tab tables cut out, by the number in their marker.
    pub(crate) tables: Vec<TabTable>,
    /// One map per rewrite, applied in order.
    maps: Vec<OffsetMap>,
}

impl Prepared {
    /// The offset in the user's source of byte `pos` of [`Self::text`].
    pub(crate) fn source_offset(&self, pos: usize) -> usize {
        self.maps.iter().rev().fold(pos, |p, m| m.back(p))
    }

    /// The marker paragraph's text of table `n`.
    pub(crate) fn marker(n: usize) -> String {
        format!("{TABLE_MARK}gongkai-table-{n}{TABLE_MARK}")
    }

    /// The table a paragraph of exactly `text` stands for.
    pub(crate) fn table_of(&self, text: &str) -> Option<&TabTable> {
        let n = text
            .strip_prefix(TABLE_MARK)?
            .strip_suffix(TABLE_MARK)?
            .strip_prefix("gongkai-table-")?
            .parse::<usize>()
            .ok()?;
        self.tables.get(n)
    }
}

/// Rewritten text back to the source: `(start in the new text, start in
/// the old text, fixed)`; a fixed piece was inserted, and all of it maps to
/// the one place it was inserted at.
#[derive(Debug, Default)]
struct OffsetMap(Vec<(usize, usize, bool)>);

impl OffsetMap {
    fn back(&self, pos: usize) -> usize {
        let i = self.0.partition_point(|&(new, _, _)| new <= pos);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some((new, old, false)) => old + (pos - new),
            Some((_, old, true)) => old,
            None => pos,
        }
    }
}

/// Writes the rewritten text and its map.
struct Builder<'a> {
    src: &'a str,
    out: String,
    map: OffsetMap,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            out: String::with_capacity(src.len() + 64),
            map: OffsetMap::default(),
        }
    }

    /// Copies `src[from..to]`.
    fn copy(&mut self, from: usize, to: usize) {
        if from < to {
            self.map.0.push((self.out.len(), from, false));
            self.out.push_str(&self.src[from..to]);
        }
    }

    /// Writes `text` that is not in the source, standing for the place `at`.
    fn insert(&mut self, at: usize, text: &str) {
        self.map.0.push((self.out.len(), at, true));
        self.out.push_str(text);
    }
}

/// Makes `src` ready for the parser in `mode`.
pub(crate) fn prepare(src: &str, mode: LineBreaks) -> Prepared {
    let mut prepared = Prepared {
        text: src.to_string(),
        tables: Vec::new(),
        maps: Vec::new(),
    };
    if src.contains('\t') {
        let (text, map, tables) = cut_tab_tables(src);
        if !tables.is_empty() {
            prepared.text = text;
            prepared.maps.push(map);
            prepared.tables = tables;
        }
    }
    if mode == LineBreaks::Paragraph {
        // Each round makes plain text of what the parser took for code or
        // a numbered list; a few rounds settle anything real text holds.
        for _ in 0..4 {
            let edits = plain_text_edits(&prepared.text);
            if edits.is_empty() {
                break;
            }
            let (text, map) = apply(&prepared.text, &edits);
            prepared.text = text;
            prepared.maps.push(map);
        }
    }
    prepared
}

/// The lines of `src` with their byte offsets (each line without its
/// line break), and whether each is inside a fenced code block.
fn lines(src: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let opened = fence_of(body);
        let inside = match (fence, opened) {
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n && is_close(body) => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(f)) => {
                fence = Some(f);
                true
            }
            (None, None) => false,
        };
        out.push((start, body, inside));
        start += line.len();
    }
    out
}

/// The fence a line opens or closes: ``` or ~~~ (three or more), after at
/// most three spaces.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// A closing fence has nothing after its fence characters.
fn is_close(line: &str) -> bool {
    let t = line.trim();
    t.chars().all(|c| c == '`') || t.chars().all(|c| c == '~')
}

/// Cuts every block of tab-separated lines out of `src`.
fn cut_tab_tables(src: &str) -> (String, OffsetMap, Vec<TabTable>) {
    let all = lines(src);
    let mut b = Builder::new(src);
    let mut tables = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while i < all.len() {
        let is_row = |&(_, l, fenced): &(usize, &str, bool)| {
            !fenced && l.contains('\t') && !l.trim().is_empty()
        };
        if !is_row(&all[i]) {
            i += 1;
            continue;
        }
        let end = (i..all.len())
            .find(|&j| !is_row(&all[j]))
            .unwrap_or(all.len());
        let block = &all[i..end];
        // Code indented with tabs has its tabs in front only; a table has
        // one between two cells.
        let between = block.iter().any(|(_, l, _)| {
            let t = l.trim_start();
            t.trim_end().contains('\t')
        });
        if block.len() >= 2 && between && !is_numbered_list(block.iter().map(|(_, l, _)| *l)) {
            let start = block[0].0;
            let last = block[block.len() - 1];
            let stop = last.0 + last.1.len();
            b.copy(copied, start);
            b.insert(start, &format!("\n{}\n\n", Prepared::marker(tables.len())));
            tables.push(tab_table(block.iter().map(|(_, l, _)| *l)));
            copied = stop;
        }
        i = end;
    }
    b.copy(copied, src.len());
    (b.out, b.map, tables)
}

/// Lines as Word writes its automatic numbering in plain text: the number
/// or bullet, a tab, the text (`1.\t消防通道…`, `一、\t总体要求`). They are
/// numbered lines, not a table of numbers and texts.
fn is_numbered_list<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    lines.all(|l| {
        let mut cells = l.trim().split('\t').filter(|c| !c.trim().is_empty());
        let first = cells.next().unwrap_or_default().trim();
        cells.count() == 1 && is_number_cell(first)
    })
}

/// A list number or bullet: `1.`, `１．`, `2)`, `一、`, `（一）`, `(3)`,
/// `第一条`, `•`.
fn is_number_cell(cell: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百".contains(c)
    };
    let all_numerals = |s: &str| !s.is_empty() && s.chars().all(numeral);
    if cell.chars().count() == 1 && "•●·◆■□▪◇○-*–—".contains(cell) {
        return true;
    }
    if let Some(inner) = cell
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
    {
        return all_numerals(inner);
    }
    if let Some(inner) = cell.strip_prefix('第') {
        return inner
            .strip_suffix(['条', '章', '节', '款', '项'])
            .is_some_and(all_numerals);
    }
    cell.strip_suffix(['.', '．', '、', ')', '）'])
        .is_some_and(all_numerals)
}

/// The table of some tab-separated lines: cells trimmed, short rows padded,
/// and trailing columns that are empty in every row dropped.
fn tab_table<'a>(lines: impl Iterator<Item = &'a str>) -> TabTable {
    let mut rows: Vec<Vec<String>> = lines
        .map(|l| {
            l.split('\t')
                .map(|c| c.trim_matches([' ', '\r']).to_string())
                .collect()
        })
        .collect();
    let mut width = rows.iter().map(Vec::len).max().unwrap_or(0);
    while width > 1
        && rows
            .iter()
            .all(|r| r.get(width - 1).is_none_or(String::is_empty))
    {
        width -= 1;
    }
    for r in &mut rows {
        r.resize(width, String::new());
    }
    TabTable { rows }
}

/// One rewrite of the text: delete a range, or insert text at a place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, &'static str),
}

impl Edit {
    fn at(&self) -> usize {
        match *self {
            Edit::Delete(a, _) | Edit::Insert(a, _) => a,
        }
    }
}

/// What makes plain text, with `line_breaks: paragraph`, of lines the
/// parser read as indented code or as an ordered list.
fn plain_text_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (event, range) in Parser::new_ext(text, super::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                let mut line = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                while line < range.end.max(range.start + 1) && line < text.len() {
                    let rest = &text[line..];
                    let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                    if indent > 0 {
                        edits.push(Edit::Delete(line, line + indent));
                    }
                    match rest.find('\n') {
                        Some(n) => line += n + 1,
                        None => break,
                    }
                }
            }
            // Lines over `---` or `===` are one heading in Markdown (a
            // setext heading); each line is its own paragraph here, so the
            // underline is cut off from them by a blank line: `---` is then
            // a rule, `===` text.
            Event::Start(Tag::Heading { .. }) => {
                let src = text[range.clone()].trim_end_matches(['\n', '\r']);
                if let Some(cut) = src.rfind('\n') {
                    let under = src[cut + 1..].trim();
                    if !under.is_empty()
                        && (under.chars().all(|c| c == '-') || under.chars().all(|c| c == '='))
                    {
                        edits.push(Edit::Insert(range.start + cut + 1, "\n"));
                    }
                }
            }
            Event::Start(Tag::Item) => {
                let rest = &text[range.start..];
                let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                let digits = rest[lead..].bytes().take_while(u8::is_ascii_digit).count();
                let mark = rest.as_bytes().get(lead + digits);
                if digits > 0 && matches!(mark, Some(b'.' | b')')) {
                    edits.push(Edit::Insert(range.start + lead + digits, "\\"));
                }
            }
            _ => {}
        }
    }
    edits.sort();
    edits.dedup();
    edits
}

fn apply(text: &str, edits: &[Edit]) -> (String, OffsetMap) {
    let mut b = Builder::new(text);
    let mut copied = 0;
    for e in edits {
        if e.at() < copied {
            continue;
        }
        b.copy(copied, e.at());
        match *e {
            Edit::Delete(from, to) => copied = to.max(from),
            Edit::Insert(at, s) => {
                b.insert(at, s);
                copied = at;
            }
        }
    }
    b.copy(copied, text.len());
    (b.out, b.map)
}

/// How a line of a notice is shown, with `line_breaks: paragraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Body text: indented by the theme.
    Text,
    /// 联系人, 联系电话, 地址 …: on its own line, not indented.
    Contact,
    /// The agency and date at the end (落款): right-aligned.
    Signature,
    /// Whom a notice is addressed to (主送机关, `各社区：`), its first
    /// line: flush left.
    Salutation,
}

impl LineClass {
    /// The class attribute's value, if any.
    pub(crate) fn class(self) -> Option<&'static str> {
        match self {
            LineClass::Text => None,
            LineClass::Contact => Some("contact"),
            LineClass::Signature => Some("signature"),
            LineClass::Salutation => Some("salutation"),
        }
    }
}

/// Labels that start a contact line.
const CONTACT_LABELS: &[&str] = &[
    "联系人",
    "联系电话",
    "联系方式",
    "咨询电话",
    "监督电话",
    "举报电话",
    "办公电话",
    "电话",
    "手机",
    "传真",
    "地址",
    "通讯地址",
    "联系地址",
    "办公地址",
    "邮编",
    "邮政编码",
    "电子邮箱",
    "邮箱",
    "电子邮件",
];

fn is_contact(line: &str) -> bool {
    CONTACT_LABELS.iter().any(|label| {
        line.strip_prefix(label)
            .map(|r| r.trim_start_matches([' ', '\u{3000}']))
            .is_some_and(|r| r.starts_with(['：', ':']))
    })
}

/// The first line of a notice naming whom it is for: short, ending with a
/// colon, no full stop, and worded as an address (`各社区、各有关单位：`,
/// `尊敬的居民朋友们：`), not as a lead-in (`名单如下：`).
fn is_salutation(line: &str) -> bool {
    let Some(body) = line.strip_suffix(['：', ':']) else {
        return false;
    };
    let addressed = ["各", "尊敬的", "广大", "全体"]
        .iter()
        .any(|p| body.starts_with(p))
        || ["同志", "朋友", "朋友们", "居民", "单位", "村民"]
            .iter()
            .any(|s| body.ends_with(s));
    line.chars().count() <= 40 && addressed && !body.contains(['。', '；', '：', ':'])
}

/// A date alone on its line: `2024年3月1日`, `２０２４年３月１日`,
/// `二〇二四年三月一日`.
pub(crate) fn is_date_line(line: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let numeral = |c: char| "〇○零一二三四五六七八九十".contains(c);
    let part = |s: &str, min: usize, max: usize| {
        let n = s.chars().count();
        n >= min && n <= max && (s.chars().all(digit) || s.chars().all(numeral))
    };
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((y, rest)) = t.split_once('年') else {
        return false;
    };
    let Some((m, rest)) = rest.split_once('月') else {
        return false;
    };
    let Some(d) = rest.strip_suffix('日') else {
        return false;
    };
    part(y, 4, 4) && part(m, 1, 3) && part(d, 1, 3)
}

/// A line that can be the agency of a signature: short, no sentence
/// punctuation, not numbered.
fn is_agency(line: &str) -> bool {
    let n = line.chars().count();
    let numbered = line.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || line.starts_with([
            '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
        ]) && line.chars().take(4).any(|c| "、）)．.".contains(c));
    (2..=30).contains(&n)
        && !numbered
        && !line.contains([
            '，', '。', '；', '：', '、', '！', '？', ',', ';', ':', '!', '?', '…',
        ])
        && !is_contact(line)
}

/// The class of each line (its text, and whether it directly follows the
/// line before it) of a document's top-level paragraphs, in order.
///
/// A date alone on its line is the signature's date; up to three short
/// lines right before it (the agency, or two agencies) belong to the
/// signature too. A signature needs text before it: a title and a date
/// at the very top are not one. A first line such as `各社区：` is the
/// salutation.
pub(crate) fn line_classes(lines: &[(String, bool)]) -> Vec<LineClass> {
    let mut out: Vec<LineClass> = lines
        .iter()
        .enumerate()
        .map(|(k, (t, _))| {
            if is_contact(t) {
                LineClass::Contact
            } else if k == 0 && is_salutation(t) {
                LineClass::Salutation
            } else {
                LineClass::Text
            }
        })
        .collect();
    for (k, (t, _)) in lines.iter().enumerate() {
        if !is_date_line(t) {
            continue;
        }
        let mut first = k;
        while first > 0
            && k - first < 3
            && lines[first].1
            && is_agency(&lines[first - 1].0)
            && !is_date_line(&lines[first - 1].0)
        {
            first -= 1;
        }
        if first == 0 {
            continue;
        }
        for c in &mut out[first..=k] {
            *c = LineClass::Signature;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_blocks_become_tables_and_offsets_map_back() {
        let src = "前言\n姓名\t电话\n张三\t123\n\n后记 [x](y)";
        let p = prepare(src, LineBreaks::Join);
        assert_eq!(
            p.text,
            format!("前言\n\n{}\n\n\n\n后记 [x](y)", Prepared::marker(0))
        );
        assert_eq!(
            p.tables,
            [TabTable {
                rows: vec![
                    vec!["姓名".into(), "电话".into()],
                    vec!["张三".into(), "123".into()]
                ]
            }]
        );
        let at = p.text.find("[x]").unwrap_or_default();
        assert_eq!(p.source_offset(at), src.find("[x]").unwrap_or_default());
    }

    #[test]
    fn ragged_rows_are_padded_and_empty_first_cells_kept() {
        let p = prepare("\t2023\t2024\n收到\t5\n办结\t4\t6\t\n", LineBreaks::Join);
        assert_eq!(
            p.tables[0].rows,
            [
                vec!["", "2023", "2024"],
                vec!["收到", "5", ""],
                vec!["办结", "4", "6"]
            ]
        );
    }

    #[test]
    fn tab_indented_code_and_fenced_tabs_are_not_tables() {
        for src in [
            "\tfoo()\n\tbar()\n",
            "```\na\tb\nc\td\n```\n",
            "a\tb\n",
            // Word's automatic numbering, pasted as text.
            "1.\t消防通道；\n2.\t灭火器材。\n",
            "一、\t总体要求\n二、\t工作安排\n（一）\t时间\n第三条\t附则\n•\t要点\n",
        ] {
            assert!(prepare(src, LineBreaks::Join).tables.is_empty(), "{src:?}");
        }
    }

    #[test]
    fn paragraph_mode_makes_text_of_indents_and_numbers() {
        let src = "    为做好工作\n\n1. 第一\n2) 第二\n- 列表\n```\n    代码\n```\n";
        let p = prepare(src, LineBreaks::Paragraph);
        assert_eq!(
            p.text,
            "为做好工作\n\n1\\. 第一\n2\\) 第二\n- 列表\n```\n    代码\n```\n"
        );
        let at = p.text.find("第二").unwrap_or_default();
        assert_eq!(p.source_offset(at), src.find("第二").unwrap_or_default());
        // Join mode keeps Markdown as it is.
        assert_eq!(prepare(src, LineBreaks::Join).text, src);
    }

    #[test]
    fn dates_contacts_and_signatures() {
        assert!(is_date_line("2024年3月1日"));
        assert!(is_date_line("　２０２４年３月１日 "));
        assert!(is_date_line("二〇二四年三月十一日"));
        assert!(!is_date_line("报名截止2024年3月1日"));
        assert!(is_contact("联系电话：0571-1234"));
        assert!(is_contact("地址: 大街1号"));
        assert!(!is_contact("地址在大街"));
        let lines = |v: &[&str]| -> Vec<(String, bool)> {
            v.iter().map(|s| (s.to_string(), true)).collect()
        };
        use LineClass::*;
        assert_eq!(
            line_classes(&lines(&[
                "正文。",
                "联系人：张三",
                "大街街道办事处",
                "2024年3月1日"
            ])),
            [Text, Contact, Signature, Signature]
        );
        // A title and a date at the top are no signature.
        assert_eq!(
            line_classes(&lines(&["通知", "2024年3月1日", "正文。"])),
            [Text, Text, Text]
        );
        assert_eq!(
            line_classes(&lines(&[
                "各社区、各有关单位：",
                "现将有关事项通知如下：",
                "2024年3月1日"
            ])),
            [Salutation, Text, Signature]
        );
        assert_eq!(line_classes(&lines(&["名单如下：", "张三"])), [Text, Text]);
        // A sentence before the date is not the agency.
        assert_eq!(
            line_classes(&lines(&["正文。", "特此通知。", "2024年3月1日"])),
            [Text, Text, Signature]
        );
    }
}
