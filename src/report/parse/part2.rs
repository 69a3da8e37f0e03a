//! Reading part 二 (主动公开政府信息情况): the edition's sub-tables, each
//! keyed by its caption and holding its rows.

use super::super::edition::{EDITIONS, Edition, PARTS};
use super::super::yaml::{Key, Node, Value};
use super::keys::{Elsewhere, Expect, Reader};
use super::{RowSpec, read_row};
use crate::diag::codes::REPORT_STRUCTURE;
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
            format!(
                "{}: expected the sub-tables 第二十条第（一）项 … as a mapping, found {}",
                PARTS[1],
                node.value.kind()
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
            format!("{}: missing {}", PARTS[1], missing.join(", ")),
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
            format!(
                "{}: expected its rows as a mapping, found {}",
                spec.caption,
                node.value.kind()
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
        // An accepted old wording is shown as written, since the page
        // reproduces the signed report.
        let label = if super::super::label::key(&k.text) == super::super::label::key(official.label)
        {
            official.label.to_string()
        } else {
            k.text.trim().to_string()
        };
        let rs = RowSpec {
            name: format!("{} {}", spec.caption, official.label),
            columns: &columns,
            kinds: &kinds,
            total: false,
            label,
        };
        *row = read_row(r, &rs, k, v);
    }
}
