//! The `gongkai` command: parses the command line and hands each subcommand
//! to its file in `cmd/`, which calls the library. Nothing else lives here.

mod cmd;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

// Rendering allocates many short-lived strings on every thread (templates,
// Markdown, minifying); glibc's allocator spent a quarter of a build's time
// in malloc and free. mimalloc's thread-local heaps take that to a few per cent.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Static site generator for government information-disclosure portals
/// (政府信息公开). What users read is in `i18n/*/cli.ftl` (see
/// `cmd/usage.rs`); these comments are for developers.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version)]
struct Cli {
    /// Language of messages: zh (default) or en; also GONGKAI_LANG
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
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
    /// Review every agency's annual report of a year at once, and sum them
    Review(cmd::review::ReviewArgs),
    /// Import published files (e.g. annual reports) into the site
    Import(cmd::import::ImportArgs),
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match gongkai::i18n::choose(cmd::usage::lang_flag(&args).as_deref()) {
        Ok(lang) => gongkai::i18n::set(lang),
        Err(name) => {
            gongkai::errln!("{}", gongkai::t!("cli-err-bad-lang", name = name));
            return ExitCode::from(cmd::EXIT_FAILURE);
        }
    }
    let matches = match cmd::usage::localise(Cli::command()).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return ExitCode::from(cmd::usage::report_error(e)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(cmd::usage::report_error(e)),
    };
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
        Command::Review(args) => cmd::review::run(args),
        Command::Import(args) => cmd::import::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
        cmd::usage::localise(Cli::command()).debug_assert();
    }

    /// Every command and argument has its help text in both languages.
    #[test]
    fn every_help_text_is_in_the_catalogue() {
        fn walk(c: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let about = cmd::usage::about_id(path);
            if !gongkai::i18n::has(&about) {
                missing.push(about);
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if cmd::usage::arg_id(path, id).is_none() {
                    missing.push(format!("cli-{path}-{id}"));
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path}-{}", s.get_name())
                };
                walk(s, &p, missing);
            }
        }
        let mut c = Cli::command();
        c.build();
        let mut missing = Vec::new();
        walk(&c, "", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }
}
