//! Content is read from inside the site folder only. A Markdown or YAML
//! file under `content/`, or a folder of them, may be a symbolic link; one
//! that leads outside the site folder would publish whatever it points at
//! (another office's drafts, a system file), so it is refused with an
//! error, as a linked attachment is. Links that stay inside the site are
//! followed as before.
//!
//! Only links are looked at: the listing of a folder says which entries
//! are links, and the site's real path is found once, so the thousands of
//! plain files of a big site cost nothing more.

use crate::diag::{Diagnostic, codes, display_path};
use std::path::{Path, PathBuf};

/// The site folder as the file system resolves it.
pub(super) fn real_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// True when `path` is itself a symbolic link.
pub(super) fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// The error for `path`, a link, when it leads outside the site (or
/// nowhere that can be resolved); `None` when it stays inside.
pub(super) fn refused(root: &Path, real_root: &Path, path: &Path) -> Option<Diagnostic> {
    let inside = std::fs::canonicalize(path).is_ok_and(|p| p.starts_with(real_root));
    (!inside).then(|| {
        Diagnostic::new(
            &codes::CONTENT_OUTSIDE,
            display_path(root, path),
            t!("content-link-outside-site"),
        )
        .with_hint(t!("content-link-outside-site-hint"))
    })
}

/// [`refused`] for `path` when it is a link.
pub(super) fn refused_link(root: &Path, real_root: &Path, path: &Path) -> Option<Diagnostic> {
    if is_link(path) {
        refused(root, real_root, path)
    } else {
        None
    }
}
