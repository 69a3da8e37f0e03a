//! Load stage: reads `site.yaml` into a [`Config`]. Every problem becomes a
//! located diagnostic; unknown keys get a "did you mean" hint. Nothing here
//! looks at the content tree.

mod attachments;
mod base_url;
mod identifiers;
mod index_format;
pub(crate) mod yaml_error;
pub(crate) mod yaml_read;

pub use attachments::{Attachments, DEFAULT_ALLOW as DEFAULT_ATTACHMENT_TYPES};
pub use identifiers::{Badge, DEFAULT_FAVICON, ICP_URL, Identifiers, POLICE_URL};
pub use index_format::{IndexDate, IndexFormat};

use crate::diag::{Diagnostic, Severity, codes};
use crate::fsx;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name of the site configuration.
pub const CONFIG_FILE: &str = "site.yaml";

/// What kind of column (栏目) a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    /// One page (`content/<slug>/_index.md`).
    Page,
    /// Dated items, newest first, paginated.
    List,
    /// Annual reports (政府信息公开工作年度报告).
    Reports,
    /// The 区/县 summary of other sites' or folders' annual reports
    /// (`sources:`): summed tables per year and the agencies' reports.
    Rollup,
}

/// What a column is for the inspection's 栏目不更新 rules (`check_as:`, else
/// judged from its title): 动态 columns must have something new within 2
/// weeks, 通知公告 and 政策 columns within 6 months; five stale columns of
/// these kinds fail the whole site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum CheckAs {
    /// 动态, 要闻, 新闻.
    News,
    /// 通知公告, 政策文件.
    Notice,
    /// Neither.
    Other,
}

impl CheckAs {
    /// The value of `check_as:`, in Chinese or English.
    fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "动态" | "要闻" | "新闻" | "动态类" | "news" => Some(Self::News),
            "通知公告" | "通知" | "公告" | "政策" | "政策文件" | "通知公告类" | "政策类"
            | "notice" | "policy" => Some(Self::Notice),
            "其他" | "其它" | "other" => Some(Self::Other),
            _ => None,
        }
    }

    /// What a column's title says it is: 动态, 要闻 and 新闻 columns, and
    /// a unit's work news (街道工作, 社区工作: a title ending in 工作) are
    /// news; 通知, 公告 and 政策 columns are notices. News words are tried
    /// first, so 工作动态 is news and 政策解读 a notice; 政府工作报告,
    /// 工作总结 or 工作机构 are neither.
    pub fn of_title(title: &str) -> Self {
        let title = title.trim();
        if ["动态", "要闻", "新闻"].iter().any(|w| title.contains(w)) || title.ends_with("工作")
        {
            Self::News
        } else if ["通知", "公告", "政策"].iter().any(|w| title.contains(w)) {
            Self::Notice
        } else {
            Self::Other
        }
    }
}

/// A freshness period such as `14d`, `2w`, `6m` or `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Period {
    /// How many units.
    pub count: u32,
    /// One of `d`, `w`, `m`, `y`.
    pub unit: char,
}

impl Period {
    /// Parses `14d`, `2w`, `6m`, `1y`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let unit = s.chars().last().unwrap_or(' ');
        let count = s[..s.len() - unit.len_utf8().min(s.len())].parse::<u32>();
        match (unit, count) {
            ('d' | 'w' | 'm' | 'y', Ok(count)) if count > 0 => Ok(Self { count, unit }),
            _ => Err(t!("config-bad-period", value = s)),
        }
    }
}

/// How the lines of a Markdown body become paragraphs (`line_breaks:` in
/// site.yaml, a column, or a file's front matter; the nearest wins).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineBreaks {
    /// Text pasted from Word or WPS: every line is its own paragraph.
    Paragraph,
    /// Markdown as written: lines of one paragraph are joined (CJK soft
    /// breaks without a space), paragraphs are separated by blank lines.
    #[default]
    Join,
}

/// One column as configured.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Column {
    /// URL segment and content folder name.
    pub slug: String,
    /// The column's name as shown (通知公告).
    pub title: String,
    /// Page, list or reports.
    pub kind: ColumnKind,
    /// Items per list page.
    pub per_page: usize,
    /// How often the column must be updated (used by `check`).
    pub update_within: Option<Period>,
    /// Metadata keys every item must have (used by `check`).
    pub require: Vec<String>,
    /// Optional description, for the ColumnDescription meta tag.
    pub description: Option<String>,
    /// `line_breaks:` of the column, over the site's.
    pub line_breaks: Option<LineBreaks>,
    /// Slugs the column had before, whose addresses redirect to it.
    pub old_slugs: Vec<String>,
    /// `check_as:`, what the column is for the 栏目不更新 rules; `None`
    /// when its title decides ([`CheckAs::of_title`]).
    pub check_as: Option<CheckAs>,
    /// A rollup column's sources: other sites or folders of reports, as
    /// written (relative to the site's folder unless absolute).
    pub sources: Vec<String>,
    /// Line in site.yaml, for diagnostics about this column.
    #[serde(skip)]
    pub line: u32,
}

