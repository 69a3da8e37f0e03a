//! A fingerprint of everything a build reads: the binary, the options, and
//! the name, size, times and identity of every file of the site and its
//! theme, following symbolic links (a linked column folder counts with the
//! files it holds). A build that finds the same fingerprint as the last successful,
//! warning-free build (recorded in the output's manifest) and every output
//! file still in place has nothing to do, and says so in milliseconds
//! instead of rendering the whole site again to learn that nothing changed.
//!
//! A fresh checkout (as in CI) gives every file a new modification time, so
//! [`inputs`] also hashes each input file's bytes: what the output's state
//! records of them tells a later build which files really changed (see
//! `output::BuildState` and `pipeline::Pipeline::run_edits`). A file the
//! last build hashed and that nobody touched since (the same size, times
//! and identity) is not read again for it. [`scan`] walks the inputs once
//! for both.

use crate::pipeline::Options as PipelineOptions;
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use walkdir::WalkDir;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Folders under the site root whose files a build reads.
const INPUT_DIRS: &[&str] = &["content", "templates", "static", "themes"];

/// A file whose modification time is this close to (or after) the moment
/// the last build began hashing is read again even when it looks the same:
/// it may have changed in the same tick of a coarse file-system clock.
const RACY: Duration = Duration::from_secs(2);

/// One input file as the walk found it.
#[derive(Debug, Clone)]
struct Found {
    /// Its [`path_key`].
    key: PathKey,
    path: PathBuf,
    /// Size, times and file identity, hashed: what says the file was not
    /// touched since it was last read.
    stamp: u64,
    modified: Duration,
}

/// One walk over everything a build reads.
#[derive(Debug, Clone)]
pub struct Scan {
    /// The fingerprint: see [`Scan::fingerprint`].
    fingerprint: String,
    /// See [`Inputs::setup`].
    setup: String,
    /// When the walk began.
    began: Duration,
    files: Vec<Found>,
}

