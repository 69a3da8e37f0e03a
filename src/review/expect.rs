//! The agencies that must have a report: `--expect agencies.txt` (one name
//! a line; blank lines and lines starting with `#` are skipped) or a
//! `review.yaml` (`agencies:` a list of names, and optionally the
//! `report_deadline:` of the 区/县, MM-DD, and `deadlines:` an agency's own,
//! `区人民政府: "03-31"`). Each expected agency without a
//! report for the year gets a "missing" row; each report of an agency not
//! on the list gets a 提示, since that is most often a name written two ways.

use super::{Row, Status};
use crate::config::yaml_error::{Place, explain};
use crate::diag::{Diagnostic, Severity, codes};
use crate::fsx;
use jiff::civil::Date;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file `review` reads when `--expect` is not given and it exists in
/// the current folder.
pub const REVIEW_FILE: &str = "review.yaml";

/// The expected agencies.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// The file they were read from.
    pub path: PathBuf,
    /// The agencies, as written, in the file's order.
    pub agencies: Vec<String>,
    /// `report_deadline:` of review.yaml, for agencies with no report.
    pub deadline: Option<(u8, u8)>,
    /// `deadlines:` of review.yaml: an agency's own deadline (the 区/县
    /// government's own report is due by 03-31, its departments' by 01-31).
    pub deadlines: Vec<(String, (u8, u8))>,
}

impl Expected {
    /// The deadline of `agency`'s report: its own, else `fallback`.
    pub fn deadline_of(&self, agency: &str, fallback: (u8, u8)) -> (u8, u8) {
        self.deadlines
            .iter()
            .find(|(a, _)| same_agency(a, agency))
            .map_or(fallback, |(_, d)| *d)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    agencies: Vec<String>,
    #[serde(default)]
    report_deadline: Option<String>,
    #[serde(default)]
    deadlines: std::collections::BTreeMap<String, String>,
}

/// Reads the list at `path`: YAML (`.yaml`, `.yml`) as review.yaml, any
/// other file as one name a line. Every mistake is a finding.
pub fn read(path: &Path) -> Result<Expected, Vec<Diagnostic>> {
    let text = match fsx::read_text(path) {
        Ok(t) => t,
        Err(fsx::TextError::NotUtf8 { line, message }) => {
            return Err(vec![
                Diagnostic::new(&codes::ENCODING, path, message).at_line(line),
            ]);
        }
        Err(fsx::TextError::Io(e)) => {
            return Err(vec![Diagnostic::new(
                &codes::IO,
                path,
                crate::i18n::io_error(&e.source),
            )]);
        }
    };
    let yaml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if !yaml {
        let agencies = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        return Ok(Expected {
            path: path.to_path_buf(),
            agencies,
            deadline: None,
            deadlines: Vec::new(),
        });
    }
    let raw: RawReview = serde_saphyr::from_str(&text).map_err(|e| {
        let e = explain(
            &e,
            &text,
            Place::Settings,
            &["agencies", "report_deadline", "deadlines"],
            0,
        );
        let mut d = Diagnostic::new(&codes::YAML, path, e.message).at(e.line, e.col);
        if let Some(hint) = e.hint {
            d = d.with_hint(hint);
        }
        vec![d]
    })?;
    let deadline = match raw
        .report_deadline
        .as_deref()
        .map(crate::config::parse_month_day)
    {
        Some(Err(msg)) => {
            let line = line_of(&text, "report_deadline:");
            return Err(vec![Diagnostic::new(&codes::YAML, path, msg).at_line(line)]);
        }
        Some(Ok(md)) => Some(md),
        None => None,
    };
    let mut deadlines = Vec::new();
    let mut wrong = Vec::new();
    for (agency, day) in &raw.deadlines {
        // A name not on the list would be a deadline silently unused.
        if !raw.agencies.iter().any(|a| same_agency(a, agency)) {
            let line = line_of(&text, &format!("{agency}:"));
            let d = Diagnostic::new(
                &codes::YAML,
                path,
                t!("review-deadline-unknown", agency = agency.as_str()),
            )
            .at_line(line);
            wrong.push(match nearest(agency, &raw.agencies) {
                Some(near) => d.with_hint(t!("review-deadline-unknown-near", near = near)),
                None => d,
            });
            continue;
        }
        match crate::config::parse_month_day(day) {
            Ok(md) => deadlines.push((agency.trim().to_string(), md)),
            Err(msg) => {
                let line = line_of(&text, &format!("{agency}:"));
                wrong.push(Diagnostic::new(&codes::YAML, path, msg).at_line(line));
            }
        }
    }
    if !wrong.is_empty() {
        return Err(wrong);
    }
    Ok(Expected {
        path: path.to_path_buf(),
        deadlines,
        agencies: raw
            .agencies
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        deadline,
    })
}

fn line_of(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(0, |i| i as u32 + 1)
}

/// A name compared without its spaces (full-width ones included).
pub(crate) fn same_agency(a: &str, b: &str) -> bool {
    let key = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    key(a) == key(b)
}

/// One "missing" row per expected agency that has no report of `year`
/// among `rows`. Before the deadline a missing report is only a 提示.
pub(super) fn missing(
    expected: &Expected,
    rows: &[Row],
    year: i32,
    deadline: (u8, u8),
    as_of: Date,
) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for agency in &expected.agencies {
        let deadline = expected.deadline_of(agency, deadline);
        let due = crate::check::reports::deadline_in(
            i16::try_from(year + 1).unwrap_or(i16::MAX),
            deadline,
        );
        let (m, d) = deadline;
        let has = rows
            .iter()
            .chain(&out)
            .any(|r| r.status != Status::Unread && same_agency(&r.agency, agency));
        if has {
            continue;
        }
        let mut finding = Diagnostic::new(
            &codes::REPORT_MISSING,
            &expected.path,
            t!(
                "review-missing",
                agency = agency.as_str(),
                year = year,
                due = due.to_string(),
                deadline = format!("{m:02}-{d:02}")
            ),
        )
        .with_hint(t!("review-missing-hint"));
        if as_of <= due {
            finding = finding
                .with_severity(Severity::Notice)
                .with_hint(t!("review-missing-not-due", due = due.to_string()));
        }
        out.push(Row {
            agency: agency.clone(),
            year: Some(year),
            edition: None,
            source: String::new(),
            published: None,
            status: Status::Missing,
            findings: vec![finding],
        });
    }
    out
}

