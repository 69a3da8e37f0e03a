//! Finding the report in a read file: the six part headings in order, the
//! title above them, the signature (agency and date) below them, and from
//! these and from which rows exist, the year, the agency, the publication
//! date and the edition.
//!
//! Nothing here reads cells; `tables` does, within the parts found here.

use super::dates::{date_in, year_in};
use super::doc::{Block, Doc};
use super::labels;
use crate::report::edition::{self, Edition, PARTS};
use crate::report::label;
use jiff::civil::Date;

/// Where the report's pieces are in [`Doc::blocks`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Located {
    /// The block of each part heading, when found.
    pub(crate) parts: [Option<usize>; 6],
    /// The first block after the report (its signature, or the end).
    pub(crate) end: usize,
    /// The title as printed.
    pub(crate) title: Option<String>,
    /// The year the title (or a heading) names.
    pub(crate) year: Option<i32>,
    /// The agency: the signature's, else a 发布机构 field, else the title's.
    pub(crate) agency: Option<String>,
    /// The signature's date, else a 发布日期 field.
    pub(crate) published: Option<Date>,
}

impl Located {
    /// The blocks of part `k` (0-based): from after its heading to the
    /// next heading found (or the report's end).
    pub(crate) fn range(&self, k: usize) -> (usize, usize) {
        let start = match self.parts[k] {
            Some(h) => h + 1,
            // No heading: from the previous part's end.
            None => (0..k)
                .rev()
                .find_map(|j| self.parts[j].map(|h| h + 1))
                .unwrap_or(0),
        };
        let end = (k + 1..6)
            .find_map(|j| self.parts[j])
            .unwrap_or(self.end)
            .max(start);
        (start, end)
    }
}

/// The distinctive words of each part's heading, for headings printed
/// with extra words (五、政府信息公开工作存在的主要问题及改进情况).
const CORES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息",
    "收到和处理政府信息公开申请",
    "行政复议",
    "存在的主要问题",
    "其他需要报告",
];

/// True when `text` is the heading of part `k`: its words, with or without
/// its number, nothing much else; or its number and its distinctive words
/// in a short line.
fn is_heading(text: &str, k: usize) -> bool {
    let t = labels::norm(text);
    let want = labels::norm(PARTS[k]);
    let (n, wn) = (t.chars().count(), want.chars().count());
    if t.is_empty() || n > wn + 12 {
        return false;
    }
    let number = labels::number_value(&label::number(text));
    let own = labels::number_value(&label::number(PARTS[k]));
    if number.is_some() && number != own {
        return false;
    }
    if n <= wn + 2 && (t == want || strsim::levenshtein(&t, &want) <= 1 && wn > 4) {
        return true;
    }
    number == own && t.contains(&labels::norm(CORES[k]))
}

/// Splits a paragraph that starts with a numbered part heading and goes on
/// with the part's text (`<p><b>一、总体情况</b>2021年，…</p>`) into the
/// heading and the text.
pub(crate) fn split_inline_headings(doc: &mut Doc) {
    let mut out = Vec::with_capacity(doc.blocks.len());
    for b in std::mem::take(&mut doc.blocks) {
        let Block::Para { text, loc } = &b else {
            out.push(b);
            continue;
        };
        let cut = (0..6).find_map(|k| heading_prefix(text, k));
        match cut {
            Some(at) => {
                let rest = text[at..].trim_start_matches(['：', ':', '。', ' ', '\u{3000}']);
                out.push(Block::Para {
                    text: text[..at].trim().to_string(),
                    loc: *loc,
                });
                if !rest.is_empty() {
                    out.push(Block::Para {
                        text: rest.to_string(),
                        loc: *loc,
                    });
                }
            }
            None => out.push(b),
        }
    }
    doc.blocks = out;
}

/// The byte length of part `k`'s numbered heading at the start of `text`,
/// when more text follows it.
fn heading_prefix(text: &str, k: usize) -> Option<usize> {
    let want = labels::norm(PARTS[k]);
    let own = labels::number_value(&label::number(PARTS[k]));
    if labels::number_value(&label::number(text)) != own {
        return None;
    }
    for (at, _) in text.char_indices().skip(1) {
        let head = labels::norm(&text[..at]);
        if head.chars().count() > want.chars().count() {
            return None;
        }
        if head == want {
            return (text[at..].trim().chars().count() > 0).then_some(at);
        }
    }
    None
}

