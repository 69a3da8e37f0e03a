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
    /// Not usable; the words say why (after "`base_url` `…` ").
    Refused(String),
}

/// The hint of every refusal.
pub(super) const HINT: &str = "write the address the site is published at, e.g. https://www.example.gov.cn/xxgk/, or a path such as /xxgk/";

/// Judges one `base_url` value.
pub(super) fn judge(url: &str) -> Verdict {
    let url = url.trim();
    if url.starts_with('/') && !url.starts_with("//") {
        return Verdict::PathOnly;
    }
    match crate::scheme::scheme_of(url).as_deref() {
        Some("http" | "https") => {
            let rest = url.split_once(':').map_or("", |(_, r)| r);
            let Some(rest) = rest.strip_prefix("//") else {
                return Verdict::Refused("names no host".into());
            };
            let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
            let host_ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'));
            if host_ok {
                Verdict::Ok
            } else {
                Verdict::Refused("names no host".into())
            }
        }
        Some(other) => Verdict::Refused(format!("has the scheme `{other}:`")),
        None => Verdict::Refused("is neither an http(s) address nor a path".into()),
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
        let refused = |s: &str| Verdict::Refused(s.to_string());
        assert_eq!(
            judge("javascript:alert(1)//"),
            refused("has the scheme `javascript:`")
        );
        assert_eq!(
            judge(" JaVaScRiPt:x"),
            refused("has the scheme `javascript:`")
        );
        assert_eq!(judge("ftp://a/"), refused("has the scheme `ftp:`"));
        assert_eq!(judge("https:///x/"), refused("names no host"));
        assert_eq!(judge("https:x"), refused("names no host"));
        assert_eq!(judge("https://a\"b/"), refused("names no host"));
        assert_eq!(
            judge("//www.example.gov.cn/"),
            refused("is neither an http(s) address nor a path")
        );
    }
}
