//! A reports column's folder: each YAML file in it read as an annual
//! report (in parallel), left out until its publication day, and given the
//! files its `attachments:` lists.

use super::inside;
use super::load::Ctx;
use crate::diag::{Diagnostic, codes, display_path};
use crate::fsx;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub(super) fn load_reports(
    ctx: &Ctx<'_>,
    dir: &Path,
    column: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<crate::report::Report> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .filter(
                |p| match inside::refused_link(ctx.root, &ctx.real_root, p) {
                    Some(d) => {
                        diags.push(d);
                        false
                    }
                    None => true,
                },
            )
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let results: Vec<(Option<crate::report::Report>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|path| {
            let mut d = Vec::new();
            let shown = display_path(ctx.root, path);
            let report = match fsx::read_text(path) {
                Ok(text) => {
                    prose_link_schemes(&shown, &text, &mut d);
                    crate::report::load(&shown, &text, ctx.organization, &mut d)
                        .and_then(|r| report_on_its_day(ctx, r, &mut d))
                        .map(|r| attach_report_files(ctx, dir, column, r, &shown, &mut d))
                }
                Err(fsx::TextError::NotUtf8 { line, message }) => {
                    d.push(Diagnostic::new(&codes::ENCODING, &shown, message).at_line(line));
                    None
                }
                Err(fsx::TextError::Io(e)) => {
                    d.push(Diagnostic::new(
                        &codes::IO,
                        &shown,
                        crate::i18n::io_error(&e.source),
                    ));
                    None
                }
            };
            (report, d)
        })
        .collect();
    let mut reports = Vec::new();
    for (r, d) in results {
        diags.extend(d);
        reports.extend(r);
    }
    reports.sort_by_key(|r| std::cmp::Reverse(r.year()));
    reports
}

/// A report dated after today is left out until its day, as an item is
/// (a notice, not the error `report::load` gives a date that has not
/// come): a form prepared in December for next January must not stop the
/// site's build. With `--future` it is published now.
fn report_on_its_day(
    ctx: &Ctx<'_>,
    report: crate::report::Report,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::report::Report> {
    let Some(date) = report.published() else {
        return Some(report);
    };
    if date <= crate::report::today() {
        return Some(report);
    }
    diags.retain(|d| d.code != &codes::REPORT_PUBLISHED);
    let Some(cutoff) = ctx.opts.publish_until else {
        return Some(report);
    };
    if date <= cutoff {
        return Some(report);
    }
    diags.push(
        Diagnostic::new(
            &codes::FUTURE,
            report.path(),
            t!(
                "content-future-report",
                year = report.year(),
                date = date.to_string(),
                today = cutoff.to_string()
            ),
        )
        .at_line(report.published_line()),
    );
    None
}

/// Checks the files a report's `attachments:` lists (the signed original,
/// say) as an item's are checked, and gives the report those that pass;
/// they are published in `<column>/<year>/`.
fn attach_report_files(
    ctx: &Ctx<'_>,
    dir: &Path,
    column: &str,
    mut report: crate::report::Report,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> crate::report::Report {
    if report.attachment_entries().is_empty() {
        return report;
    }
    let entries: Vec<super::attachments::Entry> = report
        .attachment_entries()
        .iter()
        .map(|e| super::attachments::Entry {
            file: e.file.clone(),
            title: e.title.clone(),
            line: e.pos.line,
            col: e.pos.col,
        })
        .collect();
    let out_dir = format!("{column}/{}", report.year());
    let files =
        super::attachments::load_entries(ctx, dir, &out_dir, entries.into_iter(), shown, diags);
    report.attach(files);
    report
}

/// Refused link schemes in a report's Markdown prose, located in its file
/// (the report module renders the prose but keeps no positions for it).
fn prose_link_schemes(shown: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
    for (at, message) in crate::scheme::refused_in_yaml(text) {
        let (line, col) = crate::diag::line_col(text, at, 1);
        diags.push(Diagnostic::new(&codes::LINK_SCHEME, shown, message).at(line, col));
    }
}
