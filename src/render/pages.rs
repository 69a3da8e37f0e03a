//! One render job per output page. Jobs are independent, so the render stage
//! runs them in parallel; each returns its files or its diagnostics.

use super::context::{self, ItemCtx};
use super::markdown::{self, Rendered};
use super::minify::minify_page;
use super::plan::{Claim, Origin};
use super::templates::Templates;
use super::{Content, OutputFile, page_count};
use crate::config::ColumnKind;
use crate::content::{ColumnContent, LinkIndex, Site, Source, list_page_path};
use crate::diag::{Diagnostic, LineIndex};
use std::borrow::Cow;

/// Latest items shown per column on the home page.
const HOME_ITEMS: usize = 7;

/// What to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Job {
    Home,
    NotFound,
    SiteMap,
    /// List page `n` (0-based) of column `c`.
    List(usize, usize),
    /// Item `i` of column `c`.
    Item(usize, usize),
    /// The page of page column `c`.
    Page(usize),
    /// The reports list of column `c`.
    Reports(usize),
    /// Report `i` of column `c`.
    Report(usize, usize),
    /// The search page (`search: true`, the default).
    Search,
    /// The years of rollup column `c`.
    Rollup(usize),
    /// Year `i` of rollup column `c`.
    RollupYear(usize, usize),
}

/// Every job of a site.
pub(super) fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::SiteMap];
    if site.config.search {
        jobs.push(Job::Search);
    }
    for (c, col) in site.columns.iter().enumerate() {
        match col.column.kind {
            ColumnKind::Page => jobs.push(Job::Page(c)),
            ColumnKind::List => {
                jobs.extend((0..page_count(col)).map(|n| Job::List(c, n)));
                jobs.extend((0..col.items.len()).map(|i| Job::Item(c, i)));
            }
            ColumnKind::Reports => {
                jobs.push(Job::Reports(c));
                jobs.extend((0..col.reports.len()).map(|i| Job::Report(c, i)));
            }
            ColumnKind::Rollup => {
                jobs.push(Job::Rollup(c));
                jobs.extend((0..col.rollup.len()).map(|i| Job::RollupYear(c, i)));
            }
        }
    }
    jobs
}

/// The file `job` writes, without rendering: the paths here are the ones
/// the render functions below write. An item's is borrowed from the site
/// (a big site has tens of thousands).
pub(super) fn page_path<'a>(site: &'a Site, job: &Job) -> Cow<'a, str> {
    match *job {
        Job::Home => "index.html".into(),
        Job::NotFound => "404.html".into(),
        Job::SiteMap => "sitemap.html".into(),
        Job::Search => super::outputs::search::PAGE.into(),
        Job::List(c, n) => list_page_path(&site.columns[c].column.slug, n).into(),
        Job::Item(c, i) => site.columns[c].items[i].out_path.as_str().into(),
        Job::Page(c) | Job::Reports(c) | Job::Rollup(c) => {
            list_page_path(&site.columns[c].column.slug, 0).into()
        }
        Job::Report(c, i) => {
            let col = &site.columns[c];
            format!("{}/{}.html", col.column.slug, col.reports[i].slug()).into()
        }
        Job::RollupYear(c, i) => {
            let col = &site.columns[c];
            super::rollup::year_path(&col.column.slug, col.rollup[i].year).into()
        }
    }
}

/// The file `job` writes ([`page_path`]) and what claims it.
pub(super) fn claim(site: &Site, job: &Job) -> Claim {
    let by = match *job {
        Job::Home => Origin::builtin(&crate::t!("render-origin-home")),
        Job::NotFound => Origin::builtin(&crate::t!("render-origin-404")),
        Job::SiteMap => Origin::builtin(&crate::t!("render-origin-sitemap")),
        Job::Search => Origin::builtin(&crate::t!("render-origin-search-page")),
        Job::List(c, _) | Job::Page(c) | Job::Reports(c) | Job::Rollup(c) => {
            Origin::column(&site.columns[c])
        }
        Job::Item(c, i) => Origin::item(&site.columns[c].items[i]),
        Job::Report(c, i) => {
            let col = &site.columns[c];
            let what = crate::t!(
                "render-origin-report",
                year = col.reports[i].year().to_string(),
                slug = col.column.slug.as_str()
            );
            Origin::column_part(col, &what)
        }
        Job::RollupYear(c, i) => {
            let col = &site.columns[c];
            let what = crate::t!(
                "render-origin-rollup",
                year = col.rollup[i].year.to_string(),
                slug = col.column.slug.as_str()
            );
            Origin::column_part(col, &what)
        }
    };
    Claim {
        path: page_path(site, job).into_owned(),
        by,
    }
}

