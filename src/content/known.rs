//! List items as the last complete build loaded them, kept beside its
//! manifest so that the next build after a few edits (the everyday CI case)
//! need not read and parse every other item's file again.
//!
//! A complete, clean build with the site search off writes every item of
//! the site, without its Markdown body, with the hash of the bytes it was
//! parsed from ([`Source::hash`]), to `.gongkai-items` in the output folder
//! ([`write`], [`crate::output::ITEMS`]). A later build reads it back
//! ([`decode`]) only when the state recorded in the manifest names it
//! (`known_from` of [`crate::output::BuildState`]: every build since changed
//! only list items' files, with the same setup), and takes an item from it
//! only when its file's bytes hash the same today
//! ([`KnownItems::reusable`]). Everything else an item is read with
//! (site.yaml, attachment files, the options) is then as it was.
//!
//! An item's text is never kept here: as for any list item, its page reads
//! it from the file when it is rendered ([`Source::body`]). With the search
//! on, nothing is written or taken: the index reads every text again and
//! takes far longer than reading the files.
//!
//! The file is data found in the output folder: anything that does not
//! decode, or belongs to another build, is ignored and the build reads
//! every file as always.

use super::{Attachment, Item, LinkedFile, Meta, PubDate, Source};
use crate::config::LineBreaks;
use crate::fingerprint::{PathKey, path_key};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bumped whenever the layout below changes: an older file is ignored.
const VERSION: u32 = 5;

/// Items of the last build that can be used again, each taken once (moved
/// out, not copied: a big site's items are many megabytes).
#[derive(Default)]
pub struct KnownItems {
    /// One lock each: items are taken from parallel threads, each once.
    saved: Vec<Mutex<Option<Saved<'static>>>>,
    /// [`crate::fingerprint::path_key`] of an item's source → its place in
    /// `saved`.
    index: HashMap<PathKey, usize>,
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
    pub fn reusable(mut self, hash_now: impl Fn(PathKey) -> Option<u128>) -> Self {
        let saved = &mut self.saved;
        self.index.retain(|key, at| {
            let slot = saved[*at].get_mut().unwrap_or_else(|e| e.into_inner());
            let same = slot
                .as_ref()
                .is_some_and(|s| hash_now(*key) == Some(s.hash));
            if !same {
                *slot = None;
            }
            same
        });
        self
    }

    /// Takes the item of the file whose root-relative path is `shown`, if
    /// known, with its files' paths under `root` (the site's folder as
    /// this build names it).
    pub(crate) fn take(&self, root: &Path, shown: &Path) -> Option<Item> {
        let at = *self.index.get(&path_key(shown))?;
        let saved = (self.saved.get(at)?.lock())
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        // The record names its file, byte for byte: never another's.
        (saved.shown.as_bytes() == shown.as_os_str().as_encoded_bytes())
            .then(|| saved.into_item(root))
            .flatten()
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

/// Writes every list item of `site`, read by the build with `setup` that
/// began at `taken` (nanoseconds since the Unix epoch), to `w`: a header,
/// then the items one after the other, straight from the site, so a big
/// site's items are not copied in memory first. Paths are kept relative to
/// `root` (the site's folder as this build names it), so a later build run
/// from elsewhere finds the same files and no machine's folders are
/// written down. An item path that is not UTF-8, or not under `root`,
/// fails it (no file is better than one without that item).
pub fn write(
    site: &super::Site,
    root: &Path,
    setup: &str,
    taken: u128,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let items: Vec<&Item> = site.columns.iter().flat_map(|c| &c.items).collect();
    let header = Header {
        version: VERSION,
        setup: setup.into(),
        taken,
        count: items.len() as u64,
    };
    postcard::to_io(&header, &mut *w).map_err(std::io::Error::other)?;
    // Each record after its length (four bytes, little-endian), so that
    // reading back can cut the file into records first and decode them in
    // parallel.
    let mut record = Vec::new();
    for item in items {
        let saved = Saved::of(item, root)
            .ok_or_else(|| std::io::Error::other("path not UTF-8 or outside the site"))?;
        record.clear();
        record = postcard::to_extend(&saved, record).map_err(std::io::Error::other)?;
        let len = u32::try_from(record.len()).map_err(std::io::Error::other)?;
        w.write_all(&len.to_le_bytes())?;
        w.write_all(&record)?;
    }
    Ok(())
}

/// [`write`] into memory.
#[cfg(test)]
fn encode(site: &super::Site, setup: &str, taken: u128) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    write(site, root, setup, taken, &mut bytes).ok()?;
    Some(bytes)
}

/// The items in `bytes` when they are from the build with `setup` that
/// began at `taken`; `None` otherwise.
pub fn decode(bytes: &[u8], setup: &str, taken: u128) -> Option<KnownItems> {
    let (header, mut rest) = postcard::take_from_bytes::<Header>(bytes).ok()?;
    if header.version != VERSION || header.setup != setup || header.taken != taken {
        return None;
    }
    // Room for them all at once (a big site's items are many megabytes),
    // but never more than the bytes could hold: an item takes more than
    // MIN_ITEM_BYTES.
    let count = usize::try_from(header.count).ok()?;
    let mut records = Vec::with_capacity(count.min(rest.len() / MIN_ITEM_BYTES));
    for _ in 0..count {
        let (len, after) = rest.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        records.push(after.get(..len)?);
        rest = &after[len..];
    }
    if !rest.is_empty() {
        return None;
    }
    let saved: Vec<Option<Saved<'static>>> = records
        .into_par_iter()
        .map(
            |record| match postcard::take_from_bytes::<Saved<'static>>(record) {
                Ok((item, [])) => Some(Some(item)),
                _ => None,
            },
        )
        .collect::<Option<_>>()?;
    let index = (saved.iter().enumerate())
        .filter_map(|(at, s)| Some((s.as_ref()?.key, at)))
        .collect();
    Some(KnownItems {
        saved: saved.into_iter().map(Mutex::new).collect(),
        index,
    })
}

