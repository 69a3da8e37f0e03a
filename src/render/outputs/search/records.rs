//! What the search index holds: one record per page a reader would look for
//! (each item, each page column, each annual report), never the home page or
//! a list page (their text is other pages' titles, noise in every result).
//!
//! A record's text is what the page's body shows, read from the Markdown the
//! page is rendered from (no markup, no navigation); an annual report's is
//! its title and prose, not its tables' labels, which every report shares.
//! Title, column, date, 文号 and publisher are shown with each result (the
//! date and the publisher are indexed too, left out of snippets), and
//! a report's year (its 年份, not its date's); the filters are 栏目, 年份,
//! 发布机构 and 主题分类 where the page has them.

use super::tokens::{Words, doc_no_key, index_no_key};
use crate::config::ColumnKind;
use crate::content::{LinkIndex, Site, Source, list_page_path};
use crate::diag::Diagnostic;
use crate::render::markdown;
use pulldown_cmark::{Event, Parser, TagEnd};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Filter names, as the results page shows them.
const FILTER_COLUMN: &str = "栏目";
/// The year filter.
const FILTER_YEAR: &str = "年份";
/// The publisher filter.
const FILTER_PUBLISHER: &str = "发布机构";
/// The topic filter.
const FILTER_TOPIC: &str = "主题分类";

/// One page in the index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// The page's URL, as links on the site write it.
    pub(crate) url: String,
    /// The index words (see `tokens`).
    pub(crate) words: String,
    /// How many words `words` holds.
    pub(crate) word_count: u64,
    /// Shown with the result: `title`, `column`, `report_year`, `date`,
    /// `doc_no`, `index_no`, `publisher`.
    pub(crate) meta: BTreeMap<String, String>,
    /// Filter name → values.
    pub(crate) filters: BTreeMap<String, Vec<String>>,
    /// `date` → `YYYY-MM-DD`, for newest-first.
    pub(crate) sort: BTreeMap<String, String>,
}

/// What one record is made from, taken from the site as it stands: owned,
/// and cheap to take (no file is read, no text is cut), so that `serve`
/// can take it with the pages and make the records on another thread once
/// the pages are shown.
#[derive(Debug)]
pub(crate) struct Entry {
    url: String,
    title: String,
    column: String,
    date: Option<String>,
    year: Option<String>,
    /// An annual report's year, shown with it: its 年份 is this year, not
    /// its date's (the 2022 report is published in 2023).
    report_year: Option<String>,
    doc_no: Option<String>,
    index_no: Option<String>,
    publisher: Option<String>,
    topic: Option<String>,
    /// The page's text after its title, in the order it shows it.
    texts: Vec<Text>,
}

/// One part of a page's text.
#[derive(Debug)]
enum Text {
    /// Shown as it is (a summary, a heading, an attachment's title).
    Plain(String),
    /// Markdown held in memory (a report's prose).
    Markdown(String),
    /// Markdown read again from its file (see [`Source::body`]).
    File(Source),
}

/// What every record of `site` is made from, in page order.
pub(crate) fn entries(site: &Site, index: &LinkIndex<'_>) -> Vec<Entry> {
    let mut out = Vec::new();
    for col in &site.columns {
        let entry = |url: String, title: &str| Entry {
            url,
            title: title.to_string(),
            column: col.column.title.clone(),
            date: None,
            year: None,
            report_year: None,
            doc_no: None,
            index_no: None,
            publisher: None,
            topic: None,
            texts: Vec::new(),
        };
        match col.column.kind {
            ColumnKind::Page => {
                if let Some(page) = &col.page {
                    let url = index.url(&list_page_path(&col.column.slug, 0));
                    let mut e = entry(url, &page.title);
                    e.texts.push(Text::File(page.source.clone()));
                    out.push(e);
                }
            }
            ColumnKind::List => {
                for item in &col.items {
                    let mut e = entry(index.url(&item.out_path), &item.title);
                    e.date = Some(item.date.date_string());
                    e.year = Some(item.date.date().year().to_string());
                    e.doc_no.clone_from(&item.meta.doc_no);
                    e.index_no.clone_from(&item.meta.index_no);
                    e.publisher =
                        (!item.meta.publisher.is_empty()).then(|| item.meta.publisher.clone());
                    e.topic.clone_from(&item.meta.topic);
                    e.texts.extend(item.summary.clone().map(Text::Plain));
                    e.texts.push(Text::File(item.source.clone()));
                    e.texts.extend(
                        item.attachments
                            .iter()
                            .map(|a| Text::Plain(a.title.clone())),
                    );
                    out.push(e);
                }
            }
            // A summary of other sites' reports: their own sites index them.
            ColumnKind::Rollup => {}
            ColumnKind::Reports => {
                for report in &col.reports {
                    let out_path = format!("{}/{}.html", col.column.slug, report.slug());
                    let mut e = entry(index.url(&out_path), report.title());
                    e.year = Some(report.year().to_string());
                    e.report_year.clone_from(&e.year);
                    e.date = report.published().map(|d| d.to_string());
                    let env = report.envelope();
                    e.doc_no.clone_from(&env.index.doc_no);
                    e.index_no.clone_from(&env.index.index_no);
                    e.publisher = Some(
                        env.index
                            .publisher
                            .as_deref()
                            .unwrap_or(report.agency())
                            .to_string(),
                    );
                    e.topic.clone_from(&env.index.topic);
                    let data = report.data();
                    for prose in [&data.overview, &data.problems, &data.other] {
                        for (heading, text) in &prose.sections {
                            e.texts.push(Text::Plain(heading.clone()));
                            e.texts.push(Text::Markdown(text.clone()));
                        }
                    }
                    out.push(e);
                }
            }
        }
    }
    out
}

