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
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Bumped whenever the layout below changes: an older file is ignored.
const VERSION: u32 = 6;

/// Items of the last build that can be used again, each taken once.
///
/// The file's bytes are kept as read and a record is decoded only when its
/// item is taken, straight into the item: a big site's items are many
/// megabytes, and decoding them all first would hold each one twice.
#[derive(Default)]
pub struct KnownItems {
    bytes: Vec<u8>,
    records: Vec<Record>,
    /// [`crate::fingerprint::path_key`] of an item's source → its place in
    /// `records`.
    index: HashMap<PathKey, usize>,
}

/// Where one item's record lies in the file's bytes.
struct Record {
    /// Its [`Saved`] part: `bytes[start..end]`.
    start: usize,
    end: usize,
    /// [`Source::hash`] of the bytes the item was parsed from.
    hash: u128,
    /// Set once the item is taken (items are taken from parallel threads).
    taken: AtomicBool,
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
        let records = &self.records;
        self.index.retain(|key, at| {
            records
                .get(*at)
                .is_some_and(|r| hash_now(*key) == Some(r.hash))
        });
        self
    }

    /// Takes the item of the file whose root-relative path is `shown`, if
    /// known, with its files' paths under `root` (the site's folder as
    /// this build names it).
    pub(crate) fn take(&self, root: &Path, shown: &Path) -> Option<Item> {
        let record = self.records.get(*self.index.get(&path_key(shown))?)?;
        if record.taken.swap(true, Ordering::Relaxed) {
            return None;
        }
        let bytes = self.bytes.get(record.start..record.end)?;
        let saved = match postcard::take_from_bytes::<Saved<'_>>(bytes) {
            Ok((saved, [])) => saved,
            _ => return None,
        };
        // The record names its file, byte for byte: never another's.
        (saved.shown.as_bytes() == shown.as_os_str().as_encoded_bytes())
            .then(|| saved.into_item(root, record.hash))
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
/// site's items are not copied in memory first, then the hash of all the
/// bytes before it. Paths are kept relative to `root` (the site's folder as
/// this build names it), so a later build run from elsewhere finds the
/// same files and no machine's folders are written down. An item path that
/// is not UTF-8, or not under `root`, fails it (no file is better than one
/// without that item).
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
    let mut all = Xxh3::new();
    let header = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
    all.update(&header);
    w.write_all(&header)?;
    // Each record after its length (four bytes, little-endian), so that
    // reading back can find every record without decoding any; a record
    // begins with its file's key and hash (sixteen bytes each,
    // little-endian), so that finding the items still usable needs no
    // decoding either.
    let mut record = Vec::new();
    for item in items {
        let saved = Saved::of(item, root)
            .ok_or_else(|| std::io::Error::other("path not UTF-8 or outside the site"))?;
        record.clear();
        let len = u32::try_from(RECORD_HEAD).map_err(std::io::Error::other)?;
        record.extend_from_slice(&len.to_le_bytes());
        record.extend_from_slice(&path_key(Path::new(saved.shown)).to_le_bytes());
        record.extend_from_slice(&item.source.hash.to_le_bytes());
        record = postcard::to_extend(&saved, record).map_err(std::io::Error::other)?;
        let len = u32::try_from(record.len() - 4).map_err(std::io::Error::other)?;
        record[..4].copy_from_slice(&len.to_le_bytes());
        all.update(&record);
        w.write_all(&record)?;
    }
    w.write_all(&all.digest128().to_le_bytes())
}

/// [`write`] into memory.
#[cfg(test)]
fn encode(site: &super::Site, setup: &str, taken: u128) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    write(site, root, setup, taken, &mut bytes).ok()?;
    Some(bytes)
}

