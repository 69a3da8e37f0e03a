//! External addresses found by `links`. Without `--external` they are only
//! listed (提示), so `check` never touches the network in CI. With it, each
//! distinct address is requested once (HEAD, then GET when the server does
//! not allow HEAD), with a timeout per request and a cap on the number of
//! requests; failures are 扣分 findings.
//!
//! Redirects are followed here, one at a time, rather than by the HTTP
//! client, so that each hop can be judged: a redirect to another scheme
//! (`ftp:`, `javascript:`, `data:`, …) or from `https` down to plain `http`
//! makes the link broken. The downgrade counts because the citizen who
//! follows a link from a government page over https would end up on a page
//! anyone on the way can read and change, without being told.
//!
//! Independently of fetching, a link to a government address over plain
//! `http://` (`*.gov.cn`) is a 提示, one per host.

use super::links::pages_text;
use crate::diag::{Diagnostic, codes};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How `--external` fetches.
#[derive(Debug, Clone, Copy)]
pub struct ExternalOptions {
    /// Time allowed for one request, redirects included. The inspection
    /// counts a page that takes over 15 s as not opening.
    pub(crate) timeout: Duration,
    /// At most this many addresses are requested; the rest are listed.
    pub(crate) max_requests: usize,
    /// Requests run at the same time.
    pub(crate) workers: usize,
}

impl Default for ExternalOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(15),
            max_requests: 200,
            workers: 4,
        }
    }
}

/// The host of an `http(s)://` address, lower-cased, without a port.
fn host(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, r)| r);
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let host = &after[..end];
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.split(':').next().unwrap_or("").to_ascii_lowercase()
}

fn is_http_gov(url: &str) -> bool {
    let h = host(url);
    url.get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        && (h == "gov.cn" || h.ends_with(".gov.cn"))
}

/// Puts a finding about an address at the place of the Markdown that links
/// to it, on the first of its pages that has it (see `links::check`).
pub(crate) type Locate<'a> = dyn Fn(Diagnostic, &str, &[String]) -> Diagnostic + 'a;

/// One 提示 per government host linked over plain `http://`.
fn http_gov(urls: &BTreeMap<String, Vec<String>>, locate: &Locate<'_>, out: &mut Vec<Diagnostic>) {
    let mut gov: BTreeMap<String, (usize, &str, &[String])> = BTreeMap::new();
    for (url, on) in urls.iter().filter(|(u, _)| is_http_gov(u)) {
        let e = gov.entry(host(url)).or_insert((0, url, on));
        e.0 += 1;
    }
    for (h, (n, first, on)) in &gov {
        let f = Diagnostic::site_wide(
            &codes::LINKS_HTTP_GOV,
            crate::t!(
                "check-http-gov",
                count = *n,
                host = h.as_str(),
                first = *first,
                pages = pages_text(on)
            ),
        )
        .with_hint(crate::t!("check-http-gov-fix", host = h.as_str()));
        out.push(locate(f, first, on));
    }
}

/// Pushes the external-link findings. `urls` maps each address to the pages
/// that link to it.
pub(crate) fn check(
    urls: &BTreeMap<String, Vec<String>>,
    opts: Option<&ExternalOptions>,
    locate: &Locate<'_>,
    out: &mut Vec<Diagnostic>,
) {
    http_gov(urls, locate, out);
    let Some(opts) = opts else {
        for (url, on) in urls.iter().filter(|(u, _)| !is_http_gov(u)) {
            let f = Diagnostic::site_wide(
                &codes::LINKS_EXTERNAL_UNCHECKED,
                crate::t!(
                    "check-external-unchecked",
                    url = url,
                    pages = pages_text(on)
                ),
            )
            .with_hint(crate::t!("check-external-unchecked-fix"));
            out.push(locate(f, url, on));
        }
        return;
    };
    let all: Vec<&String> = urls.keys().collect();
    let (fetch, skipped) = all.split_at(all.len().min(opts.max_requests));
    for (url, result) in fetch_all(fetch, opts) {
        if let Err(why) = result {
            let on = urls.get(url).map_or(&[][..], Vec::as_slice);
            let f = Diagnostic::site_wide(
                &codes::LINKS_EXTERNAL,
                crate::t!(
                    "check-external-broken",
                    url = url.as_str(),
                    pages = pages_text(on),
                    why = why
                ),
            )
            .with_hint(crate::t!("check-external-broken-fix"));
            out.push(locate(f, url, on));
        }
    }
    if !skipped.is_empty() {
        out.push(
            Diagnostic::site_wide(
                &codes::LINKS_EXTERNAL_LIMIT,
                crate::t!(
                    "check-external-limit",
                    count = skipped.len(),
                    max = opts.max_requests
                ),
            )
            .with_hint(crate::t!("check-external-limit-fix")),
        );
    }
}

