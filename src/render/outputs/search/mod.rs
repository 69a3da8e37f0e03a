//! Full-text search that works on any static host: an index of every page
//! a reader looks for (`records`), cut into words that find Chinese text
//! wherever it sits in a sentence (`tokens`), built by Pagefind as a library
//! (`pagefind`) into `pagefind/`. The page that searches it is a page job
//! (`search.html`, theme template `search.html`) whose script is the theme's
//! `static/search.js`; without JavaScript that page lists every column and
//! its pages by year instead.
//!
//! `search: false` in site.yaml leaves all of it out.

mod memory;
mod pagefind;
mod records;
pub(crate) mod tokens;

use super::{Cx, SiteOutput};
use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};

pub(crate) use pagefind::DIR;

/// The search page's path in the output.
pub(crate) const PAGE: &str = "search.html";

/// The search index.
pub(super) struct SearchIndex;

impl SiteOutput for SearchIndex {
    fn follows_item_edits(&self) -> bool {
        // An item's words, title and date are in the index.
        true
    }

    fn follows_text_edits(&self) -> bool {
        true
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        if !site.config.search {
            return Vec::new();
        }
        let by = Origin::builtin(&crate::t!("render-origin-search"));
        pagefind::FIXED_FILES
            .iter()
            .map(|name| Claim {
                path: format!("{}/{name}", pagefind::DIR),
                by: by.clone(),
            })
            .collect()
    }

    fn render(&self, cx: &Cx<'_>, diags: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        if !cx.site.config.search {
            return;
        }
        let records = match records::records(cx.site, cx.index) {
            Ok(records) => records,
            Err(errors) => {
                diags.extend(errors);
                return;
            }
        };
        if let Some(warning) = memory::warning(memory::words(&records), memory::available) {
            // Said at once: short of memory, the system stops the build
            // before its findings are printed.
            crate::errln!("{warning}");
        }
        match pagefind::index(records) {
            Ok(files) => {
                for (name, bytes) in files {
                    sink.put(OutputFile {
                        path: format!("{}/{name}", pagefind::DIR),
                        content: Content::Bytes(bytes),
                    });
                }
            }
            Err(detail) => diags.push(Diagnostic::site_wide(
                &codes::SEARCH_INDEX,
                crate::t!("render-search-failed", detail = detail),
            )),
        }
    }
}
