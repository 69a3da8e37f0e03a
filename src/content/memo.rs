//! Front matter already parsed, by the hash of its YAML text. Parsing the
//! YAML of every item is the largest part of reading a big site; a build
//! after a commit that changed one notice finds all the others' front
//! matter unchanged. The memo a build leaves (recorded with the output's
//! state, see `output::BuildState`) lets the next one take the parse of an
//! unchanged text instead of parsing it again.
//!
//! Only the parse is remembered, never what follows from it: every check
//! of the values (dates, slugs, required fields, attachments) runs on a
//! remembered parse exactly as on a fresh one. A parse depends on nothing
//! but the text and the parser, so the key is the text's hash salted with
//! this program's version; an entry that a changed or forged output folder
//! holds can only stand for some YAML that staff could have written, and
//! goes through the same checks.

use super::frontmatter::FrontMatter;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Mutex;
use xxhash_rust::xxh3::Xxh3;

/// Parsed front matter by the key of its text ([`key`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memo {
    entries: HashMap<u128, FrontMatter>,
}

/// The key of a front matter's YAML text.
pub(super) fn key(yaml: &str) -> u128 {
    let mut h = Xxh3::new();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    h.write_u8(0);
    h.write(yaml.as_bytes());
    h.digest128()
}

impl Memo {
    /// The remembered parse of the text with this key.
    pub(super) fn get(&self, key: u128) -> Option<&FrontMatter> {
        self.entries.get(&key)
    }

    /// How many parses it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each entry as a key and a line of JSON (no line breaks), in key
    /// order so the same memo always reads the same.
    pub fn lines(&self) -> Vec<(u128, String)> {
        let mut out: Vec<(u128, String)> = self
            .entries
            .par_iter()
            .filter_map(|(k, fm)| Some((*k, serde_json::to_string(fm).ok()?)))
            .collect();
        out.sort_unstable_by_key(|(k, _)| *k);
        out
    }

    /// Takes back entries written by [`Memo::lines`]; `None` when some
    /// JSON is not a front matter.
    pub fn from_lines(lines: &[(u128, String)]) -> Option<Self> {
        let entries: Option<HashMap<u128, FrontMatter>> = lines
            .par_iter()
            .map(|(key, json)| Some((*key, serde_json::from_str(json).ok()?)))
            .collect();
        Some(Self { entries: entries? })
    }
}

/// The parses a load makes, collected from its threads.
#[derive(Debug, Default)]
pub(super) struct Collector(Mutex<HashMap<u128, FrontMatter>>);

impl Collector {
    pub(super) fn add(&self, key: u128, fm: &FrontMatter) {
        if let Ok(mut m) = self.0.lock() {
            m.entry(key).or_insert_with(|| fm.clone());
        }
    }

    pub(super) fn finish(self) -> Memo {
        Memo {
            entries: self.0.into_inner().unwrap_or_default(),
        }
    }
}
