//! Reading part 四 (政府信息公开行政复议、行政诉讼情况): each row of the
//! edition's part 四 under its own label, or, when it has a group (the two
//! kinds of 行政诉讼), under its label inside the group's mapping.

use super::super::edition::{CellKind, Edition, OUTCOMES, PARTS, Row4};
use super::super::yaml::{Key, Node, Value};
use super::keys::{Expect, Reader};
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
    let expected: Vec<Expect> = top.iter().map(|l| Expect::plain(l)).collect();
    let found = r.match_keys(PARTS[3], pairs, &expected, &Vec::new());
    let mut missing = Vec::new();
    for (label, given) in top.iter().zip(found) {
        let under: Vec<usize> = (0..specs.len())
            .filter(|i| specs[*i].top() == *label)
            .collect();
        match (given, under.as_slice()) {
            (None, _) => missing.push((*label).to_string()),
            (Some((k, v)), [i]) if specs[*i].groups.is_empty() => {
                p.rows[*i] = row4(r, &specs[*i], k, v);
            }
            (Some((_, v)), _) => {
                let mut g = Group {
                    label,
                    specs,
                    under: &under,
                    part: &mut p,
                };
                g.read(r, v, &mut missing);
            }
        }
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

/// A group of part 四 rows written as one mapping (行政诉讼).
struct Group<'g> {
    label: &'g str,
    specs: &'static [Row4],
    /// The positions of its rows in `specs`.
    under: &'g [usize],
    part: &'g mut Part4,
}

impl Group<'_> {
    fn read(&mut self, r: &mut Reader<'_>, v: &Node, missing: &mut Vec<String>) {
        let labels: Vec<&'static str> = self.under.iter().map(|i| self.specs[*i].label).collect();
        let Value::Map(pairs) = &v.value else {
            r.diag(
                &REPORT_STRUCTURE,
                v.pos,
                t!(
                    "report-part4-not-mapping",
                    place = self.label,
                    rows = labels.join(&t!("report-list-and")),
                    found = super::kind(&v.value)
                ),
            );
            return;
        };
        let expected: Vec<Expect> = labels.iter().map(|l| Expect::plain(l)).collect();
        let found = r.match_keys(self.label, pairs, &expected, &Vec::new());
        for (i, given) in self.under.iter().zip(found) {
            let spec = &self.specs[*i];
            match given {
                Some((k, v)) => self.part.rows[*i] = row4(r, spec, k, v),
                None => missing.push(spec.name()),
            }
        }
    }
}
