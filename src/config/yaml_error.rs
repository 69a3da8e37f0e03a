//! YAML mistakes said in the staff's words. The YAML library describes what
//! its parser expected ("expected mapping start", "duplicate mapping key …
//! set DuplicateKeyPolicy"); the people who typed the file need the cause
//! ("冒号要用英文半角「:」") and where it is. This module looks at the
//! library's error and at the text around its position to name the cause.
//! A library message it does not recognise is never shown in Chinese: a
//! plain "读不懂" takes its place, and only English keeps the library's text.

use crate::diag::nearest;
use serde_saphyr::Error as YamlError;

/// What kind of file the YAML is, for the words of a few messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// site.yaml or the front matter of a Markdown file: keys such as `title`.
    Settings,
    /// An annual report: keys are the rows of the form.
    Report,
}

/// A YAML mistake, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explained {
    /// What is wrong, and for the common mistakes what to do.
    pub(crate) message: String,
    /// More advice, when there is any.
    pub(crate) hint: Option<String>,
    /// 1-based line in the YAML text; 0 when unknown.
    pub(crate) line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub(crate) col: u32,
}

/// Explains `err`, an error of parsing `text`. `keys` are the keys the
/// place allows (for "did you mean" when the library gives none);
/// `line_offset` is added to every line, for YAML that starts further down
/// a file (front matter).
pub(crate) fn explain(
    err: &YamlError,
    text: &str,
    place: Place,
    keys: &[&str],
    line_offset: u32,
) -> Explained {
    let err = err.without_snippet();
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let mut out = Explained {
        message: String::new(),
        hint: None,
        line,
        col,
    };
    match err {
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_else(|| key_at(text, line));
            // A report's rows have Chinese names; its `year:`, `published:`
            // and the like are settings.
            out.message = match place {
                Place::Report if !key.is_ascii() => t!("yaml-duplicate-row", key = &key),
                _ => t!("yaml-duplicate-key", key = &key),
            };
            out.hint = Some(match first_written(text, &key, line) {
                Some(first) => t!("yaml-duplicate-key-first", line = first + line_offset),
                None => t!("yaml-duplicate-key-hint"),
            });
        }
        YamlError::SerdeUnknownField {
            field, expected, ..
        } if field.chars().any(hidden) => {
            let cleaned: String = field.chars().filter(|c| !hidden(*c)).collect();
            let what = field
                .chars()
                .find(|c| hidden(*c))
                .map_or_else(String::new, |c| {
                    if c == '\u{3000}' || c == '\u{a0}' {
                        space_name(c)
                    } else if c.is_whitespace() {
                        t!("yaml-hidden-space")
                    } else {
                        t!("yaml-hidden-zero-width")
                    }
                });
            out.message = t!("yaml-key-hidden", key = cleaned.as_str(), what = what);
            if expected.iter().any(|k| *k == cleaned) {
                out.hint = Some(t!("yaml-key-hidden-hint"));
            }
        }
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            out.message = t!(
                "yaml-unknown-key",
                field = field.as_str(),
                expected = expected.join(", ")
            );
            let candidates: Vec<&str> = if expected.is_empty() {
                keys.to_vec()
            } else {
                expected.to_vec()
            };
            out.hint = nearest(field, candidates).map(|k| t!("yaml-did-you-mean", key = k));
        }
        YamlError::NullIntoString { .. } => {
            out.message = t!("yaml-empty-value");
        }
        YamlError::SerdeMissingField { field, .. } => {
            out.message = t!("yaml-missing-key", field = *field);
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            out.message = t!(
                "yaml-unknown-choice",
                value = variant.as_str(),
                expected = expected.join(", ")
            );
        }
        _ => syntax(err, text, place, &mut out),
    }
    if out.line > 0 {
        out.line += line_offset;
    }
    out
}

/// The line above `second` where `key` was first written in the same
/// mapping: the nearest line with the same indentation, before any line
/// indented less.
fn first_written(text: &str, key: &str, second: u32) -> Option<u32> {
    let target = indent_of(nth_line(text, second));
    for n in (1..second).rev() {
        let l = nth_line(text, n);
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let i = indent_of(l);
        if i < target {
            return None;
        }
        if i == target {
            let t = t.strip_prefix("- ").unwrap_or(t);
            let written = t
                .split_once(':')
                .map(|(k, _)| k.trim().trim_matches(['"', '\'']));
            if written == Some(key) {
                return Some(n);
            }
        }
    }
    None
}

