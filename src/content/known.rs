//! List items as the last complete build loaded them, kept beside its
//! manifest so that the next build after a few edits (the everyday CI case)
//! need not read and parse every other item's file again.
//!
//! A complete, clean build with the site search off writes every item of
//! the site, without its Markdown body, with the hash of the bytes it was
//! parsed from ([`Source::hash`]), to `.gongkai-items` in the output folder
//! ([`encode`], [`crate::output::ITEMS`]). A later build reads it back
//! ([`decode`]) only when the state recorded in the manifest names it
//! (`known_from` of [`crate::output::BuildState`]: every build since changed
//! only list items' files, with the same setup), and takes an item from it
//! only when its file's bytes hash the same today
//! ([`KnownItems::reusable`]). Everything else an item is read with
//! (site.yaml, attachment files, the options) is then as it was.
//!
//! An item taken from here has an empty body. That is enough where it is
//! used: a build that renders only what some edits change renders the
//! pages of the edited items (read again from their files), and list,
//! home, site-map and feed pages, which show no body. The search index
//! needs every body, so with search on nothing is written or taken.
//!
//! The file is data found in the output folder: anything that does not
//! decode, or belongs to another build, is ignored and the build reads
//! every file as always.

use super::{Attachment, Item, LinkedFile, Meta, PubDate, Source};
use crate::config::LineBreaks;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bumped whenever the layout below changes: an older file is ignored.
const VERSION: u32 = 1;

/// Items of the last build that can be used again, each taken once (moved
/// out, not copied: a big site's items are many megabytes).
#[derive(Default)]
pub struct KnownItems {
    saved: Mutex<Vec<Option<Saved>>>,
    /// [`crate::fingerprint::path_key`] of an item's source → its place in
    /// `saved`.
    index: HashMap<String, usize>,
}

impl std::fmt::Debug for KnownItems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KnownItems({} items)", self.index.len())
    }
}

impl KnownItems {
    /// Keeps only the items whose file's bytes hash today (`hash_now` of
    /// the [`crate::fingerprint::path_key`] of its path) as they did when
    /// the item was parsed.
    pub fn reusable(mut self, hash_now: impl Fn(&str) -> Option<u128>) -> Self {
        let saved = self.saved.get_mut().unwrap_or_else(|e| e.into_inner());
        self.index.retain(|key, at| {
            let same = saved[*at]
                .as_ref()
                .is_some_and(|s| hash_now(key) == Some(s.hash));
            if !same {
                saved[*at] = None;
            }
            same
        });
        self
    }

