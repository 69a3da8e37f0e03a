//! Collecting the reports to review: the paths of the command line (or of a
//! rollup column's `sources:`) become report files, each read by the same
//! reader as the build ([`crate::report::load`]), in parallel.
//!
//! A path may be a report's YAML file, a gongkai site (the folder with
//! `site.yaml`: the files of its `reports` columns, with its organisation
//! as the default agency and its `report_deadline`), or a folder holding
//! any of these at any depth. Published reports (`.html`, `.htm`,
//! `.shtml`, `.docx`, `.txt`) go through [`read_published`], the one seam
//! to the importer of `gongkai import report`. Nothing is written.

use crate::config::{self, CONFIG_FILE, ColumnKind, Overrides};
use crate::content::CONTENT_DIR;
use crate::diag::{Diagnostic, codes};
use crate::fsx;
use crate::report::{self, Data, Envelope, Report};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The deadline of a report whose site does not say (条例 第四十九条: 1 月 31 日).
pub const DEFAULT_DEADLINE: (u8, u8) = (1, 31);

/// Extensions of published reports, read through the importer.
pub const PUBLISHED: &[&str] = &["html", "htm", "shtml", "docx", "txt"];

/// Extensions of files a folder may hold that no reader takes: each is
/// reported, never passed over in silence.
const UNREADABLE: &[&str] = &["pdf", "doc", "wps", "ofd", "xls", "xlsx", "et"];

/// One source read: its report when it could be read, and every finding of
/// reading it.
#[derive(Debug)]
pub struct Loaded {
    /// The report; None when the file could not be read as one.
    pub report: Option<Report>,
    /// The file as findings name it (the path as given, joined with the
    /// file's path under it).
    pub source: PathBuf,
    /// The findings of reading it (the build's codes).
    pub diags: Vec<Diagnostic>,
    /// `report_deadline` of its site (MM-DD); None when it is in no site.
    pub deadline: Option<(u8, u8)>,
    /// The address of its published page, when it comes from a site with a
    /// `base_url` that has a host.
    pub page_url: Option<String>,
    /// The agency to name when the file could not be read.
    pub fallback_agency: String,
}

/// What a site says about the reports in it.
#[derive(Debug, Clone, Default)]
struct SiteInfo {
    organization: String,
    deadline: Option<(u8, u8)>,
    /// `base_url` when it has a host, with a trailing slash.
    base_url: Option<String>,
    /// The slugs of its reports columns.
    columns: Vec<String>,
}

/// One file to read.
#[derive(Debug)]
enum Found {
    /// A report YAML file, with its site and the column it is in.
    Yaml(PathBuf, Option<SiteInfo>, Option<String>),
    /// A published report, for the importer.
    Published(PathBuf),
    /// A path that is no report: the finding says why.
    Refused(PathBuf, Diagnostic),
}

/// Reads every report under `paths`, in the order found (sites' columns in
/// their order, folders sorted by name).
pub fn collect(paths: &[PathBuf]) -> Vec<Loaded> {
    let mut found = Vec::new();
    let mut sites = HashMap::new();
    for path in paths {
        find(path, &mut found, &mut sites);
    }
    // A file named twice (itself and its folder) is one report, not two.
    let mut seen = std::collections::HashSet::new();
    found.retain(|f| match f {
        Found::Yaml(p, ..) | Found::Published(p) => {
            seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        }
        Found::Refused(..) => true,
    });
    found.into_par_iter().map(read).collect()
}

fn find(path: &Path, out: &mut Vec<Found>, sites: &mut HashMap<PathBuf, Option<SiteInfo>>) {
    if path.is_dir() {
        if path.join(CONFIG_FILE).is_file() {
            find_in_site(path, out);
        } else {
            find_in_folder(path, out, sites);
        }
    } else if path.is_file() {
        out.push(classify_file(path, sites, true));
    } else {
        let why = t!("review-source-not-found");
        out.push(Found::Refused(
            path.to_path_buf(),
            Diagnostic::new(&codes::REVIEW_UNREAD, path, why),
        ));
    }
}

