//! Files copied as they are: the theme's and the site's static files (CSS
//! minified with the pages) and the attachments of items. An item edit that
//! keeps its attachments (the only kind rendered incrementally) changes
//! neither.

use super::{Cx, SiteOutput};
use crate::content::{LinkedFile, Site};
use crate::diag::{self, Diagnostic};
use crate::render::minify::minify_css;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};
use crate::theme::StaticSource;
use std::borrow::Cow;
use std::path::Path;

/// `static/**` of the theme and the site.
pub(super) struct StaticFiles;

/// The attachments of every item, and the files beside a page that its
/// text links (`content::LinkedFile`).
pub(super) struct Attachments;

impl SiteOutput for StaticFiles {
    fn follows_item_edits(&self) -> bool {
        false
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        site.theme
            .statics
            .iter()
            .map(|(path, _)| Claim {
                path: path.clone(),
                by: Origin::builtin(&crate::t!("render-origin-static", path = path.as_str())),
            })
            .collect()
    }

    fn render(&self, cx: &Cx<'_>, diags: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        for (path, src) in &cx.site.theme.statics {
            let content = match src {
                _ if cx.minify && path.ends_with(".css") => match static_bytes(src) {
                    Ok(css) => Content::Bytes(minify_css(&css)),
                    Err(e) => {
                        diags.push(Diagnostic::new(&diag::codes::IO, &e.path, e.to_string()));
                        continue;
                    }
                },
                StaticSource::Embedded(b) => Content::Static(b),
                StaticSource::File(p) => Content::File(p.clone()),
            };
            sink.put(OutputFile {
                path: path.clone(),
                content,
            });
        }
    }
}

impl SiteOutput for Attachments {
    fn follows_item_edits(&self) -> bool {
        false
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        let mut claims = Vec::new();
        for item in site.columns.iter().flat_map(|c| &c.items) {
            let shown = &item.source.shown;
            claims.extend(item.attachments.iter().map(|a| Claim {
                path: a.out_path.clone(),
                by: Origin {
                    what: crate::t!("render-origin-attachment", number = a.number, file = shown),
                    at: Some((shown.clone(), a.line, 0)),
                },
            }));
        }
        for col in &site.columns {
            for r in &col.reports {
                claims.extend(r.attachments().iter().map(|a| Claim {
                    path: a.out_path.clone(),
                    by: Origin {
                        what: format!("attachment {} of `{}`", a.number, r.path().display()),
                        at: Some((r.path().to_path_buf(), a.line, 0)),
                    },
                }));
            }
        }
        for (f, shown) in linked_files(site) {
            claims.push(Claim {
                path: f.out_path.clone(),
                by: Origin {
                    what: format!("the file `{}` linked from `{}`", f.rel, shown.display()),
                    at: Some((shown.to_path_buf(), f.at.0, f.at.1)),
                },
            });
        }
        claims
    }

    fn render(&self, cx: &Cx<'_>, _: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        for col in &cx.site.columns {
            for item in &col.items {
                for a in &item.attachments {
                    sink.put(OutputFile {
                        path: a.out_path.clone(),
                        content: Content::File(a.source.clone()),
                    });
                }
            }
            for a in col.reports.iter().flat_map(|r| r.attachments()) {
                sink.put(OutputFile {
                    path: a.out_path.clone(),
                    content: Content::File(a.source.clone()),
                });
            }
        }
        for (f, _) in linked_files(cx.site) {
            sink.put(OutputFile {
                path: f.out_path.clone(),
                content: Content::File(f.source.clone()),
            });
        }
    }
}

/// The files pages' texts link beside them, with the page's file.
fn linked_files(site: &Site) -> impl Iterator<Item = (&LinkedFile, &Path)> {
    site.columns.iter().flat_map(|c| {
        let items = c
            .items
            .iter()
            .flat_map(|i| i.files.iter().map(|f| (f, i.source.shown.as_path())));
        let page = c
            .page
            .iter()
            .flat_map(|p| p.files.iter().map(|f| (f, p.source.shown.as_path())));
        items.chain(page)
    })
}

/// The bytes of a static file.
fn static_bytes(src: &StaticSource) -> Result<Cow<'static, [u8]>, crate::fsx::IoError> {
    Ok(match src {
        StaticSource::Embedded(b) => Cow::Borrowed(*b),
        StaticSource::File(p) => Cow::Owned(crate::fsx::read(p)?),
    })
}
