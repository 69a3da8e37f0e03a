//! Reading one cell according to what its column allows (rule E): counts are
//! whole numbers 0 or more, 本年增/减 is signed, 万元 amounts are decimals, and
//! 采购 cells are shown as written. A number followed by a unit of its
//! column (`6件`, `1.5万元`) is read as the number, with a warning, as
//! `gongkai import` reads it from a published report.

use super::super::edition::CellKind;
use super::super::label;
use super::super::yaml::{Node, Value};
use crate::report::{Cell, Num};

/// Why a value does not fit its column.
#[derive(Debug, PartialEq)]
pub(crate) struct Misfit {
    /// The value as written.
    pub(crate) written: String,
    /// What the column wants.
    pub(crate) kind: CellKind,
}

impl Misfit {
    /// What the column wants, for the message.
    pub(crate) fn wanted(&self) -> String {
        match self.kind {
            CellKind::Count => t!("report-want-count"),
            CellKind::Signed => t!("report-want-signed"),
            CellKind::Decimal => t!("report-want-decimal"),
            CellKind::Text => t!("report-want-text"),
        }
    }
}

/// What is wrong with a cell as written.
#[derive(Debug, PartialEq)]
pub(crate) enum Issue {
    /// Not a value of its column: an error (counted as 0).
    Misfit(Misfit),
    /// A number with a unit of its column after it: the number is read,
    /// and the unit is said in a warning. The value as written.
    Unit(String),
}

/// Reads `node` as a cell of `kind`. A misfit is returned with the cell as it
/// would be shown in a reproduced original (text, counting as 0).
pub(crate) fn read(node: &Node, kind: CellKind) -> (Cell, Option<Issue>) {
    if let Some(cell) = with_unit(node, kind) {
        let Value::Str(s) = &node.value else {
            return (cell, None);
        };
        return (cell, Some(Issue::Unit(s.trim().to_string())));
    }
    let written = match &node.value {
        Value::Null => return (Cell::blank(node.pos), None),
        Value::Str(s) if s.trim().is_empty() => return (Cell::blank(node.pos), None),
        // A dash or slash, as signed originals show an empty cell, is read
        // as `~` (as `import` reads it) in the columns of numbers.
        Value::Str(s) if kind != CellKind::Text && label::is_blank(&label::fold(s)) => {
            return (Cell::blank(node.pos), None);
        }
        Value::Int(i) => i.to_string(),
        Value::Float(_, written) => written.clone(),
        Value::Str(s) => s.trim().to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Seq(_) | Value::Map(_) => format!("({})", super::kind(&node.value)),
    };
    let num = match kind {
        CellKind::Count => count(&node.value),
        CellKind::Signed => signed(&node.value),
        CellKind::Decimal => decimal(&node.value),
        CellKind::Text => match &node.value {
            Value::Int(_) | Value::Float(..) | Value::Str(_) => Some(Num::Text),
            _ => None,
        },
    };
    let cell = |num| Cell {
        shown: written.clone(),
        num,
        pos: node.pos,
        computed: false,
    };
    match num {
        Some(Num::Int(n)) => (
            Cell {
                shown: written_number(&node.value, n),
                ..cell(Num::Int(n))
            },
            None,
        ),
        Some(num) => (cell(num), None),
        None => (
            cell(Num::Text),
            Some(Issue::Misfit(Misfit {
                written: written.clone(),
                kind,
            })),
        ),
    }
}

/// The cell a number followed by a unit of its column gives (`6件` in a
/// count, `1.5万元` in an amount in 万元); None for anything else.
fn with_unit(node: &Node, kind: CellKind) -> Option<Cell> {
    let Value::Str(s) = &node.value else {
        return None;
    };
    let units: &[&str] = match kind {
        CellKind::Count | CellKind::Signed => label::COUNT_UNITS,
        CellKind::Decimal => &["万元"],
        CellKind::Text => return None,
    };
    let folded = label::fold(s);
    let bare = label::strip_unit(&folded, units);
    if bare.len() == folded.len() || bare.is_empty() {
        return None;
    }
    let value = Value::Str(bare.to_string());
    let (num, shown) = match kind {
        CellKind::Count => (count(&value)?, None),
        CellKind::Signed => (signed(&value)?, None),
        _ => (decimal(&value)?, Some(bare.to_string())),
    };
    let shown = match (shown, &num) {
        (Some(shown), _) => shown,
        (None, Num::Int(n)) => written_number(&value, *n),
        (None, _) => bare.to_string(),
    };
    Some(Cell {
        shown,
        num,
        pos: node.pos,
        computed: false,
    })
}

