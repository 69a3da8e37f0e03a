//! Fixture folders of `tests/fixtures/` made into site folders. Two kinds:
//!
//! - a whole site, `<group>/<name>/` (e.g. `build/basic`), copied as it is;
//! - a case of a group with a base, `<group>/<case>/` holding only what the
//!   case changes in `<group>/base/`: the base is copied, the paths listed
//!   in the case's `REMOVE` file are deleted, then the case's other files are
//!   copied over it (so a case can replace a file, add one, or swap a folder).
//!
//! `REMOVE` lists one path a line, relative to the site root and written
//! with `/`; a folder goes with everything in it. Blank lines and lines
//! starting with `#` are skipped. A listed path that the base does not have
//! is an error, so a stale entry cannot linger. Only copying belongs here;
//! running the binary is `site.rs`'s job.

use std::path::{Path, PathBuf};

/// The name of the file in which a case lists what it deletes from the base.
const REMOVE: &str = "REMOVE";

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
    copy_dir(&from, to, &[]);
}

/// Makes `to` the site of `tests/fixtures/<group>/<case>`: the group's
/// `base`, less what the case's `REMOVE` lists, with the case's files over
/// it. `case` may be `base` itself.
pub(crate) fn copy_case(group: &str, case: &str, to: &Path) {
    copy_site(&format!("{group}/base"), to);
    if case == "base" {
        return;
    }
    let from = path(&format!("{group}/{case}"));
    assert!(from.is_dir(), "no fixture case `{}`", from.display());
    for rel in removals(&from) {
        let target = to.join(&rel);
        let removed = if target.is_dir() {
            std::fs::remove_dir_all(&target)
        } else {
            std::fs::remove_file(&target)
        };
        removed.unwrap_or_else(|e| {
            panic!(
                "{}: `{rel}` is not in {group}/base: {e}",
                from.join(REMOVE).display()
            )
        });
    }
    copy_dir(&from, to, &[REMOVE]);
}

/// The paths a case's `REMOVE` file lists (none without one).
fn removals(case: &Path) -> Vec<String> {
    let file = case.join(REMOVE);
    if !file.exists() {
        return Vec::new();
    }
    std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("read {}: {e}", file.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Copies the folder `from` into `to`, merging with what `to` holds and
/// replacing files of the same name; top-level entries named in `skip` are
/// left out.
fn copy_dir(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).expect("create fixture folder");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("fixture entry");
        if skip.iter().any(|s| entry.file_name() == *s) {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target, &[]);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}
