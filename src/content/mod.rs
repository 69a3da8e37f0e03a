//! Content stage: reads the content tree (`content/<column>/…`) into a
//! [`Site`] model. Front matter is parsed and checked here, file by file;
//! checks that need the whole tree live in `validate`. Markdown bodies are
//! kept as text and turned into HTML by the render stage.

mod date;
mod frontmatter;
mod index;
mod load;
mod reload;

pub(crate) use date::{PubDate, parse_date};
pub(crate) use index::{LinkIndex, url_of};
pub(crate) use load::{is_editor_temp, load};
pub(crate) use reload::{reload_item, replace_item};

use crate::config::{Column, Config};
use crate::report::Report;
use std::path::PathBuf;

/// The content folder's name under the site root.
pub(crate) const CONTENT_DIR: &str = "content";

/// 政府信息公开目录 metadata of an item.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct Meta {
    /// 索引号.
    pub(crate) index_no: Option<String>,
    /// 文号.
    pub(crate) doc_no: Option<String>,
    /// 发布机构 (the organization when not given).
    pub(crate) publisher: String,
    /// 成文日期, `YYYY-MM-DD`.
    pub(crate) written: Option<String>,
    /// 主题分类.
    pub(crate) topic: Option<String>,
    /// 有效性.
    pub(crate) validity: Option<String>,
}

/// A file attached to an item.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Attachment {
    /// 1-based number (附件1).
    pub(crate) number: usize,
    /// Title to show: the given title, or the file name.
    pub(crate) title: String,
    /// The file name as it is in the content tree.
    pub(crate) file_name: String,
    /// Upper-case type shown to readers (PDF, DOCX, XLSX).
    pub(crate) file_type: String,
    /// Size in bytes.
    pub(crate) size: u64,
    /// The source file on disk.
    #[serde(skip)]
    pub(crate) source: PathBuf,
    /// Output path relative to the site root (`tzgg/notice/附件1.pdf`).
    pub(crate) out_path: String,
    /// Line in the item's file that names it.
    #[serde(skip)]
    pub(crate) line: u32,
}

/// A Markdown source: where it is and where its body starts.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Path shown in diagnostics, relative to the site root.
    pub(crate) shown: PathBuf,
    /// Path relative to `content/`, with `/` separators (`tzgg/a.md`).
    pub(crate) rel: String,
    /// The Markdown body after the front matter.
    pub(crate) body: String,
    /// File line on which the body starts.
    pub(crate) body_line: u32,
}

/// A page column's single page.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Title.
    pub(crate) title: String,
    /// Optional summary.
    pub(crate) summary: Option<String>,
    /// Where it came from.
    pub(crate) source: Source,
}

/// One dated item of a list column.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Title.
    pub(crate) title: String,
    /// 发布日期.
    pub(crate) date: PubDate,
    /// URL slug within the column.
    pub(crate) slug: String,
    /// Output path relative to the site root (`tzgg/a.html`).
    pub(crate) out_path: String,
    /// Optional summary.
    pub(crate) summary: Option<String>,
    /// Catalogue metadata.
    pub(crate) meta: Meta,
    /// Attachments in order.
    pub(crate) attachments: Vec<Attachment>,
    /// True for drafts (only loaded with `--drafts`).
    pub(crate) draft: bool,
    /// Where it came from.
    pub(crate) source: Source,
}

/// A column with what the content tree holds for it.
#[derive(Debug)]
pub(crate) struct ColumnContent {
    /// The configured column.
    pub(crate) column: Column,
    /// The page of a page column.
    pub(crate) page: Option<Page>,
    /// Items of a list column, newest first.
    pub(crate) items: Vec<Item>,
    /// Reports of a reports column, newest first.
    pub(crate) reports: Vec<Report>,
}

/// The whole loaded site.
#[derive(Debug)]
pub(crate) struct Site {
    /// The configuration.
    pub(crate) config: Config,
    /// Columns in navigation order.
    pub(crate) columns: Vec<ColumnContent>,
    /// Templates and static files.
    pub(crate) theme: crate::theme::Theme,
}

/// Options of the content stage.
#[derive(Debug, Clone, Default)]
pub(crate) struct LoadOptions {
    /// Include drafts.
    pub(crate) drafts: bool,
}

/// Checks a slug given by the user: it becomes part of a path on disk and of
/// a URL, so it must not climb out of its folder or hide control characters.
pub(crate) fn check_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("slug is empty".into());
    }
    if slug.contains('/') || slug.contains('\\') {
        return Err(format!(
            "slug `{slug}` contains `/`: a slug is one path segment"
        ));
    }
    if slug == "." || slug.contains("..") {
        return Err(format!("slug `{slug}` contains `..`"));
    }
    if slug.chars().any(|c| c.is_control()) {
        return Err(format!(
            "slug `{}` contains control characters",
            slug.escape_debug()
        ));
    }
    if slug.starts_with('.') {
        return Err(format!(
            "slug `{slug}` starts with `.` (hidden files are not published)"
        ));
    }
    if slug.chars().any(char::is_whitespace) {
        return Err(format!("slug `{slug}` contains spaces: use `-` instead"));
    }
    if is_list_page_name(slug) {
        return Err(format!(
            "slug `{slug}` is reserved for the column's list pages"
        ));
    }
    Ok(())
}

/// `index`, `index_1`, … are the names of list pages.
fn is_list_page_name(slug: &str) -> bool {
    slug == "index"
        || slug
            .strip_prefix("index_")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Output path of list page `n` (0-based) of a column: `tzgg/index.html`,
/// then `tzgg/index_1.html`, …
pub(crate) fn list_page_path(slug: &str, n: usize) -> String {
    if n == 0 {
        format!("{slug}/index.html")
    } else {
        format!("{slug}/index_{n}.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(check_slug("fire-check").is_ok());
        assert!(check_slug("消防检查").is_ok());
        assert!(check_slug("a/b").is_err());
        assert!(check_slug("..").is_err());
        assert!(check_slug("a\u{7}").is_err());
        assert!(check_slug("index_2").is_err());
        assert!(check_slug("index-2").is_ok());
    }
}
