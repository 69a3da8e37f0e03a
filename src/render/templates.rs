//! Tera setup: the theme's templates compiled once, the site-wide values put
//! in Tera's global context once (not cloned into every page), and Tera's
//! errors turned into `file:line:col` diagnostics.

use crate::diag::{Diagnostic, codes};
use crate::theme::TemplateSource;
use std::path::PathBuf;

/// Compiled templates and the paths to show in their errors.
pub(crate) struct Templates {
    pub(crate) tera: tera::Tera,
    sources: Vec<(String, PathBuf)>,
}

impl Templates {
    /// Compiles every template. Syntax errors become diagnostics.
    pub(crate) fn new(sources: &[TemplateSource], diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let shown = sources
            .iter()
            .map(|s| (s.name.clone(), s.shown.clone()))
            .collect();
        let mut this = Self {
            tera: tera::Tera::new(),
            sources: shown,
        };
        // Add one by one first so each syntax error names its own file; the
        // inheritance chain is checked when all are in.
        let mut ok = true;
        for s in sources {
            let mut probe = tera::Tera::new();
            if let Err(e) = probe.add_raw_template(&s.name, &s.text)
                && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
            {
                diags.push(this.diagnostic(&e));
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let all = sources.iter().map(|s| (s.name.as_str(), s.text.as_str()));
        if let Err(e) = tera.add_raw_templates(all) {
            diags.push(this.diagnostic(&e));
            return None;
        }
        this.tera = tera;
        Some(this)
    }

    /// Renders `name` with `ctx`, as a diagnostic on failure: the page's
    /// bytes as they come, not checked again as UTF-8 text (the templates
    /// and the values put in are text already; at 10,000 items the check
    /// was a measurable part of a build).
    pub(crate) fn render(&self, name: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, ctx, &mut out)
            .map_err(|e| self.diagnostic(&e))?;
        Ok(out)
    }

    fn shown(&self, name: &str) -> PathBuf {
        self.sources
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| PathBuf::from(name))
    }

    /// A Tera error as a diagnostic on the template's file. In Chinese the
    /// library's own wording is left out (it is English and speaks of
    /// tokens); English shows it as the detail.
    pub(crate) fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let english = crate::i18n::current() == crate::i18n::Lang::En;
        match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                let syntax = matches!(e.kind(), tera::ErrorKind::SyntaxError(_));
                let detail = r.message().to_string();
                let message = match (syntax, english) {
                    (true, true) => crate::t!("render-template-syntax-detail", detail = detail),
                    (false, true) => crate::t!("render-template-error-detail", detail = detail),
                    (true, false) => crate::t!("render-template-syntax"),
                    (false, false) => crate::t!("render-template-error"),
                };
                let span = r.span();
                Diagnostic::new(&codes::TEMPLATE, self.shown(r.filename()), message)
                    .at(span.start_line as u32, span.start_col as u32 + 1)
            }
            tera::ErrorKind::MissingParent { current, parent } => Diagnostic::new(
                &codes::TEMPLATE,
                self.shown(current),
                crate::t!("render-template-no-parent", parent = parent.as_str()),
            ),
            tera::ErrorKind::TemplateNotFound(name) => Diagnostic::new(
                &codes::TEMPLATE,
                self.shown(name),
                crate::t!("render-template-not-found", name = name.as_str()),
            ),
            other => {
                let message = if english {
                    crate::t!("render-template-error-detail", detail = other.to_string())
                } else {
                    crate::t!("render-template-error")
                };
                Diagnostic::new(&codes::TEMPLATE, "templates", message)
            }
        }
    }
}
