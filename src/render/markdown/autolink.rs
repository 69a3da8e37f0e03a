//! Web and e-mail addresses typed into the text (`详情见 https://…`,
//! `访问www.example.gov.cn查询`, `邮箱 gk@example.gov.cn`) made links, as
//! GitHub's Markdown does, so that a reader on a phone taps them instead
//! of copying them by hand, and `check` follows them like any other link.
//!
//! An address is ASCII: it ends at the first character that is not (in
//! Chinese text the next word follows it without a space), at a space, and
//! before marks that end a sentence (`.`, `,`, `;`, `:`, `!`, `?`, quotes)
//! or a `)` it did not open. `www.` addresses get `http://`, as GitHub
//! gives them; an address that says `https://` keeps it.

/// A piece of a run of text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece<'t> {
    /// Plain text.
    Text(&'t str),
    /// An address as typed, and where it links.
    Link(&'t str, String),
}

/// Characters an address is made of.
fn in_address(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&c)
}

/// `text` cut into plain text and addresses; `None` when it has none.
pub(super) fn split(text: &str) -> Option<Vec<Piece<'_>>> {
    if !text.contains("://") && !text.contains("www.") && !text.contains('@') {
        return None;
    }
    let b = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        // Addresses start with a letter or digit, after something that is
        // not part of one.
        if !b[i].is_ascii_alphanumeric() || (i > 0 && in_address(b[i - 1]) && b[i - 1] != b'(') {
            i += 1;
            continue;
        }
        match address_at(text, i) {
            Some((end, href)) => {
                if from < i {
                    pieces.push(Piece::Text(&text[from..i]));
                }
                pieces.push(Piece::Link(&text[i..end], href));
                from = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if pieces.is_empty() {
        return None;
    }
    if from < text.len() {
        pieces.push(Piece::Text(&text[from..]));
    }
    Some(pieces)
}

/// The end of the address starting at `at`, and its link.
fn address_at(text: &str, at: usize) -> Option<(usize, String)> {
    let rest = &text[at..];
    let lower = |n: usize| rest.get(..n).map(str::to_ascii_lowercase);
    let (scheme, prefix) = if lower(8).as_deref() == Some("https://") {
        ("", 8)
    } else if lower(7).as_deref() == Some("http://") {
        ("", 7)
    } else if lower(4).as_deref() == Some("www.") {
        ("http://", 4)
    } else if rest
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return email_at(rest).map(|n| (at + n, format!("mailto:{}", &rest[..n])));
    } else {
        return None;
    };
    let mut end = prefix
        + rest.as_bytes()[prefix..]
            .iter()
            .take_while(|&&c| in_address(c))
            .count();
    end = trimmed(rest, end);
    // A host, at least: `http://` alone or `www.` alone is no address.
    let host = rest
        .get(prefix..end)?
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if !host.contains('.') && scheme.is_empty() && !host.contains("localhost") {
        return None;
    }
    if host.len() < 3 || host.starts_with('.') || host.ends_with('.') {
        return None;
    }
    Some((at + end, format!("{scheme}{}", &rest[..end])))
}

/// `end` moved back over marks that end the sentence rather than the
/// address, and a `)` the address did not open.
fn trimmed(s: &str, mut end: usize) -> usize {
    let b = s.as_bytes();
    loop {
        match b.get(end.wrapping_sub(1)) {
            Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'~') => end -= 1,
            Some(b')') => {
                let open = s[..end].matches('(').count();
                let close = s[..end].matches(')').count();
                if close > open {
                    end -= 1;
                } else {
                    return end;
                }
            }
            _ => return end,
        }
    }
}

/// The length of an e-mail address at the start of `s` (`gk@a.gov.cn`).
fn email_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let local = b
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c))
        .count();
    if local == 0 || b.get(local) != Some(&b'@') {
        return None;
    }
    let domain = b[local + 1..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
        .count();
    let end = trimmed(s, local + 1 + domain);
    let host = s.get(local + 1..end)?;
    (host.contains('.') && !host.starts_with('.') && !host.contains("..")).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        split(text)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Link(t, h) => Some((t.to_string(), h)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    fn l(text: &str, href: &str) -> (String, String) {
        (text.to_string(), href.to_string())
    }

    #[test]
    fn addresses_in_chinese_text() {
        assert_eq!(
            links("详情见 https://ggzy.example.gov.cn/a/1.html。"),
            [l(
                "https://ggzy.example.gov.cn/a/1.html",
                "https://ggzy.example.gov.cn/a/1.html"
            )]
        );
        assert_eq!(
            links("也可以访问www.example.gov.cn查询，或发邮件到gk@example.gov.cn."),
            [
                l("www.example.gov.cn", "http://www.example.gov.cn"),
                l("gk@example.gov.cn", "mailto:gk@example.gov.cn")
            ]
        );
        assert_eq!(
            links("（网址：http://a.example.cn/x?id=1&b=2）"),
            [l(
                "http://a.example.cn/x?id=1&b=2",
                "http://a.example.cn/x?id=1&b=2"
            )]
        );
        assert_eq!(
            links("见 https://a.example.cn/wiki/A_(b)."),
            [l(
                "https://a.example.cn/wiki/A_(b)",
                "https://a.example.cn/wiki/A_(b)"
            )]
        );
    }

    #[test]
    fn what_is_no_address() {
        for text in [
            "没有网址的文字",
            "http:// 后面什么也没有",
            "www. 也是",
            "单价@5元",
            "a@b",
            "xwww.example.cn",
            "javascript:alert(1)",
        ] {
            assert_eq!(links(text), [], "{text}");
        }
        assert_eq!(split("没有网址"), None);
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config())]
        /// Any text is cut without a panic, and the pieces are the text.
        #[test]
        fn pieces_are_the_text(text in "[a-zw.:/@()（）。详 \\-]{0,40}") {
            if let Some(pieces) = split(&text) {
                let joined: String = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) | Piece::Link(t, _) => *t,
                    })
                    .collect();
                proptest::prop_assert_eq!(joined, text);
            }
        }
    }
}
