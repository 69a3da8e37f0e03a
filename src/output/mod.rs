//! Write stage: puts rendered files into the output folder without ever
//! leaving a half-written site. Runs only after every earlier stage
//! succeeded, writes only files whose bytes changed (each through a
//! temporary file and a rename), removes files a previous build wrote that
//! this one no longer has, and records what it wrote in a manifest, which is
//! also how a later build knows the folder is a gongkai output.

use crate::fsx::{self, IoError};
use crate::render::{Content, OutputFile, Sink};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_128;

mod manifest;
mod target;

pub(crate) use manifest::MANIFEST;
use manifest::Manifest;
pub use target::check_target;

/// The lock file's name inside the output folder.
pub(crate) const LOCK: &str = ".gongkai-lock";

/// True for the names gongkai itself puts in the output folder: the
/// manifest, the lock, and files staged or written through a temporary
/// name (`.name.gongkai-new`, `.name.gongkai-tmp`).
pub(crate) fn is_own_name(name: &str) -> bool {
    name == MANIFEST || name == LOCK || is_leftover(name)
}

/// True for the temporary names a build writes under and a crash can leave
/// behind.
pub(crate) fn is_leftover(name: &str) -> bool {
    name.starts_with('.') && (name.ends_with(".gongkai-new") || name.ends_with(".gongkai-tmp"))
}

/// Why the output folder was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder is one gongkai must never write into.
    #[error("refusing to write the site into `{path}`: {why}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// A file-system call failed.
    #[error(transparent)]
    Io(#[from] IoError),
}

/// What a write did, for the summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteStats {
    /// Files in the site.
    pub total: usize,
    /// Files written because they are new or changed.
    pub written: usize,
    /// Stale files removed.
    pub removed: usize,
    /// Manifest lines that were ignored, as `path:line: warning: …`.
    pub warnings: Vec<String>,
}

/// True when the last build into `out` had exactly this input fingerprint,
/// ended without warnings, and all its files are still there.
pub fn up_to_date(out: &Path, fingerprint: &str) -> bool {
    let manifest = Manifest::read(out);
    if manifest.fingerprint.as_deref() != Some(fingerprint) || !manifest.warnings.is_empty() {
        return false;
    }
    manifest
        .entries
        .iter()
        .all(|(path, (_, size))| std::fs::metadata(out.join(path)).is_ok_and(|m| m.len() == *size))
}

fn bytes_of(content: &Content) -> Result<std::borrow::Cow<'_, [u8]>, IoError> {
    Ok(match content {
        Content::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
        Content::Static(b) => std::borrow::Cow::Borrowed(*b),
        Content::File(p) => std::borrow::Cow::Owned(fsx::read(p)?),
    })
}

/// The temporary name a file is staged under, beside its final place.
fn staging_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.gongkai-new"))
}

#[derive(Default)]
struct Staged {
    /// Every file of the new site: path, hash, size.
    entries: Vec<(String, u128, u64)>,
    /// Changed files written under their staging name: (staged, final).
    pending: Vec<(PathBuf, PathBuf)>,
    /// The first I/O failure; staging stops mattering after it.
    error: Option<IoError>,
}

/// Writes a build into the output folder in two steps. While the site is
/// rendered, each changed file is written beside its final place under a
/// temporary name (so the rendered site is never all in memory); only when
/// the whole build succeeded does [`Stager::commit`] rename them into place
/// and remove stale files. [`Stager::abort`] removes the temporary files and
/// leaves the published site exactly as it was.
pub struct Stager {
    out: PathBuf,
    old: HashMap<String, (u128, u64)>,
    warnings: Vec<String>,
    staged: std::sync::Mutex<Staged>,
    /// Folders known to exist, so each is created once, not once per file.
    dirs: std::sync::RwLock<std::collections::HashSet<PathBuf>>,
    /// The folder holds no site yet: files go straight to their place (there
    /// is nothing published to protect, and abort removes them all).
    fresh: bool,
}

