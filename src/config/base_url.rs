//! What `base_url` (site.yaml or `--base-url`) may be: an `http(s)://`
//! address with a host, or a path such as `/xxgk/`. Every page, feed and
//! sitemap address starts with it, so any other scheme (`javascript:`,
//! `ftp:`, …) would put that scheme into every link of the site.

/// Why a `base_url` cannot be used, or that it can with a warning.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    /// An `http(s)://` address with a host.
    Ok,
    /// A path without a host: usable, but feeds and the sitemap get
    /// addresses without a host.
    PathOnly,
    /// Not usable, for this reason.
    Refused(Why),
}

/// Why a `base_url` is refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Why {
    /// A scheme other than http(s), lower-cased.
    Scheme(String),
    /// `https:` without a host after it.
    NoHost,
    /// A host and path without `https://` (`www.example.gov.cn/xxgk/`).
    NoScheme,
    /// Anything else (`//host/`, words).
    Neither,
    /// A character no address may hold as written: a space, a tab or
    /// other control, a backslash, a quote or angle bracket. Browsers drop
    /// tabs and read `\` as `/`, so `/\evil.example/` would load every
    /// page's script from another host.
    Character(char),
}

impl Why {
    /// The reason in words (after "base_url 写的「…」不能用：").
    pub(super) fn words(&self) -> String {
        match self {
            Why::Scheme(s) => t!("config-base-url-why-scheme", scheme = s),
            Why::NoHost => t!("config-base-url-why-no-host"),
            Why::NoScheme => t!("config-base-url-why-no-scheme"),
            Why::Neither => t!("config-base-url-why-neither"),
            Why::Character(c) => t!("config-base-url-why-character", character = shown(*c)),
        }
    }
}

/// True when `url` starts with something that looks like a host name
/// (`www.example.gov.cn/xxgk/`, `example.gov.cn`): letters, digits and `-`
/// with at least one dot before the first `/` or `:`.
fn looks_like_host(url: &str) -> bool {
    let host = &url[..url.find(['/', '?', '#']).unwrap_or(url.len())];
    let host = host.split(':').next().unwrap_or(host);
    host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
}

/// A character as a reader can see it: a space or control by its code.
fn shown(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// Judges one `base_url` value.
pub(super) fn judge(url: &str) -> Verdict {
    let url = url.trim();
    if let Some(c) = url.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '\'' | '<' | '>' | '`')
    }) {
        return Verdict::Refused(Why::Character(c));
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Verdict::PathOnly;
    }
    match crate::scheme::scheme_of(url).as_deref() {
        Some("http" | "https") => {
            let rest = url.split_once(':').map_or("", |(_, r)| r);
            let Some(rest) = rest.strip_prefix("//") else {
                return Verdict::Refused(Why::NoHost);
            };
            let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
            let host_ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'));
            if host_ok {
                Verdict::Ok
            } else {
                Verdict::Refused(Why::NoHost)
            }
        }
        Some(_)
            if looks_like_host(url)
                && !url
                    .split_once(':')
                    .is_some_and(|(_, rest)| rest.starts_with("//")) =>
        {
            // `www.example.gov.cn:8080/xxgk/` reads as the scheme `www.example.gov.cn`.
            Verdict::Refused(Why::NoScheme)
        }
        Some(other) => Verdict::Refused(Why::Scheme(other.to_string())),
        None if looks_like_host(url) => Verdict::Refused(Why::NoScheme),
        None => Verdict::Refused(Why::Neither),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_with_a_host_or_a_path() {
        assert_eq!(judge("https://www.example.gov.cn/xxgk/"), Verdict::Ok);
        assert_eq!(judge("HTTP://127.0.0.1:8080"), Verdict::Ok);
        assert_eq!(judge("/xxgk/"), Verdict::PathOnly);
        assert_eq!(judge("/"), Verdict::PathOnly);
        let refused = Verdict::Refused;
        let scheme = |s: &str| Verdict::Refused(Why::Scheme(s.to_string()));
        assert_eq!(judge("javascript:alert(1)//"), scheme("javascript"));
        assert_eq!(judge(" JaVaScRiPt:x"), scheme("javascript"));
        assert_eq!(judge("ftp://a/"), scheme("ftp"));
        assert_eq!(judge("https:///x/"), refused(Why::NoHost));
        assert_eq!(judge("https:x"), refused(Why::NoHost));
        assert_eq!(judge("https://a\"b/"), refused(Why::Character('"')));
        assert_eq!(judge("//www.example.gov.cn/"), refused(Why::Neither));
        assert_eq!(judge("xxgk"), refused(Why::Neither));
        assert_eq!(judge("www.example.gov.cn/xxgk/"), refused(Why::NoScheme));
        assert_eq!(judge("www.example.gov.cn"), refused(Why::NoScheme));
        assert_eq!(judge("localhost.cn:8080/x/"), refused(Why::NoScheme));
        // Read by a browser as another host: `/\host/` and `/<tab>/host/`
        // are `//host/`.
        assert_eq!(judge("/\\evil.example/"), refused(Why::Character('\\')));
        assert_eq!(judge("/\t/evil.example/"), refused(Why::Character('\t')));
        assert_eq!(judge("/xx gk/"), refused(Why::Character(' ')));
        assert_eq!(judge("https://a.gov.cn/\"x"), refused(Why::Character('"')));
    }

    #[test]
    fn refusals_in_chinese() {
        assert_eq!(
            Why::NoScheme.words(),
            "缺少开头的 https://，应写成 https://www.example.gov.cn/xxgk/ 这样的完整网址"
        );
        assert_eq!(
            Why::Scheme("ftp".into()).words(),
            "网址只能以 http:// 或 https:// 开头，不能是「ftp:」"
        );
    }
}
