//! The plan of a full render: every path the page jobs and the site-wide
//! outputs will write, listed without rendering anything, and checked as a
//! whole before the first file reaches the sink. Two outputs at one path,
//! or a file where another output needs a folder (`a` and `a/x.html`), would
//! make the output folder half old and half new when the commit fails, so
//! they are located errors here, naming both claimants.
//!
//! This replaces the check of `validate` that two items publish to one
//! address: it covers every pair of outputs, items included, and keeps that
//! case's code (`duplicate-url`).

use super::{outputs, pages};
use crate::config::CONFIG_FILE;
use crate::content::{ColumnContent, Item, Site};
use crate::diag::{Code, Diagnostic, codes};
use std::collections::HashMap;
use std::path::PathBuf;

/// What claims an output path, for messages.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// How a message names it: "`content/tzgg/a.md`", "column `tzgg`".
    pub(crate) what: String,
    /// The file to point at, with line and column (0 when unknown); `None`
    /// for what gongkai makes by itself (the home page, `feed.xml`).
    pub(crate) at: Option<(PathBuf, u32, u32)>,
}

impl Origin {
    /// Something gongkai makes by itself, in no file of the site.
    pub(crate) fn builtin(what: &str) -> Self {
        Self {
            what: what.to_string(),
            at: None,
        }
    }

    /// A column's own pages: its entry in site.yaml.
    pub(crate) fn column(col: &ColumnContent) -> Self {
        Self::column_part(
            col,
            &crate::t!("render-origin-column", slug = col.column.slug.as_str()),
        )
    }

    /// Something of a column named `what`, pointing at its site.yaml entry.
    pub(crate) fn column_part(col: &ColumnContent, what: &str) -> Self {
        Self {
            what: what.to_string(),
            at: Some((PathBuf::from(CONFIG_FILE), col.column.line, 0)),
        }
    }

    /// An item's page: its file, at `slug:` when the slug is given there.
    pub(crate) fn item(item: &Item) -> Self {
        let (line, col) = item.slug_at.unwrap_or((1, 0));
        Self {
            what: crate::t!("render-origin-file", file = &item.source.shown),
            at: Some((item.source.shown.clone(), line, col)),
        }
    }

    /// How precisely it can be pointed at: not at all, a file, a line.
    fn precision(&self) -> u8 {
        match &self.at {
            None => 0,
            Some((_, 0, _)) => 1,
            Some(_) => 2,
        }
    }
}

/// One output path and what claims it.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    /// `/`-separated path relative to the output folder.
    pub(crate) path: String,
    /// What claims it.
    pub(crate) by: Origin,
}

/// Every path a full render of `site` writes, in render order: the page
/// jobs, then each site-wide output.
pub(crate) fn claims(site: &Site) -> Vec<Claim> {
    claims_of(site, true)
}

/// The claims of a full render, with or without the 长者模式 mirror's.
fn claims_of(site: &Site, with_mirror: bool) -> Vec<Claim> {
    let mut all: Vec<Claim> = pages::jobs(site)
        .iter()
        .map(|job| pages::claim(site, job))
        .collect();
    for output in outputs::OUTPUTS {
        if output.is_mirror() && !with_mirror {
            continue;
        }
        all.extend(output.paths(site));
    }
    all
}

/// Checks the paths of a full render of `site`: pushes an error for every
/// path claimed twice, every path that one output needs as a folder and
/// another writes as a file, and every name the rules of `names` refuse.
pub(crate) fn plan(site: &Site, diags: &mut Vec<Diagnostic>) {
    outputs::check_redirects(site, diags);
    // The mirror repeats every page's path under zhe/: checked with the
    // rest only when the pages' own paths are clean, so a collision of two
    // pages is not reported again for their two mirror pages.
    let own = claims_of(site, false);
    let before = diags.len();
    check(&own, diags);
    super::names::check(&own, diags);
    if diags.len() == before {
        let claims = claims(site);
        check(&claims, diags);
        super::names::check(&claims, diags);
    }
}

/// The fix of a collision: rename one of the two.
fn hint() -> String {
    crate::t!("render-collision-hint")
}