impl Stager {
    /// Prepares to write into `out` (created if missing).
    /// The folder is made when the first file is staged, so a run that
    /// stages nothing (it had errors) leaves no trace.
    pub fn new(out: &Path) -> Result<Self, OutputError> {
        let fresh = !out.exists() || std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
        let manifest = Manifest::read(out);
        Ok(Self {
            fresh,
            out: out.to_path_buf(),
            old: manifest.entries,
            warnings: manifest.warnings,
            staged: std::sync::Mutex::new(Staged::default()),
            dirs: std::sync::RwLock::default(),
        })
    }

    /// Stages one file: unchanged files (same hash and size as the last
    /// build wrote, still on disk) are only recorded.
    pub(crate) fn stage(&self, file: &OutputFile) {
        let result = self.stage_one(file);
        let Ok(mut staged) = self.staged.lock() else {
            return;
        };
        match result {
            Ok((hash, size, pending)) => {
                staged.entries.push((file.path.clone(), hash, size));
                staged.pending.extend(pending);
            }
            Err(e) => {
                staged.error.get_or_insert(e);
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn stage_one(
        &self,
        f: &OutputFile,
    ) -> Result<(u128, u64, Option<(PathBuf, PathBuf)>), IoError> {
        let bytes = bytes_of(&f.content)?;
        let hash = xxh3_128(&bytes);
        let size = bytes.len() as u64;
        let target = self.out.join(&f.path);
        let unchanged = self.old.get(&f.path) == Some(&(hash, size))
            && std::fs::metadata(&target).is_ok_and(|m| m.len() == size);
        if unchanged {
            return Ok((hash, size, None));
        }
        if let Some(dir) = target.parent() {
            self.ensure_dir(dir)?;
        }
        let staged = if self.fresh {
            target.clone()
        } else {
            staging_path(&target)
        };
        std::fs::write(&staged, &bytes).map_err(|e| IoError::new("failed to write", &staged, e))?;
        Ok((hash, size, Some((staged, target))))
    }

    fn ensure_dir(&self, dir: &Path) -> Result<(), IoError> {
        if self.dirs.read().is_ok_and(|d| d.contains(dir)) {
            return Ok(());
        }
        fsx::create_dir_all(dir)?;
        if let Ok(mut d) = self.dirs.write() {
            d.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// The manifest lines that were ignored (entries outside the folder),
    /// as `path:line: warning: …`.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    fn into_staged(self) -> (PathBuf, HashMap<String, (u128, u64)>, Staged) {
        let staged = self.staged.into_inner().unwrap_or_default();
        (self.out, self.old, staged)
    }

    /// Removes every staged file; the output folder is as it was.
    pub fn abort(self) {
        let (out, _, staged) = self.into_staged();
        remove_staged(&out, &staged.pending);
    }

    /// Moves the staged files into place, removes stale ones and records
    /// the new manifest, with the inputs' fingerprint when given (a build
    /// with warnings gives none, so the next build shows them again).
    pub fn commit(mut self, fingerprint: Option<&str>) -> Result<WriteStats, OutputError> {
        let warnings = std::mem::take(&mut self.warnings);
        let (out, old, staged) = self.into_staged();
        if let Some(e) = staged.error {
            remove_staged(&out, &staged.pending);
            return Err(e.into());
        }
        let renamed: Result<Vec<()>, IoError> = staged
            .pending
            .par_iter()
            .filter(|(from, to)| from != to)
            .map(|(from, to)| {
                std::fs::rename(from, to).map_err(|e| IoError::new("failed to replace", to, e))
            })
            .collect();
        renamed?;
        let mut stats = WriteStats {
            total: staged.entries.len(),
            written: staged.pending.len(),
            removed: 0,
            warnings,
        };
        let mut entries = staged.entries;
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let current: std::collections::HashSet<&str> =
            entries.iter().map(|(p, _, _)| p.as_str()).collect();
        let stale: Vec<&String> = old
            .keys()
            .filter(|p| !current.contains(p.as_str()))
            .collect();
        stats.removed = remove_stale(&out, &stale)?;
        let manifest = manifest::render(
            fingerprint,
            entries.iter().map(|(p, h, s)| (p.as_str(), *h, *s)),
        );
        fsx::write_atomic(&out.join(MANIFEST), manifest.as_bytes())?;
        Ok(stats)
    }
}

impl Sink for Stager {
    fn put(&self, file: OutputFile) {
        self.stage(&file);
    }
}

fn remove_staged(out: &Path, pending: &[(PathBuf, PathBuf)]) {
    for (staged, target) in pending {
        let _ = std::fs::remove_file(staged);
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
}

/// Removes files the last build wrote that this one does not have, and the
/// folders they leave empty. Returns how many files went.
fn remove_stale(out: &Path, stale: &[&String]) -> Result<usize, IoError> {
    let mut removed = 0;
    let mut dirs = std::collections::BTreeSet::new();
    for path in stale {
        if !manifest::is_inside(path) || through_symlink(out, path) {
            continue;
        }
        let target = out.join(path);
        let is_file = std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir());
        if is_file {
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
        .ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| std::fs::symlink_metadata(out.join(a)).is_ok_and(|m| m.file_type().is_symlink()))
}

/// Writes `files` into `out` (stage everything, then commit).
pub fn write(out: &Path, files: &[OutputFile]) -> Result<WriteStats, OutputError> {
    let stager = Stager::new(out)?;
    files.par_iter().for_each(|f| stager.stage(f));
    stager.commit(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, s: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(s.as_bytes().to_vec()),
        }
    }

    #[test]
    fn writes_only_changes_and_removes_stale() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let s = write(&out, &[file("a.html", "a"), file("x/b.html", "b")])?;
        assert_eq!((s.written, s.removed), (2, 0));
        let s = write(&out, &[file("a.html", "a"), file("x/b.html", "b")])?;
        assert_eq!((s.written, s.removed), (0, 0));
        let s = write(&out, &[file("a.html", "A")])?;
        assert_eq!((s.written, s.removed), (1, 1));
        assert!(!out.join("x").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a.html")).ok().as_deref(),
            Some("A")
        );
        Ok(())
    }

    #[test]
    fn abort_leaves_the_published_files_and_no_temporary_ones() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        write(&out, &[file("a.html", "a")])?;
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "changed"));
        stager.stage(&file("new/b.html", "b"));
        stager.abort();
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .map_err(|e| IoError::new("read", &out, e))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [MANIFEST, "a.html"]);
        assert_eq!(
            std::fs::read_to_string(out.join("a.html")).ok().as_deref(),
            Some("a")
        );
        Ok(())
    }

    #[test]
    fn a_failed_first_build_leaves_an_empty_folder() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.stage(&file("x/y/b.html", "b"));
        stager.abort();
        let left: Vec<_> = std::fs::read_dir(&out)
            .map_err(|e| IoError::new("read", &out, e))?
            .collect();
        assert!(left.is_empty(), "{left:?}");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.stage(&file("x/y/b.html", "b"));
        let stats = stager.commit(None)?;
        assert_eq!((stats.total, stats.written), (2, 2));
        assert_eq!(
            std::fs::read_to_string(out.join("x/y/b.html"))
                .ok()
                .as_deref(),
            Some("b")
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn stale_files_behind_a_symlinked_folder_are_not_removed() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let elsewhere = tmp.path().join("elsewhere");
        write(&out, &[file("a.html", "a")])?;
        std::fs::create_dir_all(&elsewhere).map_err(|e| IoError::new("mkdir", &elsewhere, e))?;
        std::fs::write(elsewhere.join("f.txt"), "keep")
            .map_err(|e| IoError::new("write", &elsewhere, e))?;
        std::os::unix::fs::symlink(&elsewhere, out.join("link"))
            .map_err(|e| IoError::new("symlink", &out, e))?;
        let manifest = out.join(MANIFEST);
        let mut text =
            std::fs::read_to_string(&manifest).map_err(|e| IoError::new("read", &manifest, e))?;
        text.push_str(&format!("{:032x}\t4\tlink/f.txt\n", 1));
        std::fs::write(&manifest, text).map_err(|e| IoError::new("write", &manifest, e))?;
        write(&out, &[file("a.html", "a")])?;
        assert!(elsewhere.join("f.txt").is_file());
        Ok(())
    }
}
