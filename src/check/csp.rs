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
    fn a_clean_page_has_none() {
        let html = r#"<!DOCTYPE html><html><head><link rel="icon" href="/static/favicon.png"><script src="/static/a.js"></script></head><body><p class="x">style= and &lt;style&gt; as text</p></body></html>"#;
        assert_eq!(blocked(html), Vec::<String>::new());
    }
}
