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
                diags.extend(this.diagnostics(&e));
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let all = sources.iter().map(|s| (s.name.as_str(), s.text.as_str()));
        if let Err(e) = tera.add_raw_templates(all) {
            diags.extend(this.diagnostics(&e));
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

    /// Each error a Tera error holds. Names that do not exist (a partial
    /// to include, a filter, a function) come back from Tera as one message
    /// with a report per use: each becomes its own diagnostic at its place.
    pub(crate) fn diagnostics(&self, e: &tera::Error) -> Vec<Diagnostic> {
        let tera::ErrorKind::Msg(text) = e.kind() else {
            return vec![self.diagnostic(e)];
        };
        let unknown = unknown_names(text);
        if unknown.is_empty() {
            return vec![self.diagnostic(e)];
        }
        unknown
            .into_iter()
            .map(|u| {
                let message = match u.what {
                    "template" => crate::t!("render-template-not-found", name = u.name),
                    what => crate::t!("render-template-unknown-name", what = what, name = u.name),
                };
                Diagnostic::new(&codes::TEMPLATE, self.shown(u.template), message).at(u.line, u.col)
            })
            .collect()
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
            tera::ErrorKind::Msg(text) if !unknown_names(text).is_empty() => {
                let mut all = self.diagnostics(e);
                all.swap_remove(0)
            }
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

/// A name a template uses that Tera does not know, where it is used.
#[derive(Debug, PartialEq)]
struct Unknown<'a> {
    /// `template`, `filter`, `function`, `test` or `component`.
    what: &'a str,
    name: &'a str,
    template: &'a str,
    line: u32,
    col: u32,
}

/// The uses of unknown names in Tera's message for them: a report per use,
/// `error: Unknown filter `shout`` and then ` --> list.html:4:23`.
fn unknown_names(text: &str) -> Vec<Unknown<'_>> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("error: Unknown ") else {
            continue;
        };
        let Some((what, name)) = rest.split_once(" `") else {
            continue;
        };
        let name = name.trim_end_matches('`');
        let Some(place) = lines.next().and_then(|l| l.trim().strip_prefix("--> ")) else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let (Some(col), Some(line), Some(template)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let (Ok(line), Ok(col)) = (line.parse(), col.parse()) {
            out.push(Unknown {
                what,
                name,
                template,
                line,
                col,
            });
        }
    }
    out
}
