//! Annual reports (政府信息公开工作年度报告): one YAML file per year, read
//! against the official format of its edition, checked cell by cell, and
//! rendered as the report page, its downloads and the column page's chart.
//!
//! Stages, in order: `yaml` (text → tree with positions), `parse` (tree →
//! [`model::Data`], structure and rule E), `rules` (A–D, F, G), then `table`,
//! `export` and `chart` for output. `edition` holds the format as data and
//! `scaffold` writes a blank report for `gongkai new report`.

mod chart;
pub mod edition;
mod export;
mod label;
mod model;
mod parse;
mod rules;
pub mod scaffold;
mod table;
#[cfg(test)]
mod tests;
mod yaml;

use crate::diag::Diagnostic;
use edition::{PARTS, Role};
use model::{Data, Prose};
use parse::Envelope;
use parse::keys::Reader;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use yaml::Pos;

/// One parsed and checked report.
#[derive(Debug, Clone)]
pub struct Report {
    path: PathBuf,
    env: Envelope,
    data: Data,
    /// Rule findings, shown under the tables in published-original mode.
    findings: Vec<rules::Finding>,
    /// The download files (path, label, bytes), made once when the report
    /// is read: the link index, the page and the output all list them.
    downloads: Vec<(String, String, Vec<u8>)>,
}

/// First column of the 2021 edition's 第二十条第（一）项, which has 现行有效件数.
const IN_FORCE_FIRST_COLUMN: &str = "本年制发件数";

