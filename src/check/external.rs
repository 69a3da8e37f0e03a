//! External addresses found by `links`. Without `--external` they are only
//! listed (提示), so `check` never touches the network in CI. With it, each
//! distinct address is requested once (HEAD, then GET when the server does
//! not allow HEAD), with a timeout per request and a cap on the number of
//! requests; failures are 扣分 findings.
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

/// One 提示 per government host linked over plain `http://`.
fn http_gov(urls: &BTreeMap<String, Vec<String>>, out: &mut Vec<Diagnostic>) {
    let mut gov: BTreeMap<String, (usize, &str, &[String])> = BTreeMap::new();
    for (url, on) in urls.iter().filter(|(u, _)| is_http_gov(u)) {
        let e = gov.entry(host(url)).or_insert((0, url, on));
        e.0 += 1;
    }
    for (h, (n, first, on)) in &gov {
        let s = if *n == 1 { "" } else { "s" };
        out.push(
            Diagnostic::site_wide(&codes::LINKS_HTTP_GOV, format!(
                    "{n} link{s} to the government site {h} use http:// instead of https:// (first: {first} on {})",
                    pages_text(on)
                ),
            )
            .with_hint(format!("write https://{h}/… if the site supports it")),
        );
    }
}

/// Pushes the external-link findings. `urls` maps each address to the pages
/// that link to it.
pub(crate) fn check(
    urls: &BTreeMap<String, Vec<String>>,
    opts: Option<&ExternalOptions>,
    out: &mut Vec<Diagnostic>,
) {
    http_gov(urls, out);
    let Some(opts) = opts else {
        for (url, on) in urls.iter().filter(|(u, _)| !is_http_gov(u)) {
            out.push(
                Diagnostic::site_wide(
                    &codes::LINKS_EXTERNAL_UNCHECKED,
                    format!("external link {url} on {} was not checked", pages_text(on)),
                )
                .with_hint("run `gongkai check --external` to fetch external links"),
            );
        }
        return;
    };
    let all: Vec<&String> = urls.keys().collect();
    let (fetch, skipped) = all.split_at(all.len().min(opts.max_requests));
    for (url, result) in fetch_all(fetch, opts) {
        if let Err(why) = result {
            let on = urls.get(url).map_or(&[][..], Vec::as_slice);
            out.push(
                Diagnostic::site_wide(
                    &codes::LINKS_EXTERNAL,
                    format!(
                        "external link {url} on {} does not work: {why}",
                        pages_text(on)
                    ),
                )
                .with_hint("correct the address, or remove the link"),
            );
        }
    }
    if !skipped.is_empty() {
        out.push(
            Diagnostic::site_wide(
                &codes::LINKS_EXTERNAL_LIMIT,
                format!(
                    "{} external links were not checked: only {} requests are made per run",
                    skipped.len(),
                    opts.max_requests
                ),
            )
            .with_hint(
                "check the remaining links by hand, or remove links that are no longer needed",
            ),
        );
    }
}

/// Requests every address with a few workers; results in input order.
fn fetch_all<'a>(
    urls: &[&'a String],
    opts: &ExternalOptions,
) -> Vec<(&'a String, Result<(), String>)> {
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!("gongkai-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent();
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
        .map(|(u, r)| (*u, r.unwrap_or_else(|| Err("not checked".into()))))
        .collect()
}

fn fetch(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let status =
        |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| r.map(|r| r.status().as_u16());
    let mut code = status(agent.head(url).call()).map_err(|e| e.to_string())?;
    if code == 405 || code == 501 {
        code = status(agent.get(url).call()).map_err(|e| e.to_string())?;
    }
    if code >= 400 {
        Err(format!("HTTP status {code}"))
    } else {
        Ok(())
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
}
