//! Render stage: turns the loaded, validated [`Site`] into output files,
//! handed one by one to a [`Sink`]. Pages are one job each (`pages`);
//! files made from the whole site are the registry in `outputs`. Nothing
//! here touches the output folder: the sink decides where files go, and the
//! pipeline decides whether they are published.

mod context;
pub(crate) mod escape;
pub(crate) mod markdown;
mod minify;
mod names;
mod outputs;
mod pages;
mod partial;
mod plan;
pub(crate) mod report;
pub(crate) mod rollup;
mod search_page;
mod templates;

use crate::config::ColumnKind;
use crate::content::{ColumnContent, LinkIndex, Site, url_of};
use crate::diag::Diagnostic;
use rayon::prelude::*;
use std::path::PathBuf;

pub use outputs::search::IndexJob;
/// The search index's folder and the search page, in the output.
pub(crate) use outputs::search::{DIR as SEARCH_DIR, PAGE as SEARCH_PAGE};
pub(crate) use partial::ItemEdit;

/// True when `path` (relative to the output folder) is a page of the
/// 长者模式 mirror (`zhe/…`, see `outputs/elder.rs`): the same page again,
/// which `check` need not read twice.
pub fn is_mirror_page(path: &str) -> bool {
    outputs::is_mirror_path(path)
}
pub(crate) use plan::plan;

/// Where an output file's bytes come from.
#[derive(Debug, Clone)]
pub enum Content {
    /// Rendered in memory.
    Bytes(Vec<u8>),
    /// Copied from a file in the content tree or theme.
    File(PathBuf),
    /// Compiled into the binary.
    Static(&'static [u8]),
}

/// One file of the output, by path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// `/`-separated path relative to the output folder.
    pub path: String,
    /// The bytes or where to get them.
    pub content: Content,
}

/// Options of the render stage.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RenderOptions {
    /// Minify HTML and CSS.
    pub(crate) minify: bool,
}

/// Number of list pages of a column: at least one, so an empty column
/// still has its page.
pub(crate) fn page_count(col: &ColumnContent) -> usize {
    match col.column.kind {
        ColumnKind::List => col.items.len().div_ceil(col.column.per_page).max(1),
        _ => 1,
    }
}

/// Where rendered files go: staged on disk for `build`, kept in memory for
/// `serve` and `check`, or dropped when a run only looks for errors. Files
/// arrive from several threads at once, in no particular order; the caller
/// publishes them only when the whole run succeeded.
pub trait Sink: Sync {
    /// Takes one rendered file.
    fn put(&self, file: OutputFile);

    /// Takes the run's search index, not made yet. By default it is made
    /// at once and its files put like the others; `serve`'s sink keeps it
    /// to make after the pages are shown.
    fn index(&self, job: IndexJob, diags: &mut Vec<Diagnostic>) {
        match job.run() {
            Ok(files) => files.into_iter().for_each(|f| self.put(f)),
            Err(errors) => diags.extend(errors),
        }
    }
}

/// Keeps every file in memory, in the order they arrived.
#[derive(Debug, Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files collected.
    pub fn into_files(self) -> Vec<OutputFile> {
        self.0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
    }
}

/// Drops every file: for a run that renders only to find errors.
#[derive(Debug, Default, Clone, Copy)]
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) {}

    /// Not made: nothing of the run is published.
    fn index(&self, _: IndexJob, _: &mut Vec<Diagnostic>) {}
}

/// What to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every page and every site-wide output.
    All,
    /// The pages these list items' edits can change, and the site-wide
    /// outputs that follow item edits.
    ItemEdits(Vec<ItemEdit>),
}

/// Renders what `scope` asks for, handing each file to `sink` as soon as it
/// is ready (from several threads at once), so a build never holds the whole
/// rendered site in memory. Problems go to `diags`.
pub(crate) fn render(
    site: &Site,
    opts: RenderOptions,
    scope: &Scope,
    diags: &mut Vec<Diagnostic>,
    sink: &dyn Sink,
) {
    // Three things every render needs, each of the whole site, made side
    // by side: an edit build renders only a few pages after them.
    let mut template_diags = Vec::new();
    let (templates, (index, pages_sink)) = rayon::join(
        || templates::Templates::new(&site.theme.templates, &mut template_diags),
        || {
            rayon::join(
                || LinkIndex::new(site),
                // Every page goes to the sink with its 长者模式 mirror page.
                || outputs::MirrorSink::new(site, sink),
            )
        },
    );
    diags.extend(template_diags);
    let Some(mut templates) = templates else {
        return;
    };
    set_globals(&mut templates.tera, site, &index);
    let renderer = pages::Renderer {
        site,
        index: &index,
        templates: &templates,
        minify: opts.minify,
    };
    let jobs = match scope {
        Scope::All => pages::jobs(site),
        Scope::ItemEdits(edits) => {
            let mut jobs = partial::jobs(edits);
            // The search page lists the items of short columns.
            if site.config.search && !ItemEdit::all_text_only(edits) {
                jobs.push(pages::Job::Search);
            }
            jobs
        }
    };
    let failures: Vec<Vec<Diagnostic>> = jobs
        .par_iter()
        .filter_map(|job| match renderer.render(job) {
            Ok(files) => {
                files.into_iter().for_each(|f| pages_sink.put(f));
                None
            }
            Err(d) => Some(d),
        })
        .collect();
    diags.extend(failures.into_iter().flatten());
    let cx = outputs::Cx {
        site,
        index: &index,
        minify: opts.minify,
    };
    for output in outputs::OUTPUTS {
        let wanted = match scope {
            Scope::All => true,
            Scope::ItemEdits(edits) if ItemEdit::all_text_only(edits) => {
                output.follows_text_edits()
            }
            Scope::ItemEdits(_) => output.follows_item_edits(),
        };
        if wanted {
            output.render(&cx, diags, sink);
        }
    }
}

/// Folders of the output that a render after an item edit makes again
/// whole, so the files there from before it that it does not write again
/// are gone: the search index's, whose file names hold hashes of their
/// contents.
pub fn rebuilt_whole(site: &Site) -> Vec<String> {
    if site.config.search {
        vec![format!("{}/", outputs::search::DIR)]
    } else {
        Vec::new()
    }
}

fn set_globals(tera: &mut tera::Tera, site: &Site, index: &LinkIndex<'_>) {
    let base = &site.config.base_path;
    let g = tera.global_context();
    g.insert("site", &site.config);
    g.insert("nav", &context::nav(&site.config, index));
    g.insert(
        "urls",
        &context::Urls {
            home: url_of(base, "index.html"),
            sitemap: url_of(base, "sitemap.html"),
            css: url_of(base, "static/style.css"),
            feed: url_of(base, "feed.xml"),
            elder_css: url_of(base, "static/elder.css"),
            elder_js: url_of(base, "static/elder.js"),
            search: url_of(base, outputs::search::PAGE),
            search_js: url_of(base, "static/search.js"),
        },
    );
    g.insert("generator", concat!("gongkai ", env!("CARGO_PKG_VERSION")));
}
