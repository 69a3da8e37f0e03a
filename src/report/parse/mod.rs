//! Reading a report file: the YAML tree from `yaml.rs` into the envelope
//! (year, edition, agency, dates) and the [`Data`] of the six parts, checking
//! structure and cell values on the way (every row present, no unknown row,
//! the right number of cells, rule E). Arithmetic is `rules.rs`'s job.

mod cells;
pub(crate) mod keys;
mod part2;
mod part3;

use super::edition::{self, CellKind, Edition, PARTS};
use super::model::{Cell, Data, Num, Prose, Row};
use super::yaml::{Key, Node, Pos, Value};
use keys::{Expect, Reader};

/// The keys above the six parts, written in English like front matter.
const ENVELOPE: [&str; 7] = [
    "year",
    "edition",
    "agency",
    "published",
    "title",
    "reproduces_original",
    "original_note",
];

/// The report's envelope.
#[derive(Debug, Clone)]
pub(crate) struct Envelope {
    /// The reported year.
    pub(crate) year: i32,
    /// The agency that reports.
    pub(crate) agency: String,
    /// Publication date, `YYYY-MM-DD` (empty when missing, which is an error).
    pub(crate) published: String,
    /// The title.
    pub(crate) title: String,
    /// Published-original mode.
    pub(crate) reproduces_original: bool,
    /// What the page says about the original, in that mode.
    pub(crate) original_note: Option<String>,
}

/// Reads the whole tree. Returns None when the file has no usable year or is
/// not a mapping, since there is then no page to put anything on.
pub(crate) fn read(
    r: &mut Reader<'_>,
    root: &Node,
    default_agency: &str,
) -> Option<(Envelope, Data)> {
    let Value::Map(pairs) = &root.value else {
        r.error(
            root.pos,
            format!(
                "a report file is a mapping of `year`, `published` … and the six parts, found {}",
                root.value.kind()
            ),
        );
        return None;
    };
    let expected: Vec<Expect> = ENVELOPE
        .iter()
        .chain(PARTS.iter())
        .map(|l| Expect::plain(l))
        .collect();
    let found = r.match_keys("report", pairs, &expected, &Vec::new());
    let get = |label: &str| {
        let i = expected.iter().position(|e| e.label == label)?;
        found[i]
    };
    r.lenient = matches!(get("reproduces_original"), Some((_, n)) if n.value == Value::Bool(true));
    let (env, edition) = envelope(r, root.pos, &get, default_agency)?;
    let part = |i: usize| get(PARTS[i]);
    let missing: Vec<&str> = (0..6)
        .filter(|i| part(*i).is_none())
        .map(|i| PARTS[i])
        .collect();
    if !missing.is_empty() {
        r.error(root.pos, format!("missing parts: {}", missing.join(", ")));
    }
    let data = Data {
        edition,
        overview: prose(r, part(0)),
        part2: part2::read(r, part(1), edition),
        part3: part3::read(r, part(2), edition),
        part4: part3::read_part4(r, part(3)),
        problems: prose(r, part(4)),
        other: prose(r, part(5)),
    };
    Some((env, data))
}

type Lookup<'a, 'n> = dyn Fn(&str) -> Option<(&'n Key, &'n Node)> + 'a;

fn year_of(r: &mut Reader<'_>, root: Pos, get: &Lookup<'_, '_>) -> Option<i32> {
    match get("year").map(|(_, n)| n) {
        Some(Node {
            value: Value::Int(y),
            ..
        }) if (1900..=9999).contains(y) => i32::try_from(*y).ok(),
        Some(n) => {
            r.error(n.pos, "`year` must be a four-digit year such as 2020");
            None
        }
        None => {
            r.error(root, "missing `year` (the reported year, such as 2020)");
            None
        }
    }
}

