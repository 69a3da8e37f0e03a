//! The report's data as downloads: one JSON file with everything (totals
//! included, blanks as null) and one CSV per table, UTF-8 with a byte-order
//! mark so that Excel shows the Chinese.

use super::Report;
use super::edition::{APPLICANTS, CONTENT_HEADER, OUTCOMES, PARTS};
use super::{Data, Prose, Row};
use serde_json::{Map, Value, json};

/// The byte-order mark Excel needs to read UTF-8.
const BOM: &str = "\u{FEFF}";

/// The whole report as normalised JSON.
pub(crate) fn json(report: &Report) -> Value {
    let (env, data) = (report.envelope(), report.data());
    let mut m = Map::new();
    m.insert("year".into(), json!(env.year));
    m.insert("edition".into(), json!(data.edition.id));
    m.insert("agency".into(), json!(report.agency()));
    m.insert("title".into(), json!(report.title()));
    m.insert(
        "published".into(),
        json!(env.published.map(|d| d.to_string())),
    );
    m.insert("reproduces_original".into(), json!(env.reproduces_original));
    m.insert(PARTS[0].into(), prose(&data.overview));
    tables_into(data, &mut m);
    m.insert(PARTS[4].into(), prose(&data.problems));
    m.insert(PARTS[5].into(), prose(&data.other));
    Value::Object(m)
}

/// Parts 二–四 of `data` as the JSON download has them, under their
/// headings (also the summed tables of `gongkai review --format json`).
pub(crate) fn tables_json(data: &Data) -> Value {
    let mut m = Map::new();
    tables_into(data, &mut m);
    Value::Object(m)
}

fn tables_into(data: &Data, m: &mut Map<String, Value>) {
    let part2: Vec<Value> = data
        .part2
        .iter()
        .map(|t| {
            let mut columns = vec![CONTENT_HEADER];
            columns.extend(t.spec.columns.iter().map(|c| c.label));
            json!({"caption": t.spec.caption, "columns": columns, "rows": rows(&t.rows, |r| r.label.clone())})
        })
        .collect();
    m.insert(PARTS[1].into(), Value::Array(part2));
    let p3 = &data.part3;
    let rows3: Vec<Value> = p3
        .leaves
        .iter()
        .zip(&p3.rows)
        .map(|(l, r)| json!({"label": l.label, "groups": l.groups, "cells": cells(r)}))
        .collect();
    m.insert(
        PARTS[2].into(),
        json!({"columns": APPLICANTS, "rows": rows3}),
    );
    let rows4: Vec<Value> = data
        .edition
        .part4
        .iter()
        .zip(&data.part4.rows)
        .map(|(spec, r)| json!({"label": r.label, "groups": spec.groups, "cells": cells(r)}))
        .collect();
    m.insert(PARTS[3].into(), json!({"columns": OUTCOMES, "rows": rows4}));
}

fn cells(r: &Row) -> Vec<Value> {
    r.cells.iter().map(|c| c.json()).collect()
}

fn rows(rows: &[Row], label: impl Fn(&Row) -> String) -> Vec<Value> {
    rows.iter()
        .map(|r| json!({"label": label(r), "cells": cells(r)}))
        .collect()
}

fn prose(p: &Prose) -> Value {
    match p.sections.as_slice() {
        [(h, md)] if h.is_empty() => json!(md),
        sections => Value::Array(
            sections
                .iter()
                .map(|(h, md)| json!({"heading": h, "text": md}))
                .collect(),
        ),
    }
}

/// One CSV file: a header line and data lines, with BOM and CRLF endings.
pub(crate) fn csv(header: &[&str], lines: &[(String, Vec<String>)]) -> Vec<u8> {
    let mut out = String::from(BOM);
    let head: Vec<String> = header.iter().map(|h| field(h)).collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for (label, cells) in lines {
        let mut fields = vec![field(label)];
        fields.extend(cells.iter().map(|c| field(c)));
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One field of a CSV line: quoted when it holds a comma, a quote or a line
/// break. Text that a spreadsheet would take for a formula (`=…`, `+…`,
/// `-…`, `@…`, and after a tab or carriage return) is written after a `'`,
/// which Excel and WPS show as text: a cell typed as
/// `=HYPERLINK("http://…")` must not run when a reader opens the file. A
/// number such as `-3` is left as it is.
fn field(s: &str) -> String {
    let formula =
        s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV files of the report: (file name without folder, link label, bytes).
pub(crate) fn csvs(data: &Data, year: i32) -> Vec<(String, String, Vec<u8>)> {
    let shown = |r: &Row| r.cells.iter().map(|c| c.shown.clone()).collect::<Vec<_>>();
    let mut out = Vec::new();
    for (n, t) in data.part2.iter().enumerate() {
        let mut header = vec![CONTENT_HEADER];
        header.extend(t.spec.columns.iter().map(|c| c.label));
        let lines: Vec<_> = t.rows.iter().map(|r| (r.label.clone(), shown(r))).collect();
        out.push((
            format!("{year}-part2-{}.csv", n + 1),
            format!("{}（CSV）", t.spec.caption),
            csv(&header, &lines),
        ));
    }
    let p3 = &data.part3;
    let mut header = vec!["项目"];
    header.extend(APPLICANTS);
    let lines: Vec<_> = p3
        .leaves
        .iter()
        .zip(&p3.rows)
        .map(|(l, r)| (l.name(), shown(r)))
        .collect();
    out.push((
        format!("{year}-part3.csv"),
        format!("{}（CSV）", PARTS[2]),
        csv(&header, &lines),
    ));
    let mut header = vec!["项目"];
    header.extend(OUTCOMES);
    let lines: Vec<_> = data
        .edition
        .part4
        .iter()
        .zip(&data.part4.rows)
        .map(|(spec, r)| (spec.name(), shown(r)))
        .collect();
    out.push((
        format!("{year}-part4.csv"),
        format!("{}（CSV）", PARTS[3]),
        csv(&header, &lines),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn formulas_are_written_as_text_and_numbers_as_numbers() {
        assert_eq!(
            field("=HYPERLINK(\"http://evil.example\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""
        );
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("+1+cmd"), "'+1+cmd");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("+19"), "+19");
        assert_eq!(field("12.5万元"), "12.5万元");
        assert_eq!(field("a,b"), "\"a,b\"");
    }
}
