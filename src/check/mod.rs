//! Check stage: inspects a loaded site and its rendered files against the
//! national website inspection rules (政府网站与政务新媒体检查指标) and the
//! 政府信息公开条例, and returns findings as data.
//!
//! It runs after the pipeline (load → validate → render) and never writes or
//! prints anything: `cmd::check` prints what [`inspect`] returns. Only the
//! `links` rules look at rendered files, and only `--external` touches the
//! network. One file per rule group; rule ids are `group.name`.

mod empty;
mod external;
mod footer;
mod freshness;
mod links;
mod metadata;
mod reports;

use crate::content::Site;
use crate::diag::Diagnostic;
use crate::render::OutputFile;
use jiff::civil::Date;
use std::fmt;
use std::path::PathBuf;

pub use external::ExternalOptions;

/// How much a finding weighs in an inspection, in the checklist's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// 单项否决: one such finding fails the whole site.
    Veto,
    /// 扣分: costs points (under 60 of 100 fails).
    Deduct,
    /// 提示: worth a look; costs nothing by itself.
    Notice,
}

impl Severity {
    /// Every severity, most serious first (the order of the text report).
    pub const ALL: [Severity; 3] = [Severity::Veto, Severity::Deduct, Severity::Notice];

    /// The checklist's word for it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Veto => "单项否决",
            Severity::Deduct => "扣分",
            Severity::Notice => "提示",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id, `group.name` (e.g. `freshness.home`).
    pub rule: &'static str,
    /// 单项否决, 扣分 or 提示.
    pub severity: Severity,
    /// What is wrong, lower-case, without a trailing period.
    pub message: String,
    /// The file to edit, relative to the site root, when there is one.
    pub file: Option<PathBuf>,
    /// 1-based line in `file`, when known.
    pub line: Option<u32>,
    /// The slug of the column concerned, when there is one.
    pub column: Option<String>,
    /// A one-line fix.
    pub fix: String,
}

impl Finding {
    /// A finding with no location yet.
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            fix: String::new(),
        }
    }

    /// Sets the file (and the line, when known).
    pub fn in_file(mut self, file: impl Into<PathBuf>, line: Option<u32>) -> Self {
        self.file = Some(file.into());
        self.line = line.filter(|l| *l > 0);
        self
    }

    /// Sets the column slug.
    pub fn in_column(mut self, slug: &str) -> Self {
        self.column = Some(slug.to_string());
        self
    }

    /// Sets the one-line fix.
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }
}

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
}

/// Runs every rule and returns the findings, most serious first, then by
/// file and line so the output is stable.
pub fn inspect(input: Input<'_>, opts: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    let empty = empty::check(input.site, &mut out);
    freshness::check(input.site, opts.as_of, &empty, &mut out);
    reports::check(input.site, input.diagnostics, opts.as_of, &mut out);
    footer::check(input.site, &mut out);
    metadata::check(input.site, &mut out);
    links::check(input.site, input.files, opts.external.as_ref(), &mut out);
    out.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.rule, &a.message)
            .cmp(&(b.severity, &b.file, b.line, b.rule, &b.message))
    });
    out
}

/// True for a diagnostic that the `reports` rules turn into findings, so the
/// command does not print it a second time as a build diagnostic.
pub fn is_report_diagnostic(site: &Site, d: &Diagnostic) -> bool {
    reports::is_report_file(site, &d.path)
}
