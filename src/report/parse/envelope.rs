//! Reading the envelope: the English keys above the six parts (`year`,
//! `edition`, `agency`, `published`, `title`, `reproduces_original`,
//! `original_note`), each checked for its kind of value.

use super::super::edition::{self, Edition};
use super::super::yaml::{Key, Node, Pos, Value};
use super::keys::Reader;
use crate::diag::codes::{REPORT_EDITION, REPORT_FIELD, REPORT_PUBLISHED};
use crate::report::{AttachmentEntry, Envelope, IndexFields};
use jiff::civil::Date;

/// The keys above the six parts, written in English like front matter.
pub(super) const KEYS: [&str; 14] = [
    "year",
    "edition",
    "agency",
    "published",
    "title",
    "reproduces_original",
    "original_note",
    "index_no",
    "doc_no",
    "publisher",
    "written",
    "topic",
    "validity",
    "attachments",
];

/// The value given for a key, if any.
pub(super) type Lookup<'a, 'n> = dyn Fn(&str) -> Option<(&'n Key, &'n Node)> + 'a;

/// Reads the envelope and picks the edition. None when there is no usable
/// year, since the report then has no page to be on.
pub(super) fn read(
    r: &mut Reader<'_>,
    root: Pos,
    get: &Lookup<'_, '_>,
) -> Option<(Envelope, &'static Edition)> {
    let year = year_of(r, root, get)?;
    let edition = edition_of(r, get, year);
    let agency = text(r, get, "agency");
    let title = text(r, get, "title");
    let original_note = text(r, get, "original_note");
    let published = published(r, root, get, year);
    if let Some((_, n)) = get("reproduces_original")
        && !matches!(n.value, Value::Bool(_))
    {
        r.diag(&REPORT_FIELD, n.pos, t!("report-reproduces-not-bool"));
    }
    let env = Envelope {
        year,
        agency,
        published,
        title,
        reproduces_original: r.lenient,
        original_note,
        index: IndexFields {
            index_no: text(r, get, "index_no"),
            doc_no: text(r, get, "doc_no"),
            publisher: text(r, get, "publisher"),
            written: written(r, get),
            topic: text(r, get, "topic"),
            validity: text(r, get, "validity"),
        },
        attachments: attachments(r, get),
    };
    Some((env, edition))
}

fn year_of(r: &mut Reader<'_>, root: Pos, get: &Lookup<'_, '_>) -> Option<i32> {
    match get("year").map(|(_, n)| n) {
        Some(Node {
            value: Value::Int(y),
            ..
        }) if (1900..=9999).contains(y) => i32::try_from(*y).ok(),
        // `２０２５` (typed with a Chinese input method), `2025年`: the
        // year as staff write it elsewhere.
        Some(Node {
            value: Value::Str(s),
            ..
        }) if crate::content::parse_year(s).is_some() => {
            crate::content::parse_year(s).map(i32::from)
        }
        Some(n) => {
            r.diag(&REPORT_FIELD, n.pos, t!("report-year-not-year"));
            None
        }
        None => {
            r.diag(&REPORT_FIELD, root, t!("report-year-missing"));
            None
        }
    }
}

