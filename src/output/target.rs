//! Where a build may write: the output folder is refused when writing into
//! it would destroy the user's work. Paths are compared after resolving
//! them (symbolic links, `..`, a relative path), including for an output
//! folder that does not exist yet.

use super::{MANIFEST, OutputError};
use std::path::{Component, Path, PathBuf};

/// Folders of the site a build reads; the output may be none of them nor
/// inside one.
const PROTECTED: &[&str] = &["content", "themes", "templates", "static", ".git"];

/// Refuses output folders that would destroy the user's work: `/`, the site
/// root or a folder holding it, `content/`, `themes/`, `templates/`,
/// `static/`, `.git` or anything inside them, or a non-empty folder that no
/// gongkai build made (unless `force`).
pub fn check_target(root: &Path, out: &Path, force: bool) -> Result<(), OutputError> {
    let refuse = |why: &str| {
        Err(OutputError::Refused {
            path: out.to_path_buf(),
            why: why.to_string(),
        })
    };
    let out_c = resolve(out);
    let root_c = resolve(root);
    if out_c.parent().is_none() {
        return refuse(&crate::t!("output-refuse-fs-root"));
    }
    if out_c == root_c {
        return refuse(&crate::t!("output-refuse-site-root"));
    }
    for protected in PROTECTED {
        if out_c.starts_with(root_c.join(protected)) {
            return refuse(&crate::t!("output-refuse-inside", folder = *protected));
        }
    }
    if root_c.starts_with(&out_c) {
        return refuse(&crate::t!("output-refuse-contains-site"));
    }
    if !force && out.is_dir() && !out.join(MANIFEST).is_file() && !only_gongkai_files(out) {
        return refuse(&crate::t!("output-refuse-not-ours"));
    }
    Ok(())
}

/// Refuses an output folder named by site.yaml (not by `--output`) that
/// resolves to a place outside the site folder: site.yaml is the site's
/// content, and what it names may not overwrite or delete anything else
/// (another site's published files, say). `--output` is the operator's own
/// choice and may point anywhere [`check_target`] allows.
pub fn check_configured(root: &Path, out: &Path) -> Result<(), OutputError> {
    if resolve(out).starts_with(resolve(root)) {
        return Ok(());
    }
    Err(OutputError::Refused {
        path: out.to_path_buf(),
        why: crate::t!("output-refuse-outside-site"),
    })
}

/// True when every entry of `dir` is one gongkai itself puts there (the
/// lock, a staged or temporary file a crash left), or there is none: such a
/// folder holds no one else's work.
fn only_gongkai_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().all(|e| {
            let name = e.file_name();
            super::is_own_name(&name.to_string_lossy())
        })
    })
}

/// The absolute path `path` names, with symbolic links resolved as far as
/// the path exists and `.` and `..` applied to the rest.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    // The longest leading part that exists, resolved, then the rest.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut resolved = real;
            for part in rest.iter().rev() {
                push_lexically(&mut resolved, part);
            }
            return resolved;
        }
        let (Some(parent), Some(last)) = (existing.parent(), existing.components().next_back())
        else {
            break;
        };
        rest.push(last);
        existing = parent;
    }
    let mut resolved = PathBuf::new();
    for part in absolute.components() {
        push_lexically(&mut resolved, &part);
    }
    resolved
}

fn push_lexically(path: &mut PathBuf, part: &Component<'_>) {
    match part {
        Component::CurDir => {}
        Component::ParentDir => {
            path.pop();
        }
        other => path.push(other.as_os_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Folders that do not exist yet, named in roundabout ways.
        for missing in ["static", "templates/x", "public/../themes", "./.git"] {
            assert!(
                check_target(root, &root.join(missing), false).is_err(),
                "{missing}"
            );
        }
    }

    #[test]
    fn resolves_missing_parts_lexically() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let real = tmp.path().canonicalize().expect("canonicalize");
        assert_eq!(resolve(&tmp.path().join("a/../b/./c")), real.join("b/c"));
        assert_eq!(resolve(tmp.path()), real);
    }
}
