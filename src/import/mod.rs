//! Bringing a published annual report into gongkai: a saved portal page
//! (.html/.htm/.shtml, any encoding), a Word file (.docx) or plain text
//! read into the report's data, exactly as published.
//!
//! Stages, in order: `decode` turns a page's or text file's bytes into text;
//! a reader per format (`html`, `docx`, `text`) lays the file out as
//! paragraphs and table rows ([`doc`]); `locate` finds the report in it
//! (part headings, title, signature) and its year, agency, date (`dates`)
//! and edition; `tables` finds every row of the edition by its label
//! (`labels`) and reads its cells (`cells`); `prose` turns parts 一, 五 and
//! 六 into Markdown; `findings` says what did not read plainly. The result is written as YAML by the same writer as
//! `gongkai new report` and read back by the report loader, so what is
//! imported is exactly what the build will read.
//!
//! [`read_report`] writes nothing: the `import` command writes the file,
//! and `review` can read a published report with it to compare.

mod cells;
mod dates;
mod decode;
pub mod doc;
mod docx;
mod findings;
mod html;
mod labels;
mod locate;
mod prose;
mod tables;
#[cfg(test)]
mod tests;
mod text;

use crate::diag::Diagnostic;
use crate::diag::codes::{
    IMPORT_EDITION, IMPORT_FORMAT, IMPORT_MISSING_ROW, IMPORT_NOT_REPORT, IMPORT_PUBLISHED,
    IMPORT_READ, IMPORT_YEAR,
};
use crate::report::edition::{self, Edition};
use crate::report::{self, Comments, Data, Envelope, Report};
use cells::Note;
use doc::{Doc, Loc};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// What the user says about the file when it does not say it itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints {
    /// The reported year (`--year`); overrides the title's.
    pub year: Option<i32>,
    /// The edition's id, 2019 or 2021 (`--edition`); overrides detection.
    pub edition: Option<u16>,
}

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A saved web page.
    Html,
    /// A Word file.
    Docx,
    /// Plain text.
    Text,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Data rows of the tables read.
    pub rows: usize,
    /// Cells read.
    pub cells: usize,
    /// Cells left blank in the original.
    pub blanks: usize,
}

/// A report read from a published file.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The report as the build will read it from [`Imported::yaml`].
    pub report: Report,
    /// The YAML form, as `gongkai import report` writes it.
    pub yaml: String,
    /// The format the file was read as.
    pub format: Format,
    /// The edition followed.
    pub edition: &'static Edition,
    /// The agency found (signature, 发布机构, or title); None when none.
    pub agency: Option<String>,
    /// The publication date found; None when none.
    pub published: Option<Date>,
    /// Rows, cells and blanks read.
    pub counts: Counts,
    /// Warnings: published arithmetic that does not add up, cells kept as
    /// written, a missing date or prose part. Never errors.
    pub findings: Vec<Diagnostic>,
}

impl Imported {
    /// The reported year.
    pub fn year(&self) -> i32 {
        self.report.year()
    }

    /// The envelope written.
    pub fn envelope(&self) -> &Envelope {
        self.report.envelope()
    }

    /// The tables and prose read.
    pub fn data(&self) -> &Data {
        self.report.data()
    }
}

/// Reads the published report in `path` (shown as `path` in messages).
/// Nothing is written. Errors, all at once, when the file cannot be read,
/// is not in a format read here, is not a report, lacks rows of its
/// edition, or leaves its year or edition unknown (pass them in `hints`).
pub fn read_report(path: &Path, hints: &Hints) -> Result<Imported, Vec<Diagnostic>> {
    let bytes = crate::fsx::read(path).map_err(|e| {
        vec![Diagnostic::new(
            &IMPORT_READ,
            path,
            t!(
                "import-cannot-read",
                reason = crate::i18n::io_error(&e.source)
            ),
        )]
    })?;
    read_bytes(path, &bytes, hints)
}

/// [`read_report`] on bytes already read; `path` names the file (its
/// extension chooses the reader).
pub fn read_bytes(path: &Path, bytes: &[u8], hints: &Hints) -> Result<Imported, Vec<Diagnostic>> {
    let (format, mut doc) = read_doc(path, bytes)?;
    locate::split_inline_headings(&mut doc);
    build(path, format, &doc, hints)
}

fn err(code: &'static crate::diag::Code, path: &Path, msg: String) -> Vec<Diagnostic> {
    vec![Diagnostic::new(code, path, msg)]
}