/// Finds the parts, title, signature and the facts they give.
pub(crate) fn locate(doc: &Doc) -> Located {
    let blocks = &doc.blocks;
    let mut parts = [None; 6];
    let mut from = 0;
    for (k, slot) in parts.iter_mut().enumerate() {
        if let Some(i) = (from..blocks.len()).find(|&i| is_heading(&blocks[i].text(), k)) {
            *slot = Some(i);
            from = i + 1;
        }
    }
    let first = parts.iter().flatten().next().copied().unwrap_or(0);
    let last = parts.iter().flatten().last().copied().unwrap_or(0);
    let (end, signature) = signature(blocks, last);
    let end = (last + 1..end)
        .find(|&i| is_trailer(&blocks[i].text()))
        .unwrap_or(end);
    let title = blocks[..first]
        .iter()
        .rev()
        .map(Block::text)
        .chain(doc.outside.iter().cloned())
        .map(|t| super::doc::clean(&t).replace('\n', ""))
        .find(|t| is_title(t))
        .map(|t| without_site_name(&t));
    let year = title.as_deref().and_then(year_in);
    let fields = blocks[..first]
        .iter()
        .map(Block::text)
        .chain(doc.outside.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    let agency = signature
        .as_ref()
        .and_then(|s| s.0.clone())
        .or_else(|| field(&fields, &["发布机构", "发文机关", "来源"]))
        .or_else(|| title.as_deref().and_then(|t| agency_in_title(t, year)));
    let published = signature.and_then(|s| s.1).or_else(|| {
        field(&fields, &["发布日期", "发布时间", "公开日期"]).and_then(|d| date_in(&d))
    });
    Located {
        parts,
        end,
        title,
        year,
        agency,
        published,
    }
}

/// A page title without the site's name after it:
/// `…年度报告_某某区人民政府` gives `…年度报告`.
fn without_site_name(title: &str) -> String {
    match title.rfind("报告") {
        Some(at) => {
            let end = at + "报告".len();
            let rest = title[end..].trim_start();
            if rest.starts_with(['_', '-', '|', '—', '–']) {
                title[..end].to_string()
            } else {
                title.to_string()
            }
        }
        None => title.to_string(),
    }
}

/// What a page puts after the report: downloads, print and share links,
/// the previous and next article.
fn is_trailer(text: &str) -> bool {
    const MARKS: [&str; 12] = [
        "数据下载",
        "相关链接",
        "相关文件",
        "打印本页",
        "【打印",
        "关闭窗口",
        "【关闭",
        "分享到",
        "扫一扫",
        "上一篇",
        "下一篇",
        "相关附件",
    ];
    // What only a site's footer says.
    const FOOTER: [&str; 5] = ["版权所有", "网站标识码", "ICP备", "主办单位", "网站地图"];
    let t = label::fold(text);
    MARKS.iter().any(|m| t.starts_with(&label::fold(m)))
        || FOOTER.iter().any(|m| t.contains(&label::fold(m)))
}

fn is_title(t: &str) -> bool {
    let f = label::fold(t);
    (f.contains("年度报告") || f.contains("信息公开工作报告"))
        && f.chars().count() <= 80
        && year_in(t).is_some()
}

/// The value after `名称：` for the first of `names` in `text` (a field of
/// a page's 信息索引 or byline), up to the end of its line or a wide gap.
fn field(text: &str, names: &[&str]) -> Option<String> {
    for line in text.lines() {
        for name in names {
            if let Some(at) = line.find(name) {
                let rest =
                    line[at + name.len()..].trim_start_matches([':', '：', ' ', '\u{3000}', '\t']);
                let mut value = rest
                    .split(['\t', '\u{3000}', ' ', '|'])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                for stop in [
                    "发布日期",
                    "发布时间",
                    "成文日期",
                    "格式",
                    "浏览",
                    "来源",
                    "字号",
                ] {
                    if let Some(at) = value.find(stop) {
                        value.truncate(at);
                    }
                }
                if !value.is_empty() && value.chars().count() <= 40 {
                    return Some(value);
                }
            }
        }
    }
    None
}

/// The words of the title before its year: 大街街道 in 大街街道2020年….
fn agency_in_title(title: &str, year: Option<i32>) -> Option<String> {
    let y = year?.to_string();
    let f = label::fold(title);
    let at = f.find(&y)?;
    let name = f[..at].trim_matches(|c: char| c.is_whitespace() || "《》\"".contains(c));
    (!name.is_empty()).then(|| name.to_string())
}

/// The signature after the last part: a short line naming the agency and a
/// date line. Returns the first block of it (the report's end) and what it says.
#[allow(clippy::type_complexity)]
fn signature(blocks: &[Block], last: usize) -> (usize, Option<(Option<String>, Option<Date>)>) {
    let paras = || (last + 1..blocks.len()).filter(|&i| matches!(blocks[i], Block::Para { .. }));
    for i in paras() {
        let text = super::doc::clean(&blocks[i].text());
        // One paragraph may hold both, on two lines or one.
        let text = split_dated(&text);
        let lines: Vec<&str> = text.lines().collect();
        if let Some(pos) = lines.iter().position(|l| is_date_line(l)) {
            let date = date_in(lines[pos]);
            let agency = if pos > 0 {
                Some(lines[pos - 1].trim().to_string())
            } else {
                let prev = (last + 1..i)
                    .rev()
                    .find(|&j| matches!(blocks[j], Block::Para { .. }));
                prev.map(|j| super::doc::clean(&blocks[j].text()))
                    .filter(|a| is_agency_line(a))
            };
            let agency = agency.filter(|a| is_agency_line(a));
            let start = if pos == 0 && agency.is_some() {
                (last + 1..i)
                    .rev()
                    .find(|&j| matches!(blocks[j], Block::Para { .. }))
                    .unwrap_or(i)
            } else {
                i
            };
            return (start, Some((agency, date)));
        }
    }
    (blocks.len(), None)
}

/// `某某局　2022年1月20日` as two lines, agency then date; other text as it is.
fn split_dated(line: &str) -> String {
    let Some(at) =
        line.rfind(|c: char| !(c.is_ascii_digit() || "年月日号〇一二三四五六七八九十".contains(c)))
    else {
        return line.to_string();
    };
    let (head, tail) = line.split_at(at);
    let tail = tail.trim_start_matches(|c: char| !(c.is_ascii_digit() || "〇一二".contains(c)));
    if !head.trim().is_empty() && is_date_line(tail) && is_agency_line(head) && !head.contains('\n')
    {
        format!("{}\n{tail}", head.trim())
    } else {
        line.to_string()
    }
}

fn is_date_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 20 && date_in(t).is_some() && t.ends_with(['日', '号']) || {
        let f = label::fold(t);
        f.chars().count() <= 10
            && f.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '/')
            && date_in(t).is_some()
    }
}