impl Scan {
    /// The binary, the options and the name and stamp of every input file,
    /// hashed: equal to the last clean build's, nothing changed.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Walks the site's inputs, or `None` when some input could not be
/// examined (then the build simply runs, in full).
pub fn scan(opts: &PipelineOptions) -> Option<Scan> {
    let began = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    let root = opts.root.canonicalize().ok()?;
    let setup = setup(opts, &root)?;
    let mut h = Xxh3::new();
    // The setup, and the publishing day itself: a later day may let a
    // scheduled item out.
    h.write_u128(setup);
    h.write(format!("{:?}", opts.publish_until).as_bytes());
    let config = root.join(crate::config::CONFIG_FILE);
    h.write(config.as_os_str().as_encoded_bytes());
    // The names (and link targets) in the order of their bytes, then
    // every file's stamp: asked of the file system in parallel, one
    // question per file (a big site has tens of thousands), and added in
    // that order. The walk itself is not sorted: a folder of 50,000
    // notices sorts far quicker as paths afterwards than as entries.
    let mut paths = vec![config];
    for dir in INPUT_DIRS {
        let dir = root.join(dir);
        if !dir.exists() {
            h.write(b"-");
            continue;
        }
        // Symbolic links are followed, so a column folder or file that is a
        // link is fingerprinted by what it points to; a link loop is an
        // error, and then the build simply runs.
        let mut found = Vec::new();
        for entry in WalkDir::new(&dir).follow_links(true) {
            let entry = entry.ok()?;
            let target = if entry.path_is_symlink() {
                Some(std::fs::read_link(entry.path()).ok()?)
            } else {
                None
            };
            found.push((entry.file_type().is_file(), target, entry.into_path()));
        }
        found.sort_unstable_by(|a, b| {
            (a.2.as_os_str().as_encoded_bytes()).cmp(b.2.as_os_str().as_encoded_bytes())
        });
        for (is_file, target, path) in found {
            h.write(path.as_os_str().as_encoded_bytes());
            if let Some(target) = target {
                h.write(target.as_os_str().as_encoded_bytes());
            }
            if is_file {
                paths.push(path);
            }
        }
    }
    let files: Vec<Found> = paths
        .into_par_iter()
        .map(|p| found(&root, p))
        .collect::<Option<_>>()?;
    for f in &files {
        h.write_u64(f.stamp);
    }
    Some(Scan {
        fingerprint: format!("{:032x}", h.digest128()),
        setup: format!("{setup:032x}"),
        began,
        files,
    })
}

/// The binary, the site's folder and the options other than the
/// publishing day, hashed ([`Inputs::setup`]).
fn setup(opts: &PipelineOptions, root: &Path) -> Option<u128> {
    let mut h = Xxh3::new();
    // The absolute root, so two sites built into one output folder never
    // share a fingerprint.
    h.write(root.as_os_str().as_encoded_bytes());
    // The binary by name, size and time: reading it all (over 100 MB with
    // its line tables) would cost more than the rest. A binary put there
    // again since the last build makes the next one full.
    add_file(&mut h, &std::env::current_exe().ok()?)?;
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    // Whether scheduled items wait for their day, but not the day: a build
    // that recorded a state held no item back (it was clean), so a later
    // day lets none out, and an edit that holds one back changes the items.
    h.write(
        format!(
            "{:?}|{}|{}|{}",
            opts.overrides,
            opts.drafts,
            opts.minify,
            opts.publish_until.is_some()
        )
        .as_bytes(),
    );
    Some(h.digest128())
}

/// A file's stamp and key.
fn found(root: &Path, path: PathBuf) -> Option<Found> {
    let meta = std::fs::metadata(&path).ok()?;
    let stamp = stamp(&meta)?;
    Some(Found {
        key: path_key(path.strip_prefix(root).ok()?),
        stamp,
        modified: meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?,
        path,
    })
}

/// Size, modification and change times and file identity, hashed. The
/// change time cannot be set back by copying tools, so a file put back
/// with an old modification time still shows as touched.
fn stamp(meta: &std::fs::Metadata) -> Option<u64> {
    let mut h = Xxh3::new();
    h.write_u64(meta.len());
    h.write_u128(
        meta.modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        h.write_i64(meta.ctime());
        h.write_i64(meta.ctime_nsec());
        h.write_u64(meta.ino());
        h.write_u64(meta.dev());
    }
    Some(h.digest())
}

/// What the recorded state calls an input file: the hash of its path
/// under the root (`/`-separated), not the path. The record lies in the
/// output folder, which deploys copy; the name of a draft must not be
/// published with it.
pub fn path_key(rel: &Path) -> PathKey {
    let mut h = Xxh3::new();
    for (n, c) in rel.components().enumerate() {
        if n > 0 {
            h.update(b"/");
        }
        h.update(c.as_os_str().to_string_lossy().as_bytes());
    }
    h.digest128()
}

/// See [`path_key`]; written as 32 hexadecimal digits in the state.
pub type PathKey = u128;

/// An input file's bytes, hashed, with the stamp it had when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHash {
    /// Hash of the bytes.
    pub hash: u128,
    /// See [`stamp`].
    pub stamp: u64,
}

/// What a build reads, by content: `setup` stands for the binary, the
/// site's folder and the options other than the publishing day; `files`
/// holds the hash of each input file's bytes by its [`path_key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// The binary, the root and the options, hashed.
    pub setup: String,
    /// [`path_key`] → hash of the file's bytes.
    pub files: BTreeMap<PathKey, FileHash>,
    /// When the walk that found them began (since the Unix epoch).
    pub taken: Duration,
}

/// What an earlier build hashed: its files and when it began.
pub type Known<'a> = (&'a BTreeMap<PathKey, FileHash>, Duration);

