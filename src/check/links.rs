//! Links of the rendered site: every `href`/`src` of every rendered HTML
//! page that points inside the site must name an output file, every
//! `#anchor` an `id` in its target, and every attachment must be there.
//! External addresses are handed to `external` (listed, or fetched with
//! `--external`). An address whose scheme content may not use
//! (`javascript:`, `data:`, …, decided by [`crate::scheme`]) is a
//! `links.scheme` finding wherever it comes from: Markdown is refused while
//! building, so in practice these come from the theme or a site's own
//! template overrides.
//!
//! Pages are parsed with `scraper` (html5ever), the same HTML parser a
//! browser specification describes, so minified output, unquoted attributes
//! and entities are read as a browser reads them. A broken link that many
//! pages share (one in the theme's templates) is one finding, not one per
//! page.

use super::external::{self, ExternalOptions};
use crate::config::{CONFIG_FILE, Config};
use crate::content::{Site, Source, list_page_path};
use crate::diag::line_col;
use crate::diag::{Diagnostic, codes};
use crate::render::{Content, OutputFile};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use scraper::{ElementRef, Html};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What one rendered page links to and which anchors it offers.
#[derive(Debug, Default)]
struct Parsed {
    /// `href`/`src` values in document order.
    refs: Vec<String>,
    /// `id`s, and `name`s of `<a>`.
    ids: HashSet<String>,
    /// Addresses, in any address attribute of any element, whose scheme
    /// is refused.
    refused: Vec<String>,
}

/// Where a link points.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Not checked here: `mailto:`, `tel:`, a path outside the site's base
    /// path on an unknown host, and refused schemes (`Parsed::refused`).
    Skip,
    /// An output path (relative to the output folder) and an anchor.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// An absolute `http(s)://` address outside the site.
    External(String),
}

/// Elements and the attribute that holds their address.
const LINKING: &[(&str, &str)] = &[
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("track", "src"),
    ("embed", "src"),
];

/// Attributes that hold an address a browser may follow or load, on any
/// element, for the scheme check (wider than [`LINKING`], which also decides
/// what is followed as a link of the site).
const ADDRESS_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "cite",
    "background",
    "xlink:href",
];

/// `<link rel="icon" href="data:…">`: a favicon (the theme's `data:,`
/// stops browsers asking for /favicon.ico). Browsers only ever show an icon
/// as an image, never run it, so `data:` is allowed there and only there.
fn is_data_icon(el: &ElementRef<'_>, value: &str) -> bool {
    el.value().name() == "link"
        && el.attr("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("icon"))
        })
        && crate::scheme::scheme_of(value).as_deref() == Some("data")
}

fn parse(html: &str) -> Parsed {
    let doc = Html::parse_document(html);
    let mut p = Parsed::default();
    for el in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = el.value().name();
        for (attr, value) in el.value().attrs() {
            if ADDRESS_ATTRS.contains(&attr)
                && !is_data_icon(&el, value)
                && crate::scheme::refused(value).is_some()
            {
                p.refused.push(value.to_string());
            }
        }
        if let Some(id) = el.attr("id") {
            p.ids.insert(id.to_string());
        }
        if name == "a"
            && let Some(n) = el.attr("name")
        {
            p.ids.insert(n.to_string());
        }
        let rel = el.attr("rel").unwrap_or("");
        if name == "link" && (rel.contains("preconnect") || rel.contains("dns-prefetch")) {
            continue;
        }
        if let Some((_, attr)) = LINKING.iter().find(|(n, _)| *n == name)
            && let Some(v) = el.attr(attr)
        {
            p.refs.push(v.to_string());
        }
    }
    p
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Splits `path?query#fragment` into the decoded path and fragment.
fn split_ref(s: &str) -> (String, Option<String>) {
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(decode(f))),
        None => (s, None),
    };
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    (decode(path), fragment)
}

