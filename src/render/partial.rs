//! The scope of a partial render: after one list item's file was edited,
//! only the pages that can show it are rendered again, with the same jobs,
//! templates and globals as a full render, plus the site-wide outputs that
//! follow item edits. The pipeline decides when that is enough (the item
//! kept its page and attachments); anything else takes a full render.

use super::pages::Job;
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
    /// Only the item's text changed: what other pages show of it (title,
    /// date, summary, catalogue data, files, place) is as it was, so only
    /// its own page is rendered again.
    pub(crate) text_only: bool,
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
            text_only: false,
        }
    }

    /// The edit of the text alone of the item at position `item` of column
    /// `column`.
    pub(crate) fn text(column: usize, item: usize) -> Self {
        Self {
            column,
            item,
            list_pages: 0..=0,
            text_only: true,
        }
    }

    /// True when every edit is of an item's text alone.
    pub(crate) fn all_text_only(edits: &[Self]) -> bool {
        edits.iter().all(|e| e.text_only)
    }

    /// The pages of this edit: the item's page and the chosen list pages of
    /// its column.
    fn pages(&self) -> impl Iterator<Item = Job> + '_ {
        let lists = (!self.text_only)
            .then(|| self.list_pages.clone())
            .into_iter()
            .flatten();
        std::iter::once(Job::Item(self.column, self.item))
            .chain(lists.map(|n| Job::List(self.column, n)))
    }
}

/// The page jobs of some edits: each item's page and the chosen list pages
/// of its column, each once, and the home page and the HTML site map
/// unless every edit is of an item's text alone.
pub(super) fn jobs(edits: &[ItemEdit]) -> Vec<Job> {
    let mut seen = std::collections::HashSet::new();
    let mut jobs = if ItemEdit::all_text_only(edits) {
        Vec::new()
    } else {
        vec![Job::Home, Job::SiteMap]
    };
    for job in edits.iter().flat_map(ItemEdit::pages) {
        let key = match job {
            Job::Item(c, i) => (0, c, i),
            Job::List(c, n) => (1, c, n),
            _ => continue,
        };
        if seen.insert(key) {
            jobs.push(job);
        }
    }
    jobs
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

    #[test]
    fn a_text_edit_renders_only_its_page() {
        assert_eq!(jobs(&[ItemEdit::text(1, 7)]), [Job::Item(1, 7)]);
        let both = jobs(&[ItemEdit::text(1, 7), ItemEdit::moved(1, 3, 3, 20)]);
        assert_eq!(
            both,
            [
                Job::Home,
                Job::SiteMap,
                Job::Item(1, 7),
                Job::Item(1, 3),
                Job::List(1, 0)
            ]
        );
    }
}
