//! Markdown to HTML with pulldown-cmark, plus what a Chinese portal needs
//! on top of CommonMark: no space where a hard-wrapped line breaks between
//! two CJK characters, heading ids for in-page anchors, internal links
//! rewritten from source files to published URLs, and text as staff paste
//! it from Word, WPS and Excel (`line_breaks: paragraph`: one paragraph a
//! line, signature and contact lines marked by class; tab-separated lines
//! as a table; see [`paste`]).
//!
//! Tables (Markdown's and pasted ones) are written in a named, focusable
//! box the theme scrolls on a phone (`.table-scroll`), with `<th
//! scope="col">` and alignment as a class, never a `style` attribute.
//! Images load lazily (`loading="lazy"`), with their alt text from the
//! Markdown.
//!
//! Content must never run script. Raw HTML in Markdown is shown as text,
//! never passed through: staff paste from Word and web pages, and a stray
//! `<script>` must not reach citizens. Heading attributes keep only `id` and
//! `class` (class names limited to safe tokens), and a link or image whose
//! scheme is not allowed (see [`crate::scheme`]) is reported and written
//! with an empty address.

mod autolink;
mod paste;
mod stars;
use crate::config::LineBreaks;
use crate::diag::{Code, codes};
use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;
use std::ops::Range;

/// Decides what an internal link in Markdown points at.
pub(crate) trait LinkResolver {
    /// Returns the URL to write for `dest`, `Ok(None)` to keep it as written
    /// (external links, mail, in-page anchors), or `Err(message)` when `dest`
    /// names something inside the site that does not exist.
    fn resolve(&self, dest: &str) -> Result<Option<String>, String>;

