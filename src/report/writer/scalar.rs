//! How one value is spelled in the YAML form: a cell, a key, a line of the
//! envelope, or a prose text as a block scalar. A value is written plain
//! when it reads back exactly as it is, and double-quoted otherwise.

use super::super::edition::CellKind;
use super::super::parse::cells;
use super::super::yaml::{self, Value};
use crate::report::{Cell, Num};

/// A cell in a row list: `~` for a blank, the number or text as shown when
/// it reads back the same, else the shown text quoted ("+19" stays "+19").
pub(super) fn cell(c: &Cell, kind: CellKind) -> String {
    match c.num {
        Num::Blank => "~".to_string(),
        Num::Int(n) if c.shown == n.to_string() => c.shown.clone(),
        _ if reads_back(&c.shown, c, kind) => c.shown.clone(),
        _ => quoted(&c.shown),
    }
}

/// True when `text`, written plain in a list, reads as `c` in a column of `kind`.
fn reads_back(text: &str, c: &Cell, kind: CellKind) -> bool {
    let Ok(node) = yaml::parse(&format!("[{text}]")) else {
        return false;
    };
    match &node.value {
        Value::Seq(items) if items.len() == 1 => {
            let (read, _) = cells::read(&items[0], kind);
            read.shown == c.shown && read.num == c.num
        }
        _ => false,
    }
}

/// A mapping key: plain when it reads back as itself, else quoted.
pub(super) fn key(text: &str) -> String {
    let plain = yaml::parse(&format!("{text}: 0\n")).is_ok_and(|node| match node.value {
        Value::Map(pairs) => pairs.len() == 1 && pairs[0].0.text == text,
        _ => false,
    });
    if plain && !text.is_empty() {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// A text value on one line: plain when it reads back as itself, else quoted.
pub(super) fn text(value: &str) -> String {
    let plain = yaml::parse(&format!("k: {value}\n")).is_ok_and(|node| match node.value {
        Value::Map(pairs) => pairs.len() == 1 && pairs[0].1.value == Value::Str(value.to_string()),
        _ => false,
    });
    if plain && !value.is_empty() {
        value.to_string()
    } else {
        quoted(value)
    }
}

/// A text inside a flow mapping (`{file: …}`): always quoted, since a
/// comma or brace would end a plain one there.
pub(super) fn flow(value: &str) -> String {
    quoted(value)
}

/// Double-quoted, with JSON's escapes (which YAML reads the same).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}

/// A prose text after `key: `, as a literal block scalar whose lines are
/// indented by `indent` spaces, ending with a newline. Text a literal block
/// cannot hold (carriage returns, control characters) is quoted instead.
pub(super) fn block(text: &str, indent: usize) -> String {
    let literal_ok = text
        .chars()
        .all(|c| c == '\n' || c == '\t' || !c.is_control());
    if text.is_empty() || !literal_ok || text.trim().is_empty() {
        return format!("{}\n", quoted(text));
    }
    let body = text.trim_end_matches('\n');
    let trailing = text.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    // A first line that starts with a space would be read as the indentation.
    let first = body.lines().find(|l| !l.is_empty()).unwrap_or_default();
    let indicator = if first.starts_with(' ') { "2" } else { "" };
    let pad = " ".repeat(indent);
    let mut out = format!("|{indicator}{chomp}\n");
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    out
}
