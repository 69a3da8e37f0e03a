//! Walks `content/` and parses every file of every configured column, in
//! parallel. Each file yields its value and its own diagnostics, so one bad
//! file never hides the findings of another.

use super::folders::{list_item_files, warn_unknown_files, warn_unknown_folders};
use super::frontmatter::{self, FrontMatter, col_of, line_of};
use super::{
    CONTENT_DIR, ColumnContent, Item, LoadOptions, Meta, Page, PubDate, Site, Source, check_slug,
    parse_date,
};
use crate::config::yaml_read::Mistakes;
use crate::config::{Column, ColumnKind, Config};
use crate::diag::{Diagnostic, codes, display_path};
use crate::fsx;
use crate::theme::Theme;
use rayon::prelude::*;
use serde_saphyr::Spanned;
use std::path::{Path, PathBuf};

/// One Markdown file to turn into an item.
pub(super) struct ItemFile {
    pub(super) path: PathBuf,
    /// Slug when the front matter gives none: the file stem, or the folder
    /// name for `item/index.md`.
    pub(super) default_slug: String,
}

/// Reads every column's content. Problems go to `diags`; the returned site
/// holds everything that could be read.
pub(crate) fn load(
    root: &Path,
    config: Config,
    theme: Theme,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Site {
    let content = root.join(CONTENT_DIR);
    let real_root = super::inside::real_root(root);
    if let Some(d) = super::inside::refused_link(root, &real_root, &content) {
        diags.push(d);
        return Site {
            config,
            columns: Vec::new(),
            theme,
        };
    }
    warn_unknown_folders(root, &content, &config, diags);
    let ctx = Ctx {
        root,
        real_root,
        organization: &config.organization,
        attachments: &config.attachments,
        line_breaks: config.line_breaks,
        opts,
    };
    // The columns side by side (one may be a big list, another reports
    // to parse); their findings in the columns' order.
    let loaded: Vec<(ColumnContent, Vec<Diagnostic>)> = config
        .columns
        .par_iter()
        .map(|column| {
            let mut found = Vec::new();
            (load_column(&ctx, &content, column, &mut found), found)
        })
        .collect();
    let columns = (loaded.into_iter())
        .map(|(column, found)| {
            diags.extend(found);
            column
        })
        .collect();
    Site {
        config,
        columns,
        theme,
    }
}

pub(super) struct Ctx<'a> {
    pub(super) root: &'a Path,
    /// The site folder as the file system resolves it (see `inside`).
    pub(super) real_root: PathBuf,
    pub(super) organization: &'a str,
    /// Which attachment types may be published.
    pub(super) attachments: &'a crate::config::Attachments,
    /// The site's `line_breaks:`.
    pub(super) line_breaks: crate::config::LineBreaks,
    pub(super) opts: &'a LoadOptions,
}

fn load_column(
    ctx: &Ctx<'_>,
    content: &Path,
    column: &Column,
    diags: &mut Vec<Diagnostic>,
) -> ColumnContent {
    let dir = content.join(&column.slug);
    let mut out = ColumnContent {
        column: column.clone(),
        page: None,
        items: Vec::new(),
        reports: Vec::new(),
        rollup: Vec::new(),
        scheduled: Vec::new(),
    };
    let index = dir.join("_index.md");
    for path in [&dir, &index] {
        if let Some(d) = super::inside::refused_link(ctx.root, &ctx.real_root, path) {
            diags.push(d);
            return out;
        }
    }
    if index.is_file() {
        out.page = load_page(ctx, column, &index, diags);
    }
    // A list column's folder is listed once, for its items and the other
    // files in it.
    let mut listed = None;
    match column.kind {
        ColumnKind::Page => {
            if out.page.is_none() && !index.is_file() {
                diags.push(Diagnostic::new(
                    &codes::UNPUBLISHED,
                    display_path(ctx.root, &index),
                    t!("content-page-missing", slug = &column.slug),
                ));
            }
        }
        ColumnKind::List => {
            let (files, others) = list_item_files(ctx, &dir, diags);
            listed = Some(others);
            let results: Vec<(Loaded, Vec<Diagnostic>)> = files
                .par_iter()
                .map(|f| {
                    let mut d = Vec::new();
                    let item = match known_item(ctx, f) {
                        Some(item) => dated(ctx, item, &mut d),
                        None => load_dated_item(ctx, column, f, &mut d),
                    };
                    (item, d)
                })
                .collect();
            // Collected where the results lie (the standard library reuses
            // their room): a big column's items are tens of megabytes,
            // and fresh memory costs more than moving them.
            out.items = (results.into_iter())
                .filter_map(|(item, d)| {
                    diags.extend(d);
                    match item {
                        Loaded::Item(item) => Some(item),
                        Loaded::Scheduled(s) => {
                            out.scheduled.push(s);
                            None
                        }
                        Loaded::Nothing => None,
                    }
                })
                .collect();
            sort_newest_first(&mut out.items);
            out.scheduled.sort_by(|a, b| a.rel.cmp(&b.rel));
        }
        ColumnKind::Reports => {
            out.reports = super::reports::load_reports(ctx, &dir, &column.slug, diags);
        }
        ColumnKind::Rollup => out.rollup = super::rollup::load(ctx.root, column, diags),
    }
    warn_unknown_files(ctx.root, &dir, &out, listed, diags);
    out
}

