//! A build into an output folder that a complete build wrote, when the only
//! inputs whose bytes changed since are list items (the everyday CI case:
//! a commit edits a notice, the output folder is kept between runs). The
//! whole site is read and validated again, as always, so every error is
//! still found; but only what the edits change is rendered, with the same
//! item-edit scope `serve` uses after a save. What that needs from the last
//! build (where each item stood) is in the output's state
//! ([`crate::output::BuildState`]). Whenever the edits are not clearly
//! item edits that keep every page name (an item added, removed, renamed,
//! moved to another column, its attachments or earlier names changed, any
//! other file changed), `None` asks for a full run.

use super::{Counting, Outcome, Pipeline, has_errors, load};
use crate::content::Site;
use crate::content::known::KnownItems;
use crate::fingerprint::PathKey;
use crate::output::{BuildState, ItemState};
use crate::render::{self, ItemEdit, Sink};
use std::collections::BTreeMap;
use std::hash::Hasher;
use xxhash_rust::xxh3::Xxh3;

impl Pipeline {
    /// Renders only what the edits of the `changed` input files (by
    /// [`crate::fingerprint::path_key`]) change, given the `last` build's state; `None`, with
    /// nothing handed to `sink`, when a full run is needed instead. Items in
    /// `known` (those whose files did not change) are not read again.
    pub fn run_edits(
        &mut self,
        last: &BuildState,
        changed: &[PathKey],
        known: Option<KnownItems>,
        sink: &dyn Sink,
    ) -> Option<Outcome> {
        // Only list items of the last build: anything else (site.yaml, a
        // template, a new file) needs a full run, known before reading.
        if changed.is_empty() || !changed.iter().all(|k| last.items.contains_key(k)) {
            return None;
        }
        let (site, mut diagnostics) = load(&self.opts, known);
        let site = site?;
        if has_errors(&diagnostics) {
            self.site = Some(site);
            self.healthy = false;
            return Some(Outcome {
                diagnostics,
                incremental: true,
                pages: 0,
                item_states: None,
            });
        }
        let (edits, states) = edits(&site, last, changed)?;
        let counter = Counting::new(sink);
        render::render(
            &site,
            self.render_options(),
            &render::Scope::ItemEdits(edits),
            &mut diagnostics,
            &counter,
        );
        self.site = Some(site);
        let outcome = Outcome {
            diagnostics,
            incremental: true,
            pages: counter.pages(),
            item_states: Some(states),
        };
        self.healthy = !outcome.failed();
        Some(outcome)
    }
}

/// The edits that turn the last build's site into `site`, when every
/// changed file is an item that kept its column and shape, and the site has
/// exactly the items it had; with the site's item states.
fn edits(
    site: &Site,
    last: &BuildState,
    changed: &[PathKey],
) -> Option<(Vec<ItemEdit>, BTreeMap<PathKey, ItemState>)> {
    let now = item_states(site);
    if now.len() != last.items.len() {
        return None;
    }
    for (path, was) in &last.items {
        let is = now.get(path)?;
        if is.column != was.column || is.shape != was.shape {
            return None;
        }
    }
    let edits = changed
        .iter()
        .map(|path| {
            let is = now.get(path)?;
            let was = last.items.get(path)?;
            if is.listing == was.listing && is.position == was.position {
                return Some(ItemEdit::text(is.column, is.position));
            }
            let per_page = site.columns.get(is.column)?.column.per_page;
            Some(ItemEdit::moved(
                is.column,
                was.position,
                is.position,
                per_page,
            ))
        })
        .collect::<Option<_>>()?;
    Some((edits, now))
}

/// Every list item of `site` by the [`crate::fingerprint::path_key`] of its
/// source path (root-relative, `/`): where it stands and its shape.
pub fn item_states(site: &Site) -> BTreeMap<PathKey, ItemState> {
    use rayon::prelude::*;
    let places: Vec<(usize, usize, &crate::content::Item)> = (site.columns.iter().enumerate())
        .flat_map(|(column, col)| (col.items.iter().enumerate()).map(move |(p, i)| (column, p, i)))
        .collect();
    // Tens of thousands of items on a big site: hashed in parallel, and
    // made a map in one go.
    let mut states: Vec<(PathKey, ItemState)> = places
        .into_par_iter()
        .map(|(column, position, item)| {
            let state = ItemState {
                column,
                position,
                shape: shape(item),
                listing: listing(item),
            };
            (crate::fingerprint::path_key(&item.source.shown), state)
        })
        .collect();
    states.sort_unstable_by_key(|(key, _)| *key);
    states.into_iter().collect()
}

/// Everything of an item but its text, hashed: what any page other than
/// its own can show of it (title, date, summary, catalogue data, files,
/// names), and more. Positions in its file are left out: they only place
/// messages.
pub(super) fn listing(item: &crate::content::Item) -> u128 {
    use std::hash::Hash;
    let mut h = Xxh3::new();
    item.title.hash(&mut h);
    item.date.hash(&mut h);
    item.slug.hash(&mut h);
    item.out_path.hash(&mut h);
    item.summary.hash(&mut h);
    item.meta.hash(&mut h);
    item.attachments.hash(&mut h);
    item.files.hash(&mut h);
    item.draft.hash(&mut h);
    item.aliases.hash(&mut h);
    item.source.rel.hash(&mut h);
    item.source.line_breaks.hash(&mut h);
    h.digest128()
}

/// What pages other than the item's own and its list entry know of an
/// item: its page name, earlier names and the files it brings.
fn shape(item: &crate::content::Item) -> u128 {
    let mut h = Xxh3::new();
    h.write(item.out_path.as_bytes());
    for (alias, _, _) in &item.aliases {
        h.write(b"\0a");
        h.write(alias.as_bytes());
    }
    for a in &item.attachments {
        h.write(b"\0f");
        h.write(a.out_path.as_bytes());
        h.write(a.source.as_os_str().as_encoded_bytes());
    }
    std::hash::Hash::hash(&item.files, &mut h);
    h.digest128()
}
