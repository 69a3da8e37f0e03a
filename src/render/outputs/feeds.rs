//! Atom feeds: `feed.xml` for the whole site and `<column>/feed.xml` for
//! each list column, for subscribers. They list items, so they follow item
//! edits.

use super::{Cx, SiteOutput, absolute};
use crate::config::ColumnKind;
use crate::content::{Item, LinkIndex, Site, list_page_path};
use crate::diag::Diagnostic;
use crate::render::escape::escape_xml as xml_escape;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};
use std::fmt::Write;

/// Entries in each feed.
const FEED_ENTRIES: usize = 50;

/// Every Atom feed.
pub(super) struct AtomFeeds;

impl SiteOutput for AtomFeeds {
    fn follows_item_edits(&self) -> bool {
        true
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        let mut claims = vec![Claim {
            path: "feed.xml".into(),
            by: Origin::builtin(&crate::t!("render-origin-feed")),
        }];
        for col in &site.columns {
            if col.column.kind == ColumnKind::List {
                let what = crate::t!("render-origin-column-feed", slug = col.column.slug.as_str());
                claims.push(Claim {
                    path: format!("{}/feed.xml", col.column.slug),
                    by: Origin::column_part(col, &what),
                });
            }
        }
        claims
    }

    fn render(&self, cx: &Cx<'_>, _: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        for file in atom_feeds(cx.site, cx.index) {
            sink.put(file);
        }
    }
}

/// `feed.xml` for all list items and `<column>/feed.xml` for each list column.
fn atom_feeds(site: &Site, index: &LinkIndex<'_>) -> Vec<OutputFile> {
    let mut all: Vec<&Item> = site.columns.iter().flat_map(|c| c.items.iter()).collect();
    all.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.out_path.cmp(&b.out_path))
    });
    let mut out = vec![feed(
        site,
        index,
        "feed.xml",
        &site.config.title,
        "index.html",
        &all,
    )];
    for col in site
        .columns
        .iter()
        .filter(|c| c.column.kind == ColumnKind::List)
    {
        let items: Vec<&Item> = col.items.iter().collect();
        let path = format!("{}/feed.xml", col.column.slug);
        let title = format!("{} - {}", col.column.title, site.config.title);
        out.push(feed(
            site,
            index,
            &path,
            &title,
            &list_page_path(&col.column.slug, 0),
            &items,
        ));
    }
    out
}

fn feed(
    site: &Site,
    index: &LinkIndex<'_>,
    path: &str,
    title: &str,
    html: &str,
    items: &[&Item],
) -> OutputFile {
    let updated = items.first().map_or_else(
        || "1970-01-01T00:00:00+08:00".to_string(),
        |i| i.date.rfc3339(),
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n",
    );
    let _ = writeln!(xml, "<title>{}</title>", xml_escape(title));
    let _ = writeln!(xml, "<id>{}</id>", xml_escape(&absolute(index, path)));
    let _ = writeln!(
        xml,
        "<link rel=\"self\" href=\"{}\"/>",
        xml_escape(&absolute(index, path))
    );
    let _ = writeln!(
        xml,
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&absolute(index, html))
    );
    let _ = writeln!(xml, "<updated>{updated}</updated>");
    let _ = writeln!(
        xml,
        "<author><name>{}</name></author>",
        xml_escape(&site.config.organization)
    );
    for item in items.iter().take(FEED_ENTRIES) {
        let url = xml_escape(&absolute(index, &item.out_path));
        let _ = write!(
            xml,
            "<entry><title>{}</title><link href=\"{url}\"/><id>{url}</id><updated>{}</updated>",
            xml_escape(&item.title),
            item.date.rfc3339()
        );
        if let Some(s) = &item.summary {
            let _ = write!(xml, "<summary>{}</summary>", xml_escape(s));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: path.to_string(),
        content: Content::Bytes(xml.into_bytes()),
    }
}
