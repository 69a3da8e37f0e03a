//! 政府信息公开工作年度报告: last year's report must be published by the
//! `report_deadline` of site.yaml (default 01-31, 条例 第四十九条), and the
//! findings that loading a report produced (勾稽关系 errors with their row
//! and column labels, blank cells, structure) become inspection findings.
//!
//! A site with no reports column at all gets the missing-report finding
//! too: the 条例 asks every office for its report, wherever it is kept.

use super::{Finding, Severity};
use crate::config::{CONFIG_FILE, ColumnKind};
use crate::content::{CONTENT_DIR, Site};
use crate::diag::{self, Diagnostic};
use jiff::civil::Date;
use std::path::{Component, Path};

/// True when `path` (relative to the site root) is a report file of one of
/// the site's reports columns: `content/<column>/<file>.yaml`.
pub(crate) fn is_report_file(site: &Site, path: &Path) -> bool {
    let parts: Vec<&std::ffi::OsStr> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s),
            _ => None,
        })
        .collect();
    let [content, column, file] = parts.as_slice() else {
        return false;
    };
    let is_yaml = Path::new(file)
        .extension()
        .is_some_and(|e| e == "yaml" || e == "yml");
    *content == CONTENT_DIR
        && is_yaml
        && site
            .columns
            .iter()
            .any(|c| c.column.kind == ColumnKind::Reports && *column == c.column.slug.as_str())
}

/// The deadline in `year`. A 02-29 deadline falls on 02-28 in other years.
fn deadline_in(year: i16, (month, day): (u8, u8)) -> Date {
    let first = Date::new(year, month as i8, 1).unwrap_or(Date::MIN);
    let last = first.last_of_month().day();
    Date::new(year, month as i8, (day as i8).min(last)).unwrap_or(first)
}

/// The year whose report must be out by `as_of`, and the day it was due.
pub(crate) fn required(as_of: Date, deadline: (u8, u8)) -> (i32, Date) {
    let this_year = deadline_in(as_of.year(), deadline);
    if as_of > this_year {
        (i32::from(as_of.year()) - 1, this_year)
    } else {
        (
            i32::from(as_of.year()) - 2,
            deadline_in(as_of.year() - 1, deadline),
        )
    }
}

/// Pushes the report findings.
pub(crate) fn check(site: &Site, diagnostics: &[Diagnostic], as_of: Date, out: &mut Vec<Finding>) {
    missing(site, as_of, out);
    for d in diagnostics.iter().filter(|d| is_report_file(site, &d.path)) {
        out.push(from_diagnostic(site, d));
    }
}

fn missing(site: &Site, as_of: Date, out: &mut Vec<Finding>) {
    let (year, due) = required(as_of, site.config.report_deadline);
    let columns: Vec<_> = site
        .columns
        .iter()
        .filter(|c| c.column.kind == ColumnKind::Reports)
        .collect();
    if columns
        .iter()
        .any(|c| c.reports.iter().any(|r| r.year() == year))
    {
        return;
    }
    let (m, d) = site.config.report_deadline;
    let message = format!(
        "the {year} annual report (政府信息公开工作年度报告) is missing: it was due by {due} (report_deadline {m:02}-{d:02})"
    );
    let f = Finding::new("report.missing", Severity::Deduct, message);
    out.push(match columns.first() {
        Some(c) => f
            .in_file(Path::new(CONTENT_DIR).join(&c.column.slug), None)
            .in_column(&c.column.slug)
            .fix(format!(
                "write it with `gongkai new report {year}`, fill it in and publish it"
            )),
        None => f.in_file(CONFIG_FILE, None).fix(format!(
            "add a column with `kind: reports` to site.yaml, then `gongkai new report {year}`"
        )),
    });
}

fn from_diagnostic(site: &Site, d: &Diagnostic) -> Finding {
    let severity = match d.severity {
        diag::Severity::Error => Severity::Deduct,
        diag::Severity::Warning => Severity::Notice,
    };
    let column = d
        .path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str());
    // The finding's own hint, else its code's fix: a bad `published` date
    // (report.published) is told how to write the date, not how to make a
    // table add up.
    let mut f = Finding::new("report.data", severity, d.message.clone())
        .in_file(d.path.clone(), d.line)
        .fix(d.hint.clone().unwrap_or_else(|| d.code.fix.to_string()));
    if let Some(slug) = column.filter(|s| site.columns.iter().any(|c| c.column.slug == *s)) {
        f = f.in_column(slug);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_year_turns_after_the_deadline() {
        let d = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(required(d("2024-01-31"), (1, 31)), (2022, d("2023-01-31")));
        assert_eq!(required(d("2024-02-01"), (1, 31)), (2023, d("2024-01-31")));
        assert_eq!(required(d("2023-03-01"), (2, 29)), (2022, d("2023-02-28")));
    }
}
