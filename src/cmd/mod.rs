//! Subcommands, one file each. Each owns its arguments and a `run` that
//! returns the process exit code; options shared by several commands are
//! defined once here.
//!
//! Exit codes: 0 success; 1 bad input (diagnostics were printed) or, for
//! `check`, blocking findings; 2 usage errors and I/O failures.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod explain;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod new;
pub(crate) mod review;
pub(crate) mod serve;
pub(crate) mod usage;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Bad input: diagnostics were printed.
pub(crate) const EXIT_INPUT: u8 = 1;
/// Usage error or I/O failure.
pub(crate) const EXIT_FAILURE: u8 = 2;

/// `--as-of` and the like: a day in any form staff write dates in
/// (`2026-02-01`, `2026-2-1`, `2026年2月1日`).
pub(crate) fn arg_day(s: &str) -> Result<jiff::civil::Date, String> {
    gongkai::content::parse_day(s).ok_or_else(|| gongkai::t!("cli-err-not-a-day", value = s))
}

/// A report year: `2024`, `２０２４`, `2024年` or `2024年度`.
pub(crate) fn arg_year(s: &str) -> Result<i32, String> {
    gongkai::content::parse_year(s)
        .map(i32::from)
        .ok_or_else(|| gongkai::t!("cli-err-not-a-year", value = s))
}

/// Options every command that reads a site takes.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SiteArgs {
    /// The site's folder (the one with site.yaml); by default the current
    /// folder or the nearest one above it with a site.yaml
    #[arg(long, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,
    /// Include items marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Also publish items dated after today (China time); by default they
    /// wait for their day, as in Hugo. With `check --as-of D`, after D
    #[arg(long)]
    pub(crate) future: bool,
}

impl SiteArgs {
    /// The site's folder: `--root` as given, else found by walking up
    /// from the current folder; when no folder above has a site.yaml, the
    /// current one (whose missing site.yaml is then reported).
    pub(crate) fn root(&self) -> PathBuf {
        match &self.root {
            Some(root) => root.clone(),
            // The current folder itself stays `.`, so messages say
            // `public`, not the whole absolute path.
            None => match gongkai::config::find_root(Path::new(".")) {
                Some(found) if std::path::absolute(".").is_ok_and(|cwd| cwd != found) => found,
                _ => PathBuf::from("."),
            },
        }
    }
}

/// Exit code for an I/O failure, after printing it.
pub(crate) fn failure(err: impl std::fmt::Display) -> ExitCode {
    gongkai::errln!("{}", gongkai::t!("build-failure", detail = err.to_string()));
    ExitCode::from(EXIT_FAILURE)
}

/// Ends the process successfully at once, once what it printed is out.
///
/// For the end of a run that holds a big site: its items, the manifest's
/// entries and the last build's record are hundreds of thousands of small
/// allocations, and freeing them one by one (some 30 ms at 50,000 items,
/// as long as rendering an edit build's pages) only to exit gains nothing:
/// the system takes the process's memory back whole. Call it only when
/// nothing is left to finish (files written, locks released).
pub(crate) fn exit_success() -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(0)
}

/// Prints every finding of a run, sorted, through the one reporter.
pub(crate) fn report(diagnostics: Vec<gongkai::diag::Diagnostic>) {
    let mut diags = gongkai::diag::Diagnostics::default();
    diags.extend(diagnostics);
    diags.report();
}

/// As [`report`], for commands that build no site (`review`, `new`,
/// `import`).
pub(crate) fn report_unbuilt(diagnostics: Vec<gongkai::diag::Diagnostic>) {
    let mut diags = gongkai::diag::Diagnostics::default();
    diags.extend(diagnostics);
    diags.report_unbuilt();
}
