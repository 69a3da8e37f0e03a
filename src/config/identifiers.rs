//! The identifiers a government site shows in its footer (`identifiers:`
//! in site.yaml) and the site's icon (`favicon:`). Each is optional here;
//! `check` says which a government site must have (`check/footer.rs`).
//!
//! Nothing in the footer loads from another host: the 党政机关网站标识
//! badge is an image in the site's own `static/` folder that links to its
//! certificate page, and the other identifiers are text links.

use crate::diag::{Diagnostic, codes};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

/// Where the ICP备案编号 links by default: the registry of 工业和信息化部.
pub const ICP_URL: &str = "https://beian.miit.gov.cn/";

/// Where the 公安机关备案号 links by default, before its digits: the record
/// search of 全国互联网安全管理服务平台, over https (a plain `http://` link
/// to a .gov.cn host is itself a `check` notice). `police_url:` overrides
/// it.
pub const POLICE_URL: &str = "https://beian.mps.gov.cn/#/query/webSearch?code=";

/// The default `favicon:`, a file of the default theme.
pub const DEFAULT_FAVICON: &str = "favicon.png";

/// The keys `identifiers:` takes, for "did you mean" hints.
pub(crate) const KEYS: &[&str] = &[
    "site_code",
    "icp",
    "icp_url",
    "police",
    "police_url",
    "badge",
    "jiucuo",
];

/// `identifiers:` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIdentifiers {
    #[serde(default)]
    site_code: Option<String>,
    #[serde(default)]
    icp: Option<String>,
    #[serde(default)]
    icp_url: Option<Spanned<String>>,
    #[serde(default)]
    police: Option<String>,
    #[serde(default)]
    police_url: Option<Spanned<String>>,
    #[serde(default)]
    badge: Option<RawBadge>,
    #[serde(default)]
    jiucuo: Option<Spanned<String>>,
}

/// `badge:` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBadge {
    url: Spanned<String>,
    image: Spanned<String>,
}

/// The 党政机关网站标识: an image of the site's `static/` folder linking to
/// the site's certificate page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Badge {
    /// The certificate page (an http(s) address).
    pub url: String,
    /// The image, a path inside `static/` (`conac.png`).
    pub image: String,
}

/// The identifiers a government site shows in its footer, with the links
/// the theme puts on them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Identifiers {
    /// 网站标识码.
    pub site_code: Option<String>,
    /// ICP备案编号.
    pub icp: Option<String>,
    /// Where the ICP备案编号 links: `icp_url:`, else [`ICP_URL`].
    pub icp_url: String,
    /// 公安机关备案号.
    pub police: Option<String>,
    /// Where the 公安机关备案号 links: `police_url:`, else [`POLICE_URL`]
    /// and the digits of the number; `None` when it has no digits.
    pub police_url: Option<String>,
    /// 党政机关网站标识.
    pub badge: Option<Badge>,
    /// 政府网站找错: the address the site was given (with its site code).
    pub jiucuo: Option<String>,
    /// What joins the page's address to `jiucuo` as `url=…`: `&`, `?` or
    /// nothing.
    pub jiucuo_join: String,
}

/// The text of an optional value, trimmed; `None` when blank.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Reads `identifiers:`, pushing an error for each address or file that
/// cannot be used.
pub(crate) fn read(raw: RawIdentifiers, shown: &Path, diags: &mut Vec<Diagnostic>) -> Identifiers {
    let police = given(raw.police);
    let police_url = match raw.police_url {
        Some(u) => web_address(&u, "police_url", shown, diags),
        None => police.as_deref().and_then(|p| {
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| format!("{POLICE_URL}{digits}"))
        }),
    };
    let badge = raw.badge.and_then(|b| {
        let url = web_address(&b.url, "badge.url", shown, diags);
        let image = static_file(&b.image, "badge.image", shown, diags);
        Some(Badge {
            url: url?,
            image: image?,
        })
    });
    let jiucuo = raw
        .jiucuo
        .and_then(|u| web_address(&u, "jiucuo", shown, diags));
    let jiucuo_join = match &jiucuo {
        Some(u) if u.ends_with(['?', '&']) => "",
        Some(u) if u.contains('?') => "&",
        _ => "?",
    }
    .to_string();
    Identifiers {
        site_code: given(raw.site_code),
        icp: given(raw.icp),
        icp_url: raw
            .icp_url
            .and_then(|u| web_address(&u, "icp_url", shown, diags))
            .unwrap_or_else(|| ICP_URL.to_string()),
        police,
        police_url,
        badge,
        jiucuo,
        jiucuo_join,
    }
}

/// An `http(s)://` address with a host, or an error at its position.
fn web_address(
    v: &Spanned<String>,
    key: &str,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let url = v.value.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
    });
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if host_ok && clean {
        return Some(url.to_string());
    }
    diags.push(
        Diagnostic::new(
            &codes::CONFIG,
            shown,
            t!("config-identifier-bad-url", key = key, value = url),
        )
        .at(v.referenced.line() as u32, v.referenced.column() as u32)
        .with_hint(t!("config-identifier-bad-url-hint")),
    );
    None
}

/// A path inside the site's `static/` folder (`conac.png`,
/// `images/conac.png`), or an error at its position: an address of another
/// host would make every reader's visit known to it.
pub(crate) fn static_file(
    v: &Spanned<String>,
    key: &str,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let path = v.value.trim().trim_start_matches("static/");
    match static_problem(path) {
        None => Some(path.to_string()),
        Some(problem) => {
            diags.push(
                Diagnostic::new(
                    &codes::CONFIG,
                    shown,
                    t!(
                        "config-static-file-bad",
                        key = key,
                        value = v.value.trim(),
                        problem = problem
                    ),
                )
                .at(v.referenced.line() as u32, v.referenced.column() as u32)
                .with_hint(t!(
                    "config-static-file-hint",
                    key = key.rsplit('.').next().unwrap_or(key),
                    example = if key == "favicon" {
                        DEFAULT_FAVICON
                    } else {
                        "conac.png"
                    }
                )),
            );
            None
        }
    }
}

/// Why `path` cannot name a file of `static/`, if it cannot.
fn static_problem(path: &str) -> Option<String> {
    if path.is_empty() {
        return Some(t!("config-static-file-empty"));
    }
    if path.contains("://") || path.starts_with("//") || crate::scheme::scheme_of(path).is_some() {
        return Some(t!("config-static-file-address"));
    }
    let bad_part = path
        .split(['/', '\\'])
        .any(|p| p.is_empty() || p == "." || p == "..");
    let bad_char = path
        .chars()
        .any(|c| c.is_control() || "?#%\"'<>`".contains(c) || c.is_whitespace());
    if bad_part || bad_char || path.starts_with('/') {
        return Some(t!("config-static-file-path"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_paths() {
        assert_eq!(static_problem("conac.png"), None);
        assert_eq!(static_problem("img/conac.png"), None);
        for bad in [
            "",
            "https://bszs.conac.cn/x.png",
            "//cdn.example/x.png",
            "data:image/png;base64,AA",
            "../secret.png",
            "/conac.png",
            "a b.png",
            "a\\..\\b.png",
        ] {
            assert!(static_problem(bad).is_some(), "{bad}");
        }
    }
}
