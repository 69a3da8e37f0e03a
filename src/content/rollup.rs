//! A rollup column (`kind: rollup`): the 区/县 summary of other sites' or
//! report folders' annual reports. Its `sources:` are read as `gongkai
//! review` reads its paths (`review::source`), each year's clean reports
//! summed (`review::total`); the render stage makes the pages. A source
//! that does not exist, or that holds the site itself (the disk's root, a
//! folder above the site), is an error at the column's line in site.yaml; the
//! sources' own findings are theirs (their sites' builds report them), and
//! a report left out of a year's sum is listed with the reason.

use crate::config::{CONFIG_FILE, Column};
use crate::diag::{Diagnostic, codes};
use crate::review::{YearSum, source, total};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The folders and files of the rollup columns' `sources:` of a site at
/// `root`, for the watcher: a change there changes the summary.
pub fn source_paths(root: &Path, columns: &[Column]) -> Vec<PathBuf> {
    columns
        .iter()
        .flat_map(|c| c.sources.iter().map(|s| root.join(s)))
        .collect()
}

/// Every year of the sources, newest first, with its sum.
pub(super) fn load(root: &Path, column: &Column, diags: &mut Vec<Diagnostic>) -> Vec<YearSum> {
    let mut paths = Vec::new();
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    for s in &column.sources {
        let path = root.join(s);
        // The disk's root or a folder above the site: walking it reads the
        // site itself and everything beside it.
        let holds_site =
            std::fs::canonicalize(&path).is_ok_and(|p| p.is_dir() && real_root.starts_with(&p));
        let (slug, source) = (&column.slug, s);
        let message = if holds_site {
            t!(
                "content-rollup-source-holds-site",
                slug = slug,
                source = source
            )
        } else if path.exists() {
            paths.push(path);
            continue;
        } else {
            t!(
                "content-rollup-source-missing",
                slug = slug,
                source = source
            )
        };
        diags.push(
            Diagnostic::new(&codes::CONFIG, CONFIG_FILE, message)
                .at_line(column.line)
                .in_column(&column.slug),
        );
    }
    let loaded = source::collect(&paths);
    let years: BTreeSet<i32> = loaded
        .iter()
        .filter_map(|l| l.report.as_ref().map(crate::report::Report::year))
        .collect();
    years
        .into_iter()
        .rev()
        .map(|year| total::sum_year(&loaded, year))
        .collect()
}
