//! Annual reports (政府信息公开工作年度报告): one YAML file per year, read
//! against the official format of its edition and checked cell by cell.
//!
//! Stages, in order: `yaml` (text → tree with positions), `parse` (tree →
//! [`Envelope`] and [`Data`], structure and rule E), `rules` (A–D, F, G),
//! `narrative` (the figures the prose quotes against their cells), then
//! `export` for the downloads. [`edition`] holds the format as data,
//! [`sum()`] adds two reports for a roll-up, and [`write()`] turns a report's
//! data back into the YAML form (`scaffold` uses it for `gongkai new report`).
//!
//! No HTML is made here: the pages, tables and chart are `render::report`'s,
//! which reads reports through this module's public API.

mod blame;
pub mod edition;
mod export;
mod kept;
pub(crate) mod label;
mod model;
mod narrative;
mod parse;
pub mod rules;
pub mod scaffold;
mod sum;
#[cfg(test)]
pub(crate) mod tests;
mod writer;
mod yaml;

// Inside this module too, the data types are named by these paths.
/// One CSV file with BOM and CRLF line ends, as the downloads are written.
pub(crate) use export::{csv, tables_json};
pub use model::{
    AttachmentEntry, Cell, Data, Envelope, IndexFields, Num, Part2Table, Part3, Part4, Prose, Row,
};
pub use sum::SumError;
pub use writer::{Comments, RowAt};
pub use yaml::Pos;

use crate::diag::Diagnostic;
use crate::diag::codes::{
    REPORT_BLANK, REPORT_CELL, REPORT_RULE_F, REPORT_RULE_G, REPORT_YAML, REPORT_YEAR,
};
use edition::{ColumnRole, Role};
use jiff::civil::Date;
use parse::keys::Reader;
use rules::{Finding, Table};
use std::path::{Path, PathBuf};

/// One parsed and checked report.
#[derive(Debug, Clone)]
pub struct Report {
    path: PathBuf,
    env: Envelope,
    /// The agency: the file's, or the site's organisation.
    agency: String,
    /// The title: the file's, or made from agency and year.
    title: String,
    data: Data,
    /// Rule findings, shown under the tables in published-original mode.
    findings: Vec<Finding>,
    /// The download files (path, label, bytes), made once when the report
    /// is read: the link index, the page and the output all list them.
    downloads: Vec<Download>,
    /// The attachments, once the content loader has checked the files of
    /// `attachments:` against the site's policy (see [`Report::attach`]).
    attached: Vec<crate::content::Attachment>,
    /// Lines `check` points at: `published:`, and the first line still
    /// holding sample prose of `gongkai new report` (0 when none).
    lines: Lines,
    /// The findings of a report kept as published that only say it is
    /// (`kept.rs`), as notices for `check` and `review`; not in `load`'s
    /// findings, so a build does not print them on every run.
    kept: Vec<Diagnostic>,
    /// True for a report read from a published original (`review` writes
    /// its data as YAML text nobody sees): findings made later, across
    /// years, name its file without lines.
    from_original: bool,
}

/// Lines of the file that `check` findings point at; 0 when absent.
#[derive(Debug, Clone, Copy, Default)]
struct Lines {
    published: u32,
    placeholder: u32,
    index_no: u32,
}

impl Lines {
    fn of(text: &str) -> Lines {
        let line =
            |pred: &dyn Fn(&str) -> bool| text.lines().position(pred).map_or(0, |i| i as u32 + 1);
        Lines {
            published: line(&|l| l.starts_with("published:")),
            index_no: line(&|l| l.starts_with("index_no:")),
            placeholder: line(&|l| {
                scaffold::PLACEHOLDERS
                    .iter()
                    .any(|p| l.contains(p.trim_end_matches('）')))
            }),
        }
    }
}

/// A rule finding as [`Report::findings_by_cell`] says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellFinding {
    /// The cell it is about: its row and column as the form names them
    /// (`三、本年度办理结果（七）总计`, `总计`); None when not one written cell.
    pub(crate) cell: Option<(String, &'static str)>,
    /// What is said.
    pub(crate) message: String,
}

