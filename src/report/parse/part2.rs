//! Reading part 二 (主动公开政府信息情况): the edition's sub-tables, each
//! keyed by its caption and holding its rows.

use super::super::edition::{EDITIONS, Edition, PARTS};
use super::super::label;
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
use super::misplaced::{self, Home, Layout};
use super::{RowSpec, read_row};
use crate::diag::codes::{REPORT_OLD_LABEL, REPORT_STRUCTURE};
use crate::report::{Part2Table, Row};

/// Reads part 二; every sub-table of the edition is in the result, with
/// absent rows blank, so the page keeps the official layout.
pub(crate) fn read(
    r: &mut Reader<'_>,
    part: Option<(&Key, &Node)>,
    edition: &'static Edition,
) -> Vec<Part2Table> {
    let mut tables: Vec<Part2Table> = edition
        .part2
        .iter()
        .map(|spec| Part2Table {
            spec,
            rows: spec
                .rows
                .iter()
                .map(|row| Row::absent(row.label, spec.columns.len()))
                .collect(),
        })
        .collect();
    let Some((key, node)) = part else {
        return tables;
    };
    let Value::Map(pairs) = &node.value else {
        r.diag(
            &REPORT_STRUCTURE,
            node.pos,
            t!(
                "report-part2-not-mapping",
                part = PARTS[1],
                found = super::kind(&node.value)
            ),
        );
        return tables;
    };
    let expected: Vec<Expect> = edition
        .part2
        .iter()
        .map(|t| Expect::plain(t.caption))
        .collect();
    let elsewhere: Elsewhere = EDITIONS
        .iter()
        .filter(|e| e.id != edition.id)
        .flat_map(|e| e.part2.iter().map(|t| (t.caption, e.id)))
        .collect();
    let mut w = Walk {
        r,
        edition,
        given: tables.iter().map(|t| vec![false; t.rows.len()]).collect(),
        tables: &mut tables,
        layout: Layout::default(),
        aside: Vec::new(),
    };
    w.layout.mapping(PARTS[1], pairs, true);
    let found = w.keys(PARTS[1], pairs, &expected, &elsewhere);
    for (t, given) in found.into_iter().enumerate() {
        if let Some((k, n)) = given {
            w.layout.place(edition.part2[t].caption, k.pos.line, true);
            w.table(t, n, true);
        }
    }
    w.misplaced();
    let mut missing = Vec::new();
    for (spec, given) in edition.part2.iter().zip(&w.given) {
        if w.layout.line_of(spec.caption).is_none() && !given.contains(&true) {
            missing.push(spec.caption.to_string());
            continue;
        }
        missing.extend(
            spec.rows
                .iter()
                .zip(given)
                .filter(|(_, g)| !**g)
                .map(|(row, _)| format!("{} {}", spec.caption, row.label)),
        );
    }
    if !missing.is_empty() {
        r.diag(
            &REPORT_STRUCTURE,
            key.pos,
            t!(
                "report-part2-missing",
                part = PARTS[1],
                missing = missing.join(&t!("report-list-sep"))
            ),
        );
    }
    tables
}

/// Where a label of part 二 belongs: a sub-table's caption (under the part
/// heading), or a row of a sub-table.
#[derive(Clone, Copy)]
struct Spot {
    table: usize,
    row: Option<usize>,
}

struct Walk<'w, 'r, 'n> {
    r: &'w mut Reader<'r>,
    edition: &'static Edition,
    tables: &'w mut Vec<Part2Table>,
    /// For each row of each sub-table, whether it was read.
    given: Vec<Vec<bool>>,
    layout: Layout,
    /// Labels written under the wrong parent, read at their own place once
    /// the rest is read.
    aside: Vec<(&'n Key, &'n Node, &'static str, Spot)>,
}

impl<'n> Walk<'_, '_, 'n> {
    /// Matches the keys of `pairs`, written under `place`, to `expected`,
    /// putting aside those that belong under another parent.
    fn keys(
        &mut self,
        place: &'static str,
        pairs: &'n [(Key, Node)],
        expected: &[Expect],
        elsewhere: &Elsewhere,
    ) -> Vec<Option<(&'n Key, &'n Node)>> {
        let (kept, aside) = super::misplaced::split(pairs, |key| {
            let here = expected.iter().any(|e| {
                label::key(e.label) == key || e.aliases.iter().any(|a| label::key(a) == key)
            });
            self.locate(key)
                .filter(|spot| !here && self.parent(*spot) != place)
        });
        (self.aside).extend(aside.into_iter().map(|(k, v, spot)| (k, v, place, spot)));
        self.r.match_keys(place, kept, expected, elsewhere)
    }