/// The records of `entries`, in their order, each page's text cut on its
/// own in parallel; the errors of the bodies that could not be read again
/// (see [`Source::body`]). `None` as soon as `stop` says so.
pub(crate) fn records(
    entries: Vec<Entry>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Result<Vec<Record>, Vec<Diagnostic>>> {
    let made: Vec<Result<Record, Diagnostic>> = entries
        .into_par_iter()
        .map(|e| (!stop()).then(|| e.record()))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(made.len());
    let mut errors = Vec::new();
    for r in made {
        match r {
            Ok(r) => out.push(r),
            Err(d) => errors.push(d),
        }
    }
    Some(if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    })
}

impl Entry {
    fn record(self) -> Result<Record, Diagnostic> {
        let mut r = Builder::new(self.url);
        r.title(&self.title);
        r.column(self.column);
        if let Some(date) = &self.date {
            r.date(date);
        }
        if let Some(year) = self.year {
            r.year(year);
        }
        if let Some(year) = &self.report_year {
            r.report_year(year);
        }
        r.index_fields(
            self.doc_no.as_deref(),
            self.index_no.as_deref(),
            self.publisher.as_deref(),
            self.topic.as_deref(),
        );
        for text in self.texts {
            match text {
                Text::Plain(t) => r.text(&t),
                Text::Markdown(md) => r.body(&md),
                Text::File(source) => r.body(&source.body()?),
            }
        }
        r.shown_apart(self.date.as_deref(), self.publisher.as_deref());
        Ok(r.done())
    }
}

struct Builder {
    url: String,
    words: Words,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
    sort: BTreeMap<String, String>,
}

impl Builder {
    fn new(url: String) -> Self {
        Self {
            url,
            words: Words::default(),
            meta: BTreeMap::new(),
            filters: BTreeMap::new(),
            sort: BTreeMap::new(),
        }
    }

    fn title(&mut self, title: &str) {
        self.meta.insert("title".into(), title.to_string());
        self.words.text(title);
        self.words.brk();
    }

    fn column(&mut self, title: String) {
        self.meta.insert("column".into(), title.clone());
        self.filters.insert(FILTER_COLUMN.into(), vec![title]);
    }

    fn date(&mut self, date: &str) {
        self.meta.insert("date".into(), han_digits(date));
        self.sort.insert("date".into(), date.to_string());
    }

    fn year(&mut self, year: String) {
        self.filters.insert(FILTER_YEAR.into(), vec![year]);
    }

    /// Shown as 报告年度, its digits as Han numerals as the date's are.
    fn report_year(&mut self, year: &str) {
        self.meta.insert("report_year".into(), han_digits(year));
    }

