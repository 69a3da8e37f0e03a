//! An item's attachments: the files its front matter lists, found beside
//! it, and judged before anything is published. Only types on the
//! allow-list (`config::Attachments`) pass, and a file that resolves
//! outside the site folder (a symbolic link to `/etc/passwd` named
//! 附件1.pdf) is refused: a static host sends whatever it is given, and a
//! browser runs an `.html` or `.svg` opened from the site's own address.

use super::frontmatter::{FrontMatter, RawAttachment, col_of, line_of};
use super::load::Ctx;
use super::{Attachment, Source};
use crate::diag::{Diagnostic, codes, display_path};
use crate::fsx;
use std::path::Path;

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
    let root = ctx.root;
    let mut out = Vec::new();
    for (i, spanned) in fm.attachments.iter().enumerate() {
        let (file, title) = match &spanned.value {
            RawAttachment::Name(f) => (f.clone(), None),
            RawAttachment::Full { file, title } => (file.clone(), title.clone()),
        };
        let line = line_of(spanned);
        if file.split(['/', '\\']).any(|p| p == "..") || Path::new(&file).is_absolute() {
            diags.push(
                Diagnostic::new(
                    &codes::ATTACHMENT,
                    &source.shown,
                    format!(
                        "attachment `{file}` must be a file beside the item, not outside its folder"
                    ),
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
                        &source.shown,
                        format!("attachment `{file}` does not exist"),
                    )
                    .at_line(line)
                    .with_hint(format!(
                        "put the file at {}",
                        display_path(root, &path).display()
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
        if let Some(d) = unsafe_attachment(ctx, &path, &file, &ext) {
            diags.push(d.in_file(&source.shown, None).at(line, col_of(spanned)));
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
            out_path: format!("{column}/{slug}/{out_name}"),
            line,
        });
    }
    out
}

/// Why an attachment that exists must not be published: a link to a file
/// outside the site, or a type that is not on the allow-list. The finding
/// has no file yet.
fn unsafe_attachment(ctx: &Ctx<'_>, path: &Path, file: &str, ext: &str) -> Option<Diagnostic> {
    let resolved = std::fs::canonicalize(path).ok();
    let site = std::fs::canonicalize(ctx.root).ok();
    let inside = matches!((&resolved, &site), (Some(r), Some(s)) if r.starts_with(s));
    if !inside {
        return Some(
            Diagnostic::site_wide(
                &codes::ATTACHMENT_OUTSIDE,
                format!("attachment `{file}` is a link to a file outside the site"),
            )
            .with_hint("copy the file itself into the item's folder"),
        );
    }
    if ext.is_empty() {
        return Some(Diagnostic::site_wide(
            &codes::ATTACHMENT_TYPE,
            format!(
                "attachment `{file}` has no file type: give it an extension such as .pdf or .txt"
            ),
        ));
    }
    if ctx.attachments.allows(ext) {
        return None;
    }
    Some(
        Diagnostic::site_wide(
            &codes::ATTACHMENT_TYPE,
            format!("attachment `{file}` has the type `.{ext}`, which is not on the allow-list"),
        )
        .with_hint(format!(
            "publish it as PDF or an office document, or allow the type in site.yaml (`attachments: {{ allow: [{ext}] }}`) if it must be published as it is"
        )),
    )
}
