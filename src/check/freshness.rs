//! 首页不更新 and 栏目不更新: how long since the newest item, against each
//! column's `update_within` (or the default for its kind of column), as of
//! the `--as-of` day. The 单项否决 of five stale 动态 or 通知公告/政策
//! columns counts by the national periods (2 weeks, 6 months) instead: a
//! longer `update_within` does not lift it, a shorter one does not bring it.
//!
//! Treatment, as documented in `gongkai check --help`:
//! - list columns: the newest item's 发布日期 is measured;
//! - page columns are measured from their 更新日期 (`date:` of `_index.md`,
//!   shown on the page); one without it counts as not updated, as the
//!   inspection counts anything without a visible date (their emptiness is
//!   checked by `empty`);
//! - reports columns are covered by the annual-report deadline rule; they are
//!   measured here only when site.yaml gives them `update_within`, from the
//!   newest report's `published` date, and not when the year's report is
//!   missing (that finding says it; the column still counts as stale);
//! - an empty column is reported once, by `empty`, not here again;
//! - the home page as a whole: the newest item or report anywhere must be
//!   within 2 weeks, else 单项否决.

use crate::config::{CONFIG_FILE, CheckAs, Column, ColumnKind, Period};
use crate::content::{ColumnContent, Site};
use crate::diag::{Diagnostic, codes};
use jiff::Span;
use jiff::civil::Date;
use std::collections::HashSet;
use std::path::PathBuf;

/// The home page must show something new within this many days.
const HOME_DAYS: i64 = 14;
/// Stale 动态/通知公告/政策 columns from which the site fails.
const KEY_STALE_VETO: usize = 5;
/// Stale columns of any kind from which the site fails.
const ANY_STALE_VETO: usize = 10;

/// What a column is for these rules: `check_as:`, else its title.
pub(crate) fn cadence(column: &Column) -> CheckAs {
    column
        .check_as
        .unwrap_or_else(|| CheckAs::of_title(&column.title))
}

/// The national period of a kind of column (the default of its
/// `update_within`): 2 weeks for 动态, 6 months for 通知公告 and 政策, and
/// a common 1 year for the rest.
fn default_period(cadence: CheckAs) -> Period {
    match cadence {
        CheckAs::News => Period {
            count: 2,
            unit: 'w',
        },
        CheckAs::Notice => Period {
            count: 6,
            unit: 'm',
        },
        CheckAs::Other => Period {
            count: 1,
            unit: 'y',
        },
    }
}

/// The column's period: `update_within`, else the default for its title
/// (for a page, the default of other columns: a page is no 动态).
pub(crate) fn period_of(column: &Column) -> Period {
    let kind = match column.kind {
        ColumnKind::List => cadence(column),
        _ => CheckAs::Other,
    };
    column.update_within.unwrap_or_else(|| default_period(kind))
}

/// The first day that still counts as updated: `as_of` minus `period`.
fn cutoff(as_of: Date, period: Period) -> Date {
    let n = i64::from(period.count);
    let span = match period.unit {
        'd' => Span::new().try_days(n),
        'w' => Span::new().try_weeks(n),
        'm' => Span::new().try_months(n),
        _ => Span::new().try_years(n),
    };
    span.and_then(|s| as_of.checked_sub(s)).unwrap_or(Date::MIN)
}

/// `6m`, as written in site.yaml, marked when it is the default.
fn period_text(column: &Column) -> String {
    let p = period_of(column);
    let written = format!("{}{}", p.count, p.unit);
    if column.update_within.is_none() {
        crate::t!("check-freshness-default-period", period = written)
    } else {
        written
    }
}

fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |s| i64::from(s.get_days()))
}

