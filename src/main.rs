//! The `gongkai` command: parses the command line and hands each subcommand
//! to its file in `cmd/`, which calls the library. Nothing else lives here.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// Rendering allocates many short-lived strings on every thread (templates,
// Markdown, minifying); glibc's allocator spent a quarter of a build's time
// in malloc and free. mimalloc's thread-local heaps take that to a few per cent.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXAMPLES: &str = "\
Examples:
  gongkai build                      build the site in this folder into public/
  gongkai build --root ~/portal      build another site
  gongkai build --base-url https://www.example.gov.cn/xxgk/
  gongkai check --as-of 2024-06-30   check against the inspection rules
  gongkai init my-portal             start a new portal
  gongkai new report 2024            write the 2024 annual report form
  gongkai serve --open               preview while editing; pages reload on save
  gongkai explain report.rule-a      what a finding's code means and how to fix it

Exit codes: 0 success, 1 errors in the site's files, 2 usage or I/O failure.";

/// Static site generator for government information-disclosure portals (政府信息公开).
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder
    Build(cmd::build::BuildArgs),
    /// Check the site against the national inspection rules, without writing
    Check(cmd::check::CheckArgs),
    /// Explain a finding's code, or list every code
    Explain(cmd::explain::ExplainArgs),
    /// Create a new portal with the eight default columns
    Init(cmd::init::InitArgs),
    /// Create a new file from a template (e.g. an annual report)
    New(cmd::new::NewArgs),
    /// Preview the site while editing: rebuilds and reloads pages on save
    Serve(cmd::serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::New(args) => match cmd::new::run(args) {
            Ok(code) => code,
            Err(e) => cmd::failure(format!("{e:#}")),
        },
        Command::Serve(args) => cmd::serve::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
