//! The summed tables of a year (parts 二–四, row by row under the official
//! labels, with [`crate::report::sum`]) over the clean reports, and the
//! list of those left out with the reason for each. A report is clean when
//! reading it found no error and no arithmetic rule fails (not even kept
//! as published), it follows the year's edition, and its agency gave no
//! second report for the year. Lateness and blanks (counted as 0) do not
//! keep a report out.

use super::source::Loaded;
use crate::diag::{Diagnostic, codes};
use crate::report::{Data, edition};
use std::collections::HashMap;

/// The sum of one year.
#[derive(Debug, Clone)]
pub struct YearSum {
    /// The year.
    pub year: i32,
    /// The edition of the year's form (2019 or 2021).
    pub edition: u16,
    /// The summed tables; None when no report was clean.
    pub data: Option<Data>,
    /// The reports added, ordered by agency.
    pub included: Vec<Entry>,
    /// The reports left out, ordered by agency, each with its reason.
    pub left_out: Vec<Entry>,
}

/// One report of a sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The agency.
    pub agency: String,
    /// The report's title; empty for a source that could not be read.
    pub title: String,
    /// False for a source that could not be read as a report.
    pub read: bool,
    /// The file it was read from, with `/`.
    pub source: String,
    /// The published page, when the source site has a `base_url`.
    pub page_url: Option<String>,
    /// The published date, `YYYY-MM-DD`, or empty.
    pub published: String,
    /// Why it was left out; empty for a report added.
    pub reason: String,
}

/// Codes whose findings make a report's figures unfit to add, whatever
/// their severity (a reproduced original's failing rules are warnings).
const UNFIT: &[&codes::Code] = &[
    &codes::REPORT_CELL,
    &codes::REPORT_RULE_A,
    &codes::REPORT_RULE_B,
    &codes::REPORT_RULE_C,
    &codes::REPORT_RULE_D,
];

/// Sums the clean reports of `year` among `loaded`. Sources that could not
/// be read are listed as left out too.
pub fn sum_year(loaded: &[Loaded], year: i32) -> YearSum {
    let form = edition::default_for(year);
    let mut count: HashMap<(&str, i32), usize> = HashMap::new();
    for r in loaded.iter().filter_map(|l| l.report.as_ref()) {
        *count.entry((r.agency(), r.year())).or_default() += 1;
    }
    let mut included = Vec::new();
    let mut left_out = Vec::new();
    let mut data: Option<Data> = None;
    for l in loaded {
        let source = super::findings::shown(&l.source);
        let Some(r) = &l.report else {
            left_out.push(Entry {
                agency: l.fallback_agency.clone(),
                title: String::new(),
                read: false,
                source,
                page_url: None,
                published: String::new(),
                reason: t!("review-left-out-unread"),
            });
            continue;
        };
        if r.year() != year {
            continue;
        }
        let reason = if count.get(&(r.agency(), year)).copied().unwrap_or(0) > 1 {
            Some(t!("review-left-out-duplicate"))
        } else if r.data().edition.id != form.id {
            Some(t!(
                "review-left-out-edition",
                edition = r.data().edition.id,
                expected = form.id
            ))
        } else {
            // A reproduced original's kept findings (its failing rules)
            // leave it out of the sum as much as any error.
            unfit(l.diags.iter().chain(r.kept_findings()))
        };
        let sum = match (&reason, &data) {
            (Some(_), _) => None,
            (None, None) => Some(Ok(r.data().clone())),
            (None, Some(so_far)) => Some(crate::report::sum(so_far, r.data())),
        };
        let reason = match sum {
            Some(Ok(d)) => {
                data = Some(d);
                None
            }
            Some(Err(e)) => Some(e.to_string()),
            None => reason,
        };
        let entry = Entry {
            agency: r.agency().to_string(),
            title: r.title().to_string(),
            read: true,
            source,
            page_url: l.page_url.clone(),
            published: r.published().map(|d| d.to_string()).unwrap_or_default(),
            reason: reason.clone().unwrap_or_default(),
        };
        match reason {
            None => included.push(entry),
            Some(_) => left_out.push(entry),
        }
    }
    let order = |a: &Entry, b: &Entry| (&a.agency, &a.source).cmp(&(&b.agency, &b.source));
    included.sort_by(order);
    left_out.sort_by(order);
    YearSum {
        year,
        edition: form.id,
        data,
        included,
        left_out,
    }
}

/// Why findings keep a report out of the sum: its errors, or its failing
/// arithmetic; None when they do not.
fn unfit<'d>(diags: impl Iterator<Item = &'d Diagnostic>) -> Option<String> {
    let mut codes: Vec<&str> = diags
        .filter(|d| d.severity.blocks() || UNFIT.contains(&d.code))
        .map(|d| d.code.id)
        .collect();
    if codes.is_empty() {
        return None;
    }
    let count = codes.len();
    codes.sort_unstable();
    codes.dedup();
    Some(t!(
        "review-left-out-findings",
        count = count,
        codes = codes.join(", ")
    ))
}
