//! Partial render for live preview: after one list item's file was edited,
//! only the pages that can show it are rendered again, with the same jobs,
//! templates and globals as a full [`render`](super::render). The caller
//! decides when that is enough (the item kept its page and attachments);
//! anything else takes a full render.

use super::pages::{Job, Renderer};
use super::{OutputFile, RenderOptions, feeds, set_globals, templates::Templates};
use crate::content::{LinkIndex, Site};
use crate::diag::Diagnostic;
use rayon::prelude::*;
use std::ops::RangeInclusive;

/// The pages an edit of one list item can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemEdit {
    /// Index of the column in `site.columns`.
    pub(crate) column: usize,
    /// The item's index in its column, after the edit.
    pub(crate) item: usize,
    /// The column's list pages (0-based) that show the item before or after
    /// the edit, and every page between, whose entries shifted.
    pub(crate) list_pages: RangeInclusive<usize>,
}

impl ItemEdit {
    /// The edit of an item that moved from position `from` to position `to`
    /// of column `column`, whose list pages hold `per_page` items each.
    pub(crate) fn moved(column: usize, from: usize, to: usize, per_page: usize) -> Self {
        let per_page = per_page.max(1);
        Self {
            column,
            item: to,
            list_pages: from.min(to) / per_page..=from.max(to) / per_page,
        }
    }
}

/// Renders the item's page, the chosen list pages of its column, the home
/// page, the HTML site map, `sitemap.xml` and every feed. Problems go to
/// `diags`.
pub(crate) fn render_item_edit(
    site: &Site,
    opts: RenderOptions,
    edit: &ItemEdit,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    let Some(mut templates) = Templates::new(&site.theme.templates, diags) else {
        return Vec::new();
    };
    let index = LinkIndex::new(site);
    set_globals(&mut templates.tera, site, &index);
    let renderer = Renderer {
        site,
        index: &index,
        templates: &templates,
        minify: opts.minify,
    };
    let mut jobs = vec![Job::Home, Job::SiteMap, Job::Item(edit.column, edit.item)];
    jobs.extend(edit.list_pages.clone().map(|n| Job::List(edit.column, n)));
    let results: Vec<_> = jobs.par_iter().map(|job| renderer.render(job)).collect();
    let mut files = Vec::with_capacity(jobs.len() + 8);
    for r in results {
        match r {
            Ok(f) => files.extend(f),
            Err(d) => diags.extend(d),
        }
    }
    files.extend(feeds::sitemap_xml(site, &index));
    files.extend(feeds::atom_feeds(site, &index));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moved_covers_both_positions_and_pages_between() {
        assert_eq!(ItemEdit::moved(2, 5, 5, 20).list_pages, 0..=0);
        assert_eq!(ItemEdit::moved(2, 45, 3, 20).list_pages, 0..=2);
        assert_eq!(ItemEdit::moved(2, 3, 20, 20).list_pages, 0..=1);
        assert_eq!(ItemEdit::moved(2, 0, 0, 0).item, 0);
    }
}