/// The report files of a site's `reports` columns.
fn find_in_site(root: &Path, out: &mut Vec<Found>) {
    let mut diags = Vec::new();
    let Some(cfg) = config::load(root, &Overrides::default(), &mut diags) else {
        // The site's own findings say why it cannot be read.
        for d in diags {
            let shown = root.join(&d.path);
            out.push(Found::Refused(
                shown.clone(),
                Diagnostic { path: shown, ..d },
            ));
        }
        return;
    };
    let info = site_info(&cfg);
    for col in cfg.columns.iter().filter(|c| c.kind == ColumnKind::Reports) {
        let dir = root.join(CONTENT_DIR).join(&col.slug);
        for file in yaml_files(&dir) {
            out.push(Found::Yaml(
                file,
                Some(info.clone()),
                Some(col.slug.clone()),
            ));
        }
    }
}

fn site_info(cfg: &config::Config) -> SiteInfo {
    SiteInfo {
        organization: cfg.organization.clone(),
        deadline: Some(cfg.report_deadline),
        base_url: (!cfg.domain.is_empty()).then(|| cfg.base_url.clone()),
        columns: cfg
            .columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Reports)
            .map(|c| c.slug.clone())
            .collect(),
    }
}

/// The `.yaml`/`.yml` files directly in `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && has_ext(p, &["yaml", "yml"]))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Every report in a folder at any depth: sites as sites, other files by
/// their type. Hidden files and folders are passed over.
fn find_in_folder(
    dir: &Path,
    out: &mut Vec<Found>,
    sites: &mut HashMap<PathBuf, Option<SiteInfo>>,
) {
    let mut walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(dir).to_path_buf();
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), crate::i18n::io_error);
                out.push(Found::Refused(
                    at.clone(),
                    Diagnostic::new(&codes::IO, at, why),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || crate::content::is_editor_temp(&name) {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        let path = entry.path();
        if entry.file_type().is_dir() {
            if path.join(CONFIG_FILE).is_file() {
                find_in_site(path, out);
                walk.skip_current_dir();
            }
        } else if has_ext(path, &["yaml", "yml"])
            || has_ext(path, PUBLISHED)
            || has_ext(path, UNREADABLE)
        {
            out.push(classify_file(path, sites, false));
        }
    }
}

/// A file named on the command line (`named`) or found in a folder.
fn classify_file(
    path: &Path,
    sites: &mut HashMap<PathBuf, Option<SiteInfo>>,
    named: bool,
) -> Found {
    if has_ext(path, &["yaml", "yml"]) {
        let (info, column) = site_of(path, sites);
        return Found::Yaml(path.to_path_buf(), info, column);
    }
    if has_ext(path, PUBLISHED) {
        return Found::Published(path.to_path_buf());
    }
    let kind = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let why = if named && !has_ext(path, UNREADABLE) {
        t!("review-source-not-report")
    } else {
        t!("review-source-unreadable-type", kind = kind)
    };
    Found::Refused(
        path.to_path_buf(),
        Diagnostic::new(&codes::REVIEW_UNREAD, path, why)
            .with_hint(t!("review-source-unreadable-hint")),
    )
}

/// The site a report file belongs to and its column: only when the file is
/// in `content/<slug>/` of one of the site's reports columns (a folder of
/// reports that happens to lie inside a site is not that site's). Sites
/// are read once.
fn site_of(
    file: &Path,
    sites: &mut HashMap<PathBuf, Option<SiteInfo>>,
) -> (Option<SiteInfo>, Option<String>) {
    let Some(root) = file.parent().and_then(config::find_root) else {
        return (None, None);
    };
    let info = sites
        .entry(root.clone())
        .or_insert_with(|| {
            config::load(&root, &Overrides::default(), &mut Vec::new()).map(|c| site_info(&c))
        })
        .clone();
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let column = abs
        .strip_prefix(root.join(CONTENT_DIR))
        .ok()
        .and_then(|rel| rel.parent())
        .and_then(|p| p.to_str())
        .filter(|p| !p.is_empty() && !p.contains(['/', '\\']))
        .map(str::to_string);
    match (info, column) {
        (Some(info), Some(slug)) if info.columns.contains(&slug) => (Some(info), Some(slug)),
        _ => (None, None),
    }
}

fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The name of the folder holding `path`, standing for the agency of a
/// file that names none.
fn folder_name(path: &Path) -> String {
    path.parent()
        .and_then(|p| std::path::absolute(p).ok())
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default()
}

/// `path` without a leading `./` (a site given as `.`), as people write it.
fn tidy(path: PathBuf) -> PathBuf {
    match path.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => path,
    }
}

