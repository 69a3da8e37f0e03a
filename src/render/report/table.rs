//! The HTML of the report's tables, laid out as on the official form: part
//! 二's captioned sub-tables, part 三 with its three header rows and the
//! group labels spanning their rows, part 四 with its two-level header.
//! Every header comes from the edition's tables, walked in order.
//!
//! Every data cell names its headers (`headers` = ids of the row and column
//! header cells) so a screen reader says "（三）不予公开 1.属于国家秘密, 自然人: 0".
//! Ids carry the table's prefix, so they are unique on the page.

use crate::render::escape::escape as esc;
use crate::report::edition::{
    APPLICANT_GROUPS, APPLICANTS, APPLICANTS_HEADER, CONTENT_HEADER, OUTCOMES, PART3_NOTE, Row4,
};
use crate::report::{Cell, Data, Num, Part2Table, Part3};
use std::fmt::Write as _;

/// How a table is laid out on a narrow screen.
#[derive(Clone, Copy)]
enum Layout {
    /// Part 二: narrow enough; its first column (the row labels) stays in
    /// place if it must scroll.
    StickyFirst,
    /// Part 三: wide, with three columns of row labels (`col0`…`col2`)
    /// that stay in place while the numbers scroll; a hint says so.
    Part3,
    /// Part 四: wide, no row labels; a hint says that it scrolls.
    Wide,
}

/// Opens the scrolling box and the table with its caption. The box is a
/// labelled region with `tabindex="0"`, so a keyboard user can scroll it.
fn open(out: &mut String, id: &str, caption: &str, caption_class: &str, layout: Layout) {
    let (class, hint) = match layout {
        Layout::StickyFirst => ("sticky-first", false),
        Layout::Part3 => ("sticky-labels wide", true),
        Layout::Wide => ("wide", true),
    };
    if hint {
        out.push_str("<p class=\"scroll-hint\">表格较宽，可左右滑动查看。</p>");
    }
    let _ = write!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{id}-cap\" tabindex=\"0\">\
         <table class=\"report-table {class}\" id=\"{id}\"><caption id=\"{id}-cap\"{caption_class}>{}</caption>",
        esc(caption)
    );
}

/// Closes the table, then adds the notes of a reproduced original, if any.
fn close(out: &mut String, notes: &[String]) {
    out.push_str("</table></div>");
    if notes.is_empty() {
        return;
    }
    out.push_str(
        "<div class=\"report-note\" role=\"note\"><p>本表照录已公开的原件。原件中以下勾稽关系不成立：</p><ul>",
    );
    for n in notes {
        let _ = write!(out, "<li>{}</li>", esc(n));
    }
    out.push_str("</ul></div>");
}

fn td(out: &mut String, cell: &Cell, headers: &str) {
    let class = match cell.num {
        Num::Text => "cell-text",
        Num::Blank => "num blank",
        Num::Int(_) | Num::Dec(_) => "num",
    };
    let _ = write!(
        out,
        "<td class=\"{class}\" headers=\"{headers}\">{}</td>",
        esc(&cell.shown)
    );
}

