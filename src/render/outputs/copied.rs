//! Files copied as they are: the theme's and the site's static files (CSS
//! minified with the pages) and the attachments of items. An item edit that
//! keeps its attachments (the only kind rendered incrementally) changes
//! neither.

use super::{Cx, SiteOutput};
use crate::content::Site;
use crate::diag::{self, Diagnostic};
use crate::render::minify::minify_css;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};
use crate::theme::StaticSource;
use std::borrow::Cow;

/// `static/**` of the theme and the site.
pub(super) struct StaticFiles;

/// The attachments of every item.
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
        }
    }
}

/// The bytes of a static file.
fn static_bytes(src: &StaticSource) -> Result<Cow<'static, [u8]>, crate::fsx::IoError> {
    Ok(match src {
        StaticSource::Embedded(b) => Cow::Borrowed(*b),
        StaticSource::File(p) => Cow::Owned(crate::fsx::read(p)?),
    })
}
