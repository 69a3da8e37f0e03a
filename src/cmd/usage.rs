//! The command line in the user's language: every help text comes from the
//! catalogue (`i18n/*/cli.ftl`), and clap's own errors are said again in
//! Chinese. The doc comments on the argument structs are for developers;
//! what a user reads is here.
//!
//! Help texts are found by the command's path and the argument's id:
//! `cli-build-about`, `cli-build-output`, `cli-new-report-year`; an
//! argument shared by several commands may use `cli-arg-<id>` instead.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use gongkai::i18n;
use gongkai::t;

/// Reads `--lang` (or `--lang=…`) before clap runs, so that help and
/// clap's errors are already in the right language.
pub(crate) fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

/// The message id of a help text, when the catalogue has it.
fn found(id: String) -> Option<String> {
    i18n::has(&id).then_some(id)
}

/// The help text id of an argument of the command at `path`.
pub(crate) fn arg_id(path: &str, arg: &str) -> Option<String> {
    let arg = arg.replace('_', "-");
    found(format!("cli-{path}-{arg}")).or_else(|| found(format!("cli-arg-{arg}")))
}

/// The help text id of the command at `path` (`new-report`); clap's
/// `help` command and its copies of the others (`help-build`) share the
/// texts of what they describe.
pub(crate) fn about_id(path: &str) -> String {
    let parts: Vec<&str> = path.split('-').filter(|p| !p.is_empty()).collect();
    match parts.iter().rposition(|p| *p == "help") {
        Some(i) if i + 1 == parts.len() => "cli-help-about".to_string(),
        Some(i) => about_id(&[&parts[..i], &parts[i + 1..]].concat().join("-")),
        None if parts.is_empty() => "cli-about".to_string(),
        None => format!("cli-{path}-about"),
    }
}

/// `cmd` (built, so clap's own help and version flags exist) with every
/// text in the current language.
pub(crate) fn localise(mut cmd: Command) -> Command {
    cmd.build();
    localise_at(cmd, "", true)
}

fn localise_at(cmd: Command, parent: &str, root: bool) -> Command {
    let path = if root {
        String::new()
    } else if parent.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{parent}-{}", cmd.get_name())
    };
    let about_id = about_id(&path);
    let mut cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!("cli-heading-usage")
        ))
        .subcommand_help_heading(t!("cli-heading-commands"))
        .subcommand_value_name(t!("cli-value-command"));
    if let Some(id) = found(about_id) {
        cmd = cmd.about(i18n::text(&id, &[]));
    }
    if root {
        cmd = cmd.after_help(t!("cli-examples"));
    } else if let Some(id) = found(format!("cli-{path}-after")) {
        cmd = cmd.after_help(i18n::text(&id, &[]));
    }
    let options = t!("cli-heading-options");
    let arguments = t!("cli-heading-arguments");
    cmd = cmd.mut_args(|a: Arg| {
        let id = a.get_id().as_str().to_string();
        let heading = if a.is_positional() {
            &arguments
        } else {
            &options
        };
        let a = a
            .help_heading(heading.clone())
            .hide_default_value(true)
            .hide_possible_values(true);
        match arg_id(&path, &id) {
            Some(mid) => a
                .help(i18n::text(&mid, &[]))
                .long_help(i18n::text(&mid, &[])),
            None => a,
        }
    });
    let sub_parent = path.clone();
    cmd.mut_subcommands(|s| localise_at(s, &sub_parent, false))
}

/// Prints a command-line error in the current language and returns the
/// exit code (0 for `--help` and `--version`, 2 for a usage error).
pub(crate) fn report_error(err: clap::Error) -> u8 {
    let kind = err.kind();
    if matches!(kind, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = err.print();
        return 0;
    }
    if i18n::current() == i18n::Lang::En
        || matches!(kind, ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand)
    {
        let _ = err.print();
        return 2;
    }
    let ctx = |k: ContextKind| match err.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let message = match kind {
        ErrorKind::UnknownArgument => t!("cli-err-unknown-arg", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "cli-err-unknown-command",
            name = ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => t!(
            "cli-err-invalid-value",
            arg = arg,
            value = value,
            valid = ctx(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(&err)
                .map(|e| e.to_string())
                .unwrap_or_default();
            t!("cli-err-bad-value", arg = arg, value = value, why = why)
        }
        ErrorKind::MissingRequiredArgument => t!("cli-err-missing-arg", arg = arg),
        ErrorKind::MissingSubcommand => t!("cli-err-missing-command"),
        ErrorKind::ArgumentConflict => t!(
            "cli-err-conflict",
            arg = arg,
            other = ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => t!("cli-err-too-many", arg = arg),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t!("cli-err-value-count", arg = arg)
        }
        _ => t!("cli-err-other", detail = err.to_string().trim().to_string()),
    };
    gongkai::errln!("{}", message);
    let suggested = ctx(ContextKind::SuggestedArg) + &ctx(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        gongkai::errln!("  {}", t!("cli-err-did-you-mean", name = suggested));
    }
    let command = command_of(&ctx(ContextKind::Usage));
    if kind == ErrorKind::InvalidSubcommand && command.ends_with(" new") {
        gongkai::errln!("  {}", t!("cli-err-new-what"));
    }
    gongkai::errln!("  {}", t!("cli-err-see-help", command = command));
    2
}

/// The command a usage line is of (`gongkai new` of `用法: gongkai new
/// [OPTIONS] <命令>`); `gongkai` when it names none.
fn command_of(usage: &str) -> String {
    // After the label (`用法:`, `Usage:`), the program as it was run and
    // the subcommands, up to the first option or argument.
    let mut words: Vec<&str> = usage
        .split_whitespace()
        .skip_while(|w| w.ends_with(':'))
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    if let Some(program) = words.first_mut() {
        // The program's name without its folder or `.exe`.
        *program = program
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(program)
            .trim_end_matches(".exe");
    }
    if words.is_empty() {
        "gongkai".to_string()
    } else {
        words.join(" ")
    }
}
