//! The site's 索引号 scheme (`index_no_format:` in site.yaml). Each site
//! numbers its documents its own way (`014314799/2024-00002`: 机构代码, year
//! and a sequence number; `11341702486344515H/202110-00013`: a credit code,
//! year and month, sequence), so the scheme is written once, as the number
//! with its changing parts in braces:
//!
//! ```yaml
//! index_no_format: 014314799/{年}-{序号:5}
//! ```
//!
//! `{年}` is a four-digit year, `{月}` a two-digit month, `{日}` a two-digit
//! day, `{序号}` a sequence number of any length and `{序号:5}` one of five
//! digits (`{year}`, `{month}`, `{day}`, `{seq}` and `{seq:5}` are the same).
//! Everything else is written as it is. A list of schemes is allowed, for a
//! site whose older documents were numbered another way. `validate` holds
//! every item's and report's 索引号 against them.

use crate::diag::{Diagnostic, codes};
use regex::Regex;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

/// `index_no_format:` as written: one scheme or a list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawIndexFormat {
    /// `index_no_format: 014314799/{年}-{序号:5}`
    One(String),
    /// `index_no_format: [014314799/{年}-{序号:5}, …]`
    Many(Vec<String>),
}

/// One part of a scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Year,
    Month,
    Day,
    /// A sequence number, of exactly this many digits when given.
    Seq(Option<usize>),
}

/// A 索引号 scheme of the site.
#[derive(Debug, Clone)]
pub struct IndexFormat {
    /// As written in site.yaml.
    pub written: String,
    parts: Vec<Part>,
    pattern: Regex,
}

/// The date parts a 索引号 holds, where its scheme has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexDate {
    /// `{年}`.
    pub year: Option<i32>,
    /// `{月}`.
    pub month: Option<u8>,
    /// `{日}`.
    pub day: Option<u8>,
}

impl IndexFormat {
    /// Reads one scheme; the message says what is wrong with it.
    pub(crate) fn parse(written: &str) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = written.trim();
        if rest.is_empty() {
            return Err(t!("config-index-format-empty"));
        }
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            if c == '}' || c == '｝' {
                return Err(t!("config-index-format-stray-brace"));
            }
            if c != '{' && c != '｛' {
                text.push(c);
                continue;
            }
            let Some(end) = rest.find(['}', '｝']) else {
                return Err(t!("config-index-format-unclosed"));
            };
            let name = &rest[..end];
            rest = &rest[end..];
            rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            }
            parts.push(part(name.trim())?);
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        let mut re = String::from("^");
        for p in &parts {
            re.push_str(&match p {
                Part::Text(t) => regex::escape(t),
                Part::Year => r"(?P<year>[0-9]{4})".to_string(),
                Part::Month => r"(?P<month>0[1-9]|1[0-2])".to_string(),
                Part::Day => r"(?P<day>0[1-9]|[12][0-9]|3[01])".to_string(),
                Part::Seq(Some(n)) => format!("[0-9]{{{n}}}"),
                Part::Seq(None) => "[0-9]+".to_string(),
            });
        }
        re.push('$');
        // A scheme with a part twice names its group twice, which a
        // pattern cannot.
        let pattern = Regex::new(&re).map_err(|_| t!("config-index-format-twice"))?;
        Ok(Self {
            written: written.trim().to_string(),
            parts,
            pattern,
        })
    }

    /// The date parts of `no` when it follows this scheme, `None` when not.
    pub fn matches(&self, no: &str) -> Option<IndexDate> {
        let caps = self.pattern.captures(no)?;
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        Some(IndexDate {
            year: num("year"),
            month: num("month").and_then(|m| u8::try_from(m).ok()),
            day: num("day").and_then(|d| u8::try_from(d).ok()),
        })
    }

    /// A number of this scheme for a document of `date` (year, month,
    /// day), its sequence number `seq` (padded to the scheme's digits).
    pub fn example(&self, date: (i32, u8, u8), seq: u64) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Year => out.push_str(&format!("{:04}", date.0)),
                Part::Month => out.push_str(&format!("{:02}", date.1)),
                Part::Day => out.push_str(&format!("{:02}", date.2)),
                Part::Seq(Some(n)) => out.push_str(&format!("{seq:0n$}")),
                Part::Seq(None) => out.push_str(&seq.to_string()),
            }
        }
        out
    }
}

