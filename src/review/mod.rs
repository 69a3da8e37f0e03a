//! `gongkai review`: every agency's annual report of a year checked at once
//! (format, arithmetic, blanks, lateness, carry-over from the year before),
//! the agencies that have none, and optionally the sum of the clean ones,
//! as the 政务公开 office of a 区/县 does each February.
//!
//! The parts, in the order a run uses them: `source` (paths → reports,
//! read by the same reader as the build), `findings` (one row per report,
//! with the build's and `check`'s findings of it and the carry-over between
//! consecutive years of one agency), `expect` (the agencies that must have
//! a report), `total` (the summed tables), then one file per output format
//! (`text`, `json`, `csv`, `html`). Nothing here writes a file: the command
//! prints or writes what [`Review`] renders to.
//!
//! A `kind: rollup` column of a site reads its sources through
//! [`source::collect`] and sums them with [`total::sum_year`] too.

pub mod csv;
pub mod expect;
mod findings;
pub mod html;
pub mod json;
pub mod source;
pub mod text;
pub mod total;

use crate::diag::{Diagnostic, Severity};
use jiff::civil::Date;
use std::path::PathBuf;

pub use findings::Status;
pub use total::YearSum;

/// What to review.
#[derive(Debug, Clone)]
pub struct Options {
    /// Report YAML files, sites, folders of reports, in any mix.
    pub paths: Vec<PathBuf>,
    /// The year reviewed; by default the latest year of the reports read.
    pub year: Option<i32>,
    /// The day lateness and missing reports are judged on.
    pub as_of: Date,
    /// The agencies that must have a report (see [`expect`]).
    pub expect: Option<expect::Expected>,
    /// Add the summed tables of the clean reports.
    pub sum: bool,
}

/// One row of the review: a report read (or not), or an agency without one.
#[derive(Debug, Clone)]
pub struct Row {
    /// The agency (单位); empty for a file that could not be read.
    pub agency: String,
    /// The reported year, when known.
    pub year: Option<i32>,
    /// The edition of the format (2019 or 2021), when read.
    pub edition: Option<u16>,
    /// Where it came from, as given on the command line; empty for a
    /// missing report.
    pub source: String,
    /// The publication date, when read.
    pub published: Option<Date>,
    /// Read, not readable, or missing.
    pub status: Status,
    /// Every finding, most serious first, with the codes of `check`.
    pub findings: Vec<Diagnostic>,
}

impl Row {
    /// The heading the row is listed under: its agency, or, for a file
    /// that could not be read, the files that could not be read.
    pub fn group(&self) -> String {
        if self.status == Status::Unread {
            t!("review-unread-group")
        } else {
            self.agency.clone()
        }
    }

    /// The number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// True when a finding is an error (or 单项否决): the run exits 1.
    pub fn blocks(&self) -> bool {
        self.findings.iter().any(|f| f.severity.blocks())
    }
}

/// The result of a review.
#[derive(Debug, Clone)]
pub struct Review {
    /// The year reviewed (None when no report could be read at all).
    pub year: Option<i32>,
    /// The day it was judged on.
    pub as_of: Date,
    /// One row per report of the year (and per unreadable source, and per
    /// expected agency without a report), ordered by agency.
    pub rows: Vec<Row>,
    /// The summed tables, with `--sum`.
    pub sum: Option<YearSum>,
}

impl Review {
    /// True when any row has an error-level finding.
    pub fn blocks(&self) -> bool {
        self.rows.iter().any(Row::blocks)
    }
}

/// Reviews `opts.paths`: every report read, with its findings.
pub fn run(opts: &Options) -> Review {
    let loaded = source::collect(&opts.paths);
    let year = opts.year.or_else(|| {
        loaded
            .iter()
            .filter_map(|l| l.report.as_ref().map(crate::report::Report::year))
            .max()
    });
    let deadline = opts
        .expect
        .as_ref()
        .and_then(|e| e.deadline)
        .unwrap_or(source::DEFAULT_DEADLINE);
    let deadline_of = |agency: &str| match &opts.expect {
        Some(e) => e.deadline_of(agency, deadline),
        None => deadline,
    };
    let mut rows = findings::rows(&loaded, year, opts.as_of, &deadline_of);
    if let Some(expected) = &opts.expect {
        expect::mark_unexpected(expected, &mut rows);
        if let Some(year) = year {
            let missing = expect::missing(expected, &rows, year, deadline, opts.as_of);
            rows.extend(missing);
        }
    }
    // By agency; the files that could not be read, which are no agency's,
    // after them.
    let key = |r: &Row| (r.status == Status::Unread, r.agency.clone(), r.year);
    rows.sort_by(|a, b| (key(a), &a.source, a.status).cmp(&(key(b), &b.source, b.status)));
    let sum = match (opts.sum, year) {
        (true, Some(year)) => Some(total::sum_year(&loaded, year)),
        _ => None,
    };
    Review {
        year,
        as_of: opts.as_of,
        rows,
        sum,
    }
}
