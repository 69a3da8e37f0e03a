//! Writing a report's envelope and data as the YAML form, the way a person
//! would type it from the paper: the six parts in the official order under
//! their official headings, every row under its official label (or the old
//! wording a part 二 row keeps, when the format accepts it) with its cells
//! in column order, blanks as `~`, a comment naming the columns above each
//! table, and prose as block scalars.
//!
//! Reading the text back with `load` gives the same envelope and data. Cells
//! that were computed because the file left them out (a row's 总计,
//! （七）总计) are left out again, so they are computed again. `gongkai new
//! report` writes its blank form through here; an importer writes what it
//! read from a published page.

mod scalar;

use super::edition::{APPLICANTS, CellKind, Edition, Entry, OUTCOMES, PARTS};
use super::label;
use super::{Data, Envelope, Prose, Row};
use std::fmt::Write as _;

/// A data row of the form, for a comment at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAt {
    /// Row `row` of part 二 sub-table `table`, both 0-based in edition order.
    Part2 {
        /// The sub-table.
        table: usize,
        /// The row within it.
        row: usize,
    },
    /// Row `n` of part 三, 0-based in [`Edition::leaves`] order.
    Part3(usize),
    /// Row `n` of part 四, 0-based in [`Edition::part4`] order.
    Part4(usize),
}

/// Comments for a form meant to be filled in by hand, e.g. where a number
/// was copied from last year's report.
#[derive(Debug, Clone, Default)]
pub struct Comments {
    /// At the end of the `published:` line.
    pub published: Option<String>,
    /// At the end of data rows.
    pub rows: Vec<(RowAt, String)>,
}

impl Comments {
    fn row(&self, at: RowAt) -> Option<&str> {
        self.rows
            .iter()
            .find(|(a, _)| *a == at)
            .map(|(_, c)| c.as_str())
    }
}

/// The YAML text of a report (see [`super::write`]).
pub(crate) fn write(env: &Envelope, data: &Data, comments: &Comments) -> String {
    let mut w = Writer {
        out: String::new(),
        comments,
    };
    w.envelope(env, data.edition, comments.published.as_deref());
    w.prose(PARTS[0], &data.overview);
    w.part2(data);
    w.part3(data);
    w.part4(data);
    w.prose(PARTS[4], &data.problems);
    w.prose(PARTS[5], &data.other);
    w.out
}

struct Writer<'c> {
    out: String,
    comments: &'c Comments,
}

