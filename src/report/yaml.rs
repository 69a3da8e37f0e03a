//! The first reading of a report file: YAML text into a small tree whose every
//! key and value remembers its line and column, so later stages can point at
//! the exact row and cell of the paper form.
//!
//! This stage knows nothing about the report format: it only keeps mapping
//! order, scalar kinds and positions. Interpreting labels is `parse.rs`'s job.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A 1-based position in the file (column in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    /// Line, 1-based; 0 when unknown.
    pub line: u32,
    /// Column in characters, 1-based; 0 when unknown.
    pub col: u32,
}

/// One YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// `~`, `null` or nothing at all.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction, and its text as written (`1.250`: the
    /// signed report is copied cell by cell, trailing zeros included).
    Float(f64, String),
    /// Any string scalar.
    Str(String),
    /// A sequence, in order.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Key, Node)>),
}

/// A value with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// What was written.
    pub(crate) value: Value,
    /// Where it starts.
    pub(crate) pos: Pos,
}

/// A mapping key (any scalar, kept as text) with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    /// The key as written.
    pub(crate) text: String,
    /// Where it starts.
    pub(crate) pos: Pos,
}

impl Value {
    /// A short English name of the kind of value, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(..) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Parses `text` into a tree. On a syntax error returns what is wrong in
/// the staff's words (a row written twice, a full-width colon, an empty
/// cell, …; see `config::yaml_error`) and where.
pub(crate) fn parse(text: &str) -> Result<Node, (String, Pos)> {
    use crate::config::yaml_error::{Place, explain};
    match serde_saphyr::from_str::<Spanned<Raw>>(text) {
        Ok(node) => Ok(into_node(node, text)),
        Err(e) => {
            let said = explain(&e, text, Place::Report, &[], 0);
            if let Some(found) = pasted_row_above(text, said.line) {
                return Err(found);
            }
            let message = match said.hint {
                Some(hint) => t!("yaml-with-hint", message = said.message, hint = hint),
                None => said.message,
            };
            let pos = Pos {
                line: said.line,
                col: said.col,
            };
            Err((message, pos))
        }
    }
}

/// A row pasted from Excel or Word just above the YAML error at `line`
/// (the error itself shows only where the reader gave up, on a later line):
/// a line with Tabs after its first text, such as `（一）予以公开<Tab>4<Tab>0`.
/// The message points at that line and says how to write it.
fn pasted_row_above(text: &str, line: u32) -> Option<(String, Pos)> {
    let lines: Vec<&str> = text.lines().collect();
    let upto = (line as usize).min(lines.len());
    let (at, pasted) = lines[upto.saturating_sub(3)..upto]
        .iter()
        .enumerate()
        .find(|(_, l)| l.trim_start_matches([' ', '\t']).contains('\t'))
        .map(|(i, l)| (i + upto.saturating_sub(3), l))?;
    let content = pasted.trim_start_matches([' ', '\t']);
    let mut parts = content.split('\t').map(str::trim).filter(|p| !p.is_empty());
    let first = parts.next()?;
    // `label<Tab>4<Tab>0`, or `label: 4<Tab>0` with the colon typed.
    let (label, lead) = match first.split_once([':', '：']) {
        Some((label, lead)) => (label.trim(), Some(lead.trim()).filter(|l| !l.is_empty())),
        None => (first, None),
    };
    let cells: Vec<&str> = lead.into_iter().chain(parts).collect();
    if cells.is_empty() {
        return None;
    }
    let indent = pasted.len() - content.len();
    Some((
        t!(
            "report-pasted-row",
            row = format!("{label}: [{}]", cells.join(", "))
        ),
        Pos {
            line: at as u32 + 1,
            col: indent as u32 + 1,
        },
    ))
}

fn pos_of(loc: serde_saphyr::Location) -> Pos {
    Pos {
        line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
        col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
    }
}

/// The text of a number as written at `loc` in `text`; the shortest form
/// of `f` when the reader gives no span.
fn written(loc: serde_saphyr::Location, text: &str, f: f64) -> String {
    let span = loc.span();
    let at = |n: Option<u64>| n.and_then(|n| usize::try_from(n).ok());
    let typed = match (at(span.byte_offset()), at(span.byte_len())) {
        (Some(start), Some(len)) => text.get(start..start.saturating_add(len)),
        _ => None,
    };
    typed
        .map(str::trim)
        .filter(|t| t.parse::<f64>().is_ok_and(|v| v == f))
        .map_or_else(|| f.to_string(), str::to_string)
}

fn into_node(s: Spanned<Raw>, text: &str) -> Node {
    let pos = pos_of(s.referenced);
    let value = match s.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f, written(s.referenced, text, f)),
        Raw::Str(t) => Value::Str(t),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(|n| into_node(n, text)).collect()),
        Raw::Map(pairs) => Value::Map(
            pairs
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        text: k.value.0,
                        pos: pos_of(k.referenced),
                    };
                    (key, into_node(v, text))
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