/// Everything a job needs.
pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) index: &'a LinkIndex<'a>,
    pub(super) templates: &'a Templates,
    pub(super) minify: bool,
}

type JobResult = Result<Vec<OutputFile>, Vec<Diagnostic>>;

impl Renderer<'_> {
    pub(super) fn render(&self, job: &Job) -> JobResult {
        match *job {
            Job::Home => self.home(),
            Job::NotFound => self.simple("404.html", "404.html", "页面未找到"),
            Job::SiteMap => self.simple("sitemap.html", "sitemap.html", "网站地图"),
            Job::List(c, n) => self.list(&self.site.columns[c], n),
            Job::Item(c, i) => self.item(&self.site.columns[c], i),
            Job::Page(c) => self.page(&self.site.columns[c]),
            Job::Reports(c) => self.reports(&self.site.columns[c]),
            Job::Report(c, i) => self.report(&self.site.columns[c], i),
            Job::Search => self.search(),
            Job::Rollup(c) => self.rollup(&self.site.columns[c], None),
            Job::RollupYear(c, i) => self.rollup(&self.site.columns[c], Some(i)),
        }
    }

    pub(super) fn base_ctx(&self, kind: &str, title: &str, out: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("page_kind", kind);
        ctx.insert("page_title", title);
        ctx.insert("current_url", &self.index.url(out));
        ctx.insert("canonical", &self.index.absolute_url(out));
        ctx.insert("current_column", "");
        // The same page in the 长者模式 mirror, for the mode's link.
        ctx.insert(
            "elder_url",
            &self.index.url(&super::outputs::mirror_path(out)),
        );
        ctx
    }

    fn column_ctx(&self, ctx: &mut tera::Context, col: &ColumnContent) {
        ctx.insert("current_column", &col.column.slug);
        ctx.insert("column", &context::column(col, self.index));
    }

    pub(super) fn finish(
        &self,
        template: &str,
        out: &str,
        ctx: &tera::Context,
    ) -> Result<OutputFile, Diagnostic> {
        let html = self.templates.render(template, ctx)?;
        let bytes = if self.minify {
            minify_page(&html)
        } else {
            html
        };
        Ok(OutputFile {
            path: out.to_string(),
            content: Content::Bytes(bytes),
        })
    }

    fn simple(&self, template: &str, out: &str, title: &str) -> JobResult {
        let ctx = self.base_ctx(template.trim_end_matches(".html"), title, out);
        self.finish(template, out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    fn home(&self) -> JobResult {
        #[derive(serde::Serialize)]
        struct HomeColumn {
            column: context::ColumnCtx,
            items: Vec<context::ItemSummary>,
            summary: Option<String>,
        }
        let columns: Vec<HomeColumn> = self
            .site
            .columns
            .iter()
            .map(|col| HomeColumn {
                column: context::column(col, self.index),
                items: self.home_items(col),
                summary: col.page.as_ref().and_then(|p| p.summary.clone()),
            })
            .collect();
        let latest_report = self
            .site
            .columns
            .iter()
            .filter(|c| c.column.kind == ColumnKind::Reports)
            .find_map(|c| {
                c.reports.first().map(|r| {
                    let url = self
                        .index
                        .url(&format!("{}/{}.html", c.column.slug, r.slug()));
                    super::report::link(r, url)
                })
            });
        let mut ctx = self.base_ctx("index", &self.site.config.title, "index.html");
        ctx.insert("columns", &columns);
        ctx.insert("latest_report", &latest_report);
        self.finish("index.html", "index.html", &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    /// The latest entries of a column for the home page: items, or reports.
    fn home_items(&self, col: &ColumnContent) -> Vec<context::ItemSummary> {
        if col.column.kind == ColumnKind::Reports {
            let slug = &col.column.slug;
            return col
                .reports
                .iter()
                .take(HOME_ITEMS)
                .map(|r| context::ItemSummary {
                    title: r.title().to_string(),
                    url: self.index.url(&format!("{slug}/{}.html", r.slug())),
                    date: super::report::published(r),
                    summary: None,
                })
                .collect();
        }
        col.items
            .iter()
            .take(HOME_ITEMS)
            .map(|i| context::summary(i, self.index))
            .collect()
    }

    fn list(&self, col: &ColumnContent, n: usize) -> JobResult {
        let per = col.column.per_page;
        let pages = page_count(col);
        let out = list_page_path(&col.column.slug, n);
        let items: Vec<_> = col
            .items
            .iter()
            .skip(n * per)
            .take(per)
            .map(|i| context::summary(i, self.index))
            .collect();
        let title = if n == 0 {
            col.column.title.clone()
        } else {
            format!("{}（第{}页）", col.column.title, n + 1)
        };
        let mut ctx = self.base_ctx("list", &title, &out);
        self.column_ctx(&mut ctx, col);
        ctx.insert("items", &items);
        ctx.insert(
            "paginator",
            &context::paginator(&col.column.slug, n, pages, col.items.len(), self.index),
        );
        self.finish("list.html", &out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    fn item(&self, col: &ColumnContent, i: usize) -> JobResult {
        let item = &col.items[i];
        let body = self.markdown(&item.source, col)?;
        let ctx_item = ItemCtx {
            title: &item.title,
            date: item.date.date_string(),
            date_display: item.date.display(),
            summary: item.summary.as_deref(),
            meta: &item.meta,
            attachments: item
                .attachments
                .iter()
                .map(|a| context::attachment(a, self.index))
                .collect(),
            content: String::new(),
            draft: item.draft,
        };
        let mut ctx = self.base_ctx("item", &item.title, &item.out_path);
        self.column_ctx(&mut ctx, col);
        self.finish_with_body("item.html", &item.out_path, ctx, ctx_item, body.html)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    /// Renders an item page. When minifying, the page is rendered and
    /// minified with a marker where the body goes, and the body is put in
    /// afterwards: the body is Markdown output, already compact, and most of
    /// a page's bytes, so the minifier reads half as much (and the body is
    /// published exactly as Markdown wrote it). If the theme does not show
    /// the body exactly once as such, the whole page is minified as usual.
    fn finish_with_body(
        &self,
        template: &str,
        out: &str,
        mut ctx: tera::Context,
        mut item: ItemCtx<'_>,
        body: String,
    ) -> Result<OutputFile, Diagnostic> {
        if self.minify {
            item.content = BODY_MARK.to_string();
            ctx.insert("item", &item);
            let shell = minify_page(&self.templates.render(template, &ctx)?);
            if let Some(bytes) = splice_once(&shell, BODY_MARK.as_bytes(), body.as_bytes()) {
                return Ok(OutputFile {
                    path: out.to_string(),
                    content: Content::Bytes(bytes),
                });
            }
        }
        item.content = body;
        ctx.insert("item", &item);
        self.finish(template, out, &ctx)
    }

    fn page(&self, col: &ColumnContent) -> JobResult {
        let out = list_page_path(&col.column.slug, 0);
        let (title, summary, content, updated) = match &col.page {
            Some(p) => (
                p.title.clone(),
                p.summary.clone(),
                Some(self.markdown(&p.source, col)?.html),
                p.updated.map(|d| d.date_string()),
            ),
            None => (col.column.title.clone(), None, None, None),
        };
        let mut ctx = self.base_ctx("page", &title, &out);
        self.column_ctx(&mut ctx, col);
        ctx.insert(
            "page",
            &serde_json::json!({
                "title": title,
                "summary": summary,
                "content": content,
                "updated": updated,
            }),
        );
        self.finish("page.html", &out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    fn reports(&self, col: &ColumnContent) -> JobResult {
        let out = list_page_path(&col.column.slug, 0);
        let slug = &col.column.slug;
        let url_of =
            |r: &crate::report::Report| self.index.url(&format!("{slug}/{}.html", r.slug()));
        let mut ctx = self.base_ctx("reports", &col.column.title, &out);
        self.column_ctx(&mut ctx, col);
        ctx.insert("reports", &super::report::column(&col.reports, &url_of));
        self.finish("reports.html", &out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    fn report(&self, col: &ColumnContent, i: usize) -> JobResult {
        let r = &col.reports[i];
        let slug = &col.column.slug;
        let out = format!("{slug}/{}.html", r.slug());
        let mut ctx = self.base_ctx("report", r.title(), &out);
        self.column_ctx(&mut ctx, col);
        ctx.insert("report", &super::report::page(r));
        self.finish("report.html", &out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    /// A rollup column's page (`year` None) or the page of one year.
    fn rollup(&self, col: &ColumnContent, year: Option<usize>) -> JobResult {
        let slug = &col.column.slug;
        let (out, title) = match year {
            None => (list_page_path(slug, 0), col.column.title.clone()),
            Some(i) => {
                let y = col.rollup[i].year;
                (
                    super::rollup::year_path(slug, y),
                    format!("{}：{y}年度", col.column.title),
                )
            }
        };
        let mut ctx = self.base_ctx("rollup", &title, &out);
        self.column_ctx(&mut ctx, col);
        ctx.insert("rollup", &super::rollup::page(col, year, self.index));
        self.finish("rollup.html", &out, &ctx)
            .map(|f| vec![f])
            .map_err(|d| vec![d])
    }

    /// Renders a Markdown body, turning bad links into located errors.
    fn markdown(&self, source: &Source, col: &ColumnContent) -> Result<Rendered, Vec<Diagnostic>> {
        let links = self.index.for_file(&source.rel, &source.path);
        let mode = source
            .line_breaks
            .or(col.column.line_breaks)
            .unwrap_or(self.site.config.line_breaks);
        let body = source.body().map_err(|d| vec![d])?;
        let rendered = markdown::render_in(&body, Some(&links), mode);
        if rendered.bad_links.is_empty() {
            return Ok(rendered);
        }
        Err(locate_bad_links(source, &body, &rendered.bad_links))
    }
}

/// One located `link` error per bad link of `source`'s `body`.
fn locate_bad_links(source: &Source, body: &str, bad: &[markdown::BadLink]) -> Vec<Diagnostic> {
    let index = LineIndex::new(body, source.body_line);
    bad.iter()
        .map(|b| {
            let (line, col) = index.line_col(b.range.start);
            Diagnostic::new(b.code, &source.shown, b.message.clone()).at(line, col)
        })
        .collect()
}

/// Stands for an item's body while its page is minified: private-use
/// characters that no minifier touches and no template produces.
const BODY_MARK: &str = "\u{F8FF}gongkai-body\u{F8FF}";

/// `haystack` with its only occurrence of `mark` replaced by `with`; `None`
/// when `mark` occurs zero times or more than once.
fn splice_once(haystack: &[u8], mark: &[u8], with: &[u8]) -> Option<Vec<u8>> {
    let mut found = memchr::memmem::find_iter(haystack, mark);
    let at = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let mut out = Vec::with_capacity(haystack.len() - mark.len() + with.len());
    out.extend_from_slice(&haystack[..at]);
    out.extend_from_slice(with);
    out.extend_from_slice(&haystack[at + mark.len()..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{locate_bad_links, markdown::BadLink, splice_once};
    use crate::content::Source;
    use std::time::{Duration, Instant};

    /// Issue 10: locating 100,000 bad links in one file scanned the body
    /// from its start for each (quadratic: over 120 s). With a line index it
    /// is linear; the bound is loose enough for a loaded debug build.
    #[test]
    fn locating_100_000_bad_links_is_linear() {
        // Half the links each on its own line, half on one long line of CJK text.
        let mut body = String::new();
        let mut starts = Vec::new();
        for _ in 0..50_000 {
            starts.push(body.len());
            body.push_str("[坏链](nowhere.md)\n");
        }
        for _ in 0..50_000 {
            starts.push(body.len());
            body.push_str("[坏链](nowhere.md) ");
        }
        let source = Source {
            shown: "content/tzgg/a.md".into(),
            path: "content/tzgg/a.md".into(),
            rel: "tzgg/a.md".into(),
            held: None,
            body_start: 0,
            body_line: 5,
            line_breaks: None,
            hash: 0,
        };
        let bad: Vec<BadLink> = starts
            .iter()
            .map(|&s| BadLink {
                code: &crate::diag::codes::LINK,
                range: s..s + 16,
                message: "no such page".into(),
            })
            .collect();
        let start = Instant::now();
        let diags = locate_bad_links(&source, &body, &bad);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(3), "took {took:?}");
        let at = |i: usize| (diags[i].line, diags[i].col);
        assert_eq!(at(0), (Some(5), Some(1)));
        assert_eq!(at(49_999), (Some(50_004), Some(1)));
        assert_eq!(at(50_000), (Some(50_005), Some(1)));
        // `[坏链](nowhere.md) ` is 17 characters.
        assert_eq!(at(50_001), (Some(50_005), Some(18)));
        assert_eq!(at(99_999), (Some(50_005), Some(49_999 * 17 + 1)));
    }

    #[test]
    fn splices_only_a_single_mark() {
        assert_eq!(
            splice_once(b"<p>M</p>", b"M", b"body"),
            Some(b"<p>body</p>".to_vec())
        );
        assert_eq!(splice_once(b"<p>M M</p>", b"M", b"x"), None);
        assert_eq!(splice_once(b"<p></p>", b"M", b"x"), None);
    }
}
