//! Front matter: the YAML block between `---` lines at the top of a Markdown
//! file. Positions are reported in file lines, not lines of the block.

use crate::config::yaml_diagnostic;
use crate::config::yaml_read::{self, Read};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

/// A Markdown file cut into its front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split<'a> {
    /// The YAML text (empty when the file has none).
    pub(super) yaml: &'a str,
    /// The body.
    pub(super) body: &'a str,
    /// File line on which the body starts.
    pub(super) body_line: u32,
}

/// Why a file's fences are wrong, and the file line to show it on.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct BadFence {
    pub(super) line: u32,
    pub(super) message: String,
}

/// Cuts `text` at its front-matter fences. A file without a leading `---`
/// is all body.
pub(super) fn split(text: &str) -> Result<Split<'_>, BadFence> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if first.trim_end() != "---" {
        if let Some(message) = fence_mistyped(first, rest) {
            return Err(BadFence { line: 1, message });
        }
        return Ok(Split {
            yaml: "",
            body: text,
            body_line: 1,
        });
    }
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end() == "---" {
            let body = &rest[offset + l.len()..];
            return Ok(Split {
                yaml: &rest[..offset],
                body,
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    // A closing line typed with one dash too many or other dashes.
    let closing = (2..).zip(rest.lines()).find(|(_, l)| is_dashes(l.trim()));
    Err(match closing {
        Some((line, written)) => BadFence {
            line,
            message: t!(
                "content-front-matter-closing-dashes",
                line = line,
                written = written.trim()
            ),
        },
        None => BadFence {
            line: 1,
            message: t!("content-front-matter-unclosed"),
        },
    })
}

/// A line of dashes meant as a fence but not `---`: `----`, `——-`, `－－－`.
fn is_dashes(line: &str) -> bool {
    line != "---"
        && line.chars().count() >= 2
        && line
            .chars()
            .all(|c| matches!(c, '-' | '—' | '－' | '–' | '―' | '一' | '_' | ' '))
        && line.chars().any(|c| c != ' ' && c != '_')
        && (line.chars().any(|c| c != '-' && c != ' ' && c != '_') || line.trim().len() > 3)
}

/// Why a file that does not start with `---` looks as if it meant to:
/// its first line is a fence typed with other dashes (`——-`, `－－－`), or
/// it starts with `title:` or `date:` and a `---` line follows.
fn fence_mistyped(first: &str, rest: &str) -> Option<String> {
    let first = first.trim();
    if is_dashes(first) {
        return Some(t!("content-front-matter-dashes", written = first));
    }
    if !matches!(key_of(first).as_deref(), Some("title" | "date")) {
        return None;
    }
    if rest.lines().any(|l| l.trim_end() == "---") {
        return Some(t!("content-front-matter-no-opening"));
    }
    // No fence at all: `title:` then `date:` (or another front-matter key)
    // on the next line is the information of a notice, not its text.
    let second = rest.lines().next().and_then(key_of);
    second
        .is_some_and(|k| KEYS.contains(&k.as_str()))
        .then(|| t!("content-front-matter-no-fences"))
}

/// Front-matter keys, for telling a file that forgot its fences.
const KEYS: &[&str] = &[
    "title",
    "date",
    "draft",
    "slug",
    "summary",
    "index_no",
    "doc_no",
    "publisher",
    "written",
    "topic",
    "validity",
    "attachments",
    "line_breaks",
    "aliases",
];

/// `title` of `title: 关于…` (or `Title：…`), lower-cased.
fn key_of(line: &str) -> Option<String> {
    line.split_once([':', '：'])
        .map(|(k, _)| k.trim().to_ascii_lowercase())
}

/// An attachment as written: a file name, or a file with a title.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RawAttachment {
    /// `- 附件.pdf`
    Name(String),
    /// `- {file: 附件.pdf, title: 2024年预算}`
    Full {
        /// File beside the item.
        file: String,
        /// Title to show.
        title: Option<String>,
        /// Any other key (`titel:`), said as an error rather than dropped.
        #[serde(flatten)]
        other: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
    },
}

/// Front matter keys, as in other site generators.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrontMatter {
    pub(super) title: Option<String>,
    pub(super) date: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) draft: bool,
    pub(super) slug: Option<Spanned<String>>,
    pub(super) summary: Option<String>,
    pub(super) index_no: Option<String>,
    pub(super) doc_no: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) written: Option<Spanned<String>>,
    pub(super) topic: Option<String>,
    pub(super) validity: Option<String>,
    #[serde(default)]
    pub(super) attachments: Vec<Spanned<RawAttachment>>,
    pub(super) line_breaks: Option<crate::config::LineBreaks>,
    #[serde(default)]
    pub(super) aliases: Vec<Spanned<String>>,
}