/// 联系方式.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 地址.
    pub address: Option<String>,
    /// 电话.
    pub phone: Option<String>,
    /// 电子邮箱.
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    base_url: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    language: Option<String>,
    organization: String,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    identifiers: identifiers::RawIdentifiers,
    #[serde(default)]
    favicon: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    theme: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    output: Option<String>,
    #[serde(default)]
    report_deadline: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    reports_since: Option<i32>,
    #[serde(default)]
    line_breaks: Option<LineBreaks>,
    #[serde(default)]
    attachments: attachments::RawAttachments,
    #[serde(default)]
    search: Option<bool>,
    #[serde(default)]
    index_no_format: Option<serde_saphyr::Spanned<index_format::RawIndexFormat>>,
    columns: Vec<serde_saphyr::Spanned<RawColumn>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    slug: String,
    title: String,
    kind: ColumnKind,
    #[serde(default)]
    per_page: Option<serde_saphyr::Spanned<usize>>,
    #[serde(default)]
    update_within: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    require: Vec<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    line_breaks: Option<LineBreaks>,
    #[serde(default)]
    old_slugs: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    check_as: Option<serde_saphyr::Spanned<String>>,
}

/// The whole site configuration, with defaults applied.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Config {
    /// Site title (网站名称).
    pub title: String,
    /// Absolute base URL with a trailing slash, or a path such as `/`.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub base_path: String,
    /// The host part of `base_url` (SiteDomain), empty when not given.
    pub domain: String,
    /// Page language (zh-CN).
    pub language: String,
    /// 主办单位.
    pub organization: String,
    /// 联系方式.
    pub contact: Contact,
    /// Footer identifiers.
    pub identifiers: Identifiers,
    /// The site's icon, a path inside `static/` (`favicon:`, by default
    /// the theme's `favicon.png`).
    pub favicon: String,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Output folder, relative to the root unless absolute.
    pub output: PathBuf,
    /// Month and day (`MM-DD`) by which last year's annual report is due.
    pub report_deadline: (u8, u8),
    /// The first year whose annual report the site must have
    /// (`reports_since:`); by default the year of its first report.
    pub reports_since: Option<i32>,
    /// `line_breaks:` of the site (default `join`).
    pub line_breaks: LineBreaks,
    /// Which attachment types may be published.
    pub attachments: Attachments,
    /// Site search (`search:`, default on): the search form on every page,
    /// `search.html` and its index in `pagefind/`.
    pub search: bool,
    /// The site's 索引号 schemes (`index_no_format:`); none when not given.
    #[serde(skip)]
    pub index_formats: Vec<IndexFormat>,
    /// Columns in navigation order.
    pub columns: Vec<Column>,
}

/// Command-line values that override site.yaml.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--output`.
    pub output: Option<PathBuf>,
}

const TOP_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "organization",
    "contact",
    "identifiers",
    "favicon",
    "theme",
    "output",
    "report_deadline",
    "reports_since",
    "line_breaks",
    "attachments",
    "search",
    "index_no_format",
    "columns",
];
const COLUMN_KEYS: &[&str] = &[
    "slug",
    "title",
    "kind",
    "per_page",
    "update_within",
    "require",
    "description",
    "line_breaks",
    "old_slugs",
    "sources",
    "check_as",
];

/// The site that `start` is in: `start` or the nearest folder above it
/// that holds a site.yaml, as git finds its repository.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}

/// Reads `<root>/site.yaml`. Returns `None` when it cannot be used; every
/// problem found is pushed to `diags`.
pub fn load(root: &Path, overrides: &Overrides, diags: &mut Vec<Diagnostic>) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let shown = PathBuf::from(CONFIG_FILE);
    let text = match fsx::read_text(&path) {
        Ok(t) => t,
        Err(fsx::TextError::NotUtf8 { line, message }) => {
            diags.push(Diagnostic::new(&codes::ENCODING, &shown, message).at_line(line));
            return None;
        }
        Err(fsx::TextError::Io(e)) => {
            diags.push(
                Diagnostic::new(
                    &codes::IO,
                    &shown,
                    t!(
                        "config-unreadable",
                        reason = crate::i18n::io_error(&e.source)
                    ),
                )
                .with_hint(t!("config-unreadable-hint")),
            );
            return None;
        }
    };
    from_text(&text, overrides, &shown, diags)
}

