//! 长者模式 without JavaScript: a mirror of every page under `zhe/`.
//!
//! With JavaScript, the theme's `elder.js` turns the mode on and off on the
//! page itself (a class on `<html>` that `elder.css` keys on, kept in
//! `localStorage`). A static page cannot change itself without script, so
//! the header's 长者模式 link points to the same page in the mirror:
//! `tzgg/a.html` is also published as `zhe/tzgg/a.html`, the same bytes
//! with `<html class="elder">` (the mode's styles apply at once), every link
//! to a page of the site pointing inside the mirror (the mode lasts while
//! the reader moves around), the mode's link pointing back to the normal
//! page (退出长者模式), `noindex` and a canonical link to the normal page (so
//! search engines see one page, not two).
//!
//! The mirror pages are made from the page jobs' own output as it reaches
//! the sink ([`MirrorSink`]), so an item edit renders the mirror of exactly
//! the pages it renders again, and the mirror never differs from the page.
//! [`Elder`] claims the mirror's paths for the plan (a column slugged
//! `zhe` is a located error there) and writes nothing itself.

use super::{Cx, SiteOutput};
use crate::content::{Site, url_of};
use crate::diag::Diagnostic;
use crate::render::pages;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};
use std::borrow::Cow;
use std::collections::HashSet;

/// The mirror's folder in the output.
pub(crate) const DIR: &str = "zhe";

/// The mirror's path of a page's output path.
pub(crate) fn mirror_path(out: &str) -> String {
    format!("{DIR}/{out}")
}

/// True when the output path `path` is in the mirror's folder.
pub(crate) fn is_mirror_path(path: &str) -> bool {
    path.strip_prefix(DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The mirror's paths, claimed for the plan. The files themselves come from
/// the page jobs through [`MirrorSink`].
pub(super) struct Elder;

impl SiteOutput for Elder {
    fn follows_item_edits(&self) -> bool {
        // Its files follow every page job, item edits included, through the
        // sink; this output renders nothing of its own.
        false
    }

    fn is_mirror(&self) -> bool {
        true
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        pages::jobs(site)
            .iter()
            .map(|job| {
                let c = pages::claim(site, job);
                Claim {
                    path: mirror_path(&c.path),
                    by: Origin {
                        what: crate::t!("render-origin-elder", page = c.by.what.as_str()),
                        at: c.by.at,
                    },
                }
            })
            .collect()
    }

    fn render(&self, _: &Cx<'_>, _: &mut Vec<Diagnostic>, _: &dyn Sink) {}
}

/// Passes every page on to `inner`, and its mirror page with it.
pub(crate) struct MirrorSink<'a> {
    inner: &'a dyn Sink,
    links: Links<'a>,
}

impl<'a> MirrorSink<'a> {
    /// A sink that mirrors the pages of `site` into `inner`.
    pub(crate) fn new(site: &'a Site, inner: &'a dyn Sink) -> Self {
        Self {
            inner,
            links: Links {
                base: site.config.base_path.clone(),
                pages: (pages::jobs(site).iter())
                    .map(|job| pages::page_path(site, job))
                    .collect(),
            },
        }
    }
}

impl Sink for MirrorSink<'_> {
    fn put(&self, file: OutputFile) {
        if let Content::Bytes(bytes) = &file.content
            && self.links.pages.contains(file.path.as_str())
        {
            let url = url_of(&self.links.base, &file.path);
            let html = String::from_utf8_lossy(bytes);
            let mirrored = mirror_page(&html, &self.links, &url);
            self.inner.put(OutputFile {
                path: mirror_path(&file.path),
                content: Content::Bytes(mirrored.into_bytes()),
            });
        }
        self.inner.put(file);
    }
}

/// The site's pages, whose URLs a mirror page swaps for their mirrors'.
/// Each swap is worked out when a link asks for it: an edit renders a few
/// pages of tens of thousands.
pub(crate) struct Links<'a> {
    /// The site's base path (`/x/`).
    base: String,
    /// The output path of every page of the site.
    pages: HashSet<Cow<'a, str>>,
}