/// One download file of a report.
#[derive(Debug, Clone)]
pub struct Download {
    /// Path relative to the reports column's folder, e.g. `2020/2020.json`.
    pub path: String,
    /// The link text.
    pub label: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Reads and checks one report file. `display_path` is what diagnostics
/// show (e.g. content/ndbg/2020.yaml) and what the file's year is checked
/// against. `default_agency` is used when the file has no `agency` (a site
/// uses its organisation). Every finding is pushed to `diags`, each with its
/// code from `diag::codes`. Returns None only when the file is too broken to
/// have a page (not YAML, not a mapping, or no usable `year`), or when its
/// `year` disagrees with its file name (it would take another year's page).
pub fn load(
    display_path: &Path,
    text: &str,
    default_agency: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Report> {
    let start = diags.len();
    let mut r = Reader {
        path: display_path,
        diags,
        text,
        lenient: false,
        blank_rows: Vec::new(),
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err((msg, pos)) => {
            r.diag(&REPORT_YAML, pos, t!("report-yaml-invalid", detail = msg));
            return None;
        }
    };
    let (env, data) = parse::read(&mut r, &root)?;
    let findings = rules::check(&data);
    let blames = blame::blame(&data, &findings);
    let mut prose = narrative::check(text, &root, &data, env.year);
    // The figures of the prose that quote what a blamed cell should hold
    // are said under that cell, not on their own.
    let quoted: Vec<Vec<narrative::Mismatch>> = blames
        .iter()
        .map(|b| {
            let fixed = narrative::check(text, &root, &blame::corrected(&data, b), env.year);
            let (moved, kept) = prose
                .drain(..)
                .partition(|m| fixed.iter().all(|f| f.pos != m.pos));
            prose = kept;
            moved
        })
        .collect();
    for (i, f) in findings.iter().enumerate() {
        let line = if f.line > 0 { f.line } else { data.part3.line };
        if group_under_cause(r.diags, display_path, f, line, env.reproduces_original) {
            continue;
        }
        if let Some((b, said)) = blames
            .iter()
            .zip(&quoted)
            .find(|(b, _)| b.members.contains(&i))
        {
            let message = blame::message(Some(display_path), &data, b, &findings, said);
            let (Some(message), Some(rule), true) = (
                message,
                blame::code(b, &findings),
                b.members.first() == Some(&i),
            ) else {
                continue;
            };
            let d = r.finding(rule.code(), b.pos, message);
            if env.reproduces_original {
                d.hint = Some(t!("report-kept-as-published"));
            }
            continue;
        }
        let col = if f.line > 0 { f.col } else { 0 };
        let d = r.finding(f.rule.code(), Pos { line, col }, f.message.clone());
        if env.reproduces_original {
            d.hint = Some(t!("report-kept-as-published"));
        }
    }
    merge_blank_rows(&mut r, start);
    for m in prose {
        r.diag(&crate::diag::codes::REPORT_NARRATIVE, m.pos, m.message);
    }
    if let Some(date) = env.published
        && date > today()
    {
        // A page dated after today would claim a publication that has not
        // happened; `check --as-of` judges other days (check/reports.rs).
        r.diag(
            &crate::diag::codes::REPORT_PUBLISHED,
            Pos {
                line: Lines::of(text).published,
                col: 0,
            },
            t!(
                "report-check-future",
                date = date.to_string(),
                today = today().to_string()
            ),
        );
    }
    let stem = display_path.file_stem().and_then(|s| s.to_str());
    if let Some(stem_year) = stem.and_then(|s| s.parse::<i32>().ok())
        && stem_year != env.year
    {
        // Two files reporting on one year would give one page: the
        // mismatch is an error, never a silent replacement.
        let line = text
            .lines()
            .position(|l| l.starts_with("year:"))
            .map_or(0, |i| i as u32 + 1);
        let file = display_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        r.diag(
            &REPORT_YEAR,
            Pos { line, col: 0 },
            t!(
                "report-year-mismatch",
                file = file,
                stem = stem_year,
                year = env.year
            ),
        );
        return None;
    }
    let kept = if env.reproduces_original {
        kept::take(r.diags, start)
    } else {
        Vec::new()
    };
    let agency = env
        .agency
        .clone()
        .unwrap_or_else(|| default_agency.to_string());
    let mut report = Report {
        path: display_path.to_path_buf(),
        title: env.title_for(&agency),
        agency,
        env,
        data,
        findings,
        downloads: Vec::new(),
        attached: Vec::new(),
        lines: Lines::of(text),
        kept,
        from_original: false,
    };
    report.downloads = report.make_downloads();
    Some(report)
}

/// Today in China Standard Time (UTC+8, no daylight saving): a report
/// dated after it is an error when it is read.
pub(crate) fn today() -> Date {
    let cst = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now().to_zoned(cst).date()
}

/// Puts rule finding `f` under the diagnostic of the bad or blank cell that
/// caused it, when one of its cells is such a cell: the cause is then read
/// first, with its consequences listed under it (lines of its message,
/// `  - 由此引起: file:line: …`), instead of as unrelated errors. The cause becomes as serious as its worst consequence (a blank
/// cell that breaks a sum fails the build). False when `f` has no cause
/// among `diags`.
fn group_under_cause(
    diags: &mut [Diagnostic],
    path: &Path,
    f: &Finding,
    line: u32,
    lenient: bool,
) -> bool {
    let is_cause = |d: &Diagnostic, c: &rules::Cause| {
        d.path == path
            && ((d.code == &REPORT_CELL && d.line == Some(c.pos.line) && d.col == Some(c.pos.col))
                || (d.code == &REPORT_BLANK && d.line == Some(c.row_line)))
    };
    let Some(at) = f
        .causes
        .iter()
        .find_map(|c| diags.iter().position(|d| is_cause(d, c)))
    else {
        return false;
    };
    let cause = &mut diags[at];
    let severity = if lenient {
        crate::diag::Severity::Warning
    } else {
        f.rule.code().severity
    };
    cause.severity = cause.severity.min(severity);
    // Printed indented under the cause's message. (A field of its own on
    // `Diagnostic` would make every result carrying one too large.)
    let at = match line {
        0 => String::new(),
        n => format!("{}:{n}: ", path.display()),
    };
    cause.message.push_str(&format!(
        "\n  - {}: {at}{}",
        t!("report-follow-on"),
        f.message
    ));
    true
}

/// Rows from which this many or more have the same columns blank, and no
/// other finding under their blank warning, are said in one warning.
const MERGED_BLANK_ROWS: usize = 3;

/// Says the blank cells of many rows at once: a column left blank all the
/// way down (a 总计 column taken for one gongkai fills in) would otherwise
/// give a warning per row. Rows whose blank broke a rule keep their own
/// warning, with the rule's finding under it; `start` is where this
/// file's findings begin in `r.diags`.
fn merge_blank_rows(r: &mut Reader<'_>, start: usize) {
    let alone = |d: &Diagnostic, line: u32| {
        d.code == &REPORT_BLANK
            && d.line == Some(line)
            && d.severity == crate::diag::Severity::Warning
            && !d.message.contains('\n')
    };
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for (line, columns) in &r.blank_rows {
        if !r.diags[start..].iter().any(|d| alone(d, *line)) {
            continue;
        }
        match groups.iter_mut().find(|(c, _)| c == columns) {
            Some((_, lines)) => lines.push(*line),
            None => groups.push((columns.as_str(), vec![*line])),
        }
    }
    for (columns, lines) in groups {
        if lines.len() < MERGED_BLANK_ROWS {
            continue;
        }
        let Some(first) = r.diags[start..]
            .iter()
            .position(|d| alone(d, lines[0]))
            .map(|i| start + i)
        else {
            continue;
        };
        let mut merged = r.diags[first].clone();
        merged.message = t!(
            "report-blank-rows",
            columns = columns,
            count = lines.len(),
            lines = line_ranges(&lines)
        );
        let mut at = 0;
        r.diags.retain(|d| {
            let keep = at < start || !lines.iter().any(|&l| alone(d, l));
            at += 1;
            keep
        });
        r.diags.insert(first, merged);
    }
}

/// `lines` (ascending) as ranges: 43–50、52–54、57.
fn line_ranges(lines: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1] == lines[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", lines[i], lines[j])
        } else {
            lines[i].to_string()
        });
        i = j + 1;
    }
    parts.join(&t!("report-list-sep"))
}

