//! The link index: every address a Markdown link may name (source files,
//! published URLs, folders, attachments, static files) mapped to the URL it
//! is published at. The render stage resolves links through it, so a link to
//! `/tzgg/fire-check.md` becomes `<base>/tzgg/fire-check.html` and a link to
//! a missing page is an error with its position.

use super::{Site, list_page_path};
use crate::config::ColumnKind;
use crate::render::markdown::LinkResolver;
use percent_encoding::percent_decode_str;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// Addresses inside the site, relative to the site root without a leading
/// slash, mapped to output paths.
#[derive(Debug, Default)]
pub(crate) struct LinkIndex<'a> {
    /// Borrowed from the site where the site holds the text (its items'
    /// paths: tens of thousands on a big site).
    targets: HashMap<Cow<'a, str>, Cow<'a, str>>,
    /// Addresses of items left out until their date, with that date.
    scheduled: HashMap<String, String>,
    base_path: String,
    /// The configured base URL with its scheme and host, when it has them.
    base_url: Option<String>,
}

impl<'a> LinkIndex<'a> {
    /// Builds the index of a loaded site.
    pub(crate) fn new(site: &'a Site) -> Self {
        let mut ix = Self {
            targets: HashMap::new(),
            scheduled: HashMap::new(),
            base_path: site.config.base_path.clone(),
            base_url: Some(site.config.base_url.clone()).filter(|u| u.contains("://")),
        };
        ix.add("", "index.html");
        ix.add("index.html", "index.html");
        ix.add("sitemap.html", "sitemap.html");
        ix.add("404.html", "404.html");
        for (out, _) in &site.theme.statics {
            ix.add(out.as_str(), out.as_str());
        }
        let items: usize = site.columns.iter().map(|c| c.items.len()).sum();
        ix.targets.reserve(items * 2);
        for col in &site.columns {
            let slug = &col.column.slug;
            let first = list_page_path(slug, 0);
            ix.add(slug.as_str(), first.clone());
            ix.add(format!("{slug}/"), first.clone());
            ix.add(first.clone(), first.clone());
            ix.add(format!("{slug}/_index.md"), first);
            let pages = crate::render::page_count(col);
            for n in 1..pages {
                let p = list_page_path(slug, n);
                ix.add(p.clone(), p);
            }
            for item in &col.items {
                let out = item.out_path.as_str();
                ix.add(item.source.rel.as_str(), out);
                ix.add(out, out);
                if let Some(folder) = item.source.rel.strip_suffix("/index.md") {
                    ix.add(folder, out);
                    ix.add(format!("{folder}/"), out);
                    for a in &item.attachments {
                        ix.add(format!("{folder}/{}", a.file_name), a.out_path.as_str());
                    }
                } else if let Some((dir, _)) = item.source.rel.rsplit_once('/') {
                    for a in &item.attachments {
                        ix.add(format!("{dir}/{}", a.file_name), a.out_path.as_str());
                    }
                }
                for a in &item.attachments {
                    ix.add(a.out_path.as_str(), a.out_path.as_str());
                }
                for f in &item.files {
                    ix.add(f.rel.as_str(), f.out_path.as_str());
                    ix.add(f.out_path.as_str(), f.out_path.as_str());
                }
            }
            for f in col.page.iter().flat_map(|p| &p.files) {
                ix.add(f.rel.as_str(), f.out_path.as_str());
                ix.add(f.out_path.as_str(), f.out_path.as_str());
            }
            for s in &col.scheduled {
                let date = s.date.display();
                let mut keys = vec![s.rel.clone(), s.out_path.clone()];
                if let Some(folder) = s.rel.strip_suffix("/index.md") {
                    keys.push(folder.to_string());
                }
                for key in keys {
                    ix.scheduled.insert(key, date.clone());
                }
            }
            for year in col.rollup.iter().map(|s| s.year) {
                let out = format!("{slug}/{year}.html");
                ix.add(out.clone(), out);
            }
            if col.column.kind == ColumnKind::Reports {
                for r in &col.reports {
                    let out = format!("{slug}/{}.html", r.slug());
                    ix.add(out.clone(), out.clone());
                    ix.add(format!("{slug}/{}.yaml", r.slug()), out);
                    for file in r.download_paths() {
                        let p = format!("{slug}/{file}");
                        ix.add(p.clone(), p);
                    }
                    for a in r.attachments() {
                        ix.add(format!("{slug}/{}", a.file_name), a.out_path.as_str());
                        ix.add(a.out_path.as_str(), a.out_path.as_str());
                    }
                }
            }
        }
        ix
    }

    /// An index holding just `pairs` (address, output path), for tests
    /// that need a resolver without loading a site.
    #[cfg(test)]
    pub(crate) fn from_pairs(base_path: &str, pairs: &[(&'a str, &'a str)]) -> Self {
        let mut ix = Self {
            base_path: base_path.into(),
            ..Self::default()
        };
        for (key, out) in pairs {
            ix.add(*key, *out);
        }
        ix
    }