/// Joins a relative path to the folder of `page`, resolving `.` and `..`.
/// Climbing above the output folder keeps a `..` so the result names no file.
fn join(page: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return format!("../{rel}");
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The scheme of an absolute address (`http` in `http://…`), lower-cased.
fn scheme(href: &str) -> Option<String> {
    let (s, _) = href.split_once(':')?;
    let ok = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    ok.then(|| s.to_ascii_lowercase())
}

/// Classifies one `href`/`src` value found on output page `page`.
fn classify(cfg: &Config, page: &str, href: &str) -> Target {
    let href = href.trim();
    if href.is_empty() {
        return Target::Skip;
    }
    if let Some(f) = href.strip_prefix('#') {
        return Target::Internal {
            path: page.to_string(),
            fragment: Some(decode(f)),
        };
    }
    let absolute = match href.strip_prefix("//") {
        Some(rest) => Some(format!("https://{rest}")),
        None => match scheme(href).as_deref() {
            Some("http" | "https") => Some(href.to_string()),
            Some(_) => return Target::Skip,
            None => None,
        },
    };
    let Some(url) = absolute else {
        return site_path(cfg, page, href);
    };
    let after = url.split_once("://").map_or("", |(_, r)| r);
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (host, rest) = after.split_at(end);
    if !cfg.domain.is_empty() && host.eq_ignore_ascii_case(&cfg.domain) {
        let rest = if rest.starts_with('/') {
            rest.to_string()
        } else {
            format!("/{rest}")
        };
        return site_path(cfg, page, &rest);
    }
    Target::External(
        url.split_once('#')
            .map_or(url.as_str(), |(u, _)| u)
            .to_string(),
    )
}

/// A root-relative or relative address, as an output path.
fn site_path(cfg: &Config, page: &str, href: &str) -> Target {
    let (path, fragment) = split_ref(href);
    if path.starts_with('/') {
        return match path.strip_prefix(&cfg.base_path) {
            Some(rel) => Target::Internal {
                path: rel.to_string(),
                fragment,
            },
            None if path.len() + 1 == cfg.base_path.len() && cfg.base_path.starts_with(&path) => {
                Target::Internal {
                    path: String::new(),
                    fragment,
                }
            }
            None => Target::Skip,
        };
    }
    let joined = if path.is_empty() {
        page.to_string()
    } else {
        join(page, &path)
    };
    Target::Internal {
        path: joined,
        fragment,
    }
}

/// The output file a resolved path names: itself, or its `index.html`.
fn resolve<'a>(paths: &HashSet<&'a str>, path: &str) -> Option<&'a str> {
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![path.to_string(), format!("{path}/index.html")]
    };
    candidates
        .iter()
        .find_map(|c| paths.get(c.as_str()).copied())
}

