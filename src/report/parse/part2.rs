//! Reading part 二 (主动公开政府信息情况): the edition's sub-tables, each
//! keyed by its caption and holding its rows.

use super::super::edition::{EDITIONS, Edition, PARTS};
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
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
    let found = r.match_keys(PARTS[1], pairs, &expected, &elsewhere);
    let mut missing = Vec::new();
    for (table, given) in tables.iter_mut().zip(found) {
        match given {
            Some((_, n)) => read_table(r, table, n, edition, &mut missing),
            None => missing.push(table.spec.caption.to_string()),
        }
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

fn read_table(
    r: &mut Reader<'_>,
    table: &mut Part2Table,
    node: &Node,
    edition: &Edition,
    missing: &mut Vec<String>,
) {
    let spec = table.spec;
    let Value::Map(pairs) = &node.value else {
        r.diag(
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
        .filter(|e| e.id != edition.id)
        .flat_map(|e| {
            e.part2
                .iter()
                .filter(|t| t.caption == spec.caption)
                .flat_map(|t| t.rows.iter().map(|row| (row.label, e.id)))
        })
        .collect();
    let found = r.match_keys(spec.caption, pairs, &expected, &elsewhere);
    let columns: Vec<&str> = spec.columns.iter().map(|c| c.label).collect();
    let kinds: Vec<_> = spec.columns.iter().map(|c| c.kind).collect();
    for ((row, given), official) in table.rows.iter_mut().zip(found).zip(spec.rows) {
        let Some((k, v)) = given else {
            missing.push(format!("{} {}", spec.caption, official.label));
            continue;
        };
        // An accepted old wording (2019's 规范性文件 in a 2021 report) is
        // published under the official label, with a warning naming both:
        // a reader of the 2021 form must find the 2021 row.
        if super::super::label::key(&k.text) != super::super::label::key(official.label) {
            r.diag(
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
        let rs = RowSpec {
            name: format!("{} {}", spec.caption, official.label),
            columns: &columns,
            kinds: &kinds,
            total: false,
            label: official.label.to_string(),
        };
        *row = read_row(r, &rs, k, v);
    }
}
