//! One published cell turned into the report's [`Cell`]: numbers as
//! published, blanks (empty, a dash, a slash) blank, a unit written into a
//! count dropped with a note, and anything that is not a value of its
//! column kept as written text (the report then reproduces the original).

use crate::report::edition::CellKind;
use crate::report::{Cell, Num, label};

/// What became of a cell, beyond its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    /// Read as it is.
    Plain,
    /// Left blank in the original.
    Blank,
    /// A unit or thousands separator was dropped: the text as printed.
    Unit(String),
    /// Not a value of its column: kept as written.
    Kept,
}

/// Reads `text` as a cell of `kind`.
pub(crate) fn read(text: &str, kind: CellKind) -> (Cell, Note) {
    let printed = super::doc::clean(text).replace('\n', "");
    let f = label::fold(&printed).replace(['−', '－'], "-");
    if crate::report::label::is_blank(&f) {
        return (Cell::blank(Default::default()), Note::Blank);
    }
    let bare = super::labels::strip_unit(&f).replace(',', "");
    let note = if bare == f {
        Note::Plain
    } else {
        Note::Unit(printed.clone())
    };
    let int = |s: &str| {
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let cell = |shown: String, num: Num| Cell {
        shown,
        num,
        pos: Default::default(),
        computed: false,
    };
    match kind {
        CellKind::Count => match int(&bare) {
            Some(n) => (Cell::int(n), note),
            None => (cell(printed, Num::Text), Note::Kept),
        },
        CellKind::Signed => {
            let digits = bare.strip_prefix(['+', '-']).unwrap_or(&bare);
            match int(digits) {
                Some(n) => {
                    let n = if bare.starts_with('-') { -n } else { n };
                    let shown = if bare.starts_with('+') {
                        format!("+{n}")
                    } else {
                        n.to_string()
                    };
                    (cell(shown, Num::Int(n)), note)
                }
                None => (cell(printed, Num::Text), Note::Kept),
            }
        }
        CellKind::Decimal => {
            let bare = bare.trim_end_matches('万');
            match bare.parse::<f64>() {
                Ok(v)
                    if v.is_finite()
                        && v >= 0.0
                        && bare.chars().all(|c| c.is_ascii_digit() || c == '.') =>
                {
                    (cell(bare.to_string(), Num::Dec(v)), note)
                }
                _ => (cell(printed, Num::Text), Note::Kept),
            }
        }
        CellKind::Text => (cell(printed, Num::Text), Note::Plain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_as_published() {
        assert_eq!(read("　14", CellKind::Count).0, Cell::int(14));
        assert_eq!(read("０", CellKind::Count).0, Cell::int(0));
        assert_eq!(read("—", CellKind::Count).1, Note::Blank);
        assert_eq!(read("", CellKind::Count).0.num, Num::Blank);
        let (c, n) = read("3件", CellKind::Count);
        assert_eq!((c.num, n), (Num::Int(3), Note::Unit("3件".into())));
        let (c, n) = read("若干", CellKind::Count);
        assert_eq!(
            (c.shown.as_str(), c.num, n),
            ("若干", Num::Text, Note::Kept)
        );
        let (c, _) = read("+19", CellKind::Signed);
        assert_eq!((c.shown.as_str(), c.num), ("+19", Num::Int(19)));
        assert_eq!(read("－3", CellKind::Signed).0.num, Num::Int(-3));
        assert_eq!(
            read("4068.208", CellKind::Decimal).0.num,
            Num::Dec(4068.208)
        );
        assert_eq!(read("档案柜23组", CellKind::Text).0.shown, "档案柜23组");
    }
}
