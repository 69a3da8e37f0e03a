//! The registry of diagnostic codes: every kind of finding any stage or
//! `check` rule can report, with its stable code and default severity. Its
//! title, one-line fix and explanation are in the catalogues
//! (`i18n/*/codes.ftl`, message `code-<id>`), in both languages.
//! `gongkai explain CODE` prints an entry; `check --format json` carries
//! the code of each finding.
//!
//! A new rule is one more [`Code`] here, added to [`ALL`], its text in both
//! `codes.ftl`, and a `Diagnostic::new(&codes::THE_RULE, …)` where it is
//! found. Codes are `area` or `area.name`, lower-case, and never change
//! once released: CI dashboards and `explain` rely on them.

use super::Severity;

/// One kind of finding.
#[derive(Debug, PartialEq, Eq)]
pub struct Code {
    /// Stable code, e.g. `yaml` or `report.rule-b`.
    pub id: &'static str,
    /// How serious a finding of this kind is, unless the finding says
    /// otherwise (a reproduced original turns arithmetic errors into
    /// warnings).
    pub severity: Severity,
}

impl Code {
    /// The catalogue message holding this code's text: `code-` and the id
    /// with `.` as `-`.
    pub fn message_id(&self) -> String {
        format!("code-{}", self.id.replace('.', "-"))
    }

    /// What it is about, in a few words.
    pub fn title(&self) -> String {
        crate::i18n::attr(&self.message_id(), "title")
    }

    /// The usual fix, one line. A finding may carry a more precise one.
    pub fn fix(&self) -> String {
        crate::i18n::attr(&self.message_id(), "fix")
    }

    /// Why it matters and how it is decided, a few lines.
    pub fn explanation(&self) -> String {
        crate::i18n::attr(&self.message_id(), "explain")
    }

    /// When a finding of this code has another severity than its default
    /// ([`varies`]); only for codes that can.
    pub fn also(&self) -> String {
        crate::i18n::attr(&self.message_id(), "also")
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal, $sev:ident;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Code = Code {
                id: $id,
                severity: Severity::$sev,
            };
        )*
        /// Every code, in the order `gongkai explain` lists them.
        pub static ALL: &[&Code] = &[$(&$name),*];
    };
}

/// The code with this id.
pub fn find(id: &str) -> Option<&'static Code> {
    ALL.iter().copied().find(|c| c.id == id)
}

/// The code meant by an id that is not one: the one whose last part it is
/// (`rule-a` for `report.rule-a`), else the nearest in spelling.
pub fn near(id: &str) -> Option<&'static Code> {
    let id = id.trim().to_lowercase();
    let tail = |c: &Code| c.id.rsplit('.').next().unwrap_or(c.id);
    let mut by_tail = ALL.iter().copied().filter(|c| tail(c) == id);
    if let (Some(one), None) = (by_tail.next(), by_tail.next()) {
        return Some(one);
    }
    super::nearest(&id, ALL.iter().map(|c| c.id)).and_then(find)
}

/// True when a finding of `code` can have another severity than its
/// default: `explain` then says when (the code's catalogue attribute
/// `.also`), so what it says is what a build prints.
pub fn varies(code: &Code) -> bool {
    matches!(
        code.id,
        "report.cell"
            | "report.rule-a"
            | "report.rule-b"
            | "report.rule-c"
            | "report.rule-d"
            | "report.blank"
            | "report.edition"
            | "report.structure"
            | "report.template"
            | "report.missing"
            | "front-matter"
            | "config"
            | "import.edition"
    )
}

