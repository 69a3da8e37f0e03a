//! Load stage for the look of the site: the theme's templates and static
//! files, overridden file by file by the site's own `templates/` and
//! `static/`. The default theme is compiled into the binary, so a portal made
//! with `gongkai init` needs no copy of it; a `themes/default/` folder in the
//! site still overrides it.

use crate::diag::{Diagnostic, codes, display_path};
use crate::fsx;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A template's text and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct TemplateSource {
    /// Name templates use in `extends` and `include` (`base.html`).
    pub(crate) name: String,
    /// Path shown in diagnostics.
    pub(crate) shown: PathBuf,
    /// The template text.
    pub(crate) text: String,
}

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum StaticSource {
    /// Compiled into the binary (the default theme).
    Embedded(&'static [u8]),
    /// A file on disk.
    File(PathBuf),
}

/// Templates and static files, after overrides.
#[derive(Debug, Clone, Default)]
pub(crate) struct Theme {
    /// Every template by name (later entries already replaced earlier ones).
    pub(crate) templates: Vec<TemplateSource>,
    /// Static files by output path.
    pub(crate) statics: Vec<(String, StaticSource)>,
    /// Every file the theme was read from, for the watcher.
    pub(crate) files: Vec<PathBuf>,
}

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled in.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded_templates!(
    "base.html",
    "index.html",
    "list.html",
    "page.html",
    "item.html",
    "404.html",
    "sitemap.html",
    "search.html",
    "report.html",
    "reports.html",
    "rollup.html",
    "partials/head.html",
    "partials/nav.html",
    "partials/breadcrumb.html",
    "partials/footer.html",
);

/// The default theme's static files, compiled in. `favicon.png` is the
/// icon `favicon:` in site.yaml names by default: a real file, so pages need
/// no `data:` address and work under `Content-Security-Policy:
/// default-src 'self'`.
const DEFAULT_STATICS: &[(&str, &[u8])] = &[
    (
        "static/style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "static/favicon.png",
        include_bytes!("../themes/default/static/favicon.png"),
    ),
    (
        "static/elder.css",
        include_bytes!("../themes/default/static/elder.css"),
    ),
    (
        "static/elder.js",
        include_bytes!("../themes/default/static/elder.js"),
    ),
    (
        "static/search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
];

/// Loads the theme named in site.yaml and the site's overrides.
pub(crate) fn load(root: &Path, name: &str, diags: &mut Vec<Diagnostic>) -> Theme {
    let mut theme = Theme::default();
    if name == "default" {
        for (n, text) in DEFAULT_TEMPLATES {
            theme.set_template(TemplateSource {
                name: (*n).to_string(),
                shown: PathBuf::from(format!("themes/default/templates/{n}")),
                text: (*text).to_string(),
            });
        }
        for (out, bytes) in DEFAULT_STATICS {
            theme.set_static(out, StaticSource::Embedded(bytes));
        }
    }
    let dir = root.join("themes").join(name);
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if dir.is_dir() {
        theme.overlay(root, &real_root, &dir, diags);
    } else if name != "default" {
        diags.push(
            Diagnostic::new(
                &codes::THEME,
                crate::config::CONFIG_FILE,
                crate::t!("render-theme-not-found", name = name),
            )
            .with_hint(crate::t!(
                "render-theme-not-found-hint",
                dir = display_path(root, &dir).display().to_string()
            )),
        );
    }
    theme.overlay(root, &real_root, root, diags);
    theme
}

impl Theme {
    fn set_template(&mut self, t: TemplateSource) {
        self.templates.retain(|o| o.name != t.name);
        self.templates.push(t);
    }

    fn set_static(&mut self, out: &str, src: StaticSource) {
        self.statics.retain(|(o, _)| o != out);
        self.statics.push((out.to_string(), src));
    }

    /// Reads `<dir>/templates/**` and `<dir>/static/**` over what is there.
    /// A folder of them that leads outside the site (a link) is refused: its
    /// templates would run and its files be published.
    fn overlay(&mut self, root: &Path, real_root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) {
        for sub in ["templates", "static"] {
            let path = dir.join(sub);
            let outside = path.exists()
                && !std::fs::canonicalize(&path).is_ok_and(|p| p.starts_with(real_root));
            if outside {
                diags.push(
                    Diagnostic::new(
                        &codes::THEME,
                        display_path(root, &path),
                        crate::t!("render-theme-outside-site"),
                    )
                    .with_hint(crate::t!("render-theme-outside-site-hint")),
                );
                return;
            }
        }
        for (path, rel) in walk(root, real_root, &dir.join("templates"), diags) {
            self.files.push(path.clone());
            let shown = display_path(root, &path);
            match fsx::read_text(&path) {
                Ok(text) => self.set_template(TemplateSource {
                    name: rel,
                    shown,
                    text,
                }),
                Err(fsx::TextError::NotUtf8 { line, message }) => {
                    diags.push(Diagnostic::new(&codes::ENCODING, shown, message).at_line(line))
                }
                Err(fsx::TextError::Io(e)) => {
                    diags.push(Diagnostic::new(&codes::IO, shown, e.source.to_string()))
                }
            }
        }
        for (path, rel) in walk(root, real_root, &dir.join("static"), diags) {
            self.files.push(path.clone());
            self.set_static(&format!("static/{rel}"), StaticSource::File(path));
        }
    }
}

/// Files under `dir` with their `/`-separated path relative to it. A file
/// or folder that is a link is followed when it stays inside the site
/// (`real_root`) and refused, named, when it leads out: what it points at
/// would be published or run.
fn walk(
    root: &Path,
    real_root: &Path,
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    let mut entries = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                diags.push(Diagnostic::new(
                    &codes::IO,
                    display_path(root, &p),
                    crate::t!(
                        "render-theme-cannot-read",
                        why = e
                            .io_error()
                            .map(crate::i18n::io_error)
                            .unwrap_or_else(|| e.to_string())
                    ),
                ));
                continue;
            }
        };
        let inside = || std::fs::canonicalize(entry.path()).is_ok_and(|p| p.starts_with(real_root));
        if entry.path_is_symlink() && !inside() {
            diags.push(
                Diagnostic::new(
                    &codes::THEME,
                    display_path(root, entry.path()),
                    crate::t!("render-theme-file-outside-site"),
                )
                .with_hint(crate::t!("render-theme-file-outside-site-hint")),
            );
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || crate::content::is_editor_temp(&name) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(rel) = rel.to_str() else {
            diags.push(Diagnostic::new(
                &codes::ENCODING,
                display_path(root, entry.path()),
                crate::t!("render-theme-bad-name"),
            ));
            continue;
        };
        out.push((entry.path().to_path_buf(), rel.replace('\\', "/")));
    }
    out
}
