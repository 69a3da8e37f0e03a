//! Staging: while the site renders, each changed file is written beside its
//! final place under a temporary name (`.name.gongkai-new`), so the
//! rendered site is never all in memory and nothing published changes until
//! the commit. Before the first file is staged, the manifest loses its
//! fingerprint: from then on, however the process ends, the next build
//! does not take the folder for a complete one.

use super::manifest::{self, Manifest};
use super::state::BuildState;
use super::{OutputError, WriteStats, commit};
use crate::fsx::{self, IoError};
use crate::render::{Content, OutputFile, Sink};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, RwLock};
use xxhash_rust::xxh3::xxh3_128;

/// Hash and size of a file's bytes.
pub(crate) type Recorded = (u128, u64);

/// True when the file at `path` holds exactly the bytes with this hash and
/// size. The size is compared first only to skip reading files that differ.
pub(crate) fn on_disk_is(path: &Path, (hash, size): Recorded) -> bool {
    // Not through a link: a link is never the published file.
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == size)
        && std::fs::read(path).is_ok_and(|bytes| xxh3_128(&bytes) == hash)
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

/// What staging produced so far.
#[derive(Default)]
pub(super) struct Staged {
    /// Every file of the new site: path, hash, size.
    pub(super) entries: Vec<(String, u128, u64)>,
    /// Changed files written under their staging name: (relative path,
    /// staged, final).
    pub(super) pending: Vec<(String, PathBuf, PathBuf)>,
    /// The first I/O failure; staging stops mattering after it.
    pub(super) error: Option<IoError>,
}

/// Writes a build into the output folder in two steps. While the site is
/// rendered, each changed file is written beside its final place under a
/// temporary name; only when the whole build succeeded does
/// [`Stager::commit`] rename them into place and remove stale files.
/// [`Stager::abort`] removes the temporary files and leaves the published
/// site exactly as it was, manifest included. The caller holds the folder's
/// [`super::Lock`].
pub struct Stager {
    out: PathBuf,
    old: Manifest,
    staged: Mutex<Staged>,
    /// Folders known to exist, so each is created once, not once per file.
    dirs: RwLock<HashSet<PathBuf>>,
    /// Set when the manifest's fingerprint was removed (before the first
    /// file was staged); the error message when that failed.
    begun: OnceLock<Result<Begun, String>>,
    /// For a build that rendered only what some edits change: the old files
    /// it did not stage stay, except under these folders (`pagefind/`),
    /// which the render made whole again.
    keep: Option<Vec<String>>,
    /// Recorded with the fingerprint at the commit.
    state: Option<BuildState>,
    /// What becomes of [`super::ITEMS`] at the commit.
    items: ItemsFile,
}

/// How the manifest came to say that the folder is not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Begun {
    /// Its fingerprint line was marked in place.
    Marked,
    /// It had no fingerprint: nothing was written.
    Untouched,
    /// It was written anew, without a fingerprint.
    Written,
}

/// What a commit does with the output folder's [`super::ITEMS`].
#[derive(Debug, Default)]
enum ItemsFile {
    /// Removes it: the new state has no items it holds for.
    #[default]
    Remove,
    /// Leaves it: it still holds for the new state.
    Keep,
    /// Puts this file, written under a temporary name, in its place.
    Write(PathBuf),
}

impl Stager {
    /// Prepares to write into `out`. Nothing is written yet: the folder is
    /// made when the first file is staged, so a run that stages nothing (it
    /// had errors) changes nothing.
    pub fn new(out: &Path) -> Result<Self, OutputError> {
        Ok(Self {
            out: out.to_path_buf(),
            old: Manifest::read(out),
            staged: Mutex::new(Staged::default()),
            dirs: RwLock::default(),
            begun: OnceLock::new(),
            keep: None,
            state: None,
            items: ItemsFile::Remove,
        })
    }

    /// The state the last complete, clean build recorded in `out`, if any.
    /// (It stays in the old manifest, which an abort writes back as it was:
    /// shared, since at 50,000 items a copy is tens of thousands of
    /// allocations.)
    pub fn previous_state(&self) -> Option<std::sync::Arc<BuildState>> {
        self.old.state.clone()
    }

    /// True when the last build into the folder completed with exactly this
    /// input fingerprint and without warnings, and every file it wrote is
    /// still there with the content it wrote (compared by hash, not size).
    pub fn up_to_date(&self, fingerprint: &str) -> bool {
        self.old.fingerprint.as_deref() == Some(fingerprint)
            && self.old.warnings.is_empty()
            && self.files_intact()
    }

    /// True when every file the last build recorded is still there with
    /// the bytes it wrote.
    pub fn files_intact(&self) -> bool {
        use rayon::prelude::*;
        self.old
            .entries
            .par_iter()
            .all(|(path, recorded)| on_disk_is(&self.out.join(path), *recorded))
    }

