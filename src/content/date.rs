//! Publication dates as staff write them: `2025-12-03`, `2025-12-3`,
//! `2025年12月3日`, each with an optional time (`9:30`, `09:30:00`).
//! Full-width digits and colons (typed with a Chinese input method) are
//! read as their ASCII twins.

use jiff::civil::{Date, DateTime, Time};

/// A 发布日期, with or without a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    /// The date and time (midnight when no time was given).
    pub(crate) at: DateTime,
    /// Whether the source gave a time.
    pub(crate) has_time: bool,
}

impl PubDate {
    /// `2024-03-01`.
    pub(crate) fn date_string(&self) -> String {
        self.at.date().to_string()
    }

    /// The calendar date.
    pub(crate) fn date(&self) -> Date {
        self.at.date()
    }

    /// RFC 3339 in China Standard Time, for feeds and sitemaps.
    pub(crate) fn rfc3339(&self) -> String {
        format!("{}+08:00", self.at.strftime("%Y-%m-%dT%H:%M:%S"))
    }

    /// `2024-03-01 09:30` or `2024-03-01`, as shown on item pages.
    pub(crate) fn display(&self) -> String {
        if self.has_time {
            self.at.strftime("%Y-%m-%d %H:%M").to_string()
        } else {
            self.date_string()
        }
    }
}

/// Today in China Standard Time (UTC+8, no daylight saving): the day
/// after which items wait for their date.
pub fn today_in_china() -> Date {
    let cst = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now().to_zoned(cst).date()
}

/// Parses a date as staff write it (see the module's documentation).
pub(crate) fn parse_date(s: &str) -> Result<PubDate, String> {
    let s = s.trim();
    let bad = || t!("content-date-bad", value = s);
    let text: String = s.chars().map(ascii_twin).collect();
    let (date, time) = match text.split_once('日') {
        Some((date, time)) => (format!("{date}日"), time.trim()),
        None => match text.split_once(|c: char| c.is_whitespace() || c == 'T') {
            Some((date, time)) => (date.to_string(), time.trim()),
            None => (text.clone(), ""),
        },
    };
    let (y, m, d) = ymd(&date).ok_or_else(bad)?;
    let day = Date::new(y, m, d).map_err(|_| no_such_day(s, m))?;
    if time.is_empty() {
        return Ok(PubDate {
            at: day.to_datetime(Time::midnight()),
            has_time: false,
        });
    }
    let at = hms(time).ok_or_else(bad)?;
    Ok(PubDate {
        at: day.to_datetime(at),
        has_time: true,
    })
}

/// A day given on the command line (`check --as-of`): any form
/// [`parse_date`] reads, without a time of day.
pub fn parse_day(s: &str) -> Option<Date> {
    parse_date(s).ok().filter(|d| !d.has_time).map(|d| d.date())
}

/// A year as staff type it: `2024`, `２０２４`, `2024年` or `2024年度`,
/// from 1990 to 2200.
pub fn parse_year(s: &str) -> Option<i16> {
    let text: String = s.trim().chars().map(ascii_twin).collect();
    let digits = text
        .strip_suffix("年度")
        .or_else(|| text.strip_suffix('年'))
        .unwrap_or(&text)
        .trim();
    let year = number(digits, 4).filter(|_| digits.len() == 4)?;
    (1990..=2200).contains(&year).then_some(year)
}

/// True when `s` is written as a date but names a day that does not exist
/// (`2023-02-30`), as opposed to not being a date at all.
pub(crate) fn is_no_such_day(s: &str) -> bool {
    let s = s.trim();
    let said = |m: i8| no_such_day(s, m);
    parse_date(s).is_err_and(|e| e == said(1) || e == said(13))
}

/// Why `s` (of month `month`) names no day: no such month, or no such day
/// in its month.
fn no_such_day(s: &str, month: i8) -> String {
    if (1..=12).contains(&month) {
        t!("content-date-no-such-day", value = s)
    } else {
        t!("content-date-no-such-month", value = s)
    }
}

/// `０`–`９`, `：` and `－` as typed in full width.
fn ascii_twin(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '：' => ':',
        '－' => '-',
        _ => c,
    }
}

