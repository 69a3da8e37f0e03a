//! The findings of a report kept as published (`reproduces_original:
//! true`) that only say again that it is: its arithmetic that does not
//! hold, its cells written as the original has them (blank, or not a
//! number) and the form of another year it was signed on. Nobody can
//! change a signed original, so a build does not print them on every run:
//! the page notes them under the tables, and `check` and `review` list them
//! as 提示 (through `check::reports::of_report`). Anything else in such a
//! file (a date, a missing row, a figure of the prose) is said as usual.

use crate::diag::codes::{
    self, REPORT_BLANK, REPORT_CELL, REPORT_EDITION, REPORT_RULE_A, REPORT_RULE_B, REPORT_RULE_C,
    REPORT_RULE_D,
};
use crate::diag::{Diagnostic, Severity};

/// The codes of findings that only restate that the original is kept.
const KEPT: [&codes::Code; 7] = [
    &REPORT_RULE_A,
    &REPORT_RULE_B,
    &REPORT_RULE_C,
    &REPORT_RULE_D,
    &REPORT_CELL,
    &REPORT_BLANK,
    &REPORT_EDITION,
];

/// Takes out of `diags[start..]` (one file's findings) those that only
/// restate that the original is kept as published, as notices.
pub(super) fn take(diags: &mut Vec<Diagnostic>, start: usize) -> Vec<Diagnostic> {
    let mut kept = Vec::new();
    let mut at = 0;
    diags.retain(|d| {
        let take = at >= start && d.severity != Severity::Error && KEPT.contains(&d.code);
        at += 1;
        if take {
            let mut d = d.clone().with_severity(Severity::Notice);
            if d.code == &REPORT_EDITION {
                // Not "write it on the right form": it was signed on this one.
                d.hint = Some(t!("report-edition-kept-hint"));
            }
            if d.code == &REPORT_CELL {
                // Not "write a whole number, blank as ~": it was printed so.
                d.hint = Some(t!("report-cell-kept-hint"));
            }
            kept.push(d);
        }
        !take
    });
    kept
}