codes! {
    /// A file could not be read or written.
    IO = "io", Error;

    /// site.yaml holds a value gongkai cannot use.
    CONFIG = "config", Error;
    /// YAML that cannot be read: site.yaml or an item's front matter.
    YAML = "yaml", Error;
    /// An item's front matter lacks a field or has a wrong value.
    FRONT_MATTER = "front-matter", Error;
    /// A file or a file name is not UTF-8 text.
    ENCODING = "encoding", Error;
    /// A folder or file under content/ that is not published.
    UNPUBLISHED = "unpublished", Warning;
    /// An attachment named in front matter is missing or outside the item.
    ATTACHMENT = "attachment", Error;
    /// A link in Markdown that points to no page or file of the site.
    LINK = "link", Error;
    /// A template cannot be read or rendered.
    TEMPLATE = "template", Error;
    /// The theme named in site.yaml does not exist.
    THEME = "theme", Error;
    /// Two files publish to the same address.
    DUPLICATE_URL = "duplicate-url", Error;

    /// 空白栏目: a column in the navigation with nothing in it.
    EMPTY_COLUMN = "empty.column", Deduct;
    /// Five or more empty columns fail the site.
    EMPTY_COLUMNS = "empty.columns", Veto;
    /// 栏目不更新: a column's newest item is older than its period.
    FRESHNESS_COLUMN = "freshness.column", Deduct;
    /// Too many key columns not updated.
    FRESHNESS_KEY_COLUMNS = "freshness.key-columns", Veto;
    /// Too many columns not updated.
    FRESHNESS_COLUMNS = "freshness.columns", Veto;
    /// 首页不更新: nothing new on the home page for two weeks.
    FRESHNESS_HOME = "freshness.home", Veto;
    /// 网站标识码 missing or malformed.
    FOOTER_SITE_CODE = "footer.site-code", Deduct;
    /// ICP备案编号 missing.
    FOOTER_ICP = "footer.icp", Deduct;
    /// 公安机关备案号 missing.
    FOOTER_POLICE = "footer.police", Deduct;
    /// An item lacks a metadata key its column requires.
    METADATA_MISSING = "metadata.missing", Deduct;
    /// `require:` names an unknown key.
    METADATA_UNKNOWN_KEY = "metadata.unknown-key", Notice;
    /// Two items with one 索引号, which names one document only.
    METADATA_INDEX_TWICE = "metadata.index-twice", Warning;
    /// An item's 成文日期 after its 发布日期.
    METADATA_WRITTEN_LATE = "metadata.written-late", Warning;
    /// A 索引号 that does not follow the site's scheme, or whose year
    /// (month) is not its document's.
    METADATA_INDEX_FORMAT = "metadata.index-format", Warning;
    /// A link in the rendered site to a page that does not exist.
    LINKS_BROKEN = "links.broken", Deduct;
    /// A link to an anchor that is not on its page.
    LINKS_ANCHOR = "links.anchor", Deduct;
    /// An attachment that is not in the output.
    LINKS_ATTACHMENT = "links.attachment", Deduct;
    /// A government address over plain http.
    LINKS_HTTP_GOV = "links.http-gov", Notice;
    /// External links, listed without fetching.
    LINKS_EXTERNAL_UNCHECKED = "links.external-unchecked", Notice;
    /// An external link that failed.
    LINKS_EXTERNAL = "links.external", Deduct;
    /// More external links than one run fetches.
    LINKS_EXTERNAL_LIMIT = "links.external-limit", Notice;
    /// Last year's annual report is missing.
    REPORT_MISSING = "report.missing", Deduct;

    /// The report file is not valid YAML.
    REPORT_YAML = "report.yaml", Error;
    /// A key, heading or row of the report is missing, unknown or misplaced.
    REPORT_STRUCTURE = "report.structure", Error;
    /// A cell holds something that is not allowed there (rule E).
    REPORT_CELL = "report.cell", Error;
    /// A number in a cell has a unit after it (`6件`): read as the number.
    REPORT_UNIT = "report.unit", Warning;
    /// A cell is blank in the published original.
    REPORT_BLANK = "report.blank", Warning;
    /// Rule A: 一 + 二 = 三（七）总计 + 四 in each column of part 三.
    REPORT_RULE_A = "report.rule-a", Error;
    /// Rule B: a row's 总计 is the sum of its six applicant columns.
    REPORT_RULE_B = "report.rule-b", Error;
    /// Rule C: （七）总计 is the sum of the results （一）–（六）.
    REPORT_RULE_C = "report.rule-c", Error;
    /// Rule D: part 四's 总计 is the sum of its four outcomes.
    REPORT_RULE_D = "report.rule-d", Error;
    /// Rule F: 结转下年度 of one year = 上年结转 of the next.
    REPORT_RULE_F = "report.rule-f", Warning;
    /// Rule G: 现行有效件数 follows from last year's, issued and repealed.
    REPORT_RULE_G = "report.rule-g", Notice;
    /// The report's `year` disagrees with its file name.
    REPORT_YEAR = "report.year", Error;
    /// The report's `published` date is missing or not a date.
    REPORT_PUBLISHED = "report.published", Error;
    /// `edition`, `agency`, `title` or another envelope field is wrong.
    REPORT_FIELD = "report.field", Error;
    /// The report's edition is not the form of its year (a 2023 report
    /// on the 2019 form).
    REPORT_EDITION = "report.edition", Warning;

    /// A link or image in the text uses a scheme that is not allowed.
    LINK_SCHEME = "link.scheme", Error;
    /// An attachment of a type browsers run, or not on the allow-list.
    ATTACHMENT_TYPE = "attachment.type", Error;
    /// An attachment that is a link to a file outside the site.
    ATTACHMENT_OUTSIDE = "attachment.outside", Error;
    /// A content file or folder is a link to somewhere outside the site.
    CONTENT_OUTSIDE = "content.outside", Error;
    /// A rendered page links with a scheme that is not allowed.
    LINKS_SCHEME = "links.scheme", Veto;
    /// An output needs a folder where another output writes a file.
    OUTPUT_COLLISION = "output.collision", Error;
    /// A name in the output folder cannot be written or linked to.
    OUTPUT_NAME = "output.name", Error;
    /// An item dated after today: left out until its day (or `--future`).
    FUTURE = "future", Notice;
    /// An image in the text has no alt text.
    IMAGE_ALT = "image.alt", Warning;
    /// Text indented four spaces or more, shown as a code block.
    BODY_CODE = "body.code", Warning;
    /// An image or link that is not one (a space in its address): its
    /// Markdown is shown as typed.
    BODY_MARKUP = "body.markup", Warning;
    /// Lines pasted from Word with 　　 at their start, joined into one
    /// paragraph under `line_breaks: join`.
    BODY_JOINED = "body.joined", Warning;
    /// A list item with neither text nor attachments.
    BODY_EMPTY = "body.empty", Warning;
    /// HTML code in a body (pasted from Word or a web page): shown as
    /// typed, with the links and images in it not working.
    BODY_HTML = "body.html", Warning;
    /// Lines of `|` cells that are not a table: shown as typed.
    BODY_TABLE = "body.table", Warning;
    /// A report row under an old edition's name (2019's 规范性文件 in a 2021 report).
    REPORT_OLD_LABEL = "report.old-label", Warning;
    /// A report published after the site's `report_deadline`.
    REPORT_LATE = "report.late", Deduct;
    /// Placeholder text of `gongkai new report` left in a report.
    REPORT_TEMPLATE = "report.template", Deduct;
    /// A report whose every cell is 0.
    REPORT_ZEROS = "report.zeros", Notice;
    /// An `aliases:` entry or a column's `old_slugs:` that cannot be an
    /// address in the site.
    ALIAS = "alias", Error;
    /// A page the last build published is gone and nothing redirects from it.
    LINKS_GONE = "links.gone", Notice;
    /// Sample content written by `gongkai init` is still on the site.
    PLACEHOLDER_SAMPLE = "placeholder.sample", Deduct;
    /// Placeholder contact data (`0000-…`, `example.gov.cn`, `XX街道`).
    PLACEHOLDER_CONTACT = "placeholder.contact", Deduct;
    /// The 党政机关网站标识 badge is not configured.
    FOOTER_BADGE = "footer.badge", Deduct;
    /// The 政府网站找错 link is not configured, or names another site code.
    FOOTER_JIUCUO = "footer.jiucuo", Deduct;
    /// Content shows an image from another host.
    PRIVACY_REMOTE_IMAGE = "privacy.remote-image", Deduct;
    /// A page has inline style or script, or a `data:` address, that a
    /// strict Content-Security-Policy blocks.
    CSP_INLINE = "csp.inline", Deduct;
    /// An attachment of a type a browser runs script from (`.html`, `.svg`).
    CSP_SCRIPT_FILE = "csp.script-file", Deduct;
    /// A file of the site's own `static/` that a browser runs script from.
    CSP_SCRIPT_STATIC = "csp.script-static", Notice;
    /// The search index could not be made.
    SEARCH_INDEX = "search.index", Error;
    /// The search index may need more memory than the machine has free.
    SEARCH_MEMORY = "search.memory", Warning;
    /// A figure in a report's prose differs from the cell it quotes.
    REPORT_NARRATIVE = "report.narrative", Warning;
    /// `gongkai review`: a source that could not be read as a report.
    REVIEW_UNREAD = "review.unread", Error;
    /// `gongkai review`: one agency's report of one year given twice.
    REVIEW_DUPLICATE = "review.duplicate", Error;
    /// `gongkai review`: a report without `agency:` is filed under its folder's name.
    REVIEW_AGENCY = "review.agency", Warning;
    /// `gongkai review`: a report of an agency not on the expected list.
    REVIEW_UNEXPECTED = "review.unexpected", Notice;
    /// A rollup column's sum of a year leaves reports out.
    ROLLUP_LEFT_OUT = "rollup.left-out", Warning;

    /// `import`: the file could not be read, or is a broken .docx.
    IMPORT_READ = "import.read", Error;
    /// `import`: the file is in a format not read (PDF, .doc, …).
    IMPORT_FORMAT = "import.format", Error;
    /// `import`: the file holds no annual report.
    IMPORT_NOT_REPORT = "import.not-report", Error;
    /// `import`: the reported year cannot be told; `--year` says it.
    IMPORT_YEAR = "import.year", Error;
    /// `import`: the edition cannot be told; `--edition` says it.
    IMPORT_EDITION = "import.edition", Error;
    /// `import`: a row of the edition's tables is not in the file.
    IMPORT_MISSING_ROW = "import.missing-row", Error;
    /// `import`: the report's file already exists and is never overwritten.
    IMPORT_EXISTS = "import.exists", Error;
    /// `import`: a cell is not a plain value (a unit, text, a missing cell).
    IMPORT_CELL = "import.cell", Warning;
    /// `import`: the published arithmetic does not add up; kept as published.
    IMPORT_RULE = "import.rule", Warning;
    /// `import`: a prose part's heading is not in the file.
    IMPORT_PART = "import.part", Warning;
    /// `import`: no publication date in the file.
    IMPORT_PUBLISHED = "import.published", Warning;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for c in ALL {
            assert!(seen.insert(c.id), "duplicate code {}", c.id);
            assert!(
                c.id.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '-'),
                "{}",
                c.id
            );
        }
        assert_eq!(find("report.rule-b"), Some(&REPORT_RULE_B));
    }

    #[test]
    fn a_code_written_short_or_misspelt_is_found() {
        assert_eq!(near("rule-a"), Some(&REPORT_RULE_A));
        assert_eq!(near("report.rul-a"), Some(&REPORT_RULE_A));
        assert_eq!(near("Narrative"), Some(&REPORT_NARRATIVE));
        assert_eq!(near("zzzzzzzz"), None);
    }

    #[test]
    fn every_other_severity_says_when() {
        for c in ALL {
            let also = c.also();
            if !varies(c) {
                assert_eq!(
                    also,
                    c.message_id(),
                    "{} has .also but no other severity",
                    c.id
                );
            } else {
                assert_ne!(also, c.message_id(), "{} needs .also", c.id);
            }
        }
    }
}
