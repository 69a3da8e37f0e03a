//! Reads YAML into a typed value and finds every mistake in one pass.
//!
//! The YAML library stops at the first mistake, so a file with three
//! mistakes would take three rounds of fixing. Here, after each mistake the
//! text is mended the way its message says (a misspelled key spelled as
//! suggested, a value that is not one of the choices replaced by the
//! nearest one, a full-width colon made half-width) or, when there is no
//! such fix, the line is left out with the lines under it, and the text is
//! read again. Lines keep their numbers, so every later mistake is reported
//! where it is in the file. The mended value is never used: a file with a
//! mistake gives no output; it is read on only to find the rest, and so
//! that checks after reading (dates, attachments) can run too.

use super::yaml_error::indent_of;
use crate::diag::{Diagnostic, nearest};
use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

/// At most this many mistakes per file, so that a file that is not YAML
/// at all does not take a read per line.
const MAX_MISTAKES: usize = 30;

/// What reading gave.
#[derive(Debug)]
pub(crate) struct Read<T> {
    /// The value, read from the mended text when there were mistakes;
    /// `None` when the text could not be mended far enough.
    pub(crate) value: Option<T>,
    /// The mistakes found.
    pub(crate) mistakes: Mistakes,
}

impl<T> Read<T> {
    /// A value read without reading (empty text).
    pub(crate) fn of(value: T) -> Self {
        Self {
            value: Some(value),
            mistakes: Mistakes::default(),
        }
    }
}

/// The mistakes of one text.
#[derive(Debug, Default)]
pub(crate) struct Mistakes {
    /// One finding per mistake, in the order found.
    pub(crate) found: Vec<Diagnostic>,
    /// Keys the mistakes were about (as typed and as meant): a later "key
    /// missing" about one of them is a consequence, not a mistake of its
    /// own.
    accounted: Vec<String>,
}

impl Mistakes {
    /// True when a missing `key` follows from a mistake already reported.
    pub(crate) fn accounts_for(&self, key: &str) -> bool {
        self.accounted.iter().any(|k| k == key)
    }

    /// True when there were none.
    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// Reads `text` as a `T`. `diagnose` says a mistake as a finding, its line
/// `line_offset` more than the line in `text` (front matter starts on the
/// file's second line).
pub(crate) fn read<T: DeserializeOwned>(
    text: &str,
    line_offset: u32,
    diagnose: impl Fn(&YamlError, &str) -> Diagnostic,
) -> Read<T> {
    let mut out = Read {
        value: None,
        mistakes: Mistakes::default(),
    };
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    // Lines (1-based) whose value, the lines under them, was left out.
    let mut emptied: Vec<u32> = Vec::new();
    let mut current = text.to_string();
    // Each round mends or blanks a line, so the rounds are bounded by the
    // lines; the bound is kept explicit all the same.
    let mut rounds = 2 * lines.len() + MAX_MISTAKES;
    while out.mistakes.found.len() < MAX_MISTAKES && rounds > 0 {
        rounds -= 1;
        let err = match serde_saphyr::from_str::<T>(&current) {
            Ok(value) => {
                out.value = Some(value);
                return out;
            }
            Err(e) => e,
        };
        if let YamlError::SerdeMissingField { field, .. } = err.without_snippet()
            && out.mistakes.accounts_for(field)
        {
            return out;
        }
        if current.trim().is_empty() {
            // Everything was left out: nothing more to find.
            return out;
        }
        let d = diagnose(&err, &current);
        let at = d
            .line
            .and_then(|l| l.checked_sub(line_offset))
            .filter(|l| (1..=lines.len() as u32).contains(l));
        let col = d.col.unwrap_or(0);
        // A mistake on a line whose value was left out follows from that
        // (the value is now empty); so does one said already.
        let follows = at.is_some_and(|l| emptied.contains(&l))
            || out
                .mistakes
                .found
                .iter()
                .any(|f| f.line == d.line && f.message == d.message);
        if !follows {
            out.mistakes.found.push(d);
        }
        let Some(line) = at else {
            return out;
        };
        let index = line as usize - 1;
        let before = lines[index].clone();
        if let Some(key) = key_of(&before) {
            out.mistakes.accounted.push(key.to_string());
        }
        mend(&err, &mut lines, index, col, &mut out.mistakes.accounted);
        if lines[index] == before {
            let parent = parent_of(&lines, index);
            leave_out(&mut lines, index);
            if lines[index] == before {
                return out;
            }
            emptied.extend(parent.map(|p| p as u32 + 1));
        }
        current = lines.join("\n");
    }
    out
}

/// Mends line `index` as the mistake's message says, when it says how.
fn mend(
    err: &YamlError,
    lines: &mut [String],
    index: usize,
    col: u32,
    accounted: &mut Vec<String>,
) {
    let line = &lines[index];
    match err.without_snippet() {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let Some(meant) = nearest(field, expected.iter().copied()) else {
                return;
            };
            if has_sibling(lines, index, meant) {
                return;
            }
            accounted.push(meant.to_string());
            if let Some(at) = key_at(line, field) {
                let mended = format!("{}{meant}{}", &line[..at], &line[at + field.len()..]);
                lines[index] = mended;
            }
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            if let Some(meant) = nearest(variant, expected.iter().copied())
                && let Some(colon) = line.find(": ")
                && let Some(at) = line[colon..].find(variant.as_str())
            {
                let at = colon + at;
                lines[index] = format!("{}{meant}{}", &line[..at], &line[at + variant.len()..]);
            }
        }
        _ => {
            // A full-width colon or an odd space after a colon, pointed at
            // by the message: made what was meant.
            let chars: Vec<char> = line.chars().collect();
            let at = (col as usize).checked_sub(1);
            match at.and_then(|i| chars.get(i)) {
                Some('：') => {
                    let at = at.unwrap_or(0);
                    let mut mended: String = chars[..at].iter().collect();
                    mended.push_str(": ");
                    mended.extend(chars[at + 1..].iter().skip_while(|c| **c == ' '));
                    lines[index] = mended;
                }
                Some(c) if c.is_whitespace() && !c.is_ascii() => {
                    let mut chars = chars;
                    chars[at.unwrap_or(0)] = ' ';
                    lines[index] = chars.into_iter().collect();
                }
                _ => {}
            }
        }
    }
}