fn read(found: Found) -> Loaded {
    let found = match found {
        Found::Yaml(p, site, column) => Found::Yaml(tidy(p), site, column),
        Found::Published(p) => Found::Published(tidy(p)),
        Found::Refused(p, d) => Found::Refused(tidy(p), d),
    };
    match found {
        Found::Yaml(path, site, column) => read_yaml(path, site, column),
        Found::Published(path) => read_published_file(path),
        Found::Refused(path, d) => Loaded {
            report: None,
            // A path that is not there stands for itself.
            fallback_agency: if path.exists() {
                folder_name(&path)
            } else {
                super::findings::shown(&path)
            },
            source: path,
            diags: vec![d],
            deadline: None,
            page_url: None,
        },
    }
}

fn read_yaml(path: PathBuf, site: Option<SiteInfo>, column: Option<String>) -> Loaded {
    let mut diags = Vec::new();
    let fallback = folder_name(&path);
    let default_agency = site
        .as_ref()
        .map_or(fallback.as_str(), |s| s.organization.as_str());
    let report = match fsx::read_text(&path) {
        Ok(text) => report::load(&path, &text, default_agency, &mut diags),
        Err(fsx::TextError::NotUtf8 { line, message }) => {
            diags.push(Diagnostic::new(&codes::ENCODING, &path, message).at_line(line));
            None
        }
        Err(fsx::TextError::Io(e)) => {
            diags.push(Diagnostic::new(
                &codes::IO,
                &path,
                crate::i18n::io_error(&e.source),
            ));
            None
        }
    };
    if let Some(r) = &report
        && site.is_none()
        && r.envelope().agency.is_none()
    {
        diags.push(
            Diagnostic::new(
                &codes::REVIEW_AGENCY,
                &path,
                t!("review-agency-from-folder", agency = r.agency()),
            )
            .with_hint(t!("review-agency-from-folder-hint")),
        );
    }
    let page_url = match (&site, &column, &report) {
        (
            Some(SiteInfo {
                base_url: Some(base),
                ..
            }),
            Some(slug),
            Some(r),
        ) => Some(format!("{base}{slug}/{}.html", r.slug())),
        _ => None,
    };
    Loaded {
        report,
        deadline: site.as_ref().and_then(|s| s.deadline),
        fallback_agency: site.map_or(fallback, |s| s.organization),
        source: path,
        diags,
        page_url,
    }
}

/// A published report as the importer reads it: the envelope and data it
/// found, without anything written.
#[derive(Debug)]
pub struct Published {
    /// Year, edition, agency, published date as found in the document.
    pub envelope: Envelope,
    /// The tables and prose as published.
    pub data: Data,
}

/// Reads a published report (`.html`, `.htm`, `.shtml`, `.docx`, `.txt`)
/// through the importer of `gongkai import report`, which writes nothing:
/// the one seam between `review` (and rollup columns) and the importer. Its
/// findings (not a report, rows missing, a format it cannot read) pass
/// through as they are.
pub fn read_published(path: &Path) -> Result<Published, Vec<Diagnostic>> {
    let imported = crate::import::read_report(path, &crate::import::Hints::default())?;
    Ok(Published {
        envelope: imported.envelope().clone(),
        data: imported.data().clone(),
    })
}

fn read_published_file(path: PathBuf) -> Loaded {
    match read_published(&path) {
        Ok(p) => from_published(path, p),
        Err(diags) => Loaded {
            report: None,
            fallback_agency: folder_name(&path),
            source: path,
            diags,
            deadline: None,
            page_url: None,
        },
    }
}