/// Requests every address with a few workers; results in input order.
fn fetch_all<'a>(
    urls: &[&'a String],
    opts: &ExternalOptions,
) -> Vec<(&'a String, Result<(), String>)> {
    let agent = agent(ureq::Agent::config_builder().timeout_global(Some(opts.timeout)));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<(), String>>>> = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|s| {
        for _ in 0..opts.workers.clamp(1, 16) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let r = fetch(&agent, url);
                    if let Ok(mut v) = results.lock() {
                        v[i] = Some(r);
                    }
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_default();
    urls.iter()
        .zip(results)
        .map(|(u, r)| {
            (
                *u,
                r.unwrap_or_else(|| Err(crate::t!("check-external-not-fetched"))),
            )
        })
        .collect()
}

/// Redirects followed for one address before giving up.
const MAX_REDIRECTS: usize = 10;

/// The agent of every request: statuses are answers, not errors, and
/// redirects come back to [`fetch`] to be judged.
fn agent(config: ureq::config::ConfigBuilder<ureq::typestate::AgentScope>) -> ureq::Agent {
    config
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("gongkai-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

/// The status and `Location` of one request to `url` (HEAD, then GET when
/// the server does not allow HEAD).
fn status(agent: &ureq::Agent, url: &str) -> Result<(u16, Option<String>), String> {
    let answer = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        r.map(|r| {
            let location = r
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            (r.status().as_u16(), location)
        })
        .map_err(|e| {
            // The library's English words only in English.
            if crate::i18n::current() == crate::i18n::Lang::En {
                crate::t!("check-external-unreachable-detail", detail = e.to_string())
            } else {
                crate::t!("check-external-unreachable")
            }
        })
    };
    let (code, location) = answer(agent.head(url).call())?;
    if code == 405 || code == 501 {
        return answer(agent.get(url).call());
    }
    Ok((code, location))
}

fn fetch(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        let (code, location) = status(agent, &current)?;
        if !matches!(code, 301 | 302 | 303 | 307 | 308) {
            return if code >= 400 {
                Err(crate::t!("check-external-status", code = code))
            } else {
                Ok(())
            };
        }
        let Some(location) = location else {
            return Err(crate::t!("check-external-no-location", code = code));
        };
        let next = join(&current, &location);
        judge_redirect(&current, &next)?;
        current = next;
    }
    Err(crate::t!("check-external-redirects", max = MAX_REDIRECTS))
}

/// Refuses a redirect from `from` to `to` that changes the scheme, other
/// than from http up to https.
fn judge_redirect(from: &str, to: &str) -> Result<(), String> {
    let scheme = |u: &str| crate::scheme::scheme_of(u).unwrap_or_default();
    match (scheme(from).as_str(), scheme(to).as_str()) {
        (_, "http" | "https") if scheme(from) == scheme(to) => Ok(()),
        ("http", "https") => Ok(()),
        ("https", "http") => Err(crate::t!("check-external-downgrade", to = to)),
        _ => Err(crate::t!(
            "check-external-bad-redirect",
            to = to.escape_debug().to_string()
        )),
    }
}

/// The absolute address a `Location` names, relative to `base`.
fn join(base: &str, location: &str) -> String {
    let location = location.trim();
    if crate::scheme::scheme_of(location).is_some() {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(net) = location.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    let path = &rest[host_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if location.starts_with('/') {
        format!("{origin}{location}")
    } else if location.starts_with('?') || location.starts_with('#') {
        format!("{origin}{path}{location}")
    } else {
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!("{origin}{dir}{location}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_http() {
        assert!(is_http_gov("http://www.beijing.gov.cn/a"));
        assert!(is_http_gov("HTTP://WWW.GOV.CN"));
        assert!(!is_http_gov("https://www.gov.cn/"));
        assert!(!is_http_gov("http://gov.cn.example.com/"));
        assert_eq!(host("http://u@www.gov.cn:8080/x"), "www.gov.cn");
    }

    #[test]
    fn redirects_to_another_scheme_are_broken() {
        assert_eq!(judge_redirect("http://a/", "https://a/"), Ok(()));
        assert_eq!(judge_redirect("https://a/", "HTTPS://b/"), Ok(()));
        assert_eq!(
            judge_redirect("https://a/", "http://a/"),
            Err("它从 https 跳转到了不加密的 http（http://a/）".into())
        );
        assert_eq!(
            judge_redirect("http://a/", "ftp://a/x"),
            Err("它跳转到「ftp://a/x」，这不是网页地址（http 或 https）".into())
        );
        assert_eq!(
            judge_redirect("https://a/", "javascript:alert(1)"),
            Err("它跳转到「javascript:alert(1)」，这不是网页地址（http 或 https）".into())
        );
    }

    #[test]
    fn locations_are_joined_to_the_address() {
        assert_eq!(join("https://a/b/c?x", "/d"), "https://a/d");
        assert_eq!(join("https://a/b/c", "d"), "https://a/b/d");
        assert_eq!(join("https://a", "d"), "https://a/d");
        assert_eq!(join("https://a/b", "//c/d"), "https://c/d");
        assert_eq!(join("https://a/b", "?q"), "https://a/b?q");
        assert_eq!(join("https://a/b", "FTP://c"), "FTP://c");
    }

    /// Serves `/ftp`, `/js` and `/hop` as redirects (to ftp:, javascript:
    /// and `/ok`) and `/ok` with 200, on a loopback port.
    fn redirecting_server() -> u16 {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                while let Ok(n) = reader.read_line(&mut String::new()) {
                    if n <= 2 {
                        break;
                    }
                }
                let head = if line.contains(" /ftp ") {
                    "302 Found\r\nLocation: ftp://127.0.0.1/file"
                } else if line.contains(" /js ") {
                    "301 Moved Permanently\r\nLocation: javascript:alert(1)"
                } else if line.contains(" /hop ") {
                    "307 Temporary Redirect\r\nLocation: /ok"
                } else if line.contains(" /ok ") {
                    "200 OK"
                } else {
                    "404 Not Found"
                };
                let mut s = &stream;
                let _ = write!(
                    s,
                    "HTTP/1.1 {head}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        port
    }

    #[test]
    fn fetch_follows_redirects_and_judges_each() {
        let port = redirecting_server();
        let agent = agent(ureq::Agent::config_builder().proxy(None));
        let url = |p: &str| format!("http://127.0.0.1:{port}{p}");
        assert_eq!(fetch(&agent, &url("/hop")), Ok(()));
        assert_eq!(
            fetch(&agent, &url("/ftp")),
            Err("它跳转到「ftp://127.0.0.1/file」，这不是网页地址（http 或 https）".into())
        );
        assert_eq!(
            fetch(&agent, &url("/js")),
            Err("它跳转到「javascript:alert(1)」，这不是网页地址（http 或 https）".into())
        );
        assert_eq!(
            fetch(&agent, &url("/missing")),
            Err("网站回答 HTTP 状态码 404（打不开）".into())
        );
    }
}
