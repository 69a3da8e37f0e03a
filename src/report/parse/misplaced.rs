//! Rows and headings written under the wrong parent: a label of this
//! edition indented one level too deep or too shallow, or put under the
//! wrong group. Each part's reader puts such a label aside, reads it at its
//! own place once the rest is read, and says here where it belongs and how
//! many spaces put it there, instead of calling it unknown (or of another
//! edition) and its row missing.

use super::super::yaml::{Key, Node};
use super::keys::Reader;
use crate::diag::codes::REPORT_STRUCTURE;

/// The pairs read where they are written, and those put aside with the
/// place they belong.
pub(crate) type Split<'n, S> = (Vec<&'n (Key, Node)>, Vec<(&'n Key, &'n Node, S)>);

/// The pairs of a mapping split into those read where they are written
/// and those put aside: `belongs` gives, for a label's key (`label::key`),
/// the place it belongs when that is another.
pub(crate) fn split<S>(
    pairs: &[(Key, Node)],
    mut belongs: impl FnMut(&str) -> Option<S>,
) -> Split<'_, S> {
    let mut kept = Vec::with_capacity(pairs.len());
    let mut aside = Vec::new();
    for pair @ (k, v) in pairs {
        match belongs(&crate::report::label::key(&k.text)) {
            Some(spot) => aside.push((k, v, spot)),
            None => kept.push(pair),
        }
    }
    (kept, aside)
}

/// What has been read of one part so far, for saying where a misplaced
/// label goes.
#[derive(Default)]
pub(crate) struct Layout {
    /// Each row or heading read: its label, the line of its key, and
    /// whether it was written at its own place.
    placed: Vec<(&'static str, u32, bool)>,
    /// The column of the keys under each parent written at its own place.
    indent: Vec<(&'static str, u32)>,
    /// Headings said to be missing, above the first label that belongs
    /// under them.
    headless: Vec<String>,
}

impl Layout {
    /// Notes the column of the keys of `pairs`, written under `parent`
    /// (only when that mapping is at its own place: a misplaced one's
    /// column is not the one to copy).
    pub(crate) fn mapping(&mut self, parent: &'static str, pairs: &[(Key, Node)], right: bool) {
        if right && let Some((k, _)) = pairs.first() {
            self.indent.push((parent, k.pos.col));
        }
    }

    /// Notes the row or heading `label`, read from the key at `line`.
    pub(crate) fn place(&mut self, label: &'static str, line: u32, right: bool) {
        self.placed.push((label, line, right));
    }

    /// The line `label` was read from, if it was.
    pub(crate) fn line_of(&self, label: &str) -> Option<u32> {
        self.placed
            .iter()
            .find(|(l, _, _)| *l == label)
            .map(|(_, line, _)| *line)
    }

    /// True when `label` was read away from its own place.
    fn moved(&self, label: &str) -> bool {
        self.placed
            .iter()
            .any(|(l, _, right)| !right && *l == label)
    }

    /// How many spaces start the keys under `parent`: as the file has them
    /// where that parent's keys are written at their place, else one step of
    /// the file's indentation (that of the keys under `top`, the part
    /// heading) for each of `depth + 1` levels.
    pub(crate) fn spaces(&self, parent: &str, depth: u32, top: &str) -> u32 {
        let col = |p: &str| self.indent.iter().find(|(l, _)| *l == p).map(|(_, c)| *c);
        if let Some(c) = col(parent) {
            return c.saturating_sub(1);
        }
        let step = col(top).map_or(2, |c| c.saturating_sub(1).max(1));
        step * (depth + 1)
    }

    /// Of `siblings`, the one written at its own place nearest before
    /// `index` (else after it): the label a misplaced one is to line up
    /// with.
    pub(crate) fn aligned_with(
        &self,
        siblings: &[&'static str],
        index: usize,
    ) -> Option<&'static str> {
        let right = |l: &&&'static str| self.placed.iter().any(|(p, _, r)| *r && p == *l);
        let before = siblings[..index].iter().rev().find(right);
        before
            .or_else(|| siblings[index + 1..].iter().find(right))
            .copied()
    }
}

/// Where a misplaced label belongs.
pub(crate) struct Home<'a> {
    /// The label of the mapping it is written under.
    pub(crate) under: &'a str,
    /// Its own parent's label.
    pub(crate) parent: &'a str,
    /// The label its parent is under (the part heading for one under the
    /// part heading).
    pub(crate) grandparent: &'a str,
    /// The labels under that parent, and its own position among them.
    pub(crate) siblings: &'a [&'static str],
    pub(crate) index: usize,
    /// True for a heading with rows under it.
    pub(crate) group: bool,
    /// How many more labels, read after this one, are written under the
    /// same mapping and belong under the same parent.
    pub(crate) kin: usize,
    /// How many levels its parent is below the part heading (0 for the part
    /// heading itself).
    pub(crate) depth: u32,
    /// The part heading.
    pub(crate) top: &'a str,
}

/// Says that `key` is written under `home.under` but belongs under
/// `home.parent`, naming the indentation that puts it there. Nothing is
/// said when it is already at that indentation under a heading itself
/// read away from its place: moving that heading puts it right. Returns
/// false when the label was read at its own place already, which is said
/// instead (written twice); else the caller reads it as if written at its
/// place, and notes it with [`Layout::place`]. When its heading is not
/// written at all, that is said once, at the first label that goes under
/// it, for all of them ([`Home::kin`]).
pub(crate) fn report(r: &mut Reader<'_>, layout: &mut Layout, key: &Key, home: &Home<'_>) -> bool {
    let written = key.text.as_str();
    if let Some(line) = layout.line_of(home.siblings[home.index]) {
        let d = r.diag(
            &REPORT_STRUCTURE,
            key.pos,
            t!(
                "report-misplaced-twice",
                place = home.under,
                key = written,
                parent = home.parent,
                line = line
            ),
        );
        d.hint = Some(t!("report-misplaced-twice-hint", line = line));
        return false;
    }
    let spaces = layout.spaces(home.parent, home.depth, home.top);
    if layout.moved(home.under) && key.pos.col == spaces + 1 {
        return true;
    }
    let group = home.group.to_string();
    let sibling = layout.aligned_with(home.siblings, home.index);
    let hint = if home.parent != home.top && layout.line_of(home.parent).is_none() {
        // Its heading is not written at all: that line comes first, said
        // once, at the first of the labels that go under it.
        if layout.headless.iter().any(|h| h == home.parent) {
            return true;
        }
        layout.headless.push(home.parent.to_string());
        t!(
            "report-misplaced-hint-no-parent",
            parent = home.parent,
            parent_spaces = layout.spaces(home.grandparent, home.depth.saturating_sub(1), home.top),
            spaces = spaces,
            kin = home.kin,
            group = group
        )
    } else if let Some(sibling) = sibling {
        t!(
            "report-misplaced-hint",
            parent = home.parent,
            sibling = sibling,
            spaces = spaces,
            group = group
        )
    } else {
        t!(
            "report-misplaced-hint-alone",
            parent = home.parent,
            spaces = spaces,
            group = group
        )
    };
    r.diag(
        &REPORT_STRUCTURE,
        key.pos,
        t!(
            "report-misplaced",
            place = home.under,
            key = written,
            parent = home.parent
        ),
    )
    .hint = Some(hint);
    true
}