fn edition_of(r: &mut Reader<'_>, get: &Lookup<'_, '_>, year: i32) -> &'static Edition {
    let Some((_, n)) = get("edition") else {
        return edition::default_for(year);
    };
    let named = match n.value {
        Value::Int(id) => edition::by_id(id),
        _ => None,
    };
    named.unwrap_or_else(|| {
        r.error(n.pos, "`edition` must be 2019 or 2021").hint = Some(
            "2019 is the format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports; 2021 is 国办公开办函〔2021〕30号".into(),
        );
        edition::default_for(year)
    })
}

fn envelope(
    r: &mut Reader<'_>,
    root: Pos,
    get: &Lookup<'_, '_>,
    default_agency: &str,
) -> Option<(Envelope, &'static Edition)> {
    let year = year_of(r, root, get)?;
    let edition = edition_of(r, get, year);
    let text = |r: &mut Reader<'_>, key: &str| match get(key).map(|(_, n)| n) {
        Some(Node {
            value: Value::Str(s),
            ..
        }) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(n) if n.value != Value::Null => {
            r.error(n.pos, format!("`{key}` must be text"));
            None
        }
        _ => None,
    };
    let agency = text(r, "agency").unwrap_or_else(|| default_agency.to_string());
    let title =
        text(r, "title").unwrap_or_else(|| format!("{agency}{year}年政府信息公开工作年度报告"));
    let original_note = text(r, "original_note");
    let published = match text(r, "published") {
        Some(d) if d.parse::<jiff::civil::Date>().is_ok() => d,
        Some(d) => {
            let pos = get("published").map(|(_, n)| n.pos).unwrap_or(root);
            r.error(
                pos,
                format!("`published` must be a date written YYYY-MM-DD, found `{d}`"),
            );
            String::new()
        }
        None => {
            r.error(
                root,
                "missing `published` (the date the report was published, such as 2021-01-29)",
            );
            String::new()
        }
    };
    if let Some((_, n)) = get("reproduces_original") {
        if !matches!(n.value, Value::Bool(_)) {
            r.error(n.pos, "`reproduces_original` must be true or false");
        }
    }
    let reproduces_original = r.lenient;
    let env = Envelope {
        year,
        agency,
        published,
        title,
        reproduces_original,
        original_note,
    };
    Some((env, edition))
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
                    r.error(
                        v.pos,
                        format!(
                            "{} {}: expected Markdown text, found {}",
                            key.text,
                            k.text,
                            other.kind()
                        ),
                    );
                    None
                }
            })
            .collect(),
        other => {
            r.error(
                node.pos,
                format!(
                    "{}: expected Markdown text, found {}",
                    key.text,
                    other.kind()
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
    let items = match &node.value {
        Value::Seq(items) if items.len() == n || (spec.total && items.len() + 1 == n) => items,
        other => {
            let found = match other {
                Value::Seq(items) => format!("{} cells", items.len()),
                other => other.kind().to_string(),
            };
            let alt = if spec.total {
                format!(" or {} without {}", n - 1, spec.columns[n - 1])
            } else {
                String::new()
            };
            r.error(
                node.pos,
                format!(
                    "{}: expected a list of {n} cells ({}){alt}, found {found}",
                    spec.name,
                    spec.columns.join(", ")
                ),
            );
            let mut row = Row::absent(&spec.label, n);
            row.line = key.pos.line;
            return row;
        }
    };
    let mut cells = Vec::with_capacity(n);
    let mut blanks = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (cell, misfit) = cells::read(item, spec.kinds[i]);
        if let Some(m) = misfit {
            r.finding(
                item.pos,
                format!(
                    "{}, column {}: `{}` is not {}",
                    spec.name, spec.columns[i], m.written, m.wanted
                ),
            );
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

/// One warning for the blank cells of a row: a blank is not an arithmetic
/// error, and the staff member should know which cells were left empty.
fn blank_warning(r: &mut Reader<'_>, name: &str, blanks: &[&str], pos: Pos) {
    if blanks.is_empty() {
        return;
    }
    let s = if blanks.len() > 1 { "s" } else { "" };
    r.warning(
        pos,
        format!(
            "{name}: blank cell{s} in column{s} {}; shown empty and counted as 0",
            blanks.join(", ")
        ),
    )
    .hint = Some(
        "write 0 where the original has 0; leave `~` only where the published original is blank"
            .into(),
    );
}
