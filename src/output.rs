//! Write stage: puts rendered files into the output folder without ever
//! leaving a half-written site. Runs only after every earlier stage
//! succeeded, writes only files whose bytes changed (each through a
//! temporary file and a rename), removes files a previous build wrote that
//! this one no longer has, and records what it wrote in a manifest, which is
//! also how a later build knows the folder is a gongkai output.

use crate::fsx::{self, IoError};
use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_128;

/// The manifest's file name inside the output folder.
pub(crate) const MANIFEST: &str = ".gongkai-manifest";

/// Why the output folder was not written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OutputError {
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
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WriteStats {
    /// Files in the site.
    pub(crate) total: usize,
    /// Files written because they are new or changed.
    pub(crate) written: usize,
    /// Stale files removed.
    pub(crate) removed: usize,
}

/// Refuses output folders that would destroy the user's work: `/`, the site
/// root, `content/`, `themes/`, or a non-empty folder that no gongkai build
/// made (unless `force`).
pub(crate) fn check_target(root: &Path, out: &Path, force: bool) -> Result<(), OutputError> {
    let refuse = |why: &str| {
        Err(OutputError::Refused {
            path: out.to_path_buf(),
            why: why.to_string(),
        })
    };
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let out_c = canon(out);
    let root_c = canon(root);
    if out_c.parent().is_none() {
        return refuse("it is the file-system root");
    }
    if out_c == root_c {
        return refuse("it is the site's own folder");
    }
    for protected in ["content", "themes", "templates", "static", ".git"] {
        if out_c.starts_with(root_c.join(protected)) {
            return refuse(&format!("it is inside the site's `{protected}/` folder"));
        }
    }
    if root_c.starts_with(&out_c) {
        return refuse("it contains the site's own files");
    }
    if !force && out.is_dir() && !out.join(MANIFEST).is_file() {
        let non_empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            return refuse(
                "it is not empty and was not made by gongkai (use --force to write into it anyway)",
            );
        }
    }
    Ok(())
}

/// Hash and size of each file of the last build, from its manifest.
fn read_manifest(out: &Path) -> HashMap<String, (u128, u64)> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), (hash, size)))
        })
        .collect()
}

fn bytes_of(content: &Content) -> Result<std::borrow::Cow<'_, [u8]>, IoError> {
    Ok(match content {
        Content::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
        Content::Static(b) => std::borrow::Cow::Borrowed(*b),
        Content::File(p) => std::borrow::Cow::Owned(fsx::read(p)?),
    })
}

/// Writes `files` into `out`.
pub(crate) fn write(out: &Path, files: &[OutputFile]) -> Result<WriteStats, OutputError> {
    fsx::create_dir_all(out)?;
    let old = read_manifest(out);
    let results: Vec<Result<(String, u128, u64, bool), IoError>> = files
        .par_iter()
        .map(|f| {
            let bytes = bytes_of(&f.content)?;
            let hash = xxh3_128(&bytes);
            let size = bytes.len() as u64;
            let target = out.join(&f.path);
            let unchanged = old.get(&f.path) == Some(&(hash, size))
                && std::fs::metadata(&target).is_ok_and(|m| m.len() == size);
            if !unchanged {
                if let Some(dir) = target.parent() {
                    fsx::create_dir_all(dir)?;
                }
                fsx::write_atomic(&target, &bytes)?;
            }
            Ok((f.path.clone(), hash, size, !unchanged))
        })
        .collect();
    let mut stats = WriteStats {
        total: files.len(),
        ..WriteStats::default()
    };
    let mut manifest = String::with_capacity(files.len() * 64);
    let mut current = std::collections::HashSet::with_capacity(files.len());
    for r in results {
        let (path, hash, size, written) = r?;
        stats.written += usize::from(written);
        manifest.push_str(&format!("{hash:032x}\t{size}\t{path}\n"));
        current.insert(path);
    }
    let mut dirs = std::collections::BTreeSet::new();
    for path in old.keys().filter(|p| !current.contains(p.as_str())) {
        let target = out.join(path);
        if target.is_file() {
            fsx::remove_file(&target)?;
            stats.removed += 1;
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
    fsx::write_atomic(&out.join(MANIFEST), manifest.as_bytes())?;
    Ok(stats)
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
    fn refuses_dangerous_targets() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        std::fs::create_dir_all(root.join("other")).expect("mkdir");
        std::fs::write(root.join("other/keep.txt"), "x").expect("write");
        assert!(check_target(root, Path::new("/"), false).is_err());
        assert!(check_target(root, root, false).is_err());
        assert!(check_target(root, &root.join("content"), false).is_err());
        assert!(check_target(root, &root.join("other"), false).is_err());
        assert!(check_target(root, &root.join("other"), true).is_ok());
        assert!(check_target(root, &root.join("public"), false).is_ok());
    }
}