/// Parses and validates one report file. `display_path` is what diagnostics
/// show (e.g. content/ndbg/2020.yaml). `default_agency` is the site's
/// organisation, used when the file has no `agency`. Pushes all findings.
/// Returns None only when the file is too broken to render.
pub fn load(
    display_path: &Path,
    text: &str,
    default_agency: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Report> {
    let mut r = Reader {
        path: display_path,
        diags,
        lenient: false,
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err((msg, pos)) => {
            r.error(pos, format!("invalid YAML: {msg}"));
            return None;
        }
    };
    let (env, data) = parse::read(&mut r, &root, default_agency)?;
    let findings = rules::check(&data);
    for f in &findings {
        let line = if f.line > 0 { f.line } else { data.part3.line };
        let d = r.finding(Pos { line, col: 0 }, f.message.clone());
        if env.reproduces_original {
            d.hint = Some(
                "kept as published (reproduces_original); the page notes it under the table".into(),
            );
        }
    }
    let stem = display_path.file_stem().and_then(|s| s.to_str());
    if let Some(stem_year) = stem.and_then(|s| s.parse::<i32>().ok()) {
        if stem_year != env.year {
            r.warning(
                Pos::default(),
                format!(
                    "the file is named {stem_year} but reports on `year: {}`",
                    env.year
                ),
            );
        }
    }
    let mut report = Report {
        path: display_path.to_path_buf(),
        env,
        data,
        findings,
        downloads: Vec::new(),
    };
    report.downloads = report.make_downloads();
    Some(report)
}

/// Cross-year rules: F (carried over) as a warning naming both files, G (in
/// force) as a warning worded as a hint. `reports` may be in any order.
pub(crate) fn check_series(reports: &[Report], diags: &mut Vec<Diagnostic>) {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by_key(|r| r.env.year);
    for pair in sorted.windows(2) {
        let [prev, next] = pair else { continue };
        if next.env.year != prev.env.year + 1 {
            continue;
        }
        let (a, b) = (prev.year_data(), next.year_data());
        if let Some((line, msg)) = rules::carried_over(&a, &b) {
            diags.push(Diagnostic::warning(&next.path, msg).at_line(line));
        }
        for (line, msg) in rules::in_force(&a, &b) {
            diags.push(
                Diagnostic::warning(&next.path, msg)
                    .at_line(line)
                    .with_hint("only a hint: documents can also lapse without being repealed"),
            );
        }
    }
}

impl Report {
    fn year_data(&self) -> rules::YearData<'_> {
        rules::YearData {
            year: self.env.year,
            path: &self.path,
            data: &self.data,
        }
    }

    /// The reported year.
    pub(crate) fn year(&self) -> i32 {
        self.env.year
    }

    /// The title.
    pub(crate) fn title(&self) -> &str {
        &self.env.title
    }

    /// The publication date, `YYYY-MM-DD`.
    pub(crate) fn published(&self) -> &str {
        &self.env.published
    }

    /// The page's name: `2020` gives `<column>/2020.html`, downloads in `<column>/2020/`.
    pub(crate) fn slug(&self) -> String {
        self.env.year.to_string()
    }

    /// 四、结转下年度继续办理 (seven cells), for the next year's scaffold.
    pub fn carried_out(&self) -> Option<Vec<i64>> {
        let p = &self.data.part3;
        let (_, row) = p
            .leaves
            .iter()
            .zip(&p.rows)
            .find(|(l, _)| l.role == Role::CarriedOut)?;
        row.sound
            .then(|| row.cells.iter().map(model::Cell::count).collect())
    }

    /// 现行有效件数 of each row of 第二十条第（一）项 (2021 edition only), for
    /// the next year's scaffold.
    pub fn in_force(&self) -> Option<Vec<i64>> {
        let table = self
            .data
            .part2
            .iter()
            .find(|t| t.spec.columns.first().map(|c| c.label) == Some(IN_FORCE_FIRST_COLUMN))?;
        table
            .rows
            .iter()
            .map(|r| (r.sound && r.cells.len() == 3).then(|| r.cells[2].count()))
            .collect()
    }

    /// The Chinese notes of a reproduced original, for one table.
    fn notes(&self, table: rules::Table) -> Vec<String> {
        if !self.env.reproduces_original {
            return Vec::new();
        }
        self.findings
            .iter()
            .filter(|f| f.table == table)
            .map(|f| f.note.clone())
            .collect()
    }

    /// Context for report.html, under the key `report`.
    pub(crate) fn page_context(&self) -> Value {
        let d = &self.data;
        let notes3 = self.notes(rules::Table::Applications);
        let notes4 = self.notes(rules::Table::Reviews);
        let part2: String = d
            .part2
            .iter()
            .enumerate()
            .map(|(i, t)| table::part2(t, i + 1))
            .collect();
        let htmls = [
            prose_html(&d.overview),
            part2,
            table::part3(&d.part3, PARTS[2], &notes3),
            table::part4(&d.part4, PARTS[3], &notes4),
            prose_html(&d.problems),
            prose_html(&d.other),
        ];
        let parts: Vec<Value> = PARTS
            .iter()
            .zip(htmls)
            .enumerate()
            .map(|(i, (title, html))| json!({"id": format!("part-{}", i + 1), "title": title, "html": html}))
            .collect();
        let toc: Vec<Value> = parts
            .iter()
            .map(|p| json!({"id": p["id"], "title": p["title"]}))
            .collect();
        let downloads: Vec<Value> = self
            .downloads
            .iter()
            .map(|(file, label, _)| json!({"label": label, "file": file}))
            .collect();
        let notes: Vec<String> = notes3.into_iter().chain(notes4).collect();
        json!({
            "title": self.env.title,
            "agency": self.env.agency,
            "year": self.env.year,
            "published": self.env.published,
            "edition": d.edition.id,
            "edition_notice": d.edition.issued_with,
            "reproduces_original": self.env.reproduces_original,
            "original_note": self.env.original_note,
            "notes": notes,
            "toc": toc,
            "parts": parts,
            "downloads": downloads,
            "figures": self.key_figures(),
        })
    }

    /// (path relative to the column folder, link label, bytes) of every download.
    fn make_downloads(&self) -> Vec<(String, String, Vec<u8>)> {
        let slug = self.slug();
        let mut json =
            serde_json::to_vec_pretty(&export::json(&self.env, &self.data)).unwrap_or_default();
        json.push(b'\n');
        let mut out = vec![(
            format!("{slug}/{slug}.json"),
            "全部数据（JSON）".to_string(),
            json,
        )];
        for (name, label, bytes) in export::csvs(&self.data, self.env.year) {
            out.push((format!("{slug}/{name}"), label, bytes));
        }
        out
    }

    /// The download files: (path relative to the column folder, bytes).
    pub(crate) fn downloads(&self) -> Vec<(String, Vec<u8>)> {
        self.downloads
            .iter()
            .map(|(path, _, bytes)| (path.clone(), bytes.clone()))
            .collect()
    }

    /// The download files' paths, relative to the column folder.
    pub(crate) fn download_paths(&self) -> impl Iterator<Item = &str> {
        self.downloads.iter().map(|(path, _, _)| path.as_str())
    }

    /// The 总计 of the first row with `role` in part 三.
    fn total_of(&self, role: Role) -> i64 {
        let p = &self.data.part3;
        p.leaves
            .iter()
            .zip(&p.rows)
            .find(|(l, _)| l.role == role)
            .and_then(|(_, r)| r.cells.last())
            .map_or(0, model::Cell::count)
    }

    /// Key figures: received, granted, review and litigation totals.
    pub(crate) fn key_figures(&self) -> Value {
        let p = &self.data.part3;
        let granted = p
            .rows
            .get(2)
            .and_then(|r| r.cells.last())
            .map_or(0, model::Cell::count);
        let total4 = |i: usize| {
            self.data
                .part4
                .rows
                .get(i)
                .and_then(|r| r.cells.last())
                .map_or(0, model::Cell::count)
        };
        json!({
            "year": self.env.year,
            "received": self.total_of(Role::Received),
            "granted": granted,
            "review": total4(0),
            "litigation": total4(1) + total4(2),
        })
    }

    fn chart_point(&self) -> chart::Point {
        let p = &self.data.part3;
        let mut results = [0; 6];
        for (leaf, row) in p.leaves.iter().zip(&p.rows) {
            if leaf.role != Role::Result {
                continue;
            }
            let child = leaf.groups.get(1).copied().unwrap_or(leaf.label);
            let kind = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
                .iter()
                .position(|n| child.starts_with(n));
            if let (Some(k), Some(total)) = (kind, row.cells.last()) {
                results[k] += total.count();
            }
        }
        chart::Point {
            year: self.env.year,
            received: self.total_of(Role::Received),
            results,
        }
    }
}

fn prose_html(p: &Prose) -> String {
    p.sections
        .iter()
        .map(|(heading, md)| {
            let body = crate::render::markdown::to_html(md);
            if heading.is_empty() {
                body
            } else {
                format!("<h3>{}</h3>{body}", table::esc(heading))
            }
        })
        .collect()
}

/// Context for reports.html, under the key `reports`: `years` newest first
/// (title, published, url and key figures), `latest`, `chart_svg` and
/// `chart_table` (its text alternative), both pre-rendered HTML.
pub(crate) fn column_context(reports: &[Report], url_of: &dyn Fn(&Report) -> String) -> Value {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.env.year));
    let years: Vec<Value> = sorted
        .iter()
        .map(|r| {
            json!({
                "year": r.env.year,
                "title": r.env.title,
                "published": r.env.published,
                "url": url_of(r),
                "figures": r.key_figures(),
            })
        })
        .collect();
    let points: Vec<chart::Point> = sorted.iter().map(|r| r.chart_point()).collect();
    json!({
        "latest": years.first(),
        "years": years,
        "chart_svg": if points.is_empty() { String::new() } else { chart::svg(&points) },
        "chart_table": if points.is_empty() { String::new() } else { chart::table(&points) },
    })
}