/// The settings written in `text` (site.yaml's), with every mistake in it.
fn from_text(
    text: &str,
    overrides: &Overrides,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Config> {
    let read = yaml_read::read::<RawConfig>(text, 0, |e, text| yaml_diagnostic(shown, e, text, 0));
    let mistaken = !read.mistakes.is_empty();
    diags.extend(read.mistakes.found);
    // Read on past the mistakes for the rest of them (the settings' own
    // checks); a site with any is not built.
    let config = from_raw(read.value?, overrides, shown, diags);
    if mistaken { None } else { config }
}

fn from_raw(
    mut raw: RawConfig,
    overrides: &Overrides,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Config> {
    // A scheme that cannot be read is an error that fails the build, but
    // not one that keeps the content from being read: its mistakes are
    // said in the same run.
    let index_formats = index_format::read(raw.index_no_format.take(), shown, diags);
    let before = diags.len();
    let base_url = match (&overrides.base_url, raw.base_url) {
        (Some(url), _) => {
            check_base_url(url, None, shown, diags);
            url.clone()
        }
        (None, Some(s)) => {
            let at = (s.referenced.line() as u32, s.referenced.column() as u32);
            check_base_url(&s.value, Some(at), shown, diags);
            s.value
        }
        (None, None) => "/".to_string(),
    };
    let (base_url, domain, base_path) = split_base_url(&base_url);
    let attachments = attachment_policy(raw.attachments, shown, diags);
    let identifiers = identifiers::read(raw.identifiers, shown, diags);
    let favicon = match &raw.favicon {
        Some(f) => identifiers::static_file(f, "favicon", shown, diags),
        None => Some(DEFAULT_FAVICON.to_string()),
    }
    .unwrap_or_default();
    if let Some(t) = &raw.theme
        && !is_folder_name(&t.value)
    {
        diags.push(
            Diagnostic::new(
                &codes::THEME,
                shown,
                t!("config-theme-not-a-name", name = t.value.as_str()),
            )
            .at(t.referenced.line() as u32, t.referenced.column() as u32)
            .with_hint(t!("config-theme-not-a-name-hint")),
        );
    }
    let mut columns = Vec::new();
    for spanned in raw.columns {
        let line = spanned.referenced.line() as u32;
        let col = spanned.referenced.column() as u32;
        let c = spanned.value;
        if let Err(msg) = crate::content::check_slug(&c.slug) {
            diags.push(
                Diagnostic::new(
                    &codes::CONFIG,
                    shown,
                    t!("config-column-problem", slug = &c.slug, problem = msg),
                )
                .at(line, col),
            );
        }
        if columns.iter().any(|o: &Column| o.slug == c.slug) {
            diags.push(
                Diagnostic::new(
                    &codes::CONFIG,
                    shown,
                    t!("config-column-slug-twice", slug = &c.slug),
                )
                .at(line, col),
            );
        }
        let update_within = match &c.update_within {
            Some(u) => match Period::parse(&u.value) {
                Ok(p) => Some(p),
                Err(msg) => {
                    diags.push(
                        Diagnostic::new(
                            &codes::CONFIG,
                            shown,
                            t!("config-column-problem", slug = &c.slug, problem = msg),
                        )
                        .at(u.referenced.line() as u32, u.referenced.column() as u32),
                    );
                    None
                }
            },
            None => None,
        };
        // `[a，b]` reads as one item with a full-width comma in it.
        if c.require
            .iter()
            .chain(&c.old_slugs)
            .any(|k| k.contains('，'))
        {
            diags.push(
                Diagnostic::new(
                    &codes::YAML,
                    shown,
                    t!(
                        "config-column-problem",
                        slug = &c.slug,
                        problem = t!("yaml-full-width-comma")
                    ),
                )
                .at(line, col),
            );
        }
        if let Some(p) = c.per_page.as_ref().filter(|p| p.value == 0) {
            diags.push(
                Diagnostic::new(
                    &codes::CONFIG,
                    shown,
                    t!("config-per-page-zero", slug = &c.slug),
                )
                .at(p.referenced.line() as u32, p.referenced.column() as u32),
            );
        }
        rollup_sources(&c, (line, col), shown, diags);
        let check_as = c.check_as.as_ref().and_then(|v| {
            let parsed = CheckAs::parse(&v.value);
            if parsed.is_none() {
                diags.push(
                    Diagnostic::new(
                        &codes::CONFIG,
                        shown,
                        t!("config-check-as", slug = &c.slug, value = v.value.as_str()),
                    )
                    .at(v.referenced.line() as u32, v.referenced.column() as u32)
                    .with_hint(t!("config-check-as-hint")),
                );
            }
            parsed
        });
        columns.push(Column {
            slug: c.slug,
            title: c.title,
            kind: c.kind,
            per_page: c.per_page.map_or(20, |p| p.value).max(1),
            update_within,
            require: c.require,
            description: c.description,
            line_breaks: c.line_breaks,
            old_slugs: c.old_slugs,
            check_as,
            sources: c.sources,
            line,
        });
    }
    if columns.is_empty() {
        diags.push(Diagnostic::new(
            &codes::CONFIG,
            shown,
            t!("config-no-columns"),
        ));
    }
    let report_deadline = match &raw.report_deadline {
        None => (1, 31),
        Some(s) => match parse_month_day(&s.value) {
            Ok(md) => md,
            Err(msg) => {
                diags.push(
                    Diagnostic::new(&codes::CONFIG, shown, msg)
                        .at(s.referenced.line() as u32, s.referenced.column() as u32),
                );
                (1, 31)
            }
        },
    };
    if diags[before..]
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return None;
    }
    Some(Config {
        title: raw.title,
        base_url,
        base_path,
        domain,
        language: raw.language.unwrap_or_else(|| "zh-CN".to_string()),
        organization: raw.organization,
        contact: raw.contact,
        identifiers,
        favicon,
        theme: raw.theme.map_or_else(|| "default".to_string(), |t| t.value),
        output: overrides
            .output
            .clone()
            .or(raw.output.map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("public")),
        report_deadline,
        reports_since: raw.reports_since,
        line_breaks: raw.line_breaks.unwrap_or_default(),
        attachments,
        search: raw.search.unwrap_or(true),
        index_formats,
        columns,
    })
}

/// True for the name of one folder (a theme's, under `themes/`): not a
/// path that could lead elsewhere (`../content/x`, `/tmp/t`).
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':', '\0'])
        && !name.chars().any(char::is_control)
}