    /// True when the absolute address `dest` is on the site's own host
    /// (its `base_url`'s): an image there is the site's, not another's.
    fn own_host(&self, _dest: &str) -> bool {
        false
    }
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

pub(crate) fn options() -> Options {
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

/// Renders Markdown as written (`line_breaks: join`), resolving links
/// through `links` when given.
pub(crate) fn render(src: &str, links: Option<&dyn LinkResolver>) -> Rendered {
    render_in(src, links, LineBreaks::Join)
}

/// Renders Markdown with the given `line_breaks` mode, resolving links
/// through `links` when given. Tab-separated blocks become tables in both
/// modes; with [`LineBreaks::Paragraph`] every line of text is its own
/// paragraph (see [`paste`]).
pub(crate) fn render_in(src: &str, links: Option<&dyn LinkResolver>, mode: LineBreaks) -> Rendered {
    let prepared = paste::prepare(src, mode);
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(&prepared.text, options())
        .into_offset_iter()
        .collect();
    let events = stars::keep_masks(&prepared.text, events);
    let mut w = Writer {
        mode,
        links,
        out: Rendered::default(),
        result: Vec::with_capacity(events.len()),
        ids: theme_ids(),
        containers: 0,
        flattened: 0,
        inline: 0,
        in_link: 0,
        paragraph: None,
        paras: Vec::new(),
        trim_next: false,
        image: None,
        table: None,
        tables: 0,
    };
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        if let Event::Start(Tag::Paragraph) = ev
            && let Some((Event::Text(t), _)) = events.get(i + 1)
            && let Some((Event::End(TagEnd::Paragraph), _)) = events.get(i + 2)
            && let Some(table) = prepared.table_of(t)
        {
            w.tab_table(table);
            i += 3;
            continue;
        }
        w.event(&events, i, ev, range);
        i += 1;
    }
    let mut out = w.finish();
    for b in &mut out.bad_links {
        b.range = prepared.source_offset(b.range.start)..prepared.source_offset(b.range.end);
    }
    out
}

/// A paragraph of the output, with `line_breaks: paragraph`.
struct Para {
    /// Index of its start event in the output events.
    start: usize,
    /// Index of its end event, once written.
    end: usize,
    /// Its text, for telling signature and contact lines.
    text: String,
    /// Not inside a list, quote or footnote.
    top: bool,
}

/// The state of one table being written.
struct TableState {
    aligns: Vec<Alignment>,
    head: bool,
    cell: usize,
}

/// Turns the parser's events into the events to write.
struct Writer<'a, 'l> {
    mode: LineBreaks,
    links: Option<&'l dyn LinkResolver>,
    out: Rendered,
    result: Vec<Event<'a>>,
    ids: HashMap<String, usize>,
    /// Depth of lists, quotes and footnotes.
    containers: usize,
    /// Lists, quotes and footnotes opened deeper than [`MAX_NESTING`],
    /// whose tags are left out.
    flattened: usize,
    /// Depth of links, images and emphasis.
    inline: usize,
    /// Depth of links and images: text in them is not made a link.
    in_link: usize,
    /// Index in `paras` of the paragraph being written (paragraph mode).
    paragraph: Option<usize>,
    paras: Vec<Para>,
    /// Drop the indent at the start of the next text.
    trim_next: bool,
    /// Where the image being written starts, and how many images are open.
    image: Option<(usize, usize)>,
    table: Option<TableState>,
    /// Tables written so far, to name each one.
    tables: usize,
}

impl<'a> Writer<'a, '_> {
    fn event(
        &mut self,
        events: &[(Event<'a>, Range<usize>)],
        i: usize,
        ev: &Event<'a>,
        range: &Range<usize>,
    ) {
        let paragraphs = self.mode == LineBreaks::Paragraph;
        if !matches!(ev, Event::Text(_)) {
            self.trim_next = false;
        }
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                let end = heading_end(events, i);
                let text = plain_text(&events[i + 1..end]);
                let id = match id {
                    Some(id) => CowStr::from(unique(&mut self.ids, id.to_string())),
                    None => CowStr::from(unique_id(&mut self.ids, &text)),
                };
                // Any other attribute (`onfocus`, `style`, …) could run
                // script or hide text, so only `id` and safe classes stay.
                self.result.push(Event::Start(Tag::Heading {
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
                self.inline += 1;
                self.in_link += 1;
                let dest = rewrite(dest_url, range, self.links, false, &mut self.out);
                self.result.push(Event::Start(Tag::Link {
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
                self.inline += 1;
                self.in_link += 1;
                let dest = rewrite(dest_url, range, self.links, true, &mut self.out);
                self.image = match self.image {
                    None => Some((self.result.len(), 1)),
                    Some((at, n)) => Some((at, n + 1)),
                };
                self.result.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::End(TagEnd::Image) => {
                self.inline = self.inline.saturating_sub(1);
                self.in_link = self.in_link.saturating_sub(1);
                self.result.push(Event::End(TagEnd::Image));
                match self.image {
                    Some((at, 1)) => {
                        self.image = None;
                        let img: Vec<Event<'a>> = self.result.drain(at..).collect();
                        let html =
                            remote_image_link(&img, self.links).unwrap_or_else(|| lazy_image(img));
                        self.result.push(Event::Html(CowStr::from(html)));
                    }
                    Some((at, n)) => self.image = Some((at, n - 1)),
                    None => {}
                }
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript,
            ) => {
                self.inline += 1;
                self.result.push(ev.clone());
            }
            Event::End(TagEnd::Link) => {
                self.inline = self.inline.saturating_sub(1);
                self.in_link = self.in_link.saturating_sub(1);
                self.result.push(ev.clone());
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {
                self.inline = self.inline.saturating_sub(1);
                self.result.push(ev.clone());
            }
            Event::Start(
                Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_),
            ) => {
                if self.containers >= MAX_NESTING {
                    self.flattened += 1;
                    return;
                }
                self.containers += 1;
                self.result.push(ev.clone());
            }
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
            ) => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                    return;
                }
                self.containers = self.containers.saturating_sub(1);
                self.result.push(ev.clone());
            }
            Event::Start(Tag::Paragraph) if paragraphs => self.open_paragraph(),
            Event::End(TagEnd::Paragraph) if paragraphs => self.close_paragraph(),
            Event::Start(Tag::Table(aligns)) => {
                self.tables += 1;
                self.result
                    .push(Event::Html(CowStr::from(table_open(self.tables))));
                self.table = Some(TableState {
                    aligns: aligns.clone(),
                    head: false,
                    cell: 0,
                });
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.head = true;
                    t.cell = 0;
                }
                self.result.push(Event::Html("<thead><tr>".into()));
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.head = false;
                }
                self.result
                    .push(Event::Html("</tr></thead>\n<tbody>\n".into()));
            }
            Event::Start(Tag::TableRow) => {
                if let Some(t) = &mut self.table {
                    t.cell = 0;
                }
                self.result.push(Event::Html("<tr>".into()));
            }
            Event::End(TagEnd::TableRow) => self.result.push(Event::Html("</tr>\n".into())),
            Event::Start(Tag::TableCell) => {
                let (head, align) = match &mut self.table {
                    Some(t) => {
                        t.cell += 1;
                        (t.head, t.aligns.get(t.cell - 1).copied())
                    }
                    None => (false, None),
                };
                let class = match align {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                let tag = if head {
                    format!("<th scope=\"col\"{class}>")
                } else {
                    format!("<td{class}>")
                };
                self.result.push(Event::Html(CowStr::from(tag)));
            }
            Event::End(TagEnd::TableCell) => {
                let head = self.table.as_ref().is_some_and(|t| t.head);
                self.result
                    .push(Event::Html(if head { "</th>" } else { "</td>" }.into()));
            }
            Event::End(TagEnd::Table) => {
                self.table = None;
                self.result
                    .push(Event::Html("</tbody></table></div>\n".into()));
            }
            Event::SoftBreak | Event::HardBreak
                if paragraphs && self.paragraph.is_some() && self.inline == 0 =>
            {
                // Each line of pasted text is a paragraph of its own.
                self.close_paragraph();
                self.open_paragraph();
            }
            Event::SoftBreak => {
                let before = last_char(&self.result);
                let after = events.get(i + 1).and_then(|(e, _)| first_char(e));
                let joined =
                    matches!((before, after), (Some(a), Some(b)) if is_wide(a) && is_wide(b));
                if !joined {
                    self.result.push(Event::SoftBreak);
                }
            }
            Event::Text(t) if self.trim_next => {
                let rest = t.trim_start_matches(INDENT);
                if !rest.is_empty() {
                    self.trim_next = false;
                    self.words(CowStr::from(rest.to_string()), range);
                }
            }
            Event::Text(t) => self.words(t.clone(), range),
            Event::Code(_) => self.text(ev.clone()),
            Event::Html(s) | Event::InlineHtml(s) => self.text(Event::Text(s.clone())),
            other => self.result.push(other.clone()),
        }
    }

    /// Writes text that was typed as text: an address in it becomes a
    /// link (`autolink`), outside links and images.
    fn words(&mut self, t: CowStr<'a>, range: &Range<usize>) {
        let pieces = if self.in_link == 0 {
            autolink::split(&t)
        } else {
            None
        };
        let Some(pieces) = pieces else {
            self.text(Event::Text(t));
            return;
        };
        for piece in pieces {
            match piece {
                autolink::Piece::Text(s) => self.text(Event::Text(CowStr::from(s.to_string()))),
                autolink::Piece::Link(shown, href) => {
                    let dest =
                        rewrite(&CowStr::from(href), range, self.links, false, &mut self.out);
                    // Marked, so that print does not add the address again.
                    let open = format!(
                        "<a class=\"url\" href=\"{}\">",
                        crate::render::escape::escape(&dest)
                    );
                    self.result.push(Event::Html(CowStr::from(open)));
                    self.text(Event::Text(CowStr::from(shown.to_string())));
                    self.result.push(Event::Html(CowStr::from("</a>")));
                }
            }
        }
    }

    /// Writes text, keeping the paragraph's text for telling its kind.
    fn text(&mut self, ev: Event<'a>) {
        if let (Some(p), Event::Text(t) | Event::Code(t)) = (self.paragraph, &ev) {
            self.paras[p].text.push_str(t);
        }
        self.result.push(ev);
    }

    fn open_paragraph(&mut self) {
        self.paras.push(Para {
            start: self.result.len(),
            end: 0,
            text: String::new(),
            top: self.containers == 0,
        });
        self.paragraph = Some(self.paras.len() - 1);
        self.result.push(Event::Start(Tag::Paragraph));
        self.trim_next = true;
    }

    /// Ends the paragraph being written; one that holds nothing (a line of
    /// spaces) is dropped.
    fn close_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            self.result.push(Event::End(TagEnd::Paragraph));
            return;
        };
        if self.result.len() == self.paras[p].start + 1 {
            self.result.pop();
            self.paras.pop();
        } else {
            self.paras[p].end = self.result.len();
            self.result.push(Event::End(TagEnd::Paragraph));
        }
        self.trim_next = false;
    }

    fn tab_table(&mut self, table: &paste::TabTable) {
        self.tables += 1;
        let mut html = table_open(self.tables);
        for (r, row) in table.rows.iter().enumerate() {
            if r == 0 {
                html.push_str("<thead>");
            } else if r == 1 {
                html.push_str("<tbody>\n");
            }
            html.push_str("<tr>");
            for cell in row {
                let cell = crate::render::escape::escape(cell);
                if r == 0 {
                    html.push_str(&format!("<th scope=\"col\">{cell}</th>"));
                } else {
                    html.push_str(&format!("<td>{cell}</td>"));
                }
            }
            html.push_str("</tr>");
            if r == 0 {
                html.push_str("</thead>");
            }
            html.push('\n');
        }
        if table.rows.len() < 2 {
            html.push_str("<tbody>");
        }
        html.push_str("</tbody></table></div>\n");
        self.result.push(Event::Html(CowStr::from(html)));
    }

    /// Gives signature and contact lines their class, and writes the HTML.
    fn finish(mut self) -> Rendered {
        if self.mode == LineBreaks::Paragraph {
            let top: Vec<&Para> = self.paras.iter().filter(|p| p.top).collect();
            let lines: Vec<(String, bool)> = top
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let follows = k > 0 && top[k - 1].end + 1 == p.start;
                    (p.text.trim().to_string(), follows)
                })
                .collect();
            let starts: Vec<usize> = top.iter().map(|p| p.start).collect();
            for (start, class) in starts.into_iter().zip(paste::line_classes(&lines)) {
                if let Some(class) = class.class() {
                    self.result[start] =
                        Event::Html(CowStr::from(format!("<p class=\"{class}\">")));
                }
            }
        }
        html::push_html(&mut self.out.html, self.result.into_iter());
        self.out
    }
}

