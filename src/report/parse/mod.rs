//! Reading a report file: the YAML tree from `yaml.rs` into the envelope
//! (year, edition, agency, dates) and the [`Data`] of the six parts, checking
//! structure and cell values on the way (every row present, no unknown row,
//! the right number of cells, rule E). Arithmetic is `rules.rs`'s job.

pub(crate) mod cells;
mod envelope;
pub(crate) mod keys;
mod misplaced;
mod part2;
mod part3;
mod part4;

use super::edition::{CellKind, PARTS};
use super::yaml::{Key, Node, Pos, Value};
use super::{Cell, Data, Envelope, Num, Prose, Row, label};
use crate::diag::codes::{REPORT_BLANK, REPORT_CELL, REPORT_STRUCTURE, REPORT_UNIT};
use keys::{Expect, Reader};

/// Reads the whole tree. Returns None when the file has no usable year or is
/// not a mapping, since there is then no page to put anything on.
pub(crate) fn read(r: &mut Reader<'_>, root: &Node) -> Option<(Envelope, Data)> {
    let Value::Map(pairs) = &root.value else {
        r.diag(
            &REPORT_STRUCTURE,
            root.pos,
            t!("report-not-mapping", found = kind(&root.value)),
        );
        return None;
    };
    let expected: Vec<Expect> = envelope::KEYS
        .iter()
        .chain(PARTS.iter())
        .map(|l| Expect::plain(l))
        .collect();
    let found = r.match_keys(&t!("report-place-file"), pairs, &expected, &Vec::new());
    let get = |label: &str| {
        let i = expected.iter().position(|e| e.label == label)?;
        found[i]
    };
    r.lenient = matches!(get("reproduces_original"), Some((_, n)) if n.value == Value::Bool(true));
    let (env, edition) = envelope::read(r, root.pos, &get)?;
    let part = |i: usize| get(PARTS[i]);
    let missing: Vec<&str> = (0..6)
        .filter(|i| part(*i).is_none())
        .map(|i| PARTS[i])
        .collect();
    if !missing.is_empty() {
        r.diag(
            &REPORT_STRUCTURE,
            root.pos,
            t!(
                "report-missing-parts",
                parts = missing.join(&t!("report-list-sep"))
            ),
        );
    }
    let data = Data {
        edition,
        overview: prose(r, part(0)),
        part2: part2::read(r, part(1), edition),
        part3: part3::read(r, part(2), edition),
        part4: part4::read(r, part(3), edition),
        problems: prose(r, part(4)),
        other: prose(r, part(5)),
    };
    if edition.id == 2021
        && let Some((key, _)) = part(0)
    {
        overview_topics(r, &data.overview, key.pos);
    }
    Some((env, data))
}

/// The five sub-topics of 一、总体情况 in the 2021 form (国办公开办函〔2021〕30号):
/// each's number, its name, and the words a sub-heading of it has at least.
pub(crate) const OVERVIEW_TOPICS: [(&str, &str, &str); 5] = [
    ("（一）", "主动公开", "主动公开"),
    ("（二）", "依申请公开", "依申请"),
    ("（三）", "政府信息管理", "信息管理"),
    ("（四）", "政府信息公开平台建设", "平台"),
    ("（五）", "监督保障", "监督"),
];

/// A warning when 一、总体情况 of a 2021-form report is written under the
/// form's numbered sub-topics but leaves out any of the five: no
/// sub-heading (`（一）主动公开:`) nor line of the text starts with its
/// number. A text not numbered so is not judged, nor a reproduced original.
fn overview_topics(r: &mut Reader<'_>, overview: &Prose, pos: Pos) {
    let numbered = |l: &str| {
        let l = label::fold(l);
        let l = l.trim_start_matches(['#', '*']);
        OVERVIEW_TOPICS
            .iter()
            .any(|(number, _, _)| l.starts_with(&label::fold(number)))
    };
    // Judged only when written under the form's numbers, and by the
    // numbers: each sub-topic's own wording is the writer's
    // (（三）政府信息资源规范化、标准化管理 is 政府信息管理).
    let structured = overview
        .sections
        .iter()
        .any(|(heading, text)| numbered(heading) || text.lines().any(numbered));
    if !structured || r.lenient {
        return;
    }
    let present = |(number, _, _): &(&str, &str, &str)| {
        let number = label::fold(number);
        let starts = |l: &str| {
            label::fold(l)
                .trim_start_matches(['#', '*'])
                .starts_with(&number)
        };
        overview
            .sections
            .iter()
            .any(|(heading, text)| starts(heading) || text.lines().any(starts))
    };
    let missing: Vec<String> = OVERVIEW_TOPICS
        .iter()
        .filter(|t| !present(t))
        .map(|(number, name, _)| format!("{number}{name}"))
        .collect();
    if missing.is_empty() {
        return;
    }
    let d = r.diag(
        &REPORT_STRUCTURE,
        pos,
        t!(
            "report-overview-topics",
            missing = missing.join(&t!("report-list-sep"))
        ),
    );
    d.severity = crate::diag::Severity::Warning;
    d.hint = Some(t!("report-overview-topics-hint"));
}

