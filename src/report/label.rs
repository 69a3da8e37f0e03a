//! Row and caption labels as staff type them, reduced to a comparable key.
//!
//! Labels are copied from Word files, typed on Chinese and English keyboards,
//! and numbered or not. Two labels are the same row when their keys are equal:
//! full-width ASCII folded to half-width, spaces dropped, curly quotes made
//! straight, and a leading number such as `一、`, `（三）`, `(3)`, `1.` or `1、`
//! removed.

/// Units written after a number in a cell: of counts, then of money.
/// `import` drops any of them; the report form drops those of its column
/// ([`COUNT_UNITS`] or 万元), each with a warning.
pub(crate) const UNITS: &[&str] = &["万元", "件", "个", "项", "条", "次", "人", "元", "起", "宗"];

/// The units of a count ([`UNITS`] without money).
pub(crate) const COUNT_UNITS: &[&str] = &["件", "个", "项", "条", "次", "人", "起", "宗"];

/// `s` without one trailing unit of `units`.
pub(crate) fn strip_unit<'s>(s: &'s str, units: &[&str]) -> &'s str {
    units.iter().find_map(|u| s.strip_suffix(u)).unwrap_or(s)
}

/// The comparable form of `label`, numbering kept.
pub(crate) fn fold(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '“' | '”' | '„' | '「' | '」' => '"',
            '‘' | '’' | '『' | '』' => '\'',
            '。' => '.',
            other => other,
        })
        .collect()
}

/// The key two labels are compared by: [`fold`] without the leading number.
pub(crate) fn key(label: &str) -> String {
    let folded = fold(label);
    strip_number(&folded).to_string()
}

/// The leading number of `label`, e.g. `一` for `（一）` and `1` for `1.`
/// or `1、`; empty when it has none.
pub(crate) fn number(label: &str) -> String {
    let folded = fold(label);
    let rest = strip_number(&folded).len();
    folded[..folded.len() - rest]
        .trim_end_matches(['、', '.', ',', '，', ')'])
        .trim_start_matches('(')
        .to_string()
}

/// Removes one leading number from an already folded label.
fn strip_number(s: &str) -> &str {
    // （三） / (3): a bracketed number.
    if let Some(rest) = s.strip_prefix('(')
        && let Some(end) = rest.find(')')
        && !rest[..end].is_empty()
        && rest[..end].chars().all(is_numeral)
    {
        return &rest[end + 1..];
    }
    // 三、 / 1. / 1、
    let digits: usize = s
        .chars()
        .take_while(|c| is_numeral(*c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 {
        let rest = &s[digits..];
        for sep in ['、', '.', ')', ',', '，'] {
            if let Some(after) = rest.strip_prefix(sep) {
                return after;
            }
        }
    }
    s
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// True for what published reports write in an empty cell, `folded` (see
/// [`fold`]): nothing, a dash or a slash (`—`, `——`, `/`), or 无. `import`
/// and the report form read such a cell as `~`.
pub(crate) fn is_blank(folded: &str) -> bool {
    let t = folded.trim();
    t.chars().count() <= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '―' | '/' | '\\' | '一' | '…' | '无'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_numbering() {
        assert_eq!(key("(三)不予公开"), key("（三）不予公开"));
        assert_eq!(key("不予公开"), key("（三）不予公开"));
        assert_eq!(key("1.属于国家秘密"), "属于国家秘密");
        assert_eq!(key("1、属于国家秘密"), "属于国家秘密");
        assert_eq!(key("１．属于国家秘密"), "属于国家秘密");
        assert_eq!(
            key("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
    }

    #[test]
    fn quotes_spaces_and_width() {
        assert_eq!(key("3.危及\"三安全一稳定\""), key("3.危及“三安全一稳定”"));
        assert_eq!(key("行政 许可"), "行政许可");
        assert_eq!(
            key("（二）部分公开(区分处理的,只计这一情形,不计其他情形)"),
            key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        );
        assert_eq!(fold("第二十条第(一)项"), fold("第二十条第（一）项"));
    }

    #[test]
    fn text_that_only_looks_numbered_is_kept() {
        assert_eq!(key("(区分)x"), "(区分)x");
        assert_eq!(key("12345"), "12345");
    }
}
