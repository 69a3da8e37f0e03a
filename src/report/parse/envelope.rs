//! Reading the envelope: the English keys above the six parts (`year`,
//! `edition`, `agency`, `published`, `title`, `reproduces_original`,
//! `original_note`), each checked for its kind of value.

use super::super::edition::{self, Edition};
use super::super::yaml::{Key, Node, Pos, Value};
use super::keys::Reader;
use crate::diag::codes::{REPORT_FIELD, REPORT_PUBLISHED};
use crate::report::Envelope;
use jiff::civil::Date;

/// The keys above the six parts, written in English like front matter.
pub(super) const KEYS: [&str; 7] = [
    "year",
    "edition",
    "agency",
    "published",
    "title",
    "reproduces_original",
    "original_note",
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
    let published = published(r, root, get);
    if let Some((_, n)) = get("reproduces_original")
        && !matches!(n.value, Value::Bool(_))
    {
        r.diag(
            &REPORT_FIELD,
            n.pos,
            "`reproduces_original` must be true or false",
        );
    }
    let env = Envelope {
        year,
        agency,
        published,
        title,
        reproduces_original: r.lenient,
        original_note,
    };
    Some((env, edition))
}

fn year_of(r: &mut Reader<'_>, root: Pos, get: &Lookup<'_, '_>) -> Option<i32> {
    match get("year").map(|(_, n)| n) {
        Some(Node {
            value: Value::Int(y),
            ..
        }) if (1900..=9999).contains(y) => i32::try_from(*y).ok(),
        Some(n) => {
            r.diag(
                &REPORT_FIELD,
                n.pos,
                "`year` must be a four-digit year such as 2020",
            );
            None
        }
        None => {
            r.diag(
                &REPORT_FIELD,
                root,
                "missing `year` (the reported year, such as 2020)",
            );
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
    named.unwrap_or_else(|| {
        r.diag(&REPORT_FIELD, n.pos, "`edition` must be 2019 or 2021").hint = Some(
            "2019 is the format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports; 2021 is 国办公开办函〔2021〕30号".into(),
        );
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
            r.diag(&REPORT_FIELD, n.pos, format!("`{key}` must be text"));
            None
        }
        _ => None,
    }
}

/// `published`: None when missing or not a date, which is reported.
fn published(r: &mut Reader<'_>, root: Pos, get: &Lookup<'_, '_>) -> Option<Date> {
    let Some((_, node)) = get("published") else {
        r.diag(
            &REPORT_PUBLISHED,
            root,
            "missing `published` (the date the report was published, such as 2021-01-29)",
        );
        return None;
    };
    let written = match &node.value {
        Value::Str(s) => s.trim().to_string(),
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        other => format!("({})", other.kind()),
    };
    if written.is_empty() {
        r.diag(
            &REPORT_PUBLISHED,
            root,
            "missing `published` (the date the report was published, such as 2021-01-29)",
        );
        return None;
    }
    let date = written.parse::<Date>().ok();
    if date.is_none() {
        r.diag(
            &REPORT_PUBLISHED,
            node.pos,
            format!("`published` must be a date written YYYY-MM-DD, found `{written}`"),
        );
    }
    date
}