fn is_agency_line(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    (2..=40).contains(&n) && !t.contains(['。', '，', '：', ':', '；']) && !t.ends_with("情况")
}

/// The edition the rows and column headers show: the count of words only
/// the 2019 form has against those only the 2021 form has. None when both
/// are 0 or equal.
pub(crate) fn edition_of(doc: &Doc) -> Option<&'static Edition> {
    const ONLY_2019: [&str; 7] = [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "第二十条第(九)项",
        "政府集中采购",
        "采购总金额",
    ];
    const ONLY_2021: [&str; 6] = [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "申请人无正当理由逾期不补正",
        "申请人逾期未按收费通知要求缴纳费用",
    ];
    let text: String = doc.blocks.iter().map(|b| label::fold(&b.text())).collect();
    let count = |words: &[&str]| {
        words
            .iter()
            .filter(|w| text.contains(&label::fold(w)))
            .count()
    };
    let (old, new) = (count(&ONLY_2019), count(&ONLY_2021));
    match old.cmp(&new) {
        std::cmp::Ordering::Greater => Some(&edition::EDITION_2019),
        std::cmp::Ordering::Less => Some(&edition::EDITION_2021),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_on_one_line() {
        assert_eq!(
            split_dated("某某区发展和改革局 2022年1月20日"),
            "某某区发展和改革局\n2022年1月20日"
        );
        assert_eq!(split_dated("2022年1月20日"), "2022年1月20日");
        assert_eq!(
            split_dated("全年共收到申请6件，2022年1月20日办结。"),
            "全年共收到申请6件，2022年1月20日办结。"
        );
    }

    #[test]
    fn headings() {
        assert!(is_heading("一、总体情况", 0));
        assert!(is_heading("总体情况", 0));
        assert!(is_heading("四、政府信息公开行政复议、行政诉讼情况", 3));
        assert!(!is_heading("二、总体情况", 0));
        assert!(!is_heading(
            "一、总体情况良好，全年共收到申请26件，均已办结。",
            0
        ));
    }
}