/// What an indent is made of in pasted text: spaces of any width.
const INDENT: [char; 4] = [' ', '\u{3000}', '\u{a0}', '\t'];

/// The scrolling box and start of the `n`th table of a page: a phone
/// scrolls a wide table inside its box, which is named and focusable so
/// that it can be scrolled with the keyboard.
fn table_open(n: usize) -> String {
    format!(
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"表格{n}\" tabindex=\"0\"><table>\n"
    )
}

/// Written before the alt text of an image on another host, which is
/// shown as a link to it.
const REMOTE_IMAGE: &str = "图片（在其他网站上）：";

/// An image on another host as a link to it, so that no page loads
/// anything from another host (`check` reports it: `privacy.remote-image`);
/// `None` for an image of the site.
fn remote_image_link(img: &[Event<'_>], links: Option<&dyn LinkResolver>) -> Option<String> {
    let Some(Event::Start(Tag::Image {
        dest_url, title, ..
    })) = img.first()
    else {
        return None;
    };
    if !crate::scheme::names_a_host(dest_url) || links.is_some_and(|l| l.own_host(dest_url)) {
        return None;
    }
    let alt: String = img
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let events = [
        Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: dest_url.clone(),
            title: title.clone(),
            id: CowStr::from(""),
        }),
        Event::Text(CowStr::from(format!("{REMOTE_IMAGE}{alt}"))),
        Event::End(TagEnd::Link),
    ];
    let mut s = String::new();
    html::push_html(&mut s, events.into_iter());
    Some(s)
}