    /// Takes the item of the file whose root-relative path is `shown`, if
    /// known.
    pub(crate) fn take(&self, shown: &Path) -> Option<Item> {
        if self.index.is_empty() {
            return None;
        }
        let at = *self.index.get(&key_of(shown))?;
        let saved = {
            let mut all = self.saved.lock().unwrap_or_else(|e| e.into_inner());
            all.get_mut(at)?.take()?
        };
        saved.into_item()
    }

    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// The [`crate::fingerprint::path_key`] of a root-relative path.
pub(crate) fn key_of(shown: &Path) -> String {
    let parts: Vec<String> = shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    crate::fingerprint::path_key(&parts.join("/"))
}

/// Every list item of `site`, read by the build with `setup` that began at
/// `taken` (nanoseconds since the Unix epoch).
pub fn encode(site: &super::Site, setup: &str, taken: u128) -> Option<Vec<u8>> {
    let items = site
        .columns
        .iter()
        .flat_map(|c| c.items.iter())
        .filter_map(Saved::of)
        .collect();
    let file = SavedFile {
        version: VERSION,
        setup: setup.to_string(),
        taken,
        items,
    };
    postcard::to_stdvec(&file).ok()
}

/// The items in `bytes` when they are from the build with `setup` that
/// began at `taken`; `None` otherwise.
pub fn decode(bytes: &[u8], setup: &str, taken: u128) -> Option<KnownItems> {
    let file: SavedFile = postcard::from_bytes(bytes).ok()?;
    if file.version != VERSION || file.setup != setup || file.taken != taken {
        return None;
    }
    let index = (file.items.iter().enumerate())
        .map(|(at, s)| (key_of(Path::new(&s.shown)), at))
        .collect();
    Some(KnownItems {
        saved: Mutex::new(file.items.into_iter().map(Some).collect()),
        index,
    })
}

#[derive(Serialize, Deserialize)]
struct SavedFile {
    version: u32,
    setup: String,
    taken: u128,
    items: Vec<Saved>,
}

/// An [`Item`] without its body, with paths as text.
#[derive(Serialize, Deserialize)]
struct Saved {
    title: String,
    date: String,
    has_time: bool,
    slug: String,
    slug_at: Option<(u32, u32)>,
    date_at: Option<(u32, u32)>,
    out_path: String,
    summary: Option<String>,
    meta: SavedMeta,
    attachments: Vec<SavedAttachment>,
    files: Vec<SavedFileLink>,
    draft: bool,
    aliases: Vec<(String, u32, u32)>,
    shown: String,
    rel: String,
    body_line: u32,
    line_breaks: Option<bool>,
    hash: u128,
}

#[derive(Serialize, Deserialize)]
struct SavedMeta {
    index_no: Option<String>,
    doc_no: Option<String>,
    publisher: String,
    written: Option<String>,
    topic: Option<String>,
    validity: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SavedAttachment {
    number: usize,
    title: String,
    file_name: String,
    file_type: String,
    size: u64,
    source: String,
    out_path: String,
    line: u32,
}

#[derive(Serialize, Deserialize)]
struct SavedFileLink {
    rel: String,
    source: String,
    out_path: String,
    at: (u32, u32),
}

impl Saved {
    /// `None` for an item with a path that is not UTF-8 (it is read from
    /// its file next time).
    fn of(item: &Item) -> Option<Self> {
        let text = |p: &PathBuf| p.to_str().map(str::to_string);
        let attachments = item
            .attachments
            .iter()
            .map(|a| {
                Some(SavedAttachment {
                    number: a.number,
                    title: a.title.clone(),
                    file_name: a.file_name.clone(),
                    file_type: a.file_type.clone(),
                    size: a.size,
                    source: text(&a.source)?,
                    out_path: a.out_path.clone(),
                    line: a.line,
                })
            })
            .collect::<Option<_>>()?;
        let files = item
            .files
            .iter()
            .map(|f| {
                Some(SavedFileLink {
                    rel: f.rel.clone(),
                    source: text(&f.source)?,
                    out_path: f.out_path.clone(),
                    at: f.at,
                })
            })
            .collect::<Option<_>>()?;
        let m = &item.meta;
        Some(Self {
            title: item.title.clone(),
            date: item.date.at.to_string(),
            has_time: item.date.has_time,
            slug: item.slug.clone(),
            slug_at: item.slug_at,
            date_at: item.date_at,
            out_path: item.out_path.clone(),
            summary: item.summary.clone(),
            meta: SavedMeta {
                index_no: m.index_no.clone(),
                doc_no: m.doc_no.clone(),
                publisher: m.publisher.clone(),
                written: m.written.clone(),
                topic: m.topic.clone(),
                validity: m.validity.clone(),
            },
            attachments,
            files,
            draft: item.draft,
            aliases: item.aliases.clone(),
            shown: text(&item.source.shown)?,
            rel: item.source.rel.clone(),
            body_line: item.source.body_line,
            line_breaks: item.source.line_breaks.map(|l| l == LineBreaks::Paragraph),
            hash: item.source.hash,
        })
    }