/// The newest entry of a column dated on or before `as_of`, and the file it
/// comes from. What is dated later was not there on that day (a report's
/// date after today is an error of its own, and must not hide that nothing
/// else is new).
fn newest(col: &ColumnContent, as_of: Date) -> Option<(Date, PathBuf)> {
    match col.column.kind {
        ColumnKind::List => col
            .items
            .iter()
            .map(|i| (i.date.date(), &i.source.shown))
            .filter(|(d, _)| *d <= as_of)
            .max_by_key(|(d, _)| *d)
            .map(|(d, shown)| (d, shown.clone())),
        // A report without a valid date is not measured here; loading it
        // reported the error (code report.published), which `reports`
        // turns into a finding of its own.
        ColumnKind::Reports => col
            .reports
            .iter()
            .filter_map(crate::report::Report::published)
            .filter(|d| *d <= as_of)
            .max()
            .map(|d| {
                (
                    d,
                    PathBuf::from(crate::content::CONTENT_DIR).join(&col.column.slug),
                )
            }),
        ColumnKind::Page => {
            let page = col.page.as_ref()?;
            Some((page.updated?.date(), page.source.shown.clone()))
        }
        ColumnKind::Rollup => None,
    }
}

/// True when the report that must be out by `as_of` is not in `col`, or
/// is dated after that day.
fn lacks_due_report(col: &ColumnContent, site: &Site, as_of: Date) -> bool {
    let (year, _) = super::reports::required(as_of, site.config.report_deadline);
    !col.reports
        .iter()
        .any(|r| r.year() == year && r.published().is_none_or(|d| d <= as_of))
}

/// Pushes the freshness findings. `empty` holds the slugs `empty` reported.
pub(crate) fn check(site: &Site, as_of: Date, empty: &HashSet<String>, out: &mut Vec<Diagnostic>) {
    home(site, as_of, out);
    let (mut key, mut any): (Vec<(&Column, CheckAs)>, usize) = (Vec::new(), 0);
    for col in &site.columns {
        let c = &col.column;
        let measured = match c.kind {
            ColumnKind::List | ColumnKind::Page => true,
            ColumnKind::Reports => c.update_within.is_some(),
            ColumnKind::Rollup => false,
        };
        if !measured || empty.contains(&c.slug) {
            continue;
        }
        // A page shows no 更新日期 unless `_index.md` has `date:`; without
        // one it counts as not updated.
        if let (ColumnKind::Page, Some(page)) = (c.kind, &col.page)
            && page.updated.is_none()
        {
            any += 1;
            out.push(
                Diagnostic::site_wide(
                    &codes::FRESHNESS_COLUMN,
                    crate::t!("check-freshness-page-undated", title = c.title.as_str()),
                )
                .in_file(page.source.shown.clone(), Some(1))
                .in_column(&c.slug)
                .with_hint(crate::t!("check-freshness-page-undated-fix")),
            );
            continue;
        }
        // A report whose `published` is not a date has its own finding
        // (code report.published); the column's newest date is then
        // unknown, and judging by its older reports would call it stale.
        if col.reports.iter().any(|r| r.published().is_none()) {
            continue;
        }
        let Some((date, _)) = newest(col, as_of) else {
            continue;
        };
        // A reports column whose report of the year is missing has that
        // finding (report.missing); it counts as stale, said once.
        if c.kind == ColumnKind::Reports && lacks_due_report(col, site, as_of) {
            any += 1;
            continue;
        }
        // The 单项否决 of 动态 and 通知公告/政策 columns counts by the
        // national periods (2 weeks, 6 months), whatever site.yaml asks of
        // the column; the column's own finding by its `update_within`.
        // Only list columns are 动态 or 通知公告/政策 columns: a page or
        // the reports (政府信息公开工作年度报告) is not, whatever its title.
        let kind = cadence(c);
        if c.kind == ColumnKind::List
            && kind != CheckAs::Other
            && date < cutoff(as_of, default_period(kind))
        {
            key.push((c, kind));
        }
        if date >= cutoff(as_of, period_of(c)) {
            continue;
        }
        any += 1;
        if let (ColumnKind::Page, Some(page)) = (c.kind, &col.page) {
            out.push(
                Diagnostic::site_wide(
                    &codes::FRESHNESS_COLUMN,
                    crate::t!(
                        "check-freshness-page",
                        title = c.title.as_str(),
                        date = date.to_string(),
                        days = days_between(date, as_of),
                        as_of = as_of.to_string(),
                        period = period_text(c)
                    ),
                )
                .in_file(page.source.shown.clone(), None)
                .in_column(&c.slug)
                .with_hint(crate::t!("check-freshness-page-fix")),
            );
            continue;
        }
        out.push(
            Diagnostic::site_wide(
                &codes::FRESHNESS_COLUMN,
                crate::t!(
                    "check-freshness-column",
                    title = c.title.as_str(),
                    date = date.to_string(),
                    days = days_between(date, as_of),
                    as_of = as_of.to_string(),
                    period = period_text(c)
                ),
            )
            .in_file(CONFIG_FILE, Some(c.line))
            .in_column(&c.slug)
            .with_hint(crate::t!("check-freshness-column-fix")),
        );
    }
    totals(&key, any, out);
}

