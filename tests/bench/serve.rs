//! The `serve` benchmark: start `gongkai serve` on a generated site, save one
//! notice again and again, and time each save until the server's rebuild
//! line on stdout (`…: rendered N pages in M ms`) and until the reload event
//! on its Server-Sent Events stream (`/__gongkai/events`). With the search
//! on, the index is made after each rebuild's pages: the figures then also
//! say when the index line (`search index updated: …`) came, after start-up
//! and after the last save.

use std::io::{BufRead, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What the serve benchmark found.
#[derive(Debug, Clone)]
pub(crate) enum ServeResult {
    /// The binary has no `serve` command.
    NotAvailable,
    /// It failed; the reason.
    Failed(String),
    Measured(ServeFigures),
}

#[derive(Debug, Clone)]
pub(crate) struct ServeFigures {
    pub(crate) edits: usize,
    /// Write to stdout rebuild line, ms: median and worst.
    pub(crate) line: (f64, f64),
    /// Write to reload event, ms, when the event stream answered.
    pub(crate) event: Option<(f64, f64)>,
    /// The server's own rebuild times from its lines, ms: median and worst.
    pub(crate) own: Option<(f64, f64)>,
    /// The first full build at start-up, ms (the server's own figure).
    pub(crate) startup_ms: Option<f64>,
    pub(crate) last_line: String,
    /// With the search on: when the index came.
    pub(crate) index: Option<IndexTimes>,
}

/// When `serve`'s search index came, ms of wall time.
#[derive(Debug, Clone)]
pub(crate) struct IndexTimes {
    /// From the server's start to its first index line.
    pub(crate) startup: f64,
    /// From the last save to the index line that follows it.
    pub(crate) after_last_save: f64,
    /// The server's own figure for that last index.
    pub(crate) own: Option<f64>,
}

enum Event {
    Out(String),
    Err(String),
    Sse,
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// `true` when `gongkai serve --help` works.
pub(crate) fn available(gongkai: &Path) -> bool {
    Command::new(gongkai)
        .args(["serve", "--help"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Kills the server when dropped, politely first (Ctrl-C), so a failed run
/// leaves no process behind.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.0.id().to_string()])
            .status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn ms_of(line: &str) -> Option<f64> {
    let rest = line.rsplit_once(" in ")?.1;
    rest.strip_suffix(" ms")?.trim().parse().ok()
}

/// Waits for a stdout line that reports a rebuild; returns it and when it came.
/// A reload event seen meanwhile is kept in `sse`.
fn wait_rebuild(
    rx: &Receiver<(Instant, Event)>,
    timeout: Duration,
    sse: &mut Option<Instant>,
) -> Result<(Instant, String), String> {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((t, Event::Out(line))) if line.contains("rendered") => return Ok((t, line)),
            Ok((t, Event::Sse)) => {
                sse.get_or_insert(t);
            }
            Ok((_, Event::Err(line)))
                if line.contains("not published") || line.contains("error") =>
            {
                return Err(format!("rebuild failed: {line}"));
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                return Err(format!("no rebuild line within {timeout:?}"));
            }
            Err(RecvTimeoutError::Disconnected) => return Err("the server exited".into()),
        }
    }
}

/// Waits for the search index's line; returns when it came and the line.
fn wait_index(
    rx: &Receiver<(Instant, Event)>,
    timeout: Duration,
) -> Result<(Instant, String), String> {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((t, Event::Out(line))) if line.starts_with("search index updated") => {
                return Ok((t, line));
            }
            Ok((_, Event::Err(line))) if line.contains("search index not updated") => {
                return Err(format!("index failed: {line}"));
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                return Err(format!("no index line within {timeout:?}"));
            }
            Err(RecvTimeoutError::Disconnected) => return Err("the server exited".into()),
        }
    }
}

/// Opens the event stream; each `data:` line is sent as [`Event::Sse`].
fn subscribe(port: u16, tx: mpsc::Sender<(Instant, Event)>) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.write_all(
        b"GET /__gongkai/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
    )?;
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("data:") && tx.send((Instant::now(), Event::Sse)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Runs the benchmark on the site in `site`, editing `notice` `edits` times;
/// `search` says whether the site builds the search index.
pub(crate) fn bench(
    gongkai: &Path,
    site: &Path,
    notice: &Path,
    edits: usize,
    search: bool,
) -> ServeResult {
    if !available(gongkai) {
        return ServeResult::NotAvailable;
    }
    let original = match std::fs::read_to_string(notice) {
        Ok(t) => t,
        Err(e) => return ServeResult::Failed(format!("cannot read {}: {e}", notice.display())),
    };
    let result = measure(gongkai, site, notice, &original, edits, search);
    // Put the notice back whatever happened, so the site stays as generated.
    let _ = std::fs::write(notice, &original);
    match result {
        Ok(f) => ServeResult::Measured(f),
        Err(e) => ServeResult::Failed(e),
    }
}

fn measure(
    gongkai: &Path,
    site: &Path,
    notice: &Path,
    original: &str,
    edits: usize,
    search: bool,
) -> Result<ServeFigures, String> {
    let port = free_port().map_err(|e| e.to_string())?;
    let started = Instant::now();
    // The lines are read by their English wording.
    let child = Command::new(gongkai)
        .env("GONGKAI_LANG", "en")
        .arg("serve")
        .arg("--root")
        .arg(site)
        .args(["--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start gongkai serve: {e}"))?;
    let mut server = Server(child);
    let (tx, rx) = mpsc::channel();
    if let Some(out) = server.0.stdout.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send((Instant::now(), Event::Out(line))).is_err() {
                    break;
                }
            }
        });
    }
    if let Some(err) = server.0.stderr.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx.send((Instant::now(), Event::Err(line))).is_err() {
                    break;
                }
            }
        });
    }
    // The first build of a large site takes a while on a busy machine.
    let (_, first) = wait_rebuild(&rx, Duration::from_secs(300), &mut None)?;
    let startup_ms = ms_of(&first);
    // The saves start once the first index is there, as a member of staff
    // would find the preview after opening it.
    let startup_index = if search {
        let (at, _) = wait_index(&rx, Duration::from_secs(600))?;
        Some((at - started).as_secs_f64() * 1000.0)
    } else {
        None
    };
    let sse = subscribe(port, tx.clone()).is_ok();
    std::thread::sleep(Duration::from_millis(500));
    let (mut lines, mut events, mut own) = (Vec::new(), Vec::new(), Vec::new());
    let mut last_line = String::new();
    let mut last_save = Instant::now();
    for k in 1..=edits {
        while rx.try_recv().is_ok() {}
        let edited = format!("{original}\n本文第{k}次修改，补充说明有关事项。\n");
        let start = Instant::now();
        last_save = start;
        std::fs::write(notice, edited).map_err(|e| e.to_string())?;
        let mut got = None;
        let (at, line) = wait_rebuild(&rx, Duration::from_secs(30), &mut got)?;
        lines.push((at - start).as_secs_f64() * 1000.0);
        if let Some(ms) = ms_of(&line) {
            own.push(ms);
        }
        last_line = line;
        // The reload event may come just before or after the line.
        if sse {
            let deadline = Instant::now() + Duration::from_secs(2);
            while got.is_none() {
                match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok((t, Event::Sse)) => got = Some(t),
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            if let Some(t) = got {
                events.push((t - start).as_secs_f64() * 1000.0);
            }
        }
        // Let the watcher settle so saves do not merge.
        std::thread::sleep(Duration::from_millis(300));
    }
    let index = match startup_index {
        Some(startup) => {
            let (at, line) = wait_index(&rx, Duration::from_secs(600))?;
            Some(IndexTimes {
                startup,
                after_last_save: (at - last_save).as_secs_f64() * 1000.0,
                own: ms_of(&line),
            })
        }
        None => None,
    };
    drop(server);
    Ok(ServeFigures {
        edits,
        line: crate::measure::median_worst(&lines),
        event: (events.len() == edits).then(|| crate::measure::median_worst(&events)),
        own: (own.len() == edits).then(|| crate::measure::median_worst(&own)),
        startup_ms,
        last_line,
        index,
    })
}
