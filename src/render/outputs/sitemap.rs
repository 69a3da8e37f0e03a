//! `sitemap.xml`: every HTML page for search engines, items and reports
//! with their date. An item edit can change an item's date, so it follows
//! item edits.

use super::{Cx, SiteOutput, absolute};
use crate::content::Site;
use crate::content::list_page_path;
use crate::diag::Diagnostic;
use crate::render::escape::escape_xml as xml_escape;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink, page_count};
use std::fmt::Write;

/// `sitemap.xml`.
pub(super) struct Sitemap;

impl SiteOutput for Sitemap {
    fn follows_item_edits(&self) -> bool {
        true
    }

    fn paths(&self, _: &Site) -> Vec<Claim> {
        vec![Claim {
            path: "sitemap.xml".into(),
            by: Origin::builtin("sitemap.xml"),
        }]
    }

    fn render(&self, cx: &Cx<'_>, _: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        sink.put(sitemap_xml(cx));
    }
}

/// `sitemap.xml` with every HTML page; items carry their date.
fn sitemap_xml(cx: &Cx<'_>) -> OutputFile {
    let (site, index) = (cx.site, cx.index);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |out: &str, lastmod: Option<String>| {
        let _ = write!(xml, "<url><loc>{}</loc>", xml_escape(&absolute(index, out)));
        if let Some(d) = lastmod {
            let _ = write!(xml, "<lastmod>{d}</lastmod>");
        }
        xml.push_str("</url>\n");
    };
    url("index.html", None);
    url("sitemap.html", None);
    for col in &site.columns {
        let slug = &col.column.slug;
        for n in 0..page_count(col) {
            url(&list_page_path(slug, n), None);
        }
        for item in &col.items {
            url(&item.out_path, Some(item.date.date_string()));
        }
        for r in &col.reports {
            url(
                &format!("{slug}/{}.html", r.slug()),
                r.published().map(|d| d.to_string()),
            );
        }
        for sum in &col.rollup {
            url(&crate::render::rollup::year_path(slug, sum.year), None);
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        content: Content::Bytes(xml.into_bytes()),
    }
}