    fn add(&mut self, key: impl Into<Cow<'a, str>>, out: impl Into<Cow<'a, str>>) {
        self.targets.insert(key.into(), out.into());
    }

    /// The published URL (under the base path) of an output path.
    pub(crate) fn url(&self, out: &str) -> String {
        url_of(&self.base_path, out)
    }

    /// The absolute URL of an output path when base_url has a scheme and
    /// host, for canonical links, feeds and the sitemap.
    pub(crate) fn absolute_url(&self, out: &str) -> Option<String> {
        let base = self.base_url.as_deref()?;
        Some(format!("{base}{}", &self.url(out)[self.base_path.len()..]))
    }

    /// Looks up a site-relative address.
    pub(crate) fn lookup(&self, key: &str) -> Option<&str> {
        self.targets.get(key).map(|out| &**out)
    }

    /// A resolver for links written in the Markdown file at `rel`
    /// (relative to `content/`).
    #[cfg(test)]
    pub(crate) fn for_page<'p>(&'p self, rel: &'p str) -> PageLinks<'p> {
        PageLinks {
            index: self,
            rel,
            file: None,
        }
    }

    /// As [`LinkIndex::for_page`], for the file read at `file`: a link to
    /// a file that lies beside a one-file item (which publishes no file
    /// beside it) is then said as such.
    pub(crate) fn for_file<'p>(&'p self, rel: &'p str, file: &'p Path) -> PageLinks<'p> {
        PageLinks {
            index: self,
            rel,
            file: Some(file),
        }
    }
}

/// The URL of an output path under `base_path`; the home page is the base
/// path itself, every other page its explicit `.html` file, which any static
/// host serves.
pub(crate) fn url_of(base_path: &str, out: &str) -> String {
    if out == "index.html" {
        base_path.to_string()
    } else {
        format!("{base_path}{out}")
    }
}

/// Resolves the links of one Markdown file.
pub(crate) struct PageLinks<'a> {
    index: &'a LinkIndex<'a>,
    rel: &'a str,
    /// The Markdown file on disk, when known.
    file: Option<&'a Path>,
}

pub(super) fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

impl LinkResolver for PageLinks<'_> {
    fn own_host(&self, dest: &str) -> bool {
        let host = crate::scheme::host;
        (self.index.base_url.as_deref()).is_some_and(|own| host(own) == host(dest))
    }

    fn resolve(&self, dest: &str) -> Result<Option<String>, String> {
        if dest.is_empty() || dest.starts_with('#') || is_external(dest) {
            return Ok(None);
        }
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let decoded = percent_decode_str(path).decode_utf8_lossy();
        let key = if let Some(abs) = decoded.strip_prefix('/') {
            let base = self.index.base_path.trim_start_matches('/');
            let abs = if !base.is_empty() {
                abs.strip_prefix(base).unwrap_or(abs)
            } else {
                abs
            };
            normalise(abs)
        } else {
            let dir = self.rel.rsplit_once('/').map_or("", |(d, _)| d);
            normalise(&format!("{dir}/{decoded}"))
        };
        let Some(key) = key else {
            return Err(t!("content-link-outside", dest = dest));
        };
        let found = self
            .index
            .lookup(&key)
            .or_else(|| self.index.lookup(key.trim_end_matches('/')));
        match found {
            Some(out) => Ok(Some(format!("{}{fragment}", self.index.url(out)))),
            None => match self.index.scheduled.get(key.trim_end_matches('/')) {
                Some(date) => Err(t!("content-link-scheduled", dest = dest, date = date)),
                None if self.beside_one_file_item(&decoded) => {
                    let stem = self.rel.rsplit_once('/').map_or(self.rel, |(_, f)| f);
                    let stem = stem.trim_end_matches(".md");
                    Err(t!("content-link-missing-beside", dest = dest, stem = stem))
                }
                None => Err(t!("content-link-missing", dest = dest)),
            },
        }
    }
}

impl PageLinks<'_> {
    /// True when the page is an item written as one file (`tzgg/n4.md`),
    /// which publishes no file beside it: only an item that is a folder
    /// (`tzgg/n4/index.md`) does.
    fn single_file_item(&self) -> bool {
        let name = self.rel.rsplit_once('/').map_or(self.rel, |(_, f)| f);
        name.ends_with(".md") && name != "index.md" && name != "_index.md"
    }

    /// True when `dest` (relative, decoded) names a file that is there
    /// beside this page, and the page is a one-file item.
    fn beside_one_file_item(&self, dest: &str) -> bool {
        let Some(dir) = self.file.and_then(Path::parent) else {
            return false;
        };
        self.single_file_item()
            && !dest.starts_with('/')
            && !dest.split('/').any(|s| s == "..")
            && !dest.ends_with(".md")
            && dir.join(dest).is_file()
    }
}