    fn into_item(self) -> Option<Item> {
        let m = self.meta;
        Some(Item {
            title: self.title,
            date: PubDate {
                at: self.date.parse().ok()?,
                has_time: self.has_time,
            },
            slug: self.slug,
            slug_at: self.slug_at,
            date_at: self.date_at,
            out_path: self.out_path,
            summary: self.summary,
            meta: Meta {
                index_no: m.index_no,
                doc_no: m.doc_no,
                publisher: m.publisher,
                written: m.written,
                topic: m.topic,
                validity: m.validity,
            },
            attachments: self
                .attachments
                .into_iter()
                .map(|a| Attachment {
                    number: a.number,
                    title: a.title,
                    file_name: a.file_name,
                    file_type: a.file_type,
                    size: a.size,
                    source: PathBuf::from(a.source),
                    out_path: a.out_path,
                    line: a.line,
                })
                .collect(),
            files: self
                .files
                .into_iter()
                .map(|f| LinkedFile {
                    rel: f.rel,
                    source: PathBuf::from(f.source),
                    out_path: f.out_path,
                    at: f.at,
                })
                .collect(),
            draft: self.draft,
            aliases: self.aliases,
            source: Source {
                shown: PathBuf::from(self.shown),
                rel: self.rel,
                body: String::new(),
                body_line: self.body_line,
                line_breaks: self.line_breaks.map(|p| {
                    if p {
                        LineBreaks::Paragraph
                    } else {
                        LineBreaks::Join
                    }
                }),
                hash: self.hash,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, Site};
    use std::sync::Arc;

    /// The example portal at the repository's root.
    fn example(known: Option<KnownItems>) -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diags = Vec::new();
        let config = crate::config::load(root, &Default::default(), &mut diags).expect("config");
        let theme = crate::theme::load(root, &config.theme, &mut diags);
        let opts = LoadOptions {
            known: known.map(Arc::new),
            ..LoadOptions::default()
        };
        let site = crate::content::load(root, config, theme, &opts, &mut diags);
        assert_eq!(diags, Vec::new());
        site
    }

    /// Every list item as Debug text, without its body.
    fn items_without_text(site: &Site) -> Vec<String> {
        let mut items: Vec<Item> = site.columns.iter().flat_map(|c| c.items.clone()).collect();
        for item in &mut items {
            item.source.body.clear();
        }
        items.iter().map(|i| format!("{i:?}")).collect()
    }

    #[test]
    fn a_site_loaded_with_every_item_known_is_the_site_read_from_its_files_but_for_texts() {
        let site = example(None);
        let with_attachments = site
            .columns
            .iter()
            .flat_map(|c| &c.items)
            .any(|i| !i.attachments.is_empty() && i.date.has_time);
        assert!(
            with_attachments,
            "the example has an item with attachments and a time"
        );
        let bytes = encode(&site, "ab", 7).expect("encoded");
        let known = decode(&bytes, "ab", 7).expect("decoded");
        let all = known.len();
        assert_eq!(
            all,
            site.columns.iter().map(|c| c.items.len()).sum::<usize>()
        );
        let again = example(Some(known));
        assert_eq!(items_without_text(&again), items_without_text(&site));
        // Taken, not copied: the bodies are empty.
        assert!(
            again
                .columns
                .iter()
                .flat_map(|c| &c.items)
                .all(|i| i.source.body.is_empty())
        );
    }

    #[test]
    fn only_items_whose_files_hash_as_they_did_are_taken() {
        let site = example(None);
        let bytes = encode(&site, "ab", 7).expect("encoded");
        let first = site
            .columns
            .iter()
            .flat_map(|c| &c.items)
            .next()
            .expect("an item");
        let changed = key_of(&first.source.shown);
        let hashes: HashMap<String, u128> = (site.columns.iter().flat_map(|c| &c.items))
            .map(|i| (key_of(&i.source.shown), i.source.hash))
            .collect();
        let known = decode(&bytes, "ab", 7).expect("decoded").reusable(|key| {
            hashes
                .get(key)
                .map(|h| if key == changed { h + 1 } else { *h })
        });
        assert_eq!(known.len(), hashes.len() - 1);
        assert!(known.take(&first.source.shown).is_none());
        let again = example(Some(known));
        let reread = (again.columns.iter().flat_map(|c| &c.items))
            .filter(|i| !i.source.body.is_empty())
            .map(|i| i.source.shown.clone())
            .collect::<Vec<_>>();
        assert_eq!(reread, std::slice::from_ref(&first.source.shown));
    }

    #[test]
    fn items_of_another_build_or_damaged_bytes_are_not_used() {
        let site = example(None);
        let bytes = encode(&site, "ab", 7).expect("encoded");
        assert!(decode(&bytes, "ab", 8).is_none());
        assert!(decode(&bytes, "cd", 7).is_none());
        assert!(decode(&bytes[..bytes.len() / 2], "ab", 7).is_none());
        assert!(decode(b"", "ab", 7).is_none());
        assert!(decode(&[0xff; 64], "ab", 7).is_none());
        let mut old = bytes.clone();
        old[0] = 0; // another layout's version number
        assert!(decode(&old, "ab", 7).is_none());
    }
}
