//! The commit of a staged build, in an order that keeps the folder usable
//! and recoverable whenever the process dies:
//! 1. the manifest lists every file of the old and the new build, without a
//!    fingerprint, so whatever is on disk afterwards is known to the next
//!    build (which then removes what it no longer has);
//! 2. staged files are renamed into place in [`commit_rank`] order: files
//!    that pages link to before the pages, list and index pages last;
//! 3. stale files (the old build's, not the new one's) are removed;
//! 4. the kept list items (`.gongkai-items`) are put in place, left, or
//!    removed, as the new state says; then the manifest of the new build,
//!    with its fingerprint, is written last (a build of a few edits adds
//!    what it changed to the manifest, then puts the fingerprint in its
//!    first line: [`append_changes`]).
//!
//! Also here: [`sweep`], which removes the temporary files a killed build
//! left, and the removal of staged and stale files, which never leaves the
//! output folder.

use super::stager::{Staged, Stager};
use super::{OutputError, WriteStats, is_leftover, manifest};
use crate::fsx::{self, IoError};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Where a file comes in the commit: lower ranks are renamed into place
/// first. Files that are not pages (styles, attachments, report downloads)
/// come first, then pages other than `index.html` (item pages, `404.html`),
/// then `index.html` pages (list pages, column pages, the home page), then
/// XML (feeds and sitemaps, which list pages); within each, deeper paths
/// first, so the home page `index.html` is the last page. A link from a
/// page to a new file therefore works from the moment the page is
/// published, except between pages of one rank (an item page's link to
/// its neighbour).
pub fn commit_rank(path: &str) -> (u8, std::cmp::Reverse<usize>) {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let tier = match ext.as_str() {
        "html" | "htm" if name == "index.html" => 2,
        "html" | "htm" => 1,
        "xml" => 3,
        _ => 0,
    };
    (tier, std::cmp::Reverse(path.matches('/').count()))
}

pub(super) fn commit(
    stager: &Stager,
    staged: Staged,
    fingerprint: Option<&str>,
) -> Result<WriteStats, OutputError> {
    let out = stager.out();
    let Staged {
        entries: staged_entries,
        mut pending,
        ..
    } = staged;
    // Borrowed, not copied: a big site has a hundred thousand files.
    let old = &stager.old_manifest().entries;
    let mut entries: Vec<(&str, u128, u64)> = (staged_entries.iter())
        .map(|(p, h, s)| (p.as_str(), *h, *s))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let (kept, mut stale) = old_files(stager, &entries);
    entries = merge(entries, kept);
    stale.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // 1. Everything that may be on disk from here on is in the manifest.
    // The manifest written when the build began lists the old files (and
    // stale ones are old, kept ones too): unless a file is new, it says
    // that already.
    let new_files = (staged_entries.iter()).any(|(p, _, _)| !old.contains_key(p));
    if new_files {
        let mut journal = entries.clone();
        journal.extend(stale.iter().copied());
        journal.sort_unstable_by(|a, b| a.0.cmp(b.0));
        if let Err(e) = stager.write_manifest(None, None, &journal) {
            remove_staged(out, &pending);
            return Err(e.into());
        }
    }
    // 2. Renames, rank by rank; those of one rank in parallel. Each file
    // replaced is kept under a second name until all are in place, so a
    // rename that fails (a folder or a locked file where a page goes) puts
    // the folder back as it was instead of leaving it half new.
    pending.sort_by_cached_key(|(path, _, _)| (commit_rank(path), path.clone()));
    let written = pending.len();
    let backups = back_up(&pending);
    let mut start = 0;
    while start < pending.len() {
        let rank = commit_rank(&pending[start].0);
        let n = pending[start..]
            .iter()
            .take_while(|(p, _, _)| commit_rank(p) == rank)
            .count();
        let group = &pending[start..start + n];
        let results: Vec<Result<(), IoError>> = group
            .par_iter()
            .map(|(_, from, to)| {
                std::fs::rename(from, to).map_err(|e| IoError::new("failed to replace", to, e))
            })
            .collect();
        let ok: Vec<bool> = results.iter().map(Result::is_ok).collect();
        if let Some(error) = results.into_iter().find_map(Result::err) {
            let renamed: Vec<bool> = (0..pending.len())
                .map(|i| i < start || (i < start + n && ok[i - start]))
                .collect();
            put_back(stager, &pending, &backups, &renamed);
            return Err(error.into());
        }
        start += n;
    }
    drop_backups(&backups);
    // 3. Stale files.
    let stale_paths: Vec<&str> = stale.iter().map(|(p, _, _)| *p).collect();
    let removed = remove_stale(out, &stale_paths)?;
    // 4. The list items kept for the next build, which the state of the
    // new manifest names (a file it does not name is not used), then the
    // new manifest, and only now the fingerprint.
    let items = out.join(super::ITEMS);
    match stager.items() {
        Some(Some(temp)) => std::fs::rename(temp, &items)
            .map_err(|e| IoError::new("failed to replace", &items, e))?,
        Some(None) => {}
        // An old file that stays would match no state: harmless.
        None => {
            let _ = std::fs::remove_file(&items);
        }
    }
    let total = entries.len();
    // A build of a few edits into the manifest it marked adds what changed
    // at its end; any other writes it whole.
    let appended = !new_files
        && fingerprint.is_some_and(|fp| append_changes(stager, fp, &staged_entries, &stale));
    if !appended {
        stager.write_manifest(fingerprint, stager.state(), &entries)?;
    }
    Ok(WriteStats {
        total,
        written,
        removed,
        warnings: Vec::new(),
    })
}