/// The content hashes of every input the scan found, or `None` when some
/// input could not be read (then the build is a full one). A file whose
/// stamp is what `known` recorded, and that was last modified well before
/// that build began, is not read again: its hash is the one recorded.
/// After a fresh checkout every stamp is new and every file is read.
pub fn inputs(scan: &Scan, known: Option<Known<'_>>) -> Option<Inputs> {
    let files: Option<BTreeMap<PathKey, FileHash>> = scan
        .files
        .par_iter()
        .map(|f| {
            let same = known.and_then(|(files, began)| {
                let was = files.get(&f.key)?;
                (was.stamp == f.stamp && f.modified + RACY < began).then_some(was.hash)
            });
            let hash = match same {
                Some(hash) => hash,
                None => hash_file(&f.path)?,
            };
            Some((
                f.key,
                FileHash {
                    hash,
                    stamp: f.stamp,
                },
            ))
        })
        .collect();
    Some(Inputs {
        setup: scan.setup.clone(),
        files: files?,
        taken: scan.began,
    })
}

/// The hash of a file's bytes, read into a buffer each thread keeps.
fn hash_file(path: &Path) -> Option<u128> {
    thread_local! {
        static BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        std::fs::File::open(path).ok()?.read_to_end(buf).ok()?;
        Some(xxh3_128(buf))
    })
}

fn add_file(h: &mut Xxh3, path: &Path) -> Option<()> {
    h.write(path.as_os_str().as_encoded_bytes());
    add_meta(h, &std::fs::metadata(path).ok()?)
}

fn add_meta(h: &mut Xxh3, meta: &std::fs::Metadata) -> Option<()> {
    let modified = meta.modified().ok()?;
    let since = modified.duration_since(UNIX_EPOCH).ok()?;
    h.write_u64(meta.len());
    h.write_u128(since.as_nanos());
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    #[test]
    fn changes_when_a_file_changes_or_appears() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/a"))?;
        std::fs::write(root.join("site.yaml"), "x")?;
        std::fs::write(root.join("content/a/one.md"), "1")?;
        let opts = PipelineOptions {
            root: root.to_path_buf(),
            overrides: Overrides::default(),
            drafts: false,
            minify: true,
            publish_until: None,
        };
        let of = |opts: &PipelineOptions| scan(opts).map(|s| s.fingerprint);
        let first = of(&opts);
        assert!(first.is_some());
        assert_eq!(first, of(&opts));
        std::fs::write(root.join("content/a/one.md"), "22")?;
        let second = of(&opts);
        assert_ne!(first, second);
        std::fs::write(root.join("content/a/two.md"), "2")?;
        assert_ne!(second, of(&opts));
        let drafts = PipelineOptions {
            drafts: true,
            ..opts.clone()
        };
        assert_ne!(of(&opts), of(&drafts));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_a_loop_gives_no_fingerprint() -> std::io::Result<()> {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir()?;
        let root = tmp.path().join("site");
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::create_dir_all(root.join("content/a/deep"))?;
        std::fs::create_dir_all(&elsewhere)?;
        std::fs::write(root.join("site.yaml"), "x")?;
        std::fs::write(root.join("content/a/deep/one.md"), "1")?;
        std::fs::write(elsewhere.join("two.md"), "2")?;
        symlink(&elsewhere, root.join("content/b"))?;
        let opts = PipelineOptions {
            root: root.clone(),
            overrides: Overrides::default(),
            drafts: false,
            minify: true,
            publish_until: None,
        };
        let of = |opts: &PipelineOptions| scan(opts).map(|s| s.fingerprint);
        let first = of(&opts).expect("a fingerprint");
        // A file behind the linked folder counts.
        std::fs::write(elsewhere.join("two.md"), "22")?;
        let second = of(&opts).expect("a fingerprint");
        assert_ne!(first, second);
        let files = scan(&opts).expect("scanned").files;
        assert!(files.iter().any(|f| f.path.ends_with("content/b/two.md")));
        // A link back to a folder above it: no fingerprint (the build
        // then simply runs in full), at any depth.
        symlink(root.join("content"), root.join("content/a/deep/up"))?;
        assert!(of(&opts).is_none());
        std::fs::remove_file(root.join("content/a/deep/up"))?;
        symlink(root.join("content/a"), root.join("content/a/deep/up"))?;
        assert!(of(&opts).is_none());
        std::fs::remove_file(root.join("content/a/deep/up"))?;
        assert_eq!(of(&opts), Some(second));
        Ok(())
    }
}