/// The words of a reader that takes keys as text only (the report's) when
/// a key is a list or a mapping.
pub(crate) const KEY_NOT_TEXT: &str = "a key must be plain text";

/// A mistake in how the text is written (not in which keys it has).
fn syntax(err: &YamlError, text: &str, place: Place, out: &mut Explained) {
    let library = library_text(err);
    let line_text = nth_line(text, out.line);
    // Causes recognised from the text itself come first: the library's
    // words for them depend on what follows.
    let tab_indent = line_text
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .any(|c| c == '\t');
    if library.contains("found a tab") || char_at(line_text, out.col) == Some('\t') || tab_indent {
        out.message = t!("yaml-tab");
        out.hint = Some(t!("yaml-tab-hint"));
        // The library points at the value before the tab, or after it.
        let from = if tab_indent { 1 } else { out.col };
        if let Some(at) = first_tab_from(text, out.line, from) {
            (out.line, out.col) = at;
        }
        return;
    }
    // A key the parser could not see may be on the line it complains
    // about or, when it complains about the structure, the line before
    // (not otherwise: that line may be prose with a `：` in it).
    let structural = [
        "expected mapping start",
        "simple key expected",
        "could not find expected ':'",
        "did not find expected key",
    ]
    .iter()
    .any(|m| library.contains(m));
    let lines: &[u32] = if structural {
        &[out.line, out.line.saturating_sub(1)]
    } else {
        &[out.line]
    };
    // A value cut short by a mistake in its key line makes the parser
    // stumble only at the next key of the same level, below the value's
    // own lines: that key's earlier sibling is looked at too.
    let sibling = (structural || library.contains("mapping values are not allowed"))
        .then(|| previous_sibling(text, out.line))
        .flatten();
    for l in lines.iter().copied().chain(sibling) {
        if let Some(c) = full_width_colon_key(nth_line(text, l)) {
            out.message = t!("yaml-full-width-colon");
            (out.line, out.col) = (l, c);
            return;
        }
    }
    for l in lines.iter().copied().chain(sibling) {
        if let Some((c, space)) = no_space_after_colon(nth_line(text, l)) {
            out.message = match space {
                Some(space) => t!("yaml-colon-odd-space", space = space_name(space)),
                None => t!("yaml-colon-space"),
            };
            (out.line, out.col) = (l, c);
            return;
        }
    }
    if let Some(c) = empty_flow_item(line_text) {
        out.message = match place {
            Place::Report => t!("yaml-empty-cell"),
            Place::Settings => t!("yaml-empty-item"),
        };
        out.col = c;
        return;
    }
    if let Some(c) = full_width_comma(line_text) {
        out.message = t!("yaml-full-width-comma");
        out.col = c;
        return;
    }
    let (message, hint) = if library.contains("unclosed quote") {
        (
            t!("yaml-unclosed-quote"),
            Some(t!("yaml-unclosed-quote-hint")),
        )
    } else if library.contains("mapping values are not allowed") {
        if colon_before(line_text, out.col) {
            (t!("yaml-needs-quotes"), Some(t!("yaml-needs-quotes-hint")))
        } else {
            (t!("yaml-indent"), Some(t!("yaml-indent-hint")))
        }
    } else if library.contains("simple key expected")
        || library.contains("could not find expected ':'")
    {
        (
            t!("yaml-missing-colon"),
            Some(t!("yaml-expected-keys-hint")),
        )
    } else if library.contains("did not find expected key")
        || library.contains("did not find expected '-'")
    {
        (t!("yaml-indent"), Some(t!("yaml-indent-hint")))
    } else if library.contains(KEY_NOT_TEXT) {
        (t!("yaml-key-not-text"), None)
    } else if library.contains("unknown escape character") {
        (t!("yaml-backslash"), Some(t!("yaml-backslash-hint")))
    } else if library.contains("trailing content after") {
        (t!("yaml-after-quote"), None)
    } else if let Some(c) = library
        .strip_prefix("unexpected character: `")
        .and_then(|r| r.chars().next())
    {
        (t!("yaml-reserved-start", sign = c), None)
    } else if library.contains("unknown anchor") {
        (t!("yaml-reserved-start", sign = '*'), None)
    } else if library.contains("multiple YAML documents") {
        (t!("yaml-second-document"), None)
    } else if library == "expected string scalar" {
        (
            t!("yaml-expected-text"),
            Some(t!("yaml-expected-text-hint")),
        )
    } else if library == "expected sequence start" {
        (
            t!("yaml-expected-list"),
            Some(t!("yaml-expected-list-hint")),
        )
    } else if library == "expected mapping start" {
        (
            t!("yaml-expected-keys"),
            Some(t!("yaml-expected-keys-hint")),
        )
    } else if library.starts_with("invalid bool") {
        (t!("yaml-expected-yes-no"), None)
    } else if let Some(ty) = library.strip_prefix("invalid ")
        && matches!(
            ty,
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32" | "f64"
        )
    {
        (t!("yaml-expected-number"), None)
    } else {
        (unreadable(&library), Some(t!("yaml-unreadable-hint")))
    };
    out.message = message;
    out.hint = hint;
    if out.message == t!("yaml-indent")
        && let Some(above) = misindented_above(text, out.line)
    {
        out.message = t!("yaml-indent-odd-one");
        out.line = above;
        out.col = indent_of(nth_line(text, above)) as u32 + 1;
    }
}

