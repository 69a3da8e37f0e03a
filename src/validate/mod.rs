//! Validate stage: checks that need the whole content tree at once (the
//! annual reports of consecutive years against each other, and the reports
//! a rollup column's sum leaves out), and a report still holding the
//! template's sample text, which would otherwise be published unsaid. Checks of a
//! single file happen while it is loaded; links are checked where Markdown
//! is rendered; two outputs claiming one path are found by the render
//! stage's plan (`render::plan`), which lists every output, not only items.

mod index_format;

use crate::config::{CONFIG_FILE, Column};
use crate::content::{Item, Site};
use crate::diag::{Diagnostic, codes};
use crate::review::YearSum;
use std::collections::HashMap;

/// Pushes the cross-year findings of each reports column, and a warning
/// for each year of a rollup column whose sum leaves reports out.
pub fn validate(site: &Site, diags: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        crate::report::check_series(&col.reports, diags);
        for r in &col.reports {
            template_left(&col.column, r, diags);
        }
        for sum in &col.rollup {
            left_out(&col.column, sum, diags);
        }
        for item in &col.items {
            written_late(&col.column, item, diags);
        }
    }
    index_twice(site, diags);
    index_format::check(site, diags);
}

/// The line of `key:` in the front matter of the file at `path`, read
/// again only for a finding (the loaded item keeps no line for it).
fn line_of(path: &std::path::Path, key: &str) -> Option<u32> {
    let text = std::fs::read_to_string(path).ok()?;
    // Within the front matter: from the first line to the next `---`.
    let at = text
        .lines()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.trim_end() != "---")
        .find(|(_, l)| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))?
        .0;
    u32::try_from(at + 1).ok()
}

fn at_key(d: Diagnostic, item: &Item, key: &str) -> Diagnostic {
    match line_of(&item.source.path, key) {
        Some(line) => d.at(line, 1),
        None => d,
    }
}

/// Two items under one 索引号: said at each but the earliest (the copy,
/// as a rule), naming the earliest.
fn index_twice(site: &Site, diags: &mut Vec<Diagnostic>) {
    let mut by_no: HashMap<&str, Vec<(&Item, &Column)>> = HashMap::new();
    for col in &site.columns {
        for item in &col.items {
            if let Some(no) = item.meta.index_no.as_deref().map(str::trim)
                && !no.is_empty()
            {
                by_no.entry(no).or_default().push((item, &col.column));
            }
        }
    }
    let mut groups: Vec<(&str, Vec<(&Item, &Column)>)> =
        by_no.into_iter().filter(|(_, v)| v.len() > 1).collect();
    groups.sort_by(|a, b| a.0.cmp(b.0));
    for (no, mut items) in groups {
        items.sort_by(|a, b| {
            (&a.0.date.at, &a.0.source.shown).cmp(&(&b.0.date.at, &b.0.source.shown))
        });
        let first = items[0].0.source.shown.display().to_string();
        for (item, column) in &items[1..] {
            let d = Diagnostic::new(
                &codes::METADATA_INDEX_TWICE,
                &item.source.shown,
                t!(
                    "validate-index-twice",
                    index_no = no,
                    other = first.as_str()
                ),
            )
            .in_column(&column.slug);
            diags.push(at_key(d, item, "index_no"));
        }
    }
}

/// An item written (成文) after it was published.
fn written_late(column: &Column, item: &Item, diags: &mut Vec<Diagnostic>) {
    let date = item.date.date_string();
    let Some(written) = item.meta.written.as_deref() else {
        return;
    };
    // Both are YYYY-MM-DD once loaded: they compare as text.
    if written.len() == date.len() && written > date.as_str() {
        let d = Diagnostic::new(
            &codes::METADATA_WRITTEN_LATE,
            &item.source.shown,
            t!("validate-written-late", written = written, date = date),
        )
        .in_column(&column.slug);
        diags.push(at_key(d, item, "written"));
    }
}

/// A report that still holds the sample text of `gongkai new report` would
/// be published as it is: a warning at the first such line, so the build
/// says so and not only `check` (which counts it, `report.template`).
fn template_left(column: &Column, report: &crate::report::Report, diags: &mut Vec<Diagnostic>) {
    if let Some(line) = report.placeholder_line() {
        diags.push(
            Diagnostic::new(
                &codes::REPORT_TEMPLATE,
                report.path(),
                t!("validate-report-template", year = report.year()),
            )
            .with_severity(crate::diag::Severity::Warning)
            .at_line(line)
            .in_column(&column.slug),
        );
    }
}

/// The published sum of a year is incomplete: say which agencies it
/// leaves out and why, at the column's line in site.yaml.
fn left_out(column: &Column, sum: &YearSum, diags: &mut Vec<Diagnostic>) {
    let out: Vec<String> = sum
        .left_out
        .iter()
        .filter(|e| e.read)
        .map(|e| format!("{}（{}）", e.agency, e.reason))
        .collect();
    if out.is_empty() {
        return;
    }
    diags.push(
        Diagnostic::new(
            &codes::ROLLUP_LEFT_OUT,
            CONFIG_FILE,
            t!(
                "validate-rollup-left-out",
                slug = column.slug.as_str(),
                year = sum.year,
                agencies = out.join("；")
            ),
        )
        .at_line(column.line)
        .in_column(&column.slug),
    );
}