/// One sub-table of part 二; `n` is its 1-based number within the part.
pub(super) fn part2(t: &Part2Table, n: usize) -> String {
    let id = format!("t2-{n}");
    let mut out = String::new();
    open(&mut out, &id, t.spec.caption, "", Layout::StickyFirst);
    let _ = write!(
        out,
        "<thead><tr><th scope=\"col\" id=\"{id}-h0\">{CONTENT_HEADER}</th>"
    );
    for (c, col) in t.spec.columns.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\" id=\"{id}-h{}\">{}</th>",
            c + 1,
            esc(col.label)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for (r, row) in t.rows.iter().enumerate() {
        let rid = format!("{id}-r{}", r + 1);
        let _ = write!(
            out,
            "<tr><th scope=\"row\" id=\"{rid}\">{}</th>",
            esc(&row.label)
        );
        for (c, cell) in row.cells.iter().enumerate() {
            td(&mut out, cell, &format!("{rid} {id}-h{}", c + 1));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
    close(&mut out, &[]);
    out
}

/// Part 三, with `notes` under it in published-original mode.
pub(super) fn part3(p: &Part3, caption: &str, notes: &[String]) -> String {
    let mut out = String::new();
    open(
        &mut out,
        "t3",
        caption,
        " class=\"visually-hidden\"",
        Layout::Part3,
    );
    let groups = column_groups();
    part3_head(&mut out, &groups);
    part3_body(&mut out, p, &groups);
    close(&mut out, notes);
    out
}

/// The id of the header cell of each part 三 column's group, if it has one:
/// `t3-legal` for the first group (法人或其他组织, the only one so far).
fn column_groups() -> Vec<Option<String>> {
    let mut seen: Vec<&str> = Vec::new();
    APPLICANT_GROUPS
        .iter()
        .map(|g| {
            let g = (*g)?;
            let n = seen.iter().position(|s| *s == g).unwrap_or_else(|| {
                seen.push(g);
                seen.len() - 1
            });
            Some(if n == 0 {
                "t3-legal".to_string()
            } else {
                format!("t3-legal{n}")
            })
        })
        .collect()
}

/// The three header rows of part 三.
fn part3_head(out: &mut String, groups: &[Option<String>]) {
    let _ = write!(
        out,
        "<thead><tr><td colspan=\"3\" rowspan=\"3\" class=\"table-note col0\">{PART3_NOTE}</td>\
         <th colspan=\"{}\" id=\"t3-applicants\">{APPLICANTS_HEADER}</th></tr><tr>",
        APPLICANTS.len()
    );
    for (c, label) in APPLICANTS.iter().enumerate() {
        match (&groups[c], APPLICANT_GROUPS[c]) {
            (Some(id), Some(g)) if c == 0 || groups[c - 1].as_ref() != Some(id) => {
                let span = groups[c..]
                    .iter()
                    .take_while(|x| x.as_ref() == Some(id))
                    .count();
                let _ = write!(out, "<th colspan=\"{span}\" id=\"{id}\">{}</th>", esc(g));
            }
            (Some(_), _) => {}
            (None, _) => {
                let _ = write!(
                    out,
                    "<th rowspan=\"2\" scope=\"col\" id=\"t3-c{c}\">{}</th>",
                    esc(label)
                );
            }
        }
    }
    out.push_str("</tr><tr>");
    for (c, label) in APPLICANTS.iter().enumerate() {
        if groups[c].is_some() {
            let _ = write!(out, "<th scope=\"col\" id=\"t3-c{c}\">{}</th>", esc(label));
        }
    }
    out.push_str("</tr></thead>");
}

/// The data rows of part 三, with the group labels spanning their rows.
fn part3_body(out: &mut String, p: &Part3, groups: &[Option<String>]) {
    out.push_str("<tbody>");
    // The group header cells open at the moment: (label, id).
    let mut open_groups: Vec<(&str, String)> = Vec::new();
    for (i, (leaf, row)) in p.leaves.iter().zip(&p.rows).enumerate() {
        out.push_str("<tr>");
        open_groups.truncate(
            open_groups
                .iter()
                .zip(&leaf.groups)
                .take_while(|((a, _), b)| a == *b)
                .count(),
        );
        for (depth, group) in leaf.groups.iter().enumerate().skip(open_groups.len()) {
            let span = p.leaves[i..]
                .iter()
                .take_while(|l| l.groups.get(..=depth) == leaf.groups.get(..=depth))
                .count();
            let gid = format!("t3-g{i}-{depth}");
            let _ = write!(
                out,
                "<th rowspan=\"{span}\" scope=\"row\" id=\"{gid}\" class=\"group col{}\">{}</th>",
                depth.min(2),
                esc(group)
            );
            open_groups.push((group, gid));
        }
        let rid = format!("t3-r{i}");
        // The label starts in the column after its groups and spans the
        // rest of the three label columns.
        let start = leaf.groups.len().min(2);
        let colspan = 3 - start;
        let colspan = if colspan > 1 {
            format!(" colspan=\"{colspan}\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<th scope=\"row\" id=\"{rid}\"{colspan} class=\"col{start}\">{}</th>",
            esc(&row.label)
        );
        let mut row_headers: Vec<&str> = open_groups.iter().map(|(_, id)| id.as_str()).collect();
        row_headers.push(&rid);
        let row_headers = row_headers.join(" ");
        for (c, cell) in row.cells.iter().enumerate() {
            let group = match groups.get(c) {
                Some(Some(id)) => format!(" {id}"),
                _ => String::new(),
            };
            td(out, cell, &format!("{row_headers}{group} t3-c{c}"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
}

/// The header cell ids of one part 四 row.
struct Head4 {
    /// The first-level header: the row itself, or its group.
    top: String,
    /// The second-level header of a grouped row.
    row: Option<String>,
    /// The outcome headers above its cells.
    cells: Vec<String>,
}

/// Ids for each row of part 四: an ungrouped row (行政复议) has `t4-review`
/// over `t4-r-0` …; the n-th grouped row (the kinds of 行政诉讼) has
/// `t4-lit` over `t4-lit{n}` over `t4-l{n}-0` ….
fn part4_ids(specs: &[Row4]) -> Vec<Head4> {
    let (mut plain, mut grouped) = (0, 0);
    let mut tops: Vec<&str> = Vec::new();
    specs
        .iter()
        .map(|spec| {
            let n = |i: usize, base: &str| {
                if i == 0 {
                    base.to_string()
                } else {
                    format!("{base}{i}")
                }
            };
            if spec.groups.is_empty() {
                let (top, prefix) = (n(plain, "t4-review"), n(plain, "t4-r"));
                plain += 1;
                let cells = (0..OUTCOMES.len())
                    .map(|k| format!("{prefix}-{k}"))
                    .collect();
                return Head4 {
                    top,
                    row: None,
                    cells,
                };
            }
            if !tops.contains(&spec.top()) {
                tops.push(spec.top());
            }
            let g = grouped;
            grouped += 1;
            Head4 {
                top: n(tops.len() - 1, "t4-lit"),
                row: Some(format!("t4-lit{g}")),
                cells: (0..OUTCOMES.len())
                    .map(|k| format!("t4-l{g}-{k}"))
                    .collect(),
            }
        })
        .collect()
}

/// Part 四, with `notes` under it in published-original mode.
pub(super) fn part4(d: &Data, caption: &str, notes: &[String]) -> String {
    let ids = part4_ids(d.edition.part4);
    let mut out = String::new();
    open(
        &mut out,
        "t4",
        caption,
        " class=\"visually-hidden\"",
        Layout::Wide,
    );
    part4_head(&mut out, d, &ids);
    out.push_str("<tbody><tr>");
    for (row, head) in d.part4.rows.iter().zip(&ids) {
        let above = match &head.row {
            Some(r) => format!("{} {r}", head.top),
            None => head.top.clone(),
        };
        for (cell, id) in row.cells.iter().zip(&head.cells) {
            td(&mut out, cell, &format!("{above} {id}"));
        }
    }
    out.push_str("</tr></tbody>");
    close(&mut out, notes);
    out
}

/// The three header rows of part 四: 行政复议 and 行政诉讼; the outcomes
/// of 行政复议 and the kinds of 行政诉讼; the outcomes of each kind.
fn part4_head(out: &mut String, d: &Data, ids: &[Head4]) {
    let specs = d.edition.part4;
    out.push_str("<thead><tr>");
    for top in d.edition.part4_top() {
        let under: Vec<usize> = (0..specs.len())
            .filter(|i| specs[*i].top() == top)
            .collect();
        let id = under.first().map_or("", |i| ids[*i].top.as_str());
        let _ = write!(
            out,
            "<th colspan=\"{}\" id=\"{id}\">{}</th>",
            OUTCOMES.len() * under.len(),
            esc(top)
        );
    }
    out.push_str("</tr><tr>");
    for (spec, head) in specs.iter().zip(ids) {
        match &head.row {
            None => {
                for (label, id) in OUTCOMES.iter().zip(&head.cells) {
                    let _ = write!(
                        out,
                        "<th rowspan=\"2\" scope=\"col\" id=\"{id}\">{label}</th>"
                    );
                }
            }
            Some(id) => {
                let _ = write!(
                    out,
                    "<th colspan=\"{}\" id=\"{id}\">{}</th>",
                    OUTCOMES.len(),
                    esc(spec.label)
                );
            }
        }
    }
    out.push_str("</tr><tr>");
    for head in ids.iter().filter(|h| h.row.is_some()) {
        for (label, id) in OUTCOMES.iter().zip(&head.cells) {
            let _ = write!(out, "<th scope=\"col\" id=\"{id}\">{label}</th>");
        }
    }
    out.push_str("</tr></thead>");
}
