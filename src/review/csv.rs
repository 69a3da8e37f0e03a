//! The review for Excel: UTF-8 with a byte-order mark and CRLF line ends
//! (as the report downloads), one line per finding, each with the report it
//! is about; a report without findings has one line saying so, so every
//! report and every missing agency is on the sheet. Fields holding a comma,
//! a quote or a line break are quoted.

use super::Review;
use crate::diag::Diagnostic;

/// The columns, in order.
fn header() -> [String; 11] {
    [
        t!("review-col-agency"),
        t!("review-col-year"),
        t!("review-col-edition"),
        t!("review-col-source"),
        t!("review-col-published"),
        t!("review-col-status"),
        t!("review-col-severity"),
        t!("review-col-code"),
        t!("review-col-place"),
        t!("review-col-message"),
        t!("review-col-fix"),
    ]
}

/// The whole review as the bytes of a CSV file.
pub fn render(review: &Review) -> Vec<u8> {
    let header = header();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut lines = Vec::new();
    for row in &review.rows {
        let about = vec![
            row.year.map(|y| y.to_string()).unwrap_or_default(),
            row.edition.map(|e| e.to_string()).unwrap_or_default(),
            row.source.clone(),
            row.published.map(|d| d.to_string()).unwrap_or_default(),
            row.status.label(),
        ];
        if row.findings.is_empty() {
            let mut cells = about.clone();
            cells.extend([String::new(), String::new(), String::new()]);
            cells.extend([t!("review-clean"), String::new()]);
            lines.push((row.agency.clone(), cells));
        }
        for f in &row.findings {
            let mut cells = about.clone();
            cells.extend(finding(f));
            lines.push((row.agency.clone(), cells));
        }
    }
    crate::report::csv(&header, &lines)
}

fn finding(f: &Diagnostic) -> [String; 5] {
    let place = super::text::location(f);
    [
        f.severity.label(),
        f.code.id.to_string(),
        place.trim_end_matches(": ").to_string(),
        f.message.clone(),
        f.fix(),
    ]
}