/// Problems found, keyed by (rule, address), with the pages they occur on.
type Problems = BTreeMap<(&'static str, String), Vec<String>>;

/// What `walk` found: the problems, the external addresses with their
/// pages, and for an address whose anchor is missing the nearest id its
/// page has.
struct Walked {
    problems: Problems,
    externals: BTreeMap<String, Vec<String>>,
    near: HashMap<String, String>,
}

/// Follows every address of every page: broken internal ones into the
/// first map, external ones into the second, each with its pages.
fn walk(cfg: &Config, paths: &HashSet<&str>, pages: &HashMap<&str, Parsed>) -> Walked {
    let mut near = HashMap::new();
    let mut problems = Problems::new();
    let mut externals: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut order: Vec<&&str> = pages.keys().collect();
    order.sort();
    for page in order {
        for href in &pages[*page].refused {
            problems
                .entry((codes::LINKS_SCHEME.id, href.clone()))
                .or_default()
                .push(page.to_string());
        }
        for href in &pages[*page].refs {
            match classify(cfg, page, href) {
                Target::Skip => {}
                Target::External(url) if super::footer::is_identifier_link(cfg, &url) => {}
                Target::External(url) => externals.entry(url).or_default().push(page.to_string()),
                Target::Internal { path, fragment } => {
                    let rule = match resolve(paths, &path) {
                        None => &codes::LINKS_BROKEN,
                        Some(target) => match (&fragment, pages.get(target)) {
                            (Some(f), Some(t))
                                if !f.is_empty() && f != "top" && !t.ids.contains(f) =>
                            {
                                let typed = decode(f);
                                let ids = t.ids.iter().map(String::as_str);
                                if let Some(id) = crate::diag::nearest(&typed, ids) {
                                    near.insert(href.clone(), id.to_string());
                                }
                                &codes::LINKS_ANCHOR
                            }
                            _ => continue,
                        },
                    };
                    problems
                        .entry((rule.id, href.clone()))
                        .or_default()
                        .push(page.to_string());
                }
            }
        }
    }
    Walked {
        problems,
        externals,
        near,
    }
}

/// Pushes the link findings. Does nothing when the build failed (no files).
pub(crate) fn check(
    site: &Site,
    files: &[OutputFile],
    ext: Option<&ExternalOptions>,
    out: &mut Vec<Diagnostic>,
) {
    if files.is_empty() {
        return;
    }
    let paths: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let pages: HashMap<&str, Parsed> = files
        .par_iter()
        // The 长者模式 copies repeat the pages' links: each is checked once.
        .filter(|f| f.path.ends_with(".html") && !crate::render::is_mirror_page(&f.path))
        .filter_map(|f| match &f.content {
            Content::Bytes(b) => Some((f.path.as_str(), parse(&String::from_utf8_lossy(b)))),
            _ => None,
        })
        .collect();
    let Walked {
        problems,
        externals,
        near,
    } = walk(&site.config, &paths, &pages);
    let sources = sources(site);
    for ((id, href), on) in problems {
        let rule = [&codes::LINKS_ANCHOR, &codes::LINKS_SCHEME]
            .into_iter()
            .find(|c| c.id == id)
            .unwrap_or(&codes::LINKS_BROKEN);
        // The inspection counts the home page's broken links apart from
        // the other pages': its own finding.
        let (home, others): (Vec<String>, Vec<String>) =
            on.into_iter().partition(|p| p == HOME_PAGE);
        for on in [home, others].into_iter().filter(|on| !on.is_empty()) {
            let mut f = internal_finding(rule, &href, &on, &sources, &site.config.base_path);
            if let Some(id) = near.get(&href) {
                f = f.with_hint(crate::t!("check-links-anchor-near", id = decode(id)));
            }
            if let Some(slug) = column_of(site, &on) {
                f = f.in_column(slug);
            }
            out.push(f);
        }
    }
    attachments(site, &paths, out);
    let locate = |f: Diagnostic, url: &str, on: &[String]| match place(url, url, on, &sources) {
        Some((s, (line, col))) => {
            let f = f.in_file(s.shown.clone(), Some(line)).at(line, col);
            match column_of(site, on) {
                Some(slug) => f.in_column(slug),
                None => f,
            }
        }
        None => f,
    };
    external::check(&externals, ext, &locate, out);
}

/// The column of the pages `on`: pages of a column live in its folder, and
/// the first page names it.
fn column_of<'a>(site: &Site, on: &'a [String]) -> Option<&'a str> {
    let folder = on.first().and_then(|p| p.split_once('/')).map(|(c, _)| c);
    folder.filter(|c| site.columns.iter().any(|col| col.column.slug == *c))
}

/// Where the Markdown of one of the pages `on` writes `href` (as rendered)
/// or `shown` (as people write it), or its anchor: the first page's source
/// that has it, and the line and column.
fn place<'s>(
    href: &str,
    shown: &str,
    on: &[String],
    sources: &HashMap<String, &'s Source>,
) -> Option<(&'s Source, (u32, u32))> {
    // The written link may differ from the rendered one (`a.md#x` becomes
    // `/a.html#x`), so the anchor part is looked for too.
    let anchor = shown.find('#').map(|i| &shown[i..]).filter(|a| a.len() > 1);
    // A body that can no longer be read is not looked in.
    let find = |s: &Source| {
        let body = s.body().ok()?;
        let at = body
            .find(href)
            .or_else(|| body.find(shown))
            // `www.…` typed without a scheme links with `http://`.
            .or_else(|| href.strip_prefix("http://").and_then(|h| body.find(h)))
            .or_else(|| anchor.and_then(|a| body.find(&format!("{a})"))))?;
        Some(line_col(&body, at, s.body_line))
    };
    on.iter()
        .filter_map(|p| sources.get(p))
        .find_map(|s| find(s).map(|at| (*s, at)))
}