/// The part a `{name}` stands for.
fn part(name: &str) -> Result<Part, String> {
    let (name, digits) = match name.split_once([':', '：']) {
        Some((n, d)) => (n.trim(), Some(d.trim())),
        None => (name, None),
    };
    let fixed = match name {
        "年" | "年份" | "year" => Some(Part::Year),
        "月" | "月份" | "month" => Some(Part::Month),
        "日" | "day" => Some(Part::Day),
        _ => None,
    };
    if let Some(p) = fixed {
        return match digits {
            None => Ok(p),
            Some(_) => Err(t!("config-index-format-digits-only-seq", name = name)),
        };
    }
    if !matches!(name, "序号" | "seq") {
        return Err(t!("config-index-format-unknown", name = name));
    }
    match digits {
        None => Ok(Part::Seq(None)),
        Some(d) => match d.parse::<usize>() {
            Ok(n) if (1..=12).contains(&n) => Ok(Part::Seq(Some(n))),
            _ => Err(t!("config-index-format-bad-digits", digits = d)),
        },
    }
}

/// The schemes of `index_no_format:`, each mistake an error at its line.
pub(crate) fn read(
    raw: Option<Spanned<RawIndexFormat>>,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<IndexFormat> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    let (line, col) = (raw.referenced.line() as u32, raw.referenced.column() as u32);
    let written = match raw.value {
        RawIndexFormat::One(s) => vec![s],
        RawIndexFormat::Many(v) => v,
    };
    let mut out = Vec::new();
    for w in written {
        match IndexFormat::parse(&w) {
            Ok(f) => out.push(f),
            Err(problem) => diags.push(
                Diagnostic::new(
                    &codes::CONFIG,
                    shown,
                    t!(
                        "config-index-format-bad",
                        format = w.as_str(),
                        problem = problem
                    ),
                )
                .at(line, col)
                .with_hint(t!("config-index-format-hint")),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> IndexFormat {
        IndexFormat::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn a_scheme_matches_its_numbers_and_gives_their_year() {
        let scheme = f("014314799/{年}-{序号:5}");
        let got = scheme.matches("014314799/2024-00002");
        assert_eq!(got.and_then(|d| d.year), Some(2024));
        for wrong in [
            "014314799/2024-0002",
            "014314799/2024-000002",
            "014314799/24-00002",
            "014314798/2024-00002",
            "014314799／2024-00002",
            " 014314799/2024-00002",
        ] {
            assert!(scheme.matches(wrong).is_none(), "{wrong}");
        }
        assert_eq!(
            scheme.example((2024, 1, 5), 2),
            "014314799/2024-00002".to_string()
        );
    }

    #[test]
    fn english_names_full_width_braces_and_a_month() {
        let scheme = f("11341702486344515H/{year}{月份}-｛seq：5｝");
        let got = scheme.matches("11341702486344515H/202110-00013");
        assert_eq!(
            got,
            Some(IndexDate {
                year: Some(2021),
                month: Some(10),
                day: None
            })
        );
        assert!(scheme.matches("11341702486344515H/202113-00013").is_none());
        let any = f("A-{序号}");
        assert!(any.matches("A-7").is_some() && any.matches("A-").is_none());
    }

    #[test]
    fn mistakes_in_a_scheme_are_refused() {
        for bad in [
            "",
            "014314799/{年-{序号}",
            "014314799/{年度}-{序号}",
            "014314799/{年}-{序号:0}",
            "014314799/{年}-{序号:x}",
            "014314799/{年:4}",
            "014314799/{年}-{年}",
            "014314799/年}",
        ] {
            assert!(IndexFormat::parse(bad).is_err(), "{bad}");
        }
    }
}
