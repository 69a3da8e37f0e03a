//! What a Markdown body shows other than its writer meant, said as
//! warnings while the file is loaded (the file is published all the same):
//!
//! - text indented with four or more spaces, as a paragraph pasted from
//!   Word keeps its first-line indent, is a code block in Markdown: a
//!   boxed block in a typewriter font ([`codes::BODY_CODE`]); with
//!   `line_breaks: paragraph` it is plain text and nothing is said;
//! - an image or a link whose address has a space in it (`![照片](照片
//!   1.jpg)`) is not one: its Markdown shows on the page as typed
//!   ([`codes::BODY_MARKUP`]);
//! - a list item with neither text nor attachments ([`codes::BODY_EMPTY`]);
//! - with `line_breaks: join`, lines that start with 　 (paragraphs pasted
//!   from Word, one a line) joined into one paragraph
//!   ([`codes::BODY_JOINED`]);
//! - HTML code, as text copied from Word or a web page carries it: shown
//!   as typed, never run, and the links in its block are not links
//!   ([`codes::BODY_HTML`]);
//! - lines of `|` cells that are not a table (a separator row with fewer or
//!   more cells than the header, or none at all): the pipes show as typed
//!   ([`codes::BODY_TABLE`]).
//!
//! Most bodies have none of these: a quick look at the text decides
//! whether the Markdown parser is run at all.

use super::Source;
use crate::config::LineBreaks;
use crate::diag::{Diagnostic, LineIndex, codes};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// Pushes the warnings about `source`'s body (held in memory), read in
/// `mode`. `item` is true for a list item, with `attachments` attachments.
pub(super) fn notes(
    source: &Source,
    mode: LineBreaks,
    item: Option<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    let body = source.held.as_deref().unwrap_or_default();
    if body.trim().is_empty() {
        if item == Some(0) {
            diags.push(
                Diagnostic::new(&codes::BODY_EMPTY, &source.shown, t!("body-empty"))
                    .at(source.body_line, 1),
            );
        }
        return;
    }
    let code = mode == LineBreaks::Join && may_have_indented_code(body);
    let markup = body.contains("](");
    let html = body.contains('<');
    let joined = mode == LineBreaks::Join && body.contains("\n\u{3000}");
    let pipes = body.contains('|') && has_broken_rows(body);
    if !code && !markup && !html && !joined && !pipes {
        return;
    }
    let lines = LineIndex::new(body, source.body_line);
    let mut in_code = 0;
    // The parser gives a run of text in pieces (at each bracket, entity and
    // escape): the run is looked at as typed, from its first piece's start
    // to its last piece's end.
    let mut run: Option<std::ops::Range<usize>> = None;
    let said = |run: &mut Option<std::ops::Range<usize>>, diags: &mut Vec<Diagnostic>| {
        if let Some(r) = run.take()
            && let Some(at) = body.get(r.clone()).and_then(unread_markup)
        {
            let (line, col) = lines.line_col(r.start + at);
            diags.push(
                Diagnostic::new(&codes::BODY_MARKUP, &source.shown, t!("body-markup"))
                    .at(line, col)
                    .with_hint(t!("body-markup-hint")),
            );
        }
    };
    let html_at = |at: usize, diags: &mut Vec<Diagnostic>| {
        let (line, col) = lines.line_col(at);
        diags.push(
            Diagnostic::new(&codes::BODY_HTML, &source.shown, t!("body-html"))
                .at(line, col)
                .with_hint(t!("body-html-hint")),
        );
    };
    // Inline HTML is said once a paragraph (a line of `<span>`s is one
    // finding).
    let mut inline_said = false;
    // A line that starts with 　 right after a line of the same paragraph:
    // once a paragraph.
    let (mut after_break, mut joined_said) = (false, false);
    // Rows of a table that is not one: once a paragraph.
    let (mut in_table, mut rows_said) = (0u32, false);
    let parser = Parser::new_ext(body, crate::render::markdown::options()).into_offset_iter();
    for (event, range) in parser {
        if pipes {
            match &event {
                Event::Start(Tag::Table(_)) => in_table += 1,
                Event::End(TagEnd::Table) => in_table -= 1,
                Event::End(TagEnd::Paragraph) => rows_said = false,
                Event::Text(_) if in_table == 0 && in_code == 0 && !rows_said => {
                    let line_start = body[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let mut rest = body[line_start..].lines();
                    let (first, second) = (rest.next().unwrap_or_default(), rest.next());
                    if looks_like_rows(first, second) {
                        let message = not_a_table(first, second);
                        rows_said = true;
                        let (line, col) = lines.line_col(line_start);
                        diags.push(
                            Diagnostic::new(&codes::BODY_TABLE, &source.shown, message)
                                .at(line, col)
                                .with_hint(t!("body-table-hint")),
                        );
                    }
                }
                _ => {}
            }
        }
        if joined {
            if let Event::Text(t) = &event
                && after_break
                && !joined_said
                && in_code == 0
                && t.starts_with('\u{3000}')
            {
                joined_said = true;
                let (line, _) = lines.line_col(range.start);
                diags.push(
                    Diagnostic::new(&codes::BODY_JOINED, &source.shown, t!("body-joined"))
                        .at(line, 1)
                        .with_hint(t!("body-joined-hint")),
                );
            }
            after_break = matches!(event, Event::SoftBreak);
            if let Event::End(TagEnd::Paragraph) = event {
                joined_said = false;
            }
        }
        if let Event::Text(_) = &event
            && markup
            && in_code == 0
        {
            run = Some(match run {
                Some(r) => r.start..range.end.max(r.end),
                None => range,
            });
            continue;
        }
        said(&mut run, diags);
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code += 1;
                if code && kind == CodeBlockKind::Indented {
                    let (line, col) = lines.line_col(range.start);
                    diags.push(
                        Diagnostic::new(&codes::BODY_CODE, &source.shown, t!("body-code"))
                            .at(line, col)
                            .with_hint(t!("body-code-hint")),
                    );
                }
            }
            Event::End(TagEnd::CodeBlock) => in_code -= 1,
            Event::Start(Tag::HtmlBlock) if html => html_at(range.start, diags),
            Event::InlineHtml(_) if html && !inline_said && in_code == 0 => {
                inline_said = true;
                html_at(range.start, diags);
            }
            Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Heading(_)) => {
                inline_said = false;
            }
            _ => {}
        }
    }
    said(&mut run, diags);
}

