//! The findings of each report: what reading it found (structure, rule E,
//! blanks, arithmetic A–D with their cells, old-edition labels, and any
//! rule the report reader gains later), what `check` says about it as of
//! the day (late, dated after that day, sample text, all zeros), the
//! carry-over (rules F and G) against the same agency's report of the year
//! before when both were given, and the same agency and year given twice.

use super::Row;
use super::source::Loaded;
use crate::diag::{Diagnostic, codes};
use crate::report::Report;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A report that was read.
    Read,
    /// A source that could not be read as a report.
    Unread,
    /// An expected agency with no report for the year.
    Missing,
}

impl Status {
    /// The stable name in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Status::Read => "read",
            Status::Unread => "unread",
            Status::Missing => "missing",
        }
    }

    /// The word shown to people.
    pub fn label(self) -> String {
        match self {
            Status::Read => t!("review-status-read"),
            Status::Unread => t!("review-status-unread"),
            Status::Missing => t!("review-status-missing"),
        }
    }
}

/// One row per report of `year` (every report when `year` is None) and per
/// source that could not be read. Reports of other years are read only for
/// the carry-over.
/// `deadline_of` gives the deadline of an agency's report in no site (its
/// own in review.yaml's `deadlines`, else `report_deadline`, or 01-31).
pub(super) fn rows(
    loaded: &[Loaded],
    year: Option<i32>,
    as_of: Date,
    deadline_of: &dyn Fn(&str) -> (u8, u8),
) -> Vec<Row> {
    let mut extra = carry_over(loaded);
    duplicates(loaded, &mut extra);
    let mut rows = Vec::new();
    for l in loaded {
        let Some(r) = &l.report else {
            // A file that could not be read is no agency's: its folder may
            // be only the folder the files were put in.
            rows.push(Row {
                agency: String::new(),
                year: None,
                edition: None,
                source: shown(&l.source),
                published: None,
                status: super::Status::Unread,
                findings: sorted(l.diags.clone()),
            });
            continue;
        };
        if year.is_some_and(|y| y != r.year()) {
            continue;
        }
        let mut findings = l.diags.clone();
        let due = l.deadline.unwrap_or_else(|| deadline_of(r.agency()));
        findings.extend(crate::check::reports::of_report(r, due, as_of));
        findings.extend(extra.remove(&l.source).unwrap_or_default());
        rows.push(Row {
            agency: r.agency().to_string(),
            year: Some(r.year()),
            edition: Some(r.data().edition.id),
            source: shown(&l.source),
            published: r.published(),
            status: super::Status::Read,
            findings: sorted(findings),
        });
    }
    rows
}

/// A path as findings and rows show it, with `/` on every system.
pub(super) fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Most serious first, then by position, as `check` lists them.
fn sorted(mut findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    findings.sort_by(|a, b| {
        (a.severity, &a.path, a.line, a.col, &a.message)
            .cmp(&(b.severity, &b.path, b.line, b.col, &b.message))
    });
    findings.dedup();
    findings
}

/// Rules F and G between consecutive years of each agency, by the file of
/// the later year.
fn carry_over(loaded: &[Loaded]) -> HashMap<PathBuf, Vec<Diagnostic>> {
    let mut by_agency: BTreeMap<&str, Vec<&Report>> = BTreeMap::new();
    for r in loaded.iter().filter_map(|l| l.report.as_ref()) {
        by_agency.entry(r.agency()).or_default().push(r);
    }
    let mut diags = Vec::new();
    for reports in by_agency.into_values().filter(|r| r.len() > 1) {
        crate::report::check_series_of(reports, &mut diags);
    }
    let mut out: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    for d in diags {
        out.entry(d.path.clone()).or_default().push(d);
    }
    out
}

/// One error on each report of an agency and year given more than once:
/// which one counts is the office's decision, so neither is summed.
fn duplicates(loaded: &[Loaded], out: &mut HashMap<PathBuf, Vec<Diagnostic>>) {
    let mut by_key: BTreeMap<(&str, i32), Vec<&Path>> = BTreeMap::new();
    for l in loaded {
        if let Some(r) = &l.report {
            by_key
                .entry((r.agency(), r.year()))
                .or_default()
                .push(&l.source);
        }
    }
    for ((agency, year), paths) in by_key.into_iter().filter(|(_, p)| p.len() > 1) {
        for path in &paths {
            let others: Vec<String> = paths
                .iter()
                .filter(|p| p != &path)
                .map(|p| shown(p))
                .collect();
            out.entry(path.to_path_buf()).or_default().push(
                Diagnostic::new(
                    &codes::REVIEW_DUPLICATE,
                    *path,
                    t!(
                        "review-duplicate",
                        agency = agency,
                        year = year,
                        others = others.join("、")
                    ),
                )
                .with_hint(t!("review-duplicate-hint")),
            );
        }
    }
}
