//! The build state a complete, clean build records in the manifest beside
//! its fingerprint, for the next build into the same folder: the content
//! hash of every input file and, for every list item, where it stood. With
//! it, a build after a fresh checkout that changed a few items renders only
//! what those edits change (`pipeline::Pipeline::run_edits`), as `serve`
//! does after a save.
//!
//! Lines, after the fingerprint line:
//! - `#setup\tHASH`: the binary, the root and the options ([`crate::fingerprint::Inputs::setup`]);
//! - `#taken\tNANOS`: when the build began reading its inputs;
//! - `#input\tHASH\tSTAMP\tKEY`: an input file's bytes, and its size,
//!   times and identity when they were read, by the hash of its path under
//!   the root ([`crate::fingerprint::path_key`], 32 hexadecimal digits:
//!   deploys copy this folder, and the names of drafts and other
//!   unpublished files must not go with it);
//! - `#known\tNANOS`: the build (by its `#taken`) whose list items are in
//!   the folder's `.gongkai-items` and still hold for this state (see
//!   `content::known`); absent when there are none;
//! - `#item\tCOLUMN\tPOSITION\tSHAPE\tLISTING\tKEY`: a list item of the
//!   site, by its source path's key: its column's index, its index in the
//!   column, a hash of what other pages know of it besides its list entry,
//!   and a hash of all of it but its text (see `pipeline::item_states`).
//!
//! Like the rest of the manifest, this is data found in the output folder:
//! a line that does not parse makes the whole state unusable (the build is
//! then a full one), and its paths are only ever compared, never opened,
//! written or removed.

use super::manifest::{Lines, push_decimal, push_hex};
use crate::fingerprint::{FileHash, PathKey};
use std::collections::BTreeMap;
use std::time::Duration;

/// One list item as the last build saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    /// Index of its column in the site's columns.
    pub column: usize,
    /// Its index among the column's items (newest first).
    pub position: usize,
    /// A hash of its page name, earlier names and files.
    pub shape: u128,
    /// A hash of everything of it but its text: when only the text
    /// changed, no other page shows the change.
    pub listing: u128,
}

/// What a complete build recorded of its inputs and its items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildState {
    /// See [`crate::fingerprint::Inputs::setup`].
    pub setup: String,
    /// Input file ([`crate::fingerprint::path_key`]) → hash of its bytes.
    pub inputs: BTreeMap<PathKey, FileHash>,
    /// When the build began reading its inputs (since the Unix epoch).
    pub taken: Duration,
    /// Item source ([`crate::fingerprint::path_key`]) → where it stood.
    pub items: BTreeMap<PathKey, ItemState>,
    /// The `taken` of the build that wrote the output folder's
    /// [`super::ITEMS`], when those items hold for this state: every build
    /// since changed only list items' files, with the same setup, so every
    /// other input the items were read with is as it was then.
    pub known_from: Option<u128>,
}

impl BuildState {
    /// The input files whose bytes differ from what this state recorded,
    /// given the current `setup` and file hashes; `None` when the setup
    /// differs or a file was added or removed (then only a full build is
    /// sure to be right).
    pub fn changed(
        &self,
        setup: &str,
        files: &BTreeMap<PathKey, FileHash>,
    ) -> Option<Vec<PathKey>> {
        if setup != self.setup || files.len() != self.inputs.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (path, file) in files {
            if self.inputs.get(path)?.hash != file.hash {
                changed.push(*path);
            }
        }
        Some(changed)
    }
}

const SETUP: &str = "#setup\t";
const TAKEN: &str = "#taken\t";
const INPUT: &str = "#input\t";
const ITEM: &str = "#item\t";
const KNOWN: &str = "#known\t";
const NONE: &str = "-";

/// What reading the state lines found.
#[derive(Debug, Default)]
pub(super) struct Reader {
    state: BuildState,
    /// Inputs and items as read, made maps at the end all at once (tens
    /// of thousands each on a big site).
    inputs: Vec<(PathKey, FileHash)>,
    items: Vec<(PathKey, ItemState)>,
    seen: bool,
    broken: bool,
}

