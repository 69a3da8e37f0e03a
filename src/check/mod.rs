//! Check stage: inspects a loaded site and its rendered files against the
//! national website inspection rules (政府网站与政务新媒体检查指标) and the
//! 政府信息公开条例, and returns findings as data.
//!
//! It runs after the pipeline (load → validate → render) and never writes or
//! prints anything: `cmd::check` prints what [`inspect`] returns. Findings
//! are [`Diagnostic`]s like the build's, with codes from the one registry in
//! `diag::codes` and the inspection's severities (单项否决, 扣分, 提示).
//! Only the `links` rules look at rendered files, and only `--external`
//! touches the network. One file per rule group; codes are `group.name`.

mod csp;
mod empty;
mod external;
mod footer;
mod freshness;
mod gone;
mod links;
mod metadata;
mod placeholders;
mod privacy;
pub(crate) mod reports;

use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use crate::render::OutputFile;
use jiff::civil::Date;

pub use external::ExternalOptions;
pub use placeholders::SAMPLE_MARK;

/// What the rules need besides the site.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The day to check as of (`--as-of`, default today in China).
    pub as_of: Date,
    /// Fetch external links (`--external`); `None` lists them unfetched.
    pub external: Option<ExternalOptions>,
}

/// Everything one check run looks at.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The loaded site.
    pub site: &'a Site,
    /// The rendered files; empty when the build had errors.
    pub files: &'a [OutputFile],
    /// The pipeline's diagnostics.
    pub diagnostics: &'a [Diagnostic],
    /// The site's folder (the rules read site.yaml and the content files
    /// again for the lines of placeholder text).
    pub root: &'a std::path::Path,
    /// The paths the last build published, from the output folder's
    /// manifest (`output::published_paths`); empty when there is none.
    pub published: &'a [String],
}

/// Runs every rule and returns its findings together with the build's
/// diagnostics, as one list: most serious first, then by file and line so
/// the output is stable. A build diagnostic about a file of a column gets
/// that column's slug, like the rules' findings.
pub fn inspect(input: Input<'_>, opts: &CheckOptions) -> Vec<Diagnostic> {
    // The build's warning of a report left as the template is the rule
    // `report.template` here, counted once.
    let mut out: Vec<Diagnostic> = input
        .diagnostics
        .iter()
        .filter(|d| d.code != &codes::REPORT_TEMPLATE)
        .cloned()
        .map(|d| with_column(input.site, d))
        .collect();
    let empty = empty::check(input.site, &mut out);
    freshness::check(input.site, opts.as_of, &empty, &mut out);
    reports::check(input.site, opts.as_of, &mut out);
    footer::check(input.site, &mut out);
    metadata::check(input.site, &mut out);
    links::check(input.site, input.files, opts.external.as_ref(), &mut out);
    gone::check(input.published, input.files, &mut out);
    placeholders::check(input.site, input.root, &mut out);
    csp::check_script_files(input.files, &mut out);
    privacy::check(input.site, input.root, &mut out);
    csp::check(input.files, &mut out);
    out.sort_by(|a, b| {
        (a.severity, &a.path, a.line, a.col, a.code.id, &a.message)
            .cmp(&(b.severity, &b.path, b.line, b.col, b.code.id, &b.message))
    });
    out.dedup();
    out
}

/// `d` with the slug of the column whose folder its file is in, if any.
fn with_column(site: &Site, mut d: Diagnostic) -> Diagnostic {
    if d.column.is_some() {
        return d;
    }
    let mut parts = d.path.iter();
    let in_content = parts
        .next()
        .is_some_and(|p| p == crate::content::CONTENT_DIR);
    let slug = parts.next().and_then(|s| s.to_str());
    if let Some(slug) =
        slug.filter(|s| in_content && site.columns.iter().any(|c| c.column.slug == *s))
    {
        d.column = Some(slug.into());
    }
    d
}
