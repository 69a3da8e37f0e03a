//! `gongkai review PATH...`: every agency's annual report of a year checked
//! at once, as text, JSON, CSV or one HTML page, to stdout or `--output`.
//! The work is `gongkai::review`'s; this file reads the arguments and
//! prints or writes the result.
//!
//! Exit code 1 when any report has an error-level finding (or the list of
//! expected agencies cannot be read); 0 otherwise; 2 for usage and I/O
//! failures.

use super::{EXIT_FAILURE, EXIT_INPUT};
use gongkai::review::{self, Options, expect};
use gongkai::{errln, outln, t};
use jiff::civil::Date;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai review`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReviewArgs {
    /// Report YAML files, sites, folders of reports (published .html,
    /// .docx, .txt too), in any mix
    #[arg(value_name = "PATH", required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// The year reviewed (default: the latest year of the reports read)
    #[arg(long, value_name = "YYYY", value_parser = super::arg_year)]
    pub(crate) year: Option<i32>,
    /// Judge lateness as of this day, YYYY-MM-DD (default: today, China time)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::arg_day)]
    pub(crate) as_of: Option<Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Write to this file instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// The agencies that must have a report: one name a line, or a
    /// review.yaml (default: review.yaml in the current folder, if any)
    #[arg(long, value_name = "FILE")]
    pub(crate) expect: Option<PathBuf>,
    /// Add the summed tables of the clean reports of the year
    #[arg(long)]
    pub(crate) sum: bool,
}

/// How the review is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Grouped by agency, for people
    Text,
    /// One JSON object, for tools
    Json,
    /// One line per finding, with BOM, for Excel
    Csv,
    /// One page with the summary table and each agency's findings
    Html,
}

/// Runs `gongkai review`.
pub(crate) fn run(args: &ReviewArgs) -> ExitCode {
    let list = args.expect.clone().or_else(|| {
        let default = PathBuf::from(expect::REVIEW_FILE);
        default.is_file().then_some(default)
    });
    let expected = match list.as_deref().map(expect::read).transpose() {
        Ok(e) => e,
        Err(diags) => {
            super::report_unbuilt(diags);
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let opts = Options {
        paths: args.paths.clone(),
        year: args.year,
        as_of: args.as_of.unwrap_or_else(gongkai::content::today_in_china),
        expect: expected,
        sum: args.sum,
    };
    let result = review::run(&opts);
    let text = match args.format {
        Format::Text => review::text::render(&result),
        Format::Json => review::json::render(&result),
        Format::Csv => String::from_utf8_lossy(&review::csv::render(&result)).into_owned(),
        Format::Html => review::html::render(&result),
    };
    match &args.output {
        Some(path) => {
            if let Err(code) = write(path, &text) {
                return code;
            }
            errln!(
                "{}",
                t!("review-written", path = path.display().to_string())
            );
        }
        None => outln!("{}", text.strip_suffix('\n').unwrap_or(&text)),
    }
    if result.blocks() {
        ExitCode::from(EXIT_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

fn write(path: &Path, text: &str) -> Result<(), ExitCode> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    folder
        .map_or(Ok(()), gongkai::fsx::create_dir_all)
        .and_then(|()| gongkai::fsx::write_atomic(path, text.as_bytes()))
        .map_err(|e| {
            errln!(
                "{}",
                t!(
                    "review-output-failed",
                    path = path.display().to_string(),
                    why = gongkai::i18n::io_error(&e.source)
                )
            );
            ExitCode::from(EXIT_FAILURE)
        })
}