fn edition_of(r: &mut Reader<'_>, get: &Lookup<'_, '_>, year: i32) -> &'static Edition {
    let Some((_, n)) = get("edition") else {
        return edition::default_for(year);
    };
    let named = match n.value {
        Value::Int(id) => edition::by_id(id),
        _ => None,
    };
    // From the 2021 report on, the 2021 form (国办公开办函〔2021〕30号);
    // before, the 2019 form. The other form's rows would be published.
    let due = edition::default_for(year);
    if let Some(named) = named
        && named.id != due.id
    {
        let d = r.diag(
            &REPORT_EDITION,
            n.pos,
            t!(
                "report-edition-of-year",
                year = year,
                edition = named.id,
                expected = due.id
            ),
        );
        d.hint = Some(t!("report-edition-of-year-hint", expected = due.id));
    }
    named.unwrap_or_else(|| {
        r.diag(&REPORT_FIELD, n.pos, t!("report-edition-bad")).hint =
            Some(t!("report-edition-bad-hint"));
        edition::default_for(year)
    })
}

/// A text field: None when absent, empty or not text (reported).
fn text(r: &mut Reader<'_>, get: &Lookup<'_, '_>, key: &str) -> Option<String> {
    match get(key).map(|(_, n)| n) {
        Some(Node {
            value: Value::Str(s),
            ..
        }) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(n) if n.value != Value::Null => {
            r.diag(&REPORT_FIELD, n.pos, t!("report-field-not-text", key = key));
            None
        }
        _ => None,
    }
}

/// `attachments:`: a list of file names, or of `{file, title}`, as in an
/// item's front matter. Anything else is reported and left out.
fn attachments(r: &mut Reader<'_>, get: &Lookup<'_, '_>) -> Vec<AttachmentEntry> {
    let Some((_, node)) = get("attachments") else {
        return Vec::new();
    };
    let items = match &node.value {
        Value::Seq(items) => items.as_slice(),
        Value::Null => return Vec::new(),
        _ => {
            r.diag(&REPORT_FIELD, node.pos, t!("report-attachments-not-list"));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        let entry = match &item.value {
            Value::Str(f) if !f.trim().is_empty() => Some((f.trim().to_string(), None)),
            Value::Map(pairs) => {
                let field = |name: &str| {
                    pairs.iter().find_map(|(k, v)| match &v.value {
                        Value::Str(s) if k.text == name && !s.trim().is_empty() => {
                            Some(s.trim().to_string())
                        }
                        _ => None,
                    })
                };
                field("file").map(|f| (f, field("title")))
            }
            _ => None,
        };
        match entry {
            Some((file, title)) => out.push(AttachmentEntry {
                file,
                title,
                pos: item.pos,
            }),
            None => {
                r.diag(&REPORT_FIELD, item.pos, t!("report-attachment-bad"));
            }
        }
    }
    out
}

/// What is wrong with the date `written` under `key`: a day that does not
/// exist is said as an item's is (`2023-02-30`: 这个月没有这一天), anything
/// else with the form expected.
fn date_problem(key: &str, written: &str, problem: String) -> String {
    if crate::content::is_no_such_day(written) {
        t!("report-date-no-such-day", key = key, problem = problem)
    } else if key == "written" {
        t!("report-written-bad", written = written)
    } else {
        t!("report-published-bad", written = written)
    }
}

/// `written` (成文日期), read as items read it; None when absent or not a
/// date (reported).
fn written(r: &mut Reader<'_>, get: &Lookup<'_, '_>) -> Option<String> {
    let (_, node) = get("written")?;
    let written = match &node.value {
        Value::Str(s) => s.trim().to_string(),
        Value::Null => return None,
        Value::Int(i) => i.to_string(),
        other => format!("({})", super::kind(other)),
    };
    match crate::content::parse_date(&written) {
        Ok(d) => Some(d.date_string()),
        Err(problem) => {
            r.diag(
                &REPORT_FIELD,
                node.pos,
                date_problem("written", &written, problem),
            );
            None
        }
    }
}

/// `published`: None when missing or not a date, which is reported. Dates
/// are read as items' dates are (`2025-01-03`, `2025-1-3`, `2025年1月3日`).
/// A report cannot be published before its year has ended.
fn published(r: &mut Reader<'_>, root: Pos, get: &Lookup<'_, '_>, year: i32) -> Option<Date> {
    let Some((_, node)) = get("published") else {
        r.diag(&REPORT_PUBLISHED, root, t!("report-published-missing"));
        return None;
    };
    let written = match &node.value {
        Value::Str(s) => s.trim().to_string(),
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(_, written) => written.clone(),
        Value::Bool(b) => b.to_string(),
        other => format!("({})", super::kind(other)),
    };
    if written.is_empty() {
        r.diag(&REPORT_PUBLISHED, root, t!("report-published-missing"));
        return None;
    }
    let date = match crate::content::parse_date(&written) {
        Ok(d) => d.date(),
        Err(problem) => {
            r.diag(
                &REPORT_PUBLISHED,
                node.pos,
                date_problem("published", &written, problem),
            );
            return None;
        }
    };
    if i32::from(date.year()) <= year {
        r.diag(
            &REPORT_PUBLISHED,
            node.pos,
            t!(
                "report-published-too-early",
                date = date.to_string(),
                year = year
            ),
        );
    }
    Some(date)
}