/// Fewer bytes than any item's: its title, date, slug, page, paths and
/// hash alone take more.
const MIN_ITEM_BYTES: usize = 16;

/// What comes before the items.
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    setup: String,
    taken: u128,
    count: u64,
}

/// An [`Item`] without its body, with paths as text relative to the site's
/// folder: borrowed from the item when written, owned when read back.
#[derive(Serialize, Deserialize)]
struct Saved<'a> {
    /// [`path_key`] of `shown`, so reading the file back need not work
    /// it out for every item.
    key: PathKey,
    title: Cow<'a, str>,
    /// Year, month, day, hour, minute, second, nanosecond.
    date: (i16, i8, i8, i8, i8, i8, i32),
    has_time: bool,
    slug: Cow<'a, str>,
    slug_at: Option<(u32, u32)>,
    date_at: Option<(u32, u32)>,
    out_path: Cow<'a, str>,
    summary: Option<Cow<'a, str>>,
    meta: SavedMeta<'a>,
    attachments: Vec<SavedAttachment<'a>>,
    files: Vec<SavedFileLink<'a>>,
    draft: bool,
    aliases: Cow<'a, [(String, u32, u32)]>,
    shown: Cow<'a, str>,
    rel: Cow<'a, str>,
    body_start: usize,
    body_line: u32,
    line_breaks: Option<bool>,
    hash: u128,
}

#[derive(Serialize, Deserialize)]
struct SavedMeta<'a> {
    index_no: Option<Cow<'a, str>>,
    doc_no: Option<Cow<'a, str>>,
    publisher: Cow<'a, str>,
    written: Option<Cow<'a, str>>,
    topic: Option<Cow<'a, str>>,
    validity: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct SavedAttachment<'a> {
    number: usize,
    title: Cow<'a, str>,
    file_name: Cow<'a, str>,
    file_type: Cow<'a, str>,
    size: u64,
    source: Cow<'a, str>,
    out_path: Cow<'a, str>,
    line: u32,
}

#[derive(Serialize, Deserialize)]
struct SavedFileLink<'a> {
    rel: Cow<'a, str>,
    source: Cow<'a, str>,
    out_path: Cow<'a, str>,
    at: (u32, u32),
}

