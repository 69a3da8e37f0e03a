//! `links.gone`: a page the last build published (the output folder's
//! manifest, read as untrusted data by `output`) that this build no longer
//! makes, and that no redirect page (`aliases:`, `old_slugs:`) replaces.
//! Visitors, search engines and other sites that linked to it now find
//! nothing. Only pages (`.html`) count; the rule is skipped when the build
//! has errors (nothing was rendered to compare with).

use crate::diag::{Diagnostic, codes};
use crate::render::OutputFile;
use std::collections::HashSet;

/// Pushes one finding per vanished page, in path order.
pub(super) fn check(published: &[String], files: &[OutputFile], out: &mut Vec<Diagnostic>) {
    if files.is_empty() {
        return;
    }
    let now: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut gone: Vec<&String> = published
        .iter()
        .filter(|p| {
            p.ends_with(".html") && !now.contains(p.as_str()) && !crate::render::is_mirror_page(p)
        })
        .collect();
    gone.sort();
    for path in gone {
        out.push(Diagnostic::site_wide(
            &codes::LINKS_GONE,
            crate::t!("check-gone", path = format!("/{path}")),
        ));
    }
}