/// The format by extension, else by the first bytes.
fn read_doc(path: &Path, bytes: &[u8]) -> Result<(Format, Doc), Vec<Diagnostic>> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let unsupported = |kind: &str| {
        err(
            &IMPORT_FORMAT,
            path,
            t!("import-unsupported", kind = kind.to_string()),
        )
    };
    let sniff = match ext.as_str() {
        "html" | "htm" | "shtml" | "xhtml" => Format::Html,
        "docx" => Format::Docx,
        "pdf" | "doc" | "wps" | "ofd" | "xls" | "xlsx" | "et" | "rtf" | "jpg" | "png" => {
            return Err(unsupported(&ext));
        }
        _ if bytes.starts_with(b"%PDF") => return Err(unsupported("pdf")),
        _ if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => return Err(unsupported("doc")),
        _ if bytes.starts_with(b"PK\x03\x04") => Format::Docx,
        _ => {
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
            if head.contains("<html") || head.contains("<!doctype") || head.contains("<table") {
                Format::Html
            } else {
                Format::Text
            }
        }
    };
    let doc = match sniff {
        Format::Html => html::read(&decode::decode(bytes).0).ok_or_else(|| {
            err(
                &IMPORT_READ,
                path,
                t!("import-too-deep", depth = html::MAX_DEPTH),
            )
        })?,
        Format::Text => text::read(&decode::decode(bytes).0),
        Format::Docx => docx::read(bytes).map_err(|e| {
            let msg = match e {
                docx::DocxError::NotDocx => t!("import-not-docx"),
                docx::DocxError::BadXml => t!("import-bad-docx"),
            };
            err(&IMPORT_READ, path, msg)
        })?,
    };
    Ok((sniff, doc))
}

/// A diagnostic at `loc`: its line when the format has lines, else the
/// paragraph or table position at the end of the message's first line.
pub(crate) fn at(
    code: &'static crate::diag::Code,
    path: &Path,
    loc: Loc,
    msg: String,
) -> Diagnostic {
    let d = Diagnostic::new(code, path, msg);
    if loc.line > 0 {
        return d.at_line(loc.line);
    }
    let place = if loc.table > 0 {
        t!("import-place-table", table = loc.table, row = loc.row)
    } else if loc.para > 0 {
        t!("import-place-para", para = loc.para)
    } else {
        return d;
    };
    // On the message's first line: lines under it list what follows.
    let mut message = d.message.clone();
    message.insert_str(message.find('\n').unwrap_or(message.len()), &place);
    Diagnostic { message, ..d }
}