/// The items in `bytes` (the file as [`write`] wrote it) when they are
/// from the build with `setup` that began at `taken`, and whole; `None`
/// otherwise.
pub fn decode(bytes: Vec<u8>, setup: &str, taken: u128) -> Option<KnownItems> {
    let (header, rest) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
    if header.version != VERSION || header.setup != setup || header.taken != taken {
        return None;
    }
    // The file's bytes hash as they did when written: a damaged file is
    // not used at all.
    let (records_bytes, _) = rest.split_last_chunk::<16>()?;
    let (whole, sum) = bytes.split_last_chunk::<16>()?;
    if xxh3_128(whole) != u128::from_le_bytes(*sum) {
        return None;
    }
    let first = bytes.len() - rest.len();
    // Room for them all at once, but never more than the bytes could hold:
    // a record takes more than MIN_ITEM_BYTES.
    let count = usize::try_from(header.count).ok()?;
    let mut records = Vec::with_capacity(count.min(records_bytes.len() / MIN_ITEM_BYTES));
    let mut index = HashMap::with_capacity(records.capacity());
    let mut at: usize = 0;
    for _ in 0..count {
        let len = records_bytes.get(at..at.checked_add(4)?)?;
        let len = usize::try_from(u32::from_le_bytes(len.try_into().ok()?)).ok()?;
        let end = at.checked_add(4)?.checked_add(len)?;
        let record = records_bytes.get(at + 4..end)?;
        let key = u128::from_le_bytes(record.get(..16)?.try_into().ok()?);
        let hash = u128::from_le_bytes(record.get(16..32)?.try_into().ok()?);
        index.insert(key, records.len());
        records.push(Record {
            start: first + at + 4 + RECORD_HEAD,
            end: first + end,
            hash,
            taken: AtomicBool::new(false),
        });
        at = end;
    }
    if at != records_bytes.len() {
        return None;
    }
    Some(KnownItems {
        bytes,
        records,
        index,
    })
}

/// A record's key and hash, before its [`Saved`] part.
const RECORD_HEAD: usize = 32;

/// Fewer bytes than any record's with its length: its key and hash alone
/// take 36.
const MIN_ITEM_BYTES: usize = 36;

/// What comes before the items.
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    setup: String,
    taken: u128,
    count: u64,
}

/// An [`Item`] without its body, with paths as text relative to the site's
/// folder: borrowed from the item when written, from the file's bytes when
/// read back.
#[derive(Serialize, Deserialize)]
struct Saved<'a> {
    title: &'a str,
    /// Year, month, day, hour, minute, second, nanosecond.
    date: (i16, i8, i8, i8, i8, i8, i32),
    has_time: bool,
    slug: &'a str,
    slug_at: Option<(u32, u32)>,
    date_at: Option<(u32, u32)>,
    out_path: &'a str,
    summary: Option<&'a str>,
    #[serde(borrow)]
    meta: SavedMeta<'a>,
    #[serde(borrow)]
    attachments: Vec<SavedAttachment<'a>>,
    #[serde(borrow)]
    files: Vec<SavedFileLink<'a>>,
    draft: bool,
    aliases: Cow<'a, [(String, u32, u32)]>,
    shown: &'a str,
    rel: &'a str,
    body_start: usize,
    body_line: u32,
    line_breaks: Option<bool>,
}

#[derive(Serialize, Deserialize)]
struct SavedMeta<'a> {
    index_no: Option<&'a str>,
    doc_no: Option<&'a str>,
    publisher: &'a str,
    written: Option<&'a str>,
    topic: Option<&'a str>,
    validity: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
struct SavedAttachment<'a> {
    number: usize,
    title: &'a str,
    file_name: &'a str,
    file_type: &'a str,
    size: u64,
    source: &'a str,
    out_path: &'a str,
    line: u32,
}

#[derive(Serialize, Deserialize)]
struct SavedFileLink<'a> {
    rel: &'a str,
    source: &'a str,
    out_path: &'a str,
    at: (u32, u32),
}