fn totals(key: &[(&Column, CheckAs)], any: usize, out: &mut Vec<Diagnostic>) {
    if key.len() >= KEY_STALE_VETO {
        // Each with its kind and whether site.yaml or its title said it,
        // so that a yearly column taken for 动态 can be put right.
        let names: Vec<String> = key
            .iter()
            .map(|(c, kind)| {
                let kind = match kind {
                    CheckAs::News => crate::t!("check-freshness-kind-news"),
                    _ => crate::t!("check-freshness-kind-notice"),
                };
                let by = if c.check_as.is_some() {
                    crate::t!("check-freshness-kind-set", kind = kind)
                } else {
                    crate::t!("check-freshness-kind-title", kind = kind)
                };
                format!("{}（{by}）", c.title)
            })
            .collect();
        out.push(
            Diagnostic::site_wide(
                &codes::FRESHNESS_KEY_COLUMNS,
                crate::t!(
                    "check-freshness-key",
                    count = key.len(),
                    limit = KEY_STALE_VETO,
                    names = names.join("、")
                ),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-freshness-key-fix")),
        );
    }
    if any >= ANY_STALE_VETO {
        out.push(
            Diagnostic::site_wide(
                &codes::FRESHNESS_COLUMNS,
                crate::t!("check-freshness-any", count = any, limit = ANY_STALE_VETO),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-freshness-any-fix")),
        );
    }
}

/// 首页不更新: nothing new anywhere on the home page for 2 weeks.
fn home(site: &Site, as_of: Date, out: &mut Vec<Diagnostic>) {
    // The home page lists items and reports, not the pages' dates.
    let newest = site
        .columns
        .iter()
        .filter(|c| c.column.kind != ColumnKind::Page)
        .filter_map(|c| newest(c, as_of))
        .max_by_key(|(d, _)| *d);
    let limit = cutoff(
        as_of,
        Period {
            count: HOME_DAYS as u32,
            unit: 'd',
        },
    );
    let message = match &newest {
        Some((date, _)) if *date >= limit => return,
        Some((date, _)) => crate::t!(
            "check-freshness-home",
            date = date.to_string(),
            days = days_between(*date, as_of),
            as_of = as_of.to_string(),
            limit = HOME_DAYS
        ),
        None => crate::t!("check-freshness-home-none"),
    };
    let mut f = Diagnostic::site_wide(&codes::FRESHNESS_HOME, message)
        .with_hint(crate::t!("check-freshness-home-fix"));
    if let Some((_, file)) = newest {
        f = f.in_file(file, None);
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadence_from_titles() {
        for (title, kind) in [
            ("街道工作", CheckAs::News),
            ("工作动态", CheckAs::News),
            ("要闻", CheckAs::News),
            ("通知公告", CheckAs::Notice),
            ("政策解读", CheckAs::Notice),
            ("机构概况", CheckAs::Other),
            // Yearly columns with 工作 in their names are no news.
            ("政府工作报告", CheckAs::Other),
            ("工作总结", CheckAs::Other),
            ("年度工作计划", CheckAs::Other),
            ("工作机构", CheckAs::Other),
        ] {
            assert_eq!(CheckAs::of_title(title), kind, "{title}");
        }
    }

    #[test]
    fn cutoffs() {
        let d = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(
            cutoff(
                d("2024-06-30"),
                Period {
                    count: 2,
                    unit: 'w'
                }
            ),
            d("2024-06-16")
        );
        assert_eq!(
            cutoff(
                d("2024-08-31"),
                Period {
                    count: 6,
                    unit: 'm'
                }
            ),
            d("2024-02-29")
        );
        assert_eq!(
            cutoff(
                d("2024-02-29"),
                Period {
                    count: 1,
                    unit: 'y'
                }
            ),
            d("2023-02-28")
        );
    }
}
