//! The site `serve` serves: the last good build, held in memory. A rebuild
//! is published by swapping in new files under the write lock, so a request
//! sees one build or the next, never a mix or a half-written folder.

use crate::pipeline::Update;
use crate::render::{Content, OutputFile};
use axum::body::Bytes;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a served file's bytes are.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// Rendered or compiled in.
    Memory(Bytes),
    /// An attachment or static file, read from the site's folder when asked
    /// for (never from the output folder).
    File(PathBuf),
}

/// The files of the last good build, by `/`-separated path below the base.
#[derive(Debug, Default)]
pub(crate) struct SiteOutput {
    /// Counts published builds; pages carry it so open tabs know when
    /// they are out of date.
    pub(crate) generation: u64,
    /// The path the site is served under (`/` or `/xxgk/`).
    pub(crate) base_path: String,
    /// False until a build succeeded.
    pub(crate) built: bool,
    /// Counts published search indexes, which come after their pages: the
    /// search page carries it so an open one reloads when its index is new.
    pub(crate) index_generation: u64,
    files: HashMap<String, Body>,
}

impl SiteOutput {
    /// An empty site: nothing built yet. `generation` is the first number
    /// to count from.
    pub(crate) fn new(generation: u64) -> Self {
        Self {
            generation,
            base_path: "/".to_string(),
            built: false,
            index_generation: generation,
            files: HashMap::new(),
        }
    }

    /// Publishes a successful rebuild under `base_path`.
    pub(crate) fn apply(&mut self, update: Update, base_path: &str) {
        match update {
            Update::All { files, kept } => {
                self.files
                    .retain(|path, _| kept.iter().any(|dir| path.starts_with(dir.as_str())));
                self.files.extend(files.into_iter().map(entry));
            }
            Update::Some { files, replaced } => {
                self.files
                    .retain(|path, _| !replaced.iter().any(|dir| path.starts_with(dir.as_str())));
                self.files.extend(files.into_iter().map(entry));
            }
        }
        base_path.clone_into(&mut self.base_path);
        self.built = true;
        self.generation += 1;
    }

    /// Publishes a search index made after its pages: its files replace
    /// the old index's, in the index's folder.
    pub(crate) fn apply_index(&mut self, files: Vec<OutputFile>) {
        let dir = format!("{}/", crate::render::SEARCH_DIR);
        self.files.retain(|path, _| !path.starts_with(&dir));
        self.files.extend(files.into_iter().map(entry));
        self.index_generation += 1;
    }

    /// The file at `path` (relative to the base, no leading slash).
    pub(crate) fn get(&self, path: &str) -> Option<&Body> {
        self.files.get(path)
    }
}

fn entry(f: OutputFile) -> (String, Body) {
    let body = match f.content {
        Content::Bytes(b) => Body::Memory(Bytes::from(b)),
        Content::Static(b) => Body::Memory(Bytes::from_static(b)),
        Content::File(p) => Body::File(p),
    };
    (f.path, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(text.as_bytes().to_vec()),
        }
    }

    fn text(site: &SiteOutput, path: &str) -> Option<String> {
        match site.get(path)? {
            Body::Memory(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Body::File(_) => None,
        }
    }

    #[test]
    fn the_old_index_stays_until_the_new_one_comes() {
        let mut site = SiteOutput::new(10);
        let kept = vec!["pagefind/".to_string()];
        site.apply(
            Update::All {
                files: vec![file("index.html", "1"), file("old.html", "1")],
                kept: kept.clone(),
            },
            "/",
        );
        site.apply_index(vec![file("pagefind/a.pf_meta", "A")]);
        assert_eq!((site.generation, site.index_generation), (11, 11));
        // A full rebuild: its pages replace every page, the index stays.
        site.apply(
            Update::All {
                files: vec![file("index.html", "2")],
                kept,
            },
            "/",
        );
        assert_eq!(text(&site, "index.html").as_deref(), Some("2"));
        assert_eq!(text(&site, "old.html"), None);
        assert_eq!(text(&site, "pagefind/a.pf_meta").as_deref(), Some("A"));
        // The new index replaces the old one's files, and only those.
        site.apply_index(vec![file("pagefind/b.pf_meta", "B")]);
        assert_eq!(text(&site, "pagefind/a.pf_meta"), None);
        assert_eq!(text(&site, "pagefind/b.pf_meta").as_deref(), Some("B"));
        assert_eq!(text(&site, "index.html").as_deref(), Some("2"));
        assert_eq!((site.generation, site.index_generation), (12, 12));
        // Search turned off: nothing kept.
        site.apply(
            Update::All {
                files: vec![file("index.html", "3")],
                kept: Vec::new(),
            },
            "/",
        );
        assert_eq!(text(&site, "pagefind/b.pf_meta"), None);
    }
}
