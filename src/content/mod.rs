//! Content stage: reads the content tree (`content/<column>/…`) into a
//! [`Site`] model. Front matter is parsed and checked here, file by file;
//! checks that need the whole tree live in `validate`. Markdown bodies are
//! turned into HTML by the render stage; a list item's is read again from
//! its file then ([`Source::body`]), not kept from the start.

mod attachments;
mod body;
mod date;
mod folders;
mod frontmatter;
mod index;
mod inside;
pub mod known;
mod load;
mod reload;
mod reports;
mod rollup;

pub use attachments::LinkedFile;
pub use date::{PubDate, parse_day, parse_year, today_in_china};
pub(crate) use date::{is_no_such_day, parse_date};
pub(crate) use folders::is_editor_temp;
pub(crate) use index::{LinkIndex, url_of};
pub(crate) use load::load;
pub(crate) use reload::{reload_item, replace_item};
pub use rollup::source_paths as rollup_sources;

use crate::config::{Column, Config};
use crate::diag::{Diagnostic, codes};
use crate::report::Report;
use std::path::PathBuf;

/// The content folder's name under the site root.
pub const CONTENT_DIR: &str = "content";

/// 政府信息公开目录 metadata of an item.
#[derive(Debug, Clone, Default, Hash, serde::Serialize)]
pub struct Meta {
    /// 索引号.
    pub index_no: Option<String>,
    /// 文号.
    pub doc_no: Option<String>,
    /// 发布机构 (the organization when not given).
    pub publisher: String,
    /// 成文日期, `YYYY-MM-DD`.
    pub written: Option<String>,
    /// 主题分类.
    pub topic: Option<String>,
    /// 有效性.
    pub validity: Option<String>,
}

/// A file attached to an item.
#[derive(Debug, Clone, Hash, serde::Serialize)]
pub struct Attachment {
    /// 1-based number (附件1).
    pub number: usize,
    /// Title to show: the given title, or the file name.
    pub title: String,
    /// The file name as it is in the content tree.
    pub file_name: String,
    /// Upper-case type shown to readers (PDF, DOCX, XLSX).
    pub file_type: String,
    /// Size in bytes.
    pub size: u64,
    /// The source file on disk.
    #[serde(skip)]
    pub source: PathBuf,
    /// Output path relative to the site root (`tzgg/notice/附件1.pdf`).
    pub out_path: String,
    /// Line in the item's file that names it.
    #[serde(skip)]
    pub line: u32,
}

/// A Markdown source: where it is and where its body starts.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path shown in diagnostics, relative to the site root.
    pub shown: PathBuf,
    /// The file, as it was read.
    pub path: PathBuf,
    /// Path relative to `content/`, with `/` separators (`tzgg/a.md`).
    pub rel: String,
    /// The Markdown body after the front matter, when it is kept in
    /// memory; see [`Source::body`].
    pub held: Option<String>,
    /// Where the body starts in the file's text (after the byte-order mark
    /// and line ends are made plain, as [`crate::fsx::decode_text`] does).
    pub body_start: usize,
    /// File line on which the body starts.
    pub body_line: u32,
    /// `line_breaks:` of the file's front matter, over its column's.
    pub line_breaks: Option<crate::config::LineBreaks>,
    /// Hash of the file's bytes as read (see `known`).
    pub hash: u128,
}

impl Source {
    /// The Markdown body after the front matter. A list item's is not kept
    /// in memory from reading the site to rendering it (at 50,000 items
    /// the bodies alone would be over 100 MB): it is read again from the
    /// file, which must still have the bytes the site was read from, so
    /// one build never mixes two states of a file.
    pub fn body(&self) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        if let Some(body) = &self.held {
            return Ok(std::borrow::Cow::Borrowed(body));
        }
        let changed = || {
            Diagnostic::new(
                &codes::IO,
                &self.shown,
                t!("content-changed-while-building"),
            )
            .with_hint(t!("content-changed-while-building-hint"))
        };
        let bytes = crate::fsx::read(&self.path).map_err(|e| {
            Diagnostic::new(&codes::IO, &self.shown, crate::i18n::io_error(&e.source))
        })?;
        if xxhash_rust::xxh3::xxh3_128(&bytes) != self.hash {
            return Err(changed());
        }
        let mut text = crate::fsx::decode_text(bytes).map_err(|_| changed())?;
        if !text.is_char_boundary(self.body_start) {
            return Err(changed());
        }
        text.drain(..self.body_start);
        Ok(std::borrow::Cow::Owned(text))
    }
}

/// A page column's single page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Title.
    pub title: String,
    /// Optional summary.
    pub summary: Option<String>,
    /// Files beside `_index.md` that its text links.
    pub files: Vec<LinkedFile>,
    /// 更新日期: `date:` of `_index.md`, the day the page was last brought
    /// up to date. The inspection counts a page without one as not updated.
    pub updated: Option<PubDate>,
    /// Where it came from.
    pub source: Source,
}

/// One dated item of a list column.
#[derive(Debug, Clone)]
pub struct Item {
    /// Title.
    pub title: String,
    /// 发布日期.
    pub date: PubDate,
    /// URL slug within the column.
    pub slug: String,
    /// Line and column of `slug:` in the front matter; `None` when the slug
    /// comes from the file name.
    pub slug_at: Option<(u32, u32)>,
    /// Line and column of `date:` in the front matter.
    pub date_at: Option<(u32, u32)>,
    /// Output path relative to the site root (`tzgg/a.html`).
    pub out_path: String,
    /// Optional summary.
    pub summary: Option<String>,
    /// Catalogue metadata.
    pub meta: Meta,
    /// Attachments in order.
    pub attachments: Vec<Attachment>,
    /// Files beside `index.md` that its text links.
    pub files: Vec<LinkedFile>,
    /// True for drafts (only loaded with `--drafts`).
    pub draft: bool,
    /// `aliases:` of the front matter: earlier addresses of the item, as
    /// written, with the line and column of each.
    pub aliases: Vec<(String, u32, u32)>,
    /// Where it came from.
    pub source: Source,
}