/// True for a line typed as a table row: it starts with `|` and has
/// another one after.
fn is_row(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('|')
        .is_some_and(|rest| rest.contains('|'))
}

/// True when `first` (and the line after it) were typed as table rows:
/// `first` starts with `|`, or both lines have the same cells, two or more,
/// between pipes (`序号 | 姓名` over `1 | 王XX`).
fn looks_like_rows(first: &str, second: Option<&str>) -> bool {
    is_row(first)
        || (first.contains('|')
            && second.is_some_and(|s| s.contains('|') && cells(s) == cells(first)))
}

/// The cells of a row as typed: `| a | b |` has 2 (the outer pipes are
/// optional; an escaped `\|` is text).
fn cells(row: &str) -> usize {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row
        .strip_suffix('|')
        .filter(|r| !r.ends_with('\\'))
        .unwrap_or(row);
    1 + row
        .char_indices()
        .filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\'))
        .count()
}

/// True for a separator row: cells of `-` with optional `:`.
fn is_separator(row: &str) -> bool {
    let t = row.trim().trim_matches('|');
    !t.is_empty()
        && t.split('|').all(|c| {
            let c = c.trim();
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        })
}

/// True when a block of lines typed as table rows starts without the
/// separator row a table needs under its header: the quick look that
/// decides whether the parser is asked (a body with a proper table is not).
fn has_broken_rows(body: &str) -> bool {
    let lines: Vec<&str> = body.lines().collect();
    (0..lines.len()).any(|i| {
        let next = lines.get(i + 1).copied();
        let starts = i == 0 || !lines[i - 1].contains('|');
        starts
            && looks_like_rows(lines[i], next)
            && !next.is_some_and(|n| is_separator(n) && cells(n) == cells(lines[i]))
    })
}

/// Why the rows from `first` on did not make a table (`second` is the
/// line after it).
fn not_a_table(first: &str, second: Option<&str>) -> String {
    match second {
        Some(sep) if is_separator(sep) => t!(
            "body-table-cells",
            header = cells(first),
            separator = cells(sep)
        ),
        _ => t!("body-table-no-separator"),
    }
}

/// True when a line indented with four or more spaces follows a blank line
/// (or starts the body): the way an indented code block starts.
fn may_have_indented_code(body: &str) -> bool {
    let mut after_blank = true;
    for line in body.lines() {
        let blank = line.trim().is_empty();
        if !blank && after_blank && line.starts_with("    ") {
            return true;
        }
        after_blank = blank;
    }
    false
}