impl Writer<'_> {
    fn line(&mut self, text: &str, comment: Option<&str>) {
        self.out.push_str(text);
        if let Some(c) = comment {
            let _ = write!(self.out, "  # {c}");
        }
        self.out.push('\n');
    }

    fn envelope(&mut self, env: &Envelope, edition: &Edition, published: Option<&str>) {
        let title = env.title_for(env.agency.as_deref().unwrap_or_default());
        self.line(&format!("# {}", title.replace('\n', " ")), None);
        self.line(
            &format!(
                "# 格式：{}（edition {}）。按已签发的报告逐格填写；原件空白的格写 ~。",
                edition.issued_with, edition.id
            ),
            None,
        );
        self.line(&format!("year: {}", env.year), None);
        self.line(&format!("edition: {}", edition.id), None);
        match &env.agency {
            Some(a) => self.line(&format!("agency: {}", scalar::text(a)), None),
            None => self.line("# agency: 不写则使用站点的机构名称", None),
        }
        if let Some(t) = &env.title {
            self.line(&format!("title: {}", scalar::text(t)), None);
        }
        match env.published {
            Some(d) => self.line(&format!("published: {d}"), published),
            None => self.line("# published: 公开日期，写作 YYYY-MM-DD", None),
        }
        if env.reproduces_original {
            self.line("reproduces_original: true", None);
        }
        if let Some(n) = &env.original_note {
            self.line(&format!("original_note: {}", scalar::text(n)), None);
        }
        for (key, value) in env.index.given() {
            self.line(&format!("{key}: {}", scalar::text(value)), None);
        }
        // The 信息索引 fields not given, as comments, so that whoever fills
        // the form knows the table at the top of the page takes them.
        let unset = [
            (
                &env.index.index_no,
                "# index_no: 索引号，页面顶部“信息索引”表中的一格，不写则空着",
            ),
            (&env.index.topic, "# topic: 主题分类"),
            (&env.index.written, "# written: 成文日期，写作 YYYY-MM-DD"),
            (&env.index.doc_no, "# doc_no: 文号，没有文号的不写"),
        ];
        for (value, comment) in unset {
            if value.is_none() {
                self.line(comment, None);
            }
        }
        if !env.attachments.is_empty() {
            self.line("attachments:", None);
        }
        for a in &env.attachments {
            match &a.title {
                Some(t) => self.line(
                    &format!(
                        "  - {{file: {}, title: {}}}",
                        scalar::flow(&a.file),
                        scalar::flow(t)
                    ),
                    None,
                ),
                None => self.line(&format!("  - {}", scalar::text(&a.file)), None),
            }
        }
        self.out.push('\n');
    }

    fn prose(&mut self, heading: &str, p: &Prose) {
        match p.sections.as_slice() {
            [] => self.line(&format!("{heading}: ~"), None),
            [(h, text)] if h.is_empty() => {
                let _ = write!(self.out, "{heading}: {}", scalar::block(text, 2));
            }
            sections => {
                let _ = writeln!(self.out, "{heading}:");
                for (h, text) in sections {
                    let _ = write!(self.out, "  {}: {}", scalar::key(h), scalar::block(text, 4));
                }
            }
        }
        self.out.push('\n');
    }

    /// One data row: `label: [cells]`, a computed total left out.
    fn row(&mut self, depth: usize, label: &str, row: &Row, kinds: &[CellKind], at: RowAt) {
        let given = match row.cells.split_last() {
            Some((total, rest)) if total.computed && row.sound => rest,
            _ => &row.cells[..],
        };
        let cells: Vec<String> = given
            .iter()
            .zip(
                kinds
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(CellKind::Count)),
            )
            .map(|(c, k)| scalar::cell(c, k))
            .collect();
        let text = format!(
            "{}{}: [{}]",
            "  ".repeat(depth),
            scalar::key(label),
            cells.join(", ")
        );
        let comment = self.comments.row(at);
        self.line(&text, comment);
    }

    fn part2(&mut self, data: &Data) {
        let _ = writeln!(self.out, "{}:", PARTS[1]);
        for (t, table) in data.part2.iter().enumerate() {
            let spec = table.spec;
            let cols: Vec<&str> = spec.columns.iter().map(|c| c.label).collect();
            let kinds: Vec<CellKind> = spec.columns.iter().map(|c| c.kind).collect();
            let _ = writeln!(self.out, "  # 列：{}", cols.join(", "));
            let _ = writeln!(self.out, "  {}:", scalar::key(spec.caption));
            for (r, (row, official)) in table.rows.iter().zip(spec.rows).enumerate() {
                // The data's own label when the form accepts it (an old
                // wording kept as written), else the official one.
                let accepted = std::iter::once(official.label)
                    .chain(official.aliases.iter().copied())
                    .any(|l| label::key(l) == label::key(&row.label));
                let shown = if accepted { &row.label } else { official.label };
                self.row(2, shown, row, &kinds, RowAt::Part2 { table: t, row: r });
            }
        }
        self.out.push('\n');
    }

    fn part3(&mut self, data: &Data) {
        let _ = writeln!(self.out, "{}:", PARTS[2]);
        let _ = writeln!(
            self.out,
            "  # 列：{}（总计可不写，不写时自动计算）",
            APPLICANTS.join(", ")
        );
        let mut at = 0;
        self.entries(data, data.edition.part3, 1, &mut at);
        self.out.push('\n');
    }

    /// The rows of part 三 under `entries`; `at` counts data rows.
    fn entries(&mut self, data: &Data, entries: &[Entry], depth: usize, at: &mut usize) {
        for entry in entries {
            match entry {
                Entry::Group(label, children) => {
                    let _ = writeln!(self.out, "{}{}:", "  ".repeat(depth), scalar::key(label));
                    self.entries(data, children, depth + 1, at);
                }
                Entry::Row(label, _) => {
                    if let Some(row) = data.part3.rows.get(*at) {
                        // A row computed as a whole (（七）总计 left out) stays out.
                        if !row.sound || !row.cells.iter().all(|c| c.computed) {
                            self.row(depth, label, row, &[], RowAt::Part3(*at));
                        }
                    }
                    *at += 1;
                }
            }
        }
    }

    fn part4(&mut self, data: &Data) {
        let _ = writeln!(self.out, "{}:", PARTS[3]);
        let _ = writeln!(self.out, "  # 列：{}", OUTCOMES.join(", "));
        let specs = data.edition.part4;
        for top in data.edition.part4_top() {
            let under = specs.iter().enumerate().filter(|(_, s)| s.top() == top);
            let rows: Vec<(usize, &Row)> = under
                .filter_map(|(i, _)| data.part4.rows.get(i).map(|r| (i, r)))
                .collect();
            match rows.as_slice() {
                [(i, row)] if specs[*i].groups.is_empty() => {
                    self.row(1, specs[*i].label, row, &[], RowAt::Part4(*i));
                }
                _ => {
                    let _ = writeln!(self.out, "  {}:", scalar::key(top));
                    for (i, row) in rows {
                        self.row(2, specs[i].label, row, &[], RowAt::Part4(i));
                    }
                }
            }
        }
        self.out.push('\n');
    }
}
