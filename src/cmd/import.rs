//! `gongkai import report FILE...`: reads published annual reports (saved
//! pages, .docx, plain text) with `gongkai::import` and writes each as
//! `content/<reports column>/<year>.yaml`, the form `new report` writes.
//!
//! Every file is read before anything is written: one error, in any file,
//! and nothing is written (exit 1). An existing file is never overwritten;
//! each file is written atomically (a temporary file linked into place, so
//! a file that appears meanwhile is not replaced either). `--dry-run` prints
//! the YAML instead.

use super::{EXIT_FAILURE, EXIT_INPUT};
use gongkai::config::{self, CONFIG_FILE, ColumnKind, Overrides};
use gongkai::diag::{Diagnostic, Severity, codes::IMPORT_EXISTS};
use gongkai::import::{self, Hints, Imported};
use gongkai::t;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai import`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ImportArgs {
    /// What to import
    #[command(subcommand)]
    pub(crate) what: ImportWhat,
}

/// The kinds of file `gongkai import` reads.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum ImportWhat {
    /// Import published annual reports
    Report(ReportArgs),
}

/// Arguments of `gongkai import report`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReportArgs {
    /// The files to import
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// The site's folder
    #[arg(long, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,
    /// The reported year, when the title names none
    #[arg(long, value_name = "YYYY", value_parser = super::arg_year)]
    pub(crate) year: Option<i32>,
    /// The edition, when it cannot be told
    #[arg(long, value_parser = ["2019", "2021"])]
    pub(crate) edition: Option<String>,
    /// Print the YAML, write nothing
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// The reports column's folder under content/
    #[arg(long, value_name = "SLUG")]
    pub(crate) column: Option<String>,
}

/// Runs `gongkai import`.
pub(crate) fn run(args: &ImportArgs) -> ExitCode {
    let ImportWhat::Report(r) = &args.what;
    import_reports(r)
}

fn fail(message: String, code: u8) -> ExitCode {
    gongkai::errln!("{}: {message}", t!("severity-error"));
    ExitCode::from(code)
}

/// The site folder and the reports column's folder, relative to it.
fn target(args: &ReportArgs) -> Result<(PathBuf, PathBuf), String> {
    let root = match &args.root {
        Some(root) => Some(root.clone()),
        None => config::find_root(Path::new(".")),
    }
    .filter(|r| r.join(CONFIG_FILE).is_file())
    .ok_or_else(|| t!("import-no-site"))?;
    if let Some(c) = &args.column {
        return Ok((root, Path::new("content").join(c)));
    }
    let mut diags = Vec::new();
    let Some(cfg) = config::load(&root, &Overrides::default(), &mut diags) else {
        super::report_unbuilt(diags);
        return Err(t!("import-bad-config"));
    };
    let slug = cfg
        .columns
        .iter()
        .find(|c| c.kind == ColumnKind::Reports)
        .map(|c| c.slug.clone())
        .ok_or_else(|| t!("import-no-column"))?;
    Ok((root, Path::new("content").join(slug)))
}

fn import_reports(args: &ReportArgs) -> ExitCode {
    let hints = Hints {
        year: args.year,
        edition: args.edition.as_deref().and_then(|e| e.parse().ok()),
    };
    let site = match target(args) {
        Ok(t) => Some(t),
        Err(_) if args.dry_run && args.root.is_none() => None,
        Err(message) => return fail(message, EXIT_FAILURE),
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut read: Vec<(PathBuf, Imported)> = Vec::new();
    for file in &args.files {
        match import::read_report(file, &hints) {
            Ok(imported) => {
                let name = format!("{}.yaml", imported.year());
                if let Some((root, folder)) = site.as_ref().filter(|_| !args.dry_run) {
                    let shown = folder.join(&name);
                    if root.join(&shown).exists() {
                        errors.push(Diagnostic::new(
                            &IMPORT_EXISTS,
                            file,
                            t!("import-exists", path = &shown),
                        ));
                        continue;
                    }
                }
                if let Some((other, _)) = read.iter().find(|(_, i)| i.year() == imported.year()) {
                    errors.push(Diagnostic::new(
                        &IMPORT_EXISTS,
                        file,
                        t!("import-same-year", path = file, other = other),
                    ));
                    continue;
                }
                read.push((file.clone(), imported));
            }
            Err(diags) => errors.extend(diags),
        }
    }
    let warnings: Vec<Diagnostic> = read.iter().flat_map(|(_, i)| i.findings.clone()).collect();
    // Printed without the build's closing line: this run builds nothing.
    let mut all = gongkai::diag::Diagnostics::default();
    all.extend(warnings.into_iter().chain(errors.iter().cloned()));
    for d in all.sorted() {
        gongkai::errln!("{d}");
    }
    if errors.iter().any(|d| d.severity == Severity::Error) {
        gongkai::errln!("{}", t!("import-nothing-written"));
        return ExitCode::from(EXIT_INPUT);
    }
    for (file, imported) in &read {
        summary(file, imported);
        match &site {
            Some((root, folder)) if !args.dry_run => {
                let shown = folder.join(format!("{}.yaml", imported.year()));
                if let Err(reason) =
                    write_new(&root.join(folder), &root.join(&shown), &imported.yaml)
                {
                    return fail(
                        t!("import-cannot-write", path = &shown, reason = reason),
                        EXIT_FAILURE,
                    );
                }
                gongkai::outln!("{}", t!("import-wrote", path = &shown));
            }
            _ => gongkai::outln!("{}", imported.yaml),
        }
    }
    ExitCode::SUCCESS
}

fn summary(file: &Path, i: &Imported) {
    let agency = i.agency.clone().unwrap_or_else(|| t!("import-no-agency"));
    gongkai::outln!(
        "{}",
        t!(
            "import-summary",
            file = file,
            year = i.year(),
            edition = i.edition.id,
            agency = agency,
            rows = i.counts.rows,
            cells = i.counts.cells,
            blanks = i.counts.blanks,
            warnings = i.findings.len()
        )
    );
}

/// Writes `text` to `path` through a temporary file in `folder` that is
/// then hard-linked into place: atomic, and it fails rather than replace a
/// file that exists.
fn write_new(folder: &Path, path: &Path, text: &str) -> Result<(), String> {
    let reason = |e: std::io::Error| gongkai::i18n::io_error(&e);
    std::fs::create_dir_all(folder).map_err(reason)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = folder.join(format!(".{name}.gongkai-import"));
    std::fs::write(&tmp, text).map_err(reason)?;
    let placed = match std::fs::hard_link(&tmp, path) {
        Ok(()) => std::fs::remove_file(&tmp),
        // A drive without hard links (FAT, some shares): a rename, after
        // one more look that no file has appeared.
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists && !path.exists() => {
            std::fs::rename(&tmp, path)
        }
        Err(e) => Err(e),
    };
    if placed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    placed.map_err(reason)
}
