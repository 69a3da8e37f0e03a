//! Property tests of the report reader: the example reports mutated line by
//! line and character by character, and any text at all, read without a
//! panic and with every finding on a line of the file.

use super::{Y2020, Y2021, Y2022, load_as};
use proptest::prelude::*;
use proptest::sample::Index;

/// What would break a page if it reached it unescaped, and YAML that
/// goes wrong.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "[链接](javascript:alert(1))",
    "![图](data:text/html,x)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "# 标题 {onfocus=alert(1)}",
    "&#106;avascript:x",
    "- ",
    ": ",
    "|",
    ">-",
    "[1, 2",
    "{a: b",
    "&a [*a, *a]",
    "!!binary x",
    "'未闭合",
    "\t",
    "~",
    "-1",
    "1.5",
    "99999999999999999999",
    "0x1F",
    "1e308",
    "中文",
    "\u{0}\u{1b}\u{FEFF}",
];

/// One edit of a report file.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    /// Keeps the line's indentation and key, replaces its value.
    ReplaceValue(Index, String),
    InsertLine(Index, String),
    DeleteChar(Index),
    InsertChar(Index, char),
}

fn payload() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PAYLOADS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<Index>;
    prop_oneof![
        at().prop_map(Mutation::DeleteLine),
        at().prop_map(Mutation::DuplicateLine),
        (at(), at()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (at(), payload()).prop_map(|(i, p)| Mutation::ReplaceValue(i, p)),
        (at(), payload()).prop_map(|(i, p)| Mutation::InsertLine(i, p)),
        at().prop_map(Mutation::DeleteChar),
        (at(), any::<char>()).prop_map(|(i, c)| Mutation::InsertChar(i, c)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match m {
        Mutation::DeleteLine(i) => {
            lines.remove(i.index(n));
        }
        Mutation::DuplicateLine(i) => {
            let l = lines[i.index(n)].clone();
            lines.insert(i.index(n), l);
        }
        Mutation::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
        Mutation::ReplaceValue(i, p) => {
            let l = &mut lines[i.index(n)];
            let keep = l
                .find(": ")
                .map_or(l.len() - l.trim_start().len(), |k| k + 2);
            l.truncate(keep);
            l.push_str(p);
        }
        Mutation::InsertLine(i, p) => lines.insert(i.index(n + 1), p.clone()),
        Mutation::DeleteChar(i) | Mutation::InsertChar(i, _) => {
            let chars: Vec<char> = text.chars().collect();
            let mut chars = chars;
            match m {
                Mutation::InsertChar(_, c) => chars.insert(i.index(chars.len() + 1), *c),
                _ if !chars.is_empty() => {
                    chars.remove(i.index(chars.len()));
                }
                _ => {}
            }
            return chars.into_iter().collect();
        }
    }
    lines.join("\n")
}

/// An example report with a few edits, or any text at all.
pub(crate) fn report_text() -> impl Strategy<Value = String> {
    let mutated = (
        prop::sample::select(&[Y2020, Y2021, Y2022][..]),
        prop::collection::vec(mutation(), 0..6),
    )
        .prop_map(|(base, ms)| ms.iter().fold(base.to_string(), |t, m| apply(&t, m)));
    prop_oneof![
        4 => mutated,
        1 => "\\PC{0,200}",
        1 => "[-:#&*!|>'\"\\[\\]{}, \n\t0-9a-z中]{0,200}",
    ]
}

/// Lines a diagnostic may name: every line of the file, counting the
/// empty one after a final line break.
fn lines_in(text: &str) -> u32 {
    u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX)
}

proptest! {
    #![proptest_config(crate::proptest_config())]

    /// Reading never panics, and every finding's line (and column, when it
    /// has one) is inside the file, read as the loader reads it (line ends
    /// made LF).
    #[test]
    fn findings_point_into_the_file(text in report_text()) {
        let text = crate::fsx::decode_text(text.into_bytes()).unwrap_or_default();
        let (_, diags) = load_as("2021.yaml", &text);
        let lines = lines_in(&text);
        for d in &diags {
            if let Some(line) = d.line {
                prop_assert!((1..=lines).contains(&line), "{d} in a file of {lines} lines");
                let width = text.split('\n').nth(line as usize - 1).map_or(0, |l| l.chars().count());
                if let Some(col) = d.col {
                    prop_assert!(col >= 1 && col as usize <= width + 1, "{d}, line of {width}");
                }
            }
        }
    }
}
