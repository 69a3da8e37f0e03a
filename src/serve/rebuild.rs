//! Rebuilding after a change, for `serve` and `build --watch`. Every
//! rebuild goes through the shared stages: a full one is exactly
//! [`pipeline::run`]; an edit of one list item re-reads that file with the
//! content stage's loader and renders the pages it shows on with the render
//! stage's jobs. Whenever an incremental rebuild is not clearly equivalent to
//! a full one, a full one runs. A failed rebuild keeps the last good site.

use super::watch::ChangeKind;
use crate::content::{self, Item, LoadOptions, Site};
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::pipeline::{self, PipelineOptions};
use crate::render::{self, ItemEdit, OutputFile, RenderOptions};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// New output of a successful rebuild.
#[derive(Debug)]
pub(crate) enum Update {
    /// The whole site: replaces every file.
    All(Vec<OutputFile>),
    /// Files that replace the files at the same paths; the rest is unchanged.
    Some(Vec<OutputFile>),
}

/// What one rebuild did.
#[derive(Debug)]
pub(crate) struct Rebuild {
    /// When it started, for the time on the rebuild line.
    pub(crate) started: Instant,
    /// What changed, for the rebuild line (`content/tzgg/a.md changed`).
    pub(crate) what: String,
    /// True when only the pages an item edit touches were rendered.
    pub(crate) incremental: bool,
    /// New output; `None` when the rebuild failed.
    pub(crate) update: Option<Update>,
    /// Every finding, errors and warnings.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Rebuild {
    /// True when the rebuild produced output.
    pub(crate) fn ok(&self) -> bool {
        self.update.is_some()
    }

    /// HTML pages rendered.
    pub(crate) fn pages(&self) -> usize {
        let files = match &self.update {
            Some(Update::All(f) | Update::Some(f)) => f,
            None => return 0,
        };
        files.iter().filter(|f| f.path.ends_with(".html")).count()
    }

    /// The errors only, sorted as the terminal shows them.
    pub(crate) fn errors(&self) -> Vec<Diagnostic> {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    fn sorted(&self) -> Vec<Diagnostic> {
        let mut all = Diagnostics::default();
        all.extend(self.diagnostics.iter().cloned());
        all.sorted().into_iter().cloned().collect()
    }

    /// Prints the findings through the same reporter as `build`.
    pub(crate) fn report(&self) {
        let mut all = Diagnostics::default();
        all.extend(self.diagnostics.iter().cloned());
        all.report();
    }
}

/// Keeps the last good site between rebuilds.
#[derive(Debug)]
pub(crate) struct Rebuilder {
    opts: PipelineOptions,
    site: Option<Site>,
    /// False after a failed rebuild: the next one is full, so errors in
    /// files that did not change again are still found.
    healthy: bool,
}

/// Beyond this many edited items at once, a full rebuild is as quick.
const MAX_INCREMENTAL: usize = 1;

impl Rebuilder {
    /// A rebuilder with no build yet; the first rebuild is full.
    pub(crate) fn new(opts: PipelineOptions) -> Self {
        Self {
            opts,
            site: None,
            healthy: false,
        }
    }

    /// The last good site, if any build succeeded.
    pub(crate) fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// The site's folder.
    pub(crate) fn root(&self) -> &Path {
        &self.opts.root
    }

    /// Rebuilds what `change` needs.
    pub(crate) fn rebuild(&mut self, change: &ChangeKind) -> Rebuild {
        let started = Instant::now();
        let what = describe(&self.opts.root, change.paths());
        let mut rebuild = match change {
            ChangeKind::Items(paths) if self.healthy => self.incremental(paths),
            _ => None,
        }
        .unwrap_or_else(|| self.full());
        rebuild.started = started;
        rebuild.what = what;
        rebuild
    }

    fn full(&mut self) -> Rebuild {
        let outcome = pipeline::run(&self.opts);
        let failed = outcome.failed() || outcome.site.is_none();
        self.healthy = !failed;
        let update = if failed {
            None
        } else {
            self.site = outcome.site;
            Some(Update::All(outcome.files))
        };
        finished(false, update, outcome.diagnostics)
    }

    /// `None` when the change needs a full rebuild after all.
    fn incremental(&mut self, paths: &[PathBuf]) -> Option<Rebuild> {
        if paths.len() > MAX_INCREMENTAL {
            return None;
        }
        let site = self.site.as_mut()?;
        let mut diags = Vec::new();
        let path = paths.first().filter(|p| p.is_file())?;
        let opts = LoadOptions {
            drafts: self.opts.drafts,
        };
        let (column, item) = content::reload_item(&self.opts.root, site, path, &opts, &mut diags)?;
        if has_errors(&diags) {
            self.healthy = false;
            return Some(finished(true, None, diags));
        }
        // A draft now hidden, or a file that is gone: pages disappear.
        let item = item?;
        if !keeps_its_pages(site, column, &item) {
            return None;
        }
        let per_page = site.columns[column].column.per_page;
        let moved = content::replace_item(site, column, item)?;
        let edit = ItemEdit::moved(column, moved.from, moved.to, per_page);
        let render_opts = RenderOptions {
            minify: self.opts.minify,
        };
        let files = render::render_item_edit(site, render_opts, &edit, &mut diags);
        let ok = !has_errors(&diags);
        self.healthy = ok;
        Some(finished(true, ok.then_some(Update::Some(files)), diags))
    }
}

fn finished(incremental: bool, update: Option<Update>, diagnostics: Vec<Diagnostic>) -> Rebuild {
    Rebuild {
        started: Instant::now(),
        what: String::new(),
        incremental,
        update,
        diagnostics,
    }
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// True when `item` is an edit of an item `site` already has, from the same
/// file, at the same page, with the same attachment files: then no other
/// page's links or file list can change.
fn keeps_its_pages(site: &Site, column: usize, item: &Item) -> bool {
    let Some(col) = site.columns.get(column) else {
        return false;
    };
    let files = |i: &Item| -> Vec<(String, PathBuf)> {
        i.attachments
            .iter()
            .map(|a| (a.out_path.clone(), a.source.clone()))
            .collect()
    };
    col.items.iter().any(|old| {
        old.out_path == item.out_path
            && old.source.shown == item.source.shown
            && files(old) == files(item)
    })
}

/// `content/tzgg/a.md changed`, `3 files changed`, or `site built`.
fn describe(root: &Path, paths: &[PathBuf]) -> String {
    let shown = |p: &PathBuf| crate::diag::display_path(root, p).display().to_string();
    match paths {
        [] => "site built".to_string(),
        [one] => format!("{} changed", shown(one)),
        [first, rest @ ..] => format!("{} and {} more changed", shown(first), rest.len()),
    }
}

/// The whole output as one list, kept up to date from [`Update`]s, for
/// writing to the output folder.
#[derive(Debug, Default)]
pub(crate) struct FileSet {
    files: Vec<OutputFile>,
    position: HashMap<String, usize>,
}

impl FileSet {
    /// Applies a rebuild's update.
    pub(crate) fn apply(&mut self, update: Update) {
        match update {
            Update::All(files) => {
                self.position = files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.path.clone(), i))
                    .collect();
                self.files = files;
            }
            Update::Some(files) => {
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
    pub(crate) fn files(&self) -> &[OutputFile] {
        &self.files
    }
}

#[cfg(test)]
#[path = "rebuild_tests.rs"]
mod tests;