/// Parses the YAML of a split file, finding every mistake in it. The YAML
/// starts on file line 2.
pub(super) fn parse(shown: &Path, yaml: &str) -> Read<FrontMatter> {
    if yaml.trim().is_empty() {
        return Read::of(FrontMatter::default());
    }
    yaml_read::read(yaml, 1, |e, text| yaml_diagnostic(shown, e, text, 1))
}

/// File line of a spanned value (the YAML starts on file line 2).
pub(super) fn line_of<T>(s: &Spanned<T>) -> u32 {
    s.referenced.line() as u32 + 1
}

/// File column of a spanned value.
pub(super) fn col_of<T>(s: &Spanned<T>) -> u32 {
    s.referenced.column() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").ok();
        assert_eq!(
            s,
            Some(Split {
                yaml: "title: a\n",
                body: "body\n",
                body_line: 4
            })
        );
        assert_eq!(split("body").ok().map(|s| s.body_line), Some(1));
        assert!(split("---\ntitle: a\n").is_err());
        assert_eq!(
            split("--- \ntitle: a\n---\nbody\n").ok().map(|s| s.yaml),
            Some("title: a\n")
        );
    }

    #[test]
    fn a_mistyped_or_missing_opening_fence_is_said() {
        assert_eq!(
            split("——-\ntitle: a\n---\nbody\n")
                .err()
                .map(|e| e.message)
                .as_deref(),
            Some("文件第 1 行「——-」应是三个英文减号「---」（关掉中文输入法再输入）")
        );
        assert_eq!(
            split("title: a\ndate: 2024-01-01\n---\nbody\n")
                .err()
                .map(|e| e.message)
                .as_deref(),
            Some(
                "文件第 1 行缺少「---」：标题、日期等信息要写在两行「---」之间，第一行先写「---」"
            )
        );
        // A body that only starts like them is a body.
        assert!(split("一一对应的做法\n").is_ok());
        assert!(split("title: 不是信息\n正文\n").is_ok());
        assert!(split("***\n正文\n").is_ok());
    }

    #[test]
    fn positions_are_file_lines() {
        let read = parse(Path::new("a.md"), "title: 标题\ndate: [x\n");
        let d: Vec<_> = read
            .mistakes
            .found
            .iter()
            .map(|d| (d.line, d.col))
            .collect();
        assert_eq!(d, [(Some(3), Some(7))]);
    }

    mod proptests {
        use super::*;
        use proptest::prelude::*;

        /// One line of a file with front matter: fences, keys the parser
        /// knows or not, YAML syntax that goes wrong, CJK, controls.
        fn line() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("---".to_string()),
                Just("--- ".to_string()),
                Just("title: 关于开展消防安全检查的通知".to_string()),
                Just("title: 通知：关于……".to_string()),
                Just("date: 2024-03-01".to_string()),
                Just("date: [x".to_string()),
                Just("slug: {a: b}".to_string()),
                Just("draft: 是".to_string()),
                Just("attachments:".to_string()),
                Just("  - 附件.pdf".to_string()),
                Just("  - {file: 附件.pdf, title: 2024年预算".to_string()),
                Just("\ttitle: tab".to_string()),
                Just("summary: '未闭合".to_string()),
                Just("unknown_key: 1".to_string()),
                Just("a: &x [*x, *x]".to_string()),
                Just("? [复杂]\n: 键".to_string()),
                Just("!!binary 中".to_string()),
                Just("title: \"\\u0000\u{1}\u{7f}\"".to_string()),
                Just("正文第一段。".to_string()),
                "\\PC{0,20}",
                "[-:#&*!|>'\"\\[\\]{}, \t\u{0}-\u{1f}中]{0,12}",
            ]
        }

        fn file() -> impl Strategy<Value = String> {
            (
                any::<bool>(),
                prop::collection::vec(line(), 0..12),
                prop_oneof![Just("\n"), Just("\r\n")],
                any::<bool>(),
            )
                .prop_map(|(fenced, lines, eol, trailing)| {
                    let mut s = if fenced {
                        "---\n".to_string()
                    } else {
                        String::new()
                    };
                    s.push_str(&lines.join(eol));
                    if trailing {
                        s.push_str(eol);
                    }
                    s
                })
        }

        /// Characters on the 1-based file `line` of `text`, or `None` past
        /// the end.
        fn line_chars(text: &str, line: u32) -> Option<usize> {
            let i = usize::try_from(line).ok()?.checked_sub(1)?;
            text.split('\n').nth(i).map(|l| l.chars().count())
        }

        proptest! {
            #![proptest_config(crate::proptest_config())]

            /// Splitting and parsing any text never panics; the parts are
            /// the file's own text; every position, of an error or of a
            /// value, is a 1-based line and column inside the file.
            #[test]
            fn front_matter_positions_are_in_the_file(text in file()) {
                // As the loader reads it: CRLF and lone CR made LF.
                let text = crate::fsx::decode_text(text.into_bytes()).unwrap_or_default();
                let Ok(split) = split(&text) else {
                    // Only a file that opens front matter, or looks as if
                    // it meant to, is refused.
                    let first = text.lines().next().unwrap_or_default().trim_start();
                    prop_assert!(
                        first.starts_with(['-', '—', '－', '–', '―', '一', '_'])
                            || first.starts_with("title")
                            || first.starts_with("date"),
                        "{text:?}"
                    );
                    return Ok(());
                };
                prop_assert!(text.ends_with(split.body));
                // A body starts on the line after the closing fence (which
                // is past the end when the fence ends the file unterminated).
                let body_start = text.len() - split.body.len();
                let lines_before = text[..body_start].matches('\n').count();
                if !split.body.is_empty() {
                    prop_assert_eq!(split.body_line as usize, lines_before + 1);
                }
                let read = parse(Path::new("a.md"), split.yaml);
                for d in &read.mistakes.found {
                    if let Some(line) = d.line {
                        prop_assert!(line >= 2 && line < split.body_line, "{d:?}");
                        let width = line_chars(&text, line);
                        prop_assert!(width.is_some(), "{d:?}");
                        if let (Some(col), Some(width)) = (d.col, width) {
                            prop_assert!(col >= 1 && col as usize <= width + 1, "{d:?}");
                        }
                    }
                }
                if let Some(fm) = read.value {
                    let spans = [&fm.date, &fm.slug, &fm.written];
                    for s in spans.into_iter().flatten() {
                        let line = line_of(s);
                        prop_assert!(line >= 2 && line < split.body_line);
                        let width = line_chars(&text, line).unwrap_or_default();
                        prop_assert!(col_of(s) >= 1 && col_of(s) as usize <= width + 1);
                    }
                    for a in &fm.attachments {
                        let line = line_of(a);
                        prop_assert!(line >= 2 && line < split.body_line);
                    }
                }
            }
        }
    }
}
