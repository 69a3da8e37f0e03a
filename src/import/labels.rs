//! Matching a label as printed against the form's: after the report's own
//! folding (full-width to half-width, spaces, quotes, leading numbering;
//! `report::label`), punctuation is dropped and known printed variants are
//! mapped to the official wording; then a label one edit away (two for a
//! long one) still matches, so typos such as 只计这一情况 or
//! 三类内容事务信息 are found.
//!
//! Also here: whether a cell's text looks like a value rather than a label.

use crate::report::label;

/// Printed wordings seen in published reports, and the official label they
/// stand for (compared after [`norm`]).
const VARIANTS: &[(&str, &str)] = &[
    ("规范性文件", "行政规范性文件"),
    ("其它对外管理服务事项", "其他对外管理服务事项"),
    ("其他对外管理和服务事项", "其他对外管理服务事项"),
    ("危及三安全一稳定", "危及三安全一稳定"),
];

/// `text` folded as the report folds labels, numbering removed, and every
/// punctuation mark dropped.
pub(crate) fn norm(text: &str) -> String {
    let key = label::key(text);
    // A second number, as in "三、（一）予以公开" printed in one cell.
    let key = label::key(&key);
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| if c == '它' { '他' } else { c })
        .collect()
}

/// True when `printed` is the label `official` (or one of its `aliases`).
pub(crate) fn matches(printed: &str, official: &str, aliases: &[&str]) -> bool {
    let p = norm(printed);
    if p.is_empty() {
        return false;
    }
    std::iter::once(official)
        .chain(aliases.iter().copied())
        .any(|o| same(&p, &norm(o)))
}

fn same(p: &str, o: &str) -> bool {
    if p == o
        || strip_note(p) == strip_note(o)
            && !strip_note(o).is_empty()
            && p.starts_with(strip_note(o))
    {
        return true;
    }
    if VARIANTS
        .iter()
        .any(|(v, off)| norm(v) == p && norm(off) == o)
    {
        return true;
    }
    let n = o.chars().count();
    let allowed = match n {
        0..=3 => 0,
        4..=11 => 1,
        12..=23 => 2,
        _ => n / 8,
    };
    if allowed > 0 && strsim::levenshtein(p, o) <= allowed {
        return true;
    }
    // A row label printed after its group's in one cell
    // (（三）不予公开 1.属于国家秘密), or with a word more (行政事业性收费项目).
    n >= 4
        && (p.ends_with(o) && p.len() > o.len() || p.starts_with(o) && p.chars().count() <= n + 2)
}

/// A label without its bracketed note: 部分公开 for
/// 部分公开（区分处理的，只计这一情形，不计其他情形） (the note was already
/// unbracketed by [`norm`], so this cuts at the note's first words).
fn strip_note(s: &str) -> &str {
    match s.find("区分处理") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// The value of a row number: 3 for `3`, `三` or `（三）`'s `三`.
pub(crate) fn number_value(n: &str) -> Option<u32> {
    if let Ok(v) = n.parse() {
        return Some(v);
    }
    const DIGITS: &str = "一二三四五六七八九十";
    let mut chars = n.chars();
    let first = chars.next()?;
    let v = DIGITS.chars().position(|d| d == first)? as u32 + 1;
    match chars.next() {
        None => Some(v),
        // 十一 … 十九
        Some(c) if first == '十' => DIGITS
            .chars()
            .position(|d| d == c)
            .map(|u| 10 + u as u32 + 1),
        Some(_) => None,
    }
}

/// True when a cell reads as a value (a number, a blank or a dash), not a
/// label or header.
pub(crate) fn is_value(text: &str) -> bool {
    let f = label::fold(text);
    if crate::report::label::is_blank(&f) {
        return true;
    }
    let body = f.trim_start_matches(['+', '-', '−']);
    let body = strip_unit(body);
    !body.is_empty()
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// `s` without a trailing unit (件, 个, 项, 元, 万元, …): the report form's
/// list, so an import and a typed form read the same cells.
pub(crate) fn strip_unit(s: &str) -> &str {
    crate::report::label::strip_unit(s, crate::report::label::UNITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_variants_match() {
        assert!(matches("规范性文件", "行政规范性文件", &[]));
        assert!(matches(
            "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            &[]
        ));
        assert!(matches(
            "5.属于三类内容事务信息",
            "5.属于三类内部事务信息",
            &[]
        ));
        assert!(matches("(三)不予公开", "（三）不予公开", &[]));
        assert!(matches("1、属于国家秘密", "1.属于国家秘密", &[]));
        assert!(matches(
            "3.危及\"三安全一稳定\"",
            "3.危及“三安全一稳定”",
            &[]
        ));
        assert!(matches("其它对外管理服务事项", "其他对外管理服务事项", &[]));
        assert!(matches(
            "（二）部分公开",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            &[]
        ));
    }

    #[test]
    fn different_rows_do_not_match() {
        assert!(!matches("规章", "行政许可", &[]));
        assert!(!matches("其他", "3.其他处理", &[]));
        assert!(!matches("行政处罚", "行政强制", &[]));
        assert!(!matches("", "规章", &[]));
        assert!(!matches("1.信访举报投诉类申请", "2.重复申请", &[]));
    }

    #[test]
    fn numbers_in_either_script() {
        assert_eq!(number_value("3"), Some(3));
        assert_eq!(number_value("三"), Some(3));
        assert_eq!(number_value("十二"), Some(12));
        assert_eq!(number_value(""), None);
    }

    #[test]
    fn values_and_labels() {
        for v in [
            "0", " ０ ", "12", "+19", "-3", "4068.208", "", "—", "/", "3件", "1,234",
        ] {
            assert!(is_value(v), "{v}");
        }
        for l in ["规章", "总计", "档案柜23组", "自然人"] {
            assert!(!is_value(l), "{l}");
        }
    }
}
