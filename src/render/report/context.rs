//! The template context of the report pages, as typed structs: what
//! `report.html` sees under `report`, what `reports.html` sees under
//! `reports`, and the home page's `latest_report`. Field names are the
//! template variables the README documents.

use serde::Serialize;

/// `report` in report.html.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportPage<'a> {
    pub(super) title: &'a str,
    pub(super) agency: &'a str,
    pub(super) year: i32,
    /// `YYYY-MM-DD`, empty when the report has no valid date.
    pub(super) published: String,
    /// The edition's id, 2019 or 2021.
    pub(super) edition: u16,
    /// The notice that issued the edition.
    pub(super) edition_notice: &'static str,
    pub(super) reproduces_original: bool,
    pub(super) original_note: Option<&'a str>,
    /// The notes of a reproduced original, for all tables.
    pub(super) notes: Vec<String>,
    pub(super) toc: Vec<TocEntry>,
    pub(super) parts: Vec<Part>,
    pub(super) downloads: Vec<DownloadLink<'a>>,
    pub(super) figures: Figures,
    /// The 信息索引 block, as item pages have it (`item.meta`).
    pub(super) meta: Meta<'a>,
    /// The attachments (e.g. the signed original), as `item.attachments`;
    /// each `url` relative to the report page.
    pub(super) attachments: Vec<AttachmentLink>,
}

/// One attachment in `report.attachments`, with the field names of
/// `item.attachments`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AttachmentLink {
    pub(super) number: usize,
    pub(super) title: String,
    pub(super) file_name: String,
    pub(super) file_type: String,
    /// As item pages show it, e.g. `1.2 MB`.
    pub(super) size: String,
    /// Relative to the report page.
    pub(super) url: String,
}

/// `report.meta`: the 信息索引 fields, named as `item.meta` names them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Meta<'a> {
    pub(super) index_no: Option<&'a str>,
    pub(super) doc_no: Option<&'a str>,
    /// The file's `publisher`, else the report's agency.
    pub(super) publisher: &'a str,
    pub(super) written: Option<&'a str>,
    pub(super) topic: Option<&'a str>,
    pub(super) validity: Option<&'a str>,
}

/// One line of the contents list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TocEntry {
    /// The part's anchor, `part-1` …
    pub(super) id: String,
    /// The official heading.
    pub(super) title: &'static str,
}

/// One of the six parts, its body as HTML.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Part {
    pub(super) id: String,
    pub(super) title: &'static str,
    pub(super) html: String,
}

/// A download link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DownloadLink<'a> {
    pub(super) label: &'a str,
    /// Relative to the reports column's folder.
    pub(super) file: &'a str,
}

/// A year's key figures, for the column page's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Figures {
    pub(super) year: i32,
    /// 一、本年新收 总计.
    pub(super) received: i64,
    /// （一）予以公开 总计.
    pub(super) granted: i64,
    /// 行政复议 总计.
    pub(super) review: i64,
    /// The 总计 of all kinds of 行政诉讼.
    pub(super) litigation: i64,
}

/// `reports` in reports.html.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportsColumn<'a> {
    /// The newest year, if any.
    pub(super) latest: Option<Year<'a>>,
    /// Newest first.
    pub(super) years: Vec<Year<'a>>,
    /// The chart (text and bars); empty when there are no reports.
    pub(super) chart_html: String,
    /// The chart's data as an HTML table, its text alternative.
    pub(super) chart_table: String,
}

/// One year of the column page's list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Year<'a> {
    pub(super) year: i32,
    pub(super) title: &'a str,
    pub(super) published: String,
    pub(super) url: String,
    pub(super) figures: Figures,
}

/// `latest_report` on the home page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportLink<'a> {
    pub(super) title: &'a str,
    pub(super) year: i32,
    pub(super) published: String,
    pub(super) url: String,
}