fn prose(r: &mut Reader<'_>, part: Option<(&Key, &Node)>) -> Prose {
    let Some((key, node)) = part else {
        return Prose::default();
    };
    let sections = match &node.value {
        Value::Str(s) => vec![(String::new(), s.clone())],
        Value::Null => Vec::new(),
        Value::Map(pairs) => pairs
            .iter()
            .filter_map(|(k, v)| match &v.value {
                Value::Str(s) => Some((k.text.clone(), s.clone())),
                Value::Null => Some((k.text.clone(), String::new())),
                other => {
                    r.diag(
                        &REPORT_STRUCTURE,
                        v.pos,
                        t!(
                            "report-prose-not-text",
                            place = format!("{} {}", key.text, k.text),
                            found = kind(other)
                        ),
                    );
                    None
                }
            })
            .collect(),
        other => {
            r.diag(
                &REPORT_STRUCTURE,
                node.pos,
                t!(
                    "report-prose-not-text",
                    place = key.text.as_str(),
                    found = kind(other)
                ),
            );
            Vec::new()
        }
    };
    Prose { sections }
}

/// How to read one data row.
pub(crate) struct RowSpec<'a> {
    /// The row's name in messages.
    pub(crate) name: String,
    /// Column labels, in order.
    pub(crate) columns: &'a [&'a str],
    /// The kind of each column.
    pub(crate) kinds: &'a [CellKind],
    /// True when the last column is a total that may be left out and computed.
    pub(crate) total: bool,
    /// The label shown for the row.
    pub(crate) label: String,
}

/// Reads a data row: a list of cells in column order.
pub(crate) fn read_row(r: &mut Reader<'_>, spec: &RowSpec<'_>, key: &Key, node: &Node) -> Row {
    let n = spec.columns.len();
    let split = split_full_width_commas(&node.value);
    let value = split.as_ref().unwrap_or(&node.value);
    let items = match value {
        Value::Seq(items) if items.len() == n || (spec.total && items.len() + 1 == n) => items,
        other => {
            let found = match other {
                Value::Seq(items) => t!("report-found-cells", count = items.len()),
                other => kind(other),
            };
            let alt = if spec.total {
                t!(
                    "report-row-shape-alt",
                    n = n - 1,
                    total = spec.columns[n - 1]
                )
            } else {
                String::new()
            };
            let text = r.text;
            let d = r.diag(
                &REPORT_CELL,
                node.pos,
                t!(
                    "report-row-shape",
                    name = spec.name.as_str(),
                    n = n,
                    columns = spec.columns.join(&t!("report-list-sep")),
                    alt = alt,
                    found = found
                ),
            );
            let cells_wanted = if spec.total { n - 1..=n } else { n..=n };
            if let Some(row) = separated_row(other, cells_wanted) {
                d.hint = Some(t!("report-row-separators", row = row));
            } else if let Value::Seq(items) = other
                && let Some(written) = thousands(items, text)
            {
                d.hint = Some(t!(
                    "report-thousands",
                    written = written.as_str(),
                    number = written.replace(',', "")
                ));
            }
            let mut row = Row::absent(&spec.label, n);
            row.line = key.pos.line;
            return row;
        }
    };
    let mut cells = Vec::with_capacity(n);
    let mut blanks = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (mut cell, misfit) = cells::read(item, spec.kinds[i]);
        // YAML reads `+17` as 17: the sign of an increase is shown as typed.
        if spec.kinds[i] == CellKind::Signed
            && let (Value::Int(n @ 1..), Num::Int(_)) = (&item.value, &cell.num)
            && typed_at(r.text, item.pos).is_some_and(|t| t.starts_with('+'))
        {
            cell.shown = format!("+{n}");
        }
        match misfit {
            Some(cells::Issue::Misfit(m)) => {
                r.finding(
                    &REPORT_CELL,
                    item.pos,
                    t!(
                        "report-cell-misfit",
                        name = spec.name.as_str(),
                        column = spec.columns[i],
                        written = m.written.as_str(),
                        want = m.wanted()
                    ),
                );
            }
            Some(cells::Issue::Unit(written)) => {
                let d = r.diag(
                    &REPORT_UNIT,
                    item.pos,
                    t!(
                        "report-cell-unit",
                        name = spec.name.as_str(),
                        column = spec.columns[i],
                        written = written.as_str(),
                        number = cell.shown.as_str()
                    ),
                );
                d.hint = Some(t!("report-cell-unit-hint", number = cell.shown.as_str()));
            }
            None => {}
        }
        if cell.num == Num::Blank {
            blanks.push(spec.columns[i]);
        }
        cells.push(cell);
    }
    if cells.len() < n {
        let sum = cells.iter().map(Cell::count).sum();
        cells.push(Cell::computed(sum));
    }
    blank_warning(r, &spec.name, &blanks, key.pos);
    Row {
        label: spec.label.clone(),
        cells,
        line: key.pos.line,
        sound: true,
    }
}

