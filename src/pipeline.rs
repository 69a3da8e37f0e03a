//! The one pipeline every command runs: load config → read the content tree
//! → validate → render. `build` then writes the result, `check` inspects it,
//! `serve` serves it; none of them has stages of its own.

use crate::config::{self, Overrides};
use crate::content::{self, LoadOptions, Site};
use crate::diag::{Diagnostic, Severity};
use crate::render::{self, OutputFile, RenderOptions};
use crate::{theme, validate};
use std::path::PathBuf;

/// What the pipeline needs to know.
#[derive(Debug, Clone)]
pub(crate) struct PipelineOptions {
    /// The site's folder.
    pub(crate) root: PathBuf,
    /// Values from the command line that override site.yaml.
    pub(crate) overrides: Overrides,
    /// Include drafts.
    pub(crate) drafts: bool,
    /// Minify HTML.
    pub(crate) minify: bool,
}

/// The result of one run.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The loaded site, when site.yaml could be read.
    pub(crate) site: Option<Site>,
    /// Rendered files; empty when any stage found an error.
    pub(crate) files: Vec<OutputFile>,
    /// Every finding of every stage.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// True when any finding is an error.
    pub(crate) fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Runs every stage up to rendering. Stages after a failed one still run
/// where they can, so one build reports as many problems as it can find.
pub(crate) fn run(opts: &PipelineOptions) -> Outcome {
    let mut diags = Vec::new();
    let Some(config) = config::load(&opts.root, &opts.overrides, &mut diags) else {
        return Outcome {
            diagnostics: diags,
            ..Outcome::default()
        };
    };
    let theme = theme::load(&opts.root, &config.theme, &mut diags);
    let site = content::load(
        &opts.root,
        config,
        theme,
        &LoadOptions {
            drafts: opts.drafts,
        },
        &mut diags,
    );
    validate::validate(&site, &mut diags);
    let files = render::render(
        &site,
        RenderOptions {
            minify: opts.minify,
        },
        &mut diags,
    );
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    Outcome {
        site: Some(site),
        files: if failed { Vec::new() } else { files },
        diagnostics: diags,
    }
}