    /// Makes the commit keep the old files that were not staged (the build
    /// rendered only what some edits change), except those under the
    /// folders in `rebuilt` (`pagefind/`), which the render made whole.
    pub fn keep_unstaged(&mut self, rebuilt: Vec<String>) {
        self.keep = Some(rebuilt);
    }

    /// The state to record with the fingerprint at the commit.
    pub fn record_state(&mut self, state: BuildState) {
        self.state = Some(state);
    }

    /// Writes the list items to keep for the next build ([`super::ITEMS`])
    /// with `write`, under a temporary name; the commit puts the file in
    /// place when a state is recorded too (whose `known_from` must name
    /// them). False when writing failed: then, as without this or
    /// [`Self::keep_items`], the old file is removed at the commit.
    pub fn write_items(
        &mut self,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> bool {
        self.drop_items();
        // Like any staged file: only once the manifest no longer says the
        // folder is complete.
        if self.begin().is_err() {
            return false;
        }
        let temp = staging_path(&self.out.join(super::ITEMS));
        let written = (|| {
            let mut file = std::io::BufWriter::new(fsx::create_new(&temp)?);
            write(&mut file)?;
            file.into_inner().map_err(|e| e.into_error()).map(drop)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
            return false;
        }
        self.items = ItemsFile::Write(temp);
        true
    }

    /// Forgets written items: their temporary file goes.
    fn drop_items(&mut self) {
        if let ItemsFile::Write(temp) = std::mem::take(&mut self.items) {
            let _ = std::fs::remove_file(temp);
        }
    }

    /// Leaves the folder's [`super::ITEMS`] as it is: the recorded state's
    /// `known_from` names the build that wrote it.
    pub fn keep_items(&mut self) {
        self.items = ItemsFile::Keep;
    }

    /// The manifest lines that were ignored (entries outside the folder),
    /// as `path:line: warning: …`.
    pub fn warnings(&self) -> &[String] {
        &self.old.warnings
    }

    /// Removes the recorded fingerprint, once, before anything is staged:
    /// the manifest keeps the old files' entries (so a later build still
    /// knows them) but no longer says the folder is complete. Usually only
    /// the fingerprint line's tag is overwritten ([`manifest::mark_unfinished`]);
    /// a manifest without a fingerprint already says so and is left. In a
    /// folder with no manifest yet, this writes an empty one, which is also
    /// what lets an interrupted first build be resumed without `--force`.
    fn begin(&self) -> Result<(), IoError> {
        let result = self.begun.get_or_init(|| {
            fsx::create_dir_all(&self.out).map_err(|e| e.to_string())?;
            if self.old.fingerprint.is_some() && manifest::mark_unfinished(&self.out) {
                return Ok(Begun::Marked);
            }
            if self.old.found && self.old.fingerprint.is_none() {
                return Ok(Begun::Untouched);
            }
            self.write_manifest(None, None, &self.old_entries())
                .map_err(|e| e.to_string())
                .map(|()| Begun::Written)
        });
        result.clone().map(drop).map_err(|message| {
            IoError::new(
                "failed to write",
                &self.out.join(manifest::MANIFEST),
                std::io::Error::other(message),
            )
        })
    }

    fn old_entries(&self) -> Vec<(&str, u128, u64)> {
        let mut entries: Vec<_> = (self.old.entries.iter())
            .map(|(p, (h, s))| (p.as_str(), *h, *s))
            .collect();
        if !entries.is_sorted_by(|a, b| a.0 < b.0) {
            entries.sort_unstable();
        }
        entries
    }

    pub(super) fn write_manifest(
        &self,
        fingerprint: Option<&str>,
        state: Option<&BuildState>,
        entries: &[(&str, u128, u64)],
    ) -> Result<(), IoError> {
        fsx::write_atomic_with(&self.out.join(manifest::MANIFEST), |w| {
            manifest::write(w, fingerprint, state, entries)
        })
    }

    /// Stages one file: a file whose bytes are already on disk (same hash
    /// as the last build recorded, and the file there has those bytes) is
    /// only recorded.
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
    ) -> Result<(u128, u64, Option<(String, PathBuf, PathBuf)>), IoError> {
        let bytes = bytes_of(&f.content)?;
        let hash = xxh3_128(&bytes);
        let size = bytes.len() as u64;
        let target = self.out.join(&f.path);
        let recorded = self.old.entries.get(&f.path) == Some(&(hash, size));
        if recorded && on_disk_is(&target, (hash, size)) {
            return Ok((hash, size, None));
        }
        self.begin()?;
        if let Some(dir) = target.parent() {
            self.ensure_dir(dir)?;
        }
        let staged = staging_path(&target);
        // A name made anew: never a link left (or put) there.
        let written = fsx::create_new(&staged)
            .and_then(|mut file| std::io::Write::write_all(&mut file, &bytes));
        if let Err(e) = written {
            // A file begun (a full disk stops it halfway) goes with the
            // others the failed build staged, and its folder if made for it.
            let error = IoError::new("failed to write", &staged, e);
            commit::remove_staged(&self.out, &[(f.path.clone(), staged, target)]);
            return Err(error);
        }
        Ok((hash, size, Some((f.path.clone(), staged, target))))
    }

    fn ensure_dir(&self, dir: &Path) -> Result<(), IoError> {
        if self.dirs.read().is_ok_and(|d| d.contains(dir)) {
            return Ok(());
        }
        self.no_link_on_the_way(dir)?;
        fsx::create_dir_all(dir)?;
        if let Ok(mut d) = self.dirs.write() {
            d.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Fails when a folder between the output folder and `dir` (`dir`
    /// included) is a link: a file written through it would land wherever
    /// it points, outside the site (a `public/` committed with a link in
    /// it). The output folder itself was checked when it was chosen.
    fn no_link_on_the_way(&self, dir: &Path) -> Result<(), IoError> {
        let Some(link) = dir
            .strip_prefix(&self.out)
            .ok()
            .and_then(|below| commit::link_among(&self.out, below))
        else {
            return Ok(());
        };
        let to = std::fs::read_link(&link).unwrap_or_default();
        Err(IoError::new(
            fsx::LINK_IN_OUTPUT,
            &link,
            std::io::Error::other(to.display().to_string()),
        ))
    }

    fn take_staged(&mut self) -> Staged {
        std::mem::take(
            self.staged
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Removes every staged file and puts the old manifest back: the output
    /// folder is as it was.
    pub fn abort(mut self) {
        let staged = self.take_staged();
        self.undo(&staged.pending);
        self.drop_items();
    }

    pub(super) fn undo(&self, pending: &[(String, PathBuf, PathBuf)]) {
        if !commit::remove_staged(&self.out, pending) {
            // A staged file could not be removed: the manifest goes on
            // saying the folder is not complete, so the next build looks
            // through all of it for what is left.
            return;
        }
        let begun = self.begun.get().and_then(|b| b.as_ref().ok().copied());
        if begun == Some(Begun::Marked) && manifest::mark_finished(&self.out) {
            return;
        }
        if matches!(begun, Some(Begun::Marked | Begun::Written)) {
            let manifest = self.out.join(manifest::MANIFEST);
            if !self.old.found {
                let _ = std::fs::remove_file(&manifest);
                let _ = std::fs::remove_dir(&self.out);
            } else {
                let fingerprint = self.old.fingerprint.as_deref();
                let state = self.old.state.as_deref();
                let _ = self.write_manifest(fingerprint, state, &self.old_entries());
            }
        }
    }

    /// Moves the staged files into place, removes stale ones and records
    /// the new manifest, with the inputs' fingerprint when given (a build
    /// with warnings gives none, so the next build shows them again). See
    /// `commit.rs` for the order of the steps.
    pub fn commit(mut self, fingerprint: Option<&str>) -> Result<WriteStats, OutputError> {
        let staged = self.take_staged();
        if let Some(e) = staged.error {
            self.undo(&staged.pending);
            self.drop_items();
            return Err(e.into());
        }
        if let Err(e) = self.begin() {
            self.undo(&staged.pending);
            self.drop_items();
            return Err(e.into());
        }
        let result = commit::commit(&self, staged, fingerprint);
        // Put in place by now, or not wanted.
        self.drop_items();
        let mut stats = result?;
        stats.warnings = std::mem::take(&mut self.old.warnings);
        Ok(stats)
    }

    pub(super) fn out(&self) -> &Path {
        &self.out
    }

    pub(super) fn old_manifest(&self) -> &Manifest {
        &self.old
    }

    /// True when this build marked the manifest unfinished in place.
    pub(super) fn marked(&self) -> bool {
        matches!(self.begun.get(), Some(Ok(Begun::Marked)))
    }

    pub(super) fn kept(&self) -> Option<&[String]> {
        self.keep.as_deref()
    }

    pub(super) fn state(&self) -> Option<&BuildState> {
        self.state.as_ref()
    }

    /// The written file for [`super::ITEMS`]: `Some(None)` to leave the
    /// one there, `None` to remove it (always when no state is recorded).
    pub(super) fn items(&self) -> Option<Option<&Path>> {
        match (&self.state, &self.items) {
            (Some(_), ItemsFile::Keep) => Some(None),
            (Some(_), ItemsFile::Write(temp)) => Some(Some(temp)),
            _ => None,
        }
    }
}

impl Sink for Stager {
    fn put(&self, file: OutputFile) {
        self.stage(&file);
    }
}