/// How many spaces `line` starts with.
pub(super) fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The line above `line` that is the one indented wrongly, when the parser
/// stumbled only at the line after it: that line is indented as the line
/// below it, so the odd one is the line above, which is indented neither
/// as its own earlier sibling nor under it.
fn misindented_above(text: &str, line: u32) -> Option<u32> {
    let written = |n: u32| {
        let l = nth_line(text, n);
        !l.trim().is_empty() && !l.trim_start().starts_with('#')
    };
    let total = text.split('\n').count() as u32;
    let next = (line + 1..=total).find(|n| written(*n))?;
    let above = (1..line).rev().find(|n| written(*n))?;
    let before = (1..above).rev().find(|n| written(*n))?;
    let (i, n, p, q) = (
        indent_of(nth_line(text, line)),
        indent_of(nth_line(text, next)),
        indent_of(nth_line(text, above)),
        indent_of(nth_line(text, before)),
    );
    // `before` opens a mapping or list for the lines under it.
    let opens = nth_line(text, before).trim_end().ends_with(':');
    (i == n && p != i && (q != p || opens)).then_some(above)
}

/// The library's message without its position.
fn library_text(err: &YamlError) -> String {
    let mut message = err.to_string();
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    message.lines().next().unwrap_or_default().to_string()
}

/// A message the library gave and this module does not know: in English the
/// library's own words, in Chinese a plain "cannot read this line".
fn unreadable(library: &str) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::En => library.to_string(),
        crate::i18n::Lang::Zh => t!("yaml-unreadable"),
    }
}

/// Line `n` (1-based) of `text`, or "" when there is none.
fn nth_line(text: &str, n: u32) -> &str {
    (n as usize)
        .checked_sub(1)
        .and_then(|i| text.split('\n').nth(i))
        .unwrap_or("")
}

/// The character at 1-based column `col` of `line`.
fn char_at(line: &str, col: u32) -> Option<char> {
    line.chars().nth((col as usize).checked_sub(1)?)
}

/// The line and column of the first tab at or after `line`:`col`.
fn first_tab_from(text: &str, line: u32, col: u32) -> Option<(u32, u32)> {
    let skip = (line as usize).checked_sub(1)?;
    for (i, l) in text.split('\n').enumerate().skip(skip) {
        let from = if i == skip {
            (col as usize).saturating_sub(1)
        } else {
            0
        };
        if let Some(c) = l.chars().skip(from).position(|c| c == '\t') {
            return Some((i as u32 + 1, (from + c) as u32 + 1));
        }
    }
    None
}

/// The key written on `line` (text before its colon), for a duplicate key
/// the library could not name.
fn key_at(text: &str, line: u32) -> String {
    let l = nth_line(text, line).trim_start().trim_start_matches("- ");
    l.split(':').next().unwrap_or(l).trim().to_string()
}

/// The column of `：` when `line` is a key followed by a full-width colon
/// (`title：通知`) where `title: 通知` was meant.
fn full_width_colon_key(line: &str) -> Option<u32> {
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let rest = &line[indent..];
    let (dash, rest) = match rest.strip_prefix("- ") {
        Some(r) => (2, r),
        None => (0, rest),
    };
    let (key, _) = rest.split_once('：')?;
    let plain_key = !key.trim().is_empty()
        && key.chars().count() <= 40
        && !key.contains([':', '"', '\'', '#', '[', '{', '，', ','])
        && !key.starts_with(['|', '>', '-', '*', '&', '!']);
    plain_key.then(|| (indent + dash + key.chars().count() + 1) as u32)
}

