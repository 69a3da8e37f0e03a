//! A fingerprint of everything a build reads: the binary, the options, and
//! the name, size and modification time of every file of the site and its
//! theme, following symbolic links (a linked column folder counts with the
//! files it holds). A build that finds the same fingerprint as the last successful,
//! warning-free build (recorded in the output's manifest) and every output
//! file still in place has nothing to do, and says so in milliseconds
//! instead of rendering the whole site again to learn that nothing changed.
//!
//! A fresh checkout (as in CI) gives every file a new modification time, so
//! [`inputs`] also hashes each input file's bytes: what the output's state
//! records of them tells a later build which files really changed (see
//! `output::BuildState` and `pipeline::Pipeline::run_edits`).

use crate::pipeline::Options as PipelineOptions;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::Path;
use walkdir::WalkDir;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Folders under the site root whose files a build reads.
const INPUT_DIRS: &[&str] = &["content", "templates", "static", "themes"];

/// The fingerprint of a build with `opts`, or `None` when some input could
/// not be examined (then the build simply runs).
pub fn of(opts: &PipelineOptions) -> Option<String> {
    let mut h = Xxh3::new();
    // The absolute root, so two sites built into one output folder never
    // share a fingerprint.
    h.write(
        opts.root
            .canonicalize()
            .ok()?
            .as_os_str()
            .as_encoded_bytes(),
    );
    let exe = std::env::current_exe().ok()?;
    add_file(&mut h, &exe)?;
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    h.write(
        format!(
            "{:?}|{}|{}|{:?}",
            opts.overrides, opts.drafts, opts.minify, opts.publish_until
        )
        .as_bytes(),
    );
    add_file(&mut h, &opts.root.join(crate::config::CONFIG_FILE))?;
    for dir in INPUT_DIRS {
        let dir = opts.root.join(dir);
        if !dir.exists() {
            h.write(b"-");
            continue;
        }
        // Symbolic links are followed, so a column folder or file that is a
        // link is fingerprinted by what it points to; a link loop is an
        // error, and then the build simply runs.
        for entry in WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
            let entry = entry.ok()?;
            h.write(entry.path().as_os_str().as_encoded_bytes());
            if entry.path_is_symlink() {
                let target = std::fs::read_link(entry.path()).ok()?;
                h.write(target.as_os_str().as_encoded_bytes());
            }
            if entry.file_type().is_file() {
                add_meta(&mut h, &entry.metadata().ok()?)?;
            }
        }
    }
    Some(format!("{:032x}", h.digest128()))
}

/// What a build reads, by content: `setup` stands for the binary, the
/// site's folder and the options other than the publishing day; `files` holds the hash of each input file's bytes by
/// its path under the site root (`/`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// The binary, the root and the options, hashed.
    pub setup: String,
    /// Path under the root → hash of the file's bytes.
    pub files: BTreeMap<String, u128>,
}

/// The content hashes of every input of a build with `opts`, or `None`
/// when some input could not be read (then the build is a full one).
pub fn inputs(opts: &PipelineOptions) -> Option<Inputs> {
    let root = opts.root.canonicalize().ok()?;
    let mut h = Xxh3::new();
    h.write(root.as_os_str().as_encoded_bytes());
    // The binary by name, size and time, as in [`of`]: reading it all (over
    // 100 MB with its line tables) would cost more than the rest. A binary
    // put there again since the last build makes the next one full.
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
    let mut paths = vec![root.join(crate::config::CONFIG_FILE)];
    for dir in INPUT_DIRS {
        let dir = root.join(dir);
        if !dir.exists() {
            continue;
        }
        for entry in WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
            let entry = entry.ok()?;
            if entry.file_type().is_file() {
                paths.push(entry.into_path());
            }
        }
    }
    let files: Option<BTreeMap<String, u128>> = paths
        .par_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).ok()?;
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some((rel.join("/"), xxh3_128(&std::fs::read(p).ok()?)))
        })
        .collect();
    Some(Inputs {
        setup: format!("{:032x}", h.digest128()),
        files: files?,
    })
}

fn add_file(h: &mut Xxh3, path: &Path) -> Option<()> {
    h.write(path.as_os_str().as_encoded_bytes());
    add_meta(h, &std::fs::metadata(path).ok()?)
}

fn add_meta(h: &mut Xxh3, meta: &std::fs::Metadata) -> Option<()> {
    let modified = meta.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
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
}