fn build(
    path: &Path,
    format: Format,
    doc: &Doc,
    hints: &Hints,
) -> Result<Imported, Vec<Diagnostic>> {
    let found_at = locate::locate(doc);
    let (year, edition) = detect(path, doc, &found_at, hints)?;
    let mut found = tables::Found::default();
    let data = read_data(doc, &found_at, edition, &mut found);
    let mut errors: Vec<Diagnostic> = found
        .missing
        .iter()
        .map(|(row, loc)| {
            let msg = t!(
                "import-missing-row",
                row = row.as_str(),
                edition = edition.id
            );
            at(&IMPORT_MISSING_ROW, path, *loc, msg)
        })
        .collect();
    let Some(year) = year else {
        errors.insert(0, Diagnostic::new(&IMPORT_YEAR, path, t!("import-no-year")));
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut findings = findings::missing_parts(path, &found_at);
    if hints.edition.is_none() && edition::default_for(year).id != edition.id {
        // Told from the rows: worth a look when the year usually has the other.
        let msg = t!(
            "import-edition-unusual",
            edition = edition.id,
            year = year,
            usual = edition::default_for(year).id
        );
        findings.push(
            Diagnostic::new(&IMPORT_EDITION, path, msg)
                .with_severity(crate::diag::Severity::Warning),
        );
    }
    let (cell_findings, mut comment) = findings::cells(path, &found.notes);
    findings.extend(cell_findings);
    let rules = report::rules::check(&data);
    // Said once the report is read back, as the build reads it.
    let rules_at = findings.len();
    comment.extend(rules.iter().map(|f| f.note.clone()));
    let kept_text = found.notes.iter().any(|n| n.note == Note::Kept);
    let reproduces = !rules.is_empty() || kept_text;
    if found_at.published.is_none() {
        findings.push(Diagnostic::new(
            &IMPORT_PUBLISHED,
            path,
            t!("import-no-date"),
        ));
    }
    let env = Envelope {
        year,
        agency: found_at.agency.clone(),
        published: found_at.published,
        title: found_at.title.clone(),
        reproduces_original: reproduces,
        original_note: None,
        index: Default::default(),
        attachments: Vec::new(),
    };
    let mut yaml = findings::header(path, reproduces, &comment);
    yaml.push_str(&report::write(&env, &data, &Comments::default()));
    let (report, date_problems) = read_back(year, &yaml)?;
    findings.splice(
        rules_at..rules_at,
        findings::rules(path, &report, &found.places),
    );
    findings.extend(
        date_problems
            .into_iter()
            .map(|d| Diagnostic::new(&IMPORT_PUBLISHED, path, d.message)),
    );
    Ok(Imported {
        report,
        yaml,
        format,
        edition,
        agency: found_at.agency,
        published: found_at.published,
        counts: Counts {
            rows: found.rows,
            cells: found.cells,
            blanks: found.blanks,
        },
        findings,
    })
}

/// The year (None when it cannot be told, which is said once the missing
/// rows are known too) and the edition; an error when the file holds no
/// report or its edition cannot be told.
fn detect(
    path: &Path,
    doc: &Doc,
    found_at: &locate::Located,
    hints: &Hints,
) -> Result<(Option<i32>, &'static Edition), Vec<Diagnostic>> {
    let marked = locate::edition_of(doc);
    if found_at.parts.iter().all(Option::is_none) && marked.is_none() {
        return Err(err(&IMPORT_NOT_REPORT, path, t!("import-not-report")));
    }
    let year = hints.year.or(found_at.year);
    let edition = hints
        .edition
        .and_then(|e| edition::by_id(i64::from(e)))
        .or(marked)
        .or_else(|| year.map(edition::default_for));
    match edition {
        Some(e) => Ok((year, e)),
        None => {
            let mut errors = Vec::new();
            if year.is_none() {
                errors.push(Diagnostic::new(&IMPORT_YEAR, path, t!("import-no-year")));
            }
            errors.push(Diagnostic::new(
                &IMPORT_EDITION,
                path,
                t!("import-no-edition"),
            ));
            Err(errors)
        }
    }
}

/// The tables and prose of the located report.
fn read_data(
    doc: &Doc,
    found_at: &locate::Located,
    edition: &'static Edition,
    found: &mut tables::Found,
) -> Data {
    // Where a part's missing rows are said to be: its heading, or, when
    // the heading is missing too, where the text that should hold it ends.
    let part_loc = |k: usize| {
        let (_, end) = found_at.range(k);
        found_at.parts[k]
            .or(end.checked_sub(1))
            .and_then(|i| doc.blocks.get(i))
            .map(doc::Block::loc)
            .unwrap_or_default()
    };
    let toks = |k: usize| {
        let (s, e) = found_at.range(k);
        tables::tokens(&doc.blocks, s, e)
    };
    let prose_of = |k: usize| {
        let (s, e) = found_at.range(k);
        let n = doc.blocks.len();
        prose::read(&doc.blocks[s.min(n)..e.min(n)])
    };
    Data {
        edition,
        overview: prose_of(0),
        part2: tables::part2(&toks(1), part_loc(1), edition, found),
        part3: tables::part3(&toks(2), part_loc(2), edition, found),
        part4: tables::part4(&toks(3), part_loc(3), edition, found),
        problems: prose_of(4),
        other: prose_of(5),
    }
}

/// The YAML read back as the build reads it, with what it says about the
/// date (missing, too early, after today: the user fixes it in the file,
/// so it is a warning here); errors (there should be none: the writer wrote
/// it) when it does not read.
fn read_back(year: i32, yaml: &str) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    let shown = PathBuf::from(format!("{year}.yaml"));
    let mut diags = Vec::new();
    let loaded = report::load(&shown, yaml, "", &mut diags);
    let (dates, others): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
        .into_iter()
        .partition(|d| d.code == &crate::diag::codes::REPORT_PUBLISHED);
    let broken: Vec<Diagnostic> = others.into_iter().filter(|d| d.severity.blocks()).collect();
    // A missing date was said already.
    let dates = if yaml.contains("\npublished: ") {
        dates
    } else {
        Vec::new()
    };
    match loaded {
        Some(report) if broken.is_empty() => Ok((report, dates)),
        _ => Err(broken),
    }
}
