//! 政府信息公开工作年度报告: every year's report from `reports_since` (or
//! the first report) must be published by the `report_deadline` of
//! site.yaml (default 01-31, 条例 第四十九条), and filled in (no sample
//! text of `gongkai new report`, not every number 0). A report dated after
//! the day checked (`--as-of`) was not out that day: nothing to mark down
//! before its deadline, missing after it. The
//! findings of loading a report (勾稽关系 errors with their row and column
//! labels, blank cells, structure) are build diagnostics with their own
//! codes, listed by `check` with the rest.
//!
//! A site with no reports column at all gets the missing-report finding
//! too: the 条例 asks every office for its report, wherever it is kept.

use crate::config::{CONFIG_FILE, ColumnKind};
use crate::content::{CONTENT_DIR, Site};
use crate::diag::{Diagnostic, codes};
use crate::report::Report;
use jiff::civil::Date;
use std::path::Path;

/// The deadline in `year`. A 02-29 deadline falls on 02-28 in other years.
pub(crate) fn deadline_in(year: i16, (month, day): (u8, u8)) -> Date {
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

/// Pushes the findings about the reports column: every missing year, and
/// each report dated after `as_of`, published late, still holding sample
/// text of `gongkai new report`, or with every number 0. The findings of
/// loading a report (勾稽关系, blank cells, structure) come from loading
/// it, with the build's other diagnostics.
pub(crate) fn check(site: &Site, as_of: Date, out: &mut Vec<Diagnostic>) {
    missing(site, as_of, out);
    for col in site
        .columns
        .iter()
        .filter(|c| c.column.kind == ColumnKind::Reports)
    {
        for r in &col.reports {
            let slug = &col.column.slug;
            out.extend(
                of_report(r, site.config.report_deadline, as_of)
                    .into_iter()
                    .map(|d| d.in_column(slug)),
            );
        }
    }
}

/// The findings about one report as of `as_of` (also `gongkai review`'s):
/// dated after `as_of`, published after `deadline` (MM-DD of the next
/// year), sample text left, every number 0.
pub(crate) fn of_report(r: &Report, deadline: (u8, u8), as_of: Date) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let out = &mut found;
    let at = |code, message: String, line: u32| {
        Diagnostic::new(code, r.path(), message).in_file(r.path(), Some(line))
    };
    if let Some(published) = r.published() {
        let due = deadline_in(i16::try_from(r.year() + 1).unwrap_or(i16::MAX), deadline);
        let date = published.to_string();
        // Dated after `--as-of` (and not after today, which loading the
        // report has said already): on that day it was not out yet. Before
        // its deadline that is nothing to mark down; after it, the report
        // was missing that day.
        if published > as_of && published <= crate::report::today() {
            let (m, d) = deadline;
            let finding = if as_of > due {
                at(
                    &codes::REPORT_MISSING,
                    t!(
                        "report-check-not-yet-due-passed",
                        year = r.year(),
                        date = date.as_str(),
                        as_of = as_of.to_string(),
                        due = due.to_string(),
                        deadline = format!("{m:02}-{d:02}")
                    ),
                    r.published_line(),
                )
                .with_hint(t!("report-check-not-yet-hint"))
            } else {
                at(
                    &codes::FUTURE,
                    t!(
                        "report-check-not-yet",
                        year = r.year(),
                        date = date.as_str(),
                        as_of = as_of.to_string()
                    ),
                    r.published_line(),
                )
                .with_hint(t!("report-check-not-yet-hint"))
            };
            out.push(finding);
        } else if published > due {
            let (m, d) = deadline;
            out.push(at(
                &codes::REPORT_LATE,
                t!(
                    "report-check-late",
                    year = r.year(),
                    date = date.as_str(),
                    due = due.to_string(),
                    deadline = format!("{m:02}-{d:02}")
                ),
                r.published_line(),
            ));
        }
    }
    if let Some(line) = r.placeholder_line() {
        out.push(at(
            &codes::REPORT_TEMPLATE,
            t!("report-check-template", year = r.year()),
            line,
        ));
    }
    if r.all_zero() {
        out.push(at(
            &codes::REPORT_ZEROS,
            t!("report-check-zeros", year = r.year()),
            0,
        ));
    }
    out.extend(r.kept_findings().iter().cloned());
    found
}

/// Every year from `reports_since` (or the first report on the site) to
/// the last one due by `as_of` without a report, each its own finding.
fn missing(site: &Site, as_of: Date, out: &mut Vec<Diagnostic>) {
    let (due_year, _) = required(as_of, site.config.report_deadline);
    let columns: Vec<_> = site
        .columns
        .iter()
        .filter(|c| c.column.kind == ColumnKind::Reports)
        .collect();
    let have: Vec<i32> = columns
        .iter()
        .flat_map(|c| c.reports.iter().map(Report::year))
        .collect();
    let first = site
        .config
        .reports_since
        .or_else(|| have.iter().copied().min())
        .unwrap_or(due_year)
        .min(due_year);
    let (m, d) = site.config.report_deadline;
    for year in (first..=due_year).filter(|y| !have.contains(y)) {
        let day = deadline_in(i16::try_from(year + 1).unwrap_or(i16::MAX), (m, d));
        let message = t!(
            "report-check-missing",
            year = year,
            due = day.to_string(),
            deadline = format!("{m:02}-{d:02}")
        );
        let f = Diagnostic::site_wide(&codes::REPORT_MISSING, message);
        out.push(match columns.first() {
            Some(c) => f
                .in_file(Path::new(CONTENT_DIR).join(&c.column.slug), None)
                .in_column(&c.column.slug)
                .with_hint(t!("report-check-missing-hint", year = year)),
            None => f
                .in_file(CONFIG_FILE, None)
                .with_hint(t!("report-check-no-column-hint", year = year)),
        });
    }
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
