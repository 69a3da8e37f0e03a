//! Watching the site's files for `serve` and `build --watch`. notify's
//! events, less mere reads, are debounced into batches of paths; [`classify`] decides what a
//! batch means for the build. `classify` is a pure function of the paths (it
//! never looks at the disk), so every editor's way of saving is pinned by a
//! unit test below.

use crate::config::CONFIG_FILE;
use crate::content::{CONTENT_DIR, is_editor_temp};
use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

/// Quiet time after the last event of a burst before it is handed on. Long
/// enough that an editor's save (temp file, rename, backup) or a `git
/// checkout` of many files arrives as one batch; short enough to feel instant.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// Folders under the site root whose whole tree the build reads.
const WATCHED_DIRS: &[&str] = &[CONTENT_DIR, "templates", "static", "themes"];

/// What a batch of changed paths asks of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Nothing the build reads changed (editor temp files, the output
    /// folder, `.git`, files beside `site.yaml`).
    Ignored,
    /// Only Markdown files of list items changed, saved, created or deleted:
    /// `content/<column>/<name>.md` or `content/<column>/<folder>/index.md`.
    Items(Vec<PathBuf>),
    /// Anything else the build reads (site.yaml, templates, the theme,
    /// static files, attachments, column pages, reports, folders): rebuild
    /// everything. Holds every relevant path of the batch.
    Full(Vec<PathBuf>),
}

impl ChangeKind {
    /// The paths that mattered, for the rebuild message.
    pub fn paths(&self) -> &[PathBuf] {
        match self {
            Self::Ignored => &[],
            Self::Items(p) | Self::Full(p) => p,
        }
    }
}

/// How one path counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathKind {
    Ignored,
    Item,
    Other,
}

/// Classifies a batch of changed paths under `root`. `output` is the output
/// folder, whose changes (made by `build --watch` itself) never count.
/// `extra` are the rollup columns' sources (other sites, report folders):
/// a change under one of them rebuilds everything, wherever it is.
pub(crate) fn classify(
    root: &Path,
    output: &Path,
    extra: &[PathBuf],
    paths: &[PathBuf],
) -> ChangeKind {
    let mut items = Vec::new();
    let mut others = Vec::new();
    for path in paths {
        let kind = match path_kind(root, output, path) {
            PathKind::Ignored if in_sources(extra, path) => PathKind::Other,
            kind => kind,
        };
        match kind {
            PathKind::Ignored => {}
            PathKind::Item => items.push(path.clone()),
            PathKind::Other => others.push(path.clone()),
        }
    }
    for list in [&mut items, &mut others] {
        list.sort();
        list.dedup();
    }
    if !others.is_empty() {
        others.extend(items);
        others.sort();
        ChangeKind::Full(others)
    } else if !items.is_empty() {
        ChangeKind::Items(items)
    } else {
        ChangeKind::Ignored
    }
}

/// True when `path` is a rollup source or under one, and not a scratch
/// file of an editor.
fn in_sources(extra: &[PathBuf], path: &Path) -> bool {
    let scratch = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_scratch);
    !scratch && extra.iter().any(|e| path.starts_with(e))
}

fn path_kind(root: &Path, output: &Path, path: &Path) -> PathKind {
    if path.starts_with(output) {
        return PathKind::Ignored;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        // Only folders of the site are watched; anything else is unexpected,
        // and a full rebuild is the safe answer.
        return PathKind::Other;
    };
    let mut names = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(n) => match n.to_str() {
                Some(n) => names.push(n),
                // The loader reports non-UTF-8 names; let a full build say so.
                None => return PathKind::Other,
            },
            _ => return PathKind::Other,
        }
    }
    if names.iter().any(|n| is_scratch(n)) {
        return PathKind::Ignored;
    }
    match names.as_slice() {
        [] => PathKind::Other,
        [name] if *name == CONFIG_FILE => PathKind::Other,
        [first, ..] if !WATCHED_DIRS.contains(first) => PathKind::Ignored,
        [CONTENT_DIR, _column, name] if name.ends_with(".md") && *name != "_index.md" => {
            PathKind::Item
        }
        [CONTENT_DIR, _column, _folder, "index.md"] => PathKind::Item,
        _ => PathKind::Other,
    }
}

/// Names that are never part of the site: hidden files and folders (`.git`,
/// Vim's `.name.swp`, Emacs's `.#name`), and the temp and backup files
/// editors write while saving.
fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || is_editor_temp(name)
        || name.ends_with(".swo")
        // JetBrains IDEs' "safe write".
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

