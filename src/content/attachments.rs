//! An item's attachments: the files its front matter lists, found beside
//! it, and judged before anything is published. Only types on the
//! allow-list (`config::Attachments`) pass, and a file that resolves
//! outside the site folder (a symbolic link to `/etc/passwd` named
//! 附件1.pdf) is refused: a static host sends whatever it is given, and a
//! browser runs an `.html` or `.svg` opened from the site's own address.
//!
//! The same rules hold for the files a page's text links by their plain
//! name (`![照片](photo.jpg)`, `[下载](表格.xlsx)`) beside its `index.md`
//! (a folder item) or `_index.md` (a page column): [`beside`] finds them
//! and they are published next to the page.

use super::frontmatter::{FrontMatter, RawAttachment, col_of, line_of};
use super::load::Ctx;
use super::{Attachment, Source};
use crate::diag::{Diagnostic, LineIndex, codes, display_path, nearest};
use crate::fsx;
use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

/// Reads the attachments an item lists, pushing a located error for each
/// one that is missing, outside the item's folder or the site, or of a
/// type that is not allowed.
pub(super) fn load(
    ctx: &Ctx<'_>,
    dir: &Path,
    column: &str,
    slug: &str,
    fm: &FrontMatter,
    source: &Source,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Attachment> {
    let mut seen = std::collections::HashSet::new();
    let mut said = Vec::new();
    let entries: Vec<Entry> = fm
        .attachments
        .iter()
        .filter_map(|spanned| {
            let (line, col) = (line_of(spanned), col_of(spanned));
            let (file, title) = match &spanned.value {
                RawAttachment::Name(f) => (f.clone(), None),
                RawAttachment::Full { file, title, other } => {
                    for key in other.keys() {
                        let d = Diagnostic::new(
                            &codes::FRONT_MATTER,
                            &source.shown,
                            t!("content-attachment-key", key = key.as_str()),
                        )
                        .at(line, col);
                        said.push(match nearest(key, ["file", "title"]) {
                            Some(n) => d.with_hint(t!("yaml-did-you-mean", key = n)),
                            None => d,
                        });
                    }
                    (file.clone(), title.clone())
                }
            };
            // The same file listed twice would be published twice.
            if !seen.insert(file.clone()) {
                said.push(
                    Diagnostic::new(
                        &codes::FRONT_MATTER,
                        &source.shown,
                        t!("content-attachment-twice", file = file.as_str()),
                    )
                    .with_severity(crate::diag::Severity::Warning)
                    .at(line, col),
                );
                return None;
            }
            Some(Entry {
                file,
                title,
                line,
                col,
            })
        })
        .collect();
    diags.extend(said);
    let entries = entries.into_iter();
    load_entries(
        ctx,
        dir,
        &format!("{column}/{slug}"),
        entries,
        &source.shown,
        diags,
    )
}

/// One file an `attachments:` list names, where it is named.
pub(super) struct Entry {
    /// The file, relative to the folder of the file that lists it.
    pub(super) file: String,
    /// The title to show, when given.
    pub(super) title: Option<String>,
    /// Line and column of the entry.
    pub(super) line: u32,
    /// Column of the entry.
    pub(super) col: u32,
}

/// Checks the files an `attachments:` list names (an item's front matter
/// or an annual report's YAML, `shown`) in `dir`, and places each under
/// `out_dir` of the output as 附件N.
pub(super) fn load_entries(
    ctx: &Ctx<'_>,
    dir: &Path,
    out_dir: &str,
    entries: impl Iterator<Item = Entry>,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Attachment> {
    let root = ctx.root;
    let mut out = Vec::new();
    for (i, entry) in entries.enumerate() {
        let Entry {
            file,
            title,
            line,
            col,
        } = entry;
        if file.split(['/', '\\']).any(|p| p == "..") || Path::new(&file).is_absolute() {
            diags.push(
                Diagnostic::new(
                    &codes::ATTACHMENT,
                    shown,
                    t!("attachment-outside-folder", file = &file),
                )
                .at_line(line),
            );
            continue;
        }
        let path = dir.join(&file);
        let size = match fsx::file_size(&path) {
            Ok(s) if path.is_file() => s,
            _ => {
                diags.push(
                    Diagnostic::new(
                        &codes::ATTACHMENT,
                        shown,
                        t!("attachment-missing", file = &file),
                    )
                    .at_line(line)
                    .with_hint(t!(
                        "attachment-missing-hint",
                        path = &display_path(root, &path)
                    )),
                );
                continue;
            }
        };
        let file_name = Path::new(&file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        let ext = Path::new(&file_name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if let Some(d) = unsafe_file(ctx, &path, &file, &ext, Kind::Attachment) {
            diags.push(d.in_file(shown, None).at(line, col));
            continue;
        }
        let number = i + 1;
        let out_name = if ext.is_empty() {
            format!("附件{number}")
        } else {
            format!("附件{number}.{ext}")
        };
        out.push(Attachment {
            number,
            title: title.unwrap_or_else(|| file_name.clone()),
            file_name,
            file_type: if ext.is_empty() {
                "文件".into()
            } else {
                ext.to_uppercase()
            },
            size,
            source: path,
            out_path: format!("{out_dir}/{out_name}"),
            line,
        });
    }
    out
}

/// What a file to publish is to the user: an attachment listed in the
/// front matter, or a file the text links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Attachment,
    Linked,
}

/// Why a file that exists must not be published: a link to a file outside
/// the site, or a type that is not on the allow-list. The finding has no
/// file yet.
fn unsafe_file(
    ctx: &Ctx<'_>,
    path: &Path,
    file: &str,
    ext: &str,
    kind: Kind,
) -> Option<Diagnostic> {
    let resolved = std::fs::canonicalize(path).ok();
    let site = std::fs::canonicalize(ctx.root).ok();
    let inside = matches!((&resolved, &site), (Some(r), Some(s)) if r.starts_with(s));
    let linked = kind == Kind::Linked;
    if !inside {
        let message = if linked {
            t!("linked-file-outside-site", file = file)
        } else {
            t!("attachment-outside-site", file = file)
        };
        return Some(
            Diagnostic::site_wide(&codes::ATTACHMENT_OUTSIDE, message)
                .with_hint(t!("attachment-outside-site-hint")),
        );
    }
    if ext.is_empty() {
        return Some(Diagnostic::site_wide(
            &codes::ATTACHMENT_TYPE,
            t!("attachment-no-type", file = file),
        ));
    }
    if ctx.attachments.allows(ext) {
        return None;
    }
    let message = if linked {
        t!("linked-file-type", file = file, ext = ext)
    } else {
        t!("attachment-type", file = file, ext = ext)
    };
    Some(
        Diagnostic::site_wide(&codes::ATTACHMENT_TYPE, message)
            .with_hint(t!("attachment-type-hint", ext = ext)),
    )
}

/// A file that a page's text links by its plain name, found beside the
/// page's Markdown file and published next to the page. Two are equal when
/// they publish the same file at the same place, wherever the link is.
#[derive(Debug, Clone, Eq, serde::Serialize)]
pub struct LinkedFile {
    /// Its path relative to `content/`, `/`-separated
    /// (`tzgg/2024-notice/photo.jpg`): the address the text's link resolves
    /// to.
    pub rel: String,
    /// The file on disk.
    #[serde(skip)]
    pub source: PathBuf,
    /// Output path relative to the site root
    /// (`tzgg/2024-notice/photo.jpg`).
    pub out_path: String,
    /// Line and column of the first link to it, for messages.
    #[serde(skip)]
    pub at: (u32, u32),
}

impl PartialEq for LinkedFile {
    fn eq(&self, other: &Self) -> bool {
        (&self.rel, &self.source, &self.out_path) == (&other.rel, &other.source, &other.out_path)
    }
}

impl std::hash::Hash for LinkedFile {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (&self.rel, &self.source, &self.out_path).hash(state);
    }
}

/// The files `source`'s text links by a plain name beside it, each checked
/// as attachments are; `out_dir` is the folder the page's files are
/// published in (`tzgg/2024-notice`, or a page column's `gkzn`).
///
/// Only a page in a folder of its own (`…/index.md`, a page column's
/// `_index.md`) has files beside it: a link from a single-file item is left
/// to the link index. A file the front matter lists as an attachment is the
/// attachment. An image without alt text is a warning. Returns `None` when
/// it pushed an error.
pub(super) fn beside(
    ctx: &Ctx<'_>,
    out_dir: &str,
    source: &Source,
    attachments: &[Attachment],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<LinkedFile>> {
    let mut files: Vec<LinkedFile> = Vec::new();
    let folder = source
        .rel
        .strip_suffix("/index.md")
        .or_else(|| source.rel.strip_suffix("/_index.md"));
    // Read while the file is: the body is in memory.
    let body = source.held.as_deref().unwrap_or_default();
    // Most pages link nothing beside them and show no image: no parse.
    let links = folder.is_some() && body.contains(']');
    if !links && !body.contains("![") {
        return Some(files);
    }
    let dir = ctx.root.join(super::CONTENT_DIR).join(folder.unwrap_or(""));
    let lines = LineIndex::new(body, source.body_line);
    let mut errors = false;
    let mut image: Option<(String, std::ops::Range<usize>, String)> = None;
    let parser = Parser::new_ext(body, crate::render::markdown::options()).into_offset_iter();
    for (event, range) in parser {
        let dest = match &event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                if image.is_none() {
                    image = Some((dest_url.to_string(), range.clone(), String::new()));
                }
                dest_url
            }
            Event::Start(Tag::Link { dest_url, .. }) => dest_url,
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, alt)) = &mut image {
                    alt.push_str(t);
                }
                continue;
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, r, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    let (line, col) = lines.line_col(r.start);
                    diags.push(
                        Diagnostic::new(
                            &codes::IMAGE_ALT,
                            &source.shown,
                            t!("image-no-alt", file = &dest),
                        )
                        .at(line, col),
                    );
                }
                continue;
            }
            _ => continue,
        };
        let Some(folder) = folder else { continue };
        let Some(name) = plain_name(dest) else {
            continue;
        };
        let path = dir.join(&name);
        // An attachment, named as in the front matter or as published.
        let published = format!("{out_dir}/{name}");
        if attachments
            .iter()
            .any(|a| a.source == path || a.out_path == published)
        {
            continue;
        }
        let rel = if folder.is_empty() {
            name.clone()
        } else {
            format!("{folder}/{name}")
        };
        if files.iter().any(|f| f.rel == rel) {
            continue;
        }
        let (line, col) = lines.line_col(range.start);
        if !path.is_file() {
            let md = if source.rel.ends_with("/_index.md") {
                "_index.md"
            } else {
                "index.md"
            };
            diags.push(
                Diagnostic::new(
                    &codes::ATTACHMENT,
                    &source.shown,
                    t!("linked-file-missing", file = &name),
                )
                .at(line, col)
                .with_hint(t!(
                    "linked-file-missing-hint",
                    dir = &display_path(ctx.root, &dir),
                    md = md
                )),
            );
            errors = true;
            continue;
        }
        let ext = Path::new(&name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if let Some(d) = unsafe_file(ctx, &path, &name, &ext, Kind::Linked) {
            diags.push(d.in_file(&source.shown, None).at(line, col));
            errors = true;
            continue;
        }
        files.push(LinkedFile {
            out_path: published,
            rel,
            source: path,
            at: (line, col),
        });
    }
    (!errors).then_some(files)
}