/// Output page → the Markdown it was rendered from.
fn sources(site: &Site) -> HashMap<String, &Source> {
    let mut m = HashMap::new();
    for col in &site.columns {
        if let Some(p) = &col.page {
            m.insert(list_page_path(&col.column.slug, 0), &p.source);
        }
        for item in &col.items {
            m.insert(item.out_path.clone(), &item.source);
        }
    }
    m
}

/// The home page's output path.
const HOME_PAGE: &str = "index.html";

/// Where the pages are, for a message: `a.html` or `a.html and 3 more
/// pages`; the home page as 首页.
pub(crate) fn pages_text(on: &[String]) -> String {
    match on {
        [] => String::new(),
        [one] if one == HOME_PAGE => crate::t!("check-home-page"),
        [one] => one.clone(),
        [first, rest @ ..] => crate::t!("check-pages-more", first = first, count = rest.len()),
    }
}

/// True when `href` is a file of the output's `static/` folder.
fn is_static(href: &str, base: &str) -> bool {
    href.strip_prefix(base)
        .is_some_and(|p| p.starts_with("static/"))
}

fn internal_finding(
    rule: &'static codes::Code,
    href: &str,
    on: &[String],
    sources: &HashMap<String, &Source>,
    base: &str,
) -> Diagnostic {
    let what = if rule == &codes::LINKS_ANCHOR {
        crate::t!("check-links-anchor")
    } else if rule == &codes::LINKS_SCHEME {
        let scheme = crate::scheme::refused(href).unwrap_or_default();
        crate::t!("check-links-scheme", scheme = scheme)
    } else if is_static(href, base) {
        crate::t!("check-links-broken-file")
    } else {
        crate::t!("check-links-broken")
    };
    // Rendered addresses are percent-encoded; people wrote them in Chinese.
    let shown = decode(href);
    let text = if rule == &codes::LINKS_SCHEME {
        href.escape_debug().to_string()
    } else {
        shown.clone()
    };
    let mut f = Diagnostic::site_wide(
        rule,
        crate::t!(
            "check-links-on",
            what = what,
            link = text,
            pages = pages_text(on)
        ),
    );
    match place(href, &shown, on, sources) {
        Some((s, (line, col))) => {
            f = f
                .in_file(s.shown.clone(), Some(line))
                .at(line, col)
                .with_hint(crate::t!("check-links-fix-file"));
        }
        // A file of the site's or the theme's static/ folder that is not
        // there (the badge's image, a logo): the file is what is missing.
        None if is_static(href, base) => {
            let file = decode(href.strip_prefix(base).unwrap_or(href));
            f = f
                .in_file(CONFIG_FILE, None)
                .with_hint(crate::t!("check-links-fix-static", file = file));
        }
        None => f = f.with_hint(crate::t!("check-links-fix-theme")),
    }
    f
}

/// Every attachment of every item must be in the output and on disk.
fn attachments(site: &Site, paths: &HashSet<&str>, out: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        for item in &col.items {
            for a in &item.attachments {
                if paths.contains(a.out_path.as_str()) && a.source.is_file() {
                    continue;
                }
                out.push(
                    Diagnostic::site_wide(
                        &codes::LINKS_ATTACHMENT,
                        crate::t!(
                            "check-attachment-missing",
                            file = a.file_name.as_str(),
                            title = item.title.as_str()
                        ),
                    )
                    .in_file(item.source.shown.clone(), Some(a.line))
                    .in_column(&col.column.slug)
                    .with_hint(crate::t!("check-attachment-missing-fix")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