/// Borrowed text.
fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Borrowed optional text.
fn ob(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

/// Owned optional text.
fn oo(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

impl<'a> Saved<'a> {
    /// `None` for an item with a path that is not UTF-8 or not under `root`.
    fn of(item: &'a Item, root: &Path) -> Option<Self> {
        let under = |p: &'a Path| Some(b(p.strip_prefix(root).ok()?.to_str()?));
        let attachments = item
            .attachments
            .iter()
            .map(|a| {
                Some(SavedAttachment {
                    number: a.number,
                    title: b(&a.title),
                    file_name: b(&a.file_name),
                    file_type: b(&a.file_type),
                    size: a.size,
                    source: under(&a.source)?,
                    out_path: b(&a.out_path),
                    line: a.line,
                })
            })
            .collect::<Option<_>>()?;
        let files = item
            .files
            .iter()
            .map(|f| {
                Some(SavedFileLink {
                    rel: b(&f.rel),
                    source: under(&f.source)?,
                    out_path: b(&f.out_path),
                    at: f.at,
                })
            })
            .collect::<Option<_>>()?;
        let m = &item.meta;
        let at = &item.date.at;
        let shown = under(&item.source.path)?;
        Some(Self {
            key: path_key(Path::new(&*shown)),
            title: b(&item.title),
            date: (
                at.year(),
                at.month(),
                at.day(),
                at.hour(),
                at.minute(),
                at.second(),
                at.subsec_nanosecond(),
            ),
            has_time: item.date.has_time,
            slug: b(&item.slug),
            slug_at: item.slug_at,
            date_at: item.date_at,
            out_path: b(&item.out_path),
            summary: ob(&item.summary),
            meta: SavedMeta {
                index_no: ob(&m.index_no),
                doc_no: ob(&m.doc_no),
                publisher: b(&m.publisher),
                written: ob(&m.written),
                topic: ob(&m.topic),
                validity: ob(&m.validity),
            },
            attachments,
            files,
            draft: item.draft,
            aliases: Cow::Borrowed(&item.aliases),
            shown,
            rel: b(&item.source.rel),
            body_start: item.source.body_start,
            body_line: item.source.body_line,
            line_breaks: item.source.line_breaks.map(|l| l == LineBreaks::Paragraph),
            hash: item.source.hash,
        })
    }

    /// The item, its files' paths under `root`.
    fn into_item(self, root: &Path) -> Option<Item> {
        let m = self.meta;
        Some(Item {
            title: self.title.into_owned(),
            date: PubDate {
                at: {
                    let (y, mo, d, h, mi, s, ns) = self.date;
                    jiff::civil::DateTime::new(y, mo, d, h, mi, s, ns).ok()?
                },
                has_time: self.has_time,
            },
            slug: self.slug.into_owned(),
            slug_at: self.slug_at,
            date_at: self.date_at,
            out_path: self.out_path.into_owned(),
            summary: oo(self.summary),
            meta: Meta {
                index_no: oo(m.index_no),
                doc_no: oo(m.doc_no),
                publisher: m.publisher.into_owned(),
                written: oo(m.written),
                topic: oo(m.topic),
                validity: oo(m.validity),
            },
            attachments: self
                .attachments
                .into_iter()
                .map(|a| Attachment {
                    number: a.number,
                    title: a.title.into_owned(),
                    file_name: a.file_name.into_owned(),
                    file_type: a.file_type.into_owned(),
                    size: a.size,
                    source: root.join(&*a.source),
                    out_path: a.out_path.into_owned(),
                    line: a.line,
                })
                .collect(),
            files: self
                .files
                .into_iter()
                .map(|f| LinkedFile {
                    rel: f.rel.into_owned(),
                    source: root.join(&*f.source),
                    out_path: f.out_path.into_owned(),
                    at: f.at,
                })
                .collect(),
            draft: self.draft,
            aliases: self.aliases.into_owned(),
            source: Source {
                path: root.join(&*self.shown),
                shown: PathBuf::from(self.shown.into_owned()),
                rel: self.rel.into_owned(),
                held: None,
                body_start: self.body_start,
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

    /// Every list item as Debug text.
    fn items(site: &Site) -> Vec<String> {
        (site.columns.iter().flat_map(|c| &c.items))
            .map(|i| format!("{i:?}"))
            .collect()
    }

    #[test]
    fn a_site_loaded_with_every_item_known_is_the_site_read_from_its_files() {
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
        assert_eq!(items(&again), items(&site));
        // Their texts are read from their files when wanted.
        for item in again.columns.iter().flat_map(|c| &c.items) {
            assert!(item.source.body().is_ok_and(|b| !b.is_empty()));
        }
    }

    #[test]
    fn a_record_filed_under_another_files_key_is_not_taken() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = example(None);
        let bytes = encode(&site, "ab", 7).expect("encoded");
        let mut known = decode(&bytes, "ab", 7).expect("decoded");
        let mut all = site.columns.iter().flat_map(|c| &c.items);
        let (first, second) = (all.next().expect("one"), all.next().expect("two"));
        // The first file's key leads to the second file's record.
        let at = known.index[&path_key(&second.source.shown)];
        known.index.insert(path_key(&first.source.shown), at);
        assert!(known.take(root, &first.source.shown).is_none());
    }

    #[test]
    fn only_items_whose_files_hash_as_they_did_are_taken() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = example(None);
        let bytes = encode(&site, "ab", 7).expect("encoded");
        let first = site
            .columns
            .iter()
            .flat_map(|c| &c.items)
            .next()
            .expect("an item");
        let changed = path_key(&first.source.shown);
        let hashes: HashMap<PathKey, u128> = (site.columns.iter().flat_map(|c| &c.items))
            .map(|i| (path_key(&i.source.shown), i.source.hash))
            .collect();
        let known = decode(&bytes, "ab", 7).expect("decoded").reusable(|key| {
            hashes
                .get(&key)
                .map(|h| if key == changed { h + 1 } else { *h })
        });
        assert_eq!(known.len(), hashes.len() - 1);
        assert!(known.take(root, &first.source.shown).is_none());
        let second = site.columns.iter().flat_map(|c| &c.items).nth(1);
        let second = second.expect("two items");
        assert!(known.take(root, &second.source.shown).is_some());
        // Taken once.
        assert!(known.take(root, &second.source.shown).is_none());
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
