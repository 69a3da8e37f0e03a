//! A running `gongkai serve` for integration tests: starts the real binary
//! on a site folder (a [`SiteTest`](super::site::SiteTest)'s) and a free
//! loopback port, and talks HTTP to it over a plain `TcpStream` (so request
//! paths go out byte for byte, `..` and all). Every wait is bounded; the
//! server is stopped with SIGINT (or killed) when the test ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take.
pub(crate) const WAIT: Duration = Duration::from_secs(8);

/// One HTTP response.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// A header's value (name in lower case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A running preview server.
pub(crate) struct Preview {
    child: Child,
    /// The site's folder.
    pub(crate) root: PathBuf,
    /// Where the server listens.
    pub(crate) addr: SocketAddr,
    /// The URL it printed.
    pub(crate) url: String,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut t = sink.lock().expect("output lock");
            t.push_str(&line);
            t.push('\n');
        }
    });
    text
}

impl Preview {
    /// Starts `gongkai serve --port 0` on `root`.
    pub(crate) fn start(root: &Path) -> Self {
        Self::start_on(root, 0)
    }

    /// Starts `gongkai serve --port PORT` on `root`.
    pub(crate) fn start_on(root: &Path, port: u16) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start gongkai serve");
        let stdout = collect(child.stdout.take().expect("stdout"));
        let stderr = collect(child.stderr.take().expect("stderr"));
        let mut preview = Self {
            child,
            root: root.to_path_buf(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            url: String::new(),
            stdout,
            stderr,
        };
        preview.wait_for("the URL line", |p| p.stdout().contains("Ctrl-C"));
        let out = preview.stdout();
        let url = out
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("URL")
            .to_string();
        let host = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .expect("host");
        preview.addr = host.parse().expect("address");
        preview.url = url;
        preview
    }

    /// What the server printed to stdout so far.
    pub(crate) fn stdout(&self) -> String {
        self.stdout.lock().expect("output lock").clone()
    }

    /// What the server printed to stderr so far.
    pub(crate) fn stderr(&self) -> String {
        self.stderr.lock().expect("output lock").clone()
    }

    /// Polls `done` until it holds; panics with the server's output after
    /// [`WAIT`].
    pub(crate) fn wait_for(&self, what: &str, mut done: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}\n--- stdout\n{}--- stderr\n{}",
                self.stdout(),
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Sends `method path` exactly as given.
    pub(crate) fn request(&self, method: &str, path: &str) -> Response {
        self.request_to(method, path, Some(&self.addr.to_string()))
    }

    /// Sends `method path` with this `Host` header (none for `None`).
    pub(crate) fn request_to(&self, method: &str, path: &str, host: Option<&str>) -> Response {
        let mut s = TcpStream::connect_timeout(&self.addr, WAIT).expect("connect");
        s.set_read_timeout(Some(WAIT)).expect("timeout");
        let host = host.map_or_else(String::new, |h| format!("Host: {h}\r\n"));
        write!(
            s,
            "{method} {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
        )
        .expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read response");
        parse(&raw)
    }

    /// `GET path`.
    pub(crate) fn get(&self, path: &str) -> Response {
        self.request("GET", path)
    }

    /// The first Server-Sent Event of the live-reload stream: the current
    /// build status as JSON.
    pub(crate) fn status(&self) -> String {
        let mut s = TcpStream::connect_timeout(&self.addr, WAIT).expect("connect");
        s.set_read_timeout(Some(WAIT)).expect("timeout");
        write!(
            s,
            "GET /__gongkai/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut reader = BufReader::new(s);
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                reader.read_line(&mut line).expect("read event") > 0,
                "event stream closed"
            );
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim_end().to_string();
            }
        }
    }

    /// Writes a file of the site (path relative to its folder).
    pub(crate) fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.root.join(rel), text).expect("write site file");
    }

    /// Stops the server as Ctrl-C does and returns how it exited and its
    /// stdout.
    pub(crate) fn interrupt(mut self) -> (ExitStatus, String) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -INT failed");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Let the reader threads see the last lines.
                std::thread::sleep(Duration::from_millis(50));
                return (status, self.stdout());
            }
            assert!(
                start.elapsed() < WAIT,
                "serve did not stop after Ctrl-C\n{}",
                self.stdout()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}