/// An image's HTML as the writer makes it (address and alt text escaped),
/// loaded only when it is scrolled to.
fn lazy_image(events: Vec<Event<'_>>) -> String {
    let mut s = String::new();
    html::push_html(&mut s, events.into_iter());
    match s.strip_suffix(" />") {
        Some(head) => format!("{head} loading=\"lazy\" />"),
        None => s,
    }
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
    let typed = heading_fragment(dest);
    let dest = typed.as_ref().unwrap_or(dest);
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

/// `dest` with its `#` part made a heading's id, when that part was typed
/// as the heading reads (`通知.md#二、检查重点` → `通知.md#二-检查重点`):
/// it has a mark or a space in it that no id of a heading has. An id as
/// given (`#二-检查重点`, a `{#plan_a}` of the writer's) is left as it is.
fn heading_fragment<'a>(dest: &CowStr<'a>) -> Option<CowStr<'a>> {
    let (path, fragment) = dest.split_once('#')?;
    // Another site's address keeps its own ids.
    if path.contains(':') {
        return None;
    }
    let typed = percent_encoding::percent_decode_str(fragment)
        .decode_utf8()
        .ok()?;
    let id_like = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    if typed.is_empty() || typed.chars().all(id_like) {
        return None;
    }
    let id = heading_id(&typed);
    Some(CowStr::from(format!("{path}#{id}")))
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
/// Ids the default theme's pages use (the skip link's `main`, the search
/// form's, the report page's headings): a heading never takes one, so the
/// page keeps one element per id and the theme's links their targets.
const THEME_IDS: &[&str] = &[
    "main",
    "search",
    "search-q",
    "search-hint",
    "search-sort",
    "site-search-q",
    "attachments-h",
    "latest-report",
    "report-chart-h",
    "report-downloads-h",
    "report-toc-h",
    "report-years-cap",
    "rollup-agencies",
    "rollup-agencies-cap",
    "rollup-agencies-h",
    "rollup-toc-h",
    "rollup-years-h",
];