fn check(claims: &[Claim], diags: &mut Vec<Diagnostic>) {
    let mut files: HashMap<&str, usize> = HashMap::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        if let Some(&first) = files.get(c.path.as_str()) {
            let first = &claims[first].by;
            let message = crate::t!(
                "render-duplicate",
                first = first.what.as_str(),
                second = c.by.what.as_str(),
                path = format!("/{}", c.path)
            );
            diags.push(located(&codes::DUPLICATE_URL, first, &c.by, message));
        } else {
            files.insert(&c.path, i);
        }
    }
    // Each folder an output needs, with the first claim that needs it.
    let mut folders: HashMap<&str, usize> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for (slash, _) in c.path.match_indices('/') {
            folders.entry(&c.path[..slash]).or_insert(i);
        }
    }
    let mut clashes: Vec<(&str, usize, usize)> = folders
        .iter()
        .filter_map(|(dir, &needs)| files.get(dir).map(|&file| (*dir, file, needs)))
        .collect();
    clashes.sort_unstable();
    for (dir, file, needs) in clashes {
        let (file, needs) = (&claims[file], &claims[needs]);
        let message = crate::t!(
            "render-folder-clash",
            needs = needs.by.what.as_str(),
            dir = dir,
            path = needs.path.as_str(),
            file = file.by.what.as_str()
        );
        // Known as well, the output that needs the folder is the one shown.
        diags.push(located(
            &codes::OUTPUT_COLLISION,
            &file.by,
            &needs.by,
            message,
        ));
    }
}

/// The error, at the more precisely known of the two claimants (the later
/// one when both are known as well).
pub(super) fn located(
    code: &'static Code,
    earlier: &Origin,
    later: &Origin,
    message: String,
) -> Diagnostic {
    let at = if later.precision() >= earlier.precision() {
        later
    } else {
        earlier
    };
    let d = match &at.at {
        Some((file, line, col)) => Diagnostic::new(code, file, message).at(*line, *col),
        None => Diagnostic::site_wide(code, message),
    };
    d.with_hint(hint())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(path: &str, what: &str, line: u32) -> Claim {
        Claim {
            path: path.into(),
            by: Origin {
                what: what.into(),
                at: (line > 0).then(|| (PathBuf::from("f.md"), line, 0)),
            },
        }
    }

    fn messages(claims: &[Claim]) -> Vec<String> {
        let mut diags = Vec::new();
        check(claims, &mut diags);
        diags.iter().map(ToString::to_string).collect()
    }

    /// The plan lists exactly the files a full render writes.
    #[test]
    fn claims_are_the_rendered_paths() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut all = Vec::new();
        for fixture in ["check/base", "serve/basic"] {
            let root = fixtures.join(fixture);
            let mut diags = Vec::new();
            let config = crate::config::load(&root, &Default::default(), &mut diags);
            let config = config.expect("config");
            let theme = crate::theme::load(&root, &config.theme, &mut diags);
            let opts = crate::content::LoadOptions::default();
            let site = crate::content::load(&root, config, theme, &opts, &mut diags);
            let sink = crate::render::Collect::default();
            let options = crate::render::RenderOptions { minify: false };
            crate::render::render(
                &site,
                options,
                &crate::render::Scope::All,
                &mut diags,
                &sink,
            );
            assert_eq!(diags, Vec::new());
            let mut planned: Vec<String> = claims(&site).into_iter().map(|c| c.path).collect();
            // The search index's file names hold hashes of its contents:
            // its fixed files are claimed, the rest are known only once the
            // index is made, all inside its folder.
            let mut rendered: Vec<String> = sink
                .into_files()
                .into_iter()
                .map(|f| f.path)
                .filter(|p| !p.starts_with("pagefind/") || planned.contains(p))
                .collect();
            rendered.sort();
            planned.sort();
            assert_eq!(planned, rendered, "{fixture}");
            all.extend(planned);
        }
        for kind in [
            ".csv",
            "/附件1.pdf",
            "feed.xml",
            "static/style.css",
            "search.html",
            "pagefind/pagefind-entry.json",
        ] {
            assert!(
                all.iter().any(|p| p.ends_with(kind)),
                "no {kind} in {all:?}"
            );
        }
    }

    #[test]
    fn distinct_files_and_folders_pass() {
        let ok = [claim("a/b.html", "x", 1), claim("a/c/d.pdf", "y", 2)];
        assert_eq!(messages(&ok), Vec::<String>::new());
    }

    #[test]
    fn a_path_claimed_twice_points_at_the_known_claimant() {
        assert_eq!(
            messages(&[claim("feed.xml", "the feed", 0), claim("feed.xml", "x", 3)]),
            [format!(
                "f.md:3:1: 错误: the feed和x都要发布到 /feed.xml\n  = 建议: {}",
                hint()
            )]
        );
        assert_eq!(
            messages(&[claim("feed.xml", "x", 3), claim("feed.xml", "the feed", 0)]),
            [format!(
                "f.md:3:1: 错误: x和the feed都要发布到 /feed.xml\n  = 建议: {}",
                hint()
            )]
        );
    }

    #[test]
    fn a_file_where_a_folder_is_needed() {
        assert_eq!(
            messages(&[claim("a/b/c.html", "deep", 4), claim("a", "file", 0)]),
            [format!(
                "f.md:4:1: 错误: deep要用 /a/ 作文件夹（放 /a/b/c.html），但file在这里发布了文件 /a\n  = 建议: {}",
                hint()
            )]
        );
    }
}