/// A column with what the content tree holds for it.
#[derive(Debug)]
pub struct ColumnContent {
    /// The configured column.
    pub column: Column,
    /// The page of a page column.
    pub page: Option<Page>,
    /// Items of a list column, newest first.
    pub items: Vec<Item>,
    /// Reports of a reports column, newest first.
    pub reports: Vec<Report>,
    /// The years of a rollup column, newest first: each year's sum of the
    /// sources' reports and the agencies in it.
    pub rollup: Vec<crate::review::YearSum>,
    /// Items left out because they are dated after the publishing cutoff
    /// ([`LoadOptions::publish_until`]), so that a link to one can say so.
    pub scheduled: Vec<Scheduled>,
}

/// An item dated after the publishing cutoff: not published in this run.
#[derive(Debug, Clone)]
pub struct Scheduled {
    /// Path relative to `content/` (`tzgg/a.md`).
    pub rel: String,
    /// The output path it will have (`tzgg/a.html`).
    pub out_path: String,
    /// Its date.
    pub date: PubDate,
}

/// The whole loaded site.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// Columns in navigation order.
    pub columns: Vec<ColumnContent>,
    /// Templates and static files.
    pub(crate) theme: crate::theme::Theme,
}

/// Options of the content stage.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include drafts.
    pub drafts: bool,
    /// Items dated after this day are left out (as Hugo does without
    /// `--future`); `None` publishes every date.
    pub publish_until: Option<jiff::civil::Date>,
    /// Items of the last build to take instead of reading their files
    /// again (see [`known`]).
    pub known: Option<std::sync::Arc<known::KnownItems>>,
}

/// Checks a slug given by the user: it becomes part of a path on disk and of
/// a URL, so it must not climb out of its folder or hide control characters.
pub fn check_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err(t!("content-slug-empty"));
    }
    if slug.contains('/') || slug.contains('\\') {
        return Err(t!("content-slug-slash", slug = slug));
    }
    if slug == "." {
        return Err(t!("content-slug-dot"));
    }
    if slug.contains("..") {
        return Err(t!("content-slug-dots", slug = slug));
    }
    if slug.chars().any(|c| c.is_control()) {
        return Err(t!(
            "content-slug-control",
            slug = slug.escape_debug().to_string()
        ));
    }
    if let Some((c, role)) = slug.chars().find_map(url_sign) {
        return Err(t!(
            "content-slug-url-sign",
            slug = slug,
            sign = c,
            role = role
        ));
    }
    if slug.starts_with('.') {
        return Err(t!("content-slug-hidden", slug = slug));
    }
    if slug.chars().any(char::is_whitespace) {
        return Err(t!("content-slug-space", slug = slug));
    }
    if is_list_page_name(slug) {
        return Err(t!("content-slug-reserved", slug = slug));
    }
    Ok(())
}

/// A character a web address gives a meaning of its own, so a page whose
/// name holds it could not be linked to as it is written; with what it
/// does there, in words ("starts a query").
pub(crate) fn url_sign(c: char) -> Option<(char, String)> {
    match c {
        '?' => Some((c, t!("content-url-sign-query"))),
        '#' => Some((c, t!("content-url-sign-fragment"))),
        '%' => Some((c, t!("content-url-sign-escape"))),
        _ => None,
    }
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
pub fn list_page_path(slug: &str, n: usize) -> String {
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
        // A single dot is said as such, not as `..`.
        assert_eq!(check_slug("."), Err(t!("content-slug-dot")));
        assert!(check_slug("a\u{7}").is_err());
        assert!(check_slug("index_2").is_err());
        assert!(check_slug("index-2").is_ok());
        assert!(check_slug("a?b").is_err());
        assert!(check_slug("a#b").is_err());
        assert!(check_slug("100%").is_err());
        assert_eq!(
            check_slug("../escape"),
            Err("网址名「../escape」里有「/」：网址名只能是一段，不能有斜杠".into())
        );
    }
}

#[cfg(test)]
mod body_tests {
    use super::*;

    /// A list item's body is read again from its file when it is wanted,
    /// and only while the file has the bytes the site was read from.
    #[test]
    fn a_body_is_read_again_only_from_the_same_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        let text = "\u{feff}---\r\ntitle: 通知\r\n---\r\n\r\n正文第一段。\r\n";
        std::fs::write(&path, text).expect("write");
        let plain = crate::fsx::decode_text(text.as_bytes().to_vec()).expect("text");
        let source = Source {
            shown: "content/tzgg/a.md".into(),
            path: path.clone(),
            rel: "tzgg/a.md".into(),
            held: None,
            body_start: plain.find("\n\n").expect("body") + 1,
            body_line: 4,
            line_breaks: None,
            hash: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        };
        assert_eq!(source.body().expect("read").as_ref(), "\n正文第一段。\n");
        std::fs::write(&path, text.replace("第一段", "第二段")).expect("write");
        let err = source.body().expect_err("changed");
        assert_eq!(
            err.to_string(),
            "content/tzgg/a.md: 错误: 生成网站的过程中，这个文件被改动了（前后两次读到的内容不一样）\n  = 建议: 等文件保存好后再生成一次（gongkai serve 会自动重新生成）"
        );
        std::fs::remove_file(&path).expect("remove");
        assert!(source.body().is_err());
    }
}
