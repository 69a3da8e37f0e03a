//! The pages of a rollup column (`kind: rollup`): the column page lists
//! the years; each year's page has the summed tables of parts 二–四 in the
//! official layout (`render::report::table_parts`) and the agencies whose
//! reports were read, each linked to its published page when its site has
//! a `base_url` with a host, else named as text.

use crate::content::{ColumnContent, LinkIndex};
use serde::Serialize;

/// The output path of a year's page.
pub(crate) fn year_path(slug: &str, year: i32) -> String {
    format!("{slug}/{year}.html")
}

/// Context of `rollup.html`, under the key `rollup`.
#[derive(Debug, Serialize)]
pub(crate) struct RollupPage {
    /// Every year, newest first.
    years: Vec<YearLink>,
    /// The year this page is about; None on the column page.
    current: Option<YearPage>,
}

#[derive(Debug, Serialize)]
struct YearLink {
    year: i32,
    url: String,
    /// How many agencies' reports the sum adds.
    count: usize,
    current: bool,
}

#[derive(Debug, Serialize)]
struct YearPage {
    year: i32,
    edition: u16,
    count: usize,
    parts: Vec<Part>,
    agencies: Vec<Agency>,
}

#[derive(Debug, Serialize)]
struct Part {
    id: String,
    title: &'static str,
    html: String,
}

#[derive(Debug, Serialize)]
struct Agency {
    agency: String,
    title: String,
    url: Option<String>,
    published: String,
    included: bool,
}

/// The context of the column page (`year` None) or of year `year`.
pub(crate) fn page(col: &ColumnContent, year: Option<usize>, index: &LinkIndex<'_>) -> RollupPage {
    let slug = &col.column.slug;
    let years = col
        .rollup
        .iter()
        .enumerate()
        .map(|(i, s)| YearLink {
            year: s.year,
            url: index.url(&year_path(slug, s.year)),
            count: s.included.len(),
            current: Some(i) == year,
        })
        .collect();
    let current = year.and_then(|i| col.rollup.get(i)).map(|s| {
        let parts = s
            .data
            .as_ref()
            .map(|d| {
                crate::render::report::table_parts(d)
                    .into_iter()
                    .enumerate()
                    .map(|(n, (title, html))| Part {
                        id: format!("part-{}", n + 2),
                        title,
                        html,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut agencies: Vec<Agency> = s
            .included
            .iter()
            .map(|e| (e, true))
            .chain(s.left_out.iter().filter(|e| e.read).map(|e| (e, false)))
            .map(|(e, included)| Agency {
                agency: e.agency.clone(),
                title: e.title.clone(),
                url: e.page_url.clone(),
                published: e.published.clone(),
                included,
            })
            .collect();
        agencies.sort_by(|a, b| a.agency.cmp(&b.agency));
        YearPage {
            year: s.year,
            edition: s.edition,
            count: s.included.len(),
            parts,
            agencies,
        }
    });
    RollupPage { years, current }
}