/// What to show for a whole number: "+19" stays as written, a quoted "3" shows as 3.
fn written_number(v: &Value, n: i64) -> String {
    match v {
        Value::Str(s) if label::fold(s).starts_with('+') => format!("+{n}"),
        _ => n.to_string(),
    }
}

fn count(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) if *i >= 0 => Some(Num::Int(*i)),
        Value::Str(s) => {
            let f = label::fold(s);
            (!f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
                .then(|| f.parse().ok().map(Num::Int))
                .flatten()
        }
        _ => None,
    }
}

fn signed(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Str(s) => {
            let f = label::fold(s).replace('−', "-");
            let digits = f.strip_prefix(['+', '-']).unwrap_or(&f);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            f.trim_start_matches('+').parse().ok().map(Num::Int)
        }
        _ => None,
    }
}

fn decimal(v: &Value) -> Option<Num> {
    let f = match v {
        Value::Int(i) => *i as f64,
        Value::Float(f, _) => *f,
        Value::Str(s) => label::fold(s).parse().ok()?,
        _ => return None,
    };
    (f.is_finite() && f >= 0.0).then_some(Num::Dec(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::yaml::Pos;

    fn node(value: Value) -> Node {
        Node {
            value,
            pos: Pos { line: 3, col: 5 },
        }
    }

    #[test]
    fn counts() {
        assert_eq!(
            read(&node(Value::Int(3)), CellKind::Count).0.num,
            Num::Int(3)
        );
        assert_eq!(
            read(&node(Value::Str("３".into())), CellKind::Count)
                .0
                .shown,
            "3"
        );
        let (cell, misfit) = read(&node(Value::Int(-1)), CellKind::Count);
        assert_eq!(cell.count(), 0);
        assert!(matches!(misfit, Some(Issue::Misfit(m)) if m.written == "-1"));
        let (cell, issue) = read(&node(Value::Str("3件".into())), CellKind::Count);
        assert_eq!(
            (cell.num, issue),
            (Num::Int(3), Some(Issue::Unit("3件".into())))
        );
        let (cell, issue) = read(&node(Value::Str("1.250万元".into())), CellKind::Decimal);
        assert_eq!(cell.shown, "1.250");
        assert_eq!(issue, Some(Issue::Unit("1.250万元".into())));
        // Money is not a count, nor 元 an amount in 万元.
        assert!(matches!(
            read(&node(Value::Str("3元".into())), CellKind::Count).1,
            Some(Issue::Misfit(_))
        ));
        assert!(matches!(
            read(&node(Value::Str("3元".into())), CellKind::Decimal).1,
            Some(Issue::Misfit(_))
        ));
        assert_eq!(read(&node(Value::Null), CellKind::Count).0.num, Num::Blank);
    }

    #[test]
    fn dashes_and_slashes_are_blank_in_columns_of_numbers() {
        for written in ["—", "——", "-", "/", "／", "－", "无", " — "] {
            let (c, m) = read(&node(Value::Str(written.into())), CellKind::Count);
            assert_eq!((c.num, m), (Num::Blank, None), "{written}");
        }
        let (c, m) = read(&node(Value::Str("—".into())), CellKind::Text);
        assert_eq!((c.shown.as_str(), m), ("—", None));
        assert!(
            read(&node(Value::Str("-3".into())), CellKind::Count)
                .1
                .is_some()
        );
    }

    #[test]
    fn signed_and_text() {
        let (c, m) = read(&node(Value::Str("+19".into())), CellKind::Signed);
        assert_eq!((c.shown.as_str(), c.num, m), ("+19", Num::Int(19), None));
        assert_eq!(
            read(&node(Value::Str("-3".into())), CellKind::Signed).0.num,
            Num::Int(-3)
        );
        let (c, m) = read(&node(Value::Str("档案柜23组".into())), CellKind::Text);
        assert_eq!((c.shown.as_str(), m), ("档案柜23组", None));
        assert_eq!(
            read(
                &node(Value::Float(4068.208, "4068.208".into())),
                CellKind::Decimal
            )
            .0
            .shown,
            "4068.208"
        );
        let (c, _) = read(&node(Value::Float(1.25, "1.250".into())), CellKind::Decimal);
        assert_eq!((c.shown.as_str(), c.num), ("1.250", Num::Dec(1.25)));
    }
}