/// A published report as a review row: written as the YAML form and read
/// back by the report reader, so its findings are exactly those a site's
/// report gets. Kept-as-published mode is cleared first: a review reports
/// a published report's failing arithmetic as the errors they are (the
/// importer marks such a report to be published as signed). The findings'
/// lines would point into that YAML, not the published file, so they are
/// dropped, and advice about that form (write ~, leave 总计 out) is said
/// of the original instead: its agency corrects and republishes it.
fn from_published(path: PathBuf, mut p: Published) -> Loaded {
    let fallback = folder_name(&path);
    p.envelope.reproduces_original = false;
    let text = report::write(&p.envelope, &p.data, &report::Comments::default());
    let mut diags = Vec::new();
    let mut report = report::load(&path, &text, &fallback, &mut diags);
    if let Some(r) = &mut report {
        r.read_from_original();
    }
    // `file:line: ` of the YAML in messages (the rules a cell breaks,
    // listed under it) would point into text nobody sees either.
    let at_line = regex::Regex::new(&format!(
        r"{}:\d+: ",
        regex::escape(&path.display().to_string())
    ))
    .ok();
    let yaml_lines = regex::Regex::new(r"（第 [0-9–、]+ 行）").ok();
    for d in &mut diags {
        d.line = None;
        d.col = None;
        if let Some(re) = &at_line {
            d.message = re.replace_all(&d.message, "").into_owned();
        }
        if d.code == &codes::REPORT_BLANK {
            // The lines of the YAML and `~` mean nothing to the original.
            if let Some(re) = &yaml_lines {
                d.message = re.replace_all(&d.message, "").into_owned();
            }
            d.hint = Some(t!("review-blank-original-hint"));
        }
        if let Some(hint) = original_hint(d.code) {
            // The form's advice (不写总计, write ~, edition:) is about the
            // YAML form; a published original is its agency's to correct.
            d.hint = Some(hint);
        }
        if d.code == &codes::REPORT_PUBLISHED && p.envelope.published.is_none() {
            // Said of the original, not of a `published:` line.
            d.message = t!("review-published-missing-original");
            d.hint = Some(t!("review-published-missing-original-hint"));
        }
    }
    Loaded {
        report,
        source: path,
        diags,
        deadline: None,
        page_url: None,
        fallback_agency: fallback,
    }
}

/// The advice on finding `code` about a published original, in terms of
/// the original; None where the code's own advice fits it.
fn original_hint(code: &codes::Code) -> Option<String> {
    let rules = [
        &codes::REPORT_RULE_A,
        &codes::REPORT_RULE_B,
        &codes::REPORT_RULE_C,
        &codes::REPORT_RULE_D,
    ];
    Some(match code {
        c if rules.contains(&c) => t!("review-original-rule-hint"),
        c if c == &codes::REPORT_CELL => t!("review-original-cell-hint"),
        c if c == &codes::REPORT_NARRATIVE => t!("review-original-narrative-hint"),
        c if c == &codes::REPORT_EDITION => t!("review-original-edition-hint"),
        c if c == &codes::REPORT_STRUCTURE => t!("review-original-structure-hint"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the importer hands over goes through the report reader: a
    /// published total that does not add up is an error without a line.
    #[test]
    fn a_published_report_is_read_back_with_the_builds_rules() {
        let yaml = include_str!("../../tests/fixtures/review/agencies/财政局/2023.yaml")
            .replace("[3, 1, 0, 0, 0, 0, 4]", "[3, 1, 0, 0, 0, 0, 5]")
            .replace("year: 2023", "year: 2023\nreproduces_original: true");
        let mut diags = Vec::new();
        let r = report::load(Path::new("x.yaml"), &yaml, "", &mut diags).expect("report");
        let published = Published {
            envelope: r.envelope().clone(),
            data: r.data().clone(),
        };
        let loaded = from_published(PathBuf::from("财政局/2023.html"), published);
        let said: Vec<String> = loaded.diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            // Both rows holding [3, 1, …, 4] now say 5 in their 总计; the
            // advice is the original's agency's, not the YAML form's.
            [
                "财政局/2023.html: 错误: 一、本年新收政府信息公开申请数量：「总计」栏填的是 5，但 自然人至其他 合计是 4",
                "财政局/2023.html: 错误: 三、本年度办理结果（七）总计：「总计」栏填的是 5，但 自然人至其他 合计是 4",
                "财政局/2023.html: 错误: 三、本年度办理结果（七）总计「总计」栏填的是 5，但（一）至（六）合计是 4",
            ]
            .map(|m| format!("{m}\n  = 建议: 原件已经公开，只能由报告单位改正：请报告单位核对原件中的这些数字，确有错误的，改正后重新公开"))
        );
        assert_eq!(
            loaded.report.map(|r| r.agency().to_string()),
            Some("财政局".into())
        );
    }

    #[test]
    fn a_published_file_goes_through_the_importer() {
        // A file that is not there: the importer's own finding comes through.
        let loaded = read_published_file(PathBuf::from("局/2023.docx"));
        assert!(loaded.report.is_none());
        assert_eq!(loaded.diags.len(), 1);
        assert_eq!(loaded.diags[0].code.id, "import.read");
    }
}