/// Resolves `.` and `..` segments; `None` when the path climbs above the root.
pub(super) fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut s = parts.join("/");
    if path.ends_with('/') && !s.is_empty() {
        s.push('/');
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LinkIndex<'static> {
        LinkIndex::from_pairs(
            "/xxgk/",
            &[
                ("tzgg/a.md", "tzgg/a.html"),
                ("tzgg/a.html", "tzgg/a.html"),
                ("tzgg", "tzgg/index.html"),
                ("", "index.html"),
            ],
        )
    }

    #[test]
    fn resolves_source_files_and_urls() {
        let ix = index();
        let links = ix.for_page("tzgg/b.md");
        assert_eq!(
            links.resolve("/tzgg/a.md"),
            Ok(Some("/xxgk/tzgg/a.html".into()))
        );
        assert_eq!(
            links.resolve("./a.md#s"),
            Ok(Some("/xxgk/tzgg/a.html#s".into()))
        );
        assert_eq!(
            links.resolve("../tzgg/a.html"),
            Ok(Some("/xxgk/tzgg/a.html".into()))
        );
        assert_eq!(
            links.resolve("/xxgk/tzgg/a.html"),
            Ok(Some("/xxgk/tzgg/a.html".into()))
        );
        assert_eq!(
            links.resolve("/tzgg/"),
            Ok(Some("/xxgk/tzgg/index.html".into()))
        );
        assert_eq!(links.resolve("/"), Ok(Some("/xxgk/".into())));
        assert_eq!(links.resolve("https://www.gov.cn/"), Ok(None));
        assert_eq!(links.resolve("mailto:a@b.cn"), Ok(None));
        assert_eq!(
            links.resolve("/tzgg/missing.md"),
            Err("链接「/tzgg/missing.md」指向的页面或文件在网站里找不到".into())
        );
        assert!(links.resolve("../../../etc/passwd").is_err());
    }

    mod proptests {
        use super::*;
        use proptest::prelude::*;

        /// Path segments a link may be built from: climbs, dots, percent
        /// escapes of `.` and `/`, the base path, known folders, CJK,
        /// backslashes, and any text.
        fn segment() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("..".to_string()),
                Just(".".to_string()),
                Just(String::new()),
                Just("%2e%2e".to_string()),
                Just("%2E.".to_string()),
                Just("..%2f..".to_string()),
                Just("%2F".to_string()),
                Just("%".to_string()),
                Just("%ff%fe".to_string()),
                Just("xxgk".to_string()),
                Just("tzgg".to_string()),
                Just("a.md".to_string()),
                Just("a.html".to_string()),
                Just("通知公告".to_string()),
                Just("..\\..".to_string()),
                Just("#s".to_string()),
                Just("?q=1".to_string()),
                "\\PC{0,8}",
                any::<String>(),
            ]
        }

        fn target() -> impl Strategy<Value = String> {
            (
                prop_oneof![Just(""), Just("/"), Just("./"), Just("../"), Just("//")],
                prop::collection::vec(segment(), 0..8),
                prop_oneof![Just(""), Just("/")],
            )
                .prop_map(|(lead, segs, tail)| format!("{lead}{}{tail}", segs.join("/")))
        }

        proptest! {
            #![proptest_config(crate::proptest_config())]

            /// Whatever a link says, it resolves to the published URL of an
            /// output the index holds (plus its fragment or query), or to
            /// nothing (kept as written: external, anchor), or is an error;
            /// never a panic, never a path outside the site's output.
            #[test]
            fn resolves_only_to_outputs_of_the_site(
                rel in prop_oneof![Just("a.md"), Just("tzgg/b.md"), Just("tzgg/x/y/c.md")],
                dest in target(),
            ) {
                let ix = index();
                let outputs: Vec<String> =
                    ix.targets.values().map(|out| ix.url(out)).collect();
                if let Ok(Some(url)) = ix.for_page(rel).resolve(&dest) {
                    let path = url.split(['#', '?']).next().unwrap_or_default();
                    prop_assert!(outputs.iter().any(|o| o == path), "{dest:?} -> {url:?}");
                }
            }

            /// `normalise` leaves no `.`, `..` or empty segment, and refuses
            /// exactly the paths that climb above the root.
            #[test]
            fn normalise_stays_inside(segs in prop::collection::vec(segment(), 0..10)) {
                let path = segs.join("/");
                let mut depth: i64 = 0;
                let mut climbs = false;
                for seg in path.split('/') {
                    match seg {
                        "" | "." => {}
                        ".." => {
                            depth -= 1;
                            climbs |= depth < 0;
                        }
                        _ => depth += 1,
                    }
                }
                match normalise(&path) {
                    None => prop_assert!(climbs, "{path:?}"),
                    Some(n) => {
                        prop_assert!(!climbs, "{path:?} -> {n:?}");
                        let body = n.strip_suffix('/').unwrap_or(&n);
                        prop_assert!(
                            body.is_empty()
                                || body.split('/').all(|s| !matches!(s, "" | "." | "..")),
                            "{path:?} -> {n:?}"
                        );
                    }
                }
            }
        }
    }
}