type Entry<'a> = (&'a str, u128, u64);

/// Adds to the manifest this build marked unfinished the lines that make it
/// this build's ([`manifest::append`]): the state's changes, the files
/// written or changed, the files gone. False, with nothing written, when
/// that is not possible (no state, another setup, other inputs or items,
/// a manifest this build did not mark, or one with lines it ignored) or
/// no longer worth it: all lines
/// ever added stay within a sixteenth of the manifest, so reading it stays
/// as quick as reading a whole one.
fn append_changes(
    stager: &Stager,
    fingerprint: &str,
    staged: &[(String, u128, u64)],
    stale: &[Entry<'_>],
) -> bool {
    let old = stager.old_manifest();
    let (Some(now), Some(was)) = (stager.state(), old.state.as_deref()) else {
        return false;
    };
    if !stager.marked() || !old.warnings.is_empty() {
        return false;
    }
    // Given up as soon as the lines would pass the limit: a full build
    // that changed every page is not written out twice.
    let room = (old.bytes / 16).saturating_sub(old.appended);
    let mut text = String::new();
    if old.appended == 0 {
        text.push_str(manifest::APPENDED);
    }
    if !super::state::render_changes(was, now, &mut text) || text.len() > room {
        return false;
    }
    for (path, hash, size) in staged {
        if old.entries.get(path.as_str()) != Some(&(*hash, *size)) {
            manifest::push_entry(&mut text, path, *hash, *size);
            if text.len() > room {
                return false;
            }
        }
    }
    for (path, _, _) in stale {
        manifest::push_gone(&mut text, path);
    }
    text.len() <= room && manifest::append(stager.out(), old, fingerprint, &text)
}

/// The old build's files that the new one did not stage, as (kept, stale):
/// a build of some edits keeps what it did not render, except in the
/// folders it made whole. `staged` is sorted by path. The old manifest's
/// entries come in the order of its lines, sorted by path as written, so
/// the two are merged without hashing every path; a manifest whose lines
/// are out of order is handled too, by lookups.
fn old_files<'a>(stager: &'a Stager, staged: &[Entry<'a>]) -> (Vec<Entry<'a>>, Vec<Entry<'a>>) {
    let old = &stager.old_manifest().entries;
    let sorted = old.keys().is_sorted();
    let lookup: HashSet<&str> = if sorted {
        HashSet::new()
    } else {
        staged.iter().map(|e| e.0).collect()
    };
    let (mut kept, mut stale) = (Vec::with_capacity(old.len()), Vec::new());
    let mut next = 0;
    for (p, (h, s)) in old {
        let p = p.as_str();
        let is_staged = if sorted {
            while staged.get(next).is_some_and(|e| e.0 < p) {
                next += 1;
            }
            staged.get(next).is_some_and(|e| e.0 == p)
        } else {
            lookup.contains(p)
        };
        if is_staged {
            continue;
        }
        let keep = stager
            .kept()
            .is_some_and(|rebuilt| !rebuilt.iter().any(|dir| p.starts_with(dir.as_str())));
        if keep {
            kept.push((p, *h, *s));
        } else {
            stale.push((p, *h, *s));
        }
    }
    if !sorted {
        kept.sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    (kept, stale)
}

/// Two lists sorted by path, with no path in both, as one sorted list.
fn merge<'a>(a: Vec<Entry<'a>>, b: Vec<Entry<'a>>) -> Vec<Entry<'a>> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.0 <= y.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

/// What a file about to be replaced was before the commit.
enum Before {
    /// Nothing was there: the file is new.
    Nothing,
    /// It is kept under this second name (a hard link) until the commit
    /// is over.
    Kept(PathBuf),
    /// Something was there that could not be kept (a folder, or a file
    /// system without hard links): it cannot be put back.
    Lost,
}

/// A second name for each file the renames of `pending` will replace.
fn back_up(pending: &[(String, PathBuf, PathBuf)]) -> Vec<Before> {
    pending
        .par_iter()
        .map(|(_, _, to)| match std::fs::symlink_metadata(to) {
            Err(_) => Before::Nothing,
            Ok(m) if m.is_dir() => Before::Lost,
            Ok(_) => {
                let name = to
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let kept = to.with_file_name(format!(".{name}.gongkai-old"));
                let _ = std::fs::remove_file(&kept);
                match std::fs::hard_link(to, &kept) {
                    Ok(()) => Before::Kept(kept),
                    Err(_) => Before::Lost,
                }
            }
        })
        .collect()
}

fn drop_backups(backups: &[Before]) {
    backups.par_iter().for_each(|b| {
        if let Before::Kept(kept) = b {
            let _ = std::fs::remove_file(kept);
        }
    });
}

/// After a rename failed: every file renamed into place (`renamed`) gets
/// its old bytes back, or goes when it was new; the staged files that were
/// not renamed are removed and the old manifest is put back.
fn put_back(
    stager: &Stager,
    pending: &[(String, PathBuf, PathBuf)],
    backups: &[Before],
    renamed: &[bool],
) {
    let mut not_renamed = Vec::new();
    for (i, entry) in pending.iter().enumerate() {
        let (_, _, to) = entry;
        if !renamed[i] {
            not_renamed.push(entry.clone());
            continue;
        }
        match &backups[i] {
            Before::Kept(kept) => {
                let _ = std::fs::rename(kept, to);
            }
            Before::Nothing => {
                let _ = std::fs::remove_file(to);
                // Its folder too, when it was made for it alone.
                not_renamed.push(entry.clone());
            }
            Before::Lost => {}
        }
    }
    drop_backups(backups);
    stager.undo(&not_renamed);
}

/// Removes staged files that are still there, and the folders made for
/// them alone.
/// True when none is left.
pub(super) fn remove_staged(out: &Path, pending: &[(String, PathBuf, PathBuf)]) -> bool {
    let mut all_gone = true;
    for (_, staged, target) in pending {
        all_gone &= std::fs::remove_file(staged).is_ok() || !staged.exists();
        // A folder made for this build alone goes too; one that holds
        // published files is not empty, and stays.
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    all_gone
}

/// Removes files the last build wrote that this one does not have, and the
/// folders they leave empty; never a path outside `out` or through a
/// symbolic link. Returns how many files went.
fn remove_stale(out: &Path, stale: &[&str]) -> Result<usize, IoError> {
    let mut removed = 0;
    let mut dirs = BTreeSet::new();
    for path in stale {
        if !manifest::is_inside(path) || through_symlink(out, path) {
            continue;
        }
        let target = out.join(path);
        if std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir()) {
            fsx::remove_file(&target)?;
            removed += 1;
        }
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            dirs.insert(d.to_path_buf());
            dir = d.parent();
        }
    }
    // Deepest first, so emptied parents go too; a folder with other files
    // in it stays.
    for d in dirs.iter().rev() {
        let _ = std::fs::remove_dir(d);
    }
    Ok(removed)
}

/// True when a folder between `out` and `out/rel` is a symbolic link: a
/// path through it could lead outside the output folder, so nothing there
/// is removed.
fn through_symlink(out: &Path, rel: &str) -> bool {
    Path::new(rel)
        .parent()
        .is_some_and(|dir| link_among(out, dir).is_some())
}

/// The first of the folders `out/dir` passes through below `out` (`dir`
/// itself included) that is a symbolic link; `None` when there is none.
/// Folders not there yet hold no link.
pub(super) fn link_among(out: &Path, dir: &Path) -> Option<PathBuf> {
    let mut at = out.to_path_buf();
    for part in dir.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Some(at),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// Removes the temporary files (`.name.gongkai-new`, `.name.gongkai-tmp`)
/// a build that was killed left anywhere in `out`, and folders that held
/// only those, so a deploy of the folder never publishes them. Symbolic
/// links are not followed. The caller holds the folder's [`super::Lock`].
/// Returns how many files went.
///
/// A build takes the fingerprint from the manifest before it stages its
/// first file and records one only once every staged file is in place, so
/// when the manifest begins with a fingerprint no build stopped halfway
/// and only the folder itself is looked at (where the manifest's own
/// temporary file would be): a big site's folder holds a hundred thousand
/// files, and listing them all on every build would cost more than an
/// edit's rebuild.
pub fn sweep(out: &Path) -> Result<usize, IoError> {
    if !out.is_dir() {
        return Ok(0);
    }
    let depth = if manifest::finished(out) {
        1
    } else {
        usize::MAX
    };
    let mut removed = 0;
    let mut dirs = BTreeSet::new();
    for entry in WalkDir::new(out).min_depth(1).max_depth(depth) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(out).to_path_buf();
            IoError::new("failed to list", &path, e.into())
        })?;
        let leftover = is_leftover(&entry.file_name().to_string_lossy());
        if leftover && !entry.file_type().is_dir() {
            fsx::remove_file(entry.path())?;
            removed += 1;
            if let Some(dir) = entry.path().parent().filter(|d| *d != out) {
                dirs.insert(dir.to_path_buf());
            }
        }
    }
    for d in dirs.iter().rev() {
        let mut dir = Some(d.as_path());
        while let Some(d) = dir.filter(|d| *d != out) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_go_before_the_pages_that_link_to_them() {
        let mut paths = vec![
            "index.html",
            "feed.xml",
            "notices/index.html",
            "notices/first.html",
            "404.html",
            "static/style.css",
            "notices/first/附件1.pdf",
            "notices/page/2/index.html",
            "sitemap.xml",
            "notices/feed.xml",
            "ndbg/2021.json",
        ];
        paths.sort_by_key(|p| (commit_rank(p), *p));
        assert_eq!(
            paths,
            [
                "notices/first/附件1.pdf",
                "ndbg/2021.json",
                "static/style.css",
                "notices/first.html",
                "404.html",
                "notices/page/2/index.html",
                "notices/index.html",
                "index.html",
                "notices/feed.xml",
                "feed.xml",
                "sitemap.xml",
            ]
        );
    }
}