/// Owned optional text.
fn oo(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

impl<'a> Saved<'a> {
    /// `None` for an item with a path that is not UTF-8 or not under `root`.
    fn of(item: &'a Item, root: &Path) -> Option<Self> {
        let under = |p: &'a Path| p.strip_prefix(root).ok()?.to_str();
        let attachments = item
            .attachments
            .iter()
            .map(|a| {
                Some(SavedAttachment {
                    number: a.number,
                    title: &a.title,
                    file_name: &a.file_name,
                    file_type: &a.file_type,
                    size: a.size,
                    source: under(&a.source)?,
                    out_path: &a.out_path,
                    line: a.line,
                })
            })
            .collect::<Option<_>>()?;
        let files = item
            .files
            .iter()
            .map(|f| {
                Some(SavedFileLink {
                    rel: &f.rel,
                    source: under(&f.source)?,
                    out_path: &f.out_path,
                    at: f.at,
                })
            })
            .collect::<Option<_>>()?;
        let m = &item.meta;
        let at = &item.date.at;
        let shown = under(&item.source.path)?;
        Some(Self {
            title: &item.title,
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
            slug: &item.slug,
            slug_at: item.slug_at,
            date_at: item.date_at,
            out_path: &item.out_path,
            summary: item.summary.as_deref(),
            meta: SavedMeta {
                index_no: m.index_no.as_deref(),
                doc_no: m.doc_no.as_deref(),
                publisher: &m.publisher,
                written: m.written.as_deref(),
                topic: m.topic.as_deref(),
                validity: m.validity.as_deref(),
            },
            attachments,
            files,
            draft: item.draft,
            aliases: Cow::Borrowed(&item.aliases),
            shown,
            rel: &item.source.rel,
            body_start: item.source.body_start,
            body_line: item.source.body_line,
            line_breaks: item.source.line_breaks.map(|l| l == LineBreaks::Paragraph),
        })
    }

    /// The item, its files' paths under `root`.
    fn into_item(self, root: &Path, hash: u128) -> Option<Item> {
        let m = self.meta;
        Some(Item {
            title: self.title.to_string(),
            date: PubDate {
                at: {
                    let (y, mo, d, h, mi, s, ns) = self.date;
                    jiff::civil::DateTime::new(y, mo, d, h, mi, s, ns).ok()?
                },
                has_time: self.has_time,
            },
            slug: self.slug.to_string(),
            slug_at: self.slug_at,
            date_at: self.date_at,
            out_path: self.out_path.to_string(),
            summary: oo(self.summary),
            meta: Meta {
                index_no: oo(m.index_no),
                doc_no: oo(m.doc_no),
                publisher: m.publisher.to_string(),
                written: oo(m.written),
                topic: oo(m.topic),
                validity: oo(m.validity),
            },
            attachments: self
                .attachments
                .into_iter()
                .map(|a| Attachment {
                    number: a.number,
                    title: a.title.to_string(),
                    file_name: a.file_name.to_string(),
                    file_type: a.file_type.to_string(),
                    size: a.size,
                    source: root.join(a.source),
                    out_path: a.out_path.to_string(),
                    line: a.line,
                })
                .collect(),
            files: self
                .files
                .into_iter()
                .map(|f| LinkedFile {
                    rel: f.rel.to_string(),
                    source: root.join(f.source),
                    out_path: f.out_path.to_string(),
                    at: f.at,
                })
                .collect(),
            draft: self.draft,
            aliases: self.aliases.into_owned(),
            source: Source {
                path: root.join(self.shown),
                shown: PathBuf::from(self.shown),
                rel: self.rel.to_string(),
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
                hash,
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
        let known = decode(bytes.clone(), "ab", 7).expect("decoded");
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
        let mut known = decode(bytes.clone(), "ab", 7).expect("decoded");
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
        let known = decode(bytes.clone(), "ab", 7)
            .expect("decoded")
            .reusable(|key| {
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
        assert!(decode(bytes.clone(), "ab", 8).is_none());
        assert!(decode(bytes.clone(), "cd", 7).is_none());
        assert!(decode(bytes[..bytes.len() / 2].to_vec(), "ab", 7).is_none());
        assert!(decode(Vec::new(), "ab", 7).is_none());
        assert!(decode(vec![0xff; 64], "ab", 7).is_none());
        // One byte changed inside an item's record.
        let mut damaged = bytes.clone();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 1;
        assert!(decode(damaged, "ab", 7).is_none());
        let mut old = bytes.clone();
        old[0] = 0; // another layout's version number
        assert!(decode(old, "ab", 7).is_none());
    }
}
