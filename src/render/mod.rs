//! Render stage: turns the loaded, validated [`Site`] into output files in
//! memory. Nothing here touches the output folder; `output` writes what this
//! returns, so a failed render never changes a published site.

mod context;
pub(crate) mod escape;
mod feeds;
pub(crate) mod markdown;
mod minify;
mod pages;
mod partial;
mod report;
mod templates;

use crate::config::ColumnKind;
use crate::content::{ColumnContent, LinkIndex, Site, url_of};
use crate::diag::Diagnostic;
use crate::theme::StaticSource;
use rayon::prelude::*;
use std::path::PathBuf;

pub(crate) use partial::{ItemEdit, render_item_edit};

/// Where an output file's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    /// Rendered in memory.
    Bytes(Vec<u8>),
    /// Copied from a file in the content tree or theme.
    File(PathBuf),
    /// Compiled into the binary.
    Static(&'static [u8]),
}

/// One file of the output, by path relative to the output folder.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    /// `/`-separated path relative to the output folder.
    pub(crate) path: String,
    /// The bytes or where to get them.
    pub(crate) content: Content,
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

/// Renders every page, feed and copied file into a list. Problems go to
/// `diags`. Used where the whole site is kept in memory (serve, check).
pub(crate) fn render(
    site: &Site,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    let files = std::sync::Mutex::new(Vec::new());
    render_each(site, opts, diags, &|f| {
        if let Ok(mut v) = files.lock() {
            v.push(f);
        }
    });
    files.into_inner().unwrap_or_default()
}

/// Renders every page, feed and copied file, handing each to `emit` as soon
/// as it is ready (from several threads at once), so a build never holds the
/// whole rendered site in memory. Problems go to `diags`.
pub(crate) fn render_each(
    site: &Site,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
    emit: &(dyn Fn(OutputFile) + Sync),
) {
    let Some(mut templates) = templates::Templates::new(&site.theme.templates, diags) else {
        return;
    };
    let index = LinkIndex::new(site);
    set_globals(&mut templates.tera, site, &index);
    let renderer = pages::Renderer {
        site,
        index: &index,
        templates: &templates,
        minify: opts.minify,
    };
    let jobs = pages::jobs(site);
    let failures: Vec<Vec<Diagnostic>> = jobs
        .par_iter()
        .filter_map(|job| match renderer.render(job) {
            Ok(files) => {
                files.into_iter().for_each(emit);
                None
            }
            Err(d) => Some(d),
        })
        .collect();
    diags.extend(failures.into_iter().flatten());
    feeds::sitemap_xml(site, &index).into_iter().for_each(emit);
    feeds::atom_feeds(site, &index).into_iter().for_each(emit);
    copied_files(site, opts.minify, diags)
        .into_iter()
        .for_each(emit);
}

fn set_globals(tera: &mut tera::Tera, site: &Site, index: &LinkIndex) {
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
        },
    );
    g.insert("generator", concat!("gongkai ", env!("CARGO_PKG_VERSION")));
}

/// The bytes of a static file.
fn static_bytes(
    src: &StaticSource,
) -> Result<std::borrow::Cow<'static, [u8]>, crate::fsx::IoError> {
    Ok(match src {
        StaticSource::Embedded(b) => std::borrow::Cow::Borrowed(*b),
        StaticSource::File(p) => std::borrow::Cow::Owned(crate::fsx::read(p)?),
    })
}

/// Attachments and static files, copied as they are; CSS files are
/// minified with the pages.
fn copied_files(site: &Site, minify: bool, diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for (path, src) in &site.theme.statics {
        let content = match src {
            _ if minify && path.ends_with(".css") => match static_bytes(src) {
                Ok(css) => Content::Bytes(minify::minify_css(&css)),
                Err(e) => {
                    diags.push(Diagnostic::error(&e.path, e.to_string()));
                    continue;
                }
            },
            StaticSource::Embedded(b) => Content::Static(b),
            StaticSource::File(p) => Content::File(p.clone()),
        };
        out.push(OutputFile {
            path: path.clone(),
            content,
        });
    }
    for col in &site.columns {
        for item in &col.items {
            for a in &item.attachments {
                out.push(OutputFile {
                    path: a.out_path.clone(),
                    content: Content::File(a.source.clone()),
                });
            }
        }
    }
    out
}
