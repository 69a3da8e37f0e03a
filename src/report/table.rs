//! The HTML of the report's tables, laid out as on the official form: part
//! 二's captioned sub-tables, part 三 with its three header rows and the
//! group labels spanning their rows, part 四 with its two-level header.
//!
//! Every data cell names its headers (`headers` = ids of the row and column
//! header cells) so a screen reader says "（三）不予公开 1.属于国家秘密, 自然人: 0".
//! Ids carry the table's prefix, so they are unique on the page.

use super::edition::{
    APPLICANTS, APPLICANTS_HEADER, CONTENT_HEADER, LEGAL_PERSONS, LITIGATION, LITIGATION_KINDS,
    OUTCOMES, PART3_NOTE, REVIEW,
};
use super::model::{Cell, Num, Part2Table, Part3, Part4};
pub(crate) use crate::render::escape::escape as esc;
use std::fmt::Write as _;

/// Opens the scrolling box and the table with its caption.
fn open(out: &mut String, id: &str, caption: &str, caption_class: &str) {
    let _ = write!(
        out,
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{id}-cap\" tabindex=\"0\">\
         <table class=\"report-table\" id=\"{id}\"><caption id=\"{id}-cap\"{caption_class}>{}</caption>",
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
pub(crate) fn part2(t: &Part2Table, n: usize) -> String {
    let id = format!("t2-{n}");
    let mut out = String::new();
    open(&mut out, &id, t.spec.caption, "");
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
pub(crate) fn part3(p: &Part3, caption: &str, notes: &[String]) -> String {
    let mut out = String::new();
    open(&mut out, "t3", caption, " class=\"visually-hidden\"");
    part3_head(&mut out);
    part3_body(&mut out, p);
    close(&mut out, notes);
    out
}

/// The three header rows of part 三.
fn part3_head(out: &mut String) {
    let _ = write!(
        out,
        "<thead><tr><td colspan=\"3\" rowspan=\"3\" class=\"table-note\">{PART3_NOTE}</td>\
         <th colspan=\"7\" id=\"t3-applicants\">{APPLICANTS_HEADER}</th></tr>\
         <tr><th rowspan=\"2\" scope=\"col\" id=\"t3-c0\">{}</th>\
         <th colspan=\"5\" id=\"t3-legal\">{LEGAL_PERSONS}</th>\
         <th rowspan=\"2\" scope=\"col\" id=\"t3-c6\">{}</th></tr><tr>",
        APPLICANTS[0], APPLICANTS[6]
    );
    for (c, label) in APPLICANTS.iter().enumerate().take(6).skip(1) {
        let _ = write!(out, "<th scope=\"col\" id=\"t3-c{c}\">{label}</th>");
    }
    out.push_str("</tr></thead>");
}

/// The data rows of part 三, with the group labels spanning their rows.
fn part3_body(out: &mut String, p: &Part3) {
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
                "<th rowspan=\"{span}\" scope=\"row\" id=\"{gid}\" class=\"group\">{}</th>",
                esc(group)
            );
            open_groups.push((group, gid));
        }
        let rid = format!("t3-r{i}");
        let colspan = 3 - leaf.groups.len().min(2);
        let colspan = if colspan > 1 {
            format!(" colspan=\"{colspan}\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<th scope=\"row\" id=\"{rid}\"{colspan}>{}</th>",
            esc(&row.label)
        );
        let mut row_headers: Vec<&str> = open_groups.iter().map(|(_, id)| id.as_str()).collect();
        row_headers.push(&rid);
        let row_headers = row_headers.join(" ");
        for (c, cell) in row.cells.iter().enumerate() {
            let legal = if (1..6).contains(&c) { " t3-legal" } else { "" };
            td(out, cell, &format!("{row_headers}{legal} t3-c{c}"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
}

/// Part 四, with `notes` under it in published-original mode.
pub(crate) fn part4(p: &Part4, caption: &str, notes: &[String]) -> String {
    let mut out = String::new();
    open(&mut out, "t4", caption, " class=\"visually-hidden\"");
    let _ = write!(
        out,
        "<thead><tr><th colspan=\"5\" id=\"t4-review\">{REVIEW}</th>\
         <th colspan=\"10\" id=\"t4-lit\">{LITIGATION}</th></tr><tr>"
    );
    for (k, label) in OUTCOMES.iter().enumerate() {
        let _ = write!(
            out,
            "<th rowspan=\"2\" scope=\"col\" id=\"t4-r-{k}\">{label}</th>"
        );
    }
    for (g, kind) in LITIGATION_KINDS.iter().enumerate() {
        let _ = write!(out, "<th colspan=\"5\" id=\"t4-lit{g}\">{kind}</th>");
    }
    out.push_str("</tr><tr>");
    for g in 0..2 {
        for (k, label) in OUTCOMES.iter().enumerate() {
            let _ = write!(out, "<th scope=\"col\" id=\"t4-l{g}-{k}\">{label}</th>");
        }
    }
    out.push_str("</tr></thead><tbody><tr>");
    for (r, row) in p.rows.iter().enumerate() {
        for (k, cell) in row.cells.iter().enumerate() {
            let headers = match r {
                0 => format!("t4-review t4-r-{k}"),
                _ => format!("t4-lit t4-lit{g} t4-l{g}-{k}", g = r - 1),
            };
            td(&mut out, cell, &headers);
        }
    }
    out.push_str("</tr></tbody>");
    close(&mut out, notes);
    out
}
