//! `gongkai new report YEAR`: writes a complete, blank annual report file in
//! the reports column, ready to fill in and build.
//!
//! The site is found as every command finds it (`--root`, else the nearest
//! folder with a site.yaml, walking up from the current one); outside a site
//! the command refuses. The file goes to `content/<column>/YEAR.yaml`, the
//! column being site.yaml's reports column (`kind: reports`), whatever its
//! slug, unless `--column` names another. An existing file is never
//! overwritten. When last year's report is there, its
//! 四、结转下年度继续办理 is copied into 二、上年结转.

use gongkai::config::{self, CONFIG_FILE, ColumnKind, Overrides};
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
    #[arg(value_parser = super::arg_year)]
    pub(crate) year: i32,
    /// Format edition: 2019 (国办公开办函〔2019〕60号) or 2021 (〔2021〕30号);
    /// by default 2019 up to the 2020 report, 2021 from the 2021 report
    #[arg(long, value_parser = ["2019", "2021"])]
    pub(crate) edition: Option<String>,
    /// The site's folder (the one with site.yaml); by default the current
    /// folder or the nearest one above it with a site.yaml
    #[arg(long, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,
    /// The reports column's folder under content/; by default the column
    /// of site.yaml with `kind: reports`
    #[arg(long, value_name = "SLUG")]
    pub(crate) column: Option<String>,
}

/// Runs `gongkai new`.
pub(crate) fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    match &args.what {
        NewWhat::Report(r) => Ok(match new_report(r) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                gongkai::errln!("{}: {message}", gongkai::t!("severity-error"));
                ExitCode::from(2)
            }
        }),
    }
}

/// The site's folder: `--root`, else found by walking up; an error when
/// it holds no site.yaml.
fn site_root(args: &ReportArgs) -> Result<PathBuf, String> {
    let root = match &args.root {
        Some(root) => Some(root.clone()),
        None => config::find_root(Path::new(".")),
    };
    root.filter(|r| r.join(CONFIG_FILE).is_file())
        .ok_or_else(|| gongkai::t!("report-new-no-site"))
}

/// The reports column's slug: `--column`, else site.yaml's reports column.
fn column_of(args: &ReportArgs, root: &Path) -> Result<String, String> {
    if let Some(c) = &args.column {
        return Ok(c.clone());
    }
    let mut diags = Vec::new();
    let Some(cfg) = config::load(root, &Overrides::default(), &mut diags) else {
        super::report_unbuilt(diags);
        return Err(gongkai::t!("report-new-bad-config"));
    };
    cfg.columns
        .iter()
        .find(|c| c.kind == ColumnKind::Reports)
        .map(|c| c.slug.clone())
        .ok_or_else(|| gongkai::t!("report-new-no-column"))
}

fn new_report(args: &ReportArgs) -> Result<(), String> {
    let root = site_root(args)?;
    let column = column_of(args, &root)?;
    // Paths are said as the build says them: relative to the site.
    let shown_folder = Path::new("content").join(&column);
    let folder = root.join(&shown_folder);
    let name = format!("{}.yaml", args.year);
    let (path, shown) = (folder.join(&name), shown_folder.join(&name));
    if path.exists() {
        return Err(gongkai::t!("report-new-exists", path = &shown));
    }
    let edition = args
        .edition
        .as_deref()
        .and_then(|e| e.parse().ok())
        .and_then(edition::by_id)
        .unwrap_or_else(|| edition::default_for(args.year));
    let prev_name = format!("{}.yaml", args.year - 1);
    let (prev, prev_shown) = (folder.join(&prev_name), shown_folder.join(&prev_name));
    let last = last_year(&prev, &prev_shown)?;
    let carried_in = last.as_ref().and_then(report::Report::carried_out);
    if prev.exists() && carried_in.is_none() {
        gongkai::errln!(
            "{}: {}",
            gongkai::t!("severity-warning"),
            gongkai::t!("report-new-unreadable-last", path = &prev_shown)
        );
    }
    let text = scaffold::text(&scaffold::Scaffold {
        year: args.year,
        edition,
        carried_in: carried_in.clone(),
        in_force: last.as_ref().and_then(report::Report::in_force),
    });
    let cannot = |e: std::io::Error| {
        gongkai::t!(
            "report-new-cannot-write",
            path = &shown,
            reason = gongkai::i18n::io_error(&e)
        )
    };
    std::fs::create_dir_all(&folder).map_err(cannot)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(cannot)?;
    file.write_all(text.as_bytes()).map_err(cannot)?;
    gongkai::outln!(
        "{}",
        gongkai::t!("report-new-wrote", path = &shown, edition = edition.id)
    );
    if carried_in.is_some() {
        gongkai::outln!("{}", gongkai::t!("report-new-copied", path = &prev_shown));
    }
    Ok(())
}

/// Last year's report, when it exists and reads.
fn last_year(prev: &Path, shown: &Path) -> Result<Option<report::Report>, String> {
    if !prev.exists() {
        return Ok(None);
    }
    // Read as the build reads it (BOM, CRLF and lone CR line ends), so
    // positions and values agree with what `build` says of the same file.
    let text = gongkai::fsx::read_text(prev).map_err(|e| {
        let reason = match e {
            gongkai::fsx::TextError::Io(e) => gongkai::i18n::io_error(&e.source),
            gongkai::fsx::TextError::NotUtf8 { message, .. } => message,
        };
        gongkai::t!("report-new-cannot-read", path = shown, reason = reason)
    })?;
    let mut diags = Vec::new();
    Ok(report::load(shown, &text, "", &mut diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(root: &Path, year: i32) -> NewArgs {
        NewArgs {
            what: NewWhat::Report(ReportArgs {
                year,
                edition: None,
                root: Some(root.to_path_buf()),
                column: None,
            }),
        }
    }

    #[test]
    fn writes_refuses_overwrite_and_prefills() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("content/ndbg/2021.yaml");
        std::fs::create_dir_all(dir.path().join("content/ndbg")).expect("mkdir");
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: 测试\norganization: 测试街道办事处\nbase_url: https://example.gov.cn/\ncolumns:\n  - slug: ndbg\n    title: 政府信息公开年报\n    kind: reports\n",
        )
        .expect("site.yaml");
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
        assert_eq!(
            run(&args(dir.path(), 2021)).ok(),
            Some(ExitCode::from(2)),
            "refuses"
        );
        assert_eq!(std::fs::read_to_string(&file).expect("kept"), text);
    }
}
