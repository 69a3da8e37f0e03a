//! The review as one HTML page, to attach to the office's own notice: the
//! summary table (one row per report or missing agency), each agency's
//! findings, and the sum in the official layout. Self-contained (its small
//! stylesheet is in the page; no script, no font, nothing fetched), valid
//! HTML5 and accessible as the site's pages are: the page's language, one
//! `h1`, headings in order, tables with captions and header cells.

use super::{Review, Row, YearSum};
use crate::diag::Severity;
use crate::render::escape::escape as esc;
use std::fmt::Write as _;

/// The page's styles: readable on paper and phones, contrast above 4.5:1.
const STYLE: &str = "body{font-family:system-ui,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;\
line-height:1.6;color:#1a1a1a;background:#fff;margin:0 auto;padding:1rem;max-width:72rem}\
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #767676}\
h3{font-size:1.05rem}table{border-collapse:collapse;margin:1rem 0}\
th,td{border:1px solid #767676;padding:.25rem .5rem;vertical-align:top}\
thead th{background:#f0f0f0}tbody th{text-align:left;font-weight:normal}\
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
.table-scroll{max-width:100%;overflow-x:auto}.table-scroll:focus{outline:2px solid #005fcc}\
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
.sev-error{color:#a00000;font-weight:bold}.sev-warning{color:#7a4b00}\
.findings li{margin:.25rem 0}.fix{color:#3d3d3d}.where{word-break:break-all}\
.scroll-hint{font-size:.875rem;color:#3d3d3d}td.blank{background:#f5f5f5}\
@media print{.table-scroll{overflow:visible}}";

/// The whole page.
pub fn render(review: &Review) -> String {
    let title = super::text::heading(review);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        crate::i18n::current().tag(),
        esc(&title),
        esc(&title)
    );
    let _ = writeln!(out, "<p>{}</p>", esc(&super::text::summary(review)));
    summary_table(&mut out, review);
    let _ = writeln!(
        out,
        "<h2 id=\"findings\">{}</h2>",
        esc(&t!("review-html-findings"))
    );
    let mut group: Option<String> = None;
    for (i, row) in review.rows.iter().enumerate() {
        let this = row.group();
        if group.as_ref() != Some(&this) {
            let _ = writeln!(out, "<h3 id=\"a{i}\">{}</h3>", esc(&this));
            group = Some(this);
        }
        findings(&mut out, row);
    }
    if let Some(sum) = &review.sum {
        sum_html(&mut out, sum);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn summary_table(out: &mut String, review: &Review) {
    let cols = [
        t!("review-col-agency"),
        t!("review-col-year"),
        t!("review-col-edition"),
        t!("review-col-published"),
        t!("review-col-status"),
        Severity::Error.label(),
        Severity::Warning.label(),
        t!("review-html-other"),
    ];
    let _ = write!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"summary-cap\" tabindex=\"0\">\
         <table id=\"summary\"><caption id=\"summary-cap\">{}</caption><thead><tr>",
        esc(&t!("review-html-summary"))
    );
    for c in &cols {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(c));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &review.rows {
        let errors = row.findings.iter().filter(|f| f.severity.blocks()).count();
        let warnings = row.count(Severity::Warning);
        let other = row.findings.len() - errors - warnings;
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td><td>{}</td><td class=\"num\">{errors}</td><td class=\"num\">{warnings}</td>\
             <td class=\"num\">{other}</td></tr>",
            esc(&row.agency),
            row.year.map(|y| y.to_string()).unwrap_or_default(),
            row.edition.map(|e| e.to_string()).unwrap_or_default(),
            row.published.map(|d| d.to_string()).unwrap_or_default(),
            esc(&row.status.label()),
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn findings(out: &mut String, row: &Row) {
    let _ = writeln!(out, "<p>{}</p>", esc(&super::text::describe(row)));
    if row.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&t!("review-clean")));
        return;
    }
    out.push_str("<ul class=\"findings\">\n");
    for f in &row.findings {
        let class = match f.severity {
            Severity::Error | Severity::Veto => "sev-error",
            Severity::Warning | Severity::Deduct => "sev-warning",
            Severity::Notice => "sev-notice",
        };
        let place = super::text::location(f);
        let _ = writeln!(
            out,
            "<li><span class=\"{class}\">{}</span> <code>{}</code> <span class=\"where\">{}</span>{}\
             <br><span class=\"fix\">{}</span></li>",
            esc(&f.severity.label()),
            esc(f.code.id),
            esc(&place),
            esc(&f.message).replace('\n', "<br>"),
            esc(&t!("check-fix", fix = f.fix())),
        );
    }
    out.push_str("</ul>\n");
}

fn sum_html(out: &mut String, sum: &YearSum) {
    let _ = writeln!(
        out,
        "<h2 id=\"sum\">{}</h2>",
        esc(&t!(
            "review-sum-heading",
            year = sum.year,
            edition = sum.edition,
            count = sum.included.len()
        ))
    );
    if !sum.included.is_empty() {
        out.push_str("<ul>\n");
        for e in &sum.included {
            let _ = writeln!(out, "<li>{}</li>", esc(&e.agency));
        }
        out.push_str("</ul>\n");
    }
    if !sum.left_out.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n<ul>", esc(&t!("review-sum-left-out")));
        for e in &sum.left_out {
            let _ = writeln!(
                out,
                "<li>{}（{}）：{}</li>",
                esc(&e.agency),
                esc(&e.source),
                esc(&e.reason)
            );
        }
        out.push_str("</ul>\n");
    }
    let Some(d) = &sum.data else {
        let _ = writeln!(out, "<p>{}</p>", esc(&t!("review-sum-none")));
        return;
    };
    for (heading, html) in crate::render::report::table_parts(d) {
        let _ = writeln!(out, "<h3>{}</h3>\n{html}", esc(heading));
    }
}
