//! One rebuild of the watch loop (`serve`, `build --watch`): a batch of
//! changed paths becomes a [`Scope`], [`Pipeline::run`] renders into memory,
//! and the result is an [`Update`] of the files, or nothing when the run
//! failed (the last good site stays). For `serve` the search index is left
//! out of the update and handed on as a job, made after the pages are shown
//! (see `indexer`).

use super::watch::ChangeKind;
use super::{Collect, Outcome, Pipeline, Scope, Sink};
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::render::{IndexJob, OutputFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// New output of a successful rebuild.
#[derive(Debug)]
pub enum Update {
    /// The whole site: replaces every file, except that the files in the
    /// folders of `kept` stay (the search index, when it comes after).
    All {
        /// The new files.
        files: Vec<OutputFile>,
        /// Folders (`pagefind/`) whose old files stay until their new ones
        /// come.
        kept: Vec<String>,
    },
    /// Files that replace the files at the same paths; the rest is
    /// unchanged, except in the folders of `replaced`, whose old files are
    /// all dropped (the search index, made again whole, with new names).
    Some {
        /// The new files.
        files: Vec<OutputFile>,
        /// Folders (`pagefind/`) made again whole by this rebuild.
        replaced: Vec<String>,
    },
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuild {
    /// When it started, for the time on the rebuild line.
    pub started: Instant,
    /// What changed, for the rebuild line (`content/tzgg/a.md changed`).
    pub what: String,
    /// The pipeline's outcome: findings, scope, pages rendered.
    pub outcome: Outcome,
    /// New output; `None` when the rebuild failed.
    pub update: Option<Update>,
    /// The search index, to be made after the pages are published, when
    /// the rebuild was asked to leave it for later and succeeded.
    pub index_job: Option<IndexJob>,
}

impl Rebuild {
    /// Runs `pipeline` for `change`, keeping the files in memory.
    pub fn run(pipeline: &mut Pipeline, change: &ChangeKind) -> Self {
        Self::run_with(pipeline, change, false)
    }

    /// As [`Rebuild::run`], but the search index is not made: it is left in
    /// [`Rebuild::index_job`], and the update keeps the old index's files.
    pub fn run_index_later(pipeline: &mut Pipeline, change: &ChangeKind) -> Self {
        Self::run_with(pipeline, change, true)
    }

    fn run_with(pipeline: &mut Pipeline, change: &ChangeKind, index_later: bool) -> Self {
        let started = Instant::now();
        let what = describe(&pipeline.options().root, change.paths());
        let scope = match change {
            ChangeKind::Items(paths) if paths.len() == 1 => Scope::Item(paths[0].clone()),
            _ => Scope::Full,
        };
        let sink = Later {
            files: Collect::default(),
            job: index_later.then(|| Mutex::new(None)),
        };
        let outcome = pipeline.run(&scope, &sink);
        let (files, job) = sink.into_parts();
        let site = pipeline.site().filter(|_| !outcome.failed());
        let job = job.filter(|_| site.is_some());
        // The folders made again whole: by this update, or by the index
        // made after it.
        let whole = site.map(crate::render::rebuilt_whole).unwrap_or_default();
        let update = site.map(|_| {
            if outcome.incremental {
                Update::Some {
                    files,
                    replaced: if index_later { Vec::new() } else { whole },
                }
            } else {
                Update::All {
                    files,
                    kept: if job.is_some() { whole } else { Vec::new() },
                }
            }
        });
        Self {
            started,
            what,
            outcome,
            update,
            index_job: job,
        }
    }

    /// True when the rebuild produced output.
    pub fn ok(&self) -> bool {
        self.update.is_some()
    }

    /// HTML pages rendered.
    pub fn pages(&self) -> usize {
        if self.ok() { self.outcome.pages } else { 0 }
    }

    /// True when only the pages an item edit touches were rendered.
    pub fn incremental(&self) -> bool {
        self.outcome.incremental
    }

    /// The errors only, sorted as the terminal shows them.
    pub fn errors(&self) -> Vec<Diagnostic> {
        let mut all = Diagnostics::default();
        all.extend(self.outcome.diagnostics.iter().cloned());
        all.sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect()
    }

    /// Prints the findings through the same reporter as `build`.
    pub fn report(&self) {
        let mut all = Diagnostics::default();
        all.extend(self.outcome.diagnostics.iter().cloned());
        all.report();
    }

    /// `all 120 pages` or `6 changed pages`, for the rebuild line.
    pub fn pages_rendered(&self) -> String {
        let pages = self.pages();
        if self.incremental() {
            crate::t!("build-pages-changed", count = pages)
        } else {
            crate::t!("build-pages-all", count = pages)
        }
    }
}

/// `content/tzgg/a.md changed`, `3 files changed`, or `site built`.
fn describe(root: &Path, paths: &[PathBuf]) -> String {
    let shown = |p: &PathBuf| crate::diag::display_path(root, p).display().to_string();
    match paths {
        [] => crate::t!("build-what-site"),
        [one] => crate::t!("build-what-one", path = shown(one)),
        [first, rest @ ..] => crate::t!("build-what-more", path = shown(first), count = rest.len()),
    }
}

/// The whole output as one list, kept up to date from [`Update`]s, for
/// writing to the output folder.
#[derive(Debug, Default)]
pub struct FileSet {
    files: Vec<OutputFile>,
    position: HashMap<String, usize>,
}

impl FileSet {
    /// Applies a rebuild's update.
    pub fn apply(&mut self, update: Update) {
        match update {
            Update::All { files, kept } => {
                let old = std::mem::replace(&mut self.files, files);
                let new: std::collections::HashSet<String> =
                    self.files.iter().map(|f| f.path.clone()).collect();
                // An old file stays only where no new one takes its place.
                self.files.extend(old.into_iter().filter(|f| {
                    kept.iter().any(|dir| f.path.starts_with(dir.as_str()))
                        && !new.contains(&f.path)
                }));
                self.position = self
                    .files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.path.clone(), i))
                    .collect();
            }
            Update::Some { files, replaced } => {
                if !replaced.is_empty() {
                    let gone = |p: &str| replaced.iter().any(|dir| p.starts_with(dir.as_str()));
                    self.files.retain(|f| !gone(&f.path));
                    self.position = self
                        .files
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (f.path.clone(), i))
                        .collect();
                }
                for f in files {
                    match self.position.get(&f.path) {
                        Some(&i) => self.files[i] = f,
                        None => {
                            self.position.insert(f.path.clone(), self.files.len());
                            self.files.push(f);
                        }
                    }
                }
            }
        }
    }

    /// Every file of the site.
    pub fn files(&self) -> &[OutputFile] {
        &self.files
    }
}

/// Keeps the files in memory, and the search index for later when asked
/// to (`job` is then `Some`).
struct Later {
    files: Collect,
    job: Option<Mutex<Option<IndexJob>>>,
}

impl Later {
    fn into_parts(self) -> (Vec<OutputFile>, Option<IndexJob>) {
        let job = self
            .job
            .and_then(|j| j.into_inner().unwrap_or_else(PoisonError::into_inner));
        (self.files.into_files(), job)
    }
}

impl Sink for Later {
    fn put(&self, file: OutputFile) {
        self.files.put(file);
    }

    fn index(&self, job: IndexJob, diags: &mut Vec<Diagnostic>) {
        match &self.job {
            Some(later) => *later.lock().unwrap_or_else(PoisonError::into_inner) = Some(job),
            None => self.files.index(job, diags),
        }
    }
}

#[cfg(test)]
#[path = "rebuild_tests.rs"]
mod tests;
