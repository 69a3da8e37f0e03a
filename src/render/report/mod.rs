//! The annual reports as pages: the context of `report.html` (the six parts
//! with the tables as HTML, contents, downloads), of `reports.html` (the
//! years with their key figures and the chart) and the home page's link to
//! the latest report.
//!
//! Everything here reads the report through `report`'s public API and walks
//! the edition's tables; the report module itself makes no HTML.

mod chart;
mod context;
mod table;
#[cfg(test)]
mod tests;

use crate::report::edition::{PARTS, Part4Role, ResultKind, Role};
use crate::report::rules::Table;
use crate::report::{Prose, Report};
use context::{
    AttachmentLink, DownloadLink, Figures, Meta, Part, ReportLink, ReportPage, ReportsColumn,
    TocEntry, Year,
};

/// The publication date as the pages show it: `YYYY-MM-DD`, or empty when
/// the report has none (its load error has been reported).
pub(crate) fn published(r: &Report) -> String {
    r.published().map(|d| d.to_string()).unwrap_or_default()
}

/// Context for report.html, under the key `report`.
pub(crate) fn page(r: &Report) -> ReportPage<'_> {
    let d = r.data();
    let notes3 = r.notes(Table::Applications);
    let notes4 = r.notes(Table::Reviews);
    let part2: String = d
        .part2
        .iter()
        .enumerate()
        .map(|(i, t)| table::part2(t, i + 1))
        .collect();
    let htmls = [
        prose_html(&d.overview),
        part2,
        table::part3(&d.part3, PARTS[2], &notes3),
        table::part4(d, PARTS[3], &notes4),
        prose_html(&d.problems),
        prose_html(&d.other),
    ];
    let parts: Vec<Part> = PARTS
        .iter()
        .zip(htmls)
        .enumerate()
        .map(|(i, (title, html))| Part {
            id: format!("part-{}", i + 1),
            title,
            html,
        })
        .collect();
    let env = r.envelope();
    ReportPage {
        title: r.title(),
        agency: r.agency(),
        year: r.year(),
        published: published(r),
        edition: d.edition.id,
        edition_notice: d.edition.issued_with,
        reproduces_original: env.reproduces_original,
        original_note: env.original_note.as_deref(),
        notes: notes3.into_iter().chain(notes4).collect(),
        toc: parts
            .iter()
            .map(|p| TocEntry {
                id: p.id.clone(),
                title: p.title,
            })
            .collect(),
        parts,
        downloads: r
            .download_files()
            .iter()
            .map(|f| DownloadLink {
                label: &f.label,
                file: &f.path,
            })
            .collect(),
        figures: figures(r),
        attachments: r.attachments().iter().map(attachment).collect(),
        meta: Meta {
            index_no: env.index.index_no.as_deref(),
            doc_no: env.index.doc_no.as_deref(),
            publisher: env.index.publisher.as_deref().unwrap_or(r.agency()),
            written: env.index.written.as_deref(),
            topic: env.index.topic.as_deref(),
            validity: env.index.validity.as_deref(),
        },
    }
}

/// An attachment as the page lists it. The page is in the column's folder
/// and the file in `<column>/<year>/`, so its link is relative to the page,
/// like the downloads'.
fn attachment(a: &crate::content::Attachment) -> AttachmentLink {
    let url = a
        .out_path
        .split_once('/')
        .map_or(a.out_path.as_str(), |(_, rest)| rest);
    AttachmentLink {
        number: a.number,
        title: a.title.clone(),
        file_name: a.file_name.clone(),
        file_type: a.file_type.clone(),
        size: crate::render::context::human_size(a.size),
        url: url.to_string(),
    }
}

/// Parts 二–四 of `d` as (official heading, tables' HTML), in the official
/// layout: for a summed report (a rollup column's page, `gongkai review
/// --format html`), whose prose parts are empty.
pub(crate) fn table_parts(d: &crate::report::Data) -> [(&'static str, String); 3] {
    let part2: String = d
        .part2
        .iter()
        .enumerate()
        .map(|(i, t)| table::part2(t, i + 1))
        .collect();
    [
        (PARTS[1], part2),
        (PARTS[2], table::part3(&d.part3, PARTS[2], &[])),
        (PARTS[3], table::part4(d, PARTS[3], &[])),
    ]
}

/// Key figures: received, granted, review and litigation totals.
pub(crate) fn figures(r: &Report) -> Figures {
    let d = r.data();
    Figures {
        year: r.year(),
        received: d.total_of(Role::Received),
        granted: d.results_by_kind()[ResultKind::Granted.index()],
        review: d.part4_total(Part4Role::Review),
        litigation: d.part4_total(Part4Role::Litigation),
    }
}

fn prose_html(p: &Prose) -> String {
    p.sections
        .iter()
        .map(|(heading, md)| {
            let body = crate::render::markdown::to_html(md);
            if heading.is_empty() {
                body
            } else {
                format!("<h3>{}</h3>{body}", crate::render::escape::escape(heading))
            }
        })
        .collect()
}

/// Context for reports.html, under the key `reports`: `years` newest first
/// (title, published, url and key figures), `latest`, `chart_html` and
/// `chart_table` (its text alternative), both pre-rendered HTML.
pub(crate) fn column<'a>(
    reports: &'a [Report],
    url_of: &dyn Fn(&Report) -> String,
) -> ReportsColumn<'a> {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.year()));
    let years: Vec<Year<'_>> = sorted
        .iter()
        .map(|r| Year {
            year: r.year(),
            title: r.title(),
            published: published(r),
            url: url_of(r),
            figures: figures(r),
        })
        .collect();
    let points: Vec<chart::Point> = sorted
        .iter()
        .map(|r| chart::Point {
            year: r.year(),
            received: r.data().total_of(Role::Received),
            results: r.data().results_by_kind(),
        })
        .collect();
    let (chart_html, chart_table) = if points.is_empty() {
        (String::new(), String::new())
    } else {
        (chart::html(&points), chart::table(&points))
    };
    ReportsColumn {
        latest: years.first().cloned(),
        years,
        chart_html,
        chart_table,
    }
}

/// Context for the home page's `latest_report`.
pub(crate) fn link(r: &Report, url: String) -> ReportLink<'_> {
    ReportLink {
        title: r.title(),
        year: r.year(),
        published: published(r),
        url,
    }
}