/// `a` + `b`, cell by cell, for a roll-up of many agencies' reports of
/// one edition. Counts, signed and decimal cells add (blanks count as 0,
/// two blanks stay blank); text cells (采购 amounts with their own units)
/// cannot be added and are blank in the sum; the prose parts are empty.
/// Reports of different editions are refused with [`SumError::Editions`].
pub fn sum(a: &Data, b: &Data) -> Result<Data, SumError> {
    sum::add(a, b)
}

/// The YAML text of a report: `env` above the six parts of `data`, in the
/// official order under the official headings and labels, blank cells as
/// `~`, a comment naming the columns above each table, prose as block
/// scalars, and `comments` at the end of the lines they name
/// (`Comments::default()` for none). [`load`] reads it back to the same
/// envelope and data.
pub fn write(env: &Envelope, data: &Data, comments: &Comments) -> String {
    writer::write(env, data, comments)
}

/// Cross-year rules: F (carried over) as a warning naming both files, G (in
/// force) as a warning worded as a hint. `reports` may be in any order.
pub(crate) fn check_series(reports: &[Report], diags: &mut Vec<Diagnostic>) {
    check_series_of(reports.iter().collect(), diags);
}

/// [`check_series`] of reports held elsewhere (`gongkai review` groups
/// many agencies' reports by agency).
pub(crate) fn check_series_of(mut sorted: Vec<&Report>, diags: &mut Vec<Diagnostic>) {
    sorted.sort_by_key(|r| r.env.year);
    for pair in sorted.windows(2) {
        let [prev, next] = pair else { continue };
        if next.env.year != prev.env.year + 1 {
            continue;
        }
        let (a, b) = (prev.year_data(), next.year_data());
        // A published original's lines are those of text nobody sees.
        let line = |at: u32| if b.lines { at } else { 0 };
        if let Some((at, msg)) = rules::carried_over(&a, &b) {
            diags.push(Diagnostic::new(&REPORT_RULE_F, &next.path, msg).at_line(line(at)));
        }
        for (at, msg) in rules::in_force(&a, &b) {
            diags.push(
                Diagnostic::new(&REPORT_RULE_G, &next.path, msg)
                    .at_line(line(at))
                    .with_hint(t!("report-rule-g-hint")),
            );
        }
    }
}

