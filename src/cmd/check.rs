//! `gongkai check`: run the same pipeline as `build` (load, validate,
//! render) without writing anything, then the inspection rules of
//! `crate::check`, and print the findings grouped by severity, or as JSON.
//!
//! Exit code 1 when any 单项否决 finding exists or the build itself has
//! errors; 0 otherwise; 2 for usage and I/O failures.

use super::{EXIT_INPUT, SiteArgs};
use gongkai::check::{self, CheckOptions, ExternalOptions, Finding, Input, Severity};
use gongkai::config::Overrides;
use gongkai::diag::Diagnostics;
use gongkai::pipeline::{Collect, Options, Pipeline, Scope};
use jiff::civil::Date;
use std::process::ExitCode;

/// Arguments of `gongkai check`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = TREATMENT)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Check as of this day, YYYY-MM-DD (default: today, China time)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub(crate) as_of: Option<Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Also fetch external links (network; 15 s timeout, at most 200 requests)
    #[arg(long)]
    pub(crate) external: bool,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Grouped by severity, with file:line and a fix, for people
    Text,
    /// A JSON array of findings, for CI
    Json,
}

const TREATMENT: &str = "\
Freshness (栏目不更新): a list column is measured from its newest item's date to --as-of,
against `update_within` or, when unset, its title: 动态/要闻/工作/新闻 2 weeks, 通知/公告/政策
6 months, others 1 year. Page columns have no date and are not measured. Reports columns are
measured only when `update_within` is set; otherwise the annual-report deadline covers them.
An empty column is reported as blank (空白栏目), not also as stale. The home page fails when
no item or report anywhere is 14 days old or newer.

Exit codes: 0 no 单项否决 finding, 1 a 单项否决 finding or build errors, 2 usage or I/O failure.";

fn parse_day(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|e| format!("`{s}` is not a date written YYYY-MM-DD: {e}"))
}

/// Today in China Standard Time (UTC+8, no daylight saving).
fn today() -> Date {
    let cst = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now().to_zoned(cst).date()
}

/// Runs `gongkai check`.
pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let opts = Options {
        root: args.site.root.clone(),
        overrides: Overrides::default(),
        drafts: args.site.drafts,
        minify: true,
    };
    let mut pipeline = Pipeline::new(opts);
    let collected = Collect::default();
    let outcome = pipeline.run(&Scope::Full, &collected);
    let files = if outcome.failed() {
        Vec::new()
    } else {
        collected.into_files()
    };
    let Some(site) = pipeline.site() else {
        let mut diags = Diagnostics::default();
        diags.extend(outcome.diagnostics.iter().cloned());
        diags.report();
        return ExitCode::from(EXIT_INPUT);
    };
    let mut build = Diagnostics::default();
    build.extend(
        outcome
            .diagnostics
            .iter()
            .filter(|d| !check::is_report_diagnostic(site, d))
            .cloned(),
    );
    build.report();
    let check_opts = CheckOptions {
        as_of: args.as_of.unwrap_or_else(today),
        external: args.external.then(ExternalOptions::default),
    };
    let input = Input {
        site,
        files: &files,
        diagnostics: &outcome.diagnostics,
    };
    let findings = check::inspect(input, &check_opts);
    match args.format {
        Format::Text => print_text(&findings, &check_opts, outcome.failed()),
        Format::Json => gongkai::outln!("{}", to_json(&findings)),
    }
    let veto = findings.iter().any(|f| f.severity == Severity::Veto);
    if veto || outcome.failed() {
        ExitCode::from(EXIT_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

fn location(f: &Finding) -> String {
    match (&f.file, f.line) {
        (Some(p), Some(l)) => format!("{}:{l}: ", p.display()),
        (Some(p), None) => format!("{}: ", p.display()),
        _ => String::new(),
    }
}

fn print_text(findings: &[Finding], opts: &CheckOptions, build_failed: bool) {
    for sev in Severity::ALL {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        gongkai::outln!("{sev} ({})", group.len());
        for f in group {
            gongkai::outln!("  {}[{}] {}", location(f), f.rule, f.message);
            if !f.fix.is_empty() {
                gongkai::outln!("      fix: {}", f.fix);
            }
        }
        gongkai::outln!();
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    gongkai::outln!(
        "checked as of {}: {} 单项否决, {} 扣分, {} 提示",
        opts.as_of,
        count(Severity::Veto),
        count(Severity::Deduct),
        count(Severity::Notice)
    );
    if build_failed {
        gongkai::outln!(
            "the build has errors (printed above): nothing can be published, and links were not checked"
        );
    }
}

/// One finding as printed by `--format json`; fields in this order.
#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: Option<String>,
    line: Option<u32>,
    column: Option<&'a str>,
    fix: &'a str,
}

fn to_json(findings: &[Finding]) -> String {
    let list: Vec<JsonFinding<'_>> = findings
        .iter()
        .map(|f| JsonFinding {
            rule: f.rule,
            severity: f.severity.label(),
            message: &f.message,
            file: f
                .file
                .as_ref()
                .map(|p| p.to_string_lossy().replace('\\', "/")),
            line: f.line,
            column: f.column.as_deref(),
            fix: &f.fix,
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into())
}