/// A number of 1 to `max` ASCII digits.
fn number(s: &str, max: usize) -> Option<i16> {
    let ok = !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}

/// `2025-12-3` or `2025年12月3日`.
fn ymd(s: &str) -> Option<(i16, i8, i8)> {
    let (y, m, d) = if let Some(rest) = s.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        (y.trim(), m.trim(), d.trim())
    } else {
        let mut parts = s.split('-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        (y, m, d)
    };
    if y.len() != 4 {
        return None;
    }
    Some((number(y, 4)?, number(m, 2)? as i8, number(d, 2)? as i8))
}

/// `9:30`, `09:30` or `09:30:15`.
fn hms(s: &str) -> Option<Time> {
    let mut parts = s.split(':');
    let h = number(parts.next()?, 2)?;
    let m = parts.next()?;
    let sec = match parts.next() {
        Some(sec) if sec.len() == 2 => number(sec, 2)?,
        Some(_) => return None,
        None => 0,
    };
    if m.len() != 2 || parts.next().is_some() {
        return None;
    }
    Time::new(h as i8, number(m, 2)? as i8, sec as i8, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> Result<String, String> {
        parse_date(s).map(|d| d.display())
    }

    #[test]
    fn every_accepted_form() {
        for (written, read) in [
            ("2024-03-01", "2024-03-01"),
            ("2025-12-3", "2025-12-03"),
            ("2025-1-3", "2025-01-03"),
            ("2025年12月3日", "2025-12-03"),
            ("2025年1月3日", "2025-01-03"),
            ("２０２５年１２月３日", "2025-12-03"),
            ("2024-03-01 09:30", "2024-03-01 09:30"),
            ("2025-12-03 9:30", "2025-12-03 09:30"),
            ("2025-12-03T09:30:00", "2025-12-03 09:30"),
            ("2025年12月3日 9:30", "2025-12-03 09:30"),
            ("2025年12月3日9：30", "2025-12-03 09:30"),
            (" 2025-12-03 ", "2025-12-03"),
        ] {
            assert_eq!(shown(written), Ok(read.to_string()), "{written}");
        }
    }

    #[test]
    fn bad_dates_name_the_accepted_forms() {
        assert_eq!(
            shown("2024/03/01"),
            Err("日期「2024/03/01」读不懂：请写成 2025-12-03、2025-12-3 或 2025年12月3日；要写时间就在后面空一格加上，例如 2025-12-03 9:30".into())
        );
        assert_eq!(
            shown("2024-02-30"),
            Err("日期「2024-02-30」不存在（这个月没有这一天）：请写成 2025-12-03、2025-12-3 或 2025年12月3日".into())
        );
        assert_eq!(
            shown("2024-13-40"),
            Err("日期「2024-13-40」不存在（月份只有 1 到 12）：请写成 2025-12-03、2025-12-3 或 2025年12月3日".into())
        );
        assert!(is_no_such_day("2024-13-01") && is_no_such_day("2023-02-29"));
        for bad in [
            "",
            "24-03-01",
            "2024-3",
            "2024-03-01 25:00",
            "2024-03-01 9:3",
            "2024-03-01 9",
            "2024-03-01-02",
            "2024年3月",
            "2024-03-01 09:30:1",
            "二〇二四年三月一日",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_and_years_on_the_command_line() {
        let day = |s: &str| parse_day(s).map(|d| d.to_string());
        for written in ["2026-02-01", "2026-2-1", "2026年2月1日", "２０２６－２－１"] {
            assert_eq!(day(written).as_deref(), Some("2026-02-01"), "{written}");
        }
        assert_eq!(day("2026-02-01 9:30"), None, "a day, not a time");
        assert_eq!(day("2026-02-30"), None);
        for written in ["2025", "２０２５", "2025年", "2025年度", " 2025 "] {
            assert_eq!(parse_year(written), Some(2025), "{written}");
        }
        for bad in ["25", "20255", "1989", "2201", "二〇二五", "2025年1月"] {
            assert_eq!(parse_year(bad), None, "{bad}");
        }
    }
}