/// Blanks line `index` and the lines under it: those indented more, and a
/// list written at the key's own indentation (`key:` then `- a`).
fn leave_out(lines: &mut [String], index: usize) {
    let indent = indent_of(&lines[index]);
    let opens = lines[index].trim_end().ends_with(':');
    lines[index].clear();
    for l in lines.iter_mut().skip(index + 1) {
        let same_level_item = opens && indent_of(l) == indent && is_item(l);
        if !l.trim().is_empty() && indent_of(l) <= indent && !same_level_item {
            break;
        }
        l.clear();
    }
}

/// The line above `index` that line `index` belongs to: the nearest one
/// indented less, or for a list item at its key's indentation, that key.
fn parent_of(lines: &[String], index: usize) -> Option<usize> {
    let indent = key_indent(&lines[index]);
    (0..index)
        .rev()
        .find(|&i| !lines[i].trim().is_empty() && key_indent(&lines[i]) < indent)
}

/// Where `field` is written as a key on `line` (the line may be a flow
/// mapping, `{ slug: a, titel: b }`): before a colon, not inside another word.
fn key_at(line: &str, field: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = line[from..].find(field) {
        let at = from + found;
        let before = line[..at].chars().next_back();
        let after = line[at + field.len()..].trim_start_matches(' ');
        let starts = before.is_none_or(|c| matches!(c, ' ' | '{' | ',' | '-' | '"' | '\''));
        if starts && (after.starts_with(':') || after.starts_with('：')) {
            return Some(at);
        }
        from = at + field.len();
    }
    None
}

/// True when the mapping of line `index` already has `key`. A list item
/// (`- name: x`) starts a mapping of its own.
fn has_sibling(lines: &[String], index: usize, key: &str) -> bool {
    let level = key_indent(&lines[index]);
    let mut same = Vec::new();
    if !is_item(&lines[index]) {
        for l in lines[..index].iter().rev().filter(|l| !l.trim().is_empty()) {
            match key_indent(l) {
                k if k > level => continue,
                k if k < level => break,
                _ => same.push(l),
            }
            if is_item(l) {
                break;
            }
        }
    }
    for l in lines[index + 1..].iter().filter(|l| !l.trim().is_empty()) {
        match key_indent(l) {
            k if k > level => continue,
            k if k == level && !is_item(l) => same.push(l),
            _ => break,
        }
    }
    same.iter().any(|l| key_of(l) == Some(key))
}

