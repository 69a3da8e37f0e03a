//! The item-edit scope of [`Pipeline::run`]: one list item's file was saved.
//! The file is read again with the content stage's loader, put in place of
//! the old item, and only the pages that show it are rendered, with the
//! site-wide outputs that follow item edits. Whenever that is not clearly
//! the same as a full run (the item is new, gone, a draft now, moved to
//! another page name, or its attachments changed), `None` asks for a full
//! run instead.

use super::{Counting, Outcome, Pipeline, has_errors};
use crate::content::{self, Item, LoadOptions, Site};
use crate::render::{self, ItemEdit, Sink};
use std::path::{Path, PathBuf};

impl Pipeline {
    /// `None` when the edit needs a full run after all.
    pub(super) fn run_item(&mut self, path: &Path, sink: &dyn Sink) -> Option<Outcome> {
        let render_opts = self.render_options();
        let root = self.opts.root.clone();
        let opts = LoadOptions {
            drafts: self.opts.drafts,
            publish_until: self.opts.publish_until,
            known: None,
        };
        let site = self.site.as_mut()?;
        if !path.is_file() {
            return None;
        }
        let mut diagnostics = Vec::new();
        let (column, item) = content::reload_item(&root, site, path, &opts, &mut diagnostics)?;
        if has_errors(&diagnostics) {
            return Some(Outcome {
                diagnostics,
                incremental: true,
                pages: 0,
                item_states: None,
            });
        }
        // A draft now hidden: pages disappear.
        let item = item?;
        if !keeps_its_pages(site, column, &item) {
            return None;
        }
        let per_page = site.columns[column].column.per_page;
        let was = site.columns[column]
            .items
            .iter()
            .find(|old| old.out_path == item.out_path)
            .map(super::edits::listing);
        let text_only = was == Some(super::edits::listing(&item));
        let moved = content::replace_item(site, column, item)?;
        let edit = if text_only && moved.from == moved.to {
            ItemEdit::text(column, moved.to)
        } else {
            ItemEdit::moved(column, moved.from, moved.to, per_page)
        };
        let counter = Counting::new(sink);
        render::render(
            site,
            render_opts,
            &render::Scope::ItemEdits(vec![edit]),
            &mut diagnostics,
            &counter,
        );
        Some(Outcome {
            diagnostics,
            incremental: true,
            pages: counter.pages(),
            item_states: None,
        })
    }
}

/// True when `item` is an edit of an item `site` already has, from the same
/// file, at the same page, with the same attachment files and earlier
/// addresses: then no other page's links or file list, and no redirect
/// page, can change.
fn keeps_its_pages(site: &Site, column: usize, item: &Item) -> bool {
    let Some(col) = site.columns.get(column) else {
        return false;
    };
    let files = |i: &Item| -> Vec<(String, PathBuf)> {
        i.attachments
            .iter()
            .map(|a| (a.out_path.clone(), a.source.clone()))
            .collect()
    };
    col.items.iter().any(|old| {
        old.out_path == item.out_path
            && old.source.shown == item.source.shown
            && old.aliases == item.aliases
            && files(old) == files(item)
            && old.files == item.files
    })
}
