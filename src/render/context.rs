//! The values templates see. Site-wide values (`site`, `nav`, `urls`) go into
//! Tera's global context once; each page adds only its own.

use crate::config::{ColumnKind, Config};
use crate::content::{Attachment, ColumnContent, Item, LinkIndex, list_page_path};
use serde::Serialize;

/// A navigation entry.
#[derive(Debug, Serialize)]
pub(crate) struct NavEntry {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) kind: ColumnKind,
}

/// Links every page needs.
#[derive(Debug, Serialize)]
pub(crate) struct Urls {
    pub(crate) home: String,
    pub(crate) sitemap: String,
    pub(crate) css: String,
    pub(crate) feed: String,
    /// The 长者模式 stylesheet and script.
    pub(crate) elder_css: String,
    pub(crate) elder_js: String,
    /// The search page and its script.
    pub(crate) search: String,
    pub(crate) search_js: String,
}

/// The column a page belongs to.
#[derive(Debug, Serialize)]
pub(crate) struct ColumnCtx {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) kind: ColumnKind,
    pub(crate) description: Option<String>,
    /// ColumnType meta value.
    pub(crate) column_type: &'static str,
}

/// An item as it appears in lists.
#[derive(Debug, Serialize)]
pub(crate) struct ItemSummary {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) date: String,
    pub(crate) summary: Option<String>,
}

/// An attachment as shown on its item page.
#[derive(Debug, Serialize)]
pub(crate) struct AttachmentCtx {
    pub(crate) number: usize,
    pub(crate) title: String,
    pub(crate) file_name: String,
    pub(crate) file_type: String,
    pub(crate) size: String,
    pub(crate) url: String,
}

/// The full item for its own page.
#[derive(Debug, Serialize)]
pub(crate) struct ItemCtx<'a> {
    pub(crate) title: &'a str,
    pub(crate) date: String,
    pub(crate) date_display: String,
    pub(crate) summary: Option<&'a str>,
    pub(crate) meta: &'a crate::content::Meta,
    pub(crate) attachments: Vec<AttachmentCtx>,
    pub(crate) content: String,
    /// Built with `--drafts` from a draft: the page says so.
    pub(crate) draft: bool,
}

/// One numbered link of the pager.
#[derive(Debug, Serialize)]
pub(crate) struct PageLink {
    pub(crate) number: usize,
    pub(crate) url: String,
    pub(crate) current: bool,
}

/// 第一页 上一页 1 2 3 下一页 尾页.
#[derive(Debug, Serialize)]
pub(crate) struct Paginator {
    /// 1-based number of this page.
    pub(crate) current: usize,
    pub(crate) total_pages: usize,
    pub(crate) total_items: usize,
    pub(crate) first_url: String,
    pub(crate) last_url: String,
    pub(crate) prev_url: Option<String>,
    pub(crate) next_url: Option<String>,
    /// At most ten numbered links around the current page.
    pub(crate) pages: Vec<PageLink>,
}

/// Site-wide navigation.
pub(crate) fn nav(config: &Config, index: &LinkIndex<'_>) -> Vec<NavEntry> {
    config
        .columns
        .iter()
        .map(|c| NavEntry {
            slug: c.slug.clone(),
            title: c.title.clone(),
            url: index.url(&list_page_path(&c.slug, 0)),
            kind: c.kind,
        })
        .collect()
}

/// The column context of `col`.
pub(crate) fn column(col: &ColumnContent, index: &LinkIndex<'_>) -> ColumnCtx {
    let c = &col.column;
    ColumnCtx {
        slug: c.slug.clone(),
        title: c.title.clone(),
        url: index.url(&list_page_path(&c.slug, 0)),
        kind: c.kind,
        description: c.description.clone(),
        column_type: match c.kind {
            ColumnKind::Page => "单页栏目",
            ColumnKind::List => "列表栏目",
            ColumnKind::Reports => "年度报告栏目",
            ColumnKind::Rollup => "年度报告汇总栏目",
        },
    }
}

/// An item in a list.
pub(crate) fn summary(item: &Item, index: &LinkIndex<'_>) -> ItemSummary {
    ItemSummary {
        title: item.title.clone(),
        url: index.url(&item.out_path),
        date: item.date.date_string(),
        summary: item.summary.clone(),
    }
}

/// An attachment for its item page.
pub(crate) fn attachment(a: &Attachment, index: &LinkIndex<'_>) -> AttachmentCtx {
    AttachmentCtx {
        number: a.number,
        title: a.title.clone(),
        file_name: a.file_name.clone(),
        file_type: a.file_type.clone(),
        size: human_size(a.size),
        url: index.url(&a.out_path),
    }
}

/// The pager of list page `n` (0-based) of `pages`.
pub(crate) fn paginator(
    slug: &str,
    n: usize,
    pages: usize,
    items: usize,
    index: &LinkIndex<'_>,
) -> Paginator {
    let url = |i: usize| index.url(&list_page_path(slug, i));
    let start = n.saturating_sub(4).min(pages.saturating_sub(10));
    let end = (start + 10).min(pages);
    Paginator {
        current: n + 1,
        total_pages: pages,
        total_items: items,
        first_url: url(0),
        last_url: url(pages.saturating_sub(1)),
        prev_url: (n > 0).then(|| url(n - 1)),
        next_url: (n + 1 < pages).then(|| url(n + 1)),
        pages: (start..end)
            .map(|i| PageLink {
                number: i + 1,
                url: url(i),
                current: i == n,
            })
            .collect(),
    }
}

/// `1.2 MB`, `356 KB`, `820 B`: what readers need to judge a download.
pub(crate) fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else if b >= KB {
        format!("{:.0} KB", (b / KB).max(1.0))
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(820), "820 B");
        assert_eq!(human_size(365_000), "356 KB");
        assert_eq!(human_size(1_258_291), "1.2 MB");
    }
}
