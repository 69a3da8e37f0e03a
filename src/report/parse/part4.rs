//! Reading part 四 (政府信息公开行政复议、行政诉讼情况): each row of the
//! edition's part 四 under its own label, or, when it has a group (the two
//! kinds of 行政诉讼), under its label inside the group's mapping.

use super::super::edition::{CellKind, Edition, OUTCOMES, PARTS, Row4};
use super::super::label;
use super::super::yaml::{Key, Node, Value};
use super::keys::{Expect, Reader};
use super::misplaced::{self, Home, Layout};
use super::{RowSpec, read_row};
use crate::diag::codes::REPORT_STRUCTURE;
use crate::report::{Part4, Row};

const COUNTS5: [CellKind; 5] = [CellKind::Count; 5];

/// Reads part 四. Every row of the edition is in the result.
pub(crate) fn read(
    r: &mut Reader<'_>,
    part: Option<(&Key, &Node)>,
    edition: &'static Edition,
) -> Part4 {
    let specs = edition.part4;
    let mut p = Part4 {
        rows: specs
            .iter()
            .map(|s| Row::absent(s.label, OUTCOMES.len()))
            .collect(),
    };
    let Some((key, node)) = part else {
        return p;
    };
    let top = edition.part4_top();
    let Value::Map(pairs) = &node.value else {
        r.diag(
            &REPORT_STRUCTURE,
            node.pos,
            t!(
                "report-part4-not-mapping",
                place = PARTS[3],
                rows = top.join(&t!("report-list-and")),
                found = super::kind(&node.value)
            ),
        );
        return p;
    };
    let mut w = Walk {
        r,
        edition,
        top: &top,
        given: vec![false; specs.len()],
        part: &mut p,
        layout: Layout::default(),
        aside: Vec::new(),
    };
    w.layout.mapping(PARTS[3], pairs, true);
    let found = w.keys(PARTS[3], pairs, &top);
    for (label, given) in top.iter().zip(found) {
        if let Some((k, v)) = given {
            w.layout.place(label, k.pos.line, true);
            w.top_entry(label, k, v, true);
        }
    }
    w.misplaced();
    let mut missing = Vec::new();
    for label in &top {
        let under: Vec<usize> = (0..specs.len())
            .filter(|i| specs[*i].top() == *label)
            .collect();
        let written = w.layout.line_of(label).is_some() || under.iter().any(|i| w.given[*i]);
        if !written {
            missing.push((*label).to_string());
            continue;
        }
        missing.extend(
            under
                .iter()
                .filter(|i| !w.given[**i])
                .map(|i| specs[*i].name()),
        );
    }
    if !missing.is_empty() {
        r.diag(
            &REPORT_STRUCTURE,
            key.pos,
            t!(
                "report-missing-rows",
                place = PARTS[3],
                rows = missing.join(&t!("report-list-sep"))
            ),
        );
    }
    p
}

fn row4(r: &mut Reader<'_>, spec: &Row4, k: &Key, v: &Node) -> Row {
    let rs = RowSpec {
        name: spec.name(),
        columns: &OUTCOMES,
        kinds: &COUNTS5,
        total: true,
        label: spec.label.to_string(),
    };
    read_row(r, &rs, k, v)
}

/// Where a label of part 四 belongs: under the part heading (a row of its
/// own or a group) or under a group (a kind of 行政诉讼).
#[derive(Clone, Copy)]
struct Spot {
    label: &'static str,
    parent: &'static str,
}

struct Walk<'w, 'r, 'n> {
    r: &'w mut Reader<'r>,
    edition: &'static Edition,
    /// The labels under the part heading.
    top: &'w [&'static str],
    /// For each row of the edition, whether it was read.
    given: Vec<bool>,
    part: &'w mut Part4,
    layout: Layout,
    /// Labels written under the wrong parent, read at their own place once
    /// the rest is read.
    aside: Vec<(&'n Key, &'n Node, &'static str, Spot)>,
}