/// The tree as serde builds it, before positions are flattened into [`Node`].
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<RawKey>, Spanned<Raw>)>),
}

/// A key of any scalar kind, read as text (so `2020:` is the key "2020").
struct RawKey(String);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

impl<'de> Deserialize<'de> for RawKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(RawVisitor)? {
            Raw::Str(s) => Ok(RawKey(s)),
            Raw::Int(i) => Ok(RawKey(i.to_string())),
            Raw::Float(f) => Ok(RawKey(f.to_string())),
            Raw::Bool(b) => Ok(RawKey(b.to_string())),
            Raw::Null => Ok(RawKey(String::new())),
            Raw::Seq(_) | Raw::Map(_) => {
                Err(de::Error::custom(crate::config::yaml_error::KEY_NOT_TEXT))
            }
        }
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut pairs = Vec::new();
        while let Some((k, v)) = map.next_entry::<Spanned<RawKey>, Spanned<Raw>>()? {
            pairs.push((k, v));
        }
        Ok(Raw::Map(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_keys_and_cells() {
        let text = "year: 2020\n三、收到:\n  一、本年新收: [0, ~, 3]\n  d: +19\n  e: \"+19\"\n";
        let root = parse(text).expect("valid yaml");
        let Value::Map(top) = &root.value else {
            panic!("map expected")
        };
        assert_eq!(top[0].0.text, "year");
        assert_eq!(top[1].0.pos, Pos { line: 2, col: 1 });
        let Value::Map(inner) = &top[1].1.value else {
            panic!("inner map")
        };
        assert_eq!(inner[0].0.pos.line, 3);
        let Value::Seq(cells) = &inner[0].1.value else {
            panic!("seq")
        };
        assert_eq!(cells[1].value, Value::Null);
        assert_eq!(cells[2].pos, Pos { line: 3, col: 18 });
        assert_eq!(inner[2].1.value, Value::Str("+19".into()));
    }

    #[test]
    fn decimals_keep_their_text() {
        let root = parse("a: [1.250, 4068.208, 0.50]\nb: 3.10\n").expect("valid yaml");
        let Value::Map(top) = &root.value else {
            panic!("map expected")
        };
        let Value::Seq(cells) = &top[0].1.value else {
            panic!("seq")
        };
        let texts: Vec<&str> = cells
            .iter()
            .filter_map(|c| match &c.value {
                Value::Float(_, t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["1.250", "4068.208", "0.50"]);
        assert_eq!(top[1].1.value, Value::Float(3.1, "3.10".into()));
    }

    #[test]
    fn mistakes_in_the_staff_words() {
        let said = |t: &str| parse(t).expect_err("broken");
        assert_eq!(
            said("year: 2024\n3.其他: [1, 2]\n3.其他: [3, 4]\n"),
            (
                "同一行「3.其他」写了两次；第一次写在第 2 行，删掉其中一处，只留一个".to_string(),
                Pos { line: 3, col: 1 }
            )
        );
        assert_eq!(
            said("year: 2024\n一、本年新收: [8, 2, , 0]\n").0,
            "方括号里两个逗号之间是空的：空白单元格请写 ~"
        );
        assert_eq!(
            said("year: 2024\nagency：某街道\n"),
            (
                "冒号要用英文半角「:」，不能用中文「：」".to_string(),
                Pos { line: 2, col: 7 }
            )
        );
        assert_eq!(
            said("year: 2024\n三、收到：\n  一、本年新收: [1, 2]\n"),
            (
                "冒号要用英文半角「:」，不能用中文「：」".to_string(),
                Pos { line: 2, col: 5 }
            )
        );
    }

    #[test]
    fn a_key_that_is_a_list() {
        assert_eq!(
            parse("year: 2024\n? [a, b]\n: 1\n")
                .expect_err("list key")
                .0,
            "冒号前面的名称只能是文字，不能是方括号或花括号"
        );
    }

    #[test]
    fn syntax_error_has_position() {
        let (msg, pos) = parse("a: [1, 2\nb: 3\n").expect_err("broken");
        assert!(!msg.is_empty());
        assert!(pos.line >= 1, "{msg} {pos:?}");
    }
}
