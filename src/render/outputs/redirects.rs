//! Redirect pages: renaming keeps old addresses working. An item's
//! `aliases:` (earlier addresses, written `/tzgg/old.html`, `tzgg/old.html`
//! or a folder `tzgg/old/`) and a column's `old_slugs:` in site.yaml each
//! get a small page at the old address that sends the browser on to the new
//! one: a `<meta http-equiv="refresh">`, a canonical link and a visible link,
//! no script. For an old column slug, every page of the column (its list
//! pages, its page, its items and reports) has one.
//!
//! The paths are claimed like any output, so the plan finds an old address
//! that is also a real page (a located error at the alias's line, or at the
//! column in site.yaml). An alias that is not a path inside the site is an
//! error of its own ([`check`]) and gets no page. A redirect page does not
//! show the item's title, so an item edit cannot change it; an edit that
//! changes `aliases:` renders the whole site (`pipeline/incremental.rs`).

use super::{Cx, SiteOutput, absolute};
use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use crate::render::escape::escape_xml;
use crate::render::pages;
use crate::render::plan::{Claim, Origin};
use crate::render::{Content, OutputFile, Sink};
use std::path::PathBuf;

/// The redirect pages.
pub(super) struct Redirects;

impl SiteOutput for Redirects {
    fn follows_item_edits(&self) -> bool {
        false
    }

    fn paths(&self, site: &Site) -> Vec<Claim> {
        redirects(site)
            .into_iter()
            .map(|r| Claim {
                path: r.from,
                by: r.by,
            })
            .collect()
    }

    fn render(&self, cx: &Cx<'_>, _: &mut Vec<Diagnostic>, sink: &dyn Sink) {
        for r in redirects(cx.site) {
            let html = page(&cx.index.url(&r.to), &absolute(cx.index, &r.to));
            sink.put(OutputFile {
                path: r.from,
                content: Content::Bytes(html.into_bytes()),
            });
        }
    }
}

/// One redirect: from an old output path to the page now published.
struct Redirect {
    from: String,
    to: String,
    by: Origin,
}

/// Every redirect of the site whose old address is usable, in a stable
/// order: items' aliases, then columns' old slugs.
fn redirects(site: &Site) -> Vec<Redirect> {
    let mut all = Vec::new();
    for col in &site.columns {
        for item in &col.items {
            for (alias, line, column) in &item.aliases {
                let Ok(from) = alias_path(alias) else {
                    continue;
                };
                all.push(Redirect {
                    from,
                    to: item.out_path.clone(),
                    by: Origin {
                        what: crate::t!(
                            "render-origin-alias",
                            alias = alias.as_str(),
                            file = &item.source.shown
                        ),
                        at: Some((item.source.shown.clone(), *line, *column)),
                    },
                });
            }
        }
    }
    let claims: Vec<Claim> = pages::jobs(site)
        .iter()
        .map(|job| pages::claim(site, job))
        .collect();
    for col in &site.columns {
        let slug = &col.column.slug;
        let prefix = format!("{slug}/");
        for old in &col.column.old_slugs {
            if crate::content::check_slug(old).is_err() || old == slug {
                continue;
            }
            let by = Origin::column_part(
                col,
                &crate::t!(
                    "render-origin-old-slug",
                    slug = slug.as_str(),
                    old = old.as_str()
                ),
            );
            for c in &claims {
                if let Some(rest) = c.path.strip_prefix(&prefix)
                    && c.path.ends_with(".html")
                {
                    all.push(Redirect {
                        from: format!("{old}/{rest}"),
                        to: c.path.clone(),
                        by: by.clone(),
                    });
                }
            }
        }
    }
    all
}

/// The output path of an alias as written: `/tzgg/old.html` and
/// `tzgg/old.html` are the file, `tzgg/old/` the folder's `index.html`.
/// The error says what is wrong, for [`check`].
fn alias_path(alias: &str) -> Result<String, String> {
    let trimmed = alias.trim();
    let path = trimmed.strip_prefix('/').unwrap_or(trimmed);
    if path.is_empty() {
        return Err(crate::t!("render-alias-empty"));
    }
    if path.contains("://") || path.starts_with('/') {
        return Err(crate::t!("render-alias-not-in-site"));
    }
    if path.contains(['\\', '?', '#', '%']) || path.chars().any(char::is_control) {
        return Err(crate::t!("render-alias-bad-sign"));
    }
    let folder = path.ends_with('/');
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if segments
        .iter()
        .any(|s| s.is_empty() || *s == "." || *s == "..")
    {
        return Err(crate::t!("render-alias-dots"));
    }
    if folder {
        return Ok(format!("{}/index.html", segments.join("/")));
    }
    if !path.ends_with(".html") {
        return Err(crate::t!("render-alias-ending"));
    }
    Ok(path.to_string())
}

/// Errors for every alias and old column slug that cannot be a path in the
/// site, at the line where it is written.
pub(crate) fn check(site: &Site, diags: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        for item in &col.items {
            for (alias, line, column) in &item.aliases {
                if let Err(why) = alias_path(alias) {
                    diags.push(
                        Diagnostic::new(
                            &codes::ALIAS,
                            &item.source.shown,
                            crate::t!("render-alias-bad", alias = alias.as_str(), why = why),
                        )
                        .at(*line, *column),
                    );
                }
            }
        }
        for old in &col.column.old_slugs {
            let why = if old == &col.column.slug {
                Some(crate::t!("render-old-slug-same"))
            } else {
                crate::content::check_slug(old).err()
            };
            if let Some(why) = why {
                diags.push(
                    Diagnostic::new(
                        &codes::ALIAS,
                        PathBuf::from(crate::config::CONFIG_FILE),
                        crate::t!("render-old-slug-bad", old = old.as_str(), why = why),
                    )
                    .at_line(col.column.line),
                );
            }
        }
    }
}

/// The redirect page: `url` is where the browser goes (from the site's
/// root, so it works in the preview too), `canonical` the absolute address
/// when the base URL has one.
fn page(url: &str, canonical: &str) -> String {
    let url = escape_xml(url);
    let canonical = escape_xml(canonical);
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>页面已迁移</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n\
         <main>\n<h1>页面已迁移</h1>\n<p>本页已迁移到新地址：<a href=\"{url}\">{url}</a></p>\n</main>\n\
         </body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_become_paths_inside_the_site() {
        assert_eq!(alias_path("/tzgg/old.html").as_deref(), Ok("tzgg/old.html"));
        assert_eq!(alias_path("tzgg/old.html").as_deref(), Ok("tzgg/old.html"));
        assert_eq!(
            alias_path("/tzgg/old/").as_deref(),
            Ok("tzgg/old/index.html")
        );
        for bad in [
            "",
            "/",
            "../x.html",
            "tzgg/../../x.html",
            "//evil.example/x.html",
            "https://a/x.html",
            "tzgg/old",
            "a\\b.html",
            "tzgg//x.html",
            "a.html?x",
        ] {
            assert!(alias_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_page_escapes_the_address() {
        let html = page("/a\"><script>.html", "/a.html");
        assert!(!html.contains("<script>"));
        assert!(html.contains("content=\"0; url=/a&quot;&gt;&lt;script&gt;.html\""));
    }
}
