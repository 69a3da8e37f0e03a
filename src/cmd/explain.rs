//! `gongkai explain [CODE]`: what a finding's code means, how it is decided
//! and how to fix it; without a code, every code, one per line.

use super::EXIT_FAILURE;
use gongkai::diag::codes;
use gongkai::{outln, t};
use std::process::ExitCode;

/// Arguments of `gongkai explain`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ExplainArgs {
    /// The code, as printed with a finding (e.g. report.rule-a); none lists all
    pub(crate) code: Option<String>,
}

/// Runs `gongkai explain`.
pub(crate) fn run(args: &ExplainArgs) -> ExitCode {
    let Some(id) = args.code.as_deref() else {
        for c in codes::ALL {
            outln!("{:<28} {:<8} {}", c.id, c.severity.label(), c.title());
        }
        return ExitCode::SUCCESS;
    };
    let Some(c) = codes::find(id.trim()) else {
        let message = match codes::near(id) {
            Some(n) => t!("explain-unknown-near", code = id, near = n.id),
            None => t!("explain-unknown", code = id),
        };
        gongkai::errln!("{message}");
        return ExitCode::from(EXIT_FAILURE);
    };
    outln!("{}: {}", c.id, c.title());
    // Other severities on the same line: the explanation stays the fourth.
    let mut severity = t!("explain-severity", severity = c.severity.label());
    if codes::varies(c) {
        severity.push_str(&t!("explain-severity-also", when = c.also()));
    }
    outln!("{severity}");
    outln!();
    outln!("{}", c.explanation());
    outln!();
    outln!("{}", t!("explain-fix", fix = c.fix()));
    ExitCode::SUCCESS
}
