//! Years and dates as reports print them: 2021年1月29日, 2021-01-29,
//! full-width digits, 二〇二二年一月二十八日.

use crate::report::label;
use jiff::civil::Date;

/// The year a title names: 2020 in 大街街道2020年政府信息公开工作年度报告
/// (digits full-width, or 二〇二〇).
pub(crate) fn year_in(text: &str) -> Option<i32> {
    let f = digits(&label::fold(text));
    let chars: Vec<char> = f.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let four: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        (before_ok && chars[i + 4] == '年' && four.chars().all(|c| c.is_ascii_digit()))
            .then(|| four.parse().ok())
            .flatten()
            .filter(|y| (1990..=2200).contains(y))
    })
}

/// Chinese numerals used in dates (〇一二…九, 十 in months and days) as digits.
fn digits(text: &str) -> String {
    let map = |c: char| match c {
        '〇' | '零' | 'О' => Some('0'),
        '一' => Some('1'),
        '二' => Some('2'),
        '三' => Some('3'),
        '四' => Some('4'),
        '五' => Some('5'),
        '六' => Some('6'),
        '七' => Some('7'),
        '八' => Some('8'),
        '九' => Some('9'),
        _ => None,
    };
    // Only runs of four Chinese digits (a year) are changed; a lone 一 in
    // a word stays.
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| map(**c).is_some()).count();
        if run == 4 {
            out.extend(chars[i..i + 4].iter().filter_map(|c| map(*c)));
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A date written 2021年1月29日, 2021-01-29 or 2021/1/29, at the start of `text`.
pub(crate) fn date_in(text: &str) -> Option<Date> {
    let f = cn_month_day(&digits(&label::fold(text)));
    let nums: Vec<i64> = f
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    let [y, m, d] = nums[..] else { return None };
    let rest = f.trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// 一月二十九日 as 1月29日.
fn cn_month_day(text: &str) -> String {
    let val = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|v| v as i64)
    };
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run: Vec<char> = chars[i..]
            .iter()
            .take_while(|c| val(**c).is_some() || **c == '十')
            .copied()
            .collect();
        let next = chars.get(i + run.len());
        if !run.is_empty() && matches!(next, Some('月' | '日' | '号')) && run.len() <= 3 {
            let n = match run.iter().position(|c| *c == '十') {
                Some(p) => {
                    let tens = if p == 0 { 1 } else { val(run[0]).unwrap_or(1) };
                    let ones = run.get(p + 1).and_then(|c| val(*c)).unwrap_or(0);
                    tens * 10 + ones
                }
                None => run
                    .iter()
                    .filter_map(|c| val(*c))
                    .fold(0, |a, d| a * 10 + d),
            };
            out.push_str(&n.to_string());
            i += run.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert_eq!(
            year_in("大街街道2020年政府信息公开工作年度报告"),
            Some(2020)
        );
        assert_eq!(
            year_in("某某局２０２１年度政府信息公开工作年度报告"),
            Some(2021)
        );
        assert_eq!(year_in("二〇二二年政府信息公开工作年度报告"), Some(2022));
        assert_eq!(date_in("2021年1月29日"), Date::new(2021, 1, 29).ok());
        assert_eq!(date_in("2022-01-28"), Date::new(2022, 1, 28).ok());
        assert_eq!(
            date_in("二〇二二年一月二十八日"),
            Date::new(2022, 1, 28).ok()
        );
        assert_eq!(date_in("共收到2021年1月"), None);
    }
}
