//! Reading part 三 (收到和处理政府信息公开申请情况): the edition's row tree
//! of applications received and their results. An omitted （七）总计 is
//! computed here.

use super::super::edition::{self, APPLICANTS, EDITIONS, Edition, Entry, PARTS, Role};
use super::super::label;
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
use super::misplaced::{self, Home, Layout};
use super::{RowSpec, read_row};
use crate::diag::codes::REPORT_STRUCTURE;
use crate::report::edition::CellKind;
use crate::report::{Cell, Part3, Row};

const COUNTS7: [CellKind; 7] = [CellKind::Count; 7];

/// Reads part 三. Every row of the edition is in the result.
pub(crate) fn read(
    r: &mut Reader<'_>,
    part: Option<(&Key, &Node)>,
    edition: &'static Edition,
) -> Part3 {
    let leaves = edition.leaves();
    let mut p = Part3 {
        rows: leaves.iter().map(|l| Row::absent(l.label, 7)).collect(),
        leaves,
        line: part.map_or(0, |(k, _)| k.pos.line),
    };
    let Some((key, node)) = part else {
        return p;
    };
    let mut given = vec![false; p.rows.len()];
    match &node.value {
        Value::Map(pairs) => {
            let mut w = Walk {
                r,
                edition,
                part: &mut p,
                given: &mut given,
                misplaced: Vec::new(),
                layout: Layout::default(),
            };
            w.walk(edition.part3, PARTS[2], pairs, 0, true);
            w.misplaced();
        }
        other => {
            r.diag(
                &REPORT_STRUCTURE,
                node.pos,
                t!(
                    "report-rows-not-mapping",
                    place = PARTS[2],
                    found = super::kind(other)
                ),
            );
            return p;
        }
    }
    let missing: Vec<String> = p
        .leaves
        .iter()
        .zip(&given)
        .filter(|(l, g)| !**g && l.role != Role::ResultTotal)
        .map(|(l, _)| l.name())
        .collect();
    if !missing.is_empty() {
        r.diag(
            &REPORT_STRUCTURE,
            key.pos,
            t!(
                "report-missing-rows",
                place = PARTS[2],
                rows = missing.join(&t!("report-list-sep"))
            ),
        );
    }
    if let Some(t) = p.leaves.iter().position(|l| l.role == Role::ResultTotal)
        && !given[t]
    {
        p.rows[t] = computed_total(&p, t);
    }
    p
}

/// （七）总计 (the row at `at`) computed from the results, column by column.
fn computed_total(p: &Part3, at: usize) -> Row {
    let results: Vec<&Row> = p.rows_where(Role::is_result).collect();
    Row {
        label: p.leaves[at].label.to_string(),
        cells: (0..7)
            .map(|c| Cell::computed(results.iter().map(|r| r.cells[c].count()).sum()))
            .collect(),
        line: 0,
        sound: results.iter().all(|r| r.sound),
    }
}

struct Walk<'w, 'r, 'n> {
    r: &'w mut Reader<'r>,
    edition: &'static Edition,
    part: &'w mut Part3,
    given: &'w mut Vec<bool>,
    /// Rows and groups of this edition written under another parent than
    /// their own, in the order met: read at their own place once the rest
    /// is read ([`Walk::misplaced`]).
    misplaced: Vec<Misplaced<'n>>,
    layout: Layout,
}

/// A label of the edition written under the wrong parent.
struct Misplaced<'n> {
    key: &'n Key,
    node: &'n Node,
    /// The parent it is written under.
    under: &'static str,
    spot: Spot,
}

/// Where an entry belongs in the edition's row tree.
#[derive(Clone, Copy)]
struct Spot {
    entry: &'static Entry,
    /// Its parent's label ([`PARTS`]`[2]` at the top).
    parent: &'static str,
    /// The entries under its parent, and its own position among them.
    siblings: &'static [Entry],
    index: usize,
    /// Its first data row.
    at: usize,
}

/// Every place in `entries` (under `parent`, first data row `first`) whose
/// label has the key `key`.
fn locate(
    entries: &'static [Entry],
    parent: &'static str,
    first: usize,
    key: &str,
    out: &mut Vec<Spot>,
) {
    let mut at = first;
    for (index, entry) in entries.iter().enumerate() {
        if label::key(entry.label()) == key {
            out.push(Spot {
                entry,
                parent,
                siblings: entries,
                index,
                at,
            });
        }
        if let Entry::Group(l, children) = entry {
            locate(children, l, at, key, out);
        }
        at += edition::span(entry);
    }
}

