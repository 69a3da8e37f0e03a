//! Fixture folders of `tests/fixtures/` copied into site folders. Only
//! copying belongs here; running the binary is `site.rs`'s job.

use std::path::{Path, PathBuf};

/// `tests/fixtures/<rel>`, absolute, so tests work from any current folder.
pub(crate) fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Copies the whole site `tests/fixtures/<name>` to `to`.
pub(crate) fn copy_site(name: &str, to: &Path) {
    let from = path(name);
    assert!(from.is_dir(), "no fixture `{}`", from.display());
    copy_dir(&from, to);
}

/// Copies the folder `from` into `to`.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create fixture folder");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}