/// The path, relative to the page's folder and `/`-separated, of a link
/// that names a file beside the page: relative, inside the folder, with a
/// file type that is not a page's (`.md`, `.html`). `None` for anything else (web
/// addresses, anchors, pages, addresses from the site's root).
fn plain_name(dest: &str) -> Option<String> {
    if dest.is_empty() || dest.starts_with(['#', '/', '\\']) || super::index::is_external(dest) {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let name = super::index::normalise(&decoded)?;
    if name.is_empty()
        || name.ends_with('/')
        || decoded.contains('\\')
        || name.chars().any(char::is_control)
        || name.starts_with('.')
        || name.contains("/.")
    {
        return None;
    }
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    match ext.as_deref() {
        None | Some("md" | "html" | "htm") => None,
        _ => Some(name),
    }
}

#[cfg(test)]
mod tests {
    use super::plain_name;

    #[test]
    fn plain_names_are_files_inside_the_folder() {
        assert_eq!(plain_name("photo.jpg"), Some("photo.jpg".into()));
        assert_eq!(
            plain_name("./图/照片%201.jpg#x"),
            Some("图/照片 1.jpg".into())
        );
        assert_eq!(plain_name("表格.xlsx"), Some("表格.xlsx".into()));
        for not in [
            "../x.jpg",
            "/static/a.png",
            "https://a/b.jpg",
            "mailto:a@b.cn",
            "#top",
            "a.md",
            "b.html",
            "dir/",
            ".hidden.jpg",
            "a\\b.jpg",
            "说明",
            "",
        ] {
            assert_eq!(plain_name(not), None, "{not}");
        }
    }
}