impl<'n> Walk<'_, '_, 'n> {
    /// Matches the keys of `pairs`, written under `place`, to `labels`,
    /// putting aside those that belong under another parent.
    fn keys(
        &mut self,
        place: &'static str,
        pairs: &'n [(Key, Node)],
        labels: &[&'static str],
    ) -> Vec<Option<(&'n Key, &'n Node)>> {
        let (kept, aside) = super::misplaced::split(pairs, |key| {
            let here = labels.iter().any(|l| label::key(l) == key);
            self.locate(key)
                .filter(|spot| !here && spot.parent != place)
        });
        (self.aside).extend(aside.into_iter().map(|(k, v, spot)| (k, v, place, spot)));
        let expected: Vec<Expect> = labels.iter().map(|l| Expect::plain(l)).collect();
        self.r.match_keys(place, kept, &expected, &Vec::new())
    }

    /// Where the label with key `key` belongs, if it is one of this part.
    fn locate(&self, key: &str) -> Option<Spot> {
        if let Some(l) = self.top.iter().find(|l| label::key(l) == key) {
            return Some(Spot {
                label: l,
                parent: PARTS[3],
            });
        }
        self.edition.part4.iter().find_map(|s| {
            let group = s.groups.first()?;
            (label::key(s.label) == key).then_some(Spot {
                label: s.label,
                parent: group,
            })
        })
    }

    /// The rows of the edition under the top-level label `label`.
    fn under(&self, label: &str) -> Vec<usize> {
        let specs = self.edition.part4;
        (0..specs.len())
            .filter(|i| specs[*i].top() == label)
            .collect()
    }

    /// True when the top-level label `label` heads a group of rows.
    fn is_group(&self, label: &str) -> bool {
        !matches!(self.under(label)[..], [i] if self.edition.part4[i].groups.is_empty())
    }

    /// Reads a row or group written under the part heading.
    fn top_entry(&mut self, label: &'static str, k: &Key, v: &'n Node, right: bool) {
        if self.is_group(label) {
            return self.group(label, v, right);
        }
        let i = self.under(label)[0];
        self.part.rows[i] = row4(self.r, &self.edition.part4[i], k, v);
        self.given[i] = true;
    }

    /// Reads a group of part 四 rows written as one mapping (行政诉讼).
    fn group(&mut self, label: &'static str, v: &'n Node, right: bool) {
        let specs = self.edition.part4;
        let under = self.under(label);
        let labels: Vec<&'static str> = under.iter().map(|i| specs[*i].label).collect();
        let Value::Map(pairs) = &v.value else {
            self.r.diag(
                &REPORT_STRUCTURE,
                v.pos,
                t!(
                    "report-part4-not-mapping",
                    place = label,
                    rows = labels.join(&t!("report-list-and")),
                    found = super::kind(&v.value)
                ),
            );
            return;
        };
        self.layout.mapping(label, pairs, right);
        let found = self.keys(label, pairs, &labels);
        for (i, given) in under.into_iter().zip(found) {
            if let Some((k, v)) = given {
                self.layout.place(specs[i].label, k.pos.line, right);
                self.part.rows[i] = row4(self.r, &specs[i], k, v);
                self.given[i] = true;
            }
        }
    }

    /// Says where each misplaced row or group belongs and reads it there.
    fn misplaced(&mut self) {
        let specs = self.edition.part4;
        let mut n = 0;
        while n < self.aside.len() {
            let (k, v, under, spot) = self.aside[n];
            n += 1;
            let siblings: Vec<&'static str> = if spot.parent == PARTS[3] {
                self.top.to_vec()
            } else {
                self.under(spot.parent)
                    .iter()
                    .map(|i| specs[*i].label)
                    .collect()
            };
            let index = siblings.iter().position(|l| *l == spot.label).unwrap_or(0);
            let top_level = spot.parent == PARTS[3];
            let home = Home {
                under,
                parent: spot.parent,
                grandparent: PARTS[3],
                siblings: &siblings,
                index,
                group: top_level && self.is_group(spot.label),
                kin: self.aside[n..]
                    .iter()
                    .filter(|(_, _, u, s)| *u == under && s.parent == spot.parent)
                    .count(),
                depth: u32::from(!top_level),
                top: PARTS[3],
            };
            if !misplaced::report(self.r, &mut self.layout, k, &home) {
                continue;
            }
            self.layout.place(spot.label, k.pos.line, false);
            if top_level {
                self.top_entry(spot.label, k, v, false);
            } else if let Some(i) = (0..specs.len())
                .find(|i| specs[*i].label == spot.label && specs[*i].top() == spot.parent)
            {
                self.part.rows[i] = row4(self.r, &specs[i], k, v);
                self.given[i] = true;
            }
        }
    }
}
