//! The one composition of the stages: load config → read the content tree →
//! validate → render, handing each rendered file to a [`Sink`]. Every command
//! runs [`Pipeline::run`]: `build` with a sink that stages files on disk,
//! `serve`, `build --watch` and `check` with one that keeps them in memory.
//! A [`Scope`] says whether the whole site is rendered or only what one edit
//! of a list item changes; when an edit cannot be rendered on its own, a
//! full run happens instead, so both give the same files.
//!
//! The watch-and-rebuild loop of `serve` and `build --watch` lives here too
//! (`watch`, `session`, `rebuild`), so `build --watch` does not depend on
//! the HTTP server.

mod edits;
mod incremental;
mod indexer;
mod rebuild;
mod session;
mod watch;

use crate::config::{self, Overrides};
use crate::content::known::KnownItems;
use crate::content::{self, LoadOptions, Site};
use crate::diag::{Diagnostic, Severity};
use crate::render::{self, Discard, OutputFile, RenderOptions};
use crate::{theme, validate};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub use crate::render::{Collect, Sink};
pub use edits::item_states;
pub use indexer::Indexed;
pub use rebuild::{FileSet, Rebuild, Update};
pub use session::{Session, stop_signal, wait_for_stop};
pub use watch::ChangeKind;

/// What the pipeline needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder.
    pub root: PathBuf,
    /// Values from the command line that override site.yaml.
    pub overrides: Overrides,
    /// Include drafts.
    pub drafts: bool,
    /// Minify HTML.
    pub minify: bool,
    /// Items dated after this day are left out (with a notice); `None`
    /// publishes every date (`--future`).
    pub publish_until: Option<jiff::civil::Date>,
}

impl Options {
    /// The output folder: `--output` as given (relative to the current
    /// folder, as in every other tool), else site.yaml's `output`
    /// resolved against the root; `None` when site.yaml cannot be read
    /// (the run reports why).
    pub fn output_dir(&self) -> Option<PathBuf> {
        let config = config::load(&self.root, &self.overrides, &mut Vec::new())?;
        Some(self.chosen_output(&config.output))
    }

    /// `--output` when given, else `configured` resolved against the root.
    fn chosen_output(&self, configured: &Path) -> PathBuf {
        match &self.overrides.output {
            Some(given) => given.clone(),
            None => resolve_output(&self.root, configured),
        }
    }
}

/// The output folder: as given when absolute or when the root is the current
/// folder (so messages say `public`, not `./public`), else under the root.
pub fn resolve_output(root: &Path, output: &Path) -> PathBuf {
    if output.is_absolute() || root == Path::new(".") {
        output.to_path_buf()
    } else {
        root.join(output)
    }
}

/// How much of the site a run renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything.
    Full,
    /// Only what an edit of this one list item's file changes, when the last
    /// run succeeded and the edit keeps the item's page and attachments;
    /// otherwise everything.
    Item(PathBuf),
}

/// What one run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every finding of every stage, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// True when only what an item edit changes was rendered.
    pub incremental: bool,
    /// HTML pages handed to the sink.
    pub pages: usize,
    /// The site's list items by where they stand ([`item_states`]), when
    /// the run worked them out already.
    pub item_states:
        Option<std::collections::BTreeMap<crate::fingerprint::PathKey, crate::output::ItemState>>,
}

impl Outcome {
    /// True when any finding is an error: nothing of the run may be
    /// published.
    pub fn failed(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// The pipeline and what it keeps between runs: the site of the last run
/// (for an incremental run after it, and for `check`'s rules).
#[derive(Debug)]
pub struct Pipeline {
    opts: Options,
    site: Option<Site>,
    /// False after a failed run: the next one is full, so errors in files
    /// that did not change again are still found.
    healthy: bool,
}

impl Pipeline {
    /// A pipeline that has not run yet; its first run is full.
    pub fn new(opts: Options) -> Self {
        Self {
            opts,
            site: None,
            healthy: false,
        }
    }

    /// The output folder of the site as the last run read it (`public` when
    /// site.yaml could not be read), resolved against the root; `--output`
    /// as given.
    pub fn output_dir(&self) -> PathBuf {
        let configured = self.site.as_ref().map(|s| s.config.output.as_path());
        self.opts
            .chosen_output(configured.unwrap_or(Path::new("public")))
    }

    /// The options it runs with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The site as the last run read it, when site.yaml could be read; after
    /// a failed run it may hold errors.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// Runs the stages for `scope`, handing rendered files to `sink`. When
    /// the run has errors, the sink may have received some files: the caller
    /// must not publish them. When the content has errors, the templates
    /// are still rendered (into nothing) so one run reports every problem.
    pub fn run(&mut self, scope: &Scope, sink: &dyn Sink) -> Outcome {
        if let Scope::Item(path) = scope
            && self.healthy
            && let Some(outcome) = self.run_item(path, sink)
        {
            self.healthy = !outcome.failed();
            return outcome;
        }
        let outcome = self.run_full(sink);
        self.healthy = !outcome.failed();
        outcome
    }

    fn render_options(&self) -> RenderOptions {
        RenderOptions {
            minify: self.opts.minify,
        }
    }

    fn run_full(&mut self, sink: &dyn Sink) -> Outcome {
        let (site, mut diagnostics) = load(&self.opts, None);
        let Some(site) = site else {
            return Outcome {
                diagnostics,
                ..Outcome::default()
            };
        };
        // Every output path is checked before the first file is rendered,
        // so a collision stops the run with nothing handed to the sink.
        render::plan(&site, &mut diagnostics);
        let counter = Counting::new(sink);
        let target: &dyn Sink = if has_errors(&diagnostics) {
            &Discard
        } else {
            &counter
        };
        render::render(
            &site,
            self.render_options(),
            &render::Scope::All,
            &mut diagnostics,
            target,
        );
        self.site = Some(site);
        Outcome {
            diagnostics,
            incremental: false,
            pages: counter.pages(),
            item_states: None,
        }
    }
}

/// The stages before rendering: config, theme, content, validation.
/// `known` items of the last build are taken instead of their files.
fn load(opts: &Options, known: Option<KnownItems>) -> (Option<Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(config) = config::load(&opts.root, &opts.overrides, &mut diags) else {
        return (None, diags);
    };
    let theme = theme::load(&opts.root, &config.theme, &mut diags);
    let known = known.map(std::sync::Arc::new);
    let site = content::load(
        &opts.root,
        config,
        theme,
        &LoadOptions {
            drafts: opts.drafts,
            publish_until: opts.publish_until,
            known,
        },
        &mut diags,
    );
    validate::validate(&site, &mut diags);
    (Some(site), diags)
}

/// Passes files on, counting the HTML pages.
struct Counting<'a> {
    inner: &'a dyn Sink,
    pages: AtomicUsize,
}

impl<'a> Counting<'a> {
    fn new(inner: &'a dyn Sink) -> Self {
        Self {
            inner,
            pages: AtomicUsize::new(0),
        }
    }

    fn pages(&self) -> usize {
        self.pages.load(Ordering::Relaxed)
    }
}

impl Sink for Counting<'_> {
    fn put(&self, file: OutputFile) {
        // The 长者模式 copies are not counted: staff see their own pages.
        if file.path.ends_with(".html") && !crate::render::is_mirror_page(&file.path) {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        self.inner.put(file);
    }

    fn index(&self, job: render::IndexJob, diags: &mut Vec<Diagnostic>) {
        self.inner.index(job, diags);
    }
}