/// Where in a run of text, as typed, `[…](…)` stands (its `[` or `![`):
/// the parser did not take it for a link or an image. Brackets escaped
/// with a backslash (`\\[注\\](见附件)`) were meant to show as typed.
fn unread_markup(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let escaped = |i: usize| b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1;
    let close = text
        .match_indices("](")
        .map(|(i, _)| i)
        .find(|&i| !escaped(i))?;
    let open = (0..close).rev().find(|&i| b[i] == b'[' && !escaped(i))?;
    Some(if open > 0 && b[open - 1] == b'!' && !escaped(open - 1) {
        open - 1
    } else {
        open
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn said(body: &str, mode: LineBreaks, item: Option<usize>) -> Vec<String> {
        let source = Source {
            shown: PathBuf::from("content/tzgg/a.md"),
            path: PathBuf::from("a.md"),
            rel: "tzgg/a.md".into(),
            held: Some(body.to_string()),
            body_start: 0,
            body_line: 5,
            line_breaks: None,
            hash: 0,
        };
        let mut diags = Vec::new();
        notes(&source, mode, item, &mut diags);
        diags
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.line.unwrap_or(0),
                    d.col.unwrap_or(0),
                    d.code.id
                )
            })
            .collect()
    }

    #[test]
    fn indented_paragraphs_are_code_only_when_joined() {
        let body = "第一段。\n\n    第二段从 Word 粘贴，段首有空格。\n";
        assert_eq!(said(body, LineBreaks::Join, Some(0)), ["7:5 body.code"]);
        assert!(said(body, LineBreaks::Paragraph, Some(0)).is_empty());
        // A list's own indented paragraph and a fenced block are not.
        let list = "1. 第一项\n\n    第一项的说明\n\n```\n    代码\n```\n";
        assert!(said(list, LineBreaks::Join, Some(0)).is_empty());
    }

    /// Paragraphs pasted from Word, one a line with 　　 at their start,
    /// were joined into one paragraph without a word in `join` mode.
    #[test]
    fn word_paragraphs_joined_into_one_are_pointed_at() {
        let body =
            "各社区、各部门：\n　　现将有关事项通知如下。\n　　一、时间安排\n\n　　二、地点\n";
        assert_eq!(said(body, LineBreaks::Join, None), ["6:1 body.joined"]);
        assert!(said(body, LineBreaks::Paragraph, None).is_empty());
        // Each paragraph after a blank line is its own; a fenced block is code.
        let apart = "各社区：\n\n　　现将有关事项通知如下。\n\n```\n甲\n　　乙\n```\n";
        assert!(said(apart, LineBreaks::Join, None).is_empty());
    }

    #[test]
    fn markup_shown_as_typed_is_pointed_at() {
        let body = "现场照片：\n\n![现场照片](照片 1.jpg)\n\n[通知](<附件 1.pdf>) 和 `[a](b c)`\n";
        assert_eq!(said(body, LineBreaks::Join, Some(1)), ["7:1 body.markup"]);
        // Columns count what was typed, entities and escapes included.
        let body = "&amp;&lt; \\* 见[附件](附件 1.pdf)\n";
        assert_eq!(said(body, LineBreaks::Join, None), ["5:15 body.markup"]);
        // Brackets escaped on purpose are shown as typed, as meant.
        let body = "\\[注\\](见附件) 和 \\![图\\](a b)\n";
        assert!(said(body, LineBreaks::Join, None).is_empty());
    }

    #[test]
    fn html_pasted_from_word_is_pointed_at() {
        // A block: said once at its start; the link inside it is not one.
        let body = "第一段。\n\n<p class=MsoNormal>通知</p>\n[通知](b.md)\n\n第二段 <span>甲</span><b>乙</b>\n\n<br>\n";
        assert_eq!(
            said(body, LineBreaks::Join, Some(0)),
            ["7:1 body.html", "10:5 body.html", "12:1 body.html"]
        );
        // Code and comparisons are not HTML.
        let body = "`<p>` 和 a < b，\n\n```\n<div>\n```\n";
        assert!(said(body, LineBreaks::Join, Some(0)).is_empty());
    }

    #[test]
    fn rows_that_make_no_table_are_pointed_at() {
        // A column added to the header but not to the separator row.
        let body = "名单如下：\n\n| 序号 | 姓名 | 社区 | 金额 |\n|---|---|---|\n| 1 | 王XX | 东街 | 100 |\n";
        assert_eq!(said(body, LineBreaks::Join, None), ["7:1 body.table"]);
        assert_eq!(said(body, LineBreaks::Paragraph, None), ["7:1 body.table"]);
        // No separator row at all.
        let body = "| 序号 | 姓名 |\n| 1 | 王XX |\n\n正文。\n";
        assert_eq!(said(body, LineBreaks::Join, None), ["5:1 body.table"]);
        // Rows without outer pipes, and no separator.
        let body = "序号 | 姓名 | 金额\n1 | 王XX | 100\n";
        assert_eq!(said(body, LineBreaks::Join, None), ["5:1 body.table"]);
        // A table, a cell with an escaped pipe, and pipes in code are fine.
        let body =
            "| 甲 | 乙 |\n|:--|--:|\n| 1 \\| 2 | 3 |\n\n```\n| a | b |\n```\n\n文中 | 不是表格\n";
        assert!(said(body, LineBreaks::Join, None).is_empty());
    }

    #[test]
    fn an_item_with_nothing_to_show() {
        assert_eq!(
            said("\n  \n", LineBreaks::Join, Some(0)),
            ["5:1 body.empty"]
        );
        assert!(said("\n", LineBreaks::Join, Some(2)).is_empty());
        assert!(said("\n", LineBreaks::Join, None).is_empty());
    }
}