/// Sorts a list column's items newest first, then by slug, so the order
/// does not depend on the order files were read in.
pub(super) fn sort_newest_first(items: &mut [Item]) {
    // An item is hundreds of bytes: sorting places moves each of them many
    // times over on a big site, so the order is worked out on indices and
    // each item is then moved at most a few times.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&items[a], &items[b]);
        b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug))
    });
    // Place i takes the item at order[i]: follow each cycle of the
    // permutation once, marking places done.
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = order[at];
            order[at] = usize::MAX;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Reads a Markdown file and its front matter, pushing problems to `diags`.
/// The front matter's mistakes come back too: a file with any is read on,
/// for the rest of its mistakes, but not published.
fn read_markdown(
    root: &Path,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<(FrontMatter, Source, Mistakes)> {
    let shown = display_path(root, path);
    let bytes = match fsx::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::new(
                &codes::IO,
                &shown,
                crate::i18n::io_error(&e.source),
            ));
            return None;
        }
    };
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    let text = match fsx::decode_text(bytes) {
        Ok(t) => t,
        Err(fsx::TextError::NotUtf8 { line, message }) => {
            diags.push(Diagnostic::new(&codes::ENCODING, &shown, message).at_line(line));
            return None;
        }
        Err(fsx::TextError::Io(e)) => {
            diags.push(Diagnostic::new(
                &codes::IO,
                &shown,
                crate::i18n::io_error(&e.source),
            ));
            return None;
        }
    };
    let split = match frontmatter::split(&text) {
        Ok(s) => s,
        Err(bad) => {
            diags.push(Diagnostic::new(&codes::FRONT_MATTER, &shown, bad.message).at(bad.line, 1));
            return None;
        }
    };
    let read = frontmatter::parse(&shown, split.yaml);
    diags.extend(read.mistakes.found.iter().cloned());
    let fm = read.value?;
    let rel = path
        .strip_prefix(root.join(CONTENT_DIR))
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let source = Source {
        shown,
        path: path.to_path_buf(),
        rel,
        held: Some(split.body.to_string()),
        body_start: text.len() - split.body.len(),
        body_line: split.body_line,
        line_breaks: fm.line_breaks,
        hash,
    };
    Some((fm, source, read.mistakes))
}

fn required_title(
    fm: &FrontMatter,
    source: &Source,
    mistakes: &Mistakes,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match fm.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(t.to_string()),
        _ if mistakes.accounts_for("title") => None,
        _ => {
            diags.push(
                Diagnostic::new(&codes::FRONT_MATTER, &source.shown, t!("content-no-title"))
                    .at(1, 1)
                    .with_hint(t!("content-no-title-hint")),
            );
            None
        }
    }
}

/// The date written in `d` (`date:` of `source`'s front matter), or None
/// with the reason pushed at it.
fn date_of(d: &Spanned<String>, source: &Source, diags: &mut Vec<Diagnostic>) -> Option<PubDate> {
    parse_date(&d.value)
        .map_err(|msg| {
            diags.push(
                Diagnostic::new(&codes::FRONT_MATTER, &source.shown, msg).at(line_of(d), col_of(d)),
            );
        })
        .ok()
}

