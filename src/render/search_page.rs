//! The search page, `search.html`: the form, the place `search.js` puts the
//! results and filters, and what a reader without JavaScript gets instead:
//! a word that search needs it, and every column with its pages by year.

use super::context::{self, ItemSummary};
use super::outputs::search::PAGE;
use super::pages::Renderer;
use crate::config::ColumnKind;
use crate::content::{ColumnContent, list_page_path, url_of};
use serde::Serialize;

/// A column with at most this many items lists them all by year; a longer
/// one links each year to the list page where its items begin, so the page
/// stays light on a portal with thousands of items.
const LIST_ALL_UP_TO: usize = 60;

/// One column in the list for readers without JavaScript.
#[derive(Debug, Serialize)]
struct Column {
    title: String,
    url: String,
    years: Vec<Year>,
}

/// One year of a column.
#[derive(Debug, Serialize)]
struct Year {
    year: i16,
    count: usize,
    /// The list page where the year's items begin.
    url: String,
    /// The year's pages, when the column is short enough to list them.
    pages: Vec<ItemSummary>,
}

impl Renderer<'_> {
    pub(super) fn search(&self) -> Result<Vec<super::OutputFile>, Vec<crate::diag::Diagnostic>> {
        let columns: Vec<Column> = self.site.columns.iter().map(|c| self.column(c)).collect();
        let mut ctx = self.base_ctx("search", "站内搜索", PAGE);
        ctx.insert("search_columns", &columns);
        ctx.insert(
            "search_bundle",
            &url_of(&self.site.config.base_path, "pagefind/"),
        );
        self.finish("search.html", PAGE, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    fn column(&self, col: &ColumnContent) -> Column {
        let slug = &col.column.slug;
        let mut years: Vec<Year> = Vec::new();
        match col.column.kind {
            ColumnKind::Page | ColumnKind::Rollup => {}
            ColumnKind::List => {
                let list_all = col.items.len() <= LIST_ALL_UP_TO;
                for (i, item) in col.items.iter().enumerate() {
                    let year = item.date.date().year();
                    if years.last().is_none_or(|y| y.year != year) {
                        let n = i / col.column.per_page.max(1);
                        years.push(Year {
                            year,
                            count: 0,
                            url: self.index.url(&list_page_path(slug, n)),
                            pages: Vec::new(),
                        });
                    }
                    if let Some(y) = years.last_mut() {
                        y.count += 1;
                        if list_all {
                            y.pages.push(context::summary(item, self.index));
                        }
                    }
                }
            }
            ColumnKind::Reports => {
                for r in &col.reports {
                    let url = self.index.url(&format!("{slug}/{}.html", r.slug()));
                    years.push(Year {
                        year: r.year() as i16,
                        count: 1,
                        url: url.clone(),
                        pages: vec![ItemSummary {
                            title: r.title().to_string(),
                            url,
                            date: super::report::published(r),
                            summary: None,
                        }],
                    });
                }
            }
        }
        Column {
            title: col.column.title.clone(),
            url: self.index.url(&list_page_path(slug, 0)),
            years,
        }
    }
}
