//! The registry of diagnostic codes: every kind of finding any stage or
//! `check` rule can report, with its stable code, default severity, a
//! one-line fix and a short explanation. `gongkai explain CODE` prints an
//! entry; `check --format json` carries the code of each finding.
//!
//! A new rule is one more [`Code`] here, added to [`ALL`], and a
//! `Diagnostic::new(&codes::THE_RULE, …)` where it is found. Codes are
//! `area` or `area.name`, lower-case, and never change once released: CI
//! dashboards and `explain` rely on them.

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
    /// What it is about, in a few words.
    pub title: &'static str,
    /// The usual fix, one line. A finding may carry a more precise one.
    pub fix: &'static str,
    /// Why it matters and how it is decided, a few lines.
    pub explanation: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal, $sev:ident, $title:literal, $fix:literal, $explain:literal;)*) => {
        $(
            $(#[$doc])*
            pub static $name: Code = Code {
                id: $id,
                severity: Severity::$sev,
                title: $title,
                fix: $fix,
                explanation: $explain,
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

codes! {
    /// Placeholder for diagnostics not yet given their own code.
    OTHER = "other", Error, "other problem", "see the message", "A finding that has no code of its own yet.";
    /// A file could not be read or written.
    IO = "io", Error, "a file could not be read or written", "check that the file exists and can be read, and that the disk is not full", "gongkai reads the site's files and writes the output folder; this finding names the file and what the system said.";

    /// The report file is not valid YAML.
    REPORT_YAML = "report.yaml", Error,
        "the report file is not valid YAML",
        "fix the YAML syntax at the position shown (colons, indentation, brackets)",
        "A report file must be valid YAML before its tables can be read. The position points at the first place the YAML reader could not understand; nothing of the file is checked further until it reads.";
    /// A key, heading or row of the report is missing, unknown or misplaced.
    REPORT_STRUCTURE = "report.structure", Error,
        "a heading or row of the report is missing, unknown or misplaced",
        "write the heading or row with its official label, as `gongkai new report YEAR` writes it",
        "A report follows the official format of its edition: six parts under their official headings, each table row under its official label. Labels match after normalising brackets, spaces and numbering; an unknown label gets the nearest official one as a hint, and missing rows are listed.";
    /// A cell holds something that is not allowed there (rule E).
    REPORT_CELL = "report.cell", Error,
        "a cell holds something other than the number it must hold",
        "write a whole number (0 or more), a signed number for 本年增/减, or `~` for a blank cell",
        "Rule E of the format: counts are whole numbers, 0 or more; 本年增/减 may be negative and is written +19 or -3; amounts in 万元 are decimals. A row must have as many cells as its table has columns.";
    /// A cell is blank in the published original.
    REPORT_BLANK = "report.blank", Warning,
        "a cell is left blank",
        "write 0 where the original has 0; leave `~` only where the published original is blank",
        "A blank cell (`~`) is shown empty and counts as 0. It is a warning, not an arithmetic error, because published originals do have blank cells; a new report should write 0.";
    /// Rule A: 一 + 二 = 三（七）总计 + 四 in each column of part 三.
    REPORT_RULE_A = "report.rule-a", Error,
        "part 三 does not balance (一 + 二 = 三 + 四)",
        "correct the cells so that 一 + 二 = 三（七）总计 + 四 in the column shown",
        "Rule A, stated in the header of part 三: in each of the seven columns, applications received this year plus those carried over from last year equal those handled this year plus those carried over to next year. `reproduces_original: true` keeps a published report as signed, with a note under the table.";
    /// Rule B: a row's 总计 is the sum of its six applicant columns.
    REPORT_RULE_B = "report.rule-b", Error,
        "a row's 总计 is not the sum of its applicant columns",
        "correct the row so that 总计 equals the sum of the six applicant columns, or leave 总计 out to have it computed",
        "Rule B: in each data row of part 三, the 总计 column is the sum of 自然人, the five 法人或其他组织 columns and 其他. A row may leave out its 总计; it is then computed.";
    /// Rule C: （七）总计 is the sum of the results （一）–（六）.
    REPORT_RULE_C = "report.rule-c", Error,
        "（七）总计 is not the sum of the results",
        "correct the result rows or （七）总计 so that the results add up, or leave （七）总计 out to have it computed",
        "Rule C: each application is counted under exactly one result, so in each column （七）总计 equals （一）+（二）+ the rows of （三）,（四）,（五） and （六）.";
    /// Rule D: part 四's 总计 is the sum of its four outcomes.
    REPORT_RULE_D = "report.rule-d", Error,
        "a 总计 of part 四 is not the sum of its outcomes",
        "correct the cells so that 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, or leave 总计 out to have it computed",
        "Rule D: for 行政复议 and each kind of 行政诉讼, 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结.";
    /// Rule F: 结转下年度 of one year = 上年结转 of the next.
    REPORT_RULE_F = "report.rule-f", Warning,
        "carried over to next year does not match the next year's carried over from last year",
        "make 四、结转下年度继续办理 of one year equal 二、上年结转政府信息公开申请数量 of the next",
        "Rule F, across years: what one report carries over to next year is what the next report received as carried over. It is implied by the meaning of the rows, not stated in the format, so it is a warning naming both files.";
    /// Rule G: 现行有效件数 follows from last year's, issued and repealed.
    REPORT_RULE_G = "report.rule-g", Warning,
        "现行有效件数 does not follow from last year's",
        "check 现行有效件数 against last year's, plus 本年制发件数, minus 本年废止件数",
        "Rule G, 2021 edition, across years: 现行有效件数 of a year is usually last year's plus those issued minus those repealed. Documents can also lapse without being repealed, so this is only a hint.";
    /// The report's `year` disagrees with its file name.
    REPORT_YEAR = "report.year", Warning,
        "the report's year and its file name differ",
        "name the file after the reported year (2024.yaml for `year: 2024`) or correct `year:`",
        "A report file is named after the year it reports on, and its page and downloads are named from `year:`. When the two differ one of them is a typo.";
    /// The report's `published` date is missing or not a date.
    REPORT_PUBLISHED = "report.published", Error,
        "the publication date is missing or not a date",
        "write the date the report was published as YYYY-MM-DD, e.g. `published: 2024-01-30`",
        "`published` is the date shown on the report page and in its 信息索引, and the date the annual-report deadline is measured against.";
    /// `edition`, `agency`, `title` or another envelope field is wrong.
    REPORT_FIELD = "report.field", Error,
        "a field at the top of the report is wrong",
        "correct the field: `edition` is 2019 or 2021, the other fields are text",
        "The fields above the six parts (`year`, `edition`, `agency`, `published`, `title`, `reproduces_original`, `original_note`) describe the report as a whole.";
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
            assert!(!c.fix.is_empty() && !c.explanation.is_empty(), "{}", c.id);
        }
        assert_eq!(find("report.rule-b"), Some(&REPORT_RULE_B));
    }
}
