//! The yardstick for the search's recall and precision: a plain text search
//! of a site's content files, read straight from disk (not through gongkai).
//! `tests/suite/search.rs` includes this file (`#[path]`) and asserts the
//! same equality in the test suite: a list item or page column is found by its
//! title, summary, 文号, 索引号 and body; an annual report by its title and
//! prose (一's sub-sections, 五 and 六); an item or a report also by what its
//! result shows: its date (`2021-04-26`, and as a text writes it,
//! `2021年4月26日`) and its 发布机构. Text is normalised as a reader
//! types: NFKC, lower case, Markdown's marks and link targets gone, a line
//! break between two Chinese characters removed, any other a space; an
//! item's fields (title, summary, 文号, 索引号, body) apart.
//!
//! The file stands alone (std, `anyhow`, `unicode-normalization`,
//! `walkdir`) so that both can include it.

use std::collections::BTreeSet;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One searchable page: its title, the normalised text searched, and the
/// filters the search page offers for it.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub(crate) title: String,
    pub(crate) text: String,
    /// The column's title in site.yaml (the 栏目 filter).
    #[allow(dead_code)] // the benchmark scores titles only
    pub(crate) column: String,
    /// The year of its date, a report's year (the 年份 filter).
    #[allow(dead_code)]
    pub(crate) year: Option<String>,
}

/// Every page of the site at `root` the search should know: the `.md`
/// files under `content/` that are not drafts, and the reports' `.yaml`.
pub(crate) fn docs(root: &Path) -> anyhow::Result<Vec<Doc>> {
    let config = std::fs::read_to_string(root.join("site.yaml"))?;
    // An item's 发布机构 when it names none.
    let organization = config
        .lines()
        .find_map(|l| l.strip_prefix("organization: "))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let content = root.join("content");
    let mut docs = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let slug = path
            .strip_prefix(&content)
            .ok()
            .and_then(|rel| rel.iter().next())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let column = column_title(&config, &slug);
        // Attachments and images sit next to the pages: only text is read.
        if name.ends_with(".md") {
            // A column's page (`_index.md`) has an update date, not a year.
            let dated = name != "_index.md";
            let raw = std::fs::read_to_string(path)?;
            if let Some(doc) = markdown_doc(&raw, column, dated, &organization) {
                docs.push(doc);
            }
        } else if name.ends_with(".yaml") {
            let year = name.trim_end_matches(".yaml");
            docs.push(report_doc(&std::fs::read_to_string(path)?, year, column));
        }
    }
    Ok(docs)
}

/// The title site.yaml gives the column `slug` (`- { slug: tzgg, title: 通知公告, … }`).
fn column_title(config: &str, slug: &str) -> String {
    config
        .lines()
        .find(|l| {
            l.contains(&format!("slug: {slug},"))
                || l.trim_end().ends_with(&format!("slug: {slug}"))
        })
        .and_then(|l| l.split_once("title: "))
        .map(|(_, rest)| {
            rest.split([',', '}'])
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

fn markdown_doc(raw: &str, column: String, dated: bool, organization: &str) -> Option<Doc> {
    let (front, body) = raw
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
        .unwrap_or(("", raw));
    let field = |key: &str| -> Option<String> {
        front
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .map(|v| v.trim().trim_matches('"').to_owned())
    };
    if field("draft").as_deref() == Some("true") {
        return None;
    }
    let title = field("title")?;
    // Each field apart from the next, as the page shows them (a line break
    // between two Chinese characters joins them only inside the body).
    let mut text = plain(&title);
    for key in ["summary", "doc_no", "index_no"] {
        if let Some(v) = field(key) {
            text.push(' ');
            text.push_str(&plain(&v));
        }
    }
    text.push(' ');
    text.push_str(&plain(body));
    let date = field("date")
        .filter(|_| dated)
        .and_then(|d| d.get(..10).map(str::to_owned));
    let year = date.as_ref().and_then(|d| d.get(..4).map(str::to_owned));
    // A page column shows neither.
    if dated {
        let publisher = field("publisher").unwrap_or_else(|| organization.to_owned());
        shown_apart(&mut text, date.as_deref(), &publisher);
    }
    Some(Doc {
        title,
        text,
        column,
        year,
    })
}

/// Adds to `text` what a result shows apart from its snippet: the date, in
/// both forms, and the publisher, each apart from the rest.
fn shown_apart(text: &mut String, date: Option<&str>, publisher: &str) {
    let mut parts = Vec::new();
    if let Some(date) = date {
        let n: Vec<u32> = date.split('-').map(|p| p.parse().unwrap_or(0)).collect();
        parts.push(date.to_owned());
        if let [y, m, d] = n[..] {
            parts.push(format!("{y}年{m}月{d}日"));
        }
    }
    parts.push(publisher.to_owned());
    for part in parts {
        text.push(' ');
        text.push_str(&plain(&part));
    }
}

fn report_doc(raw: &str, year: &str, column: String) -> Doc {
    let agency = raw
        .lines()
        .find_map(|l| l.strip_prefix("agency: "))
        .unwrap_or_default();
    // The file's title, or the default made from agency and year.
    let title = raw
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .map_or_else(
            || format!("{agency}{year}年政府信息公开工作年度报告"),
            str::to_owned,
        );
    let mut text = title.clone();
    // The 信息索引 fields the index holds, as for items.
    for key in ["doc_no", "index_no"] {
        if let Some(v) = raw
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        {
            text.push('\n');
            text.push_str(v);
        }
    }
    let mut in_prose = false;
    for line in raw.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
            in_prose =
                line.starts_with("一、") || line.starts_with("五、") || line.starts_with("六、");
            continue;
        }
        if in_prose && !line.trim_start().starts_with('#') {
            text.push('\n');
            text.push_str(line.trim().trim_end_matches(": |").trim_end_matches(':'));
        }
    }
    let mut text = plain(&text);
    let field = |key: &str| {
        raw.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .map(|v| v.trim().trim_matches('"').to_owned())
    };
    let publisher = field("publisher").unwrap_or_else(|| agency.trim().to_owned());
    shown_apart(&mut text, field("published").as_deref(), &publisher);
    Doc {
        title,
        text,
        column,
        year: Some(year.to_owned()),
    }
}

/// `[text](target)` → `text`.
fn drop_link_targets(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        let Some(end) = rest[at..].find(')') else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

fn wide(c: Option<char>) -> bool {
    c.is_some_and(|c| (c as u32) >= 0x2E80)
}

/// Text as a plain search sees it.
fn plain(text: &str) -> String {
    let chars: Vec<char> = drop_link_targets(text)
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, '*' | '#' | '|' | '`' | '>' | '[' | ']' | '_'))
        .collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if !(wide(out.chars().last()) && wide(chars.get(i + 1).copied())) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Titles of the pages whose text holds every whitespace-separated part of
/// `q` (NFKC, lower case).
pub(crate) fn search(docs: &[Doc], q: &str) -> BTreeSet<String> {
    let parts: Vec<String> = q
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    docs.iter()
        .filter(|d| parts.iter().all(|p| d.text.contains(p.as_str())))
        .map(|d| d.title.clone())
        .collect()
}