impl Links<'_> {
    /// `href` with its path swapped between a page and its mirror page, or
    /// `None` when it is not a link to a page of the site. The query and
    /// fragment are kept.
    fn swap(&self, href: &str) -> Option<String> {
        let cut = href.find(['?', '#']).unwrap_or(href.len());
        let (path, rest) = href.split_at(cut);
        self.other(path).map(|to| format!("{to}{rest}"))
    }

    /// The URL of the mirror of the page at `url`, or of the page whose
    /// mirror is at `url`. Only a page's own URL ([`url_of`]) counts: the
    /// home page is at the base path, not at `index.html` under it.
    fn other(&self, url: &str) -> Option<String> {
        let out = if url == self.base {
            "index.html"
        } else {
            url.strip_prefix(self.base.as_str())
                .filter(|out| *out != "index.html")?
        };
        if self.pages.contains(out) {
            return Some(url_of(&self.base, &mirror_path(out)));
        }
        let normal = out.strip_prefix(DIR)?.strip_prefix('/')?;
        self.pages
            .contains(normal)
            .then(|| url_of(&self.base, normal))
    }

    /// The value of an `href` or `src` in a mirror page: a link to a page
    /// swapped ([`Links::swap`]), and a relative address (the report's
    /// downloads, `2022/2022.csv`) made absolute from `folder`, the normal
    /// page's folder, since the mirror page is one folder deeper. `None`
    /// when the value stays as it is (external, a fragment, a file by its
    /// absolute path).
    fn rewrite(&self, value: &str, folder: &str) -> Option<String> {
        if value.is_empty() || value.starts_with(['#', '/', '?']) || has_scheme(value) {
            return self.swap(value);
        }
        let absolute = resolve(folder, value);
        Some(self.swap(&absolute).unwrap_or(absolute))
    }
}

/// True when `value` starts with a URL scheme (`https:`, `mailto:`).
fn has_scheme(value: &str) -> bool {
    let end = value.find([':', '/', '?', '#']);
    end.is_some_and(|e| e > 0 && value.as_bytes()[e] == b':')
}

/// The folder part of a page's URL, with its slash: `/x/tzgg/` of
/// `/x/tzgg/a.html`, `/x/` of `/x/`.
fn folder(url: &str) -> &str {
    url.rfind('/').map_or("/", |i| &url[..=i])
}

/// `rel` resolved against the folder URL `folder`: `.` and `..` segments
/// applied (never above the root), the query and fragment kept.
fn resolve(folder: &str, rel: &str) -> String {
    let cut = rel.find(['?', '#']).unwrap_or(rel.len());
    let (path, rest) = rel.split_at(cut);
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let segments: Vec<&str> = path.split('/').collect();
    for seg in &segments {
        match *seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let trailing = matches!(segments.last(), Some(&("" | "." | "..")));
    let mut out = String::from("/");
    out.push_str(&parts.join("/"));
    if trailing && !parts.is_empty() {
        out.push('/');
    }
    out.push_str(rest);
    out
}

/// The mirror page of a rendered page: links to pages swapped (in the
/// mirror, the mode's link leads back to the normal page), `<html>` marked
/// with the mode's class, `noindex` and, when the page has none, a canonical
/// link to the normal page (`canonical`, its URL) before `</head>`. Only tags are changed: text,
/// comments and the content of `<script>` and `<style>` are copied as they
/// are.
pub(crate) fn mirror_page(html: &str, links: &Links<'_>, canonical: &str) -> String {
    let mut out = String::with_capacity(html.len() + 128);
    let mut rest = html;
    let mut canonical_seen = false;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(rest.len(), |e| e + 4 + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if rest
            .as_bytes()
            .get(..7)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"</head>"))
        {
            out.push_str("<meta name=\"robots\" content=\"noindex\">");
            if !canonical_seen {
                out.push_str("<link rel=\"canonical\" href=\"");
                out.push_str(&crate::render::escape::escape_xml(canonical));
                out.push_str("\">");
            }
            out.push_str("</head>");
            rest = &rest[7..];
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let raw = &rest[..tag.len];
        let is = |n: &str| tag.name.eq_ignore_ascii_case(n);
        let closes_late = is("script") || is("style");
        // Most tags have nothing to change: copied as they are.
        let touched = is("html")
            || is("link")
            || tag.attrs.iter().any(|a| {
                let n = &raw[a.name.clone()];
                n.eq_ignore_ascii_case("href")
                    || n.eq_ignore_ascii_case("src")
                    || n.eq_ignore_ascii_case("action")
            });
        if !touched {
            out.push_str(raw);
            rest = &rest[tag.len..];
            if closes_late {
                rest = copy_to_close(&mut out, rest, tag.name);
            }
            continue;
        }
        let name = tag.name.to_ascii_lowercase();
        let mut text = String::with_capacity(raw.len() + 32);
        let mut at = 0;
        let mut has_class = false;
        for a in &tag.attrs {
            let attr_name = raw[a.name.clone()].to_ascii_lowercase();
            let value = a.value.clone().map(|v| &raw[v]);
            if name == "link"
                && attr_name == "rel"
                && value.is_some_and(|v| v.eq_ignore_ascii_case("canonical"))
            {
                canonical_seen = true;
            }
            let replace = match (attr_name.as_str(), value) {
                // A form's target too: searching from a mirror page shows
                // the results in the mirror.
                // The value as the browser reads it (`r&amp;d.html` is
                // the page `r&d.html`).
                ("href" | "src" | "action", Some(v)) => {
                    links.rewrite(&crate::scheme::decode_entities(v), folder(canonical))
                }
                ("class", v) if name == "html" => {
                    has_class = true;
                    Some(format!("elder {}", v.unwrap_or("")).trim_end().to_string())
                }
                _ => None,
            };
            if let Some(new) = replace {
                text.push_str(&raw[at..a.name.start]);
                text.push_str(&raw[a.name.clone()]);
                text.push_str("=\"");
                text.push_str(&new.replace('&', "&amp;").replace('"', "&quot;"));
                text.push('"');
                at = a.end;
            }
        }
        text.push_str(&raw[at..]);
        if name == "html" {
            let mark = if has_class {
                " data-elder=\"mirror\""
            } else {
                " class=\"elder\" data-elder=\"mirror\""
            };
            text.insert_str(1 + tag.name.len(), mark);
        }
        out.push_str(&text);
        rest = &rest[tag.len..];
        if closes_late {
            rest = copy_to_close(&mut out, rest, &name);
        }
    }
    out.push_str(rest);
    out
}