impl Report {
    fn year_data(&self) -> rules::YearData<'_> {
        rules::YearData {
            year: self.env.year,
            path: &self.path,
            lines: !self.from_original,
            data: &self.data,
        }
    }

    /// Marks the report as read from a published original (`review` reads
    /// one through the importer and the YAML form): the cross-year rules
    /// then name its file without the lines of that form.
    pub(crate) fn read_from_original(&mut self) {
        self.from_original = true;
    }

    /// The files `attachments:` lists, for the content loader to check with
    /// the items' attachment policy and hand back through [`Report::attach`].
    pub fn attachment_entries(&self) -> &[AttachmentEntry] {
        &self.env.attachments
    }

    /// Sets the attachments that passed the site's policy: published with
    /// the page under `<column>/<year>/附件N.ext` and listed on it with
    /// their sizes, as an item's are.
    pub fn attach(&mut self, attachments: Vec<crate::content::Attachment>) {
        self.attached = attachments;
    }

    /// The attachments set by [`Report::attach`].
    pub fn attachments(&self) -> &[crate::content::Attachment] {
        &self.attached
    }

    /// The file, as diagnostics show it (e.g. content/ndbg/2021.yaml).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The line of `published:`; 0 when the file has none.
    pub fn published_line(&self) -> u32 {
        self.lines.published
    }

    /// The line of `index_no:`, when the file has one.
    pub fn index_no_line(&self) -> Option<u32> {
        (self.lines.index_no > 0).then_some(self.lines.index_no)
    }

    /// The first line that still holds sample prose written by `gongkai new
    /// report` ([`scaffold::PLACEHOLDERS`]); None when there is none.
    pub fn placeholder_line(&self) -> Option<u32> {
        let prose = [&self.data.overview, &self.data.problems, &self.data.other];
        let left = prose.iter().any(|p| {
            p.sections
                .iter()
                .any(|(_, text)| scaffold::PLACEHOLDERS.iter().any(|ph| text.contains(ph)))
        });
        left.then_some(self.lines.placeholder)
    }

    /// True when every number of the tables is 0 (blank cells included):
    /// the form as `gongkai new report` writes it.
    pub fn all_zero(&self) -> bool {
        let d = &self.data;
        let rows = d
            .part2
            .iter()
            .flat_map(|t| &t.rows)
            .chain(&d.part3.rows)
            .chain(&d.part4.rows);
        rows.flat_map(|r| &r.cells).all(|c| match c.num {
            Num::Blank => true,
            Num::Int(n) => n == 0,
            Num::Dec(f) => f == 0.0,
            Num::Text => c.shown.trim() == "0",
        })
    }

    /// The envelope as the file gives it.
    pub fn envelope(&self) -> &Envelope {
        &self.env
    }

    /// The tables and prose.
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// The reported year.
    pub fn year(&self) -> i32 {
        self.env.year
    }

    /// The agency: the file's `agency`, or the default it was loaded with.
    pub fn agency(&self) -> &str {
        &self.agency
    }

    /// The title: the file's `title`, or `{agency}{year}年政府信息公开工作年度报告`.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The publication date; None when the file has none or a bad one
    /// (then loading reported an error with code `report.published`).
    pub fn published(&self) -> Option<Date> {
        self.env.published
    }

    /// The page's name: `2020` gives `<column>/2020.html`, downloads in `<column>/2020/`.
    pub fn slug(&self) -> String {
        self.env.year.to_string()
    }

    /// The findings of a report kept as published that only say it is
    /// (its failing rules, cells as the original has them, the form of
    /// another year), as notices: `check` and `review` list them, a build
    /// does not print them.
    pub fn kept_findings(&self) -> &[Diagnostic] {
        &self.kept
    }

    /// The rule A–D findings (errors, or warnings in published-original mode).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The rule A–D findings said as [`load`] says them, one per wrong
    /// cell: a written cell that alone breaks several relations is said
    /// once, with the value they call for and each relation under it
    /// ([`blame`]); every other finding as it is. Messages name no line
    /// (`gongkai import` says them of the original, whose lines are not
    /// this file's); each gives the cell it is about, when that is a
    /// written cell of parts 三 or 四, by its row and column as the form
    /// names them.
    pub(crate) fn findings_by_cell(&self) -> Vec<CellFinding> {
        let blames = blame::blame(&self.data, &self.findings);
        let cell = |pos: Pos| blame::name(&self.data, pos).map(|(row, column, _)| (row, column));
        let mut out = Vec::new();
        for (i, f) in self.findings.iter().enumerate() {
            match blames.iter().find(|b| b.members.contains(&i)) {
                Some(b) if b.members.first() == Some(&i) => {
                    if let Some(message) = blame::message(None, &self.data, b, &self.findings, &[])
                    {
                        out.push(CellFinding {
                            cell: cell(b.pos),
                            message,
                        });
                    }
                }
                Some(_) => {}
                None => out.push(CellFinding {
                    cell: (f.col > 0)
                        .then(|| {
                            cell(Pos {
                                line: f.line,
                                col: f.col,
                            })
                        })
                        .flatten(),
                    message: f.message.clone(),
                }),
            }
        }
        out
    }

    /// The Chinese notes shown under `table` when the report reproduces a
    /// published original whose arithmetic does not hold; empty otherwise.
    pub fn notes(&self, table: Table) -> Vec<String> {
        if !self.env.reproduces_original {
            return Vec::new();
        }
        self.findings
            .iter()
            .filter(|f| f.table == table)
            .map(|f| f.note.clone())
            .collect()
    }

    /// 四、结转下年度继续办理 (seven cells), for the next year's form; None
    /// when that row is not sound.
    pub fn carried_out(&self) -> Option<Vec<i64>> {
        let row = self.data.part3_row(Role::CarriedOut)?;
        row.sound
            .then(|| row.cells.iter().map(Cell::count).collect())
    }

    /// 现行有效件数 of each row of the table that has it (2021 edition),
    /// for the next year's form; None when the edition has no such column
    /// or a row is not sound.
    pub fn in_force(&self) -> Option<Vec<i64>> {
        let (table, col) = self.data.part2_column(ColumnRole::InForce)?;
        table
            .rows
            .iter()
            .map(|r| r.cells.get(col).filter(|_| r.sound).map(Cell::count))
            .collect()
    }

    fn make_downloads(&self) -> Vec<Download> {
        let slug = self.slug();
        let mut json = serde_json::to_vec_pretty(&export::json(self)).unwrap_or_default();
        json.push(b'\n');
        let mut out = vec![Download {
            path: format!("{slug}/{slug}.json"),
            label: "全部数据（JSON）".to_string(),
            bytes: json,
        }];
        for (name, label, bytes) in export::csvs(&self.data, self.env.year) {
            out.push(Download {
                path: format!("{slug}/{name}"),
                label,
                bytes,
            });
        }
        out
    }

    /// The download files: the data as JSON and each table as CSV.
    pub fn download_files(&self) -> &[Download] {
        &self.downloads
    }

    /// The download files: (path relative to the column folder, bytes).
    pub(crate) fn downloads(&self) -> Vec<(String, Vec<u8>)> {
        self.downloads
            .iter()
            .map(|d| (d.path.clone(), d.bytes.clone()))
            .collect()
    }

    /// The download files' paths, relative to the column folder.
    pub(crate) fn download_paths(&self) -> impl Iterator<Item = &str> {
        self.downloads.iter().map(|d| d.path.as_str())
    }
}
