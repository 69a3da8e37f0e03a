//! Validate stage: checks that need the whole content tree at once (the
//! annual reports of consecutive years against each other, and the reports
//! a rollup column's sum leaves out), and a report still holding the
//! template's sample text, which would otherwise be published unsaid. Checks of a
//! single file happen while it is loaded; links are checked where Markdown
//! is rendered; two outputs claiming one path are found by the render
//! stage's plan (`render::plan`), which lists every output, not only items.

use crate::config::{CONFIG_FILE, Column};
use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use crate::review::YearSum;

/// Pushes the cross-year findings of each reports column, and a warning
/// for each year of a rollup column whose sum leaves reports out.
pub fn validate(site: &Site, diags: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        crate::report::check_series(&col.reports, diags);
        for r in &col.reports {
            template_left(&col.column, r, diags);
        }
        for sum in &col.rollup {
            left_out(&col.column, sum, diags);
        }
    }
}

/// A report that still holds the sample text of `gongkai new report` would
/// be published as it is: a warning at the first such line, so the build
/// says so and not only `check` (which counts it, `report.template`).
fn template_left(column: &Column, report: &crate::report::Report, diags: &mut Vec<Diagnostic>) {
    if let Some(line) = report.placeholder_line() {
        diags.push(
            Diagnostic::new(
                &codes::REPORT_TEMPLATE,
                report.path(),
                t!("validate-report-template", year = report.year()),
            )
            .with_severity(crate::diag::Severity::Warning)
            .at_line(line)
            .in_column(&column.slug),
        );
    }
}

/// The published sum of a year is incomplete: say which agencies it
/// leaves out and why, at the column's line in site.yaml.
fn left_out(column: &Column, sum: &YearSum, diags: &mut Vec<Diagnostic>) {
    let out: Vec<String> = sum
        .left_out
        .iter()
        .filter(|e| e.read)
        .map(|e| format!("{}（{}）", e.agency, e.reason))
        .collect();
    if out.is_empty() {
        return;
    }
    diags.push(
        Diagnostic::new(
            &codes::ROLLUP_LEFT_OUT,
            CONFIG_FILE,
            t!(
                "validate-rollup-left-out",
                slug = column.slug.as_str(),
                year = sum.year,
                agencies = out.join("；")
            ),
        )
        .at_line(column.line)
        .in_column(&column.slug),
    );
}