impl Reader {
    /// Takes `line` when it is a state line (true), whether or not it
    /// parses.
    pub(super) fn line(&mut self, line: &str) -> bool {
        let parsed = if let Some(rest) = line.strip_prefix(SETUP) {
            self.state.setup = rest.to_string();
            Some(!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()))
        } else if let Some(rest) = line.strip_prefix(TAKEN) {
            let nanos = rest.parse::<u64>().ok();
            self.state.taken = Duration::from_nanos(nanos.unwrap_or_default());
            Some(nanos.is_some())
        } else if let Some(rest) = line.strip_prefix(KNOWN) {
            // `-`: none (a later line saying the earlier one no longer holds).
            let nanos = rest.parse::<u128>().ok();
            self.state.known_from = nanos;
            Some(nanos.is_some() || rest == NONE)
        } else if let Some(rest) = line.strip_prefix(INPUT) {
            Some(self.input(rest).is_some())
        } else {
            line.strip_prefix(ITEM)
                .map(|rest| self.item(rest).is_some())
        };
        match parsed {
            Some(ok) => {
                self.seen = true;
                self.broken |= !ok;
                true
            }
            None => false,
        }
    }

    fn input(&mut self, rest: &str) -> Option<()> {
        let mut parts = rest.splitn(3, '\t');
        let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
        let stamp = u64::from_str_radix(parts.next()?, 16).ok()?;
        let key = key(parts.next()?)?;
        self.inputs.push((key, FileHash { hash, stamp }));
        Some(())
    }

    fn item(&mut self, rest: &str) -> Option<()> {
        let mut parts = rest.splitn(5, '\t');
        let column = parts.next()?.parse().ok()?;
        let position = parts.next()?.parse().ok()?;
        let shape = u128::from_str_radix(parts.next()?, 16).ok()?;
        let listing = u128::from_str_radix(parts.next()?, 16).ok()?;
        let key = key(parts.next()?)?;
        let item = ItemState {
            column,
            position,
            shape,
            listing,
        };
        self.items.push((key, item));
        Some(())
    }

    /// The state, when there were state lines and all of them parsed.
    pub(super) fn finish(mut self) -> Option<BuildState> {
        if !self.seen || self.broken || self.state.setup.is_empty() {
            return None;
        }
        // For an input or item named twice, the last line holds: lines a
        // build of some edits added to the manifest hold over the earlier
        // ones.
        self.state.inputs = last_of_each(self.inputs);
        self.state.items = last_of_each(self.items);
        Some(self.state)
    }
}

/// The pairs as a map, the last pair of a key holding.
fn last_of_each<V>(mut pairs: Vec<(PathKey, V)>) -> BTreeMap<PathKey, V> {
    // Stable: the pairs of one key stay in the order of their lines.
    pairs.sort_by_key(|(key, _)| *key);
    let mut unique: Vec<(PathKey, V)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match unique.last_mut() {
            Some(last) if last.0 == key => last.1 = value,
            _ => unique.push((key, value)),
        }
    }
    unique.into_iter().collect()
}

/// A [`PathKey`] as the state writes it: 32 hexadecimal digits.
fn key(text: &str) -> Option<PathKey> {
    (text.len() == 32)
        .then(|| u128::from_str_radix(text, 16).ok())
        .flatten()
}

/// The state's lines, to follow the fingerprint line.
pub(super) fn render(state: &BuildState, w: &mut Lines<'_>) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let text = &mut w.text;
    let _ = writeln!(text, "{SETUP}{}", state.setup);
    let _ = writeln!(text, "{TAKEN}{}", state.taken.as_nanos());
    if let Some(from) = state.known_from {
        let _ = writeln!(text, "{KNOWN}{from}");
    }
    for (key, f) in &state.inputs {
        push_input(&mut w.text, *key, f);
        w.done()?;
    }
    for (key, i) in &state.items {
        push_item(&mut w.text, *key, i);
        w.done()?;
    }
    Ok(())
}

/// The lines that turn the state `was` into `now`, for a manifest that
/// holds `was` (see `manifest::APPENDED`): only what differs. False, with
/// nothing added, when the setup, or the set of inputs or items, differs
/// (then the state is written whole).
pub(super) fn render_changes(was: &BuildState, now: &BuildState, text: &mut String) -> bool {
    use std::fmt::Write as _;
    if was.setup != now.setup
        || !same_keys(&was.inputs, &now.inputs)
        || !same_keys(&was.items, &now.items)
    {
        return false;
    }
    if was.taken != now.taken {
        let _ = writeln!(text, "{TAKEN}{}", now.taken.as_nanos());
    }
    if was.known_from != now.known_from {
        match now.known_from {
            Some(from) => writeln!(text, "{KNOWN}{from}"),
            None => writeln!(text, "{KNOWN}{NONE}"),
        }
        .unwrap_or_default();
    }
    for ((key, a), b) in now.inputs.iter().zip(was.inputs.values()) {
        if a != b {
            push_input(text, *key, a);
        }
    }
    for ((key, a), b) in now.items.iter().zip(was.items.values()) {
        if a != b {
            push_item(text, *key, a);
        }
    }
    true
}