/// [`THEME_IDS`] and the report pages' part ids (`part-3`, `part-3-h`), as
/// taken, for [`unique`].
fn theme_ids() -> HashMap<String, usize> {
    let parts = (1..=9).flat_map(|n| [format!("part-{n}"), format!("part-{n}-h")]);
    THEME_IDS
        .iter()
        .map(|id| (*id).to_string())
        .chain(parts)
        .map(|id| (id, 1))
        .collect()
}

/// Lists, quotes and footnotes nest at most this deep; deeper ones are
/// written at this depth. No text needs more, and a page nested thousands
/// deep takes a browser (and `check`'s parser) time that grows with the
/// square of the depth.
const MAX_NESTING: usize = 32;

/// `id`, or `id-1`, `id-2`, … when the page already has it. `seen` holds
/// every id given, each with the next number to try after it.
fn unique(seen: &mut HashMap<String, usize>, id: String) -> String {
    let Some(&next) = seen.get(&id) else {
        seen.insert(id.clone(), 1);
        return id;
    };
    let mut n = next;
    loop {
        let candidate = format!("{id}-{n}");
        n += 1;
        if !seen.contains_key(&candidate) {
            seen.insert(id, n);
            seen.insert(candidate.clone(), 1);
            return candidate;
        }
    }
}

fn unique_id(seen: &mut HashMap<String, usize>, text: &str) -> String {
    unique(seen, heading_id(text))
}

