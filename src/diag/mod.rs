//! Diagnostics as data: every stage pushes findings into a [`Diagnostics`]
//! collection instead of returning at the first problem, and the command at the
//! top prints them all at once through one reporter.
//!
//! Positions are in file coordinates: 1-based lines, 1-based columns counted
//! in characters (so a CJK character is one column). Parsers that hand out
//! byte offsets go through [`line_col`].

pub mod codes;
pub mod term;

pub use codes::Code;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a finding is: the build's two levels, and the inspection's
/// three (检查指标) for the rules of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Fails the build: nothing can be published.
    Error,
    /// 单项否决: one such finding fails the whole site in an inspection.
    Veto,
    /// 扣分: costs points in an inspection (under 60 of 100 fails).
    Deduct,
    /// Printed, but the build goes on.
    Warning,
    /// 提示: worth a look; costs nothing by itself.
    Notice,
}

impl Severity {
    /// Every severity, most serious first (the order of `check`'s report).
    pub const ALL: [Severity; 5] = [
        Severity::Error,
        Severity::Veto,
        Severity::Deduct,
        Severity::Warning,
        Severity::Notice,
    ];

    /// The stable name in JSON (`check --format json`, the preview's
    /// overlay): the same in every language.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Veto => "单项否决",
            Severity::Deduct => "扣分",
            Severity::Warning => "warning",
            Severity::Notice => "提示",
        }
    }

    /// The word printed with a finding, in the current language.
    pub fn label(self) -> String {
        match self {
            Severity::Error => t!("severity-error"),
            Severity::Veto => t!("severity-veto"),
            Severity::Deduct => t!("severity-deduct"),
            Severity::Warning => t!("severity-warning"),
            Severity::Notice => t!("severity-notice"),
        }
    }

    /// True when the finding stops `check` from passing (exit code 1).
    pub fn blocks(self) -> bool {
        matches!(self, Severity::Error | Severity::Veto)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// One finding about the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of finding it is (see [`codes`]).
    pub code: &'static Code,
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column in characters, when known.
    pub col: Option<u32>,
    /// Lower-case message without a trailing period.
    pub message: String,
    /// A fix for this finding in particular ("did you mean …"); when
    /// `None`, the code's own fix applies.
    pub hint: Option<String>,
    /// The slug of the site's column concerned, when there is one.
    pub column: Option<Box<str>>,
}

impl Diagnostic {
    /// A finding of kind `code` about `path`, with the code's severity and
    /// no position yet.
    pub fn new(code: &'static Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity,
            path: path.into(),
            line: None,
            col: None,
            message: message.into(),
            hint: None,
            column: None,
        }
    }

    /// A finding of kind `code` about the site as a whole, in no file yet
    /// (see [`Diagnostic::in_file`]).
    pub fn site_wide(code: &'static Code, message: impl Into<String>) -> Self {
        Self::new(code, PathBuf::new(), message)
    }

    /// Sets the file (and the line, when known: the finding is then about
    /// the whole line, and its column is the line's first).
    pub fn in_file(mut self, file: impl Into<PathBuf>, line: Option<u32>) -> Self {
        self.path = file.into();
        self.line = line.filter(|l| *l > 0);
        self.col = self.line.map(|_| 1);
        self
    }

    /// Sets the column slug.
    pub fn in_column(mut self, slug: &str) -> Self {
        self.column = Some(slug.into());
        self
    }

    /// The one-line fix: this finding's own, else its code's.
    pub fn fix(&self) -> String {
        self.hint.clone().unwrap_or_else(|| self.code.fix())
    }

    /// The file, when the finding is about one.
    pub fn file(&self) -> Option<&Path> {
        (!self.path.as_os_str().is_empty()).then_some(self.path.as_path())
    }

    /// Overrides the code's severity (e.g. an arithmetic error kept as
    /// published becomes a warning).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the line (1-based) of a finding about the whole line: its
    /// column is the line's first, so that every located finding reads
    /// `path:line:col`.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = (line > 0).then_some(line);
        self.col = self.line.map(|_| 1);
        self
    }

    /// Sets line and column (both 1-based; a column of 0, unknown, is the
    /// line's first).
    pub fn at(mut self, line: u32, col: u32) -> Self {
        self.line = (line > 0).then_some(line);
        self.col = self.line.map(|_| col.max(1));
        self
    }

    /// Adds a hint printed under the message.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The one JSON form of a finding, for `check --format json` and the
/// preview's error overlay; fields in this order.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            code: &'a str,
            severity: &'a str,
            message: &'a str,
            file: Option<String>,
            line: Option<u32>,
            col: Option<u32>,
            column: Option<&'a str>,
            fix: String,
        }
        Json {
            code: self.code.id,
            severity: self.severity.key(),
            message: &self.message,
            file: self.file().map(|p| p.to_string_lossy().replace('\\', "/")),
            line: self.line,
            col: self.col,
            column: self.column.as_deref(),
            fix: self.fix(),
        }
        .serialize(s)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = self.file() {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.col {
                    write!(f, ":{col}")?;
                }
            }
            f.write_str(": ")?;
        }
        write!(f, "{}: {}", self.severity.label(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = {}: {hint}", t!("diag-hint"))?;
        }
        Ok(())
    }
}

