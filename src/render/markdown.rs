//! Markdown to HTML with pulldown-cmark, plus the three things a Chinese
//! portal needs on top of CommonMark: no space where a hard-wrapped line
//! breaks between two CJK characters, heading ids for in-page anchors, and
//! internal links rewritten from source files to published URLs.
//!
//! Content must never run script. Raw HTML in Markdown is shown as text,
//! never passed through: staff paste from Word and web pages, and a stray
//! `<script>` must not reach citizens. Heading attributes keep only `id` and
//! `class` (class names limited to safe tokens), and a link or image whose
//! scheme is not allowed (see [`crate::scheme`]) is reported and written
//! with an empty address.

use crate::diag::{Code, codes};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;
use std::ops::Range;

/// Decides what an internal link in Markdown points at.
pub(crate) trait LinkResolver {
    /// Returns the URL to write for `dest`, `Ok(None)` to keep it as written
    /// (external links, mail, in-page anchors), or `Err(message)` when `dest`
    /// names something inside the site that does not exist.
    fn resolve(&self, dest: &str) -> Result<Option<String>, String>;
}

/// A link that could not be resolved or is refused, with its byte range in
/// the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadLink {
    /// What kind of problem: `link` (no such target) or `link.scheme`.
    pub(crate) code: &'static Code,
    /// Byte range of the link in the Markdown source.
    pub(crate) range: Range<usize>,
    /// Why it failed.
    pub(crate) message: String,
}

/// The result of rendering one Markdown document.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    /// The HTML fragment.
    pub(crate) html: String,
    /// Links that name a missing target or use a refused scheme.
    pub(crate) bad_links: Vec<BadLink>,
    /// Every link and image destination as written in the output.
    pub(crate) links: Vec<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders Markdown that has no internal links to resolve (report prose,
/// summaries).
pub(crate) fn to_html(src: &str) -> String {
    render(src, None).html
}

/// Renders Markdown, resolving links through `links` when given.
pub(crate) fn render(src: &str, links: Option<&dyn LinkResolver>) -> Rendered {
    let mut out = Rendered::default();
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(src, options()).into_offset_iter().collect();
    let mut result: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                let end = heading_end(&events, i);
                let text = plain_text(&events[i + 1..end]);
                let id = match id {
                    Some(id) => id.clone(),
                    None => CowStr::from(unique_id(&mut ids, &text)),
                };
                // Any other attribute (`onfocus`, `style`, …) could run
                // script or hide text, so only `id` and safe classes stay.
                result.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(id),
                    classes: classes
                        .iter()
                        .filter(|c| is_safe_class(c))
                        .cloned()
                        .collect(),
                    attrs: Vec::new(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite(dest_url, range, links, false, &mut out);
                result.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite(dest_url, range, links, true, &mut out);
                result.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::SoftBreak => {
                let before = last_char(&result);
                let after = events.get(i + 1).and_then(|(e, _)| first_char(e));
                let joined =
                    matches!((before, after), (Some(a), Some(b)) if is_wide(a) && is_wide(b));
                if !joined {
                    result.push(Event::SoftBreak);
                }
            }
            Event::Html(s) | Event::InlineHtml(s) => result.push(Event::Text(s.clone())),
            other => result.push(other.clone()),
        }
        i += 1;
    }
    html::push_html(&mut out.html, result.into_iter());
    out
}

/// A class name that can do nothing but name a class: ASCII letters,
/// digits, `-` and `_`, starting with a letter.
fn is_safe_class(class: &str) -> bool {
    class.len() <= 64
        && class.starts_with(|c: char| c.is_ascii_alphabetic())
        && class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn rewrite<'a>(
    dest: &CowStr<'a>,
    range: &Range<usize>,
    links: Option<&dyn LinkResolver>,
    image: bool,
    out: &mut Rendered,
) -> CowStr<'a> {
    if let Some(scheme) = crate::scheme::refused(dest) {
        out.bad_links.push(BadLink {
            code: &codes::LINK_SCHEME,
            range: range.clone(),
            message: crate::scheme::message(dest, &scheme, image),
        });
        out.links.push(String::new());
        return CowStr::from("");
    }
    let resolved = match links.map(|l| l.resolve(dest)) {
        Some(Ok(Some(url))) => CowStr::from(url),
        Some(Err(message)) => {
            out.bad_links.push(BadLink {
                code: &codes::LINK,
                range: range.clone(),
                message,
            });
            dest.clone()
        }
        _ => dest.clone(),
    };
    out.links.push(resolved.to_string());
    resolved
}

fn heading_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    events[start..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
        .map_or(events.len(), |p| start + p)
}

fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