/// A number typed with a thousands separator, `[1,234]` or `[1,000,000]`,
/// which YAML reads as several cells (1 and 234): the number as typed, read
/// from the line at the first whole-number cell where the text is digits
/// grouped by commas in threes.
fn thousands(items: &[Node], text: &str) -> Option<String> {
    items.iter().find_map(|n| {
        if !matches!(n.value, Value::Int(_)) {
            return None;
        }
        grouped_digits(typed_at(text, n.pos)?).map(str::to_string)
    })
}

/// The rest of the line of `text` from `pos`, as typed.
fn typed_at(text: &str, pos: Pos) -> Option<&str> {
    if pos.line == 0 || pos.col == 0 {
        return None;
    }
    let line = text.lines().nth(pos.line as usize - 1)?;
    let at = line.char_indices().nth(pos.col as usize - 1)?.0;
    Some(&line[at..])
}

/// The start of `s` when it is 1 to 3 digits followed by one or more groups
/// of a comma and exactly 3 digits (`1,234`, `12,000,000`), not followed by
/// another digit.
fn grouped_digits(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let lead = digits(0);
    if !(1..=3).contains(&lead) {
        return None;
    }
    let mut end = lead;
    while b.get(end) == Some(&b',') && digits(end + 1) == 3 {
        end += 4;
    }
    (end > lead).then(|| &s[..end])
}

/// The row as it should be written (`[4, 0, 1]`) when `v` is its numbers
/// separated otherwise: by spaces or tabs (pasted from Excel or Word), or
/// by 、, as one text or as the one cell of a list; `None` unless that
/// gives a number of cells in `wanted`.
fn separated_row(v: &Value, wanted: std::ops::RangeInclusive<usize>) -> Option<String> {
    // `行政许可: 412`: one number without its brackets.
    if let Value::Int(_) | Value::Float(..) = v
        && wanted.contains(&1)
    {
        let n = match v {
            Value::Int(i) => i.to_string(),
            Value::Float(_, written) => written.clone(),
            _ => String::new(),
        };
        return Some(format!("[{n}]"));
    }
    let text = match v {
        Value::Str(s) => s.as_str(),
        Value::Seq(items) if items.len() == 1 => match &items[0].value {
            Value::Str(s) => s.as_str(),
            _ => return None,
        },
        _ => return None,
    };
    let pieces: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|p| !p.is_empty())
        .collect();
    let numeric = |p: &&str| {
        *p == "~"
            || label::fold(p)
                .trim_start_matches(['+', '-'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
    };
    (wanted.contains(&pieces.len()) && pieces.iter().all(numeric))
        .then(|| format!("[{}]", pieces.join(", ")))
}

/// A row typed with Chinese commas, `[8，2，0]`, reads in YAML as one text
/// cell "8，2，0". Like full-width digits, the commas are accepted: the
/// cell is split into its cells (an empty piece is a blank cell). None when
/// no cell holds a full-width comma.
fn split_full_width_commas(v: &Value) -> Option<Value> {
    let Value::Seq(items) = v else {
        return None;
    };
    let has = |n: &Node| matches!(&n.value, Value::Str(s) if s.contains('，'));
    if !items.iter().any(has) {
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Str(s) if s.contains('，') => out.extend(s.split('，').map(|piece| Node {
                value: match piece.trim() {
                    "" | "~" => Value::Null,
                    p => Value::Str(p.to_string()),
                },
                pos: item.pos,
            })),
            _ => out.push(item.clone()),
        }
    }
    Some(Value::Seq(out))
}

/// What a value is, in the user's words, for "found …" in messages.
/// English keeps the YAML reader's own words (`Value::kind`).
pub(crate) fn kind(v: &Value) -> String {
    if crate::i18n::current() == crate::i18n::Lang::En {
        return v.kind().to_string();
    }
    match v {
        Value::Null => t!("report-kind-nothing"),
        Value::Bool(_) => t!("report-kind-bool"),
        Value::Int(_) | Value::Float(..) => t!("report-kind-number"),
        Value::Str(_) => t!("report-kind-text"),
        Value::Seq(_) => t!("report-kind-list"),
        Value::Map(_) => t!("report-kind-mapping"),
    }
}

/// One warning for the blank cells of a row: a blank is not an arithmetic
/// error, and the staff member should know which cells were left empty.
fn blank_warning(r: &mut Reader<'_>, name: &str, blanks: &[&str], pos: Pos) {
    if blanks.is_empty() {
        return;
    }
    let columns = blanks.join(&t!("report-list-sep"));
    r.diag(
        &REPORT_BLANK,
        pos,
        t!(
            "report-blank",
            name = name,
            count = blanks.len(),
            columns = columns.as_str()
        ),
    )
    .hint = Some(t!("report-blank-hint"));
    r.blank_rows.push((pos.line, columns));
}