/// Copies the text of a `<script>` or `<style>` element named `name` up to
/// its end tag (never read as tags); returns what follows.
fn copy_to_close<'a>(out: &mut String, rest: &'a str, name: &str) -> &'a str {
    let close = format!("</{name}");
    let end = find_ascii_ci(rest, &close).unwrap_or(rest.len());
    out.push_str(&rest[..end]);
    &rest[end..]
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// One attribute of a start tag: byte ranges inside the tag's text.
struct Attr {
    name: std::ops::Range<usize>,
    /// The value without its quotes.
    value: Option<std::ops::Range<usize>>,
    /// Just past the attribute (past a closing quote).
    end: usize,
}

/// A start tag at the start of a text.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<Attr>,
    /// Bytes up to and including `>`.
    len: usize,
}

impl<'a> Tag<'a> {
    /// The start tag `text` begins with, or `None` when `<` does not begin
    /// one (an end tag, `<!DOCTYPE`, a lone `<`).
    fn parse(text: &'a str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() < 2 || !b[1].is_ascii_alphabetic() {
            return None;
        }
        let mut i = 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = &text[1..i];
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() {
                return None;
            }
            if b[i] == b'>' {
                return Some(Tag {
                    name,
                    attrs,
                    len: i + 1,
                });
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'=' | b'/')
            {
                i += 1;
            }
            let name_range = start..i;
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                let (value, end) = match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let close = text[j + 1..].find(q as char)? + j + 1;
                        (j + 1..close, close + 1)
                    }
                    Some(_) => {
                        let mut k = j;
                        while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                            k += 1;
                        }
                        (j..k, k)
                    }
                    None => return None,
                };
                attrs.push(Attr {
                    name: name_range,
                    value: Some(value),
                    end,
                });
                i = end;
            } else {
                attrs.push(Attr {
                    name: name_range.clone(),
                    value: None,
                    end: name_range.end,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Links<'static> {
        Links {
            base: "/x/".into(),
            pages: ["index.html".into(), "tzgg/a.html".into()].into(),
        }
    }

    #[test]
    fn links_to_pages_go_into_the_mirror_and_the_modes_link_out_of_it() {
        let page = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><title>t</title>\
            <link rel=canonical href=https://e.example/x/tzgg/a.html>\
            <link rel=stylesheet href=/x/static/style.css></head>\n<body>\
            <a class=\"elder-toggle\" href=\"/x/zhe/tzgg/a.html\">长者模式</a>\
            <a href=/x/>首页</a><a href='/x/tzgg/a.html#p2'>a</a>\
            <a href=\"https://e.example/x/tzgg/a.html\">e</a>\
            <p>href=/x/tzgg/a.html &lt;a href=\"/x/\"&gt;</p>\
            <!-- <a href=\"/x/\"> --></body></html>";
        assert_eq!(
            mirror_page(page, &links(), "/x/tzgg/a.html"),
            "<!DOCTYPE html>\n<html class=\"elder\" data-elder=\"mirror\" lang=\"zh-CN\">\n\
            <head><title>t</title><link rel=canonical href=https://e.example/x/tzgg/a.html>\
            <link rel=stylesheet href=/x/static/style.css>\
            <meta name=\"robots\" content=\"noindex\"></head>\n<body>\
            <a class=\"elder-toggle\" href=\"/x/tzgg/a.html\">长者模式</a>\
            <a href=\"/x/zhe/index.html\">首页</a><a href=\"/x/zhe/tzgg/a.html#p2\">a</a>\
            <a href=\"https://e.example/x/tzgg/a.html\">e</a>\
            <p>href=/x/tzgg/a.html &lt;a href=\"/x/\"&gt;</p>\
            <!-- <a href=\"/x/\"> --></body></html>"
        );
    }

    #[test]
    fn a_page_without_canonical_gets_one_to_the_normal_page() {
        let page = "<html><head><title>t</title></head><body>\
            <a class=elder-toggle href=/x/zhe/tzgg/a.html>长者模式</a></body></html>";
        assert_eq!(
            mirror_page(page, &links(), "/x/tzgg/a.html"),
            "<html class=\"elder\" data-elder=\"mirror\"><head><title>t</title>\
            <meta name=\"robots\" content=\"noindex\">\
            <link rel=\"canonical\" href=\"/x/tzgg/a.html\"></head><body>\
            <a class=elder-toggle href=\"/x/tzgg/a.html\">长者模式</a></body></html>"
        );
        let page = "<html class=\"a\"><head><title>t</title>\
            <link rel=canonical href=https://e.example/x/tzgg/a.html></head></html>";
        assert_eq!(
            mirror_page(page, &links(), "/x/tzgg/a.html"),
            "<html data-elder=\"mirror\" class=\"elder a\"><head><title>t</title>\
            <link rel=canonical href=https://e.example/x/tzgg/a.html>\
            <meta name=\"robots\" content=\"noindex\"></head></html>"
        );
    }

    #[test]
    fn relative_addresses_are_made_absolute_from_the_normal_pages_folder() {
        assert_eq!(resolve("/x/ndbg/", "2022/a.csv"), "/x/ndbg/2022/a.csv");
        assert_eq!(resolve("/x/ndbg/", "./a.html#p"), "/x/ndbg/a.html#p");
        assert_eq!(resolve("/x/ndbg/", "../tzgg/a.html"), "/x/tzgg/a.html");
        assert_eq!(resolve("/x/", "../../../a.html"), "/a.html");
        assert_eq!(resolve("/x/ndbg/", ".."), "/x/");
        assert_eq!(resolve("/x/ndbg/", "sub/"), "/x/ndbg/sub/");
        assert!(has_scheme("mailto:a@b.cn"));
        assert!(!has_scheme("a/b:c"));
        let page = "<html><head></head><body><a href=2022/a.csv>csv</a>\
            <img src=\"../tzgg/p.png\" alt=\"\"><a href=../tzgg/a.html>a</a>\
            <a href=mailto:a@b.cn>m</a></body></html>";
        assert_eq!(
            mirror_page(page, &links(), "/x/ndbg/2022.html"),
            "<html class=\"elder\" data-elder=\"mirror\"><head>\
            <meta name=\"robots\" content=\"noindex\">\
            <link rel=\"canonical\" href=\"/x/ndbg/2022.html\"></head><body>\
            <a href=\"/x/ndbg/2022/a.csv\">csv</a><img src=\"/x/tzgg/p.png\" alt=\"\">\
            <a href=\"/x/zhe/tzgg/a.html\">a</a><a href=mailto:a@b.cn>m</a></body></html>"
        );
    }

    #[test]
    fn script_and_style_text_is_left_alone() {
        let page = "<script src=/x/s.js></script><style>a[href=\"/x/\"]{}</style>\
            <script>var s = '<a href=\"/x/\">';</script>";
        assert_eq!(mirror_page(page, &links(), "/x/tzgg/a.html"), page);
    }

    #[test]
    fn broken_tags_do_not_panic() {
        for bad in [
            "<",
            "<a",
            "<a href=",
            "<a href=\"/x/",
            "<!--",
            "</head",
            "<html",
            "</主办单位",
            "<p>主办单位</p>",
            "<a href=/x/主>",
            "</h办>",
            "<办",
        ] {
            let _ = mirror_page(bad, &links(), "/x/");
        }
    }
}