/// A rollup column needs `sources:`, and only a rollup column takes them.
fn rollup_sources(c: &RawColumn, at: (u32, u32), shown: &Path, diags: &mut Vec<Diagnostic>) {
    let problem = match (c.kind == ColumnKind::Rollup, c.sources.is_empty()) {
        (true, true) => t!("config-rollup-no-sources"),
        (false, false) => t!("config-sources-not-rollup"),
        _ => return,
    };
    diags.push(
        Diagnostic::new(
            &codes::CONFIG,
            shown,
            t!("config-column-problem", slug = &c.slug, problem = problem),
        )
        .at(at.0, at.1),
    );
}

/// Pushes an error for a `base_url` that is not an http(s) address with a
/// host or a path, and a warning for a path. `at` is its position in
/// site.yaml; `None` when it came from `--base-url`.
fn check_base_url(url: &str, at: Option<(u32, u32)>, shown: &Path, diags: &mut Vec<Diagnostic>) {
    let name = if at.is_some() {
        "base_url"
    } else {
        "--base-url"
    };
    let d = match base_url::judge(url) {
        base_url::Verdict::Ok => return,
        base_url::Verdict::PathOnly => Diagnostic::new(
            &codes::CONFIG,
            shown,
            t!("config-base-url-no-host-warning", name = name, url = url),
        )
        .with_severity(Severity::Warning)
        .with_hint(t!("config-base-url-no-host-hint")),
        base_url::Verdict::Refused(why) => Diagnostic::new(
            &codes::CONFIG,
            shown,
            t!(
                "config-base-url-refused",
                name = name,
                url = url,
                why = why.words()
            ),
        )
        .with_hint(t!("config-base-url-hint")),
    };
    diags.push(match at {
        Some((line, col)) => d.at(line, col),
        // From the command line: not a line of site.yaml, so not said as
        // one.
        None => Diagnostic {
            path: PathBuf::new(),
            ..d
        },
    });
}