fn load_page(
    ctx: &Ctx<'_>,
    column: &Column,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let (fm, source, mistakes) = read_markdown(ctx.root, path, diags)?;
    let title = required_title(&fm, &source, &mistakes, diags)?;
    if !mistakes.is_empty() {
        return None;
    }
    let files = match column.kind {
        ColumnKind::Page => super::attachments::beside(ctx, &column.slug, &source, &[], diags)?,
        _ => Vec::new(),
    };
    let mode = source
        .line_breaks
        .or(column.line_breaks)
        .unwrap_or(ctx.line_breaks);
    super::body::notes(&source, mode, None, diags);
    // A page column's 更新日期; a list column's introduction has none. A
    // bad date is said, and the page is kept (it is not missing).
    let updated = match (&fm.date, column.kind) {
        (Some(d), ColumnKind::Page) => date_of(d, &source, diags),
        _ => None,
    };
    Some(Page {
        title,
        summary: fm.summary,
        files,
        updated,
        source,
    })
}

/// What one item file gives. Not boxed: a column's items are collected
/// in the room of its results.
#[allow(clippy::large_enum_variant)]
enum Loaded {
    /// An item to publish.
    Item(Item),
    /// An item dated after the cutoff: left out this time.
    Scheduled(super::Scheduled),
    /// Nothing (a draft, or a file with errors).
    Nothing,
}

/// Loads an item, leaving it out with a notice when it is dated after
/// [`LoadOptions::publish_until`].
fn load_dated_item(
    ctx: &Ctx<'_>,
    column: &Column,
    file: &ItemFile,
    diags: &mut Vec<Diagnostic>,
) -> Loaded {
    match load_item(ctx, column, file, diags) {
        None => Loaded::Nothing,
        Some(item) => dated(ctx, item, diags),
    }
}

/// The item, or what is left out of it when it is dated after the cutoff.
fn dated(ctx: &Ctx<'_>, item: Item, diags: &mut Vec<Diagnostic>) -> Loaded {
    match scheduled(ctx, &item, diags) {
        Some(s) => Loaded::Scheduled(s),
        None => Loaded::Item(item),
    }
}

/// The item of `file` as the last build loaded it, when its bytes are the
/// same (see [`super::known`]).
fn known_item(ctx: &Ctx<'_>, file: &ItemFile) -> Option<Item> {
    let known = ctx.opts.known.as_deref().filter(|k| !k.is_empty())?;
    known.take(ctx.root, &display_path(ctx.root, &file.path))
}

/// When `item` is dated after the cutoff: pushes the notice and returns
/// what is left out.
pub(super) fn scheduled(
    ctx: &Ctx<'_>,
    item: &Item,
    diags: &mut Vec<Diagnostic>,
) -> Option<super::Scheduled> {
    let cutoff = ctx.opts.publish_until?;
    if item.date.date() <= cutoff {
        return None;
    }
    let mut d = Diagnostic::new(
        &codes::FUTURE,
        &item.source.shown,
        t!(
            "content-future-item",
            date = item.date.display(),
            today = cutoff.to_string()
        ),
    );
    if let Some((line, col)) = item.date_at {
        d = d.at(line, col);
    }
    diags.push(d);
    Some(super::Scheduled {
        rel: item.source.rel.clone(),
        out_path: item.out_path.clone(),
        date: item.date,
    })
}