/// True for characters a key may hold that a reader cannot tell from
/// nothing or from a plain space: other spaces and zero-width characters.
fn hidden(c: char) -> bool {
    (c.is_whitespace() && !c.is_ascii())
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

/// The line above `line` that starts the previous entry of the same
/// mapping or list: the nearest line indented as much, before any line
/// indented less.
fn previous_sibling(text: &str, line: u32) -> Option<u32> {
    let target = indent_of(nth_line(text, line));
    for n in (1..line).rev() {
        let l = nth_line(text, n);
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        match indent_of(l) {
            i if i == target => return Some(n),
            i if i < target => return None,
            _ => {}
        }
    }
    None
}

/// The words for a space YAML does not take as one: a full-width space
/// or a non-breaking one (pasted from Word or a web page).
fn space_name(c: char) -> String {
    if c == '\u{3000}' {
        t!("yaml-space-full-width")
    } else {
        t!("yaml-space-non-breaking")
    }
}

/// The column after the colon when `line` is a key and a value with no
/// space between them (`title:通知`), which YAML reads as one word; with the
/// space that is there instead of a plain one, if any (`title:\u{3000}通知`).
fn no_space_after_colon(line: &str) -> Option<(u32, Option<char>)> {
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let rest = line[indent..].strip_prefix("- ").unwrap_or(&line[indent..]);
    let dash = line[indent..].len() - rest.len();
    let (key, value) = rest.split_once(':')?;
    let plain_key = !key.trim().is_empty()
        && key.chars().count() <= 40
        && !key.contains(['"', '\'', '#', '[', '{', ' ', '，', ','])
        && !key.starts_with(['|', '>', '-', '*', '&', '!']);
    let first = value.chars().next();
    let glued = first.is_some_and(|c| !matches!(c, ' ' | '\t' | '\r' | '/'));
    let space = first.filter(|c| c.is_whitespace() && !matches!(c, ' ' | '\t' | '\r'));
    (plain_key && glued).then(|| ((indent + dash + key.chars().count() + 2) as u32, space))
}

/// The column of an empty item of a flow list on `line`: `[8, 2, , 0]`
/// or `[, 1]` (a trailing `,]` is allowed by YAML and not reported).
fn empty_flow_item(line: &str) -> Option<u32> {
    let mut depth = 0;
    let mut after_sep = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '[' => {
                depth += 1;
                after_sep = true;
            }
            ']' => {
                depth -= 1;
                after_sep = false;
            }
            ',' if depth > 0 => {
                if after_sep {
                    return Some(i as u32 + 1);
                }
                after_sep = true;
            }
            ' ' | '\t' => {}
            '#' if depth == 0 => break,
            _ => after_sep = false,
        }
    }
    None
}

/// The column of the first full-width comma inside a flow list on `line`.
fn full_width_comma(line: &str) -> Option<u32> {
    let open = line.find('[')?;
    let at = line[open..].find('，')? + open;
    Some(line[..at].chars().count() as u32 + 1)
}

