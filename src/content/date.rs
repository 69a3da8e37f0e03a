//! Publication dates: `2024-03-01` or `2024-03-01 09:30`.

use jiff::civil::{Date, DateTime};

/// A 发布日期, with or without a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

/// Parses a date as staff write it.
pub(crate) fn parse_date(s: &str) -> Result<PubDate, String> {
    let s = s.trim();
    let err = |why: String| {
        format!("invalid date `{s}`: {why}; write it as 2024-03-01 or 2024-03-01 09:30")
    };
    if s.len() <= 10 {
        let d: Date = s.parse().map_err(|e: jiff::Error| err(e.to_string()))?;
        return Ok(PubDate {
            at: d.to_datetime(jiff::civil::Time::midnight()),
            has_time: false,
        });
    }
    let at: DateTime = s.parse().map_err(|e: jiff::Error| err(e.to_string()))?;
    Ok(PubDate { at, has_time: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms() {
        assert_eq!(
            parse_date("2024-03-01").map(|d| d.display()),
            Ok("2024-03-01".into())
        );
        assert_eq!(
            parse_date("2024-03-01 09:30").map(|d| d.display()),
            Ok("2024-03-01 09:30".into())
        );
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("2024/03/01").is_err());
    }
}