/// True for events that may change a file: not the opens and reads of the
/// build itself, which would otherwise trigger a rebuild after every rebuild.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// A message to the rebuild loop.
#[derive(Debug)]
pub(crate) enum Signal {
    /// A debounced batch of changed paths.
    Changed(Vec<PathBuf>),
    /// The watcher reported a problem.
    Failed(String),
    /// Stop after the current rebuild (Ctrl-C).
    Stop,
}

/// The running file watcher. Dropping it stops watching.
pub(crate) struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
    /// The rollup columns' sources, watched besides the site's folders.
    sources: Vec<PathBuf>,
}

impl Watcher {
    /// Watches `root` (for `site.yaml`) and its content, template, static
    /// and theme folders, sending each batch to `tx`.
    pub(crate) fn start(root: &Path, tx: Sender<Signal>) -> Result<Self, String> {
        let handler = move |res: DebounceEventResult| {
            let signal = match res {
                Ok(events) => Signal::Changed(
                    events
                        .into_iter()
                        .filter(|e| is_change(&e.kind))
                        .flat_map(|e| e.event.paths)
                        .collect(),
                ),
                Err(errors) => Signal::Failed(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            // A closed channel means the loop has stopped; nothing to tell.
            let _ = tx.send(signal);
        };
        let mut debouncer = new_debouncer(DEBOUNCE, None, handler).map_err(|e| e.to_string())?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| crate::t!("build-cannot-watch", path = root, why = e.to_string()))?;
        let mut watcher = Self {
            debouncer,
            root: root.to_path_buf(),
            watched: Vec::new(),
            sources: Vec::new(),
        };
        watcher.refresh();
        Ok(watcher)
    }

    /// Starts watching the site's folders that exist now and were not
    /// watched yet (a `content/` or `templates/` made after the start).
    pub(crate) fn refresh(&mut self) {
        let dirs: Vec<PathBuf> = WATCHED_DIRS
            .iter()
            .map(|d| self.root.join(d))
            .chain(self.sources.iter().cloned())
            .collect();
        for dir in dirs {
            if self.watched.contains(&dir) || !dir.exists() {
                continue;
            }
            match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                Ok(()) => self.watched.push(dir),
                Err(e) => crate::errln!(
                    "{}",
                    crate::t!("build-cannot-watch-dir", path = &dir, why = e.to_string())
                ),
            }
        }
    }
}

impl Watcher {
    /// Watches the rollup columns' `sources` too (folders anywhere, also
    /// outside the site), from now on; called after each build, since
    /// site.yaml may have changed them.
    pub(crate) fn watch_sources(&mut self, sources: Vec<PathBuf>) {
        self.sources = sources;
        self.refresh();
    }

    /// The sources set by [`Watcher::watch_sources`].
    pub(crate) fn sources(&self) -> &[PathBuf] {
        &self.sources
    }
}

/// How long a burst must pause before its rebuild starts.
const BURST_QUIET: Duration = Duration::from_millis(150);
/// The longest a burst may hold its rebuild back.
const BURST_MAX: Duration = Duration::from_secs(3);

