//! Which requests the preview answers. A page on another site can make the
//! browser send requests to the preview through DNS rebinding (its own name
//! made to resolve to 127.0.0.1), and would then read the drafts the
//! preview serves. Such requests carry that other name in `Host`, so only
//! a `Host` naming the preview itself is answered: `localhost`, the
//! address it listens on (any address when it listens on all of them: a
//! rebinding page cannot put an address in `Host`, only its own name), or
//! this computer's name; any port. Others get 421 Misdirected Request, a
//! request without `Host` 400.

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::sync::Arc;

/// The names the preview answers to.
#[derive(Debug, Clone)]
pub(crate) struct Hosts {
    bound: IpAddr,
    machine: Option<String>,
}

/// What a refused request gets.
const MISDIRECTED: &str = "421 misdirected request: this preview answers only to requests for localhost, its own address or this computer's name\n";

impl Hosts {
    /// The names of a preview listening on `bound`.
    pub(crate) fn new(bound: IpAddr) -> Self {
        Self {
            bound,
            machine: machine_name(),
        }
    }

    /// True when a `Host` header value names the preview.
    pub(crate) fn allows(&self, value: &str) -> bool {
        let Some(host) = host_of(value) else {
            return false;
        };
        let host = host.strip_suffix('.').unwrap_or(host);
        if host.eq_ignore_ascii_case("localhost") {
            return true;
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            return ip == self.bound || self.bound.is_unspecified();
        }
        self.machine.as_deref().is_some_and(|name| {
            host.eq_ignore_ascii_case(name)
                || host
                    .strip_suffix(".local")
                    .is_some_and(|h| h.eq_ignore_ascii_case(name))
        })
    }
}

/// The host of a `Host` value (`[::1]:8080` gives `::1`, `a:80` gives
/// `a`); `None` when the value is not of that form.
fn host_of(value: &str) -> Option<&str> {
    let is_port = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = value.strip_prefix('[') {
        let (host, tail) = rest.split_once(']')?;
        return (tail.is_empty() || tail.strip_prefix(':').is_some_and(is_port)).then_some(host);
    }
    match value.split_once(':') {
        Some((host, port)) if is_port(port) => Some(host),
        Some(_) => None,
        None => Some(value),
    }
}

/// This computer's name, where the system says it.
fn machine_name() -> Option<String> {
    let from_file = ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|f| std::fs::read_to_string(f).ok());
    from_file
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// The middleware: answers the request only when its `Host` is allowed.
pub(crate) async fn check_host(
    State(hosts): State<Arc<Hosts>>,
    request: Request,
    next: Next,
) -> Response {
    match request.headers().get(header::HOST).map(|v| v.to_str()) {
        None => (StatusCode::BAD_REQUEST, "400 bad request: no Host header\n").into_response(),
        Some(Ok(host)) if hosts.allows(host) => next.run(request).await,
        Some(_) => (StatusCode::MISDIRECTED_REQUEST, MISDIRECTED).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: [u8; 4]) -> Hosts {
        Hosts {
            bound: IpAddr::from(bound),
            machine: Some("Desk-1".into()),
        }
    }

    #[test]
    fn the_preview_s_own_names_any_port() {
        let h = hosts([127, 0, 0, 1]);
        for ok in [
            "localhost",
            "LOCALHOST:3000",
            "localhost.:1",
            "127.0.0.1",
            "127.0.0.1:8080",
            "desk-1:80",
            "Desk-1.local",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:80",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "10.0.0.2:80",
            "[::1]:80",
            "localhost:80:80",
            "localhost:x",
            "",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
    }

    #[test]
    fn listening_on_all_addresses_allows_any_address_but_no_other_name() {
        let h = hosts([0, 0, 0, 0]);
        assert!(h.allows("192.168.1.20:8080"));
        assert!(h.allows("[fe80::1]:8080"));
        assert!(!h.allows("evil.example:8080"));
    }
}