/// Reads `attachments:`, pushing an error for each entry that is not a
/// file type.
fn attachment_policy(
    raw: attachments::RawAttachments,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Attachments {
    let mut allow = Vec::new();
    for entry in raw.allow {
        match attachments::check_entry(&entry.value) {
            Ok(ext) => allow.push(ext),
            Err(msg) => diags.push(Diagnostic::new(&codes::CONFIG, shown, msg).at(
                entry.referenced.line() as u32,
                entry.referenced.column() as u32,
            )),
        }
    }
    Attachments { allow }
}

pub(crate) fn parse_month_day(s: &str) -> Result<(u8, u8), String> {
    let err = || t!("config-bad-deadline", value = s);
    let (m, d) = s.trim().split_once('-').ok_or_else(err)?;
    let m: u8 = m.parse().map_err(|_| err())?;
    let d: u8 = d.parse().map_err(|_| err())?;
    jiff::civil::Date::new(2024, m as i8, d as i8).map_err(|_| err())?;
    Ok((m, d))
}

/// Splits a base URL into (normalised URL with trailing slash, host, path).
fn split_base_url(url: &str) -> (String, String, String) {
    let url = url.trim();
    let (prefix, host, path) = match url.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            (
                format!("{scheme}://{host}"),
                host.to_string(),
                path.to_string(),
            )
        }
        None => (String::new(), String::new(), url.to_string()),
    };
    let mut path = path.trim_matches('/').to_string();
    path = if path.is_empty() {
        "/".into()
    } else {
        format!("/{path}/")
    };
    (format!("{prefix}{path}"), host, path)
}

/// Turns a serde-saphyr error on `text` into a located diagnostic in the
/// staff's words (see [`yaml_error`]). `line_offset` is added to its line,
/// for YAML embedded in a larger file (front matter).
pub fn yaml_diagnostic(
    path: &Path,
    err: &serde_saphyr::Error,
    text: &str,
    line_offset: u32,
) -> Diagnostic {
    let keys: Vec<&str> = TOP_KEYS
        .iter()
        .chain(COLUMN_KEYS)
        .chain(identifiers::KEYS)
        .copied()
        .collect();
    let e = yaml_error::explain(err, text, yaml_error::Place::Settings, &keys, line_offset);
    let mut d = Diagnostic::new(&codes::YAML, path, e.message);
    if e.line > 0 {
        d = d.at(e.line, e.col);
    }
    if let Some(hint) = e.hint {
        d = d.with_hint(hint);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> (Option<Config>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let cfg = from_text(
            yaml,
            &Overrides::default(),
            Path::new("site.yaml"),
            &mut diags,
        );
        (cfg, diags)
    }

    #[test]
    fn base_url_sub_path() {
        assert_eq!(
            split_base_url("https://www.example.gov.cn/xxgk"),
            (
                "https://www.example.gov.cn/xxgk/".into(),
                "www.example.gov.cn".into(),
                "/xxgk/".into()
            )
        );
        assert_eq!(split_base_url("/"), ("/".into(), String::new(), "/".into()));
    }

    #[test]
    fn unknown_key_has_hint_and_position() {
        let (_, d) = parse(
            "title: t\norganization: o\ncolumns:\n  - slug: a\n    titel: A\n    kind: page\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].to_string(),
            "site.yaml:5:5: 错误: 不认识「titel」这一项（这里可以写：slug, title, kind, per_page, update_within, require, description, line_breaks, old_slugs, sources, check_as）\n  = 建议: 是不是想写「title」？"
        );
    }

    #[test]
    fn defaults_apply() {
        let (cfg, d) =
            parse("title: t\norganization: o\ncolumns:\n  - {slug: a, title: A, kind: list}\n");
        assert!(d.is_empty(), "{d:?}");
        let cfg = cfg.expect("config");
        assert_eq!(cfg.columns[0].per_page, 20);
        assert_eq!(cfg.language, "zh-CN");
        assert_eq!(cfg.report_deadline, (1, 31));
        assert_eq!(cfg.columns[0].line, 4);
    }

    #[test]
    fn column_and_deadline_mistakes_are_said_in_chinese() {
        let (_, d) = parse(
            "title: t\norganization: o\nreport_deadline: 2月20日\ncolumns:\n  - {slug: a, title: A, kind: list, per_page: 0, update_within: 两周}\n",
        );
        let said: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "site.yaml:5:65: 错误: 栏目「a」：「两周」不是有效的更新周期：写一个数字加单位，例如 14d（14 天）、2w（2 周）、6m（6 个月）、1y（1 年）",
                "site.yaml:5:47: 错误: 栏目「a」：per_page（每页条数）至少要写 1",
                "site.yaml:3:18: 错误: report_deadline 写的「2月20日」不是日期：按「月-日」写，例如 02-20",
            ]
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            Period::parse("14d"),
            Ok(Period {
                count: 14,
                unit: 'd'
            })
        );
        assert!(Period::parse("6 months").is_err());
        assert!(Period::parse("").is_err());
    }
}