/// A heading's id before numbering (see [`unique`]).
fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "section".to_string()
    } else {
        id
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
    fn a_link_to_a_heading_as_it_reads_goes_to_its_id() {
        let html = to_html(
            "## 二、检查重点\n\n见[第二部分](#二、检查重点)、[同上](#二-检查重点)和[外站](https://a.example/x#二、甲)。\n",
        );
        assert!(html.contains("id=\"二-检查重点\""), "{html}");
        // Addresses are written percent-encoded: #二-检查重点.
        let id = "#%E4%BA%8C-%E6%A3%80%E6%9F%A5%E9%87%8D%E7%82%B9";
        assert_eq!(html.matches(&format!("href=\"{id}\"")).count(), 2, "{html}");
        assert!(
            html.contains("https://a.example/x#%E4%BA%8C%E3%80%81%E7%94%B2"),
            "{html}"
        );
        // A writer's own id is kept as given.
        let html = to_html("## 甲 {#Plan_A}\n\n[甲](#Plan_A)\n");
        assert!(html.contains("href=\"#Plan_A\""), "{html}");
    }

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
    fn headings_never_take_an_id_of_the_theme_or_of_each_other() {
        let html = to_html(
            "# Main\n\n## 二 {#main}\n\n## 三 {#x}\n\n## 四 {#x}\n\n## 五 {#main-1}\n\n### Part 3\n",
        );
        assert!(html.contains("<h2 id=\"main-1-1\">"), "{html}");
        assert!(html.contains("<h3 id=\"part-3-1\">"), "{html}");
        assert!(html.contains("<h1 id=\"main-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"main-2\">"), "{html}");
        assert!(html.contains("<h2 id=\"x\">"), "{html}");
        assert!(html.contains("<h2 id=\"x-1\">"), "{html}");
    }

    #[test]
    fn nesting_past_the_limit_is_written_at_the_limit() {
        let html = to_html(&format!("{}深处\n", "- ".repeat(5000)));
        assert_eq!(html.matches("<ul>").count(), MAX_NESTING / 2);
        assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
        assert!(html.contains("深处"), "{html}");
        let quotes = to_html(&format!("{}引用\n", "> ".repeat(5000)));
        assert_eq!(quotes.matches("<blockquote>").count(), MAX_NESTING);
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
            "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\" loading=\"lazy\" /> <a href=\"https://a\">c</a></p>\n"
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

    fn para(src: &str) -> String {
        render_in(src, None, LineBreaks::Paragraph).html
    }

    #[test]
    fn paragraph_mode_never_makes_lines_over_dashes_one_heading() {
        let html = para("第一行。\n第二行。\n---\n第三行。\n===\n");
        assert!(!html.contains("<h1") && !html.contains("<h2"), "{html}");
        assert!(html.contains("<p>第一行。</p>"), "{html}");
        assert!(html.contains("<p>第二行。</p>"), "{html}");
        assert!(html.contains("<hr"), "{html}");
        // Headings written on purpose stay.
        assert!(para("## 标题\n正文。").starts_with("<h2"));
    }

    #[test]
    fn paragraph_mode_makes_each_line_a_paragraph_without_its_indent() {
        assert_eq!(
            para("　　第一段。\n　　第二段。\n  第三段。\n\u{a0}\u{a0}第四段。"),
            "<p>第一段。</p>\n<p>第二段。</p>\n<p>第三段。</p>\n<p>第四段。</p>\n"
        );
        // A line of spaces only makes no empty paragraph.
        assert_eq!(para("一\n　　\n二"), "<p>一</p>\n<p>二</p>\n");
        // Trailing spaces (a hard break in Markdown) end a line too.
        assert_eq!(para("一  \n二"), "<p>一</p>\n<p>二</p>\n");
    }

    #[test]
    fn paragraph_mode_keeps_typed_numbers_as_typed() {
        assert_eq!(
            para("1．第一项\n2．第二项\n一、总体要求\n（一）工作目标\n3. 第三项\n5) 第五项"),
            "<p>1．第一项</p>\n<p>2．第二项</p>\n<p>一、总体要求</p>\n\
             <p>（一）工作目标</p>\n<p>3. 第三项</p>\n<p>5) 第五项</p>\n"
        );
        assert_eq!(
            para("1. 第一项\n2. 第二项"),
            "<p>1. 第一项</p>\n<p>2. 第二项</p>\n"
        );
        // Word's automatic numbering pasted as text: number, tab, text.
        assert_eq!(
            para("1.\t第一项\n2.\t第二项\n一、\t要求\n二、\t安排"),
            "<p>1.\t第一项</p>\n<p>2.\t第二项</p>\n<p>一、\t要求</p>\n<p>二、\t安排</p>\n"
        );
    }

    #[test]
    fn paragraph_mode_keeps_markdown_structure() {
        assert_eq!(
            para(
                "## 标题\n正文一\n正文二 **粗\n体** [链接](https://a)\n- 甲\n- 乙\n\n> 引一\n> 引二"
            ),
            "<h2 id=\"标题\">标题</h2>\n<p>正文一</p>\n\
             <p>正文二 <strong>粗体</strong> <a href=\"https://a\">链接</a></p>\n\
             <ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n\
             <blockquote>\n<p>引一</p>\n<p>引二</p>\n</blockquote>\n"
        );
        // Lines indented with spaces are text, not code; fenced code stays.
        assert_eq!(
            para("    为做好工作\n\n```\n  代码\n```"),
            "<p>为做好工作</p>\n<pre><code>  代码\n</code></pre>\n"
        );
    }

    #[test]
    fn paragraph_mode_signature_and_contact_lines_get_classes() {
        let html = para(
            "　　请各社区做好准备。\n联系人：张三\n联系电话：0571-12345678\n\
             大街街道办事处\n2024年3月1日",
        );
        assert_eq!(
            html,
            "<p>请各社区做好准备。</p>\n<p class=\"contact\">联系人：张三</p>\n\
             <p class=\"contact\">联系电话：0571-12345678</p>\n\
             <p class=\"signature\">大街街道办事处</p>\n<p class=\"signature\">2024年3月1日</p>\n"
        );
        // Join mode: today's Markdown, no classes.
        assert_eq!(
            to_html("联系人：张三\n大街街道办事处\n2024年3月1日"),
            "<p>联系人：张三大街街道办事处\n2024年3月1日</p>\n"
        );
    }

    #[test]
    fn tab_separated_lines_become_a_table_in_both_modes() {
        let src = "名单如下：\n姓名\t电话\n张三\t<b>1</b>\n李四\n";
        let table = "<div class=\"table-scroll\" role=\"region\" aria-label=\"表格1\" tabindex=\"0\"><table>\n\
             <thead><tr><th scope=\"col\">姓名</th><th scope=\"col\">电话</th></tr></thead>\n\
             <tbody>\n<tr><td>张三</td><td>&lt;b&gt;1&lt;/b&gt;</td></tr>\n</tbody></table></div>\n";
        assert_eq!(
            to_html(src),
            format!("<p>名单如下：</p>\n{table}<p>李四</p>\n")
        );
        assert_eq!(
            para(src),
            format!("<p>名单如下：</p>\n{table}<p>李四</p>\n")
        );
    }

    #[test]
    fn images_load_lazily_with_their_alt_text() {
        assert_eq!(
            to_html("![街道 <办事处>](a.jpg \"题\")"),
            "<p><img src=\"a.jpg\" alt=\"街道 &lt;办事处&gt;\" title=\"题\" loading=\"lazy\" /></p>\n"
        );
    }

    #[test]
    fn bad_links_point_into_the_source_in_paragraph_mode() {
        let src = "    缩进\n\na\tb\nc\td\n1. [x](javascript:y)";
        let r = render_in(src, None, LineBreaks::Paragraph);
        let at = src.find("[x]").unwrap_or_default();
        assert_eq!(r.bad_links.len(), 1);
        assert_eq!(r.bad_links[0].range, at..at + 17);
    }

    #[test]
    fn gfm_table_renders() {
        assert_eq!(
            to_html("| a | b |\n|:-:|---|\n| 1 | 2 |\n"),
            "<div class=\"table-scroll\" role=\"region\" aria-label=\"表格1\" tabindex=\"0\"><table>\n\
             <thead><tr><th scope=\"col\" class=\"align-center\">a</th><th scope=\"col\">b</th></tr></thead>\n\
             <tbody>\n<tr><td class=\"align-center\">1</td><td>2</td></tr>\n</tbody></table></div>\n"
        );
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
                Just("　　通知如下：\n1. 第一\n2) 第二\n    缩进 <script>".to_string()),
                Just(
                    "姓名\t<script>alert(1)</script>\n\t<img src=x onerror=alert(1)>\t3"
                        .to_string()
                ),
                Just("联系人：<b onclick=x>张</b>\n大街街道办事处\n2024年3月1日".to_string()),
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
            fn rendered_markdown_cannot_run_script(
                src in document(),
                paragraphs in any::<bool>(),
            ) {
                let ix = LinkIndex::from_pairs(
                    "/xxgk/",
                    &[("tzgg/a.md", "tzgg/a.html"), ("", "index.html")],
                );
                let links = ix.for_page("tzgg/b.md");
                let mode = if paragraphs { LineBreaks::Paragraph } else { LineBreaks::Join };
                let out = render_in(&src, Some(&links), mode);
                prop_assert_eq!(script_in(&out.html), None);
                for link in &out.links {
                    prop_assert_eq!(crate::scheme::refused(link), None);
                }
                for b in &out.bad_links {
                    prop_assert!(b.range.start <= b.range.end && b.range.end <= src.len());
                    prop_assert!(src.is_char_boundary(b.range.start), "{:?}", b.range);
                }
                // Pasted text changes what is a link (a table cell is
                // text, an indented line is no longer code), so the
                // ranges are compared with the prose check as written.
                if paragraphs || src.contains('\t') {
                    return Ok(());
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
