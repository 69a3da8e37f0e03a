//! The review for a person: one block per agency, each report with its
//! findings (most serious first, with file:line and the fix), a summary
//! line, then the sum when asked for.

use super::{Review, Row, Status, YearSum};
use crate::diag::Diagnostic;
use crate::report::Row as TableRow;
use std::fmt::Write as _;

/// The whole review as text, ending with a line break.
pub fn render(review: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(review));
    let mut group: Option<String> = None;
    for row in &review.rows {
        let this = row.group();
        if group.as_ref() != Some(&this) {
            let _ = writeln!(out, "\n■ {this}");
            group = Some(this);
        }
        let _ = writeln!(out, "  {}", describe(row));
        if row.findings.is_empty() {
            let _ = writeln!(out, "    {}", t!("review-clean"));
        }
        for f in &row.findings {
            let _ = writeln!(
                out,
                "    {} [{}] {}{}",
                f.severity.label(),
                f.code.id,
                location(f),
                // Lines under the message (the rules a cell breaks) stay
                // under it.
                f.message.replace('\n', "\n    ")
            );
            let _ = writeln!(out, "        {}", t!("check-fix", fix = f.fix()));
        }
    }
    let _ = writeln!(out, "\n{}", summary(review));
    if let Some(sum) = &review.sum {
        sum_text(&mut out, sum);
    }
    out
}

/// The first line: the year, the day, how many agencies and reports.
pub(crate) fn heading(review: &Review) -> String {
    let Some(year) = review.year else {
        return t!("review-heading-no-year", as_of = review.as_of.to_string());
    };
    let mut agencies: Vec<&str> = review
        .rows
        .iter()
        .filter(|r| r.status != Status::Unread)
        .map(|r| r.agency.as_str())
        .collect();
    agencies.sort_unstable();
    agencies.dedup();
    t!(
        "review-heading",
        year = year,
        as_of = review.as_of.to_string(),
        agencies = agencies.len(),
        reports = count(review, Status::Read),
        unread = count(review, Status::Unread)
    )
}

/// The rows of `status`.
fn count(review: &Review, status: Status) -> usize {
    review.rows.iter().filter(|r| r.status == status).count()
}

/// What a row is: year, edition, source and date; or why it has no report.
pub(crate) fn describe(row: &Row) -> String {
    match row.status {
        Status::Read => t!(
            "review-row",
            year = row.year.unwrap_or_default(),
            edition = row.edition.unwrap_or_default(),
            source = row.source.as_str(),
            published = row
                .published
                .map_or_else(|| t!("review-no-date"), |d| d.to_string())
        ),
        Status::Unread => t!("review-row-unread", source = row.source.as_str()),
        Status::Missing => t!("review-row-missing", year = row.year.unwrap_or_default()),
    }
}

/// `file:line:col: `, as far as known.
pub(crate) fn location(f: &Diagnostic) -> String {
    let Some(file) = f.file() else {
        return String::new();
    };
    let file = file.to_string_lossy().replace('\\', "/");
    match (f.line, f.col) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}: "),
        (Some(l), None) => format!("{file}:{l}: "),
        _ => format!("{file}: "),
    }
}

/// The counts: reports with errors, with only lesser findings, clean;
/// agencies missing.
pub(crate) fn summary(review: &Review) -> String {
    // Reports, as the heading counts them; the files not read apart.
    let read = || review.rows.iter().filter(|r| r.status == Status::Read);
    let errors = read().filter(|r| r.blocks()).count();
    let clean = read().filter(|r| r.findings.is_empty()).count();
    t!(
        "review-summary",
        errors = errors,
        warnings = read().count() - errors - clean,
        clean = clean,
        missing = count(review, Status::Missing),
        unread = count(review, Status::Unread)
    )
}

fn sum_text(out: &mut String, sum: &YearSum) {
    let _ = writeln!(
        out,
        "\n{}",
        t!(
            "review-sum-heading",
            year = sum.year,
            edition = sum.edition,
            count = sum.included.len()
        )
    );
    for e in &sum.included {
        let _ = writeln!(out, "  + {}（{}）", e.agency, e.source);
    }
    if !sum.left_out.is_empty() {
        let _ = writeln!(out, "{}", t!("review-sum-left-out"));
        for e in &sum.left_out {
            let _ = writeln!(out, "  - {}（{}）：{}", e.agency, e.source, e.reason);
        }
    }
    let Some(d) = &sum.data else {
        let _ = writeln!(out, "{}", t!("review-sum-none"));
        return;
    };
    let line = |out: &mut String, label: &str, r: &TableRow| {
        let cells: Vec<&str> = r
            .cells
            .iter()
            .map(|c| {
                if c.shown.is_empty() {
                    "—"
                } else {
                    c.shown.as_str()
                }
            })
            .collect();
        let _ = writeln!(out, "    {label}: {}", cells.join(", "));
    };
    for t in &d.part2 {
        let _ = writeln!(out, "  {}", t.spec.caption);
        for r in &t.rows {
            line(out, &r.label, r);
        }
    }
    let _ = writeln!(out, "  {}", crate::report::edition::PARTS[2]);
    for (leaf, r) in d.part3.leaves.iter().zip(&d.part3.rows) {
        line(out, &leaf.name(), r);
    }
    let _ = writeln!(out, "  {}", crate::report::edition::PARTS[3]);
    for (spec, r) in d.edition.part4.iter().zip(&d.part4.rows) {
        line(out, &spec.name(), r);
    }
}
