//! 空白栏目: columns that have a name in the navigation and nothing in
//! them. Each is a 扣分 finding; five or more fail the site (单项否决).
//!
//! A list column is empty with no published item (drafts do not count), a
//! page column with no `_index.md` or only blank text in it, a reports
//! column with no report.

use crate::config::{CONFIG_FILE, ColumnKind};
use crate::content::{ColumnContent, Site};
use crate::diag::{Diagnostic, codes};
use std::collections::HashSet;

/// From this many empty columns on, the site fails (检查指标, 栏目不更新 (3)).
pub(crate) const EMPTY_VETO: usize = 5;

/// Pushes the findings and returns the slugs of the empty columns, which the
/// freshness rules leave to this one.
pub(crate) fn check(site: &Site, out: &mut Vec<Diagnostic>) -> HashSet<String> {
    let mut empty = HashSet::new();
    for col in &site.columns {
        let Some(what) = emptiness(col) else { continue };
        let c = &col.column;
        empty.insert(c.slug.clone());
        out.push(
            Diagnostic::site_wide(
                &codes::EMPTY_COLUMN,
                crate::t!("check-empty-column", title = c.title.as_str(), why = what),
            )
            .in_file(CONFIG_FILE, Some(c.line))
            .in_column(&c.slug)
            .with_hint(fix_for(col)),
        );
    }
    if empty.len() >= EMPTY_VETO {
        let mut names: Vec<&str> = site
            .columns
            .iter()
            .filter(|c| empty.contains(&c.column.slug))
            .map(|c| c.column.title.as_str())
            .collect();
        names.truncate(10);
        out.push(
            Diagnostic::site_wide(
                &codes::EMPTY_COLUMNS,
                crate::t!(
                    "check-empty-columns",
                    count = empty.len(),
                    limit = EMPTY_VETO,
                    names = names.join("、")
                ),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-empty-columns-fix")),
        );
    }
    empty
}

/// Why the column counts as empty, or `None` when it has content.
fn emptiness(col: &ColumnContent) -> Option<String> {
    match col.column.kind {
        ColumnKind::List if col.items.is_empty() => Some(crate::t!("check-empty-no-item")),
        ColumnKind::Page => match &col.page {
            None => Some(crate::t!("check-empty-no-page")),
            Some(p) if p.source.body().is_ok_and(|b| b.trim().is_empty()) => {
                Some(crate::t!("check-empty-no-text"))
            }
            Some(_) => None,
        },
        ColumnKind::Reports if col.reports.is_empty() => Some(crate::t!("check-empty-no-report")),
        ColumnKind::Rollup if col.rollup.is_empty() => Some(crate::t!("check-empty-no-report")),
        _ => None,
    }
}

fn fix_for(col: &ColumnContent) -> String {
    let slug = &col.column.slug;
    match col.column.kind {
        ColumnKind::List => crate::t!("check-empty-fix-list", slug = slug.as_str()),
        ColumnKind::Page => crate::t!("check-empty-fix-page", slug = slug.as_str()),
        ColumnKind::Reports => crate::t!("check-empty-fix-reports", slug = slug.as_str()),
        ColumnKind::Rollup => crate::t!("check-empty-fix-rollup", slug = slug.as_str()),
    }
}
