//! Write stage: puts rendered files into the output folder without ever
//! leaving a half-written site. Runs only after every earlier stage
//! succeeded, writes only files whose bytes changed (each through a
//! temporary file and a rename), removes files a previous build wrote that
//! this one no longer has, and records what it wrote in a manifest, which is
//! also how a later build knows the folder is a gongkai output.
//!
//! The steps, and what each guarantees when the process dies at any point:
//! - [`Lock`]: one build at a time per output folder (`lock.rs`).
//! - [`sweep`]: temporary files a killed build left are removed first.
//! - [`Stager`]: before the first file is staged, the manifest's fingerprint
//!   is removed, so an interrupted build is never taken for a complete one;
//!   files are staged under temporary names (`stager.rs`).
//! - [`Stager::commit`]: the manifest first lists every file old and new,
//!   then files are renamed into place in [`commit_rank`] order (files
//!   before the pages that link to them), stale files go, and the manifest
//!   with the fingerprint is written last (`commit.rs`).

use crate::fsx::IoError;
use crate::render::OutputFile;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

mod commit;
mod lock;
mod manifest;
mod stager;
mod state;
mod target;

pub use commit::{commit_rank, sweep};
pub use lock::Lock;
pub use stager::Stager;
pub use state::{BuildState, ItemState};

pub(crate) use manifest::MANIFEST;
use manifest::Manifest;
pub use target::{check_configured, check_target};

/// The lock file's name inside the output folder.
pub(crate) const LOCK: &str = ".gongkai-lock";

/// True for the names gongkai itself puts in the output folder: the
/// manifest, the lock, the kept list items, and files staged or written
/// through a temporary name (`.name.gongkai-new`, `.name.gongkai-tmp`).
pub(crate) fn is_own_name(name: &str) -> bool {
    name == MANIFEST || name == LOCK || name == ITEMS || is_leftover(name)
}

/// The file in the output folder that keeps the last complete build's list
/// items for the next build (`content::known`), beside the manifest whose
/// state it belongs to.
pub const ITEMS: &str = ".gongkai-items";

/// The bytes of the output folder's [`ITEMS`] file, if there is one (they
/// are checked where they are decoded).
pub fn read_items(out: &Path) -> Option<Vec<u8>> {
    std::fs::read(out.join(ITEMS)).ok()
}

/// True for the temporary names a build writes under and a crash can leave
/// behind.
pub(crate) fn is_leftover(name: &str) -> bool {
    name.starts_with('.')
        && (name.ends_with(".gongkai-new")
            || name.ends_with(".gongkai-tmp")
            || name.ends_with(".gongkai-old"))
}

/// Why the output folder was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder is one gongkai must never write into.
    #[error("{}", crate::t!("output-refused", path = path, why = why))]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why, in the current language.
        why: String,
    },
    /// A file-system call failed.
    #[error(transparent)]
    Io(#[from] IoError),
}

