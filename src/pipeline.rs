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

/// A site read and validated, not yet rendered.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// The loaded site, when site.yaml could be read.
    pub(crate) site: Option<Site>,
    /// Every finding so far.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// The stages before rendering: config, theme, content, validation.
pub(crate) fn load(opts: &PipelineOptions) -> Loaded {
    let mut diags = Vec::new();
    let Some(config) = config::load(&opts.root, &opts.overrides, &mut diags) else {
        return Loaded {
            site: None,
            diagnostics: diags,
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
    Loaded {
        site: Some(site),
        diagnostics: diags,
    }
}

/// The render options these pipeline options ask for.
pub(crate) fn render_options(opts: &PipelineOptions) -> RenderOptions {
    RenderOptions {
        minify: opts.minify,
    }
}

/// Runs every stage up to rendering and keeps the rendered files in memory.
/// Stages after a failed one still run where they can, so one run reports as
/// many problems as it can find.
pub(crate) fn run(opts: &PipelineOptions) -> Outcome {
    let Loaded {
        site,
        mut diagnostics,
    } = load(opts);
    let Some(site) = site else {
        return Outcome {
            diagnostics,
            ..Outcome::default()
        };
    };
    let files = render::render(&site, render_options(opts), &mut diagnostics);
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Outcome {
        site: Some(site),
        files: if failed { Vec::new() } else { files },
        diagnostics,
    }
}