/// True when `line` has `: ` before column `col`, so the colon at `col` is
/// a second one inside a value.
fn colon_before(line: &str, col: u32) -> bool {
    let before: String = line
        .chars()
        .take((col as usize).saturating_sub(1))
        .collect();
    before.contains(": ") || before.contains(":\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Form {
        title: Option<String>,
        date: Option<String>,
        cells: Option<Vec<Option<i64>>>,
        files: Option<Vec<String>>,
    }

    fn said(yaml: &str) -> (String, Option<String>, u32, u32) {
        let err = match serde_saphyr::from_str::<Form>(yaml) {
            Ok(f) => panic!("parsed: {f:?}"),
            Err(e) => e,
        };
        let e = explain(&err, yaml, Place::Settings, &["title", "date"], 0);
        (e.message, e.hint, e.line, e.col)
    }

    #[test]
    fn duplicate_key_names_the_key_and_the_second_line() {
        let (m, h, l, c) = said("title: a\ndate: 2024-01-01\ntitle: b\n");
        assert_eq!(
            (m.as_str(), h.as_deref(), l, c),
            (
                "「title」写了两次",
                Some("第一次写在第 1 行，删掉其中一处，只留一个"),
                3,
                1
            )
        );
        let err = serde_saphyr::from_str::<serde_json::Value>("3.其他: 1\n3.其他: 2\n")
            .expect_err("duplicate");
        let e = explain(&err, "", Place::Report, &[], 0);
        assert_eq!(e.message, "同一行「3.其他」写了两次");
        let err = serde_saphyr::from_str::<serde_json::Value>("year: 2023\nyear: 2024\n")
            .expect_err("duplicate");
        let e = explain(&err, "", Place::Report, &[], 0);
        assert_eq!(e.message, "「year」写了两次");
    }

    #[test]
    fn full_width_colon_is_pointed_at() {
        let (m, _, l, c) = said("title：通知\ndate: 2024-01-01\n");
        assert_eq!(
            (m.as_str(), l, c),
            ("冒号要用英文半角「:」，不能用中文「：」", 1, 6)
        );
        let (m, _, l, c) = said("date: 2024-01-01\n标题内容 title：通知\n");
        assert_eq!(
            (m.as_str(), l, c),
            ("冒号要用英文半角「:」，不能用中文「：」", 2, 11)
        );
    }

    #[test]
    fn full_width_colon_before_a_block_of_text_is_pointed_at() {
        // The parser stumbles only at the next key, below the text.
        let text = "一、总体情况:\n  （一）主动公开： |\n    全年发布信息196条。\n  （二）依申请公开: |\n    新收申请6件。\n";
        let err = serde_saphyr::from_str::<serde_json::Value>(text).expect_err("colon");
        let e = explain(&err, text, Place::Report, &[], 0);
        assert_eq!(
            (e.message.as_str(), e.line, e.col),
            ("冒号要用英文半角「:」，不能用中文「：」", 2, 10)
        );
    }

    #[test]
    fn the_one_line_indented_wrongly_is_pointed_at() {
        let form = "（三）不予公开:\n  1.属于国家秘密: [0]\n  2.其他法律: [0]\n  3.危及: [0]\n";
        let err = |text: &str| {
            let e = serde_saphyr::from_str::<serde_json::Value>(text).expect_err("indent");
            let e = explain(&e, text, Place::Report, &[], 0);
            (e.message, e.line, e.col)
        };
        let expected = (
            "这一行的缩进（开头的空格）和上下的行对不上".to_string(),
            2,
            1,
        );
        // Less indented than its siblings, or more.
        assert_eq!(err(&form.replace("  1.", "1.")), expected);
        assert_eq!((err(&form.replace("  1.", "   1.")).1), 2);
        // A line indented more than all the lines around it is itself
        // the odd one.
        let (m, l, _) = err("a: 1\nb: 2\n  c: 3\nd: 4\n");
        assert_eq!(
            (m.as_str(), l),
            ("这一行的缩进（开头的空格）和上面的行对不上", 3)
        );
    }

    #[test]
    fn odd_spaces_and_hidden_characters_are_named() {
        let (m, _, l, c) = said("date: 2024-01-01\ntitle:\u{a0}通知\n");
        assert_eq!(
            (m.as_str(), l, c),
            (
                "冒号后面是一个从 Word 或网页复制来的特殊空格：要换成英文半角空格（按一下空格键）",
                2,
                7
            )
        );
        let (m, _, l, _) = said("title:\u{3000}通知\ndate: 2024-01-01\n");
        assert_eq!(
            (m.as_str(), l),
            (
                "冒号后面是一个中文全角空格：要换成英文半角空格（按一下空格键）",
                1
            )
        );
        let (m, h, l, c) = said("date: 2024-01-01\n\u{200b}title: 通知\n");
        assert_eq!(
            (m.as_str(), h.as_deref(), l, c),
            (
                "名称「title」里夹着看不见的字符（零宽字符，常从网页或 Word 复制时带进来）",
                Some("把这一项的名称删掉，用键盘重新输入"),
                2,
                1
            )
        );
    }

    #[test]
    fn empty_cell_and_full_width_comma() {
        // Prose with a full-width colon just above is not blamed.
        let (m, ..) = said("title: |\n  时间：2024年\ncells: [8, 2, , 0]\n");
        assert_eq!(m, "方括号里两个逗号之间是空的：删掉多余的逗号");
        let (m, _, l, c) = said("cells: [8, 2, , 0]\n");
        assert_eq!(
            (m.as_str(), l, c),
            ("方括号里两个逗号之间是空的：删掉多余的逗号", 1, 15)
        );
        let (m, _, _, c) = said("cells: [8，2，0]\n");
        assert_eq!(
            (m.as_str(), c),
            ("逗号要用英文半角「,」，不能用中文「，」", 10)
        );
    }

    #[test]
    fn common_mistakes() {
        let (m, _, l, c) = said("title: 通知: 关于\n");
        assert_eq!(
            (m.as_str(), l, c),
            (
                "这个值里有「: 」（冒号加空格），整个值要加上英文引号",
                1,
                10
            )
        );
        let (m, ..) = said("title: a\n  date: b\n");
        assert_eq!(m, "这一行的缩进（开头的空格）和上面的行对不上");
        let (m, ..) = said("title: a\n\tdate: b\n");
        assert_eq!(m, "这里有一个 Tab 键：只能用空格");
        let (m, _, l, c) = said("title: a\ndate: 2024\n\tsummary: b\n");
        assert_eq!((m.as_str(), l, c), ("这里有一个 Tab 键：只能用空格", 3, 1));
        // A tab indenting a line inside a mapping, where the library
        // points after it.
        let text = "a:\n  b: [1]\n\tc: [2]\n";
        let err = serde_saphyr::from_str::<serde_json::Value>(text).expect_err("tab");
        let e = explain(&err, text, Place::Report, &[], 0);
        assert_eq!(
            (e.message.as_str(), e.line, e.col),
            ("这里有一个 Tab 键：只能用空格", 3, 1)
        );
        let (m, ..) = said("title: \"C:\\文件\\a\"\n");
        assert_eq!(m, "双引号里的「\\」有特殊用途，不能直接写");
        let (m, h, ..) = said("title: |x\n  a\n");
        assert_eq!(
            (m.as_str(), h.as_deref()),
            (
                "这一行的格式读不懂",
                Some(
                    "请对照正确的写法检查这一行和上一行：每行写成「名称: 值」，冒号用英文半角，冒号后面空一格，缩进只用空格"
                )
            )
        );
        let (m, ..) = said("title: '通知\n");
        assert_eq!(m, "引号没有配对");
        let (m, h, l, c) = said("titel: a\n");
        assert_eq!(
            (m.as_str(), h.as_deref(), l, c),
            (
                "不认识「titel」这一项（这里可以写：title, date, cells, files）",
                Some("是不是想写「title」？"),
                1,
                1
            )
        );
        let err = serde_saphyr::from_str::<std::collections::BTreeMap<String, String>>("title:\n")
            .expect_err("null");
        let e = explain(&err, "title:\n", Place::Settings, &[], 0);
        assert_eq!(e.message, "这一项是空的：请在冒号后面写上内容");
        let (m, _, l, c) = said("date: 2024-01-01\ntitle:通知\n");
        assert_eq!((m.as_str(), l, c), ("冒号后面要空一格", 2, 7));
        let (m, _, l, _) = said("title: 通知\n正文第一段\ndate: 2024-01-01\n");
        assert_eq!((m.as_str(), l), ("这一行缺少英文冒号「:」", 2));
        let (m, ..) = said("title: [a\n");
        assert_eq!(m, "这里应该写一段文字");
        let (m, ..) = said("title: @x\n");
        assert_eq!(m, "以「@」开头的值要加上英文引号");
    }

    mod proptests {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(crate::proptest_config())]

            /// Whatever staff type (full-width colons and commas, tabs,
            /// empty cells, quotes), the explanation never panics and
            /// points inside the text.
            #[test]
            fn explanations_point_inside_the_text(
                lines in prop::collection::vec(
                    "[a-z：:，, \t\\[\\]~'\"#|>-中0-9]{0,14}",
                    1..8,
                ),
            ) {
                let text = lines.join("\n");
                for place in [Place::Settings, Place::Report] {
                    let err = match serde_saphyr::from_str::<serde_json::Value>(&text) {
                        Ok(_) => continue,
                        Err(e) => e,
                    };
                    let e = explain(&err, &text, place, &["title"], 0);
                    prop_assert!(!e.message.is_empty());
                    if e.line > 0 {
                        let width = text.split('\n').nth(e.line as usize - 1).map(|l| l.chars().count());
                        prop_assert!(width.is_some(), "{e:?} in {text:?}");
                        prop_assert!(e.col as usize <= width.unwrap_or(0) + 1, "{e:?} in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn unknown_library_words_never_reach_chinese() {
        assert_eq!(unreadable("some parser detail"), "这一行的格式读不懂");
    }
}
