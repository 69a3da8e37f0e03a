//! Asterisks that mask part of a name or a number stay asterisks.
//!
//! 公示 lists print names and numbers masked with `*` (`张*三、李*四`,
//! `3301**********1234`, `138****5678`). CommonMark reads two such masks in
//! one line as emphasis around the text between them (`张<em>三、李</em>四`):
//! the stars vanish and the names read as real ones. Emphasis written on
//! purpose in Chinese text (`请**务必**按时报送`) wraps a word or phrase;
//! masks differ in that the stars sit inside a word on both outer sides
//! and the text between them holds a separator (`、`, `，`, a space). Such
//! emphasis, and any emphasis inside it, is written back as the stars it
//! was typed with.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// `events` (with their ranges in `text`) with every emphasis that is a
/// pair of masks put back as text.
pub(super) fn keep_masks<'a>(
    text: &str,
    mut events: Vec<(Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    // Depth of emphasis inside a pair of masks (0: not inside one).
    let mut inside = 0usize;
    // For each open emphasis: whether it is put back as text.
    let mut open: Vec<bool> = Vec::new();
    for (ev, range) in &mut events {
        match ev {
            Event::Start(tag @ (Tag::Emphasis | Tag::Strong)) => {
                let n = if matches!(tag, Tag::Strong) { 2 } else { 1 };
                let literal = inside > 0 || is_mask_pair(text, range, n);
                open.push(literal);
                if literal {
                    inside += 1;
                    *ev = Event::Text(CowStr::from(delimiter(text, range.start, n)));
                }
            }
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong)) => {
                let n = if matches!(end, TagEnd::Strong) { 2 } else { 1 };
                if open.pop().unwrap_or(false) {
                    inside = inside.saturating_sub(1);
                    let at = range.end.saturating_sub(n);
                    *ev = Event::Text(CowStr::from(delimiter(text, at, n)));
                }
            }
            _ => {}
        }
    }
    events
}

/// The `n` delimiter characters typed at `at` (`*` when the range does not
/// start with them, which a well-formed parse never gives).
fn delimiter(text: &str, at: usize, n: usize) -> String {
    text.get(at..at + n)
        .filter(|d| d.chars().all(|c| c == '*' || c == '_'))
        .map_or_else(|| "*".repeat(n), str::to_string)
}

/// True when the emphasis over `range` (delimiters of `n` characters
/// included) is made of `*`, has a letter, digit or Han character right
/// outside it on both sides (past any more stars), and holds a separator between its delimiters.
fn is_mask_pair(text: &str, range: &Range<usize>, n: usize) -> bool {
    let (Some(open), Some(close)) = (
        text.get(range.start..range.start + n),
        text.get(range.end.saturating_sub(n)..range.end),
    ) else {
        return false;
    };
    if open.chars().any(|c| c != '*') || close.chars().any(|c| c != '*') {
        return false;
    }
    // Past the rest of a long mask (`**********` is read as some stars
    // and then emphasis).
    let before = text[..range.start].chars().rev().find(|c| *c != '*');
    let after = text[range.end..].chars().find(|c| *c != '*');
    if !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)) {
        return false;
    }
    let Some(inner) = text.get(range.start + n..range.end - n) else {
        return false;
    };
    inner.chars().any(|c| {
        c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '。' | '：' | ':')
    })
}

#[cfg(test)]
mod tests {
    use crate::render::markdown::to_html;

    #[test]
    fn masked_names_and_numbers_keep_their_stars() {
        assert_eq!(to_html("张*三、李*四"), "<p>张*三、李*四</p>\n");
        assert_eq!(to_html("王**五、赵**六"), "<p>王**五、赵**六</p>\n");
        assert_eq!(to_html("张*三 李*四"), "<p>张*三 李*四</p>\n");
        assert_eq!(
            to_html("身份证号3301**********1234，电话138****5678"),
            "<p>身份证号3301**********1234，电话138****5678</p>\n"
        );
    }

    #[test]
    fn emphasis_written_on_purpose_stays() {
        assert_eq!(
            to_html("请**务必**按时报送"),
            "<p>请<strong>务必</strong>按时报送</p>\n"
        );
        assert_eq!(
            to_html("**重要：** 今天"),
            "<p><strong>重要：</strong> 今天</p>\n"
        );
        assert_eq!(to_html("这是*强调*。"), "<p>这是<em>强调</em>。</p>\n");
    }
}
