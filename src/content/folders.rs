//! What a column's folder holds besides what it publishes: the Markdown
//! files of a list column (`*.md` and `<folder>/index.md`), and the files
//! and folders nothing publishes, each a warning naming it, since staff who
//! drop a file into `content/` expect it to show.

use super::load::{Ctx, ItemFile};
use super::{ColumnContent, inside};
use crate::config::{ColumnKind, Config};
use crate::diag::{Diagnostic, codes, display_path};
use crate::fsx;
use std::path::Path;

/// Files in a column's folder that nothing publishes: not a Markdown item,
/// not `_index.md`, not a report, and not named by any Markdown or report
/// file of the folder (as an attachment, an image or a link; read as text,
/// so a file that failed to load still counts). Each is a warning naming it,
/// since staff who drop `新建文本文档.txt` or a Word file there expect it to
/// show. Files beside a folder item's `index.md` are that item's business;
/// system litter (`.DS_Store`, `Thumbs.db`, `desktop.ini`, hidden files,
/// editors' backups) is passed over.
/// `listed`: the names of the files of the folder that are not Markdown,
/// when its listing for the items gave them already.
pub(super) fn warn_unknown_files(
    root: &Path,
    dir: &Path,
    col: &ColumnContent,
    listed: Option<Vec<String>>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut names = match listed {
        Some(names) => names,
        None => {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            // A list column's folder holds thousands of items: those are
            // passed over before anything else is asked or kept of them.
            let list = col.column.kind == ColumnKind::List;
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    (!(list && is_markdown_name(&name)) && is_file(&e)).then_some(name)
                })
                .collect()
        }
    };
    names.sort();
    let mut texts: Option<Vec<String>> = None;
    for name in names {
        let path = dir.join(&name);
        let lower = name.to_lowercase();
        let known = match col.column.kind {
            ColumnKind::List => lower.ends_with(".md"),
            ColumnKind::Page => name == "_index.md",
            ColumnKind::Reports => {
                name == "_index.md" || lower.ends_with(".yaml") || lower.ends_with(".yml")
            }
            ColumnKind::Rollup => name == "_index.md",
        };
        if known
            || name.starts_with('.')
            || is_editor_temp(&name)
            || matches!(lower.as_str(), "thumbs.db" | "desktop.ini")
        {
            continue;
        }
        // Read only when there is a file to ask about.
        let texts = texts.get_or_insert_with(|| texts_of_folder(dir));
        if texts.iter().any(|t| t.contains(&name)) {
            continue;
        }
        let shown = display_path(root, &path);
        let d = if let Some(original) = name.strip_prefix("~$") {
            Diagnostic::new(
                &codes::UNPUBLISHED,
                shown,
                t!(
                    "content-office-lock-file",
                    name = &name,
                    original = original
                ),
            )
        } else if col.column.kind == ColumnKind::List && lower.ends_with(".markdown") {
            Diagnostic::new(
                &codes::UNPUBLISHED,
                shown,
                t!("content-unknown-file", name = &name),
            )
            .with_hint(t!("content-unknown-file-rename-md"))
        } else {
            Diagnostic::new(
                &codes::UNPUBLISHED,
                shown,
                t!("content-unknown-file", name = &name),
            )
            .with_hint(t!("content-unknown-file-hint"))
        };
        diags.push(d);
    }
}

/// The text of every Markdown and YAML file directly in `dir`. Links are
/// not read: one leading out of the site is refused, unread (it may lead
/// anywhere, `/dev/zero` included).
fn texts_of_folder(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "yaml" || e == "yml")
        })
        .filter_map(|p| fsx::read_text(&p).ok())
        .collect()
}