pub(super) fn load_item(
    ctx: &Ctx<'_>,
    column: &Column,
    file: &ItemFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<Item> {
    let (fm, source, mistakes) = read_markdown(ctx.root, &file.path, diags)?;
    if fm.draft && !ctx.opts.drafts {
        return None;
    }
    let before = diags.len();
    let title = required_title(&fm, &source, &mistakes, diags);
    let date = match &fm.date {
        None if mistakes.accounts_for("date") => None,
        None => {
            diags.push(
                Diagnostic::new(&codes::FRONT_MATTER, &source.shown, t!("content-no-date"))
                    .at(1, 1)
                    .with_hint(t!("content-no-date-hint")),
            );
            None
        }
        Some(d) => date_of(d, &source, diags),
    };
    if let Some(w) = &fm.written
        && let Err(msg) = parse_date(&w.value)
    {
        diags.push(
            Diagnostic::new(
                &codes::FRONT_MATTER,
                &source.shown,
                t!("content-written-date", problem = msg),
            )
            .at(line_of(w), col_of(w)),
        );
    }
    // `[a，b]` reads as one item with a full-width comma in it.
    for a in fm.aliases.iter().filter(|a| a.value.contains('，')) {
        let at = a
            .value
            .find('，')
            .map_or(0, |i| a.value[..i].chars().count() as u32);
        diags.push(
            Diagnostic::new(&codes::YAML, &source.shown, t!("yaml-full-width-comma"))
                .at(line_of(a), col_of(a) + at),
        );
    }
    let slug = match &fm.slug {
        Some(s) => {
            if let Err(msg) = check_slug(&s.value) {
                diags.push(
                    Diagnostic::new(&codes::FRONT_MATTER, &source.shown, msg)
                        .at(line_of(s), col_of(s)),
                );
            }
            s.value.clone()
        }
        None => {
            if let Err(msg) = check_slug(&file.default_slug) {
                diags.push(Diagnostic::new(
                    &codes::FRONT_MATTER,
                    &source.shown,
                    t!("content-slug-from-file-name", problem = msg),
                ));
            }
            file.default_slug.clone()
        }
    };
    let dir = file.path.parent().unwrap_or(ctx.root);
    let attachments = super::attachments::load(ctx, dir, &column.slug, &slug, &fm, &source, diags);
    if diags.len() > before || !mistakes.is_empty() {
        return None;
    }
    let out_dir = format!("{}/{slug}", column.slug);
    let files = super::attachments::beside(ctx, &out_dir, &source, &attachments, diags)?;
    let mode = source
        .line_breaks
        .or(column.line_breaks)
        .unwrap_or(ctx.line_breaks);
    super::body::notes(&source, mode, Some(attachments.len()), diags);
    // Read again when the item's page is rendered (see `Source::body`).
    let source = Source {
        held: None,
        ..source
    };
    Some(Item {
        title: title?,
        date: date?,
        out_path: format!("{}/{slug}.html", column.slug),
        slug,
        slug_at: fm.slug.as_ref().map(|s| (line_of(s), col_of(s))),
        date_at: fm.date.as_ref().map(|d| (line_of(d), col_of(d))),
        summary: fm.summary,
        meta: Meta {
            index_no: fm.index_no,
            doc_no: fm.doc_no,
            publisher: fm.publisher.unwrap_or_else(|| ctx.organization.to_string()),
            written: fm
                .written
                .and_then(|w| parse_date(&w.value).ok())
                .map(|d| d.date_string()),
            topic: fm.topic,
            validity: fm.validity,
        },
        attachments,
        files,
        draft: fm.draft,
        aliases: fm
            .aliases
            .iter()
            .map(|a| (a.value.clone(), line_of(a), col_of(a)))
            .collect(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorting by places gives the order a plain sort gives, whatever the
    /// order the files were read in (ties of dates broken by slug).
    #[test]
    fn newest_first_is_the_plain_sort_in_any_starting_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diags = Vec::new();
        let config = crate::config::load(root, &Default::default(), &mut diags).expect("config");
        let theme = crate::theme::load(root, &config.theme, &mut diags);
        let site = super::load(root, config, theme, &LoadOptions::default(), &mut diags);
        let mut items: Vec<Item> = site.columns.iter().flat_map(|c| c.items.clone()).collect();
        // Same dates, to need the slugs.
        let copies: Vec<Item> = items.iter().take(3).cloned().collect();
        for (n, mut c) in copies.into_iter().enumerate() {
            c.slug = format!("copy{n}");
            items.push(c);
        }
        assert!(items.len() > 10);
        let mut state = 12345u64;
        for _ in 0..50 {
            // Shuffle (Fisher-Yates with a fixed generator).
            for i in (1..items.len()).rev() {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                items.swap(i, (state >> 33) as usize % (i + 1));
            }
            let mut plain = items.clone();
            plain.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
            sort_newest_first(&mut items);
            let slugs = |v: &[Item]| v.iter().map(|i| i.slug.clone()).collect::<Vec<_>>();
            assert_eq!(slugs(&items), slugs(&plain));
        }
    }
}
