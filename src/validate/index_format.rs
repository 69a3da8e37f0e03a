//! Each item's and annual report's 索引号 against the site's schemes
//! (`index_no_format:` in site.yaml): a number that follows none of them,
//! and one whose year (and month) is neither its document's publication
//! nor its writing date's, the usual mark of an old item copied. Both are
//! warnings: the page is published, and `check` lists them with the rest.

use crate::config::{IndexDate, IndexFormat};
use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use jiff::civil::Date;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One 索引号 to hold against the schemes: where it is written, and the
/// dates of its document.
struct Numbered<'a> {
    no: &'a str,
    shown: &'a Path,
    line: Option<u32>,
    column: &'a str,
    published: Option<Date>,
    written: Option<Date>,
}

/// Pushes a warning for each 索引号 of `site` that its schemes reject.
pub(super) fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    let formats = &site.config.index_formats;
    if formats.is_empty() {
        return;
    }
    for col in &site.columns {
        let column = col.column.slug.as_str();
        for item in &col.items {
            let Some(no) = item.meta.index_no.as_deref() else {
                continue;
            };
            let n = Numbered {
                no,
                shown: &item.source.shown,
                line: super::line_of(&item.source.path, "index_no"),
                column,
                published: Some(item.date.at.date()),
                written: item.meta.written.as_deref().and_then(|w| w.parse().ok()),
            };
            diags.extend(finding(formats, &n));
        }
        for report in &col.reports {
            let env = report.envelope();
            let Some(no) = env.index.index_no.as_deref() else {
                continue;
            };
            let n = Numbered {
                no,
                shown: report.path(),
                line: report.index_no_line(),
                column,
                published: report.published(),
                written: env.index.written.as_deref().and_then(|w| w.parse().ok()),
            };
            diags.extend(finding(formats, &n));
        }
    }
}

/// The warning for one 索引号, if any.
fn finding(formats: &[IndexFormat], n: &Numbered<'_>) -> Option<Diagnostic> {
    let no = n.no.trim();
    if no.is_empty() {
        return None;
    }
    let day = n.published.or(n.written);
    let (message, hint) = match formats.iter().find_map(|f| f.matches(no).map(|p| (f, p))) {
        Some((format, parts)) => {
            if fits_a_date(parts, n) {
                return None;
            }
            let dates = match (n.published, n.written) {
                (Some(p), Some(w)) if p != w => {
                    t!(
                        "validate-index-dates-both",
                        published = p.to_string(),
                        written = w.to_string()
                    )
                }
                (Some(p), _) => t!("validate-index-date", date = p.to_string()),
                (None, Some(w)) => t!("validate-index-date-written", date = w.to_string()),
                (None, None) => return None,
            };
            let what = match parts.month {
                Some(m) => t!(
                    "validate-index-year-month",
                    year = parts.year.unwrap_or_default(),
                    month = m
                ),
                None => t!("validate-index-year", year = parts.year.unwrap_or_default()),
            };
            let fixed = day.map(|d| example(format, no, d));
            (
                t!(
                    "validate-index-wrong-year",
                    index_no = no,
                    what = what,
                    dates = dates
                ),
                match fixed {
                    Some(e) => t!("validate-index-wrong-year-hint", example = e),
                    None => codes::METADATA_INDEX_FORMAT.fix(),
                },
            )
        }
        None => {
            let half: String = no.nfkc().collect();
            let schemes: Vec<&str> = formats.iter().map(|f| f.written.as_str()).collect();
            let message = t!(
                "validate-index-format",
                index_no = no,
                formats = schemes.join("、")
            );
            if half != no && formats.iter().any(|f| f.matches(&half).is_some()) {
                (message, t!("validate-index-full-width", fixed = half))
            } else {
                let e = example(&formats[0], &half, day.unwrap_or_default());
                (message, t!("validate-index-format-hint", example = e))
            }
        }
    };
    let d = Diagnostic::new(&codes::METADATA_INDEX_FORMAT, n.shown, message)
        .in_column(n.column)
        .with_hint(hint);
    Some(match n.line {
        Some(line) => d.at(line, 1),
        None => d,
    })
}

/// True when the year (and month, and day) a number holds are those of its
/// document's publication or writing date, or it holds none.
fn fits_a_date(parts: IndexDate, n: &Numbered<'_>) -> bool {
    if parts.year.is_none() && parts.month.is_none() && parts.day.is_none() {
        return true;
    }
    let fits = |d: &Date| {
        parts.year.is_none_or(|y| y == i32::from(d.year()))
            && parts
                .month
                .is_none_or(|m| i8::try_from(m).ok() == Some(d.month()))
            && parts
                .day
                .is_none_or(|x| i8::try_from(x).ok() == Some(d.day()))
    };
    // A document without dates cannot be held to one.
    if n.published.is_none() && n.written.is_none() {
        return true;
    }
    n.published.iter().chain(n.written.iter()).any(fits)
}

/// The number as the scheme writes it for a document of `day`, keeping
/// the sequence number typed (its last run of digits), or 1.
fn example(format: &IndexFormat, typed: &str, day: Date) -> String {
    let digits: String = typed
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let seq = digits.parse::<u64>().ok().filter(|s| *s > 0).unwrap_or(1);
    let (m, d) = (
        u8::try_from(day.month()).unwrap_or(1),
        u8::try_from(day.day()).unwrap_or(1),
    );
    format.example((i32::from(day.year()), m, d), seq)
}