pub(super) fn warn_unknown_folders(
    root: &Path,
    content: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) {
    let Ok(entries) = std::fs::read_dir(content) else {
        // A site of rollup columns only reads other sites' reports.
        if config.columns.iter().all(|c| c.kind == ColumnKind::Rollup) {
            return;
        }
        diags.push(Diagnostic::new(
            &codes::UNPUBLISHED,
            display_path(root, content),
            t!("content-no-content-folder"),
        ));
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !config.columns.iter().any(|c| c.slug == name) {
            // A folder named as a column is titled (通知公告) means that
            // column, whose folder is its slug (tzgg).
            let titled = config.columns.iter().find(|c| c.title == name);
            let hint = match titled {
                Some(c) => Some(t!(
                    "content-column-title-not-folder",
                    title = c.title.as_str(),
                    slug = c.slug.as_str()
                )),
                None => crate::diag::nearest(&name, config.columns.iter().map(|c| c.slug.as_str()))
                    .map(|s| t!("content-not-a-column-hint", slug = s)),
            };
            let mut d = Diagnostic::new(
                &codes::UNPUBLISHED,
                display_path(root, &entry.path()),
                t!("content-not-a-column", name = &name),
            );
            if let Some(h) = hint {
                d = d.with_hint(h);
            }
            diags.push(d);
        } else if entry.path().is_file()
            && !name.starts_with('.')
            && !is_editor_temp(&name)
            && !matches!(name.to_lowercase().as_str(), "thumbs.db" | "desktop.ini")
        {
            diags.push(
                Diagnostic::new(
                    &codes::UNPUBLISHED,
                    display_path(root, &entry.path()),
                    t!("content-file-outside-columns", name = &name),
                )
                .with_hint(t!("content-file-outside-columns-hint")),
            );
        }
    }
}

/// True for a name ending in `.md` in any case.
fn is_markdown_name(name: &str) -> bool {
    name.len() >= 3 && name.as_bytes()[name.len() - 3..].eq_ignore_ascii_case(b".md")
}

/// The Markdown files of a list column: `*.md` beside `_index.md`, and
/// `<folder>/index.md`; with the names of its other files that are not
/// Markdown (for [`warn_unknown_files`]).
pub(super) fn list_item_files(
    ctx: &Ctx<'_>,
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<ItemFile>, Vec<String>) {
    let root = ctx.root;
    let mut files = Vec::new();
    let mut others = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(_) => return (Vec::new(), Vec::new()),
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::new(
                    &codes::IO,
                    display_path(root, dir),
                    t!("content-cannot-list", reason = crate::i18n::io_error(&e)),
                ));
                continue;
            }
        };
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            diags.push(Diagnostic::new(
                &codes::ENCODING,
                display_path(root, &path),
                t!("content-bad-file-name"),
            ));
            continue;
        };
        if name.starts_with('.') || is_editor_temp(&name) {
            continue;
        }
        // A folder or a Markdown file that is a link out of the site is
        // not read (other files are the attachments' to judge).
        let refused = || {
            entry
                .file_type()
                .is_ok_and(|t| t.is_symlink())
                .then(|| inside::refused(root, &ctx.real_root, &path))
                .flatten()
        };
        if (is_dir(&entry) || is_markdown_name(&name))
            && let Some(d) = refused()
        {
            diags.push(d);
            continue;
        }
        if is_dir(&entry) {
            let index = path.join("index.md");
            if let Some(d) = inside::refused_link(root, &ctx.real_root, &index) {
                diags.push(d);
                continue;
            }
            if index.is_file() {
                let file = ItemFile {
                    path: index,
                    default_slug: name.clone(),
                };
                files.push((name, file));
            } else {
                diags.push(
                    Diagnostic::new(
                        &codes::UNPUBLISHED,
                        display_path(root, &path),
                        t!("content-folder-without-index", name = &name),
                    )
                    .with_hint(t!("content-folder-without-index-hint")),
                );
            }
        } else if let Some(stem) = name.strip_suffix(".md")
            && name != "_index.md"
        {
            let file = ItemFile {
                path,
                default_slug: stem.to_string(),
            };
            files.push((name, file));
        } else if !is_markdown_name(&name) && is_file(&entry) {
            others.push(name);
        }
    }
    // Each is `dir/NAME` or `dir/NAME/index.md`, one per name: in the
    // order of their paths, compared by name alone (as text, which is
    // much quicker than comparing paths part by part).
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (files.into_iter().map(|(_, file)| file).collect(), others)
}

/// True for a folder, or a link to one. The type comes with the listing on
/// most file systems, so this only asks the file system again for links
/// (thousands of items: one question less each).
fn is_dir(entry: &std::fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(t) if !t.is_symlink() => t.is_dir(),
        _ => entry.path().is_dir(),
    }
}

/// True for a file, or a link to one (as [`is_dir`]).
fn is_file(entry: &std::fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(t) if !t.is_symlink() => t.is_file(),
        _ => entry.path().is_file(),
    }
}

/// Backup and swap files that editors leave beside the files being edited.
pub(crate) fn is_editor_temp(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || name.starts_with('#')
        || name == "4913"
}