    /// Where the label with key `key` belongs, if it is one of this part.
    fn locate(&self, key: &str) -> Option<Spot> {
        let tables = self.edition.part2;
        if let Some(table) = tables.iter().position(|t| label::key(t.caption) == key) {
            return Some(Spot { table, row: None });
        }
        tables.iter().enumerate().find_map(|(table, t)| {
            let row = t.rows.iter().position(|row| {
                label::key(row.label) == key || row.aliases.iter().any(|a| label::key(a) == key)
            })?;
            Some(Spot {
                table,
                row: Some(row),
            })
        })
    }

    /// The label of the mapping `spot` belongs in.
    fn parent(&self, spot: Spot) -> &'static str {
        match spot.row {
            None => PARTS[1],
            Some(_) => self.edition.part2[spot.table].caption,
        }
    }

    /// Reads the rows of sub-table `t`, written as `node`.
    fn table(&mut self, t: usize, node: &'n Node, right: bool) {
        let spec = &self.edition.part2[t];
        let Value::Map(pairs) = &node.value else {
            self.r.diag(
                &REPORT_STRUCTURE,
                node.pos,
                t!(
                    "report-rows-not-mapping",
                    place = spec.caption,
                    found = super::kind(&node.value)
                ),
            );
            return;
        };
        let expected: Vec<Expect> = spec
            .rows
            .iter()
            .map(|row| Expect {
                label: row.label,
                aliases: row.aliases,
            })
            .collect();
        let elsewhere: Elsewhere = EDITIONS
            .iter()
            .filter(|e| e.id != self.edition.id)
            .flat_map(|e| {
                e.part2
                    .iter()
                    .filter(|t| t.caption == spec.caption)
                    .flat_map(|t| t.rows.iter().map(|row| (row.label, e.id)))
            })
            .collect();
        self.layout.mapping(spec.caption, pairs, right);
        let found = self.keys(spec.caption, pairs, &expected, &elsewhere);
        for (i, given) in found.into_iter().enumerate() {
            if let Some((k, v)) = given {
                self.layout.place(spec.rows[i].label, k.pos.line, right);
                self.row(t, i, k, v);
            }
        }
    }

    /// Reads row `i` of sub-table `t`, written as `k: v`.
    fn row(&mut self, t: usize, i: usize, k: &Key, v: &Node) {
        let edition = self.edition;
        let spec = &edition.part2[t];
        let official = &spec.rows[i];
        // An accepted old wording (2019's 规范性文件 in a 2021 report) is
        // published under the official label, with a warning naming both:
        // a reader of the 2021 form must find the 2021 row.
        if label::key(&k.text) != label::key(official.label) {
            self.r.diag(
                &REPORT_OLD_LABEL,
                k.pos,
                t!(
                    "report-old-label",
                    place = spec.caption,
                    written = k.text.trim(),
                    edition = edition.id,
                    official = official.label
                ),
            );
        }
        let columns: Vec<&str> = spec.columns.iter().map(|c| c.label).collect();
        let kinds: Vec<_> = spec.columns.iter().map(|c| c.kind).collect();
        let rs = RowSpec {
            name: format!("{} {}", spec.caption, official.label),
            columns: &columns,
            kinds: &kinds,
            total: false,
            label: official.label.to_string(),
        };
        self.tables[t].rows[i] = read_row(self.r, &rs, k, v);
        self.given[t][i] = true;
    }

    /// Says where each misplaced caption or row belongs and reads it there.
    fn misplaced(&mut self) {
        let tables = self.edition.part2;
        let mut n = 0;
        while n < self.aside.len() {
            let (k, v, under, spot) = self.aside[n];
            n += 1;
            let (siblings, index, label): (Vec<&'static str>, usize, &'static str) = match spot.row
            {
                None => (
                    tables.iter().map(|t| t.caption).collect(),
                    spot.table,
                    tables[spot.table].caption,
                ),
                Some(i) => {
                    let rows = tables[spot.table].rows;
                    (rows.iter().map(|r| r.label).collect(), i, rows[i].label)
                }
            };
            let home_parent = self.parent(spot);
            let home = Home {
                under,
                parent: home_parent,
                grandparent: PARTS[1],
                siblings: &siblings,
                index,
                group: spot.row.is_none(),
                kin: self.aside[n..]
                    .iter()
                    .filter(|(_, _, u, s)| *u == under && self.parent(*s) == home_parent)
                    .count(),
                depth: u32::from(spot.row.is_some()),
                top: PARTS[1],
            };
            if !misplaced::report(self.r, &mut self.layout, k, &home) {
                continue;
            }
            self.layout.place(label, k.pos.line, false);
            match spot.row {
                None => self.table(spot.table, v, false),
                Some(i) => self.row(spot.table, i, k, v),
            }
        }
    }
}