    fn index_fields(
        &mut self,
        doc_no: Option<&str>,
        index_no: Option<&str>,
        publisher: Option<&str>,
        topic: Option<&str>,
    ) {
        if let Some(d) = doc_no.filter(|d| !d.trim().is_empty()) {
            self.meta.insert("doc_no".into(), d.to_string());
            self.words.text(d);
            self.words.brk();
            if let Some(key) = doc_no_key(d) {
                self.words.key(&key);
            }
        }
        if let Some(n) = index_no.filter(|n| !n.trim().is_empty()) {
            self.meta.insert("index_no".into(), n.to_string());
            self.words.text(n);
            self.words.brk();
            if let Some(key) = index_no_key(n) {
                self.words.key(&key);
            }
        }
        if let Some(p) = publisher.filter(|p| !p.trim().is_empty()) {
            self.meta.insert("publisher".into(), p.to_string());
            self.filters
                .insert(FILTER_PUBLISHER.into(), vec![p.to_string()]);
        }
        if let Some(t) = topic.filter(|t| !t.trim().is_empty()) {
            // 主题分类 may list several, as `城乡建设、环境保护`.
            let topics: Vec<String> = t
                .split(['、', ',', '，', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            self.filters.insert(FILTER_TOPIC.into(), topics);
        }
    }

    /// What the result shows apart from its snippet, to be found as its
    /// text is: the date, as shown (2021-04-26) and as a text writes it
    /// (2021年4月26日), and the publisher. Last, so that a snippet never
    /// starts on them (they are not shown in one).
    fn shown_apart(&mut self, date: Option<&str>, publisher: Option<&str>) {
        if let Some(date) = date {
            self.words.unshown(date);
            if let Some(written) = written_date(date) {
                self.words.unshown(&written);
            }
        }
        if let Some(p) = publisher.filter(|p| !p.trim().is_empty()) {
            self.words.unshown(p);
        }
    }

    /// Plain text shown on the page (a summary, an attachment's title).
    fn text(&mut self, text: &str) {
        self.words.text(text);
        self.words.brk();
    }

    /// Markdown: indexed as the text a reader sees.
    fn body(&mut self, md: &str) {
        let text = plain_text(md);
        self.text(&text);
    }

    fn done(mut self) -> Record {
        // Pagefind leaves a page without the sort key out of a sorted
        // search: a page column, which has no date, sorts last instead.
        self.sort
            .entry("date".into())
            .or_insert_with(|| "0000-00-00".into());
        Record {
            url: self.url,
            word_count: self.words.count(),
            words: self.words.finish(),
            meta: self.meta,
            filters: self.filters,
            sort: self.sort,
        }
    }
}

/// `date` with its digits as Han numerals (`2021-04-26` → `二〇二一-〇四-二六`),
/// as the result shows it once `search.js` turns them back. Pagefind makes
/// search words of a record's shown fields too, its own way: with its
/// digits, a page's date would be words beside those the record's text
/// holds for it (see [`Builder::shown_apart`]), found from inside (`26`).
fn han_digits(date: &str) -> String {
    const HAN: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    date.chars()
        .map(|c| c.to_digit(10).map_or(c, |d| HAN[d as usize]))
        .collect()
}

/// `2021-04-26` as a text writes it: `2021年4月26日`.
fn written_date(date: &str) -> Option<String> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(format!("{y}年{m}月{d}日"))
}

/// The text of a Markdown body as the page shows it: block ends and line
/// breaks are breaks, a soft break between two Chinese characters is
/// nothing (the page joins such lines), and markup is gone.
pub(crate) fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut soft = false;
    for ev in Parser::new_ext(md, markdown::options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => {
                if soft {
                    let joined = out.chars().last().is_some_and(markdown::is_wide)
                        && t.chars().next().is_some_and(markdown::is_wide);
                    if !joined {
                        out.push(' ');
                    }
                    soft = false;
                }
                out.push_str(&t);
            }
            Event::SoftBreak => soft = true,
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => {
                soft = false;
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_date_has_no_digits() {
        assert_eq!(han_digits("2021-04-26"), "二〇二一-〇四-二六");
    }

    #[test]
    fn a_date_as_a_text_writes_it() {
        assert_eq!(written_date("2021-04-26").as_deref(), Some("2021年4月26日"));
        assert_eq!(written_date("2021-04"), None);
    }

    #[test]
    fn plain_text_joins_chinese_lines_and_drops_markup() {
        assert_eq!(plain_text("老旧\n小区**改造**"), "老旧小区改造\n");
        assert_eq!(plain_text("see\nthis"), "see this\n");
        assert_eq!(
            plain_text("| 小区 | 户数 |\n|---|---|\n| 东风里 | 256 |\n"),
            "小区\n户数\n东风里\n256\n"
        );
        assert_eq!(plain_text("[公告](a.md) `x`"), "公告 x\n");
    }
}
