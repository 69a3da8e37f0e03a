//! The preview's accept loop: hyper's HTTP/1 on each connection, with the
//! limits a server on one's own computer still needs. `axum::serve` offers
//! neither: a client that opens connections and sends nothing would hold
//! them (and a task each) forever, and nothing caps how many are open.
//! So each connection gets a time limit for reading a request's headers,
//! and at most a fixed number are served at once; the next waits in the
//! system's queue until one closes.

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// The limits of the accept loop.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// How long a client may take to send a request's headers.
    pub(crate) header_read: Duration,
    /// Connections served at once.
    pub(crate) connections: usize,
}

/// The preview's limits: generous for a browser (which opens a handful of
/// connections, one kept open for live reload per tab), small enough that
/// a misbehaving client cannot exhaust the process's file descriptors.
pub(crate) const LIMITS: Limits = Limits {
    header_read: Duration::from_secs(10),
    connections: 256,
};

/// Serves `app` on `listener` until `stop` turns true; then accepts no
/// more and asks each open connection to close once its request is done.
/// Returns when every connection is closed or `grace` has passed.
pub(crate) async fn serve(
    listener: TcpListener,
    app: axum::Router,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
    grace: Duration,
) {
    let permits = Arc::new(Semaphore::new(limits.connections));
    let conn_stop = stop.clone();
    {
        let mut stopped = pin!(stop.wait_for(|s| *s));
        loop {
            let permit = tokio::select! {
                p = Arc::clone(&permits).acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break,
                },
                _ = &mut stopped => break,
            };
            let stream = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    // Out of file descriptors or a connection reset before
                    // it was taken: wait a little rather than spin.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                _ = &mut stopped => break,
            };
            let service = TowerToHyperService::new(app.clone());
            let mut stop = conn_stop.clone();
            tokio::spawn(async move {
                let _permit = permit;
                let mut builder = http1::Builder::new();
                builder
                    .timer(TokioTimer::new())
                    .header_read_timeout(limits.header_read);
                let mut conn = pin!(builder.serve_connection(TokioIo::new(stream), service));
                tokio::select! {
                    _ = conn.as_mut() => return,
                    _ = stop.wait_for(|s| *s) => conn.as_mut().graceful_shutdown(),
                }
                let _ = conn.await;
            });
        }
    }
    drop(listener);
    let all = u32::try_from(limits.connections).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(grace, permits.acquire_many(all)).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::time::Instant;

    /// Runs `serve` with `limits` on a free loopback port in a thread of
    /// its own; returns the address and the stop switch.
    fn start(limits: Limits) -> (std::net::SocketAddr, watch::Sender<bool>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("address");
        let (tx, rx) = watch::channel(false);
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = TcpListener::from_std(listener).expect("listener");
                let app = axum::Router::new().fallback(|| async { "ok" });
                serve(listener, app, limits, rx, Duration::from_millis(100)).await;
            });
        });
        (addr, tx)
    }

    fn get(addr: std::net::SocketAddr) -> String {
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect("send");
        let mut out = String::new();
        s.read_to_string(&mut out).expect("read");
        out
    }

    #[test]
    fn a_client_sending_no_headers_is_cut_off_and_frees_its_place() {
        let limits = Limits {
            header_read: Duration::from_millis(300),
            connections: 1,
        };
        let (addr, stop) = start(limits);
        let start = Instant::now();
        // Takes the only place and sends half a request line.
        let mut idle = std::net::TcpStream::connect(addr).expect("connect");
        idle.write_all(b"GET / HT").expect("send");
        idle.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        // Waits for the place, then is answered.
        let answer = get(addr);
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.ends_with("\r\n\r\nok"), "{answer}");
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(250), "{waited:?}");
        // The idle connection was closed by the server (perhaps with a 408).
        let mut rest = Vec::new();
        let _ = idle.read_to_end(&mut rest);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        let _ = stop.send(true);
    }
}
