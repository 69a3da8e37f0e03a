//! Reading part 三 (收到和处理政府信息公开申请情况): the edition's row tree
//! of applications received and their results. An omitted （七）总计 is
//! computed here.

use super::super::edition::{self, APPLICANTS, EDITIONS, Edition, Entry, PARTS, Role};
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
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
            };
            w.walk(edition.part3, PARTS[2], pairs, 0);
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

struct Walk<'w, 'r> {
    r: &'w mut Reader<'r>,
    edition: &'static Edition,
    part: &'w mut Part3,
    given: &'w mut Vec<bool>,
}

impl Walk<'_, '_> {
    fn walk(
        &mut self,
        entries: &'static [Entry],
        place: &str,
        pairs: &[(Key, Node)],
        first: usize,
    ) {
        let expected: Vec<Expect> = entries.iter().map(|e| Expect::plain(e.label())).collect();
        let elsewhere: Elsewhere = EDITIONS
            .iter()
            .filter(|e| e.id != self.edition.id)
            .flat_map(|e| all_labels(e.part3).into_iter().map(move |l| (l, e.id)))
            .filter(|(l, _)| !expected.iter().any(|x| x.label == *l))
            .collect();
        let found = self.r.match_keys(place, pairs, &expected, &elsewhere);
        let mut at = first;
        for (entry, given) in entries.iter().zip(found) {
            if let Some((k, v)) = given {
                self.entry(entry, k, v, at);
            }
            at += edition::span(entry);
        }
    }

    fn entry(&mut self, entry: &'static Entry, k: &Key, v: &Node, at: usize) {
        match (entry, &v.value) {
            (Entry::Group(label, children), Value::Map(pairs)) => {
                self.walk(children, label, pairs, at)
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
