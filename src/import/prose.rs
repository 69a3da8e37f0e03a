//! The prose parts (一, 五, 六) as Markdown: one paragraph per paragraph of
//! the original, the numbered sub-headings （一）主动公开 … as sections,
//! numbered points (1. / 1、 / （1）) as an ordered list; no Word styling
//! survives, since only the text was read.

use super::doc::{self, Block};
use crate::report::{Prose, label};

/// The prose of `blocks` (table rows are skipped: part 一 has none).
pub(crate) fn read(blocks: &[Block]) -> Prose {
    let mut sections: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    for b in blocks {
        let Block::Para { text, .. } = b else {
            continue;
        };
        let text = doc::clean(text);
        for line in text.lines() {
            let line = without_bookmarks(line);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // A page that shows the untitled opening under its own heading.
            if line == "概述" && sections.len() == 1 && sections[0].1.is_empty() {
                continue;
            }
            match sub_heading(line) {
                Some((h, rest)) => {
                    sections.push((h, Vec::new()));
                    if !rest.is_empty() {
                        push(&mut sections, rest);
                    }
                }
                None => push(&mut sections, line),
            }
        }
    }
    if sections[0].1.is_empty() {
        sections.remove(0);
    } else if sections.len() > 1 {
        sections[0].0 = "概述".to_string();
    }
    Prose {
        sections: sections
            .into_iter()
            .map(|(h, paras)| (h, markdown(&paras)))
            .collect(),
    }
}

/// `line` without the `[bookmark: _GoBack]` markers docx2txt leaves.
fn without_bookmarks(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(at) = out.find("[bookmark:") {
        match out[at..].find(']') {
            Some(end) => out.replace_range(at..at + end + 1, ""),
            None => break,
        }
    }
    out
}

fn push(sections: &mut [(String, Vec<String>)], line: &str) {
    if let Some(last) = sections.last_mut() {
        last.1.push(line.to_string());
    }
}

/// `（一）主动公开` alone, or at the start of a paragraph before a short
/// first sentence: (heading, the rest).
fn sub_heading(line: &str) -> Option<(String, &str)> {
    let folded = label::fold(line);
    let numbered = folded.starts_with('(')
        && !label::number(line).is_empty()
        && label::number(line)
            .chars()
            .all(|c| "一二三四五六七八九十".contains(c));
    if !numbered {
        return None;
    }
    let trimmed = line.trim_end_matches(['。', '：', ':', ' ']);
    if trimmed.chars().count() <= 20 {
        return Some((trimmed.to_string(), ""));
    }
    let cut = line.find(['。', '：'])?;
    let head = &line[..cut];
    (head.chars().count() <= 16).then(|| {
        let rest = line[cut..].trim_start_matches(['。', '：']).trim();
        (head.to_string(), rest)
    })
}

/// Paragraphs as Markdown: blank lines between paragraphs, list items
/// (`1. …`) on consecutive lines.
fn markdown(paras: &[String]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for p in paras {
        let (item, body) = match list_item(p) {
            Some((n, body)) => (Some(n.to_string()), body),
            None => match p.strip_prefix(['•', '·', '●', '▪']) {
                Some(body) => (Some("-".to_string()), body.trim_start()),
                None => (None, p.as_str()),
            },
        };
        if !out.is_empty() {
            out.push_str(if in_list && item.is_some() {
                "\n"
            } else {
                "\n\n"
            });
        }
        match item {
            Some(n) => {
                let mark = if n == "-" { n } else { format!("{n}.") };
                out.push_str(&format!("{mark} {}", escape(body)));
                in_list = true;
            }
            None => {
                out.push_str(&escape(body));
                in_list = false;
            }
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// `1.强化…` / `1、强化…` / `（1）强化…`: (1, 强化…).
fn list_item(p: &str) -> Option<(u32, &str)> {
    let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest = &p[digits.len()..];
        let body = rest.strip_prefix(['.', '、', '．'])?;
        return Some((digits.parse().ok()?, body.trim_start()));
    }
    let rest = p.strip_prefix(['（', '('])?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let body = rest[digits.len()..].strip_prefix(['）', ')'])?;
    (!digits.is_empty())
        .then(|| Some((digits.parse().ok()?, body.trim_start())))
        .flatten()
}

/// Markdown's markup characters taken literally.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|');
        if at_start || matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph that starts like a list item would become one.
    if let Some(d) = out.find(['.', ')'])
        && d > 0
        && out[..d].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(d, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::doc::Loc;

    fn para(t: &str) -> Block {
        Block::Para {
            text: t.to_string(),
            loc: Loc::default(),
        }
    }

    #[test]
    fn sections_lists_and_paragraphs() {
        let p = read(&[
            para("2020年，街道推进政务公开。"),
            para("（一）主动公开"),
            para("全年发布信息167条。"),
            para("（三）政府信息管理 　　　 "),
            para("1.强化组织领导。"),
            para("2、充实信息内容。"),
            para("一是加强互动。"),
        ]);
        assert_eq!(
            p.sections,
            vec![
                (
                    "概述".to_string(),
                    "2020年，街道推进政务公开。\n".to_string()
                ),
                (
                    "（一）主动公开".to_string(),
                    "全年发布信息167条。\n".to_string()
                ),
                (
                    "（三）政府信息管理".to_string(),
                    "1. 强化组织领导。\n2. 充实信息内容。\n\n一是加强互动。\n".to_string()
                ),
            ]
        );
    }

    #[test]
    fn plain_text_and_markup() {
        let p = read(&[para("无。"), para("*注* 2019.")]);
        assert_eq!(
            p.sections,
            vec![(String::new(), "无。\n\n\\*注\\* 2019.\n".to_string())]
        );
        assert_eq!(read(&[]).sections, Vec::<(String, String)>::new());
        let p = read(&[para("（一）主动公开。2020年通过网站发布信息167条。")]);
        assert_eq!(p.sections[0].0, "（一）主动公开");
    }
}
