//! Reading the two application tables: part 三 (the row tree of
//! applications received and their results) and part 四 (行政复议 and
//! 行政诉讼). Omitted totals are computed here.

use super::super::edition::{
    self, APPLICANTS, EDITIONS, Edition, Entry, LITIGATION, LITIGATION_KINDS, OUTCOMES, PARTS,
    REVIEW, Role,
};
use super::super::model::{Cell, Part3, Part4, Row};
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
use super::{RowSpec, read_row};
use crate::report::edition::CellKind;

const COUNTS7: [CellKind; 7] = [CellKind::Count; 7];
const COUNTS5: [CellKind; 5] = [CellKind::Count; 5];

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
            r.error(
                node.pos,
                format!(
                    "{}: expected its rows as a mapping, found {}",
                    PARTS[2],
                    other.kind()
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
        r.error(
            key.pos,
            format!("{}: missing rows: {}", PARTS[2], missing.join(", ")),
        );
    }
    if let Some(t) = p.leaves.iter().position(|l| l.role == Role::ResultTotal) {
        if !given[t] {
            p.rows[t] = computed_total(&p);
        }
    }
    p
}

/// （七）总计 computed from the results, column by column.
fn computed_total(p: &Part3) -> Row {
    let results: Vec<&Row> = p
        .leaves
        .iter()
        .zip(&p.rows)
        .filter(|(l, _)| l.role == Role::Result)
        .map(|(_, r)| r)
        .collect();
    Row {
        label: edition::RESULT_TOTAL.to_string(),
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
        let expected: Vec<Expect> = entries
            .iter()
            .map(|e| Expect::plain(entry_label(e)))
            .collect();
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
                self.r.error(
                    v.pos,
                    format!(
                        "{label}: expected its numbered rows as a mapping, found {}",
                        other.kind()
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
        let label = entry_label(entry);
        let own = self.edition.id;
        let msg = match entry {
            Entry::Group(_, children) => format!(
                "{label}: in the {own} edition this holds the rows {}, not numbers of its own",
                children
                    .iter()
                    .map(entry_label)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Entry::Row(..) => format!(
                "{label}: in the {own} edition this is one row of 7 numbers, not a group of rows"
            ),
        };
        let other = EDITIONS.iter().find(|e| {
            e.id != own && is_group_in(e.part3, label) != matches!(entry, Entry::Group(..))
        });
        let d = self.r.error(k.pos, msg);
        if let Some(e) = other {
            d.hint = Some(format!(
                "the {0} edition has it the way it is written here: if the report follows that format, write `edition: {0}`",
                e.id
            ));
        }
    }
}

fn entry_label(e: &Entry) -> &'static str {
    match e {
        Entry::Row(l, _) | Entry::Group(l, _) => l,
    }
}

fn all_labels(entries: &'static [Entry]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for e in entries {
        out.push(entry_label(e));
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

/// Reads part 四: 行政复议, then 行政诉讼 with its two kinds.
pub(crate) fn read_part4(r: &mut Reader<'_>, part: Option<(&Key, &Node)>) -> Part4 {
    let mut p = Part4 {
        rows: vec![
            Row::absent(REVIEW, 5),
            Row::absent(LITIGATION_KINDS[0], 5),
            Row::absent(LITIGATION_KINDS[1], 5),
        ],
    };
    let Some((key, node)) = part else {
        return p;
    };
    let Value::Map(pairs) = &node.value else {
        r.error(
            node.pos,
            format!(
                "{}: expected 行政复议 and 行政诉讼 as a mapping, found {}",
                PARTS[3],
                node.value.kind()
            ),
        );
        return p;
    };
    let found = r.match_keys(
        PARTS[3],
        pairs,
        &[Expect::plain(REVIEW), Expect::plain(LITIGATION)],
        &Vec::new(),
    );
    let mut missing = Vec::new();
    match found[0] {
        Some((k, v)) => p.rows[0] = row4(r, REVIEW.to_string(), REVIEW, k, v),
        None => missing.push(REVIEW.to_string()),
    }
    match found[1] {
        Some((
            _,
            Node {
                value: Value::Map(kinds),
                ..
            },
        )) => litigation(r, kinds, &mut p, &mut missing),
        Some((_, v)) => {
            r.error(
                v.pos,
                format!(
                    "{LITIGATION}: expected 未经复议直接起诉 and 复议后起诉 as a mapping, found {}",
                    v.value.kind()
                ),
            );
        }
        None => missing.push(LITIGATION.to_string()),
    }
    if !missing.is_empty() {
        r.error(
            key.pos,
            format!("{}: missing rows: {}", PARTS[3], missing.join(", ")),
        );
    }
    p
}

fn row4(r: &mut Reader<'_>, name: String, label: &str, k: &Key, v: &Node) -> Row {
    let spec = RowSpec {
        name,
        columns: &OUTCOMES,
        kinds: &COUNTS5,
        total: true,
        label: label.to_string(),
    };
    read_row(r, &spec, k, v)
}

/// The two kinds of 行政诉讼, into rows 1 and 2 of `p`.
fn litigation(r: &mut Reader<'_>, kinds: &[(Key, Node)], p: &mut Part4, missing: &mut Vec<String>) {
    let expected = LITIGATION_KINDS.map(Expect::plain);
    let found = r.match_keys(LITIGATION, kinds, &expected, &Vec::new());
    for (i, given) in found.into_iter().enumerate() {
        let label = LITIGATION_KINDS[i];
        match given {
            Some((k, v)) => p.rows[i + 1] = row4(r, format!("{LITIGATION} {label}"), label, k, v),
            None => missing.push(format!("{LITIGATION} {label}")),
        }
    }
}
