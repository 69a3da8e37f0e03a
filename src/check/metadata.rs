//! 政府信息公开目录 metadata: every item of a column must carry the keys its
//! `require:` list in site.yaml names (索引号, 发布机构, …). Keys may be
//! written as front-matter names (`index_no`) or in Chinese (`索引号`).

use crate::config::CONFIG_FILE;
use crate::content::{Item, Site};
use crate::diag::nearest;
use crate::diag::{Diagnostic, codes};

/// (front-matter key, Chinese name) of every key `require:` may name.
const KEYS: &[(&str, &str)] = &[
    ("index_no", "索引号"),
    ("publisher", "发布机构"),
    ("doc_no", "文号"),
    ("written", "成文日期"),
    ("topic", "主题分类"),
    ("validity", "有效性"),
];

/// The item's value for a front-matter key, blank values as `None`.
fn value<'a>(item: &'a Item, key: &str) -> Option<&'a str> {
    let m = &item.meta;
    let v = match key {
        "index_no" => m.index_no.as_deref(),
        "publisher" => Some(m.publisher.as_str()),
        "doc_no" => m.doc_no.as_deref(),
        "written" => m.written.as_deref(),
        "topic" => m.topic.as_deref(),
        "validity" => m.validity.as_deref(),
        _ => None,
    };
    v.filter(|s| !s.trim().is_empty())
}

/// Pushes a finding per item and missing required key, and one per key in a
/// `require:` list that gongkai does not know.
pub(crate) fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    for col in &site.columns {
        let c = &col.column;
        for wanted in &c.require {
            let Some(&(key, name)) = KEYS.iter().find(|(k, n)| k == wanted || n == wanted) else {
                let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                let hint = match nearest(wanted, KEYS.iter().map(|(k, _)| *k)) {
                    Some(k) => crate::t!(
                        "check-metadata-unknown-near",
                        key = k,
                        known = known.join(", ")
                    ),
                    None => crate::t!("check-metadata-unknown-fix", known = known.join(", ")),
                };
                out.push(
                    Diagnostic::site_wide(
                        &codes::METADATA_UNKNOWN_KEY,
                        crate::t!(
                            "check-metadata-unknown",
                            title = c.title.as_str(),
                            key = wanted.as_str()
                        ),
                    )
                    .in_file(CONFIG_FILE, Some(c.line))
                    .in_column(&c.slug)
                    .with_hint(hint),
                );
                continue;
            };
            for item in col.items.iter().filter(|i| value(i, key).is_none()) {
                out.push(
                    Diagnostic::site_wide(
                        &codes::METADATA_MISSING,
                        crate::t!(
                            "check-metadata-missing",
                            item = item.title.as_str(),
                            name = name,
                            key = key,
                            title = c.title.as_str()
                        ),
                    )
                    .in_file(item.source.shown.clone(), Some(1))
                    .in_column(&c.slug)
                    .with_hint(crate::t!("check-metadata-missing-fix", key = key)),
                );
            }
        }
    }
}
