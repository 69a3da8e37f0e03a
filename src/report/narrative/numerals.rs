//! Figures as prose writes them: Arabic digits (half or full width) and
//! Chinese numerals (一、两、十二、一百零五、二〇).

/// The value of a figure written in Arabic digits or in Chinese numerals;
/// None for anything else, or a value too large to be a count.
pub(crate) fn value(s: &str) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| arabic(c).is_some()) {
        return s
            .chars()
            .try_fold(0i64, |n, c| n.checked_mul(10)?.checked_add(arabic(c)?));
    }
    chinese(s)
}

fn arabic(c: char) -> Option<i64> {
    match c {
        '0'..='9' => Some(i64::from(c as u32 - '0' as u32)),
        '０'..='９' => Some(i64::from(c as u32 - '０' as u32)),
        _ => None,
    }
}

fn digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<i64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        _ => return None,
    })
}

/// Chinese numerals: with units (十二, 一百零五, 两千, 三万二千) or, without
/// any unit, digit by digit (二〇 is 20).
fn chinese(s: &str) -> Option<i64> {
    if s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0i64, |n, c| n.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut pending) = (0i64, 0i64, None::<i64>);
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0 {
                // Two digits in a row (一一十) is not a number.
                return None;
            }
            pending = (d != 0).then_some(d);
        } else if c == '万' {
            section += pending.take().unwrap_or(0);
            total = total.checked_add(section.checked_mul(10_000)?)?;
            section = 0;
        } else {
            let u = unit(c)?;
            // 十二 is 12: a unit without a digit before it counts once.
            section = section.checked_add(pending.take().unwrap_or(1).checked_mul(u)?)?;
        }
    }
    Some(total + section + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::value;

    #[test]
    fn arabic_and_chinese_figures() {
        for (s, n) in [
            ("26", Some(26)),
            ("０", Some(0)),
            ("２６", Some(26)),
            ("一", Some(1)),
            ("两", Some(2)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十六", Some(26)),
            ("一百零五", Some(105)),
            ("一百一十", Some(110)),
            ("两千", Some(2000)),
            ("三万二千", Some(32000)),
            ("零", Some(0)),
            ("二〇", Some(20)),
            ("", None),
            ("一一十", None),
            ("九九九九九九九九九九九九九九九九九九九九", None),
        ] {
            assert_eq!(value(s), n, "{s}");
        }
    }
}
