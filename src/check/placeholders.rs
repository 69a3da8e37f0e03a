//! Text that was never replaced: the sample pages `gongkai init` writes
//! (`placeholder.sample`, found by the marker [`SAMPLE_MARK`] they start
//! with) and placeholder contact data (`placeholder.contact`) in site.yaml
//! and in the pages and items:
//!
//! - a telephone number whose area code is all zeros (`0000-00000000`,
//!   `000-12345678`): no real area code is;
//! - an address at an example domain (`example.gov.cn`, `example.com`,
//!   `example.org`, `example.cn`), which are reserved for examples; the
//!   `base_url:` line of site.yaml is not contact data and is left alone;
//! - `XX` (or `xx`, `ＸＸ`, `××`) standing for a name next to Chinese text,
//!   as in `XX街道`, `XX区XX路` or `XX办发`: two or more of those letters
//!   with no other Latin letter or digit touching them and a Chinese
//!   character right before or after (`XX世纪` is a real word and is not
//!   counted; `XXL`, `xxgk` and `Windows XX` are not placeholders). A
//!   name masked in a 公示 (`王XX（户主）`, `、李××、`: a surname alone
//!   before it, nothing Chinese after it) is kept from the public on
//!   purpose and is not counted either.
//!
//! Each finding is at its line, one per placeholder found.

use crate::content::Site;
use crate::diag::{Diagnostic, codes};
use std::path::{Path, PathBuf};

/// The first line of each sample page `gongkai init` writes.
pub const SAMPLE_MARK: &str = "【示例内容】";

/// Checks site.yaml and every page and item file under `root`.
pub(super) fn check(site: &Site, root: &Path, out: &mut Vec<Diagnostic>) {
    let config = PathBuf::from(crate::config::CONFIG_FILE);
    if let Ok(text) = crate::fsx::read_text(&root.join(&config)) {
        scan(&config, &text, None, out);
    }
    for col in &site.columns {
        let sources = col
            .page
            .iter()
            .map(|p| &p.source)
            .chain(col.items.iter().map(|i| &i.source));
        for source in sources {
            if let Ok(text) = crate::fsx::read_text(&root.join(&source.shown)) {
                scan(&source.shown, &text, Some(&col.column.slug), out);
            }
        }
    }
}

/// Findings of one file's text: site.yaml's, or a file of `column`.
fn scan(file: &Path, text: &str, column: Option<&str>, out: &mut Vec<Diagnostic>) {
    let is_config = column.is_none();
    let start = out.len();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if is_config && (trimmed.starts_with('#') || trimmed.starts_with("base_url:")) {
            continue;
        }
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if let Some(col) = line.find(SAMPLE_MARK) {
            out.push(
                Diagnostic::new(&codes::PLACEHOLDER_SAMPLE, file, crate::t!("check-sample"))
                    .at(line_no, char_col(line, col)),
            );
        }
        for (at, found, kind) in placeholders(line) {
            let message = match kind {
                Kind::Phone => crate::t!("check-placeholder-phone", text = found),
                Kind::Example => crate::t!("check-placeholder-example", text = found),
                Kind::Xx => crate::t!("check-placeholder-xx", text = found),
            };
            let d = Diagnostic::new(&codes::PLACEHOLDER_CONTACT, file, message)
                .at(line_no, char_col(line, at));
            out.push(match kind {
                Kind::Xx => d.with_hint(crate::t!("check-placeholder-xx-fix")),
                _ => d,
            });
        }
    }
    if let Some(slug) = column {
        for d in &mut out[start..] {
            d.column = Some(slug.into());
        }
    }
}

/// The 1-based character column of byte offset `at`.
fn char_col(line: &str, at: usize) -> u32 {
    u32::try_from(line[..at].chars().count() + 1).unwrap_or(u32::MAX)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Phone,
    Example,
    Xx,
}

/// Every placeholder in `line`: byte offset, the text, its kind.
fn placeholders(line: &str) -> Vec<(usize, &str, Kind)> {
    let mut found = Vec::new();
    phones(line, &mut found);
    examples(line, &mut found);
    xxs(line, &mut found);
    found.sort_by_key(|f| f.0);
    found
}

/// `0000-…`: three or four zeros (not after a digit), a hyphen, digits.
fn phones<'a>(line: &'a str, found: &mut Vec<(usize, &'a str, Kind)>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0' && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let zeros = bytes[i..].iter().take_while(|b| **b == b'0').count();
            let after = i + zeros;
            let hyphen = line[after..]
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '－'))
                .map_or(0, char::len_utf8);
            if (3..=4).contains(&zeros) && hyphen > 0 {
                let digits = bytes[after + hyphen..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if digits >= 5 {
                    let end = after + hyphen + digits;
                    found.push((i, &line[i..end], Kind::Phone));
                    i = end;
                    continue;
                }
            }
            i += zeros.max(1);
            continue;
        }
        i += 1;
    }
}

