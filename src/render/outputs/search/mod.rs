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
        let job = IndexJob {
            entries: records::entries(cx.site, cx.index),
        };
        // The sink decides when the index is made: `build` at once, `serve`
        // once the pages are shown.
        sink.index(job, diags);
    }
}

/// The search index of one run, not made yet: what its records are made
/// from. Making it takes far longer than the rest of a build (Pagefind
/// holds a word for every Chinese character), so [`Sink::index`] decides
/// when.
#[derive(Debug)]
pub struct IndexJob {
    entries: Vec<records::Entry>,
}

impl IndexJob {
    /// Pages the index holds.
    pub fn pages(&self) -> usize {
        self.entries.len()
    }

    /// Makes the index: its files, or why it could not be made.
    pub fn run(self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        self.make(&|| false, false)
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    /// As [`IndexJob::run`], after the run that took the job, for `serve`:
    /// `None` as soon as `superseded` says a newer index is wanted instead,
    /// or when a page's file changed since the run read it (the watcher
    /// saw the change, and the rebuild it asks for takes a job of its own).
    pub fn run_later(
        self,
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Result<Vec<OutputFile>, Vec<Diagnostic>>> {
        self.make(superseded, true)
    }

    fn make(
        self,
        superseded: &(dyn Fn() -> bool + Sync),
        later: bool,
    ) -> Option<Result<Vec<OutputFile>, Vec<Diagnostic>>> {
        let records = match records::records(self.entries, superseded)? {
            Ok(records) => records,
            // The only errors are bodies that could not be read again.
            Err(_) if later => return None,
            Err(errors) => return Some(Err(errors)),
        };
        if let Some(warning) = memory::warning(memory::words(&records), memory::available) {
            // Said at once: short of memory, the system stops the build
            // before its findings are printed.
            crate::errln!("{warning}");
        }
        let files = match pagefind::index(records, superseded)? {
            Ok(files) => files,
            Err(detail) => {
                return Some(Err(vec![Diagnostic::site_wide(
                    &codes::SEARCH_INDEX,
                    crate::t!("render-search-failed", detail = detail),
                )]));
            }
        };
        Some(Ok(files
            .into_iter()
            .map(|(name, bytes)| OutputFile {
                path: format!("{}/{name}", pagefind::DIR),
                content: Content::Bytes(bytes),
            })
            .collect()))
    }
}