/// The listed name most like `agency`, when it differs by little more
/// than a prefix or a character (区财政局 for 财政局); agencies' names
/// share so many characters (…局) that a looser match would mislead.
fn nearest<'a>(agency: &str, names: &'a [String]) -> Option<&'a str> {
    names
        .iter()
        .map(|n| {
            (
                strsim::normalized_damerau_levenshtein(agency, n),
                n.as_str(),
            )
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// A 提示 on each report whose agency is not on the list, naming the
/// nearest name that is.
pub(super) fn mark_unexpected(expected: &Expected, rows: &mut [Row]) {
    for row in rows.iter_mut().filter(|r| r.status == Status::Read) {
        if expected
            .agencies
            .iter()
            .any(|a| same_agency(a, &row.agency))
        {
            continue;
        }
        let near = nearest(&row.agency, &expected.agencies);
        let hint = match near {
            Some(n) => t!("review-unexpected-near", name = n),
            None => t!("review-unexpected-hint"),
        };
        row.findings.push(
            Diagnostic::new(
                &codes::REVIEW_UNEXPECTED,
                row.source.as_str(),
                t!(
                    "review-unexpected",
                    agency = row.agency.as_str(),
                    list = super::findings::shown(&expected.path)
                ),
            )
            .with_hint(hint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(name: &str, text: &str) -> Result<Expected, Vec<Diagnostic>> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        read(&path).map_err(|ds| {
            ds.into_iter()
                .map(|d| Diagnostic {
                    path: PathBuf::from(name),
                    ..d
                })
                .collect()
        })
    }

    #[test]
    fn a_text_list_is_one_name_a_line() {
        let e =
            read_text("agencies.txt", "# 名单\n区财政局\n\n  大街街道办事处  \n").expect("list");
        assert_eq!(e.agencies, ["区财政局", "大街街道办事处"]);
        assert_eq!(e.deadline, None);
    }

    #[test]
    fn review_yaml_has_agencies_and_a_deadline() {
        let e = read_text(
            "review.yaml",
            "agencies: [区财政局, 区教育局]\nreport_deadline: \"02-20\"\n",
        )
        .expect("list");
        assert_eq!(e.agencies, ["区财政局", "区教育局"]);
        assert_eq!(e.deadline, Some((2, 20)));
        let bad = read_text("review.yaml", "agencies: [a]\nreport_deadline: 2月20日\n")
            .expect_err("bad date");
        assert_eq!(
            bad[0].to_string(),
            "review.yaml:2:1: 错误: report_deadline 写的「2月20日」不是日期：按「月-日」写，例如 02-20"
        );
        let unknown = read_text("review.yaml", "agencys: [a]\n").expect_err("unknown key");
        assert_eq!(unknown[0].line, Some(1));
    }

    #[test]
    fn names_match_without_spaces_and_near_names_only_when_close() {
        assert!(same_agency("大街 街道办事处", "大街街道办事处"));
        assert!(!same_agency("区财政局", "财政局"));
        let names = ["区财政局".to_string(), "区民政局".to_string()];
        assert_eq!(nearest("财政局", &names), Some("区财政局"));
        assert_eq!(nearest("水务局", &names), None);
    }
}