/// True when `line` starts an item of a list (`- …`).
fn is_item(line: &str) -> bool {
    line.trim_start().starts_with("- ")
}

/// Where the key of `line` starts: after its indentation and list dash.
fn key_indent(line: &str) -> usize {
    indent_of(line) + if is_item(line) { 2 } else { 0 }
}

/// The key written on `line`, before its colon (half- or full-width).
fn key_of(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest);
    let end = rest.find([':', '：'])?;
    let key = rest[..end].trim().trim_matches(['"', '\'']);
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::codes;
    use std::path::Path;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Form {
        title: String,
        date: Option<String>,
        kind: Option<Kind>,
        count: Option<u32>,
        list: Option<Vec<Entry>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        List,
        Page,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        name: String,
    }

    fn read_form(text: &str) -> (Option<Form>, Vec<(u32, String)>) {
        let r = read::<Form>(text, 1, |e, t| {
            let x = super::super::yaml_error::explain(
                e,
                t,
                super::super::yaml_error::Place::Settings,
                &[],
                1,
            );
            Diagnostic::new(&codes::YAML, Path::new("a.md"), x.message).at(x.line, x.col)
        });
        let said = r
            .mistakes
            .found
            .iter()
            .map(|d| (d.line.unwrap_or(0), d.message.clone()))
            .collect();
        (r.value, said)
    }

    #[test]
    fn every_mistake_is_found_at_its_own_line() {
        let text = "titel: 通知\ndate：2024-01-01\nkind: lists\ncount: 很多\nkind: page\n";
        let (value, said) = read_form(text);
        let lines: Vec<u32> = said.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6], "{said:?}");
        assert!(said[0].1.contains("titel"), "{said:?}");
        assert_eq!(said[1].1, "冒号要用英文半角「:」，不能用中文「：」");
        assert!(said[2].1.contains("lists"), "{said:?}");
        assert_eq!(said[4].1, "「kind」写了两次");
        // Mended as the messages say: the title's value is kept.
        let value = value.expect("mended");
        assert_eq!(value.title, "通知");
        assert_eq!(value.date.as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn a_key_left_out_accounts_for_its_missing_field() {
        // `tilte` is read as the `title` it should be, whose value is not
        // text: the line goes, and the title then missing is a consequence,
        // not said again.
        let r = read::<Form>("tilte:\n  - a\n", 0, |e, _| {
            Diagnostic::new(&codes::YAML, Path::new("a"), e.to_string())
                .at_line(e.location().map_or(0, |l| l.line() as u32))
        });
        assert!(r.value.is_none());
        assert!(r.mistakes.accounts_for("title"));
        assert_eq!(r.mistakes.found.len(), 2, "{:?}", r.mistakes);
        assert!(
            r.mistakes
                .found
                .iter()
                .all(|d| !d.message.contains("missing")),
            "{:?}",
            r.mistakes
        );
    }

    #[test]
    fn a_nested_mistake_leaves_out_only_its_entry() {
        let text = "title: a\nlist:\n  - name: x\n  - nmae: y\n    extra: 1\ncount: x\n";
        let (_, said) = read_form(text);
        let lines: Vec<u32> = said.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 6, 7], "{said:?}");
    }

    #[test]
    fn a_repaired_line_can_have_a_second_mistake() {
        // The full-width colon, then the misspelled key on the same line.
        let (value, said) = read_form("titel：通知\n");
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[1].1.contains("titel"), "{said:?}");
        assert_eq!(value.map(|v| v.title).as_deref(), Some("通知"));
    }

    #[test]
    fn the_misspelled_key_of_a_flow_mapping_is_the_one_mended() {
        let (value, said) = read_form("title: a\nlist:\n  - { name: x }\n  - { nmae: y }\n");
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(value.and_then(|v| v.list).map(|l| l.len()), Some(2));
    }

    #[test]
    fn a_list_at_its_key_s_indentation_goes_with_the_key() {
        let (value, said) = read_form("title: a\nfiles:\n- a.pdf\n- b.pdf\ncount: 1\n");
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(value.and_then(|v| v.count), Some(1));
    }

    #[test]
    fn text_that_is_not_yaml_ends() {
        let text = "{{{{\n]]]]\n::::\n".repeat(40);
        let (value, said) = read_form(&text);
        assert!(value.is_none());
        assert!(!said.is_empty() && said.len() <= MAX_MISTAKES);
    }
}