/// An id from the heading's text: letters and digits of any script kept,
/// runs of anything else turned into one `-`, numbered when repeated.
fn unique_id(seen: &mut HashMap<String, usize>, text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    let id = if id.is_empty() {
        "section".to_string()
    } else {
        id
    };
    let n = seen.entry(id.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        id
    } else {
        format!("{id}-{}", *n - 1)
    }
}

fn last_char(events: &[Event<'_>]) -> Option<char> {
    match events.last()? {
        Event::Text(t) | Event::Code(t) => t.chars().next_back(),
        _ => None,
    }
}

fn first_char(e: &Event<'_>) -> Option<char> {
    match e {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        _ => None,
    }
}

/// East Asian wide and fullwidth characters: the ones between which a line
/// break in the source must not become a space.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// The first thing in `html` that could run script, or `None`: a `<script`
/// anywhere (any case), an element with an `on…` attribute, or an `href` or
/// `src` whose scheme [`crate::scheme`] refuses. The oracle of the property
/// tests of everything that writes HTML from content.
#[cfg(test)]
pub(crate) fn script_in(html: &str) -> Option<String> {
    if html.to_ascii_lowercase().contains("<script") {
        return Some("`<script`".into());
    }
    let doc = scraper::Html::parse_fragment(html);
    let all = scraper::Selector::parse("*").ok()?;
    doc.select(&all).find_map(|el| {
        el.value().attrs().find_map(|(name, value)| {
            let on = name.to_ascii_lowercase().starts_with("on");
            let url = matches!(name, "href" | "src") && crate::scheme::refused(value).is_some();
            (on || url).then(|| format!("<{} {name}={value:?}>", el.value().name()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_soft_break_joins_without_space() {
        assert_eq!(
            to_html("街道办事处\n发布通知。"),
            "<p>街道办事处发布通知。</p>\n"
        );
        assert_eq!(to_html("全文，\n详见"), "<p>全文，详见</p>\n");
    }

    #[test]
    fn latin_soft_break_stays() {
        assert_eq!(to_html("hello\nworld"), "<p>hello\nworld</p>\n");
        assert_eq!(to_html("共计\n12 项"), "<p>共计\n12 项</p>\n");
    }

    #[test]
    fn heading_ids_are_unique() {
        let html = to_html("## 主要职责\n\n## 主要职责\n\n## A b");
        assert!(html.contains(r#"<h2 id="主要职责">"#), "{html}");
        assert!(html.contains(r#"<h2 id="主要职责-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="a-b">"#), "{html}");
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("<script>alert(1)</script>");
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn heading_attributes_keep_only_id_and_safe_classes() {
        assert_eq!(
            to_html("# 标题 {#sec .note .x:y onfocus=alert(1) autofocus}"),
            "<h1 id=\"sec\" class=\"note\">标题</h1>\n"
        );
        assert_eq!(
            to_html("## 二 {style=color:red}"),
            "<h2 id=\"二\">二</h2>\n"
        );
    }

    #[test]
    fn refused_schemes_are_reported_and_emptied() {
        let r = render("[a](JaVaScRiPt:alert(1)) ![b](data:x) [c](https://a)", None);
        assert_eq!(
            r.html,
            "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\" /> <a href=\"https://a\">c</a></p>\n"
        );
        let codes: Vec<&str> = r.bad_links.iter().map(|b| b.code.id).collect();
        assert_eq!(codes, ["link.scheme", "link.scheme"]);
        assert_eq!(r.bad_links[1].range, 25..37);
    }

    #[test]
    fn script_in_finds_each_kind() {
        assert_eq!(script_in("<p>&lt;script&gt;</p>"), None);
        assert_eq!(script_in("<ScRiPt>"), Some("`<script`".into()));
        assert_eq!(
            script_in("<p><b onClick=\"x\">b</b></p>"),
            Some("<b onclick=\"x\">".into())
        );
        assert_eq!(
            script_in("<a href=\"&#106;avascript:x\">a</a>"),
            Some("<a href=\"javascript:x\">".into())
        );
        assert_eq!(script_in("<img src=\"a.png\" alt=\"\">"), None);
    }

    #[test]
    fn gfm_table_renders() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<table>"), "{html}");
    }

    mod proptests {
        use super::*;
        use crate::content::LinkIndex;
        use proptest::prelude::*;

        /// Ways to write the `javascript:` scheme that a browser still reads
        /// as one: case, entities, percent escapes, tabs, leading controls.
        fn javascript() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("javascript:alert(1)".to_string()),
                Just("JaVaScRiPt:alert(1)".to_string()),
                Just("java\tscript:alert(1)".to_string()),
                Just("java&#x09;script:alert(1)".to_string()),
                Just("&#106;avascript&colon;alert(1)".to_string()),
                Just("&#x6A;avascript:alert(1)".to_string()),
                Just("%6Aavascript%3Aalert(1)".to_string()),
                Just("%256Aavascript:alert(1)".to_string()),
                Just("\u{1}javascript:alert(1)".to_string()),
                Just(" vbscript:msgbox(1)".to_string()),
                Just("data:text/html;base64,PHNjcmlwdD4=".to_string()),
                Just("file:///etc/passwd".to_string()),
                "[a-zA-Z][a-zA-Z0-9+.-]{0,8}:[a-z()]{0,6}",
            ]
        }

        /// Link targets: hostile schemes, allowed ones, and addresses the
        /// index resolves or does not know.
        fn dest() -> impl Strategy<Value = String> {
            prop_oneof![
                javascript(),
                Just("https://www.gov.cn/".to_string()),
                Just("mailto:a@b.cn".to_string()),
                Just("/tzgg/a.md".to_string()),
                Just("../tzgg/a.md#s".to_string()),
                Just("missing.md".to_string()),
                Just("#top".to_string()),
                "\\PC{0,12}",
            ]
        }

        /// One piece of a Markdown document: CJK text, Markdown syntax, or
        /// something that would run script if it reached the page as HTML.
        fn fragment() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("街道办事处发布通知。".to_string()),
                Just("# 标题".to_string()),
                Just("## 标题 {#sec .note onfocus=alert(1) autofocus}".to_string()),
                Just("### x {onmouseover=\"alert(1)\" style=x}".to_string()),
                Just("<script>alert(1)</script>".to_string()),
                Just("<SCRIPT src=//x.cn/a.js></SCRIPT>".to_string()),
                Just("<img src=x onerror=alert(1)>".to_string()),
                Just("<div onclick=\"alert(1)\">\n\n正文</div>".to_string()),
                Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
                Just("<!-- x --><iframe src=javascript:alert(1)>".to_string()),
                Just("<svg/onload=alert(1)>".to_string()),
                Just("<https://www.gov.cn>".to_string()),
                Just("<javascript:alert(1)>".to_string()),
                Just("<a@b.cn>".to_string()),
                Just("| a | b |\n|---|---|\n| <b onclick=x>1</b> | 2 |".to_string()),
                Just("[^1]\n\n[^1]: 注 <script>".to_string()),
                Just("```\n<script>\n```".to_string()),
                Just("~~删除~~ **粗** *斜* `<b>`".to_string()),
                Just("> 引用 <style>".to_string()),
                dest().prop_map(|d| format!("[链接]({d})")),
                dest().prop_map(|d| format!("[链接](<{d}> \"t\")")),
                dest().prop_map(|d| format!("![图]({d})")),
                dest().prop_map(|d| format!("[ref]\n\n[ref]: {d}")),
                "\\PC{0,16}",
                "[<>\"'&=/ a-z{}#\\[\\]()!:;]{0,24}",
            ]
        }

        fn document() -> impl Strategy<Value = String> {
            prop::collection::vec(
                (
                    fragment(),
                    prop_oneof![Just(""), Just(" "), Just("\n"), Just("\n\n")],
                ),
                0..12,
            )
            .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect())
        }

        proptest! {
            #![proptest_config(crate::proptest_config())]

            /// Whatever the Markdown, the HTML has no `<script`, no element
            /// with an `on…` attribute, and only `href`/`src` values the
            /// scheme allow-list accepts; every refused address is reported
            /// as a bad link (the report-prose check finds it too).
            #[test]
            fn rendered_markdown_cannot_run_script(src in document()) {
                let ix = LinkIndex::from_pairs(
                    "/xxgk/",
                    &[("tzgg/a.md", "tzgg/a.html"), ("", "index.html")],
                );
                let links = ix.for_page("tzgg/b.md");
                let out = render(&src, Some(&links));
                prop_assert_eq!(script_in(&out.html), None);
                for link in &out.links {
                    prop_assert_eq!(crate::scheme::refused(link), None);
                }
                // The refused addresses are exactly those the report-prose
                // check (the same decision, read without rendering) finds.
                let refused: Vec<_> = out
                    .bad_links
                    .iter()
                    .filter(|b| b.code.id == codes::LINK_SCHEME.id)
                    .map(|b| b.range.clone())
                    .collect();
                let prose: Vec<_> = crate::scheme::refused_in_markdown(&src)
                    .into_iter()
                    .map(|r| r.range)
                    .collect();
                prop_assert_eq!(refused, prose);
            }
        }
    }
}