/// Waits for the next batch that asks for a rebuild, merging every batch
/// already queued into it. A batch of several files is the start of a burst
/// (a `git checkout`, a copy of many files), whose batches keep arriving for
/// a while: those are merged until the burst pauses, so it gives one rebuild.
/// A single saved file is rebuilt at once. `None` on [`Signal::Stop`] or when
/// the watcher is gone.
pub(crate) fn next_change(
    rx: &Receiver<Signal>,
    root: &Path,
    output: &Path,
    extra: &[PathBuf],
) -> Option<ChangeKind> {
    loop {
        let mut paths = Vec::new();
        let mut next = Some(rx.recv().ok()?);
        let started = std::time::Instant::now();
        while let Some(signal) = next {
            match signal {
                Signal::Changed(p) => {
                    // One save can report its file more than once (create,
                    // modify): that is still a single file, not a burst.
                    paths.extend(p);
                    paths.sort();
                    paths.dedup();
                }
                Signal::Failed(msg) => {
                    crate::errln!("{}", crate::t!("build-watch-failed", why = msg))
                }
                Signal::Stop => return None,
            }
            next = rx.try_recv().ok();
            if next.is_none() && paths.len() > 1 && started.elapsed() < BURST_MAX {
                next = rx.recv_timeout(BURST_QUIET).ok();
            }
        }
        match classify(root, output, extra, &paths) {
            ChangeKind::Ignored => continue,
            change => return Some(change),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(paths: &[&str]) -> ChangeKind {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, &root.join("public"), &[], &paths)
    }

    fn items(paths: &[&str]) -> ChangeKind {
        ChangeKind::Items(paths.iter().map(|p| Path::new("/site").join(p)).collect())
    }

    fn full(paths: &[&str]) -> ChangeKind {
        ChangeKind::Full(paths.iter().map(|p| Path::new("/site").join(p)).collect())
    }

    #[test]
    fn item_edits() {
        assert_eq!(kind(&["content/tzgg/a.md"]), items(&["content/tzgg/a.md"]));
        assert_eq!(
            kind(&["content/tzgg/b/index.md"]),
            items(&["content/tzgg/b/index.md"])
        );
        assert_eq!(
            kind(&["content/tzgg/a.md", "content/tzgg/a.md"]),
            items(&["content/tzgg/a.md"])
        );
    }

    #[test]
    fn everything_else_rebuilds_all() {
        for p in [
            "site.yaml",
            "content/tzgg/_index.md",
            "content/tzgg",
            "content/newcol",
            "content/tzgg/b/附件.pdf",
            "content/ndbg/2024.yaml",
            "templates/item.html",
            "static/logo.png",
            "themes/default/templates/base.html",
        ] {
            assert_eq!(kind(&[p]), full(&[p]), "{p}");
        }
        assert_eq!(
            kind(&["content/tzgg/a.md", "templates/base.html"]),
            full(&["content/tzgg/a.md", "templates/base.html"])
        );
    }

    #[test]
    fn editor_scratch_files_are_ignored() {
        // Vim: `4913` probe, `name~` backup, `.name.swp` swap; Emacs: `.#name`
        // lock, `#name#` autosave; JetBrains safe write; plain `.tmp`.
        for p in [
            "content/tzgg/4913",
            "content/tzgg/a.md~",
            "content/tzgg/.a.md.swp",
            "content/tzgg/.a.md.swx",
            "content/tzgg/.#a.md",
            "content/tzgg/#a.md#",
            "content/tzgg/a.md___jb_tmp___",
            "content/tzgg/a.md___jb_old___",
            "content/tzgg/a.md.tmp",
            "templates/.item.html.swp",
            "site.yaml~",
        ] {
            assert_eq!(kind(&[p]), ChangeKind::Ignored, "{p}");
        }
    }

    #[test]
    fn vim_atomic_save_is_one_item_edit() {
        let batch = [
            "content/tzgg/4913",
            "content/tzgg/a.md~",
            "content/tzgg/a.md",
            "content/tzgg/.a.md.swp",
        ];
        assert_eq!(kind(&batch), items(&["content/tzgg/a.md"]));
    }

    #[test]
    fn output_git_and_unread_files_are_ignored() {
        for p in [
            "public/index.html",
            "public/.gongkai-manifest",
            ".git/index",
            ".git",
            "README.md",
            "notes/a.md",
        ] {
            assert_eq!(kind(&[p]), ChangeKind::Ignored, "{p}");
        }
    }

    #[test]
    fn output_folder_outside_the_root_and_paths_outside() {
        let root = Path::new("/site");
        let out = Path::new("/srv/www");
        assert_eq!(
            classify(root, out, &[], &[out.join("index.html")]),
            ChangeKind::Ignored
        );
        let odd = PathBuf::from("/elsewhere/x");
        assert_eq!(
            classify(root, out, &[], std::slice::from_ref(&odd)),
            ChangeKind::Full(vec![odd])
        );
    }

    /// Issue 17: a rollup column's source, inside the site but outside
    /// its watched folders or outside the site altogether, rebuilds it;
    /// an editor's scratch file there does not.
    #[test]
    fn a_rollup_source_changes_everything() {
        let root = Path::new("/site");
        let extra = [root.join("depts"), PathBuf::from("/other/site")];
        // In the sorted order a batch is reported in.
        let paths = [
            PathBuf::from("/other/site/content/ndbg/2023.yaml"),
            root.join("depts/caizheng/content/ndbg/2023.yaml"),
        ];
        assert_eq!(
            classify(root, &root.join("public"), &extra, &paths),
            ChangeKind::Full(paths.to_vec())
        );
        let swap = [root.join("depts/caizheng/content/ndbg/.2023.yaml.swp")];
        assert_eq!(
            classify(root, &root.join("public"), &extra, &swap),
            ChangeKind::Ignored
        );
        assert_eq!(
            classify(
                root,
                &root.join("public"),
                &[],
                &[root.join("depts/a.yaml")]
            ),
            ChangeKind::Ignored
        );
    }
}