impl<'n> Walk<'_, '_, 'n> {
    /// Reads the mapping `pairs` under `place`, whose entries are
    /// `entries`, the first of them at data row `first`. `right` is false
    /// when the mapping is itself written at the wrong place.
    fn walk(
        &mut self,
        entries: &'static [Entry],
        place: &'static str,
        pairs: &'n [(Key, Node)],
        first: usize,
        right: bool,
    ) {
        self.layout.mapping(place, pairs, right);
        let expected: Vec<Expect> = entries.iter().map(|e| Expect::plain(e.label())).collect();
        // A label of this edition that belongs under another parent: put
        // aside and read at its own place once the rest is read.
        let (kept, aside) = super::misplaced::split(pairs, |key| {
            if expected.iter().any(|e| label::key(e.label) == key) {
                return None;
            }
            let mut spots = Vec::new();
            locate(self.edition.part3, PARTS[2], 0, key, &mut spots);
            match spots[..] {
                [spot] => Some(spot),
                _ => None,
            }
        });
        self.misplaced
            .extend(aside.into_iter().map(|(key, node, spot)| Misplaced {
                key,
                node,
                under: place,
                spot,
            }));
        // Labels of another edition only: one of this edition is never
        // said to be of another.
        let own = all_labels(self.edition.part3);
        let elsewhere: Elsewhere = EDITIONS
            .iter()
            .filter(|e| e.id != self.edition.id)
            .flat_map(|e| all_labels(e.part3).into_iter().map(move |l| (l, e.id)))
            .filter(|(l, _)| !own.contains(l))
            .collect();
        let found = self.r.match_keys(place, kept, &expected, &elsewhere);
        let mut at = first;
        for (entry, given) in entries.iter().zip(found) {
            if let Some((k, v)) = given {
                self.layout.place(entry.label(), k.pos.line, right);
                self.entry(entry, k, v, at, right);
            }
            at += edition::span(entry);
        }
    }

    fn entry(&mut self, entry: &'static Entry, k: &Key, v: &'n Node, at: usize, right: bool) {
        match (entry, &v.value) {
            (Entry::Group(label, children), Value::Map(pairs)) => {
                self.walk(children, label, pairs, at, right)
            }
            (Entry::Row(..), Value::Map(_)) | (Entry::Group(..), Value::Seq(_)) => {
                self.shape(entry, k)
            }
            (Entry::Group(label, _), other) => {
                self.r.diag(
                    &REPORT_STRUCTURE,
                    v.pos,
                    t!(
                        "report-group-not-mapping",
                        place = *label,
                        found = super::kind(other)
                    ),
                );
            }
            (Entry::Row(label, _), _) => {
                let name = self.part.leaves[at].name();
                let spec = RowSpec {
                    name,
                    columns: &APPLICANTS,
                    kinds: &COUNTS7,
                    total: true,
                    label: (*label).to_string(),
                };
                self.part.rows[at] = read_row(self.r, &spec, k, v);
                self.given[at] = true;
            }
        }
    }

    /// Says where each misplaced row or group belongs, with the
    /// indentation that puts it there, and reads it as written there: its
    /// numbers are checked and it is not said to be missing.
    fn misplaced(&mut self) {
        let mut i = 0;
        while i < self.misplaced.len() {
            let Misplaced {
                key,
                node,
                under,
                spot,
            } = self.misplaced[i];
            i += 1;
            let siblings: Vec<&'static str> = spot.siblings.iter().map(Entry::label).collect();
            let home = Home {
                under,
                parent: spot.parent,
                grandparent: parent_of(self.edition.part3, PARTS[2], spot.parent)
                    .unwrap_or(PARTS[2]),
                siblings: &siblings,
                index: spot.index,
                group: matches!(spot.entry, Entry::Group(..)),
                kin: self.misplaced[i..]
                    .iter()
                    .filter(|m| m.under == under && m.spot.parent == spot.parent)
                    .count(),
                depth: depth(self.edition.part3, spot.parent).unwrap_or(0),
                top: PARTS[2],
            };
            if misplaced::report(self.r, &mut self.layout, key, &home) {
                self.layout.place(spot.entry.label(), key.pos.line, false);
                self.entry(spot.entry, key, node, spot.at, false);
            }
        }
    }

    /// A row written as a group or a group as a row: usually the other edition's （六）.
    fn shape(&mut self, entry: &Entry, k: &Key) {
        let label = entry.label();
        let own = self.edition.id;
        let msg = match entry {
            Entry::Group(_, children) => t!(
                "report-group-as-row",
                label = label,
                edition = own,
                rows = children
                    .iter()
                    .map(Entry::label)
                    .collect::<Vec<_>>()
                    .join(&t!("report-list-sep"))
            ),
            Entry::Row(..) => t!("report-row-as-group", label = label, edition = own),
        };
        let other = EDITIONS.iter().find(|e| {
            e.id != own && is_group_in(e.part3, label) != matches!(entry, Entry::Group(..))
        });
        let d = self.r.diag(&REPORT_STRUCTURE, k.pos, msg);
        if let Some(e) = other {
            d.hint = Some(t!("report-shape-other-edition", edition = e.id));
        }
    }
}

/// How many groups down `label`'s own entries are (0 for the top level of
/// part 三).
fn depth(entries: &[Entry], label: &str) -> Option<u32> {
    if label == PARTS[2] {
        return Some(0);
    }
    entries.iter().find_map(|e| match e {
        Entry::Group(l, _) if *l == label => Some(1),
        Entry::Group(_, children) => depth(children, label).map(|d| d + 1),
        Entry::Row(..) => None,
    })
}

/// The label of the group the entry `label` is in (`parent` at the top
/// of `entries`).
fn parent_of(entries: &'static [Entry], parent: &'static str, label: &str) -> Option<&'static str> {
    entries.iter().find_map(|e| match e {
        _ if e.label() == label => Some(parent),
        Entry::Group(l, children) => parent_of(children, l, label),
        Entry::Row(..) => None,
    })
}

fn all_labels(entries: &'static [Entry]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for e in entries {
        out.push(e.label());
        if let Entry::Group(_, children) = e {
            out.extend(all_labels(children));
        }
    }
    out
}

fn is_group_in(entries: &[Entry], label: &str) -> bool {
    entries.iter().any(|e| match e {
        Entry::Group(l, children) => *l == label || is_group_in(children, label),
        Entry::Row(..) => false,
    })
}
