//! `gongkai new report YEAR`: writes a complete, blank annual report file in
//! the reports column, ready to fill in and build.
//!
//! The file goes to `content/<column>/YEAR.yaml` under `--root`; the column
//! defaults to `ndbg` and `--column` names another. An existing file is
//! never overwritten. When last year's report is there, its
//! 四、结转下年度继续办理 is copied into 二、上年结转.

use anyhow::{Context as _, bail};
use gongkai::report::{self, edition, scaffold};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai new`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct NewArgs {
    /// What to create
    #[command(subcommand)]
    pub(crate) what: NewWhat,
}

/// The kinds of file `gongkai new` can write.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum NewWhat {
    /// Write the annual report form (政府信息公开工作年度报告) for YEAR
    Report(ReportArgs),
}

/// Arguments of `gongkai new report`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ReportArgs {
    /// The reported year, e.g. 2024 (the report published early in 2025)
    #[arg(value_parser = parse_year)]
    pub(crate) year: i32,
    /// Format edition: 2019 (国办公开办函〔2019〕60号) or 2021 (〔2021〕30号);
    /// by default 2019 up to the 2020 report, 2021 from the 2021 report
    #[arg(long, value_parser = ["2019", "2021"])]
    pub(crate) edition: Option<String>,
    /// The site's folder (the one with site.yaml)
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub(crate) root: PathBuf,
    /// The reports column's folder under content/
    #[arg(long, default_value = "ndbg", value_name = "SLUG")]
    pub(crate) column: String,
}

/// A report year: 1990 to 2200.
fn parse_year(s: &str) -> Result<i32, String> {
    match s.trim().parse::<i32>() {
        Ok(y) if (1990..=2200).contains(&y) => Ok(y),
        _ => Err(gongkai::t!("cli-err-not-a-year", value = s)),
    }
}

/// Runs `gongkai new`.
pub(crate) fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    match &args.what {
        NewWhat::Report(r) => new_report(r),
    }
}

fn new_report(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    // Under the current folder, say `content/…`, not `./content/…`.
    let content = if args.root == Path::new(".") {
        PathBuf::from("content")
    } else {
        args.root.join("content")
    };
    let folder = content.join(&args.column);
    let path = folder.join(format!("{}.yaml", args.year));
    if path.exists() {
        bail!(
            "`{}` already exists; not overwriting it (delete or rename it first)",
            path.display()
        );
    }
    let edition = match args.edition.as_deref() {
        Some(e) => e
            .parse()
            .ok()
            .and_then(edition::by_id)
            .with_context(|| format!("unknown edition `{e}`"))?,
        None => edition::default_for(args.year),
    };
    let prev = folder.join(format!("{}.yaml", args.year - 1));
    let last = last_year(&prev)?;
    let carried_in = last.as_ref().and_then(report::Report::carried_out);
    if prev.exists() && carried_in.is_none() {
        gongkai::errln!(
            "warning: could not read 四、结转下年度继续办理 from `{}`; 二、上年结转 left at 0",
            prev.display()
        );
    }
    let text = scaffold::text(&scaffold::Scaffold {
        year: args.year,
        edition,
        carried_in: carried_in.clone(),
        in_force: last.as_ref().and_then(report::Report::in_force),
    });
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("failed to create `{}`", folder.display()))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("failed to create `{}`", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    gongkai::outln!("wrote {} ({} edition)", path.display(), edition.id);
    if carried_in.is_some() {
        gongkai::outln!(
            "二、上年结转 copied from 四、结转下年度继续办理 in {}",
            prev.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Last year's report, when it exists and reads.
fn last_year(prev: &Path) -> anyhow::Result<Option<report::Report>> {
    if !prev.exists() {
        return Ok(None);
    }
    // Read as the build reads it (BOM, CRLF and lone CR line ends), so
    // positions and values agree with what `build` says of the same file.
    let text = gongkai::fsx::read_text(prev)
        .with_context(|| format!("failed to read `{}`", prev.display()))?;
    let mut diags = Vec::new();
    Ok(report::load(prev, &text, "", &mut diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(root: &Path, year: i32) -> NewArgs {
        NewArgs {
            what: NewWhat::Report(ReportArgs {
                year,
                edition: None,
                root: root.to_path_buf(),
                column: "ndbg".into(),
            }),
        }
    }

    #[test]
    fn writes_refuses_overwrite_and_prefills() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("content/ndbg/2021.yaml");
        std::fs::create_dir_all(dir.path().join("content/ndbg")).expect("mkdir");
        let last = scaffold::text(&scaffold::Scaffold {
            year: 2020,
            edition: &edition::EDITION_2019,
            carried_in: None,
            in_force: None,
        })
        .replace(
            "四、结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]",
            "四、结转下年度继续办理: [1, 0, 0, 0, 0, 0, 1]",
        )
        .replace(
            "一、本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]",
            "一、本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]",
        );
        std::fs::write(dir.path().join("content/ndbg/2020.yaml"), last).expect("write");
        assert!(run(&args(dir.path(), 2021)).is_ok());
        let text = std::fs::read_to_string(&file).expect("written");
        assert!(text.contains("edition: 2021"));
        assert!(text.contains("二、上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]"));
        let err = run(&args(dir.path(), 2021)).expect_err("refuses");
        assert!(err.to_string().contains("already exists"));
        assert_eq!(std::fs::read_to_string(&file).expect("kept"), text);
    }
}
