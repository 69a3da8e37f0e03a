//! The one list of site-wide outputs: files that are not one page of one
//! job but are made from the whole site (feeds, `sitemap.xml`, the report
//! downloads, copied static files and attachments; next, the search index).
//!
//! A full render walks every entry of [`OUTPUTS`]; the render after an edit
//! of one list item walks only those that say they [follow item
//! edits](SiteOutput::follows_item_edits). Adding an output is one file
//! here with a type implementing [`SiteOutput`], and one line in
//! [`OUTPUTS`].

mod copied;
mod downloads;
mod elder;
mod feeds;
mod redirects;
pub(crate) mod search;
mod sitemap;

use super::Sink;
use super::plan::Claim;
use crate::content::{LinkIndex, Site};
use crate::diag::Diagnostic;

/// What every output may read.
pub(crate) struct Cx<'a> {
    /// The loaded site.
    pub(crate) site: &'a Site,
    /// URLs of every page and file.
    pub(crate) index: &'a LinkIndex<'a>,
    /// Minify what can be minified.
    pub(crate) minify: bool,
}

/// One kind of site-wide output.
pub(crate) trait SiteOutput: Sync {
    /// True when an edit of one list item that keeps its page and its
    /// attachments can change this output's bytes (the item's title, date
    /// or summary appear in it). Such outputs are rendered again after every
    /// item edit; the others only in a full render.
    fn follows_item_edits(&self) -> bool;

    /// True when an edit of an item's text alone (its front matter and
    /// everything other pages show of it unchanged) can change this
    /// output's bytes: only the search index holds the text.
    fn follows_text_edits(&self) -> bool {
        false
    }

    /// True for the 长者模式 mirror, whose paths repeat the pages': the plan
    /// checks them only once the pages' own paths are clean, so one
    /// collision is not reported twice.
    fn is_mirror(&self) -> bool {
        false
    }

    /// Every path this output writes in a full render and what claims it,
    /// without rendering: the plan checks them all before anything is
    /// written (`render::plan`). Must list exactly the paths `render` puts.
    fn paths(&self, site: &Site) -> Vec<Claim>;

    /// Hands every file of this output to `sink`; problems go to `diags`.
    fn render(&self, cx: &Cx<'_>, diags: &mut Vec<Diagnostic>, sink: &dyn Sink);
}

/// Every site-wide output, in the order they are rendered.
pub(crate) static OUTPUTS: &[&dyn SiteOutput] = &[
    &sitemap::Sitemap,
    &feeds::AtomFeeds,
    &downloads::ReportDownloads,
    &copied::StaticFiles,
    &copied::Attachments,
    &redirects::Redirects,
    &elder::Elder,
    &search::SearchIndex,
];

pub(crate) use elder::{MirrorSink, is_mirror_path, mirror_path};
pub(crate) use redirects::check as check_redirects;

/// The absolute URL of an output path when base_url has a scheme and host,
/// otherwise the path from the site's root.
fn absolute(index: &LinkIndex<'_>, out: &str) -> String {
    index.absolute_url(out).unwrap_or_else(|| index.url(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_search_index_follows_text_edits() {
        let following: Vec<bool> = OUTPUTS.iter().map(|o| o.follows_text_edits()).collect();
        assert_eq!(
            following,
            [false, false, false, false, false, false, false, true]
        );
    }

    #[test]
    fn only_outputs_listing_items_follow_item_edits() {
        let following: Vec<bool> = OUTPUTS.iter().map(|o| o.follows_item_edits()).collect();
        assert_eq!(
            following,
            [true, true, false, false, false, false, false, true]
        );
    }
}