/// True when the two maps have the same keys.
fn same_keys<A, B>(a: &BTreeMap<PathKey, A>, b: &BTreeMap<PathKey, B>) -> bool {
    a.len() == b.len() && a.keys().zip(b.keys()).all(|(x, y)| x == y)
}

fn push_input(text: &mut String, key: PathKey, f: &FileHash) {
    text.push_str(INPUT);
    push_hex(text, f.hash, 32);
    text.push('\t');
    push_hex(text, f.stamp.into(), 16);
    text.push('\t');
    push_hex(text, key, 32);
    text.push('\n');
}

fn push_item(text: &mut String, key: PathKey, i: &ItemState) {
    text.push_str(ITEM);
    push_decimal(text, i.column as u64);
    text.push('\t');
    push_decimal(text, i.position as u64);
    text.push('\t');
    push_hex(text, i.shape, 32);
    text.push('\t');
    push_hex(text, i.listing, 32);
    text.push('\t');
    push_hex(text, key, 32);
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(hash: u128) -> FileHash {
        FileHash {
            hash,
            stamp: hash as u64 * 3,
        }
    }

    fn sample() -> BuildState {
        BuildState {
            setup: "ab12".into(),
            inputs: [(0x5173, file(7)), (0xa_b, file(9))].into(),
            taken: Duration::from_nanos(1_764_000_000_123_456_789),
            items: [(
                0xa_b,
                ItemState {
                    column: 4,
                    position: 0,
                    shape: 3,
                    listing: 5,
                },
            )]
            .into(),
            known_from: Some(1_763_000_000_000_000_001),
        }
    }

    /// The state's lines, as a manifest with a fingerprint holds them.
    fn text_of(state: &BuildState) -> String {
        let mut bytes = Vec::new();
        super::super::manifest::write(&mut bytes, Some("f"), Some(state), &[])
            .expect("written to memory");
        let text = String::from_utf8(bytes).expect("UTF-8");
        text.strip_prefix("#fingerprint\tf\n")
            .expect("fingerprint")
            .to_string()
    }

    #[test]
    fn reads_back_what_it_writes() {
        let text = text_of(&sample());
        let mut r = Reader::default();
        assert!(text.lines().all(|l| r.line(l)));
        assert_eq!(r.finish(), Some(sample()));
    }

    #[test]
    fn changed_files_and_when_it_cannot_tell() {
        let s = sample();
        assert_eq!(s.changed("ab12", &s.inputs), Some(vec![]));
        assert_eq!(s.changed("other", &s.inputs), None);
        let mut files = s.inputs.clone();
        files.insert(0xa_b, file(10));
        assert_eq!(s.changed("ab12", &files), Some(vec![0xa_b]));
        files.insert(0x01e3, file(1));
        assert_eq!(s.changed("ab12", &files), None);
        files.remove(&0x5173);
        assert_eq!(s.changed("ab12", &files), None);
    }

    #[test]
    fn one_bad_line_makes_the_state_unusable() {
        let text = text_of(&sample());
        for bad in [
            "#item\tx\t0\t00\t00\tcontent/a.md",
            "#item\t1\t0\tzz\t00\tcontent/a.md",
            "#item\t1\t0\t00\tcontent/a.md",
            "#input\tnothex\t00\tsite.yaml",
            "#input\t00\tsite.yaml",
            "#input\t00",
            "#taken\tsoon",
            "#known\tlater",
            "#setup\t",
            "#input\t00\t00\tsite.yaml",
            "#input\t00\t00\tab",
        ] {
            let mut r = Reader::default();
            for l in text.lines().chain([bad]) {
                r.line(l);
            }
            assert_eq!(r.finish(), None, "{bad}");
        }
        assert_eq!(Reader::default().finish(), None);
        assert!(!Reader::default().line("0000\t1\ta.html"));
    }
}
