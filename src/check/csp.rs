//! The rendered pages under a strict Content-Security-Policy
//! (`default-src 'self'`): no `style` attribute, no `<style>` element, no
//! `<script>` without `src`, no `on…` event attribute, no `data:` or
//! `javascript:` address. A browser given that policy refuses each of
//! these, so the page looks or works differently from what was tested.
//! The default theme has none; they come from a site's own templates.
//! One finding per kind of thing, with the pages it is on.

use super::links::pages_text;
use crate::diag::{Diagnostic, codes};
use crate::render::{Content, OutputFile};
use scraper::{ElementRef, Html};
use std::collections::BTreeMap;

/// What a strict policy blocks, as one page shows it.
fn blocked(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    for el in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = el.value().name();
        if name == "style" {
            found.push("<style>".to_string());
        }
        if name == "script" && el.attr("src").is_none_or(|s| s.trim().is_empty()) {
            found.push("<script>".to_string());
        }
        for (attr, value) in el.value().attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr == "style" {
                found.push("style=".to_string());
            } else if attr.starts_with("on") {
                found.push(format!("{attr}="));
            } else if matches!(
                attr.as_str(),
                "href" | "src" | "srcset" | "action" | "formaction" | "poster" | "data"
            ) && let Some(scheme) =
                crate::scheme::scheme_of(value).filter(|s| s == "data" || s == "javascript")
            {
                found.push(format!("{scheme}:"));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Pushes one finding per kind of blocked thing. Does nothing when the
/// build failed (no files).
pub(crate) fn check(files: &[OutputFile], out: &mut Vec<Diagnostic>) {
    let mut on: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files
        .iter()
        .filter(|f| f.path.ends_with(".html") && !crate::render::is_mirror_page(&f.path))
    {
        let Content::Bytes(b) = &f.content else {
            continue;
        };
        for what in blocked(&String::from_utf8_lossy(b)) {
            on.entry(what).or_default().push(f.path.clone());
        }
    }
    for (what, mut pages) in on {
        pages.sort();
        out.push(
            Diagnostic::site_wide(
                &codes::CSP_INLINE,
                crate::t!("check-csp-inline", what = what, pages = pages_text(&pages)),
            )
            .with_hint(crate::t!("check-csp-inline-fix")),
        );
    }
}

/// Types a browser runs script from when opened from the site's address:
/// a strict CSP allows the site's own files, so these run.
const RUNS_SCRIPT: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs",
];

/// True when a published file of `path` is of a type in [`RUNS_SCRIPT`].
fn runs_script(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| RUNS_SCRIPT.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Names the files copied from the site's folder (not the theme compiled
/// into gongkai, not generated pages) that a browser runs script from:
/// attachments (content, which must not run script) and the site's own
/// `static/` files (its theme: code to review).
pub(crate) fn check_script_files(files: &[OutputFile], out: &mut Vec<Diagnostic>) {
    let (mut statics, mut attachments): (Vec<String>, Vec<String>) = files
        .iter()
        .filter(|f| matches!(f.content, Content::File(_)) && runs_script(&f.path))
        .map(|f| f.path.clone())
        .partition(|p| p.starts_with("static/"));
    statics.sort();
    attachments.sort();
    if !attachments.is_empty() {
        out.push(
            Diagnostic::site_wide(
                &codes::CSP_SCRIPT_FILE,
                crate::t!("check-csp-script-file", files = files_text(&attachments)),
            )
            .with_hint(crate::t!("check-csp-script-file-fix")),
        );
    }
    if !statics.is_empty() {
        out.push(
            Diagnostic::site_wide(
                &codes::CSP_SCRIPT_STATIC,
                crate::t!("check-csp-script-static", files = files_text(&statics)),
            )
            .with_hint(crate::t!("check-csp-script-static-fix")),
        );
    }
}

/// `a、b、c` for a few files; the first five and how many more for many.
fn files_text(files: &[String]) -> String {
    const SHOWN: usize = 5;
    let shown = files[..files.len().min(SHOWN)].join(crate::t!("check-list-separator").as_str());
    match files.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => crate::t!("check-files-more", files = shown, count = more),
        _ => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_found_once() {
        let html = r#"<!DOCTYPE html><html><head><style>p{}</style><link rel="icon" href="data:,"></head>
<body><p style="color:red" STYLE="x">a</p><script>1</script><script src="/a.js"></script>
<a href="JavaScript:x" onclick="y">b</a><img src="/i.png" alt=""></body></html>"#;
        assert_eq!(
            blocked(html),
            [
                "<script>",
                "<style>",
                "data:",
                "javascript:",
                "onclick=",
                "style="
            ]
        );
    }

    #[test]
    fn files_that_run_script_by_type() {
        for yes in ["a.html", "b/c.SVG", "d.js", "e.xml", "f.mjs"] {
            assert!(runs_script(yes), "{yes}");
        }
        for no in ["a.pdf", "b.css", "c.png", "html", "d.json"] {
            assert!(!runs_script(no), "{no}");
        }
    }

    #[test]
    fn a_clean_page_has_none() {
        let html = r#"<!DOCTYPE html><html><head><link rel="icon" href="/static/favicon.png"><script src="/static/a.js"></script></head><body><p class="x">style= and &lt;style&gt; as text</p></body></html>"#;
        assert_eq!(blocked(html), Vec::<String>::new());
    }
}