/// The paths the last build recorded in `out`'s manifest (what the site
/// published then), sorted; lines that are not a path inside the folder
/// are left out. Empty when there is no manifest.
pub fn published_paths(out: &Path) -> Vec<String> {
    let mut paths: Vec<String> = Manifest::read(out).entries.into_keys().collect();
    paths.sort();
    paths
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

/// Writes `files` into `out` (stage everything, then commit).
/// The caller holds the folder's [`Lock`].
pub fn write(out: &Path, files: &[OutputFile]) -> Result<WriteStats, OutputError> {
    let stager = Stager::new(out)?;
    files.par_iter().for_each(|f| stager.stage(f));
    stager.commit(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `build` asks before anything else (see [`Stager::up_to_date`]).
    fn up_to_date(out: &Path, fingerprint: &str) -> bool {
        Stager::new(out).is_ok_and(|s| s.up_to_date(fingerprint))
    }
    use crate::render::Content;

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
    fn an_aborted_build_puts_back_the_very_manifest() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.commit(Some("fp"))?;
        let before = std::fs::read(out.join(MANIFEST)).ok();
        assert!(manifest::finished(&out));
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "changed"));
        // Staging began: the manifest no longer says the folder is complete.
        assert!(!manifest::finished(&out));
        assert!(!up_to_date(&out, "fp"));
        stager.abort();
        assert_eq!(std::fs::read(out.join(MANIFEST)).ok(), before);
        assert!(up_to_date(&out, "fp"));
        Ok(())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_linked_manifest_is_never_written_through() -> Result<(), OutputError> {
        let io = |e| IoError::new("test", Path::new("."), e);
        let tmp = tempfile::tempdir().map_err(io)?;
        let out = tmp.path().join("public");
        let outside = tmp.path().join("outside.txt");
        for link in [
            |from: &Path, to: &Path| std::os::unix::fs::symlink(from, to),
            |from: &Path, to: &Path| std::fs::hard_link(from, to),
        ] {
            let stager = Stager::new(&out)?;
            stager.stage(&file("a.html", "a"));
            stager.commit(Some("fp"))?;
            // Someone put a link to a file elsewhere in the manifest's
            // place, with a manifest's first line.
            let text = "#fingerprint\tfp\nnot gongkai's\n";
            std::fs::write(&outside, text).map_err(io)?;
            std::fs::remove_file(out.join(MANIFEST)).map_err(io)?;
            link(&outside, &out.join(MANIFEST)).map_err(io)?;
            let stager = Stager::new(&out)?;
            stager.stage(&file("a.html", "changed"));
            assert!(!manifest::finished(&out));
            stager.commit(Some("fp2"))?;
            assert_eq!(
                std::fs::read_to_string(&outside).ok().as_deref(),
                Some(text)
            );
            assert!(up_to_date(&out, "fp2"));
        }
        Ok(())
    }

    #[test]
    fn an_edit_keeps_the_other_files_whatever_the_order_of_the_manifest() -> Result<(), OutputError>
    {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let names = ["a.html", "b/c.html", "b/d.html", "e.html", "zhe/a.html"];
        for sorted in [true, false] {
            let files: Vec<OutputFile> = names.iter().map(|n| file(n, n)).collect();
            let stager = Stager::new(&out)?;
            files.iter().for_each(|f| stager.stage(f));
            stager.commit(Some("fp"))?;
            if !sorted {
                // Lines out of order, as someone might leave them.
                let text = std::fs::read_to_string(out.join(MANIFEST)).unwrap_or_default();
                let mut lines: Vec<&str> = text.lines().collect();
                lines[1..].reverse();
                std::fs::write(out.join(MANIFEST), lines.join("\n") + "\n")
                    .map_err(|e| IoError::new("write", &out, e))?;
            }
            let mut stager = Stager::new(&out)?;
            stager.keep_unstaged(vec!["b/".into()]);
            stager.stage(&file("b/c.html", "changed"));
            stager.stage(&file("new.html", "new"));
            let stats = stager.commit(Some("fp2"))?;
            // b/d.html lies in a folder the edit made whole: stale.
            assert_eq!(
                (stats.total, stats.written, stats.removed),
                (5, 2, 1),
                "{sorted}"
            );
            assert!(!out.join("b/d.html").exists());
            let text = std::fs::read_to_string(out.join(MANIFEST)).unwrap_or_default();
            let listed: Vec<&str> = text
                .lines()
                .skip(1)
                .filter_map(|l| l.rsplit('\t').next())
                .collect();
            assert_eq!(
                listed,
                ["a.html", "b/c.html", "e.html", "new.html", "zhe/a.html"],
                "{sorted}"
            );
            std::fs::remove_dir_all(&out).map_err(|e| IoError::new("rm", &out, e))?;
        }
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_a_staging_name_is_never_written_through() -> Result<(), OutputError> {
        let io = |e| IoError::new("test", Path::new("."), e);
        let tmp = tempfile::tempdir().map_err(io)?;
        let out = tmp.path().join("public");
        let outside = tmp.path().join("outside.txt");
        std::fs::write(&outside, "not gongkai's").map_err(io)?;
        let stager = Stager::new(&out)?;
        stager.stage(&file("x/a.html", "a"));
        stager.commit(Some("fp"))?;
        // Links where the next build stages its files (the folder is
        // finished, so only its top is swept), and beside the manifest.
        for name in ["x/.a.html.gongkai-new", ".gongkai-manifest.gongkai-tmp"] {
            std::os::unix::fs::symlink(&outside, out.join(name)).map_err(io)?;
        }
        sweep(&out)?;
        let stager = Stager::new(&out)?;
        stager.stage(&file("x/a.html", "changed"));
        stager.commit(Some("fp2"))?;
        assert_eq!(
            std::fs::read_to_string(&outside).ok().as_deref(),
            Some("not gongkai's")
        );
        let page = std::fs::symlink_metadata(out.join("x/a.html")).map_err(io)?;
        assert!(page.is_file());
        assert_eq!(
            std::fs::read_to_string(out.join("x/a.html"))
                .ok()
                .as_deref(),
            Some("changed")
        );
        Ok(())
    }

    #[test]
    fn a_failed_first_build_leaves_no_folder() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.stage(&file("x/y/b.html", "b"));
        stager.abort();
        assert!(!out.exists());
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

    #[test]
    fn unchanged_files_are_verified_by_their_content_not_their_size() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "abc"));
        stager.commit(Some("fp"))?;
        assert!(up_to_date(&out, "fp"));
        let a = out.join("a.html");
        std::fs::write(&a, "xyz").map_err(|e| IoError::new("write", &a, e))?;
        assert!(!up_to_date(&out, "fp"));
        let s = write(&out, &[file("a.html", "abc")])?;
        assert_eq!(s.written, 1);
        assert_eq!(std::fs::read_to_string(&a).ok().as_deref(), Some("abc"));
        Ok(())
    }

    #[test]
    fn the_fingerprint_is_invalidated_before_the_first_file_is_staged() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.commit(Some("fp"))?;
        let stager = Stager::new(&out)?;
        assert!(up_to_date(&out, "fp"));
        stager.stage(&file("a.html", "changed"));
        // A crash from here on must not leave a folder that looks complete.
        assert!(!up_to_date(&out, "fp"));
        stager.commit(Some("fp2"))?;
        assert!(up_to_date(&out, "fp2"));
        Ok(())
    }

    #[test]
    fn an_interrupted_first_build_is_resumed_without_force() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let stager = Stager::new(&out)?;
        stager.stage(&file("a.html", "a"));
        stager.stage(&file("x/b.html", "b"));
        // A crash: neither commit nor abort ran.
        drop(stager);
        check_target(tmp.path(), &out, false)?;
        // The next build has no `x/b.html`: nothing of the first is left.
        sweep(&out)?;
        let s = write(&out, &[file("a.html", "a")])?;
        assert_eq!((s.total, s.written), (1, 1));
        let mut names: Vec<String> = walkdir::WalkDir::new(&out)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| e.path().display().to_string())
            .collect();
        names.sort();
        let shown = |name: &str| out.join(name).display().to_string();
        assert_eq!(names, [shown(MANIFEST), shown("a.html")]);
        Ok(())
    }
}