/// The findings of one run, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds many findings.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Number of errors, each counted once as [`Diagnostics::sorted`]
    /// lists it (one template error is found again by every page that
    /// uses the template).
    pub fn error_count(&self) -> usize {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// All findings, sorted by file and position so output is stable
    /// whatever order parallel stages finished in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.col, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    /// Prints every finding to stderr, errors and warnings alike, then a
    /// one-line summary when there were errors.
    pub fn report(&self) {
        self.report_ending(|n| t!("diag-build-failed", count = n));
    }

    /// As [`Diagnostics::report`], for a command that builds no site: the
    /// count of errors without the build's "the published site is unchanged".
    pub fn report_unbuilt(&self) {
        self.report_ending(|n| t!("diag-failed", count = n));
    }

    /// Prints every diagnostic, sorted, then `summary` of the error count
    /// when there are errors.
    fn report_ending(&self, summary: impl Fn(usize) -> String) {
        for d in self.sorted() {
            crate::errln!("{d}");
        }
        let n = self.error_count();
        if n > 0 {
            crate::errln!("{}", summary(n));
        }
    }
}

/// Converts a byte offset in `src` into a 1-based (line, column) pair, with the
/// column counted in characters. `first_line` is the file line on which `src`
/// starts, so snippets such as front matter report file coordinates. For
/// many offsets in one text, build a [`LineIndex`] once instead.
pub fn line_col(src: &str, offset: usize, first_line: u32) -> (u32, u32) {
    LineIndex::new(src, first_line).line_col(offset)
}

/// Bytes between two character-count marks of a [`LineIndex`].
const MARK_STEP: usize = 256;

/// Positions in one text, each found in logarithmic time: the byte offsets
/// where lines start, and the number of characters before a mark every
/// [`MARK_STEP`] bytes. Locating each of many findings by scanning from the
/// text's start was quadratic (100,000 bad links took minutes); building
/// this is one pass, and a lookup is a binary search plus at most
/// `MARK_STEP` bytes of counting, however long the line.
#[derive(Debug)]
pub struct LineIndex<'a> {
    src: &'a str,
    first_line: u32,
    /// Byte offset of each line's start; the first is 0.
    starts: Vec<usize>,
    /// `(byte offset, characters before it)`, ascending, the first at 0;
    /// every offset is a character boundary.
    marks: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `src`, whose first line is line `first_line` of its file.
    pub fn new(src: &'a str, first_line: u32) -> Self {
        let mut starts = vec![0];
        let mut marks = Vec::with_capacity(src.len() / MARK_STEP + 1);
        let (mut chars, mut next_mark) = (0, 0);
        for (i, b) in src.bytes().enumerate() {
            // Not a UTF-8 continuation byte: a character starts here.
            if b & 0xC0 != 0x80 {
                if i >= next_mark {
                    marks.push((i, chars));
                    next_mark = i + MARK_STEP;
                }
                chars += 1;
            }
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        if marks.is_empty() {
            marks.push((0, 0));
        }
        Self {
            src,
            first_line,
            starts,
            marks,
        }
    }

    /// The 1-based (line, column) of a byte offset, the column counted in
    /// characters; an offset inside a character counts as that character,
    /// one past the end as the end.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.src, offset.min(self.src.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let col = self.chars_before(offset) - self.chars_before(self.starts[line]) + 1;
        (self.first_line + line as u32, col as u32)
    }

    /// Characters in `src[..offset]`; `offset` is a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let (at, chars) = self.marks[self.marks.partition_point(|&(m, _)| m <= offset) - 1];
        chars + self.src[at..offset].chars().count()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The path to show for `path`: relative to `root` when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The nearest of `candidates` to `word`, if one is close enough to be a
/// likely typo. Used for "did you mean" hints on keys, slugs and row labels.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(word, c), c))
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A summary said 共 3 处错误 under one printed error: a template's
    /// mistake, found again by each of three pages.
    #[test]
    fn the_count_of_errors_is_of_those_printed() {
        let mut diags = Diagnostics::default();
        let one = || Diagnostic::new(&codes::TEMPLATE, "templates/page.html", "x").at(3, 4);
        diags.extend([one(), one(), one()]);
        assert_eq!((diags.sorted().len(), diags.error_count()), (1, 1));
    }

    #[test]
    fn line_col_first_line_and_cjk() {
        assert_eq!(line_col("abc", 0, 1), (1, 1));
        assert_eq!(line_col("标题：x", "标题：".len(), 1), (1, 4));
        assert_eq!(line_col("a\n中文b", "a\n中文".len(), 3), (4, 3));
    }

    #[test]
    fn line_index_agrees_with_a_scan_from_the_start() {
        let line = "ab标题：中文\n".repeat(60) + "末行" + &"字x".repeat(300);
        let index = LineIndex::new(&line, 7);
        for offset in 0..=line.len() + 2 {
            let before = &line[..floor_char_boundary(&line, offset.min(line.len()))];
            let n = before.matches('\n').count() as u32;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = before[start..].chars().count() as u32 + 1;
            assert_eq!(index.line_col(offset), (7 + n, col), "offset {offset}");
        }
        assert_eq!(LineIndex::new("", 1).line_col(0), (1, 1));
    }

    #[test]
    fn display_with_and_without_column() {
        let d = Diagnostic::new(&codes::YAML, "site.yaml", "unknown key `titel`").at(2, 1);
        assert_eq!(d.to_string(), "site.yaml:2:1: 错误: unknown key `titel`");
        let d = Diagnostic::new(&codes::REPORT_BLANK, "a.yaml", "blank cell").at_line(41);
        assert_eq!(d.to_string(), "a.yaml:41:1: 警告: blank cell");
        let d = Diagnostic::site_wide(&codes::FRESHNESS_HOME, "nothing new");
        assert_eq!(d.to_string(), "单项否决: nothing new");
        assert_eq!(d.fix(), codes::FRESHNESS_HOME.fix());
    }

    #[test]
    fn nearest_finds_typos() {
        assert_eq!(nearest("titel", ["title", "base_url"]), Some("title"));
        assert_eq!(nearest("zzzz", ["title"]), None);
    }
}
