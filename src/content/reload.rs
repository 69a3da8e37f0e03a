//! Re-reading one list item after its file was saved, for `serve` and
//! `build --watch`. It reads the file exactly as a full load does (the same
//! `load_item`), so an incremental rebuild cannot disagree with a full one;
//! deciding whether an incremental rebuild is safe is the caller's job.

use super::load::{Ctx, ItemFile, load_item, sort_newest_first};
use super::{CONTENT_DIR, Item, LoadOptions, Site, is_editor_temp};
use crate::config::ColumnKind;
use crate::diag::Diagnostic;
use std::path::Path;

/// Where an item moved in its column's newest-first order after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Moved {
    /// Index of the column in `site.columns`.
    pub(crate) column: usize,
    /// The item's position before the edit.
    pub(crate) from: usize,
    /// The item's position after the edit.
    pub(crate) to: usize,
}

/// Re-reads the list item at `path` (`content/<column>/<name>.md` or
/// `content/<column>/<folder>/index.md`). Returns `None` when the path is not
/// an item file of a list column of `site`; otherwise the column's index and
/// the item, or `None` for the item when it is a draft or has errors (the
/// errors are in `diags`).
pub(crate) fn reload_item(
    root: &Path,
    site: &Site,
    path: &Path,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<(usize, Option<Item>)> {
    let rel = path.strip_prefix(root.join(CONTENT_DIR)).ok()?;
    let parts: Vec<&str> = rel.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
    let (column, default_slug) = match parts.as_slice() {
        [column, name] => (*column, name.strip_suffix(".md")?),
        [column, folder, "index.md"] => (*column, *folder),
        _ => return None,
    };
    let hidden = |n: &str| n.starts_with('.') || is_editor_temp(n);
    if parts.iter().any(|p| hidden(p)) || default_slug == "_index" {
        return None;
    }
    let c = site.columns.iter().position(|c| c.column.slug == column)?;
    let col = &site.columns[c].column;
    if col.kind != ColumnKind::List {
        return None;
    }
    // A link is looked at by a full run (it may lead out of the site).
    if super::inside::is_link(path) {
        return None;
    }
    let ctx = Ctx {
        root,
        real_root: super::inside::real_root(root),
        organization: &site.config.organization,
        attachments: &site.config.attachments,
        line_breaks: site.config.line_breaks,
        opts,
    };
    let file = ItemFile {
        path: path.to_path_buf(),
        default_slug: default_slug.to_string(),
    };
    let item = load_item(&ctx, col, &file, diags);
    // An item dated after the cutoff leaves its column: a full run says so
    // and leaves it out.
    if let (Some(item), Some(cutoff)) = (&item, opts.publish_until)
        && item.date.date() > cutoff
    {
        return None;
    }
    Some((c, item))
}

/// Puts `item` in place of the item of column `column` that publishes to the
/// same page, and restores the newest-first order. Returns `None` (and
/// changes nothing) when no item of that column publishes there.
pub(crate) fn replace_item(site: &mut Site, column: usize, item: Item) -> Option<Moved> {
    let items = &mut site.columns.get_mut(column)?.items;
    let from = items.iter().position(|i| i.out_path == item.out_path)?;
    let out_path = item.out_path.clone();
    items[from] = item;
    sort_newest_first(items);
    let to = items.iter().position(|i| i.out_path == out_path)?;
    Some(Moved { column, from, to })
}