/// The reserved example domains.
const EXAMPLE_DOMAINS: &[&str] = &["example.gov.cn", "example.com", "example.org", "example.cn"];

/// An example domain, with the address around it (`xxgk@example.gov.cn`).
fn examples<'a>(line: &'a str, found: &mut Vec<(usize, &'a str, Kind)>) {
    let lower = line.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("example.") {
        let at = from + pos;
        from = at + "example.".len();
        let before = lower[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let Some(domain) = EXAMPLE_DOMAINS
            .iter()
            .find(|d| lower[at..].starts_with(**d))
        else {
            continue;
        };
        let end = at + domain.len();
        let mut next = lower[end..].chars();
        let (first, second) = (next.next(), next.next());
        let longer = first.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
            || (first == Some('.') && second.is_some_and(|c| c.is_ascii_alphanumeric()));
        if longer {
            continue;
        }
        let word = |c: char| c.is_ascii_alphanumeric() || "@._-+:/".contains(c);
        let start = line[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| word(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let stop = line[end..]
            .char_indices()
            .find(|(_, c)| !(word(*c) || *c == '/'))
            .map_or(line.len(), |(i, _)| end + i);
        found.push((start, &line[start..stop], Kind::Example));
        from = stop;
    }
}

fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// `XX` standing for a name, next to Chinese text.
fn xxs<'a>(line: &'a str, found: &mut Vec<(usize, &'a str, Kind)>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_x(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_x(chars[i].1) {
            i += 1;
        }
        let before = start.checked_sub(1).map(|b| chars[b].1);
        let after = chars.get(i).map(|c| c.1);
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        if i - start < 2 || latin(before) || latin(after) {
            continue;
        }
        let rest = &line[chars.get(i).map_or(line.len(), |c| c.0)..];
        if rest.starts_with("世纪") {
            continue;
        }
        if masked_name(&chars, start, i) {
            continue;
        }
        if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
            let end = chars.get(i).map_or(line.len(), |c| c.0);
            found.push((chars[start].0, &line[chars[start].0..end], Kind::Xx));
        }
    }
}

/// Common surnames of one character, for [`masked_name`].
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Compound surnames, for [`masked_name`].
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "独孤", "南宫", "西门",
];

/// True when the run of X from `start` to `end` (indices into `chars`)
/// masks a person's given name: a surname stands alone right before it
/// (at the start of the line or after a mark or a space), and no Chinese
/// character follows (`王XX（户主）`, `李××、`), unlike `XX街道` or
/// `于XX的通知`.
fn masked_name(chars: &[(usize, char)], start: usize, end: usize) -> bool {
    if chars.get(end).is_some_and(|c| is_cjk(c.1)) {
        return false;
    }
    let alone = |at: usize| at == 0 || !is_cjk(chars[at - 1].1);
    let one = start >= 1 && SURNAMES.contains(chars[start - 1].1) && alone(start - 1);
    let two = start >= 2 && {
        let pair: String = [chars[start - 2].1, chars[start - 1].1].iter().collect();
        COMPOUND_SURNAMES.contains(&pair.as_str()) && alone(start - 2)
    };
    one || two
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(&str, Kind)> {
        placeholders(line)
            .into_iter()
            .map(|(_, t, k)| (t, k))
            .collect()
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            texts("电话：0000-00000000，邮箱 xxgk@example.gov.cn"),
            [
                ("0000-00000000", Kind::Phone),
                ("xxgk@example.gov.cn", Kind::Example)
            ]
        );
        assert_eq!(
            texts("地址：XX区XX路1号"),
            [("XX", Kind::Xx), ("XX", Kind::Xx)]
        );
        assert_eq!(texts("doc_no: ××办发〔2024〕1号"), [("××", Kind::Xx)]);
        assert_eq!(texts("ＸＸ街道"), [("ＸＸ", Kind::Xx)]);
        // A surname-like character inside a phrase, or Chinese after.
        assert_eq!(texts("关于XX的通知"), [("XX", Kind::Xx)]);
        assert_eq!(texts("联系：王XX街道"), [("XX", Kind::Xx)]);
        assert_eq!(texts("电话 000－1234567"), [("000－1234567", Kind::Phone)]);
        assert_eq!(
            texts("见 https://www.example.com/a 。"),
            [("https://www.example.com/a", Kind::Example)]
        );
    }

    #[test]
    fn real_text_is_not_a_placeholder() {
        for line in [
            "电话：0512-68001234，传真 010-65001234",
            "编号 20000-12345 和 1000-2000 元",
            "XX世纪的城市规划",
            "尺码 XXL 号",
            "网址 https://www.sz.gov.cn/xxgk/",
            "邮箱 gk@myexample.com 或 example.com.cn.evil",
            "X光检查",
            "Windows XX 版本",
            "索引号 000000000/2024-00001",
            // Names masked in a 公示.
            "新增低保对象：王XX（户主）、李××、欧阳XX，共3户",
            "张XX 男 1950年生",
        ] {
            assert_eq!(texts(line), [], "{line}");
        }
    }
}
